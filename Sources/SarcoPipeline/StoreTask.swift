import Foundation
import SarcoCore
import SarcoIO
import SarcoReports
import SarcoStore

/// `sarcopanel db import|query` and `run/batch --db`: reports into the cohort store and canned questions out of it.
public enum StoreTask {
  public struct Imported: Sendable {
    public let path: String
    public let sample: String
    public let result: CohortStore.ImportResult
  }

  /// Imports report JSON files, or every `*.json` report in the given folders (sorted by name; phenopackets
  /// and MultiQC's `*_mqc.json` left out).
  @discardableResult
  public static func importReports(_ inputs: [String], database: String, keyFile: String?) throws -> [Imported] {
    try importReports(inputs, store: CohortStore(path: database), keyFile: keyFile)
  }

  @discardableResult
  public static func importReports(_ inputs: [String], store: CohortStore, keyFile: String?) throws -> [Imported] {
    let pseudonymiser = try keyFile.map(Pseudonymiser.init(keyFile:))
    return try reportFiles(inputs).map { path in
      let (report, data) = try JSONReport.read(path: path)
      let sample = pseudonymiser?.pseudonym(report.sample.id) ?? report.sample.id
      let result = try store.importReport(
        report, sampleID: sample, reportSHA256: FileDigest.sha256(of: data), identifiers: identifiers(pseudonymiser))
      return Imported(path: path, sample: sample, result: result)
    }
  }

  /// Imports one report just written by `run`: its JSON file gives the report checksum, and its
  /// variants (not held by `report`) come from `variants`, one at a time.
  @discardableResult
  static func importReport(
    _ report: SampleReport, jsonPath: String, store: CohortStore, pseudonymiser: Pseudonymiser?,
    variants: @escaping (_ body: (ReportedVariant) throws -> Void) throws -> Void
  ) throws -> CohortStore.ImportResult {
    let sample = pseudonymiser?.pseudonym(report.sample.id) ?? report.sample.id
    return try store.importReport(
      report, sampleID: sample, reportSHA256: FileDigest.sha256(ofFileAt: jsonPath), identifiers: identifiers(pseudonymiser),
      variants: variants)
  }

  /// How imports under this pseudonymiser (or none) name samples.
  static func identifiers(_ pseudonymiser: Pseudonymiser?) -> CohortStore.Identifiers {
    pseudonymiser.map { .pseudonyms(keyCheck: $0.pseudonym("sarcopanel cohort store key check")) } ?? .plain
  }

  /// A canned query as TSV; unknown names and parameters are usage errors that list what exists.
  public static func query(database: String, name: String, parameters: [String: String]) throws -> String {
    guard let query = CohortQueries.named(name) else {
      throw SarcoError.usage("no query '\(name)'; queries: \(CohortQueries.all.map(\.name).joined(separator: ", "))")
    }
    let known = Set(query.parameters.map(\.name))
    if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
      let accepted = query.parameters.map { "--\($0.name)" }.joined(separator: ", ")
      throw SarcoError.usage("query \(name) takes \(accepted.isEmpty ? "no parameters" : accepted), not --\(unknown)")
    }
    let arguments = query.parameters.map { parameters[$0.name] ?? $0.defaultValue }
    let (columns, rows) = try CohortStore(path: database, access: .readOnly).rows(sql: query.sql, arguments: arguments)
    return ([columns] + rows).map { $0.map(TSVReport.clean).joined(separator: "\t") }.joined(separator: "\n") + "\n"
  }

  /// The files given, with each folder replaced by its reports (`*.json` but phenopackets and `*_mqc.json`), sorted by name.
  static func reportFiles(_ inputs: [String]) throws -> [String] {
    var files: [String] = []
    for input in inputs {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
        throw SarcoError.input("\(input): no such file or folder")
      }
      if isDirectory.boolValue {
        let names = try FileManager.default.contentsOfDirectory(atPath: input)
          .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".phenopacket.json") && !$0.hasSuffix("_mqc.json") }.sorted()
        files += names.map { "\(input.hasSuffix("/") ? String(input.dropLast()) : input)/\($0)" }
      } else {
        files.append(input)
      }
    }
    return files
  }
}
