import Foundation

/// An exclusive lock on the folder holding a store, so that only one process at
/// a time creates or migrates it (two first writers would both create its
/// tables, and one fail). `flock` on the folder leaves no extra file and does
/// not touch the locks SQLite keeps on the store itself. Where the file system
/// cannot lock a folder, the store is opened without it.
enum StoreLock {
  static func exclusively<T>(beside path: String, _ body: () throws -> T) throws -> T {
    let folder = (path as NSString).deletingLastPathComponent
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return try body() }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      if errno != EINTR { return try body() }
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }
}
