import Foundation
import SarcoCore

/// Finds a panel given by name (`--panel sarcoma`) so that runs work from any folder: the folders
/// of `$SARCOPANEL_PANELS` (colon-separated), the share folder installed beside the binary
/// (`<prefix>/share/sarcopanel/panels`, see `scripts/install`), the repository the binary was
/// built in (`.build/<config>/sarcopanel` -> `panels/`), then `./panels`. A path (anything with
/// a `/`, or an existing folder) is taken as it is.
public enum PanelLocator {
  /// The folders searched for panels by name, in order. The running binary's path comes from
  /// `/proc/self/exe` on Linux: its first argument is a bare name when it is found through `PATH`.
  public static func searchFolders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
    var folders = namedFolders(environment)
    let path = PanelCache.executablePath() ?? CommandLine.arguments.first ?? ""
    let executable = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    folders.append(executable.appendingPathComponent("../share/sarcopanel/panels").standardizedFileURL.path)
    // A SwiftPM build tree: <repo>/.build/<triple>/<config>/sarcopanel, with <repo>/.build/<config> a link to it.
    for depth in 2...3 {
      var repository = executable
      for _ in 0..<depth { repository.deleteLastPathComponent() }
      folders.append(repository.appendingPathComponent("panels").standardizedFileURL.path)
    }
    folders.append(URL(fileURLWithPath: "panels").standardizedFileURL.path)
    var seen: Set<String> = []
    return folders.filter { seen.insert($0).inserted }
  }

  /// The folders of `$SARCOPANEL_PANELS`, searched first.
  static func namedFolders(_ environment: [String: String]) -> [String] {
    (environment["SARCOPANEL_PANELS"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
  }

  /// The folder for `given`: itself when it is a folder or a path, else the first `<search folder>/<given>` with a panel.json.
  public static func resolve(_ given: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
    var isDirectory: ObjCBool = false
    if given.contains("/") || (FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) && isDirectory.boolValue) {
      return given
    }
    // `$SARCOPANEL_PANELS` before the folders found from the executable's path (resolving its links
    // and standardising four paths was most of a run's panel lookup).
    let named = namedFolders(environment)
    for folder in named where FileManager.default.fileExists(atPath: "\(folder)/\(given)/panel.json") {
      return "\(folder)/\(given)"
    }
    // The search list starts with those folders again: they are not asked twice.
    let folders = searchFolders(environment: environment)
    for folder in folders where !named.contains(folder) && FileManager.default.fileExists(atPath: "\(folder)/\(given)/panel.json") {
      return "\(folder)/\(given)"
    }
    throw SarcoError.panel(
      "\(given): no such panel folder, and no panel of that name in \(folders.joined(separator: ", ")) (set SARCOPANEL_PANELS, or give the panel's folder)")
  }

  /// Every panel found by name: (name, folder), first occurrence of each name.
  public static func installed(environment: [String: String] = ProcessInfo.processInfo.environment) -> [(name: String, folder: String)] {
    var found: [(String, String)] = []
    for folder in searchFolders(environment: environment) {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
      for name in names where FileManager.default.fileExists(atPath: "\(folder)/\(name)/panel.json") && !found.contains(where: { $0.0 == name }) {
        found.append((name, "\(folder)/\(name)"))
      }
    }
    return found
  }
}
