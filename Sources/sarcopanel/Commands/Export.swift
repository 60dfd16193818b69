import ArgumentParser
import Foundation
import SarcoPipeline

extension Sarcopanel {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export sarcopanel reports in a standard form (GA4GH Phenopacket v2).",
      discussion: """
        Writes OUT/<id>.phenopacket.json per report: subject and biosample (the
        sample id, or its pseudonym with --pseudonymise), the tumour type as an
        OncoTree term, and one genomic interpretation per reportable finding
        (somatic Tier I-III, germline pathogenic to uncertain, fusions, copy
        number) with VCF record, HGVS g./c./p., ACMG class, actionability, and
        the tier or criteria behind them. HGNC ids come from the report's panel
        (panels/<name>, or --panel). No names, dates of birth or free text are
        exported; docs/INTEROPERABILITY.md maps every field.

        Examples:
          sarcopanel export --format phenopacket results/GIST01.json --out share/
          sarcopanel export --format phenopacket results/ --pseudonymise centre.key --out share/
        """)

    @Option(name: .long, help: "Export format (phenopacket).")
    var format: String = "phenopacket"

    @Argument(help: ArgumentHelp("sarcopanel JSON reports, or folders of them (their phenopackets and *_mqc.json left out).", valueName: "report.json|dir"))
    var reports: [String]

    @Option(name: [.short, .long], help: ArgumentHelp("Output directory (created if needed).", valueName: "dir"))
    var out: String = "."

    @Option(name: [.short, .long], help: ArgumentHelp("Panel for HGNC ids, a name or a folder (default: the panel each report names, looked up as --panel names are; without it HGNC ids are left out).", valueName: "name|dir"))
    var panel: String?

    @Option(name: .long, help: ArgumentHelp("Key file: identifiers become HMAC-SHA256 pseudonyms.", valueName: "keyfile"))
    var pseudonymise: String?

    func validate() throws {
      guard format == "phenopacket" else { throw ValidationError("--format must be phenopacket, found '\(format)'") }
      guard !reports.isEmpty else { throw ValidationError("give at least one report.json") }
    }

    func run() throws {
      let written = try PhenopacketTask.export(reports: reports, panelPath: panel, keyFile: pseudonymise, directory: out)
      for path in written { FileHandle.standardError.write(Data("sarcopanel: wrote \(path)\n".utf8)) }
    }
  }
}
