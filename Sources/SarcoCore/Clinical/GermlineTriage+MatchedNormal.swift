/// Germline follow-up of a variant present in the matched normal. The ESMO PMWG's germline-focused
/// analysis of tumour-normal sequencing (Kuzbari et al. 2023) reports every pathogenic or likely
/// pathogenic germline variant in a predisposition gene, whatever the tumour: our ACMG/AMP class or
/// ClinVar's (enough review stars) decides, and the reason says which. A gene whose syndrome is
/// caused by germline activating variants (familial GIST: KIT, PDGFRA; `germline_activating` rows)
/// is also followed up when the somatic reading calls the variant oncogenic, since our germline
/// criteria carry no gain-of-function evidence.
extension GermlineTriage {
  static let germlineFocused = "ESMO PMWG germline-focused analysis of tumour-normal sequencing: Kuzbari et al. 2023 PMID:36529447"

  func matchedNormal(_ item: Case) -> GermlineFollowUp {
    let syndrome = Self.syndrome(of: item.gene).map { " (\($0))" } ?? ""
    let refer = "refer for genetic counselling\(lowFractionCaveat(item))"
    if let basis = basis(item) {
      return GermlineFollowUp(
        decision: .recommended,
        reason: "present in the matched normal: \(basis), in the predisposition gene \(item.gene.symbol)\(syndrome): \(refer)",
        source: "\(Self.germlineFocused); \(item.classification.isPathogenic ? "ACMG/AMP class (Richards et al. 2015 PMID:25741868)" : "ClinVar review status")")
    }
    if let oncogenicity = item.oncogenicity, oncogenicity.isOncogenic,
      let rule = rules[item.gene.symbol]?.rules.first(where: { $0.kind == .germlineActivating })
    {
      return GermlineFollowUp(
        decision: .recommended,
        reason: "present in the matched normal: the somatic reading classes it \(oncogenicity.rawValue) in \(item.gene.symbol)\(syndrome); \(rule.statement); our ACMG/AMP class is \(item.classification.rawValue) because its criteria carry no gain-of-function evidence, so the germline laboratory classifies it: \(refer)",
        source: rule.source)
    }
    let clinvarText = item.clinvar.map { "; \(describe($0))" } ?? "; not in ClinVar with \(minimumStars)+ stars"
    return GermlineFollowUp(
      decision: .notRecommended,
      reason: "present in the matched normal, but \(item.classification.rawValue) by our ACMG/AMP class\(clinvarText): germline-focused reporting is for pathogenic or likely pathogenic variants",
      source: Self.germlineFocused)
  }

  /// A germline heterozygous variant sits near half the normal's reads; far fewer may be mosaicism, clonal
  /// haematopoiesis or tumour cells in the normal sample.
  func lowFractionCaveat(_ item: Case) -> String {
    guard let fraction = item.normalAlleleFraction, let minimum = heterozygousMinimumFraction, fraction < minimum.value else {
      return ""
    }
    return "; the normal's allele fraction \(OriginAssessor.round(fraction)) is below the heterozygous range (\(minimum.cited)): mosaicism, clonal haematopoiesis or tumour in the normal are possible, so confirm in another tissue"
  }
}
