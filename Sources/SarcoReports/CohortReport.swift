import SarcoCore

/// One sample's line in the cohort summary: its QC cells and its Tier I/II alterations, taken from
/// its report when the row is made (a batch makes each row as its sample finishes, on that worker,
/// and keeps the row instead of the report).
public struct CohortRow: Sendable, Equatable {
  public let sample: String
  /// `ok` or `failed`.
  public let status: String
  public let error: String?
  public let sex: String?
  /// `name version` of the report's panel; nil without a report.
  public let panel: String?
  /// The cells of `CohortReport.qcColumns`.
  let qc: [String]
  /// Each Tier I/II somatic finding, fusion or copy-number event, by gene, in the report's order.
  let alterations: [Alteration]

  struct Alteration: Sendable, Equatable {
    let gene: String
    let label: String
  }

  public init(sample: String, status: String, error: String?, report: SampleReport?, sex: String?) {
    self.sample = sample
    self.status = status
    self.error = error
    self.sex = sex
    panel = report.map { "\($0.panel.name) \($0.panel.version)" }
    qc = CohortReport.qc(sample: sample, status: status, error: error, sex: sex, report: report)
    alterations = CohortReport.tierOneTwo(report?.clinical)
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
    Set(rows.flatMap { row in row.alterations.map(\.gene) }).sorted()
  }

  static func tierOneTwo(_ clinical: ClinicalReport?) -> [CohortRow.Alteration] {
    guard let clinical else { return [] }
    var cells: [CohortRow.Alteration] = clinical.somatic.filter(\.tier.isTierIOrII).map {
      CohortRow.Alteration(
        gene: $0.gene,
        label: "\($0.alteration.split(separator: " ", maxSplits: 1).last.map(String.init) ?? $0.alteration) (\($0.tier.tier.rawValue))")
    }
    for finding in clinical.fusions + clinical.copyNumber where finding.tier.isTierIOrII {
      for gene in finding.genes { cells.append(CohortRow.Alteration(gene: gene, label: "\(finding.name) (\(finding.tier.tier.rawValue))")) }
    }
    return cells
  }

  static func qc(sample: String, status: String, error: String?, sex: String?, report: SampleReport?) -> [String] {
    guard let report else {
      return [sample, status, error ?? "", sex ?? ""] + Array(repeating: "", count: qcColumns.count - 4)
    }
    let clinical = report.clinical
    let tiers = clinical?.tiers ?? []
    func count(_ prefix: String) -> String { String(tiers.filter { $0.rawValue.split(separator: "-").first.map(String.init) == prefix }.count) }
    let plp = clinical?.pathogenicGermline ?? 0
    return [
      sample, status, error ?? "", sex ?? "", report.sample.tumorType ?? "", clinical?.sampleType ?? "",
      report.genomeBuild.build.rawValue, String(report.qc.variants), String(report.qc.passingFilters), count("I"), count("II"),
      count("III"), String(plp), String(clinical?.fusions.count ?? 0), String(clinical?.copyNumber.count ?? 0),
      clinical?.tumourMutationalBurden.map { $0.perMegabase.map { String($0) } ?? "not assessable" } ?? "", report.coverage?.verdict ?? "",
    ]
  }

  /// A row's cell under each gene: its alterations in that gene, `; `-separated.
  static func matrix(_ row: CohortRow, genes: [String]) -> [String] {
    genes.map { gene in row.alterations.filter { $0.gene == gene }.map(\.label).joined(separator: "; ") }
  }

  public static func tsv(_ rows: [CohortRow]) -> String {
    let genes = genes(rows)
    var lines = [(qcColumns + genes).joined(separator: "\t")]
    for row in rows {
      lines.append((row.qc + matrix(row, genes: genes)).map(TSVReport.clean).joined(separator: "\t"))
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
    html.table(headers: qcColumns, rows: rows.map(\.qc))
    html.raw("</section>\n<section id=\"matrix\">\n")
    html.element("h2", "Tier I and II alterations by gene")
    let genes = genes(rows)
    html.table(
      headers: ["sample"] + genes,
      rows: rows.map { row in [row.sample] + matrix(row, genes: genes) })
    html.raw("</section>\n</body>\n</html>\n")
    return html.text
  }
}
