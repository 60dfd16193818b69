import CHTSlib
import CHTSlibShims
import Foundation

/// Why an index beside a file cannot be used for it.
struct IndexProblem: Error {
  let reason: String
}

/// A loaded `.tbi` or `.csi`, freed with this value: loaded once by `IndexCheck.load`
/// and used by the indexed read.
final class VariantIndex: @unchecked Sendable {
  final class Tabix {
    let pointer: UnsafeMutablePointer<tbx_t>
    /// Contig names in the index's order (its tids).
    let contigNames: [String]
    init(_ pointer: UnsafeMutablePointer<tbx_t>) {
      self.pointer = pointer
      var count: Int32 = 0
      if let list = tbx_seqnames(pointer, &count) {
        contigNames = (0..<Int(count)).map { String(cString: list[$0]!) }
        free(list)
      } else {
        contigNames = []
      }
    }
    deinit { tbx_destroy(pointer) }
  }

  enum Kind {
    case tabix(Tabix)
    case binary(OpaquePointer)
  }

  let kind: Kind

  init?(file: HTSFile, indexPath: String) {
    if file.format == .bcf {
      guard let index = bcf_index_load3(file.path, indexPath, HTS_IDX_SILENT_FAIL) else { return nil }
      kind = .binary(index)
    } else {
      guard let index = tbx_index_load3(file.path, indexPath, HTS_IDX_SILENT_FAIL) else { return nil }
      kind = .tabix(Tabix(index))
    }
  }

  deinit {
    if case .binary(let index) = kind { hts_idx_destroy(index) }
  }
}
