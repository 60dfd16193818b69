/// Somatic or germline? With a matched normal the normal decides; in tumour-only
/// samples, allele fraction at adequate depth, population frequency, the gene's
/// predisposition role and ClinVar's germline class are weighed (ESMO PMWG,
/// Mandelker et al. 2019). The call is an observation; whether germline testing
/// follows is `GermlineTriage`'s decision. Limits come from `rules/germline_rules.tsv`.
public struct OriginAssessor: Sendable {
  static let esmo = "ESMO Precision Medicine Working Group: Mandelker et al. 2019 Ann Oncol 30:1221-1231 PMID:31050713"

  let thresholds: GermlineThresholds?

  public init(thresholds: GermlineThresholds?) { self.thresholds = thresholds }

  public func assess(variant: Variant, gene: Gene?, metrics: AlleleMetrics, clinvarPathogenic: Bool) -> OriginAssessment {
    guard let thresholds else {
      return OriginAssessment(
        call: .likelySomatic, reasons: ["origin not evaluated: the panel has no rules/germline_rules.tsv"], recommendation: nil,
        source: Self.esmo)
    }
    if let normal = variant.normal, normal.depth != nil || normal.alternateReads != nil {
      let alt = normal.alternateReads ?? 0
      let fraction = normal.alleleFraction ?? 0
      if Double(alt) >= thresholds[.originNormalMinimumAltReads] && fraction >= thresholds[.originNormalMinimumVAF] {
        return OriginAssessment(
          call: .germline, reasons: ["present in the matched normal (\(alt) alt reads, VAF \(Self.round(fraction)))"],
          recommendation: nil, source: "matched normal")
      }
      return OriginAssessment(
        call: .somatic, reasons: ["absent from the matched normal (\(alt) alt reads of \(normal.depth.map(String.init) ?? "?"))"],
        recommendation: nil, source: "matched normal")
    }
    var reasons: [String] = []
    let polymorphism = thresholds[.originPolymorphismFrequency]
    if let frequency = metrics.highestAlleleFrequency, frequency >= polymorphism {
      return OriginAssessment(
        call: .likelyGermline,
        reasons: ["population frequency \(frequency) >= \(thresholds.cited(.originPolymorphismFrequency)): a germline polymorphism"],
        recommendation: nil, source: Self.esmo)
    }
    let depth = variant.tumor?.depth ?? 0
    let minimumDepth = Int(thresholds[.originMinimumDepth])
    let heterozygous = thresholds[.originHeterozygousMinimumVAF]...thresholds[.originHeterozygousMaximumVAF]
    let homozygous = thresholds[.originHomozygousMinimumVAF]
    var germlineFraction = false
    if let fraction = variant.tumor?.alleleFraction, depth >= minimumDepth {
      germlineFraction = heterozygous.contains(fraction) || fraction >= homozygous
      let range = "\(NamedValues.format(heterozygous.lowerBound))-\(NamedValues.format(heterozygous.upperBound)), >= \(NamedValues.format(homozygous))"
      let between = fraction > heterozygous.upperBound && fraction < homozygous
      reasons.append(
        germlineFraction
          ? "tumour VAF \(Self.round(fraction)) at depth \(depth) is compatible with a heterozygous or homozygous germline variant (\(range))"
          : between
            ? "tumour VAF \(Self.round(fraction)) at depth \(depth) lies between the heterozygous and homozygous germline ranges (\(range)): a germline variant with partial loss of the other allele, or a somatic one; not decisive"
            : "tumour VAF \(Self.round(fraction)) at depth \(depth) is outside the germline range (\(range))")
    } else {
      reasons.append("depth \(depth) below \(minimumDepth) or no VAF: allele fraction not informative")
    }
    let predisposition = gene?.germlineTesting == true
    if let gene, predisposition { reasons.append("\(gene.symbol) is a cancer predisposition gene") }
    if clinvarPathogenic { reasons.append("ClinVar classifies this variant pathogenic/likely pathogenic (germline)") }
    if metrics.highestAlleleFrequency == nil { reasons.append("no population frequency in the input") }
    if germlineFraction || (predisposition && clinvarPathogenic) {
      return OriginAssessment(call: .possiblyGermline, reasons: reasons, recommendation: nil, source: Self.esmo)
    }
    return OriginAssessment(call: .likelySomatic, reasons: reasons, recommendation: nil, source: Self.esmo)
  }

  static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
