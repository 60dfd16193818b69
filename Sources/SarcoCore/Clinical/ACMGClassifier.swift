/// ACMG/AMP 2015 germline criteria (Richards et al. 2015) as the ClinGen VCEPs
/// apply them, combined on the Tavtigian et al. 2020 point scale. Strengths,
/// points, thresholds and gene specifications come from the panel's rule tables;
/// only criteria the input can support are evaluated, the rest are listed with
/// what they need. BA1 is stand-alone.
public struct ACMGClassifier: Sendable {
  public struct Input: Sendable {
    public let variant: Variant
    public let consequence: AlleleConsequence
    public let gene: Gene
    public let metrics: AlleleMetrics

    public init(variant: Variant, consequence: AlleleConsequence, gene: Gene, metrics: AlleleMetrics) {
      self.variant = variant
      self.consequence = consequence
      self.gene = gene
      self.metrics = metrics
    }
  }

  let view: PanelView
  let known: KnownVariantIndex
  let rules: RuleTables
  let classes: [RuleTables.ACMGClass]
  /// Whether PS1/PM5 may use ClinVar's classifications of other variants.
  let useClinVarCriteria: Bool
  /// Names the known variants' amino acids and finds repeats (needs the reference).
  let predictor: ConsequencePredictor?
  let pvs1: PVS1DecisionTree
  let frequency: PopulationFrequencyCriteria
  let computational: ComputationalCriteria
  let codons: ClinVarCodonCriteria
  let pm1: [String: [PM1Region]]

  public init(view: PanelView, known: KnownVariantIndex, useClinVarCriteria: Bool, predictor: ConsequencePredictor? = nil) {
    self.view = view
    self.known = known
    self.predictor = predictor
    rules = view.panel.knowledge.rules
    classes = rules.acmgClasses
    self.useClinVarCriteria = useClinVarCriteria
    let placement = rules.germline.thresholds.map {
      IndelPlacement(view: view, windowBases: Int($0[.indelPlacementWindowBases]), source: $0.source(.indelPlacementWindowBases))
    }
    pvs1 = PVS1DecisionTree(view: view, placement: placement)
    frequency = PopulationFrequencyCriteria(view: view)
    computational = ComputationalCriteria(rules: rules.germline)
    codons = ClinVarCodonCriteria(view: view, known: known, predictor: predictor)
    pm1 = view.germlineRuleGroups.pm1ByGene
  }

  public func classify(_ input: Input) -> GermlineFinding {
    var sheet = CriteriaSheet(rules: rules)
    let consequence = input.consequence
    let variant = input.variant
    let missense = consequence.protein?.effect == .missense || consequence.has("missense_variant")
    let synonymous = consequence.protein?.effect == .synonymous || consequence.mostSevere == "synonymous_variant"

    // PVS1 by the decision tree.
    var pvs1Evaluated = false
    switch pvs1.assess(variant: variant, consequence: consequence, gene: input.gene) {
    case .met(let strength, let evidence, let source)?:
      sheet.add(.PVS1, strength, evidence: "\(consequence.mostSevere) in \(input.gene.symbol): \(evidence)", source: source)
      pvs1Evaluated = true
    case .notApplicable(let text)?: sheet.note(text)
    case .notEvaluated(let text)?: sheet.note(text)
    case nil: break
    }
    let pvs1Strength = sheet.strength(of: .PVS1)

    if useClinVarCriteria {
      if known.isEmpty {
        sheet.note("PS1/PM5: not evaluated: the panel has no ClinVar known variants on \(view.build.rawValue)")
      } else {
        codons.evaluate(
          consequence: consequence, variant: variant, pvs1: pvs1Strength, pvs1Evaluated: pvs1Evaluated, sheet: &sheet)
      }
    } else {
      sheet.note("PS1/PM5: not evaluated: ClinVar criteria switched off (--clinvar-criteria off)")
    }

    if missense { criticalRegion(consequence: consequence, gene: input.gene, sheet: &sheet) }
    frequency.evaluate(variant: variant, gene: input.gene, metrics: input.metrics, sheet: &sheet)
    if pvs1Strength == nil { lengthChange(input: input, sheet: &sheet) }

    // PP3/BP4: never on top of PVS1.
    if pvs1Strength == nil {
      if missense {
        computational.missense(metrics: input.metrics, sheet: &sheet)
      } else if consequence.hasAny(["splice_region_variant", "intron_variant", "synonymous_variant"]) {
        computational.splicing(metrics: input.metrics, synonymous: synonymous, sheet: &sheet)
      }
    }
    if synonymous && !consequence.has("splice_region_variant") && !sheet.has(.PP3) {
      switch computational.spliceNeutral(metrics: input.metrics) {
      case .neutral(let text, let source):
        sheet.add(.BP7, evidence: "synonymous, outside the splice region, \(text)", source: source)
      case .predictsEffect(let text):
        sheet.note("BP7: not met: \(text) predicts a splice effect")
      case .notEvaluated(let reason):
        sheet.note("BP7: not evaluated: \(reason)")
      }
    }

    let (chosen, classRule) = classification(sheet)
    let clinvar = known.entry(for: variant).map {
      ClinVarView(variationID: $0.clinvarID, significance: $0.significance, reviewStatus: $0.reviewStatus, stars: $0.stars, release: $0.release)
    }
    return GermlineFinding(
      variantKey: variant.key, gene: input.gene.symbol, consequence: consequence,
      alteration: Alteration.name(consequence: consequence, variant: variant), classification: chosen,
      points: sheet.total, criteria: sheet.met, notEvaluated: sheet.notEvaluated, classRule: classRule, clinvar: clinvar,
      clinvarComparison: clinvar.flatMap { ClinVarComparison.describe(ours: chosen, clinvar: $0, minimumStars: minimumStars) },
      zygosity: variant.tumor?.zygosity.rawValue, syndromes: input.gene.syndromes.isEmpty ? nil : input.gene.syndromes)
  }

  var minimumStars: Int { Int(rules.germline.thresholds?[.clinvarMinimumStars] ?? 2) }

  /// The class: Benign when BA1 is met (stand-alone, Richards et al. 2015), else the point band.
  func classification(_ sheet: CriteriaSheet) -> (GermlineClass, String) {
    if sheet.has(.BA1) {
      return (.benign, "Benign: BA1 is stand-alone whatever else is met (Richards et al. 2015 PMID:25741868; ClinGen SVI Ghosh et al. 2018 PMID:30311383)")
    }
    let total = sheet.total
    guard let band = classes.first(where: { $0.contains(total) }), let chosen = GermlineClass(rawValue: band.name) else {
      return (.uncertain, "no class band in rules/acmg_classes.tsv holds \(total) points")
    }
    return (chosen, "\(band.name): \(band.range) points; \(band.source)")
  }

  /// PM1: a VCEP-defined critical region, or a recurrent residue without benign variation, from `rules/pm1_regions.tsv`.
  func criticalRegion(consequence: AlleleConsequence, gene: Gene, sheet: inout CriteriaSheet) {
    let regions = pm1[gene.symbol] ?? []
    if let excluded = regions.first(where: { $0.strength == nil }) {
      sheet.note("PM1: not applicable in \(gene.symbol): \(excluded.description) (\(excluded.source))")
      return
    }
    guard let residue = consequence.residue else { return }
    let change = consequence.protein?.short
    let matching = regions.filter { region in
      (region.residues?.contains(residue) ?? false) && (region.change == nil || region.change == change)
    }
    if let region = matching.min(by: { ($0.strength ?? .supporting) < ($1.strength ?? .supporting) }), let strength = region.strength {
      sheet.add(
        .PM1, strength, evidence: "missense \(change ?? "at residue \(residue)") in \(gene.symbol): \(region.description)",
        source: region.source)
    }
  }

  /// PM4: protein length change by an in-frame indel outside a repeat, or a stop-loss (Richards et al. 2015).
  func lengthChange(input: Input, sheet: inout CriteriaSheet) {
    let consequence = input.consequence
    let stopLoss = consequence.has("stop_lost") || consequence.protein?.effect == .stopLost
    let inFrame =
      consequence.hasAny(["inframe_deletion", "inframe_insertion"])
      || [.deletion, .insertion, .duplication, .delins].contains(consequence.protein?.effect ?? .other)
    guard stopLoss || inFrame else { return }
    if stopLoss {
      sheet.add(.PM4, evidence: "\(consequence.mostSevere): the protein is extended past its stop codon")
      return
    }
    guard let predictor else {
      sheet.note("PM4: not evaluated: needs the reference sequence (--reference) to tell whether the in-frame indel lies in a repeat (Richards et al. 2015 PM4/BP3)")
      return
    }
    switch predictor.isInRepeat(variant: input.variant, gene: input.gene) {
    case true?:
      sheet.note("PM4: not met: the in-frame indel changes a tandem repeat in the reference (BP3 territory; repeat function not assessed)")
    case false?:
      sheet.add(.PM4, evidence: "\(consequence.mostSevere): protein length change outside a repeat (checked on the reference)")
    case nil:
      sheet.note("PM4: not evaluated: the transcript could not be modelled on the reference")
    }
  }
}
