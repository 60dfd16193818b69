import Foundation
import SarcoCore

/// The panel a `run` or `batch` command line names, read from its compiled copy while the
/// arguments are parsed and the sample sheet read (~2-3 ms of a process's start, before the panel
/// decode could begin). Only a copy whose tables are all as recorded is used; nothing is hashed,
/// built or written, so a process that ends early (a usage error) leaves nothing behind.
/// `PanelCache.load` takes the panel of `shared` when asked for the same folder under the same
/// environment, else loads as usual.
public final class PanelPrefetch: @unchecked Sendable {
  /// The command-line tool's (started in `main.swift`; nothing starts it in library use).
  public static let shared = PanelPrefetch()

  private let lock = NSLock()
  private var started: Started?

  private struct Started {
    let directory: String
    let environment: [String: String]
    let panel: Background<Panel?>
  }

  init() {}

  /// Starts reading the panel of `arguments` (program name first) when they are a `run` or `batch`
  /// command: the value of `--panel`/`-p`, else `sarcoma`. Nothing for other commands, help, or a
  /// command line it does not read plainly (a repeated or missing value).
  public func start(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard let directory = PanelPrefetch.panelArgument(arguments) else { return }
    let panel = Background(ownThread: true) {
      try PanelCache.load(directory: directory, environment: environment, readOnly: true)
    }
    lock.withLock { started = Started(directory: directory, environment: environment, panel: panel) }
  }

  /// The `--panel` value of a `run` or `batch` command line (`sarcoma` when none is given), else nil.
  static func panelArgument(_ arguments: [String]) -> String? {
    guard arguments.count > 1, ["run", "batch"].contains(arguments[1]) else { return nil }
    var found: [String] = []
    var index = 2
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" || argument == "-h" || argument == "--help" { return nil }
      if argument == "--panel" || argument == "-p" {
        guard index + 1 < arguments.count else { return nil }
        found.append(arguments[index + 1])
        index += 2
        continue
      }
      if argument.hasPrefix("--panel=") { found.append(String(argument.dropFirst("--panel=".count))) }
      index += 1
    }
    guard found.count <= 1 else { return nil }
    return found.first ?? "sarcoma"
  }

  /// The prefetched panel when it was started for `directory` under `environment` and its copy
  /// was current, else nil; whatever was started is taken once.
  func take(directory: String, environment: [String: String]) -> Panel? {
    guard let prefetch = lock.withLock({ () -> Started? in
      defer { started = nil }
      return started
    }) else { return nil }
    guard prefetch.directory == directory, prefetch.environment == environment else { return nil }
    return (try? prefetch.panel.value()) ?? nil
  }
}
