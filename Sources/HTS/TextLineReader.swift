import CHTSlib
import CHTSlibShims
import Foundation

/// The lines of a text VCF after its header, as `hts_getline` gives them, but
/// without copying each one: compressed input (BGZF or gzip) is read block by
/// block from htslib's decompressed buffer and each line is found with `memchr`
/// (htslib 1.16's `bgzf_getline` looks at every byte and copies every line);
/// only a line crossing two blocks is joined in a buffer. Plain text goes
/// through `hts_getline`.
///
/// Same contract as `hts_getline`: no `\n`, a trailing `\r` dropped, a last
/// line without `\n` included, and on a read error any partial line first,
/// then the error. A line stays valid until the next call of `next()`.
final class TextLineReader {
  private let file: UnsafeMutablePointer<htsFile>
  private let blocks: UnsafeMutablePointer<BGZF>?
  private var plain = kstring_t()
  /// A line crossing blocks, put together.
  private var joined: UnsafeMutablePointer<UInt8>
  private var joinedCapacity = 1 << 16
  private var joinedCount = 0
  private(set) var line = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

  init(file: HTSFile) {
    self.file = file.file
    let compression = sp_file_compression(file.file)
    let blockwise = compression == Int32(bgzf.rawValue) || compression == Int32(gzip.rawValue)
    blocks = blockwise ? hts_get_bgzfp(file.file) : nil
    joined = .allocate(capacity: joinedCapacity)
  }

  deinit {
    joined.deallocate()
    sp_ks_free(&plain)
  }

  /// The next line's length (then `line`), -1 at the end, below -1 on a read error.
  func next() -> Int {
    guard let blocks else {
      let status = Int(hts_getline(file, 2 /* KS_SEP_LINE */, &plain))
      line = UnsafeBufferPointer(start: plain.s.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }, count: status >= 0 ? plain.l : 0)
      return status
    }
    joinedCount = 0
    while true {
      var data: UnsafePointer<UInt8>?
      var available: Int32 = 0
      let status = sp_bgzf_block(blocks, &data, &available)
      guard status == 1, let data else {
        if joinedCount > 0 { return finish(UnsafeBufferPointer(start: joined, count: joinedCount)) }
        return Int(status)
      }
      let count = Int(available)
      if let newline = memchr(data, 0x0A, count) {
        let length = UnsafeRawPointer(newline) - UnsafeRawPointer(data)
        if joinedCount == 0 {
          sp_bgzf_skip(blocks, Int32(length + 1))
          return finish(UnsafeBufferPointer(start: data, count: length))
        }
        join(data, length)
        sp_bgzf_skip(blocks, Int32(length + 1))
        return finish(UnsafeBufferPointer(start: joined, count: joinedCount))
      }
      join(data, count)
      sp_bgzf_skip(blocks, available)
    }
  }

  /// True for BGZF and gzip input, which `block()` and `consume(_:)` read block by block.
  var isBlockwise: Bool { blocks != nil }

  /// The unread decompressed bytes of the current block, reading the next block when it is
  /// used up: status 1 with the bytes, -1 at the end, below -1 on a read error. Blockwise input only.
  func block() -> (status: Int, bytes: UnsafeBufferPointer<UInt8>) {
    guard let blocks else { return (-2, UnsafeBufferPointer(start: nil, count: 0)) }
    var data: UnsafePointer<UInt8>?
    var available: Int32 = 0
    let status = sp_bgzf_block(blocks, &data, &available)
    guard status == 1, let data else { return (Int(status), UnsafeBufferPointer(start: nil, count: 0)) }
    return (1, UnsafeBufferPointer(start: data, count: Int(available)))
  }

  /// Marks `count` bytes of the current block read (at most what `block()` gave).
  func consume(_ count: Int) {
    guard let blocks else { return }
    sp_bgzf_skip(blocks, Int32(count))
  }

  private func join(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
    if joinedCount + count > joinedCapacity {
      joinedCapacity = max(joinedCapacity * 2, joinedCount + count)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: joinedCapacity)
      grown.update(from: joined, count: joinedCount)
      joined.deallocate()
      joined = grown
    }
    (joined + joinedCount).update(from: bytes, count: count)
    joinedCount += count
  }

  private func finish(_ found: UnsafeBufferPointer<UInt8>) -> Int {
    var count = found.count
    if count > 0 && found[count - 1] == 0x0D { count -= 1 }
    line = UnsafeBufferPointer(rebasing: found[0..<count])
    return count
  }
}
