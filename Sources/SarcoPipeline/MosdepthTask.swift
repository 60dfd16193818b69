import Dispatch
import HTS
import SarcoCore
import SarcoIO
import SarcoReports

/// Coverage in mosdepth's own file formats, beside sarcopanel's: the files
/// `mosdepth -n --by targets.bed --thresholds T [--fast-mode] [-Q N]` writes for
/// the same targets (named as the BAM names its contigs), byte for byte.
///
/// mosdepth's summary and global distribution cover every base of every contig
/// with records, not only the targets, so this is a pass over the whole BAM:
/// each contig (in header order, as workers free up) is read once through the
/// index and its depth runs folded into per-contig and per-region tallies
/// (`ContigDepth`, `MosdepthContigTally`). Results join in header order, so the
/// bytes do not depend on `--threads`.
public enum MosdepthTask {
  /// A target region; `name` nil for an unnamed BED line.
  public typealias Region = (interval: GenomicInterval, name: String?)

  /// The file names written for sample `id`, in `directory`.
  public static func paths(directory: String, id: String) -> [String] {
    suffixes.map { RunPipeline.outputPath(directory, id, $0) }
  }

  static let suffixes = [
    "regions.bed.gz", "regions.bed.gz.csi", "thresholds.bed.gz", "thresholds.bed.gz.csi", "mosdepth.region.dist.txt",
    "mosdepth.global.dist.txt", "mosdepth.summary.txt",
  ]

  /// Depth of every contig of the BAM with records, and of `regions` (regions on contigs the BAM lacks are left out, as mosdepth leaves them).
  public static func measure(bam path: String, regions: [Region], options: CoveragePipeline.Options) throws -> MosdepthCoverage {
    let first = try AlignmentReader(path: path, reference: options.reference)
    let contigs = first.contigs
    let workers = max(1, min(options.threads, 16, contigs.count))
    let readers = try [first] + (1..<workers).map { _ in try AlignmentReader(path: path, reference: options.reference) }
    let thresholds = options.thresholds.sorted()
    // Each contig's regions by start, ties in the order given (mosdepth's stable sort of the BED).
    var regionsByContig: [String: [(offset: Int, region: MosdepthRegion)]] = [:]
    for (offset, region) in regions.enumerated() {
      guard let contig = first.contigName(matching: region.interval.contig) else { continue }
      regionsByContig[contig, default: []].append(
        (offset, MosdepthRegion(
          start: region.interval.zeroBasedStart, end: region.interval.end, name: region.name, thresholds: thresholds.count)))
    }
    let empty = contigs.map { contig in
      let ordered = (regionsByContig[contig.name] ?? []).sorted { ($0.region.start, $0.offset) < ($1.region.start, $1.offset) }
      return MosdepthContig(name: contig.name, length: contig.length, regions: ordered.map(\.region))
    }
    let slots = WorkerSlots<Result<MosdepthContig, Error>>(count: contigs.count)
    let next = Counter()
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      while let index = next.take(below: empty.count) {
        slots[index] = Result {
          try measure(empty[index], reader: readers[worker], thresholds: thresholds, counting: options.counting)
        }
      }
    }
    var measured: [MosdepthContig] = []
    for index in contigs.indices {
      let contig = try slots[index]!.get()
      if contig.hasRecords || !contig.regions.isEmpty { measured.append(contig) }
    }
    return MosdepthCoverage(thresholds: thresholds, contigs: measured, longestContig: contigs.map(\.length).max() ?? 0)
  }

  /// One contig read whole, its depth folded into `contig`'s tallies.
  static func measure(
    _ contig: MosdepthContig, reader: AlignmentReader, thresholds: [Int], counting: DepthMarking.Options
  ) throws -> MosdepthContig {
    var depth = ContigDepth(length: contig.length, options: counting)
    var tally = MosdepthContigTally(contig: contig, thresholds: thresholds)
    var seen = false
    try reader.forEachRead(contig: contig.name, start: 0, end: contig.length) { read in
      seen = true
      depth.add(read) { tally.add($0) }
    }
    if seen { depth.finish { tally.add($0) } }
    return tally.contig
  }

  /// Adds the mosdepth files of sample `id` to `files` (they appear with the rest of the set on commit).
  public static func write(_ coverage: MosdepthCoverage, directory: String, id: String, into files: AtomicFileSet) throws {
    let levels = IndexedBGZFWriter.levels(longestContig: coverage.longestContig)
    let indexed: [(suffix: String, header: String?, lines: [MosdepthFormats.IndexedLine])] = [
      ("regions.bed.gz", nil, MosdepthFormats.regionLines(coverage)),
      ("thresholds.bed.gz", MosdepthFormats.thresholdsHeader(coverage), MosdepthFormats.thresholdLines(coverage)),
    ]
    for (suffix, header, lines) in indexed {
      let target = RunPipeline.outputPath(directory, id, suffix)
      let data = try files.create(target)
      let index = try files.create("\(target).csi")
      let writer = try IndexedBGZFWriter(path: data.path, indexPath: index.path, levels: levels, target: target)
      if let header { try writer.writeHeader(header) }
      for line in lines { try writer.write(line: line.text, contig: line.contig, start: line.start, end: line.end) }
      try writer.close()
    }
    try files.write(MosdepthFormats.regionDistribution(coverage), to: RunPipeline.outputPath(directory, id, "mosdepth.region.dist.txt"))
    try files.write(MosdepthFormats.globalDistribution(coverage), to: RunPipeline.outputPath(directory, id, "mosdepth.global.dist.txt"))
    try files.write(MosdepthFormats.summary(coverage), to: RunPipeline.outputPath(directory, id, "mosdepth.summary.txt"))
  }
}
