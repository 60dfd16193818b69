@testable import SarcoCore
import Testing

/// How callers' own conventions are read: FreeBayes counts, Manta's column order, generic column names.
@Suite struct CallerConventionTests {
  @Test func freeBayesObservationCountsGiveDepthAndFractionPerALT() {
    let fields: [String: FieldValue] = ["DP": .integers([150]), "RO": .integers([100]), "AO": .integers([40, 5])]
    let first = ReadSupport.counts(fields: fields, definitions: [:], alleles: ["C", "T", "A"], alternateIndex: 1)
    #expect(first.depth == 150 && first.referenceReads == 100 && first.alternateReads == 40)
    #expect(first.alleleFraction == 40.0 / 145.0)
    #expect(first.source == "RO,AO,DP (FreeBayes)")
    let second = ReadSupport.counts(fields: fields, definitions: [:], alleles: ["C", "T", "A"], alternateIndex: 2)
    #expect(second.alternateReads == 5 && second.alleleFraction == 5.0 / 145.0)
    // Without DP the counted observations are the depth.
    let noDepth = ReadSupport.counts(
      fields: ["RO": .integers([30]), "AO": .integers([10])], definitions: [:], alleles: ["G", "A"], alternateIndex: 1)
    #expect(noDepth.depth == 40 && noDepth.alleleFraction == 0.25 && noDepth.source == "RO,AO (FreeBayes)")
    // A missing AO value gives no counts from these fields.
    let missing = ReadSupport.counts(
      fields: ["RO": .integers([30]), "AO": .integers([nil])], definitions: [:], alleles: ["G", "A"], alternateIndex: 1)
    #expect(missing.alternateReads == nil)
  }

  func header(_ commandLine: String, samples: [String]) -> VCFHeader {
    VCFHeader(text: "##fileformat=VCFv4.1\n##cmdline=\(commandLine)\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t\(samples.joined(separator: "\t"))\n")
  }

  @Test func mantaColumnsFollowItsBAMOrderNormalsThenTheTumour() throws {
    let pair = header("/opt/manta/bin/configManta.py --normalBam=/data/N1.bam --tumorBam=/data/T1.bam --referenceFasta=g.fa", samples: ["blood", "tumour"])
    let selection = try SampleSelection.resolve(header: pair, fileName: "somaticSV.vcf.gz", sample: nil, normal: nil)
    #expect(selection.roles.tumor == "tumour" && selection.roles.normal == "blood")
    #expect(selection.indexes == [1, 0])
    // `--tumourBam X` spelt apart, and two normal BAMs: the tumour is still the last column, the normal unknown.
    let twoNormals = header("configManta.py --bam a.cram --bam b.cram --tumourBam t.cram", samples: ["A", "B", "T"])
    let manta = try #require(MantaSamples(header: twoNormals))
    #expect(manta.tumor == 2 && manta.normal == nil)
    // Nothing is inferred when the header does not support it.
    #expect(MantaSamples(header: header("configManta.py --normalBam n.bam", samples: ["N", "X"])) == nil)
    #expect(MantaSamples(header: header("configManta.py --normalBam n.bam --tumorBam t.bam", samples: ["N", "T", "X"])) == nil)
    #expect(MantaSamples(header: header("configManta.py --normalBam T1.bam --tumorBam N1.bam", samples: ["N1", "T1"])) == nil)
    #expect(MantaSamples(header: header("configureStrelkaGermlineWorkflow.py --bam a.bam", samples: ["A", "B"])) == nil)
    #expect {
      try SampleSelection.resolve(
        header: header("run.sh --normalBam n.bam --tumorBam t.bam", samples: ["N", "T"]), fileName: "x", sample: nil, normal: nil)
    } throws: { ($0 as? SarcoError)?.kind == .usage }
  }

  @Test func genericColumnNamesAreACallersPlaceholders() {
    for name in ["TUMOR", "tumour", "NORMAL", "SAMPLE", "sample", "SAMPLE1", "SAMPLE12", "unknown"] {
      #expect(SampleNaming.isGeneric(name), "\(name)")
    }
    for name in ["T001", "SAMPLE_A", "SAMPLES", "TUMOR1", "HCC1954"] { #expect(!SampleNaming.isGeneric(name), "\(name)") }
  }

  @Test(arguments: [
    ("results/variant_calling/strelka/T001_vs_N001/T001_vs_N001.strelka.somatic_snvs.vcf.gz", "T001_vs_N001"),
    ("T001_vs_N001.strelka.somatic_indels.vcf.gz", "T001_vs_N001"),
    ("GIST07.strelka.somatic_snvs.vcf.gz", "GIST07"),
    ("T001_vs_N001.strelka.somatic_snvs_VEP.ann.vcf.gz", "T001_vs_N001"),
    ("T001_vs_N001.manta.somatic_sv.vcf.gz", "T001_vs_N001"),
    ("P-12.freebayes.filtered.norm.bcf", "P-12"),
    ("GIST01.grch38.vcf", "GIST01"),
    ("case.2024.mutect2.filtered.vcf.bgz", "case.2024"),
  ])
  func fileNamesNameTheirSample(path: String, id: String) {
    #expect(SampleNaming.sampleID(fromFileName: path) == id)
  }

  @Test func fileNamesWithoutASampleGiveNone() throws {
    for path in ["somatic.snvs.vcf.gz", "results/variants/somaticSV.vcf.gz", "strelka.vcf", "TUMOR.strelka.vcf.gz", "sample.vcf"] {
      #expect(SampleNaming.sampleID(fromFileName: path) == nil, "\(path)")
    }
    #expect(try SampleNaming.sampleID(fromFileNames: ["somatic.snvs.vcf.gz", "T9.strelka.somatic_indels.vcf.gz"]) == "T9")
    #expect(try SampleNaming.sampleID(fromFileNames: ["somatic.snvs.vcf.gz", "somatic.indels.vcf.gz"]) == nil)
    #expect {
      try SampleNaming.sampleID(fromFileNames: ["T1.strelka.somatic_snvs.vcf.gz", "T2.strelka.somatic_indels.vcf.gz"])
    } throws: { error in
      let error = error as? SarcoError
      return error?.kind == .usage && error?.message.contains("(T1, T2)") == true && error?.message.contains("--sample-id") == true
    }
  }

  /// bcftools csq's amino-acid changes in HGVS: a frameshift from the residues it lists, a lost stop or start left out.
  @Test func bcsqProteinChangesBecomeHGVS() throws {
    let frameshift = try #require(ConsequenceSelector.bcsqProteinChange("171EVVRRCPHHER*>171RL*", terms: ["frameshift_variant"]))
    #expect(frameshift.hgvs == "p.(Glu171ArgfsTer3)" && frameshift.protein.short == "E171fs" && frameshift.protein.effect == .frameshift)
    // The first residue that differs names the change; a stop there is a nonsense change; no stop in the new frame is Ter?.
    #expect(ConsequenceSelector.bcsqProteinChange("100KLM*>100KQP", terms: ["frameshift_variant"])?.hgvs == "p.(Leu101GlnfsTer?)")
    #expect(ConsequenceSelector.bcsqProteinChange("100KLM*>100K*", terms: ["frameshift_variant"])?.hgvs == "p.(Leu101Ter)")
    #expect(ConsequenceSelector.bcsqProteinChange("213R>213*", terms: ["stop_gained"])?.hgvs == "p.(Arg213Ter)")
    #expect(ConsequenceSelector.bcsqProteinChange("842D>842V", terms: ["missense_variant"])?.hgvs == "p.(Asp842Val)")
    #expect(ConsequenceSelector.bcsqProteinChange("394*>394QLD*", terms: ["stop_lost"]) == nil)
    #expect(ConsequenceSelector.bcsqProteinChange("1M>1?", terms: ["start_lost"]) == nil)
    #expect(ConsequenceSelector.bcsqProteinChange("171EVV>171EVV", terms: ["frameshift_variant"]) == nil)
  }
}
