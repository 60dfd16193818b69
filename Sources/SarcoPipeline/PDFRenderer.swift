import Foundation
import SarcoCore
import SarcoIO

/// Prints an HTML report to PDF with headless Chromium, when it is installed.
public enum PDFRenderer {
  static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

  public static var chromium: String? { candidates.first(where: FileManager.default.isExecutableFile) }

  /// Writes `pdfPath` next to the HTML (through a temporary file); nil when
  /// Chromium is missing, so the caller can say so.
  public static func render(html: String, to pdfPath: String) throws -> String? {
    guard let chromium else { return nil }
    // Named as sarcopanel's other temporary files, so an interrupted or killed run's is removed too.
    let temporary = TemporaryFiles.name(for: pdfPath, extension: "pdf")
    TemporaryFiles.register(temporary)
    let profile = NSTemporaryDirectory() + "sarcopanel-chromium-\(UUID().uuidString)"
    defer {
      try? FileManager.default.removeItem(atPath: profile)
      try? FileManager.default.removeItem(atPath: temporary)
      TemporaryFiles.unregister(temporary)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
      "--no-pdf-header-footer", "--print-to-pdf=\(temporary)", URL(fileURLWithPath: html).absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: temporary) else {
      throw SarcoError.output("\(pdfPath): \(chromium) exited with status \(process.terminationStatus) while printing \(html)")
    }
    if FileManager.default.fileExists(atPath: pdfPath) { try FileManager.default.removeItem(atPath: pdfPath) }
    try FileManager.default.moveItem(atPath: temporary, toPath: pdfPath)
    return pdfPath
  }
}
