import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoPipeline
@testable import SarcoReports
import SarcoTestSupport
import Testing

func run(_ vcf: String, out: String? = nil, threads: Int = 1, access: VCFReader.Access = .automatic, sample: String? = nil,
         normal: String? = nil, panel: String = "panels/sarcoma", genome: GenomeBuild? = nil, checkIndexAhead: Bool = true) throws -> RunOutcome {
  let loaded = panel == "panels/sarcoma" ? TestPanels.sarcoma : TestPanels.mini38
  var options = RunOptions(
    vcfPath: vcf.hasPrefix("/") ? vcf : TestData.path(vcf), panelPath: TestData.path(panel),
    outputDirectory: out ?? TestData.temporaryDirectory("run"), sample: sample, normal: normal, sampleID: "S",
    genome: genome, threads: threads, access: access, commandLine: ["sarcopanel", "run"])
  options.checkIndexAhead = checkIndexAhead
  return try RunPipeline.run(options, panel: loaded)
}

func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

/// The `INFO/EXP` answers written into a scenario VCF, in record and ALT order.
func expectations(_ vcf: String) throws -> [(position: Int, labels: [String])] {
  try String(contentsOfFile: TestData.path(vcf), encoding: .utf8).split(separator: "\n")
    .filter { !$0.hasPrefix("#") }
    .map { line in
      let columns = line.split(separator: "\t")
      let exp = columns[7].split(separator: ";").first { $0.hasPrefix("EXP=") }!.dropFirst(4)
      return (Int(columns[1])!, exp.split(separator: "|").map { $0.replacingOccurrences(of: "_", with: " ") })
    }
}

let scenarioNames = ["tumor_only.grch38", "tumor_normal.grch38", "strelka_somatic.grch38", "germline.grch38",
                     "multiallelic.grch38", "chr_prefix.grch37", "structural.grch38", "varscan.grch38", "vep_annotated.grch38",
                     "freebayes.grch38", "bcsq_annotated.grch38"]

@Suite struct RunPipelineTests {
  @Test(arguments: scenarioNames)
  func scenarioAnnotationsMatchTheirExpectedAnswers(scenario: String) throws {
    let outcome = try run("testdata/vcf/\(scenario).vcf")
    var reported = try outcome.fullReport().variants.map { variant in
      (variant.variant.original.position, variant.genes.map { "\($0.gene):\($0.label)" }.first ?? "none")
    }
    for (position, labels) in try expectations("testdata/vcf/\(scenario).vcf") {
      for label in labels where label != "none" {
        let index = try #require(reported.firstIndex { $0.0 == position }, "\(scenario): nothing reported at \(position)")
        #expect(reported[index].1 == label.replacingOccurrences(of: ":", with: ":"), "\(scenario) at \(position)")
        reported.remove(at: index)
      }
    }
    #expect(reported.isEmpty, "\(scenario): unexpected \(reported)")
  }

  @Test func sameBytesForOneAndEightThreads() throws {
    for scenario in ["tumor_only.grch38.vcf.gz", "structural.grch38.bcf", "multiallelic.grch38.vcf"] {
      let one = try run("testdata/vcf/\(scenario)", threads: 1)
      let eight = try run("testdata/vcf/\(scenario)", threads: 8)
      #expect(try bytes(one.jsonPath) == bytes(eight.jsonPath), "\(scenario)")
      #expect(try bytes(one.tsvPath) == bytes(eight.tsvPath), "\(scenario)")
    }
  }

  /// Several read batches (512 records each): with two threads the file is read ahead on its own
  /// thread and the variant sections are rendered on workers; the bytes stay those of one thread.
  @Test func manyBatchesReadAheadAndRenderedInParallelGiveTheSameBytes() throws {
    let directory = TestData.temporaryDirectory("run")
    let bases = ["A", "C", "G", "T"]
    let records = (0..<1_400).map { index in
      vcfLine("17", 7_668_500 + index * 13, bases[index % 4], bases[(index % 4 + 1 + index / 4 % 3) % 4])
    }
    let vcf = try writeVCF("many.vcf", in: directory, records: records)
    let one = try run(vcf, threads: 1)
    let two = try run(vcf, threads: 2)
    #expect(try JSONReport.decode(try bytes(two.jsonPath)).variants.count == records.count)
    #expect(try bytes(one.jsonPath) == bytes(two.jsonPath))
    #expect(try bytes(one.tsvPath) == bytes(two.tsvPath))
  }

  /// A bad line after three batches stops a two-thread run while earlier batches may still be
  /// with the section writer: the error names the line and no file is left in the folder.
  @Test func anErrorWhileBatchesAreBeingWrittenLeavesNoFile() throws {
    let directory = TestData.temporaryDirectory("run")
    let records = (0..<1_600).map { vcfLine("17", 7_668_500 + $0 * 11, "C", "T") } + ["17\tnot-a-position\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:10,5"]
    let vcf = try writeVCF("bad-late.vcf", in: directory, records: records)
    let out = TestData.temporaryDirectory("run-out")
    #expect {
      _ = try run(vcf, out: out, threads: 2)
    } throws: { ($0 as? SarcoError)?.message.contains("line \(records.count + 7): malformed VCF line") == true }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
  }

  /// `run` loads and checks the index while the panel loads (`VCFReader.prepare`): a stale index or another
  /// file's is still passed over with the reason (automatic) or refused (`--access index`). So it is when
  /// checked as the records are read (a batch whose workers occupy every core).
  @Test(arguments: [true, false])
  func indexCheckedWhileThePanelLoadsIsStillRefusedWhenWrong(ahead: Bool) throws {
    func run(_ vcf: String, access: VCFReader.Access = .automatic) throws -> RunOutcome {
      try SarcoPipelineTests.run(vcf, access: access, checkIndexAhead: ahead)
    }
    let directory = TestData.temporaryDirectory("run-index")
    let vcf = "\(directory)/S.vcf.gz"
    try FileManager.default.copyItem(atPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz"), toPath: vcf)
    try FileManager.default.copyItem(atPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz.tbi"), toPath: "\(vcf).tbi")
    #expect(try run(vcf).statistics.access == .index)
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: "\(vcf).tbi")
    let stale = try run(vcf)
    #expect(stale.statistics.access == .stream)
    #expect(stale.warnings.contains { $0.contains("S.vcf.gz.tbi is older than the data") })
    #expect { _ = try run(vcf, access: .index) } throws: { ($0 as? SarcoError)?.message.contains("is older than the data") == true }
    try FileManager.default.removeItem(atPath: "\(vcf).tbi")
    try FileManager.default.copyItem(atPath: TestData.path("testdata/vcf/germline.grch38.vcf.gz.tbi"), toPath: "\(vcf).tbi")
    let foreign = try run(vcf)
    #expect(foreign.statistics.access == .stream)
    #expect(foreign.warnings.contains { $0.contains("its index S.vcf.gz.tbi ") })
  }

  @Test func streamedAndIndexedReadsGiveTheSameReport() throws {
    for scenario in ["tumor_only.grch38.vcf.gz", "structural.grch38.vcf.gz", "tumor_normal.grch38.bcf"] {
      let streamed = try run("testdata/vcf/\(scenario)", access: .stream)
      let indexed = try run("testdata/vcf/\(scenario)", access: .index)
      #expect(streamed.statistics.access == .stream && indexed.statistics.access == .index)
      #expect(try bytes(streamed.jsonPath) == bytes(indexed.jsonPath), "\(scenario)")
    }
  }

  @Test func reportCarriesProvenanceAndCounts() throws {
    let outcome = try run("testdata/vcf/tumor_only.grch38.vcf.gz")
    let report = try JSONReport.decode(try bytes(outcome.jsonPath))
    #expect(report.schemaVersion == SampleReport.schemaVersion)
    #expect(report.genomeBuild.build == .grch38)
    #expect(report.panel.name == "sarcoma")
    #expect(report.panel.checksum == TestPanels.sarcoma.checksum)
    #expect(report.input.sha256 == (try FileDigest.sha256(ofFileAt: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz"))))
    #expect(report.qc.panelRecords == 5)
    #expect(report.qc.failingFilters == 1)
    #expect(report.qc.variantsByKind == ["snv": 3, "deletion": 1, "mnv": 1])
    let kit = try #require(report.variants.first { $0.variant.kind == .deletion })
    // The W557 residue and the cancerhotspots in-frame indel range 550-580.
    #expect(kit.hotspots.map(\.change).sorted() == ["550-580", "W557"])
    #expect(kit.variant.tumor?.alleleFraction == 0.3548)
    let tsv = try String(contentsOfFile: outcome.tsvPath, encoding: .utf8).split(separator: "\n")
    #expect(tsv.count == 6)
    #expect(tsv[0].hasPrefix("sample\tgene\ttranscript\tregion\tchrom\tpos"))
    #expect(tsv.contains { $0.hasPrefix("S\tKIT\tNM_000222.3\texon 11/21\t4\t54727436\tGTGGAAG\tG\tdeletion") })
  }

  @Test(.enabled(if: Prerequisite.sharedData("examples/pcgr_T001-BRCA"), "needs ../shared/data/examples/pcgr_T001-BRCA"))
  func pcgrExampleOnBothBuildsFindsTheSameGenes() throws {
    let grch38 = try #require(TestData.shared("examples/pcgr_T001-BRCA/T001-BRCA.grch38.vcf.gz"))
    let grch37 = try #require(TestData.shared("examples/pcgr_T001-BRCA/T001-BRCA.grch37.vcf.gz"))
    let a = try run(grch38).fullReport()
    let b = try run(grch37).fullReport()
    #expect(a.genomeBuild.build == .grch38 && b.genomeBuild.build == .grch37)
    let genesA = a.variants.flatMap { $0.genes.map(\.gene) }
    #expect(genesA == b.variants.flatMap { $0.genes.map(\.gene) })
    #expect(Set(genesA) == ["TP53", "PIK3CA"])
    // PCGR keeps control depths (DPC/ADC) in the tumour column.
    #expect(a.variants.first?.variant.normal?.depth != nil)
  }
}

@Suite struct RunFailureTests {
  @Test(arguments: ["testdata/bad/not_a_vcf.txt", "testdata/bad/truncated.vcf.gz", "testdata/bad/malformed_pos.vcf",
                    "testdata/bad/too_few_columns.vcf", "testdata/bad/bad_format_value.vcf",
                    "testdata/bad/no_build_evidence.vcf", "testdata/bad/missing.vcf"])
  func badInputWritesNothing(vcf: String) throws {
    let out = TestData.temporaryDirectory("bad")
    let error = try #require(failure { _ = try run(vcf, out: out) })
    #expect(error.exitStatus == 1)
    #expect(error.message.hasPrefix(TestData.path(vcf)))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
  }

  @Test func unknownSampleAndBuildMismatchNameWhatIsWrong() throws {
    let sample = try #require(failure { _ = try run("testdata/vcf/tumor_only.grch38.vcf", sample: "NOPE") })
    #expect(sample.message.contains("--sample 'NOPE' is not a sample in this VCF; its samples are: GIST01"))
    let mismatch = try #require(failure { _ = try run("testdata/vcf/chr_prefix.grch37.vcf", panel: "testdata/panels/mini38") })
    #expect(mismatch.message.contains("the VCF is GRCh37"))
    #expect(mismatch.message.contains("panel mini38 1.0.0 is GRCh38 only"))
    let forced = try #require(failure { _ = try run("testdata/vcf/tumor_only.grch38.vcf", genome: .grch37) })
    #expect(forced.message.contains("--genome GRCh37 given"))
  }

  @Test func unwritableOutputFailsBeforeReading() throws {
    let directory = TestData.temporaryDirectory()
    #expect(FileManager.default.createFile(atPath: "\(directory)/file", contents: Data()))
    let error = try #require(failure { _ = try run("testdata/vcf/tumor_only.grch38.vcf", out: "\(directory)/file/results") })
    #expect(error.kind == .output)
  }
}

@Suite struct JSONReportTests {
  /// Foundation's encoder is the reference for the layout our fast writer produces.
  func reference(_ report: SampleReport) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(report) + Data([0x0A])
  }

  @Test(arguments: scenarioNames)
  func writerMatchesFoundationEncoderByteForByte(scenario: String) throws {
    let report = try run("testdata/vcf/\(scenario).vcf", normal: scenario.hasPrefix("strelka") || scenario.hasPrefix("varscan") ? "NORMAL" : nil).fullReport()
    #expect(JSONReport.render(report) == (try reference(report)))
    #expect(try JSONReport.decode(JSONReport.render(report)) == report)
  }

  @Test func awkwardStringsAndNumbersMatchToo() throws {
    let base = try run("testdata/vcf/germline.grch38.vcf").fullReport()
    let report = SampleReport(
      commandLine: ["sarcopanel", "run", "--sample-id", "<script>\"quote\"\\back\tslash\nline/é\u{1}"],
      sample: SampleReport.Sample(id: "naïve ünïcode ✓", vcfSample: nil, normalSample: "", tumorType: "GIST"),
      input: base.input, genomeBuild: base.genomeBuild, panel: base.panel, qc: QualityCounts(), variants: base.variants)
    #expect(JSONReport.render(report) == (try reference(report)))
    for value in [0.0, 1.0, 0.1, 0.3548, 812.6, 2100.0, 1e-4, 12.5, 123456.789] {
      #expect(Array(JSONWriter.format(value).utf8) == Array((try JSONEncoder().encode(value))))
    }
  }

  /// Every ASCII character at every place of a string (strings are checked eight bytes at a time,
  /// then byte by byte), between one-byte and two-byte neighbours: the bytes JSONEncoder writes.
  @Test func everyCharacterAtEveryPlaceIsEscapedAsJSONEncoderDoes() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    for filler in ["a", "é", "~"] {
      for code in 0..<128 {
        let character = String(Character(Unicode.Scalar(UInt8(code))))
        for place in 0..<20 {
          let text = String(repeating: filler, count: place) + character + String(repeating: filler, count: 19 - place)
          var json = JSONWriter()
          json.string(text)
          #expect(json.bytes == Array(try encoder.encode(text)), "character \(code) at \(place) among '\(filler)'")
        }
      }
    }
  }

  /// Keys are ordered by their bytes: the order of their UTF-8 views, for prefixes, empty and
  /// multi-byte keys (`é` is two bytes, `\u{10000}` four; neither sorts as UTF-16 would).
  @Test func keysInCodePointOrderAsTheirUTF8ViewsCompare() {
    let keys = ["", "a", "ab", "abc", "b", "A", "Z", "_", "é", "e\u{301}", "\u{10000}", "\u{FFFF}", "gnomADe_AF", "gnomADe_AFR_AF",
      "gnomADg_AF", "MAX_AF", "AF", "CADD_PHRED", "a\u{0}", "\u{7F}"]
    for left in keys {
      for right in keys {
        #expect(JSONWriter.codePointPrecedes(left, right) == left.utf8.lexicographicallyPrecedes(right.utf8), "\(left.debugDescription) \(right.debugDescription)")
      }
    }
  }

  /// Nested past the 128 spaces indents are copied from (depth 64), where the writer spells them out.
  struct Nest: Encodable {
    let name: String
    let inner: [Nest]
    func write(to json: inout JSONWriter) {
      json.object { json in
        json.key("inner")
        json.array(inner) { json, nest in nest.write(to: &json) }
        json.member("name", name)
      }
    }
  }

  @Test func deepNestingMatchesToo() throws {
    var nest = Nest(name: "innermost", inner: [])
    for level in 0..<40 { nest = Nest(name: "level \(level)", inner: [nest, Nest(name: "leaf", inner: [])]) }
    var json = JSONWriter()
    nest.write(to: &json)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    #expect(json.bytes == Array(try encoder.encode(nest)))
  }
}

/// The report's own encoder (`JSONTree`) against `JSONEncoder`, with the report's options, on
/// what the report sections do not hold today: every number shape, non-finite numbers, nil
/// written and left out, empty and nested containers, dictionaries keyed by integers and by
/// non-ASCII text, enums with payloads, super encoders, a value that writes nothing, a key
/// encoded twice, nested containers asked for twice under one key, and types
/// left to `JSONEncoder` (the same bytes through its fallback).
@Suite struct JSONTreeEncoderTests {
  enum Shape: Codable, Equatable {
    case point
    case circle(radius: Double)
    case named(String, Int?)
  }

  struct Awkward: Encodable {
    var doubles: [Double]
    var floats: [Float]
    var integers: [Int64]
    var unsigned: UInt64
    var small: Int8
    var missing: String?
    var written: String?
    var empty: [String]
    var emptyObject: [String: Int]
    var byNumber: [Int: String]
    var byText: [String: [Int]]
    var shapes: [Shape]
    var nested: [[[Int]]]
    var flag: Bool

    enum CodingKeys: String, CodingKey {
      case doubles, floats, integers, unsigned, small, missing, written, empty, emptyObject, byNumber, byText, shapes, nested, flag
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(doubles, forKey: .doubles)
      try container.encode(floats, forKey: .floats)
      try container.encode(integers, forKey: .integers)
      try container.encode(unsigned, forKey: .unsigned)
      try container.encode(small, forKey: .small)
      try container.encodeIfPresent(missing, forKey: .missing)
      try container.encodeNil(forKey: .written)
      try container.encode(empty, forKey: .empty)
      try container.encode(emptyObject, forKey: .emptyObject)
      try container.encode(byNumber, forKey: .byNumber)
      try container.encode(byText, forKey: .byText)
      try container.encode(shapes, forKey: .shapes)
      var inner = container.nestedUnkeyedContainer(forKey: .nested)
      for level in nested { try inner.encode(level) }
      try container.encode(flag, forKey: .flag)
      try shapes.first?.encode(to: container.superEncoder())
    }
  }

  struct Silent: Encodable { func encode(to encoder: Encoder) throws {} }
  struct Merging: Encodable {
    enum Keys: String, CodingKey { case x, y, p, q }
    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      var first = container.nestedContainer(keyedBy: Keys.self, forKey: .x)
      try first.encode("p", forKey: .p)
      var second = container.nestedContainer(keyedBy: Keys.self, forKey: .x)
      try second.encode("q", forKey: .q)
      try container.encode([1, 2], forKey: .y)
      var more = container.nestedUnkeyedContainer(forKey: .y)
      try more.encode(3)
    }
  }
  struct Twice: Encodable {
    enum Keys: String, CodingKey { case a, b }
    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(1, forKey: .b)
      try container.encode("first", forKey: .a)
      try container.encode(["second"], forKey: .a)
    }
  }
  struct Dated: Encodable {
    let when = Date(timeIntervalSince1970: 1_700_000_000.25)
    let bytes = Data([0, 1, 254])
    let link = URL(string: "https://civicdb.org/evidence/1/summary")!
    let amount = Decimal(string: "12.50")!
  }

  func expectSameBytes<Value: Encodable>(_ value: Value, _ comment: Comment? = nil) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    var json = JSONWriter()
    json.object { $0.member("value", encoded: value) }
    let wrapped = try encoder.encode(["value": value])
    #expect(json.bytes == Array(wrapped), comment)
  }

  @Test func awkwardValuesMatchJSONEncoder() throws {
    let awkward = Awkward(
      doubles: [0, -0.0, 1, -1, 0.1, 1e-7, 1e15, 1e16, 123456789012345.6, 1e21, .greatestFiniteMagnitude, .pi, .leastNonzeroMagnitude, .nan, .infinity, -.infinity],
      floats: [0, 0.1, 3.25, 1e-7, 16_777_216, .nan, .infinity], integers: [.min, -1, 0, .max], unsigned: .max, small: -128,
      missing: nil, written: nil, empty: [], emptyObject: [:], byNumber: [3: "three", -1: "minus one", 10: "ten"],
      byText: ["é": [1], "e": [2], "ab": [6], "Z": [], "a": [3], "\u{10000}": [4], "\u{FFFF}": [5]],
      shapes: [.point, .circle(radius: 2.5), .named("KIT", nil), .named("é\"\\/\u{1}", 11)], nested: [[], [[]], [[1, 2], [3]]], flag: true)
    try expectSameBytes(awkward)
    try expectSameBytes([awkward, awkward])
    try expectSameBytes(Silent())
    try expectSameBytes(Twice())
    try expectSameBytes(Merging())
    try expectSameBytes([Merging()])
    try expectSameBytes([Twice(), Twice()])
    try expectSameBytes([Silent()])
    try expectSameBytes(Shape.named("x", 1))
    try expectSameBytes(Dated())
    #expect(JSONTree.of(Dated()) == nil)
    #expect(JSONTree.of(awkward) != nil)
  }

  /// Members are written in code-point order of their keys, a repeated key once at its last place,
  /// whether keys differ within their first eight bytes (compared as one integer) or after them.
  @Test func writingOrderIsCodePointOrderWithTheLastOfARepeatedKey() {
    let pieces = ["", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgh\u{0}", "abcdefgi", "é", "e", "\u{0}", "Z", "evidence",
      "evidenceLevel", "evidenceItems", "\u{10000}", "\u{FFFF}", "\u{7F}"]
    var random = SplitMix(seed: 8)
    for _ in 0..<2_000 {
      let keys = (0..<random.next(below: 12)).map { _ in pieces[random.next(below: pieces.count)] }
      let expected = keys.indices
        .filter { index in !keys[(index + 1)...].contains(keys[index]) }
        .sorted { JSONWriter.codePointPrecedes(keys[$0], keys[$1]) }
      #expect(JSONWriter.writingOrder(keys) == expected, "\(keys.map(\.debugDescription))")
    }
  }

  @Test(arguments: scenarioNames)
  func clinicalSectionsMatchJSONEncoder(scenario: String) throws {
    let report = try run("testdata/vcf/\(scenario).vcf", normal: scenario.hasPrefix("strelka") || scenario.hasPrefix("varscan") ? "NORMAL" : nil).fullReport()
    let clinical = try #require(report.clinical)
    try expectSameBytes(clinical)
    #expect(JSONTree.of(clinical) != nil, "the clinical section is encoded without JSONEncoder")
  }
}

@Suite struct UpstreamAnnotationTests {
  @Test func panelTranscriptConsequenceReachesTheTSV() throws {
    let outcome = try run("testdata/vcf/vep_annotated.grch38.vcf.gz")
    let kit = try #require(try outcome.fullReport().variants.first { $0.genes.first?.gene == "KIT" })
    #expect(kit.variant.upstream.count == 2)
    let rows = try String(contentsOfFile: outcome.tsvPath, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    let header = rows[0]
    let column = { (name: String) in header.firstIndex(of: Substring(name))! }
    let byGene = Dictionary(rows.dropFirst().map { (String($0[column("gene")]), $0) }, uniquingKeysWith: { first, _ in first })
    // The MANE transcript's entry (second in CSQ) is the one shown.
    #expect(byGene["KIT"]?[column("hgvsp")] == "ENSP00000288135.6:p.Trp557_Lys558del")
    #expect(byGene["KIT"]?[column("consequence")] == "inframe_deletion")
    #expect(byGene["TP53"]?[column("consequence")] == "stop_gained")
    #expect(byGene["TP53"]?[column("consequence_source")] == "VEP CSQ")
    #expect(byGene["TP53"]?[column("population_af")] == "4e-06")
    #expect(byGene["PDGFRA"]?[column("hgvsc")] == "ENST00000257290.10:c.2525A>T")
    let tp53 = try #require(try outcome.fullReport().variants.first { $0.genes.first?.gene == "TP53" }).variant.upstream
    #expect(tp53.map(\.source) == ["CSQ", "ANN"])
    #expect(tp53.last?.hgvsp == "p.Arg213*")
    #expect(tp53.first?.metrics?.frequencies == ["gnomADe_AF": 0.000004])
  }
}
