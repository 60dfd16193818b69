import ArgumentParser
import Foundation
import SarcoPipeline
import SarcoStore

extension Sarcopanel {
  struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "db",
      abstract: "Keep a centre's reports in a queryable cohort store (SQLite) and ask it the usual questions.",
      discussion: """
        The store holds samples, QC, variants, findings (tier, ACMG class, evidence
        ids, therapies) and each report's provenance (panel version and checksum,
        tool version, report checksum). Importing the same report again changes
        nothing; a new report of a sample replaces its rows in one transaction; the
        report history keeps what each panel version said. Several processes may
        import at once (WAL). Schema and direct SQL: docs/INTEROPERABILITY.md.

        Examples:
          sarcopanel db import --db cohort.sqlite results/
          sarcopanel db query --db cohort.sqlite gene --gene KIT --tier I
          sarcopanel db query --db cohort.sqlite recurrent-fusions
          sarcopanel db query --list
        """,
      subcommands: [Import.self, Query.self])
  }
}

extension Sarcopanel.DB {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import sarcopanel JSON reports (files, or every report in a folder) into a cohort store.")

    @Option(name: .long, help: ArgumentHelp("Cohort store (created if needed).", valueName: "file"))
    var db: String

    @Argument(help: ArgumentHelp("Report JSON files or folders of them.", valueName: "path"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Key file: samples are stored under HMAC-SHA256 pseudonyms.", valueName: "keyfile"))
    var pseudonymise: String?

    func validate() throws {
      if inputs.isEmpty { throw ValidationError("give report files or folders to import") }
    }

    func run() throws {
      let imported = try StoreTask.importReports(inputs, database: db, keyFile: pseudonymise)
      for item in imported {
        FileHandle.standardError.write(Data("sarcopanel: \(item.path): \(item.sample) \(item.result.rawValue)\n".utf8))
      }
      let counts = Dictionary(grouping: imported, by: \.result).mapValues(\.count)
      FileHandle.standardError.write(
        Data("sarcopanel: \(db): \(counts[.added] ?? 0) added, \(counts[.replaced] ?? 0) replaced, \(counts[.unchanged] ?? 0) unchanged\n".utf8))
    }
  }

  struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "query",
      abstract: "Run a canned question against a cohort store; TSV on stdout.",
      discussion: "Queries:\n" + CohortQueries.all.map { query in
        let parameters = query.parameters.map { " [--\($0.name) \($0.help)]" }.joined()
        return "  \(query.name)\(parameters)\n      \(query.summary)"
      }.joined(separator: "\n"))

    @Argument(help: ArgumentHelp("Query name (see --list).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Cohort store.", valueName: "file"))
    var db: String?

    @Flag(name: .long, help: "List the queries and their parameters.")
    var list = false

    @Option(name: .long, help: "Gene symbol (gene).") var gene: String?
    @Option(name: .long, help: "Tier: I, II, I-A, III... (gene, tier).") var tier: String?
    @Option(name: .long, help: "Variant key, HGVS c./p. or protein change (variant).") var variant: String?
    @Option(name: .customLong("name"), help: "Fusion name or partner gene (fusion).") var fusionName: String?
    @Option(name: .long, help: "Least number of samples (recurrent, recurrent-fusions).") var min: Int?
    @Option(name: .long, help: "somatic, germline, fusion or copy_number (recurrent).") var category: String?

    func validate() throws {
      if !list && (name == nil || db == nil) { throw ValidationError("give a query name and --db (or --list)") }
    }

    func run() throws {
      if list {
        print(Self.configuration.discussion)
        return
      }
      guard let name, let db else { return }
      var parameters: [String: String] = [:]
      parameters["gene"] = gene
      parameters["tier"] = tier
      parameters["variant"] = variant
      parameters["name"] = fusionName
      parameters["min"] = min.map(String.init)
      parameters["category"] = category
      FileHandle.standardOutput.write(Data(try StoreTask.query(database: db, name: name, parameters: parameters).utf8))
    }
  }
}
