import Foundation

/// A whole file read straight into a byte array. (`FileManager.contents` fills a `Data` that the
/// binary decoder would then copy into an array again: two passes over the panel cache's megabytes
/// on every run's critical path.)
public enum FileBytes {
  /// The file's bytes, or nil when it cannot be opened or read (missing, no permission, a folder).
  public static func read(path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(info.st_size)
    var complete = true
    // Uninitialised: every byte is overwritten by the read (no memset of megabytes first).
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialised in
      var filled = 0
      while filled < size, let base = buffer.baseAddress {
        let count = Foundation.read(descriptor, base + filled, size - filled)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        filled += count
      }
      complete = filled == size
      initialised = filled
    }
    // A file that shrank while being read is not what `fstat` described: refuse it.
    return complete ? bytes : nil
  }
}
