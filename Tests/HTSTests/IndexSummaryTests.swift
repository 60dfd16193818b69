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
    guard let index = VariantIndex(file: file, indexPath: "\(path).tbi", recordsEnd: []),
      case .tabix(_, let names) = index.kind
    else { return nil }
    return names
  }
}
