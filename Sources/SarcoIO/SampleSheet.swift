import Foundation
import SarcoCore

/// A batch's sample sheet: one row per sample, tab-separated, with a header.
///
/// Required columns: `sample` (report id, unique) and `vcf`. Optional: `bam`,
/// `vcf_sample` (tumour column), `normal`, `tumor_type` (OncoTree), `sex`,
/// `sample_type` (tumor/germline), `fusions`, `cna`, `age` (at diagnosis, years). Relative paths are read
/// from the sheet's folder.
public struct SampleSheet: Sendable {
  public struct Entry: Sendable, Equatable {
    public let id: String
    public let line: Int
    public let vcf: String
    public let bam: String?
    public let vcfSample: String?
    public let normal: String?
    public let tumourType: String?
    public let sex: String?
    public let sampleType: String
    public let fusions: String?
    public let copyNumber: String?
    public let age: Int?

    /// The row as written, for the rerun fingerprint.
    public let fields: [String]
  }

  public static let columns = ["sample", "vcf", "bam", "vcf_sample", "normal", "tumor_type", "sex", "sample_type", "fusions", "cna", "age"]

  public let path: String
  public let entries: [Entry]

  public init(path: String) throws {
    self.path = path
    let table: TSVTable
    do {
      table = try TSVTable(path: path, requiredColumns: ["sample", "vcf"])
    } catch let error as SarcoError {
      throw SarcoError.input(error.message)
    }
    let unknown = table.columns.filter { !SampleSheet.columns.contains($0) }
    guard unknown.isEmpty else {
      throw SarcoError.input("\(path):1: unknown column(s) \(unknown.joined(separator: ", ")); expected \(SampleSheet.columns.joined(separator: ", "))")
    }
    let folder = (path as NSString).deletingLastPathComponent
    func resolve(_ value: String) -> String? {
      guard !value.isEmpty else { return nil }
      return value.hasPrefix("/") || folder.isEmpty ? value : "\(folder)/\(value)"
    }
    let problems = Problems()
    var seen: [String: Int] = [:]
    var entries: [Entry] = []
    for row in table.rows where row.hasExpectedWidth(problems) {
      guard let id = row.required("sample", problems), let vcf = row.required("vcf", problems) else { continue }
      if let first = seen[id] {
        row.problem("sample '\(id)' already named on line \(first); sample ids must be unique", problems)
        continue
      }
      seen[id] = row.line
      let sampleType = row.text("sample_type").isEmpty ? "tumor" : row.text("sample_type")
      guard ["tumor", "germline"].contains(sampleType) else {
        row.problem("column 'sample_type': expected tumor or germline, found '\(sampleType)'", problems)
        continue
      }
      let sex = row.text("sex")
      guard ["", "female", "male", "unknown", "F", "M"].contains(sex) else {
        row.problem("column 'sex': expected female, male, unknown (or F/M) or nothing, found '\(sex)'", problems)
        continue
      }
      func optional(_ column: String) -> String? { row.text(column).isEmpty ? nil : row.text(column) }
      let ageText = row.text("age")
      let age = Int(ageText)
      guard ageText.isEmpty || (age.map { (0...130).contains($0) } ?? false) else {
        row.problem("column 'age': expected an age at diagnosis in years (0-130) or nothing, found '\(ageText)'", problems)
        continue
      }
      entries.append(
        Entry(
          id: id, line: row.line, vcf: resolve(vcf)!, bam: resolve(row.text("bam")), vcfSample: optional("vcf_sample"),
          normal: optional("normal"), tumourType: optional("tumor_type"), sex: optional("sex"), sampleType: sampleType,
          fusions: resolve(row.text("fusions")), copyNumber: resolve(row.text("cna")), age: age,
          fields: table.columns.map { "\($0)=\(row.text($0))" }))
    }
    guard problems.isEmpty else { throw SarcoError.input(problems.messages.joined(separator: "\n")) }
    guard !entries.isEmpty else { throw SarcoError.input("\(path): no samples (expected one row per sample after the header)") }
    self.entries = entries
  }
}
