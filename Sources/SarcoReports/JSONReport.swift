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

  /// Writes a report whose variants are written separately (`VariantJSONElements`):
  /// `emit` gets, a mebibyte at a time, everything up to the `variants` array's
  /// first element; the bytes after its last element come back. Head, elements
  /// joined by `,\n`, and tail are the bytes `render` gives with the variants in.
  /// `report.variants` must be empty.
  public static func writeFrame(_ report: SampleReport, emit: @escaping ([UInt8]) -> Void) -> [UInt8] {
    precondition(report.variants.isEmpty, "writeFrame renders a report whose variants are written separately")
    var json = JSONWriter()
    json.spill = { bytes in
      emit(bytes)
      bytes.removeAll(keepingCapacity: true)
    }
    report.write(to: &json)
    let rendered = json.bytes + [0x0A]
    // The top-level member sits two spaces in; strings never hold a raw newline, so this occurs once,
    // and after the last spill (which happens only inside arrays below the top level).
    let opening = Array("\n  \"variants\" : [\n".utf8)
    let start = rendered.indices.reversed().first { index in
      index + opening.count <= rendered.count && rendered[index..<index + opening.count].elementsEqual(opening)
    }!
    let split = start + opening.count
    emit(Array(rendered[..<split]))
    return Array(rendered[split...])
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
  /// The `variants` array's elements sit two levels down (report object, array).
  static let depth = 2
  private var json = JSONWriter(elementsAtDepth: depth)

  public init() {}

  /// Consecutive elements' bytes, rendered on any thread into one buffer (one allocation, not one
  /// per variant, which grew ~7 times to a variant's ~1.5 KB); `append(renderedRun:)` puts them in place.
  public static func render(run variants: ArraySlice<ReportedVariant>) -> [UInt8] {
    JSONWriter.rendered(elementsAtDepth: depth, variants, capacity: variants.count * 2048) { $1.write(to: &$0) }
  }

  public mutating func append(renderedRun: [UInt8]) { json.elements(rendered: renderedRun) }

  /// The bytes pending, then the separator a run written after them needs (the run itself is
  /// the caller's to write): the same bytes `append(renderedRun:)` and `takeBytes()` give.
  public mutating func takeBytes(separatingFrom run: [UInt8]) -> [UInt8] { json.takeBytes(separatingFrom: run) }

  /// Bytes rendered since the last call.
  public mutating func takeBytes() -> [UInt8] { json.takeBytes() }

  public var pendingByteCount: Int { json.bytes.count }
}
