/// Read evidence that two genomic regions are joined (a fusion or other
/// rearrangement), from reads aligned in either region.
///
/// Counted, each read pair (fragment) once, ignoring duplicate, secondary,
/// QC-fail and unmapped reads:
/// 1. discordant pairs: one mate in each region;
/// 2. split reads: a read in one region whose SA tag places part of it in the other;
/// 3. clipped reads: reads in either region soft-clipped by at least
///    `minimumClip` bases; their clip positions, tallied, give candidate
///    breakpoints (most-supported first), since aligners without SA tags
///    (older bwa) leave split reads only as clips.
public struct JunctionEvidence: Sendable, Equatable, Codable {
  public struct Breakpoint: Sendable, Equatable, Codable {
    /// 1-based position of the first or last aligned base next to the clip.
    public let contig: String
    public let position: Int
    public let reads: Int
  }

  public let regionA: GenomicInterval
  public let regionB: GenomicInterval
  public var discordantPairs = 0
  public var splitReads = 0
  /// Clipped reads at the best-supported breakpoint of each region.
  public var breakpointsA: [Breakpoint] = []
  public var breakpointsB: [Breakpoint] = []

  public var supportingFragments: Int { discordantPairs + splitReads }

  static let excluded: UInt16 = AlignedRead.unmapped | AlignedRead.secondary | AlignedRead.qcFail | AlignedRead.duplicate

  /// Tallies reads of region A and region B (each as `forEachRead` hands them).
  public static func measure(
    regionA: GenomicInterval, regionB: GenomicInterval, readsA: [AlignedRead], readsB: [AlignedRead],
    minimumClip: Int = 10, maximumBreakpoints: Int = 3
  ) -> JunctionEvidence {
    var evidence = JunctionEvidence(regionA: regionA, regionB: regionB)
    var discordant: Set<String> = []
    var split: Set<String> = []
    func mateIn(_ read: AlignedRead, _ region: GenomicInterval) -> Bool {
      guard read.flag & AlignedRead.paired != 0, read.flag & AlignedRead.mateUnmapped == 0,
        let contig = read.mateContig
      else { return false }
      return ContigName.canonical(contig) == region.contig && region.contains(read.mateStart + 1)
    }
    func supplementaryIn(_ read: AlignedRead, _ region: GenomicInterval) -> Bool {
      guard let tag = read.supplementaryAlignments else { return false }
      return tag.split(separator: ";").contains { entry in
        let fields = entry.split(separator: ",")
        guard fields.count >= 2, let position = Int(fields[1]) else { return false }
        return ContigName.canonical(String(fields[0])) == region.contig && region.contains(position)
      }
    }
    func clips(_ reads: [AlignedRead], in region: GenomicInterval) -> [Breakpoint] {
      var tally: [Int: Int] = [:]
      for read in reads where read.flag & excluded == 0 {
        if read.leadingClip >= minimumClip { tally[read.start + 1, default: 0] += 1 }
        if read.trailingClip >= minimumClip { tally[read.end, default: 0] += 1 }
      }
      return tally.filter { region.contains($0.key) }
        .sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        .prefix(maximumBreakpoints)
        .map { Breakpoint(contig: region.contig, position: $0.key, reads: $0.value) }
    }
    for (reads, other) in [(readsA, regionB), (readsB, regionA)] {
      for read in reads where read.flag & excluded == 0 {
        if mateIn(read, other) { discordant.insert(read.name) }
        if supplementaryIn(read, other) { split.insert(read.name) }
      }
    }
    evidence.discordantPairs = discordant.count
    evidence.splitReads = split.subtracting(discordant).count
    evidence.breakpointsA = clips(readsA, in: regionA)
    evidence.breakpointsB = clips(readsB, in: regionB)
    return evidence
  }
}
