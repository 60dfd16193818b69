import Foundation
import SarcoCore

/// The JSON report: keys sorted, two-space indent, newline at the end; same
/// bytes for the same report. Layout versioned by `SampleReport.schemaVersion`.
public enum JSONReport {
  public static func render(_ report: SampleReport) -> Data {
    var json = JSONWriter(capacity: 4096 + report.variants.count * 1536)
    report.write(to: &json)
    return Data(json.bytes + [0x0A])
  }

  /// The report's bytes around its `variants` array, for a report whose variants
  /// are written separately (`VariantJSONElements`): `head`, then the elements
  /// joined by `,\n`, then `tail` give the bytes `render` gives with the variants in.
  /// `report.variants` must be empty.
  public static func frame(_ report: SampleReport) -> (head: [UInt8], tail: [UInt8]) {
    precondition(report.variants.isEmpty, "frame(_:) renders a report whose variants are written separately")
    let rendered = [UInt8](render(report))
    // The top-level member sits two spaces in; strings never hold a raw newline, so this occurs once.
    let opening = Array("\n  \"variants\" : [\n".utf8)
    let start = rendered.indices.reversed().first { index in
      index + opening.count <= rendered.count && rendered[index..<index + opening.count].elementsEqual(opening)
    }!
    let split = start + opening.count
    return (Array(rendered[..<split]), Array(rendered[split...]))
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

/// The elements of a report's `variants` array, rendered one variant at a
/// time exactly as `JSONReport.render` lays them out, so a run can write them
/// to disk as it annotates instead of holding every variant.
public struct VariantJSONElements {
  private var json = JSONWriter(elementsAtDepth: 2)

  public init() {}

  public mutating func append(_ variant: ReportedVariant) { json.element { variant.write(to: &$0) } }

  /// Bytes rendered since the last call.
  public mutating func takeBytes() -> [UInt8] { json.takeBytes() }

  public var pendingByteCount: Int { json.bytes.count }
}
