import Foundation

/// Paths to the repository's test data and the shared public data beside it.
public enum TestData {
  /// The package root, found from this file's location.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// `../shared/data/<relative>`, or nil when the shared data is not present.
  public static func shared(_ relative: String) -> String? {
    let path = root.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(relative).path
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }

  /// A fresh empty directory under the system temp folder.
  public static func temporaryDirectory(_ label: String = "sarcopanel-test") -> String {
    let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
