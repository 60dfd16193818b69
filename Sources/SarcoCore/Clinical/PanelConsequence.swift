/// What the panel's exon coordinates say about a variant when the file carries
/// no upstream annotation: coding exon (frameshift or in-frame for indels,
/// start codon), canonical splice sites (+/-1-2), splice region (exon 1-3,
/// intron 3-8), intron, UTR, upstream/downstream. SNV amino acids need the
/// reference sequence, so coding SNVs stay `coding_sequence_variant`.
struct PanelConsequence {
  let view: PanelView
  let severity: [String: (rank: Int, impact: String)]

  func derive(variant: Variant, hit: GeneHit, gene: Gene) -> AlleleConsequence? {
    guard variant.kind != .symbolic, variant.kind != .breakend, let locus = gene.locus(on: view.build) else { return nil }
    let exons = view.exonsByGene[gene.symbol] ?? []
    // Minimal alleles keep their anchor base, so `position...end` covers an indel's bases.
    let start = variant.position
    let end = max(variant.end, start)
    var terms: [String] = []
    var hgvsc: String?
    switch hit.region {
    case .codingExon:
      terms.append(contentsOf: codingTerms(variant: variant, locus: locus, strand: gene.strand))
      if variant.kind == .snv, let c = view.codingPosition(gene: gene.symbol, position: variant.position) {
        hgvsc = "c.\(c)\(strandBase(variant.reference, gene.strand))>\(strandBase(variant.alternate, gene.strand))"
      }
    case .utr5: terms.append("5_prime_UTR_variant")
    case .utr3: terms.append("3_prime_UTR_variant")
    case .noncodingExon: terms.append("non_coding_transcript_exon_variant")
    case .intron: terms.append("intron_variant")
    case .upstream: terms.append("upstream_gene_variant")
    case .downstream: terms.append("downstream_gene_variant")
    }
    if let splice = spliceTerms(start: start, end: end, exons: exons, strand: gene.strand) {
      terms.insert(contentsOf: splice.terms, at: 0)
      if hgvsc == nil, variant.kind == .snv, let anchor = splice.anchor,
        let c = view.codingPosition(gene: gene.symbol, position: anchor.position)
      {
        let offset = anchor.offset > 0 ? "+\(anchor.offset)" : "\(anchor.offset)"
        hgvsc = "c.\(c)\(offset)\(strandBase(variant.reference, gene.strand))>\(strandBase(variant.alternate, gene.strand))"
      }
    }
    let ordered = Array(Set(terms)).sorted { (severity[$0]?.rank ?? Int.max, $0) < (severity[$1]?.rank ?? Int.max, $1) }
    return AlleleConsequence(
      gene: gene.symbol, transcript: locus.transcript, terms: ordered, impact: ordered.first.flatMap { severity[$0]?.impact },
      hgvsc: hgvsc, hgvsp: nil, protein: nil, exon: hit.region == .intron ? nil : hit.number,
      intron: hit.region == .intron ? hit.number : nil, exonCount: exons.isEmpty ? nil : exons.count,
      source: "panel-derived", panelTranscript: true, codon: Self.codon(of: variant, gene: gene.symbol, view: view))
  }

  func codingTerms(variant: Variant, locus: GeneLocus, strand: Strand) -> [String] {
    var terms: [String] = []
    if let codingStart = locus.codingStart, let codingEnd = locus.codingEnd {
      let startCodon = strand == .plus ? codingStart...(codingStart + 2) : (codingEnd - 2)...codingEnd
      if variant.kind != .insertion && variant.position <= startCodon.upperBound && startCodon.lowerBound <= variant.end {
        terms.append("start_lost")
      }
    }
    let change = variant.alternate.count - variant.reference.count
    let isIndel = change != 0 && [.insertion, .deletion, .complex].contains(variant.kind)
    if isIndel {
      terms.append(change % 3 == 0 ? (change > 0 ? "inframe_insertion" : "inframe_deletion") : "frameshift_variant")
    } else {
      terms.append("coding_sequence_variant")
    }
    return terms
  }

  /// Splice terms for bases `start...end`, with the exon boundary base and
  /// signed intron offset (for `c.N+d` / `c.N-d`) nearest to them.
  func spliceTerms(start: Int, end: Int, exons: [Exon], strand: Strand)
    -> (terms: [String], anchor: (position: Int, offset: Int)?)?
  {
    guard exons.count > 1 else { return nil }
    var terms: Set<String> = []
    var anchor: (position: Int, offset: Int)?
    // Walk the introns in transcript order: exon i's 3' end (donor) to exon i+1's 5' end (acceptor).
    for index in 0..<(exons.count - 1) {
      let upstream = exons[index].interval
      let downstream = exons[index + 1].interval
      let donorBase = strand == .plus ? upstream.end : upstream.start
      let acceptorBase = strand == .plus ? downstream.start : downstream.end
      for (boundary, isDonor) in [(donorBase, true), (acceptorBase, false)] {
        // Splice sites reach 8 intronic and 3 exonic bases from the boundary.
        if end < boundary - 8 || start > boundary + 8 { continue }
        // Intron offset of the nearest touched base: positive after a donor, negative before an acceptor.
        let direction = (isDonor == (strand == .plus)) ? 1 : -1
        let intronBases = (1...8).map { boundary + direction * $0 }
        let exonBases = (0..<3).map { boundary - direction * $0 }
        let touchedIntron = intronBases.enumerated().filter { start <= $0.element && $0.element <= end }.map { $0.offset + 1 }
        let touchesExon = exonBases.contains { start <= $0 && $0 <= end }
        guard let nearest = touchedIntron.min() else {
          if touchesExon { terms.insert("splice_region_variant") }
          continue
        }
        if nearest <= 2 {
          terms.insert(isDonor ? "splice_donor_variant" : "splice_acceptor_variant")
        } else {
          terms.insert("splice_region_variant")
        }
        if anchor == nil { anchor = (boundary, isDonor ? nearest : -nearest) }
      }
    }
    return terms.isEmpty ? nil : (Array(terms), anchor)
  }

  func strandBase(_ bases: String, _ strand: Strand) -> String {
    strand == .plus ? bases : String(bases.reversed().map(Self.complement))
  }

  static func complement(_ base: Character) -> Character {
    switch base {
    case "A": return "T"
    case "C": return "G"
    case "G": return "C"
    case "T": return "A"
    default: return "N"
    }
  }

  /// Codon number of a single-base change inside the coding sequence.
  static func codon(of variant: Variant, gene: String, view: PanelView) -> Int? {
    guard variant.kind == .snv || variant.kind == .mnv || variant.kind == .deletion || variant.kind == .complex,
      let c = view.codingPosition(gene: gene, position: variant.position)
    else { return nil }
    return (c + 2) / 3
  }
}
