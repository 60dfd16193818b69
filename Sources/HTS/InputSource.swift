import CHTSlib
import Foundation
import SarcoCore

/// An input opened exactly once and handed to htslib as an `hFILE`.
///
/// A regular file is seekable (indexes work); its digest is computed on a
/// duplicate of the same descriptor with positional reads, which leave
/// htslib's offset alone. Standard input (`-`), a FIFO or a process
/// substitution can be read only once: a thread copies its bytes into a pipe
/// that htslib reads, hashing them on the way, so both see the same bytes.
/// (Opening such an input twice, once to hash and once to parse, splits its
/// bytes between the two readers.)
final class InputSource {
  /// Regular files up to this size are hashed when opened, on the caller's thread.
  static let hashedInlineUpTo = off_t(1 << 20)
  /// As given; `-` is standard input.
  let path: String
  let isSeekable: Bool
  /// The descriptor htslib reads (htslib closes it).
  let descriptor: Int32
  private let copier: Copier?

  /// Opens `path` (`-`: standard input), checking it is a readable file rather than a directory.
  init(path: String, digest: InputDigest?) throws {
    self.path = path
    let source: Int32
    if path == "-" {
      source = dup(STDIN_FILENO)
    } else {
      var status = stat()
      if stat(path, &status) != 0 {
        throw SarcoError.input(errno == ENOENT ? "\(path): no such file" : "\(path): \(String(cString: strerror(errno)))")
      }
      if status.st_mode & S_IFMT == S_IFDIR { throw SarcoError.input("\(path): is a directory, expected a VCF or BCF file") }
      source = open(path, O_RDONLY | O_CLOEXEC)
    }
    guard source >= 0 else {
      throw SarcoError.input(errno == EACCES ? "\(path): permission denied" : "\(path): cannot open: \(String(cString: strerror(errno)))")
    }
    var status = stat()
    fstat(source, &status)
    isSeekable = status.st_mode & S_IFMT == S_IFREG
    if isSeekable {
      descriptor = source
      // A small file is hashed here: a thread of its own costs more than the hashing (a batch of small samples).
      let inline = status.st_size <= InputSource.hashedInlineUpTo
      copier = digest.map { Copier(reading: dup(source), digest: $0, into: nil, inline: inline) }
      return
    }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
      close(source)
      throw SarcoError.input("\(path): cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    // htslib may stop reading early (an error, or a header it refuses); the copier then gets EPIPE, not a signal.
    signal(SIGPIPE, SIG_IGN)
    descriptor = ends[0]
    copier = Copier(reading: source, digest: digest, into: ends[1])
  }

  /// The input's digest once every byte has been seen; an error when the input was not read to its end.
  func digestValue() throws -> String {
    guard let value = try copier?.result(path: path) else {
      throw SarcoError(.internalFailure, "\(path): no digest was requested when it was opened")
    }
    return value
  }

  /// The last bytes that passed through (for the BGZF end-of-file check on streams).
  func tail() -> [UInt8] { copier?.lastBytes() ?? [] }
}

/// Reads a descriptor to its end on its own thread, feeding the digest and,
/// for streams, copying into the pipe htslib reads (keeping the last bytes,
/// which must be BGZF's end-of-file block when the stream is BGZF).
private final class Copier: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var failure: String?
  private var complete = false
  private var tailBytes: [UInt8] = []
  private var finished: String?

  /// `inline`: read and hash now, on this thread (only for a regular file: a stream must be copied as it is read).
  init(reading source: Int32, digest: InputDigest?, into sink: Int32?, inline: Bool = false) {
    if inline && sink == nil {
      run(source: source, digest: digest, sink: nil)
      done.signal()
      return
    }
    let thread = Thread { [self] in
      run(source: source, digest: digest, sink: sink)
      done.signal()
    }
    thread.name = "sarcopanel input copier"
    thread.start()
  }

  private func run(source: Int32, digest: InputDigest?, sink: Int32?) {
    defer {
      close(source)
      if let sink { close(sink) }
    }
    let capacity = 1 << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    defer { buffer.deallocate() }
    var offset: off_t = 0
    var tail: [UInt8] = []
    while true {
      // A stream is read in order; a regular file positionally, so htslib's offset is untouched.
      let count = sink == nil ? pread(source, buffer, capacity, offset) : read(source, buffer, capacity)
      if count < 0 {
        if errno == EINTR { continue }
        record(failure: "read error: \(String(cString: strerror(errno)))")
        return
      }
      if count == 0 { break }
      offset += off_t(count)
      let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
      digest?.update(bytes)
      // The last 28 bytes read (`tail + bytes` copied every mebibyte read: 172 MB for a WGS VCF).
      tail = count >= 28 ? Array(bytes.suffix(28)) : Array((tail + bytes).suffix(28))
      guard let sink else { continue }
      var written = 0
      while written < count {
        let result = write(sink, buffer + written, count - written)
        if result < 0 {
          if errno == EINTR { continue }
          // The reader closed its end: it stopped before the end of the input.
          record(failure: "not read to its end")
          return
        }
        written += result
      }
    }
    lock.lock()
    complete = true
    tailBytes = tail
    finished = digest?.finish()
    lock.unlock()
  }

  private func record(failure message: String) {
    lock.lock()
    failure = message
    lock.unlock()
  }

  func result(path: String) throws -> String? {
    done.wait()
    done.signal()
    lock.lock()
    defer { lock.unlock() }
    if complete { return finished }
    throw SarcoError.input("\(path): cannot compute its SHA-256: \(failure ?? "not read to its end")")
  }

  func lastBytes() -> [UInt8] {
    done.wait()
    done.signal()
    lock.lock()
    defer { lock.unlock() }
    return tailBytes
  }
}
