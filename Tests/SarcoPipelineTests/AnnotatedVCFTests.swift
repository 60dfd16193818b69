import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoPipeline
import SarcoReports
import SarcoTestSupport
import Testing

/// Runs a sample with `--vcf-out` (and `--maf` when `maf` is set); the outputs go in `out`.
func runWithExports(
  _ vcf: String, out: String, vcfOut: String?, maf: String? = nil, tumorType: String? = nil, threads: Int = 1,
  access: VCFReader.Access = .automatic, sampleType: ClinicalAssessor.SampleType = .tumor, genome: GenomeBuild? = nil,
  strict: Bool = false
) throws -> RunOutcome {
  var options = RunOptions(
    vcfPath: vcf.hasPrefix("/") ? vcf : TestData.path(vcf), panelPath: TestData.path("panels/sarcoma"), outputDirectory: out,
    tumorType: tumorType, sampleID: "S", genome: genome, threads: threads, access: access,
    commandLine: ["sarcopanel", "run"])
  options.vcfOutPath = vcfOut.map { "\(out)/\($0)" }
  options.mafPath = maf.map { "\(out)/\($0)" }
  options.sampleType = sampleType
  options.strict = strict
  return try RunPipeline.run(options, panel: TestPanels.sarcoma)
}

/// Runs a shell command that must succeed; returns its output.
func succeeding(_ command: String) throws -> String {
  let result = try shell(command)
  #expect(result.status == 0, "\(command): \(result.output)")
  return result.output
}

/// The data lines of a VCF as `bcftools view -H` prints them.
func bcftoolsRecords(_ path: String) throws -> [String] {
  try succeeding("bcftools view -H '\(path)'").split(separator: "\n").map(String.init)
}

@Suite(.enabled(if: Prerequisite.tool("bcftools"), "needs bcftools (apt-get install bcftools)"))
struct AnnotatedVCFTests {
  /// The demo GIST sample: bcftools reads the tiers back, and the file indexes.
  @Test func demoSampleShowsTierIAInBcftoolsQuery() throws {
    let out = TestData.temporaryDirectory("vcfout")
    _ = try runWithExports("testdata/vcf/tumor_only.grch38.vcf.gz", out: out, vcfOut: "S.vcf.gz", tumorType: "GIST")
    let tiers = try succeeding("bcftools query -f '%SP_TIER\\n' \(out)/S.vcf.gz").split(separator: "\n")
    #expect(tiers == ["I-A", ".", "I-A", "III", "II-D"])
    let genes = try succeeding("bcftools query -f '%SP_GENE %SP_HGVSP %SP_ESCAT %SP_ONCOGENICITY %SP_ORIGIN\\n' \(out)/S.vcf.gz")
    #expect(genes.contains("PDGFRA p.(Asp842Val) I-B Likely_oncogenic possibly_germline"))
    #expect(genes.contains("KIT p.(Trp557_Lys558del) I-A"))
    _ = try succeeding("bcftools index \(out)/S.vcf.gz && bcftools view -H -r 4:54285926 \(out)/S.vcf.gz | grep -q SP_TIER=I-A")
    let header = try succeeding("bcftools view -h \(out)/S.vcf.gz")
    #expect(header.contains("##INFO=<ID=SP_TIER,Number=A,Type=String,Description=\"sarcopanel: AMP/ASCO/CAP 2017 tier"))
    #expect(header.contains("##sarcopanelVersion=\(SarcopanelVersion.current)"))
    #expect(header.contains("##sarcopanelPanel=sarcoma\n##sarcopanelPanelVersion=\(TestPanels.sarcoma.manifest.version)"))
    #expect(header.contains("##sarcopanelPanelChecksum=\(TestPanels.sarcoma.checksum)"))
    #expect(header.contains("##sarcopanelCommand=sarcopanel run"))
    // The input's own header is kept.
    #expect(header.contains("##INFO=<ID=EXP,") && header.contains("##contig=<ID=17,length=83257441"))
  }

  /// Every record of the panel's regions, in input order, the invalid and the repeated ones too.
  @Test func everyPanelRecordIsKeptInInputOrder() throws {
    let out = TestData.temporaryDirectory("vcfout")
    let lines = try String(contentsOfFile: TestData.path("testdata/vcf/tumor_only.grch38.vcf"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let records = lines.filter { !$0.hasPrefix("#") }
    let invalid = "4\t54727440\t.\tA\tA\t.\tPASS\tDP=10\tGT:AD:AF:DP\t0/1:5,5:0.5:10"
    let input = "\(out)/in.vcf"
    try (lines.filter { $0.hasPrefix("#") } + records.prefix(3) + [invalid] + records.dropFirst(3) + [records.last!])
      .joined(separator: "\n").appending("\n").write(toFile: input, atomically: true, encoding: .utf8)
    _ = try runWithExports(input, out: out, vcfOut: "S.vcf", tumorType: "GIST")
    let written = try bcftoolsRecords("\(out)/S.vcf")
    // The record at 4:1000000 is outside the panel; the others come back with the same columns and order.
    let expected = (records.prefix(3) + [invalid] + records.dropFirst(3) + [records.last!]).filter { !$0.hasPrefix("4\t1000000\t") }
    #expect(written.count == expected.count)
    for (line, original) in zip(written, expected) {
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
      let originalColumns = original.split(separator: "\t", omittingEmptySubsequences: false)
      #expect(columns.prefix(7) == originalColumns.prefix(7))
      #expect(columns[7].hasPrefix(originalColumns[7]))
      #expect(columns.dropFirst(8) == originalColumns.dropFirst(8))
    }
    // The invalid record (REF = ALT) is copied without annotation; the repeated TP53 record is annotated like the first.
    #expect(written[2].split(separator: "\t")[7] == "DP=10")
    #expect(written[written.count - 1] == written[written.count - 2])
  }

  @Test func multiallelicRecordsCarryOneValuePerAlt() throws {
    let out = TestData.temporaryDirectory("vcfout")
    _ = try runWithExports("testdata/vcf/multiallelic.grch38.vcf", out: out, vcfOut: "S.bcf")
    let values = try succeeding("bcftools query -f '%ALT %SP_CONSEQUENCE %SP_HGVSP %SP_TIER\\n' \(out)/S.bcf")
      .split(separator: "\n")
    #expect(values[0] == "ACG,GTG synonymous_variant,missense_variant p.(Arg248%3D),p.(Arg248Gln) IV,II-D")
    // `*` has no variant: its place holds `.`.
    #expect(values[1].hasPrefix("CT,C,* frameshift_variant,frameshift_variant,. "))
    #expect(values[1].hasSuffix(",."))
    // bcftools splits Number=A fields with the ALTs.
    let split = try succeeding("bcftools norm -m- \(out)/S.bcf 2>/dev/null | bcftools query -f '%ALT %SP_HGVSP\\n'")
    #expect(split.hasPrefix("ACG p.(Arg248%3D)\nGTG p.(Arg248Gln)\n"))
    _ = try succeeding("bcftools index \(out)/S.bcf")
  }

  /// `.vcf`, `.vcf.gz` and `.bcf` hold the same records; the same bytes for any thread count and access path.
  @Test func formatsAgreeAndBytesDoNotDependOnThreadsOrAccess() throws {
    for scenario in ["tumor_only.grch38.vcf.gz", "structural.grch38.bcf", "multiallelic.grch38.vcf", "vep_annotated.grch38.vcf.gz"] {
      let input = "testdata/vcf/\(scenario)"
      let one = TestData.temporaryDirectory("vcfout")
      let two = TestData.temporaryDirectory("vcfout")
      let streamed = TestData.temporaryDirectory("vcfout")
      _ = try runWithExports(input, out: one, vcfOut: "S.vcf.gz", maf: "S.maf", threads: 1)
      _ = try runWithExports(input, out: two, vcfOut: "S.vcf.gz", maf: "S.maf", threads: 2)
      _ = try runWithExports(input, out: streamed, vcfOut: "S.vcf.gz", maf: "S.maf", threads: 2, access: .stream)
      for file in ["S.vcf.gz", "S.maf"] {
        #expect(try bytes("\(one)/\(file)") == bytes("\(two)/\(file)"), "\(scenario) \(file), 1 and 2 threads")
        #expect(try bytes("\(one)/\(file)") == bytes("\(streamed)/\(file)"), "\(scenario) \(file), indexed and streamed")
      }
      let plain = TestData.temporaryDirectory("vcfout")
      let binary = TestData.temporaryDirectory("vcfout")
      _ = try runWithExports(input, out: plain, vcfOut: "S.vcf")
      _ = try runWithExports(input, out: binary, vcfOut: "S.bcf")
      #expect(try bcftoolsRecords("\(plain)/S.vcf") == bcftoolsRecords("\(one)/S.vcf.gz"), "\(scenario)")
      #expect(try bcftoolsRecords("\(binary)/S.bcf") == bcftoolsRecords("\(one)/S.vcf.gz"), "\(scenario)")
      _ = try succeeding("bcftools index '\(one)/S.vcf.gz' && bcftools index '\(binary)/S.bcf'")
    }
  }

  /// Contigs the input never declared (records parsed anyway, as htslib does) are declared in the output,
  /// so a BCF, whose records refer to header entries, stays readable and indexable.
  @Test func undeclaredContigsAreDeclaredForBCF() throws {
    let out = TestData.temporaryDirectory("vcfout")
    let text = try String(contentsOfFile: TestData.path("testdata/vcf/germline.grch38.vcf"), encoding: .utf8)
    try text.split(separator: "\n").filter { !$0.hasPrefix("##contig") }.joined(separator: "\n").appending("\n")
      .write(toFile: "\(out)/nocontig.vcf", atomically: true, encoding: .utf8)
    _ = try runWithExports("\(out)/nocontig.vcf", out: out, vcfOut: "S.bcf", sampleType: .germline, genome: .grch38)
    #expect(try succeeding("bcftools view -h \(out)/S.bcf").contains("##contig=<ID=17>"))
    let classes = try succeeding("bcftools query -f '%POS %SP_ACMG\\n' \(out)/S.bcf")
    #expect(classes == "7674894 Likely_pathogenic\n7676154 Benign\n7687700 .\n")
    _ = try succeeding("bcftools index \(out)/S.bcf")
  }

  /// An annotated output read again: its SP_* fields and sarcopanel lines are replaced, not doubled.
  @Test func reannotatingAnOutputReplacesItsFields() throws {
    let first = TestData.temporaryDirectory("vcfout")
    let second = TestData.temporaryDirectory("vcfout")
    _ = try runWithExports("testdata/vcf/tumor_only.grch38.vcf", out: first, vcfOut: "S.vcf.gz", tumorType: "GIST")
    _ = try runWithExports("\(first)/S.vcf.gz", out: second, vcfOut: "S.vcf", tumorType: "GIST")
    let header = try succeeding("bcftools view -h \(second)/S.vcf")
    #expect(header.components(separatedBy: "##INFO=<ID=SP_TIER,").count == 2)
    #expect(header.components(separatedBy: "##sarcopanelVersion=").count == 2)
    #expect(try bcftoolsRecords("\(second)/S.vcf") == bcftoolsRecords("\(first)/S.vcf.gz"))
  }

  /// `--vcf-out` naming the input, or the MAF's file, is refused before anything is written.
  @Test func anOutputThatIsTheInputIsRefused() throws {
    let out = TestData.temporaryDirectory("vcfout")
    let input = "\(out)/in.vcf"
    try FileManager.default.copyItem(atPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf"), toPath: input)
    let before = try bytes(input)
    #expect(throws: SarcoError.self) { try runWithExports(input, out: out, vcfOut: "in.vcf") }
    #expect(try bytes(input) == before)
    #expect(throws: SarcoError.self) { try runWithExports(input, out: out, vcfOut: "x.vcf", maf: "x.vcf") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["in.vcf"])
  }

  /// A run that fails after the records were read leaves neither the VCF, the MAF nor their working files.
  @Test func aFailedRunLeavesNoExports() throws {
    let out = TestData.temporaryDirectory("vcfout")
    let lines = try String(contentsOfFile: TestData.path("testdata/vcf/tumor_only.grch38.vcf"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let invalid = "17\t7674230\t.\tC\tC\t.\tPASS\tDP=10\tGT:AD:AF:DP\t0/1:5,5:0.5:10"
    try (lines + [invalid]).joined(separator: "\n").appending("\n").write(toFile: "\(out)/in.vcf", atomically: true, encoding: .utf8)
    #expect(throws: SarcoError.self) { try runWithExports("\(out)/in.vcf", out: out, vcfOut: "S.vcf.gz", maf: "S.maf", strict: true) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["in.vcf"])
  }

  @Test func formatComesFromTheFileName() {
    #expect(VariantOutputFormat(fileName: "a/T1.vcf") == .vcf)
    #expect(VariantOutputFormat(fileName: "T1.VCF.GZ") == .vcfBGZF)
    #expect(VariantOutputFormat(fileName: "T1.vcf.bgz") == .vcfBGZF)
    #expect(VariantOutputFormat(fileName: "T1.bcf") == .bcf)
    #expect(VariantOutputFormat(fileName: "T1.vcf.txt") == nil)
    #expect(VariantOutputFormat(fileName: "T1.gz") == nil)
  }

  @Test func valuesAreEscapedForVCF() {
    #expect(AnnotatedVCFTags.escaped("Likely oncogenic") == "Likely_oncogenic")
    #expect(AnnotatedVCFTags.escaped("p.(Leu54=)") == "p.(Leu54%3D)")
    #expect(AnnotatedVCFTags.escaped("a;b,c=d%e\tf") == "a%3Bb%2Cc%3Dd%25e%09f")
    #expect(AnnotatedVCFTags.escaped("") == ".")
  }
}
