import Foundation
import SarcoCore

/// The JSON report: keys sorted, two-space indent, newline at the end; same
/// bytes for the same report. Layout versioned by `SampleReport.schemaVersion`.
public enum JSONReport {
  public static func render(_ report: SampleReport) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(report)
    data.append(0x0A)
    return data
  }

  public static func decode(_ data: Data) throws -> SampleReport {
    try JSONDecoder().decode(SampleReport.self, from: data)
  }
}
