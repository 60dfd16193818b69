import ArgumentParser
import Foundation
import SarcoCore

// Own entry point so exit codes follow the documented contract:
// usage errors 2 (argument-parser's default is 64), data errors 1.
do {
  var command = try Sarcopanel.parseAsRoot()
  try command.run()
} catch let error as SarcoError {
  FileHandle.standardError.write(Data("sarcopanel: \(error.message)\n".utf8))
  exit(error.exitStatus)
} catch {
  let code = Sarcopanel.exitCode(for: error)
  let message = Sarcopanel.fullMessage(for: error)
  if code == .success {
    print(message)
    exit(0)
  }
  if !message.isEmpty { FileHandle.standardError.write(Data("\(message)\n".utf8)) }
  exit(code == .validationFailure ? 2 : code.rawValue)
}
