import CHTSlibShims
import Foundation
import SarcoCore

/// Decides from CHROM, POS, REF (and INFO/END when present) whether a VCF text
/// line can touch the panel, before anyone pays for a full parse.
///
/// It is conservative: it may pass a line the exact check later drops, never
/// the reverse. Lines on contigs without panel regions are not looked at
/// beyond CHROM. The rule itself is C (`sp_line_verdict`), so that a streamed
/// read can judge a whole decompressed block per call (`sp_scan_lines` on
/// `scan`); this class keeps the current contig's ranges where C reads them.
final class LinePrefilter {
  enum Verdict: Equatable {
    case skip
    case parse
    /// The line is not VCF: too few columns or a POS that is not a number.
    case malformed(String)
  }

  let regions: RegionFilter
  /// The scan state C reads and updates (contig, its ranges, line counts).
  var scan = sp_line_scan()
  private var contig: UnsafeMutablePointer<UInt8>
  private var contigCapacity = 64
  private var bounds: UnsafeMutablePointer<Int64>
  private var boundsCapacity = 64

  /// `checksEnd`: look for INFO END=/SVLEN= spans (false when the header declares neither,
  /// as htslib then takes no span from them).
  init(regions: RegionFilter, checksEnd: Bool = true) {
    self.regions = regions
    scan.check_end = checksEnd ? 1 : 0
    contig = .allocate(capacity: contigCapacity)
    bounds = .allocate(capacity: boundsCapacity)
  }

  deinit {
    contig.deallocate()
    bounds.deallocate()
  }

  /// The verdict on one line (no newline).
  func verdict(_ line: UnsafeBufferPointer<UInt8>) -> Verdict {
    guard let base = line.baseAddress, !line.isEmpty else { return .malformed(Self.message(Int32(SP_MALFORMED_COLUMNS))) }
    var verdict = sp_line_verdict(&scan, base, line.count)
    if verdict == Int32(SP_VERDICT_CONTIG) {
      setContig(UnsafeBufferPointer(start: base, count: scan.line_length))
      verdict = sp_line_verdict(&scan, base, line.count)
    }
    switch verdict {
    case Int32(SP_VERDICT_PARSE): return .parse
    case Int32(SP_VERDICT_MALFORMED): return .malformed(Self.message(scan.reason))
    default: return .skip
    }
  }

  /// Makes `name` the contig C compares lines with, and its ranges (if any) the ones it checks.
  func setContig(_ name: UnsafeBufferPointer<UInt8>) {
    if name.count > contigCapacity {
      contig.deallocate()
      contigCapacity = name.count
      contig = .allocate(capacity: contigCapacity)
    }
    if let base = name.baseAddress { contig.update(from: base, count: name.count) }
    scan.contig = UnsafePointer(contig)
    scan.contig_length = name.count
    scan.gap_valid = 0
    guard let ranges = regions.ranges(forContig: String(decoding: name, as: UTF8.self)) else {
      scan.has_ranges = 0
      scan.range_count = 0
      return
    }
    if 2 * ranges.count > boundsCapacity {
      bounds.deallocate()
      boundsCapacity = 2 * ranges.count
      bounds = .allocate(capacity: boundsCapacity)
    }
    for (index, range) in ranges.enumerated() {
      bounds[2 * index] = Int64(range.lowerBound)
      bounds[2 * index + 1] = Int64(range.upperBound)
    }
    scan.bounds = UnsafePointer(bounds)
    scan.range_count = ranges.count
    scan.has_ranges = 1
  }

  static func message(_ reason: Int32) -> String {
    switch reason {
    case Int32(SP_MALFORMED_POS_DIGITS): return "POS is not a positive integer"
    case Int32(SP_MALFORMED_POS_MISSING): return "POS is missing or not a positive integer"
    case Int32(SP_MALFORMED_SHORT): return "expected at least 8 columns, found 4 or fewer"
    default: return "expected tab-separated columns CHROM POS ID REF ALT ..."
    }
  }
}
