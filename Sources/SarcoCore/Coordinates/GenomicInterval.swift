/// A closed, 1-based interval on one contig: `start...end`, both bases included.
///
/// VCF positions are already 1-based. BED and htslib's 0-based half-open
/// coordinates are converted only through `init(contig:zeroBasedStart:halfOpenEnd:)`.
public struct GenomicInterval: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Canonical contig name (see `ContigName.canonical`).
  public let contig: String
  public let start: Int
  public let end: Int

  public init(contig: String, start: Int, end: Int) {
    precondition(start >= 1 && end >= start, "interval \(contig):\(start)-\(end) is not 1-based and closed")
    self.contig = ContigName.canonical(contig)
    self.start = start
    self.end = end
  }

  /// An interval whose contig is already canonical, kept as given (the panel cache's rows).
  @usableFromInline
  init(canonicalContig contig: String, start: Int, end: Int) {
    precondition(start >= 1 && end >= start, "interval \(contig):\(start)-\(end) is not 1-based and closed")
    self.contig = contig
    self.start = start
    self.end = end
  }

  /// Converts a BED-style 0-based start and exclusive end.
  public init(contig: String, zeroBasedStart: Int, halfOpenEnd: Int) {
    self.init(contig: contig, start: zeroBasedStart + 1, end: halfOpenEnd)
  }

  public var length: Int { end - start + 1 }
  /// BED start (0-based).
  public var zeroBasedStart: Int { start - 1 }

  public func overlaps(_ other: GenomicInterval) -> Bool {
    contig == other.contig && start <= other.end && other.start <= end
  }

  public func contains(_ position: Int) -> Bool { start <= position && position <= end }

  /// Widens by `bases` on both sides, never below position 1.
  public func padded(by bases: Int) -> GenomicInterval {
    GenomicInterval(contig: contig, start: max(1, start - bases), end: end + bases)
  }

  public static func < (lhs: GenomicInterval, rhs: GenomicInterval) -> Bool {
    if lhs.contig != rhs.contig { return ContigName.sortKey(lhs.contig) < ContigName.sortKey(rhs.contig) }
    if lhs.start != rhs.start { return lhs.start < rhs.start }
    return lhs.end < rhs.end
  }

  public var description: String { "\(contig):\(start)-\(end)" }
}
