import ArgumentParser
import SarcoCore

/// The root command: a table of subcommands with one-line help each.
struct Sarcopanel: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sarcopanel",
    abstract: "Cancer gene-panel variant analysis for sarcoma and other rare cancers.",
    discussion: """
      Reads a sample's VCF/BCF through htslib, keeps the variants inside a
      panel's genes, and writes per-sample reports (JSON for regression, TSV
      for analysis).

      Exit status: 0 success; 1 bad input data, panel or output location;
      2 usage error; 130/143 interrupted (SIGINT/SIGTERM; no files left).

      Examples:
        sarcopanel run --vcf tumour.vcf.gz --panel panels/sarcoma --out results/
        sarcopanel panel validate panels/sarcoma
        sarcopanel panel bed panels/sarcoma --genome GRCh38 > targets.bed
      """,
    // The full text reads every installed panel's panel.json: built only when it will be printed.
    version: VersionText.isRequested(CommandLine.arguments) ? VersionText.describe() : SarcopanelVersion.current,
    subcommands: [Run.self, Batch.self, Cohort.self, Diff.self, Export.self, DB.self, Consequences.self, Coverage.self, FusionEvidence.self, PanelCommand.self]
  )
}

extension Sarcopanel {
  /// `sarcopanel db import --help` for the subcommand the arguments name (as far as they name one).
  static func helpCommand(_ arguments: [String]) -> String {
    var words = ["sarcopanel"]
    var commands = configuration.subcommands
    for argument in arguments.dropFirst() {
      guard let next = commands.first(where: { $0._commandName == argument }) else { break }
      words.append(argument)
      commands = next.configuration.subcommands
    }
    return (words + ["--help"]).joined(separator: " ")
  }
}
