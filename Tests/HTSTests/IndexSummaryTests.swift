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

  @Test func csiGivesNoBound() throws {
    let path = TestData.path("testdata/vcf/tumor_only.grch38.bcf.csi")
    let summary = try #require(IndexCheck.summary(indexPath: path))
    #expect(!summary.recordsEnd.isEmpty && summary.recordsEnd.allSatisfy { $0 == nil })
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
