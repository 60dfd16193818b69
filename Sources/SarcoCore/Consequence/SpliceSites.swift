/// VEP's splice-site terms: donor and acceptor are the two intronic bases at
/// each end of an intron; the splice region is 1-3 exonic and 3-8 intronic
/// bases from the boundary.
public enum SpliceSites {
  /// Splice terms for genomic bases `start...end` (for an insertion, the two
  /// flanking bases), with the boundary base and signed intron offset of the
  /// nearest intronic base touched (for `c.N+d` / `c.N-d`).
  /// `exons` are in transcript order.
  public static func terms(start: Int, end: Int, exons: [Exon], strand: Strand, insertion: Bool = false)
    -> (terms: [String], anchor: (position: Int, offset: Int)?)?
  {
    guard exons.count > 1 else { return nil }
    var terms: Set<String> = []
    var anchor: (position: Int, offset: Int)?
    // Walk the introns in transcript order: exon i's 3' end (donor) to exon i+1's 5' end (acceptor).
    for index in 0..<(exons.count - 1) {
      let upstream = exons[index].interval
      let downstream = exons[index + 1].interval
      let donorBase = strand == .plus ? upstream.end : upstream.start
      let acceptorBase = strand == .plus ? downstream.start : downstream.end
      for (boundary, isDonor) in [(donorBase, true), (acceptorBase, false)] {
        if end < boundary - 8 || start > boundary + 8 { continue }
        // Positive offsets run into the intron from this boundary.
        let direction = (isDonor == (strand == .plus)) ? 1 : -1
        let intronBases = (1...8).map { boundary + direction * $0 }
        let exonBases = (0..<3).map { boundary - direction * $0 }
        let touchedIntron = intronBases.enumerated().filter { start <= $0.element && $0.element <= end }.map { $0.offset + 1 }
        let touchesExon = exonBases.contains { start <= $0 && $0 <= end }
        guard let nearest = touchedIntron.min() else {
          if touchesExon { terms.insert("splice_region_variant") }
          continue
        }
        // An insertion changes a canonical site only when it falls between its two bases.
        let inCanonicalSite = insertion ? (touchedIntron.count == 2 && touchedIntron.max()! <= 2) : nearest <= 2
        if inCanonicalSite {
          terms.insert(isDonor ? "splice_donor_variant" : "splice_acceptor_variant")
        } else {
          terms.insert("splice_region_variant")
        }
        if anchor == nil { anchor = (boundary, isDonor ? nearest : -nearest) }
      }
    }
    return terms.isEmpty ? nil : (Array(terms), anchor)
  }
}
