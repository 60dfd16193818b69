import Foundation
import GRDB
import SarcoCore
import SarcoIO
import SarcoPipeline
import SarcoReports
@testable import SarcoStore
import SarcoTestSupport
import Testing

@Suite struct CohortStoreHardeningTests {
  static let expected = ["EWS02", "GIST02", "LFS02"].map { TestData.path("testdata/expected/\($0).json") }

  func freshStore() -> String { TestData.temporaryDirectory("store") + "/cohort.sqlite" }

  func key(_ text: String) throws -> String {
    let path = TestData.temporaryDirectory("key") + "/centre.key"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// `--gene %` matched everything (LIKE wildcards were not escaped).
  @Test func wildcardsInQueryParametersMatchOnlyThemselves() throws {
    let database = freshStore()
    try StoreTask.importReports(Self.expected, database: database, keyFile: nil)
    for wildcard in ["%", "_IT", "K%", "%,%"] {
      let rows = try StoreTask.query(database: database, name: "gene", parameters: ["gene": wildcard]).split(separator: "\n")
      #expect(rows.count == 1, "\(wildcard): \(rows)")
      let fusions = try StoreTask.query(database: database, name: "fusion", parameters: ["name": wildcard]).split(separator: "\n")
      #expect(fusions.count == 1, "\(wildcard)")
    }
    let tiers = try StoreTask.query(database: database, name: "tier", parameters: ["tier": "%"]).split(separator: "\n")
    #expect(tiers.count == 1)
    // Real values still match, tiers by prefix (I matches I-A) in either case.
    #expect(try StoreTask.query(database: database, name: "gene", parameters: ["gene": "KIT", "tier": "i"]).contains("GIST02"))
    #expect(try StoreTask.query(database: database, name: "fusion", parameters: ["name": "FLI1"]).contains("EWS02"))
  }

  /// A read-only store could not be queried ("attempt to write a readonly database"): queries opened it for writing and migrated it.
  @Test func queriesWriteNothingSoAReadOnlyStoreCanBeQueried() throws {
    let database = freshStore()
    try StoreTask.importReports(Self.expected, database: database, keyFile: nil)
    // A store of the previous schema version: a query must not migrate it.
    let queue = try DatabaseQueue(path: database)
    try queue.write { db in
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2:%' OR identifier LIKE 'v3:%'")
      try db.execute(sql: "DROP TABLE store_setting")
    }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: database))
    let samples = try StoreTask.query(database: database, name: "samples", parameters: [:])
    #expect(samples.split(separator: "\n").count == 4)
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    let reader = try CohortStore(path: database, access: .readOnly)
    #expect(try reader.appliedMigrations().count == 1)
    let report = try JSONReport.read(path: Self.expected[0]).report
    #expect {
      try reader.importReport(report, sampleID: "X", reportSHA256: "0")
    } throws: { ($0 as? SarcoError)?.message.hasPrefix("\(database): cohort store: ") == true }
  }

  /// Import reported success on a store that fails integrity_check.
  /// A store made before reduced sensitivity was a stored response keeps its therapy rows when migrated.
  @Test func aV2StoreIsMigratedToTakeReducedSensitivityAndKeepsItsRows() throws {
    let database = freshStore()
    let queue = try DatabaseQueue(path: database)
    try StoreSchema.migrator.migrate(queue, upTo: "v2: store settings (identifiers)")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO sample (id, tumour_type, sample_type, genome_build, input_sha256, panel_name, panel_version, panel_checksum,
            tool_version, schema_version, report_sha256, findings_summary) VALUES ('OLD', 'GIST', 'tumor', 'GRCh38', 'x', 'sarcoma', '0', 'c', '0', '1', 'r', '');
          INSERT INTO finding (id, sample_id, category, gene, name, tier, rule) VALUES (1, 'OLD', 'somatic', 'KIT', 'KIT p.V560D', 'I-A', 'r');
          INSERT INTO finding_therapy (finding_id, therapy, response, level) VALUES (1, 'Imatinib', 'sensitivity', 'A');
          """)
    }
    try queue.close()
    let store = try CohortStore(path: database)
    #expect(try store.appliedMigrations().count == 3)
    #expect(try store.rows(sql: "SELECT therapy, response FROM finding_therapy", arguments: []).rows == [["Imatinib", "sensitivity"]])
    try StoreTask.importReports(Self.expected, database: database, keyFile: nil)
    #expect(try store.rows(sql: "SELECT COUNT(*) FROM finding_therapy WHERE response = 'reduced_sensitivity'", arguments: []).rows[0][0] != "0")
  }

  @Test func aDamagedStoreIsRefusedBeforeImportNamingIt() throws {
    let database = freshStore()
    try StoreTask.importReports(Self.expected, database: database, keyFile: nil)
    let queue = try DatabaseQueue(path: database)
    try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    try queue.close()
    // Garbage over the second half of the file: table and index pages, not the header.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: database))
    let start = bytes.count / 2
    bytes.replaceSubrange(start..<(start + 8192), with: Data(repeating: 0xA5, count: 8192))
    try bytes.write(to: URL(fileURLWithPath: database))
    #expect {
      try StoreTask.importReports([Self.expected[0]], database: database, keyFile: nil)
    } throws: { error in
      let message = (error as? SarcoError)?.message ?? ""
      return message.hasPrefix("\(database): ") && (message.contains("integrity") || message.contains("malformed"))
        && !message.contains("SELECT") && !message.contains("INSERT")
    }
  }

  /// A pseudonymised store accepted a later import without --pseudonymise, mixing real ids in.
  @Test func aStoreKeepsTheIdentifiersItWasMadeWith() throws {
    let centre = try key("0123456789abcdef0123456789abcdef\n")
    let other = try key("fedcba9876543210fedcba9876543210\n")
    let pseudonymised = freshStore()
    try StoreTask.importReports([Self.expected[0]], database: pseudonymised, keyFile: centre)
    #expect(try StoreTask.importReports([Self.expected[1]], database: pseudonymised, keyFile: centre).map(\.result) == [.added])
    #expect {
      try StoreTask.importReports([Self.expected[2]], database: pseudonymised, keyFile: nil)
    } throws: { ($0 as? SarcoError)?.message.contains("holds pseudonymised ids and this import would mix in others; import with --pseudonymise") == true }
    #expect {
      try StoreTask.importReports([Self.expected[2]], database: pseudonymised, keyFile: other)
    } throws: { ($0 as? SarcoError)?.message.contains("use the key file the store was made with") == true }
    let plain = freshStore()
    try StoreTask.importReports([Self.expected[0]], database: plain, keyFile: nil)
    #expect {
      try StoreTask.importReports([Self.expected[1]], database: plain, keyFile: centre)
    } throws: { ($0 as? SarcoError)?.message.contains("holds the samples' own ids") == true }
    #expect(try StoreTask.query(database: plain, name: "samples", parameters: [:]).split(separator: "\n").count == 2)
  }

  /// SQLite errors printed the SQL and did not name the store.
  @Test func sqliteErrorsNameTheStoreAndNotTheSQL() throws {
    let database = freshStore()
    let store = try CohortStore(path: database)
    #expect {
      _ = try store.rows(sql: "SELECT id FROM nowhere", arguments: [])
    } throws: { error in
      let message = (error as? SarcoError)?.message ?? ""
      return message == "\(database): cohort store: no such table: nowhere"
    }
    let directory = TestData.temporaryDirectory("store-dir")
    #expect {
      _ = try CohortStore(path: directory)
    } throws: { ($0 as? SarcoError)?.message.hasPrefix("\(directory): cohort store: ") == true }
  }
}
