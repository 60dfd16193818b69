/// Picks one consequence per (variant, panel gene): the panel transcript's
/// upstream entry, else the gene's most severe upstream entry, else one
/// computed from the reference FASTA (`predictor`), else one derived from the
/// panel's exon coordinates. With `recompute`, the computed one wins over
/// upstream entries and any disagreement with them is recorded.
public struct ConsequenceSelector: Sendable {
  let view: PanelView
  /// SO term to (rank, impact); lower rank is more severe.
  let severity: [String: (rank: Int, impact: String)]
  let predictor: ConsequencePredictor?
  let recompute: Bool

  public init(view: PanelView, predictor: ConsequencePredictor? = nil, recompute: Bool = false) {
    self.view = view
    self.predictor = predictor
    self.recompute = recompute && predictor != nil
    severity = ConsequencePredictor.severityTable(view.panel.knowledge.rules.severity)
  }

  /// One consequence per panel gene the variant touches (safe to call from many threads).
  /// `useReference: false` skips the computed consequence (a REF that disagrees with the FASTA).
  public func consequences(for variant: Variant, hits: [GeneHit], useReference: Bool = true) -> [AlleleConsequence] {
    hits.compactMap { select(for: variant, hit: $0, useReference: useReference) }
  }

  public func select(for variant: Variant, hit: GeneHit, useReference: Bool = true) -> AlleleConsequence? {
    guard let gene = view.gene(hit.gene) else { return nil }
    let entries = variant.upstream.filter { $0.gene == nil || $0.gene == gene.symbol || gene.aliases.contains($0.gene ?? "") }
    let upstream = entries.isEmpty ? nil : pick(entries, gene: gene, hit: hit).map {
      consequence(from: $0, gene: gene, hit: hit, variant: variant)
    }
    if let upstream, !recompute { return upstream }
    if useReference, let predictor, var computed = predictor.predict(variant: variant, gene: gene) {
      if let upstream { computed.upstreamDisagreement = UpstreamComparison.disagreement(computed: computed, upstream: upstream) }
      return computed
    }
    return upstream ?? PanelConsequence(view: view, severity: severity).derive(variant: variant, hit: hit, gene: gene)
  }

  func unversioned(_ accession: String?) -> String? { accession?.split(separator: ".").first.map(String.init) }

  func isPanelTranscript(_ entry: UpstreamConsequence, gene: Gene, hit: GeneHit) -> Bool {
    let wanted = Set([hit.transcript, gene.refseqTranscript, gene.ensemblTranscript].compactMap(unversioned))
    return [entry.transcript, entry.maneSelect].compactMap(unversioned).contains(where: wanted.contains)
  }

  func rank(_ entry: UpstreamConsequence) -> Int {
    entry.consequence.split(separator: "&").map { severity[String($0)]?.rank ?? Int.max }.min() ?? Int.max
  }

  func pick(_ entries: [UpstreamConsequence], gene: Gene, hit: GeneHit) -> UpstreamConsequence? {
    if let panel = entries.first(where: { isPanelTranscript($0, gene: gene, hit: hit) }) { return panel }
    // Most severe; ties keep file order so the choice is stable.
    return entries.enumerated().min { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }?.element
  }

  func consequence(from entry: UpstreamConsequence, gene: Gene, hit: GeneHit, variant: Variant) -> AlleleConsequence {
    let terms = entry.consequence.split(separator: "&").map(String.init)
      .sorted { (severity[$0]?.rank ?? Int.max) < (severity[$1]?.rank ?? Int.max) }
    let exon = Self.numberAndTotal(entry.exon)
    let intron = Self.numberAndTotal(entry.intron)
    let protein = entry.hgvsp.flatMap { entry.source == "BCSQ" ? Self.parseBCSQ($0) : ProteinChange.parse($0) }
    let onPanel = isPanelTranscript(entry, gene: gene, hit: hit)
    return AlleleConsequence(
      gene: gene.symbol, transcript: entry.transcript, terms: terms, impact: terms.first.flatMap { severity[$0]?.impact },
      hgvsc: entry.hgvsc, hgvsp: entry.hgvsp, protein: protein,
      exon: exon?.number ?? (onPanel || hit.region != .intron ? hit.number : nil),
      intron: intron?.number, exonCount: exon?.total ?? hit.total.map { hit.region == .intron ? $0 + 1 : $0 },
      source: Self.sourceName(entry.source), panelTranscript: onPanel,
      codon: PanelConsequence.codon(of: variant, gene: gene.symbol, view: view))
  }

  static func sourceName(_ tag: String) -> String {
    switch tag {
    case "CSQ": return "VEP CSQ"
    case "ANN": return "snpEff ANN"
    case "BCSQ": return "bcftools BCSQ"
    default: return tag
    }
  }

  /// `11/21` to (11, 21); `11-12/21` keeps the first.
  static func numberAndTotal(_ text: String?) -> (number: Int, total: Int?)? {
    guard let text else { return nil }
    let parts = text.split(separator: "/")
    guard let first = parts.first?.split(separator: "-").first, let number = Int(first) else { return nil }
    return (number, parts.count > 1 ? Int(parts[1]) : nil)
  }

  /// bcftools csq `amino_acid_change`: `842D>842V`, `213R>213*`, `557WK>557W`.
  static func parseBCSQ(_ text: String) -> ProteinChange? {
    let sides = text.split(separator: ">")
    guard sides.count == 2 else { return nil }
    func split(_ side: Substring) -> (Int, String)? {
      let digits = side.prefix(while: \.isNumber)
      guard let number = Int(digits) else { return nil }
      return (number, String(side.dropFirst(digits.count)))
    }
    guard let (position, reference) = split(sides[0]), let (_, alternate) = split(sides[1]), let first = reference.first
    else { return nil }
    if reference.count == 1 && alternate.count == 1 {
      let effect: ProteinChange.Effect = alternate == "*" ? .nonsense : (alternate == reference ? .synonymous : .missense)
      return ProteinChange(
        short: "\(reference)\(position)\(alternate)", position: position, referenceResidue: reference,
        alternateResidue: alternate, effect: effect)
    }
    let effect: ProteinChange.Effect = alternate.count < reference.count ? .deletion : .insertion
    return ProteinChange(
      short: "\(first)\(position)\(effect == .deletion ? "del" : "ins")", position: position,
      referenceResidue: String(first), alternateResidue: nil, effect: effect)
  }
}
