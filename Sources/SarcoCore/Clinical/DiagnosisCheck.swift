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
      // Refinements name only the types under the stated one (a liposarcoma is refined to WDLS/DDLS, not osteosarcoma).
      let below = match.tumourTypes.filter { table.lineage(of: $0).contains(tumourType) }
      let relation = table.relation(sample: tumourType, to: match.tumourTypes)
      let listed = relation == .refines && !below.isEmpty ? below : match.tumourTypes
      let named = listed.map { "\($0) (\(table.name(of: $0) ?? $0))" }.joined(separator: ", ")
      switch relation {
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
            statement: "\(finding.name) is a defining alteration of \(named) (\(match.meaning)), but the tumour type given is \(typeName)",
            recommendation: "review the diagnosis (histology, immunohistochemistry, orthogonal confirmation of \(finding.name))",
            source: match.citation))
      }
    }
    // Beside a finding that defines another entity, "wild-type <stated type>" would read as a diagnosis of it.
    let discordant = flags.contains { $0.kind == .discordance }
    flags += entityFlags(tumourType: tumourType, somatic: somatic, fusions: fusions, copyNumber: copyNumber)
      .filter { !(discordant && $0.kind == .wildType) }
    flags += gainsBelowCutoff(tumourType: tumourType, copyNumber: copyNumber)
    let status =
      flags.contains { $0.kind == .discordance } ? "discordant" : flags.contains { $0.kind == .review } ? "review" : "concordant"
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

  func typeName(_ code: String) -> String { "\(code) (\(view.panel.knowledge.tumourTypes.name(of: code) ?? code))" }

  func entityFlags(
    tumourType: String, somatic: [SomaticFinding], fusions: [StructuralFinding], copyNumber: [StructuralFinding]
  ) -> [DiagnosticFlag] {
    let table = view.panel.knowledge.tumourTypes
    var flags: [DiagnosticFlag] = []
    // Wild-type rules last: they stay silent where a subtype rule has already named the tumour.
    let rules = view.panel.knowledge.rules.somatic.entityRules
    for rule in rules.filter({ $0.kind != .wildType }) + rules.filter({ $0.kind == .wildType })
    where table.coversAny(rule.tumourTypes, sample: tumourType) {
      let genes = Set(rule.genes)
      switch rule.kind {
      case .subtypeByLoss, .subtypeByMutation:
        let losses =
          somatic.filter {
            genes.contains($0.gene) && (rule.kind == .subtypeByMutation || $0.consequence.isTruncating)
              && ($0.oncogenicity.classification?.isOncogenic ?? false)
          }.map(\.alteration)
          + copyNumber.filter { $0.genes.contains(where: genes.contains) && ($0.name.hasSuffix("homozygous deletion") || $0.name.contains("biallelic loss")) }.map(\.name)
        guard !losses.isEmpty else { continue }
        // The subtypes a wild-type rule of this tumour type stands beside (SDH-deficient, NF1, BRAF GIST) are defined
        // without its drivers: beside an oncogenic KIT/PDGFRA change the subtype is not established.
        let drivers = subtypeExcludingDrivers(rule, tumourType: tumourType, somatic: somatic).map(\.alteration)
        if !drivers.isEmpty {
          flags.append(
            DiagnosticFlag(
              kind: .review, finding: (losses + drivers).joined(separator: ", "),
              statement: "\(losses.joined(separator: ", ")) beside \(drivers.joined(separator: ", ")): \(rule.statement) is not established, since it is defined without such a driver; the change may be a passenger or a germline carrier state",
              recommendation: "confirm the subtype by immunohistochemistry before it changes treatment; treat by the driver meanwhile",
              source: rule.source))
          continue
        }
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
        // A coding change whose effect is unknown or uncertain may be the driver: wild-type is not established.
        let unresolved = somatic.filter {
          genes.contains($0.gene) && $0.consequence.isProteinAltering && !($0.oncogenicity.classification?.isBenign ?? false)
        }.map(\.alteration)
        if !unresolved.isEmpty {
          flags.append(
            DiagnosticFlag(
              kind: .wildTypeNotEstablished, finding: unresolved.joined(separator: ", "),
              statement: "\(genes.sorted().joined(separator: "/")) wild-type status not established: \(unresolved.joined(separator: ", ")) has an unknown or uncertain effect",
              recommendation: "resolve the protein change (--reference or an annotated VCF) and review it before calling the tumour wild-type",
              source: rule.source))
          continue
        }
        // A fusion the sample carries answers part of the work-up the recommendation lists (NTRK in wild-type GIST).
        let found = fusions.map(\.name)
        flags.append(
          DiagnosticFlag(
            kind: .wildType, finding: "none",
            statement: rule.statement + (found.isEmpty ? "" : "; fusions found in this sample: \(found.joined(separator: ", ")) (see Fusions)"),
            recommendation: rule.recommendation.isEmpty ? nil : rule.recommendation, source: rule.source))
      case .characteristicMutation:
        guard !table.coversAny(rule.pointsTo, sample: tumourType) else { continue }
        let drivers = somatic.filter { Self.meets(rule, $0) }.map(\.alteration)
        guard !drivers.isEmpty else { continue }
        let pointed = rule.pointsTo.map { "\($0) (\(table.name(of: $0) ?? $0))" }.joined(separator: ", ")
        let unspecified = table.entries[tumourType]?.unspecified == true
        flags.append(
          DiagnosticFlag(
            kind: unspecified ? .refinement : .discordance, finding: drivers.joined(separator: ", "),
            statement: "\(drivers.joined(separator: ", ")): \(rule.statement); "
              + (unspecified ? "it points to \(pointed)" : "the tumour type given is \(typeName(tumourType))"),
            recommendation: rule.recommendation.isEmpty ? nil : rule.recommendation, source: rule.source))
      case .unexpectedMutation:
        let found = somatic.filter { Self.meets(rule, $0) }.map(\.alteration)
        guard !found.isEmpty else { continue }
        flags.append(
          DiagnosticFlag(
            kind: .review, finding: found.joined(separator: ", "),
            statement: "\(found.joined(separator: ", ")): \(rule.statement); the tumour type given is \(typeName(tumourType))",
            recommendation: rule.recommendation.isEmpty ? nil : rule.recommendation, source: rule.source))
      case .mutuallyExclusive:
        let drivers = somatic.filter {
          genes.contains($0.gene) && (($0.oncogenicity.classification?.isOncogenic ?? false) || $0.tier.isTierIOrII)
        }
        guard Set(drivers.map(\.gene)).count >= 2 else { continue }
        let named = drivers.map(\.alteration).joined(separator: ", ")
        flags.append(
          DiagnosticFlag(
            kind: .review, finding: named, statement: "\(named): \(rule.statement)",
            recommendation: rule.recommendation.isEmpty ? nil : rule.recommendation, source: rule.source))
      case .panelScope:
        continue  // a report note (ClinicalAssessor), not a statement about the diagnosis
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

  /// Oncogenic (or Tier I/II) changes of the genes a wild-type rule of this tumour type names (KIT, PDGFRA in GIST),
  /// outside a subtype rule's own genes: beside them the subtype (SDH-deficient, NF1, BRAF GIST) is not established.
  func subtypeExcludingDrivers(_ rule: EntityRule, tumourType: String, somatic: [SomaticFinding]) -> [SomaticFinding] {
    let table = view.panel.knowledge.tumourTypes
    let wildTypeGenes = Set(
      view.panel.knowledge.rules.somatic.entityRules
        .filter { $0.kind == .wildType && table.coversAny($0.tumourTypes, sample: tumourType) }
        .flatMap(\.genes))
    return somatic.filter { finding in
      !rule.genes.contains(finding.gene) && wildTypeGenes.contains(finding.gene)
        && ((finding.oncogenicity.classification?.isOncogenic ?? false) || finding.tier.isTierIOrII)
    }
  }

  /// A mutation a characteristic- or unexpected-mutation rule speaks of: one it lists, else an oncogenic one of its genes.
  static func meets(_ rule: EntityRule, _ finding: SomaticFinding) -> Bool {
    guard rule.genes.contains(finding.gene) else { return false }
    if rule.alterations.isEmpty { return finding.oncogenicity.classification?.isOncogenic ?? false }
    return finding.consequence.protein.map(rule.lists) ?? false
  }

  /// Copy gains below the amplification cut-off of a gene whose amplification marks the stated tumour type: the
  /// marker is not established, so the diagnosis needs its confirmation (MDM2 by FISH in liposarcoma).
  func gainsBelowCutoff(tumourType: String, copyNumber: [StructuralFinding]) -> [DiagnosticFlag] {
    let table = view.panel.knowledge.tumourTypes
    return copyNumber.compactMap { finding in
      guard let match = finding.panelMatch, match.entry.hasSuffix(" gain"),
        table.coversAny(match.tumourTypes, sample: tumourType)
      else { return nil }
      return DiagnosticFlag(
        kind: .review, finding: finding.name, statement: "\(finding.name) (\(finding.locus)): \(match.meaning)",
        recommendation: "confirm by FISH before the diagnosis rests on it", source: match.citation)
    }
  }
}
