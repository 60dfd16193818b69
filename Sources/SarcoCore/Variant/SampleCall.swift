/// What one sample shows for one ALT allele: genotype, depths and allele fraction.
public struct SampleCall: Sendable, Equatable, Codable {
  public enum Zygosity: String, Sendable, Codable, Equatable {
    case homozygousReference = "hom_ref"
    case heterozygous = "het"
    case homozygousAlternate = "hom_alt"
    case hemizygous = "hemi"
    /// Carries a different ALT of the same record.
    case otherAlternate = "other_alt"
    case unknown
  }

  public let sample: String
  /// GT as written (before splitting), or nil when absent.
  public let genotype: String?
  public let zygosity: Zygosity
  public let depth: Int?
  public let referenceReads: Int?
  public let alternateReads: Int?
  /// Alternate allele fraction, rounded to 4 decimals.
  public let alleleFraction: Double?
  /// Which FORMAT fields gave depth and fraction, e.g. `AD,DP` or `TAR,TIR (Strelka2 tier 1)`.
  public let depthSource: String?

  public init(
    sample: String, genotype: String?, zygosity: Zygosity, depth: Int?, referenceReads: Int?,
    alternateReads: Int?, alleleFraction: Double?, depthSource: String?
  ) {
    self.sample = sample
    self.genotype = genotype
    self.zygosity = zygosity
    self.depth = depth
    self.referenceReads = referenceReads
    self.alternateReads = alternateReads
    self.alleleFraction = alleleFraction.map { ($0 * 10_000).rounded() / 10_000 }
    self.depthSource = depthSource
  }

  /// Zygosity of ALT `alternateIndex` (1-based) in a genotype.
  public static func zygosity(of genotype: Genotype?, alternateIndex: Int) -> Zygosity {
    guard let genotype else { return .unknown }
    let called = genotype.alleles.compactMap { $0 }
    guard !called.isEmpty else { return .unknown }
    let copies = called.filter { $0 == alternateIndex }.count
    if called.count == 1 { return copies == 1 ? .hemizygous : (called[0] == 0 ? .homozygousReference : .otherAlternate) }
    if copies == called.count { return .homozygousAlternate }
    if copies > 0 { return .heterozygous }
    return called.allSatisfy { $0 == 0 } ? .homozygousReference : .otherAlternate
  }
}
