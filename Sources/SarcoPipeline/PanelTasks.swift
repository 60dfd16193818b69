import SarcoCore
import SarcoIO
import SarcoReports

/// `sarcopanel panel ...`: validate a panel, write its BED files.
public enum PanelTasks {
  /// Which regions `panel bed` writes.
  public enum BedKind: String, CaseIterable, Sendable {
    /// Coding parts of every exon, padded: capture targets.
    case targets
    /// Gene spans plus the manifest flank: the regions `run` reads.
    case scan
  }

  /// Loads and checks the panel; returns a one-paragraph summary.
  public static func validate(directory: String) throws -> String {
    let panel = try PanelLoader.load(directory: directory)
    var lines = ["\(panel.manifest.name) \(panel.manifest.version): valid"]
    lines.append("  genes: \(panel.genes.count), exons: \(panel.exons.count), hotspots: \(panel.hotspots.count)")
    for build in panel.manifest.builds {
      let view = try PanelView(panel: panel, build: build)
      let located = panel.genes.filter { $0.locus(on: build) != nil }.count
      lines.append(
        "  \(build.rawValue): \(located) genes located, scan regions \(view.scanRegions.totalBases) bp in \(view.scanRegions.intervals.count) intervals")
    }
    lines.append("  checksum: sha256:\(panel.checksum)")
    return lines.joined(separator: "\n")
  }

  public static func bed(directory: String, build: GenomeBuild, kind: BedKind, pad: Int?, chrPrefix: Bool) throws
    -> String
  {
    let panel = try PanelLoader.load(directory: directory)
    let view = try PanelView(panel: panel, build: build)
    switch kind {
    case .targets:
      return PanelBED.render(view.codingTargets(pad: pad ?? panel.manifest.targetPadBases), chrPrefix: chrPrefix)
    case .scan:
      return PanelBED.render(view.scanRegions.intervals.map { ($0, "scan") }, chrPrefix: chrPrefix)
    }
  }
}
