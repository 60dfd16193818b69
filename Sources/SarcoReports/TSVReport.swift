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
    var lines: [UInt8] = []
    appendRows(reported, sample: sample, to: &lines)
    return String(decoding: lines, as: UTF8.self)
  }

  /// The rows of consecutive variants as UTF-8 in one buffer (one allocation, not one per variant).
  public static func rows(run variants: ArraySlice<ReportedVariant>, sample: String) -> [UInt8] {
    var lines: [UInt8] = []
    lines.reserveCapacity(variants.count * 256)
    for index in variants.indices { appendRows(variants[index], sample: sample, to: &lines) }
    return lines
  }

  static func appendRows(_ reported: ReportedVariant, sample: String, to lines: inout [UInt8]) {
    let variant = reported.variant
    let metrics = AlleleMetricsSummary(info: variant.metrics, upstream: variant.upstream)
    let hits = reported.genes.isEmpty ? [nil] : reported.genes.map { Optional($0) }
    // Cells appended in place as bytes (no array of cells per row, no String appends): this runs
    // once per panel variant.
    func cell(_ text: String, first: Bool = false) {
      if !first { lines.append(0x09) }
      if ASCIIText.containsTabOrNewline(text) { lines.append(contentsOf: clean(text).utf8) } else { lines.append(contentsOf: text.utf8) }
    }
    for hit in hits {
      let chosen = reported.consequences.first { $0.gene == hit?.gene }
      let hotspots = reported.hotspots.filter { hit == nil || $0.gene == hit?.gene }.map { "\($0.gene) \($0.change)" }
      cell(sample, first: true)
      cell(hit?.gene ?? "")
      cell(hit?.transcript ?? "")
      cell(hit?.label ?? "")
      cell(variant.contig)
      cell(String(variant.position))
      cell(variant.reference)
      cell(variant.alternate)
      cell(variant.kind.rawValue)
      cell(variant.filters.isEmpty ? "." : variant.filters.joined(separator: ";"))
      cell(variant.id)
      cell(variant.tumor?.genotype ?? "")
      cell(variant.tumor?.zygosity.rawValue ?? "")
      cell(text(variant.tumor?.depth))
      cell(text(variant.tumor?.referenceReads))
      cell(text(variant.tumor?.alternateReads))
      cell(text(variant.tumor?.alleleFraction))
      cell(variant.tumor?.depthSource ?? "")
      cell(variant.normal?.genotype ?? "")
      cell(text(variant.normal?.depth))
      cell(text(variant.normal?.alternateReads))
      cell(text(variant.normal?.alleleFraction))
      cell(chosen?.terms.joined(separator: "&") ?? "")
      cell(chosen?.hgvsc ?? "")
      cell(chosen?.hgvsp ?? "")
      cell(chosen?.source ?? "")
      cell(hotspots.joined(separator: ";"))
      cell(text(metrics.highestFrequency))
      cell(text(metrics.revel))
      cell(text(metrics.cadd))
      cell(text(metrics.spliceAI))
      lines.append(0x0A)
    }
  }

  static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
  static func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
  public static func clean(_ cell: String) -> String {
    guard ASCIIText.containsTabOrNewline(cell) else { return cell }
    return String(cell.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
  }
}
