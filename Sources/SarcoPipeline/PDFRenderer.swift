import Foundation
import SarcoCore
import SarcoIO

/// Prints an HTML report to PDF with headless Chromium, when it is installed.
public enum PDFRenderer {
  static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

  public static var chromium: String? { candidates.first(where: FileManager.default.isExecutableFile) }

  /// Writes `pdfPath` next to the HTML (through a temporary file); nil when
  /// Chromium is missing, so the caller can say so. The printed footer gets the
  /// print date (the HTML itself stays free of dates, byte for byte the same on reruns).
  public static func render(html: String, to pdfPath: String, date: Date = Date()) throws -> String? {
    guard let chromium else { return nil }
    // Named as sarcopanel's other temporary files, so an interrupted or killed run's are removed too.
    let temporary = TemporaryFiles.name(for: pdfPath, extension: "pdf")
    // Chromium needs the .html extension, or it prints the page as text.
    let dated = TemporaryFiles.name(for: html, extension: "html")
    TemporaryFiles.register(temporary)
    TemporaryFiles.register(dated)
    let profile = NSTemporaryDirectory() + "sarcopanel-chromium-\(UUID().uuidString)"
    defer {
      try? FileManager.default.removeItem(atPath: profile)
      try? FileManager.default.removeItem(atPath: temporary)
      try? FileManager.default.removeItem(atPath: dated)
      TemporaryFiles.unregister(temporary)
      TemporaryFiles.unregister(dated)
    }
    let day = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
    let page = try String(contentsOfFile: html, encoding: .utf8).replacingOccurrences(
      of: "</style>\n</head>",
      with: "@page { @bottom-center { content: \"printed \(day)\"; font-size: 8pt; color: #555; } }\n</style>\n</head>")
    try Data(page.utf8).write(to: URL(fileURLWithPath: dated))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
      "--no-pdf-header-footer", "--print-to-pdf=\(temporary)", URL(fileURLWithPath: dated).absoluteString,
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
