import Foundation
import SarcoTestSupport
@testable import SarcoCore
import Testing

@Suite struct ProteinChangeTests {
  @Test(arguments: [
    ("ENSP00000288135.6:p.Trp557_Lys558del", "W557_K558del", ProteinChange.Effect.deletion),
    ("p.Val600Glu", "V600E", .missense),
    ("p.(Arg213Ter)", "R213*", .nonsense),
    ("p.Arg213*", "R213*", .nonsense),
    ("p.Arg213ProfsTer5", "R213fs", .frameshift),
    ("p.Ala79=", "A79=", .synonymous),
    ("p.Met1?", "M1?", .startLost),
    ("p.D842V", "D842V", .missense),
    ("p.Ter394GlnextTer17", "*394ext", .stopLost),
    ("p.Glu746_Ala750del", "E746_A750del", .deletion),
  ])
  func parses(hgvs: String, short: String, effect: ProteinChange.Effect) {
    let change = ProteinChange.parse(hgvs)
    #expect(change?.short == short)
    #expect(change?.effect == effect)
  }

  @Test func rejectsNonProteinText() {
    #expect(ProteinChange.parse("c.637C>T") == nil)
    #expect(ProteinChange.parse("p.?") == nil)
    // Residues are ASCII capitals: a letter with an accent is not an amino acid.
    #expect(ProteinChange.parse("p.Ä12K") == nil)
    #expect(ProteinChange.parse("p.R\u{301}248Q") == nil)
    #expect(ProteinChange.parse("p.R２48Q") == nil)
  }

  /// The somatic index reads a known allele's first residue directly when the change is a plain
  /// one-letter substitution: the same residue and position as the parser's, and the parser's nil, for
  /// the edge cases, random texts and every change the sarcoma panel lists.
  @Test func firstResidueIsTheParsersFirstResidue() throws {
    func parsed(_ change: String) -> String? {
      ProteinChange.parse("p.\(change)").map { "\($0.referenceResidue)\($0.position)" }
    }
    func direct(_ change: String) -> String? {
      ProteinChange.firstResidue(ofChange: change).map { "\($0.residue)\($0.position)" }
    }
    var texts = [
      "G328V", "R248*", "V600=", "*394W", "*394=", "M1?", "G12", "12V", "G1_2V", "g12v", "G12v", "Gly12Val", "L755_T759del",
      "", "G", "GV", "p.G12V", "(G12V)", "G0V", "G007V", "G99999999999999999V", "G999999999999999999999V", "R２48Q", "R\u{301}248Q",
      "Ä12K", "G12 V", "G-12V", "G+12V",
    ]
    var random = SplitMix(seed: 7)
    let alphabet = Array("GVRAWX*=?0123456789_delinsfsp.()Ter ")
    for _ in 0..<20_000 {
      texts.append(String((0..<random.next(below: 9)).map { _ in alphabet[random.next(below: alphabet.count)] }))
    }
    let table = try String(contentsOfFile: TestData.path("panels/sarcoma/known_alleles.tsv"), encoding: .utf8)
    let panelChanges = table.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[7]) }
    #expect(panelChanges.count > 1_000)
    for text in texts + panelChanges {
      #expect(direct(text) == parsed(text), "\(text)")
    }
  }
}

@Suite struct PanelConsequenceTests {
  let view = try! PanelView(panel: TestPanels.sarcoma, build: .grch38)

  /// Names that are not symbols are looked up in a map of upper-cased symbols and aliases, built
  /// once: every symbol and alias, in three letter cases, and names of no gene, must find what
  /// `Panel.gene(named:)` finds (the first gene in panel order).
  @Test func aliasesAndLetterCasesFindWhatThePanelFinds() {
    let panel = view.panel
    var names = ["", "NOTAGENE", "kitt", "ß", "e\u{301}"]
    for gene in panel.genes {
      for name in [gene.symbol] + gene.aliases { names += [name, name.lowercased(), name.prefix(1).lowercased() + name.dropFirst()] }
    }
    #expect(panel.genes.contains { !$0.aliases.isEmpty }, "the panel has aliases to look up")
    for name in names {
      let expected = view.geneBySymbol[name] ?? panel.gene(named: name)
      #expect(view.gene(name)?.symbol == expected?.symbol, "\(name)")
      #expect(view.hasGene(name) == (expected != nil), "\(name)")
    }
  }

  func consequence(_ position: Int, _ reference: String, _ alternate: String, contig: String = "17") -> AlleleConsequence? {
    let kind = AlleleTrimming.kind(reference: reference, alternate: alternate)
    let variant = Variant(
      contig: contig, position: position, reference: reference, alternate: alternate,
      end: position + reference.count - 1, kind: kind, id: ".", quality: nil, filters: [],
      original: OriginalRecord(position: position, reference: reference, alternates: [alternate], alternateIndex: 1),
      tumor: nil, normal: nil, upstream: [], structural: nil)
    guard let hit = view.geneHits(for: variant).first else { return nil }
    return ConsequenceSelector(view: view).select(for: variant, hit: hit)
  }

  @Test func minusStrandCodingSNVGetsItsCodingName() throws {
    let r213 = try #require(consequence(7_674_894, "G", "A"))
    #expect(r213.hgvsc == "c.637C>T" && r213.codon == 213 && r213.exon == 6 && r213.source == "panel-derived")
    // The panel knows this allele (cancerhotspots codon change): the coding change becomes a stop gain.
    #expect(r213.terms == ["stop_gained"] && r213.protein?.short == "R213*" && r213.proteinBasis == .knownAllele)
  }

  /// An upstream entry on the panel transcript without EXON/INTRON fields (some VEP field selections):
  /// an intronic hit takes the panel's intron number, never as an exon number.
  @Test func upstreamEntryWithoutNumbersTakesThePanelsIntron() throws {
    let gene = try #require(view.gene("TP53"))
    let entry = UpstreamConsequence(
      source: "CSQ", gene: "TP53", transcript: gene.ensemblTranscript, consequence: "intron_variant", hgvsc: nil, hgvsp: nil,
      exon: nil, intron: nil, maneSelect: nil)
    let variant = Variant(
      contig: "17", position: 7_670_500, reference: "C", alternate: "T", end: 7_670_500, kind: .snv, id: ".", quality: nil,
      filters: [], original: OriginalRecord(position: 7_670_500, reference: "C", alternates: ["T"], alternateIndex: 1),
      tumor: nil, normal: nil, upstream: [entry], structural: nil)
    let hit = try #require(view.geneHits(for: variant).first)
    #expect(hit.region == .intron)
    let chosen = try #require(ConsequenceSelector(view: view).select(for: variant, hit: hit))
    #expect(chosen.source == "VEP CSQ")
    #expect(chosen.exon == nil)
    #expect(chosen.intron == hit.number)
  }

  @Test func canonicalSpliceSitesAndSpliceRegion() throws {
    // TP53 (minus strand) exon 10 ends at c.1100 (genomic 7670609); 7670608-7670607 read CA on the
    // plus strand of the shared GRCh38 FASTA, the GT donor on the transcript's strand.
    let donor = try #require(consequence(7_670_608, "C", "T"))
    #expect(donor.terms.first == "splice_donor_variant")
    #expect(donor.hgvsc == "c.1100+1G>A")
    let region = try #require(consequence(7_670_604, "C", "T"))
    #expect(region.terms.contains("splice_region_variant") && region.terms.contains("intron_variant"))
    #expect(!region.terms.contains("splice_donor_variant"))
  }

  @Test func indelLengthDecidesFrameshiftOrInFrame() throws {
    #expect(try #require(consequence(54_727_436, "GTGGAAG", "G", contig: "4")).terms == ["inframe_deletion"])
    #expect(try #require(consequence(54_727_436, "GT", "G", contig: "4")).terms == ["frameshift_variant"])
  }
}

@Suite struct RealUpstreamAnnotationTests {
  /// vcf2maf's VEP-annotated Pindel example (GRCh37, 80-odd CSQ fields): every
  /// entry's gene, HGVSc and HGVSp read through the header layout equal the
  /// columns the header names, taken independently here.
  @Test(.enabled(if: Prerequisite.sharedData("examples/vcf2maf_tests"), "needs ../shared/data/examples/vcf2maf_tests"))
  func vcf2mafVEPExampleFieldsFollowTheHeader() throws {
    let path = try #require(TestData.shared("examples/vcf2maf_tests/test_pindel.vep.vcf"))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n")
    let header = VCFHeader(text: lines.filter { $0.hasPrefix("#") }.joined(separator: "\n"))
    let parser = UpstreamConsequenceParser(header: header)
    let format = try #require(header.info["CSQ"]?.description.split(separator: ":").last)
      .trimmingCharacters(in: .whitespaces).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    let symbol = try #require(format.firstIndex(of: "SYMBOL"))
    let hgvsc = try #require(format.firstIndex(of: "HGVSc"))
    let hgvsp = try #require(format.firstIndex(of: "HGVSp"))
    var compared = 0
    for line in lines where !line.hasPrefix("#") {
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard let csq = columns[7].split(separator: ";").first(where: { $0.hasPrefix("CSQ=") })?.dropFirst(4) else { continue }
      let parsed = parser.consequences(info: ["CSQ": .strings([String(csq)])], reference: columns[3], alternate: columns[4])
      let entries = csq.split(separator: ",").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
      #expect(parsed.count == entries.count)
      for (entry, consequence) in zip(entries, parsed) {
        #expect(consequence.gene == (entry[symbol].isEmpty ? nil : entry[symbol]))
        #expect(consequence.hgvsc == (entry[hgvsc].isEmpty ? nil : entry[hgvsc]))
        #expect(consequence.hgvsp == (entry[hgvsp].isEmpty ? nil : entry[hgvsp]))
        compared += 1
      }
    }
    #expect(compared > 100)
  }
}

@Suite struct UncalledHotspotTests {
  func pileup(alt: Int, depth: Int) -> HotspotPileup {
    var counts = BaseCounts()
    counts.forward["A"] = depth - alt
    counts.reverse["T"] = alt
    return HotspotPileup(gene: "PDGFRA", change: "D842", contig: "4", position: 54_285_926, reference: "A", counts: counts)
  }

  func variant(at position: Int) -> Variant {
    Variant(
      contig: "chr4", position: position, reference: "A", alternate: "T", end: position, kind: .snv, id: ".", quality: nil,
      filters: [], original: OriginalRecord(position: position, reference: "A", alternates: ["T"], alternateIndex: 1),
      tumor: nil, normal: nil, upstream: [], structural: nil)
  }

  @Test func alternateReadsWithoutACallAreFlagged() {
    let reads = pileup(alt: 12, depth: 800)
    #expect(UncalledHotspots.find(pileups: [reads], variants: []) == [reads])
    #expect(UncalledHotspots.find(pileups: [reads], variants: [variant(at: 54_285_926)]).isEmpty)
    #expect(UncalledHotspots.find(pileups: [reads], variants: [variant(at: 54_285_927)]) == [reads])
    // Two reads, or 3 of 1000 (0.3%), are noise.
    #expect(UncalledHotspots.find(pileups: [pileup(alt: 2, depth: 100)], variants: []).isEmpty)
    #expect(UncalledHotspots.find(pileups: [pileup(alt: 3, depth: 1000)], variants: []).isEmpty)
    #expect(UncalledHotspots.note(reads).contains("12 of 800 reads alternate"))
  }
}

@Suite struct GermlineTriageCitationTests {
  /// The hand-written cut matches Foundation's `components(separatedBy: "; ")`, empty parts included.
  @Test(arguments: [
    "", "PMID 1", "PMID 1; PMID 2", "a;b", "a; ", "; a", "a; ; b", "a;; b", "a ;b", "a; b; c; ", ";", "; ",
    "ESMO PMWG 2023 (Kuzbari, PMID 37931637); NCCN", "é; ü; 日本", "a;\u{301} b", "a; \u{301}b", "\u{600}; b", "a; b\u{301}; c", "👍🏽; 🇫🇷; x", "a; \u{301}b; c", "\u{600}; b; c", "x; y; \u{301}z; w",
  ])
  func citationPartsCutLikeFoundation(source: String) {
    #expect(GermlineTriage.citationParts(source) == source.components(separatedBy: "; "))
  }

  @Test func citationsListEachPartOnceInOrder() {
    #expect(GermlineTriage.citations(["A; B", "B; C", "A"]) == "A; B; C")
    #expect(GermlineTriage.citations([]) == "")
  }
}
