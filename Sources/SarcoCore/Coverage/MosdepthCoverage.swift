/// Depth over a set of bases as mosdepth's summary keeps it (its `depth_stat`):
/// bases, summed depth, lowest and highest depth.
public struct DepthStatistic: Sendable, Equatable {
  public var length: Int
  public var sum: UInt64
  /// `UInt32.max` until a base is added (mosdepth prints it as 0).
  public var minimum: UInt32
  public var maximum: UInt32

  /// No bases yet.
  public static let empty = DepthStatistic(length: 0, sum: 0, minimum: .max, maximum: 0)
  /// mosdepth's zero-initialised accumulators (its `total`, `total_region` and first `<contig>_region`
  /// rows start from this): their minimum is 0 whatever is added.
  public static let zero = DepthStatistic(length: 0, sum: 0, minimum: 0, maximum: 0)

  public init(length: Int, sum: UInt64, minimum: UInt32, maximum: UInt32) {
    self.length = length
    self.sum = sum
    self.minimum = minimum
    self.maximum = maximum
  }

  mutating func add(depth: Int32, bases: Int) {
    guard bases > 0 else { return }
    let value = UInt32(max(depth, 0))
    length += bases
    sum += UInt64(value) * UInt64(bases)
    minimum = min(minimum, value)
    maximum = max(maximum, value)
  }

  public static func + (lhs: DepthStatistic, rhs: DepthStatistic) -> DepthStatistic {
    DepthStatistic(
      length: lhs.length + rhs.length, sum: lhs.sum + rhs.sum, minimum: min(lhs.minimum, rhs.minimum),
      maximum: max(lhs.maximum, rhs.maximum))
  }
}

/// One `--by` region as mosdepth reports it.
public struct MosdepthRegion: Sendable, Equatable {
  /// 0-based start, exclusive end.
  public let start: Int
  public let end: Int
  /// The BED name; nil when the BED had none (mosdepth then writes no name column).
  public let name: String?
  /// Sum of depth / length over the bases, added base by base as mosdepth adds them.
  public internal(set) var meanDepth = 0.0
  /// Bases at or above each threshold (thresholds ascending).
  public internal(set) var basesAtLeast: [Int]

  public init(start: Int, end: Int, name: String?, thresholds: Int) {
    self.start = start
    self.end = end
    self.name = name
    basesAtLeast = Array(repeating: 0, count: thresholds)
  }
}

/// Everything mosdepth's `--by BED --thresholds` outputs hold about one contig of the BAM.
public struct MosdepthContig: Sendable, Equatable {
  /// As the BAM header spells it.
  public let name: String
  public let length: Int
  /// Whether the BAM holds any record on the contig: mosdepth writes summary and
  /// distribution rows only then (regions on a contig without records get depth 0).
  public internal(set) var hasRecords = false
  /// Regions in start order (ties in BED order).
  public internal(set) var regions: [MosdepthRegion]
  public internal(set) var wholeContig = DepthStatistic.empty
  /// Over every region's bases (overlapping regions count their shared bases twice).
  public internal(set) var inRegions = DepthStatistic.empty
  /// Bases at each depth, over the contig and over the regions (depths above 400,000 are counted at 399,990, as mosdepth does).
  public internal(set) var depthHistogram: [Int] = []
  public internal(set) var regionDepthHistogram: [Int] = []

  public init(name: String, length: Int, regions: [MosdepthRegion]) {
    self.name = name
    self.length = length
    self.regions = regions
  }
}

/// Depth of a whole BAM by contig, with its regions, as mosdepth measures it.
public struct MosdepthCoverage: Sendable, Equatable {
  /// Ascending, as mosdepth sorts `--thresholds`.
  public let thresholds: [Int]
  /// Contigs in BAM header order: those with records or regions.
  public let contigs: [MosdepthContig]
  /// Length of the header's longest contig (sets the CSI index levels).
  public let longestContig: Int

  public init(thresholds: [Int], contigs: [MosdepthContig], longestContig: Int) {
    self.thresholds = thresholds
    self.contigs = contigs
    self.longestContig = longestContig
  }
}

/// Folds one contig's depth runs (`ContigDepth`, in order) into its `MosdepthContig`.
/// Runs are given only for a contig with records (the first marks it so).
public struct MosdepthContigTally {
  public private(set) var contig: MosdepthContig
  private let thresholds: [Int]
  private var nextRegion = 0
  /// Regions overlapping the runs seen so far and not yet passed.
  private var open: [Int] = []
  private static let depthCap: Int32 = 400_000

  /// `contig.regions` must be in start order; `thresholds` ascending.
  public init(contig: MosdepthContig, thresholds: [Int]) {
    self.contig = contig
    self.thresholds = thresholds
  }

  public mutating func add(_ run: DepthRun) {
    contig.hasRecords = true
    contig.wholeContig.add(depth: run.depth, bases: run.length)
    MosdepthContigTally.count(run.depth, bases: run.length, in: &contig.depthHistogram)
    while nextRegion < contig.regions.count && contig.regions[nextRegion].start < run.end {
      open.append(nextRegion)
      nextRegion += 1
    }
    for index in open {
      let region = contig.regions[index]
      let bases = min(run.end, region.end) - max(run.start, region.start)
      guard bases > 0 else { continue }
      if run.depth != 0 {
        // Added base by base, as mosdepth's mean adds depth / length, so the sums agree to the last bit.
        let share = Double(run.depth) / Double(region.end - region.start)
        var mean = region.meanDepth
        for _ in 0..<bases { mean += share }
        contig.regions[index].meanDepth = mean
      }
      for (threshold, limit) in thresholds.enumerated() where Int(run.depth) >= limit {
        contig.regions[index].basesAtLeast[threshold] += bases
      }
      contig.inRegions.add(depth: run.depth, bases: bases)
      MosdepthContigTally.count(run.depth, bases: bases, in: &contig.regionDepthHistogram)
    }
    open.removeAll { contig.regions[$0].end <= run.end }
  }

  private static func count(_ depth: Int32, bases: Int, in histogram: inout [Int]) {
    guard depth >= 0, bases > 0 else { return }
    let index = Int(depth > depthCap ? depthCap - 10 : depth)
    if histogram.count <= index { histogram.append(contentsOf: repeatElement(0, count: index + 1 - histogram.count)) }
    histogram[index] += bases
  }
}
