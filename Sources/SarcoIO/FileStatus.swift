import Foundation

/// A file's size and modification time from `stat`. (`FileManager.attributesOfItem` also looks up
/// the owner's and group's names, reading /etc/nsswitch.conf, /etc/passwd and /etc/group on every
/// call: a batch asked it for each input of every sample.)
public struct FileStatus: Equatable, Sendable {
  public let size: Int
  /// Seconds since 1970, with the nanoseconds.
  public let modified: Double
  public let isDirectory: Bool

  /// Nil when the file cannot be looked at (missing, no permission).
  public init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    size = Int(info.st_size)
    isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    #if os(Linux)
      let time = info.st_mtim
    #else
      let time = info.st_mtimespec
    #endif
    modified = Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
