import Foundation
import SarcoCore
import SarcoIO
@testable import SarcoPipeline
import SarcoReports
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
    // Gene columns hold Tier I/II findings: TP53 R213* in the GIST sample is Tier III (only gene-level evidence of
    // other tumour types), so PDGFRA is the last column.
    #expect(cohort[0].hasPrefix("sample\tstatus\terror\tsex") && cohort[0].contains("\tEWSR1\t") && cohort[0].hasSuffix("\tPDGFRA"))
    #expect(cohort[1].hasPrefix("GIST1\tok\t\tfemale\tGIST\ttumor\tGRCh38"))
    #expect(cohort[4].hasPrefix("BAD1\tfailed\t"))
  }

  /// Several workers take the largest inputs (VCFs and BAM) first, ties in sheet order; one worker keeps the sheet's order.
  @Test func severalWorkersTakeTheLargestInputsFirst() throws {
    let directory = TestData.temporaryDirectory("batch-order")
    for (name, size) in [("a.vcf", 10), ("b.vcf", 30), ("c.vcf", 20), ("d.vcf", 30), ("e.vcf", 5), ("e.bam", 40)] {
      try Data(repeating: 0x41, count: size).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
    }
    var text = "sample\tvcf\tbam\n"
    for (sample, vcf, bam) in [("A", "a.vcf", ""), ("B", "b.vcf", ""), ("C", "c.vcf", ""), ("D", "d.vcf", ""), ("E", "e.vcf", "e.bam"), ("F", "gone.vcf", "")] {
      text += "\(sample)\t\(directory)/\(vcf)\t\(bam.isEmpty ? "" : "\(directory)/\(bam)")\n"
    }
    try text.write(toFile: "\(directory)/samples.tsv", atomically: true, encoding: .utf8)
    let entries = try SampleSheet(path: "\(directory)/samples.tsv", reportName: RunPipeline.safeFileName).entries
    #expect(BatchPipeline.workOrder(entries, jobs: 2).map { entries[$0].id } == ["E", "B", "D", "C", "A", "F"])
    #expect(BatchPipeline.workOrder(entries, jobs: 1).map { entries[$0].id } == ["A", "B", "C", "D", "E", "F"])
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

  /// The sheet `text` (written to a new folder) and the message a batch over it is refused with
  /// ("" when it is not refused with a `SarcoError`, which the expectation records).
  func refusal(ofSheet text: String) throws -> (path: String, message: String) {
    let directory = TestData.temporaryDirectory("batch-sheet")
    let path = "\(directory)/samples.tsv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let options = BatchPipeline.Options(samplesPath: path, panelPath: TestData.path("panels/sarcoma"), outputDirectory: "\(directory)/out")
    let error = #expect(throws: SarcoError.self) { _ = try BatchPipeline.run(options) }
    return (path, error?.message ?? "")
  }

  @Test func badSheetsAreRefusedWithTheirLine() throws {
    let repeated = try refusal(ofSheet: "sample\tvcf\tsex\nA\ta.vcf\tfemale\nA\tb.vcf\tmale\n")
    #expect(repeated.message.contains("samples.tsv:3") && repeated.message.contains("already named on line 2"), "\(repeated.message)")
    let unknown = try refusal(ofSheet: "sample\tvcf\tcolour\nA\ta.vcf\tred\n")
    #expect(unknown.message.hasPrefix("\(unknown.path):1: unknown column(s) colour; expected sample, vcf"), "\(unknown.message)")
  }

  /// Sample `X_mqc`'s report and sample `X`'s MultiQC file are both `X_mqc.json` (and `X.phenopacket`'s
  /// report is `X`'s phenopacket): one overwrote the other. Such ids are refused, in either order.
  @Test(arguments: [("X", "X_mqc", "X_mqc"), ("X_mqc", "X", "X_mqc"), ("P", "P.phenopacket", "P.phenopacket"), ("Q.phenopacket", "Q", "Q.phenopacket")])
  func idsWhoseFilesWouldCollideAreRefused(first: String, second: String, shared: String) throws {
    let (path, message) = try refusal(ofSheet: "sample\tvcf\n\(first)\ta.vcf\n\(second)\tb.vcf\n")
    #expect(message.contains("samples.tsv:3") && message.contains("would both write \(shared).json"), "\(message)")
    // Names that only look alike are fine.
    try "sample\tvcf\nX\ta.vcf\nX_mqc2\tb.vcf\nXmqc\tc.vcf\n".write(toFile: path, atomically: true, encoding: .utf8)
    let sheet = try SampleSheet(path: path, reportName: RunPipeline.safeFileName, derivedSuffixes: RunPipeline.derivedNameSuffixes)
    #expect(sheet.entries.map(\.id) == ["X", "X_mqc2", "Xmqc"])
  }
}

@Suite struct BatchSheetTests {
  func write(_ text: String) throws -> String {
    let path = TestData.temporaryDirectory("batch-sheet") + "/samples.tsv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// One row's `sample_type=blood` refused all 50 rows; a misspelt tumour type was reported "ok".
  @Test func aBadValueFailsItsRowOnly() throws {
    let vcf = TestData.path("testdata/vcf/structural.grch38.vcf")
    let path = try write(
      "sample\tvcf\ttumor_type\tsample_type\nGOOD\t\(vcf)\tES\t\nBLOOD\t\(vcf)\tES\tblood\nTYPO\t\(vcf)\tGSIT\t\nLOWER\t\(vcf)\tes\t\nNOVCF\t\t\t\n")
    let options = BatchPipeline.Options(
      samplesPath: path, panelPath: TestData.path("panels/sarcoma"), outputDirectory: TestData.temporaryDirectory("batch-rows"))
    let outcome = try BatchPipeline.run(options)
    #expect(outcome.results.map(\.status) == [.ok, .failed, .failed, .ok, .failed])
    let messages = outcome.results.map { $0.message ?? "" }
    #expect(messages[1] == "\(path):3: column 'sample_type': expected tumor or germline, found 'blood'")
    #expect(messages[2].hasPrefix("\(path):4: column 'tumor_type': 'GSIT' is not a tumour type") && messages[2].contains("nearest: GIST"))
    #expect(messages[4] == "\(path):6: column 'vcf': expected a value, found nothing")
    // The code is the panel's spelling whatever the case given.
    let lower = try JSONReport.read(path: "\(options.outputDirectory)/LOWER.json").report
    #expect(lower.sample.tumorType == "ES")
  }

  /// Two ids mapping to one file name refused the sheet with a multi-line error, the second line unprefixed.
  @Test func sheetProblemsAreListedOneLineEachWithTheirLine() throws {
    let path = try write("sample\tvcf\tcolour\na b\tx.vcf\tred\na_b\ty.vcf\tblue\nC\tz.vcf\tgreen\nC\tw.vcf\tgreen\n")
    let options = BatchPipeline.Options(
      samplesPath: path, panelPath: TestData.path("panels/sarcoma"), outputDirectory: TestData.temporaryDirectory("batch-rows"))
    var lines: [String] = []
    do {
      _ = try BatchPipeline.run(options)
    } catch let error as SarcoError {
      lines = error.message.split(separator: "\n").map(String.init)
    }
    #expect(lines == [
      "\(path):1: unknown column(s) colour; expected sample, vcf, bam, vcf_sample, normal, tumor_type, sex, sample_type, fusions, cna, age, genome",
      "\(path):3: sample 'a_b' and 'a b' (line 2) both give report files named a_b.*",
      "\(path):5: sample 'C' already named on line 4; sample ids must be unique",
    ])
  }
}

@Suite struct PanelViewsTests {
  /// A view made for a batch carries the somatic index built beside it from the panel alone, equal to
  /// the one built from the view, and the tables its samples read are made the same way.
  @Test func aSharedViewHoldsTheSameIndexAsOneBuiltFromTheView() throws {
    let panel = TestPanels.sarcoma
    for build in GenomeBuild.allCases where panel.manifest.builds.contains(build) {
      let shared = try PanelViews(panel: panel).view(for: build)
      let plain = try PanelView(panel: panel, build: build)
      #expect(shared.somaticIndex == SomaticKnowledgeIndex(view: plain))
      #expect(shared.codingFootprint == plain.codingFootprint)
      #expect(shared.evidenceByGene == plain.evidenceByGene)
    }
    // A build the panel does not support is refused, as a plain view refuses it.
    #expect(throws: SarcoError.self) { try PanelViews(panel: TestPanels.mini38).view(for: .grch37) }
  }
}
