import SarcoCore

/// The clinical findings as a table: one row per somatic finding, germline
/// classification, fusion and copy-number event, each with the rule and the
/// evidence that decided it.
public enum FindingsTSV {
  public static let columns = [
    "sample", "category", "genes", "alteration", "hgvs", "protein_basis", "variant_key", "tier_or_class", "escat", "oncogenicity",
    "points", "reason", "rule_source", "evidence", "sensitivity", "resistance", "reduced_sensitivity", "origin", "recommendation",
    "criteria", "not_evaluated", "clinvar",
  ]

  public static func render(_ report: SampleReport) -> String {
    var text = ""
    write(report) { text += $0 }
    return text
  }

  /// The same text, a line at a time (a report with thousands of findings is not held whole).
  public static func write(_ report: SampleReport, emit: @escaping (String) -> Void) {
    var lines = Lines(emit: emit)
    lines.append(columns.joined(separator: "\t"))
    guard let clinical = report.clinical else { return }
    let sample = report.sample.id
    for finding in clinical.somatic {
      let onco = finding.oncogenicity
      lines.append(row([
        sample, "somatic", finding.gene, finding.alteration, finding.consequence.hgvsLabel ?? "",
        finding.consequence.proteinBasis?.rawValue ?? "", finding.variantKey, finding.tier.tier.rawValue,
        finding.escat?.tier.rawValue ?? "", onco.classification?.rawValue ?? "not evaluated", String(onco.points), finding.tier.reason, finding.tier.source,
        evidence(finding.evidence), finding.therapies.sensitivity.joined(separator: "; "),
        finding.therapies.resistance.joined(separator: "; "), finding.therapies.reducedSensitivity.joined(separator: "; "),
        "\(finding.origin.call.rawValue): \(finding.origin.reasons.joined(separator: "; "))", recommendation(finding.origin),
        onco.criteria.map { "\($0.code) (\($0.points)): \($0.evidence)" }.joined(separator: "; "),
        onco.notEvaluated.joined(separator: "; "), "",
      ]))
    }
    for finding in clinical.germline {
      lines.append(row([
        sample, "germline", finding.gene, finding.alteration, finding.consequence.hgvsLabel ?? "",
        finding.consequence.proteinBasis?.rawValue ?? "", finding.variantKey, finding.classification.rawValue, "", "",
        String(finding.points), finding.classRule, "",
        "", "", "", "", finding.zygosity ?? "", "",
        finding.criteria.map { "\($0.code) (\($0.points)): \($0.evidence)" }.joined(separator: "; "),
        finding.notEvaluated.joined(separator: "; "),
        finding.clinvar.map { "\($0.significance) (\($0.stars) stars, VCV\($0.variationID), \($0.release))" } ?? "",
      ]))
    }
    for (category, findings) in [("fusion", clinical.fusions), ("copy_number", clinical.copyNumber)] {
      for finding in findings {
        lines.append(row([
          sample, category, finding.genes.joined(separator: ","), finding.name, "", "", finding.locus, finding.tier.tier.rawValue,
          finding.escat?.tier.rawValue ?? "", "", "", ([finding.tier.reason] + finding.notes + [finding.confirmation].compactMap { $0 }).joined(separator: "; "),
          finding.tier.source, evidence(finding.evidence), finding.therapies.sensitivity.joined(separator: "; "),
          finding.therapies.resistance.joined(separator: "; "), finding.therapies.reducedSensitivity.joined(separator: "; "),
          finding.source, "", "", "", "",
        ]))
      }
    }
    for statement in clinical.therapies {
      lines.append(row([
        sample, "therapy", "", statement.therapy, "", "", "", statement.call.rawValue, "", "", "",
        ([statement.reason] + statement.caveats.map { "caveat: \($0)" }).joined(separator: " | "),
        "level \(statement.level.rawValue), \(statement.tumourTypeMatch.rawValue) tumour type",
        statement.evidence.joined(separator: " | "), "", "", "", statement.alterations.joined(separator: "; "), "", "", "", "",
      ]))
    }
    for flag in clinical.diagnosis?.flags ?? [] {
      lines.append(row([
        sample, "diagnosis", "", flag.finding, "", "", "", flag.kind.rawValue, "", "", "", flag.statement, flag.source,
        "", "", "", "", "", flag.recommendation ?? "", "", "", "",
      ]))
    }
    if let tmb = clinical.tumourMutationalBurden {
      lines.append(row([
        sample, "tmb", "", tmb.perMegabase.map { "\($0) mut/Mb" } ?? "not assessable", "", "", "", "", "", "", String(tmb.mutations),
        tmb.reason ?? ["\(tmb.mutations) mutations / \(tmb.footprintMegabases) Mb", tmb.interpretation].compactMap { $0 }.joined(separator: ": "), "", "", "", "", "", "", "",
        tmb.rules.joined(separator: "; "), "", "",
      ]))
    }
  }

  /// Hands each line on as it is made, newline included.
  struct Lines {
    let emit: (String) -> Void
    mutating func append(_ line: String) { emit(line + "\n") }
  }

  static func evidence(_ items: [MatchedEvidence]) -> String {
    items.map {
      "\($0.id) \($0.level.rawValue) \($0.evidenceType) \($0.significance) [\($0.tumourTypeMatch.rawValue)\($0.applied ? "" : ", not applied")] \($0.citation)"
    }
      .joined(separator: " | ")
  }

  /// The germline follow-up to act on: a recommendation, or what a rule still needs ("not evaluated: needs the family
  /// history") so the board sees the open question in the table too.
  static func recommendation(_ origin: OriginAssessment) -> String {
    if let recommendation = origin.recommendation { return recommendation }
    guard let followUp = origin.followUp, followUp.decision == .notEvaluated else { return "" }
    return "germline follow-up: \(followUp.reason)"
  }

  static func row(_ cells: [String]) -> String { cells.map(TSVReport.clean).joined(separator: "\t") }
}
