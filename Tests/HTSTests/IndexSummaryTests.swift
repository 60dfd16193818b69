import CHTSlib
import CHTSlibShims
import Foundation
@testable import HTS
import SarcoCore
import SarcoTestSupport
import Testing

@Suite struct IndexSummaryTests {
  /// The bound the indexed read cuts its queries to must lie at or past every record of the contig.
  @Test(arguments: scenarios)
  func tabixRecordsEndBoundsEveryRecord(scenario: String) throws {
    let path = TestData.path("testdata/vcf/\(scenario).vcf.gz")
    let summary = try #require(IndexCheck.summary(indexPath: "\(path).tbi"))
    #expect(summary.lastChunkEnd > 0)
    let names = try #require(try tabixNames(path))
    #expect(summary.recordsEnd.count == names.count)
    for record in try readAll(path, access: .stream) {
      let tid = try #require(names.firstIndex(of: record.contig))
      let bound = try #require(summary.recordsEnd[tid], "\(record.contig)")
      #expect(record.end <= bound, "\(record.contig):\(record.position)-\(record.end) past \(bound)")
    }
  }

  @Test(arguments: scenarios)
  func csiRecordsEndBoundsEveryRecord(scenario: String) throws {
    let path = TestData.path("testdata/vcf/\(scenario).bcf")
    let summary = try #require(IndexCheck.summary(indexPath: "\(path).csi"))
    let file = try HTSFile(path: path, threads: 1)
    let names = (0..<Int(sp_hdr_ncontigs(file.header))).map { String(cString: sp_hdr_contig_name(file.header, Int32($0))) }
    #expect(summary.recordsEnd.count <= names.count)
    for record in try readAll(path, access: .stream) {
      let tid = try #require(names.firstIndex(of: record.contig))
      let bound = try #require(summary.recordsEnd[tid], "\(record.contig)")
      #expect(record.end <= bound, "\(record.contig):\(record.position)-\(record.end) past \(bound)")
    }
  }

  /// Each contig's first record starts at the smallest offset of its chunks: read in order, the
  /// offset before the first line of each contig is the one the index gives (tabix and CSI).
  @Test(arguments: scenarios)
  func firstRecordStartsAreWhereEachContigBegins(scenario: String) throws {
    for (format, suffix) in [("vcf.gz", "tbi"), ("bcf", "csi")] {
      let path = TestData.path("testdata/vcf/\(scenario).\(format)")
      let summary = try #require(IndexCheck.summary(indexPath: "\(path).\(suffix)"))
      let file = try HTSFile(path: path, threads: 1)
      var names: [String]
      if format == "bcf" {
        names = (0..<Int(sp_hdr_ncontigs(file.header))).map { String(cString: sp_hdr_contig_name(file.header, Int32($0))) }
      } else {
        names = try #require(try tabixNames(path))
      }
      var firsts: [String: UInt64] = [:]
      IndexCheck.rewind(file)
      if format == "bcf" {
        let record = try #require(bcf_init())
        defer { bcf_destroy(record) }
        while true {
          let offset = UInt64(sp_bgzf_tell(file.file))
          guard bcf_read(file.file, file.header, record) == 0 else { break }
          let name = names[Int(record.pointee.rid)]
          if firsts[name] == nil { firsts[name] = offset }
        }
      } else {
        var line = kstring_t()
        defer { sp_ks_free(&line) }
        while true {
          let offset = UInt64(sp_bgzf_tell(file.file))
          guard hts_getline(file.file, 2, &line) >= 0, let text = line.s else { break }
          let name = String(decoding: UnsafeRawBufferPointer(start: text, count: line.l).prefix { $0 != 0x09 }, as: UTF8.self)
          if firsts[name] == nil { firsts[name] = offset }
        }
      }
      #expect(!firsts.isEmpty, "\(path)")
      if format != "bcf" { #expect(summary.firstRecordStarts.count == names.count && summary.firstRecordStarts.allSatisfy { $0 != nil }, "\(path)") }
      for (tid, name) in names.enumerated() where tid < summary.firstRecordStarts.count {
        #expect(summary.firstRecordStarts[tid] == firsts[name], "\(path) \(name)")
      }
    }
  }

  /// Level by level: the root bin, the first and last of level 1, the first of the 16 kb level.
  @Test func binEnds() {
    #expect(IndexBytes.end(ofBin: 0, minShift: 14, depth: 5) == 1 << 29)
    #expect(IndexBytes.end(ofBin: 1, minShift: 14, depth: 5) == 1 << 26)
    #expect(IndexBytes.end(ofBin: 8, minShift: 14, depth: 5) == 8 << 26)
    #expect(IndexBytes.end(ofBin: 4681, minShift: 14, depth: 5) == 1 << 14)
    #expect(IndexBytes.end(ofBin: 4681 + 32768, minShift: 14, depth: 5) == nil)
  }

  @Test func notAnIndexGivesNothing() {
    #expect(IndexCheck.summary(indexPath: TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz")) == nil)
  }

  func tabixNames(_ path: String) throws -> [String]? {
    let file = try HTSFile(path: path, threads: 1)
    guard let index = VariantIndex(file: file, indexPath: "\(path).tbi", summary: IndexSummary(lastChunkEnd: 0, recordsEnd: [], firstRecordStarts: [])),
      case .tabix(_, let names) = index.kind
    else { return nil }
    return names
  }
}
