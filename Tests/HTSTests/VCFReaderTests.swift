import Foundation
import HTS
import SarcoCore
import SarcoTestSupport
import Testing

/// Regions covering whole contigs: those the header declares plus the primary chromosomes.
func everywhere(_ header: VCFHeader) -> RegionFilter {
  let names = header.contigs.map(\.name) + (1...22).map(String.init) + ["X", "Y", "MT"]
  return RegionFilter(names.map { GenomicInterval(contig: $0, start: 1, end: 1 << 40) })
}

func readAll(_ path: String, regions: RegionFilter? = nil, access: VCFReader.Access = .automatic, threads: Int = 1, batchSize: Int = 512) throws -> [VCFRecord] {
  let reader = try VCFReader(path: path, threads: threads)
  var records: [VCFRecord] = []
  try reader.read(regions: regions ?? everywhere(reader.header), sampleIndexes: Array(reader.header.samples.indices), access: access, batchSize: batchSize) {
    records.append(contentsOf: $0)
  }
  return records
}

/// Records without their ordinals, which differ between indexed and streamed reads.
func comparable(_ records: [VCFRecord]) -> [VCFRecord] {
  records.map { var copy = $0; copy.recordNumber = 0; copy.line = nil; return copy }
}

let scenarios = ["tumor_only.grch38", "tumor_normal.grch38", "strelka_somatic.grch38", "germline.grch38",
                 "multiallelic.grch38", "chr_prefix.grch37", "structural.grch38", "varscan.grch38", "vep_annotated.grch38",
                 "freebayes.grch38", "bcsq_annotated.grch38", "T001_vs_N001.strelka.somatic_snvs",
                 "T001_vs_N001.strelka.somatic_indels"]

@Suite struct VCFReaderTests {
  @Test(arguments: scenarios)
  func textBGZFAndBCFGiveTheSameRecords(scenario: String) throws {
    let base = TestData.path("testdata/vcf/\(scenario)")
    let plain = try readAll("\(base).vcf")
    #expect(!plain.isEmpty)
    #expect(comparable(try readAll("\(base).vcf.gz", access: .stream)) == comparable(plain))
    #expect(comparable(try readAll("\(base).vcf.gz", access: .index)) == comparable(plain))
    #expect(comparable(try readAll("\(base).bcf", access: .stream)) == comparable(plain))
    #expect(comparable(try readAll("\(base).bcf", access: .index)) == comparable(plain))
  }

  @Test func typedFieldsOfAMutect2Record() throws {
    let records = try readAll(TestData.path("testdata/vcf/tumor_only.grch38.vcf"))
    let pdgfra = try #require(records.first { $0.position == 54_285_926 })
    #expect(pdgfra.contig == "4")
    #expect(pdgfra.id == "COSV1")
    #expect(pdgfra.alleles == ["A", "T"])
    #expect(pdgfra.quality == nil)
    #expect(pdgfra.filters == ["PASS"])
    #expect(pdgfra.info["DP"] == .integers([500]))
    #expect(pdgfra.sampleFields[0]["AD"] == .integers([300, 200]))
    #expect(pdgfra.sampleFields[0]["AF"] == .floats([0.4]))
    #expect(pdgfra.genotypes[0] == Genotype(alleles: [0, 1], phased: false))
    let filtered = try #require(records.first { $0.position == 54_700_000 })
    #expect(filtered.filters == ["weak_evidence"])
  }

  @Test func symbolicDeletionReachingThePanelIsFoundByStreamAndIndex() throws {
    // <DEL> at 9:21900000 with END=21980000 starts 66 kb before CDKN2A.
    let regions = RegionFilter([GenomicInterval(contig: "9", start: 21_967_752, end: 21_975_133)])
    for path in ["structural.grch38.vcf", "structural.grch38.vcf.gz", "structural.grch38.bcf"] {
      for access in [VCFReader.Access.stream, .automatic] {
        let records = try readAll(TestData.path("testdata/vcf/\(path)"), regions: regions, access: access)
        #expect(records.map(\.id) == ["DEL1"], "\(path) \(access)")
        #expect(records.first?.referenceLength == 80_001)
      }
    }
  }

  @Test func recordsSpanningTwoRegionsAreReadOnce() throws {
    // Two regions inside the DUP at 12:68800000-68850000.
    let regions = RegionFilter([
      GenomicInterval(contig: "12", start: 68_810_000, end: 68_810_100),
      GenomicInterval(contig: "12", start: 68_830_000, end: 68_830_100),
    ])
    for path in ["structural.grch38.vcf.gz", "structural.grch38.bcf"] {
      let indexed = try readAll(TestData.path("testdata/vcf/\(path)"), regions: regions, access: .index)
      #expect(indexed.map(\.id) == ["DUP1"], "\(path)")
    }
  }

  @Test func manyThreadsAndTinyBatchesKeepInputOrder() throws {
    let path = TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz")
    let single = try readAll(path, access: .stream, threads: 1)
    let parallel = try readAll(path, access: .stream, threads: 8, batchSize: 1)
    #expect(parallel == single)
    #expect(single.map(\.recordNumber) == Array(1...single.count))
  }

  @Test func indexRequestedWithoutIndexIsAnError() {
    #expect {
      try readAll(TestData.path("testdata/vcf/tumor_only.unindexed.grch38.vcf.gz"), access: .index)
    } throws: { ($0 as? SarcoError)?.message.contains("no .tbi or .csi index") == true }
  }

  @Test func headerTextIsParsed() throws {
    let reader = try VCFReader(path: TestData.path("testdata/vcf/tumor_normal.grch38.bcf"))
    #expect(reader.format == .bcf)
    #expect(reader.header.samples == ["EWS_N", "EWS_T"])
    #expect(reader.header.values(forKey: "tumor_sample") == ["EWS_T"])
    #expect(reader.header.contigs.first?.length == 190_214_555)
    #expect(reader.hasIndex)
  }
}

@Suite struct BadInputTests {
  func message(_ path: String) -> String? {
    do {
      _ = try readAll(path)
      return nil
    } catch let error as SarcoError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  @Test(arguments: [
    ("testdata/bad/not_a_vcf.txt", "not a VCF or BCF file"),
    ("testdata/bad/truncated.vcf.gz", "truncated"),
    ("testdata/bad/malformed_pos.vcf", "line 23: malformed VCF line: POS is not a positive integer"),
    ("testdata/bad/too_few_columns.vcf", "line 23: malformed VCF line: expected at least 8 columns"),
    ("testdata/bad/bad_format_value.vcf", "line 23: malformed VCF record: an invalid character"),
    ("testdata/bad/does_not_exist.vcf", "no such file"),
    ("testdata/bad", "is a directory"),
  ])
  func badFileGivesOneLineNamingTheFile(relative: String, expected: String) throws {
    let found = try #require(message(TestData.path(relative)))
    #expect(found.hasPrefix(TestData.path(relative)))
    #expect(found.contains(expected))
    #expect(!found.contains("\n"))
  }
}

@Suite struct CorpusTests {
  /// Every VCF/BCF in Debian's htslib-test package reads, or fails with a message; none crashes.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/htslib-test/test"), "needs htslib-test (apt-get install htslib-test)"))
  func htslibTestFilesReadOrFailCleanly() throws {
    let root = "/usr/share/htslib-test/test"
    let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".vcf") || $0.hasSuffix(".vcf.gz") || $0.hasSuffix(".bcf") }.sorted() ?? []
    #expect(files.count >= 10)
    var read = 0
    for file in files {
      do {
        _ = try readAll("\(root)/\(file)", access: .stream)
        read += 1
      } catch let error as SarcoError {
        #expect(error.message.hasPrefix("\(root)/\(file)"), "\(error.message)")
      }
    }
    #expect(read >= files.count / 2)
  }

  @Test(.enabled(if: Prerequisite.sharedData("examples"), "needs ../shared/data/examples"))
  func sharedExamplesRead() throws {
    let examples = try #require(TestData.shared("examples"))
    let files = ["pcgr_T001-BRCA/T001-BRCA.grch38.vcf.gz", "pcgr_T001-BRCA/T001-BRCA.grch37.vcf.gz",
                 "manta_demo_hcc1954/somaticSV.vcf.gz"]
      + ["test.vcf", "test_delly.vcf", "test_muse.vcf", "test_mutect.vcf", "test_pindel.vcf", "test_pindel.vep.vcf",
         "test_radia.vcf", "test_sniper.vcf", "test_strelka.vcf", "test_varscan.vcf"].map { "vcf2maf_tests/\($0)" }
    for file in files {
      let records = try readAll("\(examples)/\(file)", access: .stream)
      #expect(!records.isEmpty, "\(file)")
    }
    let pcgr = try readAll("\(examples)/pcgr_T001-BRCA/T001-BRCA.grch38.vcf.gz", access: .stream)
    #expect(pcgr.count == 196)
  }
}

@Suite struct FormatEdgeTests {
  @Test func plainGzipIsStreamedAndSitesOnlyHasNoCalls() throws {
    let directory = TestData.temporaryDirectory()
    // gzip (not BGZF): readable, never indexable.
    let gzip = try shell("gzip -c '\(TestData.path("testdata/vcf/tumor_only.grch38.vcf"))' > '\(directory)/plain.vcf.gz'")
    #expect(gzip.status == 0, "\(gzip.output)")
    let reader = try VCFReader(path: "\(directory)/plain.vcf.gz")
    #expect(reader.format == .vcfGzip)
    #expect(!reader.hasIndex)
    #expect(comparable(try readAll("\(directory)/plain.vcf.gz")) == comparable(try readAll(TestData.path("testdata/vcf/tumor_only.grch38.vcf"))))

    let text = try String(contentsOfFile: TestData.path("testdata/vcf/tumor_only.grch38.vcf"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.hasPrefix("##FORMAT") }
      .map { line in line.hasPrefix("##") ? String(line) : line.split(separator: "\t").prefix(8).joined(separator: "\t") }
      .joined(separator: "\n") + "\n"
    try text.write(toFile: "\(directory)/sites.vcf", atomically: true, encoding: .utf8)
    let sites = try readAll("\(directory)/sites.vcf")
    #expect(sites.count == 6)
    #expect(sites.allSatisfy { $0.sampleFields.isEmpty && $0.genotypes.isEmpty })
  }
}
