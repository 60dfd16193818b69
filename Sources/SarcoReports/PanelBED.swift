import SarcoCore

/// BED text (0-based starts) for a panel on one build, with `chr` names when asked.
public enum PanelBED {
  public static func render(_ intervals: [(interval: GenomicInterval, name: String)], chrPrefix: Bool) -> String {
    intervals.map { entry in
      let contig = chrPrefix ? "chr\(entry.interval.contig == "MT" ? "M" : entry.interval.contig)" : entry.interval.contig
      return "\(contig)\t\(entry.interval.zeroBasedStart)\t\(entry.interval.end)\t\(entry.name)"
    }.joined(separator: "\n") + (intervals.isEmpty ? "" : "\n")
  }
}
