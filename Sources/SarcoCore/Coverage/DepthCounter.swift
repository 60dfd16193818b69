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

/// Which reference bases a read adds to the depth, and which a proper pair's
/// overlap takes off again, counted the way mosdepth counts by default:
///
/// 1. Skip reads with any of `excludeFlags` (default unmapped, secondary,
///    QC-fail, duplicate: 1796) or mapping quality below `minimumMappingQuality`.
/// 2. Count bases of CIGAR M/=/X only (deletions and skips are not coverage),
///    or, in fast mode, the whole span from start to end.
/// 3. Outside fast mode, a proper pair whose mates overlap is counted once
///    there: the lower mate is remembered, and when the upper one arrives the
///    bases both cover are taken off again (for single-block reads, from the
///    upper start to the lower end, as mosdepth does).
/// Reads must arrive sorted by start, as an index query returns them; every
/// range handed to the buffer starts at or after the read's start.
public struct DepthMarking: Sendable {
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

  let options: Options
  private var lowerMates: [String: AlignedRead] = [:]

  public init(options: Options) { self.options = options }

  /// Marks `read`'s counted bases (+1) and its overlap with a remembered lower mate (-1) in `buffer`.
  public mutating func add<Buffer: DepthChangeBuffer>(_ read: AlignedRead, to buffer: inout Buffer) {
    if Int(read.mappingQuality) < options.minimumMappingQuality || read.flag & options.excludeFlags != 0 { return }
    if !options.fastMode && read.flag & AlignedRead.properPair != 0 && read.flag & AlignedRead.supplementary == 0 {
      if read.mateOnSameContig && read.end > read.mateStart
        && (read.start < read.mateStart || (read.start == read.mateStart && lowerMates[read.name] == nil))
      {
        lowerMates[read.name] = read
      } else if let mate = lowerMates.removeValue(forKey: read.name) {
        if read.cigarOperationCount == 1 && mate.cigarOperationCount == 1 {
          buffer.mark(read.start..<mate.end, by: -1)
        } else {
          for overlap in DepthMarking.intersections(read.blocks, mate.blocks) { buffer.mark(overlap, by: -1) }
        }
      }
    }
    if options.fastMode {
      buffer.mark(read.start..<read.end, by: 1)
    } else {
      for block in read.blocks { buffer.mark(block, by: 1) }
    }
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

/// Where depth changes are recorded: +delta at a range's start, -delta at its end.
public protocol DepthChangeBuffer {
  mutating func mark(_ range: Range<Int>, by delta: Int32)
}

/// Per-base depth over one window `[start, end)`, counted as `DepthMarking` counts.
public struct DepthCounter {
  public typealias Options = DepthMarking.Options

  /// Depth changes at each base of the window (one extra slot for ranges ending at its end).
  struct WindowChanges: DepthChangeBuffer {
    let start: Int
    let end: Int
    var changes: [Int32]

    mutating func mark(_ range: Range<Int>, by delta: Int32) {
      let lower = max(range.lowerBound, start) - start
      let upper = min(range.upperBound, end) - start
      guard lower < upper else { return }
      changes[lower] += delta
      changes[upper] -= delta
    }
  }

  public var windowStart: Int { window.start }
  public var windowEnd: Int { window.end }
  private var marking: DepthMarking
  private var window: WindowChanges

  /// A window `[start, end)` in 0-based coordinates.
  public init(windowStart: Int, windowEnd: Int, options: Options) {
    marking = DepthMarking(options: options)
    window = WindowChanges(
      start: windowStart, end: windowEnd, changes: Array(repeating: 0, count: max(windowEnd - windowStart, 0) + 1))
  }

  public mutating func add(_ read: AlignedRead) { marking.add(read, to: &window) }

  /// Depth at each base of the window, in order.
  public func depths() -> [Int32] {
    var result = [Int32](repeating: 0, count: window.changes.count - 1)
    var running: Int32 = 0
    for index in result.indices {
      running += window.changes[index]
      result[index] = running
    }
    return result
  }
}
