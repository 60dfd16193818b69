import SarcoTestSupport
@testable import SarcoCore
import Testing

/// How matched evidence is resolved for a leiomyosarcoma sample with the sarcoma panel's rule tables: what evidence
/// of another tumour type may count (Li et al. 2017 level C), and what never does.
@Suite struct SomaticResolutionTests {
  let tiering = SomaticTiering(knowledge: TestPanels.sarcoma.knowledge, tumourType: "LMS")

  func item(
    _ id: String, type: String = "predictive", significance: String = "sensitivity", level: EvidenceLevel = .B,
    match: TumourTypeMatch = .other, specificity: EvidenceSpecificity, supports: Bool = true, therapies: [String] = ["DrugX"]
  ) -> MatchedEvidence {
    MatchedEvidence(
      id: id, matchedBy: "test", evidenceType: type, significance: significance, level: level,
      therapies: type == "predictive" ? therapies : [], disease: "", tumourTypes: match == .same ? ["LMS"] : ["STAD"],
      tumourTypeMatch: match, supports: supports, citation: "test", source: "test", specificity: specificity)
  }

  func applied(_ evidence: [MatchedEvidence], structural: Bool = false) -> [String] {
    tiering.resolve(evidence, structural: structural).filter(\.applied).map(\.id)
  }

  var fallback: TierAssignment { tiering.untiered(.iii, reason: "none") }

  @Test func theCrossHistologyLimitComesFromTheCitedRuleTable() throws {
    let rule = try #require(tiering.crossHistologyRule)
    #expect(rule.limit == 3)
    #expect(rule.cited.contains("PMID:27993330"))
  }

  @Test func predictiveEvidenceOfAnotherTumourTypeCountsOnlyWhenMatchedClosely() {
    let evidence = [
      item("exact", specificity: .exact, therapies: ["A"]), item("codon", specificity: .codon, therapies: ["B"]),
      item("exon", specificity: .exon, therapies: ["C"]), item("gene", specificity: .gene, therapies: ["D"]),
    ]
    #expect(applied(evidence) == ["exact", "codon", "exon"])
    let note = tiering.resolve(evidence).first { $0.id == "gene" }?.note ?? ""
    #expect(note.contains("counts only in its own tumour type"))
    // TP53 in a leiomyosarcoma: a gene-level "chemotherapy" item of stomach cancer does not make it Tier II.
    let tier = tiering.tier(for: tiering.resolve([item("gene", level: .B, specificity: .gene, therapies: ["Chemotherapy"])]), fallback: fallback)
    #expect(tier.tier == .iii)
  }

  @Test func geneLevelEvidenceCountsInItsOwnTumourTypeTumourAgnosticallyAndForStructuralEvents() {
    #expect(applied([item("own", match: .same, specificity: .gene)]) == ["own"])
    #expect(applied([item("agnostic", match: .agnostic, specificity: .gene)]) == ["agnostic"])
    // For a fusion or copy-number event the gene-level match is the event itself.
    #expect(applied([item("fusion", specificity: .gene)], structural: true) == ["fusion"])
  }

  @Test func resistanceOfAnotherTumourTypeIsCarriedAtLevelCLikeSensitivity() {
    let resolved = tiering.resolve([item("resistance", significance: "resistance", level: .A, specificity: .exon)])
    #expect(resolved.map(\.applied) == [true])
    #expect(tiering.tier(for: resolved, fallback: fallback).tier == .iiC)
  }

  @Test func diagnosticAndPrognosticEvidenceOfAnotherTumourTypeNeverTiers() {
    for type in ["diagnostic", "prognostic"] {
      let resolved = tiering.resolve([item(type, type: type, level: .A, specificity: .exact)])
      #expect(resolved.map(\.applied) == [false])
      // Even when offered as applied, it does not tier.
      var forced = resolved
      forced[0].applied = true
      #expect(tiering.tier(for: forced, fallback: fallback).tier == .iii)
    }
    #expect(applied([item("own", type: "diagnostic", level: .A, match: .same, specificity: .exact)]) == ["own"])
  }

  @Test func aLossOfFunctionClassOfLevelAOrBIsTheBiomarkerItselfAcrossTumourTypes() {
    func lossOfFunction(_ id: String, level: EvidenceLevel) -> MatchedEvidence {
      MatchedEvidence(
        id: id, matchedBy: "loss of function", evidenceType: "predictive", significance: "sensitivity", level: level,
        therapies: ["Olaparib"], disease: "", tumourTypes: ["OVARY"], tumourTypeMatch: .other, supports: true, citation: "test",
        source: "test", specificity: .gene)
    }
    // Deleterious BRCA2 for PARP inhibitors (level B in ovarian cancer) counts at level C in a leiomyosarcoma;
    // a level D loss-of-function item of another tumour type does not.
    #expect(applied([lossOfFunction("ovary-B", level: .B), lossOfFunction("cell-line-D", level: .D)]) == ["ovary-B"])
    // Resistance of another tumour type by a loss-of-function class (PTEN and cetuximab in colorectal cancer) does not.
    let resistance = MatchedEvidence(
      id: "colorectal-resistance-B", matchedBy: "loss of function", evidenceType: "predictive", significance: "resistance", level: .B,
      therapies: ["Cetuximab"], disease: "", tumourTypes: ["COADREAD"], tumourTypeMatch: .other, supports: true, citation: "test",
      source: "test", specificity: .gene)
    #expect(applied([resistance]).isEmpty)
    #expect(tiering.tier(for: tiering.resolve([lossOfFunction("ovary-B", level: .B)]), fallback: fallback).tier == .iiC)
  }

  @Test func aMoreSpecificItemDecidesOnlyAtAnEqualOrStrongerLevel() {
    // A weaker exact item (cell line, another tumour type) leaves the level A exon item of this tumour type standing.
    let weaker = [
      item("exon-label", level: .A, match: .same, specificity: .exon, therapies: ["Imatinib"]),
      item("exact-cell-line", level: .D, match: .same, specificity: .exact, therapies: ["Imatinib"]),
      item("exact-melanoma", significance: "resistance", level: .C, specificity: .exact, therapies: ["Imatinib"]),
    ]
    #expect(applied(weaker) == ["exon-label", "exact-cell-line", "exact-melanoma"])
    #expect(tiering.tier(for: tiering.resolve(weaker), fallback: fallback).tier == .iA)
    let call = tiering.drugCalls(tiering.resolve(weaker)).first { $0.therapy == "Imatinib" }
    #expect(call?.call == .sensitive && call?.deciding.id == "exon-label")
    // At an equal level the more specific item speaks for the drug.
    let equal = [
      item("exon-resistance", significance: "resistance", level: .B, match: .same, specificity: .exon, therapies: ["Imatinib"]),
      item("exact-sensitivity", level: .B, match: .same, specificity: .exact, therapies: ["Imatinib"]),
    ]
    #expect(applied(equal) == ["exact-sensitivity"])
    let note = tiering.resolve(equal).first { $0.id == "exon-resistance" }?.note ?? ""
    #expect(note.contains("more specific evidence at an equal or stronger level exact-sensitivity"))
  }

  @Test func untargetedTherapiesOfAnotherTumourTypeNeverCross() throws {
    // TP53 R175H: a stomach-cancer chemotherapy item matched exactly says nothing about a leiomyosarcoma.
    let chemo = item("chemo", level: .C, specificity: .exact, therapies: ["Cisplatin+Etoposide+Mitomycin"])
    let resolved = tiering.resolve([chemo])
    #expect(resolved.map(\.applied) == [false])
    #expect(resolved[0].note?.contains("not directed at this biomarker") == true)
    // A combination with a targeted drug is judged as targeted; the same chemotherapy in this tumour type counts.
    #expect(applied([item("combo", level: .C, specificity: .exact, therapies: ["Bevacizumab+Oxaliplatin"])]) == ["combo"])
    #expect(applied([item("own", level: .C, match: .same, specificity: .exact, therapies: ["Doxorubicin"])]) == ["own"])
    #expect(try #require(TestPanels.sarcoma.knowledge.rules.somatic.nonTargetedTherapies["Doxorubicin"]).contains("L01DB01"))
  }

  @Test func contraryEvidenceIsNeverApplied() {
    let resolved = tiering.resolve([item("contrary", level: .A, match: .same, specificity: .exact, supports: false)])
    #expect(resolved.map(\.applied) == [false])
    #expect(resolved[0].note?.contains("does not support") == true)
  }

  @Test func entityRulesListChangesAndMissenseChangesAtListedResidues() throws {
    let rule = EntityRule(
      id: "T", tumourTypes: ["OS"], kind: .characteristicMutation, genes: ["H3-3A"], statement: "", recommendation: "",
      source: "", pointsTo: ["GCTB"], alterations: ["G35", "K28M"])
    #expect(rule.lists(try #require(ProteinChange.parse("p.Gly35Trp"))))
    #expect(rule.lists(try #require(ProteinChange.parse("p.Lys28Met"))))
    #expect(!rule.lists(try #require(ProteinChange.parse("p.Lys28Ile"))))
    #expect(!rule.lists(try #require(ProteinChange.parse("p.Gly35AlafsTer12"))))
    #expect(!rule.lists(try #require(ProteinChange.parse("p.Gly34Trp"))))
    #expect(EntityRule.residueOrChange("R201")?.position == 201)
    #expect(EntityRule.residueOrChange("exon 11") == nil)
  }
}
