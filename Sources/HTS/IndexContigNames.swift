import CHTSlib
import Foundation

/// The contig names of the tabix/CSI index htslib would find beside a text VCF, read off the
/// index's first bytes (its names come before the bins).
///
/// htslib's `vcf_hdr_read` loads that whole index (~20 ms for a WGS `.tbi`, and an indexed read
/// loads it again) only to add its contigs to a header that lacks them. `HTSFile` reads the
/// header without that load and adds the same contigs, in the same order, from these names.
enum IndexContigNames {
  /// htslib's search (`hts_idx_check_local` for a TBI): `<fn>.csi`, then the name from its last
  /// `.` on replaced by `.csi`, then the same with `.tbi`; the first that exists. As in htslib the
  /// `.` is looked for back to the second character, past any `/`, then at the first.
  static func indexPath(besideText path: String) -> String? {
    let bytes = path.utf8
    let dot = bytes.indices.dropFirst().last { bytes[$0] == UInt8(ascii: ".") }
      ?? (bytes.first == UInt8(ascii: ".") ? bytes.startIndex : nil)
    func candidates(_ suffix: String) -> [String] {
      [path + suffix] + (dot.map { [String(path[..<$0]) + suffix] } ?? [])
    }
    var status = stat()
    return (candidates(".csi") + candidates(".tbi")).first { stat($0, &status) == 0 }
  }

  /// The names in the index's order (its tids), each once; nil when it is not a tabix-style
  /// index (a CSI without tabix metadata, which htslib would not load for a VCF either).
  static func read(indexPath: String) -> [String]? {
    guard let bgzf = bgzf_open(indexPath, "r") else { return nil }
    defer { _ = bgzf_close(bgzf) }
    func bytes(_ count: Int) -> [UInt8]? {
      guard count >= 0, count < 1 << 30 else { return nil }
      var buffer = [UInt8](repeating: 0, count: count)
      let read = buffer.withUnsafeMutableBytes { bgzf_read(bgzf, $0.baseAddress, count) }
      return read == count ? buffer : nil
    }
    func integer() -> Int? {
      bytes(4).map { Int(Int32(bitPattern: UInt32($0[0]) | UInt32($0[1]) << 8 | UInt32($0[2]) << 16 | UInt32($0[3]) << 24)) }
    }
    guard let magic = bytes(4) else { return nil }
    let namesLength: Int?
    if magic == Array("TBI\u{1}".utf8) {
      // n_ref; format, col_seq, col_beg, col_end, meta, skip; l_nm.
      guard integer() != nil, bytes(24) != nil else { return nil }
      namesLength = integer()
    } else if magic == Array("CSI\u{1}".utf8) {
      // min_shift, depth, l_aux; a tabix CSI's aux data is the TBI's six fields, l_nm and the names.
      guard integer() != nil, integer() != nil, let auxLength = integer(), auxLength >= 28, bytes(24) != nil else { return nil }
      namesLength = integer().flatMap { $0 <= auxLength - 28 ? $0 : nil }
    } else {
      return nil
    }
    guard let namesLength, let block = bytes(namesLength) else { return nil }
    var seen = Set<String>()
    return block.split(separator: 0, omittingEmptySubsequences: true)
      .map { String(decoding: $0, as: UTF8.self) }
      .filter { seen.insert($0).inserted }
  }
}
