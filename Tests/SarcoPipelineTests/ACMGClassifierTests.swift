import SarcoCore
import SarcoTestSupport
import Testing

/// ACMG/AMP criteria at the boundaries the panel's rule tables set (computational cut-offs,
/// frequency thresholds, the PVS1 decision tree's NMD and VCEP steps), through the public classifier.
@Suite struct ACMGClassifierTests {
  static let view = try! PanelView(panel: TestPanels.sarcoma, build: .grch38)
  static let known = KnownVariantIndex(view: view)
  let classifier = ACMGClassifier(view: Self.view, known: Self.known, useClinVarCriteria: false)

  /// A variant of `gene` annotated as `term` with `hgvsp`, at a genomic position inside the gene.
  func classify(
    gene symbol: String, position: Int, reference: String = "C", alternate: String = "T", term: String, hgvsp: String? = nil,
    metrics: AlleleMetrics = AlleleMetrics()
  ) throws -> GermlineFinding {
    let gene = try #require(Self.view.gene(symbol))
    let variant = Variant(
      contig: gene.chromosome, position: position, reference: reference, alternate: alternate,
      end: position + reference.count - 1, kind: AlleleTrimming.kind(reference: reference, alternate: alternate), id: ".",
      quality: nil, filters: [],
      original: OriginalRecord(position: position, reference: reference, alternates: [alternate], alternateIndex: 1),
      tumor: nil, normal: nil, upstream: [], structural: nil)
    let protein = hgvsp.flatMap(ProteinChange.parse)
    let consequence = AlleleConsequence(
      gene: symbol, transcript: gene.ensemblTranscript, terms: [term], impact: "HIGH", hgvsc: nil, hgvsp: hgvsp,
      protein: protein, exon: nil, intron: nil, exonCount: nil, source: "VEP CSQ", panelTranscript: true, codon: protein?.position)
    return classifier.classify(.init(variant: variant, consequence: consequence, gene: gene, metrics: metrics))
  }

  func metrics(revel: Double? = nil, frequency: Double? = nil, filtering: Double? = nil) -> AlleleMetrics {
    var metrics = AlleleMetrics()
    if let revel { metrics.scores["REVEL"] = revel }
    if let frequency { metrics.frequencies["gnomADe_AF"] = frequency }
    if let filtering {
      metrics.frequencies["gnomAD_FAF95"] = filtering
      metrics.filteringFieldDeclared = true
    }
    metrics.frequencyFieldDeclared = true
    return metrics
  }

  /// TP53 c.535C>T-like position (codon 179, exon 5) for missense checks.
  static let tp53Missense = 7_675_070

  @Test(arguments: [
    (0.932, "PP3_Strong"), (0.931, "PP3_Moderate"), (0.773, "PP3_Moderate"), (0.772, "PP3"), (0.644, "PP3"), (0.643, nil),
    (0.291, nil), (0.290, "BP4"), (0.183, "BP4_Moderate"), (0.016, "BP4_Strong"), (0.003, "BP4_Very_Strong"),
  ] as [(Double, String?)])
  func revelCutOffsArePejaver2022(revel: Double, expected: String?) throws {
    let finding = try classify(
      gene: "TP53", position: Self.tp53Missense, term: "missense_variant", hgvsp: "p.His179Tyr",
      metrics: metrics(revel: revel, frequency: 0.5))
    let computational = finding.criteria.map(\.code).filter { $0.hasPrefix("PP3") || $0.hasPrefix("BP4") }
    #expect(computational == (expected.map { [$0] } ?? []))
  }

  @Test(arguments: [(0.00002, true), (0.000021, false), (0.0, true)])
  func pm2AtMostTheTableLimit(frequency: Double, met: Bool) throws {
    let finding = try classify(
      gene: "SDHB", position: 17_028_700, term: "missense_variant", hgvsp: "p.Arg90Gln", metrics: metrics(frequency: frequency))
    #expect(finding.criteria.contains { $0.criterion == "PM2" } == met)
  }

  @Test(arguments: [(0.05, false), (0.0501, true)])
  func ba1DefaultIsAboveFivePercentAndStandsAlone(frequency: Double, benign: Bool) throws {
    let finding = try classify(
      gene: "SDHB", position: 17_028_700, term: "missense_variant", hgvsp: "p.Arg90Gln", metrics: metrics(frequency: frequency))
    #expect((finding.classification == .benign) == benign)
    if benign { #expect(finding.classRule.contains("stand-alone")) }
  }

  @Test(arguments: [(0.001, false), (0.0011, true)])
  func vcepBA1IsComparedOnTheFilteringFrequency(filtering: Double, met: Bool) throws {
    // BRCA2 VCEP: BA1 when FAF > 0.001; the raw allele frequency (0.02) would not count.
    let finding = try classify(
      gene: "BRCA2", position: 32_338_000, term: "missense_variant", hgvsp: "p.Ala1000Val",
      metrics: metrics(frequency: 0.02, filtering: filtering))
    #expect(finding.criteria.contains { $0.criterion == "BA1" } == met)
  }

  @Test(arguments: [(350, "PVS1"), (351, "PVS1_Strong"), (355, "PVS1_Strong"), (356, "PVS1_Moderate")])
  func tp53TruncationsFollowTheVCEPSteps(codon: Int, expected: String) throws {
    let finding = try classify(
      gene: "TP53", position: 7_670_700, term: "stop_gained", hgvsp: "p.Glu\(codon)Ter", metrics: metrics(frequency: 0.5))
    #expect(finding.criteria.first { $0.criterion == "PVS1" }?.code == expected)
  }

  @Test func pvs1IsNotSummedWithComputationalEvidence() throws {
    let finding = try classify(
      gene: "TP53", position: 7_670_700, term: "stop_gained", hgvsp: "p.Glu300Ter", metrics: metrics(revel: 0.99, frequency: 0.0))
    #expect(finding.criteria.map(\.criterion).contains("PVS1") && !finding.criteria.contains { $0.criterion == "PP3" })
  }
}

/// The ClinVar index answers as a scan of the panel's table would, whatever the VCF calls its contigs.
@Suite struct KnownVariantIndexTests {
  static let view = ACMGClassifierTests.view
  static let known = ACMGClassifierTests.known

  func variant(_ row: KnownVariant, contig: String, alternate: String? = nil) -> Variant {
    let alternate = alternate ?? row.alternate
    return Variant(
      contig: contig, position: row.interval.start, reference: row.reference, alternate: alternate,
      end: row.interval.start + row.reference.count - 1, kind: AlleleTrimming.kind(reference: row.reference, alternate: alternate),
      id: ".", quality: nil, filters: [],
      original: OriginalRecord(position: row.interval.start, reference: row.reference, alternates: [alternate], alternateIndex: 1),
      tumor: nil, normal: nil, upstream: [], structural: nil)
  }

  @Test func lookupsEqualAScanOfTheTable() {
    let rows = Self.view.panel.knowledge.knownVariants.filter { $0.build == .grch38 }
    #expect(rows.count > 1000)
    for row in stride(from: 0, to: rows.count, by: 211).map({ rows[$0] }) {
      let expected = rows.last { $0.interval == row.interval && $0.reference == row.reference && $0.alternate == row.alternate }
      #expect(Self.known.entry(for: variant(row, contig: row.interval.contig)) == expected)
      #expect(Self.known.entry(for: variant(row, contig: "chr" + row.interval.contig)) == expected, "chr-prefixed contig")
    }
    let absent = variant(rows[0], contig: rows[0].interval.contig, alternate: "ACGTACGT")
    #expect(Self.known.entry(for: absent) == nil)
  }

  /// PS1 for splicing looks for other Pathogenic SNVs at a position; a chr-prefixed VCF once found none.
  @Test func pathogenicSNVsAtAPositionIgnoreTheContigSpellingAndTheVariantItself() throws {
    let rows = Self.view.panel.knowledge.knownVariants.filter {
      $0.build == .grch38 && $0.stars >= 2 && $0.significance.lowercased() == "pathogenic" && $0.reference.count == 1 && $0.alternate.count == 1
    }
    let row = try #require(rows.first)
    let other = ["A", "C", "G", "T"].first { $0 != row.reference && $0 != row.alternate }!
    let found = Self.known.pathogenicSNVs(at: row.interval.start, besides: variant(row, contig: "chr" + row.interval.contig, alternate: other))
    #expect(found.contains(row))
    let itself = Self.known.pathogenicSNVs(at: row.interval.start, besides: variant(row, contig: "chr" + row.interval.contig))
    #expect(!itself.contains(row))
  }
}
