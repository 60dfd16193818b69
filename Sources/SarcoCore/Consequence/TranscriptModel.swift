/// One panel transcript with its genomic sequence: exon structure, spliced
/// sequence (5' to 3' of the transcript) and HGVS coordinate mapping.
///
/// Coordinates: `g` is a 1-based genomic position on the contig; `n` is a
/// 1-based position in the spliced transcript (`cdna`), extended below 1 and
/// beyond the last base for the flanks so `c.-N` and `c.*N` come out the same way.
public struct TranscriptModel: Sendable {
  public let gene: String
  public let accession: String
  public let contig: String
  public let strand: Strand
  /// Exons in transcript order, with the panel's numbers.
  public let exons: [Exon]
  /// Spliced transcript sequence, 5' to 3'.
  public let cdna: [UInt8]
  /// `n` of `c.1` and of the last base of the stop codon; nil for non-coding transcripts.
  public let cdsFirst: Int?
  public let cdsLast: Int?
  /// The reference protein, one letter per codon from `c.1` to the stop (`*` included); empty when non-coding.
  public let protein: [UInt8]
  /// Genomic bases around the transcript (span plus flank), plus-strand.
  let genome: [UInt8]
  let genomeStart: Int
  /// `n` of each exon's first base (transcript order).
  let exonFirstN: [Int]

  public enum ModelError: Error, Equatable, CustomStringConvertible {
    case contigMissing(String)
    /// The FASTA's contig ends (at `length`) before the transcript's last base (`needed`).
    case contigTooShort(contig: String, length: Int, needed: Int)
    case noExons
    case unknownBases(Int)

    public var description: String {
      switch self {
      case .contigMissing(let contig): return "contig \(contig) is not in the reference FASTA"
      case .contigTooShort(let contig, let length, let needed):
        return "contig \(contig) of the reference FASTA is \(length) bases long, but the transcript reaches \(needed)"
      case .noExons: return "the panel has no exons for this transcript"
      case .unknownBases(let count): return "the FASTA has \(count) N bases in its exons"
      }
    }
  }

  /// Builds the model from the panel's exons and the reference, keeping `flank`
  /// bases either side for flank naming and 3' shifting.
  public init(gene: Gene, locus: GeneLocus, exons panelExons: [Exon], reference: ReferenceSequence, flank: Int = 5_000)
    throws
  {
    guard !panelExons.isEmpty else { throw ModelError.noExons }
    let ordered = panelExons.sorted { gene.strand == .plus ? $0.interval.start < $1.interval.start : $0.interval.start > $1.interval.start }
    let contig = ordered[0].interval.contig
    let low = max(1, locus.span.start - flank)
    guard let text = reference.bases(contig: contig, start: low, end: locus.span.end + flank) else {
      throw ModelError.contigMissing(contig)
    }
    let loaded = Array(text.utf8)
    // A FASTA shorter than the panel's coordinates (another build, a truncated or subset file) returns fewer bases.
    let reach = max(locus.span.end, ordered.map(\.interval.end).max() ?? 0)
    guard low + loaded.count - 1 >= reach, ordered.allSatisfy({ $0.interval.start >= low && $0.interval.start <= $0.interval.end })
    else {
      throw ModelError.contigTooShort(contig: contig, length: reference.length(contig: contig) ?? low + loaded.count - 1, needed: reach)
    }
    self.gene = gene.symbol
    accession = locus.transcript
    self.contig = contig
    strand = gene.strand
    exons = ordered
    genome = loaded
    genomeStart = low
    var firsts: [Int] = []
    var spliced: [UInt8] = []
    for exon in ordered {
      firsts.append(spliced.count + 1)
      let slice = Array(genome[(exon.interval.start - low)...(exon.interval.end - low)])
      spliced.append(contentsOf: gene.strand == .plus ? slice : DNA.reverseComplement(slice))
    }
    let unknown = spliced.lazy.filter { $0 == UInt8(ascii: "N") }.count
    guard unknown == 0 else { throw ModelError.unknownBases(unknown) }
    exonFirstN = firsts
    cdna = spliced
    guard let codingStart = locus.codingStart, let codingEnd = locus.codingEnd else {
      cdsFirst = nil
      cdsLast = nil
      protein = []
      return
    }
    // Provisional, then widened to take in the stop codon when the models end the CDS before it.
    let first = Self.exonicN(gene.strand == .plus ? codingStart : codingEnd, exons: ordered, firsts: firsts, strand: gene.strand)
    var last = Self.exonicN(gene.strand == .plus ? codingEnd : codingStart, exons: ordered, firsts: firsts, strand: gene.strand)
    if let f = first, let l = last, l >= 3, f <= l, (l - f + 1) % 3 == 0, l + 3 <= spliced.count {
      let lastCodon = GeneticCode.translate(spliced[(l - 3)..<l])
      let nextCodon = GeneticCode.translate(spliced[l..<(l + 3)])
      if lastCodon != [UInt8(ascii: "*")] && nextCodon == [UInt8(ascii: "*")] { last = l + 3 }
    }
    cdsFirst = first
    cdsLast = last
    if let first, let last, first <= last { protein = GeneticCode.translate(spliced[(first - 1)..<last]) } else { protein = [] }
  }

  static func exonicN(_ g: Int, exons: [Exon], firsts: [Int], strand: Strand) -> Int? {
    for (index, exon) in exons.enumerated() where exon.interval.start <= g && g <= exon.interval.end {
      return firsts[index] + (strand == .plus ? g - exon.interval.start : exon.interval.end - g)
    }
    return nil
  }

  // MARK: Genomic sequence

  /// The plus-strand base at `g`, nil outside the loaded window.
  public func base(at g: Int) -> UInt8? {
    let index = g - genomeStart
    return index >= 0 && index < genome.count ? genome[index] : nil
  }

  public func bases(_ start: Int, _ end: Int) -> [UInt8]? {
    guard start <= end else { return [] }
    let low = start - genomeStart
    let high = end - genomeStart
    return low >= 0 && high < genome.count ? Array(genome[low...high]) : nil
  }

  // MARK: Where a genomic position falls

  public enum Location: Equatable {
    /// Exon at `index` (in `exons`) with transcript position `n`.
    case exon(index: Int, n: Int)
    /// Intron after exon `index` (transcript order).
    case intron(index: Int)
    /// Before the transcript's first base (5') or after its last (3'), by `distance` bases.
    case upstream(distance: Int)
    case downstream(distance: Int)
  }

  /// The first and last genomic base of the transcript in transcript order.
  var fivePrimeEnd: Int { strand == .plus ? exons[0].interval.start : exons[0].interval.end }
  var threePrimeEnd: Int { strand == .plus ? exons[exons.count - 1].interval.end : exons[exons.count - 1].interval.start }

  /// Signed distance along the transcript from `a` to `b` (positive when `b` is 3' of `a`).
  func along(_ a: Int, _ b: Int) -> Int { strand == .plus ? b - a : a - b }

  public func locate(_ g: Int) -> Location {
    if along(g, fivePrimeEnd) > 0 { return .upstream(distance: along(g, fivePrimeEnd)) }
    if along(threePrimeEnd, g) > 0 { return .downstream(distance: along(threePrimeEnd, g)) }
    for (index, exon) in exons.enumerated() {
      if exon.interval.start <= g && g <= exon.interval.end {
        return .exon(index: index, n: exonFirstN[index] + (strand == .plus ? g - exon.interval.start : exon.interval.end - g))
      }
      if index + 1 < exons.count && along(g, firstBase(of: index + 1)) > 0 && along(lastBase(of: index), g) > 0 {
        return .intron(index: index)
      }
    }
    return .intron(index: 0)
  }

  /// Genomic position of exon `index`'s first and last base in transcript order.
  func firstBase(of index: Int) -> Int { strand == .plus ? exons[index].interval.start : exons[index].interval.end }
  func lastBase(of index: Int) -> Int { strand == .plus ? exons[index].interval.end : exons[index].interval.start }

  /// Transcript position of an exonic base.
  public func n(_ g: Int) -> Int? {
    if case .exon(_, let n) = locate(g) { return n }
    return nil
  }

  // MARK: HGVS positions

  public var isCoding: Bool { cdsFirst != nil }
  public var coordinatePrefix: String { isCoding ? "c." : "n." }

  /// `123`, `-12`, `*40` for a transcript position (which may lie beyond either end).
  public func label(n: Int) -> String {
    guard let cdsFirst, let cdsLast else { return n >= 1 ? "\(n)" : "\(n - 1)" }
    if n < cdsFirst { return "-\(cdsFirst - n)" }
    if n > cdsLast { return "*\(n - cdsLast)" }
    return "\(n - cdsFirst + 1)"
  }

  /// HGVS position of a genomic base: `123`, `123+5`, `-12-3`, `*40`, `-1234` upstream.
  public func hgvsPosition(_ g: Int) -> String {
    switch locate(g) {
    case .exon(_, let n): return label(n: n)
    case .upstream(let distance): return label(n: 1 - distance)
    case .downstream(let distance): return label(n: cdna.count + distance)
    case .intron(let index):
      let donor = lastBase(of: index)
      let acceptor = firstBase(of: index + 1)
      let fromDonor = abs(g - donor)
      let toAcceptor = abs(g - acceptor)
      // The middle base of an odd-length intron takes `+` (HGVS).
      if fromDonor <= toAcceptor { return "\(label(n: exonFirstN[index] + exons[index].interval.length - 1))+\(fromDonor)" }
      return "\(label(n: exonFirstN[index + 1]))-\(toAcceptor)"
    }
  }
}
