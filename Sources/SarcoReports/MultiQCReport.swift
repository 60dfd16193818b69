import Foundation
import SarcoCore

/// `<id>_mqc.json`: a MultiQC custom-content file (plot type `generalstats`)
/// putting a sample's QC and finding counts in MultiQC's General Statistics
/// table, one row per sample, beside the coverage MultiQC's mosdepth module reads
/// from the mosdepth-format files. Every sample's file has the same `id`
/// (`sarcopanel`), so MultiQC merges them into one set of columns; the columns
/// are listed in `pconfig` in table order, as MultiQC's custom-content docs ask.
public enum MultiQCReport {
  /// A General Statistics column: id (the data key), title, description and how MultiQC shows it.
  struct Column {
    let id: String
    let title: String
    let description: String
    /// A colour scale for counts; nil for the verdict (text, coloured by rule).
    let scale: String?
    /// Shown when the report opens (the rest can be switched on in MultiQC's column chooser).
    let shown: Bool
  }

  static let columns: [Column] = [
    Column(id: "variants", title: "Variants", description: "sarcopanel: variants in the panel's regions (multi-allelic records split, one per ALT)", scale: "Blues", shown: true),
    Column(id: "variants_pass", title: "PASS", description: "sarcopanel: variants passing the caller's filters (FILTER PASS or .)", scale: "Greens", shown: true),
    Column(id: "variants_filtered", title: "Filtered", description: "sarcopanel: variants failing the caller's filters", scale: "Oranges", shown: false),
    Column(id: "multiallelic_records", title: "Multi-allelic", description: "sarcopanel: VCF records in the panel's regions with more than one ALT", scale: "Purples", shown: false),
    Column(id: "coverage_verdict", title: "Coverage", description: "sarcopanel: coverage verdict (pass when at least the minimum fraction of target bases, 95% by default, reach the lowest threshold, 100x by default); empty without a BAM", scale: nil, shown: true),
    Column(id: "failing_targets", title: "Failing targets", description: "sarcopanel: targets (padded coding exons) below the lowest coverage threshold in more bases than the minimum fraction allows", scale: "Reds", shown: true),
    Column(id: "tier_IA", title: "Tier I-A", description: "sarcopanel: findings (small variants, fusions, copy-number events) at AMP/ASCO/CAP Tier I-A", scale: "OrRd", shown: true),
    Column(id: "tier_IB", title: "Tier I-B", description: "sarcopanel: findings at AMP/ASCO/CAP Tier I-B", scale: "OrRd", shown: true),
    Column(id: "tier_IIC", title: "Tier II-C", description: "sarcopanel: findings at AMP/ASCO/CAP Tier II-C", scale: "OrRd", shown: true),
    Column(id: "tier_IID", title: "Tier II-D", description: "sarcopanel: findings at AMP/ASCO/CAP Tier II-D", scale: "OrRd", shown: true),
    Column(id: "tier_III", title: "Tier III", description: "sarcopanel: findings at AMP/ASCO/CAP Tier III (unknown clinical significance)", scale: "Greys", shown: false),
    Column(id: "tier_IV", title: "Tier IV", description: "sarcopanel: findings at AMP/ASCO/CAP Tier IV (benign or likely benign)", scale: "Greys", shown: false),
    Column(id: "germline_plp", title: "Germline P/LP", description: "sarcopanel: germline variants classified pathogenic or likely pathogenic (ACMG/AMP)", scale: "Reds", shown: true),
    Column(id: "fusions", title: "Fusions", description: "sarcopanel: gene fusions reported", scale: "Purples", shown: true),
    Column(id: "copy_number_events", title: "CN events", description: "sarcopanel: copy-number events reported (amplifications, deletions)", scale: "Purples", shown: true),
  ]

  /// A cell: a count, or the coverage verdict.
  enum Value: Equatable {
    case count(Int)
    case text(String)
  }

  /// The sample's values by column id; the coverage columns only when coverage was measured.
  static func values(_ report: SampleReport) -> [String: Value] {
    var values: [String: Value] = [
      "variants": .count(report.qc.variants), "variants_pass": .count(report.qc.passingFilters),
      "variants_filtered": .count(report.qc.failingFilters), "multiallelic_records": .count(report.qc.multiallelicRecords),
    ]
    if let coverage = report.coverage {
      values["coverage_verdict"] = .text(coverage.verdict)
      values["failing_targets"] = .count(coverage.failingTargets.count)
    }
    let tiers = report.clinical?.tiers ?? []
    for tier in Tier.allCases {
      values["tier_\(tier.rawValue.replacingOccurrences(of: "-", with: ""))"] = .count(tiers.filter { $0 == tier }.count)
    }
    values["germline_plp"] = .count(report.clinical?.pathogenicGermline ?? 0)
    values["fusions"] = .count(report.clinical?.fusions.count ?? 0)
    values["copy_number_events"] = .count(report.clinical?.copyNumber.count ?? 0)
    return values
  }

  public static func json(_ report: SampleReport) -> Data {
    let values = values(report)
    var json = JSONWriter(capacity: 1 << 13)
    json.object { json in
      json.key("data")
      json.object { json in
        json.key(report.sample.id)
        json.object { json in
          for (id, value) in values.sorted(by: { JSONWriter.codePointPrecedes($0.key, $1.key) }) {
            json.key(id)
            switch value {
            case .count(let count): json.integer(count)
            case .text(let text): json.string(text)
            }
          }
        }
      }
      json.member("description", "sarcopanel QC and findings per sample (variants in the panel's regions, coverage verdict, AMP/ASCO/CAP tiers, germline P/LP, fusions, copy-number events)")
      json.member("id", "sarcopanel")
      json.key("pconfig")
      json.array(columns) { json, column in json.object { json in json.key(column.id); header(column, into: &json) } }
      json.member("plot_type", "generalstats")
      json.member("section_name", "sarcopanel")
    }
    return Data(json.bytes + [0x0A])
  }

  /// The column's header configuration, keys in code-point order.
  static func header(_ column: Column, into json: inout JSONWriter) {
    json.object { json in
      if column.scale == nil {
        json.key("cond_formatting_colours")
        json.array([("fail", "#d9534f"), ("pass", "#5cb85c")]) { json, rule in json.object { $0.member(rule.0, rule.1) } }
        json.key("cond_formatting_rules")
        json.object { json in
          for verdict in ["fail", "pass"] {
            json.key(verdict)
            json.array([verdict]) { json, text in json.object { $0.member("s_eq", text) } }
          }
        }
      }
      json.member("description", column.description)
      if column.scale != nil { json.member("format", "{:,.0f}") }
      json.key("hidden")
      json.bool(!column.shown)
      if column.scale != nil { json.member("min", 0) }
      json.key("scale")
      if let scale = column.scale { json.string(scale) } else { json.bool(false) }
      json.member("title", column.title)
    }
  }
}
