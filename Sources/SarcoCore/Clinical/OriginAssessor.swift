/// Somatic or germline? With a matched normal the normal decides; in
/// tumour-only samples, allele fraction, population frequency, the gene's
/// predisposition role and ClinVar's germline class are weighed following the
/// ESMO Precision Medicine Working Group (Mandelker et al. 2019).
public struct OriginAssessor: Sendable {
  static let esmo = "ESMO Precision Medicine Working Group: Mandelker et al. 2019 Ann Oncol 30:1221-1231 PMID:31050713"
  /// Below this depth the allele fraction says little.
  public static let minimumDepth = 20
  static let polymorphismFrequency = 0.001

  public init() {}

  public func assess(
    variant: Variant, gene: Gene?, metrics: AlleleMetrics, clinvarPathogenic: Bool
  ) -> OriginAssessment {
    if let normal = variant.normal, normal.depth != nil || normal.alternateReads != nil {
      let alt = normal.alternateReads ?? 0
      let fraction = normal.alleleFraction ?? 0
      if alt >= 2 && fraction >= 0.05 {
        return OriginAssessment(
          call: .germline, reasons: ["present in the matched normal (\(alt) alt reads, VAF \(Self.round(fraction)))"],
          recommendation: gene?.germlineTesting == true ? "germline finding in a predisposition gene: refer for genetic counselling" : nil,
          source: "matched normal")
      }
      return OriginAssessment(
        call: .somatic, reasons: ["absent from the matched normal (\(alt) alt reads of \(normal.depth.map(String.init) ?? "?"))"],
        recommendation: nil, source: "matched normal")
    }
    var reasons: [String] = []
    let frequency = metrics.highestFrequency
    if let frequency, frequency >= Self.polymorphismFrequency {
      return OriginAssessment(
        call: .likelyGermline, reasons: ["population frequency \(frequency) >= \(Self.polymorphismFrequency): a germline polymorphism"],
        recommendation: nil, source: Self.esmo)
    }
    let depth = variant.tumor?.depth ?? 0
    let fraction = variant.tumor?.alleleFraction
    var germlineFraction = false
    if let fraction, depth >= Self.minimumDepth {
      germlineFraction = (0.35...0.65).contains(fraction) || fraction >= 0.85
      reasons.append(
        germlineFraction
          ? "tumour VAF \(Self.round(fraction)) at depth \(depth) is compatible with a heterozygous or homozygous germline variant"
          : "tumour VAF \(Self.round(fraction)) at depth \(depth) is outside the germline range (0.35-0.65, >= 0.85)")
    } else {
      reasons.append("depth \(depth) below \(Self.minimumDepth) or no VAF: allele fraction not informative")
    }
    let predisposition = gene?.germlineTesting == true
    if predisposition { reasons.append("\(gene!.symbol) is a cancer predisposition gene") }
    if clinvarPathogenic { reasons.append("ClinVar classifies this variant pathogenic/likely pathogenic (germline)") }
    if frequency == nil { reasons.append("no population frequency in the input") }
    if predisposition && (germlineFraction || clinvarPathogenic) {
      return OriginAssessment(
        call: .possiblyGermline, reasons: reasons,
        recommendation: "confirmatory germline testing recommended (tumour-only finding in a predisposition gene)",
        source: Self.esmo)
    }
    if germlineFraction {
      return OriginAssessment(call: .possiblyGermline, reasons: reasons, recommendation: nil, source: Self.esmo)
    }
    return OriginAssessment(call: .likelySomatic, reasons: reasons, recommendation: nil, source: Self.esmo)
  }

  static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
