import Foundation
import SarcoCore
import SarcoIO
import SarcoReports

/// `sarcopanel cohort` and the end of `batch`: the cohort summary from the JSON
/// reports in a folder, in sample-sheet order (same bytes however the reports were made).
public enum CohortTask {
  /// Writes `cohort.tsv` and `cohort.html` into `directory`; a sample whose report
  /// is missing or unreadable, or that `failures` names, is listed as failed.
  /// Reports are read on `workers` threads.
  /// `made` are the rows of samples just run, by sample id (a batch makes them as each sample
  /// finishes); the other samples' reports are read from the folder.
  public static func write(
    sheet: SampleSheet, reportsIn directory: String, failures: [String: String] = [:], panel: String? = nil,
    workers: Int = 1, made: [String: CohortRow] = [:]
  ) throws -> (tsv: String, html: String) {
    let entries = sheet.entries
    let rows = try ParallelShares.map(count: entries.count, workers: workers) { _, share in
      entries[share].map { entry in
        guard failures[entry.id] == nil, let row = made[entry.id] else { return row(entry, directory: directory, failures: failures) }
        return row
      }
    }
    let panelName = panel ?? rows.lazy.compactMap(\.panel).first
    let tsv = "\(directory)/cohort.tsv"
    let html = "\(directory)/cohort.html"
    try AtomicFile.writeAll([
      (Data(CohortReport.tsv(rows).utf8), tsv),
      (Data(CohortReport.html(rows, panel: panelName ?? "unknown").utf8), html),
    ])
    return (tsv, html)
  }

  static func row(_ entry: SampleSheet.Entry, directory: String, failures: [String: String]) -> CohortRow {
    if let failure = failures[entry.id] {
      return CohortRow(sample: entry.id, status: "failed", error: failure, report: nil, sex: entry.sex)
    }
    let path = RunPipeline.outputPath(directory, RunPipeline.safeFileName(entry.id), "json")
    guard let data = FileManager.default.contents(atPath: path) else {
      return CohortRow(sample: entry.id, status: "failed", error: "\(path): no report", report: nil, sex: entry.sex)
    }
    do {
      return CohortRow(sample: entry.id, status: "ok", error: nil, report: try JSONReport.decode(data), sex: entry.sex)
    } catch {
      return CohortRow(sample: entry.id, status: "failed", error: "\(path): not a readable report (\(error))", report: nil, sex: entry.sex)
    }
  }
}
