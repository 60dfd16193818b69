import Foundation
import SarcoCore
import SarcoPipeline
import SarcoReports
import SarcoTestSupport
import Testing

@Suite struct MultiQCTests {
  /// `<id>_mqc.json` is MultiQC general-stats custom content whose values are the
  /// report's QC and finding counts; the coverage columns appear only with a BAM.
  @Test func customContentCarriesTheReportsCounts() throws {
    let work = TestData.temporaryDirectory("mqc-json")
    let options = RunOptions(
      vcfPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz"), panelPath: TestData.path("panels/sarcoma"),
      outputDirectory: work, sampleID: "GIST01", commandLine: ["sarcopanel", "run"])
    let outcome = try RunPipeline.run(options, panel: TestPanels.sarcoma)
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(work)/GIST01_mqc.json"))
    #expect(data == MultiQCReport.json(outcome.report))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["id"] as? String == "sarcopanel" && object["plot_type"] as? String == "generalstats")
    let columns = try #require(object["pconfig"] as? [[String: [String: Any]]]).compactMap(\.keys.first)
    let row = try #require((object["data"] as? [String: [String: Any]])?["GIST01"])
    #expect(Set(row.keys).isSubset(of: Set(columns)))
    #expect(row["coverage_verdict"] == nil && row["failing_targets"] == nil)
    let qc = outcome.report.qc
    #expect(row["variants"] as? Int == qc.variants && row["variants_pass"] as? Int == qc.passingFilters)
    #expect(row["variants_filtered"] as? Int == qc.failingFilters && row["multiallelic_records"] as? Int == qc.multiallelicRecords)
    let tiers = try #require(outcome.report.clinical).tiers
    #expect(row["tier_IA"] as? Int == tiers.filter { $0 == .iA }.count)
    #expect(["tier_IA", "tier_IB", "tier_IIC", "tier_IID", "tier_III", "tier_IV"].reduce(0) { $0 + (row[$1] as? Int ?? 0) } == tiers.count)
    #expect(row["germline_plp"] as? Int == outcome.report.clinical?.pathogenicGermline)
  }

  /// MultiQC (PyPI, scripts/multiqc) over a `sarcopanel batch` folder of two samples with
  /// BAMs and one without: its General Statistics table lists every sample with
  /// sarcopanel's columns, its mosdepth module reads both BAM samples' coverage (mean
  /// over the targets = mosdepth's total_region row), and the batch's mosdepth files are
  /// the ones `coverage --panel` writes for the same BAM.
  @Test(
    .enabled(if: BenchBAM.toolsPresent, "needs samtools and python3 (apt-get install samtools python3)"),
    .enabled(if: Prerequisite.multiQC, "needs MultiQC (scripts/multiqc installs it from PyPI into .build/venv; needs python3-venv)"))
  func generalStatsListEverySampleWithCoverage() throws {
    let work = TestData.temporaryDirectory("multiqc")
    let view = try PanelView(panel: TestPanels.sarcoma, build: .grch38)
    try PanelBED.render(view.codingTargets(pad: 10).filter { ["KIT", "PDGFRA", "TP53"].contains($0.name.split(separator: "_")[0]) }, chrPrefix: false)
      .write(toFile: "\(work)/targets.bed", atomically: true, encoding: .utf8)
    for seed in [1, 2] {
      let made = try shell(
        "cd '\(work)' && '\(TestData.path("scripts/make-bench-bam"))' targets.bed --bases 2000000 --seed \(seed) | samtools sort -o s\(seed).bam - 2>&1 && samtools index s\(seed).bam")
      try #require(made.status == 0, "\(made.output)")
    }
    try """
      sample\tvcf\tbam\ttumor_type\tsample_type
      GIST02\t\(TestData.path("testdata/vcf/vep_annotated.grch38.vcf.gz"))\ts1.bam\tGIST\t
      EWS02\t\(TestData.path("testdata/vcf/structural.grch38.vcf"))\ts2.bam\tES\t
      LFS02\t\(TestData.path("testdata/vcf/vep_annotated.grch38.bcf"))\t\t\tgermline

      """.write(toFile: "\(work)/samples.tsv", atomically: true, encoding: .utf8)
    var options = BatchPipeline.Options(samplesPath: "\(work)/samples.tsv", panelPath: TestData.path("panels/sarcoma"), outputDirectory: "\(work)/out")
    options.jobs = 2
    let batch = try BatchPipeline.run(options)
    try #require(batch.results.allSatisfy { $0.status == .ok }, "\(batch.results)")

    let multiqc = try shell(
      "cd '\(work)' && '\(TestData.path("scripts/multiqc"))' out -o qc --strict --no-version-check --no-report --no-ansi 2>&1")
    try #require(multiqc.status == 0, "\(multiqc.output)")
    let table = try String(contentsOfFile: "\(work)/qc/multiqc_data/multiqc_general_stats.txt", encoding: .utf8)
    let lines = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    let header = try #require(lines.first)
    var rows: [String: [String: String]] = [:]
    for line in lines.dropFirst() { rows[line[0]] = Dictionary(uniqueKeysWithValues: zip(header, line)) }
    #expect(Set(rows.keys) == ["GIST02", "EWS02", "LFS02"], "\(table)")
    for column in ["variants", "variants_pass", "coverage_verdict", "tier_IA", "germline_plp", "fusions", "copy_number_events"] {
      #expect(header.contains { $0.hasSuffix("sarcopanel-\(column)") }, "sarcopanel column \(column) in \(header)")
    }
    func cell(_ sample: String, _ suffix: String) -> String? { rows[sample]?.first { $0.key.hasSuffix(suffix) }?.value }
    for sample in ["GIST02", "EWS02", "LFS02"] {
      let report = try JSONDecoder().decode(SampleReport.self, from: Data(contentsOf: URL(fileURLWithPath: "\(work)/out/\(sample).json")))
      #expect(cell(sample, "sarcopanel-variants").flatMap { Double($0) } == Double(report.qc.variants), "\(sample)")
      #expect(cell(sample, "sarcopanel-coverage_verdict") == (report.coverage?.verdict ?? ""), "\(sample)")
    }
    // The mosdepth module found both BAM samples: its mean is the summary's total_region mean.
    for sample in ["GIST02", "EWS02"] {
      let summary = try String(contentsOfFile: "\(work)/out/\(sample).mosdepth.summary.txt", encoding: .utf8)
      let totalRegion = try #require(summary.split(separator: "\n").last?.split(separator: "\t"))
      #expect(totalRegion.first == "total_region")
      #expect(cell(sample, "mosdepth-mean_coverage").flatMap { Double($0) } == Double(totalRegion[3]), "\(sample)")
      #expect(cell(sample, "mosdepth-30_x_pc").map { !$0.isEmpty } == true, "\(sample): region distribution read")
    }
    #expect(cell("LFS02", "mosdepth-mean_coverage") ?? "" == "")
    let sources = try String(contentsOfFile: "\(work)/qc/multiqc_data/multiqc_sources.txt", encoding: .utf8)
    #expect(sources.contains("GIST02.mosdepth.region.dist.txt") && sources.contains("EWS02.mosdepth.summary.txt"))

    // Batch (run --bam) and `coverage --panel` write the same mosdepth files for a BAM.
    var request = CoverageTask.Request(bam: "\(work)/s1.bam", panel: TestData.path("panels/sarcoma"), bed: nil, outputDirectory: "\(work)/coverage")
    request.sampleID = "GIST02"
    _ = try CoverageTask.run(request)
    #expect(MosdepthFiles.differences("\(work)/out", "\(work)/coverage", id: "GIST02").isEmpty)
  }
}
