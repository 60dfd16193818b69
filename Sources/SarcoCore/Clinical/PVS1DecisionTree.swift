/// PVS1 by the ClinGen SVI decision tree (Abou Tayoun et al. 2018), worked out on
/// the panel's own exon model, with each VCEP's changes read from
/// `rules/pvs1_gene_rules.tsv`: nonsense and frameshift variants by whether the
/// premature stop escapes nonsense-mediated decay, canonical splice variants by
/// the exon skipping they predict (in frame or not), start-codon loss. A claim
/// that depends on where an indel really sits is not made without the sequence.
struct PVS1DecisionTree: Sendable {
  enum Outcome: Equatable {
    case met(ACMGStrength, evidence: String, source: String)
    /// The tree says PVS1 does not apply (shown among the criteria not met, with why).
    case notApplicable(String)
    case notEvaluated(String)
  }

  static let svi = "ClinGen SVI PVS1 decision tree: Abou Tayoun et al. 2018 PMID:30192042"

  let view: PanelView
  let rules: [String: [PVS1GeneRule]]
  let thresholds: GermlineThresholds?
  let placement: IndelPlacement?

  /// The panel's PVS1 gene rules and thresholds (`rules/pvs1_gene_rules.tsv`, `rules/germline_thresholds.tsv`).
  init(view: PanelView, placement: IndelPlacement?) {
    self.view = view
    rules = view.germlineRuleGroups.pvs1ByGene
    thresholds = view.panel.knowledge.rules.germline.thresholds
    self.placement = placement
  }

  /// Nil when the variant is not a null variant (no PVS1 question to ask).
  func assess(variant: Variant, consequence: AlleleConsequence, gene: Gene) -> Outcome? {
    let truncating = consequence.hasAny(["stop_gained", "frameshift_variant"])
    let splice = consequence.hasAny(["splice_donor_variant", "splice_acceptor_variant"])
    let startLoss = consequence.has("start_lost") || consequence.protein?.effect == .startLost
    guard truncating || splice || startLoss else { return nil }
    guard gene.mechanism.contains("LoF") else {
      return .notApplicable(
        "PVS1: \(gene.symbol)'s disease mechanism is \(gene.mechanism.isEmpty ? "not recorded in the panel" : gene.mechanism), not loss of function")
    }
    guard let thresholds else { return .notEvaluated("PVS1: the panel has no rules/germline_rules.tsv (NMD and protein-fraction limits)") }
    var hgvsPlace: CodingPlace?
    if let placement, placement.needsReference(variant: variant, consequence: consequence, trustUpstream: false) != nil {
      // An annotator's HGVS is 3'-shifted on the reference: it may place the indel; the VCF position may not.
      guard consequence.source != PanelConsequence.sourceName, let place = consequence.hgvsc.flatMap(CodingPlace.init(hgvsc:)) else {
        return .notEvaluated(
          "PVS1: " + (placement.needsReference(variant: variant, consequence: consequence, trustUpstream: false) ?? "needs the reference sequence"))
      }
      if let offset = place.intronOffset, abs(offset) > 2 {
        return .notApplicable(
          "PVS1: the annotator's 3'-shifted HGVS (\(consequence.hgvsc ?? "")) places the indel outside the canonical +/-1,2 splice site")
      }
      hgvsPlace = place
    }
    guard let model = Model(view: view, gene: gene) else { return .notEvaluated("PVS1: no coding transcript model for \(consequence.gene) on \(view.build.rawValue)") }
    let geneRules = rules[model.gene.symbol] ?? []
    if truncating && hgvsPlace?.intronOffset == nil {
      return truncation(variant: variant, consequence: consequence, model: model, rules: geneRules, thresholds: thresholds)
    }
    if splice || hgvsPlace?.intronOffset != nil {
      return spliceSite(variant: variant, consequence: consequence, place: hgvsPlace, model: model, rules: geneRules, thresholds: thresholds)
    }
    if let rule = geneRules.first(where: { $0.kind == .initiationCodon }) {
      return rule.strength.map { .met($0, evidence: "start-codon loss: \(rule.description)", source: rule.source) }
        ?? .notApplicable("PVS1: start-codon loss in \(model.gene.symbol): \(rule.description) (\(rule.source))")
    }
    return .met(
      .supporting,
      evidence: "start-codon loss: PVS1_Supporting unless pathogenic variants are known upstream of the next in-frame start codon (then Moderate; not checked here)",
      source: Self.svi)
  }

  // MARK: Nonsense and frameshift

  func truncation(
    variant: Variant, consequence: AlleleConsequence, model: Model, rules: [PVS1GeneRule], thresholds: GermlineThresholds
  ) -> Outcome {
    guard let codon = consequence.protein?.position ?? view.codingPosition(gene: model.gene.symbol, position: variant.position).map({ ($0 + 2) / 3 })
    else { return .notEvaluated("PVS1: the codon of the change is unknown") }
    let stop = Self.prematureStop(consequence: consequence, codon: codon)
    let stopText = stop.fromHGVS ? "premature stop at codon \(stop.codon)" : "premature stop position unknown, codon \(stop.codon) of the change used"
    let step = rules.filter { $0.kind == .truncationAfter && ($0.residues?.lowerBound ?? Int.max) <= stop.codon }
      .max { ($0.residues?.lowerBound ?? 0) < ($1.residues?.lowerBound ?? 0) }
    let stopExon = model.exon(ofCodon: stop.codon)
    let inExon = rules.first { $0.kind == .truncationExon && $0.exon == stopExon?.number }
    if let rule = inExon ?? step {
      return rule.strength.map { .met($0, evidence: "\(stopText): \(rule.description)", source: rule.source) }
        ?? .notApplicable("PVS1: \(stopText): \(rule.description) (\(rule.source))")
    }
    let decay = model.escapesDecay(codon: stop.codon, penultimateBases: Int(thresholds[.nmdPenultimateExonBases]))
    if let reason = decay.escape {
      let removed = (stop.codon)...model.proteinLength
      return escapedDecay(removed: removed, model: model, rules: rules, thresholds: thresholds, why: "\(stopText) \(reason)")
    }
    return .met(
      .veryStrong, evidence: "\(consequence.mostSevere): \(stopText) \(decay.text): nonsense-mediated decay expected",
      source: "\(Self.svi); NMD rule with \(thresholds.cited(.nmdPenultimateExonBases, unit: "bases"))")
  }

  /// Strength when the transcript escapes decay (or an exon is skipped in frame) and no VCEP rule says more:
  /// removing more than the table's fraction of the protein is Strong, less is Moderate (Abou Tayoun et al. 2018).
  func escapedDecay(
    removed: ClosedRange<Int>, model: Model, rules: [PVS1GeneRule], thresholds: GermlineThresholds, why: String
  ) -> Outcome {
    let fraction = Double(removed.count) / Double(max(model.proteinLength, 1))
    let limit = thresholds[.pvs1StrongProteinFraction]
    let percent = Int((fraction * 100).rounded())
    let strength: ACMGStrength = fraction > limit ? .strong : .moderate
    return .met(
      strength,
      evidence: "\(why); removes \(removed.count) of \(model.proteinLength) residues (\(percent)%, \(fraction > limit ? "more" : "not more") than \(NamedValues.format(limit * 100))%); no critical region known to the panel",
      source: "\(Self.svi); \(thresholds.cited(.pvs1StrongProteinFraction))")
  }

  /// The premature stop codon: from `fsTerN` in the HGVS when given, else the changed codon itself.
  static func prematureStop(consequence: AlleleConsequence, codon: Int) -> (codon: Int, fromHGVS: Bool) {
    if consequence.has("stop_gained") && !consequence.has("frameshift_variant") { return (codon, true) }
    guard let hgvsp = consequence.hgvsp, let range = hgvsp.range(of: #"fs(Ter|\*|X)(\d+)"#, options: .regularExpression) else {
      return (codon, false)
    }
    let digits = hgvsp[range].drop { !$0.isNumber }
    guard let offset = Int(digits), offset >= 1 else { return (codon, false) }
    return (codon + offset - 1, true)
  }

  // MARK: Canonical splice sites

  func spliceSite(
    variant: Variant, consequence: AlleleConsequence, place: CodingPlace?, model: Model, rules: [PVS1GeneRule],
    thresholds: GermlineThresholds
  ) -> Outcome {
    guard let (exon, site) = model.skippedExon(position: variant.position, end: max(variant.end, variant.position), place: place)
    else { return .notEvaluated("PVS1: which exon's splice site the change hits could not be placed on the panel transcript") }
    let label = "canonical \(site.rawValue) site of exon \(exon.number)/\(model.exonCount)"
    if let rule = rules.first(where: { $0.kind == .spliceExon && $0.exon == exon.number && ($0.site == .any || $0.site == site) }) {
      return rule.strength.map { .met($0, evidence: "\(label): \(rule.description)", source: rule.source) }
        ?? .notApplicable("PVS1: \(label): \(rule.description) (\(rule.source))")
    }
    guard let coding = model.locus.codingPart(of: exon.interval) else {
      return .notApplicable("PVS1: \(label): the exon is non-coding, so skipping it leaves the coding sequence intact")
    }
    if coding.contains(model.codingStart) || coding.contains(model.codingEnd) {
      return .notEvaluated("PVS1: \(label): the exon holds the start or stop codon, so the effect of skipping it cannot be read from the exon model (needs RNA evidence)")
    }
    let length = coding.count
    let residues = model.residues(of: coding)
    if length % 3 != 0 {
      // Out of frame: the new stop falls downstream; before the last two exons decay is expected.
      if exon.number < model.exonCount - 1 {
        return .met(
          .veryStrong,
          evidence: "\(label): skipping it (\(length) coding bases, not a multiple of 3) shifts the reading frame; nonsense-mediated decay expected (exon skipping assumed, cryptic sites not modelled)",
          source: Self.svi)
      }
      return escapedDecay(
        removed: residues.lowerBound...model.proteinLength, model: model, rules: rules, thresholds: thresholds,
        why: "\(label): skipping it shifts the reading frame in the last exons, so decay is not expected")
    }
    return escapedDecay(
      removed: residues, model: model, rules: rules, thresholds: thresholds,
      why: "\(label): skipping it (\(length) coding bases) keeps the reading frame")
  }

  // MARK: Transcript model

  /// The gene's panel transcript on this build, in transcript order.
  struct Model {
    let view: PanelView
    let gene: Gene
    let locus: GeneLocus
    let exons: [Exon]
    let codingStart: Int
    let codingEnd: Int
    let codingLength: Int

    init?(view: PanelView, gene: Gene) {
      guard let locus = gene.locus(on: view.build), let start = locus.codingStart, let end = locus.codingEnd else { return nil }
      let exons = view.exons(of: gene.symbol)
      guard !exons.isEmpty else { return nil }
      self.view = view
      self.gene = gene
      self.locus = locus
      self.exons = exons
      codingStart = start
      codingEnd = end
      codingLength = exons.compactMap { locus.codingPart(of: $0.interval)?.count }.reduce(0, +)
    }

    var exonCount: Int { exons.count }
    /// Residues, the stop codon excluded.
    var proteinLength: Int { max(codingLength / 3 - 1, 1) }

    /// Codons spanned by a stretch of coding bases.
    func residues(of coding: ClosedRange<Int>) -> ClosedRange<Int> {
      let ends = [coding.lowerBound, coding.upperBound].compactMap { view.codingPosition(gene: gene.symbol, position: $0) }
      let first = ((ends.min() ?? 1) + 2) / 3
      let last = ((ends.max() ?? 1) + 2) / 3
      return first...max(first, last)
    }

    /// The exon holding a codon's first base.
    func exon(ofCodon codon: Int) -> Exon? {
      guard let position = view.genomicPosition(gene: gene.symbol, codingPosition: codon * 3 - 2) else { return nil }
      return exons.first { $0.interval.contains(position) }
    }

    /// Whether a premature stop at `codon` escapes nonsense-mediated decay (last exon, or the
    /// last `penultimateBases` of the penultimate exon), and where it lies.
    func escapesDecay(codon: Int, penultimateBases: Int) -> (escape: String?, text: String) {
      guard exons.count > 1 else { return ("in a single-exon transcript", "single exon") }
      guard let position = view.genomicPosition(gene: gene.symbol, codingPosition: codon * 3 - 2),
        let exon = exon(ofCodon: codon)
      else { return (nil, "(exon not placed)") }
      let place = "in exon \(exon.number)/\(exons.count)"
      if exon.number == exons.count { return ("\(place), the last exon: expected to escape nonsense-mediated decay", place) }
      if exon.number == exons.count - 1 {
        let toEnd = gene.strand == .plus ? exon.interval.end - position : position - exon.interval.start
        if toEnd < penultimateBases {
          return ("\(place), \(toEnd) bases before the end of the penultimate exon (< \(penultimateBases)): expected to escape nonsense-mediated decay", place)
        }
      }
      return (nil, place)
    }

    /// The exon whose canonical splice site the change hits, and which site: from the genomic position
    /// (+/-1,2 beside an exon, in transcript orientation), else from the annotator's HGVS.
    func skippedExon(position: Int, end: Int, place: CodingPlace?) -> (Exon, PVS1GeneRule.SpliceSite)? {
      if let place, let offset = place.intronOffset,
        let anchor = view.genomicPosition(gene: gene.symbol, codingPosition: place.codingPosition),
        let exon = exons.first(where: { $0.interval.contains(anchor) })
      {
        return (exon, offset > 0 ? .donor : .acceptor)
      }
      for exon in exons {
        let low = exon.interval.start
        let high = exon.interval.end
        let before = (low - 2)...(low - 1)
        let after = (high + 1)...(high + 2)
        let touches = { (range: ClosedRange<Int>) in range.overlaps(position...end) }
        if touches(after) { return (exon, gene.strand == .plus ? .donor : .acceptor) }
        if touches(before) { return (exon, gene.strand == .plus ? .acceptor : .donor) }
      }
      return nil
    }
  }
}

/// Where an HGVS `c.` name puts a change: the coding position and, for intronic changes, the offset
/// (`c.548-3del` -> 548, -3). The 3'-most position is used for ranges.
struct CodingPlace: Equatable {
  let codingPosition: Int
  let intronOffset: Int?

  init?(hgvsc: String) {
    let name = hgvsc.split(separator: ":").last.map(String.init) ?? hgvsc
    // UTR positions (c.-12, c.*40) are outside the coding sequence: no coding place.
    guard name.hasPrefix("c."), !name.hasPrefix("c.-"), !name.hasPrefix("c.*"), let match = name.range(of: #"(\d+)([+-]\d+)?(?=[ACGTacgt>]|del|dup|ins|_|$)"#, options: .regularExpression)
    else { return nil }
    let text = name[match]
    let digits = text.prefix { $0.isNumber }
    guard let position = Int(digits) else { return nil }
    codingPosition = position
    let rest = text.dropFirst(digits.count)
    intronOffset = rest.isEmpty ? nil : Int(rest)
  }
}
