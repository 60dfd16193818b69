import Foundation
import SarcoCore
import SarcoIO
import SarcoPipeline

/// What one fuzz input did: read, or refused with sarcopanel's own error.
/// Anything else (another error type, an empty message) is a finding; a trap
/// ends the process, which the caller sees.
enum FuzzOutcome: Equatable {
  case accepted
  case cleanError
  case unexpected(String)
}

/// The fuzz targets: a VCF (any bytes) through `RunPipeline.run`, a panel table
/// (any bytes) through `PanelLoader.load`, and a compiled panel copy's payload
/// (any bytes) through `PanelCache.decodePanel`, which decodes a copy before its
/// SHA-256 is known to match.
final class FuzzTargets {
  let workDirectory: String
  let panelDirectory: String
  let panel: Panel
  /// The tables a panel input may replace (chosen by the input's first byte).
  let tables: [String]

  /// `panelDirectory` is a small complete panel; it is copied into `workDirectory` for mutating.
  init(workDirectory: String, panelDirectory: String) throws {
    self.workDirectory = workDirectory
    self.panelDirectory = panelDirectory
    try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
    panel = try PanelLoader.load(directory: panelDirectory)
    let names = try FileManager.default.subpathsOfDirectory(atPath: panelDirectory)
    tables = names.filter { $0.hasSuffix(".tsv") || $0 == "panel.json" }.sorted()
  }

  /// Runs a VCF through the whole pipeline (read, validate, annotate, clinical reading, reports).
  func vcf(_ bytes: Data) -> FuzzOutcome {
    let input = "\(workDirectory)/input.vcf"
    let out = "\(workDirectory)/out"
    guard FileManager.default.createFile(atPath: input, contents: bytes) else { return .unexpected("cannot write \(input)") }
    var options = RunOptions(
      vcfPath: input, panelPath: panelDirectory, outputDirectory: out, tumorType: "GIST", commandLine: ["sarcopanel", "run"])
    options.genome = bytes.first.map { $0 % 2 == 0 ? .grch38 : .grch37 }
    options.forceGenome = true
    defer { try? FileManager.default.removeItem(atPath: out) }
    return classify(path: input) { _ = try RunPipeline.run(options, panel: panel) }
  }

  /// Loads a panel one of whose tables (`table`, else picked by the input's first byte) is replaced by the input.
  func panelTable(_ bytes: Data, table given: String? = nil) -> FuzzOutcome {
    guard let first = bytes.first, !tables.isEmpty else { return .accepted }
    let table = given.flatMap { tables.contains($0) ? $0 : nil } ?? tables[Int(first) % tables.count]
    let content = given == nil ? bytes.dropFirst() : bytes[...]
    let copy = "\(workDirectory)/panel"
    try? FileManager.default.removeItem(atPath: copy)
    do {
      try FileManager.default.copyItem(atPath: panelDirectory, toPath: copy)
    } catch {
      return .unexpected("cannot copy the panel: \(error)")
    }
    guard FileManager.default.createFile(atPath: "\(copy)/\(table)", contents: content) else {
      return .unexpected("cannot write \(table)")
    }
    return classify(path: copy) {
      let loaded = try PanelLoader.load(directory: copy)
      for build in loaded.manifest.builds { _ = try PanelView(panel: loaded, build: build) }
    }
  }

  /// The seed panel as the cache writes it (`BinaryEncoder`): the payload a cache input mutates.
  func panelCopySeed() throws -> Data { try BinaryEncoder.encode(panel) }

  /// Decodes a panel copy's payload: a panel or a `DecodingError` (the decoder refuses malformed
  /// bytes without reading out of bounds); anything else, or a trap, is a finding.
  func panelCopy(_ bytes: Data) -> FuzzOutcome {
    do {
      _ = try PanelCache.decodePanel([UInt8](bytes))
      return .accepted
    } catch is DecodingError {
      return .cleanError
    } catch {
      return .unexpected("not a decoding error: \(error)")
    }
  }

  /// A `SarcoError` with a message is a clean refusal.
  func classify(path: String, _ body: () throws -> Void) -> FuzzOutcome {
    do {
      try body()
      return .accepted
    } catch let error as SarcoError {
      let first = error.message.split(separator: "\n").first.map(String.init) ?? ""
      guard !first.isEmpty else { return .unexpected("an empty message") }
      return .cleanError
    } catch {
      return .unexpected("not a sarcopanel error: \(error)")
    }
  }
}
