/// A GIST subtype defined without a KIT/PDGFRA driver (SDH-deficient, NF1, BRAF) is not established beside one
/// (`DiagnosisCheck` flags it for review); the gene-level evidence that rests on the subtype (SDHB loss of function:
/// "SDH-deficient GIST", "imatinib generally ineffective") is then listed but not applied to the finding.
extension ClinicalAssessor {
  func withdrawingUnestablishedSubtypes(
    _ findings: [(order: Int, finding: SomaticFinding, calls: [DrugCall])]
  ) -> [(order: Int, finding: SomaticFinding, calls: [DrugCall])] {
    guard let tumourType = settings.tumourType else { return findings }
    let table = view.panel.knowledge.tumourTypes
    let check = DiagnosisCheck(view: view, tumourType: tumourType)
    let somatic = findings.map(\.finding)
    var result = findings
    for rule in view.panel.knowledge.rules.somatic.entityRules
    where (rule.kind == .subtypeByLoss || rule.kind == .subtypeByMutation)
      && table.coversAny(rule.tumourTypes, sample: tumourType)
    {
      let drivers = check.subtypeExcludingDrivers(rule, tumourType: tumourType, somatic: somatic).map(\.alteration)
      guard !drivers.isEmpty else { continue }
      for index in result.indices where rule.genes.contains(result[index].finding.gene) {
        let finding = result[index].finding
        var evidence = finding.evidence
        var withdrawn = false
        for item in evidence.indices
        where evidence[item].applied && evidence[item].specificity == .gene && evidence[item].tumourTypeMatch == .same {
          evidence[item].applied = false
          evidence[item].note =
            "rests on \(rule.statement), which is not established beside \(drivers.joined(separator: ", ")): listed, not applied (see the diagnosis check)"
          withdrawn = true
        }
        guard withdrawn else { continue }
        let fallback = tiering.untiered(
          .iii,
          reason: "\(finding.oncogenicity.classification?.rawValue ?? "oncogenicity not evaluated"); evidence for \(rule.statement) not applied beside \(drivers.joined(separator: ", "))")
        var revised = finding.revised(
          evidence: evidence, tier: tiering.tier(for: evidence, fallback: fallback), therapies: tiering.therapies(evidence))
        if !revised.tier.tier.isActionable { revised.escat = nil }
        result[index] = (result[index].order, revised, tiering.drugCalls(evidence))
      }
    }
    return result
  }
}
