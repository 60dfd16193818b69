/// Oncogenicity of a somatic small variant by the ClinGen/CGC/VICC SOP (Horak et
/// al. 2022): each code the panel's `oncogenicity_criteria.tsv` lists is weighed
/// with the thresholds written there, points are summed and the class read from
/// `oncogenicity_classes.tsv`. Codes the input cannot support are listed as not
/// evaluated, with what they need.
public struct OncogenicityClassifier: Sendable {
  public struct Input: Sendable {
    public let variant: Variant
    public let consequence: AlleleConsequence
    public let gene: Gene
    public let metrics: AlleleMetrics
    public let clinvar: KnownVariant?
    /// Evidence matched to the variant (the `oncogenic` items give OS2).
    public let evidence: [MatchedEvidence]

    public init(
      variant: Variant, consequence: AlleleConsequence, gene: Gene, metrics: AlleleMetrics, clinvar: KnownVariant?,
      evidence: [MatchedEvidence]
    ) {
      self.variant = variant
      self.consequence = consequence
      self.gene = gene
      self.metrics = metrics
      self.clinvar = clinvar
      self.evidence = evidence
    }
  }

  let view: PanelView
  let index: SomaticKnowledgeIndex
  let rules: SomaticRules
  let placement: IndelPlacement?
  /// The PVS1 tree, reused for OVS1's null-variant strength (nil without germline rule tables).
  let nullVariant: PVS1DecisionTree?
  let pointsByStrength: [ACMGStrength: Int]

  public init(view: PanelView, index: SomaticKnowledgeIndex) {
    self.view = view
    self.index = index
    rules = view.panel.knowledge.rules.somatic
    let germline = view.panel.knowledge.rules.germline
    nullVariant = germline.thresholds == nil ? nil : PVS1DecisionTree(view: view, placement: nil)
    pointsByStrength = germline.points
    placement = rules.thresholds.map {
      IndelPlacement(view: view, windowBases: Int($0[.indelPlacementWindowBases]), source: $0.source(.indelPlacementWindowBases))
    }
  }

  public func classify(_ input: Input) -> OncogenicityAssessment {
    guard !rules.oncogenicityCriteria.isEmpty, !rules.oncogenicityClasses.isEmpty else {
      return OncogenicityAssessment(
        classification: nil, points: 0, criteria: [],
        notEvaluated: ["oncogenicity: the panel has no oncogenicity rule tables (rules/oncogenicity_criteria.tsv, rules/oncogenicity_classes.tsv)"],
        classRule: "")
    }
    var met: [MetCriterion] = []
    var notEvaluated: [String] = []
    func add(_ code: OncogenicityCode, _ evidence: String, strength modified: ACMGStrength?, source extra: String?) {
      guard let row = rules.criterion(code) else { return }
      let strength = modified?.rawValue ?? row.strength
      let changed = strength != row.strength
      let points = changed ? (modified.flatMap { pointsByStrength[$0] } ?? row.points) * (row.points < 0 ? -1 : 1) : row.points
      met.append(
        MetCriterion(
          code: changed ? "\(code.rawValue)_\(modified!.suffix)" : code.rawValue, criterion: code.rawValue, strength: strength,
          points: points, evidence: evidence, source: [row.source, extra].compactMap { $0 }.joined(separator: "; ")))
    }
    func add(_ code: OncogenicityCode, _ evidence: String, source extra: String? = nil) {
      add(code, evidence, strength: nil, source: extra)
    }
    func has(_ code: OncogenicityCode) -> Bool { rules.criterion(code) != nil }
    let consequence = input.consequence
    let protein = consequence.protein
    let missense = protein?.effect == .missense || consequence.has("missense_variant")
    let inFrame =
      consequence.hasAny(["inframe_deletion", "inframe_insertion"])
      || [.deletion, .insertion, .duplication, .delins].contains(protein?.effect ?? .other)
    let role = input.gene.role

    // OVS1: null variant in a tumour suppressor, weighed like PVS1 (Horak et al. 2022 defer to the Abou Tayoun
    // tree): a truncation that escapes decay near the end of the protein is not full loss of function.
    if has(.OVS1), consequence.isTruncating, role.contains("tumour_suppressor") {
      if let reason = placement?.needsReference(variant: input.variant, consequence: consequence) {
        notEvaluated.append("OVS1: \(reason)")
      } else {
        let what = "\(consequence.mostSevere) in \(input.gene.symbol), a tumour suppressor (\(consequence.proteinBasis?.rawValue ?? "annotation"))"
        switch nullVariant?.assess(variant: input.variant, consequence: consequence, gene: input.gene) {
        case .met(let strength, let evidence, let source)?:
          add(.OVS1, "\(what): \(evidence)", strength: strength, source: source)
        case .notApplicable(let text)?:
          notEvaluated.append("OVS1: not applied: \(text.replacingOccurrences(of: "PVS1: ", with: ""))")
        case .notEvaluated(let text)?:
          notEvaluated.append("OVS1: \(text.replacingOccurrences(of: "PVS1: ", with: ""))")
        case nil:
          add(.OVS1, what, strength: nil, source: nil)
        }
      }
    }

    // OS2: well-established functional evidence for this change, codon or exon. Residue- and exon-level studies
    // speak of activating (missense or in-frame) changes there, never of a truncation or an unknown change.
    if let row = rules.criterion(.OS2) {
      let best = Int(row.parameter("best_level"))
      let functional = input.evidence.filter {
        $0.evidenceType == "oncogenic" && $0.supports && $0.applied && $0.level.rank <= best && $0.specificity != .gene
      }
      func covers(_ item: MatchedEvidence) -> Bool {
        switch item.specificity {
        case .exact: return true
        case .codon: return missense
        case .exon, .gene: return missense || inFrame
        }
      }
      if let item = functional.first(where: { protein != nil && covers($0) }) {
        add(.OS2, "\(item.id) (\(item.matchedBy), level \(item.level.rawValue)): \(item.citation)")
      } else if let item = functional.first {
        notEvaluated.append(
          protein == nil
            ? "OS2: not evaluated: protein change unknown (\(item.id) is functional evidence for changes at \(item.matchedBy))"
            : "OS2: not applied: \(item.id) is functional evidence for \(item.specificity == .codon ? "missense" : "missense or in-frame") changes at \(item.matchedBy), not \(protein!.short)")
      }
    }

    // Hotspots: OS3, OM3, OP3 for missense and in-frame changes.
    var hotspotCode: OncogenicityCode?
    if missense || inFrame {
      hotspotCode = hotspotCriteria(consequence: consequence, missense: missense, add: add, notEvaluated: &notEvaluated)
    }

    // OM1: a critical part of a functional domain.
    if has(.OM1), missense || inFrame, let domain = domain(for: consequence) {
      add(.OM1, "\(input.gene.symbol) \(domain.locator) (\(domain.name))", source: domain.source)
    }

    // OM2: protein length change in an oncogene or tumour suppressor; stop-loss in a tumour suppressor.
    if has(.OM2) {
      if inFrame, role.contains("oncogene") || role.contains("tumour_suppressor") {
        if let reason = placement?.needsReference(variant: input.variant, consequence: consequence) {
          notEvaluated.append("OM2: \(reason)")
        } else {
          add(.OM2, "in-frame \(protein?.short ?? consequence.mostSevere) in \(input.gene.symbol) (\(role))")
        }
      } else if consequence.has("stop_lost"), role.contains("tumour_suppressor") {
        add(.OM2, "stop-loss in \(input.gene.symbol), a tumour suppressor")
      }
    }

    // OM4: another missense at this residue is an established oncogenic change (not with a hotspot code).
    if has(.OM4), missense, hotspotCode != .OS3 && hotspotCode != .OM3, let protein,
      let other = establishedMissense(gene: consequence.gene, residue: protein.position, except: protein.short)
    {
      add(.OM4, "\(other) at the same residue is an established oncogenic change")
    }

    // OP1 / SBP1: REVEL for missense.
    if missense, let op1 = rules.criterion(.OP1), let sbp1 = rules.criterion(.SBP1) {
      if let revel = input.metrics.revel {
        if revel >= op1.parameter("min_revel") {
          add(.OP1, "REVEL \(revel) >= \(op1.parameter("min_revel"))")
        } else if revel <= sbp1.parameter("max_revel") {
          add(.SBP1, "REVEL \(revel) <= \(sbp1.parameter("max_revel"))")
        }
      } else {
        notEvaluated.append("OP1/SBP1: no REVEL score in the input")
      }
    }

    // Population: OP4 (absent), SBVS1, SBS1.
    populationCriteria(metrics: input.metrics, add: add, notEvaluated: &notEvaluated)

    // ClinVar's germline benign class.
    if let row = rules.criterion(.SBS_ClinVar), let clinvar = input.clinvar,
      clinvar.stars >= Int(row.parameter("min_stars")), KnownVariantIndex.isBenign(clinvar.significance)
    {
      add(.SBS_ClinVar, "ClinVar \(clinvar.significance) (\(clinvar.stars) stars, VCV\(clinvar.clinvarID), \(clinvar.release))")
    }

    // SBP2: synonymous without a predicted splice effect.
    if let row = rules.criterion(.SBP2), protein?.effect == .synonymous || consequence.mostSevere == "synonymous_variant" {
      let limit = row.parameter("max_spliceai")
      if consequence.has("splice_region_variant") {
        notEvaluated.append("SBP2: synonymous in the splice region")
      } else if let spliceAI = input.metrics.spliceAI, spliceAI > limit {
        notEvaluated.append("SBP2: SpliceAI \(spliceAI) > \(limit) predicts a splice effect")
      } else {
        add(.SBP2, "synonymous, outside the splice region" + (input.metrics.spliceAI.map { ", SpliceAI \($0) <= \(limit)" } ?? " (no SpliceAI score)"))
      }
    }

    let total = met.reduce(0) { $0 + $1.points }
    let band = rules.oncogenicityClasses.first { $0.contains(total) }
    return OncogenicityAssessment(
      classification: band.flatMap { OncogenicityClass(rawValue: $0.name) }, points: total, criteria: met,
      notEvaluated: notEvaluated, classRule: band.map { "\($0.name): \($0.range) points; \($0.source)" } ?? "")
  }

  /// OS3 / OM3 / OP3 from cancerhotspots counts; returns the code applied.
  func hotspotCriteria(
    consequence: AlleleConsequence, missense: Bool, add: (OncogenicityCode, String, String?) -> Void,
    notEvaluated: inout [String]
  ) -> OncogenicityCode? {
    guard let os3 = rules.criterion(.OS3), let om3 = rules.criterion(.OM3), let op3 = rules.criterion(.OP3) else { return nil }
    let hotspot: Hotspot?
    let place: String
    if missense, let residue = consequence.residue {
      hotspot = index.hotspot(gene: consequence.gene, residue: residue)
      place = hotspot?.change ?? ""
    } else if let protein = consequence.protein, let range = Self.residues(of: protein) {
      hotspot = index.indelHotspot(gene: consequence.gene, residues: range)
      place = hotspot.map { "in-frame indel hotspot \($0.change)" } ?? ""
    } else {
      hotspot = nil
      place = ""
    }
    guard let hotspot, let residueSamples = hotspot.sampleCount else { return nil }
    guard let protein = consequence.protein else {
      notEvaluated.append("OS3/OM3/OP3: \(consequence.gene) \(place) is a cancerhotspots hotspot, but the amino-acid change is unknown")
      return nil
    }
    let variantSamples = hotspot.variantCounts[protein.short] ?? 0
    let counts = "\(residueSamples) samples at \(consequence.gene) \(place), \(variantSamples) with \(protein.short) (cancerhotspots.org v2)"
    if Double(residueSamples) >= os3.parameter("min_residue_samples") && Double(variantSamples) >= os3.parameter("min_variant_samples") {
      add(.OS3, counts, nil)
      return .OS3
    }
    if Double(residueSamples) <= om3.parameter("max_residue_samples") && Double(variantSamples) >= om3.parameter("min_variant_samples") {
      add(.OM3, counts, nil)
      return .OM3
    }
    if Double(variantSamples) <= op3.parameter("max_variant_samples") {
      add(.OP3, counts, nil)
      return .OP3
    }
    return nil
  }

  /// Residue span of an in-frame change (`W557_K558del` -> 557...558).
  static func residues(of protein: ProteinChange) -> ClosedRange<Int>? {
    let numbers = protein.short.split(separator: "_").compactMap { part in Int(part.drop(while: { !$0.isNumber }).prefix(while: \.isNumber)) }
    guard let first = numbers.first else { return nil }
    return first...max(first, numbers.last ?? first)
  }

  func domain(for consequence: AlleleConsequence) -> FunctionalDomain? {
    index.domains(of: consequence.gene).first { domain in
      switch domain.locator {
      case .exon(let number): return consequence.exon == number
      case .residues(let range):
        guard let protein = consequence.protein, let residues = Self.residues(of: protein) ?? consequence.residue.map({ $0...$0 })
        else { return consequence.residue.map(range.contains) ?? false }
        return range.overlaps(residues)
      }
    }
  }

  /// Another missense change at the residue seen in at least the OM3 variant count of samples (cancerhotspots).
  func establishedMissense(gene: String, residue: Int, except own: String) -> String? {
    guard let hotspot = index.hotspot(gene: gene, residue: residue), let om3 = rules.criterion(.OM3) else { return nil }
    let minimum = Int(om3.parameter("min_variant_samples"))
    let others = hotspot.variantCounts.filter { change, count in
      change != own && count >= minimum && !change.hasSuffix("*") && change.last != change.first
    }
    guard let (change, count) = others.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first else { return nil }
    return "\(gene) \(change) (\(count) samples in cancerhotspots.org v2)"
  }

  func populationCriteria(
    metrics: AlleleMetrics, add: (OncogenicityCode, String, String?) -> Void, notEvaluated: inout [String]
  ) {
    let frequency = metrics.highestFrequency
    guard metrics.frequencyFieldDeclared || frequency != nil else {
      notEvaluated.append("OP4/SBS1/SBVS1: no population frequency in the input (annotate with gnomAD)")
      return
    }
    let value = frequency ?? 0
    if let row = rules.criterion(.SBVS1), value > row.parameter("min_population_frequency") {
      add(.SBVS1, "highest population frequency \(value) > \(row.parameter("min_population_frequency"))", nil)
    } else if let row = rules.criterion(.SBS1), value > row.parameter("min_population_frequency") {
      add(.SBS1, "highest population frequency \(value) > \(row.parameter("min_population_frequency"))", nil)
    } else if let row = rules.criterion(.OP4), value <= row.parameter("max_population_frequency") {
      add(.OP4, frequency == nil ? "absent from the population fields of the input" : "population frequency \(value)", nil)
    }
  }
}
