import Foundation
import SarcoCore
import SarcoTestSupport
import Testing

@testable import SarcoIO

/// A value exercising what synthesised and hand-written `Codable` produce:
/// optionals, enums with payloads, dictionaries, nesting, extreme numbers.
struct CodableSample: Codable, Equatable {
  enum Shape: Codable, Equatable {
    case point
    case circle(radius: Double)
    case named(String, Int)
  }

  var text: String
  var empty: String
  var unicode: String
  var missing: Int?
  var present: Int?
  var flags: [Bool]
  var shapes: [Shape]
  var byName: [String: [Int]]
  var byNumber: [Int: String]
  var nested: [[UInt8]]
  var extremes: [Int64]
  var unsigned: UInt64
  var small: Int8
  var ratio: Double
  var single: Float
  var interval: GenomicInterval
}

@Suite struct BinaryCoderTests {
  static let sample = CodableSample(
    text: "BRAF V600E", empty: "", unicode: "Ewing-Sarkom · 尤文氏肉瘤 🧬", missing: nil, present: -7,
    flags: [true, false, true], shapes: [.point, .circle(radius: 2.5), .named("KIT", 11)],
    byName: ["a": [1, 2], "b": [], "long key with spaces and more than fifteen bytes": [Int.max]],
    byNumber: [3: "three", -1: "minus one"], nested: [[], [0, 255], [7]],
    extremes: [Int64.min, -1, 0, 1, Int64.max], unsigned: UInt64.max, small: -128, ratio: -0.0,
    single: 3.25, interval: GenomicInterval(contig: "chr17", start: 7_668_402, end: 7_687_550))

  @Test func anyCodableValueRoundTrips() throws {
    let data = try BinaryEncoder.encode(Self.sample)
    let back = try BinaryDecoder.decode(CodableSample.self, from: data)
    #expect(back == Self.sample)
    #expect(back.ratio.sign == .minus)
    let nan = try BinaryDecoder.decode([Double].self, from: try BinaryEncoder.encode([Double.nan, .infinity]))
    #expect(nan[0].isNaN && nan[1] == .infinity)
  }

  /// PVS1 rules and PM1 regions as flat rows: optional ranges, numbers and strengths come back,
  /// through the container and straight from the bytes alike; a range whose bounds are reversed is refused.
  @Test func ruleRowsRoundTripAndRefuseReversedRanges() throws {
    let regions = [
      PM1Region(gene: "TP53", residues: 175...248, change: nil, strength: .moderate, description: "DNA-binding", source: "VCEP"),
      PM1Region(gene: "APC", residues: nil, change: "R876Q", strength: nil, description: "not applicable", source: "VCEP"),
    ]
    let rules = [
      PVS1GeneRule(gene: "TP53", kind: .truncationAfter, residues: 1...393, exon: nil, site: .any, strength: .veryStrong, description: "", source: "s"),
      PVS1GeneRule(gene: "APC", kind: .spliceExon, residues: nil, exon: 16, site: .donor, strength: nil, description: "d", source: "s"),
    ]
    let encodedRegions = try BinaryEncoder.encode(regions)
    #expect(try BinaryDecoder.decode([PM1Region].self, from: encodedRegions) == regions)
    let input = try BinaryInput(bytes: Array(encodedRegions))
    #expect(try input.rows(PM1Region.self, at: input.rootOffset) == regions)
    let encodedRules = try BinaryEncoder.encode(rules)
    #expect(try BinaryDecoder.decode([PVS1GeneRule].self, from: encodedRules) == rules)
    let ruleInput = try BinaryInput(bytes: Array(encodedRules))
    #expect(try ruleInput.rows(PVS1GeneRule.self, at: ruleInput.rootOffset) == rules)
    struct Row: Encodable {
      let lower: Int
      let upper: Int
      func encode(to encoder: Encoder) throws {
        var row = encoder.unkeyedContainer()
        try row.encode("TP53")
        try row.encode(lower)
        try row.encode(upper)
        try row.encodeNil()
        try row.encodeNil()
        try row.encode("d")
        try row.encode("s")
      }
    }
    #expect(try BinaryDecoder.decode(PM1Region.self, from: try BinaryEncoder.encode(Row(lower: 175, upper: 248))).residues == 175...248)
    let reversed = try BinaryEncoder.encode([Row(lower: 248, upper: 175)])
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([PM1Region].self, from: reversed) }
    let reversedInput = try BinaryInput(bytes: Array(reversed))
    #expect(throws: DecodingError.self) { try reversedInput.rows(PM1Region.self, at: reversedInput.rootOffset) }
  }

  /// A row's unkeyed container must fit an existential's three inline words, or every row decoded
  /// allocates a box (a sixth of the panel decode's instructions).
  @Test func unkeyedContainerFitsInline() throws {
    #expect(MemoryLayout<BinaryUnkeyedDecoding>.size <= 3 * MemoryLayout<Int>.size)
    let input = try BinaryInput(bytes: Array(try BinaryEncoder.encode([7, 8])))
    var row = try BinaryTreeDecoder(input: input, offset: input.rootOffset).unkeyedContainer()
    #expect(row.count == 2 && row.currentIndex == 0 && !row.isAtEnd)
    #expect(try row.decode(Int.self) == 7 && row.currentIndex == 1)
    #expect(try row.decode(Int.self) == 8 && row.isAtEnd)
    #expect(throws: DecodingError.self) { try row.decode(Int.self) }
  }

  /// Arrays of `reservedFrom` items or more are decoded item by item into storage of their final
  /// size (shorter ones through the standard library's `init(from:)`): both ways give the same
  /// arrays at every length around the threshold, for items of every kind, and a bad item or a cut
  /// anywhere in a long array is refused.
  @Test func arraysOfEveryLengthRoundTrip() throws {
    let threshold = BinaryItems<CodableSample>.reservedFrom
    for count in [0, 1, threshold - 1, threshold, threshold + 1, 3 * threshold + 7] {
      let samples = (0..<count).map { index -> CodableSample in
        var sample = Self.sample
        sample.present = index
        sample.text = "item \(index)"
        return sample
      }
      #expect(try BinaryDecoder.decode([CodableSample].self, from: try BinaryEncoder.encode(samples)) == samples, "\(count) items")
      let optionals = (0..<count).map { $0 % 3 == 0 ? nil : $0 }
      #expect(try BinaryDecoder.decode([Int?].self, from: try BinaryEncoder.encode(optionals)) == optionals, "\(count) optionals")
      let nested = (0..<count).map { Array(repeating: "x\($0)", count: $0 % 4) }
      #expect(try BinaryDecoder.decode([[String]].self, from: try BinaryEncoder.encode(nested)) == nested, "\(count) arrays")
    }
    struct Mixed: Encodable {
      let items: [Int]
      func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        for item in items { item == 70 ? try container.encode("seventy") : try container.encode(item) }
      }
    }
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([Int].self, from: try BinaryEncoder.encode(Mixed(items: Array(0..<100)))) }
    let long = try BinaryEncoder.encode(Array(repeating: Self.sample, count: threshold + 1))
    for cut in stride(from: 1, to: long.count, by: max(1, long.count / 97)) {
      #expect(throws: DecodingError.self, "cut at \(cut)") { try BinaryDecoder.decode([CodableSample].self, from: long.prefix(cut)) }
    }
  }

  /// `[UInt32]` is read in one loop over the bytes: every varint length (1 to 5 bytes) comes back,
  /// and a value past 32 bits, another type, or bytes cut anywhere are refused, never misread.
  @Test func unsignedArraysRoundTripAndRefuseWhatIsNotOne() throws {
    let values: [UInt32] = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, .max]
    let data = try BinaryEncoder.encode(values)
    #expect(try BinaryDecoder.decode([UInt32].self, from: data) == values)
    #expect(try BinaryDecoder.decode([UInt32].self, from: try BinaryEncoder.encode([UInt32]())) == [])
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([UInt32].self, from: try BinaryEncoder.encode([UInt64(UInt32.max) + 1])) }
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([UInt32].self, from: try BinaryEncoder.encode([-1])) }
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([UInt32].self, from: try BinaryEncoder.encode(["7"])) }
    for cut in 0..<data.count {
      #expect(throws: DecodingError.self, "cut at \(cut)") { try BinaryDecoder.decode([UInt32].self, from: data.prefix(cut)) }
    }
  }

  /// A `[UInt32]` member is written packed (4 little-endian bytes a value) and read back by copying:
  /// every width of value comes back, the member skips as a whole, other types are refused, and
  /// bytes cut anywhere are refused, never misread.
  @Test func packedUnsignedMembersRoundTripAndRefuseWhatIsNotOne() throws {
    struct Cells: Codable, Equatable {
      var before: String
      var cells: [UInt32]
      var after: Int
    }
    let value = Cells(before: "b", cells: [0, 1, 127, 128, 65_535, 65_536, 16_777_216, .max], after: -7)
    let data = try BinaryEncoder.encode(value)
    #expect(data.contains(BinaryTag.packedUnsigned32.rawValue))
    #expect(try BinaryDecoder.decode(Cells.self, from: data) == value)
    let empty = Cells(before: "", cells: [], after: 0)
    #expect(try BinaryDecoder.decode(Cells.self, from: try BinaryEncoder.encode(empty)) == empty)
    struct Signed: Codable { var before: String; var cells: [Int]; var after: Int }
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode(Signed.self, from: data) }
    for cut in 0..<data.count {
      #expect(throws: DecodingError.self, "cut at \(cut)") { try BinaryDecoder.decode(Cells.self, from: data.prefix(cut)) }
    }
  }

  /// Every panel of the repository comes back equal, including the known
  /// variants decoded on a thread of their own.
  @Test(arguments: ["panels/sarcoma", "panels/hereditary", "testdata/panels/mini38"])
  func panelsRoundTrip(panel relative: String) throws {
    let panel = try PanelLoader.load(directory: TestData.path(relative))
    let encoded = try BinaryEncoder.encode(panel)
    let back = try BinaryDecoder.decode(Panel.self, from: encoded)
    #expect(back == panel)
    // The cache decodes the known variants, the rest of the knowledge and the rest side by side, by
    // member name, from the payload's place in the file.
    #expect(try PanelCache.decodePanel([UInt8](encoded)) == panel)
    #expect(try PanelCache.decodePanel([0x53, 0x50] + [UInt8](encoded), from: 2) == panel)
  }

  /// The cache decodes the knowledge member by member: the names it uses are `PanelKnowledge`'s
  /// properties, all of them, so a property added later cannot be dropped silently.
  @Test func knowledgeIsDecodedMemberByMember() throws {
    let properties = Mirror(reflecting: PanelKnowledge()).children.compactMap(\.label)
    #expect(PanelCache.knowledgeMembers == properties)
    let panel = try PanelLoader.load(directory: TestData.path("testdata/panels/mini38"))
    let knowledge = try BinaryMembers(try BinaryEncoder.encode(panel)).members(forKey: "knowledge")
    #expect(try knowledge.count == PanelCache.knowledgeMembers.count)
    // A copy whose knowledge has a member more (a property added later) decodes as a whole, dropping
    // it; the cache refuses it instead (and rebuilds the copy from the tables).
    let wider = try BinaryEncoder.encode(PanelWithWiderKnowledge(panel: panel))
    #expect(try BinaryDecoder.decode(Panel.self, from: wider) == panel)
    #expect(throws: DecodingError.self) { try PanelCache.decodePanel([UInt8](wider)) }
  }

  /// Cut or damaged bytes make the decoder throw (or decode something else), never crash or hang.
  @Test func damagedInputThrowsInsteadOfCrashing() throws {
    let data = try BinaryEncoder.encode(Self.sample)
    var failures = 0
    for length in stride(from: 0, to: data.count, by: 3) {
      if (try? BinaryDecoder.decode(CodableSample.self, from: data.prefix(length))) == nil { failures += 1 }
    }
    #expect(failures == (data.count + 2) / 3)
    for position in 0..<data.count {
      var damaged = data
      damaged[position] ^= 0xA5
      _ = try? BinaryDecoder.decode(CodableSample.self, from: damaged)
    }
  }

  @Test func typeMismatchesAreDecodingErrors() throws {
    let data = try BinaryEncoder.encode(["a": "text"])
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([String: Int].self, from: data) }
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([Int8].self, from: try BinaryEncoder.encode([300])) }
    // `[UInt32]` has its own decoding loop: same checks.
    #expect(try BinaryDecoder.decode([UInt32].self, from: try BinaryEncoder.encode([UInt32(0), 7, .max])) == [0, 7, .max])
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([UInt32].self, from: try BinaryEncoder.encode([UInt64(1) << 32])) }
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([UInt32].self, from: try BinaryEncoder.encode([-1])) }
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode([UInt32].self, from: try BinaryEncoder.encode(["1"])) }
  }

  static func known(_ gene: String, _ position: Int, _ reference: String, _ alternate: String, stars: Int = 2) -> KnownVariant {
    KnownVariant(
      gene: gene, build: .grch38, interval: GenomicInterval(contig: "17", start: position, end: position + reference.count - 1),
      reference: reference, alternate: alternate, clinvarID: "\(position)", significance: "Pathogenic",
      reviewStatus: "reviewed_by_expert_panel", stars: stars, release: "2025-01", consequence: "missense_variant")
  }

  /// The column store gives back every row as appended, after a decode too, and rows appended
  /// after a decode reuse the decoded texts.
  @Test func knownVariantTableRowsComeBackAsAppended() throws {
    let rows = [Self.known("TP53", 7_675_088, "C", "T"), Self.known("TP53", 7_675_088, "C", "A", stars: 3), Self.known("NF1", 31_200_000, "AG", "A")]
    let table = KnownVariantTable(rows)
    #expect(Array(table) == rows)
    var back = try BinaryDecoder.decode(KnownVariantTable.self, from: try BinaryEncoder.encode(table))
    #expect(Array(back) == rows)
    #expect(back == table)
    let extra = Self.known("TP53", 7_674_220, "C", "T")
    back.append(extra)
    #expect(Array(back) == rows + [extra])
    #expect(back.textNumber(3, .gene) == back.textNumber(0, .gene))
    #expect(back != table)
    // Empty texts and an empty table come back too; a text holding a newline is not encoded.
    let blank = Self.known("", 7_675_088, "C", "T")
    #expect(Array(try BinaryDecoder.decode(KnownVariantTable.self, from: try BinaryEncoder.encode(KnownVariantTable([blank])))) == [blank])
    #expect(try BinaryDecoder.decode(KnownVariantTable.self, from: try BinaryEncoder.encode(KnownVariantTable())).isEmpty)
    #expect(throws: EncodingError.self) { try BinaryEncoder.encode(KnownVariantTable([Self.known("TP\n53", 7_675_088, "C", "T")])) }
  }

  /// Evidence rows are coded flat, the matcher as its case name and values: every case comes back,
  /// an exon range with and without a kind of change included; an unknown case or level is refused.
  @Test func evidenceItemsOfEveryMatcherRoundTrip() throws {
    let matchers: [EvidenceMatcher] = [
      .exact("V600E"), .codon("R132"), .exon(first: 11, last: 11, kind: nil), .exon(first: 18, last: 19, kind: "deletion"),
      .variantClass("loss_of_function"), .fusion("EWSR1::*"), .amplification, .deletion, .biallelicLoss,
      .tumourMutationalBurden(10.5), .microsatelliteInstability,
    ]
    let items = matchers.enumerated().map { index, matcher in
      EvidenceItem(
        id: "E\(index)", gene: "KIT", matcher: matcher, tumourTypes: index == 0 ? [] : ["GIST", "*"], disease: "GIST", doid: "9253",
        therapies: index == 1 ? [] : ["imatinib"], evidenceType: "predictive", direction: "supports", significance: "sensitivity",
        level: .B, exclusions: index == 2 ? ["D842V"] : [], sourceLevel: "curated", origin: "somatic", citation: "PMID:1", source: "test")
    }
    #expect(try BinaryDecoder.decode([EvidenceItem].self, from: try BinaryEncoder.encode(items)) == items)
    struct Row: Encodable {
      let cells: [String]
      func encode(to encoder: Encoder) throws {
        var row = encoder.unkeyedContainer()
        for cell in cells { try row.encode(cell) }
      }
    }
    let unknownMatcher = Row(cells: ["E", "KIT", "somewhere"])
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode(EvidenceItem.self, from: try BinaryEncoder.encode(unknownMatcher)) }
    // The level's text is the only `B` byte of this row: made `Z`, the row is refused.
    var bytes = [UInt8](try BinaryEncoder.encode(items[5]))
    #expect(bytes.filter { $0 == UInt8(ascii: "B") }.count == 1)
    bytes = bytes.map { $0 == UInt8(ascii: "B") ? UInt8(ascii: "Z") : $0 }
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode(EvidenceItem.self, from: Data(bytes)) }
  }

  /// Exons, hotspots (each kind, with and without counts) and known alleles are coded as flat rows:
  /// they come back equal; an impossible interval, an unknown build or kind is refused, not trapped on.
  @Test func panelRowsRoundTripAndDamageIsRefused() throws {
    let interval = GenomicInterval(contig: "4", start: 54_727_415, end: 54_727_417)
    let exon = Exon(gene: "PDGFRA", transcript: "NM_006206.6", build: .grch38, number: 18, interval: interval)
    var counted = Hotspot(gene: "PDGFRA", build: .grch38, interval: interval, change: "D842", source: "cancerhotspots")
    counted.sampleCount = 12
    counted.variantCounts = ["D842V": 9, "D842Y": 2, "D842I": 1]
    var range = Hotspot(gene: "KIT", build: .grch37, interval: interval, change: "550-580", source: "curated")
    range.kind = .indelRange
    var promoter = Hotspot(gene: "TERT", build: .grch38, interval: interval, change: "C228T", source: "curated")
    promoter.kind = .promoter
    let allele = KnownAllele(
      gene: "PDGFRA", build: .grch38, edit: AlleleEdit(contig: "chr4", start: 54_727_416, end: 54_727_416, reference: "A", alternate: "T"),
      protein: "D842V", source: "test")
    let insertion = KnownAllele(
      gene: "KIT", build: .grch38, edit: AlleleEdit(contig: "4", start: 55_000_001, end: 55_000_000, reference: "", alternate: "GCC"),
      protein: "A502_Y503dup", source: "test")
    #expect(try BinaryDecoder.decode([Exon].self, from: try BinaryEncoder.encode([exon])) == [exon])
    // A contig is kept as stored: making `chrchr1` canonical again would give another contig.
    let twice = GenomicInterval(contig: "chrchr1", start: 10, end: 20)
    let oddExon = Exon(gene: "X", transcript: "T", build: .grch38, number: 1, interval: twice)
    let oddAllele = KnownAllele(
      gene: "X", build: .grch38, edit: AlleleEdit(contig: "chrchr1", start: 10, end: 10, reference: "A", alternate: "G"), protein: "A1G",
      source: "test")
    #expect(twice.contig != "1")
    #expect(try BinaryDecoder.decode(Exon.self, from: try BinaryEncoder.encode(oddExon)) == oddExon)
    #expect(try BinaryDecoder.decode(KnownAllele.self, from: try BinaryEncoder.encode(oddAllele)) == oddAllele)
    #expect(try BinaryDecoder.decode([Hotspot].self, from: try BinaryEncoder.encode([counted, range, promoter])) == [counted, range, promoter])
    #expect(try BinaryDecoder.decode([KnownAllele].self, from: try BinaryEncoder.encode([allele, insertion])) == [allele, insertion])
    // The same hotspot gives the same bytes, whatever order its counts were added in.
    var reordered = counted
    reordered.variantCounts = [:]
    for (change, count) in [("D842I", 1), ("D842Y", 2), ("D842V", 9)] { reordered.variantCounts[change] = count }
    #expect(try BinaryEncoder.encode(reordered) == (try BinaryEncoder.encode(counted)))
    struct Row: Encodable {
      let cells: [any Encodable]
      func encode(to encoder: Encoder) throws {
        var row = encoder.unkeyedContainer()
        for cell in cells { try row.encode(cell) }
      }
    }
    let backwards = Row(cells: ["PDGFRA", "NM_006206.6", "GRCh38", 18, "4", 100, 99])
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode(Exon.self, from: try BinaryEncoder.encode(backwards)) }
    let unknownBuild = Row(cells: ["PDGFRA", "NM_006206.6", "hg19", 18, "4", 99, 100])
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode(Exon.self, from: try BinaryEncoder.encode(unknownBuild)) }
    let unknownKind = Row(cells: ["KIT", "GRCh38", "4", 99, 100, "D816", "somewhere", 1, [String]()])
    #expect(throws: DecodingError.self) { try BinaryDecoder.decode(Hotspot.self, from: try BinaryEncoder.encode(unknownKind)) }
  }

  /// Text numbers past the texts, cells that are not whole rows, impossible intervals and unknown builds are refused.
  @Test func damagedKnownVariantTablesAreDecodingErrors() throws {
    struct Raw: Codable {
      var texts: String
      var cells: [UInt32]
    }
    let texts = ["TP53", "GRCh38", "17", "C", "T", "1", "Pathogenic", "x", "2025", "missense_variant"].map { $0 + "\n" }.joined()
    let good: [UInt32] = [0, 1, 2, 100, 100, 3, 4, 5, 6, 7, 2, 8, 9]
    #expect(try BinaryDecoder.decode(KnownVariantTable.self, from: try BinaryEncoder.encode(Raw(texts: texts, cells: good))).count == 1)
    var badText = good
    badText[0] = 10
    var badInterval = good
    badInterval[4] = 99
    var badBuild = good
    badBuild[1] = 0  // "TP53" in the build column
    for cells in [badText, badInterval, badBuild, Array(good.dropLast())] {
      #expect(throws: DecodingError.self) { try BinaryDecoder.decode(KnownVariantTable.self, from: try BinaryEncoder.encode(Raw(texts: texts, cells: cells))) }
    }
    // A text number past the texts in any text column is refused; numeric columns hold any number.
    let numeric: Set<KnownVariantTable.Column> = [.start, .end, .stars]
    for column in KnownVariantTable.Column.allCases {
      var cells = good + good
      // Past the ten texts; in a numeric column a value that keeps the interval whole.
      cells[good.count + column.rawValue] = numeric.contains(column) ? (column == .start ? 10 : 1_000_000) : 10
      let decoded = try? BinaryDecoder.decode(KnownVariantTable.self, from: try BinaryEncoder.encode(Raw(texts: texts, cells: cells)))
      #expect((decoded == nil) == !numeric.contains(column), "column \(column)")
    }
    // Texts travel newline-ended: a last text without its newline is refused.
    #expect(throws: DecodingError.self) {
      try BinaryDecoder.decode(KnownVariantTable.self, from: try BinaryEncoder.encode(Raw(texts: String(texts.dropLast()), cells: good)))
    }
  }
}

@Suite struct PanelCacheTests {
  /// A private copy of the mini panel (no cache files inside).
  func panelCopy() throws -> String {
    let directory = TestData.temporaryDirectory("panel-cache") + "/mini38"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let source = TestData.path("testdata/panels/mini38")
    for name in try FileManager.default.contentsOfDirectory(atPath: source) where !name.hasPrefix(".") {
      try FileManager.default.copyItem(atPath: "\(source)/\(name)", toPath: "\(directory)/\(name)")
    }
    return directory
  }

  func copies(in directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/\(PanelCache.folderName)")) ?? [])
      .filter { $0.hasSuffix(".bin") }
  }

  @Test func firstLoadWritesACopyThatLaterLoadsUse() throws {
    let directory = try panelCopy()
    let fromTables = try PanelLoader.load(directory: directory)
    #expect(try PanelCache.load(directory: directory) == fromTables)
    let written = copies(in: directory)
    #expect(written.count == 1)
    // The copy is what a later load returns: replace it with a different panel
    // that claims the same tables, and the load hands that back.
    let path = "\(directory)/\(PanelCache.folderName)/\(written[0])"
    let header = try #require(PanelCache.read(path: path))
    #expect(header.checksum == fromTables.checksum)
    let impostor = Panel(
      manifest: fromTables.manifest, genes: [], exons: [], hotspots: [], knowledge: fromTables.knowledge,
      checksum: fromTables.checksum)
    #expect(PanelCache.write(impostor, header: header, to: path))
    #expect(try PanelCache.load(directory: directory) == impostor)
  }

  @Test func anEditedTableIsReadAgainAndTheCopyReplaced() throws {
    let directory = try panelCopy()
    let before = try PanelCache.load(directory: directory)
    let genes = "\(directory)/\(before.manifest.tables.genes)"
    var rows = try String(contentsOfFile: genes, encoding: .utf8).split(separator: "\n").map(String.init)
    let source = try #require(rows[0].split(separator: "\t").firstIndex(of: "source"))
    var cells = rows[1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    cells[source] = "edited"
    rows[1] = cells.joined(separator: "\t")
    try (rows.joined(separator: "\n") + "\n").write(toFile: genes, atomically: false, encoding: .utf8)
    let after = try PanelCache.load(directory: directory)
    #expect(after == (try PanelLoader.load(directory: directory)))
    #expect(after.checksum != before.checksum && after.genes.first?.source == "edited")
    #expect(copies(in: directory).count == 1)
    #expect(try PanelCache.load(directory: directory) == after)
  }

  @Test func aPrefetchedPanelIsTheLoadedOneTakenOnce() throws {
    let directory = try panelCopy()
    let loaded = try PanelCache.load(directory: directory)
    let environment = ProcessInfo.processInfo.environment
    let prefetch = PanelPrefetch()
    prefetch.start(arguments: ["sarcopanel", "run", "--vcf", "a.vcf", "--panel", directory], environment: environment)
    #expect(prefetch.take(directory: directory, environment: environment) == loaded)
    #expect(prefetch.take(directory: directory, environment: environment) == nil)
    // Asked for another folder, or under another environment: not used (and gone).
    prefetch.start(arguments: ["sarcopanel", "batch", "--panel=\(directory)"], environment: environment)
    #expect(prefetch.take(directory: "\(directory)/", environment: environment) == nil)
    #expect(prefetch.take(directory: directory, environment: environment) == nil)
    prefetch.start(arguments: ["sarcopanel", "run", "-p", directory], environment: environment)
    #expect(prefetch.take(directory: directory, environment: environment.merging(["SARCOPANEL_PANELS": "/elsewhere"]) { $1 }) == nil)
  }

  @Test func aPrefetchUsesOnlyACurrentCopyAndWritesNothing() throws {
    let directory = try panelCopy()
    let environment = ProcessInfo.processInfo.environment
    let prefetch = PanelPrefetch()
    prefetch.start(arguments: ["sarcopanel", "run", "-p", directory], environment: environment)
    #expect(prefetch.take(directory: directory, environment: environment) == nil)
    #expect(copies(in: directory).isEmpty)
    let panel = try PanelCache.load(directory: directory)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: "\(directory)/\(panel.manifest.tables.genes)")
    let path = "\(directory)/\(PanelCache.folderName)/\(copies(in: directory)[0])"
    let recorded = try #require(PanelCache.read(path: path))
    prefetch.start(arguments: ["sarcopanel", "run", "-p", directory], environment: environment)
    #expect(prefetch.take(directory: directory, environment: environment) == nil)
    #expect(PanelCache.read(path: path) == recorded)
    #expect(try PanelCache.load(directory: directory) == panel)
    // With the cache off nothing is read ahead (the tables are not parsed on the side either).
    let off = environment.merging(["SARCOPANEL_PANEL_CACHE": "off"]) { $1 }
    prefetch.start(arguments: ["sarcopanel", "run", "-p", directory], environment: off)
    #expect(prefetch.take(directory: directory, environment: off) == nil)
  }

  @Test(arguments: [
    (["sarcopanel", "run", "--vcf", "a.vcf"], "sarcoma"),
    (["sarcopanel", "batch", "--samples", "s.tsv", "--panel", "hereditary"], "hereditary"),
    (["sarcopanel", "run", "--panel=panels/x", "--vcf", "a.vcf"], "panels/x"),
    (["sarcopanel", "run", "-p", "x"], "x"),
    (["sarcopanel", "run", "--vcf", "a.vcf", "--help"], nil),
    (["sarcopanel", "run", "--", "--panel", "x"], nil),
    (["sarcopanel", "coverage", "--panel", "x"], nil),
    (["sarcopanel", "run", "--panel", "a", "--panel", "b"], nil),
    (["sarcopanel", "run", "--panel"], nil),
    (["sarcopanel"], nil),
  ] as [([String], String?)])
  func prefetchReadsThePanelOfRunAndBatchCommandLines(arguments: [String], panel: String?) {
    #expect(PanelPrefetch.panelArgument(arguments) == panel)
  }

  @Test func aTouchedButUnchangedTableKeepsTheCopy() throws {
    let directory = try panelCopy()
    let panel = try PanelCache.load(directory: directory)
    let genes = "\(directory)/\(panel.manifest.tables.genes)"
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: genes)
    let path = "\(directory)/\(PanelCache.folderName)/\(copies(in: directory)[0])"
    let stale = try #require(PanelCache.read(path: path))
    #expect(try PanelCache.load(directory: directory) == panel)
    let refreshed = try #require(PanelCache.read(path: path))
    #expect(refreshed.files != stale.files && refreshed.checksum == stale.checksum)
  }

  @Test func aDamagedCopyIsRebuilt() throws {
    let directory = try panelCopy()
    let panel = try PanelCache.load(directory: directory)
    let path = "\(directory)/\(PanelCache.folderName)/\(copies(in: directory)[0])"
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[bytes.count - 10] ^= 0xFF
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect(PanelCache.read(path: path) == nil)
    #expect(try PanelCache.load(directory: directory) == panel)
    #expect(PanelCache.read(path: path) != nil)
  }

  @Test func anUnwritablePanelFolderUsesTheUserCacheFolder() throws {
    let folder = URL(fileURLWithPath: try panelCopy())
    let home = TestData.temporaryDirectory("home")
    let places = PanelCache.locations(folder: folder, environment: ["HOME": home], besideWritable: false)
    #expect(places.count == 1 && places[0].hasPrefix("\(home)/.cache/sarcopanel/"))
    let xdg = PanelCache.locations(folder: folder, environment: ["HOME": home, "XDG_CACHE_HOME": "/x"], besideWritable: false)
    #expect(xdg.count == 1 && xdg[0].hasPrefix("/x/sarcopanel/"))
    #expect(PanelCache.locations(folder: folder, environment: ["HOME": home], besideWritable: true).first
      == folder.appendingPathComponent(PanelCache.folderName).path)
  }

  /// A panel named through the caller's environment (not the process's) is found, built and filed
  /// through that one environment: the copy beside it is of that panel.
  @Test func aNamedPanelIsBuiltFromTheFolderTheCallersEnvironmentNames() throws {
    let directory = try panelCopy()
    let folders = URL(fileURLWithPath: directory).deletingLastPathComponent().path
    let environment = ["SARCOPANEL_PANELS": folders, "HOME": TestData.temporaryDirectory("panel-cache-home")]
    let panel = try PanelCache.load(directory: "mini38", environment: environment)
    #expect(panel == (try PanelLoader.load(directory: directory)))
    #expect(copies(in: directory).count == 1)
    #expect(try PanelCache.load(directory: "mini38", environment: ["SARCOPANEL_PANEL_CACHE": "off"].merging(environment) { $1 }) == panel)
  }

  @Test func cacheOffReadsTheTablesOnly() throws {
    let directory = try panelCopy()
    #expect(try PanelCache.load(directory: directory, environment: ["SARCOPANEL_PANEL_CACHE": "off"])
      == (try PanelLoader.load(directory: directory)))
    #expect(copies(in: directory).isEmpty)
  }

  @Test func onlyTheNewestCopiesAreKept() throws {
    let directory = try panelCopy()
    let panel = try PanelCache.load(directory: directory)
    let place = "\(directory)/\(PanelCache.folderName)"
    let header = try #require(PanelCache.read(path: "\(place)/\(copies(in: directory)[0])"))
    for index in 0..<6 {
      var other = header
      other.tool = "another build \(index)"
      #expect(PanelCache.write(panel, header: other, to: PanelCache.copyPath(in: place, tool: other.tool)))
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: Double(index + 1))], ofItemAtPath: PanelCache.copyPath(in: place, tool: other.tool))
    }
    PanelCache.prune(place)
    #expect(copies(in: directory).count == PanelCache.copiesKept)
  }
}

/// A panel encoded as `Panel` is, but with one knowledge member more.
private struct PanelWithWiderKnowledge: Encodable {
  let panel: Panel

  enum Keys: String, CodingKey { case manifest, genes, exons, hotspots, knowledge, checksum }
  enum KnowledgeKeys: String, CodingKey {
    case fusions, copyNumberEvents, evidence, knownVariants, knownAlleles, tumourTypes, escat, functionalDomains
    case kinaseDomains, rules, addedLater
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(panel.manifest, forKey: .manifest)
    try container.encode(panel.genes, forKey: .genes)
    try container.encode(panel.exons, forKey: .exons)
    try container.encode(panel.hotspots, forKey: .hotspots)
    let knowledge = panel.knowledge
    var members = container.nestedContainer(keyedBy: KnowledgeKeys.self, forKey: .knowledge)
    try members.encode(knowledge.fusions, forKey: .fusions)
    try members.encode(knowledge.copyNumberEvents, forKey: .copyNumberEvents)
    try members.encode(knowledge.evidence, forKey: .evidence)
    try members.encode(knowledge.knownVariants, forKey: .knownVariants)
    try members.encode(knowledge.knownAlleles, forKey: .knownAlleles)
    try members.encode(knowledge.tumourTypes, forKey: .tumourTypes)
    try members.encode(knowledge.escat, forKey: .escat)
    try members.encode(knowledge.functionalDomains, forKey: .functionalDomains)
    try members.encode(knowledge.kinaseDomains, forKey: .kinaseDomains)
    try members.encode(knowledge.rules, forKey: .rules)
    try members.encode(1, forKey: .addedLater)
    try container.encode(panel.checksum, forKey: .checksum)
  }
}
