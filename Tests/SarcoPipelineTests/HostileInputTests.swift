import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoPipeline
import SarcoReports
import SarcoTestSupport
import Testing

/// A Mutect2-like single-sample GRCh38 VCF around the given record lines (CHROM to the sample column).
func hostileVCF(_ records: [String], header extra: [String] = [], contigs: Bool = true, name: String = "hostile.vcf") throws -> String {
  var lines = ["##fileformat=VCFv4.2"] + extra
  if contigs {
    lines += ["##contig=<ID=4,length=190214555>", "##contig=<ID=9,length=138394717>", "##contig=<ID=17,length=83257441>"]
  }
  lines += [
    "##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"type\">",
    "##INFO=<ID=SVLEN,Number=A,Type=Integer,Description=\"length\">",
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
    "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">",
    "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction\">",
    "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT1",
  ]
  let path = TestData.temporaryDirectory("hostile") + "/\(name)"
  try (lines + records).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

/// The 1-based line of the first record line containing `text`.
func line(of text: String, in path: String) throws -> Int {
  let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
  return try #require(lines.firstIndex { $0.contains(text) }) + 1
}

func hostileRun(_ path: String, configure: (inout RunOptions) -> Void = { _ in }) throws -> RunOutcome {
  var options = RunOptions(
    vcfPath: path, panelPath: TestData.path("panels/sarcoma"), outputDirectory: TestData.temporaryDirectory("hostile-out"),
    tumorType: "SARCNOS", commandLine: ["sarcopanel", "run"])
  configure(&options)
  return try RunPipeline.run(options, panel: TestPanels.sarcoma)
}

let tp53R248 = "17\t7674220\tr248q\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100"

@Suite struct InvalidRecordTests {
  /// REF=ALT at TP53 R248 became "TP53 c.743G>G, II-C".
  @Test func refEqualToAltIsSkippedCountedAndNotedNotTiered() throws {
    let path = try hostileVCF([tp53R248, "17\t7674221\tsame\tG\tG\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100"])
    let outcome = try hostileRun(path)
    let report = try outcome.fullReport()
    #expect(report.qc.invalidRecords == 1)
    #expect(report.variants.map(\.variant.id) == ["r248q"])
    #expect(report.clinical?.somatic.allSatisfy { $0.variantKey != "17:7674221:G:G" } == true)
    let note = try #require(report.clinical?.notes.first { $0.hasPrefix("1 invalid record(s)") })
    #expect(note.contains("line \(try line(of: "\tsame\t", in: path)) (17:7674221): ALT G is the same as REF"))
  }

  /// Empty REF, `T!@#` and `CZ!` became insertions and frameshifts on a hotspot.
  @Test func allelesOutsideACGTNAreSkippedAndCounted() throws {
    let path = try hostileVCF([
      tp53R248,
      "17\t7674220\tpunct\tC\tT!@#\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100",
      "17\t7674220\tletters\tCZ!\tC\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100",
      "17\t7674220\tiupac\tC\tR\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100",
      "17\t7674220\tbadsv\tC\t<DEL\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100",
    ])
    let report = try hostileRun(path).fullReport()
    #expect(report.variants.map(\.variant.id) == ["r248q"])
    #expect(report.qc.invalidRecords == 4)
    let note = try #require(report.clinical?.notes.first { $0.hasPrefix("4 invalid record(s)") })
    #expect(note.contains("ALT 'T!@#' is not made of A, C, G, T and N"))
    #expect(note.contains("REF 'CZ!' is not made of A, C, G, T and N"))
  }

  @Test func strictRefusesTheFirstInvalidRecordWithItsLine() throws {
    let path = try hostileVCF([tp53R248, "17\t7674221\tsame\tG\tG\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100"])
    let out = TestData.temporaryDirectory("strict")
    #expect {
      _ = try hostileRun(path) { $0.strict = true; $0.outputDirectory = out }
    } throws: { error in
      let message = (error as? SarcoError)?.message ?? ""
      return message == "\(path): line \(try line(of: "\tsame\t", in: path)) (17:7674221): invalid record: ALT G is the same as REF (--strict)"
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
  }

  /// Negative DP and AF 7.5 were reported as given.
  @Test func negativeDepthAndAlleleFractionOutsideZeroToOneAreSkipped() throws {
    let path = try hostileVCF([
      tp53R248,
      "17\t7674221\tnegative\tG\tA\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:-5",
      "17\t7674222\tfraction\tG\tA\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:7.5:100",
    ])
    let report = try hostileRun(path).fullReport()
    #expect(report.variants.map(\.variant.id) == ["r248q"])
    #expect(report.qc.invalidRecords == 2)
    let note = try #require(report.clinical?.notes.first { $0.hasPrefix("2 invalid record(s)") })
    #expect(note.contains("sample 1 FORMAT/DP -5 is negative") && note.contains("sample 1 FORMAT/AF 7.5 is outside 0 to 1"))
  }

  /// POS 0 and POS beyond the contig were dropped without a word.
  @Test func posZeroAndPosBeyondTheContigAreCountedNotDroppedSilently() throws {
    let path = try hostileVCF([
      "17\t0\tzero\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100",
      tp53R248,
      "17\t90000000\tbeyond\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100",
    ])
    let outcome = try hostileRun(path) { $0.access = .stream }
    let report = try outcome.fullReport()
    #expect(report.qc.invalidRecords == 2)
    let note = try #require(report.clinical?.notes.first { $0.hasPrefix("2 invalid record(s)") })
    #expect(note.contains("POS 0 is before the start of 17"))
    #expect(note.contains("POS 90000000 is beyond the end of 17 (83257441 bases)"))
  }

  /// The indexed read cuts its query past a contig's end to where the tabix linear index says
  /// records reach: a record there must still be met.
  @Test(.enabled(if: Prerequisite.tool("bgzip") && Prerequisite.tool("tabix"), "needs bgzip and tabix (apt-get install tabix)"))
  func indexedReadMeetsRecordsPastTheContigEnd() throws {
    let plain = try hostileVCF([
      tp53R248,
      "17\t90000000\tbeyond\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:60,40:0.4:100",
    ], header: ["##INFO=<ID=END,Number=1,Type=Integer,Description=\"End\">"], name: "beyond.vcf")
    #expect(try shell("bgzip -f '\(plain)' && tabix -f -p vcf '\(plain).gz'").status == 0)
    for access in [VCFReader.Access.stream, .index] {
      let report = try hostileRun("\(plain).gz") { $0.access = access }.fullReport()
      #expect(report.qc.invalidRecords == 1, "\(access)")
      #expect(report.variants.map(\.variant.id) == ["r248q"], "\(access)")
      let note = try #require(report.clinical?.notes.first { $0.hasPrefix("1 invalid record(s)") }, "\(access)")
      #expect(note.contains("POS 90000000 is beyond the end of 17 (83257441 bases)"), "\(access)")
    }
  }

  /// Duplicate records gave duplicate findings.
  @Test func duplicateRecordsGiveOneFindingAndAreCounted() throws {
    let path = try hostileVCF([tp53R248, tp53R248, tp53R248])
    let report = try hostileRun(path).fullReport()
    #expect(report.variants.count == 1)
    #expect(report.qc.duplicateVariants == 2)
    #expect(report.clinical?.somatic.filter { $0.variantKey == "17:7674220:C:T" }.count == 1)
    #expect(report.clinical?.notes.contains { $0.hasPrefix("2 variant(s) dropped as duplicates") } == true)
  }

  /// A multi-allelic record repeating one earlier variant: that ALT is dropped and counted, the others kept in order.
  @Test func aRepeatedAlternateAmongNewOnesIsDroppedAlone() throws {
    let path = try hostileVCF([
      tp53R248,
      "17\t7674220\tmulti\tC\tA,T,G\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:40,20,20,20:0.2,0.2,0.2:100",
    ])
    let report = try hostileRun(path).fullReport()
    #expect(report.variants.map { "\($0.variant.id) \($0.variant.alternate)" } == ["r248q T", "multi A", "multi G"])
    #expect(report.qc.duplicateVariants == 1)
    #expect(report.qc.variants == 3)
  }

  /// A <DEL> with only SVLEN (no END) was ignored.
  @Test func symbolicDeletionWithOnlySVLENIsACopyNumberEvent() throws {
    let path = try hostileVCF(["9\t21900000\tdel\tN\t<DEL>\t.\tPASS\tSVTYPE=DEL;SVLEN=-80000\tGT\t1/1"])
    let report = try hostileRun(path).fullReport()
    #expect(report.variants.first?.variant.end == 21_980_000)
    #expect(report.clinical?.copyNumber.contains { $0.genes.contains("CDKN2A") } == true)
  }

  /// `AD` declared as a String holding `1e300` trapped (Double to Int); `END=-inf` and `CN=1e300` could too.
  @Test func numbersNoFieldCanHoldAreInvalidNotATrap() throws {
    let path = try hostileVCF(
      [
        tp53R248,
        "17\t7674221\thugeAD\tG\tA\t.\tPASS\t.\tGT:SAD\t0/1:1e300,5",
        "17\t7674222\tinfEND\tG\t<DEL>\t.\tPASS\tSEND=-inf;END=-5\tGT\t0/1",
        "9\t21970000\thugeCN\tN\t<DEL>\t.\tPASS\tSVTYPE=DEL;END=21975000;CN=1e300\tGT\t1/1",
      ],
      header: [
        "##FORMAT=<ID=SAD,Number=R,Type=String,Description=\"depths as text\">",
        "##INFO=<ID=SEND,Number=1,Type=String,Description=\"text\">",
        "##INFO=<ID=END,Number=1,Type=Integer,Description=\"end\">",
        "##INFO=<ID=CN,Number=1,Type=Float,Description=\"copy number\">",
      ])
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(of: "GT:SAD", with: "GT:AD").replacingOccurrences(of: "ID=SAD", with: "ID=AD")
      .replacingOccurrences(of: "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n", with: "")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let report = try hostileRun(path).fullReport()
    #expect(report.variants.map(\.variant.id) == ["r248q"])
    #expect(report.qc.invalidRecords == 3)
    let note = try #require(report.clinical?.notes.first { $0.hasPrefix("3 invalid record(s)") })
    #expect(note.contains("FORMAT/AD 1e+300 is not a read count") && note.contains("INFO/CN inf is not a copy number"))
    // A copy-number table with an impossible copy number is refused with its line.
    let cna = TestData.temporaryDirectory("cna") + "/cna.tsv"
    try "Chromosome\tStart\tEnd\tCN\n9\t21967752\t21995301\tinf\n".write(toFile: cna, atomically: true, encoding: .utf8)
    #expect {
      _ = try hostileRun(try hostileVCF([tp53R248])) { $0.copyNumberPath = cna }
    } throws: { ($0 as? SarcoError)?.message == "\(cna):2: copy number inf: expected a number from 0 to 1000000" }
  }

  /// QUAL and INFO values of inf or NaN were written as `inf`/`nan`: a JSON report nothing can read back.
  @Test func nonFiniteNumbersNeverMakeInvalidJSON() throws {
    let path = try hostileVCF(
      [
        "17\t7674220\tr248q\tC\tT\t1e39\tPASS\tgnomADe_AF=1e39;REVEL=nan\tGT:AD:AF:DP\t0/1:60,40:0.4:100",
        "17\t7674221\tother\tG\tA\tnan\tPASS\tMAX_AF=-inf\tGT:AD:AF:DP\t0/1:60,40:0.4:100",
      ],
      header: [
        "##INFO=<ID=gnomADe_AF,Number=A,Type=Float,Description=\"frequency\">",
        "##INFO=<ID=REVEL,Number=A,Type=Float,Description=\"score\">",
        "##INFO=<ID=MAX_AF,Number=A,Type=String,Description=\"frequency\">",
      ])
    for sampleType in [ClinicalAssessor.SampleType.tumor, .germline] {
      let outcome = try hostileRun(path) { $0.sampleType = sampleType }
      let data = try bytes(outcome.jsonPath)
      #expect(throws: Never.self) { _ = try JSONSerialization.jsonObject(with: data) }
      let report = try outcome.fullReport()
      #expect(report.variants.count == 2 && report.variants.allSatisfy { $0.variant.quality == nil })
      #expect(report.variants.allSatisfy { ($0.variant.metrics?.frequencies ?? [:]).isEmpty && ($0.variant.metrics?.scores ?? [:]).isEmpty })
    }
  }

  /// Clean inputs keep their report bytes: the new QC members are absent, not zero.
  @Test func cleanInputHasNoInvalidOrDuplicateCounts() throws {
    let json = try String(contentsOfFile: hostileRun(try hostileVCF([tp53R248])).jsonPath, encoding: .utf8)
    #expect(!json.contains("invalidRecords") && !json.contains("duplicateVariants"))
  }
}

@Suite struct GenomeEvidenceTests {
  /// `--genome GRCh38` on a file whose header names hg19 reported 0 variants.
  @Test func genomeContradictingTheHeaderNeedsForceGenome() throws {
    let path = try hostileVCF(
      [tp53R248], header: ["##reference=file:///data/references/hg19/ucsc.hg19.fasta"], contigs: false)
    #expect {
      _ = try hostileRun(path) { $0.genome = .grch38 }
    } throws: { error in
      let message = (error as? SarcoError)?.message ?? ""
      return message.hasPrefix("\(path): --genome GRCh38 given, but its header line ##reference=") && message.contains("--force-genome")
    }
    let forced = try hostileRun(path) { $0.genome = .grch38; $0.forceGenome = true }
    #expect(forced.report.genomeBuild.build == .grch38)
    #expect(forced.report.genomeBuild.evidence.hasPrefix("given with --genome and --force-genome, against the header's"))
    // Evidence agreeing with --genome needs no force.
    #expect(try hostileRun(path) { $0.genome = .grch37 }.report.genomeBuild.evidence == "given with --genome")
  }

  /// The mixed-build error did not name the file.
  @Test func contigLengthsOfBothBuildsNameTheFile() throws {
    let path = try hostileVCF(
      [tp53R248], header: ["##contig=<ID=17,length=83257441>", "##contig=<ID=13,length=115169878>"], contigs: false)
    #expect {
      _ = try hostileRun(path)
    } throws: { ($0 as? SarcoError)?.message.hasPrefix("\(path): ##contig lengths match both builds") == true }
  }
}

@Suite(.enabled(if: Prerequisite.tool("samtools"), "needs samtools (apt-get install samtools)"))
struct ShortReferenceTests {
  /// A FASTA shorter than the panel's coordinates trapped (Illegal instruction) in TranscriptModel.
  @Test func referenceShorterThanThePanelIsAOneLineError() throws {
    let directory = TestData.temporaryDirectory("short-fasta")
    let fasta = "\(directory)/short.fa"
    try (">17\n" + String(repeating: "ACGTACGTAC\n", count: 100)).write(toFile: fasta, atomically: true, encoding: .utf8)
    #expect(try shell("samtools faidx '\(fasta)'").status == 0)
    let out = TestData.temporaryDirectory("short-out")
    #expect {
      _ = try hostileRun(try hostileVCF([tp53R248])) { $0.reference = fasta; $0.outputDirectory = out }
    } throws: { error in
      let message = (error as? SarcoError)?.message ?? ""
      return message.hasPrefix("\(fasta): contig 17 is 1000 bases long, but the panel's ") && !message.contains("\n")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
  }
}

@Suite struct StreamedReportTests {
  /// The JSON put together from streamed variants is what rendering the whole report gives.
  @Test(arguments: scenarioNames)
  func streamedReportEqualsTheRenderOfTheFullReport(scenario: String) throws {
    for threads in [1, 3] {
      let outcome = try run("testdata/vcf/\(scenario).vcf", threads: threads)
      let full = try outcome.fullReport()
      #expect(try bytes(outcome.jsonPath) == JSONReport.render(full), "\(scenario)")
      #expect(try String(contentsOfFile: outcome.tsvPath, encoding: .utf8) == TSVReport.render(full), "\(scenario)")
      #expect(outcome.report.variants.isEmpty)
    }
  }

  /// A record with 600 ALTs splits into 600 variants whose elements each list all 600 (7 MB of JSON):
  /// rendered in slices of about 8 MB and written to the scratch file in runs over a mebibyte,
  /// the report is still what rendering the whole report gives.
  @Test func manyAltsAreRenderedInSlicesWithTheSameBytes() throws {
    let bases = Array("ACGT")
    let alternates = (0..<600).map { number in "C" + String((0..<5).map { bases[(number >> (2 * $0)) & 3] }) }
    let path = try hostileVCF(["4\t54727447\tmany\tC\t\(alternates.joined(separator: ","))\t.\tPASS\t.\tGT:DP\t0/1:100"], name: "many-alts.vcf")
    for threads in [1, 3] {
      let outcome = try run(path, threads: threads)
      let full = try outcome.fullReport()
      #expect(full.variants.count == 600)
      #expect(try bytes(outcome.jsonPath).count > 6 << 20)
      #expect(try bytes(outcome.jsonPath) == JSONReport.render(full), "\(threads) threads")
      #expect(try String(contentsOfFile: outcome.tsvPath, encoding: .utf8) == TSVReport.render(full), "\(threads) threads")
    }
  }

  /// Only the variants the clinical reading can use are kept in memory: reading those gives the same clinical section.
  @Test(arguments: scenarioNames)
  func clinicalReadingOfKeptVariantsEqualsReadingOfAll(scenario: String) throws {
    for (sampleType, tumourType) in [(ClinicalAssessor.SampleType.tumor, "GIST"), (.tumor, nil), (.germline, nil)] {
      let outcome = try runScenario("testdata/vcf/\(scenario).vcf", tumourType: tumourType, sampleType: sampleType)
      let full = try outcome.fullReport()
      let view = try PanelView(panel: TestPanels.sarcoma, build: full.genomeBuild.build)
      let settings = ClinicalAssessor.Settings(sampleType: sampleType, tumourType: tumourType)
      let fromAll = ClinicalAssessor(view: view, settings: settings).assess(full.variants)
      #expect(outcome.report.clinical == fromAll, "\(scenario) \(sampleType) \(tumourType ?? "-")")
    }
  }
}
