import Foundation
import HTS
import SarcoCore
import SarcoIO

/// Panel coverage from a BAM/CRAM, counted as mosdepth counts, and base counts
/// at hotspot positions, counted as `samtools mpileup -A -B -x -Q 20` counts.
///
/// Steps: (1) group targets and hotspot positions into windows (items on one
/// contig less than 1 kb apart share a window); (2) split windows into
/// contiguous shares, one per worker, each worker with its own reader; (3) per
/// window, query the index once and decode each read once: it feeds the depth
/// count (`DepthCounter`, over the window's targets) and the base counts at the
/// window's hotspot positions (`PileupTally`); summarise each target; (4) join in
/// target and hotspot order.
public enum CoveragePipeline {
  public struct Options: Sendable {
    public var counting = DepthCounter.Options()
    public var thresholds = [100, 250, 500]
    public var minimumFraction = 0.95
    public var threads = 1
    public var reference: String?
    public init() {}
  }

  public typealias Target = (interval: GenomicInterval, name: String, gene: String?)

  public static func run(bam path: String, targets: [Target], options: Options) throws -> CoverageReport {
    try measure(bam: path, targets: targets, hotspots: [], options: options)
  }

  /// Coverage of a panel's coding exons (padded) and pileups at its hotspots, on the view's build.
  public static func measurePanel(bam: String, view: PanelView, pad: Int, options: Options) throws -> CoverageReport {
    let targets = view.codingTargets(pad: pad).map { target in
      // Target names are GENE_exonN.
      (interval: target.interval, name: target.name, gene: Optional(String(target.name.split(separator: "_").first ?? "")))
    }
    return try measure(
      bam: bam, targets: targets, hotspots: view.panel.hotspots.filter { $0.build == view.build }, options: options)
  }

  /// Depth over `targets` and pileups at every position of every hotspot (in
  /// hotspot order), reading each window of the BAM once.
  static func measure(bam path: String, targets: [Target], hotspots: [Hotspot], options: Options) throws -> CoverageReport {
    let workers = max(1, min(options.threads, 16))
    let readers = try (0..<workers).map { _ in try AlignmentReader(path: path, reference: options.reference) }
    if readers[0].indexedMappedReads == 0 {
      throw SarcoError.input("\(path): contains no mapped reads (empty BAM, or the wrong file?)")
    }
    let known = Set(readers[0].contigs.map { ContigName.canonical($0.name) })
    if let missing = targets.first(where: { !known.contains($0.interval.contig) }) {
      throw SarcoError.input(
        "\(path): has no contig \(missing.interval.contig) (target \(missing.name)); is it aligned to the panel's build? Its contigs: \(readers[0].contigs.prefix(5).map(\.name).joined(separator: ", "))...")
    }
    // Each distinct hotspot position once, however many hotspots share it.
    let spots = Array(Set(hotspots.flatMap { hotspot in
      (hotspot.interval.start...hotspot.interval.end).map { GenomicInterval(contig: hotspot.interval.contig, start: $0, end: $0) }
    })).sorted()
    let windows = CoverageWindow.group(targets: targets.map(\.interval), spots: spots)
    let results = try ParallelShares.map(count: windows.count, workers: workers) { worker, share -> [CoverageWindow.Result] in
      try windows[share].map { window in
        try window.measure(reader: readers[worker], targets: targets, spots: spots, options: options)
      }
    }
    var coverage: [TargetCoverage?] = Array(repeating: nil, count: targets.count)
    var counts: [GenomicInterval: BaseCounts] = [:]
    for result in results {
      for (index, target) in result.targets { coverage[index] = target }
      for (index, spot) in result.spots { counts[spots[index]] = spot }
    }
    var report = CoverageReport(
      thresholds: options.thresholds, targets: coverage.compactMap { $0 }, minimumFraction: options.minimumFraction)
    let fasta = try options.reference.map { try FastaReference(path: $0) }
    report.hotspots = hotspots.flatMap { hotspot in
      (hotspot.interval.start...hotspot.interval.end).map { position in
        let contig = hotspot.interval.contig
        return HotspotPileup(
          gene: hotspot.gene, change: hotspot.change, contig: contig, position: position,
          reference: fasta?.bases(contig: contig, start: position, end: position),
          counts: counts[GenomicInterval(contig: contig, start: position, end: position)] ?? BaseCounts())
      }
    }
    return report
  }

  /// Reads BED regions (0-based starts; name in column 4 when present, else `chrom:start-end`).
  public static func readBED(_ path: String) throws -> [Target] { try readNamedBED(path).map(\.target) }

  /// BED regions, each saying whether the BED named it (mosdepth's files write a name only then).
  public static func readNamedBED(_ path: String) throws -> [(target: Target, named: Bool)] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw SarcoError.input("\(path): cannot read") }
    var regions: [(target: Target, named: Bool)] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("track") || line.hasPrefix("browser") { continue }
      let cells = line.split(separator: "\t")
      guard cells.count >= 3, let start = Int(cells[1]), let end = Int(cells[2]), start >= 0, end > start else {
        throw SarcoError.input("\(path):\(offset + 1): expected chrom, start, end (0-based, end > start), found '\(line.prefix(60))'")
      }
      let name = cells.count > 3 ? String(cells[3]) : "\(cells[0]):\(start + 1)-\(end)"
      let interval = GenomicInterval(contig: String(cells[0]), zeroBasedStart: start, halfOpenEnd: end)
      regions.append(((interval: interval, name: name, gene: nil), cells.count > 3))
    }
    return regions
  }
}

/// `sarcopanel coverage`: targets from a panel (or a BED), coverage of a BAM/CRAM, TSV and JSON out.
public enum CoverageTask {
  public struct Request: Sendable {
    public var bam: String
    public var panel: String?
    public var bed: String?
    public var outputDirectory: String
    public var sampleID: String?
    public var genome: GenomeBuild?
    public var pad: Int?
    public var options = CoveragePipeline.Options()
    public init(bam: String, panel: String?, bed: String?, outputDirectory: String) {
      self.bam = bam
      self.panel = panel
      self.bed = bed
      self.outputDirectory = outputDirectory
    }
  }

  public struct Outcome: Sendable {
    public let report: CoverageReport
    public let tsvPath: String
    public let jsonPath: String
    public let hotspotsPath: String?
    /// mosdepth's files (regions, thresholds, distributions, summary).
    public let mosdepthPaths: [String]
    public let build: GenomeBuild?
  }

  public static func run(_ request: Request) throws -> Outcome {
    try AtomicFile.prepareDirectory(request.outputDirectory)
    var build = request.genome
    let report: CoverageReport
    let regions: [MosdepthTask.Region]
    if let bed = request.bed {
      let named = try CoveragePipeline.readNamedBED(bed)
      report = try CoveragePipeline.run(bam: request.bam, targets: named.map(\.target), options: request.options)
      regions = named.map { ($0.target.interval, $0.named ? $0.target.name : nil) }
    } else {
      let panel = try PanelCache.load(directory: request.panel ?? "sarcoma")
      let reader = try AlignmentReader(path: request.bam, reference: request.options.reference)
      let detected = try reader.detectedBuild()
      if let forced = build, let detected, detected.build != forced {
        throw SarcoError.input(
          "\(request.bam): --genome \(forced.rawValue) given, but its @SQ \(detected.evidence.dropFirst(9)); the BAM is \(detected.build.rawValue)")
      }
      build = build ?? detected?.build
      guard let build else {
        throw SarcoError.input("\(request.bam): cannot tell the genome build from its @SQ lengths; pass --genome")
      }
      let view = try PanelView(panel: panel, build: build)
      let pad = request.pad ?? panel.manifest.targetPadBases
      report = try CoveragePipeline.measurePanel(bam: request.bam, view: view, pad: pad, options: request.options)
      regions = view.codingTargets(pad: pad).map { ($0.interval, $0.name) }
    }
    let mosdepth = try MosdepthTask.measure(bam: request.bam, regions: regions, options: request.options)
    let id = RunPipeline.safeFileName(request.sampleID ?? URL(fileURLWithPath: request.bam).deletingPathExtension().lastPathComponent)
    let tsvPath = RunPipeline.outputPath(request.outputDirectory, id, "coverage.tsv")
    let jsonPath = RunPipeline.outputPath(request.outputDirectory, id, "coverage.json")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let hotspotsPath = report.hotspots.isEmpty ? nil : RunPipeline.outputPath(request.outputDirectory, id, "hotspot_reads.tsv")
    let files = AtomicFileSet()
    try files.write(Data(tsv(report).utf8), to: tsvPath)
    try files.write(try encoder.encode(report) + Data([0x0A]), to: jsonPath)
    if let hotspotsPath { try files.write(Data(hotspotTSV(report.hotspots).utf8), to: hotspotsPath) }
    try MosdepthTask.write(mosdepth, directory: request.outputDirectory, id: id, into: files)
    try files.commit()
    return Outcome(
      report: report, tsvPath: tsvPath, jsonPath: jsonPath, hotspotsPath: hotspotsPath,
      mosdepthPaths: MosdepthTask.paths(directory: request.outputDirectory, id: id), build: build)
  }

  /// One row per hotspot position: depth, reference (or assumed), alternate reads by strand, every base.
  public static func hotspotTSV(_ pileups: [HotspotPileup]) -> String {
    var lines = ["gene\tchange\tchrom\tpos\tdepth\tref\tref_assumed\talt_reads\talt_forward\talt_reverse\tA\tC\tG\tT\tN\tdeletions\tlow_base_quality"]
    for pileup in pileups {
      let c = pileup.counts
      lines.append(
        ([pileup.gene, pileup.change, pileup.contig, String(pileup.position), String(c.depth), pileup.reference ?? "",
          pileup.referenceAssumed ? "yes" : "no", String(pileup.alternateReads), String(pileup.alternateForward),
          String(pileup.alternateReverse)] + ["A", "C", "G", "T", "N"].map { String(c.reads($0)) }
          + [String(c.deletions), String(c.lowQuality)]).joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One row per target: BED coordinates, name, gene, mean (2 decimals, as mosdepth prints), median, fractions.
  public static func tsv(_ report: CoverageReport) -> String {
    var lines = [(["chrom", "start", "end", "name", "gene", "mean", "median"] + report.thresholds.map { "pct_ge_\($0)x" }).joined(separator: "\t")]
    for target in report.targets {
      lines.append(
        ([target.interval.contig, String(target.interval.zeroBasedStart), String(target.interval.end), target.name,
          target.gene ?? "", String(format: "%.2f", target.meanDepth), String(target.medianDepth)]
          + target.fractionAtLeast.map { String(format: "%.1f", $0 * 100) }).joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
