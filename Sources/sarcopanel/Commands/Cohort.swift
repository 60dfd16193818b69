import ArgumentParser
import Foundation
import SarcoIO
import SarcoPipeline

extension Sarcopanel {
  struct Cohort: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "cohort",
      abstract: "Write the cohort summary (cohort.tsv, cohort.html) from the reports in a folder.",
      discussion: """
        Reads OUT/<sample>.json for every row of the sample sheet (the same sheet
        `batch` reads) and writes OUT/cohort.tsv and OUT/cohort.html: QC and finding
        counts per sample and a samples-by-genes matrix of Tier I/II alterations.
        A sample without a readable report is listed as failed. `batch` does this at
        its end; the Snakemake workflow in workflow/ calls it after its per-sample runs.

        Example:
          sarcopanel cohort --samples samples.tsv --out results/
        """)

    @Option(name: .long, help: ArgumentHelp("Sample sheet (see `sarcopanel batch --help`).", valueName: "tsv"))
    var samples: String

    @Option(name: [.short, .long], help: ArgumentHelp("Folder holding the <sample>.json reports; the summary is written there.", valueName: "dir"))
    var out: String

    func run() throws {
      let sheet = try SampleSheet(path: samples)
      let written = try CohortTask.write(sheet: sheet, reportsIn: out)
      FileHandle.standardError.write(Data("sarcopanel: wrote \(written.tsv) and \(written.html)\n".utf8))
    }
  }
}
