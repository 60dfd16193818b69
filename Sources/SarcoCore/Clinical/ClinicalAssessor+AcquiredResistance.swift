/// Acquired resistance (a secondary kinase mutation beside a primary one): the drug statement says the drug is
/// failing, and the secondary mutation is tiered by the rule as well, since it is the biomarker of that resistance.
extension ClinicalAssessor {
  /// Acquired-resistance rules whose primary and secondary mutations are both in the sample.
  func secondaryResistance(_ findings: [SomaticFinding]) -> [TherapyStatements.SecondaryResistance] {
    let table = view.panel.knowledge.tumourTypes
    var hits: [TherapyStatements.SecondaryResistance] = []
    for rule in view.panel.knowledge.rules.somatic.secondaryResistance {
      let match: TumourTypeMatch
      if let tumourType = settings.tumourType {
        guard table.coversAny(rule.tumourTypes, sample: tumourType) else { continue }
        match = .same
      } else {
        match = .unknown
      }
      let drivers = findings.filter {
        $0.gene == rule.gene && (($0.oncogenicity.classification?.isOncogenic ?? false) || $0.tier.isTierIOrII)
      }
      guard let primary = drivers.first(where: { $0.consequence.exon.map(rule.primaryExons.contains) ?? false }),
        let secondary = drivers.first(where: {
          $0.variantKey != primary.variantKey && ($0.consequence.exon.map(rule.secondaryExons.contains) ?? false)
        })
      else { continue }
      hits.append(
        TherapyStatements.SecondaryResistance(
          rule: rule, primary: primary.alteration, secondary: secondary.alteration, secondaryKey: secondary.variantKey,
          secondaryExon: secondary.consequence.exon, match: match))
    }
    return hits
  }

  /// The secondary mutation of each rule that fired for this tumour type, with the rule as a resistance item: its
  /// tier is the better of its own and the rule's (AMP: resistance to an approved therapy of this tumour type).
  func tieredByAcquiredResistance(
    _ findings: [(order: Int, finding: SomaticFinding, calls: [DrugCall])], _ acquired: [TherapyStatements.SecondaryResistance]
  ) -> [(order: Int, finding: SomaticFinding, calls: [DrugCall])] {
    findings.map { entry in
      let rules = acquired.filter { $0.secondaryKey == entry.finding.variantKey && $0.rule.gene == entry.finding.gene && $0.match == .same }
      guard !rules.isEmpty else { return entry }
      let items = rules.map { hit in
        MatchedEvidence(
          id: "RULE:secondary_resistance:\(hit.rule.gene)",
          matchedBy: "exon \(hit.secondaryExon.map(String.init) ?? "?") beside \(hit.primary)", evidenceType: "predictive",
          significance: "resistance", level: hit.rule.level, therapies: [hit.rule.therapy], disease: hit.rule.statement,
          tumourTypes: hit.rule.tumourTypes, tumourTypeMatch: .same, supports: true, citation: hit.rule.source, source: "panel",
          specificity: .exon)
      }
      let finding = entry.finding
      let evidence = finding.evidence + items
      let ruled = tiering.tier(for: items, fallback: finding.tier)
      let raised = finding.revised(
        evidence: evidence, tier: ruled < finding.tier ? ruled : finding.tier, therapies: tiering.therapies(evidence))
      return (entry.order, raised, entry.calls)
    }
  }
}
