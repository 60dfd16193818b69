/// Whether a tumour-only finding warrants germline follow-up, following the ESMO
/// Precision Medicine Working Group (Kuzbari et al. 2023): only pathogenic or
/// likely pathogenic variants (our class, or ClinVar with enough review stars),
/// never a somatic driver hotspot of an oncogene, then the gene's rules from
/// `rules/germline_triage.tsv` (always; conversion rate >= 5%; the patient's
/// tumour type; age at diagnosis). A rule that needs an input the run lacks is
/// reported as not evaluated, naming the input.
struct GermlineTriage: Sendable {
  static let esmo = "ESMO PMWG: Kuzbari et al. 2023 Ann Oncol 34:215-227 PMID:36529447"

  let rules: [String: [GermlineTriageRule]]
  let tumourTypes: TumourTypeTable
  let minimumStars: Int

  init(rules: GermlineRules, tumourTypes: TumourTypeTable) {
    self.rules = Dictionary(grouping: rules.triage, by: \.gene)
    self.tumourTypes = tumourTypes
    minimumStars = Int(rules.thresholds?[.clinvarMinimumStars] ?? 2)
  }

  struct Case {
    let gene: Gene
    let classification: GermlineClass
    let clinvar: KnownVariant?
    /// At a cancerhotspots residue of the gene.
    let atSomaticHotspot: Bool
    let tumourType: String?
    let age: Int?
  }

  /// Nil when the panel has no rule for the gene (no statement made).
  func decide(_ item: Case) -> GermlineFollowUp? {
    guard let geneRules = rules[item.gene.symbol], !geneRules.isEmpty else { return nil }
    let clinvarPathogenic = item.clinvar.map { $0.stars >= minimumStars && KnownVariantIndex.isPathogenic($0.significance) } ?? false
    let sources = Array(Set(geneRules.map(\.source))).sorted().joined(separator: "; ")
    guard item.classification.isPathogenic || clinvarPathogenic else {
      let clinvarText = item.clinvar.map { "; ClinVar \($0.significance.replacingUnderscores), \($0.stars) stars" } ?? ""
      return GermlineFollowUp(
        decision: .notRecommended,
        reason: "germline follow-up is for pathogenic or likely pathogenic variants; this one is \(item.classification.rawValue)\(clinvarText)",
        source: Self.esmo)
    }
    let basis = item.classification.isPathogenic ? item.classification.rawValue : "ClinVar \(item.clinvar?.significance.replacingUnderscores ?? "")"
    // Oncogenes activated by the hotspot (gain of function), not tumour suppressors whose hotspots are also germline.
    if item.atSomaticHotspot && item.gene.role.contains("oncogene") && !item.gene.mechanism.contains("LoF") {
      return GermlineFollowUp(
        decision: .notRecommended,
        reason: "\(basis), but at a recurrent somatic hotspot of the oncogene \(item.gene.symbol): a somatic driver, not a germline finding, from tumour data alone",
        source: Self.esmo)
    }
    var needs: [String] = []
    var declined: [String] = []
    for rule in geneRules {
      switch rule.kind {
      case .always, .conversionRate:
        return recommended(rule, basis: basis)
      case .onTumour:
        guard let tumourType = item.tumourType else {
          needs.append("--tumor-type (\(rule.statement))")
          continue
        }
        if rule.tumourTypes.contains(where: { tumourTypes.covers($0, sample: tumourType) }) { return recommended(rule, basis: basis) }
        declined.append(rule.statement)
      case .ageBelow:
        if !rule.tumourTypes.isEmpty {
          guard let tumourType = item.tumourType else {
            needs.append("--tumor-type and --age (\(rule.statement))")
            continue
          }
          guard rule.tumourTypes.contains(where: { tumourTypes.covers($0, sample: tumourType) }) else {
            declined.append(rule.statement)
            continue
          }
        }
        guard let age = item.age, let limit = rule.maximumAge else {
          needs.append("--age (\(rule.statement))")
          continue
        }
        if age < limit { return recommended(rule, basis: basis, extra: "age \(age) < \(limit)") }
        declined.append("\(rule.statement) (age \(age))")
      case .notRecommended:
        declined.append(rule.statement)
      }
    }
    if !needs.isEmpty {
      return GermlineFollowUp(
        decision: .notEvaluated,
        reason: "\(basis) in \(item.gene.symbol): not evaluated: needs \(needs.joined(separator: "; "))", source: sources)
    }
    return GermlineFollowUp(
      decision: .notRecommended,
      reason: "\(basis) in \(item.gene.symbol): no germline follow-up from the tumour finding alone: \(declined.joined(separator: "; "))",
      source: sources)
  }

  func recommended(_ rule: GermlineTriageRule, basis: String, extra: String? = nil) -> GermlineFollowUp {
    GermlineFollowUp(
      decision: .recommended,
      reason: "\(basis) in \(rule.gene): \(rule.statement)\(extra.map { " (\($0))" } ?? ""); confirm in a germline sample and refer for genetic counselling",
      source: rule.source)
  }
}
