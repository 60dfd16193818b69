@testable import SarcoCore
import Testing

@Suite struct AlleleTrimmingTests {
  @Test(arguments: [
    (100, "CTT", "CT", 100, "CT", "C"),
    (100, "GCA", "GTA", 101, "C", "T"),
    (100, "A", "G", 100, "A", "G"),
    (100, "ACGT", "ACGTT", 102, "G", "GT"),
    (100, "GTGGAAG", "G", 100, "GTGGAAG", "G"),
    (100, "CA", "TG", 100, "CA", "TG"),
    (100, "AAAC", "AAAG", 103, "C", "G"),
  ])
  func minimalRepresentation(pos: Int, ref: String, alt: String, ePos: Int, eRef: String, eAlt: String) {
    let minimal = AlleleTrimming.minimal(position: pos, reference: ref, alternate: alt)
    #expect(minimal.position == ePos && minimal.reference == eRef && minimal.alternate == eAlt)
  }

  @Test(arguments: [
    ("A", "G", Variant.Kind.snv), ("CA", "TG", .mnv), ("C", "CT", .insertion), ("CT", "C", .deletion),
    ("CT", "GA", .mnv), ("CTA", "G", .complex), ("N", "<DEL>", .symbolic), ("G", "G[11:128790000[", .breakend),
    ("T", "]22:29290000]T", .breakend),
  ])
  func kinds(ref: String, alt: String, expected: Variant.Kind) {
    #expect(AlleleTrimming.kind(reference: ref, alternate: alt) == expected)
  }

  @Test func breakendMateIsRead() {
    #expect(BreakendNotation.mate(of: "G[11:128790000[")! == ("11", 128_790_000))
    #expect(BreakendNotation.mate(of: "]chr22:29290000]T")! == ("chr22", 29_290_000))
    #expect(BreakendNotation.mate(of: "<DEL>") == nil)
  }
}

@Suite struct ReadSupportTests {
  let header = VCFHeader(text: """
    ##fileformat=VCFv4.2
    ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
    #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
    """)
  let varscanHeader = VCFHeader(text: """
    ##fileformat=VCFv4.1
    ##FORMAT=<ID=AD,Number=1,Type=Integer,Description="Depth of variant-supporting bases (reads2)">
    #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
    """)

  @Test func mutect2AlleleDepths() {
    let counts = ReadSupport.counts(
      fields: ["AD": .integers([2, 50, 48]), "DP": .integers([101]), "AF": .floats([0.5, 0.48])],
      definitions: header.format, alleles: ["G", "A", "T"], alternateIndex: 2)
    #expect(counts.depth == 101)
    #expect(counts.referenceReads == 2)
    #expect(counts.alternateReads == 48)
    #expect(counts.alleleFraction == 0.48)
    #expect(counts.source == "AD,DP")
  }

  @Test func strelkaSNVTierOneCounts() {
    let counts = ReadSupport.counts(
      fields: ["DP": .integers([300]), "AU": .integers([200, 205]), "TU": .integers([100, 101]),
               "CU": .integers([0, 0]), "GU": .integers([0, 0])],
      definitions: [:], alleles: ["A", "T"], alternateIndex: 1)
    #expect(counts.referenceReads == 200 && counts.alternateReads == 100)
    #expect(counts.alleleFraction == 100.0 / 300.0)
  }

  @Test func strelkaIndelTierOneCounts() {
    let counts = ReadSupport.counts(
      fields: ["DP": .integers([120]), "TAR": .integers([90, 92]), "TIR": .integers([30, 31])],
      definitions: [:], alleles: ["AT", "A"], alternateIndex: 1)
    #expect(counts.alleleFraction == 0.25)
    #expect(counts.source?.contains("Strelka2 indel") == true)
  }

  @Test func varscanReadsPercentFrequency() {
    let counts = ReadSupport.counts(
      fields: ["RD": .integers([150]), "AD": .integers([50]), "FREQ": .strings(["25%"]), "DP": .integers([200])],
      definitions: varscanHeader.format, alleles: ["C", "T"], alternateIndex: 1)
    #expect(counts.referenceReads == 150 && counts.alternateReads == 50 && counts.alleleFraction == 0.25)
  }

  @Test func pcgrTumourAndControlColumns() {
    let fields: [String: FieldValue] = [
      "DPT": .integers([144]), "ADT": .strings(["112,32"]), "DPC": .integers([237]), "ADC": .strings([".,."]),
    ]
    let tumour = ReadSupport.counts(fields: fields, definitions: [:], alleles: ["C", "T"], alternateIndex: 1)
    #expect(tumour.depth == 144 && tumour.alternateReads == 32)
    #expect(tumour.alleleFraction == 32.0 / 144.0)
    let control = ReadSupport.counts(fields: fields, definitions: [:], alleles: ["C", "T"], alternateIndex: 1, columns: .pcgrControl)
    #expect(control.depth == 237 && control.alternateReads == nil && control.alleleFraction == nil)
  }

  @Test func allelFractionAloneWhenNoCounts() {
    let counts = ReadSupport.counts(fields: ["AF": .floats([0.3]), "DP": .integers([100])], definitions: [:], alleles: ["C", "T"], alternateIndex: 1)
    #expect(counts.alleleFraction == 0.3 && counts.alternateReads == 30 && counts.source == "AF,DP")
  }
}

@Suite struct VariantDecomposerTests {
  let header = VCFHeader(text: """
    ##fileformat=VCFv4.2
    ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
    #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1
    """)

  @Test func multiallelicRecordSplitsTrimsAndSkipsStar() {
    let record = VCFRecord(
      contig: "chr17", position: 7_674_230, referenceLength: 3, alleles: ["CTT", "CT", "C", "*"], filters: ["PASS"],
      sampleFields: [["AD": .integers([10, 40, 45, 5])]],
      genotypes: [Genotype(alleles: [1, 2], phased: false)])
    let decomposer = VariantDecomposer(header: header, roles: .init(tumor: "S1", normal: nil))
    let variants = decomposer.variants(from: record)
    #expect(variants.map(\.reference) == ["CT", "CTT"])
    #expect(variants.map(\.alternate) == ["C", "C"])
    #expect(variants.map(\.end) == [7_674_231, 7_674_232])
    #expect(variants.map { $0.tumor?.zygosity } == [.heterozygous, .heterozygous])
    #expect(variants.map { $0.tumor?.alternateReads } == [40, 45])
    #expect(variants.map(\.original.alternateIndex) == [1, 2])
    #expect(variants[0].key == "17:7674230:CT:C")
  }

  @Test(arguments: [
    ([0, 1] as [Int?], 1, SampleCall.Zygosity.heterozygous), ([1, 1], 1, .homozygousAlternate),
    ([0, 0], 1, .homozygousReference), ([1, 2], 2, .heterozygous), ([2, 2], 1, .otherAlternate),
    ([1], 1, .hemizygous), ([nil, nil], 1, .unknown),
  ])
  func zygosity(alleles: [Int?], index: Int, expected: SampleCall.Zygosity) {
    #expect(SampleCall.zygosity(of: Genotype(alleles: alleles, phased: false), alternateIndex: index) == expected)
  }

  @Test func breakendKeepsMateAndIsNotTrimmed() {
    let record = VCFRecord(
      contig: "22", position: 29_290_000, referenceLength: 1, alleles: ["G", "G[11:128790000["],
      info: ["SVTYPE": .strings(["BND"]), "MATEID": .strings(["BND_B"])])
    let variant = VariantDecomposer(header: header, roles: .init(tumor: nil, normal: nil)).variants(from: record)[0]
    #expect(variant.kind == .breakend)
    #expect(variant.alternate == "G[11:128790000[")
    #expect(variant.structural?.mateContig == "11")
    #expect(variant.structural?.matePosition == 128_790_000)
    #expect(variant.structural?.mateID == "BND_B")
  }
}

@Suite struct UpstreamConsequenceTests {
  @Test func vepFieldsComeFromTheHeaderLayout() {
    let header = VCFHeader(text: """
      ##fileformat=VCFv4.2
      ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp">
      #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
      """)
    let parser = UpstreamConsequenceParser(header: header)
    let info: [String: FieldValue] = ["CSQ": .strings([
      "-|inframe_deletion|MODERATE|KIT|ENSG00000157404|Transcript|ENST00000288135|protein_coding|11/21||c.1669_1674del|p.Trp557_Lys558del,T|missense_variant|MODERATE|KIT|x|Transcript|ENST1|protein_coding|11/21||c.1A>T|p.M1L"
    ])]
    let deletion = parser.consequences(info: info, reference: "GTGGAAG", alternate: "G")
    #expect(deletion.count == 1)
    #expect(deletion.first?.consequence == "inframe_deletion")
    #expect(deletion.first?.hgvsp == "p.Trp557_Lys558del")
    #expect(deletion.first?.exon == "11/21")
  }

  /// CSQ/ANN text is cut byte by byte when it is ASCII: the pieces must be those of cutting it by
  /// `Character`, for any text (combining marks after a separator, CR LF, accents, empty pieces).
  @Test func cuttingAnnotationTextGivesThePiecesOfCuttingItByCharacter() {
    let alphabet = ["|", ",", "a", "T", "", "é", "\u{301}", "\r\n", "&", "||", ",,"]
    var state: UInt64 = 16
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for round in 0..<3_000 {
      let text = (0..<next(24)).map { _ in alphabet[next(round % 3 == 0 ? alphabet.count : 5)] }.joined()
      for separator in ["|", ","] {
        let cut = UpstreamConsequenceParser.pieces(text[...], on: separator.utf8.first!).map { text[$0] }
        let byCharacter = text.split(separator: Character(separator), omittingEmptySubsequences: false)
        #expect(cut == byCharacter, "\(text.debugDescription) on \(separator)")
        if cut != byCharacter { return }
      }
    }
  }

  /// A field's kind is found once per header: it must agree with the name tests it replaced, and
  /// a value's numbers read without cutting must be those of cutting it at every `&`.
  @Test func metricKindsAndNumbersAgreeWithTheNameTestsAndCutting() {
    let names = ["gnomADe_AF", "gnomADg_AF_afr", "MAX_AF", "AF", "gnomAD_AC", "faf95_popmax", "REVEL", "revel_score",
      "CADD_PHRED", "SpliceAI_pred_DS_AG", "SpliceAI", "SYMBOL", "ExAC_AF", "gnomADe_nhomalt", "fafmax_faf95_max"]
    for name in names {
      let expected: AlleleMetricFields.Kind? = AlleleMetricFields.isFrequency(name)
        ? .frequency : AlleleMetricFields.scoreName(name).map { .score($0) }
      #expect(AlleleMetricFields.kind(name) == expected, "\(name)")
      #expect((AlleleMetricFields.kind(name) != nil) == AlleleMetricFields.isMetric(name), "\(name)")
    }
    for value in ["", "0.5", "0.5&0.25", "&", "0.1&&x", "x", "inf", "1e-3", "0.5&\u{301}0.2", "-0.1", "3&0.2"] {
      #expect(AlleleMetricFields.numbers(value) == value.split(separator: "&").compactMap(AlleleMetricFields.number), "\(value)")
    }
  }

  /// The TSV's four metrics found without merging must be those of the merged metrics, for INFO
  /// and entries with and without frequencies, declared-but-empty fields and repeated scores.
  @Test func metricsSummaryEqualsTheMergedMetrics() {
    var state: UInt64 = 3
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    func randomMetrics() -> AlleleMetrics? {
      guard next(4) != 0 else { return nil }
      var metrics = AlleleMetrics()
      metrics.frequencyFieldDeclared = next(2) == 0
      for name in ["gnomADe_AF", "MAX_AF", "AF"] where next(2) == 0 {
        let text = ["0", "-0", "0.0", "1", "0.25", "\(Double(next(1_000)) / 1_000)"][next(6)]
        AlleleMetricFields.add(name: name, kind: .frequency, value: text, to: &metrics)
      }
      for name in ["REVEL", "CADD_PHRED", "SpliceAI", "Other"] where next(3) == 0 { metrics.scores[name] = Double(next(100)) }
      return metrics
    }
    for round in 0..<2_000 {
      let info = randomMetrics()
      let upstream = (0..<next(5)).map { _ in
        UpstreamConsequence(
          source: "CSQ", gene: nil, transcript: nil, consequence: "intron_variant", hgvsc: nil, hgvsp: nil, exon: nil,
          intron: nil, maneSelect: nil, metrics: randomMetrics())
      }
      var merged = info ?? AlleleMetrics()
      for entry in upstream { if let metrics = entry.metrics { merged.merge(metrics) } }
      let summary = AlleleMetricsSummary(info: info, upstream: upstream)
      let expected = [merged.highestFrequency, merged.revel, merged.cadd, merged.spliceAI]
      #expect([summary.highestFrequency, summary.revel, summary.cadd, summary.spliceAI] == expected, "round \(round)")
      // Printed in the TSV: -0 and 0 are equal but not the same text.
      #expect(summary.highestFrequency?.sign == expected[0]?.sign, "round \(round)")
      #expect(merged.frequencies.values.allSatisfy { $0.sign == .plus }, "round \(round): a -0 frequency kept")
      if [summary.highestFrequency, summary.revel, summary.cadd, summary.spliceAI] != expected { return }
    }
  }

  /// INFO floats are read as numbers, not spelt out and read back: the metrics must be those of
  /// the same values given as text, for one and several ALTs, missing values, infinities, NaN, -0.
  @Test func infoFloatsGiveTheMetricsOfTheirText() {
    let header = VCFHeader(text: """
      ##fileformat=VCFv4.2
      ##INFO=<ID=gnomAD_AF,Number=A,Type=Float,Description="f">
      ##INFO=<ID=MAX_AF,Number=1,Type=Float,Description="m">
      ##INFO=<ID=REVEL,Number=A,Type=Float,Description="r">
      ##INFO=<ID=CADD_PHRED,Number=.,Type=Float,Description="c">
      #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
      """)
    let fields = InfoMetricFields(header: header)
    let values: [Double?] = [nil, 0, -0.0, 1, 0.5, 1e-5, 2, -1, .infinity, -.infinity, .nan, 33.2]
    var state: UInt64 = 5
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for round in 0..<2_000 {
      let alternates = 1 + next(3)
      var numbers: [String: FieldValue] = [:]
      var texts: [String: FieldValue] = [:]
      for name in ["gnomAD_AF", "MAX_AF", "REVEL", "CADD_PHRED"] where next(4) != 0 {
        let field = FieldValue.floats((0..<(1 + next(3))).map { _ in values[next(values.count)] })
        numbers[name] = field
        texts[name] = .strings(field.texts)
      }
      let alternate = 1 + next(alternates)
      let got = fields.metrics(numbers, alternateIndex: alternate, alternateCount: alternates)
      let want = fields.metrics(texts, alternateIndex: alternate, alternateCount: alternates)
      #expect(got == want, "round \(round): \(numbers)")
      let signs = { (metrics: AlleleMetrics?) in metrics?.frequencies.sorted { $0.key < $1.key }.map(\.value.sign) }
      #expect(signs(got) == signs(want), "round \(round)")
      if got != want { return }
    }
  }

  @Test func snpEffAnnotationsUseAnnotationColumn() {
    let header = VCFHeader(text: """
      ##fileformat=VCFv4.2
      ##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p'">
      #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
      """)
    let info: [String: FieldValue] = ["ANN": .strings(["T|stop_gained|HIGH|TP53|ENSG|transcript|NM_000546.6|protein_coding|6/11|c.637C>T|p.Arg213*"])]
    let found = UpstreamConsequenceParser(header: header).consequences(info: info, reference: "C", alternate: "T")
    #expect(found.first?.gene == "TP53")
    #expect(found.first?.hgvsc == "c.637C>T")
    #expect(found.first?.transcript == "NM_000546.6")
  }

  @Test func headerFieldsWithQuotedCommasParse() {
    let header = VCFHeader(text: """
      ##fileformat=VCFv4.2
      ##INFO=<ID=X,Number=1,Type=String,Description="a, b, \\"quoted\\" c">
      #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB
      """)
    #expect(header.info["X"]?.description == "a, b, \"quoted\" c")
    #expect(header.samples == ["A", "B"])
  }
}

@Suite struct SampleSelectionTests {
  func header(_ extra: String, samples: [String]) -> VCFHeader {
    VCFHeader(text: "##fileformat=VCFv4.2\n\(extra)#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t\(samples.joined(separator: "\t"))\n")
  }

  @Test func mutect2HeaderNamesTumourAndNormal() throws {
    let selection = try SampleSelection.resolve(
      header: header("##tumor_sample=T1\n##normal_sample=N1\n", samples: ["N1", "T1"]), fileName: "x", sample: nil, normal: nil)
    #expect(selection.indexes == [1, 0])
    #expect(selection.roles.tumor == "T1" && selection.roles.normal == "N1")
  }

  @Test func severalSamplesWithoutHintsIsAUsageError() {
    #expect {
      try SampleSelection.resolve(header: header("", samples: ["A", "B", "C"]), fileName: "x", sample: nil, normal: nil)
    } throws: { ($0 as? SarcoError)?.kind == .usage }
  }

  @Test func unknownSampleListsTheSamples() {
    #expect {
      try SampleSelection.resolve(header: header("", samples: ["A", "B"]), fileName: "x.vcf", sample: "Z", normal: nil)
    } throws: { ($0 as? SarcoError)?.message == "x.vcf: --sample 'Z' is not a sample in this VCF; its samples are: A, B" }
  }

  @Test func pcgrControlFieldsMakeANormal() throws {
    let selection = try SampleSelection.resolve(
      header: header("##FORMAT=<ID=DPC,Number=1,Type=Integer,Description=\"control depth\">\n", samples: ["T_N"]),
      fileName: "x", sample: nil, normal: nil)
    #expect(selection.roles.normalFromControlFields)
  }
}
