import Crypto
import Foundation
import SarcoCore

/// Loads and validates a panel folder (`panel.json` plus its TSV tables).
///
/// Every row is checked; all problems are reported together, each as
/// `file:line: column 'x': expected ..., found '...'`. Cross-table checks: each
/// exon names a panel gene, lies on its chromosome inside its span on that build,
/// and exons are numbered 1..n without gaps; each hotspot names a panel gene.
public enum PanelLoader {
  public static let geneColumns = [
    "symbol", "aliases", "ensembl_gene", "refseq_transcript", "ensembl_transcript", "chrom", "strand",
    "role", "germline", "source",
  ] + GenomeBuild.allCases.flatMap { build in
    ["transcript", "start", "end", "cds_start", "cds_end"].map { "\(build.rawValue.lowercased())_\($0)" }
  }
  public static let exonColumns = ["gene", "build", "transcript", "chrom", "exon", "start", "end"]
  public static let hotspotColumns = ["gene", "build", "chrom", "start", "end", "change", "source"]

  /// The panel of `directory` (a folder, or a panel's name found in the folders `environment` names).
  public static func load(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Panel {
    let (folder, label) = try locate(directory, environment: environment)
    let manifest = try readManifest(folder: folder, label: label)
    let problems = Problems()
    if manifest.builds.isEmpty { problems.add("\(label)/panel.json: 'builds' is empty; expected GRCh38 and/or GRCh37") }

    func table(_ name: String, _ columns: [String]) throws -> TSVTable {
      try TSVTable(
        path: folder.appendingPathComponent(name).path, displayPath: "\(label)/\(name)", requiredColumns: columns)
    }
    let geneTable = try table(manifest.tables.genes, geneColumns)
    let exonTable = try table(manifest.tables.exons, exonColumns)
    let hotspotTable = try manifest.tables.hotspots.map { try table($0, hotspotColumns) }

    let genes = parseGenes(geneTable, builds: manifest.builds, problems)
    let exons = parseExons(exonTable, genes: genes, builds: manifest.builds, problems)
    let hotspots = hotspotTable.map { parseHotspots($0, genes: genes, builds: manifest.builds, problems) } ?? []
    let knowledge = try PanelKnowledgeLoader.load(
      tables: manifest.tables, folder: folder, label: label, genes: genes, builds: manifest.builds, problems: problems)
    guard problems.isEmpty else {
      let shown = problems.messages.prefix(50)
      let more = problems.messages.count > 50 ? "\n... and \(problems.messages.count - 50) more problems" : ""
      throw SarcoError.panel(shown.joined(separator: "\n") + more)
    }
    return Panel(
      manifest: manifest, genes: genes, exons: exons, hotspots: hotspots, knowledge: knowledge,
      checksum: checksum(folder: folder, manifest: manifest))
  }

  /// The panel folder as a standardised URL, and its name for messages. `directory` is a folder, or a
  /// panel's name (`sarcoma`) found by `PanelLocator` in `$SARCOPANEL_PANELS`, the installed share folder
  /// or `./panels`.
  static func locate(_ directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
    -> (folder: URL, label: String)
  {
    let path = try PanelLocator.resolve(directory, environment: environment)
    let folder = URL(fileURLWithPath: path).standardizedFileURL
    let label = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw SarcoError.panel("\(label): not a panel folder (expected a directory with panel.json)")
    }
    return (folder, label)
  }

  static func readManifest(folder: URL, label: String) throws -> PanelManifest {
    let manifestPath = folder.appendingPathComponent("panel.json").path
    guard let manifestData = FileManager.default.contents(atPath: manifestPath) else {
      throw SarcoError.panel("\(label)/panel.json: missing; a panel folder needs panel.json and its tables")
    }
    do {
      return try JSONDecoder().decode(PanelManifest.self, from: manifestData)
    } catch let DecodingError.keyNotFound(key, _) {
      throw SarcoError.panel("\(label)/panel.json: expected key '\(key.stringValue)'")
    } catch let DecodingError.dataCorrupted(context) {
      throw SarcoError.panel("\(label)/panel.json: not valid JSON (\(context.debugDescription))")
    } catch {
      throw SarcoError.panel("\(label)/panel.json: \(error)")
    }
  }

  /// SHA-256 over each file's name, a NUL and its bytes: panel.json, then every table in manifest order.
  static func checksum(folder: URL, manifest: PanelManifest) -> String {
    var hasher = SHA256()
    for name in ["panel.json"] + manifest.tables.allFiles {
      hasher.update(data: Data("\(name)\u{0}".utf8))
      hasher.update(data: FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data())
    }
    return FileDigest.hex(hasher.finalize())
  }

  static func parseGenes(_ table: TSVTable, builds: [GenomeBuild], _ problems: Problems) -> [Gene] {
    var genes: [Gene] = []
    var seen: [String: Int] = [:]
    for row in table.rows where row.hasExpectedWidth(problems) {
      guard let symbol = row.required("symbol", problems), let chrom = row.required("chrom", problems),
        let strandText = row.oneOf("strand", ["+", "-"], problems), let strand = Strand(rawValue: strandText),
        let germline = row.oneOf("germline", ["yes", "no"], problems)
      else { continue }
      if let previous = seen[symbol] {
        row.problem("column 'symbol': duplicate gene '\(symbol)' (first on line \(previous))", problems)
        continue
      }
      seen[symbol] = row.line
      var loci: [GeneLocus] = []
      for build in builds {
        let prefix = build.rawValue.lowercased()
        let transcript = row.text("\(prefix)_transcript")
        guard let start = row.integer("\(prefix)_start", problems), let end = row.integer("\(prefix)_end", problems),
          let cdsStart = row.optionalInteger("\(prefix)_cds_start", problems),
          let cdsEnd = row.optionalInteger("\(prefix)_cds_end", problems)
        else { continue }
        guard start <= end else {
          row.problem("columns '\(prefix)_start'/'\(prefix)_end': expected start <= end, found \(start) > \(end)", problems)
          continue
        }
        if (cdsStart == nil) != (cdsEnd == nil) {
          row.problem("columns '\(prefix)_cds_start'/'\(prefix)_cds_end': expected both or neither", problems)
          continue
        }
        if let cdsStart, let cdsEnd, !(start <= cdsStart && cdsStart <= cdsEnd && cdsEnd <= end) {
          row.problem("coding range \(cdsStart)-\(cdsEnd) on \(build.rawValue) is not inside the gene span \(start)-\(end)", problems)
          continue
        }
        loci.append(
          GeneLocus(
            build: build, transcript: transcript.isEmpty ? row.text("refseq_transcript") : transcript,
            span: GenomicInterval(contig: chrom, start: start, end: end), codingStart: cdsStart, codingEnd: cdsEnd))
      }
      var gene = Gene(
          symbol: symbol,
          aliases: row.text("aliases").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) },
          ensemblGene: row.text("ensembl_gene"), refseqTranscript: row.text("refseq_transcript"),
          ensemblTranscript: row.text("ensembl_transcript"), chromosome: ContigName.canonical(chrom), strand: strand,
          role: row.text("role"), germlineTesting: germline == "yes", loci: loci, source: row.text("source"))
      gene.hgncID = row.text("hgnc_id")
      gene.mechanism = row.text("mechanism")
      gene.inheritance = row.text("inheritance")
      gene.syndromes = row.text("syndromes")
      genes.append(gene)
    }
    return genes
  }

  static func parseExons(_ table: TSVTable, genes: [Gene], builds: [GenomeBuild], _ problems: Problems) -> [Exon] {
    let genesBySymbol = Dictionary(genes.map { ($0.symbol, $0) }, uniquingKeysWith: { first, _ in first })
    var exons: [Exon] = []
    var numbersSeen: [String: [Int: Int]] = [:]
    for row in table.rows where row.hasExpectedWidth(problems) {
      guard let symbol = row.required("gene", problems), let build = row.build("build", problems),
        let chrom = row.required("chrom", problems), let number = row.integer("exon", problems),
        let start = row.integer("start", problems), let end = row.integer("end", problems)
      else { continue }
      guard let gene = genesBySymbol[symbol] else {
        row.problem("column 'gene': expected a gene of genes.tsv, found '\(symbol)'", problems)
        continue
      }
      guard builds.contains(build), let locus = gene.locus(on: build) else {
        row.problem("column 'build': \(symbol) has no \(build.rawValue) locus in genes.tsv", problems)
        continue
      }
      guard start <= end else {
        row.problem("columns 'start'/'end': expected start <= end, found \(start) > \(end)", problems)
        continue
      }
      let interval = GenomicInterval(contig: chrom, start: start, end: end)
      guard interval.contig == gene.chromosome, locus.span.contains(start), locus.span.contains(end) else {
        row.problem("exon \(number) at \(interval) is outside \(symbol)'s \(build.rawValue) span \(locus.span)", problems)
        continue
      }
      let key = "\(symbol)\t\(build.rawValue)"
      if let previous = numbersSeen[key]?[number] {
        row.problem("column 'exon': duplicate exon \(number) of \(symbol) on \(build.rawValue) (first on line \(previous))", problems)
        continue
      }
      numbersSeen[key, default: [:]][number] = row.line
      exons.append(Exon(gene: symbol, transcript: row.text("transcript"), build: build, number: number, interval: interval))
    }
    for (key, numbers) in numbersSeen.sorted(by: { $0.key < $1.key }) {
      let sorted = numbers.keys.sorted()
      if sorted != Array(1...sorted.count) {
        problems.add("\(table.displayPath): exons of \(key.replacingOccurrences(of: "\t", with: " on ")) are numbered \(sorted.map(String.init).joined(separator: ",")); expected 1..\(sorted.count)")
      }
    }
    return exons
  }

  static func parseHotspots(_ table: TSVTable, genes: [Gene], builds: [GenomeBuild], _ problems: Problems) -> [Hotspot] {
    let symbols = Set(genes.map(\.symbol))
    var hotspots: [Hotspot] = []
    for row in table.rows where row.hasExpectedWidth(problems) {
      guard let symbol = row.required("gene", problems), let build = row.build("build", problems),
        let chrom = row.required("chrom", problems), let start = row.integer("start", problems),
        let end = row.integer("end", problems), let change = row.required("change", problems),
        let source = row.required("source", problems)
      else { continue }
      guard symbols.contains(symbol) else {
        row.problem("column 'gene': expected a gene of genes.tsv, found '\(symbol)'", problems)
        continue
      }
      guard builds.contains(build), start <= end else {
        row.problem("expected a panel build and start <= end", problems)
        continue
      }
      var hotspot = Hotspot(
        gene: symbol, build: build, interval: GenomicInterval(contig: chrom, start: start, end: end), change: change,
        source: source)
      if table.columns.contains("kind") {
        guard let kind = row.oneOf("kind", Hotspot.Kind.allCases.map(\.rawValue), problems).flatMap(Hotspot.Kind.init(rawValue:))
        else { continue }
        hotspot.kind = kind
      }
      hotspot.sampleCount = Int(row.text("mutation_count"))
      for item in row.list("variant_counts") {
        let parts = item.split(separator: ":")
        guard parts.count == 2, let count = Int(parts[1]) else {
          row.problem("column 'variant_counts': expected CHANGE:COUNT items, found '\(item)'", problems)
          continue
        }
        hotspot.variantCounts[String(parts[0])] = count
      }
      hotspots.append(hotspot)
    }
    return hotspots
  }
}
