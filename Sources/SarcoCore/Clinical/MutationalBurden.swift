/// Tumour mutational burden over the panel's coding footprint.
public enum MutationalBurden {
  public static let rules = [
    "counted: PASS SNVs, MNVs and indels in the coding exons of panel genes (synonymous included)",
    "tumour VAF >= 0.05 and >= 3 alt reads when read counts are given",
    "left out: likely or possibly germline calls, population frequency >= 0.001, known hotspots (driver bias)",
    "footprint: coding bases of every panel transcript on this build (exons clipped to the CDS, overlaps merged)",
    "panel TMB is an estimate; small footprints give wide confidence intervals",
  ]

  public static func measure(view: PanelView, counted: [String]) -> TumourMutationalBurden {
    let bases = footprint(view: view)
    let megabases = Double(bases) / 1_000_000
    let perMegabase = megabases > 0 ? (Double(counted.count) / megabases * 100).rounded() / 100 : 0
    return TumourMutationalBurden(
      mutations: counted.count, footprintMegabases: (megabases * 10000).rounded() / 10000, perMegabase: perMegabase,
      counted: counted, rules: rules)
  }

  /// Merged coding bases.
  static func footprint(view: PanelView) -> Int {
    let targets = view.codingTargets(pad: 0).map(\.interval).sorted { ($0.contig, $0.start) < ($1.contig, $1.start) }
    var total = 0
    var current: GenomicInterval?
    for interval in targets {
      if let open = current, open.contig == interval.contig, interval.start <= open.end + 1 {
        current = GenomicInterval(contig: open.contig, start: open.start, end: max(open.end, interval.end))
      } else {
        if let open = current { total += open.end - open.start + 1 }
        current = interval
      }
    }
    if let open = current { total += open.end - open.start + 1 }
    return total
  }

  /// Whether one somatic finding counts.
  public static func counts(variant: Variant, consequence: AlleleConsequence, origin: OriginAssessment, atHotspot: Bool, metrics: AlleleMetrics) -> Bool {
    guard variant.passesFilters, consequence.isCoding, !atHotspot,
      [.snv, .mnv, .insertion, .deletion, .complex].contains(variant.kind),
      origin.call == "somatic" || origin.call == "likely_somatic",
      (metrics.highestFrequency ?? 0) < 0.001
    else { return false }
    if let fraction = variant.tumor?.alleleFraction, fraction < 0.05 { return false }
    if let alt = variant.tumor?.alternateReads, alt < 3 { return false }
    return true
  }
}
