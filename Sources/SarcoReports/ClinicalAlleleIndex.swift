import SarcoCore

/// The clinical reading of a sample by variant key and gene, for the exports that
/// annotate each ALT (annotated VCF, MAF). The clinical section is small (the
/// findings), so this is a map in memory however large the input.
public struct ClinicalAlleleIndex: Sendable {
  /// What the clinical reading says about one variant on one gene; nil where it says nothing.
  public struct Values: Sendable, Equatable {
    /// AMP/ASCO/CAP tier (`I-A` ... `IV`).
    public var tier: String?
    public var escat: String?
    public var oncogenicity: String?
    /// ACMG/AMP class of the germline reading.
    public var acmg: String?
    /// Somatic, germline, likely or possibly germline, likely somatic.
    public var origin: String?
    /// The consequence the finding was read on (it may name the protein change the stream did not).
    public var consequence: ExportedAllele.Consequence?
  }

  private var byKey: [String: [String: Values]] = [:]
  /// Per key, the gene of its most telling finding: the best-tiered somatic one, else the first germline one.
  private var preferred: [String: String] = [:]

  public init(_ clinical: ClinicalReport?) {
    guard let clinical else { return }
    // Somatic findings come best tier first.
    for finding in clinical.somatic where byKey[finding.variantKey]?[finding.gene]?.tier == nil {
      var values = byKey[finding.variantKey]?[finding.gene] ?? Values()
      values.tier = finding.tier.tier.rawValue
      values.escat = finding.escat?.tier.rawValue
      values.oncogenicity = finding.oncogenicity.classification?.rawValue
      values.origin = finding.origin.call.rawValue
      values.consequence = ExportedAllele.Consequence(finding.consequence)
      byKey[finding.variantKey, default: [:]][finding.gene] = values
      if preferred[finding.variantKey] == nil { preferred[finding.variantKey] = finding.gene }
    }
    for finding in clinical.germline where byKey[finding.variantKey]?[finding.gene]?.acmg == nil {
      var values = byKey[finding.variantKey]?[finding.gene] ?? Values()
      values.acmg = finding.classification.rawValue
      if values.consequence == nil { values.consequence = ExportedAllele.Consequence(finding.consequence) }
      byKey[finding.variantKey, default: [:]][finding.gene] = values
      if preferred[finding.variantKey] == nil { preferred[finding.variantKey] = finding.gene }
    }
  }

  public func values(key: String, gene: String) -> Values? { byKey[key]?[gene] }

  public func preferredGene(key: String) -> String? { preferred[key] }
}

/// The one gene and consequence an export shows for an ALT, with the clinical values on that gene.
///
/// The gene is the one the clinical reading found something on (the best-tiered
/// finding), else the gene with the most severe consequence by vcf2maf's effect
/// priority (ties keep the panel's order), else, for a structural record with no
/// consequence, the first panel gene it touches. The consequence is the finding's
/// when there is one (it may name a protein change the stream could not).
public struct ExportedChoice: Sendable, Equatable {
  public let gene: String?
  public let consequence: ExportedAllele.Consequence?
  public let clinical: ClinicalAlleleIndex.Values?

  public init(_ allele: ExportedAllele, clinical index: ClinicalAlleleIndex) {
    let candidates = allele.consequences
    let gene: String?
    if let preferred = index.preferredGene(key: allele.key),
      candidates.contains(where: { $0.gene == preferred }) || allele.genes.contains(preferred)
    {
      gene = preferred
    } else if let worst = candidates.enumerated().min(by: {
      (MAFVariantClassification.priority(of: $0.element.terms), $0.offset)
        < (MAFVariantClassification.priority(of: $1.element.terms), $1.offset)
    }) {
      gene = worst.element.gene
    } else {
      gene = allele.genes.first
    }
    let clinical = gene.flatMap { index.values(key: allele.key, gene: $0) }
    self.gene = gene
    self.clinical = clinical
    consequence = clinical?.consequence ?? candidates.first { $0.gene == gene }
  }
}
