import Foundation
import SarcoCore

/// A batch's sample sheet: one row per sample, tab-separated, with a header.
///
/// Required columns: `sample` (report id, unique) and `vcf` (one file, or several of the
/// sample separated by commas, merged by position as `run --vcf A --vcf B`). Optional: `bam`,
/// `vcf_sample` (tumour column), `normal`, `tumor_type` (OncoTree), `sex`,
/// `sample_type` (tumor/germline), `fusions`, `cna`, `age` (at diagnosis, years), `genome`. Relative paths are read
/// from the sheet's folder.
///
/// Problems of the sheet as a whole (unknown columns, a missing or repeated
/// sample id, two ids giving the same report file names) refuse it before
/// anything runs, one `file:line:` line each. A bad value in a row (a
/// `sample_type` of `blood`, a missing `vcf`) fails that sample only: its
/// entry carries the problem.
public struct SampleSheet: Sendable {
  public struct Entry: Sendable, Equatable {
    public let id: String
    public let line: Int
    /// The row's VCF/BCF files, in the order written (one, or several of the sample).
    public let vcfs: [String]
    /// The first of `vcfs`.
    public var vcf: String { vcfs.first ?? "" }
    public let bam: String?
    public let vcfSample: String?
    public let normal: String?
    public let tumourType: String?
    public let sex: String?
    public let sampleType: String
    public let fusions: String?
    public let copyNumber: String?
    public let age: Int?
    /// The row's `genome` (GRCh38/GRCh37), when given.
    public let genome: GenomeBuild?

    /// The row as written, for the rerun fingerprint.
    public let fields: [String]
    /// Why this sample cannot run (`file:line: ...`); the others still do.
    public let problem: String?
  }

  public static let columns = ["sample", "vcf", "bam", "vcf_sample", "normal", "tumor_type", "sex", "sample_type", "fusions", "cna", "age", "genome"]

  public let path: String
  public let entries: [Entry]

  /// A `vcf` cell's files: comma-separated, spaces around each trimmed, empty parts dropped.
  static func files(_ cell: String) -> [String] {
    cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// An earlier id whose report name plus a derived suffix is `name`, or is `name` plus one; and the shared name.
  static func derivedClash(_ name: String, _ names: [String: (id: String, line: Int)], _ suffixes: [String])
    -> ((id: String, line: Int), String)?
  {
    for suffix in suffixes {
      if name.hasSuffix(suffix), let other = names[String(name.dropLast(suffix.count))] { return (other, name) }
      if let other = names[name + suffix] { return (other, name + suffix) }
    }
    return nil
  }

  /// Reads the sheet; `reportName` gives the file name an id's reports get (two ids must not share one).
  /// `derivedSuffixes` are what an id's other files add to that name before `.json` (`_mqc` for MultiQC):
  /// an id whose name is another's plus one of them would write over that sample's file.
  public init(path: String, reportName: (String) -> String = { $0 }, derivedSuffixes: [String] = []) throws {
    self.path = path
    let table: TSVTable
    do {
      table = try TSVTable(path: path, requiredColumns: ["sample", "vcf"])
    } catch let error as SarcoError {
      throw SarcoError.input(error.message)
    }
    let structural = Problems()
    let unknown = table.columns.filter { !SampleSheet.columns.contains($0) }
    if !unknown.isEmpty {
      structural.add("\(path):1: unknown column(s) \(unknown.joined(separator: ", ")); expected \(SampleSheet.columns.joined(separator: ", "))")
    }
    let folder = (path as NSString).deletingLastPathComponent
    func resolve(_ value: String) -> String? {
      guard !value.isEmpty else { return nil }
      return value.hasPrefix("/") || folder.isEmpty ? value : "\(folder)/\(value)"
    }
    var seen: [String: Int] = [:]
    var names: [String: (id: String, line: Int)] = [:]
    var entries: [Entry] = []
    for row in table.rows {
      guard let id = row.required("sample", structural) else { continue }
      if let first = seen[id] {
        row.problem("sample '\(id)' already named on line \(first); sample ids must be unique", structural)
        continue
      }
      seen[id] = row.line
      let name = reportName(id)
      if let other = names[name] {
        row.problem("sample '\(id)' and '\(other.id)' (line \(other.line)) both give report files named \(name).*", structural)
        continue
      }
      if let (other, shared) = Self.derivedClash(name, names, derivedSuffixes) {
        row.problem(
          "sample '\(id)' and '\(other.id)' (line \(other.line)) would both write \(shared).json (one's report, a file the other names after its own); rename one",
          structural)
        continue
      }
      names[name] = (id, row.line)
      // Bad values fail this row only; the first one found is its message.
      let rowProblems = Problems()
      _ = row.hasExpectedWidth(rowProblems)
      let vcf = row.required("vcf", rowProblems) ?? ""
      let vcfs = Self.files(vcf)
      if !vcf.isEmpty && vcfs.isEmpty { row.problem("column 'vcf': expected a file name (or several, separated by commas), found '\(vcf)'", rowProblems) }
      let sampleType = row.text("sample_type").isEmpty ? "tumor" : row.text("sample_type")
      if !["tumor", "germline"].contains(sampleType) {
        row.problem("column 'sample_type': expected tumor or germline, found '\(sampleType)'", rowProblems)
      }
      let sex = row.text("sex")
      if !["", "female", "male", "unknown", "F", "M"].contains(sex) {
        row.problem("column 'sex': expected female, male, unknown (or F/M) or nothing, found '\(sex)'", rowProblems)
      }
      func optional(_ column: String) -> String? { row.text(column).isEmpty ? nil : row.text(column) }
      let ageText = row.text("age")
      let age = Int(ageText)
      let genomeText = row.text("genome")
      let genome = GenomeBuild(userSpelling: genomeText)
      if !genomeText.isEmpty && genome == nil {
        row.problem("column 'genome': expected GRCh38 or GRCh37 (hg38/hg19) or nothing, found '\(genomeText)'", rowProblems)
      }
      if !(ageText.isEmpty || (age.map { (0...130).contains($0) } ?? false)) {
        row.problem("column 'age': expected an age at diagnosis in years (0-130) or nothing, found '\(ageText)'", rowProblems)
      }
      entries.append(
        Entry(
          id: id, line: row.line, vcfs: vcfs.compactMap(resolve), bam: resolve(row.text("bam")), vcfSample: optional("vcf_sample"),
          normal: optional("normal"), tumourType: optional("tumor_type"), sex: optional("sex"), sampleType: sampleType,
          fusions: resolve(row.text("fusions")), copyNumber: resolve(row.text("cna")), age: age, genome: genome,
          fields: table.columns.map { "\($0)=\(row.text($0))" }, problem: rowProblems.messages.first))
    }
    guard structural.isEmpty else { throw SarcoError.input(structural.messages.joined(separator: "\n")) }
    guard !entries.isEmpty else { throw SarcoError.input("\(path): no samples (expected one row per sample after the header)") }
    self.entries = entries
  }
}
