import Foundation
import SarcoCore
import SarcoPipeline
import SarcoReports
import SarcoTestSupport
import Testing

/// Rows of a MAF as column -> value, read from its `Hugo_Symbol` line as maftools reads it.
func mafRows(_ path: String) throws -> [[String: String]] {
  let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    .filter { !$0.isEmpty && !$0.hasPrefix("#") }
  guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else { return [] }
  return lines.dropFirst().map { line in
    Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
  }
}

/// `scripts/check-maf`: maftools' reading conventions and the GDC/vcf2maf ones, re-implemented in Python.
func checkMAF(_ paths: [String]) throws -> (status: Int32, output: String) {
  try shell("python3 '\(TestData.path("scripts/check-maf"))' " + paths.map { "'\($0)'" }.joined(separator: " "))
}

@Suite struct MAFExportTests {
  @Test(.enabled(if: Prerequisite.tool("python3"), "needs python3"))
  func mafsPassMaftoolsConventions() throws {
    var mafs: [String] = []
    for scenario in scenarioNames {
      let out = TestData.temporaryDirectory("maf")
      let genome: GenomeBuild? = scenario.hasSuffix("grch37") ? .grch37 : nil
      let sampleType: ClinicalAssessor.SampleType = scenario.hasPrefix("germline") ? .germline : .tumor
      _ = try runWithExports("testdata/vcf/\(scenario).vcf", out: out, vcfOut: nil, maf: "S.maf", sampleType: sampleType, genome: genome)
      mafs.append("\(out)/S.maf")
    }
    let checked = try checkMAF(mafs)
    #expect(checked.status == 0, "\(checked.output)")
    // The checker fails what maftools would not read as a MAF: an insertion that does not span its flanking bases.
    let broken = TestData.temporaryDirectory("maf") + "/broken.maf"
    let text = try String(contentsOfFile: mafs[0], encoding: .utf8)
    let rows = text.split(separator: "\n").map { line in
      line.contains("\tDEL\t") ? line.replacingOccurrences(of: "\tDEL\t", with: "\tINS\t") : String(line)
    }
    try rows.joined(separator: "\n").appending("\n").write(toFile: broken, atomically: true, encoding: .utf8)
    let refused = try checkMAF([broken])
    #expect(refused.status == 1 && refused.output.contains("INS TGGAAG>-"), "\(refused.output)")
  }

  @Test func demoSampleRows() throws {
    let out = TestData.temporaryDirectory("maf")
    _ = try runWithExports("testdata/vcf/tumor_only.grch38.vcf.gz", out: out, vcfOut: nil, maf: "S.maf", tumorType: "GIST")
    let text = try String(contentsOfFile: "\(out)/S.maf", encoding: .utf8)
    #expect(text.hasPrefix("#version 2.4\n" + MAFReport.columns.joined(separator: "\t") + "\n"))
    #expect(MAFReport.standardColumns.count == 34)
    let rows = try mafRows("\(out)/S.maf")
    #expect(rows.map { $0["Hugo_Symbol"]! } == ["PDGFRA", "KIT", "KIT", "KIT", "TP53"])
    #expect(rows.map { $0["Variant_Classification"]! } == ["Missense_Mutation", "Intron", "In_Frame_Del", "Missense_Mutation", "Missense_Mutation"])
    let deletion = rows[2]
    #expect(deletion["Start_Position"] == "54727437" && deletion["End_Position"] == "54727442")
    #expect(deletion["Reference_Allele"] == "TGGAAG" && deletion["Tumor_Seq_Allele2"] == "-" && deletion["Variant_Type"] == "DEL")
    #expect(deletion["HGVSp"] == "p.Trp557_Lys558del" && deletion["HGVSp_Short"] == "p.W557_K558del")
    #expect(deletion["SP_TIER"] == "I-A" && deletion["SP_ESCAT"] == "I-A")
    let pdgfra = rows[0]
    #expect(pdgfra["HGVSc"] == "c.2525A>T" && pdgfra["HGVSp_Short"] == "p.D842V" && pdgfra["Transcript_ID"] == "NM_006206.6")
    #expect(pdgfra["t_depth"] == "500" && pdgfra["t_ref_count"] == "300" && pdgfra["t_alt_count"] == "200")
    #expect(pdgfra["Tumor_Sample_Barcode"] == "S" && pdgfra["NCBI_Build"] == "GRCh38" && pdgfra["Gene"] == "ENSG00000134853")
    #expect(rows[1]["FILTER"] == "weak_evidence" && rows[1]["INTRON"] == "4/20")
  }

  /// vcf2maf's own test (mskcc/vcf2maf tests/test.vcf and its expected test_output.custom_isoforms.maf, whose
  /// isoforms are the panel's MANE transcripts): the VCF is given VEP's consequences from that MAF as CSQ, and
  /// every expected row on a panel gene must come back with the same positions, alleles, classification,
  /// HGVS and read counts. Records at one site (vcf2maf's four APC records) go to separate runs, since a run
  /// drops a variant an earlier record already called. (Exon_Number is not compared: for an intronic entry on the
  /// panel transcript without VEP's EXON, the consequence selector fills the exon from the panel's intron number.)
  @Test(.enabled(if: Prerequisite.sharedData("examples/vcf2maf_tests/test_output.custom_isoforms.maf"), "needs ../shared/data/examples/vcf2maf_tests"))
  func rowsMatchVcf2mafExpectations() throws {
    let vcfLines = try String(contentsOfFile: TestData.shared("examples/vcf2maf_tests/test.vcf")!, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let expected = try mafRows(TestData.shared("examples/vcf2maf_tests/test_output.custom_isoforms.maf")!)
    let records = vcfLines.filter { !$0.hasPrefix("#") }
    try #require(records.count == expected.count)
    let header = vcfLines.filter { $0.hasPrefix("##") } + [
      "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL|Feature|HGVSc|HGVSp|EXON\">"
    ] + vcfLines.filter { $0.hasPrefix("#CHROM") }
    var groups: [(sites: Set<String>, lines: [String], rows: [[String: String]])] = []
    for (record, row) in zip(records, expected) {
      var columns = record.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let hgvsc = row["HGVSc"]!.isEmpty ? "" : "\(row["Feature"]!):\(row["HGVSc"]!)"
      let hgvsp = row["HGVSp"]!.isEmpty ? "" : "\(row["ENSP"]!):\(row["HGVSp"]!)".replacingOccurrences(of: "=", with: "%3D")
      let csq = [row["Allele"]!, row["Consequence"]!.replacingOccurrences(of: ",", with: "&"), row["SYMBOL"]!, row["Feature"]!,
                 hgvsc, hgvsp, row["EXON"]!]
      columns[7] = "CSQ=" + csq.joined(separator: "|")
      let site = "\(columns[0]):\(columns[1])"
      let group = groups.firstIndex { !$0.sites.contains(site) } ?? groups.count
      if group == groups.count { groups.append(([], [], [])) }
      groups[group].sites.insert(site)
      groups[group].lines.append(columns.joined(separator: "\t"))
      groups[group].rows.append(row)
    }
    #expect(groups.count == 4)
    let panelGenes = Set(TestPanels.sarcoma.genes.map(\.symbol))
    var compared = 0
    for group in groups {
      let out = TestData.temporaryDirectory("vcf2maf")
      try (header + group.lines).joined(separator: "\n").appending("\n").write(toFile: "\(out)/test.vcf", atomically: true, encoding: .utf8)
      _ = try runWithExports("\(out)/test.vcf", out: out, vcfOut: nil, maf: "S.maf", genome: .grch37)
      let ours = try mafRows("\(out)/S.maf")
      for row in group.rows where panelGenes.contains(row["Hugo_Symbol"]!) {
        let match = ours.first {
          $0["Start_Position"] == row["Start_Position"] && $0["Reference_Allele"] == row["Reference_Allele"]
            && $0["Tumor_Seq_Allele2"] == row["Tumor_Seq_Allele2"]
        }
        let mine = try #require(match, "no row for \(row["Hugo_Symbol"]!) at \(row["Start_Position"]!)")
        for column in ["Hugo_Symbol", "Chromosome", "End_Position", "Variant_Classification", "Variant_Type",
                       "Tumor_Seq_Allele1", "Match_Norm_Seq_Allele1", "Match_Norm_Seq_Allele2", "HGVSc", "HGVSp",
                       "HGVSp_Short", "Transcript_ID", "t_depth", "t_ref_count", "t_alt_count", "n_depth",
                       "n_ref_count", "n_alt_count"] {
          #expect(mine[column] == row[column], "\(row["Hugo_Symbol"]!) \(row["Start_Position"]!) \(column)")
        }
        compared += 1
      }
    }
    // BAP1 x3, PIK3CA x2, TERT x2, APC x4, MET, TP53.
    #expect(compared == 13)
  }

  @Test func variantClassificationFollowsVcf2maf() {
    func classify(_ terms: [String], _ type: String, inFrame: Bool = false) -> String {
      MAFVariantClassification.classify(effect: MAFVariantClassification.deciding(terms), variantType: type, inFrame: inFrame)
    }
    #expect(classify(["splice_region_variant", "synonymous_variant"], "SNP") == "Splice_Region")
    #expect(classify(["missense_variant", "splice_region_variant"], "SNP") == "Missense_Mutation")
    // vcf2maf's table gives protein_altering_variant 5 and then 7: the 7 counts, so missense (6) is more severe.
    #expect(classify(["protein_altering_variant", "missense_variant"], "DNP") == "Missense_Mutation")
    #expect(classify(["protein_altering_variant", "splice_region_variant"], "INS", inFrame: true) == "In_Frame_Ins")
    #expect(classify(["protein_altering_variant"], "DEL", inFrame: false) == "Frame_Shift_Del")
    #expect(classify(["frameshift_variant"], "INS") == "Frame_Shift_Ins")
    #expect(classify(["stop_gained", "frameshift_variant"], "DEL") == "Nonsense_Mutation")
    #expect(classify(["conservative_inframe_deletion"], "DEL", inFrame: true) == "In_Frame_Del")
    #expect(classify(["start_lost"], "SNP") == "Translation_Start_Site")
    #expect(classify(["stop_lost"], "SNP") == "Nonstop_Mutation")
    #expect(classify(["coding_sequence_variant"], "DNP") == "Missense_Mutation")
    #expect(classify(["5_prime_UTR_variant"], "SNP") == "5'UTR")
    #expect(classify(["downstream_gene_variant"], "SNP") == "3'Flank")
    #expect(classify(["non_coding_transcript_exon_variant"], "SNP") == "RNA")
    #expect(classify(["feature_truncation"], "DEL") == "Targeted_Region")
    #expect(classify([], "SNP") == "IGR")
  }

  @Test func allelesAndPositionsFollowVcf2maf() {
    func alleles(_ position: Int, _ all: [String], _ index: Int = 1, gt: String? = "0/1", depth: Int? = nil, alt: Int? = nil)
      -> MAFAlleles
    {
      MAFAlleles(
        position: position, alleles: all, alternateIndex: index,
        tumor: ExportedAllele.Call(genotype: gt, depth: depth, referenceReads: nil, alternateReads: alt), normal: nil)
    }
    let insertion = alleles(100, ["G", "GCT"])
    #expect((insertion.start, insertion.end, insertion.variantType, insertion.reference, insertion.tumorAllele2) == (100, 101, "INS", "-", "CT"))
    #expect(insertion.inFrame == false)
    let complexDeletion = alleles(200, ["GAAGA", "G", "GCA"], 2, gt: "1/2")
    #expect((complexDeletion.start, complexDeletion.end, complexDeletion.variantType) == (201, 204, "DEL"))
    #expect((complexDeletion.reference, complexDeletion.tumorAllele1, complexDeletion.tumorAllele2) == ("AAGA", "-", "CA"))
    let dnp = alleles(300, ["TG", "CA"], gt: "1/1")
    #expect((dnp.start, dnp.end, dnp.variantType, dnp.tumorAllele1) == (300, 301, "DNP", "CA"))
    let onp = alleles(400, ["ACGT", "TGCA"])
    #expect(onp.variantType == "ONP" && onp.end == 403)
    // Without a genotype, an allele fraction of 0.7 or more reads as homozygous.
    #expect(alleles(500, ["C", "T"], gt: nil, depth: 10, alt: 7).tumorAllele1 == "T")
    #expect(alleles(500, ["C", "T"], gt: nil, depth: 10, alt: 6).tumorAllele1 == "C")
    #expect(alleles(500, ["C", "T"]).normalAllele1 == "C")
  }

  @Test func proteinChangesAreShortenedAsVcf2mafDoes() {
    #expect(MAFProteinChange.short(hgvsp: "ENSP1:p.Leu189CysfsTer2", hgvsc: nil, decidingTerm: "frameshift_variant") == "p.L189Cfs*2")
    #expect(MAFProteinChange.short(hgvsp: "p.(Arg213Ter)", hgvsc: "c.637C>T", decidingTerm: "stop_gained") == "p.R213*")
    #expect(MAFProteinChange.short(hgvsp: nil, hgvsc: "ENST1:c.494+1G>A", decidingTerm: "splice_donor_variant") == "p.X165_splice")
    #expect(MAFProteinChange.short(hgvsp: nil, hgvsc: "c.-12G>A", decidingTerm: "splice_acceptor_variant") == "")
    #expect(MAFProteinChange.long("NP_000537.3:p.(Arg248Gln)") == "p.Arg248Gln")
    #expect(MAFProteinChange.withoutAccession("NM_000546.6:c.743G>A") == "c.743G>A")
  }
}
