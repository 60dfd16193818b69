import Foundation
import SarcoCore
import SarcoPipeline
import SarcoReports
import SarcoTestSupport
import Testing

@Suite struct ContigDepthTests {
  /// Depth runs along a whole contig equal the window counter's per-base depths:
  /// overlapping proper pairs (one block and gapped), duplicates, low mapping
  /// quality, reads past the contig end, long empty stretches and a dense stretch
  /// longer than the settle stride; runs are maximal and cover the contig.
  @Test(arguments: [false, true]) func runsEqualTheWindowCounter(fastMode: Bool) {
    let length = 400_000
    var state: UInt64 = 42
    func random(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var reads: [AlignedRead] = []
    func read(_ name: String, _ start: Int, gapped: Bool, flag: UInt16, mate: Int, mapq: UInt8 = 60) -> AlignedRead {
      let blocks = gapped ? [start..<(start + 40), (start + 45)..<(start + 100)] : [start..<(start + 100)]
      return AlignedRead(
        start: start, end: blocks.last!.upperBound, flag: flag, mappingQuality: mapq, mateOnSameContig: true, mateStart: mate,
        name: name, blocks: blocks, cigarOperationCount: gapped ? 3 : 1)
    }
    // Clusters of pairs, some 100 kb apart, one 150 kb long and dense.
    for (clusterStart, span, pairs) in [(1_000, 3_000, 300), (120_000, 150_000, 6_000), (330_000, 2_000, 200), (399_850, 200, 20)] {
      for index in 0..<pairs {
        let start = clusterStart + random(span)
        let mateStart = start + random(150)
        let name = "p\(clusterStart)-\(index)"
        let flag: UInt16 = random(20) == 0 ? 0x400 | 0x3 : 0x3
        reads.append(read(name, start, gapped: random(4) == 0, flag: flag, mate: mateStart, mapq: random(30) == 0 ? 0 : 60))
        reads.append(read(name, mateStart, gapped: random(4) == 0, flag: flag, mate: start))
      }
    }
    reads.sort { $0.start < $1.start }
    let options = DepthMarking.Options(minimumMappingQuality: 1, fastMode: fastMode)
    var window = DepthCounter(windowStart: 0, windowEnd: length, options: options)
    var contig = ContigDepth(length: length, options: options)
    var runs: [DepthRun] = []
    for read in reads {
      window.add(read)
      contig.add(read) { runs.append($0) }
    }
    contig.finish { runs.append($0) }
    #expect(runs.first?.start == 0 && runs.last?.end == length)
    #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.end == $1.start && $0.depth != $1.depth && $0.length > 0 })
    var expanded = [Int32](repeating: -1, count: length)
    for run in runs { for position in run.start..<run.end { expanded[position] = run.depth } }
    #expect(expanded == window.depths())
    #expect(runs.count > 1_000)
  }
}

/// mosdepth's seven files, compared byte for byte with the ones sarcopanel writes.
enum MosdepthFiles {
  static let suffixes = [
    "regions.bed.gz", "regions.bed.gz.csi", "thresholds.bed.gz", "thresholds.bed.gz.csi", "mosdepth.region.dist.txt",
    "mosdepth.global.dist.txt", "mosdepth.summary.txt",
  ]

  /// Runs mosdepth with `arguments` and prefix `directory/id`; fails the test when it fails.
  static func mosdepth(_ arguments: String, bam: String, directory: String, id: String) throws {
    let result = try shell("mosdepth -n \(arguments) '\(directory)/\(id)' '\(bam)' 2>&1")
    try #require(result.status == 0, "mosdepth: \(result.output)")
  }

  /// The suffixes whose bytes differ (or are missing on either side).
  static func differences(_ ours: String, _ theirs: String, id: String, theirID: String? = nil) -> [String] {
    suffixes.filter { suffix in
      let a = FileManager.default.contents(atPath: "\(ours)/\(id).\(suffix)")
      let b = FileManager.default.contents(atPath: "\(theirs)/\(theirID ?? id).\(suffix)")
      return a == nil || a != b
    }
  }
}

@Suite struct MosdepthFormatTests {
  /// `coverage --bed` writes what `mosdepth -n --by BED --thresholds` writes, byte for byte
  /// (BGZF data, CSI indexes, distributions, summary), on the real Manta demo BAMs: a
  /// named BED, an unnamed one, and an unsorted one with overlapping and repeated
  /// regions; default counting, --fast-mode and --mapq; one and two threads.
  @Test(
    .enabled(if: Prerequisite.sharedData("examples/manta_demo_hcc1954"), "needs ../shared/data/examples/manta_demo_hcc1954"),
    .enabled(if: Prerequisite.tool("mosdepth"), "needs mosdepth (apt-get install mosdepth)"))
  func coverageFilesEqualMosdepths() throws {
    let work = TestData.temporaryDirectory("mosdepth-files")
    let named = TestData.path("testdata/bam/manta_demo_regions.bed")
    let text = try String(contentsOfFile: named, encoding: .utf8)
    let unnamed = "\(work)/unnamed.bed"
    try text.split(separator: "\n").map { $0.split(separator: "\t").prefix(3).joined(separator: "\t") + "\n" }.joined()
      .write(toFile: unnamed, atomically: true, encoding: .utf8)
    let unsorted = "\(work)/unsorted.bed"
    try "track name=odd\n11\t94985000\t94988500\tc11_c\n8\t107653000\t107653400\tc8_b\n11\t94985000\t94986000\tc11_c_start\n8\t107652800\t107653000\tc8_a\n"
      .write(toFile: unsorted, atomically: true, encoding: .utf8)
    // Every base covered on both contigs: mosdepth still prints the first contig's region minimum as 0.
    let covered = "\(work)/covered.bed"
    try "8\t107653000\t107653400\tc8_b\n11\t94975200\t94975300\tc11\n".write(toFile: covered, atomically: true, encoding: .utf8)
    let cases: [(bam: String, bed: String, mosdepth: String, fast: Bool, mapq: Int, threads: Int)] = [
      ("G15512.HCC1954.1.COST16011_region.bam", named, "", false, 0, 1),
      ("G15512.HCC1954.1.COST16011_region.bam", unnamed, "--fast-mode", true, 0, 2),
      ("G15512.HCC1954.1.COST16011_region.bam", unsorted, "-Q 20", false, 20, 2),
      ("G15512.HCC1954.1.COST16011_region.bam", covered, "", false, 0, 1),
      ("HCC1954.NORMAL.30x.compare.COST16011_region.bam", named, "", false, 0, 2),
    ]
    for (index, item) in cases.enumerated() {
      let bam = try #require(TestData.shared("examples/manta_demo_hcc1954/\(item.bam)"))
      let theirs = "\(work)/mosdepth-\(index)"
      try FileManager.default.createDirectory(atPath: theirs, withIntermediateDirectories: true)
      try MosdepthFiles.mosdepth("\(item.mosdepth) --by '\(item.bed)' --thresholds 1,20,10", bam: bam, directory: theirs, id: "s")
      var request = CoverageTask.Request(bam: bam, panel: nil, bed: item.bed, outputDirectory: "\(work)/ours-\(index)")
      request.sampleID = "s"
      request.options.thresholds = [1, 20, 10]
      request.options.counting = DepthCounter.Options(minimumMappingQuality: item.mapq, fastMode: item.fast)
      request.options.threads = item.threads
      let outcome = try CoverageTask.run(request)
      #expect(outcome.mosdepthPaths.count == 7)
      #expect(MosdepthFiles.differences(request.outputDirectory, theirs, id: "s").isEmpty, "case \(index): \(item)")
    }
    let summary = try String(contentsOfFile: "\(work)/ours-3/s.mosdepth.summary.txt", encoding: .utf8)
    #expect(summary.contains("\n8_region\t400\t176990\t442.48\t0\t647\n") && summary.contains("\n11_region\t100\t20241\t202.41\t180\t218\n"))
  }

  /// Panel mode (`coverage --panel`, `run --bam`) writes what mosdepth writes for the
  /// panel's padded coding targets (`panel bed --kind targets`), at one and two threads,
  /// on a synthetic panel BAM over many contigs (duplicates, MAPQ 0, deletions, clips).
  @Test(
    .enabled(if: BenchBAM.toolsPresent, "needs samtools and python3 (apt-get install samtools python3)"),
    .enabled(if: Prerequisite.tool("mosdepth"), "needs mosdepth (apt-get install mosdepth)"))
  func panelFilesEqualMosdepths() throws {
    let bench = try BenchBAM.hotspotExons
    let work = TestData.temporaryDirectory("mosdepth-panel")
    let view = try PanelView(panel: TestPanels.sarcoma, build: .grch38)
    let pad = TestPanels.sarcoma.manifest.targetPadBases
    try PanelBED.render(view.codingTargets(pad: pad), chrPrefix: false).write(toFile: "\(work)/targets.bed", atomically: true, encoding: .utf8)
    try MosdepthFiles.mosdepth("--by '\(work)/targets.bed' --thresholds 100,250,500", bam: bench.bam, directory: work, id: "theirs")
    for threads in [1, 2] {
      var request = CoverageTask.Request(
        bam: bench.bam, panel: TestData.path("panels/sarcoma"), bed: nil, outputDirectory: "\(work)/coverage-\(threads)")
      request.sampleID = "S"
      request.options.threads = threads
      _ = try CoverageTask.run(request)
      #expect(MosdepthFiles.differences(request.outputDirectory, work, id: "S", theirID: "theirs").isEmpty, "coverage --threads \(threads)")
    }
    var options = RunOptions(
      vcfPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz"), panelPath: TestData.path("panels/sarcoma"),
      outputDirectory: "\(work)/run", sampleID: "S", commandLine: ["sarcopanel", "run"])
    options.bam = bench.bam
    options.threads = 2
    _ = try RunPipeline.run(options, panel: TestPanels.sarcoma)
    #expect(MosdepthFiles.differences(options.outputDirectory, work, id: "S", theirID: "theirs").isEmpty, "run --bam")
    let summary = try String(contentsOfFile: "\(work)/run/S.mosdepth.summary.txt", encoding: .utf8)
    #expect(summary.split(separator: "\n").count > 10, "several contigs with reads: \(summary)")
  }
}
