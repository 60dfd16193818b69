import SarcoCore

/// The variants table for bioinformaticians: one row per (variant, panel gene),
/// in input order. Empty cells are empty; no value contains a tab or newline.
public enum TSVReport {
  public static let columns = [
    "sample", "gene", "transcript", "region", "chrom", "pos", "ref", "alt", "kind", "filter", "id",
    "genotype", "zygosity", "depth", "ref_reads", "alt_reads", "vaf", "depth_fields",
    "normal_genotype", "normal_depth", "normal_alt_reads", "normal_vaf",
    "consequence", "hgvsc", "hgvsp", "consequence_source", "hotspot",
  ]

  public static func render(_ report: SampleReport) -> String {
    var lines = [columns.joined(separator: "\t")]
    for reported in report.variants {
      let variant = reported.variant
      let hits = reported.genes.isEmpty ? [nil] : reported.genes.map { Optional($0) }
      for hit in hits {
        let upstream = pickConsequence(variant.upstream, gene: hit?.gene, transcript: hit?.transcript)
        let hotspots = reported.hotspots.filter { hit == nil || $0.gene == hit?.gene }
          .map { "\($0.gene) \($0.change)" }
        let cells: [String] = [
          report.sample.id, hit?.gene ?? "", hit?.transcript ?? "", hit?.label ?? "",
          variant.contig, String(variant.position), variant.reference, variant.alternate, variant.kind.rawValue,
          variant.filters.isEmpty ? "." : variant.filters.joined(separator: ";"), variant.id,
          variant.tumor?.genotype ?? "", variant.tumor?.zygosity.rawValue ?? "",
          text(variant.tumor?.depth), text(variant.tumor?.referenceReads), text(variant.tumor?.alternateReads),
          text(variant.tumor?.alleleFraction), variant.tumor?.depthSource ?? "",
          variant.normal?.genotype ?? "", text(variant.normal?.depth), text(variant.normal?.alternateReads),
          text(variant.normal?.alleleFraction),
          upstream?.consequence ?? "", upstream?.hgvsc ?? "", upstream?.hgvsp ?? "", upstream?.source ?? "",
          hotspots.joined(separator: ";"),
        ]
        lines.append(cells.map(clean).joined(separator: "\t"))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The panel transcript's entry when present (accessions compared without
  /// version, also through VEP's MANE_SELECT column), else the first entry for
  /// the gene, else the first entry.
  public static func pickConsequence(_ entries: [UpstreamConsequence], gene: String?, transcript: String?)
    -> UpstreamConsequence?
  {
    func unversioned(_ accession: String?) -> String? { accession?.split(separator: ".").first.map(String.init) }
    if let wanted = unversioned(transcript),
      let match = entries.first(where: { unversioned($0.transcript) == wanted || unversioned($0.maneSelect) == wanted })
    {
      return match
    }
    if let gene, let match = entries.first(where: { $0.gene == gene }) { return match }
    return entries.first
  }

  static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
  static func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
  static func clean(_ cell: String) -> String {
    guard cell.utf8.contains(where: { $0 == 9 || $0 == 10 }) else { return cell }
    return String(cell.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
  }
}
