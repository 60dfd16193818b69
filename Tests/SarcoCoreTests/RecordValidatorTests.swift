import SarcoCore
import SarcoTestSupport
import Testing

@Suite struct RecordValidatorTests {
  let validator = RecordValidator(header: VCFHeader(text: "##contig=<ID=17,length=83257441>\n#CHROM\tPOS\tID\tREF\tALT"), build: .grch38)

  func record(_ reference: String, _ alternates: [String], position: Int = 7_674_220, contig: String = "17") -> VCFRecord {
    VCFRecord(contig: contig, position: position, referenceLength: reference.utf8.count, alleles: [reference] + alternates)
  }

  @Test func allelesMustBeBasesSymbolicBreakendOrMissing() {
    for good in [["T"], ["<DEL>"], ["<DUP:TANDEM>"], ["*"], ["."], ["G]17:198982]"], ["]13:123456]C"], ["C[2:321682["], ["[17:198983[C"], [".C"], ["C."], ["CT", "N"]] {
      #expect(validator.problem(record("C", good)) == nil, "\(good)")
    }
    for bad in [["C"], ["c"], ["T!@#"], ["R"], ["<DEL"], ["<>"], ["G]17:198982"], ["G]17:x]"], ["AG]17:198982]T"], [""]] {
      #expect(validator.problem(record("C", bad)) != nil, "\(bad)")
    }
    #expect(validator.problem(record("", ["T"])) == "REF is empty")
    #expect(validator.problem(record("CZ!", ["C"])) == "REF 'CZ!' is not made of A, C, G, T and N")
  }

  @Test func positionsOutsideTheContigAreInvalidExceptBreakendTelomeres() {
    #expect(validator.problem(record("C", ["T"], position: 0)) == "POS 0 is before the start of 17")
    #expect(validator.problem(record("C", ["T"], position: 83_257_442)) == "POS 83257442 is beyond the end of 17 (83257441 bases)")
    #expect(validator.problem(record("N", [".N"], position: 0)) == nil)
    // The build's length stands in for a contig the header does not declare.
    #expect(validator.problem(record("C", ["T"], position: 248_956_423, contig: "chr1")) != nil)
  }

  @Test func depthsAndFractionsMustBePossible() {
    var negative = record("C", ["T"])
    negative.sampleFields = [["AD": .integers([10, -1])]]
    #expect(validator.problem(negative) == "sample 1 FORMAT/AD -1 is negative")
    var fraction = record("C", ["T"])
    fraction.info = ["AF": .floats([1.5])]
    #expect(validator.problem(fraction) == "INFO/AF 1.5 is outside 0 to 1")
    var end = record("C", ["<DEL>"])
    end.info = ["END": .integers([7_674_000])]
    #expect(validator.problem(end) == "INFO/END 7674000 is before POS 7674220")
  }

  @Test func controlCharactersInMessagesAreEscapedAndLongValuesCut() {
    let problem = validator.problem(record("C", ["T\u{1}" + String(repeating: "A", count: 40)])) ?? ""
    #expect(problem.contains("\\u{1}") && problem.contains("...") && problem.count < 80)
  }
}

@Suite struct ShortReferenceModelTests {
  /// A FASTA shorter than the transcript trapped in TranscriptModel.init (slicing past the bases returned).
  @Test func transcriptModelRefusesAReferenceShorterThanItsExons() throws {
    let cut = SyntheticGene(genome: String(SyntheticGene.plusGenome.prefix(120)))
    let exons = [(1, 21, 60), (2, 101, 140)].map {
      Exon(gene: "SYN", transcript: "NM_000001.1", build: .grch38, number: $0.0, interval: GenomicInterval(contig: "1", start: $0.1, end: $0.2))
    }
    let locus = GeneLocus(
      build: .grch38, transcript: "NM_000001.1", span: GenomicInterval(contig: "1", start: 21, end: 140), codingStart: 31, codingEnd: 112)
    let gene = Gene(
      symbol: "SYN", aliases: [], ensemblGene: "ENSG0", refseqTranscript: "NM_000001.1", ensemblTranscript: "ENST0",
      chromosome: "1", strand: .plus, role: "tumour_suppressor", germlineTesting: true, loci: [locus], source: "test")
    #expect(throws: TranscriptModel.ModelError.contigTooShort(contig: "1", length: 120, needed: 140)) {
      _ = try TranscriptModel(gene: gene, locus: locus, exons: exons, reference: cut, flank: 100)
    }
  }
}
