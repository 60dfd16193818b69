import SarcoCore
import SarcoTestSupport
import Testing

/// A made-up two-exon gene whose every base is known, laid out on the plus
/// strand and, mirrored, on the minus strand: the same change must get the same
/// names on both. Positions (1-based): 5' UTR 21-30, CDS 31-60 (exon 1: M A K D
/// W R S K K G), intron 61-100 (GT...AG), exon 2 101-140 (Q Q F stop at
/// 110-112, then 3' UTR with an in-frame stop three codons on).
struct SyntheticGene: ReferenceSequence {
  static let plusGenome: String = [
    String(repeating: "G", count: 20), "CCCCCCCCCC", "ATGGCTAAAGATTGGCGCTCAAAAAAAGGT",
    "GTAAGT" + String(repeating: "C", count: 30) + "TTAG", "CAGCAGTTCTAA", "GCGTAAGCGCGCTAGCGCGCGCGCGCGC",
    String(repeating: "A", count: 60),
  ].joined()
  let genome: String
  var sequenceNames: [String] { ["1"] }
  func length(contig: String) -> Int? { contig == "1" ? genome.utf8.count : nil }

  func bases(contig: String, start: Int, end: Int) -> String? {
    guard contig == "1" else { return nil }
    let bytes = Array(genome.utf8)
    let low = max(start, 1)
    let high = min(end, bytes.count)
    return low <= high ? String(decoding: bytes[(low - 1)...(high - 1)], as: UTF8.self) : ""
  }

  static let length = 200
  /// Genomic position on the minus-strand copy of a plus-strand position.
  static func mirror(_ position: Int) -> Int { length + 1 - position }

  static func model(strand: Strand) throws -> TranscriptModel {
    let plus = strand == .plus
    let genome = plus ? plusGenome : DNA.reverseComplement(plusGenome)
    func interval(_ start: Int, _ end: Int) -> GenomicInterval {
      plus ? GenomicInterval(contig: "1", start: start, end: end) : GenomicInterval(contig: "1", start: mirror(end), end: mirror(start))
    }
    let exons = [(1, interval(21, 60)), (2, interval(101, 140))].map {
      Exon(gene: "SYN", transcript: "NM_000001.1", build: .grch38, number: $0.0, interval: $0.1)
    }
    let coding = interval(31, 112)
    let locus = GeneLocus(
      build: .grch38, transcript: "NM_000001.1", span: interval(21, 140), codingStart: coding.start, codingEnd: coding.end)
    let gene = Gene(
      symbol: "SYN", aliases: [], ensemblGene: "ENSG0", refseqTranscript: "NM_000001.1", ensemblTranscript: "ENST0",
      chromosome: "1", strand: strand, role: "tumour_suppressor", germlineTesting: true, loci: [locus], source: "test")
    return try TranscriptModel(gene: gene, locus: locus, exons: exons, reference: SyntheticGene(genome: genome), flank: 100)
  }
}

@Suite struct ConsequenceEngineTests {
  static let severity = ConsequencePredictor.severityTable(TestPanels.sarcoma.knowledge.rules.severity)

  /// A plus-strand change as (first deleted base or insertion point, deleted, inserted), and what it should be called.
  struct Case: Sendable, CustomStringConvertible {
    let start: Int
    let deleted: String
    let inserted: String
    let terms: [String]
    let hgvsc: String
    let hgvsp: String?
    var description: String { hgvsc }
  }

  static let cases: [Case] = [
    Case(start: 34, deleted: "G", inserted: "C", terms: ["missense_variant"], hgvsc: "c.4G>C", hgvsp: "p.(Ala2Pro)"),
    Case(start: 36, deleted: "T", inserted: "C", terms: ["synonymous_variant"], hgvsc: "c.6T>C", hgvsp: "p.(Ala2=)"),
    Case(start: 44, deleted: "G", inserted: "A", terms: ["stop_gained"], hgvsc: "c.14G>A", hgvsp: "p.(Trp5Ter)"),
    Case(start: 32, deleted: "T", inserted: "C", terms: ["start_lost"], hgvsc: "c.2T>C", hgvsp: "p.(Met1?)"),
    Case(start: 110, deleted: "T", inserted: "C", terms: ["stop_lost"], hgvsc: "c.40T>C", hgvsp: "p.(Ter14GlnextTer2)"),
    Case(start: 112, deleted: "A", inserted: "G", terms: ["stop_retained_variant"], hgvsc: "c.42A>G", hgvsp: "p.(Ter14=)"),
    // One A out of the run 51-57: named at its 3' end, the frame reads off the transcript without a stop.
    Case(start: 51, deleted: "A", inserted: "", terms: ["frameshift_variant"], hgvsc: "c.27del", hgvsp: "p.(Gly10ValfsTer?)"),
    Case(start: 50, deleted: "C", inserted: "", terms: ["stop_gained", "frameshift_variant"], hgvsc: "c.20del", hgvsp: "p.(Ser7Ter)"),
    Case(start: 34, deleted: "", inserted: "G", terms: ["frameshift_variant"], hgvsc: "c.4dup", hgvsp: "p.(Ala2GlyfsTer2)"),
    Case(start: 51, deleted: "AAA", inserted: "", terms: ["inframe_deletion"], hgvsc: "c.25_27del", hgvsp: "p.(Lys9del)"),
    Case(start: 51, deleted: "", inserted: "AAA", terms: ["inframe_insertion"], hgvsc: "c.25_27dup", hgvsp: "p.(Lys9dup)"),
    Case(start: 43, deleted: "", inserted: "TGG", terms: ["inframe_insertion"], hgvsc: "c.13_15dup", hgvsp: "p.(Trp5dup)"),
    Case(start: 34, deleted: "", inserted: "CCC", terms: ["inframe_insertion"], hgvsc: "c.3_4insCCC", hgvsp: "p.(Met1_Ala2insPro)"),
    Case(start: 46, deleted: "CG", inserted: "TT", terms: ["missense_variant"], hgvsc: "c.16_17delinsTT", hgvsp: "p.(Arg6Phe)"),
    Case(start: 62, deleted: "T", inserted: "C", terms: ["splice_donor_variant"], hgvsc: "c.30+2T>C", hgvsp: nil),
    Case(start: 63, deleted: "A", inserted: "G", terms: ["splice_region_variant", "intron_variant"], hgvsc: "c.30+3A>G", hgvsp: nil),
    Case(start: 99, deleted: "A", inserted: "G", terms: ["splice_acceptor_variant"], hgvsc: "c.31-2A>G", hgvsp: nil),
    Case(start: 80, deleted: "C", inserted: "T", terms: ["intron_variant"], hgvsc: "c.30+20C>T", hgvsp: nil),
    Case(start: 81, deleted: "C", inserted: "T", terms: ["intron_variant"], hgvsc: "c.31-20C>T", hgvsp: nil),
    Case(start: 58, deleted: "G", inserted: "A", terms: ["missense_variant", "splice_region_variant"], hgvsc: "c.28G>A", hgvsp: "p.(Gly10Ser)"),
    Case(start: 25, deleted: "C", inserted: "T", terms: ["5_prime_UTR_variant"], hgvsc: "c.-6C>T", hgvsp: nil),
    Case(start: 120, deleted: "C", inserted: "T", terms: ["3_prime_UTR_variant"], hgvsc: "c.*8C>T", hgvsp: nil),
    Case(start: 10, deleted: "G", inserted: "A", terms: ["upstream_gene_variant"], hgvsc: "c.-21G>A", hgvsp: nil),
    Case(start: 150, deleted: "A", inserted: "G", terms: ["downstream_gene_variant"], hgvsc: "c.*38A>G", hgvsp: nil),
  ]

  func predict(_ test: Case, strand: Strand) throws -> AlleleConsequence? {
    let model = try SyntheticGene.model(strand: strand)
    var edit = NucleotideEdit(start: test.start, deleted: Array(test.deleted.utf8), inserted: Array(test.inserted.utf8))
    if strand == .minus {
      // The same change on the mirrored copy: positions reflected, bases complemented.
      let start = test.deleted.isEmpty ? SyntheticGene.mirror(test.start) + 1 : SyntheticGene.mirror(edit.end)
      edit = NucleotideEdit(
        start: start, deleted: DNA.reverseComplement(edit.deleted), inserted: DNA.reverseComplement(edit.inserted))
    }
    return ConsequencePredictor.consequence(of: edit, on: model, severity: Self.severity)
  }

  @Test(arguments: cases)
  func plusStrand(_ test: Case) throws {
    let consequence = try #require(try predict(test, strand: .plus))
    #expect(consequence.terms == test.terms)
    #expect(consequence.hgvsc == test.hgvsc)
    #expect(consequence.hgvsp == test.hgvsp)
  }

  @Test(arguments: cases)
  func minusStrandGivesTheSameNames(_ test: Case) throws {
    let consequence = try #require(try predict(test, strand: .minus))
    #expect(consequence.terms == test.terms)
    #expect(consequence.hgvsc == test.hgvsc)
    #expect(consequence.hgvsp == test.hgvsp)
  }

  @Test func exonAndIntronNumbersAndProteinShortForm() throws {
    let model = try SyntheticGene.model(strand: .minus)
    let stop = try #require(
      ConsequencePredictor.consequence(
        of: NucleotideEdit(start: SyntheticGene.mirror(44), deleted: Array("C".utf8), inserted: Array("T".utf8)), on: model,
        severity: Self.severity))
    #expect(stop.exon == 1 && stop.intron == nil && stop.exonCount == 2 && stop.codon == 5)
    #expect(stop.protein?.short == "W5*" && stop.isTruncating && stop.source == ConsequencePredictor.sourceName)
    let intronic = try #require(
      ConsequencePredictor.consequence(
        of: NucleotideEdit(start: SyntheticGene.mirror(80), deleted: Array("G".utf8), inserted: Array("A".utf8)), on: model,
        severity: Self.severity))
    #expect(intronic.intron == 1 && intronic.exon == nil)
  }

  @Test func paddedVCFAllelesGiveTheSameEdit() {
    // `CAAA>C` at 50 (left-aligned, VCF anchor base) is the deletion of 51-53.
    let edit = NucleotideEdit(position: 50, reference: "CAAA", alternate: "C")
    #expect(edit == NucleotideEdit(start: 51, deleted: Array("AAA".utf8), inserted: []))
    let insertion = NucleotideEdit(position: 50, reference: "C", alternate: "CAAA")
    #expect(insertion.isInsertion && insertion.start == 51 && insertion.touched == 50...51)
  }

  @Test func referenceWithUnknownBasesInExonsIsRefused() {
    let masked = String(SyntheticGene.plusGenome.prefix(40)) + "N" + String(SyntheticGene.plusGenome.dropFirst(41))
    #expect(throws: TranscriptModel.ModelError.unknownBases(1)) {
      let gene = Gene(
        symbol: "SYN", aliases: [], ensemblGene: "ENSG0", refseqTranscript: "NM_000001.1", ensemblTranscript: "ENST0",
        chromosome: "1", strand: .plus, role: "", germlineTesting: false, loci: [], source: "test")
      let locus = GeneLocus(
        build: .grch38, transcript: "NM_000001.1", span: GenomicInterval(contig: "1", start: 21, end: 140), codingStart: 31,
        codingEnd: 112)
      let exons = [
        Exon(gene: "SYN", transcript: "NM_000001.1", build: .grch38, number: 1, interval: GenomicInterval(contig: "1", start: 21, end: 60)),
        Exon(gene: "SYN", transcript: "NM_000001.1", build: .grch38, number: 2, interval: GenomicInterval(contig: "1", start: 101, end: 140)),
      ]
      _ = try TranscriptModel(gene: gene, locus: locus, exons: exons, reference: SyntheticGene(genome: masked))
    }
  }

  @Test func upstreamDisagreementNamesBothSides() {
    func consequence(_ terms: [String], _ c: String, _ p: String?, _ source: String) -> AlleleConsequence {
      AlleleConsequence(
        gene: "KIT", transcript: "NM_000222.3", terms: terms, impact: nil, hgvsc: c, hgvsp: p, protein: nil, exon: nil,
        intron: nil, exonCount: nil, source: source, panelTranscript: true, codon: nil)
    }
    let computed = consequence(["missense_variant"], "c.2525A>T", "p.(Asp842Val)", ConsequencePredictor.sourceName)
    let same = consequence(["missense_variant"], "NM_000222.3:c.2525A>T", "NP_000213.1:p.Asp842Val", "VEP CSQ")
    #expect(UpstreamComparison.disagreement(computed: computed, upstream: same) == nil)
    let other = consequence(["synonymous_variant"], "NM_000222.3:c.2526T>C", "NP_000213.1:p.Asp842%3D", "VEP CSQ")
    let text = UpstreamComparison.disagreement(computed: computed, upstream: other)
    #expect(text == "VEP CSQ on NM_000222.3: consequence synonymous_variant (computed missense_variant); c.2526T>C (computed c.2525A>T); p.Asp842= (computed p.Asp842Val)")
  }
}
