import SarcoCore
import SarcoTestSupport
import Testing

/// Boundary values of the oncogenicity rules as `rules/oncogenicity_*.tsv` writes them
/// (Horak et al. 2022): class bands and the hotspot counts behind OS3, OM3 and OP3.
@Suite struct OncogenicityRuleTests {
  @Test(arguments: [
    (10, OncogenicityClass.oncogenic), (9, .likelyOncogenic), (6, .likelyOncogenic), (5, .uncertain), (0, .uncertain),
    (-1, .likelyBenign), (-6, .likelyBenign), (-7, .benign),
  ])
  func classBandsMeetWithoutGaps(points: Int, expected: OncogenicityClass) throws {
    let bands = TestPanels.sarcoma.knowledge.rules.somatic.oncogenicityClasses
    let matching = bands.filter { $0.contains(points) }
    #expect(matching.count == 1)
    #expect(matching.first.flatMap { OncogenicityClass(rawValue: $0.name) } == expected)
  }

  /// TP53 R175H (a panel known allele) at a residue whose cancerhotspots counts are set by the test.
  func hotspotCode(residueSamples: Int, variantSamples: Int) throws -> [String] {
    let panel = TestPanels.sarcoma
    let hotspots = panel.hotspots.map { hotspot -> Hotspot in
      guard hotspot.gene == "TP53", hotspot.build == .grch38, hotspot.change == "R175" else { return hotspot }
      var edited = hotspot
      edited.sampleCount = residueSamples
      edited.variantCounts = ["R175H": variantSamples]
      return edited
    }
    let edited = Panel(
      manifest: panel.manifest, genes: panel.genes, exons: panel.exons, hotspots: hotspots, knowledge: panel.knowledge,
      checksum: panel.checksum)
    let view = try PanelView(panel: edited, build: .grch38)
    let variant = Variant(
      contig: "17", position: 7_675_088, reference: "C", alternate: "T", end: 7_675_088, kind: .snv, id: ".", quality: nil,
      filters: [], original: OriginalRecord(position: 7_675_088, reference: "C", alternates: ["T"], alternateIndex: 1),
      tumor: nil, normal: nil, upstream: [], structural: nil)
    let hit = try #require(view.geneHits(for: variant).first)
    let consequence = try #require(ConsequenceSelector(view: view).select(for: variant, hit: hit))
    #expect(consequence.protein?.short == "R175H")
    let classifier = OncogenicityClassifier(view: view, index: SomaticKnowledgeIndex(view: view))
    let assessment = classifier.classify(
      .init(
        variant: variant, consequence: consequence, gene: try #require(view.gene("TP53")), metrics: AlleleMetrics(),
        clinvar: nil, evidence: []))
    return assessment.criteria.map(\.code).filter { ["OS3", "OM3", "OP3"].contains($0) }
  }

  @Test(arguments: [
    (50, 10, ["OS3"]), (49, 10, ["OM3"]), (500, 9, ["OP3"]), (49, 9, ["OP3"]), (500, 386, ["OS3"]),
  ])
  func hotspotCountsChooseOneCode(residueSamples: Int, variantSamples: Int, expected: [String]) throws {
    #expect(try hotspotCode(residueSamples: residueSamples, variantSamples: variantSamples) == expected)
  }
}
