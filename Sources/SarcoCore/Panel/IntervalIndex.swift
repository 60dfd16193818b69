/// Answers "which items overlap this interval" for a fixed set of intervals.
///
/// Per contig, items are sorted by start and the longest item length is kept.
/// An item overlapping `[qs, qe]` must start in `[qs - maxLength + 1, qe]`, so a
/// binary search finds the first candidate and a short forward scan finishes:
/// O(log n + k + w), where w counts items starting in that window that end before
/// `qs`. Panel intervals (genes, exons, hotspots) keep w small.
public struct IntervalIndex<Item: Sendable>: Sendable {
  struct Entry: Sendable {
    let start: Int
    let end: Int
    let item: Item
  }

  struct ContigEntries: Sendable {
    var entries: [Entry]
    var maxLength: Int
  }

  private var contigs: [String: ContigEntries] = [:]
  public private(set) var count = 0

  public init(_ items: [(GenomicInterval, Item)]) {
    var grouped: [String: [Entry]] = [:]
    for (interval, item) in items {
      grouped[interval.contig, default: []].append(Entry(start: interval.start, end: interval.end, item: item))
    }
    for (contig, var entries) in grouped {
      // Stable order for equal starts keeps query results deterministic. Sorted as positions in the
      // list (moving integers, not entries holding a whole exon or hotspot), then gathered once;
      // not at all when already in order (a third of a panel view's build).
      if !zip(entries, entries.dropFirst()).allSatisfy({ ($0.start, $0.end) <= ($1.start, $1.end) }) {
        let order = entries.indices.sorted { (entries[$0].start, entries[$0].end, $0) < (entries[$1].start, entries[$1].end, $1) }
        entries = order.map { entries[$0] }
      }
      let maxLength = entries.map { $0.end - $0.start + 1 }.max() ?? 0
      contigs[contig] = ContigEntries(entries: entries, maxLength: maxLength)
    }
    count = items.count
  }

  /// Items overlapping `start...end` on `contig` (any spelling), in start order.
  public func overlapping(contig: String, start: Int, end: Int) -> [Item] {
    guard let group = contigs[ContigName.canonical(contig)] else { return [] }
    let entries = group.entries
    let lowest = start - group.maxLength + 1
    var low = 0
    var high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if entries[middle].start < lowest { low = middle + 1 } else { high = middle }
    }
    var result: [Item] = []
    var index = low
    while index < entries.count, entries[index].start <= end {
      if entries[index].end >= start { result.append(entries[index].item) }
      index += 1
    }
    return result
  }

  public func overlapping(_ interval: GenomicInterval) -> [Item] {
    overlapping(contig: interval.contig, start: interval.start, end: interval.end)
  }
}
