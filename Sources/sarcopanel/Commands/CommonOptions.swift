import ArgumentParser
import Foundation
import SarcoCore

/// The panel a command reads: a name found by `PanelLocator` or a folder.
struct PanelOptions: ParsableArguments {
  @Option(
    name: [.customShort("p"), .long],
    help: ArgumentHelp(
      "Panel: a name (sarcoma, hereditary; looked up in $SARCOPANEL_PANELS, the installed share folder, then ./panels) or a folder with panel.json.",
      valueName: "name|dir"))
  var panel: String = "sarcoma"
}

/// A thread or job count: one range for every command.
struct ThreadCount: ExpressibleByArgument, Sendable, Equatable {
  static let range = 1...256
  let value: Int

  init(_ value: Int) { self.value = value }

  init?(argument: String) {
    guard let value = Int(argument), Self.range.contains(value) else { return nil }
    self.value = value
  }

  var defaultValueDescription: String { String(value) }
}

struct ThreadOptions: ParsableArguments {
  @Option(
    name: [.customShort("t"), .long],
    help: ArgumentHelp("Threads, \(ThreadCount.range.lowerBound)-\(ThreadCount.range.upperBound), for decompression, parsing and annotation (results are the same bytes at any count).", valueName: "n"))
  var threads: ThreadCount = ThreadCount(1)
}

/// A genome build as users write it: GRCh38/hg38 or GRCh37/hg19.
struct GenomeChoice: ExpressibleByArgument, Sendable {
  let build: GenomeBuild

  init?(argument: String) {
    guard let build = GenomeBuild(userSpelling: argument) else { return nil }
    self.build = build
  }

  static var allValueStrings: [String] { ["GRCh38", "GRCh37", "hg38", "hg19"] }
}

struct GenomeOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Genome build: GRCh38 or GRCh37 (hg38/hg19). Default: from the input's header.", valueName: "build"))
  var genome: GenomeChoice?

  var build: GenomeBuild? { genome?.build }
}

/// How much a command says on stderr.
enum LogLevel: String, ExpressibleByArgument, CaseIterable, Comparable {
  case error, warning, info, debug

  static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

struct LogOptions: ParsableArguments {
  @Flag(name: [.short, .long], help: "Say nothing but errors (and, in a batch, the failures and the final summary); the same as --log-level error.")
  var quiet = false

  @Option(name: .customLong("log-level"), help: ArgumentHelp("What to print on stderr: error, warning, info (default: progress and summaries) or debug (also each phase's wall time).", valueName: "level"))
  var level: LogLevel = .info

  var effective: LogLevel { quiet ? .error : level }

  /// Whether messages of `level` are printed.
  func says(_ wanted: LogLevel) -> Bool { wanted <= effective }

  func write(_ text: String, at wanted: LogLevel = .info) {
    guard says(wanted) else { return }
    FileHandle.standardError.write(Data(text.utf8))
  }
}
