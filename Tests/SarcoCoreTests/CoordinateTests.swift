import Foundation
import SarcoCore
import Testing

@Suite struct ContigNameTests {
  @Test(arguments: [("chr17", "17"), ("17", "17"), ("chrM", "MT"), ("MT", "MT"), ("M", "MT"), ("chrX", "X"), ("CHR5", "5"), ("chrUn_gl000220", "Un_gl000220")])
  func canonicalSpelling(input: String, expected: String) {
    #expect(ContigName.canonical(input) == expected)
  }

  @Test func genomeOrderPutsNumbersThenSexChromosomesThenMitochondrion() {
    let sorted = ["chrX", "10", "2", "MT", "1", "GL000220.1", "Y"].sorted { ContigName.sortKey($0) < ContigName.sortKey($1) }
    #expect(sorted == ["1", "2", "10", "chrX", "Y", "MT", "GL000220.1"])
  }
}

@Suite struct GenomicIntervalTests {
  @Test func bedCoordinatesConvertToOneBasedClosed() {
    let interval = GenomicInterval(contig: "chr4", zeroBasedStart: 54_727_415, halfOpenEnd: 54_727_542)
    #expect(interval.start == 54_727_416)
    #expect(interval.end == 54_727_542)
    #expect(interval.zeroBasedStart == 54_727_415)
    #expect(interval.contig == "4")
    #expect(interval.length == 127)
  }

  @Test func paddingStopsAtPositionOne() {
    #expect(GenomicInterval(contig: "1", start: 5, end: 10).padded(by: 10) == GenomicInterval(contig: "1", start: 1, end: 20))
  }

  @Test func overlapIsInclusiveAtBothEnds() {
    let a = GenomicInterval(contig: "1", start: 10, end: 20)
    #expect(a.overlaps(GenomicInterval(contig: "chr1", start: 20, end: 30)))
    #expect(!a.overlaps(GenomicInterval(contig: "1", start: 21, end: 30)))
    #expect(!a.overlaps(GenomicInterval(contig: "2", start: 10, end: 20)))
  }
}

@Suite struct IntervalIndexTests {
  /// Deterministic pseudo-random numbers (xorshift) so failures reproduce.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
  }

  @Test func agreesWithBruteForceOnRandomIntervals() {
    var random = Generator(state: 0x5EED)
    var items: [(GenomicInterval, Int)] = []
    for id in 0..<2_000 {
      let contig = ["1", "2", "X"][Int.random(in: 0..<3, using: &random)]
      let start = Int.random(in: 1...1_000_000, using: &random)
      let length = Int.random(in: 0..<(id % 50 == 0 ? 200_000 : 2_000), using: &random)
      items.append((GenomicInterval(contig: contig, start: start, end: start + length), id))
    }
    let index = IntervalIndex(items)
    for _ in 0..<500 {
      let contig = ["chr1", "2", "X", "7"][Int.random(in: 0..<4, using: &random)]
      let start = Int.random(in: 1...1_000_000, using: &random)
      let query = GenomicInterval(contig: contig, start: start, end: start + Int.random(in: 0..<5_000, using: &random))
      let expected = Set(items.filter { $0.0.overlaps(query) }.map(\.1))
      #expect(Set(index.overlapping(query)) == expected)
    }
  }

  /// Results come in (start, end) order, ties in the order given, whether the items were given sorted or not.
  @Test func resultsKeepStartEndThenGivenOrder() {
    var random = Generator(state: 0xC0FFEE)
    let items: [(GenomicInterval, Int)] = (0..<3_000).map { id in
      let start = Int.random(in: 1...2_000, using: &random)  // many ties
      return (GenomicInterval(contig: "1", start: start, end: start + Int.random(in: 0..<3, using: &random)), id)
    }
    let presorted = items.sorted { ($0.0.start, $0.0.end, $0.1) < ($1.0.start, $1.0.end, $1.1) }
    for given in [items, presorted, Array(presorted.reversed())] {
      let query = GenomicInterval(contig: "1", start: 500, end: 900)
      let expected = given.enumerated().filter { $0.element.0.overlaps(query) }
        .sorted { ($0.element.0.start, $0.element.0.end, $0.offset) < ($1.element.0.start, $1.element.0.end, $1.offset) }
        .map(\.element.1)
      #expect(IntervalIndex(given).overlapping(query) == expected)
    }
  }
}

@Suite struct RegionFilterTests {
  @Test func mergesOverlappingAndAdjacentRanges() {
    let filter = RegionFilter([
      GenomicInterval(contig: "1", start: 100, end: 200), GenomicInterval(contig: "chr1", start: 150, end: 300),
      GenomicInterval(contig: "1", start: 301, end: 400), GenomicInterval(contig: "1", start: 500, end: 600),
    ])
    #expect(filter.ranges["1"] == [100...400, 500...600])
    #expect(filter.totalBases == 402)
    // The positions outside a contig that `withOutOfBounds` adds are not bases of the regions.
    let bounded = filter.withOutOfBounds(lengths: ["1": 1_000])
    #expect(bounded.ranges["1"] == [0...0, 100...400, 500...600, 1_001...RegionFilter.beyondAnyContig])
    #expect(bounded.basesWithinContigs == 402 && filter.basesWithinContigs == 402)
  }

  @Test(arguments: [(99, 99, false), (99, 100, true), (400, 400, true), (401, 499, false), (450, 550, true), (601, 700, false)])
  func overlapQueries(start: Int, end: Int, expected: Bool) {
    let filter = RegionFilter([GenomicInterval(contig: "1", start: 100, end: 400), GenomicInterval(contig: "1", start: 500, end: 600)])
    #expect(filter.overlaps(contig: "chr1", start: start, end: end) == expected)
    #expect(!filter.overlaps(contig: "2", start: start, end: end))
  }
}

@Suite struct GenomeBuildRawValueTests {
  @Test func eachCaseIsReadBackFromItsName() {
    for build in GenomeBuild.allCases { #expect(GenomeBuild(rawValue: build.rawValue) == build) }
    #expect(GenomeBuild(rawValue: "GRCh37") == .grch37)
    #expect(GenomeBuild(rawValue: "GRCh38") == .grch38)
  }

  /// The name exactly, as the synthesized form read it: user spellings go through `init(userSpelling:)`.
  @Test(arguments: ["grch38", "GRCH38", "GRCh38 ", " GRCh37", "hg38", "38", "", "GRCh3", "GRCh380"])
  func anythingElseIsRefused(name: String) {
    #expect(GenomeBuild(rawValue: name) == nil)
  }

  @Test func decodingReadsTheNameAndRefusesOtherSpellings() throws {
    let decoder = JSONDecoder()
    #expect(try decoder.decode([GenomeBuild].self, from: Data(#"["GRCh38","GRCh37"]"#.utf8)) == [.grch38, .grch37])
    #expect(throws: DecodingError.self) { try decoder.decode([GenomeBuild].self, from: Data(#"["hg19"]"#.utf8)) }
  }
}
