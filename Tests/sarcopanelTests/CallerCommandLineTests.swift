import Foundation
import SarcoTestSupport
import Testing

/// Real callers' outputs from the command line: several files of one sample, Strelka2's generic columns.
@Suite struct CallerCommandLineTests {
  let snvs = "testdata/vcf/T001_vs_N001.strelka.somatic_snvs.vcf.gz"
  let indels = "testdata/vcf/T001_vs_N001.strelka.somatic_indels.vcf.gz"

  @Test func strelkasTwoFilesGiveOneReportNamedAfterTheSample() throws {
    let out = TestData.temporaryDirectory("cli-callers")
    let result = try sarcopanel(["run", "--vcf", snvs, "--vcf", indels, "--tumor-type", "GIST", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("sarcopanel: \(snvs): vcf.gz, GRCh38") && result.stderr.contains("sarcopanel: \(indels): vcf.gz, GRCh38"))
    #expect(result.stderr.contains("5 variants (4 PASS) in 4 panel genes"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
      "T001_vs_N001.findings.tsv", "T001_vs_N001.html", "T001_vs_N001.json", "T001_vs_N001.variants.tsv", "T001_vs_N001_mqc.json",
    ])
    let json = try String(contentsOfFile: "\(out)/T001_vs_N001.json", encoding: .utf8)
    #expect(json.contains("\"mergedWith\" : [") && json.contains("\"fileName\" : \"T001_vs_N001.strelka.somatic_indels.vcf.gz\""))
  }

  @Test func aGenericColumnNameNeverReplacesAnotherInputsReport() throws {
    let folder = TestData.temporaryDirectory("cli-callers")
    let source = try String(contentsOfFile: TestData.path("testdata/vcf/strelka_somatic.grch38.vcf"), encoding: .utf8)
    for (name, text) in [("P1", source), ("P2", source.replacingOccurrences(of: "300:200,205", with: "310:210,205"))] {
      try FileManager.default.createDirectory(atPath: "\(folder)/\(name)", withIntermediateDirectories: true)
      try text.write(toFile: "\(folder)/\(name)/somatic.snvs.vcf", atomically: true, encoding: .utf8)
    }
    let out = "\(folder)/out"
    let first = try sarcopanel(["run", "--vcf", "\(folder)/P1/somatic.snvs.vcf", "--out", out])
    #expect(first.status == 0)
    #expect(first.stderr.contains("warning: the tumour column is the caller's generic name 'TUMOR'"))
    #expect(try sarcopanel(["run", "--vcf", "\(folder)/P1/somatic.snvs.vcf", "--out", out, "-q"]).status == 0)
    let second = try sarcopanel(["run", "--vcf", "\(folder)/P2/somatic.snvs.vcf", "--out", out])
    #expect(second.status == 2)
    #expect(second.stderr.contains("sarcopanel: \(out)/TUMOR.json already holds the report of another input"))
    #expect(second.stderr.contains("give --sample-id"))
    #expect(try sarcopanel(["run", "--vcf", "\(folder)/P2/somatic.snvs.vcf", "--out", out, "--sample-id", "P2"]).status == 0)
  }

  @Test func filesThatAreNotOneSamplesAreRefused() throws {
    let out = TestData.temporaryDirectory("cli-callers")
    let build = try sarcopanel(["run", "--vcf", snvs, "--vcf", "testdata/vcf/chr_prefix.grch37.vcf", "--out", out])
    #expect(build.status == 1 && build.stderr.contains("genome build GRCh37"))
    let samples = try sarcopanel(["run", "--vcf", snvs, "--vcf", "testdata/vcf/tumor_only.grch38.vcf", "--out", out])
    #expect(samples.status == 2 && samples.stderr.contains("do not name the same samples"))
    let twice = try sarcopanel(["run", "--vcf", snvs, "--vcf", snvs, "--out", out])
    #expect(twice.status == 2 && twice.stderr.contains("is already given"))
    let none = try sarcopanel(["run", "--out", out])
    #expect(none.status == 2 && none.stderr.contains("--vcf"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
  }

  @Test func standardInputMergesWithAFileButNamesNoSample() throws {
    let out = TestData.temporaryDirectory("cli-callers")
    let merged = try sarcopanel(["run", "--vcf", "-", "--vcf", indels, "--out", out, "-q"], standardInput: TestData.path(snvs))
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(FileManager.default.fileExists(atPath: "\(out)/T001_vs_N001.json"))
    let alone = try sarcopanel(["run", "--vcf", "-", "--out", out, "-q"], standardInput: TestData.path(indels))
    #expect(alone.status == 0 && FileManager.default.fileExists(atPath: "\(out)/TUMOR.json"))
    let twice = try sarcopanel(["run", "--vcf", "-", "--vcf", "-", "--out", out], standardInput: TestData.path(indels))
    #expect(twice.status == 2 && twice.stderr.contains("--vcf -: standard input is given twice"))
  }

  @Test func helpExplainsSeveralFilesAndReportNames() throws {
    let run = try sarcopanel(["run", "--help"])
    #expect(run.stdout.contains("give --vcf once per file") && run.stdout.contains("TUMOR, TUMOUR, NORMAL, SAMPLE"))
    #expect(run.stdout.contains("--vcf T001_vs_N001.strelka.somatic_indels.vcf.gz"))
    let batch = try sarcopanel(["batch", "--help"])
    #expect(batch.stdout.contains("joined by commas") && batch.stdout.contains("merged by position"))
  }
}
