import SarcoCore
import Testing

@Suite struct GenomeBuildDetectorTests {
  func header(_ lines: String) -> VCFHeader {
    VCFHeader(text: "##fileformat=VCFv4.2\n\(lines)\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
  }

  @Test func contigLengthsDecideGRCh38() throws {
    let detection = try GenomeBuildDetector.detect(
      header: header("##contig=<ID=chr1,length=248956422>\n##contig=<ID=chr17,length=83257441>"), fileName: "x.vcf")
    #expect(detection.build == .grch38)
    #expect(detection.evidence.contains("2 chromosomes"))
  }

  @Test func contigLengthsDecideGRCh37EvenWithHg19MitochondrionLength() throws {
    let detection = try GenomeBuildDetector.detect(
      header: header("##contig=<ID=chr17,length=81195210>\n##contig=<ID=chrM,length=16571>"), fileName: "x.vcf")
    #expect(detection.build == .grch37)
  }

  @Test func conflictingContigLengthsAreAnError() {
    #expect {
      try GenomeBuildDetector.detect(
        header: header("##contig=<ID=1,length=248956422>\n##contig=<ID=2,length=243199373>"), fileName: "x.vcf")
    } throws: { error in
      let message = (error as? SarcoError)?.message ?? ""
      return message.hasPrefix("x.vcf: ##contig lengths match both builds: GRCh37 (2) and GRCh38 (1); pass --genome")
    }
  }

  @Test(arguments: [
    ("##reference=file:///data/hg19/ucsc.hg19.fasta", GenomeBuild.grch37),
    ("##reference=/ref/GRCh38_full_analysis_set.fa", .grch38),
    ("##reference=HG19", .grch37),
    ("##liftOverChainFile=/Users/x/chainFiles/hg19Tohg38.over.chain.gz", .grch38),
    ("##new_reference_genome=/usr/local/share/vep/data/hg19/ucsc.hg19.fa", .grch37),
    ("##contig=<ID=1,assembly=GRCh37>", .grch37),
    ("##reference=file:///x/Homo_sapiens_assembly19.COST16011_region.fa", .grch37),
  ])
  func headerLinesNameTheBuild(line: String, expected: GenomeBuild) throws {
    #expect(try GenomeBuildDetector.detect(header: header(line), fileName: "sample.vcf").build == expected)
  }

  @Test func fileNameIsTheLastResort() throws {
    let detection = try GenomeBuildDetector.detect(header: header(""), fileName: "/x/T001-BRCA.grch37.vcf.gz")
    #expect(detection.build == .grch37)
    #expect(detection.evidence.contains("file name"))
  }

  @Test func noEvidenceAsksForGenomeOption() {
    #expect {
      try GenomeBuildDetector.detect(header: header("##source=caller"), fileName: "tumour.vcf")
    } throws: { error in
      (error as? SarcoError)?.message.contains("--genome") == true
    }
  }
}
