/// Hotspot positions where the reads show an alternate allele but the VCF has
/// no variant: a call the caller may have missed or filtered, worth a look.
public enum UncalledHotspots {
  /// At least this many alternate reads...
  public static let minimumReads = 3
  /// ...making at least this fraction of the depth.
  public static let minimumFraction = 0.01

  public static func find(pileups: [HotspotPileup], variants: [Variant]) -> [HotspotPileup] {
    var called: Set<String> = []
    for variant in variants where variant.kind != .symbolic && variant.kind != .breakend {
      for position in variant.position...max(variant.end, variant.position) {
        called.insert("\(ContigName.canonical(variant.contig)):\(position)")
      }
    }
    return pileups.filter { pileup in
      let depth = pileup.counts.depth
      return pileup.alternateReads >= minimumReads && depth > 0
        && Double(pileup.alternateReads) / Double(depth) >= minimumFraction
        && !called.contains("\(ContigName.canonical(pileup.contig)):\(pileup.position)")
    }
  }

  public static func note(_ pileup: HotspotPileup) -> String {
    "reads show an alternate allele the VCF does not call: \(pileup.summary)"
  }
}
