import ArgumentParser
import Foundation
import SarcoCore
import SarcoIO

// Own entry point so exit codes and messages follow the documented contract:
// usage errors 2 (argument-parser's default is 64), data errors 1; every
// message line starts `sarcopanel:`.
TemporaryFiles.removeOnSignals()
// The large structures of a run are left for the kernel to reclaim at exit.
ExitTeardown.skipFreeing()
// A run's or batch's panel is read while its arguments are parsed.
PanelPrefetch.shared.start(arguments: CommandLine.arguments)
do {
  var command = try Sarcopanel.parseAsRoot()
  try command.run()
} catch let error as SarcoError {
  let lines = error.message.split(separator: "\n", omittingEmptySubsequences: true)
  FileHandle.standardError.write(Data(lines.map { "sarcopanel: \($0)\n" }.joined().utf8))
  exit(error.exitStatus)
} catch {
  let code = Sarcopanel.exitCode(for: error)
  if code == .success {
    print(Sarcopanel.fullMessage(for: error))
    exit(0)
  }
  // argument-parser's own block (Error:, Usage:, See --help) becomes one line.
  let message = Sarcopanel.message(for: error).split(whereSeparator: \.isNewline)
    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
  if !message.isEmpty {
    FileHandle.standardError.write(Data("sarcopanel: \(message) (see '\(Sarcopanel.helpCommand(CommandLine.arguments))')\n".utf8))
  }
  exit(code == .validationFailure ? 2 : code.rawValue)
}
