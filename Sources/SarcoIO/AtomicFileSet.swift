import CFileSync
import Foundation
import SarcoCore

/// Files that appear together or not at all.
///
/// Each file is written to a temporary file beside its target, named
/// `.<name>.tmp-<pid>-<n>`. `commit` renames them all once every one is
/// complete; if a rename fails, the targets already replaced get their old
/// contents back, so a reader never sees a mix of old and new files. Temporary
/// files are removed on failure, on `discard`, when the set is dropped, and on
/// SIGINT/SIGTERM (`TemporaryFiles.removeOnSignals`); ones left by a killed
/// process (its pid no longer running) are removed by the next set made in
/// that folder.
public final class AtomicFileSet {
  private var pending: [(sink: FileSink, target: String)] = []
  private var scratch: [FileSink] = []
  /// Whether `commit` forces the files to disk before renaming them (a file whose loss a rerun
  /// makes good, such as a batch's stamp, need not be).
  private let forcedToDisk: Bool

  public init(forcedToDisk: Bool = true) { self.forcedToDisk = forcedToDisk }

  /// A temporary file that becomes `path` on `commit`.
  public func create(_ path: String) throws -> FileSink {
    TemporaryFiles.removeStale(in: FileSink.folder(of: path))
    let sink = try FileSink(temporaryFor: path)
    pending.append((sink, path))
    return sink
  }

  /// Writes `data` to a temporary file that becomes `path` on `commit`.
  public func write(_ data: Data, to path: String) throws {
    let sink = try create(path)
    try sink.write(data)
  }

  /// Writes `text` (UTF-8) to a temporary file that becomes `path` on `commit`.
  public func write(_ text: String, to path: String) throws {
    let sink = try create(path)
    try sink.write(text)
  }

  /// A temporary file beside `path` that is never renamed (working space), removed with the set.
  public func scratch(beside path: String, _ label: String) throws -> FileSink {
    let sink = try FileSink(temporaryFor: "\(FileSink.folder(of: path))/\(label)")
    scratch.append(sink)
    return sink
  }

  /// Renames every file into place, all or none. Scratch files go too, unless
  /// they are still needed (then `discard` removes them).
  public func commit(keepingScratch: Bool = false) throws {
    // A large set's files are forced to disk at once: one after another, each fsync waited for its
    // own journal commit. A small sample's few kilobytes go one by one (threads would cost more).
    // Before the renames: until then they are temporary files, which a signal removes.
    let large = pending.contains { $0.sink.bytesWritten >= AtomicFileSet.largeFile }
    let sinks = pending.map(\.sink)
    let forced = forcedToDisk
    _ = try ParallelShares.map(count: sinks.count, workers: large ? sinks.count : 1) { _, share in
      try share.map { try sinks[$0].finish(forcingToDisk: forced) }
    }
    try TemporaryFiles.duringCommit {
      var backups: [(target: String, backup: String?)] = []
      do {
        for (sink, target) in pending {
          // One `lstat` (FileManager's look added its own work, and a missing file then failed a `link`);
          // a symbolic link, dangling too, is set aside itself, a directory behind one refused.
          var info = stat()
          let present = lstat(target, &info) == 0
          let kind = info.st_mode & S_IFMT
          if present, kind == S_IFDIR || (kind == S_IFLNK && FileStatus(path: target)?.isDirectory == true) {
            throw SarcoError.output("\(target): cannot replace it: it is a directory")
          }
          // The old file is kept under a temporary name until every new one is in place.
          var backup: String? = present ? "\(sink.path).old" : nil
          if let kept = backup, link(target, kept) != 0 {
            if errno == ENOENT { backup = nil } else if rename(target, kept) != 0 && errno != ENOENT {
              throw SarcoError.output("\(target): cannot set the old file aside: \(FileSink.describe(errno))")
            }
          }
          TemporaryFiles.register(backup)
          backups.append((target, backup))
          guard rename(sink.path, target) == 0 else {
            throw SarcoError.output("\(target): cannot move the finished file into place: \(FileSink.describe(errno))")
          }
        }
      } catch {
        for (target, backup) in backups.reversed() {
          if let backup { rename(backup, target) } else { unlink(target) }
        }
        for (_, backup) in backups { if let backup { unlink(backup); TemporaryFiles.unregister(backup) } }
        discard()
        throw error
      }
      for (sink, _) in pending { sink.forget() }
      pending = []
      // The old files and the scratch go together: freeing a 27 MB report's pages takes milliseconds.
      let oldFiles = backups.compactMap(\.backup)
      let leftovers = keepingScratch ? [] : scratch
      if !keepingScratch { scratch = [] }
      let removals: [Removal] = oldFiles.map { .old($0) } + leftovers.map { .scratch($0) }
      // Removing never throws.
      _ = try? ParallelShares.map(count: removals.count, workers: large ? removals.count : 1) { _, share in
        share.map { index in
          switch removals[index] {
          case .old(let path): unlink(path); TemporaryFiles.unregister(path)
          case .scratch(let sink): sink.remove()
          }
        }
      }
    }
  }

  private enum Removal: Sendable { case old(String), scratch(FileSink) }

  /// Files from 4 MiB make a set large (a 5M-record run's 27 MB JSON; a small sample's are kilobytes).
  static let largeFile = 1 << 22

  /// Removes every temporary file (nothing is renamed).
  public func discard() {
    for (sink, _) in pending { sink.remove() }
    pending = []
    discardScratch()
  }

  private func discardScratch() {
    for sink in scratch { sink.remove() }
    scratch = []
  }

  deinit { discard() }
}

/// A file being written through one descriptor, with errors that say what went wrong (a full disk says so).
/// One thread writes to it at a time.
public final class FileSink: @unchecked Sendable {
  /// The temporary file's path.
  public let path: String
  /// The file it stands for (for messages).
  public let target: String
  private var descriptor: Int32
  /// Bytes written to the file so far (buffered ones not yet).
  private(set) var bytesWritten = 0
  private var buffer: [UInt8] = []

  /// Creates `.<name>.tmp-<pid>-<n>` beside `target`.
  init(temporaryFor target: String) throws {
    self.target = target
    path = TemporaryFiles.name(for: target)
    descriptor = TemporaryFiles.createTracked(path)
    guard descriptor >= 0 else {
      throw SarcoError.output("\(target): cannot create a file in \(FileSink.folder(of: target)): \(FileSink.describe(errno))")
    }
  }

  /// Writes to an existing path without a temporary (tests: `/dev/full`).
  public init(writingTo target: String) throws {
    self.target = target
    path = target
    descriptor = open(target, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw SarcoError.output("\(target): cannot open for writing: \(FileSink.describe(errno))") }
  }

  public func write(_ data: Data) throws { try data.withUnsafeBytes { try write($0) } }
  public func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write($0) } }
  public func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
  }

  /// Runs a renderer that hands over text in pieces, writing each; the first write error is thrown at the end.
  public func writing(_ render: (_ emit: @escaping (String) -> Void) -> Void) throws {
    var failure: Error?
    render { [self] text in
      guard failure == nil else { return }
      do { try write(text) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// Buffers small writes (up to 1 MiB); larger ones go straight through.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    if buffer.count + bytes.count < 1 << 20 {
      buffer.append(contentsOf: bytes)
      return
    }
    try flush()
    try writeThrough(bytes)
  }

  public func flush() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBytes { try writeThrough($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func writeThrough(_ raw: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < raw.count {
      let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw SarcoError.output("\(target): cannot write: \(FileSink.describe(errno))")
      }
      offset += written
      bytesWritten += written
    }
  }

  /// Appends the whole of another file, a mebibyte at a time. The other file is flushed, not
  /// synced: it is scratch (only this copy is kept), and syncing its 27 MB took 9 ms of a run.
  /// Each mebibyte copied starts on its way to the disk at once, so the `fsync` of `finish` finds
  /// little left to write (27 MB: it waited ~10 ms for all of it).
  public func append(contentsOf other: FileSink) throws {
    try flush()
    try other.flush()
    let source = open(other.path, O_RDONLY | O_CLOEXEC)
    guard source >= 0 else { throw SarcoError.output("\(other.path): cannot reopen: \(FileSink.describe(errno))") }
    defer { close(source) }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { chunk.deallocate() }
    var offset = Int64(lseek(descriptor, 0, SEEK_CUR))
    while true {
      let count = read(source, chunk.baseAddress, chunk.count)
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw SarcoError.output("\(other.path): cannot read back: \(FileSink.describe(errno))") }
      if count == 0 { return }
      try writeThrough(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
      // Advice only: where the call is unsupported (or the offset unknown), `fsync` writes it all.
      if offset >= 0 { _ = sp_start_writeback(descriptor, offset, Int64(count)) }
      offset += Int64(count)
    }
  }

  /// Flushes and forces the bytes to disk, so a completed rename never exposes a short file.
  func finish(forcingToDisk: Bool = true) throws {
    try flush()
    guard forcingToDisk else { return }
    if fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS {
      throw SarcoError.output("\(target): cannot write: \(FileSink.describe(errno))")
    }
  }

  /// Closes the descriptor and deletes the temporary file.
  func remove() {
    closeDescriptor()
    unlink(path)
    TemporaryFiles.unregister(path)
  }

  /// The file was renamed into place: close it, stop tracking it.
  func forget() {
    closeDescriptor()
    TemporaryFiles.unregister(path)
  }

  private func closeDescriptor() {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
  }

  deinit { closeDescriptor() }

  static func folder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  /// `strerror`, with the cause spelled out for a full disk or quota.
  static func describe(_ code: Int32) -> String {
    switch code {
    case ENOSPC: return "no space left on device (the disk is full)"
    case EDQUOT: return "disk quota exceeded"
    case EROFS: return "read-only file system"
    case EACCES, EPERM: return "permission denied"
    default: return String(cString: strerror(code))
    }
  }
}

/// Every temporary file this process has open, so they can be removed when it is interrupted.
public enum TemporaryFiles {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var live: Set<String> = []
  nonisolated(unsafe) private static var counter = 0
  /// Folders `removeStale` has looked through.
  nonisolated(unsafe) private static var swept: Set<String> = []
  nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []
  /// Entered while a set's files are renamed into place and while a temporary file is created and
  /// tracked, by any number of threads at once; a signal closes it, waiting for those under way, so
  /// it never finds a set half renamed or a file created but not tracked. (A lock held for both made a
  /// batch's workers wait for each other's file system calls: half of a two-job batch's sleeps.)
  private static let gate = CommitGate()

  /// A temporary name beside `target`, `.<name>.tmp-<pid>-<n>`, which the stale-file sweep recognises;
  /// with `extension`, `.<name>.tmp-<pid>-<n>.<extension>` (for a program that goes by it, as Chromium does).
  public static func name(for target: String, extension suffix: String? = nil) -> String {
    lock.lock()
    counter += 1
    let number = counter
    lock.unlock()
    let url = URL(fileURLWithPath: target)
    return "\(FileSink.folder(of: target))/.\(url.lastPathComponent).tmp-\(getpid())-\(number)" + (suffix.map { ".\($0)" } ?? "")
  }

  /// Tracks a temporary file written by someone else (Chromium printing a PDF) so signals remove it too.
  public static func register(_ path: String?) {
    guard let path else { return }
    lock.lock()
    live.insert(path)
    lock.unlock()
  }

  /// Creates a new temporary file and tracks it inside the gate a signal closes before it sweeps,
  /// so a signal never finds a file created but not yet tracked. The descriptor, or -1 with `errno` set.
  static func createTracked(_ path: String) -> Int32 {
    gate.enter()
    defer { gate.leave() }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if descriptor >= 0 { lock.withLock { _ = live.insert(path) } }
    return descriptor
  }

  public static func unregister(_ path: String) {
    lock.lock()
    live.remove(path)
    lock.unlock()
  }

  static func duringCommit<T>(_ body: () throws -> T) rethrows -> T {
    gate.enter()
    defer { gate.leave() }
    return try body()
  }

  /// On SIGINT or SIGTERM: wait for a commit in progress, remove every temporary file, exit 130 or 143.
  public static func removeOnSignals() {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: DispatchQueue(label: "sarcopanel signals"))
      source.setEventHandler {
        gate.close()
        lock.lock()
        for path in live { unlink(path) }
        live.removeAll()
        FileHandle.standardError.write(Data("sarcopanel: interrupted (signal \(signalNumber)); no files were left half-written\n".utf8))
        _exit(128 + signalNumber)
      }
      source.resume()
      signalSources.append(source)
    }
  }

  /// Removes temporary files of sarcopanel's naming in `folder` whose process is no longer running,
  /// the first time this process writes there. (Once is enough: files of a process that dies later are
  /// the next run's to remove. Listing the folder before every file made a batch into one folder
  /// quadratic: six listings per sample of a folder that grows by eight files per sample.)
  public static func removeStale(in folder: String) {
    guard lock.withLock({ swept.insert(folder).inserted }) else { return }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(".") {
      guard let pid = owner(ofTemporary: name), hasEnded(pid) else { continue }
      unlink("\(folder)/\(name)")
    }
  }

  /// True when `pid` is another process and no longer running (its leftovers may go).
  public static func hasEnded(_ pid: pid_t) -> Bool { pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH }

  /// The pid in `.<name>.tmp-<pid>-<n>` (also with an extension, `.old` backups, and the older `.<name>.tmp-<pid>`).
  static func owner(ofTemporary name: String) -> pid_t? {
    guard let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
    var trimmed = name[..<name.endIndex]
    if let dot = trimmed[marker.upperBound...].firstIndex(of: "."),
      trimmed[trimmed.index(after: dot)...].allSatisfy({ $0.isLetter })
    {
      trimmed = trimmed[..<dot]
    }
    let parts = trimmed[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
    return pid_t(parts[0])
  }
}

/// Entered by any number of threads at once, until `close`, which waits for them to leave and keeps
/// everyone out from then on (the process is ending).
final class CommitGate: @unchecked Sendable {
  private let condition = NSCondition()
  private var inside = 0
  private var closed = false

  func enter() {
    condition.lock()
    while closed { condition.wait() }
    inside += 1
    condition.unlock()
  }

  func leave() {
    condition.lock()
    inside -= 1
    if inside == 0 { condition.broadcast() }
    condition.unlock()
  }

  /// Waits until no thread is inside; later `enter` calls wait for ever.
  func close() {
    condition.lock()
    closed = true
    while inside > 0 { condition.wait() }
    condition.unlock()
  }
}
