import Foundation
import SarcoCore
import SarcoPipeline
import SarcoReports
import SarcoTestSupport
import Testing

/// The HTML report of one scenario, written by a real run.
func html(
  _ vcf: String, tumourType: String? = nil, sampleType: ClinicalAssessor.SampleType = .tumor, sampleID: String = "S"
) throws -> (path: String, text: String) {
  let outcome = try runScenario(vcf, tumourType: tumourType, sampleType: sampleType, sampleID: sampleID)
  let path = URL(fileURLWithPath: outcome.jsonPath).deletingPathExtension().appendingPathExtension("html").path
  return (path, try String(contentsOfFile: path, encoding: .utf8))
}

/// Byte offset of `needle`, for section-order checks.
func offset(of needle: String, in text: String) -> Int? {
  text.firstRange(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
}

@Suite struct HTMLReportTests {
  @Test func gistReportListsTierOneFirstWithTherapiesAndCitations() throws {
    let text = try html("testdata/vcf/vep_annotated.grch38.vcf", tumourType: "GIST").text
    let sections = ["id=\"decision\"", "id=\"therapies\"", "id=\"tier-1-2\"", "id=\"germline\"", "id=\"tmb\"", "id=\"notes\"", "id=\"methods\""]
    let offsets = sections.map { offset(of: $0, in: text) }
    #expect(offsets.allSatisfy { $0 != nil })
    #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
    #expect(text.contains("PDGFRA p.D842V - Tier I-A, ESCAT I-B"))
    #expect(text.contains("Avapritinib (level A, this tumour type)"))
    #expect(text.contains("<a href=\"https://pubmed.ncbi.nlm.nih.gov/27993330/\">PMID:27993330</a>"))
    #expect(!text.contains("id=\"structural\""))  // no fusions or copy number: no empty section
    // Links are the only network references: no scripts, no fetched resources.
    #expect(!text.contains("<script") && !text.contains("http://") && !text.contains("src=") && !text.contains("<link"))
  }

  @Test func ewingReportShowsTheDiagnosticFusion() throws {
    let text = try html("testdata/vcf/structural.grch38.vcf", tumourType: "ES").text
    #expect(text.contains("EWSR1::FLI1 - Tier I-A"))
    #expect(text.contains("Ewing sarcoma"))
    #expect(text.contains("MDM2 amplification"))
  }

  @Test func germlineReportShowsCriteriaAndCounselling() throws {
    let text = try html("testdata/vcf/vep_annotated.grch38.vcf", sampleType: .germline).text
    #expect(text.contains("TP53 p.R213* - Likely pathogenic (9 points)"))
    #expect(text.contains("<td>PVS1</td><td>8</td>"))
    #expect(text.contains("genetic counselling"))
    #expect(!text.contains("id=\"tier-1-2\"") && !text.contains("id=\"tmb\""))
  }

  @Test func hostileSampleNamesRenderAsText() throws {
    let hostile = "<script>alert('x')</script>"
    let source = try String(contentsOfFile: TestData.path("testdata/vcf/germline.grch38.vcf"), encoding: .utf8)
    let directory = TestData.temporaryDirectory("hostile")
    let vcf = "\(directory)/hostile.grch38.vcf"
    try source.replacingOccurrences(of: "\tLFS01\n", with: "\t\(hostile)\n").write(toFile: vcf, atomically: true, encoding: .utf8)
    // A hostile tumour type never reaches a report: it is not a tumour type of the panel.
    #expect(throws: SarcoError.self) { _ = try html(vcf, tumourType: "<b>GIST</b>", sampleID: hostile) }
    let report = try html(vcf, tumourType: "GIST", sampleID: hostile)
    #expect(!report.text.contains("<script"))
    #expect(report.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(report.path.hasSuffix("/_script_alert__x____script_.html"))
  }

  /// Opens the reports in Debian's Chromium (headless): the DOM has the
  /// sections, no script element, the hostile name as text; printing gives a PDF.
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile)

  @Test(.enabled(if: chromium != nil, "needs chromium (scripts/test installs it)"))
  func chromiumRendersAndPrintsTheReports() throws {
    let chromium = try #require(Self.chromium)
    let hostile = "<img src=x onerror=alert(1)>"
    let source = try String(contentsOfFile: TestData.path("testdata/vcf/vep_annotated.grch38.vcf"), encoding: .utf8)
    let directory = TestData.temporaryDirectory("chromium")
    let vcf = "\(directory)/board.grch38.vcf"
    try source.replacingOccurrences(of: "\tGIST02\n", with: "\t\(hostile)\n").write(toFile: vcf, atomically: true, encoding: .utf8)
    let report = try html(vcf, tumourType: "GIST")
    let flags = "--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=\(directory)/profile"
    let dom = try shell("\(chromium) \(flags) --dump-dom 'file://\(report.path)' 2>/dev/null")
    #expect(dom.status == 0)
    #expect(dom.output.contains("<section id=\"tier-1-2\">") && dom.output.contains("<section id=\"germline\">"))
    #expect(dom.output.contains("PDGFRA p.D842V - Tier I-A"))
    #expect(!dom.output.contains("<img") && !dom.output.contains("<script"))
    #expect(dom.output.contains("&lt;img src=x onerror=alert(1)&gt;"))
    // The Ewing and germline TP53 reports open too, with their key sections.
    for (vcf, type, sampleType, section) in [
      ("testdata/vcf/structural.grch38.vcf", "ES", ClinicalAssessor.SampleType.tumor, "<section id=\"structural\">"),
      ("testdata/vcf/vep_annotated.grch38.vcf", nil, .germline, "<section id=\"germline\">"),
    ] {
      let other = try html(vcf, tumourType: type, sampleType: sampleType)
      let opened = try shell("\(chromium) \(flags) --dump-dom 'file://\(other.path)' 2>/dev/null")
      #expect(opened.status == 0 && opened.output.contains(section) && opened.output.contains("<section id=\"methods\">"))
    }
    let pdf = "\(directory)/board.pdf"
    let printed = try shell("\(chromium) \(flags) --no-pdf-header-footer --print-to-pdf='\(pdf)' 'file://\(report.path)' 2>/dev/null")
    #expect(printed.status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
    #expect(bytes.starts(with: Array("%PDF".utf8)) && bytes.count > 10_000)
  }
}

/// The reference samples' reports in testdata/expected/ (scripts/update-expected)
/// are regenerated and compared the way a lab's CI would, with ReportDiff.
@Suite struct ExpectedReportTests {
  static let samples: [(id: String, vcf: String, tumourType: String?, sampleType: ClinicalAssessor.SampleType)] = [
    ("GIST02", "testdata/vcf/vep_annotated.grch38.vcf", "GIST", .tumor),
    ("EWS02", "testdata/vcf/structural.grch38.vcf", "ES", .tumor),
    ("LFS02", "testdata/vcf/vep_annotated.grch38.vcf", nil, .germline),
  ]

  func regenerate(_ sample: (id: String, vcf: String, tumourType: String?, sampleType: ClinicalAssessor.SampleType), tumourType: String? = nil)
    throws -> SampleReport
  {
    try runScenario(sample.vcf, tumourType: tumourType ?? sample.tumourType, sampleType: sample.sampleType, sampleID: sample.id)
      .fullReport()
  }

  @Test func referenceSamplesShowNoClinicalDifference() throws {
    for sample in Self.samples {
      let expected = try JSONReport.decode(Data(contentsOf: URL(fileURLWithPath: TestData.path("testdata/expected/\(sample.id).json"))))
      let changes = ReportDiff.compare(expected, try regenerate(sample))
      #expect(changes.isEmpty, "\(sample.id): \(changes.map(\.description).joined(separator: "; ")) (rerun scripts/update-expected if intended)")
    }
  }

  /// The published schema describes every report the scenarios produce.
  @Test(.enabled(if: Prerequisite.jsonSchemaValidator, "needs python3-jsonschema (scripts/test installs it with snakemake)"))
  func reportsFollowThePublishedSchema() throws {
    var paths = Self.samples.map { TestData.path("testdata/expected/\($0.id).json") }
    for scenario in ["tumor_only", "tumor_normal", "strelka_somatic", "multiallelic", "germline", "chr_prefix.grch37"] {
      let vcf = scenario.hasSuffix("grch37") ? "testdata/vcf/\(scenario).vcf" : "testdata/vcf/\(scenario).grch38.vcf"
      let outcome = try run(vcf, normal: scenario.hasPrefix("strelka") ? "NORMAL" : nil)
      paths.append(outcome.jsonPath)
    }
    let problems = try #require(try ReportSchema.problems(paths))
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test func provenanceOnlyWhenAskedFor() throws {
    #expect(try runScenario("testdata/vcf/germline.grch38.vcf").report.provenance == nil)
    let outcome = try runScenario("testdata/vcf/germline.grch38.vcf", provenance: true)
    let provenance = try #require(outcome.report.provenance)
    #expect(provenance.inputPath.hasSuffix("/testdata/vcf/germline.grch38.vcf") && provenance.generatedAt.hasSuffix("Z"))
    if let problems = try ReportSchema.problems([outcome.jsonPath]) { #expect(problems.isEmpty, "\(problems)") }
  }

  @Test func aChangedTierIsCaught() throws {
    let sample = Self.samples[0]
    let expected = try JSONReport.decode(Data(contentsOf: URL(fileURLWithPath: TestData.path("testdata/expected/\(sample.id).json"))))
    let changes = ReportDiff.compare(expected, try regenerate(sample, tumourType: "ES"))
    #expect(changes.contains { $0.kind == .changed && $0.finding.hasPrefix("KIT p.W557_K558del") && $0.detail == "Tier I-A -> Tier II-C" })
  }
}
