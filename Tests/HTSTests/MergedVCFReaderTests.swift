import Foundation
import HTS
import SarcoCore
import SarcoTestSupport
import Testing

@Suite struct MergedVCFReaderTests {
  func mergedRead(
    _ paths: [String], access: VCFReader.Access = .automatic, threads: Int = 1, batchSize: Int = 512
  ) throws -> [(source: Int, locus: String, alleles: [String])] {
    let readers = try paths.map { try VCFReader(path: $0, threads: threads) }
    var merged: [(Int, String, [String])] = []
    try MergedVCFReader(readers: readers).read(
      regions: readers.map { everywhere($0.header) }, sampleIndexes: readers.map { Array($0.header.samples.indices) },
      access: access, batchSize: batchSize
    ) { batch in
      #expect(batch.records.count == batch.sources.count)
      for (record, source) in zip(batch.records, batch.sources) { merged.append((source, record.locus, record.alleles)) }
    }
    return merged
  }

  /// Strelka2's SNV and indel files of one sample interleave by contig (the first header's order) and position.
  @Test(arguments: [("vcf.gz", VCFReader.Access.stream), ("vcf.gz", .index), ("bcf", .index), ("bcf", .stream), ("vcf", .stream)])
  func strelkaFilesInterleaveByPosition(format: String, access: VCFReader.Access) throws {
    let base = TestData.path("testdata/vcf/T001_vs_N001.strelka.somatic_")
    let merged = try mergedRead(["\(base)snvs.\(format)", "\(base)indels.\(format)"], access: access, batchSize: 2)
    #expect(merged.map(\.locus) == [
      "chr4:54285926", "chr4:54700000", "chr4:54727436", "chr12:1000000", "chr12:68835900", "chr17:7674220",
    ])
    #expect(merged.map(\.source) == [0, 0, 1, 0, 1, 0])
  }

  @Test func recordsAtOnePlaceKeepFileOrderAndOneFileIsReadAsItIs() throws {
    let directory = TestData.temporaryDirectory("merge")
    let a = try writeVCF("a.vcf", in: directory, records: [vcfLine("17", 7674220, "C", "T"), vcfLine("17", 7674220, "C", "G")])
    let b = try writeVCF("b.vcf", in: directory, records: [vcfLine("4", 54285926, "A", "T"), vcfLine("17", 7674220, "C", "A")])
    let merged = try mergedRead([a, b], batchSize: 1)
    #expect(merged.map { "\($0.source):\($0.alleles.joined(separator: ">"))" } == ["1:A>T", "0:C>T", "0:C>G", "1:C>A"])
    let reversed = try mergedRead([b, a], threads: 2)
    #expect(reversed.map { "\($0.source):\($0.alleles.joined(separator: ">"))" } == ["0:A>T", "0:C>A", "1:C>T", "1:C>G"])
    // A single file is not checked for order: it is read as VCFReader reads it.
    let unsorted = try writeVCF("unsorted.vcf", in: directory, records: [vcfLine("17", 7674220, "C", "T"), vcfLine("4", 54285926, "A", "T")])
    #expect(try mergedRead([unsorted]).map(\.locus) == ["17:7674220", "4:54285926"])
  }

  @Test func aFileOutOfOrderIsRefusedNamingItAndTheRecord() throws {
    let directory = TestData.temporaryDirectory("merge")
    let sorted = try writeVCF("sorted.vcf", in: directory, records: [vcfLine("4", 54285926, "A", "T"), vcfLine("17", 7674220, "C", "T")])
    let unsorted = try writeVCF(
      "unsorted.vcf", in: directory, records: [vcfLine("17", 7674220, "C", "A"), vcfLine("4", 54727436, "G", "C")])
    #expect {
      _ = try mergedRead([sorted, unsorted])
    } throws: { error in
      let message = (error as? SarcoError)?.message ?? ""
      return (error as? SarcoError)?.exitStatus == 1 && message.hasPrefix("\(unsorted): line 9 (4:54727436): comes after 17:7674220")
        && message.contains("bcftools sort")
    }
  }

  @Test func contigOrderIsTheFirstHeadersThenTheOthersThenTheChromosomes() {
    let first = VCFHeader(text: "##contig=<ID=chr17>\n##contig=<ID=chr4>\n#CHROM\tPOS\n")
    let second = VCFHeader(text: "##contig=<ID=12>\n##contig=<ID=4>\n#CHROM\tPOS\n")
    let order = ContigOrder(headers: [first, second])
    let sorted = ["X", "4", "chr12", "2", "17", "chrUn_1"].sorted { order.key($0) < order.key($1) }
    #expect(sorted == ["17", "4", "chr12", "2", "X", "chrUn_1"])
  }

  @Test func aFailingFileStopsTheMergeWithItsOwnError() throws {
    let directory = TestData.temporaryDirectory("merge")
    let good = try writeVCF("good.vcf", in: directory, records: (1...3000).map { vcfLine("4", 54_000_000 + $0, "A", "T") })
    let bad = try writeVCF("bad.vcf", in: directory, records: [vcfLine("4", 54285926, "A", "T"), "17\tPOS7674220\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:1,1"])
    #expect {
      _ = try mergedRead([good, bad], batchSize: 8)
    } throws: { error in
      ((error as? SarcoError)?.message ?? "").hasPrefix("\(bad): line 9: malformed VCF line")
    }
  }
}
