import Foundation
import SarcoCore
import SarcoIO
import SarcoReports

/// `sarcopanel cohort` and the end of `batch`: the cohort summary from the JSON
/// reports in a folder, in sample-sheet order (same bytes however the reports were made).
public enum CohortTask {
  /// Writes `cohort.tsv` and `cohort.html` into `directory`; a sample whose report
  /// is missing or unreadable, or that `failures` names, is listed as failed.
  public static func write(sheet: SampleSheet, reportsIn directory: String, failures: [String: String] = [:], panel: String? = nil)
    throws -> (tsv: String, html: String)
  {
    var panelName = panel
    let rows = sheet.entries.map { entry -> CohortRow in
      if let failure = failures[entry.id] {
        return CohortRow(sample: entry.id, status: "failed", error: failure, report: nil, sex: entry.sex)
      }
      let path = RunPipeline.outputPath(directory, RunPipeline.safeFileName(entry.id), "json")
      guard let data = FileManager.default.contents(atPath: path) else {
        return CohortRow(sample: entry.id, status: "failed", error: "\(path): no report", report: nil, sex: entry.sex)
      }
      do {
        let report = try JSONReport.decode(data)
        if panelName == nil { panelName = "\(report.panel.name) \(report.panel.version)" }
        return CohortRow(sample: entry.id, status: "ok", error: nil, report: report, sex: entry.sex)
      } catch {
        return CohortRow(sample: entry.id, status: "failed", error: "\(path): not a readable report (\(error))", report: nil, sex: entry.sex)
      }
    }
    let tsv = "\(directory)/cohort.tsv"
    let html = "\(directory)/cohort.html"
    try AtomicFile.writeAll([
      (Data(CohortReport.tsv(rows).utf8), tsv),
      (Data(CohortReport.html(rows, panel: panelName ?? "unknown").utf8), html),
    ])
    return (tsv, html)
  }
}
