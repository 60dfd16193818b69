import Foundation
import SarcoCore

/// The JSON report: keys sorted, two-space indent, newline at the end; same
/// bytes for the same report. Layout versioned by `SampleReport.schemaVersion`.
public enum JSONReport {
  public static func render(_ report: SampleReport) -> Data {
    var json = JSONWriter(capacity: 4096 + report.variants.count * 1536)
    report.write(to: &json)
    // Straight into Data: `json.bytes + [0x0A]` held a third copy of a 25 MB report.
    var data = Data(capacity: json.bytes.count + 1)
    data.append(contentsOf: json.bytes)
    data.append(0x0A)
    return data
  }

  public static func decode(_ data: Data) throws -> SampleReport {
    try JSONDecoder().decode(SampleReport.self, from: data)
  }

  /// Reads and decodes a report file, naming the file in any error; the bytes come back too (for checksums).
  public static func read(path: String) throws -> (report: SampleReport, data: Data) {
    guard let data = FileManager.default.contents(atPath: path) else { throw SarcoError.input("\(path): missing or unreadable") }
    do {
      return (try decode(data), data)
    } catch {
      throw SarcoError.input("\(path): not a sarcopanel JSON report of schema \(SampleReport.schemaVersion) (\(error))")
    }
  }
}
