import SarcoCore

/// The clinical findings as a table: one row per somatic finding, germline
/// classification, fusion and copy-number event, each with the rule and the
/// evidence that decided it.
public enum FindingsTSV {
  public static let columns = [
    "sample", "category", "genes", "alteration", "hgvs", "variant_key", "tier_or_class", "points", "reason", "rule_source",
    "evidence", "sensitivity", "resistance", "origin", "recommendation", "criteria", "not_evaluated", "clinvar",
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
      lines.append(row([
        sample, "somatic", finding.gene, finding.alteration, finding.consequence.hgvsLabel ?? "", finding.variantKey, finding.tier.tier, "", finding.tier.reason,
        finding.tier.source, evidence(finding.evidence), finding.therapies.sensitivity.joined(separator: "; "),
        finding.therapies.resistance.joined(separator: "; "),
        "\(finding.origin.call): \(finding.origin.reasons.joined(separator: "; "))", finding.origin.recommendation ?? "",
        "", "", "",
      ]))
    }
    for finding in clinical.germline {
      lines.append(row([
        sample, "germline", finding.gene, finding.alteration, finding.consequence.hgvsLabel ?? "", finding.variantKey, finding.classification,
        String(finding.points), finding.classRule, "",
        "", "", "", finding.zygosity ?? "", "",
        finding.criteria.map { "\($0.code) (\($0.points)): \($0.evidence)" }.joined(separator: "; "),
        finding.notEvaluated.joined(separator: "; "),
        finding.clinvar.map { "\($0.significance) (\($0.stars) stars, VCV\($0.variationID), \($0.release))" } ?? "",
      ]))
    }
    for (category, findings) in [("fusion", clinical.fusions), ("copy_number", clinical.copyNumber)] {
      for finding in findings {
        lines.append(row([
          sample, category, finding.genes.joined(separator: ","), finding.name, "", finding.locus, finding.tier.tier, "",
          ([finding.tier.reason] + finding.notes).joined(separator: "; "), finding.tier.source, evidence(finding.evidence),
          finding.therapies.sensitivity.joined(separator: "; "), finding.therapies.resistance.joined(separator: "; "),
          finding.source, "", "", "", "",
        ]))
      }
    }
    if let tmb = clinical.tumourMutationalBurden {
      lines.append(row([
        sample, "tmb", "", "\(tmb.perMegabase) mut/Mb", "", "", "", String(tmb.mutations),
        "\(tmb.mutations) mutations / \(tmb.footprintMegabases) Mb", "", "", "", "", "", "", tmb.rules.joined(separator: "; "), "", "",
      ]))
    }
  }

  /// Hands each line on as it is made, newline included.
  struct Lines {
    let emit: (String) -> Void
    mutating func append(_ line: String) { emit(line + "\n") }
  }

  static func evidence(_ items: [MatchedEvidence]) -> String {
    items.map { "\($0.id) \($0.level) \($0.evidenceType) \($0.significance) [\($0.tumourTypeMatch)] \($0.citation)" }
      .joined(separator: " | ")
  }

  static func row(_ cells: [String]) -> String { cells.map(TSVReport.clean).joined(separator: "\t") }
}
