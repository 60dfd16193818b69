import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoPipeline
import SarcoReports
import SarcoTestSupport
import Testing

/// nf-core/sarek's Strelka2 files of sample T001 (tumour) against N001 (normal).
let strelkaSNVs = TestData.path("testdata/vcf/T001_vs_N001.strelka.somatic_snvs")
let strelkaIndels = TestData.path("testdata/vcf/T001_vs_N001.strelka.somatic_indels")

/// `sarcopanel run` on several files of one sample; `sampleID` nil lets the run name the report.
func runFiles(
  _ vcfs: [String], out: String? = nil, sampleID: String? = nil, threads: Int = 1, access: VCFReader.Access = .automatic,
  configure: (inout RunOptions) -> Void = { _ in }
) throws -> RunOutcome {
  var options = RunOptions(
    vcfPath: vcfs[0], panelPath: TestData.path("panels/sarcoma"), outputDirectory: out ?? TestData.temporaryDirectory("callers"),
    sampleID: sampleID, threads: threads, access: access, commandLine: ["sarcopanel", "run"])
  options.vcfPaths = vcfs
  configure(&options)
  return try RunPipeline.run(options, panel: TestPanels.sarcoma)
}

/// The `SarcoError` a body throws, or nil when it succeeds.
func failure(_ body: () throws -> Void) -> SarcoError? {
  do {
    try body()
    return nil
  } catch {
    return error as? SarcoError
  }
}

@Suite struct MergedInputTests {
  @Test func strelkaSNVsAndIndelsGiveOneReportInPositionOrder() throws {
    let outcome = try runFiles(["\(strelkaSNVs).vcf.gz", "\(strelkaIndels).vcf.gz"])
    let report = try outcome.fullReport()
    // Strelka's tumour column is TUMOR: the report is named after the sample the file names give.
    #expect(report.sample.id == "T001_vs_N001" && report.sample.vcfSample == "TUMOR" && report.sample.normalSample == "NORMAL")
    #expect(outcome.jsonPath.hasSuffix("/T001_vs_N001.json"))
    #expect(report.variants.map { "\($0.variant.contig):\($0.variant.original.position) \($0.variant.kind.rawValue)" } == [
      "chr4:54285926 snv", "chr4:54700000 snv", "chr4:54727436 deletion", "chr12:68835900 deletion", "chr17:7674220 snv",
    ])
    #expect(report.variants.map { $0.variant.tumor?.depthSource ?? "" } == [
      "AU/CU/GU/TU tier 1 (Strelka2 SNV)", "AU/CU/GU/TU tier 1 (Strelka2 SNV)", "TAR,TIR tier 1 (Strelka2 indel)",
      "TAR,TIR tier 1 (Strelka2 indel)", "AU/CU/GU/TU tier 1 (Strelka2 SNV)",
    ])
    #expect(report.qc.variantsByKind == ["snv": 3, "deletion": 2])
    // Every expectation written into either file is met.
    let expected = try (expectations("testdata/vcf/T001_vs_N001.strelka.somatic_snvs.vcf")
      + expectations("testdata/vcf/T001_vs_N001.strelka.somatic_indels.vcf")).filter { $0.labels != ["none"] }
    #expect(Set(expected.map { "\($0.position) \($0.labels[0])" })
      == Set(report.variants.map { "\($0.variant.original.position) \($0.genes[0].gene):\($0.genes[0].label)" }))
    // The report names every input with its SHA-256.
    #expect(report.input.fileName == "T001_vs_N001.strelka.somatic_snvs.vcf.gz")
    #expect(report.input.sha256 == (try FileDigest.sha256(ofFileAt: "\(strelkaSNVs).vcf.gz")))
    #expect(report.input.mergedWith == [
      SampleReport.InputFile(
        fileName: "T001_vs_N001.strelka.somatic_indels.vcf.gz", sha256: try FileDigest.sha256(ofFileAt: "\(strelkaIndels).vcf.gz"),
        format: "vcf.gz"),
    ])
    #expect(JSONReport.render(report) == (try JSONReportTests().reference(report)))
  }

  @Test(.enabled(if: Prerequisite.jsonSchemaValidator, "needs python3-jsonschema (scripts/test installs it with snakemake)"))
  func aMergedReportFollowsThePublishedSchema() throws {
    let outcome = try runFiles(["\(strelkaSNVs).bcf", "\(strelkaIndels).vcf"], sampleID: "T001")
    #expect(outcome.report.input.mergedWith?.first?.format == "vcf")
    let problems = try #require(try ReportSchema.problems([outcome.jsonPath]))
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  /// Streamed or indexed, any thread count: the same bytes (per input format, whose name and digest the report holds).
  @Test(arguments: ["vcf.gz", "bcf"])
  func sameBytesStreamedIndexedAndAtAnyThreadCount(format: String) throws {
    var outputs: [[Data]] = []
    for (access, threads) in [(VCFReader.Access.stream, 1), (.index, 2), (.stream, 2), (.index, 1)] {
      let out = TestData.temporaryDirectory("callers")
      let outcome = try runFiles(["\(strelkaSNVs).\(format)", "\(strelkaIndels).\(format)"], out: "\(out)/", sampleID: "T001",
        threads: threads, access: access) { $0.vcfOutPath = "\(out)/T001.annotated.vcf"; $0.mafPath = "\(out)/T001.maf" }
      #expect(outcome.statistics.access == access)
      outputs.append(try ["T001.json", "T001.variants.tsv", "T001.findings.tsv", "T001.annotated.vcf", "T001.maf"].map {
        try bytes("\(out)/\($0)")
      })
    }
    for other in outputs.dropFirst() { #expect(other == outputs[0]) }
  }

  @Test func aVariantInBothFilesIsKeptOnceAndCountedAsADuplicate() throws {
    let directory = TestData.temporaryDirectory("callers")
    let snvs = try writeVCF("P1.snvs.vcf", in: directory, records: [vcfLine("4", 54285926, "A", "T"), vcfLine("17", 7674220, "C", "T")])
    let more = try writeVCF("P1.more.vcf", in: directory, records: [vcfLine("12", 68835900, "AT", "A"), vcfLine("17", 7674220, "C", "T")])
    let report = try runFiles([snvs, more], sampleID: "P1").fullReport()
    #expect(report.variants.map(\.variant.position) == [54285926, 68835900, 7674220])
    #expect(report.qc.duplicateVariants == 1)
    #expect(report.clinical?.notes.contains { $0.contains("1 variant(s) dropped as duplicates") && $0.contains("P1.more.vcf line 9 (17:7674220)") } == true)
  }

  /// A gVCF (HaplotypeCaller -ERC GVCF, bcftools --gvcf): reference blocks and the <NON_REF>/<*>
  /// stand-in beside a called ALT are not variants. They were reported as symbolic variants (and
  /// counted as structural ones) in the JSON, the variants TSV and QC.
  @Test func gVCFStandInsForUnobservedAllelesAreNotVariants() throws {
    let directory = TestData.temporaryDirectory("callers")
    let gvcf = try writeVCF("G1.g.vcf", in: directory, records: [
      "17\t7674100\t.\tG\t<NON_REF>\t.\t.\t.\tGT:AD\t0/0:30,0",
      "17\t7674220\t.\tC\tT,<NON_REF>\t500\t.\t.\tGT:AD\t0/1:20,18,0",
      "17\t7674221\t.\tG\t<*>\t.\t.\t.\tGT:AD\t0/0:31,0",
      // Inside an upstream deletion: no called ALT either.
      "17\t7674222\t.\tG\t*,<NON_REF>\t100\t.\t.\tGT:AD\t0/1:20,18,0",
      // A symbolic allele that is called stays a variant.
      "17\t7674300\t.\tG\t<DEL>,<NON_REF>\t60\t.\t.\tGT:AD\t0/1:20,9,0",
    ])
    let report = try runFiles([gvcf], sampleID: "G1").fullReport()
    #expect(report.variants.map { "\($0.variant.position) \($0.variant.alternate)" } == ["7674220 T", "7674300 <DEL>"])
    #expect(report.qc.variants == 2 && report.qc.panelRecords == 5)
    #expect(report.qc.structuralVariants == 1)
    // 'T,<NON_REF>' and '*,<NON_REF>' hold one ALT besides the stand-in: not multi-allelic.
    #expect(report.qc.multiallelicRecords == 0)
    #expect(report.clinical?.notes.contains {
      $0.contains("gVCF input: 3 reference block(s) and the <NON_REF>/<*> allele of 2 variant record(s)")
    } == true)
    // A plain VCF gets no such note.
    let plain = try writeVCF("G2.vcf", in: directory, records: [vcfLine("17", 7674220, "C", "T")])
    #expect(try runFiles([plain], sampleID: "G2").fullReport().clinical?.notes.contains { $0.contains("gVCF") } == false)
  }

  @Test func filesOfAnotherBuildOrSampleAreRefusedNamingBoth() throws {
    let snvs = "\(strelkaSNVs).vcf"
    let build = try #require(failure { _ = try runFiles([snvs, TestData.path("testdata/vcf/chr_prefix.grch37.vcf")]) })
    #expect(build.exitStatus == 1)
    #expect(build.message.hasPrefix(TestData.path("testdata/vcf/chr_prefix.grch37.vcf")) && build.message.contains(snvs))
    #expect(build.message.contains("GRCh37") && build.message.contains("GRCh38"))
    let other = TestData.path("testdata/vcf/tumor_only.grch38.vcf")
    let samples = try #require(failure { _ = try runFiles([snvs, other]) })
    #expect(samples.exitStatus == 2)
    #expect(samples.message.contains("\(other) (tumour 'GIST01', normal none) and \(snvs) (tumour 'TUMOR', normal 'NORMAL')"))
    let twice = try #require(failure { _ = try runFiles([snvs, snvs]) })
    #expect(twice.exitStatus == 2 && twice.message.contains("is already given"))
    // Nothing was written by the refused runs.
    let out = TestData.temporaryDirectory("callers")
    _ = failure { _ = try runFiles([snvs, other], out: out) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
  }

  @Test(.enabled(if: Prerequisite.tool("bcftools"), "needs bcftools"))
  func oneAnnotatedVCFHoldsBothFilesRecordsAndHeaders() throws {
    let out = TestData.temporaryDirectory("callers")
    let vcfOut = "\(out)/T001.sarcopanel.vcf.gz"
    _ = try runFiles(["\(strelkaSNVs).bcf", "\(strelkaIndels).vcf.gz"], out: out) { $0.vcfOutPath = vcfOut }
    let query = try shell("bcftools query -f '%CHROM:%POS %SP_GENE[ %AU][ %TIR]\\n' '\(vcfOut)'")
    #expect(query.status == 0)
    #expect(query.output.split(separator: "\n") == [
      "chr4:54285926 PDGFRA 60,61 180,182 . .", "chr4:54700000 KIT 0,0 5,5 . .", "chr4:54727436 KIT . . 0,0 104,106",
      "chr12:68835900 MDM2 . . 0,0 30,31", "chr17:7674220 TP53 0,0 0,0 . .",
    ])
    let header = try shell("bcftools view -h '\(vcfOut)' | grep -c -E '^##INFO=<ID=(QSS|QSI|SP_TIER),'")
    #expect(header.output.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
    #expect(try shell("bcftools index '\(vcfOut)'").status == 0)
  }

  @Test func anAnnotatedVCFNeedsOneSetOfSampleColumns() throws {
    let directory = TestData.temporaryDirectory("callers")
    let tumourOnly = try writeVCF("T001.tumour_only.vcf", in: directory, contigs: ["chr4", "chr17"], records: [vcfLine("chr17", 7674220, "C", "T")])
    try String(contentsOfFile: tumourOnly, encoding: .utf8).replacingOccurrences(of: "FORMAT\tS", with: "FORMAT\tTUMOR")
      .write(toFile: tumourOnly, atomically: true, encoding: .utf8)
    let error = try #require(failure {
      _ = try runFiles(["\(strelkaSNVs).vcf", tumourOnly], sampleID: "T001") {
        $0.sample = "TUMOR"
        $0.vcfOutPath = "\(directory)/out.vcf"
      }
    })
    #expect(error.exitStatus == 2 && error.message.contains("have different sample columns (NORMAL, TUMOR; TUMOR)"))
    // Without --vcf-out the two files make one report.
    #expect(try runFiles(["\(strelkaSNVs).vcf", tumourOnly], sampleID: "T001") { $0.sample = "TUMOR" }.report.qc.duplicateVariants == 1)
  }

  @Test func aBatchRowMayListTheSamplesFiles() throws {
    let directory = TestData.temporaryDirectory("callers")
    for file in ["\(strelkaSNVs).vcf.gz", "\(strelkaIndels).vcf.gz"] {
      try FileManager.default.copyItem(atPath: file, toPath: "\(directory)/\(URL(fileURLWithPath: file).lastPathComponent)")
    }
    let sheet = "\(directory)/samples.tsv"
    try "sample\tvcf\ttumor_type\nT001\tT001_vs_N001.strelka.somatic_snvs.vcf.gz, T001_vs_N001.strelka.somatic_indels.vcf.gz\tGIST\n"
      .write(toFile: sheet, atomically: true, encoding: .utf8)
    let out = TestData.temporaryDirectory("callers-batch")
    let options = BatchPipeline.Options(samplesPath: sheet, panelPath: TestData.path("panels/sarcoma"), outputDirectory: out)
    let first = try BatchPipeline.run(options)
    #expect(first.results.map(\.status) == [.ok], "\(first.results)")
    let report = try JSONReport.read(path: "\(out)/T001.json").report
    #expect(report.variants.count == 5 && report.input.mergedWith?.map(\.fileName) == ["T001_vs_N001.strelka.somatic_indels.vcf.gz"])
    // The same files through `run` give the same variants.
    let alone = try runFiles(["\(strelkaSNVs).vcf.gz", "\(strelkaIndels).vcf.gz"], sampleID: "T001") { $0.tumorType = "GIST" }
    #expect(try bytes("\(out)/T001.variants.tsv") == bytes(alone.tsvPath))
    // A rerun skips the sample until the second file changes.
    #expect(try BatchPipeline.run(options).results.map(\.status) == [.skipped])
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: "\(directory)/T001_vs_N001.strelka.somatic_indels.vcf.gz")
    #expect(try BatchPipeline.run(options).results.map(\.status) == [.ok])
  }
}

@Suite struct CallerSampleTests {
  /// A copy of the Strelka scenario under Strelka's own file name, which names no sample.
  func rawStrelka(in directory: String, dropping contig: String? = nil) throws -> String {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let lines = try String(contentsOfFile: TestData.path("testdata/vcf/strelka_somatic.grch38.vcf"), encoding: .utf8)
      .split(separator: "\n").filter { contig == nil || !$0.hasPrefix("\(contig!)\t") }
    let path = "\(directory)/somatic.snvs.vcf"
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aGenericColumnNameDoesNotLetAnotherInputReplaceItsReport() throws {
    let folder = TestData.temporaryDirectory("callers")
    let first = try rawStrelka(in: "\(folder)/P1")
    let second = try rawStrelka(in: "\(folder)/P2", dropping: "12")
    let out = "\(folder)/out"
    let outcome = try runFiles([first], out: out)
    #expect(outcome.jsonPath == "\(out)/TUMOR.json")
    #expect(outcome.warnings.contains { $0.contains("generic name 'TUMOR'") && $0.contains("--sample-id") })
    let written = try bytes(outcome.jsonPath)
    // Rerunning the same input replaces its own report.
    #expect(try runFiles([first], out: out).jsonPath == "\(out)/TUMOR.json")
    let refused = try #require(failure { _ = try runFiles([second], out: out) })
    #expect(refused.exitStatus == 2)
    #expect(refused.message.hasPrefix("\(out)/TUMOR.json already holds the report of another input (somatic.snvs.vcf, SHA-256 "))
    #expect(refused.message.contains("give --sample-id"))
    #expect(try bytes("\(out)/TUMOR.json") == written)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }.isEmpty)
    #expect(try runFiles([second], out: out, sampleID: "P2").jsonPath == "\(out)/P2.json")
  }

  @Test func freeBayesObservationsGiveTheAlleleFractions() throws {
    let report = try runFiles([TestData.path("testdata/vcf/freebayes.grch38.vcf")]).fullReport()
    #expect(report.sample.id == "T003")
    let calls = report.variants.map { ($0.variant.alternate, $0.variant.tumor) }
    let pdgfra = try #require(calls.first?.1)
    #expect(pdgfra.depth == 210 && pdgfra.referenceReads == 120 && pdgfra.alternateReads == 88)
    #expect(pdgfra.alleleFraction.map { abs($0 - 88.0 / 208.0) < 1e-4 } == true)
    #expect(pdgfra.depthSource == "RO,AO,DP (FreeBayes)")
    #expect(calls.suffix(2).map { $0.0 } == ["T", "A"])
    #expect(calls.suffix(2).map { $0.1?.alternateReads } == [40, 5])
    #expect(calls.suffix(2).map { $0.1?.alleleFraction.map { ($0 * 145).rounded() } } == [40, 5])
  }

  @Test(.enabled(if: Prerequisite.sharedData("examples/manta_demo_hcc1954"), "needs ../shared/data/examples/manta_demo_hcc1954"))
  func mantasRealSomaticVCFNeedsNoSampleOption() throws {
    let path = try #require(TestData.shared("examples/manta_demo_hcc1954/somaticSV.vcf.gz"))
    let reader = try VCFReader(path: path)
    let selection = try SampleSelection.resolve(header: reader.header, fileName: path, sample: nil, normal: nil)
    #expect(selection.roles.tumor == "HCC1954" && selection.roles.normal == "HCC1954_BL")
    // The tumour's split reads and pairs are the second column's: 4 + 19 alternate reads at the first breakend.
    var first: Variant?
    let everywhere = RegionFilter(["8", "11"].map { GenomicInterval(contig: $0, start: 1, end: 200_000_000) })
    try reader.read(regions: everywhere, sampleIndexes: selection.indexes) { records in
      let decomposer = VariantDecomposer(header: reader.header, roles: selection.roles)
      first = first ?? records.first.flatMap { decomposer.variants(from: $0).first }
    }
    #expect(first?.tumor?.alternateReads == 23 && first?.normal?.alternateReads == 0)
    let outcome = try runFiles([path])
    #expect(outcome.report.sample.id == "HCC1954" && outcome.report.sample.normalSample == "HCC1954_BL")
  }
}

/// bcftools csq's `BCSQ` fields reach every output as HGVS on the panel transcript, never as bcftools wrote them.
@Suite struct BCSQOutputTests {
  @Test func bcsqChangesAreWrittenAsHGVSEverywhere() throws {
    let out = TestData.temporaryDirectory("bcsq")
    let outcome = try runFiles([TestData.path("testdata/vcf/bcsq_annotated.grch38.vcf")], out: out) {
      $0.sampleType = .germline
      $0.mafPath = "\(out)/LFS01.maf"
      $0.vcfOutPath = "\(out)/LFS01.annotated.vcf"
      $0.phenopacket = true
    }
    let findings = try String(contentsOfFile: "\(out)/LFS01.findings.tsv", encoding: .utf8)
    #expect(findings.contains("\tNM_000546.6:c.637C>T p.(Arg213Ter)\t"))
    #expect(findings.contains("\tNM_000546.6:c.215C>G p.(Pro72Arg)\t"))
    #expect(findings.contains("TP53 p.E171fs"))
    let variants = try String(contentsOfFile: outcome.tsvPath, encoding: .utf8)
    #expect(variants.contains("\tc.637C>T\tp.(Arg213Ter)\t") && variants.contains("\t\tp.(Glu171ArgfsTer3)\t"))
    let maf = try String(contentsOfFile: "\(out)/LFS01.maf", encoding: .utf8)
    #expect(maf.contains("\tc.637C>T\tp.Arg213Ter\tp.R213*\t") && maf.contains("\tp.Glu171ArgfsTer3\tp.E171Rfs*3\t"))
    let phenopacket = try String(contentsOfFile: "\(out)/LFS01.phenopacket.json", encoding: .utf8)
    #expect(phenopacket.contains("\"NM_000546.6:c.637C>T\"") && phenopacket.contains("\"p.(Arg213Ter)\""))
    let annotated = try String(contentsOfFile: "\(out)/LFS01.annotated.vcf", encoding: .utf8)
    #expect(annotated.contains("SP_HGVSC=c.637C>T") && annotated.contains("SP_HGVSP=p.(Arg213Ter)"))
    // bcftools' own spellings stay in the upstream entry (and the copied BCSQ field of the VCF), nowhere else
    // (the phenopacket's genomic HGVS NC_000017.11:g.7674894G>A is HGVS).
    let raw = ["7674894G>A", "213R>213*", "72P>72R", "171EVV", "7675100TC>T"]
    let genomic = phenopacket.replacingOccurrences(of: "NC_000017.11:g.7674894G>A", with: "")
    #expect(genomic != phenopacket)
    for (name, text) in [("findings", findings), ("variants", variants), ("maf", maf), ("phenopacket", genomic)] {
      for spelling in raw { #expect(!text.contains(spelling), "\(name) has \(spelling)") }
    }
    let sp = annotated.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { line in
      line.split(separator: "\t")[7].split(separator: ";").filter { $0.hasPrefix("SP_HGVS") }
    }
    for spelling in raw { #expect(!sp.contains { $0.contains(spelling) }, "SP_HGVS* has \(spelling)") }
    for variant in try outcome.fullReport().variants {
      for consequence in variant.consequences {
        for text in [consequence.hgvsc, consequence.hgvsp].compactMap({ $0 }) {
          #expect(text.hasPrefix("c.") || text.hasPrefix("p."), "\(text)")
        }
      }
      #expect(variant.variant.upstream.allSatisfy { $0.source == "BCSQ" })
    }
  }
}
