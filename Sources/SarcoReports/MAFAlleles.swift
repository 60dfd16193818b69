/// MAF coordinates and alleles of one ALT of a VCF record, by vcf2maf's conventions
/// (mskcc/vcf2maf, reimplemented):
///
/// - Only the bases REF and the ALT share at the start are removed (not the end), and
///   the same number from every allele of the record; an emptied allele is `-`.
///   `GAAGA>GGA` becomes `AAGA>GA` at POS+1.
/// - Same lengths: `SNP`, `DNP`, `TNP` (1-3 bases) or `ONP`, from start to start+length-1.
/// - Longer ALT: `INS`; a pure insertion (REF `-`) spans the two flanking bases
///   (start = the base before, end = the base after); otherwise start to start+REF length-1.
/// - Shorter ALT: `DEL`, from start to start+REF length-1.
/// - `Tumor_Seq_Allele2` is the ALT; `Tumor_Seq_Allele1` the first allele of the tumour's
///   genotype that is not the ALT (REF for `0/1`, the ALT for `1/1`, the other ALT for `1/2`).
///   Without a genotype, the ALT when its allele fraction is at least 0.7, else REF.
/// - Normal alleles are the normal genotype's first two, else REF and REF.
public struct MAFAlleles: Sendable, Equatable {
  public let start: Int
  public let end: Int
  public let variantType: String
  /// True for an insertion or deletion whose length change is a multiple of 3.
  public let inFrame: Bool
  public let reference: String
  public let tumorAllele1: String
  public let tumorAllele2: String
  public let normalAllele1: String
  public let normalAllele2: String

  /// vcf2maf's `--min-hom-vaf`: without a genotype, an allele fraction from here up reads as homozygous.
  static let homozygousFraction = 0.7

  /// `alleles` are the record's REF then ALTs; `alternateIndex` is 1-based.
  public init(
    position: Int, alleles: [String], alternateIndex: Int, tumor: ExportedAllele.Call?, normal: ExportedAllele.Call?
  ) {
    var all = alleles
    var reference = all.first ?? ""
    var variant = alternateIndex < all.count ? all[alternateIndex] : ""
    var referenceLength = reference.count
    var variantLength = variant.count
    var start = position
    while !reference.isEmpty, !variant.isEmpty, reference.first == variant.first, reference != variant {
      all = all.map { Self.dropFirst($0) }
      reference = Self.dropFirst(reference)
      variant = Self.dropFirst(variant)
      referenceLength -= 1
      variantLength -= 1
      start += 1
    }
    var end: Int
    if referenceLength == variantLength {
      end = start + variantLength - 1
      variantType = [1: "SNP", 2: "DNP", 3: "TNP"][variantLength] ?? "ONP"
      inFrame = false
    } else {
      if referenceLength < variantLength {
        variantType = "INS"
        if reference == "-" {
          end = start
          start -= 1
        } else {
          end = start + referenceLength - 1
        }
      } else {
        variantType = "DEL"
        end = start + referenceLength - 1
      }
      inFrame = abs(referenceLength - variantLength) % 3 == 0
    }
    self.start = start
    self.end = end
    self.reference = reference
    tumorAllele2 = variant
    let tumorIndexes = Self.genotypeIndexes(tumor?.genotype)
    if let (first, second) = tumorIndexes {
      let allele1 = Self.allele(first, in: all)
      tumorAllele1 = allele1 != variant ? allele1 : Self.allele(second, in: all)
    } else if let depth = tumor?.depth, depth > 0, let reads = tumor?.alternateReads,
      Double(reads) / Double(depth) >= Self.homozygousFraction
    {
      tumorAllele1 = variant
    } else {
      tumorAllele1 = reference
    }
    if let (first, second) = Self.genotypeIndexes(normal?.genotype) {
      normalAllele1 = Self.allele(first, in: all)
      normalAllele2 = Self.allele(second, in: all)
    } else {
      normalAllele1 = reference
      normalAllele2 = reference
    }
  }

  /// The first two allele indexes of a called genotype (a haploid one twice); nil for none, `.` or `./.`.
  /// A `.` among called alleles counts as index 0, as vcf2maf reads it.
  static func genotypeIndexes(_ genotype: String?) -> (Int, Int)? {
    guard let genotype, genotype != ".", genotype != "./.", genotype != ".|." else { return nil }
    let parts = genotype.split(whereSeparator: { $0 == "/" || $0 == "|" }).map { Int($0) ?? 0 }
    guard let first = parts.first else { return nil }
    return (first, parts.count > 1 ? parts[1] : first)
  }

  static func allele(_ index: Int, in alleles: [String]) -> String { index >= 0 && index < alleles.count ? alleles[index] : "" }

  static func dropFirst(_ allele: String) -> String {
    let rest = allele.dropFirst()
    return rest.isEmpty ? "-" : String(rest)
  }
}
