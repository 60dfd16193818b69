import HTS
import SarcoCore

/// A stretch of one contig whose reads are decoded once: the capture targets and
/// hotspot positions inside it.
struct CoverageWindow: Sendable {
  let contig: String
  /// Indexes into the targets and into the sorted, distinct hotspot positions.
  private(set) var targets: [Int] = []
  private(set) var spots: [Int] = []
  /// 0-based half-open span of every member: what the index is asked for.
  private(set) var start: Int
  private(set) var end: Int

  struct Result: Sendable {
    var targets: [(Int, TargetCoverage)] = []
    var spots: [(Int, BaseCounts)] = []
  }

  /// Targets and positions on one contig less than 1 kb apart share a window.
  static func group(targets: [GenomicInterval], spots: [GenomicInterval]) -> [CoverageWindow] {
    let members = (targets.enumerated().map { ($0.element, 0, $0.offset) } + spots.enumerated().map { ($0.element, 1, $0.offset) })
      .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
    var windows: [CoverageWindow] = []
    for (interval, kind, index) in members {
      if let last = windows.last, last.contig == interval.contig, interval.start - last.end < 1000 {
        windows[windows.count - 1].start = min(last.start, interval.zeroBasedStart)
        windows[windows.count - 1].end = max(last.end, interval.end)
      } else {
        windows.append(CoverageWindow(contig: interval.contig, start: interval.zeroBasedStart, end: interval.end))
      }
      if kind == 0 { windows[windows.count - 1].targets.append(index) } else { windows[windows.count - 1].spots.append(index) }
    }
    return windows
  }

  private init(contig: String, start: Int, end: Int) {
    self.contig = contig
    self.start = start
    self.end = end
  }

  /// Depth summaries of the window's targets and base counts at its positions, from one index query.
  func measure(
    reader: AlignmentReader, targets all: [CoveragePipeline.Target], spots positions: [GenomicInterval],
    options: CoveragePipeline.Options
  ) throws -> Result {
    var tally = PileupTally(
      positions: spots.map { positions[$0].zeroBasedStart }, excludeFlags: options.counting.excludeFlags,
      minimumMappingQuality: options.counting.minimumMappingQuality)
    var result = Result()
    if targets.isEmpty {
      try reader.scan(contig: contig, start: start, end: end, tally: &tally, reads: nil)
    } else {
      let members = targets.map { all[$0] }
      let depthStart = members.map { $0.interval.zeroBasedStart }.min()!
      let depthEnd = members.map { $0.interval.end }.max()!
      var counter = DepthCounter(windowStart: depthStart, windowEnd: depthEnd, options: options.counting)
      try reader.scan(contig: contig, start: start, end: end, tally: &tally) { counter.add($0) }
      let depths = counter.depths()
      for (index, target) in zip(targets, members) {
        let slice = depths[(target.interval.zeroBasedStart - depthStart)..<(target.interval.end - depthStart)]
        result.targets.append(
          (index, TargetCoverage(name: target.name, gene: target.gene, interval: target.interval, depths: slice, thresholds: options.thresholds)))
      }
    }
    result.spots = spots.enumerated().map { ($0.element, tally.baseCounts(at: $0.offset)) }
    return result
  }
}
