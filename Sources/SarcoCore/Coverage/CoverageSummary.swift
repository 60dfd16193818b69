/// Depth statistics of one target region.
public struct TargetCoverage: Sendable, Equatable, Codable {
  public let name: String
  public let gene: String?
  public let interval: GenomicInterval
  /// Mean depth over the region's bases (mosdepth's per-region mean).
  public let meanDepth: Double
  /// Median depth (the upper middle value for an even count).
  public let medianDepth: Int
  /// Fraction of bases at or above each threshold, in threshold order.
  public let fractionAtLeast: [Double]

  public init(name: String, gene: String?, interval: GenomicInterval, depths: ArraySlice<Int32>, thresholds: [Int]) {
    self.name = name
    self.gene = gene
    self.interval = interval
    let count = max(depths.count, 1)
    // Summed as mosdepth sums (each depth divided by the length first), so the
    // printed means agree to the last digit.
    let length = Double(count)
    meanDepth = depths.reduce(0.0) { $0 + Double($1) / length }
    let sorted = depths.sorted()
    medianDepth = sorted.isEmpty ? 0 : Int(sorted[sorted.count / 2])
    fractionAtLeast = thresholds.map { threshold in Double(depths.filter { Int($0) >= threshold }.count) / Double(count) }
  }
}

/// Coverage of every target, a per-gene roll-up and the sample verdict.
public struct CoverageReport: Sendable, Equatable, Codable {
  public struct GeneCoverage: Sendable, Equatable, Codable {
    public let gene: String
    public let bases: Int
    public let meanDepth: Double
    public let fractionAtLeast: [Double]
  }

  public let thresholds: [Int]
  public let targets: [TargetCoverage]
  public let genes: [GeneCoverage]
  /// Targets whose fraction at the lowest threshold is below `minimumFraction`.
  public let failingTargets: [String]
  /// `pass` when at least `minimumFraction` of all target bases reach the lowest threshold.
  public let verdict: String
  public let minimumFraction: Double
  /// Read evidence at each panel hotspot position (empty when not asked).
  public var hotspots: [HotspotPileup] = []

  public init(thresholds: [Int], targets: [TargetCoverage], minimumFraction: Double) {
    self.thresholds = thresholds
    self.targets = targets
    self.minimumFraction = minimumFraction
    var byGene: [String: [TargetCoverage]] = [:]
    for target in targets { byGene[target.gene ?? target.name, default: []].append(target) }
    genes = byGene.keys.sorted().map { gene in
      let rows = byGene[gene] ?? []
      let bases = rows.reduce(0) { $0 + $1.interval.length }
      func weighted(_ value: (TargetCoverage) -> Double) -> Double {
        rows.reduce(0) { $0 + value($1) * Double($1.interval.length) } / Double(max(bases, 1))
      }
      return GeneCoverage(
        gene: gene, bases: bases, meanDepth: weighted(\.meanDepth),
        fractionAtLeast: thresholds.indices.map { index in weighted { $0.fractionAtLeast[index] } })
    }
    failingTargets = targets.filter { ($0.fractionAtLeast.first ?? 1) < minimumFraction }.map(\.name)
    let totalBases = targets.reduce(0) { $0 + $1.interval.length }
    let covered = targets.reduce(0.0) { $0 + ($1.fractionAtLeast.first ?? 1) * Double($1.interval.length) }
    verdict = totalBases > 0 && covered / Double(totalBases) >= minimumFraction ? "pass" : "fail"
  }
}
