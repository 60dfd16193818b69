import Foundation
import HTS
import SarcoCore
import SarcoPipeline
import SarcoTestSupport
import Testing

@Suite struct BatchExportTests {
  /// `--vcf-out-format` and `--maf` in a batch: one annotated VCF and MAF per sample beside its reports,
  /// `cohort.maf` with every sample that did not fail in sheet order, the same bytes for any `--jobs`; a rerun
  /// that newly asks for them runs the samples again instead of skipping them.
  @Test func batchWritesPerSampleExportsAndACohortMAF() throws {
    let directory = TestData.temporaryDirectory("batch-export")
    let vcf = TestData.path("testdata/vcf")
    let sheet = """
      sample\tvcf\ttumor_type\tsample_type
      GIST1\t\(vcf)/tumor_only.grch38.vcf.gz\tGIST\t
      BAD1\t\(TestData.path("testdata/bad/malformed_pos.vcf"))\t\t
      LFS1\t\(vcf)/germline.grch38.vcf\t\tgermline
      EWS1\t\(vcf)/structural.grch38.vcf\tES\t

      """
    try sheet.write(toFile: "\(directory)/samples.tsv", atomically: true, encoding: .utf8)
    let out = "\(directory)/out"
    var options = BatchPipeline.Options(samplesPath: "\(directory)/samples.tsv", panelPath: TestData.path("panels/sarcoma"), outputDirectory: out)
    _ = try BatchPipeline.run(options)
    #expect(!FileManager.default.fileExists(atPath: "\(out)/cohort.maf"))

    options.vcfOutFormat = .vcfBGZF
    options.maf = true
    options.jobs = 2
    let outcome = try BatchPipeline.run(options)
    #expect(outcome.results.filter { $0.status == .ok }.map(\.sample) == ["GIST1", "LFS1", "EWS1"])
    #expect(outcome.cohortMAF == "\(out)/cohort.maf")
    for sample in ["GIST1", "LFS1", "EWS1"] {
      #expect(FileManager.default.fileExists(atPath: "\(out)/\(sample).annotated.vcf.gz"))
      #expect(FileManager.default.fileExists(atPath: "\(out)/\(sample).maf"))
    }
    #expect(!FileManager.default.fileExists(atPath: "\(out)/BAD1.maf"))
    let cohort = try mafRows("\(out)/cohort.maf")
    #expect(cohort.map { $0["Tumor_Sample_Barcode"]! } == Array(repeating: "GIST1", count: 5) + Array(repeating: "LFS1", count: 3))
    let perSample = try ["GIST1", "LFS1"].flatMap { try mafRows("\(out)/\($0).maf") }
    #expect(cohort == perSample)

    let jobsTwo = try ["GIST1.annotated.vcf.gz", "GIST1.maf", "cohort.maf"].map { try bytes("\(out)/\($0)") }
    options.jobs = 1
    options.force = true
    _ = try BatchPipeline.run(options)
    #expect(try ["GIST1.annotated.vcf.gz", "GIST1.maf", "cohort.maf"].map { try bytes("\(out)/\($0)") } == jobsTwo)
    options.force = false
    let again = try BatchPipeline.run(options)
    #expect(again.results.filter { $0.status == .skipped }.count == 3)
  }
}
