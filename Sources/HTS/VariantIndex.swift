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
  enum Kind {
    /// A tabix index and its contig names in its order (its tids).
    case tabix(UnsafeMutablePointer<tbx_t>, contigNames: [String])
    case binary(OpaquePointer)
  }

  let kind: Kind
  /// Per tid, a position no record reaches past, when the index tells (`IndexSummary.recordsEnd`).
  private let recordsEnd: [Int?]
  /// Per tid, where its first record starts (`IndexSummary.firstRecordStarts`).
  private let firstRecordStarts: [UInt64?]

  /// `summary`: what the index's own bytes say (`IndexCheck.summary`).
  init?(file: HTSFile, indexPath: String, summary: IndexSummary) {
    recordsEnd = summary.recordsEnd
    firstRecordStarts = summary.firstRecordStarts
    if file.format == .bcf {
      guard let index = bcf_index_load3(file.path, indexPath, HTS_IDX_SILENT_FAIL) else { return nil }
      kind = .binary(index)
    } else {
      guard let index = tbx_index_load3(file.path, indexPath, HTS_IDX_SILENT_FAIL) else { return nil }
      var count: Int32 = 0
      var names: [String] = []
      if let list = tbx_seqnames(index, &count) {
        names = (0..<Int(count)).map { String(cString: list[$0]!) }
        free(list)
      }
      kind = .tabix(index, contigNames: names)
    }
  }

  /// `range` cut to where the contig's records can be, nil when none can be in it. A query's cost
  /// grows with the bins it spans: the out-of-bounds range up to `RegionFilter.beyondAnyContig`
  /// made htslib test every bin of the contig (~18 ms over a WGS index's contigs).
  func reachable(_ range: ClosedRange<Int>, tid: Int32) -> ClosedRange<Int>? {
    guard tid >= 0, Int(tid) < recordsEnd.count, let end = recordsEnd[Int(tid)] else { return range }
    return range.lowerBound <= end ? range.lowerBound...min(range.upperBound, end) : nil
  }

  /// The virtual offset of the contig's first record, nil when the index holds no chunk for it.
  func firstRecordStart(tid: Int) -> UInt64? { tid >= 0 && tid < firstRecordStarts.count ? firstRecordStarts[tid] : nil }

  deinit {
    switch kind {
    case .tabix(let index, _): tbx_destroy(index)
    case .binary(let index): hts_idx_destroy(index)
    }
  }
}
