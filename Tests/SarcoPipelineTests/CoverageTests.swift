import Foundation
import HTS
import SarcoCore
import SarcoPipeline
import SarcoTestSupport
import Testing

@Suite struct DepthCounterTests {
  func read(_ name: String, _ start: Int, _ blocks: [Range<Int>], flag: UInt16 = 0x3, mate: Int = -1, mapq: UInt8 = 60) -> AlignedRead {
    AlignedRead(start: start, end: blocks.last!.upperBound, flag: flag, mappingQuality: mapq, mateOnSameContig: true,
                mateStart: mate, name: name, blocks: blocks, cigarOperationCount: blocks.count == 1 ? 1 : blocks.count * 2 - 1)
  }

  @Test func overlappingMatesCountOnceAndFiltersApply() {
    var counter = DepthCounter(windowStart: 0, windowEnd: 40, options: .init())
    counter.add(read("pair", 0, [0..<20], mate: 10))
    counter.add(read("pair", 10, [10..<30], mate: 0))
    counter.add(read("dup", 0, [0..<40], flag: 0x400))
    counter.add(read("gapped", 5, [5..<10, 15..<20], flag: 0x1))  // 5M5D5M: the deletion is not coverage
    let depths = counter.depths()
    #expect(Array(depths[0..<5]) == [1, 1, 1, 1, 1])
    #expect(Array(depths[5..<10]) == [2, 2, 2, 2, 2])
    #expect(Array(depths[10..<15]) == [1, 1, 1, 1, 1])  // mate overlap counted once
    #expect(Array(depths[15..<20]) == [2, 2, 2, 2, 2])
    #expect(Array(depths[20..<30]) == Array(repeating: 1, count: 10))
    #expect(depths[30] == 0)
    // Mapping quality 0 counts by default (as in mosdepth) and not with --mapq 1.
    var lenient = DepthCounter(windowStart: 0, windowEnd: 40, options: .init())
    lenient.add(read("lowq", 0, [0..<40], flag: 0x1, mapq: 0))
    #expect(lenient.depths().allSatisfy { $0 == 1 })
    var strict = DepthCounter(windowStart: 0, windowEnd: 40, options: .init(minimumMappingQuality: 1))
    strict.add(read("lowq", 0, [0..<40], flag: 0x1, mapq: 0))
    #expect(strict.depths().allSatisfy { $0 == 0 })
  }

  @Test func fastModeCountsWholeSpansWithoutMateCorrection() {
    var counter = DepthCounter(windowStart: 10, windowEnd: 20, options: .init(fastMode: true))
    counter.add(read("pair", 0, [0..<12, 14..<20], mate: 5))
    counter.add(read("pair", 5, [5..<25], mate: 0))
    #expect(counter.depths() == Array(repeating: 2, count: 10))
  }
}

@Suite struct MosdepthAgreementTests {
  /// Per-region means equal mosdepth's to the printed precision, on the real
  /// Manta demo BAMs (duplicates, improper pairs, clipped and gapped reads),
  /// in default and fast mode, at one and two threads.
  @Test(
    .enabled(if: Prerequisite.sharedData("examples/manta_demo_hcc1954"), "needs ../shared/data/examples/manta_demo_hcc1954"),
    .enabled(if: Prerequisite.tool("mosdepth"), "needs mosdepth (apt-get install mosdepth)"),
    arguments: ["G15512.HCC1954.1.COST16011_region.bam", "HCC1954.NORMAL.30x.compare.COST16011_region.bam"])
  func regionMeansEqualMosdepth(bam: String) throws {
    let path = try #require(TestData.shared("examples/manta_demo_hcc1954/\(bam)"))
    let bed = TestData.path("testdata/bam/manta_demo_regions.bed")
    let work = TestData.temporaryDirectory("mosdepth")
    for fast in [false, true] {
      let prefix = "\(work)/md\(fast ? "-fast" : "")"
      let result = try shell("mosdepth -n \(fast ? "--fast-mode " : "")--by '\(bed)' '\(prefix)' '\(path)' && gzip -dc '\(prefix).regions.bed.gz'")
      #expect(result.status == 0, "\(result.output)")
      let expected = result.output.split(separator: "\n").map { $0.split(separator: "\t").last.map(String.init) ?? "" }
      for threads in [1, 2] {
        var options = CoveragePipeline.Options()
        options.counting = DepthCounter.Options(fastMode: fast)
        options.threads = threads
        let report = try CoveragePipeline.run(bam: path, targets: try CoveragePipeline.readBED(bed), options: options)
        let ours = report.targets.map { String(format: "%.2f", $0.meanDepth) }
        #expect(ours == expected, "\(bam) fast=\(fast) threads=\(threads)")
      }
    }
  }
}

@Suite struct CoverageInputTests {
  @Test(.enabled(if: Prerequisite.sharedData("examples/manta_demo_hcc1954"), "needs ../shared/data/examples/manta_demo_hcc1954"))
  func unindexedBAMSaysHowToIndex() throws {
    let bam = try #require(TestData.shared("examples/manta_demo_hcc1954/HCC1954.NORMAL.30x.compare.COST16011_region.bam"))
    let directory = TestData.temporaryDirectory("unindexed")
    try FileManager.default.copyItem(atPath: bam, toPath: "\(directory)/n.bam")
    #expect {
      _ = try AlignmentReader(path: "\(directory)/n.bam")
    } throws: { ($0 as? SarcoError)?.message.contains("samtools index") == true }
    let data = try Data(contentsOf: URL(fileURLWithPath: bam))
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: "\(directory)/cut.bam"))
    #expect {
      _ = try AlignmentReader(path: "\(directory)/cut.bam")
    } throws: { ($0 as? SarcoError)?.message.contains("truncated") == true }
  }

  @Test(.enabled(if: Prerequisite.sharedData("examples/manta_demo_hcc1954"), "needs ../shared/data/examples/manta_demo_hcc1954"))
  func panelTargetsOnABAMOfOtherContigsAreRefused() throws {
    let bam = try #require(TestData.shared("examples/manta_demo_hcc1954/HCC1954.NORMAL.30x.compare.COST16011_region.bam"))
    var request = CoverageTask.Request(bam: bam, panel: TestData.path("panels/sarcoma"), bed: nil, outputDirectory: TestData.temporaryDirectory("cov"))
    request.genome = .grch37
    #expect {
      _ = try CoverageTask.run(request)
    } throws: { ($0 as? SarcoError)?.message.contains("has no contig") == true }
    #expect(try FileManager.default.contentsOfDirectory(atPath: request.outputDirectory).isEmpty)
  }
}

@Suite struct FusionEvidenceTests {
  /// The HCC1954 t(8;11) junctions Manta called: the tumour BAM shows the
  /// discordant pairs Manta counted (PR alt 4 and 9) and clipped reads at
  /// Manta's breakpoints; the normal BAM shows neither.
  @Test(.enabled(if: Prerequisite.sharedData("examples/manta_demo_hcc1954"), "needs ../shared/data/examples/manta_demo_hcc1954"))
  func mantaDemoJunctionsInTumourNotNormal() throws {
    let tumour = try #require(TestData.shared("examples/manta_demo_hcc1954/G15512.HCC1954.1.COST16011_region.bam"))
    let normal = try #require(TestData.shared("examples/manta_demo_hcc1954/HCC1954.NORMAL.30x.compare.COST16011_region.bam"))
    let candidates = [
      "8:107652900-107654000,11:94987372-94988372", "8:107652900-107654000,11:94975249-94976249",
    ].compactMap(FusionEvidenceTask.parsePair)
    #expect(candidates.count == 2)
    let inTumour = try FusionEvidenceTask.measure(bam: tumour, candidates: candidates, reference: nil, threads: 2)
    #expect(inTumour.map(\.evidence.discordantPairs) == [4, 9])
    #expect(inTumour[0].evidence.breakpointsB.first?.position == 94_987_872)
    #expect((inTumour[0].evidence.breakpointsB.first?.reads ?? 0) >= 10)
    #expect(abs((inTumour[1].evidence.breakpointsB.first?.position ?? 0) - 94_975_749) <= 3)
    let inNormal = try FusionEvidenceTask.measure(bam: normal, candidates: candidates, reference: nil, threads: 1)
    #expect(inNormal.map(\.evidence.supportingFragments) == [0, 0])
    #expect(inNormal.allSatisfy { ($0.evidence.breakpointsA + $0.evidence.breakpointsB).allSatisfy { $0.reads < 3 } })
  }

  @Test func panelCandidatesPairPanelGenes() {
    let candidates = FusionEvidenceTask.panelCandidates(TestPanels.sarcoma, build: .grch38)
    let names = Set(candidates.map(\.name))
    #expect(names.contains("EWSR1::FLI1") && names.contains("SS18::SSX1") && names.contains("PAX3::FOXO1"))
    #expect(!names.contains("ALK::*"))
    let ewsFli = candidates.first { $0.name == "EWSR1::FLI1" }
    #expect(ewsFli?.regionA.contig == "22" && ewsFli?.regionB.contig == "11")
  }
}

@Suite struct HotspotPileupTests {
  /// Base counts by strand equal samtools mpileup's (-A -B -x -Q 20 -q 0: same
  /// read filters, no BAQ, overlapping mates both counted) at junction positions.
  @Test(.enabled(if: Prerequisite.sharedData("examples/manta_demo_hcc1954"), "needs ../shared/data/examples/manta_demo_hcc1954"), .enabled(if: Prerequisite.tool("samtools"), "needs samtools (apt-get install samtools)"))
  func baseCountsEqualSamtoolsMpileup() throws {
    let bam = try #require(TestData.shared("examples/manta_demo_hcc1954/G15512.HCC1954.1.COST16011_region.bam"))
    let reader = try AlignmentReader(path: bam)
    for (contig, position) in [("8", 107_653_411), ("11", 94_987_872), ("11", 94_975_749), ("8", 107_653_000)] {
      let ours = try reader.pileup(contig: contig, position: position - 1, excludeFlags: 1796, minimumMappingQuality: 0)
      let line = try shell("samtools mpileup -A -B -x -Q 20 -q 0 -r \(contig):\(position)-\(position) '\(bam)' 2>/dev/null").output
      let columns = line.split(separator: "\t")
      try #require(columns.count >= 5, "no mpileup line at \(contig):\(position)")
      let (forward, reverse, deletions) = MpileupColumn.counts(columns[4])
      #expect(ours.forward == forward, "\(contig):\(position)")
      #expect(ours.reverse == reverse, "\(contig):\(position)")
      #expect(ours.deletions == deletions, "\(contig):\(position)")
    }
  }

  /// At every GRCh38 hotspot position of the sarcoma panel, the one-pass pileup
  /// (`measurePanel`, at one and two threads) gives samtools mpileup's base counts
  /// by strand and its deletions, on a BAM from `scripts/make-bench-bam` over the
  /// exons holding hotspots (substitutions, deletions, soft clips, duplicates,
  /// MAPQ 0, about 5% of bases below quality 20); the per-target depths are the
  /// ones measured without hotspots.
  @Test(.enabled(if: BenchBAM.toolsPresent, "needs samtools and python3 (apt-get install samtools python3)"))
  func panelHotspotCountsEqualSamtoolsMpileup() throws {
    let bench = try BenchBAM.hotspotExons
    let view = try PanelView(panel: TestPanels.sarcoma, build: .grch38)
    let hotspots = TestPanels.sarcoma.hotspots.filter { $0.build == .grch38 }
    var positions: [String: (contig: String, position: Int)] = [:]
    for hotspot in hotspots {
      for position in hotspot.interval.start...hotspot.interval.end {
        positions["\(hotspot.interval.contig):\(position)"] = (hotspot.interval.contig, position)
      }
    }
    let list = positions.values.sorted { ($0.contig, $0.position) < ($1.contig, $1.position) }
      .map { "\($0.contig)\t\($0.position)\n" }.joined()
    try list.write(toFile: "\(bench.directory)/positions.tsv", atomically: true, encoding: .utf8)
    let mpileup = try shell("samtools mpileup -A -B -x -Q 20 -q 0 -l '\(bench.directory)/positions.tsv' '\(bench.bam)' 2>/dev/null")
    try #require(mpileup.status == 0, "\(mpileup.output)")
    var theirs: [String: (forward: [String: Int], reverse: [String: Int], deletions: Int)] = [:]
    for line in mpileup.output.split(separator: "\n") {
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard columns.count >= 5 else { continue }
      theirs["\(columns[0]):\(columns[1])"] = MpileupColumn.counts(columns[4])
    }
    #expect(theirs.count > 500, "mpileup saw too few hotspot positions to compare: \(theirs.count)")
    var options = CoveragePipeline.Options()
    let withoutHotspots = try CoveragePipeline.run(
      bam: bench.bam, targets: view.codingTargets(pad: 10).map { ($0.interval, $0.name, nil) }, options: options)
    for threads in [1, 2] {
      options.threads = threads
      let report = try CoveragePipeline.measurePanel(bam: bench.bam, view: view, pad: 10, options: options)
      #expect(report.hotspots.count == hotspots.reduce(0) { $0 + $1.interval.length })
      var compared: Set<String> = []
      for pileup in report.hotspots {
        let expected = theirs["\(pileup.contig):\(pileup.position)"] ?? ([:], [:], 0)
        #expect(pileup.counts.forward == expected.forward, "\(pileup.contig):\(pileup.position) threads=\(threads)")
        #expect(pileup.counts.reverse == expected.reverse, "\(pileup.contig):\(pileup.position) threads=\(threads)")
        #expect(pileup.counts.deletions == expected.deletions, "\(pileup.contig):\(pileup.position) threads=\(threads)")
        // Positions mpileup leaves out (every base below quality 20) compare equal to empty counts above;
        // hotspots overlap (a residue inside an in-frame indel range), so positions are counted once.
        if theirs["\(pileup.contig):\(pileup.position)"] != nil { compared.insert("\(pileup.contig):\(pileup.position)") }
      }
      #expect(compared.count == theirs.count, "every position mpileup reports is among the panel's pileups")
      #expect(report.hotspots.contains { $0.counts.deletions > 0 } && report.hotspots.contains { $0.counts.lowQuality > 0 })
      #expect(report.hotspots.contains { $0.alternateReads > 0 })
      #expect(report.targets.map(\.meanDepth) == withoutHotspots.targets.map(\.meanDepth))
      #expect(report.targets.map(\.fractionAtLeast) == withoutHotspots.targets.map(\.fractionAtLeast))
    }
  }

  @Test func alternateReadsCountAgainstTheReferenceOrTheMajority() {
    var counts = BaseCounts()
    for _ in 0..<8 { counts.add(base: "A", reverse: false, quality: 30) }
    counts.add(base: "T", reverse: true, quality: 30)
    counts.add(base: "T", reverse: false, quality: 10)  // low quality: not counted as T
    let assumed = HotspotPileup(gene: "PDGFRA", change: "D842", contig: "4", position: 54_285_926, reference: nil, counts: counts)
    #expect(assumed.reference == "A" && assumed.referenceAssumed)
    #expect(assumed.alternateReads == 1 && assumed.alternateReverse == 1 && counts.lowQuality == 1)
    #expect(assumed.summary == "PDGFRA D842 4:54285926: 1 of 9 reads alternate (0 forward, 1 reverse)")
    let known = HotspotPileup(gene: "PDGFRA", change: "D842", contig: "4", position: 54_285_926, reference: "T", counts: counts)
    #expect(known.alternateReads == 8 && !known.referenceAssumed)
  }
}

/// Reads samtools mpileup's fifth column: bases by strand (upper case forward)
/// and deletions (`*`, `#`); read starts, ends and indel sequences skipped.
enum MpileupColumn {
  static func counts(_ column: Substring) -> (forward: [String: Int], reverse: [String: Int], deletions: Int) {
    var forward: [String: Int] = [:]
    var reverse: [String: Int] = [:]
    var deletions = 0
    let characters = Array(column)
    var index = 0
    while index < characters.count {
      let c = characters[index]
      switch c {
      case "^": index += 1
      case "$": break
      case "+", "-":
        var digits = ""
        while index + 1 < characters.count, characters[index + 1].isNumber { index += 1; digits.append(characters[index]) }
        index += Int(digits) ?? 0
      case "*", "#": deletions += 1
      default:
        if c.isUppercase { forward[String(c), default: 0] += 1 } else { reverse[String(c).uppercased(), default: 0] += 1 }
      }
      index += 1
    }
    return (forward, reverse, deletions)
  }
}

/// A synthetic panel BAM from `scripts/make-bench-bam`, sorted and indexed, made once per test process.
enum BenchBAM {
  static let toolsPresent = (try? shell("command -v samtools && command -v python3").status) == 0

  /// Reads over the GRCh38 coding targets (10 bp pad) of the sarcoma panel that hold a hotspot, about 200x.
  static var hotspotExons: (bam: String, directory: String) {
    get throws { try made.get() }
  }

  private static let made: Result<(bam: String, directory: String), Error> = Result {
    let directory = TestData.temporaryDirectory("bench-bam")
    let view = try PanelView(panel: TestPanels.sarcoma, build: .grch38)
    let hotspots = TestPanels.sarcoma.hotspots.filter { $0.build == .grch38 }
    let targets = view.codingTargets(pad: 10).filter { target in hotspots.contains { $0.interval.overlaps(target.interval) } }
    let bed = targets.map { "\($0.interval.contig)\t\($0.interval.zeroBasedStart)\t\($0.interval.end)\t\($0.name)\n" }.joined()
    try bed.write(toFile: "\(directory)/targets.bed", atomically: true, encoding: .utf8)
    let bases = 400 * targets.reduce(0) { $0 + $1.interval.length }
    let made = try shell(
      "cd '\(directory)' && '\(TestData.path("scripts/make-bench-bam"))' targets.bed --bases \(bases) | samtools sort -o reads.bam - 2>&1 && samtools index reads.bam")
    guard made.status == 0 else { throw SarcoError.input("make-bench-bam failed: \(made.output)") }
    return ("\(directory)/reads.bam", directory)
  }
}

@Suite struct CRAMAndEmptyInputTests {
  /// A CRAM over real TP53 sequence reads with its reference and is refused without one;
  /// an empty BAM is refused with a message, and nothing is written.
  @Test(.enabled(if: Prerequisite.sharedData("reference"), "needs ../shared/data/reference"), .enabled(if: Prerequisite.tool("samtools"), "needs samtools (apt-get install samtools)"))
  func cramNeedsItsReferenceAndEmptyBAMIsRefused() throws {
    let fasta = try #require(TestData.shared("reference/grch38_cancer_gene_regions.fa.gz"))
    let work = TestData.temporaryDirectory("cram")
    let record = "TP53_17_7659779_7692550"
    let reference = try FastaReference(path: fasta)
    var sam = "@HD\tVN:1.6\tSO:coordinate\n@SQ\tSN:\(record)\tLN:32772\n"
    for index in 0..<40 {
      let start = 15_000 + index * 5
      let bases = try #require(reference.bases(contig: record, start: start, end: start + 99))
      sam += "r\(index)\t0\t\(record)\t\(start)\t60\t100M\t*\t0\t0\t\(bases)\t\(String(repeating: "I", count: 100))\n"
    }
    try sam.write(toFile: "\(work)/reads.sam", atomically: true, encoding: .utf8)
    let made = try shell("cd '\(work)' && samtools view -C -T '\(fasta)' -o reads.cram reads.sam && samtools index reads.cram")
    #expect(made.status == 0, "\(made.output)")
    #expect {
      _ = try AlignmentReader(path: "\(work)/reads.cram")
    } throws: { ($0 as? SarcoError)?.kind == .usage && ($0 as? SarcoError)?.message.contains("--reference") == true }
    var options = CoveragePipeline.Options()
    options.reference = fasta
    options.thresholds = [10]
    let target = GenomicInterval(contig: record, start: 15_100, end: 15_199)
    let report = try CoveragePipeline.run(bam: "\(work)/reads.cram", targets: [(target, "tp53_window", nil)], options: options)
    // Reads start every 5 bases from 15000 and are 100 long: 20 of them cover each base of 15100-15199.
    let expected = (15_100...15_199).map { position in (0..<40).filter { 15_000 + $0 * 5 <= position && position < 15_100 + $0 * 5 }.count }
    #expect(abs(report.targets[0].meanDepth - Double(expected.reduce(0, +)) / 100) < 1e-9)
    #expect(report.targets[0].medianDepth == 20)

    let empty = try shell("cd '\(work)' && printf '@HD\\tVN:1.6\\tSO:coordinate\\n@SQ\\tSN:17\\tLN:83257441\\n' | samtools view -b -o empty.bam - && samtools index empty.bam")
    #expect(empty.status == 0, "\(empty.output)")
    #expect {
      _ = try CoveragePipeline.run(bam: "\(work)/empty.bam", targets: [(GenomicInterval(contig: "17", start: 1, end: 100), "x", nil)], options: CoveragePipeline.Options())
    } throws: { ($0 as? SarcoError)?.message.contains("no mapped reads") == true }
  }
}

@Suite struct RunWithBAMTests {
  /// `run --bam` adds coverage and hotspot pileups to the report and writes
  /// their TSVs beside it; the JSON stays byte-identical to JSONEncoder's.
  @Test(.enabled(if: Prerequisite.tool("samtools"), "needs samtools (apt-get install samtools)"))
  func coverageJoinsTheSampleReport() throws {
    let work = TestData.temporaryDirectory("run-bam")
    // 60 reads over KIT exon 11 (GRCh38 4:54727416-54727542), forward and reverse, MAPQ 60.
    let order = GenomeBuild.grch38.contigLengths.keys.sorted { ContigName.sortKey($0) < ContigName.sortKey($1) }
    var sam = "@HD\tVN:1.6\tSO:unsorted\n" + order.map { "@SQ\tSN:\($0)\tLN:\(GenomeBuild.grch38.contigLengths[$0]!)\n" }.joined()
    for index in 0..<60 {
      let start = 54_727_380 + index
      let flag = index % 2 == 0 ? 0 : 16
      sam += "r\(index)\t\(flag)\t4\t\(start)\t60\t100M\t*\t0\t0\t\(String(repeating: "A", count: 100))\t\(String(repeating: "I", count: 100))\n"
    }
    try sam.write(toFile: "\(work)/reads.sam", atomically: true, encoding: .utf8)
    let made = try shell("cd '\(work)' && samtools sort -o reads.bam reads.sam 2>&1 && samtools index reads.bam")
    #expect(made.status == 0, "\(made.output)")
    var options = RunOptions(
      vcfPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz"), panelPath: TestData.path("panels/sarcoma"),
      outputDirectory: "\(work)/out", sampleID: "S", commandLine: ["sarcopanel", "run"])
    options.bam = "\(work)/reads.bam"
    let outcome = try RunPipeline.run(options, panel: TestPanels.sarcoma)
    let coverage = try #require(outcome.report.coverage)
    let exon11 = try #require(coverage.targets.first { $0.name == "KIT_exon11" })
    #expect(exon11.meanDepth > 30)
    #expect(coverage.targets.first { $0.name == "TP53_exon7" }?.meanDepth == 0)
    #expect(coverage.failingTargets.contains("TP53_exon7") && coverage.verdict == "fail")
    let w557 = coverage.hotspots.filter { $0.gene == "KIT" && $0.change == "W557" }
    #expect(w557.count == 3)
    // Reads start at 54727380...54727439, so position p is covered by those starting at or before it.
    #expect(w557.map(\.counts.depth) == w557.map { $0.position - 54_727_380 + 1 })
    #expect(w557.allSatisfy { $0.alternateReads == 0 && $0.referenceAssumed && $0.reference == "A" })
    #expect(try FileManager.default.contentsOfDirectory(atPath: "\(work)/out").sorted()
      == (["S.coverage.tsv", "S.findings.tsv", "S.hotspot_reads.tsv", "S.html", "S.json", "S.variants.tsv", "S_mqc.json"]
        + MosdepthFiles.suffixes.map { "S.\($0)" }).sorted())
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    #expect(try Data(contentsOf: URL(fileURLWithPath: outcome.jsonPath)) == (try encoder.encode(try outcome.fullReport())) + Data([0x0A]))
    // The tumour board sees the same QC: verdict, under-covered exons, hotspot read counts.
    let html = try String(contentsOfFile: "\(work)/out/S.html", encoding: .utf8)
    #expect(html.contains("<h2>Coverage QC: fail</h2>"))
    #expect(html.contains("<td>TP53_exon7</td>"))
    #expect(html.contains("Read counts at hotspots") && html.contains("<td>KIT</td><td>W557</td>"))

    if let problems = try ReportSchema.problems([outcome.jsonPath]) {
      #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    // The same BAM through a batch sample sheet's `bam` column.
    try "sample\tvcf\tbam\ttumor_type\nB1\t\(TestData.path("testdata/vcf/tumor_only.grch38.vcf"))\treads.bam\tGIST\n"
      .write(toFile: "\(work)/samples.tsv", atomically: true, encoding: .utf8)
    let batch = try BatchPipeline.run(
      BatchPipeline.Options(samplesPath: "\(work)/samples.tsv", panelPath: TestData.path("panels/sarcoma"), outputDirectory: "\(work)/batch"))
    #expect(batch.failed.isEmpty)
    #expect(FileManager.default.fileExists(atPath: "\(work)/batch/B1.coverage.tsv"))
    let cohort = try String(contentsOfFile: batch.cohortTSV, encoding: .utf8).split(separator: "\n")
    #expect(cohort[1].split(separator: "\t", omittingEmptySubsequences: false)[16] == "fail")
  }
}
