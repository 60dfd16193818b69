import Foundation
import SarcoCore

/// The text of mosdepth's (0.3) outputs for `mosdepth -n --by BED --thresholds T`,
/// laid out byte for byte as mosdepth writes them, so MultiQC's mosdepth module
/// and any script written for mosdepth read sarcopanel's coverage:
///
/// - `<id>.regions.bed.gz`: `contig start end [name] mean` per region (compressed and indexed by the caller)
/// - `<id>.thresholds.bed.gz`: a `#chrom start end region <t>X...` header, then bases at or above each threshold per region (`unknown` for an unnamed region)
/// - `<id>.mosdepth.region.dist.txt`, `<id>.mosdepth.global.dist.txt`: per contig and `total`, the fraction of bases (in the regions / on the contig) at or above each depth
/// - `<id>.mosdepth.summary.txt`: per contig with records, length, summed depth, mean, min and max over the contig and over its regions (`<contig>_region`), then `total` and `total_region`
///
/// Numbers print as mosdepth prints them (two decimals, C `printf` rounding),
/// including its quirks: the first `<contig>_region` row and both totals start
/// from a zero minimum, and a distribution skips fractions below 0.00008.
public enum MosdepthFormats {
  /// A line for a CSI-indexed file, with the span it is indexed under.
  public struct IndexedLine: Sendable, Equatable {
    public let text: String
    public let contig: String
    public let start: Int
    public let end: Int
  }

  public static func regionLines(_ coverage: MosdepthCoverage) -> [IndexedLine] {
    coverage.contigs.flatMap { contig in
      contig.regions.map { region in
        let fields = [contig.name, String(region.start), String(region.end)] + (region.name.map { [$0] } ?? [])
          + [decimal(region.meanDepth)]
        return IndexedLine(text: fields.joined(separator: "\t"), contig: contig.name, start: region.start, end: region.end)
      }
    }
  }

  public static func thresholdsHeader(_ coverage: MosdepthCoverage) -> String {
    (["#chrom", "start", "end", "region"] + coverage.thresholds.map { "\($0)X" }).joined(separator: "\t") + "\n"
  }

  public static func thresholdLines(_ coverage: MosdepthCoverage) -> [IndexedLine] {
    coverage.contigs.flatMap { contig in
      contig.regions.map { region in
        let fields = [contig.name, String(region.start), String(region.end), region.name ?? "unknown"]
          + region.basesAtLeast.map(String.init)
        return IndexedLine(text: fields.joined(separator: "\t"), contig: contig.name, start: region.start, end: region.end)
      }
    }
  }

  public static func summary(_ coverage: MosdepthCoverage) -> String {
    var lines = ["chrom\tlength\tbases\tmean\tmin\tmax"]
    var total = DepthStatistic.zero
    var totalInRegions = DepthStatistic.zero
    var first = true
    for contig in coverage.contigs where contig.hasRecords {
      let inRegions = first ? .zero + contig.inRegions : contig.inRegions
      first = false
      lines.append(row(contig.name, contig.wholeContig))
      lines.append(row("\(contig.name)_region", inRegions))
      total = total + contig.wholeContig
      totalInRegions = totalInRegions + inRegions
    }
    lines.append(row("total", total))
    lines.append(row("total_region", totalInRegions))
    return lines.joined(separator: "\n") + "\n"
  }

  public static func regionDistribution(_ coverage: MosdepthCoverage) -> String {
    distribution(coverage.contigs.filter(\.hasRecords).map { ($0.name, $0.regionDepthHistogram) })
  }

  public static func globalDistribution(_ coverage: MosdepthCoverage) -> String {
    distribution(coverage.contigs.filter(\.hasRecords).map { ($0.name, $0.depthHistogram) })
  }

  /// Each contig's cumulative distribution, then the total over them.
  static func distribution(_ histograms: [(contig: String, bases: [Int])]) -> String {
    var total: [Int] = []
    var text = ""
    for (contig, bases) in histograms {
      text += cumulative(contig, bases)
      if total.count < bases.count { total.append(contentsOf: repeatElement(0, count: bases.count - total.count)) }
      for (depth, count) in bases.enumerated() { total[depth] += count }
    }
    return text + cumulative("total", total)
  }

  /// From the highest depth down, the fraction of bases at or above it; depths above 300 only where
  /// some base has them, fractions below 0.00008 left out (mosdepth's `write_distribution`).
  static func cumulative(_ contig: String, _ bases: [Int]) -> String {
    let sum = bases.reduce(0, +)
    guard sum >= 1 else { return "" }
    var text = ""
    var fraction = 0.0
    for depth in stride(from: max(bases.count - 1, 300), through: 0, by: -1) {
      let count = depth < bases.count ? bases[depth] : 0
      if depth > 300 && count == 0 { continue }
      fraction += Double(count) / Double(sum)
      if fraction < 8e-5 { continue }
      text += "\(contig)\t\(depth)\t\(decimal(fraction))\n"
    }
    return text
  }

  static func row(_ name: String, _ statistic: DepthStatistic) -> String {
    let mean = statistic.length > 0 ? Double(statistic.sum) / Double(statistic.length) : 0
    let minimum = statistic.minimum == .max ? 0 : statistic.minimum
    return "\(name)\t\(statistic.length)\t\(statistic.sum)\t\(decimal(mean))\t\(minimum)\t\(statistic.maximum)"
  }

  /// Two decimals as C's `%.2f` (mosdepth's `formatFloat(ffDecimal, precision = 2)`).
  static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }
}
