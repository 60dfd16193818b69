import Foundation
import SarcoCore

/// Writes files whole or not at all: into a temporary file beside the target,
/// then renamed over it, so a crash or error never leaves half a report.
public enum AtomicFile {
  public static func write(_ data: Data, to path: String) throws {
    try writeAll([(data, path)])
  }

  /// Writes several files so that either all appear or none do (see `AtomicFileSet`).
  public static func writeAll(_ files: [(data: Data, path: String)], forcedToDisk: Bool = true) throws {
    let set = AtomicFileSet(forcedToDisk: forcedToDisk)
    for (data, path) in files { try set.write(data, to: path) }
    try set.commit()
  }

  public static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  /// Creates `path` (and parents) and checks that files can be written there,
  /// before any work starts.
  public static func prepareDirectory(_ path: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw SarcoError.output("\(path): exists and is not a directory") }
    } else {
      var built = path.hasPrefix("/") ? "" : "."
      for component in path.split(separator: "/") {
        built += "/\(component)"
        if mkdir(built, 0o777) != 0 && errno != EEXIST {
          throw SarcoError.output("\(path): cannot create the output directory: \(built): \(String(cString: strerror(errno)))")
        }
      }
    }
    guard access(path, W_OK) == 0 else {
      throw SarcoError.output("\(path): output directory is not writable")
    }
  }
}
