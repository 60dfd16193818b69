import CHTSlib
import CHTSlibShims
import Foundation
import SarcoCore

/// An input opened exactly once and handed to htslib as an `hFILE`.
///
/// A regular file is seekable (indexes work); its digest is computed from the
/// bytes htslib reads (a streamed read shows it the whole file once), and what
/// htslib did not read, such as the rest of a file read through an index, is read
/// positionally from a duplicate descriptor, which leaves htslib's offset alone.
/// Standard input (`-`), a FIFO or a process substitution can be read only once:
/// a thread copies its bytes into a pipe that htslib reads, hashing them on the
/// way, so both see the same bytes. (Opening such an input twice, once to hash and
/// once to parse, splits its bytes between the two readers.)
final class InputSource {
  /// As given; `-` is standard input.
  let path: String
  let isSeekable: Bool
  /// htslib's handle on the input (closed with the htsFile made from it).
  let handle: UnsafeMutablePointer<hFILE>
  private let copier: Copier?
  private let readDigest: ReadDigest?

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
      copier = nil
      readDigest = digest.map { ReadDigest($0, rest: fcntl(source, F_DUPFD_CLOEXEC, 0)) }
      let opened =
        readDigest.map { observed in
          sp_hdopen_observed(source, { context, bytes, count in
            Unmanaged<ReadDigest>.fromOpaque(context!).takeUnretainedValue().observe(UnsafeRawBufferPointer(start: bytes, count: count))
          }, Unmanaged.passUnretained(observed).toOpaque())
        } ?? hdopen(source, "r")
      guard let opened else {
        close(source)
        throw SarcoError.input("\(path): htslib cannot read it: \(String(cString: strerror(errno)))")
      }
      handle = opened
      return
    }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
      close(source)
      throw SarcoError.input("\(path): cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    // htslib may stop reading early (an error, or a header it refuses); the copier then gets EPIPE, not a signal.
    signal(SIGPIPE, SIG_IGN)
    guard let opened = hdopen(ends[0], "r") else {
      close(ends[0])
      close(ends[1])
      close(source)
      throw SarcoError.input("\(path): htslib cannot read it: \(String(cString: strerror(errno)))")
    }
    handle = opened
    readDigest = nil
    copier = Copier(reading: source, digest: digest, into: ends[1])
  }

  /// A regular file about to be read through an index: htslib will read only parts of it, so the
  /// rest is hashed now, on a thread of its own, instead of when the digest is asked for.
  func hashUnreadInBackground() { readDigest?.hashUnread(inBackground: true) }

  /// The input's digest once every byte has been seen; an error when the input was not read to its end.
  func digestValue() throws -> String {
    if let readDigest { return try readDigest.value(path: path) }
    guard let value = try copier?.result(path: path) else {
      throw SarcoError(.internalFailure, "\(path): no digest was requested when it was opened")
    }
    return value
  }

  /// Bytes of a regular file hashed apart from htslib's reads, once the digest is computed.
  var bytesHashedApart: Int64? { readDigest.map { Int64($0.hashedApart) } }

  /// The last bytes that passed through (for the BGZF end-of-file check on streams).
  func tail() -> [UInt8] { copier?.lastBytes() ?? [] }
}

/// The digest of a regular file: fed the bytes htslib reads, from offset 0 up to the first gap
/// (`sp_hdopen_observed`), then the rest read positionally. htslib calls `observe` from whichever
/// thread reads; a lock makes the hand-over to `hashUnread` exact whenever it comes.
private final class ReadDigest: @unchecked Sendable {
  private let digest: InputDigest
  /// A duplicate descriptor for the bytes htslib does not read; handed to `rest`.
  private let unread: Int32
  /// Guards `observed`, `handedOver` and the digest between htslib's reading thread and the caller's.
  private let lock = NSLock()
  private var observed: off_t = 0
  /// Set once the rest is being hashed apart: `observe` no longer touches the digest.
  private var handedOver = false
  private var rest: Copier?
  /// How many bytes were hashed apart from htslib's reads (0: the file was read once).
  private(set) var hashedApart: off_t = 0

  init(_ digest: InputDigest, rest unread: Int32) {
    self.digest = digest
    self.unread = unread
  }

  deinit { if !handedOver { close(unread) } }

  func observe(_ bytes: UnsafeRawBufferPointer) {
    lock.withLock {
      guard !handedOver else { return }
      digest.update(bytes)
      observed += off_t(bytes.count)
    }
  }

  /// Hashes from where htslib's reads stopped to the end (on a thread of its own when `inBackground`
  /// and more than a mebibyte is left); htslib's later reads are no longer shown to the digest.
  /// (At idle priority it made a quiet machine's indexed run ~2% faster, but on a busy one it got no
  /// core until the run waited for it: kept at normal priority.)
  func hashUnread(inBackground: Bool) {
    let start: (from: off_t, left: off_t)? = lock.withLock {
      guard !handedOver else { return nil }
      handedOver = true
      var status = stat()
      let left = fstat(unread, &status) == 0 ? max(0, status.st_size - observed) : 0
      hashedApart = left
      return (observed, left)
    }
    guard let start else { return }
    rest = Copier(
      reading: unread, from: start.from, digest: digest, inline: !inBackground || start.left <= ReadDigest.hashedInlineUpTo)
  }

  /// Up to this much left unread is hashed on the caller's thread: a thread of its own costs more.
  static let hashedInlineUpTo = off_t(1 << 20)

  func value(path: String) throws -> String {
    hashUnread(inBackground: false)
    guard let value = try rest?.result(path: path) else {
      throw SarcoError(.internalFailure, "\(path): the digest was not computed")
    }
    return value
  }
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

  /// A stream, copied into `sink` as it is read.
  init(reading source: Int32, digest: InputDigest?, into sink: Int32) {
    start(source: source, from: 0, digest: digest, sink: sink, inline: false)
  }

  /// A regular file from offset `from`, positionally; `inline`: now, on this thread.
  init(reading source: Int32, from offset: off_t, digest: InputDigest, inline: Bool) {
    start(source: source, from: offset, digest: digest, sink: nil, inline: inline)
  }

  private func start(source: Int32, from offset: off_t, digest: InputDigest?, sink: Int32?, inline: Bool) {
    if inline {
      run(source: source, from: offset, digest: digest, sink: sink)
      done.signal()
      return
    }
    let thread = Thread { [self] in
      run(source: source, from: offset, digest: digest, sink: sink)
      done.signal()
    }
    thread.name = "sarcopanel input copier"
    thread.start()
  }

  private func run(source: Int32, from start: off_t, digest: InputDigest?, sink: Int32?) {
    defer {
      close(source)
      if let sink { close(sink) }
    }
    let capacity = 1 << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    defer { buffer.deallocate() }
    var offset = start
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
