import Foundation
import SarcoTestSupport
import Testing

/// Runs the built `sarcopanel` binary, as a user would.
struct Invocation {
  let status: Int32
  let stdout: String
  let stderr: String
}

func sarcopanel(
  _ arguments: [String], in directory: URL = TestData.root, environment: [String: String]? = nil, standardInput: String? = nil
) throws -> Invocation {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: try builtExecutable())
  process.arguments = arguments
  process.currentDirectoryURL = directory
  if let environment { process.environment = environment }
  if let standardInput { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: standardInput)) }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Invocation(
    status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
    stderr: String(decoding: stderr, as: UTF8.self))
}

/// The built `sarcopanel` (the test bundle sits beside the built executables).
func builtExecutable() throws -> String {
  let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("sarcopanel").path }
  return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
                      "sarcopanel binary not found beside \(bundle.path)")
}

@Suite struct CommandLineTests {
  @Test func runWritesReportsAndSummarises() throws {
    let out = TestData.temporaryDirectory("cli")
    let result = try sarcopanel(["run", "--vcf", "testdata/vcf/tumor_only.grch38.vcf.gz", "--out", out, "--threads", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("5 variants (4 PASS) in 3 panel genes"))
    #expect(result.stderr.contains("wrote \(out)/GIST01.json"))
    #expect(result.stderr.contains("findings: ") && result.stderr.contains("TMB"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["GIST01.findings.tsv", "GIST01.html", "GIST01.json", "GIST01.variants.tsv", "GIST01_mqc.json"])
    let json = try String(contentsOfFile: "\(out)/GIST01.json", encoding: .utf8)
    // --threads is left out of the recorded command line: it cannot change results.
    #expect(!json.contains("--threads"))
  }

  @Test func clinicalOptionsAreCheckedAndExplained() throws {
    let bad = try sarcopanel(["run", "--vcf", "testdata/vcf/germline.grch38.vcf", "--out", TestData.temporaryDirectory("cli"), "--sample-type", "blood"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--sample-type must be tumor or germline"))
    let help = try sarcopanel(["run", "--help"])
    #expect(help.stdout.contains("--clinvar-criteria") && help.stdout.contains("ACMG/AMP"))
  }

  @Test func diffExitStatusGatesOnClinicalChanges() throws {
    let gist = TestData.path("testdata/expected/GIST02.json")
    let same = try sarcopanel(["diff", gist, gist])
    #expect(same.status == 0 && same.stdout.contains("no clinical differences"))
    let other = try sarcopanel(["diff", gist, TestData.path("testdata/expected/EWS02.json")])
    #expect(other.status == 1)
    #expect(other.stdout.contains("+ fusion: EWSR1::FLI1") && other.stdout.contains("- somatic: PDGFRA p.D842V"))
    let missing = try sarcopanel(["diff", gist, "/nonexistent.json"])
    #expect(missing.status == 2 && missing.stderr.contains("/nonexistent.json: missing or unreadable"))
  }

  @Test func dataErrorsExitOneWithOneLine() throws {
    let result = try sarcopanel(["run", "--vcf", "testdata/bad/malformed_pos.vcf", "--out", TestData.temporaryDirectory("cli")])
    #expect(result.status == 1)
    // The error is the last line, after the line saying what was opened.
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.last?.hasPrefix("sarcopanel: testdata/bad/malformed_pos.vcf: line 23: malformed VCF line") == true)
  }

  /// `--panel sarcoma` is a name: found beside the binary's build tree from any folder, or through $SARCOPANEL_PANELS.
  @Test func panelsByNameWorkFromAnyFolder() throws {
    let elsewhere = URL(fileURLWithPath: TestData.temporaryDirectory("elsewhere"))
    let vcf = TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz")
    let run = try sarcopanel(["run", "--vcf", vcf, "-p", "sarcoma", "-o", "out", "-t", "2", "-q"], in: elsewhere)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "--quiet says nothing: \(run.stderr)")
    #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("out/GIST01.json").path))
    // Named panels found through SARCOPANEL_PANELS too; an unknown name says where it looked.
    let copy = TestData.temporaryDirectory("panels-env")
    try FileManager.default.copyItem(atPath: TestData.path("panels/hereditary"), toPath: "\(copy)/custom")
    let environment = ProcessInfo.processInfo.environment.merging(["SARCOPANEL_PANELS": copy]) { $1 }
    let validated = try sarcopanel(["panel", "validate", "custom"], in: elsewhere, environment: environment)
    #expect(validated.status == 0 && validated.stdout.contains("valid"), "\(validated.stderr)")
    let missing = try sarcopanel(["run", "--vcf", vcf, "--panel", "nosuchpanel", "-o", "out"], in: elsewhere)
    #expect(missing.status == 1 && missing.stderr.contains("nosuchpanel: no such panel folder") && missing.stderr.contains("SARCOPANEL_PANELS"))
  }

  /// `scripts/install`'s layout: a binary run through `PATH` (its first argument then a bare name,
  /// not a path) finds the panels installed beside it, from any folder.
  @Test func anInstalledBinaryRunThroughPathFindsItsPanels() throws {
    let prefix = TestData.temporaryDirectory("installed")
    let elsewhere = TestData.temporaryDirectory("installed-elsewhere")
    try FileManager.default.createDirectory(atPath: "\(prefix)/bin", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: "\(prefix)/share/sarcopanel/panels", withIntermediateDirectories: true)
    let built = try builtExecutable()
    if link(built, "\(prefix)/bin/sarcopanel") != 0 { try FileManager.default.copyItem(atPath: built, toPath: "\(prefix)/bin/sarcopanel") }
    try FileManager.default.copyItem(atPath: TestData.path("panels/hereditary"), toPath: "\(prefix)/share/sarcopanel/panels/hereditary")
    let result = try shell(
      "cd '\(elsewhere)' && env -u SARCOPANEL_PANELS PATH='\(prefix)/bin':\"$PATH\" sarcopanel panel validate hereditary")
    #expect(result.status == 0 && result.output.contains("valid") && !result.output.contains("invalid"), "\(result.output)")
  }

  @Test func derivedPanelsRunAndSayWhereTheyCameFrom() throws {
    let folder = TestData.temporaryDirectory("cli-subset")
    let made = try sarcopanel(["panel", "subset", "sarcoma", "--genes", "KIT,PDGFRA,SDHB", "--name", "gist", "-o", "\(folder)/gist"])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("3 of ") && made.stdout.contains("genes of sarcoma"))
    let run = try sarcopanel(["run", "--vcf", "testdata/vcf/tumor_only.grch38.vcf.gz", "-p", "\(folder)/gist", "-o", "\(folder)/out", "-q"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try String(contentsOfFile: "\(folder)/out/GIST01.json", encoding: .utf8)
    #expect(json.contains("\"derived from\"") && json.contains("\"name\" : \"gist\""))
    let unknown = try sarcopanel(["panel", "subset", "sarcoma", "--genes", "KIT,NOTAGENE", "-o", "\(folder)/bad"])
    #expect(unknown.status == 2 && unknown.stderr.contains("NOTAGENE"))
    #expect(try sarcopanel(["panel", "subset", "sarcoma", "--bed", "x.bed", "-o", "\(folder)/bad"]).status == 2)
    let again = try sarcopanel(["panel", "subset", "sarcoma", "--genes", "KIT", "-o", "\(folder)/gist"])
    #expect(again.status == 1 && again.stderr.contains("exists"))
  }

  @Test func logLevelsAndThreadRangeAreShared() throws {
    let out = TestData.temporaryDirectory("cli-log")
    let vcf = "testdata/vcf/tumor_only.grch38.vcf.gz"
    let debug = try sarcopanel(["run", "--vcf", vcf, "-o", out, "--log-level", "debug"])
    #expect(debug.status == 0 && debug.stderr.contains("sarcopanel: timing: ") && debug.stderr.contains("findings: Tier II-C"))
    let warnings = try sarcopanel(["run", "--vcf", vcf, "-o", out, "--log-level", "warning"])
    #expect(warnings.status == 0 && !warnings.stderr.contains("findings:"))
    for command in [["run", "--vcf", vcf, "-o", out], ["coverage", "--bam", "x.bam", "-o", out], ["consequences", "--vcf", vcf, "--reference", "x.fa"]] {
      #expect(try sarcopanel(command + ["--threads", "0"]).status == 2, "\(command[0]) --threads 0")
      #expect(try sarcopanel(command + ["--threads", "257"]).status == 2, "\(command[0]) --threads 257")
    }
    #expect(try sarcopanel(["batch", "--samples", "x.tsv", "-o", out, "--jobs", "0"]).status == 2)
    #expect(try sarcopanel(["run", "--vcf", vcf, "-o", out, "--genome", "hg42"]).status == 2)
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try sarcopanel(["run", "--out", "x"]).status == 2)
    #expect(try sarcopanel(["run", "--vcf", "a.vcf", "--out", "x", "--threads", "0"]).status == 2)
    #expect(try sarcopanel(["run", "--vcf", "a.vcf", "--out", "x", "--genome", "hg42"]).status == 2)
    #expect(try sarcopanel(["frobnicate"]).status == 2)
    let twoSamples = try sarcopanel(["run", "--vcf", "testdata/vcf/tumor_normal.grch38.vcf", "--out", TestData.temporaryDirectory("cli"),
                                     "--sample", "EWS_T", "--normal", "EWS_T"])
    #expect(twoSamples.status == 2)
    // An unknown tumour type stops the run before anything is read or written, naming the nearest codes.
    let out = TestData.temporaryDirectory("cli-tumour-type")
    let misspelt = try sarcopanel(["run", "--vcf", "testdata/vcf/tumor_only.grch38.vcf.gz", "--out", out, "--tumor-type", "GITS"])
    #expect(misspelt.status == 2)
    #expect(misspelt.stderr.contains("'GITS' is not a tumour type") && misspelt.stderr.contains("GIST (Gastrointestinal Stromal Tumor)"))
    #expect((try? FileManager.default.contentsOfDirectory(atPath: out))?.isEmpty ?? true)
  }

  @Test func panelTumourTypesListsABranch() throws {
    let listed = try sarcopanel(["panel", "tumour-types", "panels/sarcoma", "--under", "liposarcoma"])
    #expect(listed.status == 0, "\(listed.stderr)")
    let codes = listed.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").first.map(String.init) ?? "" }
    #expect(codes == ["DDLS", "LIPO", "MRLS", "PLLS", "WDLS"])
    #expect(try sarcopanel(["panel", "tumour-types", "panels/sarcoma", "--under", "XYZ"]).status == 2)
  }

  @Test func helpTeachesWithExamples() throws {
    let help = try sarcopanel(["run", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Examples:"))
    #expect(help.stdout.contains("--tumor-type"))
    let version = try sarcopanel(["--version"])
    // The tool, htslib and every panel found by name with its knowledge-base releases.
    let lines = version.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "sarcopanel 0.1.0" && lines.contains { $0.hasPrefix("htslib 1.") })
    #expect(lines.contains { $0.hasPrefix("panel sarcoma 0.5.0 (") && $0.contains("CIViC 01-Aug-2024") && $0.contains("ClinVar 2026-02-26") })
  }

  @Test func panelValidateAndBed() throws {
    let valid = try sarcopanel(["panel", "validate", "panels/sarcoma"])
    #expect(valid.status == 0)
    #expect(valid.stdout.contains("sarcoma 0.5.0: valid"))
    let broken = TestData.temporaryDirectory("cli-panel") + "/sarcoma"
    try FileManager.default.copyItem(atPath: TestData.path("panels/sarcoma"), toPath: broken)
    var exons = try String(contentsOfFile: "\(broken)/exons.tsv", encoding: .utf8).components(separatedBy: "\n")
    var cells = exons[4].components(separatedBy: "\t")
    cells[1] = "hg99"
    exons[4] = cells.joined(separator: "\t")
    try exons.joined(separator: "\n").write(toFile: "\(broken)/exons.tsv", atomically: true, encoding: .utf8)
    let invalid = try sarcopanel(["panel", "validate", broken])
    #expect(invalid.status == 1)
    #expect(invalid.stderr.contains("\(broken)/exons.tsv:5: column 'build': expected GRCh38 or GRCh37, found 'hg99'"))

    let bed = try sarcopanel(["panel", "bed", "panels/sarcoma", "--genome", "GRCh38", "--pad", "0"])
    #expect(bed.status == 0)
    let kitExon11 = bed.stdout.split(separator: "\n").first { $0.hasSuffix("\tKIT_exon11") }
    #expect(kitExon11 == "4\t54727415\t54727542\tKIT_exon11")
    let show = try sarcopanel(["panel", "show", "panels/sarcoma", "H3F3A"])
    #expect(show.status == 0)
    #expect(show.stdout.hasPrefix("H3-3A (also H3F3A)"))
    #expect(show.stdout.contains("G35"))
    let unknown = try sarcopanel(["panel", "show", "panels/sarcoma", "NOTAGENE"])
    #expect(unknown.status == 2)
    let scan = try sarcopanel(["panel", "bed", "panels/sarcoma", "--genome", "hg19", "--kind", "scan", "--chr"])
    #expect(scan.stdout.hasPrefix("chr1\t"))
  }
}

@Suite struct SharingCommandLineTests {
  @Test func dbImportQueryAndExportFromTheCommandLine() throws {
    let directory = TestData.temporaryDirectory("cli-db")
    let database = "\(directory)/cohort.sqlite"
    let imported = try sarcopanel(["db", "import", "--db", database, "testdata/expected/"])
    #expect(imported.status == 0 && imported.stderr.contains("3 added, 0 replaced, 0 unchanged"), "\(imported.stderr)")
    let kit = try sarcopanel(["db", "query", "--db", database, "gene", "--gene", "KIT", "--tier", "I"])
    #expect(kit.status == 0 && kit.stdout.contains("GIST02\tGIST\tsomatic\tKIT p.W557_K558del\tI-A"))
    // A parameter the query does not take, and an unknown query, are usage errors that say what exists.
    let wrong = try sarcopanel(["db", "query", "--db", database, "fusion", "--gene", "KIT"])
    #expect(wrong.status == 2 && wrong.stderr.contains("query fusion takes --name"))
    let unknown = try sarcopanel(["db", "query", "--db", database, "kit"])
    #expect(unknown.status == 2 && unknown.stderr.contains("queries: samples, gene, variant"))
    let missing = try sarcopanel(["db", "query", "--db", "\(directory)/none.sqlite", "samples"])
    #expect(missing.status == 1 && missing.stderr.contains("no such cohort store"))
    let exported = try sarcopanel(["export", "--format", "phenopacket", "testdata/expected/EWS02.json", "--out", directory])
    #expect(exported.status == 0 && FileManager.default.fileExists(atPath: "\(directory)/EWS02.phenopacket.json"))
    let badFormat = try sarcopanel(["export", "--format", "beacon", "testdata/expected/EWS02.json"])
    #expect(badFormat.status == 2 && badFormat.stderr.contains("--format must be phenopacket"))
  }
}
