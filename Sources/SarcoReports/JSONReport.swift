import Foundation
import SarcoCore

/// The JSON report: keys sorted, two-space indent, newline at the end; same
/// bytes for the same report. Layout versioned by `SampleReport.schemaVersion`.
public enum JSONReport {
  public static func render(_ report: SampleReport) -> Data {
    var bytes = report.json.serialized()
    bytes.append(0x0A)
    return Data(bytes)
  }

  public static func decode(_ data: Data) throws -> SampleReport {
    try JSONDecoder().decode(SampleReport.self, from: data)
  }
}
