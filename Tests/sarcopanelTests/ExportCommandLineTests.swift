import Foundation
import SarcoTestSupport
import Testing

@Suite struct ExportCommandLineTests {
  @Test func runWritesTheAnnotatedVCFAndTheMAF() throws {
    let out = TestData.temporaryDirectory("cli-export")
    let result = try sarcopanel([
      "run", "--vcf", "testdata/vcf/tumor_only.grch38.vcf.gz", "--tumor-type", "GIST", "--out", out,
      "--vcf-out", "\(out)/GIST01.sarcopanel.bcf", "--maf", "\(out)/GIST01.maf",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("wrote \(out)/GIST01.sarcopanel.bcf\n") && result.stderr.contains("wrote \(out)/GIST01.maf\n"))
    let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(files == ["GIST01.findings.tsv", "GIST01.html", "GIST01.json", "GIST01.maf", "GIST01.sarcopanel.bcf", "GIST01.variants.tsv", "GIST01_mqc.json"])
    // The header records the command line as the JSON does (without --threads).
    let json = try String(contentsOfFile: "\(out)/GIST01.json", encoding: .utf8)
    #expect(json.contains("\"--vcf-out\""))
  }

  @Test func badOutputNamesAreUsageErrors() throws {
    let out = TestData.temporaryDirectory("cli-export")
    let wrongExtension = try sarcopanel(["run", "--vcf", "testdata/vcf/tumor_only.grch38.vcf", "--out", out, "--vcf-out", "\(out)/x.txt"])
    #expect(wrongExtension.status == 2)
    #expect(wrongExtension.stderr.contains("--vcf-out must name a .vcf, .vcf.gz or .bcf file"))
    let input = try sarcopanel([
      "run", "--vcf", "testdata/vcf/tumor_only.grch38.vcf", "--out", out, "--vcf-out", "testdata/vcf/tumor_only.grch38.vcf",
    ])
    #expect(input.status == 2)
    #expect(input.stderr.contains("testdata/vcf/tumor_only.grch38.vcf: is the input VCF; choose another output name"))
    let format = try sarcopanel(["batch", "--samples", "workflow/samples.example.tsv", "--out", out, "--vcf-out-format", "vcf.zip"])
    #expect(format.status == 2 && format.stderr.contains("--vcf-out-format must be vcf, vcf.gz or bcf"))
  }

  @Test func helpExplainsTheExports() throws {
    let run = try sarcopanel(["run", "--help"])
    #expect(run.stdout.contains("--vcf-out <file>") && run.stdout.contains("--maf <file>"))
    #expect(run.stdout.contains("bcftools query") && run.stdout.contains("SP_TIER"))
    let batch = try sarcopanel(["batch", "--help"])
    #expect(batch.stdout.contains("--vcf-out-format <format>") && batch.stdout.contains("OUT/cohort.maf"))
  }
}
