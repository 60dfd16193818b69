import Foundation
import SarcoCore
import SarcoPipeline
import SarcoTestSupport
import Testing

@Suite struct BatchTests {
  /// A sheet of `copies` x (GIST, Ewing, germline TP53, broken VCF, missing VCF).
  func sheet(copies: Int) throws -> String {
    let directory = TestData.temporaryDirectory("batch")
    var text = "sample\tvcf\tnormal\ttumor_type\tsex\tsample_type\n"
    let vcf = TestData.path("testdata/vcf")
    for copy in 1...copies {
      text += "GIST\(copy)\t\(vcf)/vep_annotated.grch38.vcf.gz\t\tGIST\tfemale\t\n"
      text += "EWS\(copy)\t\(vcf)/structural.grch38.vcf\t\tES\tmale\t\n"
      text += "LFS\(copy)\t\(vcf)/vep_annotated.grch38.bcf\t\t\t\tgermline\n"
      text += "BAD\(copy)\t\(TestData.path("testdata/bad/malformed_pos.vcf"))\t\t\t\t\n"
      text += "MISSING\(copy)\tnot_here.vcf\t\t\t\t\n"
    }
    try text.write(toFile: "\(directory)/samples.tsv", atomically: true, encoding: .utf8)
    return "\(directory)/samples.tsv"
  }

  func contents(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) where !name.hasPrefix(".") {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
    }
    return files
  }

  @Test func failuresStayAloneJobsDoNotChangeBytesAndRerunsSkip() throws {
    // 200 samples, 80 of them broken or missing, as the batch issue's acceptance run.
    let samples = try sheet(copies: 40)
    let out = TestData.temporaryDirectory("batch-out")
    var options = BatchPipeline.Options(samplesPath: samples, panelPath: TestData.path("panels/sarcoma"), outputDirectory: out)
    options.jobs = 1
    let first = try BatchPipeline.run(options)
    #expect(first.results.count == 200)
    #expect(first.results.map(\.sample).prefix(3) == ["GIST1", "EWS1", "LFS1"])
    let failed = first.failed
    #expect(failed.count == 80)
    #expect(failed.allSatisfy { $0.sample.hasPrefix("BAD") || $0.sample.hasPrefix("MISSING") })
    #expect(failed.first { $0.sample == "BAD1" }?.message?.contains("malformed_pos.vcf: line 23") == true)
    #expect(failed.first { $0.sample == "MISSING1" }?.message?.contains("not_here.vcf") == true)
    let one = try contents(out)
    #expect(one.keys.contains("GIST40.html") && one.keys.contains("cohort.tsv") && !one.keys.contains { $0.hasPrefix("BAD") })

    options.jobs = 3
    options.force = true
    let forced = try BatchPipeline.run(options)
    #expect(forced.results.filter { $0.status == .ok }.count == 120)
    #expect(try contents(out) == one)

    options.force = false
    let again = try BatchPipeline.run(options)
    #expect(again.results.filter { $0.status == .skipped }.count == 120)
    #expect(again.results.filter { $0.status == .failed }.count == 80)
    #expect(try contents(out) == one)

    let cohort = try String(contentsOfFile: "\(out)/cohort.tsv", encoding: .utf8).split(separator: "\n")
    #expect(cohort.count == 201)
    #expect(cohort[0].hasPrefix("sample\tstatus\terror\tsex") && cohort[0].contains("\tEWSR1\t") && cohort[0].hasSuffix("\tTP53"))
    #expect(cohort[1].hasPrefix("GIST1\tok\t\tfemale\tGIST\ttumor\tGRCh38"))
    #expect(cohort[4].hasPrefix("BAD1\tfailed\t"))
  }

  @Test func touchedInputIsRunAgain() throws {
    let samples = try sheet(copies: 1)
    let out = TestData.temporaryDirectory("batch-touch")
    let options = BatchPipeline.Options(samplesPath: samples, panelPath: TestData.path("panels/sarcoma"), outputDirectory: out)
    _ = try BatchPipeline.run(options)
    // Editing the sheet row (a new tumour type) makes that sample stale.
    let edited = try String(contentsOfFile: samples, encoding: .utf8).replacingOccurrences(of: "\tES\t", with: "\tSYNS\t")
    try edited.write(toFile: samples, atomically: true, encoding: .utf8)
    let second = try BatchPipeline.run(options)
    #expect(second.results.first { $0.sample == "EWS1" }?.status == .ok)
    #expect(second.results.first { $0.sample == "GIST1" }?.status == .skipped)
  }

  @Test func badSheetsAreRefusedWithTheirLine() throws {
    let directory = TestData.temporaryDirectory("batch-sheet")
    let path = "\(directory)/samples.tsv"
    try "sample\tvcf\tsex\nA\ta.vcf\tfemale\nA\tb.vcf\tmale\n".write(toFile: path, atomically: true, encoding: .utf8)
    let options = BatchPipeline.Options(samplesPath: path, panelPath: TestData.path("panels/sarcoma"), outputDirectory: "\(directory)/out")
    #expect {
      _ = try BatchPipeline.run(options)
    } throws: { error in
      let message = (error as? SarcoError)?.message ?? ""
      return message.contains("samples.tsv:3") && message.contains("already named on line 2")
    }
    try "sample\tvcf\tcolour\nA\ta.vcf\tred\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: SarcoError.self) { _ = try BatchPipeline.run(options) }
  }
}
