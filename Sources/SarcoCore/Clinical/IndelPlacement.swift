/// Whether an indel's consequence depends on where 3' shifting would put it, which
/// only the reference sequence can tell: near an exon edge, the start or the stop codon.
struct IndelPlacement: Sendable {
  let view: PanelView
  let windowBases: Int
  let source: String

  /// Why the consequence of this indel cannot be trusted without the sequence, or nil when it can
  /// (SNVs and MNVs, consequences computed from the reference, indels away from every edge).
  /// `trustUpstream`: an annotator's consequence counts as placed (the somatic reading); the germline
  /// PVS1 tree passes false and reads the annotator's 3'-shifted HGVS instead.
  func needsReference(variant: Variant, consequence: AlleleConsequence, trustUpstream: Bool = true) -> String? {
    guard variant.kind != .snv, variant.kind != .mnv, consequence.source != ConsequencePredictor.sourceName,
      !trustUpstream || consequence.source == PanelConsequence.sourceName,
      let distance = distanceToEdge(variant: variant, gene: consequence.gene), distance <= windowBases
    else { return nil }
    return "not evaluated: needs the reference sequence (--reference): the indel lies \(distance) bases from an exon edge, start or stop codon, and 3' shifting may move it (window \(windowBases) bases; \(source))"
  }

  /// Bases from the indel to the nearest exon edge, start or stop codon of the gene's panel transcript.
  func distanceToEdge(variant: Variant, gene symbol: String) -> Int? {
    guard let gene = view.gene(symbol), let locus = gene.locus(on: view.build) else { return nil }
    let start = variant.position
    let end = max(variant.end, variant.position)
    var edges: [Int] = []
    for exon in view.exons(of: gene.symbol) { edges += [exon.interval.start, exon.interval.end] }
    if let codingStart = locus.codingStart, let codingEnd = locus.codingEnd { edges += [codingStart, codingEnd] }
    return edges.map { Self.distance($0, start, end) }.min()
  }

  static func distance(_ point: Int, _ start: Int, _ end: Int) -> Int {
    point < start ? start - point : (point > end ? point - end : 0)
  }
}
