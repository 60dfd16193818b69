import CHTSlib
import CHTSlibShims
import Foundation
import SarcoCore

/// Writes a BGZF-compressed BED-like text file and its CSI index, through the
/// same htslib calls mosdepth makes (by way of hts-nim's `BGZI`), so the same
/// lines give the same bytes: `bgzf_open(path, "w1")`, `bgzf_write` per line,
/// `hts_idx_push` with the virtual offset after each line, then
/// `hts_idx_finish`, `hts_idx_set_meta` (the tabix configuration: sequence,
/// start and end in columns 1-3, 0-based, `#` comments, then the contig names)
/// and `hts_idx_save_as` (CSI, minimum shift 14).
///
/// Lines must come grouped by contig and sorted by start within it.
public final class IndexedBGZFWriter {
  private let path: String
  private let indexPath: String
  /// The file named in messages (`path` may be a temporary file standing for it).
  private let target: String
  private var file: UnsafeMutablePointer<BGZF>?
  private var index: OpaquePointer?
  private var contigs: [String] = []

  /// `levels`: CSI levels for the longest contig (`IndexedBGZFWriter.levels(longestContig:)`);
  /// `target`: the file to name in messages (default `path`).
  public init(path: String, indexPath: String, levels: Int, target: String? = nil) throws {
    self.path = path
    self.indexPath = indexPath
    self.target = target ?? path
    HTSLog.quietWarnings()
    guard let file = bgzf_open(path, "w1") else { throw SarcoError.output("\(self.target): cannot open for writing") }
    guard let index = hts_idx_init(0, HTS_FMT_CSI, 0, 14, Int32(levels)) else {
      bgzf_close(file)
      throw SarcoError.output("\(self.target): cannot start its CSI index")
    }
    self.file = file
    self.index = index
  }

  deinit {
    if let file { bgzf_close(file) }
    if let index { hts_idx_destroy(index) }
  }

  /// The fewest CSI levels (of 3 bits each above 2^14) that reach `longestContig`, as mosdepth picks them.
  public static func levels(longestContig: Int) -> Int {
    var levels = 0
    var span = 1 << 14
    while longestContig > span {
      levels += 1
      span <<= 3
    }
    return levels
  }

  /// Text before the first line (a `#` header), not indexed.
  public func writeHeader(_ text: String) throws {
    try write(text)
  }

  /// One line (a newline is added) covering `[start, end)` of `contig`, indexed.
  public func write(line: String, contig: String, start: Int, end: Int) throws {
    guard let file, let index else { throw SarcoError.output("\(target): already closed") }
    if contigs.last != contig { contigs.append(contig) }
    try write(line)
    try write("\n")
    if hts_idx_push(index, Int32(contigs.count - 1), hts_pos_t(start), hts_pos_t(end), UInt64(sp_bgzf_virtual_offset(file)), 1) < 0 {
      throw SarcoError.output("\(target): cannot index the line for \(contig):\(start + 1)-\(end) (unsorted?)")
    }
  }

  /// Finishes the file and writes the index beside it.
  public func close() throws {
    guard let file, let index else { return }
    self.file = nil
    guard bgzf_flush(file) == 0 else {
      bgzf_close(file)
      throw SarcoError.output("\(target): cannot write")
    }
    hts_idx_finish(index, UInt64(sp_bgzf_virtual_offset(file)))
    var meta = tabixConfiguration()
    let metaSet = meta.withUnsafeMutableBufferPointer { hts_idx_set_meta(index, UInt32($0.count), $0.baseAddress, 1) }
    let closed = bgzf_close(file)
    guard metaSet == 0, closed == 0 else { throw SarcoError.output("\(target): cannot write") }
    guard hts_idx_save_as(index, path, indexPath, HTS_FMT_CSI) == 0 else {
      throw SarcoError.output("\(target).csi: cannot write the index")
    }
  }

  /// tabix's configuration (preset 0, columns 1/2/3, meta `#`, no skipped lines) and the NUL-ended contig names.
  private func tabixConfiguration() -> [UInt8] {
    let names: [UInt8] = contigs.flatMap { Array($0.utf8) + [0] }
    let fields: [UInt32] = [0, 1, 2, 3, UInt32(UInt8(ascii: "#")), 0, UInt32(names.count)]
    let packed: [UInt8] = fields.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    return packed + names
  }

  private func write(_ text: String) throws {
    guard let file else { throw SarcoError.output("\(target): already closed") }
    var text = text
    let written = text.withUTF8 { bgzf_write(file, $0.baseAddress, $0.count) }
    if written < 0 { throw SarcoError.output("\(target): cannot write") }
  }
}
