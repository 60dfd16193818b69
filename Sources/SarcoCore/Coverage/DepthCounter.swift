/// One alignment as coverage needs it.
public struct AlignedRead: Sendable {
  /// 0-based start and exclusive end on the reference.
  public let start: Int
  public let end: Int
  public let flag: UInt16
  public let mappingQuality: UInt8
  /// Mate on the same contig, and its 0-based start (-1 when none).
  public let mateOnSameContig: Bool
  public let mateStart: Int
  public let name: String
  /// Reference segments covered by aligned bases (CIGAR M/=/X), 0-based half-open.
  public let blocks: [Range<Int>]
  public let cigarOperationCount: Int
  /// Mate's contig as the header names it (nil when unmapped or absent).
  public var mateContig: String?
  /// Soft-clipped bases at the alignment's start and end.
  public var leadingClip = 0
  public var trailingClip = 0
  /// The SA tag (supplementary alignments: `contig,pos,strand,CIGAR,mapq,nm;...`).
  public var supplementaryAlignments: String?

  public init(
    start: Int, end: Int, flag: UInt16, mappingQuality: UInt8, mateOnSameContig: Bool, mateStart: Int, name: String,
    blocks: [Range<Int>], cigarOperationCount: Int
  ) {
    self.start = start
    self.end = end
    self.flag = flag
    self.mappingQuality = mappingQuality
    self.mateOnSameContig = mateOnSameContig
    self.mateStart = mateStart
    self.name = name
    self.blocks = blocks
    self.cigarOperationCount = cigarOperationCount
  }

  public static let paired: UInt16 = 0x1
  public static let unmapped: UInt16 = 0x4
  public static let mateUnmapped: UInt16 = 0x8
  public static let properPair: UInt16 = 0x2
  public static let secondary: UInt16 = 0x100
  public static let qcFail: UInt16 = 0x200
  public static let duplicate: UInt16 = 0x400
  public static let supplementary: UInt16 = 0x800
}

/// Per-base depth over one window, counted the way mosdepth counts by default:
///
/// 1. Skip reads with any of `excludeFlags` (default unmapped, secondary,
///    QC-fail, duplicate: 1796) or mapping quality below `minimumMappingQuality`.
/// 2. Count bases of CIGAR M/=/X only (deletions and skips are not coverage),
///    or, in fast mode, the whole span from start to end.
/// 3. Outside fast mode, a proper pair whose mates overlap is counted once
///    there: the lower mate is remembered, and when the upper one arrives the
///    bases both cover are taken off again (for single-block reads, from the
///    upper start to the lower end, as mosdepth does).
/// Reads must arrive sorted by start, as an index query returns them.
public struct DepthCounter {
  public struct Options: Sendable, Equatable {
    public var minimumMappingQuality: Int = 0
    public var excludeFlags: UInt16 = 1796
    public var fastMode = false
    public init(minimumMappingQuality: Int = 0, excludeFlags: UInt16 = 1796, fastMode: Bool = false) {
      self.minimumMappingQuality = minimumMappingQuality
      self.excludeFlags = excludeFlags
      self.fastMode = fastMode
    }
  }

  public let windowStart: Int
  public let windowEnd: Int
  let options: Options
  private var changes: [Int32]
  private var lowerMates: [String: AlignedRead] = [:]

  /// A window `[start, end)` in 0-based coordinates.
  public init(windowStart: Int, windowEnd: Int, options: Options) {
    self.windowStart = windowStart
    self.windowEnd = windowEnd
    self.options = options
    changes = Array(repeating: 0, count: max(windowEnd - windowStart, 0) + 1)
  }

  public mutating func add(_ read: AlignedRead) {
    if Int(read.mappingQuality) < options.minimumMappingQuality || read.flag & options.excludeFlags != 0 { return }
    if !options.fastMode && read.flag & AlignedRead.properPair != 0 && read.flag & AlignedRead.supplementary == 0 {
      if read.mateOnSameContig && read.end > read.mateStart
        && (read.start < read.mateStart || (read.start == read.mateStart && lowerMates[read.name] == nil))
      {
        lowerMates[read.name] = read
      } else if let mate = lowerMates.removeValue(forKey: read.name) {
        if read.cigarOperationCount == 1 && mate.cigarOperationCount == 1 {
          mark(read.start..<mate.end, by: -1)
        } else {
          for overlap in DepthCounter.intersections(read.blocks, mate.blocks) { mark(overlap, by: -1) }
        }
      }
    }
    if options.fastMode {
      mark(read.start..<read.end, by: 1)
    } else {
      for block in read.blocks { mark(block, by: 1) }
    }
  }

  /// Depth at each base of the window, in order.
  public func depths() -> [Int32] {
    var result = [Int32](repeating: 0, count: changes.count - 1)
    var running: Int32 = 0
    for index in result.indices {
      running += changes[index]
      result[index] = running
    }
    return result
  }

  private mutating func mark(_ range: Range<Int>, by delta: Int32) {
    guard range.upperBound > windowStart, range.lowerBound < windowEnd, !range.isEmpty || delta < 0 else { return }
    let lower = max(range.lowerBound, windowStart) - windowStart
    let upper = min(range.upperBound, windowEnd) - windowStart
    guard lower < upper else { return }
    changes[lower] += delta
    changes[upper] -= delta
  }

  static func intersections(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for x in a {
      for y in b {
        let lower = max(x.lowerBound, y.lowerBound)
        let upper = min(x.upperBound, y.upperBound)
        if lower < upper { result.append(lower..<upper) }
      }
    }
    return result
  }
}
