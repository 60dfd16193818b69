/// Whether a finding in a predisposition gene warrants germline follow-up, following the ESMO
/// Precision Medicine Working Group (Kuzbari et al. 2023). In tumour-only samples: only
/// pathogenic or likely pathogenic variants (our class, or ClinVar with enough review stars),
/// never a somatic driver hotspot of an oncogene, then the gene's rules from
/// `rules/germline_triage.tsv` (always; conversion rate >= 5%; the patient's tumour type; age at
/// diagnosis; information the run does not carry, named). A variant in the matched normal is
/// decided by `matchedNormal` (GermlineTriage+MatchedNormal.swift). A rule that needs an input
/// the run lacks is reported as not evaluated, naming the input.
struct GermlineTriage: Sendable {
  static let esmo = "ESMO PMWG: Kuzbari et al. 2023 Ann Oncol 34:215-227 PMID:36529447"

  let rules: [String: GermlineRuleGroups.TriageRules]
  let tumourTypes: TumourTypeTable
  let minimumStars: Int
  /// Below this allele fraction in the normal a variant may be mosaic, clonal haematopoiesis or tumour in the normal.
  let heterozygousMinimumFraction: (value: Double, cited: String)?

  /// The panel's triage rules (`rules/germline_triage.tsv`), thresholds and tumour types.
  init(view: PanelView) {
    let thresholds = view.panel.knowledge.rules.germline.thresholds
    rules = view.germlineRuleGroups.triageByGene
    tumourTypes = view.panel.knowledge.tumourTypes
    minimumStars = Int(thresholds?[.clinvarMinimumStars] ?? 2)
    heterozygousMinimumFraction = thresholds.map {
      ($0[.originHeterozygousMinimumVAF], $0.cited(.originHeterozygousMinimumVAF))
    }
  }

  struct Case {
    let gene: Gene
    /// Our ACMG/AMP class and the criteria codes behind it.
    let classification: GermlineClass
    let criteria: [String]
    let clinvar: KnownVariant?
    /// At a cancerhotspots residue of the gene.
    let atSomaticHotspot: Bool
    let tumourType: String?
    let age: Int?
    /// The origin call: `.germline` means present in the matched normal.
    let origin: OriginCall
    let normalAlleleFraction: Double?
    /// The somatic reading's oncogenicity class (ClinGen/CGC/VICC).
    let oncogenicity: OncogenicityClass?
  }

  /// Nil for a somatic call (absent from the normal) and, in tumour-only samples, when the panel has no rule
  /// for the gene (no statement made).
  func decide(_ item: Case) -> GermlineFollowUp? {
    switch item.origin {
    case .somatic: return nil
    case .germline: return matchedNormal(item)
    case .likelyGermline, .possiblyGermline, .likelySomatic: return tumourOnly(item)
    }
  }

  /// ClinVar's pathogenic or likely pathogenic class with at least `minimumStars` review stars, if it has one.
  func clinvarPathogenic(_ item: Case) -> KnownVariant? {
    item.clinvar.flatMap { $0.stars >= minimumStars && KnownVariantIndex.isPathogenic($0.significance) ? $0 : nil }
  }

  func describe(_ clinvar: KnownVariant) -> String {
    "ClinVar \(clinvar.significance.replacingUnderscores) (VCV\(clinvar.clinvarID), \(clinvar.stars) stars)"
  }

  /// "Pathogenic by ACMG/AMP (PVS1, PM2)" or "ClinVar Pathogenic (VCV..., 3 stars)": which of the two triggered.
  func basis(_ item: Case) -> String? {
    if item.classification.isPathogenic {
      return "\(item.classification.rawValue) by our ACMG/AMP class (\(item.criteria.joined(separator: ", ")))"
    }
    return clinvarPathogenic(item).map { "\(describe($0)); our ACMG/AMP class is \(item.classification.rawValue)" }
  }

  /// The gene's main syndrome as the gene table lists it first (genes.tsv `syndromes`).
  static func syndrome(of gene: Gene) -> String? {
    gene.syndromes.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  func tumourOnly(_ item: Case) -> GermlineFollowUp? {
    guard let group = rules[item.gene.symbol], !group.rules.isEmpty else { return nil }
    let geneRules = group.rules
    guard let basis = basis(item) else {
      let clinvarText = item.clinvar.map { "; ClinVar \($0.significance.replacingUnderscores), \($0.stars) stars" } ?? ""
      return GermlineFollowUp(
        decision: .notRecommended,
        reason: "germline follow-up is for pathogenic or likely pathogenic variants; this one is \(item.classification.rawValue)\(clinvarText)",
        source: Self.esmo)
    }
    // Oncogenes activated by the hotspot (gain of function), not tumour suppressors whose hotspots are also germline,
    // nor genes followed up in every patient (RET: its germline variants are themselves activating hotspots, MEN2).
    let followedUpAlways = geneRules.contains { $0.kind == .always }
    if item.atSomaticHotspot && item.gene.role.contains("oncogene") && !item.gene.mechanism.contains("LoF") && !followedUpAlways {
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
        return recommended(rule, item: item, basis: basis)
      case .onTumour:
        guard let tumourType = item.tumourType else {
          needs.append("--tumor-type (\(rule.statement))")
          continue
        }
        if matches(rule, tumourType) { return recommended(rule, item: item, basis: basis) }
        declined.append(rule.statement)
      case .ageBelow:
        if !rule.tumourTypes.isEmpty {
          guard let tumourType = item.tumourType else {
            needs.append("--tumor-type and --age (\(rule.statement))")
            continue
          }
          guard matches(rule, tumourType) else {
            declined.append(rule.statement)
            continue
          }
        }
        guard let age = item.age, let limit = rule.maximumAge else {
          needs.append("--age (\(rule.statement))")
          continue
        }
        if age < limit { return recommended(rule, item: item, basis: basis, extra: "age \(age) < \(limit)") }
        declined.append("\(rule.statement) (age \(age))")
      case .needsInformation:
        guard let tumourType = item.tumourType else {
          needs.append("--tumor-type (\(rule.statement))")
          continue
        }
        guard matches(rule, tumourType) else { continue }
        if let limit = rule.maximumAge {
          guard let age = item.age else {
            needs.append("--age, then \(rule.statement) (applies before \(limit) years)")
            continue
          }
          guard age < limit else {
            declined.append("\(rule.statement) (applies before \(limit) years; age \(age))")
            continue
          }
        }
        needs.append(rule.statement)
      case .notRecommended:
        declined.append(rule.statement)
      case .germlineActivating:
        continue  // a matched-normal rule: tumour data alone cannot tell a germline activating variant from the driver
      }
    }
    let sources = group.citations
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

  /// The rules' sources, each citation once (rows of one guideline repeat it), in table order.
  static func citations(_ sources: [String]) -> String {
    var seen: [String] = []
    for part in sources.flatMap(citationParts) where !seen.contains(part) { seen.append(part) }
    return seen.joined(separator: "; ")
  }

  /// `source` cut at each "; " that is two whole characters, empty parts kept (as
  /// `components(separatedBy:)` cuts it: not before a combining mark; Foundation's search was 3M
  /// instructions of a batch's first sample).
  static func citationParts(_ source: String) -> [String] {
    let bytes = source.utf8
    var parts: [String] = []
    var start = bytes.startIndex
    var index = start
    while index != bytes.endIndex {
      let next = bytes.index(after: index)
      if bytes[index] == UInt8(ascii: ";"), next != bytes.endIndex, bytes[next] == UInt8(ascii: " ") {
        let after = bytes.index(after: next)
        if String.Index(index, within: source) != nil, String.Index(after, within: source) != nil {
          parts.append(String(source[start..<index]))
          index = after
          start = index
          continue
        }
      }
      index = next
    }
    parts.append(String(source[start..<bytes.endIndex]))
    return parts
  }

  func matches(_ rule: GermlineTriageRule, _ tumourType: String) -> Bool {
    tumourTypes.coversAny(rule.tumourTypes, sample: tumourType)
  }

  func recommended(_ rule: GermlineTriageRule, item: Case, basis: String, extra: String? = nil) -> GermlineFollowUp {
    GermlineFollowUp(
      decision: .recommended,
      reason: "\(basis) in \(rule.gene)\(Self.syndrome(of: item.gene).map { " (\($0))" } ?? ""): \(rule.statement)\(extra.map { " (\($0))" } ?? ""); confirm in a germline sample and refer for genetic counselling",
      source: rule.source)
  }
}
