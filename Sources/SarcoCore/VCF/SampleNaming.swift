/// Report ids for VCFs whose tumour column has a caller's generic name rather than the sample's.
///
/// Strelka2 always names its columns `NORMAL` and `TUMOR`, Manta falls back to `SAMPLE1`,
/// `SAMPLE2`..., and other tools write `SAMPLE` or `sample`: two samples' reports named after
/// such a column would share one file name. The sample is then taken from the file name,
/// as nf-core/sarek and most pipelines name their outputs `<id>.<caller>.<kind>.vcf.gz`.
public enum SampleNaming {
  /// Column names that are a caller's placeholder, never a sample (compared ignoring case):
  /// `TUMOR`, `TUMOUR`, `NORMAL`, `SAMPLE`, `SAMPLE` followed by digits (`SAMPLE1`), `UNKNOWN`.
  public static func isGeneric(_ column: String) -> Bool {
    let name = column.uppercased()
    if ["TUMOR", "TUMOUR", "NORMAL", "SAMPLE", "UNKNOWN"].contains(name) { return true }
    return name.hasPrefix("SAMPLE") && name.count > 6 && name.dropFirst(6).allSatisfy(\.isNumber)
  }

  /// Dot-separated words a file name ends with that say which caller or step wrote it, not whose
  /// sample it is (compared ignoring case). An `_VEP`/`_snpEff` ending is dropped from a word first
  /// (sarek's `somatic_snvs_VEP.ann`).
  public static let fileNameSuffixWords: Set<String> = [
    // Callers.
    "strelka", "strelka2", "manta", "mutect2", "mutect", "freebayes", "haplotypecaller", "deepvariant", "varscan",
    "varscan2", "vardict", "tiddit", "lofreq", "octopus", "platypus", "sage", "pcgr", "cpsr", "gatk", "bcftools",
    // What the file holds.
    "somatic", "germline", "somatic_snvs", "somatic_indels", "somatic_sv", "snvs", "indels", "variants", "genome",
    "somaticsv", "diploidsv", "candidatesv", "candidatesmallindels", "tumorsv", "diploid_sv", "tumor_sv", "sv",
    "snv", "indel", "small_variants", "calls",
    // Steps after calling.
    "filtered", "pass", "norm", "normalized", "normalised", "sorted", "ann", "vep", "snpeff", "csq", "bcsq",
    "annotated", "merged", "concat",
    // Genome builds.
    "grch38", "grch37", "hg38", "hg19", "b37", "hs37d5",
  ]

  /// The sample named by a VCF's file name: extensions (`.vcf`, `.vcf.gz`, `.bcf`, `.bgz`, `.gz`)
  /// and then trailing `fileNameSuffixWords` dropped, the rest kept as written.
  /// `T001_vs_N001.strelka.somatic_indels.vcf.gz` gives `T001_vs_N001`; nil when nothing is left
  /// (`somatic.snvs.vcf.gz`, `somaticSV.vcf.gz`) or what is left is itself a generic name.
  public static func sampleID(fromFileName path: String) -> String? {
    var name = Substring(path.split(separator: "/").last ?? Substring(path))
    for extensionName in [".gz", ".bgz"] where name.lowercased().hasSuffix(extensionName) {
      name = name.dropLast(extensionName.count)
    }
    for extensionName in [".vcf", ".bcf"] where name.lowercased().hasSuffix(extensionName) {
      name = name.dropLast(extensionName.count)
    }
    var words = name.split(separator: ".", omittingEmptySubsequences: false)
    while let last = words.last, isSuffixWord(last) { words.removeLast() }
    let id = words.joined(separator: ".")
    return id.isEmpty || isGeneric(id) ? nil : id
  }

  static func isSuffixWord(_ word: Substring) -> Bool {
    var lowered = word.lowercased()
    for annotation in ["_vep", "_snpeff"] where lowered.hasSuffix(annotation) && lowered.count > annotation.count {
      lowered.removeLast(annotation.count)
    }
    return lowered.isEmpty || fileNameSuffixWords.contains(lowered)
  }

  /// The sample named by every file that names one (files naming none are passed over);
  /// nil when none does. Files naming different samples are an error naming them.
  public static func sampleID(fromFileNames paths: [String]) throws -> String? {
    var found: (id: String, path: String)?
    for path in paths {
      guard let id = sampleID(fromFileName: path) else { continue }
      if let found, found.id != id {
        throw SarcoError.usage(
          "\(found.path) and \(path) name different samples (\(found.id), \(id)) while their tumour column has a caller's generic name; give --sample-id if they are one sample's")
      }
      if found == nil { found = (id, path) }
    }
    return found?.id
  }
}
