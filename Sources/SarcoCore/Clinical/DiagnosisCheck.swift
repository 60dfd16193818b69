/// Does the stated tumour type fit the findings? A pathognomonic alteration of
/// another entity is a discordance to review; a defining alteration in an
/// unspecified or broader diagnosis refines it; the panel's entity rules name
/// subtypes (SDH-deficient GIST), wild-type states and losses that need both copies.
struct DiagnosisCheck {
  let view: PanelView
  let tumourType: String?

  func assess(somatic: [SomaticFinding], fusions: [StructuralFinding], copyNumber: [StructuralFinding]) -> DiagnosisAssessment {
    let table = view.panel.knowledge.tumourTypes
    guard let tumourType else {
      return DiagnosisAssessment(status: "not assessed: no --tumor-type", flags: definingWithoutType(fusions + copyNumber))
    }
    var flags: [DiagnosticFlag] = []
    let typeName = "\(tumourType) (\(table.name(of: tumourType) ?? tumourType))"
    for finding in fusions + copyNumber {
      guard let match = finding.panelMatch, match.specificity == .defining, !finding.name.hasSuffix("one-copy deletion") else {
        continue
      }
      let named = match.tumourTypes.map { "\($0) (\(table.name(of: $0) ?? $0))" }.joined(separator: ", ")
      switch table.relation(sample: tumourType, to: match.tumourTypes) {
      case .concordant:
        continue
      case .refines:
        flags.append(
          DiagnosticFlag(
            kind: .refinement, finding: finding.name,
            statement: "\(finding.name) defines \(named) (\(match.meaning)): it specifies the stated \(typeName)",
            recommendation: nil, source: match.citation))
      case .discordant:
        flags.append(
          DiagnosticFlag(
            kind: .discordance, finding: finding.name,
            statement: "\(finding.name) is pathognomonic for \(named) (\(match.meaning)), but the tumour type given is \(typeName)",
            recommendation: "review the diagnosis (histology, immunohistochemistry, orthogonal confirmation of \(finding.name))",
            source: match.citation))
      }
    }
    flags += entityFlags(tumourType: tumourType, somatic: somatic, copyNumber: copyNumber)
    let status = flags.contains { $0.kind == .discordance } ? "discordant" : "concordant"
    return DiagnosisAssessment(status: status, flags: flags)
  }

  /// Without a tumour type, defining alterations are still named (they point to their entity).
  func definingWithoutType(_ findings: [StructuralFinding]) -> [DiagnosticFlag] {
    findings.compactMap { finding in
      guard let match = finding.panelMatch, match.specificity == .defining, !finding.name.hasSuffix("one-copy deletion") else {
        return nil
      }
      return DiagnosticFlag(
        kind: .refinement, finding: finding.name,
        statement: "\(finding.name) defines \(match.meaning) [\(match.tumourTypes.joined(separator: ", "))]",
        recommendation: "give --tumor-type to check the diagnosis against the findings", source: match.citation)
    }
  }

  func entityFlags(tumourType: String, somatic: [SomaticFinding], copyNumber: [StructuralFinding]) -> [DiagnosticFlag] {
    let table = view.panel.knowledge.tumourTypes
    var flags: [DiagnosticFlag] = []
    // Wild-type rules last: they stay silent where a subtype rule has already named the tumour.
    let rules = view.panel.knowledge.rules.somatic.entityRules
    for rule in rules.filter({ $0.kind != .wildType }) + rules.filter({ $0.kind == .wildType })
    where rule.tumourTypes.contains(where: { table.covers($0, sample: tumourType) }) {
      let genes = Set(rule.genes)
      switch rule.kind {
      case .subtypeByLoss:
        let losses =
          somatic.filter {
            genes.contains($0.gene) && $0.consequence.isTruncating && ($0.oncogenicity.classification?.isOncogenic ?? false)
          }.map(\.alteration)
          + copyNumber.filter { $0.genes.contains(where: genes.contains) && ($0.name.hasSuffix("homozygous deletion") || $0.name.contains("biallelic loss")) }.map(\.name)
        guard !losses.isEmpty else { continue }
        flags.append(
          DiagnosticFlag(
            kind: .subtype, finding: losses.joined(separator: ", "), statement: "\(rule.statement) (\(losses.joined(separator: ", ")))",
            recommendation: rule.recommendation.isEmpty ? nil : rule.recommendation, source: rule.source))
      case .wildType:
        // A subtype already named (SDH-deficient, NF1-associated) says more than "wild-type".
        guard !flags.contains(where: { $0.kind == .subtype }) else { continue }
        let altered = somatic.contains {
          genes.contains($0.gene) && (($0.oncogenicity.classification?.isOncogenic ?? false) || $0.tier.isTierIOrII)
        }
        guard !altered else { continue }
        flags.append(
          DiagnosticFlag(
            kind: .wildType, finding: "none", statement: rule.statement,
            recommendation: rule.recommendation.isEmpty ? nil : rule.recommendation, source: rule.source))
      case .biallelicRequired:
        for finding in copyNumber where finding.genes.contains(where: genes.contains) && finding.name.hasSuffix("one-copy deletion") {
          flags.append(
            DiagnosticFlag(
              kind: .biallelicNotEstablished, finding: finding.name, statement: rule.statement,
              recommendation: rule.recommendation.isEmpty ? nil : rule.recommendation, source: rule.source))
        }
      }
    }
    return flags
  }
}
