import Foundation
import HTS
import SarcoCore
import SarcoIO

/// `sarcopanel fusion-evidence`: read support for the panel's two-gene fusions
/// (both partners in the panel) and for region pairs given on the command line.
public enum FusionEvidenceTask {
  public struct Candidate: Sendable {
    public let name: String
    public let regionA: GenomicInterval
    public let regionB: GenomicInterval
    public init(name: String, regionA: GenomicInterval, regionB: GenomicInterval) {
      self.name = name
      self.regionA = regionA
      self.regionB = regionB
    }
  }

  public struct Result: Sendable {
    public let candidate: Candidate
    public let evidence: JunctionEvidence
  }

  /// Gene spans (plus `flank`) of every panel fusion whose partners are both panel genes on `build`.
  public static func panelCandidates(_ panel: Panel, build: GenomeBuild, flank: Int = 1000) -> [Candidate] {
    panel.knowledge.fusions.compactMap { fusion in
      guard let a = panel.gene(named: fusion.geneA)?.locus(on: build),
        let b = panel.gene(named: fusion.geneB)?.locus(on: build)
      else { return nil }
      return Candidate(name: fusion.name, regionA: a.span.padded(by: flank), regionB: b.span.padded(by: flank))
    }
  }

  /// Parses `8:107652900-107654000,11:94987372-94988372` (1-based, inclusive).
  public static func parsePair(_ text: String) -> Candidate? {
    let parts = text.split(separator: ",")
    guard parts.count == 2, let a = parseRegion(String(parts[0])), let b = parseRegion(String(parts[1])) else { return nil }
    return Candidate(name: text, regionA: a, regionB: b)
  }

  static func parseRegion(_ text: String) -> GenomicInterval? {
    guard let colon = text.lastIndex(of: ":") else { return nil }
    let range = text[text.index(after: colon)...].replacingOccurrences(of: ",", with: "").split(separator: "-")
    guard range.count == 2, let start = Int(range[0]), let end = Int(range[1]), start >= 1, end >= start else { return nil }
    return GenomicInterval(contig: String(text[..<colon]), start: start, end: end)
  }

  public static func measure(bam: String, candidates: [Candidate], reference: String?, threads: Int) throws -> [Result] {
    guard !candidates.isEmpty else { return [] }
    let workers = max(1, min(threads, candidates.count, 16))
    let readers = try (0..<workers).map { _ in try AlignmentReader(path: bam, reference: reference) }
    return try ParallelShares.map(count: candidates.count, workers: workers) { worker, share in
      try candidates[share].map { candidate -> Result in
        func reads(_ region: GenomicInterval) throws -> [AlignedRead] {
          var collected: [AlignedRead] = []
          try readers[worker].forEachRead(
            contig: region.contig, start: region.zeroBasedStart, end: region.end, details: true
          ) { collected.append($0) }
          return collected
        }
        let evidence = JunctionEvidence.measure(
          regionA: candidate.regionA, regionB: candidate.regionB, readsA: try reads(candidate.regionA),
          readsB: try reads(candidate.regionB))
        return Result(candidate: candidate, evidence: evidence)
      }
    }
  }

  /// One row per candidate: regions, supporting fragments and the best breakpoints.
  public static func tsv(_ results: [Result]) -> String {
    var lines = ["fusion\tregion_a\tregion_b\tdiscordant_pairs\tsplit_reads\tbreakpoints_a\tbreakpoints_b"]
    for result in results {
      let e = result.evidence
      func points(_ list: [JunctionEvidence.Breakpoint]) -> String {
        list.map { "\($0.contig):\($0.position)(\($0.reads))" }.joined(separator: ";")
      }
      lines.append(
        [result.candidate.name, "\(e.regionA)", "\(e.regionB)", String(e.discordantPairs), String(e.splitReads),
         points(e.breakpointsA), points(e.breakpointsB)].joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
