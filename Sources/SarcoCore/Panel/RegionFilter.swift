/// The merged genomic regions a run reads: every record overlapping one is kept.
///
/// Both the streaming and the indexed reader ask the same question of the same
/// regions, which is why their results are identical.
public struct RegionFilter: Sendable, Equatable {
  /// Merged, sorted, non-overlapping closed ranges per canonical contig.
  public let ranges: [String: [ClosedRange<Int>]]

  public init(_ intervals: [GenomicInterval]) {
    var grouped: [String: [ClosedRange<Int>]] = [:]
    for interval in intervals { grouped[interval.contig, default: []].append(interval.start...interval.end) }
    self.init(grouped: grouped)
  }

  private init(grouped: [String: [ClosedRange<Int>]]) {
    var merged: [String: [ClosedRange<Int>]] = [:]
    for (contig, list) in grouped {
      var result: [ClosedRange<Int>] = []
      for range in list.sorted(by: { $0.lowerBound < $1.lowerBound }) {
        if let last = result.last, range.lowerBound <= last.upperBound + 1 {
          result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
        } else {
          result.append(range)
        }
      }
      merged[contig] = result
    }
    ranges = merged
  }

  /// These regions plus, on each of their contigs, the positions outside it: POS 0 and everything
  /// past its length (from `lengths`, by canonical name). A read then meets the records claiming
  /// such positions, which are invalid and must be counted rather than passed over.
  public func withOutOfBounds(lengths: [String: Int]) -> RegionFilter {
    var grouped = ranges
    for contig in ranges.keys {
      grouped[contig, default: []].append(0...0)
      if let length = lengths[contig] { grouped[contig, default: []].append((length + 1)...RegionFilter.beyondAnyContig) }
    }
    return RegionFilter(grouped: grouped)
  }

  /// The end of the out-of-bounds range `withOutOfBounds` adds past a contig's length.
  public static let beyondAnyContig = Int(1) << 40

  /// The ranges of a contig spelled either way (`chr17` or `17`), or nil.
  public func ranges(forContig contig: String) -> [ClosedRange<Int>]? { ranges[ContigName.canonical(contig)] }

  public func overlaps(contig: String, start: Int, end: Int) -> Bool {
    guard let list = ranges(forContig: contig) else { return false }
    return RegionFilter.overlaps(list, start: start, end: end)
  }

  /// Binary search for the first range ending at or after `start`.
  public static func overlaps(_ list: [ClosedRange<Int>], start: Int, end: Int) -> Bool {
    var low = 0
    var high = list.count
    while low < high {
      let middle = (low + high) / 2
      if list[middle].upperBound < start { low = middle + 1 } else { high = middle }
    }
    return low < list.count && list[low].lowerBound <= end
  }

  /// All ranges as intervals in genome order.
  public var intervals: [GenomicInterval] {
    ranges.flatMap { contig, list in list.map { GenomicInterval(contig: contig, start: $0.lowerBound, end: $0.upperBound) } }
      .sorted()
  }

  public var totalBases: Int { ranges.values.joined().reduce(0) { $0 + $1.count } }

  /// `totalBases` without the out-of-bounds positions `withOutOfBounds` adds (a region that reaches
  /// its contig's end merges with them and is not counted either).
  public var basesWithinContigs: Int {
    ranges.values.joined().reduce(0) { total, range in
      range.lowerBound >= 1 && range.upperBound < RegionFilter.beyondAnyContig ? total + range.count : total
    }
  }
}
