import Dispatch
import Foundation
import GRDB
import SarcoCore
import SarcoIO
import SarcoPipeline
import SarcoReports
import SarcoStore
import SarcoTestSupport
import Testing

/// The cohort store and the Phenopacket export, on the three expected reference reports.
@Suite struct CohortStoreTests {
  static let expected = ["EWS02", "GIST02", "LFS02"].map { TestData.path("testdata/expected/\($0).json") }

  func freshStore() -> String { TestData.temporaryDirectory("store") + "/cohort.sqlite" }

  func lines(_ tsv: String) -> [String] { tsv.split(separator: "\n").map(String.init) }

  @Test func answersTheNetworkQuestionsAndReimportingIsANoOp() throws {
    let database = freshStore()
    let first = try StoreTask.importReports(Self.expected, database: database, keyFile: nil)
    #expect(first.map(\.result) == [.added, .added, .added])
    let kit = lines(try StoreTask.query(database: database, name: "gene", parameters: ["gene": "KIT", "tier": "I"]))
    #expect(kit == ["sample\ttumour_type\tcategory\tfinding\ttier\tacmg_class", "GIST02\tGIST\tsomatic\tKIT p.W557_K558del\tI-A\t"])
    // Tier I does not match Tier II or III findings, and KIT's germline VUS has no tier.
    let tierTwo = lines(try StoreTask.query(database: database, name: "gene", parameters: ["gene": "TP53", "tier": "I"]))
    #expect(tierTwo.count == 1)
    let fusions = lines(try StoreTask.query(database: database, name: "recurrent-fusions", parameters: [:]))
    #expect(fusions == ["tumour_type\tfusion\tsamples\tsample_ids", "ES\tEWSR1::FLI1\t1\tEWS02"])

    let store = try CohortStore(path: database)
    func counts() throws -> [String] {
      try ["sample", "qc", "variant", "finding", "finding_evidence", "finding_therapy", "report_history"].map { table in
        try store.rows(sql: "SELECT COUNT(*) FROM \(table)", arguments: []).rows[0][0]
      }
    }
    let before = try counts()
    let again = try StoreTask.importReports(Self.expected, database: database, keyFile: nil)
    #expect(again.map(\.result) == [.unchanged, .unchanged, .unchanged])
    #expect(try counts() == before)
    #expect(try store.appliedMigrations().count == 3)
    // GIST02's KIT exon 11 deletion makes sunitinib work less well (CIViC EID4072): stored as reduced sensitivity.
    let reduced = try store.rows(sql: "SELECT therapy FROM finding_therapy WHERE response = 'reduced_sensitivity'", arguments: [])
    #expect(reduced.rows.map { $0[0] }.contains("Sunitinib"))
  }

  @Test func aNewReportReplacesTheSampleAndTheHistoryShowsThePanelChange() throws {
    let database = freshStore()
    try StoreTask.importReports([TestData.path("testdata/expected/GIST02.json")], database: database, keyFile: nil)
    // The same sample re-run as another tumour type, under a newer panel version.
    let outcome = try runScenario("testdata/vcf/vep_annotated.grch38.vcf", tumourType: "ES", sampleID: "GIST02")
    var text = try String(contentsOfFile: outcome.jsonPath, encoding: .utf8)
    let current = TestPanels.sarcoma.manifest.version
    text = text.replacingOccurrences(of: "\"version\" : \"\(current)\"", with: "\"version\" : \"9.9.9\"")
    let rerun = TestData.temporaryDirectory("rerun") + "/GIST02.json"
    try text.write(toFile: rerun, atomically: true, encoding: .utf8)
    #expect(try StoreTask.importReports([rerun], database: database, keyFile: nil).map(\.result) == [.replaced])
    let samples = lines(try StoreTask.query(database: database, name: "samples", parameters: [:]))
    #expect(samples.count == 2 && samples[1].hasPrefix("GIST02\tES\ttumor\tsarcoma\t9.9.9"))
    let changed = lines(try StoreTask.query(database: database, name: "changed", parameters: [:]))
    #expect(changed.count == 2 && changed[1].hasPrefix("GIST02\tsarcoma\t\(current)\t9.9.9\t"))
  }

  @Test func batchWritesPhenopacketsAndImportsEverySample() throws {
    let directory = TestData.temporaryDirectory("batch-store")
    var options = BatchPipeline.Options(
      samplesPath: TestData.path("workflow/samples.example.tsv"), panelPath: TestData.path("panels/sarcoma"),
      outputDirectory: "\(directory)/out")
    options.database = "\(directory)/cohort.sqlite"
    options.phenopacket = true
    let first = try BatchPipeline.run(options)
    #expect(first.failed.isEmpty && first.imported.count == first.results.count && first.imported.allSatisfy { $0.result == .added })
    for result in first.results {
      #expect(FileManager.default.fileExists(atPath: "\(directory)/out/\(result.sample).phenopacket.json"))
    }
    let second = try BatchPipeline.run(options)
    #expect(second.imported.allSatisfy { $0.result == .unchanged })
  }

  @Test func concurrentWritersAllLand() throws {
    let database = freshStore()
    _ = try CohortStore(path: database)
    let failures = WorkerSlots<String>(count: 4)
    // Four connections import at once, each under its own ids, as parallel batch jobs would.
    DispatchQueue.concurrentPerform(iterations: 4) { worker in
      do {
        let store = try CohortStore(path: database)
        for path in Self.expected {
          let data = try Data(contentsOf: URL(fileURLWithPath: path))
          let report = try JSONReport.decode(data)
          try store.importReport(report, sampleID: "\(report.sample.id)-\(worker)", reportSHA256: FileDigest.sha256(of: data))
        }
      } catch {
        failures[worker] = "\(error)"
      }
    }
    #expect((0..<4).compactMap { failures[$0] }.isEmpty)
    #expect(lines(try StoreTask.query(database: database, name: "samples", parameters: [:])).count == 13)
  }

  @Test func aStoreFromANewerVersionIsRefusedAndQueriesAreChecked() throws {
    let database = freshStore()
    _ = try CohortStore(path: database)
    let queue = try DatabaseQueue(path: database)
    try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: from the future')") }
    #expect {
      _ = try CohortStore(path: database)
    } throws: { ($0 as? SarcoError)?.message == "\(database): written by a newer sarcopanel (its schema has migrations this version does not know)" }
    // Queries read without migrating: a newer store is refused there too.
    #expect {
      _ = try StoreTask.query(database: database, name: "samples", parameters: [:])
    } throws: { ($0 as? SarcoError)?.message.contains("written by a newer sarcopanel") == true }
    #expect {
      _ = try StoreTask.query(database: database, name: "nonsense", parameters: [:])
    } throws: { ($0 as? SarcoError).map { $0.kind == .usage && $0.message.hasPrefix("no query 'nonsense'; queries: samples, gene") } == true }
    #expect {
      _ = try StoreTask.query(database: database, name: "gene", parameters: ["min": "2"])
    } throws: { ($0 as? SarcoError).map { $0.kind == .usage && $0.message == "query gene takes --gene, --tier, not --min" } == true }
  }

  @Test func pseudonymsReplaceSampleIdsInTheStoreAndThePhenopacket() throws {
    let directory = TestData.temporaryDirectory("pseudonyms")
    let key = "\(directory)/centre.key"
    try "0123456789abcdef0123456789abcdef\n".write(toFile: key, atomically: true, encoding: .utf8)
    let database = "\(directory)/cohort.sqlite"
    let imported = try StoreTask.importReports(Self.expected, database: database, keyFile: key)
    #expect(imported.allSatisfy { $0.sample.hasPrefix("SP-") && $0.sample.count == 19 })
    let pseudonym = try Pseudonymiser(keyFile: key).pseudonym("GIST02")
    #expect(imported[1].sample == pseudonym)
    let kit = try StoreTask.query(database: database, name: "gene", parameters: ["gene": "KIT", "tier": "I"])
    #expect(kit.contains(pseudonym) && !kit.contains("GIST02"))
    let written = try PhenopacketTask.export(
      reports: [Self.expected[1]], panelPath: TestData.path("panels/sarcoma"), keyFile: key, directory: "\(directory)/out")
    let text = try String(contentsOfFile: written[0], encoding: .utf8)
    #expect(written[0].hasSuffix("\(pseudonym).phenopacket.json") && !text.contains("GIST02"))
    // A short key is refused with advice.
    try "short".write(toFile: key, atomically: true, encoding: .utf8)
    #expect {
      _ = try Pseudonymiser(keyFile: key)
    } throws: { ($0 as? SarcoError)?.message.hasPrefix("\(key): the key is 5 bytes; use at least 16") == true }
  }

  @Test(.enabled(if: Prerequisite.phenopacketBindings, "needs the GA4GH phenopackets bindings (scripts/validate-phenopackets installs them in .build/venv)"))
  func phenopacketsParseWithGA4GHBindings() throws {
    let directory = TestData.temporaryDirectory("phenopackets")
    let written = try PhenopacketTask.export(
      reports: Self.expected, panelPath: TestData.path("panels/sarcoma"), keyFile: nil, directory: directory)
    let gist = try String(contentsOfFile: "\(directory)/GIST02.phenopacket.json", encoding: .utf8)
    for expected in [
      "\"id\" : \"oncotree:GIST\"", "\"value\" : \"NC_000004.12:g.54285926A>T\"", "\"valueId\" : \"HGNC:6342\"",
      "\"therapeuticActionability\" : \"ACTIONABLE\"", "\"acmgPathogenicityClassification\" : \"LIKELY_PATHOGENIC\"",
      "\"genomeAssembly\" : \"GRCh38\"", "\"version\" : \"\(TestPanels.sarcoma.manifest.version)\"",
    ] {
      #expect(gist.contains(expected), "GIST02 phenopacket lacks \(expected)")
    }
    let ewing = try String(contentsOfFile: "\(directory)/EWS02.phenopacket.json", encoding: .utf8)
    #expect(ewing.contains("\"label\" : \"EWSR1::FLI1\"") && ewing.contains("SO:0001565"))
    let result = try shell("'\(TestData.path("scripts/validate-phenopackets"))' \(written.map { "'\($0)'" }.joined(separator: " "))")
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.components(separatedBy: "valid phenopacket").count == 4)
  }
}
