import SarcoCore

/// The variants table for bioinformaticians: one row per (variant, panel gene),
/// in input order. Empty cells are empty; no value contains a tab or newline.
public enum TSVReport {
  public static let columns = [
    "sample", "gene", "transcript", "region", "chrom", "pos", "ref", "alt", "kind", "filter", "id",
    "genotype", "zygosity", "depth", "ref_reads", "alt_reads", "vaf", "depth_fields",
    "normal_genotype", "normal_depth", "normal_alt_reads", "normal_vaf",
    "consequence", "hgvsc", "hgvsp", "consequence_source", "hotspot",
    "population_af", "revel", "cadd_phred", "spliceai",
  ]

  public static func render(_ report: SampleReport) -> String {
    header + report.variants.map { rows($0, sample: report.sample.id) }.joined()
  }

  /// The column line, newline included.
  public static var header: String { columns.joined(separator: "\t") + "\n" }

  /// A variant's rows (one per panel gene, else one), each ending in a newline.
  public static func rows(_ reported: ReportedVariant, sample: String) -> String {
    var lines = ""
    let variant = reported.variant
    let metrics = ClinicalAssessor.metrics(of: variant)
    let hits = reported.genes.isEmpty ? [nil] : reported.genes.map { Optional($0) }
    for hit in hits {
      let chosen = reported.consequences.first { $0.gene == hit?.gene }
      let hotspots = reported.hotspots.filter { hit == nil || $0.gene == hit?.gene }
        .map { "\($0.gene) \($0.change)" }
      let cells: [String] = [
        sample, hit?.gene ?? "", hit?.transcript ?? "", hit?.label ?? "",
        variant.contig, String(variant.position), variant.reference, variant.alternate, variant.kind.rawValue,
        variant.filters.isEmpty ? "." : variant.filters.joined(separator: ";"), variant.id,
        variant.tumor?.genotype ?? "", variant.tumor?.zygosity.rawValue ?? "",
        text(variant.tumor?.depth), text(variant.tumor?.referenceReads), text(variant.tumor?.alternateReads),
        text(variant.tumor?.alleleFraction), variant.tumor?.depthSource ?? "",
        variant.normal?.genotype ?? "", text(variant.normal?.depth), text(variant.normal?.alternateReads),
        text(variant.normal?.alleleFraction),
        chosen?.terms.joined(separator: "&") ?? "", chosen?.hgvsc ?? "", chosen?.hgvsp ?? "", chosen?.source ?? "",
        hotspots.joined(separator: ";"),
        text(metrics.highestFrequency), text(metrics.revel), text(metrics.cadd), text(metrics.spliceAI),
      ]
      lines += cells.map(clean).joined(separator: "\t") + "\n"
    }
    return lines
  }

  static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
  static func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
  public static func clean(_ cell: String) -> String {
    guard cell.utf8.contains(where: { $0 == 9 || $0 == 10 }) else { return cell }
    return String(cell.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
  }
}
