/// Bases seen at one reference position, by strand and base quality.
public struct BaseCounts: Sendable, Equatable, Codable {
  /// Reads per base (`A`, `C`, `G`, `T`, `N`) on the forward and reverse strand.
  public var forward: [String: Int] = [:]
  public var reverse: [String: Int] = [:]
  /// Reads whose base quality (for a deletion, that of the read base after it) is
  /// below the pileup's minimum (counted separately).
  public var lowQuality = 0
  public var deletions = 0
  public static let minimumBaseQuality = 20

  public init() {}

  public mutating func add(base: Character, reverse isReverse: Bool, quality: Int) {
    guard quality >= BaseCounts.minimumBaseQuality else {
      lowQuality += 1
      return
    }
    if isReverse { reverse[String(base), default: 0] += 1 } else { forward[String(base), default: 0] += 1 }
  }

  public func reads(_ base: String) -> Int { (forward[base] ?? 0) + (reverse[base] ?? 0) }
  /// Reads with a base of at least the minimum quality.
  public var depth: Int { forward.values.reduce(0, +) + reverse.values.reduce(0, +) }
}

/// What the reads say at one position of a panel hotspot.
public struct HotspotPileup: Sendable, Equatable, Codable {
  public let gene: String
  public let change: String
  /// 1-based position.
  public let contig: String
  public let position: Int
  /// Reference base from the FASTA, or nil without `--reference` (then the most
  /// common base stands in for it and `referenceAssumed` is true).
  public let reference: String?
  public let referenceAssumed: Bool
  public let counts: BaseCounts
  public let alternateReads: Int
  public let alternateForward: Int
  public let alternateReverse: Int

  public init(gene: String, change: String, contig: String, position: Int, reference: String?, counts: BaseCounts) {
    self.gene = gene
    self.change = change
    self.contig = contig
    self.position = position
    self.counts = counts
    let bases = ["A", "C", "G", "T"]
    let majority = bases.max { (counts.reads($0), $1) < (counts.reads($1), $0) } ?? "N"
    let stand = reference ?? (counts.depth > 0 ? majority : nil)
    self.reference = stand
    referenceAssumed = reference == nil
    let alternates = bases.filter { $0 != stand }
    alternateForward = alternates.reduce(0) { $0 + (counts.forward[$1] ?? 0) }
    alternateReverse = alternates.reduce(0) { $0 + (counts.reverse[$1] ?? 0) }
    alternateReads = alternateForward + alternateReverse
  }

  /// `PDGFRA D842 4:54285926: 0 of 812 reads alternate` style summary.
  public var summary: String {
    "\(gene) \(change) \(contig):\(position): \(alternateReads) of \(counts.depth) reads alternate (\(alternateForward) forward, \(alternateReverse) reverse)"
  }
}
