import CHTSlib
import CHTSlibShims
import Foundation

/// The text of a VCF after its header, without copying each line.
///
/// - Compressed input (BGZF or gzip), `nextLines()`: runs of whole lines straight from
///   htslib's decompressed block (htslib 1.16's `bgzf_getline` looks at every byte and copies
///   every line); only a line crossing blocks is joined in a buffer. Lines end in `\n`
///   (a `\r` before it is the caller's to drop), except a last line without one.
/// - Plain text, `next()`: one line at a time through `hts_getline` (no `\n`; htslib drops a
///   trailing `\r`).
///
/// As `hts_getline`: on a read error any partial line first, then the error.
final class TextLineReader {
  private let file: UnsafeMutablePointer<htsFile>
  private let blocks: UnsafeMutablePointer<BGZF>?
  private var plain = kstring_t()
  /// A line crossing blocks, put together.
  private var joined: UnsafeMutablePointer<UInt8>
  private var joinedCapacity = 1 << 16
  private var joinedCount = 0
  /// Bytes of the current block handed out by the last `nextLines()`, marked read on the next call.
  private var handedOut = 0
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

  /// True for BGZF and gzip input, which `nextLines()` reads.
  var isBlockwise: Bool { blocks != nil }

  /// Plain text: the next line's length (then `line`), -1 at the end, below -1 on a read error.
  func next() -> Int {
    let status = Int(hts_getline(file, 2 /* KS_SEP_LINE */, &plain))
    line = UnsafeBufferPointer(start: plain.s.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }, count: status >= 0 ? plain.l : 0)
    return status
  }

  /// Compressed text: the next run of whole lines, valid until the next call, with `last` true
  /// for a final line without `\n`; status 1, -1 at the end, below -1 on a read error.
  func nextLines() -> (status: Int, lines: UnsafeBufferPointer<UInt8>, last: Bool) {
    guard let blocks else { return (-2, UnsafeBufferPointer(start: nil, count: 0), false) }
    if handedOut > 0 {
      sp_bgzf_skip(blocks, Int32(handedOut))
      handedOut = 0
    }
    joinedCount = 0
    while true {
      var data: UnsafePointer<UInt8>?
      var available: Int32 = 0
      let status = sp_bgzf_block(blocks, &data, &available)
      guard status == 1, let data else {
        if joinedCount > 0 { return (1, UnsafeBufferPointer(start: joined, count: joinedCount), true) }
        return (Int(status), UnsafeBufferPointer(start: nil, count: 0), false)
      }
      let count = Int(available)
      if joinedCount > 0 {
        // Finish the line that crossed into this block.
        guard let newline = memchr(data, 0x0A, count) else {
          join(data, count)
          sp_bgzf_skip(blocks, available)
          continue
        }
        let length = UnsafeRawPointer(newline) - UnsafeRawPointer(data) + 1
        join(data, length)
        sp_bgzf_skip(blocks, Int32(length))
        return (1, UnsafeBufferPointer(start: joined, count: joinedCount), false)
      }
      var end = count
      while end > 0 && data[end - 1] != 0x0A { end -= 1 }
      guard end > 0 else {
        join(data, count)
        sp_bgzf_skip(blocks, available)
        continue
      }
      // The block's whole lines, in place; the rest (the start of a line) is joined on the next call.
      handedOut = end
      return (1, UnsafeBufferPointer(start: data, count: end), false)
    }
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
}
