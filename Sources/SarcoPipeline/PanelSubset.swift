import Foundation
import SarcoCore
import SarcoIO

/// `sarcopanel panel subset`: a derived ("virtual") panel holding some of a panel's genes, chosen by name
/// or by the regions of a BED, with every table cut to those genes and the rules kept. The new panel has
/// its own name, version and checksum; its manifest names the parent (name, version, checksum) among
/// its sources, so every report run on it says where it came from. It is checked by loading it.
public enum PanelSubset {
  public struct Request: Sendable {
    public var panel: String
    public var genes: [String] = []
    /// A BED of regions: every gene overlapping one is kept (on `build`).
    public var bed: String?
    public var build: GenomeBuild?
    public var outputDirectory: String
    public var name: String?

    public init(panel: String, outputDirectory: String) {
      self.panel = panel
      self.outputDirectory = outputDirectory
    }
  }

  /// Gene columns of the panel's tables: a row stays when its gene is kept (`*` always stays);
  /// `genes` lists are cut to the kept genes and the row dropped when none is left.
  static let geneColumns = ["symbol", "gene"]
  static let partnerColumns = ["gene_a", "gene_b"]
  static let listColumns = ["genes"]

  public static func run(_ request: Request) throws -> (panel: Panel, summary: String) {
    let parent = try PanelLoader.load(directory: request.panel)
    let folder = try PanelLocator.resolve(request.panel)
    let kept = try chooseGenes(parent, request: request)
    let name = request.name ?? "\(parent.manifest.name)-subset"
    let version = "\(parent.manifest.version)+\(FileDigest.sha256(of: Data(kept.sorted().joined(separator: ",").utf8)).prefix(8))"
    let target = URL(fileURLWithPath: request.outputDirectory).standardizedFileURL
    let parentFolder = target.deletingLastPathComponent()
    try AtomicFile.prepareDirectory(parentFolder.path)
    guard !FileManager.default.fileExists(atPath: target.path) else {
      throw SarcoError.output("\(request.outputDirectory): exists; give a new folder for the derived panel")
    }
    let staging = parentFolder.appendingPathComponent(".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: staging)
    defer { try? FileManager.default.removeItem(at: staging) }
    try FileManager.default.createDirectory(at: staging.appendingPathComponent("rules"), withIntermediateDirectories: true)
    for file in parent.manifest.tables.allFiles {
      let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
      try cut(text, keeping: kept).write(to: staging.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
    try manifest(of: folder, parent: parent, name: name, version: version, kept: kept, request: request)
      .write(to: staging.appendingPathComponent("panel.json"))
    let derived: Panel
    do {
      derived = try PanelLoader.load(directory: staging.path)
    } catch let error as SarcoError {
      throw SarcoError.panel("the derived panel does not load (a table row needs a gene left out?): \(error.message)")
    }
    try FileManager.default.moveItem(at: staging, to: target)
    let summary = "\(name) \(version): \(derived.genes.count) of \(parent.genes.count) genes of \(parent.manifest.name) \(parent.manifest.version), \(derived.knowledge.evidence.count) evidence items, \(derived.hotspots.count) hotspot rows -> \(request.outputDirectory)"
    return (derived, summary)
  }

  /// The genes asked for, by symbol or alias, or overlapping the BED's regions; an unknown name is an error.
  static func chooseGenes(_ panel: Panel, request: Request) throws -> Set<String> {
    var kept: Set<String> = []
    var unknown: [String] = []
    for name in request.genes {
      if let gene = panel.gene(named: name) { kept.insert(gene.symbol) } else { unknown.append(name) }
    }
    guard unknown.isEmpty else {
      throw SarcoError.usage("--genes: \(unknown.joined(separator: ", ")) \(unknown.count == 1 ? "is not a gene" : "are not genes") of panel \(panel.manifest.name)")
    }
    if let bed = request.bed {
      guard let build = request.build else { throw SarcoError.usage("--bed needs --genome (the build of the BED's coordinates)") }
      let regions = try CoveragePipeline.readBED(bed)
      for gene in panel.genes {
        guard let span = gene.locus(on: build)?.span else { continue }
        if regions.contains(where: { ContigName.canonical($0.interval.contig) == ContigName.canonical(span.contig) && $0.interval.overlaps(span) }) {
          kept.insert(gene.symbol)
        }
      }
    }
    guard !kept.isEmpty else { throw SarcoError.usage("no gene of panel \(panel.manifest.name) chosen (give --genes or a --bed overlapping its genes)") }
    return kept
  }

  /// The table with only the kept genes' rows (header and gene-less tables unchanged).
  static func cut(_ text: String, keeping kept: Set<String>) -> String {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    guard let header = lines.first?.components(separatedBy: "\t") else { return text }
    let single = geneColumns.compactMap { header.firstIndex(of: $0) }.first
    let partners = partnerColumns.compactMap { header.firstIndex(of: $0) }
    let list = listColumns.compactMap { header.firstIndex(of: $0) }.first
    guard single != nil || !partners.isEmpty || list != nil else { return text }
    var out = [lines[0]]
    for line in lines.dropFirst() {
      var cells = line.components(separatedBy: "\t")
      if let single, single < cells.count, cells[single] != "*", !kept.contains(cells[single]) { continue }
      if !partners.isEmpty, !partners.contains(where: { $0 < cells.count && kept.contains(cells[$0]) }) { continue }
      if let list, list < cells.count {
        let genes = cells[list].split(separator: ",").map(String.init).filter(kept.contains)
        if genes.isEmpty { continue }
        cells[list] = genes.joined(separator: ",")
      }
      out.append(cells.joined(separator: "\t"))
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The parent's panel.json with the new name and version, and the parent named among its sources.
  static func manifest(of folder: String, parent: Panel, name: String, version: String, kept: Set<String>, request: Request) throws -> Data {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/panel.json"))
    guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw SarcoError.panel("\(folder)/panel.json: not a JSON object")
    }
    var choices: [String] = []
    if !request.genes.isEmpty { choices.append("genes \(request.genes.joined(separator: ","))") }
    if let bed = request.bed { choices.append("the genes overlapping \(URL(fileURLWithPath: bed).lastPathComponent)") }
    let chosen = choices.joined(separator: " and ")
    object["name"] = name
    object["version"] = version
    object["description"] = "Derived from \(parent.manifest.name) \(parent.manifest.version): \(chosen) (\(kept.count) genes). \(parent.manifest.description)"
    var sources = object["sources"] as? [String: String] ?? [:]
    sources["derived from"] = "\(parent.manifest.name) \(parent.manifest.version) (sha256:\(parent.checksum)), \(kept.count) genes: \(kept.sorted().joined(separator: ","))"
    object["sources"] = sources
    return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + Data("\n".utf8)
  }
}
