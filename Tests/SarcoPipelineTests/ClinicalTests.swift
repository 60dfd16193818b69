import Foundation
import SarcoCore
import SarcoIO
import SarcoPipeline
import SarcoTestSupport
import Testing

/// Runs one scenario against the sarcoma panel with clinical settings, into a fresh folder.
func runScenario(
  _ vcf: String, tumourType: String? = nil, sampleType: ClinicalAssessor.SampleType = .tumor, clinvar: Bool = true,
  fusions: String? = nil, cna: String? = nil, threads: Int = 1, sampleID: String = "S", provenance: Bool = false
) throws -> RunOutcome {
  var options = RunOptions(
    vcfPath: vcf.hasPrefix("/") ? vcf : TestData.path(vcf), panelPath: TestData.path("panels/sarcoma"),
    outputDirectory: TestData.temporaryDirectory("scenario"), tumorType: tumourType, sampleID: sampleID, threads: threads,
    commandLine: ["sarcopanel", "run"])
  options.sampleType = sampleType
  options.useClinVarCriteria = clinvar
  options.fusionsPath = fusions
  options.copyNumberPath = cna
  options.provenance = provenance
  return try RunPipeline.run(options, panel: TestPanels.sarcoma)
}

/// Runs one scenario and returns its report and clinical section.
func clinical(
  _ vcf: String, tumourType: String? = nil, sampleType: ClinicalAssessor.SampleType = .tumor,
  clinvar: Bool = true, fusions: String? = nil, cna: String? = nil, threads: Int = 1
) throws -> (report: SampleReport, clinical: ClinicalReport) {
  let report = try runScenario(
    vcf, tumourType: tumourType, sampleType: sampleType, clinvar: clinvar, fusions: fusions, cna: cna, threads: threads
  ).fullReport()
  return (report, try #require(report.clinical))
}

@Suite struct SomaticTierTests {
  @Test func kitExon11DeletionInGISTIsTierIAWithImatinib() throws {
    // Same answer from VEP's annotation and from the panel's exons alone.
    for vcf in ["testdata/vcf/vep_annotated.grch38.vcf", "testdata/vcf/tumor_only.grch38.vcf"] {
      let result = try clinical(vcf, tumourType: "GIST").clinical
      let kit = try #require(result.somatic.first { $0.variantKey == "4:54727437:TGGAAG:" || $0.variantKey.hasPrefix("4:54727436:GTGGAAG") })
      #expect(kit.tier.tier == .iA)
      #expect(kit.tier.reason.contains("Imatinib"))
      #expect(kit.tier.source.contains("PMID:27993330"))
      #expect(kit.therapies.sensitivity.first == "Imatinib (level A, this tumour type)")
      #expect(kit.consequence.terms.first == "inframe_deletion")
      #expect(kit.evidence.contains { $0.id == "SARCOPANEL:002" && $0.citation.contains("FDA") })
    }
  }

  @Test func pdgfraD842VShowsAvapritinibSensitivityAndImatinibResistance() throws {
    let result = try clinical("testdata/vcf/vep_annotated.grch38.vcf", tumourType: "GIST").clinical
    let d842v = try #require(result.somatic.first { $0.gene == "PDGFRA" })
    #expect(d842v.alteration == "PDGFRA p.D842V")
    #expect(d842v.tier.tier == .iA)
    #expect(d842v.therapies.sensitivity.first == "Avapritinib (level A, this tumour type)")
    #expect(d842v.therapies.resistance.first == "Imatinib (level A, this tumour type)")
  }

  @Test func evidenceForAnotherTumourTypeIsDowngraded() throws {
    let result = try clinical("testdata/vcf/vep_annotated.grch38.vcf", tumourType: "ES").clinical
    let kit = try #require(result.somatic.first { $0.gene == "KIT" })
    #expect(kit.tier.tier == .iiC)
    #expect(kit.tier.reason.contains("not ES"))
    // KIT exon 11 has its own level B evidence in melanoma.
    let melanoma = try clinical("testdata/vcf/vep_annotated.grch38.vcf", tumourType: "MEL").clinical
    #expect(melanoma.somatic.first { $0.gene == "KIT" }?.tier.tier == .iB)
    let unspecified = try clinical("testdata/vcf/vep_annotated.grch38.vcf").clinical
    #expect(unspecified.somatic.first { $0.gene == "KIT" }?.tier.tier == .iiC)
    #expect(unspecified.notes.contains { $0.contains("no --tumor-type") })
  }

  @Test func tumourOnlyTP53FindingIsTriagedByTheESMOGeneRules() throws {
    // TP53 in a GIST without an age: pathogenic, VAF compatible with germline; a sarcoma before 46 needs the family
    // history (revised Chompret criteria), so without --age the rule says it needs one: classified, not referred.
    // (At 46 or older: not recommended, conversion rate below 2%; ClinicalCorpusTests T-TP53-R248Q-OS-age50.)
    let result = try clinical("testdata/vcf/vep_annotated.grch38.vcf", tumourType: "GIST").clinical
    let tp53 = try #require(result.somatic.first { $0.gene == "TP53" })
    #expect(tp53.origin.call == .possiblyGermline)
    #expect(tp53.origin.followUp?.decision == .notEvaluated)
    #expect(tp53.origin.recommendation == nil)
    #expect(tp53.origin.followUp?.reason.contains("--age") == true)
    #expect(result.germline.contains { $0.gene == "TP53" && $0.classification.isPathogenic })
    // The same finding in an adrenocortical carcinoma is referred (Frebourg et al. 2020).
    let adrenal = try clinical("testdata/vcf/vep_annotated.grch38.vcf", tumourType: "ACC").clinical
    let referred = try #require(adrenal.somatic.first { $0.gene == "TP53" })
    #expect(referred.origin.followUp?.decision == .recommended)
    #expect(referred.origin.recommendation?.contains("genetic counselling") == true)
  }

  @Test func matchedNormalDecidesOrigin() throws {
    let report = try run("testdata/vcf/tumor_normal.grch38.vcf").report
    let clinical = try #require(report.clinical)
    #expect(!clinical.somatic.isEmpty)
    #expect(clinical.somatic.allSatisfy { $0.origin.source == "matched normal" })
  }

  @Test func tmbCountsCodingSomaticCallsAndStatesItsRules() throws {
    let result = try clinical("testdata/vcf/tumor_only.grch38.vcf", tumourType: "GIST").clinical
    let tmb = try #require(result.tumourMutationalBurden)
    #expect(tmb.footprintMegabases > 0.2 && tmb.footprintMegabases < 0.5)
    // The sarcoma panel's coding footprint is below the FoCR minimum: counted, but no rate is given.
    #expect(!tmb.assessable && tmb.perMegabase == nil)
    #expect(tmb.reason?.contains("0.667") == true && tmb.reason?.contains("PMID:34606929") == true)
    #expect(!tmb.counted.contains("4:54285926:A:T"))  // PDGFRA D842 is a known hotspot: left out
    #expect(tmb.rules.contains { $0.contains("hotspot") })
  }

  @Test func clinicalSectionIsTheSameAtAnyThreadCount() throws {
    let one = try clinical("testdata/vcf/structural.grch38.vcf", tumourType: "ES", threads: 1).report
    let three = try clinical("testdata/vcf/structural.grch38.vcf", tumourType: "ES", threads: 3).report
    #expect(one.clinical == three.clinical)
  }
}

@Suite struct StructuralFindingTests {
  @Test func ewsr1Fli1BreakendPairIsTierIDiagnosticForEwingSarcoma() throws {
    let result = try clinical("testdata/vcf/structural.grch38.vcf", tumourType: "ES").clinical
    #expect(result.fusions.count == 1)
    let fusion = try #require(result.fusions.first)
    #expect(fusion.name == "EWSR1::FLI1")
    #expect(fusion.notes.isEmpty)  // 5'/3' order came from the breakend orientation
    #expect(fusion.tier.tier == .iA)
    #expect(fusion.panelMatch?.meaning == "Ewing sarcoma")
    #expect(fusion.evidence.first?.evidenceType == "diagnostic")
    #expect(fusion.panelMatch?.citation.contains("PMID:1522903") == true)
  }

  @Test func mdm2AmplificationCarriesItsLiposarcomaMeaning() throws {
    let fromVCF = try clinical("testdata/vcf/structural.grch38.vcf", tumourType: "DDLS").clinical
    let mdm2 = try #require(fromVCF.copyNumber.first { $0.name == "MDM2 amplification" })
    #expect(mdm2.copyNumber == 12.5 && mdm2.tier.tier == .iA)
    #expect(mdm2.panelMatch?.meaning.contains("liposarcoma") == true)
    #expect(fromVCF.copyNumber.contains { $0.name == "CDKN2A homozygous deletion" })

    let directory = TestData.temporaryDirectory("cna")
    let segments = "\(directory)/S.cna.tsv"
    try "Chromosome\tStart\tEnd\tnMajor\tnMinor\n12\t68700000\t69000000\t9\t1\n1\t1000\t2000\t1\t1\n"
      .write(toFile: segments, atomically: true, encoding: .utf8)
    let fromTable = try clinical("testdata/vcf/germline.grch38.vcf", tumourType: "DDLS", cna: segments).clinical
    let segment = try #require(fromTable.copyNumber.first { $0.name == "MDM2 amplification" })
    #expect(segment.copyNumber == 10)
    #expect(segment.source.hasSuffix("S.cna.tsv line 2"))
    #expect(segment.panelMatch?.tumourTypes == ["WDLS", "DDLS", "ALT", "PAOS", "LGCOS", "INTS"])
  }

  @Test(.enabled(if: Prerequisite.sharedData("examples/pcgr_T001-BRCA"), "needs ../shared/data/examples/pcgr_T001-BRCA"))
  func pcgrFusionTableIsMatchedToThePanel() throws {
    let fusions = try #require(TestData.shared("examples/pcgr_T001-BRCA/T001-BRCA.grch38.fusions.tsv"))
    let result = try clinical("testdata/vcf/germline.grch38.vcf", fusions: fusions).clinical
    let ewing = try #require(result.fusions.first { $0.name == "EWSR1::FLI1" })
    #expect(ewing.supportingReads == 75)
    #expect(ewing.tier.tier == .iA)  // a diagnostic marker without --tumor-type points to its tumour type
    // The table writes NTRK1 first (5'): a kinase at the 5' end keeps no kinase domain, so no drug is offered.
    let ntrk = try #require(result.fusions.first { $0.genes.contains("NTRK1") })
    #expect(ntrk.name == "NTRK1::TPM3" && ntrk.tier.tier == .iii && ntrk.therapies.isEmpty)
    #expect(ntrk.notes.contains { $0.contains("5' partner") })
    let alk = try #require(result.fusions.first { $0.name == "EML4::ALK" })
    #expect(alk.confirmation == nil && alk.therapies.sensitivity.contains { $0.hasPrefix("Crizotinib") })
  }

  @Test func badFusionRowsNameFileAndLine() throws {
    let directory = TestData.temporaryDirectory("fusions")
    let path = "\(directory)/bad.tsv"
    try "FusionGene\tSplitReads\nEWSR1--FLI1\t10\nEWSR1FLI1\tx\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect {
      _ = try clinical("testdata/vcf/germline.grch38.vcf", fusions: path)
    } throws: { error in
      let message = (error as? SarcoError)?.message ?? ""
      return message.contains("bad.tsv:3") && message.contains("GENE1--GENE2") && (error as? SarcoError)?.kind == .input
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["bad.tsv"])
  }
}

@Suite struct GermlineClassificationTests {
  @Test func tp53TruncatingGermlineVariantIsLikelyPathogenicWithPVS1() throws {
    let result = try clinical("testdata/vcf/vep_annotated.grch38.vcf", sampleType: .germline).clinical
    let tp53 = try #require(result.germline.first { $0.gene == "TP53" })
    // The TP53 VCEP specifies PM5 for missense changes only: no PM5_Supporting from other ClinVar truncations.
    #expect(tp53.classification == .likelyPathogenic)
    #expect(tp53.criteria.map(\.code) == ["PVS1", "PM2"])
    #expect(tp53.points == 9)
    #expect(tp53.criteria.first?.evidence.contains("nonsense-mediated decay") == true)
    #expect(tp53.classRule.contains("Tavtigian"))
    // ClinVar's class is shown beside ours.
    #expect(tp53.clinvar?.significance == "Pathogenic")
    #expect(result.somatic.isEmpty && result.tumourMutationalBurden == nil)
  }

  @Test func withoutClinVarCriteriaTheTruncatingVariantIsLikelyPathogenic() throws {
    let result = try clinical("testdata/vcf/vep_annotated.grch38.vcf", sampleType: .germline, clinvar: false).clinical
    let tp53 = try #require(result.germline.first { $0.gene == "TP53" })
    #expect(tp53.classification == .likelyPathogenic && tp53.points == 9)
    #expect(tp53.notEvaluated.contains { $0.contains("--clinvar-criteria off") })
  }

  @Test func commonPolymorphismIsBenignFromItsPopulationFrequency() throws {
    let result = try clinical("testdata/vcf/germline.grch38.vcf", sampleType: .germline).clinical
    let p72r = try #require(result.germline.first { $0.variantKey == "17:7676154:G:C" })
    #expect(p72r.criteria.map(\.code) == ["BA1"])
    #expect(p72r.classification == .benign)
    // The TP53 VCEP's BA1 threshold is for a filtering allele frequency the file lacks: Richards' 5% applies, and says so.
    #expect(p72r.criteria.first?.evidence.contains("filtering allele frequency") == true)
    // Without annotation, R213* is still known to be a stop: the panel's known alleles name it.
    let r213 = try #require(result.germline.first { $0.variantKey == "17:7674894:G:A" })
    #expect(r213.consequence.source == "panel-derived" && r213.consequence.hgvsc == "c.637C>T")
    #expect(r213.consequence.protein?.short == "R213*" && r213.consequence.proteinBasis == .knownAllele)
    #expect(r213.criteria.map(\.criterion).contains("PVS1"))
  }
}
