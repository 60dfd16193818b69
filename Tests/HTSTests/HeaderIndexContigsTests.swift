import Foundation
@testable import HTS
import SarcoCore
import SarcoTestSupport
import Testing

/// htslib's `vcf_hdr_read` adds the contigs of the index beside a VCF that its header lacks;
/// `HTSFile` reads the header without that (slow) index load and adds them itself.
@Suite(.enabled(
  if: Prerequisite.tool("bgzip") && Prerequisite.tool("tabix") && Prerequisite.tool("bcftools"),
  "needs bgzip, tabix and bcftools (apt-get install tabix bcftools)"))
struct HeaderIndexContigsTests {
  static let records = [
    "9\t21971000\ta\tC\tT\t.\tPASS\t.\tGT\t0/1",
    "17\t7674220\tb\tC\tT\t.\tPASS\t.\tGT\t0/1",
    "X\t100\tc\tC\tT\t.\tPASS\t.\tGT\t0/1",
  ]

  /// A header declaring only chromosome 17 (a length-bearing line left as it is).
  func indexedVCF(_ index: String) throws -> String {
    let directory = TestData.temporaryDirectory("header-contigs")
    let lines = [
      "##fileformat=VCFv4.2", "##contig=<ID=17,length=83257441>",
      "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT1",
    ] + HeaderIndexContigsTests.records
    try (lines.joined(separator: "\n") + "\n").write(toFile: "\(directory)/in.vcf", atomically: true, encoding: .utf8)
    let indexing = index == "csi" ? "bcftools index -c in.vcf.gz" : "tabix -p vcf in.vcf.gz"
    #expect(try shell("cd '\(directory)' && bgzip in.vcf && \(indexing)").status == 0)
    return "\(directory)/in.vcf.gz"
  }

  @Test(arguments: ["tbi", "csi"])
  func headerEqualsWhatHtslibReads(index: String) throws {
    let path = try indexedVCF(index)
    let file = try HTSFile(path: path, threads: 1)
    let expected = try shell("bcftools view -h --no-version '\(path)'")
    #expect(expected.status == 0)
    #expect(file.headerText() == expected.output)
    // 9 and X were added, in the index's order; 17 kept its length.
    #expect(file.headerText().contains("##contig=<ID=17,length=83257441>\n"))
    #expect(file.headerText().contains("##contig=<ID=9>\n##contig=<ID=X>\n"))
  }

  @Test func namesOffTheIndexInItsOrder() throws {
    let path = try indexedVCF("tbi")
    #expect(IndexContigNames.indexPath(besideText: path) == "\(path).tbi")
    #expect(IndexContigNames.read(indexPath: "\(path).tbi") == ["9", "17", "X"])
    #expect(IndexContigNames.read(indexPath: path) == nil)
  }

  /// htslib's candidates: `<fn>.csi`, the last extension replaced, past a `/` too, then `.tbi` alike.
  @Test func indexSearchOrderIsHtslibs() throws {
    let directory = TestData.temporaryDirectory("index-search")
    try FileManager.default.createDirectory(atPath: "\(directory)/run.2", withIntermediateDirectories: true)
    let vcf = "\(directory)/run.2/tumour"
    #expect(IndexContigNames.indexPath(besideText: vcf) == nil)
    for (name, expected) in [("run.tbi", "run.tbi"), ("run.2/tumour.tbi", "run.2/tumour.tbi"), ("run.csi", "run.csi"), ("run.2/tumour.csi", "run.2/tumour.csi")] {
      #expect(FileManager.default.createFile(atPath: "\(directory)/\(name)", contents: Data()))
      #expect(IndexContigNames.indexPath(besideText: vcf) == "\(directory)/\(expected)", "\(name)")
    }
  }
}
