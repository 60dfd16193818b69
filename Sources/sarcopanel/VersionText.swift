import Foundation
import HTS
import SarcoCore
import SarcoIO

/// `sarcopanel --version`: the tool, htslib, and every panel found by name with its version and
/// knowledge-base releases (the same releases each report records).
enum VersionText {
  /// True when the arguments ask for `--version` (the only time argument-parser prints the text).
  static func isRequested(_ arguments: [String]) -> Bool { arguments.dropFirst().contains("--version") }

  static func describe() -> String {
    var lines = ["sarcopanel \(SarcopanelVersion.current)", "htslib \(HTSLib.version)"]
    for (name, folder) in PanelLocator.installed() {
      guard let data = FileManager.default.contents(atPath: "\(folder)/panel.json"),
        let manifest = try? JSONDecoder().decode(PanelManifest.self, from: data)
      else {
        lines.append("panel \(name): \(folder)/panel.json unreadable")
        continue
      }
      let sources = (manifest.sources ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
      lines.append("panel \(manifest.name) \(manifest.version) (\(folder))\(sources.isEmpty ? "" : ": \(sources)")")
    }
    return lines.joined(separator: "\n")
  }
}
