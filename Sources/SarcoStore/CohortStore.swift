import Foundation
import GRDB
import SarcoCore

/// A centre's cohort of sarcopanel reports in one SQLite file (WAL, so several
/// processes can import at once). Importing the same report again changes
/// nothing; a new report for a sample replaces its rows in one transaction and
/// keeps a line in `report_history`, so changes between panel versions stay visible.
///
/// Opening for writing creates and migrates the store under an exclusive lock
/// (concurrent first writers would otherwise race to create its tables) and
/// runs SQLite's `quick_check`; opening for reading writes nothing, so a
/// read-only store file can be queried. Errors name the store, never the SQL.
public final class CohortStore: Sendable {
  public let path: String
  let database: any DatabaseWriter

  public enum ImportResult: String, Sendable {
    case added, replaced, unchanged
  }

  /// How a store names its samples: by their own ids, or by pseudonyms under one key
  /// (`keyCheck` is that key's pseudonym of a fixed text, so another key is told apart).
  public enum Identifiers: Equatable, Sendable {
    case plain
    case pseudonyms(keyCheck: String)

    var setting: String {
      switch self {
      case .plain: return "plain"
      case .pseudonyms(let keyCheck): return "pseudonyms \(keyCheck)"
      }
    }
  }

  public enum Access: Sendable {
    /// Create and migrate when needed, check integrity; imports allowed.
    case readWrite
    /// Queries only; nothing is written (a read-only file or folder is fine).
    case readOnly
  }

  /// Opens the store at `path` (creating and migrating it for `readWrite`).
  public init(path: String, access: Access = .readWrite) throws {
    self.path = path
    var configuration = Configuration()
    // Other writers (a second batch, Snakemake jobs) hold the lock briefly; wait for them.
    configuration.busyMode = .timeout(60)
    do {
      switch access {
      case .readOnly:
        guard FileManager.default.fileExists(atPath: path) else { throw SarcoError.input("\(path): no such cohort store") }
        configuration.readonly = true
        database = try DatabaseQueue(path: path, configuration: configuration)
        if try database.read({ try StoreSchema.migrator.hasBeenSuperseded($0) }) { throw Self.newer(path) }
      case .readWrite:
        database = try StoreLock.exclusively(beside: path) {
          let pool = try DatabasePool(path: path, configuration: configuration)
          let migrator = StoreSchema.migrator
          if try pool.read({ try migrator.hasBeenSuperseded($0) }) { throw Self.newer(path) }
          try migrator.migrate(pool)
          return pool
        }
        let problems = try database.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
        guard problems == ["ok"] else {
          throw SarcoError.input(
            "\(path): the cohort store fails SQLite's integrity check (\(ShortList.text(problems, separator: "; ", limit: 3))); restore it from a backup")
        }
      }
    } catch let error as DatabaseError {
      throw Self.describe(error, store: path)
    }
  }

  static func newer(_ path: String) -> SarcoError {
    SarcoError.input("\(path): written by a newer sarcopanel (its schema has migrations this version does not know)")
  }

  /// SQLite's message with the store's name, without the statement GRDB appends.
  static func describe(_ error: DatabaseError, store path: String) -> SarcoError {
    let reason = error.message ?? "SQLite error \(error.resultCode.rawValue)"
    return SarcoError.input("\(path): cohort store: \(reason)")
  }

  /// Runs `body`, turning SQLite's errors into ones naming the store.
  func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw Self.describe(error, store: path)
    }
  }

  /// Applied schema migrations, oldest first.
  public func appliedMigrations() throws -> [String] {
    try guarded { try database.read { try StoreSchema.migrator.appliedMigrations($0) } }
  }

  /// Stores one report under `sampleID` (the sample id or its pseudonym). Its variants come from
  /// `variants` when given (a run streams them back from disk), else from `report.variants`.
  /// The first import fixes how the store names samples (`identifiers`); a later one naming them
  /// otherwise is refused, so real ids and pseudonyms never mix.
  @discardableResult
  public func importReport(
    _ report: SampleReport, sampleID: String, reportSHA256: String, identifiers: Identifiers = .plain,
    variants: ((_ body: (ReportedVariant) throws -> Void) throws -> Void)? = nil
  ) throws -> ImportResult {
    let summary = Self.findingsSummary(report)
    return try guarded { try database.write { db in
      try checkIdentifiers(identifiers, in: db)
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
    } }
  }

  func checkIdentifiers(_ identifiers: Identifiers, in db: Database) throws {
    let stored = try String.fetchOne(db, sql: "SELECT value FROM store_setting WHERE name = 'identifiers'")
    guard let stored else {
      try db.execute(sql: "INSERT INTO store_setting (name, value) VALUES ('identifiers', ?)", arguments: [identifiers.setting])
      return
    }
    guard stored != identifiers.setting else { return }
    let holds = stored == "plain" ? "the samples' own ids" : "pseudonymised ids"
    let advice =
      stored == "plain"
      ? "import without --pseudonymise"
      : identifiers == .plain ? "import with --pseudonymise and the store's key file" : "use the key file the store was made with"
    throw SarcoError.input("\(path): the cohort store holds \(holds) and this import would mix in others; \(advice)")
  }

  /// One line per finding (category, name, tier or class), sorted: what "the report changed" means.
  static func findingsSummary(_ report: SampleReport) -> String {
    guard let clinical = report.clinical else { return "" }
    var lines = clinical.somatic.map { "somatic \($0.alteration) \($0.tier.tier)" }
    lines += clinical.germline.map { "germline \($0.alteration) \($0.classification.rawValue)" }
    lines += clinical.fusions.map { "fusion \($0.name) \($0.tier.tier)" }
    lines += clinical.copyNumber.map { "copy_number \($0.name) \($0.tier.tier)" }
    return lines.sorted().joined(separator: "; ")
  }

  /// Runs a read-only query (parameters bound, never interpolated) and returns its columns and rows as text.
  public func rows(sql: String, arguments: [String]) throws -> (columns: [String], rows: [[String]]) {
    try guarded { try database.read { db in
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
    } }
  }
}
