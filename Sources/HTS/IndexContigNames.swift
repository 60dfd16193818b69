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

  /// The names in the index's order (its tids), each once (`IndexBytes.header`); nil when it is
  /// not a tabix-style index (a CSI without tabix metadata, which htslib would not load for a VCF
  /// either). Only the blocks up to the end of the names are read.
  static func read(indexPath: String) -> [String]? {
    guard let bgzf = bgzf_open(indexPath, "r") else { return nil }
    defer { _ = bgzf_close(bgzf) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      var reader = IndexBytes(bytes: bytes)
      if let header = reader.header() { return header.names }
      guard IndexBytes.mayBeIndex(bytes) else { return nil }
      let count = chunk.withUnsafeMutableBytes { bgzf_read(bgzf, $0.baseAddress, $0.count) }
      guard count > 0 else { return nil }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }
}
