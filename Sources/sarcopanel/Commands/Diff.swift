import ArgumentParser
import Foundation
import SarcoCore
import SarcoReports

extension Sarcopanel {
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract: "Show clinically meaningful differences between two JSON reports.",
      discussion: """
        Compares somatic findings, germline classes, fusions and copy-number events
        (added, removed, tier or class changed) and the coverage verdict. Versions,
        evidence wording and read counts are not compared.

        Exit status: 0 no clinical difference, 1 differences (printed one per line:
        + added, - removed, ~ changed), 2 a report could not be read. A lab's CI can
        gate on reference samples with it:
          sarcopanel diff expected/GIST01.json results/GIST01.json
        """)

    @Argument(help: ArgumentHelp("The reference report.", valueName: "old.json"))
    var old: String

    @Argument(help: ArgumentHelp("The report to check.", valueName: "new.json"))
    var new: String

    func run() throws {
      let reports: [SampleReport]
      do {
        reports = try [old, new].map { try JSONReport.read(path: $0).report }
      } catch let error as SarcoError {
        FileHandle.standardError.write(Data("sarcopanel: \(error.message)\n".utf8))
        throw ExitCode(2)
      }
      let changes = ReportDiff.compare(reports[0], reports[1])
      let text = changes.map(\.description).joined(separator: "\n")
      print(changes.isEmpty ? "no clinical differences" : text)
      if !changes.isEmpty { throw ExitCode(1) }
    }
  }
}
