/// Base counts at a sorted set of positions of one window, filled read by read
/// in a single pass over the window's reads (instead of one index query and one
/// decode of every overlapping read per position).
///
/// The counting rules are samtools mpileup's (`-A -B -x -Q 20`): a base below
/// the minimum base quality counts as low quality; a deletion or skip over the
/// position counts as a deletion when the read base after it reaches the minimum
/// quality, else as low quality; reads with any of `excludeFlags` or a mapping
/// quality below `minimumMappingQuality` are not counted at all.
public struct PileupTally: Sendable {
  /// 0-based positions, ascending and distinct.
  public let positions: [Int]
  public let excludeFlags: UInt16
  public let minimumMappingQuality: Int
  /// Per position: 16 base codes forward, 16 reverse, low quality, deletions.
  private var counts: [Int]

  /// Base codes as BAM stores them (4 bits), and as `seq_nt16_str` spells them.
  public static let baseCodeLetters: [String] = "=ACMGRSVTWYHKDBN".map(String.init)
  public static let deletionCode: UInt8 = 16
  public static let notCoveredCode: UInt8 = 17
  private static let stride = 34
  private static let lowQualitySlot = 32
  private static let deletionSlot = 33

  public init(positions: [Int], excludeFlags: UInt16, minimumMappingQuality: Int) {
    self.positions = positions
    self.excludeFlags = excludeFlags
    self.minimumMappingQuality = minimumMappingQuality
    counts = Array(repeating: 0, count: positions.count * PileupTally.stride)
  }

  public var isEmpty: Bool { positions.isEmpty }

  /// Whether a read with this flag and mapping quality is counted.
  public func counts(flag: UInt16, mappingQuality: UInt8) -> Bool {
    flag & excludeFlags == 0 && Int(mappingQuality) >= minimumMappingQuality
  }

  /// Indexes of the positions inside `[start, end)` (0-based).
  public func indexes(from start: Int, to end: Int) -> Range<Int> {
    let lower = firstIndex(atOrAfter: start)
    return lower..<max(lower, firstIndex(atOrAfter: end))
  }

  private func firstIndex(atOrAfter position: Int) -> Int {
    var low = 0
    var high = positions.count
    while low < high {
      let middle = (low + high) / 2
      if positions[middle] < position { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// One read's base (a code of `baseCodeLetters`, `deletionCode` or `notCoveredCode`) and its
  /// quality (for a deletion, the quality of the read base after it) at position `index`.
  public mutating func add(index: Int, code: UInt8, quality: UInt8, reverse: Bool) {
    let base = index * PileupTally.stride
    if code == PileupTally.notCoveredCode { return }
    if Int(quality) < BaseCounts.minimumBaseQuality {
      counts[base + PileupTally.lowQualitySlot] += 1
    } else if code == PileupTally.deletionCode {
      counts[base + PileupTally.deletionSlot] += 1
    } else {
      counts[base + Int(code) + (reverse ? 16 : 0)] += 1
    }
  }

  /// The counts at position `index`, keyed by base letter as `BaseCounts.add` keys them.
  public func baseCounts(at index: Int) -> BaseCounts {
    let base = index * PileupTally.stride
    var result = BaseCounts()
    for code in 0..<16 {
      if counts[base + code] > 0 { result.forward[PileupTally.baseCodeLetters[code]] = counts[base + code] }
      if counts[base + 16 + code] > 0 { result.reverse[PileupTally.baseCodeLetters[code]] = counts[base + 16 + code] }
    }
    result.lowQuality = counts[base + PileupTally.lowQualitySlot]
    result.deletions = counts[base + PileupTally.deletionSlot]
    return result
  }
}
