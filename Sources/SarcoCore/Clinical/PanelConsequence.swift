/// What the panel's exon coordinates say about a variant when the file carries
/// no upstream annotation: coding exon (frameshift or in-frame for indels,
/// start codon), canonical splice sites (+/-1-2), splice region (exon 1-3,
/// intron 3-8), intron, UTR, upstream/downstream. SNV amino acids need the
/// reference sequence, so coding SNVs stay `coding_sequence_variant`.
struct PanelConsequence {
  static let sourceName = "panel-derived"
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
    if let splice = SpliceSites.terms(start: start, end: end, exons: exons, strand: gene.strand) {
      terms.insert(contentsOf: splice.terms, at: 0)
      if hgvsc == nil, variant.kind == .snv, let anchor = splice.anchor,
        let c = view.codingPosition(gene: gene.symbol, position: anchor.position)
      {
        let offset = anchor.offset > 0 ? "+\(anchor.offset)" : "\(anchor.offset)"
        hgvsc = "c.\(c)\(offset)\(strandBase(variant.reference, gene.strand))>\(strandBase(variant.alternate, gene.strand))"
      }
    }
    let ordered = Self.order(terms, by: severity)
    return AlleleConsequence(
      gene: gene.symbol, transcript: locus.transcript, terms: ordered, impact: ordered.first.flatMap { severity[$0]?.impact },
      hgvsc: hgvsc, hgvsp: nil, protein: nil, exon: hit.region == .intron ? nil : hit.number,
      intron: hit.region == .intron ? hit.number : nil, exonCount: exons.isEmpty ? nil : exons.count,
      source: Self.sourceName, panelTranscript: true, codon: Self.codon(of: variant, gene: gene.symbol, view: view))
  }

  /// Distinct terms, most severe first (then by name). Static so sorting captures only the table,
  /// not a copy of this value per comparison.
  static func order(_ terms: [String], by severity: [String: (rank: Int, impact: String)]) -> [String] {
    var distinct: [(rank: Int, term: String)] = []
    distinct.reserveCapacity(terms.count)
    for term in terms where !distinct.contains(where: { $0.term == term }) {
      distinct.append((severity[term]?.rank ?? Int.max, term))
    }
    distinct.sort { ($0.rank, $0.term) < ($1.rank, $1.term) }
    return distinct.map(\.term)
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
