import SarcoCore

/// One sample's line in the cohort summary.
public struct CohortRow: Sendable, Equatable {
  public let sample: String
  /// `ok` or `failed`.
  public let status: String
  public let error: String?
  public let report: SampleReport?
  public let sex: String?

  public init(sample: String, status: String, error: String?, report: SampleReport?, sex: String?) {
    self.sample = sample
    self.status = status
    self.error = error
    self.report = report
    self.sex = sex
  }
}

/// The cohort summary: QC and finding counts per sample, then a samples-by-genes
/// matrix of Tier I/II alterations (fusions and copy-number events included).
public enum CohortReport {
  static let qcColumns = [
    "sample", "status", "error", "sex", "tumor_type", "sample_type", "build", "variants", "pass", "tier_I", "tier_II",
    "tier_III", "germline_plp", "fusions", "copy_number_events", "tmb_per_mb", "coverage_verdict",
  ]

  /// Genes with a Tier I/II finding in any sample, in alphabetical order.
  static func genes(_ rows: [CohortRow]) -> [String] {
    Set(rows.flatMap { row in tierOneTwo(row).map(\.gene) }).sorted()
  }

  static func tierOneTwo(_ row: CohortRow) -> [(gene: String, label: String)] {
    guard let clinical = row.report?.clinical else { return [] }
    var cells: [(String, String)] = clinical.somatic.filter(\.tier.isTierIOrII).map {
      ($0.gene, "\($0.alteration.split(separator: " ", maxSplits: 1).last.map(String.init) ?? $0.alteration) (\($0.tier.tier.rawValue))")
    }
    for finding in clinical.fusions + clinical.copyNumber where finding.tier.isTierIOrII {
      for gene in finding.genes { cells.append((gene, "\(finding.name) (\(finding.tier.tier.rawValue))")) }
    }
    return cells
  }

  static func qc(_ row: CohortRow) -> [String] {
    guard let report = row.report else {
      return [row.sample, row.status, row.error ?? "", row.sex ?? ""] + Array(repeating: "", count: qcColumns.count - 4)
    }
    let clinical = report.clinical
    let tiers = clinical?.tiers ?? []
    func count(_ prefix: String) -> String { String(tiers.filter { $0.rawValue.split(separator: "-").first.map(String.init) == prefix }.count) }
    let plp = clinical?.pathogenicGermline ?? 0
    return [
      row.sample, row.status, row.error ?? "", row.sex ?? "", report.sample.tumorType ?? "", clinical?.sampleType ?? "",
      report.genomeBuild.build.rawValue, String(report.qc.variants), String(report.qc.passingFilters), count("I"), count("II"),
      count("III"), String(plp), String(clinical?.fusions.count ?? 0), String(clinical?.copyNumber.count ?? 0),
      clinical?.tumourMutationalBurden.map { $0.perMegabase.map { String($0) } ?? "not assessable" } ?? "", report.coverage?.verdict ?? "",
    ]
  }

  public static func tsv(_ rows: [CohortRow]) -> String {
    let genes = genes(rows)
    var lines = [(qcColumns + genes).joined(separator: "\t")]
    for row in rows {
      let cells = tierOneTwo(row)
      let matrix = genes.map { gene in cells.filter { $0.gene == gene }.map(\.label).joined(separator: "; ") }
      lines.append((qc(row) + matrix).map(TSVReport.clean).joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func html(_ rows: [CohortRow], panel: String) -> String {
    var html = HTMLBuilder()
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    html.element("title", "sarcopanel cohort summary")
    html.raw("<style>\n\(HTMLReport.style)</style>\n</head>\n<body>\n")
    html.element("h1", "Cohort summary: \(rows.count) samples, panel \(panel)")
    let failed = rows.filter { $0.status != "ok" }.count
    html.element("p", "\(rows.count - failed) samples reported, \(failed) failed.")
    html.raw("<section id=\"qc\">\n")
    html.element("h2", "QC and findings per sample")
    html.table(headers: qcColumns, rows: rows.map(qc))
    html.raw("</section>\n<section id=\"matrix\">\n")
    html.element("h2", "Tier I and II alterations by gene")
    let genes = genes(rows)
    html.table(
      headers: ["sample"] + genes,
      rows: rows.map { row in
        let cells = tierOneTwo(row)
        return [row.sample] + genes.map { gene in cells.filter { $0.gene == gene }.map(\.label).joined(separator: "; ") }
      })
    html.raw("</section>\n</body>\n</html>\n")
    return html.text
  }
}
