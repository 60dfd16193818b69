import Foundation
import SarcoCore
import SarcoPipeline
import SarcoReports
import SarcoTestSupport
import Testing

/// `run --reference` on raw VCFs, against the real TP53/BRCA sequence of the test genome.
@Suite(.enabled(if: Prerequisite.sharedData("reference/cancer_gene_regions.tsv"), "needs ../shared/data/reference (the test genome is built from it)"))
struct ReferenceConsequenceTests {
  static let header = """
    ##fileformat=VCFv4.2
    ##contig=<ID=13,length=114364328>
    ##contig=<ID=17,length=83257441>
    ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
    #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tBLOOD

    """

  /// The GRCh38 test genome (built from ../shared/data/reference; the tests are skipped without it).
  static func testGenome() throws -> String { try #require(TestData.testReference("grch38")) }

  /// Writes a germline VCF of `records` (CHROM POS ID REF ALT) and runs it against the hereditary panel.
  func run(
    _ records: [String], reference: String, recompute: Bool = false, vcf: String? = nil, panel: String = "hereditary"
  ) throws -> RunOutcome {
    let directory = TestData.temporaryDirectory("reference-run")
    let path = "\(directory)/raw.vcf"
    let body = records.map { "\($0)\t.\tPASS\t.\tGT\t0/1\n" }.joined()
    try (Self.header + body).write(toFile: path, atomically: true, encoding: .utf8)
    var options = RunOptions(
      vcfPath: vcf ?? path, panelPath: TestData.path("panels/\(panel)"), outputDirectory: "\(directory)/out",
      commandLine: ["sarcopanel", "run"])
    options.sampleType = panel == "hereditary" ? .germline : .tumor
    options.reference = reference
    options.recomputeConsequences = recompute
    return try RunPipeline.run(options, panel: panel == "hereditary" ? TestPanels.hereditary : TestPanels.sarcoma)
  }

  @Test func rawTP53TruncatingVariantsGetHGVSAndPVS1WithoutUpstreamAnnotation() throws {
    let reference = try Self.testGenome()
    // R213* (c.637C>T) and a one-base deletion in the last exon (c.1177del, ClinVar 458523), both with no CSQ.
    let outcome = try run(["17\t7669613\tdel\tTC\tT", "17\t7674894\tr213x\tG\tA"], reference: reference)
    let germline = try #require(outcome.report.clinical?.germline)
    let r213 = try #require(germline.first { $0.consequence.hgvsc == "c.637C>T" })
    #expect(r213.consequence.hgvsp == "p.(Arg213Ter)" && r213.consequence.source == ConsequencePredictor.sourceName)
    #expect(r213.criteria.contains { $0.code == "PVS1" })
    // No population frequency in the file, so PM2 is not evaluated: PVS1 alone (8 points) makes it likely pathogenic
    // (the TP53 VCEP has no PM5 for truncations).
    #expect(r213.classification == .likelyPathogenic)
    let frameshift = try #require(germline.first { $0.consequence.terms.contains("frameshift_variant") })
    #expect(frameshift.consequence.hgvsc == "c.1177del" && frameshift.consequence.hgvsp == "p.(Asp393ThrfsTer29)")
    // In the last exon: no nonsense-mediated decay, so PVS1 is not very strong.
    #expect(frameshift.criteria.contains { $0.code.hasPrefix("PVS1_") })
    #expect(outcome.report.qc.referenceChecked == 2 && outcome.report.qc.referenceMismatches == 0)
    // The names reach every rendering.
    let directory = URL(fileURLWithPath: outcome.jsonPath).deletingLastPathComponent().path
    for suffix in ["json", "variants.tsv", "findings.tsv", "html"] {
      let text = try String(contentsOfFile: "\(directory)/BLOOD.\(suffix)", encoding: .utf8)
      #expect(text.contains("p.(Arg213Ter)"), "\(suffix) lacks the computed protein change")
    }
    if let problems = try ReportSchema.problems([outcome.jsonPath]) { #expect(problems.isEmpty, "\(problems)") }
  }

  @Test func psOneNeedsTheSameAminoAcidFromAnotherNucleotideChange() throws {
    let reference = try Self.testGenome()
    // TP53 c.843C>G p.(Asp281Glu): ClinVar has c.843C>A, also Asp281Glu, as pathogenic. R273H's codon has other changes.
    let outcome = try run(["17\t7673777\td281e\tG\tC", "17\t7673802\tr273h\tC\tT"], reference: reference)
    let germline = try #require(outcome.report.clinical?.germline)
    let d281e = try #require(germline.first { $0.consequence.hgvsp == "p.(Asp281Glu)" })
    #expect(d281e.criteria.contains { $0.code == "PS1" && $0.evidence.contains("same amino-acid change") })
    #expect(!d281e.criteria.contains { $0.code == "PM5" })
    let r273h = try #require(germline.first { $0.consequence.hgvsp == "p.(Arg273His)" })
    #expect(r273h.criteria.contains { $0.code == "PM5" && $0.evidence.contains("R273C") })
  }

  @Test func refMismatchesAreFlaggedAndAWrongFastaIsRefused() throws {
    let reference = try Self.testGenome()
    // One wrong REF among correct ones: flagged, kept, noted.
    let outcome = try run(["17\t7674894\tr213x\tG\tA", "17\t7676154\tp72r\tC\tG"], reference: reference)
    let flagged = try #require(try outcome.fullReport().variants.first { $0.variant.id == "p72r" })
    #expect(flagged.referenceMismatch == "G")
    #expect(outcome.report.qc.referenceMismatches == 1)
    #expect(outcome.report.clinical?.notes.contains { $0.contains("1 of 2 REF alleles differ") && $0.contains("17:7676154 C (FASTA has G)") } == true)
    // Most REFs wrong: the FASTA or the build is not the VCF's.
    let wrong = (0..<25).map { "17\t\(7674200 + $0 * 10)\tx\(7674200 + $0 * 10)\tN\tA" }
    let bases = try #require(FastaReferenceBases.bases(reference, contig: "17", positions: (0..<25).map { 7674200 + $0 * 10 }))
    let records = zip(wrong, bases).map { record, base in
      record.replacingOccurrences(of: "\tN\tA", with: "\t\(base == "T" ? "C" : "T")\t\(base == "G" ? "A" : "G")")
    }
    #expect {
      _ = try run(records, reference: reference)
    } throws: { error in
      "\(error)".contains("25 of 25 REF alleles differ") && "\(error)".contains("not the same build")
    }
  }

  @Test func recomputedConsequencesRecordWhereUpstreamAnnotationDiffers() throws {
    let reference = try Self.testGenome()
    let outcome = try run(
      [], reference: reference, recompute: true, vcf: TestData.path("testdata/vcf/vep_annotated.grch38.vcf"), panel: "sarcoma")
    let consequences = try outcome.fullReport().variants.flatMap(\.consequences)
    let tp53 = try #require(consequences.first { $0.gene == "TP53" && $0.hgvsc == "c.637C>T" })
    #expect(tp53.source == ConsequencePredictor.sourceName && tp53.upstreamDisagreement == nil)
    // A wrong upstream entry (R213* annotated as missense) is overruled and the difference recorded.
    let directory = TestData.temporaryDirectory("recompute")
    let doctored = "\(directory)/doctored.vcf"
    try """
      ##fileformat=VCFv4.2
      ##contig=<ID=17,length=83257441>
      ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp">
      ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
      #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1
      17\t7674894\tr213x\tG\tA\t.\tPASS\tCSQ=A|missense_variant|MODERATE|TP53|ENSG00000141510|Transcript|NM_000546.6|protein_coding|6/11||NM_000546.6:c.637C>T|NP_000537.3:p.Arg213Gln\tGT\t0/1

      """.write(toFile: doctored, atomically: true, encoding: .utf8)
    let overruled = try run([], reference: reference, recompute: true, vcf: doctored)
    let r213 = try #require(try overruled.fullReport().variants.first?.consequences.first)
    #expect(r213.terms == ["stop_gained"] && r213.hgvsp == "p.(Arg213Ter)")
    #expect(r213.upstreamDisagreement == "VEP CSQ on NM_000546.6: consequence missense_variant (computed stop_gained); p.Arg213Gln (computed p.Arg213Ter)")
    #expect(overruled.report.clinical?.notes.contains { $0.hasPrefix("1 computed consequence(s) differ") } == true)
    // KIT's chromosome is not in the test genome: VEP's own entry is kept and the gap is noted.
    let kit = try #require(consequences.first { $0.gene == "KIT" })
    #expect(kit.source == "VEP CSQ")
    #expect(outcome.report.clinical?.notes.contains { $0.hasPrefix("KIT: consequences not computed") } == true)
  }
}

/// Reference bases for building test records (through the same reader `run` uses).
enum FastaReferenceBases {
  static func bases(_ path: String, contig: String, positions: [Int]) -> [String]? {
    guard let result = try? shell("samtools faidx '\(path)' \(positions.map { "\(contig):\($0)-\($0)" }.joined(separator: " "))"),
      result.status == 0
    else { return nil }
    return result.output.split(separator: "\n").filter { !$0.hasPrefix(">") }.map { String($0).uppercased() }
  }
}
