/// Tumour mutational burden over the panel's coding footprint, reported only when
/// the footprint is large enough to separate TMB-high from TMB-low (the panel's
/// `tmb_minimum_coding_megabases`) and the input holds small-variant calls.
public struct MutationalBurden: Sendable {
  let view: PanelView
  let thresholds: SomaticThresholds?

  public init(view: PanelView) {
    self.view = view
    thresholds = view.panel.knowledge.rules.somatic.thresholds
  }

  var rules: [String] {
    guard let thresholds else { return [] }
    return [
      "counted: PASS SNVs, MNVs and indels in the coding exons of panel genes (synonymous included)",
      "tumour VAF >= \(thresholds.cited(.tmbMinimumVAF)) and >= \(NamedValues.format(thresholds[.tmbMinimumAltReads])) alt reads when read counts are given",
      "left out: likely or possibly germline calls, population frequency >= \(thresholds.cited(.tmbMaximumPopulationFrequency)), known hotspots (driver bias)",
      "footprint: coding bases of every panel transcript on this build (exons clipped to the CDS, overlaps merged)",
      "reported only for a coding footprint >= \(thresholds.cited(.tmbMinimumCodingMegabases)) Mb",
    ]
  }

  /// `smallVariantCalls`: SNV/MNV/indel records read in the panel's regions (0 for an SV-only VCF).
  public func measure(counted: [String], smallVariantCalls: Int) -> TumourMutationalBurden {
    let bases = view.codingFootprint
    let megabases = (Double(bases) / 1_000_000 * 10000).rounded() / 10000
    func notAssessable(_ reason: String) -> TumourMutationalBurden {
      TumourMutationalBurden(
        assessable: false, reason: reason, mutations: counted.count, footprintMegabases: megabases, perMegabase: nil,
        counted: counted, rules: rules)
    }
    guard let thresholds else {
      return notAssessable("not assessable: the panel has no somatic rule table (rules/somatic_rules.tsv) with TMB thresholds")
    }
    var reasons: [String] = []
    if smallVariantCalls == 0 { reasons.append("the input holds no SNV or indel calls in the panel's regions (structural calls only?)") }
    if megabases < thresholds[.tmbMinimumCodingMegabases] {
      reasons.append(
        "the panel's coding footprint is \(megabases) Mb, too small to call TMB-high or TMB-low reliably: at least \(thresholds.cited(.tmbMinimumCodingMegabases, unit: "Mb")) is needed")
    }
    guard reasons.isEmpty else { return notAssessable("not assessable: " + reasons.joined(separator: "; and ")) }
    let perMegabase = megabases > 0 ? (Double(counted.count) / megabases * 100).rounded() / 100 : 0
    var burden = TumourMutationalBurden(
      assessable: true, reason: nil, mutations: counted.count, footprintMegabases: megabases, perMegabase: perMegabase,
      counted: counted, rules: rules)
    burden.interpretation = interpretation(perMegabase)
    return burden
  }

  /// TMB-high or not against the panel's TMB evidence rows (the lowest threshold that has one).
  func interpretation(_ rate: Double) -> String? {
    let rows = view.panel.knowledge.evidence.compactMap { item -> (Double, EvidenceItem)? in
      guard case .tumourMutationalBurden(let threshold) = item.matcher else { return nil }
      return (threshold, item)
    }.sorted { $0.0 < $1.0 }
    guard let (threshold, item) = rows.first else { return nil }
    let limit = NamedValues.format(threshold)
    return rate >= threshold
      ? "TMB-high (>= \(limit) mut/Mb): \(item.therapies.joined(separator: ", ")) level \(item.level.rawValue) (\(item.citation))"
      : "below the TMB-high threshold of \(limit) mut/Mb (\(item.citation))"
  }

  /// Whether one somatic finding counts.
  public func counts(variant: Variant, consequence: AlleleConsequence, origin: OriginAssessment, atHotspot: Bool, metrics: AlleleMetrics) -> Bool {
    guard let thresholds, variant.passesFilters, consequence.isCoding, !atHotspot,
      [.snv, .mnv, .insertion, .deletion, .complex].contains(variant.kind),
      origin.call == .somatic || origin.call == .likelySomatic,
      (metrics.highestFrequency ?? 0) < thresholds[.tmbMaximumPopulationFrequency]
    else { return false }
    if let fraction = variant.tumor?.alleleFraction, fraction < thresholds[.tmbMinimumVAF] { return false }
    if let alt = variant.tumor?.alternateReads, Double(alt) < thresholds[.tmbMinimumAltReads] { return false }
    return true
  }
}
