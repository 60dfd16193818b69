import CHTSlibShims
import Foundation
import SarcoCore

/// Decides from CHROM, POS, REF (and INFO/END when present) whether a VCF text
/// line can touch the panel, before anyone pays for a full parse.
///
/// It is conservative: it may pass a line the exact check later drops, never
/// the reverse. Lines on contigs without panel regions are not looked at
/// beyond CHROM.
struct LinePrefilter {
  enum Verdict {
    case skip
    case parse
    /// The line is not VCF: too few columns or a POS that is not a number.
    case malformed(String)
  }

  let regions: RegionFilter
  private var cachedContig: [UInt8] = []
  private var cachedRanges: [ClosedRange<Int>]?

  init(regions: RegionFilter) { self.regions = regions }

  mutating func verdict(_ line: UnsafeBufferPointer<UInt8>) -> Verdict {
    let tab: UInt8 = 9
    let count = line.count
    var cursor = 0
    while cursor < count && line[cursor] != tab { cursor += 1 }
    guard cursor < count, cursor > 0 else { return .malformed("expected tab-separated columns CHROM POS ID REF ALT ...") }
    let contig = UnsafeBufferPointer(rebasing: line[0..<cursor])
    let sameContig = cachedContig.count == cursor && cachedContig.withUnsafeBufferPointer {
      memcmp($0.baseAddress!, contig.baseAddress!, cursor) == 0
    }
    if !sameContig {
      cachedContig = Array(contig)
      cachedRanges = regions.ranges(forContig: String(decoding: contig, as: UTF8.self))
    }
    guard let ranges = cachedRanges else { return .skip }
    cursor += 1
    var position = 0
    var digits = 0
    while cursor < count, line[cursor] != tab {
      let byte = line[cursor]
      guard byte >= 48 && byte <= 57 else { return .malformed("POS is not a positive integer") }
      position = position &* 10 &+ Int(byte - 48)
      digits += 1
      cursor += 1
    }
    guard digits > 0, digits < 19, cursor < count else { return .malformed("POS is missing or not a positive integer") }
    cursor += 1
    while cursor < count && line[cursor] != tab { cursor += 1 }  // ID
    cursor += 1
    let referenceStart = cursor
    while cursor < count && line[cursor] != tab { cursor += 1 }
    guard cursor < count else { return .malformed("expected at least 8 columns, found 4 or fewer") }
    let referenceLength = max(cursor - referenceStart, 1)
    if RegionFilter.overlaps(ranges, start: position, end: position + referenceLength - 1) { return .parse }
    // Symbolic and structural records may reach further through INFO/END (or SVLEN).
    return LinePrefilter.mentionsEnd(line, from: cursor) ? .parse : .skip
  }

  static func mentionsEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    guard let base = line.baseAddress, start < line.count else { return false }
    return sp_mentions_end(base, line.count, start) != 0
  }
}
