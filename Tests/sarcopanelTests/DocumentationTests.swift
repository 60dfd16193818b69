import Foundation
import SarcoTestSupport
import Testing

/// README.md and docs/ checked against what the binary says and writes, so they cannot drift
/// (issue 16: the README once named schema 1.2.0 for 1.3.0 reports and missed a column).
@Suite struct DocumentationTests {
  static let readme = (try? String(contentsOfFile: TestData.path("README.md"), encoding: .utf8)) ?? ""

  /// The text between the first `start` after `anchor` and the next `end`.
  static func section(after anchor: String, from start: String, to end: String, in text: String = readme) -> String? {
    guard let anchored = text.range(of: anchor),
      let opening = text.range(of: start, range: anchored.upperBound..<text.endIndex),
      let closing = text.range(of: end, range: opening.upperBound..<text.endIndex)
    else { return nil }
    return String(text[opening.upperBound..<closing.lowerBound])
  }

  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
  }

  /// One report of the demo sample, run once for the checks below.
  static let demo: (folder: String, run: Invocation)? = {
    let folder = TestData.temporaryDirectory("docs")
    let run = try? sarcopanel([
      "run", "--vcf", "testdata/vcf/tumor_only.grch38.vcf.gz", "-o", folder, "-q", "--maf", "\(folder)/GIST01.maf",
    ])
    return run.map { (folder, $0) }
  }()

  static func header(_ file: String) throws -> [String] {
    let demo = try #require(Self.demo)
    #expect(demo.run.status == 0, "\(demo.run.stderr)")
    let text = try String(contentsOfFile: "\(demo.folder)/\(file)", encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { !$0.hasPrefix("#") })
    return line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func schemaVersionIsTheReportsEverywhere() throws {
    let demo = try #require(Self.demo)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(demo.folder)/GIST01.json")))
    let version = try #require((json as? [String: Any])?["schemaVersion"] as? String)
    #expect(Self.section(after: "`<id>.json`", from: "schema `", to: "`") == version, "README's Outputs names another schema version")
    let schema = try String(contentsOfFile: TestData.path("docs/report.schema.json"), encoding: .utf8)
    #expect(schema.contains("\"const\": \"\(version)\""), "docs/report.schema.json pins another schemaVersion")
    let help = try sarcopanel(["run", "--help"])
    #expect(!help.stdout.contains("schema 1.") || help.stdout.contains("schema \(version)"))
  }

  @Test func tableColumnListsAreTheFilesHeaders() throws {
    let findings = try #require(Self.section(after: "`<id>.findings.tsv`", from: "columns\n`", to: "`"))
    #expect(Self.words(findings) == (try Self.header("GIST01.findings.tsv")), "README's findings.tsv columns")
    let variants = try #require(Self.section(after: "`<id>.variants.tsv`", from: "columns `", to: "`"))
    #expect(Self.words(variants) == (try Self.header("GIST01.variants.tsv")), "README's variants.tsv columns")
    // The MAF: 34 GDC columns (named first and last), then vcf2maf's and sarcopanel's, as listed.
    let maf = try Self.header("GIST01.maf")
    #expect(maf.count > 34 && maf.first == "Hugo_Symbol" && maf[33] == "Matched_Norm_Sample_UUID")
    let vcf2maf = try #require(Self.section(after: "*MAF.*", from: "vcf2maf's\n`", to: "`"))
    let ours = try #require(Self.section(after: "*MAF.*", from: "then `SP_", to: "`"))
    #expect(Array(maf.dropFirst(34)) == Self.words(vcf2maf) + Self.words("SP_" + ours), "README's MAF columns")
  }

  @Test func sampleSheetColumnsAgree() throws {
    let help = try sarcopanel(["batch", "--help"]).stdout
    let table = try #require(Self.section(after: "The sample sheet", from: "Columns:\n", to: "\n\n", in: help))
    let fromHelp = table.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
    let required = try #require(Self.section(after: "**`batch`**", from: "columns\n", to: " required"))
    let optional = try #require(Self.section(after: "**`batch`**", from: "required, `", to: "` optional"))
    let fromReadme = Self.words(required.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "and", with: ""))
      + Self.words(optional)
    #expect(fromReadme == fromHelp, "README's sample sheet columns against batch --help")
    // The sheet reader refuses a column the help does not list, naming those it takes.
    let folder = TestData.temporaryDirectory("docs-sheet")
    try "sample\tvcf\tcolour\nA\ta.vcf\tred\n".write(toFile: "\(folder)/s.tsv", atomically: true, encoding: .utf8)
    let refused = try sarcopanel(["batch", "--samples", "\(folder)/s.tsv", "-o", folder])
    #expect(refused.stderr.contains("expected \(fromHelp.joined(separator: ", "))"), "\(refused.stderr)")
  }

  /// Each synopsis line of README's Commands block lists exactly the options `--help` shows.
  @Test(arguments: [
    "run", "batch", "cohort", "diff", "export", "db import", "db query", "consequences", "coverage", "fusion-evidence",
    "panel validate", "panel show", "panel tumour-types", "panel subset", "panel bed", "panel gff3",
  ])
  func synopsisListsTheOptionsOfHelp(command: String) throws {
    let block = try #require(Self.section(after: "## Commands", from: "```\n", to: "```"))
    // Continuation lines (indented) belong to the command above them.
    var synopses: [String] = []
    for line in block.split(separator: "\n") {
      if line.hasPrefix(" "), !synopses.isEmpty { synopses[synopses.count - 1] += " " + line } else { synopses.append(String(line)) }
    }
    let prefix = "sarcopanel \(command) "
    let synopsis = try #require(synopses.first { ($0 + " ").hasPrefix(prefix) }, "README's Commands block has no '\(prefix)' line")
    func options(_ text: String) -> Set<String> {
      // Words that start with - or -- (after a bracket, pipe or parenthesis), as options are written.
      let words = text.split(whereSeparator: { " [](|,".contains($0) })
      return Set(words.compactMap { word in
        word.firstMatch(of: /^--?[a-z][a-z0-9-]*/).map { String($0.output) }
      })
    }
    let help = try sarcopanel(command.split(separator: " ").map(String.init) + ["--help"])
    #expect(help.status == 0)
    let optionsPart = try #require(help.stdout.range(of: "\nOPTIONS:\n")).upperBound
    let offered = options(
      help.stdout[optionsPart...].split(separator: "\n").filter { $0.hasPrefix("  -") }.map { String($0.prefix(26)) }.joined(separator: " ")
    ).subtracting(["--version", "-h", "--help"])
    let documented = options(String(synopsis.dropFirst(prefix.count)))
    #expect(documented.subtracting(offered).isEmpty, "README lists options \(documented.subtracting(offered).sorted()) that `\(command) --help` does not have")
    #expect(offered.subtracting(documented).isEmpty, "README's synopsis misses \(offered.subtracting(documented).sorted()) of `\(command) --help`")
  }
}
