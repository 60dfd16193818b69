import Foundation
import GRDB
import SarcoCore

/// A centre's cohort of sarcopanel reports in one SQLite file (WAL, so several
/// processes can import at once). Importing the same report again changes
/// nothing; a new report for a sample replaces its rows in one transaction and
/// keeps a line in `report_history`, so changes between panel versions stay visible.
public final class CohortStore: Sendable {
  public let path: String
  let pool: DatabasePool

  public enum ImportResult: String, Sendable {
    case added, replaced, unchanged
  }

  /// Opens (creating and migrating) the store at `path`.
  public init(path: String) throws {
    self.path = path
    var configuration = Configuration()
    // Other writers (a second batch, Snakemake jobs) hold the lock briefly; wait for them.
    configuration.busyMode = .timeout(60)
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      let migrator = StoreSchema.migrator
      if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
        throw SarcoError.input("\(path): written by a newer sarcopanel (its schema has migrations this version does not know)")
      }
      try migrator.migrate(pool)
    } catch let error as DatabaseError {
      throw SarcoError.input("\(path): cannot open the cohort store (\(error.message ?? "\(error)"))")
    }
  }

  /// Applied schema migrations, oldest first.
  public func appliedMigrations() throws -> [String] {
    try pool.read { try StoreSchema.migrator.appliedMigrations($0) }
  }

  /// Stores one report under `sampleID` (the sample id or its pseudonym). Its variants come from
  /// `variants` when given (a run streams them back from disk), else from `report.variants`.
  @discardableResult
  public func importReport(
    _ report: SampleReport, sampleID: String, reportSHA256: String,
    variants: ((_ body: (ReportedVariant) throws -> Void) throws -> Void)? = nil
  ) throws -> ImportResult {
    let summary = Self.findingsSummary(report)
    return try pool.write { db in
      let existing = try String.fetchOne(db, sql: "SELECT report_sha256 FROM sample WHERE id = ?", arguments: [sampleID])
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO report_history (sample_id, panel_name, panel_version, panel_checksum, report_sha256, findings_summary)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [sampleID, report.panel.name, report.panel.version, report.panel.checksum, reportSHA256, summary])
      if existing == reportSHA256 { return .unchanged }
      try db.execute(sql: "DELETE FROM sample WHERE id = ?", arguments: [sampleID])
      try ReportRows.insert(
        report, sampleID: sampleID, reportSHA256: reportSHA256, summary: summary,
        variants: variants ?? { body in try report.variants.forEach(body) }, into: db)
      return existing == nil ? .added : .replaced
    }
  }

  /// One line per finding (category, name, tier or class), sorted: what "the report changed" means.
  static func findingsSummary(_ report: SampleReport) -> String {
    guard let clinical = report.clinical else { return "" }
    var lines = clinical.somatic.map { "somatic \($0.alteration) \($0.tier.tier)" }
    lines += clinical.germline.map { "germline \($0.alteration) \($0.classification)" }
    lines += clinical.fusions.map { "fusion \($0.name) \($0.tier.tier)" }
    lines += clinical.copyNumber.map { "copy_number \($0.name) \($0.tier.tier)" }
    return lines.sorted().joined(separator: "; ")
  }

  /// Runs a read-only query (parameters bound, never interpolated) and returns its columns and rows as text.
  public func rows(sql: String, arguments: [String]) throws -> (columns: [String], rows: [[String]]) {
    try pool.read { db in
      let statement = try db.makeStatement(sql: sql)
      let columns = statement.columnNames
      let fetched = try Row.fetchAll(statement, arguments: StatementArguments(arguments))
      let rows = fetched.map { row in
        (0..<columns.count).map { index -> String in
          let value: DatabaseValue = row[index]
          switch value.storage {
          case .null: return ""
          case .int64(let number): return String(number)
          case .double(let number): return String(number)
          case .string(let text): return text
          case .blob: return "<blob>"
          }
        }
      }
      return (columns, rows)
    }
  }
}
