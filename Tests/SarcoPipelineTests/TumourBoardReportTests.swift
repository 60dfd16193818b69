import Foundation
import SarcoCore
import SarcoPipeline
import SarcoReports
import SarcoTestSupport
import Testing

/// The report as a tumour board reads it: page one is the decision, each drug once, ESCAT beside
/// the tier, every public identifier a link, one story per variant, and the printed first page alone.
@Suite struct TumourBoardReportTests {
  /// The bundled demo sample (README's first command): GIST with PDGFRA D842V and a KIT exon 11 deletion.
  static let demo = (vcf: "testdata/vcf/tumor_only.grch38.vcf.gz", type: "GIST")

  /// The text of `<section id="decision">`.
  func pageOne(_ text: String) throws -> String {
    let start = try #require(text.firstRange(of: "<section id=\"decision\">"))
    let end = try #require(text[start.upperBound...].firstRange(of: "</section>"))
    return String(text[start.lowerBound..<end.upperBound])
  }

  @Test func pageOneLeadsWithWhatToActOn() throws {
    let text = try html(Self.demo.vcf, tumourType: Self.demo.type).text
    // The decision is the body's first section.
    #expect(text.firstRange(of: "<body>\n<section id=\"decision\">") != nil)
    let page = try pageOne(text)
    #expect(page.contains("To act on") && page.contains("Drugs (each once, for the whole sample)"))
    #expect(page.contains("<strong>PDGFRA p.D842V</strong> <span class=\"tier\">Tier I-A</span> <span class=\"escat\">ESCAT I-B</span>"))
    #expect(page.contains("<strong>KIT p.W557_K558del</strong> <span class=\"tier\">Tier I-A</span> <span class=\"escat\">ESCAT I-A</span>"))
    // Imatinib works for the exon 11 deletion but D842V makes the sample resistant: the line says so.
    #expect(page.contains("Imatinib: sensitive (level A) <span class=\"conflict\">[conflicting: resistant for the sample]</span>"))
    #expect(page.contains("TMB: not assessable") && page.contains("no BAM/CRAM given"))
    // Evidence tables and criteria are for later pages.
    #expect(!page.contains("<details>") && !page.contains("Evidence ("))
    // Each drug once on page one.
    let rows = page.components(separatedBy: "<tr><td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
    #expect(!rows.isEmpty && Set(rows).count == rows.count)
  }

  @Test func noDrugIsBothSensitiveAndResistantWithoutAMarker() throws {
    let report = try runScenario(Self.demo.vcf, tumourType: Self.demo.type).fullReport()
    let clinical = try #require(report.clinical)
    let text = HTMLReport.render(report)
    for finding in clinical.somatic where finding.tier.isTierIOrII {
      for statement in clinical.therapies where statement.alterations.contains(finding.alteration) {
        let ownSensitive = finding.therapies.sensitivity.contains { $0.hasPrefix("\(statement.therapy) (") }
        if ownSensitive && statement.call == .resistant {
          #expect(text.contains("[conflicting evidence: for the sample as a whole \(statement.therapy) is resistant"))
        }
      }
    }
  }

  @Test func everyLinkPointsToAKnownPublicPage() throws {
    var hrefs: [String] = []
    for (vcf, type, sampleType) in [
      (Self.demo.vcf, Self.demo.type, ClinicalAssessor.SampleType.tumor), ("testdata/vcf/structural.grch38.vcf", "ES", .tumor),
      ("testdata/vcf/vep_annotated.grch38.vcf", nil, .germline),
    ] {
      let text = try html(vcf, tumourType: type, sampleType: sampleType).text
      hrefs += text.components(separatedBy: "href=\"").dropFirst().map { $0.components(separatedBy: "\"")[0] }
    }
    let patterns = [
      #"^https://pubmed\.ncbi\.nlm\.nih\.gov/\d+/$"#, #"^https://civicdb\.org/(evidence|variants)/\d+/summary$"#,
      #"^https://www\.ncbi\.nlm\.nih\.gov/clinvar/variation/\d+/$"#, #"^https://doi\.org/10\.\d+/.+$"#,
      #"^https://oncotree\.mskcc\.org/\?version=oncotree_2025_10_03&amp;field=CODE&amp;search=[A-Z_]+$"#,
      #"^https://gnomad\.broadinstitute\.org/variant/[0-9XY]+-\d+-[ACGT]+-[ACGT]+\?dataset=gnomad_r4$"#, #"^#(notes|therapies)$"#,
    ]
    #expect(hrefs.count > 20)
    for href in hrefs {
      #expect(patterns.contains { href.range(of: $0, options: .regularExpression) != nil }, "unexpected link \(href)")
    }
    for kind in ["pubmed", "civicdb.org/evidence", "clinvar/variation", "oncotree", "gnomad"] {
      #expect(hrefs.contains { $0.contains(kind) }, "no \(kind) link")
    }
  }

  @Test func escatStandsBesideTheTierInEveryOutput() throws {
    let outcome = try runScenario(Self.demo.vcf, tumourType: Self.demo.type, sampleID: "GIST01")
    let report = try outcome.fullReport()
    let clinical = try #require(report.clinical)
    let d842v = try #require(clinical.somatic.first { $0.alteration == "PDGFRA p.D842V" })
    #expect(d842v.escat?.tier == .iB && d842v.escat?.source.contains("Casali") == true)
    #expect(clinical.somatic.first { $0.alteration == "KIT p.W557_K558del" }?.escat?.tier == .iA)
    // TP53 has no ESCAT entry for GIST: none is invented.
    #expect(clinical.somatic.first { $0.gene == "TP53" }?.escat == nil)
    let tsv = FindingsTSV.render(report).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    let column = try #require(tsv[0].firstIndex(of: "escat"))
    #expect(tsv.first { $0[3] == "PDGFRA p.D842V" }?[column] == "I-B")
    #expect(tsv.allSatisfy { $0.count == tsv[0].count })
    // A follow-up a rule could not decide is an open question in the table too (TP53 in a GIST without an age).
    let recommendation = try #require(tsv[0].firstIndex(of: "recommendation"))
    let tp53 = try #require(tsv.first { $0[1] == "somatic" && $0[2] == "TP53" })
    #expect(tp53[recommendation].hasPrefix("germline follow-up: ") && tp53[recommendation].contains("not evaluated: needs --age"))
    let packet = String(decoding: PhenopacketTask.packet(for: report, panel: TestPanels.sarcoma, pseudonymiser: nil).data, as: UTF8.self)
    #expect(packet.contains("\"name\" : \"ESCAT\""))
  }

  @Test func oneVariantOneStory() throws {
    // PDGFRA D842V in a tumour-only GIST: Tier I-A somatically, a germline VUS: the card says why both stand.
    let text = try html(Self.demo.vcf, tumourType: Self.demo.type).text
    #expect(text.contains("ACMG/AMP Uncertain significance (2 points) against Tier I-A: the tier reads what the alteration means for treating this tumour"))
  }

  @Test func germlineReportsLeadWithPathogenicFindings() throws {
    let page = try pageOne(try html("testdata/vcf/vep_annotated.grch38.vcf", sampleType: .germline).text)
    #expect(page.contains("Pathogenic and likely pathogenic findings") && page.contains("TP53"))
    #expect(!page.contains("Tumour column") && page.contains("germline (constitutional DNA)"))
  }

  @Test func anExpertPanelsPathogenicClassIsNotHiddenUnderNone() throws {
    // TP53 R273H in constitutional DNA: a VUS by the rules a VCF supports, Pathogenic by the TP53 expert panel;
    // P72R beside it is the panel's Benign.
    let vcf = "\(TestData.temporaryDirectory("expert-panel"))/germline.vcf"
    try """
      ##fileformat=VCFv4.2
      ##reference=GRCh38
      ##contig=<ID=17,length=83257441>
      ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
      ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
      ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">
      #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tBLOOD
      17\t7673802\t.\tC\tT\t.\tPASS\t.\tGT:AD:DP\t0/1:30,30:60
      17\t7676154\t.\tG\tC\t.\tPASS\t.\tGT:AD:DP\t0/1:30,30:60

      """.write(toFile: vcf, atomically: true, encoding: .utf8)
    let page = try pageOne(try html(vcf, sampleType: .germline).text)
    #expect(page.contains("None by our ACMG/AMP classification") && page.contains("see the expert-panel classes below"))
    #expect(page.contains("ClinVar expert panel: pathogenic or likely pathogenic where our class is lower"))
    #expect(page.contains("TP53 p.R273H: ClinVar Pathogenic"))
    // Decoy: P72R, Benign by the same expert panel, is not listed there.
    #expect(!page.contains("TP53 p.P72R: ClinVar"))
  }

  /// The demo sample printed by Chromium: page one holds the decision alone, pages are numbered.
  @Test(.enabled(if: PDFRenderer.chromium != nil && Prerequisite.tool("pdftotext"), "needs chromium and pdftotext (apt-get install chromium poppler-utils)"))
  func printedFirstPageIsTheDecisionAlone() throws {
    let outcome = try runScenario(Self.demo.vcf, tumourType: Self.demo.type, sampleID: "GIST01")
    let htmlPath = URL(fileURLWithPath: outcome.jsonPath).deletingPathExtension().appendingPathExtension("html").path
    let pdf = URL(fileURLWithPath: outcome.jsonPath).deletingPathExtension().appendingPathExtension("pdf").path
    #expect(try PDFRenderer.render(html: htmlPath, to: pdf) == pdf)
    let first = try shell("pdftotext -f 1 -l 1 -layout '\(pdf)' -")
    #expect(first.status == 0)
    #expect(first.output.contains("To act on") && first.output.contains("PDGFRA p.D842V"))
    #expect(first.output.contains("page 1 of") && first.output.contains("sarcopanel report GIST01") && first.output.contains("printed "))
    #expect(!first.output.contains("Tier I and II variants (strong"), "page one holds the summary alone")
    let second = try shell("pdftotext -f 2 -l 2 -layout '\(pdf)' -")
    #expect(second.output.contains("page 2 of"))
    let info = try shell("pdfinfo '\(pdf)'")
    let pages = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
    #expect((pages ?? 0) >= 2 && (pages ?? 99) <= 12, "\(info.output)")
  }
}

@Suite struct PertinentNegativeTests {
  /// A GIST sample without KIT/PDGFRA variants, read against a ~200x BAM over every hotspot exon: the
  /// key genes of GIST get a pertinent-negative statement on page one, established or with the reason.
  @Test(.enabled(if: BenchBAM.toolsPresent, "needs samtools and python3 (apt-get install samtools python3)"))
  func keyGenesOfTheTumourTypeAreStated() throws {
    let bench = try BenchBAM.hotspotExons
    let work = TestData.temporaryDirectory("negatives")
    var options = RunOptions(
      vcfPath: TestData.path("testdata/vcf/germline.grch38.vcf"), panelPath: TestData.path("panels/sarcoma"),
      outputDirectory: "\(work)/out", tumorType: "GIST", sampleID: "N", commandLine: ["sarcopanel", "run"])
    options.bam = bench.bam
    let outcome = try RunPipeline.run(options, panel: TestPanels.sarcoma)
    let negatives = try #require(outcome.report.clinical?.pertinentNegatives)
    let genes = negatives.map(\.gene)
    #expect(genes.contains("KIT") && genes.contains("PDGFRA"), "\(negatives)")
    #expect(!genes.contains("TP53"), "TP53 is not a key gene of GIST")
    for negative in negatives {
      #expect(negative.statement.hasPrefix("\(negative.gene): "))
      #expect(negative.established == negative.statement.contains("covered at >= 100x"))
    }
    let html = try String(contentsOfFile: "\(work)/out/N.html", encoding: .utf8)
    #expect(html.contains("<h2>Pertinent negatives</h2>"))
  }
}
