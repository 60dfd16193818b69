import SarcoCore
import SarcoIO
import SarcoReports

/// `sarcopanel panel ...`: validate a panel, write its BED files.
public enum PanelTasks {
  /// Which regions `panel bed` writes.
  public enum BedKind: String, CaseIterable, Sendable {
    /// Coding parts of every exon, padded: capture targets.
    case targets
    /// Gene spans plus the manifest flank: the regions `run` reads.
    case scan
  }

  /// Loads and checks the panel; returns a one-paragraph summary.
  public static func validate(directory: String) throws -> String {
    let panel = try PanelLoader.load(directory: directory)
    var lines = ["\(panel.manifest.name) \(panel.manifest.version): valid"]
    let knowledge = panel.knowledge
    lines.append("  genes: \(panel.genes.count), exons: \(panel.exons.count), hotspots: \(panel.hotspots.count)")
    lines.append(
      "  fusions: \(knowledge.fusions.count), copy-number events: \(knowledge.copyNumberEvents.count), evidence items: \(knowledge.evidence.count), known variants: \(knowledge.knownVariants.count), tumour types: \(knowledge.tumourTypes.entries.count), known alleles: \(knowledge.knownAlleles.count)")
    let rules = knowledge.rules
    lines.append(
      "  rules: \(rules.acmgCriteria.count) ACMG criteria, \(rules.acmgClasses.count) classes, \(rules.ampTiers.count) AMP tier rules, \(rules.severity.count) consequence ranks, \(rules.frequencyThresholds.count) VCEP thresholds")
    for build in panel.manifest.builds {
      let view = try PanelView(panel: panel, build: build)
      let located = panel.genes.filter { $0.locus(on: build) != nil }.count
      lines.append(
        "  \(build.rawValue): \(located) genes located, scan regions \(view.scanRegions.totalBases) bp in \(view.scanRegions.intervals.count) intervals")
    }
    lines.append("  checksum: sha256:\(panel.checksum)")
    return lines.joined(separator: "\n")
  }

  public static func bed(directory: String, build: GenomeBuild, kind: BedKind, pad: Int?, chrPrefix: Bool) throws
    -> String
  {
    let panel = try PanelCache.load(directory: directory)
    let view = try PanelView(panel: panel, build: build)
    switch kind {
    case .targets:
      return PanelBED.render(view.codingTargets(pad: pad ?? panel.manifest.targetPadBases), chrPrefix: chrPrefix)
    case .scan:
      return PanelBED.render(view.scanRegions.intervals.map { ($0, "scan") }, chrPrefix: chrPrefix)
    }
  }
}

extension PanelTasks {
  /// The panel's transcript models as GFF3; unknown gene names are an error.
  public static func gff3(directory: String, build: GenomeBuild, genes: Set<String>?, chrPrefix: Bool) throws -> String {
    let panel = try PanelCache.load(directory: directory)
    let view = try PanelView(panel: panel, build: build)
    if let genes {
      let unknown = genes.filter { panel.gene(named: $0) == nil }.sorted()
      guard unknown.isEmpty else {
        throw SarcoError.usage("not genes of panel \(panel.manifest.name): \(ShortList.text(unknown))")
      }
    }
    let symbols = genes.map { Set($0.compactMap { panel.gene(named: $0)?.symbol }) }
    return PanelGFF3.render(view: view, genes: symbols, chrPrefix: chrPrefix)
  }

  /// Everything the panel knows about one gene, as text for a terminal.
  /// The panel's tumour types as a table (code, name, parent, unspecified, aliases), optionally one branch.
  public static func tumourTypes(directory: String, under branch: String?) throws -> String {
    let panel = try PanelLoader.load(directory: directory)
    let table = panel.knowledge.tumourTypes
    let root = try branch.map { try table.code(for: $0, panel: panel.manifest.name) }
    var lines = ["code\tname\tparent\tunspecified\taliases"]
    for entry in table.entries(under: root) {
      lines.append([entry.code, entry.name, entry.parent, entry.unspecified ? "yes" : "no", entry.aliases.joined(separator: ",")].joined(separator: "\t"))
    }
    return lines.joined(separator: "\n")
  }

  public static func show(directory: String, gene name: String) throws -> String {
    let panel = try PanelCache.load(directory: directory)
    guard let gene = panel.gene(named: name) else {
      let close = panel.genes.map(\.symbol).filter { $0.hasPrefix(String(name.uppercased().prefix(2))) }
      throw SarcoError.usage(
        "\(name) is not a gene of panel \(panel.manifest.name)\(close.isEmpty ? "" : "; similar: \(close.joined(separator: ", "))")")
    }
    var lines: [String] = []
    let aliases = gene.aliases.isEmpty ? "" : " (also \(gene.aliases.joined(separator: ", ")))"
    lines.append("\(gene.symbol)\(aliases)  \(gene.hgncID)  \(gene.ensemblGene)  chromosome \(gene.chromosome), \(gene.strand.rawValue) strand")
    lines.append("role: \(gene.role); mechanism: \(gene.mechanism.isEmpty ? "-" : gene.mechanism); germline testing: \(gene.germlineTesting ? "yes" : "no")\(gene.inheritance.isEmpty ? "" : " (\(gene.inheritance))")")
    if !gene.syndromes.isEmpty { lines.append("syndromes: \(gene.syndromes)") }
    lines.append("MANE Select: \(gene.refseqTranscript) / \(gene.ensemblTranscript)")
    lines.append("source: \(gene.source)")
    lines.append("")
    for locus in gene.loci {
      let coding = locus.codingStart.map { "coding \($0)-\(locus.codingEnd ?? $0)" } ?? "non-coding"
      lines.append("\(locus.build.rawValue): \(locus.span), \(coding), model \(locus.transcript)")
    }
    let builds = panel.manifest.builds
    let exons = Dictionary(grouping: panel.exons.filter { $0.gene == gene.symbol }, by: \.number)
    lines.append("")
    lines.append(pad("exon", 6) + builds.map { pad($0.rawValue, 28) }.joined())
    for number in exons.keys.sorted() {
      let cells = builds.map { build in pad(exons[number]?.first { $0.build == build }.map { "\($0.interval)" } ?? "-", 28) }
      lines.append(pad(String(number), 6) + cells.joined())
    }
    let hotspots = panel.hotspots.filter { $0.gene == gene.symbol }
    if !hotspots.isEmpty {
      lines.append("")
      lines.append("hotspots (\(hotspots.count / max(builds.count, 1))):")
      for (change, rows) in Dictionary(grouping: hotspots, by: \.change).sorted(by: { $0.value[0].interval.start < $1.value[0].interval.start }) {
        let places = rows.sorted { $0.build > $1.build }.map { "\($0.build.rawValue) \($0.interval)" }.joined(separator: "; ")
        lines.append("  \(pad(change, 8)) \(places)  [\(rows[0].source)]")
      }
    }
    let items = panel.knowledge.items(forGene: gene.symbol)
    if !items.fusions.isEmpty {
      lines.append("")
      lines.append("fusions:")
      for fusion in items.fusions {
        lines.append("  \(pad(fusion.name, 16)) \(fusion.diagnosis) [\(fusion.tumourTypes.joined(separator: ","))]  \(fusion.source)")
      }
    }
    if !items.copyNumber.isEmpty {
      lines.append("")
      lines.append("copy-number events:")
      for event in items.copyNumber {
        let threshold = event.event == .amplification ? "copy number >= \(event.copyNumber)" : "copy number <= \(event.copyNumber)"
        lines.append("  \(event.event.rawValue) (\(threshold)): \(event.meaning) [\(event.tumourTypes.joined(separator: ","))]  \(event.source)")
      }
    }
    if !items.evidence.isEmpty {
      lines.append("")
      lines.append("evidence (\(items.evidence.count)), strongest level first:")
      let sorted = items.evidence.sorted { ($0.level, $0.id) < ($1.level, $1.id) }
      for item in sorted {
        let types = item.tumourTypes.isEmpty ? item.disease : item.tumourTypes.joined(separator: ",")
        let therapies = item.therapies.isEmpty ? "" : " \(item.therapies.joined(separator: " or "))"
        lines.append("  \(pad(item.id, 16)) level \(item.level) \(item.evidenceType) \(item.significance)\(therapies) | \(item.matcher) | \(types) | \(item.citation)")
      }
    }
    let known = panel.knowledge.knownVariants.filter { $0.gene == gene.symbol }
    if !known.isEmpty {
      let counts = Dictionary(grouping: known, by: \.significance).map { "\($0.key) \($0.value.count)" }.sorted()
      lines.append("")
      lines.append("known germline variants (ClinVar 2-star+): \(known.count): \(counts.joined(separator: ", "))")
    }
    return lines.joined(separator: "\n")
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
