import CHTSlib
import CHTSlibShims
import Foundation
@testable import HTS
import SarcoCore
import SarcoIO
import SarcoTestSupport
import Testing

/// Copies `source` into a new FIFO on a background thread (as `cat file > fifo` would) and returns the FIFO's path.
func fifo(feeding source: String) throws -> String {
  let path = TestData.temporaryDirectory("fifo") + "/input"
  try #require(mkfifo(path, 0o600) == 0, "cannot make a FIFO at \(path)")
  let data = try Data(contentsOf: URL(fileURLWithPath: source))
  Thread {
    // The open waits for the reader (a FIFO keeps no data without one). It cannot fail after mkfifo succeeded; if it
    // did, the reader would wait for a writer forever, so stop loudly instead of returning quietly.
    guard let handle = FileHandle(forWritingAtPath: path) else { preconditionFailure("cannot open the FIFO \(path) for writing") }
    try? handle.write(contentsOf: data)
    try? handle.close()
  }.start()
  return path
}

func sha256(_ path: String) throws -> String { try FileDigest.sha256(ofFileAt: path) }

/// A bgzipped copy of `records` stress SNVs in ALK (scripts/make-stress-vcf), tabix-indexed.
func stressVCF(records: Int) throws -> String {
  let path = TestData.temporaryDirectory("stress") + "/alk.vcf.gz"
  let made = try shell("'\(TestData.path("scripts/make-stress-vcf"))' one-gene --records \(records) | bgzip > '\(path)' && tabix -p vcf '\(path)'")
  #expect(made.status == 0, "\(made.output)")
  return path
}

let alkRegion = RegionFilter([GenomicInterval(contig: "2", start: 29_192_774, end: 29_921_611)])

func read(_ path: String, regions: RegionFilter = alkRegion, access: VCFReader.Access = .automatic, digest: InputDigest? = nil)
  throws -> (records: [VCFRecord], statistics: VCFReader.Statistics, reader: VCFReader)
{
  let reader = try VCFReader(path: path, threads: 2, digest: digest)
  reader.prepare(for: access)  // as `run` does: the index check (and hashing what it skips) or the decompression starts now
  var records: [VCFRecord] = []
  let statistics = try reader.read(regions: regions, sampleIndexes: Array(reader.header.samples.indices), access: access) {
    records.append(contentsOf: $0)
  }
  return (records, statistics, reader)
}

@Suite(.enabled(if: Prerequisite.tool("bgzip") && Prerequisite.tool("tabix"), "needs bgzip and tabix (apt-get install tabix)"))
struct InputOpeningTests {
  /// Inputs were opened twice (once to hash, once to read): a FIFO's bytes were split between the two.
  @Test func plainAndGzippedVCFThroughAFIFOAreReadOnceWithTheirDigest() throws {
    for name in ["tumor_only.grch38.vcf", "tumor_only.grch38.vcf.gz", "tumor_only.grch38.bcf"] {
      let source = TestData.path("testdata/vcf/\(name)")
      let direct = try read(source, regions: everywhere(try VCFReader(path: source).header), access: .stream)
      let digest = StreamingSHA256()
      let piped = try read(try fifo(feeding: source), regions: everywhere(direct.reader.header), digest: digest)
      #expect(!piped.reader.isSeekable && piped.statistics.access == .stream)
      #expect(comparable(piped.records) == comparable(direct.records), "\(name)")
      #expect(try piped.reader.inputDigest() == sha256(source), "\(name)")
    }
  }

  /// A regular file is hashed from the bytes htslib reads: a streamed read shows the digest every
  /// byte once (the file was read twice before); an indexed read skips most of the file, which is
  /// hashed apart. Either way the digest is the file's and every record is read.
  @Test func regularFilesAreHashedFromHtslibsOwnReads() throws {
    let large = try stressVCF(records: 100_000)
    let files = ["tumor_only.grch38.vcf", "tumor_only.grch38.vcf.gz", "tumor_only.grch38.bcf"].map { TestData.path("testdata/vcf/\($0)") }
    for path in files + [large] {
      let whole = everywhere(try VCFReader(path: path).header)
      let streamed = try read(path, regions: whole, access: .stream, digest: StreamingSHA256())
      #expect(try streamed.reader.inputDigest() == sha256(path), "\(path)")
      #expect(streamed.reader.bytesHashedApart == 0, "\(path): read once")
      #expect(streamed.records.count == (path == large ? 100_000 : 6), "\(path)")
      guard !path.hasSuffix(".vcf") else { continue }
      let indexed = try read(path, regions: whole, access: .index, digest: StreamingSHA256())
      #expect(indexed.statistics.access == .index, "\(path)")
      #expect(try indexed.reader.inputDigest() == sha256(path), "\(path)")
      // A small file is all in htslib's first read (32 KiB); the large one's records are skipped to.
      #expect((indexed.reader.bytesHashedApart ?? 0) > 0 || path != large, "\(path): the index read begins after the header")
      #expect(comparable(indexed.records) == comparable(streamed.records), "\(path)")
    }
  }

  /// What an indexed read skips is hashed on a thread of its own from the moment the index is chosen;
  /// asked for at once (before that thread is done, or before any record is read), the digest waits for it.
  @Test func digestAskedBeforeTheBackgroundHashingEndsIsTheFiles() throws {
    let large = try stressVCF(records: 100_000)
    for _ in 0..<3 {
      let reader = try VCFReader(path: large, threads: 2, digest: StreamingSHA256())
      reader.prepare(for: .index)
      #expect(try reader.inputDigest() == sha256(large))
      #expect(try reader.inputDigest() == sha256(large), "asked twice")
    }
  }

  /// `<(cat big.vcf.gz)` failed after record 924: the whole stream must arrive, hashed once.
  @Test func largeBGZFThroughAPipeReadsEveryRecord() throws {
    let source = try stressVCF(records: 20_000)
    let digest = StreamingSHA256()
    let piped = try read(try fifo(feeding: source), digest: digest)
    #expect(piped.records.count == 20_000)
    #expect(try piped.reader.inputDigest() == sha256(source))
    #expect(piped.records.last?.line == 20_000 + piped.reader.header.metaLines.count + 1)
  }

  /// A stream cannot be checked for BGZF's end-of-file block when it is opened; a cut at a block boundary is caught at its end.
  @Test func bgzfStreamCutAtABlockBoundaryIsTruncatedNotShort() throws {
    let source = try Data(contentsOf: URL(fileURLWithPath: try stressVCF(records: 20_000)))
    let marker = Data([0x1f, 0x8b, 0x08, 0x04])
    let cut = try #require(source.range(of: marker, in: source.count / 2..<source.count)?.lowerBound)
    let path = TestData.temporaryDirectory("cut") + "/cut.vcf.gz"
    try source.prefix(cut).write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try read(try fifo(feeding: path), digest: StreamingSHA256())
    } throws: { ($0 as? SarcoError)?.message.contains("truncated: the BGZF end-of-file marker is missing at the end of the stream") == true }
  }

  /// Records appended after `tabix` were missed by an indexed read, silently.
  @Test func staleIndexIsPassedOverWithItsReasonAndRefusedUnderAccessIndex() throws {
    let directory = TestData.temporaryDirectory("stale")
    let path = "\(directory)/stale.vcf.gz"
    try FileManager.default.copyItem(atPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz"), toPath: path)
    try FileManager.default.copyItem(atPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz.tbi"), toPath: "\(path).tbi")
    let appended = try shell(
      "cd '\(directory)' && touch -d '2020-01-01' stale.vcf.gz.tbi && (gzip -dc stale.vcf.gz; printf '17\\t7674220\\tlate\\tC\\tT\\t.\\tPASS\\t.\\tGT:AD\\t0/1:10,10\\n') | bgzip > fresh.vcf.gz && mv fresh.vcf.gz stale.vcf.gz")
    #expect(appended.status == 0, "\(appended.output)")
    let tp53 = RegionFilter([GenomicInterval(contig: "17", start: 7_668_402, end: 7_687_550)])
    let automatic = try read(path, regions: tp53, digest: StreamingSHA256())
    #expect(automatic.statistics.access == .stream)
    // Hashing the rest apart began when the index was chosen to be checked; the streamed read after it refused the index changes nothing.
    #expect(try automatic.reader.inputDigest() == sha256(path))
    #expect(automatic.statistics.indexIgnored?.contains("older than the data") == true)
    #expect(automatic.records.map(\.id).last == "late")
    #expect(automatic.records.count == (try read(path, regions: tp53, access: .stream)).records.count)
    #expect {
      _ = try read(path, regions: tp53, access: .index)
    } throws: { ($0 as? SarcoError)?.message.contains("stale.vcf.gz.tbi is older than the data") == true }
  }

  /// An index copied from another file gave "0 variants", exit 0.
  @Test(arguments: [("vcf.gz", "tbi"), ("bcf", "csi")])
  func indexOfAnotherFileIsDetected(format: String, index: String) throws {
    let directory = TestData.temporaryDirectory("foreign")
    let path = "\(directory)/sample.\(format)"
    try FileManager.default.copyItem(atPath: TestData.path("testdata/vcf/tumor_only.grch38.\(format)"), toPath: path)
    for other in ["tumor_normal", "germline", "structural", "multiallelic"] {
      try? FileManager.default.removeItem(atPath: "\(path).\(index)")
      try FileManager.default.copyItem(atPath: TestData.path("testdata/vcf/\(other).grch38.\(format).\(index)"), toPath: "\(path).\(index)")
      let regions = everywhere(try VCFReader(path: path).header)
      let automatic = try read(path, regions: regions)
      #expect(automatic.statistics.access == .stream, "\(other)")
      #expect(automatic.statistics.indexIgnored != nil, "\(other)")
      #expect(automatic.records.count == 6, "\(other)")
      #expect("\(other)") {
        _ = try read(path, regions: regions, access: .index)
      } throws: { ($0 as? SarcoError)?.message.contains("its index sample.\(format).\(index) ") == true }
    }
    // Its own index, rebuilt, is used.
    let rebuilt = try shell(format == "bcf" ? "bcftools index -f '\(path)'" : "tabix -f -p vcf '\(path)'")
    #expect(rebuilt.status == 0, "\(rebuilt.output)")
    let own = try read(path, regions: everywhere(try VCFReader(path: path).header))
    #expect(own.statistics.access == .index && own.statistics.indexIgnored == nil && own.records.count == 6)
  }

  /// The index check reads the record at each contig's first chunk: a contig whose first record lies
  /// at its start, far into it, or near the end of a .tbi's reach is found, its own index accepted.
  @Test(.enabled(if: Prerequisite.tool("bcftools"), "needs bcftools (apt-get install bcftools)"), arguments: [("vcf.gz", "tbi"), ("bcf", "csi")])
  func ownIndexIsAcceptedWhereverAContigsFirstRecordLies(format: String, index: String) throws {
    let directory = TestData.temporaryDirectory("windows")
    let path = "\(directory)/sample.\(format)"
    let positions = [("1", 100), ("2", 150_000), ("3", 190_000_000), ("3", 190_000_001), ("4", 400_000_000)]
    var text = "##fileformat=VCFv4.2\n##FILTER=<ID=PASS,Description=\"All filters passed\">\n"
    text += "##contig=<ID=1,length=249000000>\n##contig=<ID=2,length=243000000>\n##contig=<ID=3,length=199000000>\n"
    text += "##contig=<ID=4,length=500000000>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
    for (contig, position) in positions { text += "\(contig)\t\(position)\t.\tC\tT\t.\tPASS\t.\n" }
    try text.write(toFile: "\(directory)/sample.vcf", atomically: true, encoding: .utf8)
    let made = try shell(
      format == "bcf"
        ? "cd '\(directory)' && bcftools view -Ob -o sample.bcf sample.vcf && bcftools index sample.bcf"
        : "cd '\(directory)' && bgzip -f sample.vcf && tabix -p vcf sample.vcf.gz")
    #expect(made.status == 0, "\(made.output)")
    let own = try read(path, regions: everywhere(try VCFReader(path: path).header))
    #expect(own.statistics.access == .index && own.statistics.indexIgnored == nil, "\(own.statistics.indexIgnored ?? "")")
    #expect(own.records.map { "\($0.contig):\($0.position)" } == positions.map { "\($0.0):\($0.1)" })
  }
}

/// The index check reads where the index's own bytes put each contig's first record.
@Suite struct IndexFirstRecordTests {
  /// Several BGZF blocks; each contig starts with a deletion spanning megabases (a high bin) before
  /// thousands of short records in low bins: the smallest chunk start is still its first record, and
  /// the file's own index is used.
  @Test(.enabled(if: Prerequisite.tool("tabix"), "needs tabix (apt-get install tabix)"))
  func firstRecordOfEachContigIsFoundAcrossBlocks() throws {
    let directory = TestData.temporaryDirectory("firstrecord")
    var text = "##fileformat=VCFv4.2\n##INFO=<ID=END,Number=1,Type=Integer,Description=\"End\">\n"
    text += "##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"Type\">\n##ALT=<ID=DEL,Description=\"Deletion\">\n"
    text += "##contig=<ID=1,length=249000000>\n##contig=<ID=2,length=243000000>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
    for contig in ["1", "2"] {
      text += "\(contig)\t1000\tsv\(contig)\tN\t<DEL>\t.\tPASS\tSVTYPE=DEL;END=6000000\n"
      for position in stride(from: 1001, to: 1001 + 4000 * 37, by: 37) {
        text += "\(contig)\t\(position)\t.\tC\tT\t.\tPASS\t.\n"
      }
    }
    try text.write(toFile: "\(directory)/sample.vcf", atomically: true, encoding: .utf8)
    let made = try shell("cd '\(directory)' && bgzip -f sample.vcf && tabix -p vcf sample.vcf.gz")
    #expect(made.status == 0, "\(made.output)")
    let path = "\(directory)/sample.vcf.gz"
    let summary = try #require(IndexCheck.summary(indexPath: "\(path).tbi"))
    #expect(summary.firstRecordStarts.count == 2)
    // Contig 2 starts in a later block, and each contig's first offset is its deletion's line.
    #expect((summary.firstRecordStarts.last ?? nil).map { $0 >> 16 > 0 } == true, "one BGZF block only: the test needs several")
    let file = try HTSFile(path: path, threads: 1)
    IndexCheck.rewind(file)
    var svLines: [UInt64] = []
    var line = kstring_t()
    defer { sp_ks_free(&line) }
    while true {
      let offset = UInt64(sp_bgzf_tell(file.file))
      guard hts_getline(file.file, 2, &line) >= 0, let text = line.s else { break }
      if String(cString: text).contains("\tsv") { svLines.append(offset) }
    }
    #expect(summary.firstRecordStarts == svLines.map { Optional($0) })
    let own = try read(path, regions: everywhere(try VCFReader(path: path).header), access: .index)
    #expect(own.statistics.indexIgnored == nil)
    #expect(own.records.count == 8002 && own.records.first?.id == "sv1")
  }

  /// Two files joined: the second contig's offset leads to the second file's header lines, which
  /// htslib 1.16's index reader cannot read past, so the index is refused (and not used).
  @Test(.enabled(if: Prerequisite.tool("tabix"), "needs tabix (apt-get install tabix)"))
  func commentLinesWhereAContigsFirstRecordShouldBeRefuseTheIndex() throws {
    let directory = TestData.temporaryDirectory("comments")
    let header = "##fileformat=VCFv4.2\n##contig=<ID=1,length=249000000>\n##contig=<ID=2,length=243000000>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
    try (header + "1\t100\ta\tC\tT\t.\tPASS\t.\n").write(toFile: "\(directory)/a.vcf", atomically: true, encoding: .utf8)
    try (header + "2\t200\tb\tC\tT\t.\tPASS\t.\n").write(toFile: "\(directory)/b.vcf", atomically: true, encoding: .utf8)
    let made = try shell(
      "cd '\(directory)' && bgzip -f a.vcf && bgzip -f b.vcf && cat a.vcf.gz b.vcf.gz > joined.vcf.gz && tabix -p vcf joined.vcf.gz")
    #expect(made.status == 0, "\(made.output)")
    let path = "\(directory)/joined.vcf.gz"
    let file = try HTSFile(path: path, threads: 1)
    let prepared = IndexCheck.prepare(file: file, indexPath: "\(path).tbi")
    let regions = RegionFilter([GenomicInterval(contig: "1", start: 1, end: 1000), GenomicInterval(contig: "2", start: 1, end: 1000)])
    guard case .failure(let problem) = IndexCheck.checked(prepared, file: file, indexPath: "\(path).tbi", regions: regions) else {
      Issue.record("an index whose offsets lead to comment lines was accepted")
      return
    }
    #expect(problem.reason.contains("do not lead to a record of 2"))
  }
}

@Suite struct DamagedInputTests {
  /// htslib parses C strings: a NUL byte cut the line short without a word.
  @Test func nulByteIsAnErrorNamingTheLine() throws {
    var text = try String(contentsOfFile: TestData.path("testdata/vcf/tumor_only.grch38.vcf"), encoding: .utf8)
    text = text.replacingOccurrences(of: "\t7674220\t", with: "\t7674220\t\u{0}")
    let path = TestData.temporaryDirectory("nul") + "/nul.vcf"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\u{0}") }) + 1
    #expect {
      _ = try readAll(path)
    } throws: { ($0 as? SarcoError)?.message.hasPrefix("\(path): line \(line): contains a NUL byte") == true }
  }

  /// A cut inside the compressed data (with the end-of-file block put back) must be reported as such, with where.
  @Test(.enabled(if: Prerequisite.tool("bgzip") && Prerequisite.tool("tabix"), "needs bgzip and tabix (apt-get install tabix)"))
  func truncatedDataBlockIsAnErrorNotAShortFile() throws {
    let source = try Data(contentsOf: URL(fileURLWithPath: try stressVCF(records: 20_000)))
    let path = TestData.temporaryDirectory("cut") + "/cut.vcf.gz"
    try (source.prefix(source.count / 2) + source.suffix(28)).write(to: URL(fileURLWithPath: path))
    var message = ""
    do {
      _ = try read(path, access: .stream)
    } catch let error as SarcoError {
      message = error.message
    }
    #expect(message.hasPrefix("\(path): "))
    #expect(message.contains("read error after line ") && message.contains("the compressed data is truncated or corrupt"), "\(message)")
    // The header block itself cut: corrupt data, not "missing ##fileformat".
    let small = try Data(contentsOf: URL(fileURLWithPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz")))
    let headerCut = TestData.temporaryDirectory("cut") + "/header.vcf.gz"
    try (small.prefix(small.count / 2) + small.suffix(28)).write(to: URL(fileURLWithPath: headerCut))
    #expect {
      _ = try VCFReader(path: headerCut)
    } throws: { ($0 as? SarcoError)?.message == "\(headerCut): the compressed data is corrupt or truncated (inside the header)" }
  }

  /// A <DEL> giving its length as SVLEN alone (no END) was ignored: htslib spans it by REF only.
  @Test func symbolicDeletionWithOnlySVLENReachesTheRegion() throws {
    let text = """
      ##fileformat=VCFv4.2
      ##contig=<ID=9,length=138394717>
      ##INFO=<ID=SVTYPE,Number=1,Type=String,Description="type">
      ##INFO=<ID=SVLEN,Number=A,Type=Integer,Description="length">
      #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
      9\t21900000\tDEL1\tN\t<DEL>\t.\tPASS\tSVTYPE=DEL;SVLEN=-80000
      9\t21900000\tINS1\tN\t<INS>\t.\tPASS\tSVTYPE=INS;SVLEN=80000

      """
    let directory = TestData.temporaryDirectory("svlen")
    try text.write(toFile: "\(directory)/sv.vcf", atomically: true, encoding: .utf8)
    let converted = try shell("bcftools view -Ob -o '\(directory)/sv.bcf' '\(directory)/sv.vcf' 2>&1")
    // CDKN2A, 66 kb after the deletion's POS; an insertion's SVLEN is not a span.
    let cdkn2a = RegionFilter([GenomicInterval(contig: "9", start: 21_967_752, end: 21_975_133)])
    for path in ["\(directory)/sv.vcf"] + (converted.status == 0 ? ["\(directory)/sv.bcf"] : []) {
      let records = try read(path, regions: cdkn2a).records
      #expect(records.map(\.id) == ["DEL1"], "\(path)")
      #expect(records.first?.end == 21_980_000, "\(path)")
    }
  }
}
