import Foundation

/// A panel seen on one genome build: indexes for genes, exons and hotspots,
/// the regions to read, and capture targets.
/// A class: views are passed to every per-variant step, and copying a struct of the whole panel
/// retained each of its tables (measured: 7% of an indexed run).
public final class PanelView: Sendable {
  public let panel: Panel
  public let build: GenomeBuild
  let genesBySpan: IntervalIndex<Int>
  let exonsByGene: [String: [Exon]]
  let exonIndex: IntervalIndex<Exon>
  let hotspotIndex: IntervalIndex<Hotspot>
  /// Genes by exact symbol, for per-variant lookups.
  let geneBySymbol: [String: Gene]
  /// Gene spans plus the manifest's flank: what a run reads.
  public let scanRegions: RegionFilter
  /// Capture targets by padding, built once per view (a batch shares its views).
  private let targetsByPad = ViewMemo<Int, [(interval: GenomicInterval, name: String)]>()
  private let somaticIndexMemo = ViewMemo<GenomeBuild, SomaticKnowledgeIndex>()
  private let evidenceByGeneMemo = ViewMemo<GenomeBuild, [String: [EvidenceItem]]>()
  private let footprintMemo = ViewMemo<GenomeBuild, Int>()
  private let germlineRuleGroupsMemo = ViewMemo<GenomeBuild, GermlineRuleGroups>()
  /// Gene numbers by upper-cased symbol and alias, made at the first name that is not a symbol.
  private let geneByUppercasedNameMemo = ViewMemo<GenomeBuild, [String: Int]>()

  public init(panel: Panel, build: GenomeBuild) throws {
    guard panel.manifest.builds.contains(build) else {
      let supported = panel.manifest.builds.map(\.rawValue).joined(separator: ", ")
      throw SarcoError.input(
        "the input is \(build.rawValue) but panel \(panel.manifest.name) \(panel.manifest.version) supports only \(supported)")
    }
    self.panel = panel
    self.build = build
    let flank = panel.manifest.scanFlankBases
    var spans: [(GenomicInterval, Int)] = []
    for (index, gene) in panel.genes.enumerated() {
      if let locus = gene.locus(on: build) { spans.append((locus.span.padded(by: flank), index)) }
    }
    genesBySpan = IntervalIndex(spans)
    let exons = panel.exons.filter { $0.build == build }
    exonsByGene = Dictionary(grouping: exons, by: \.gene).mapValues { $0.sorted { $0.number < $1.number } }
    exonIndex = IntervalIndex(exons.map { ($0.interval, $0) })
    hotspotIndex = IntervalIndex(panel.hotspots.filter { $0.build == build }.map { ($0.interval, $0) })
    scanRegions = RegionFilter(spans.map(\.0))
    geneBySymbol = Dictionary(panel.genes.map { ($0.symbol, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The somatic knowledge indexed for per-variant lookups, built on first use (parsing every known allele's
  /// protein change) and shared by every sample that uses this view.
  public var somaticIndex: SomaticKnowledgeIndex { somaticIndexMemo.value(build) { SomaticKnowledgeIndex(view: self) } }

  /// Takes a somatic index built beside this view (from the panel alone), unless one is made already.
  public func adopt(somaticIndex: SomaticKnowledgeIndex) { _ = somaticIndexMemo.value(build) { somaticIndex } }

  /// Builds the tables every sample's tiering and classification read (the TMB footprint, evidence by
  /// gene, the germline rule groups), so that the first samples find them made.
  public func prepareSampleTables() {
    _ = codingFootprint
    _ = evidenceByGene
    _ = germlineRuleGroups
  }

  /// The panel's evidence items by gene, grouped once and shared by every sample's tiering (grouping
  /// them per sample, twice, was 8% of a batch of small samples).
  public var evidenceByGene: [String: [EvidenceItem]] {
    evidenceByGeneMemo.value(build) { Dictionary(grouping: panel.knowledge.evidence, by: \.gene) }
  }

  /// The germline rule tables grouped by gene, once, for every sample's classifiers.
  var germlineRuleGroups: GermlineRuleGroups {
    germlineRuleGroupsMemo.value(build) { GermlineRuleGroups(rules: panel.knowledge.rules, build: build) }
  }

  /// A panel gene by symbol (dictionary lookup), else by alias or any letter case, as
  /// `Panel.gene(named:)` finds it (which upper-cased every symbol and alias per call).
  public func gene(_ symbolOrAlias: String) -> Gene? {
    geneBySymbol[symbolOrAlias] ?? geneNumber(anyCase: symbolOrAlias).map { panel.genes[$0] }
  }

  /// Whether `gene(_:)` finds a gene, without copying it out.
  public func hasGene(_ symbolOrAlias: String) -> Bool {
    geneBySymbol.index(forKey: symbolOrAlias) != nil || geneNumber(anyCase: symbolOrAlias) != nil
  }

  /// The first gene (in panel order) with `name` as its symbol or an alias, in any letter case.
  private func geneNumber(anyCase name: String) -> Int? {
    let numbers = geneByUppercasedNameMemo.value(build) {
      var numbers: [String: Int] = [:]
      for (number, gene) in panel.genes.enumerated() {
        for known in [gene.symbol] + gene.aliases {
          let key = known.uppercased()
          if numbers[key] == nil { numbers[key] = number }
        }
      }
      return numbers
    }
    return numbers[name.uppercased()]
  }

  /// A gene's exons on this build, in transcript order.
  public func exons(of symbol: String) -> [Exon] { exonsByGene[symbol] ?? [] }

  /// Genes whose span (plus flank) a variant touches, each with where in the transcript it falls.
  public func geneHits(for variant: Variant) -> [GeneHit] {
    geneHits(contig: variant.contig, start: variant.position, end: max(variant.end, variant.position))
  }

  /// Genes whose span (plus flank) touches `start...end` on `contig`.
  public func geneHits(contig: String, start: Int, end: Int) -> [GeneHit] {
    genesBySpan.overlapping(contig: contig, start: start, end: end).map { index in
      locate(start: start, end: end, in: panel.genes[index])
    }
  }

  /// Hotspots a variant overlaps.
  public func hotspots(for variant: Variant) -> [Hotspot] {
    hotspotIndex.overlapping(contig: variant.contig, start: variant.position, end: max(variant.end, variant.position))
  }

  /// Bases of the coding targets (unpadded), overlaps and neighbours merged as a `RegionFilter` merges
  /// them: the footprint tumour mutational burden is measured over, computed once per view (sorting
  /// and merging the targets was 1% of every small sample).
  public var codingFootprint: Int {
    // From the bare intervals: naming and sorting the targets took ~5 ms of a batch's first sample.
    footprintMemo.value(build) { RegionFilter(codingExonParts(pad: 0).map(\.interval)).totalBases }
  }

  /// Coding parts of every exon, padded, as capture targets named `GENE_exonN`.
  public func codingTargets(pad: Int) -> [(interval: GenomicInterval, name: String)] {
    targetsByPad.value(pad) { buildCodingTargets(pad: pad) }
  }

  private func buildCodingTargets(pad: Int) -> [(interval: GenomicInterval, name: String)] {
    codingExonParts(pad: pad).map { ($0.interval, "\($0.gene)_exon\($0.exon)") }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
  }

  /// The coding part of every exon (the whole exon of a gene without a coding start), padded, in
  /// gene and exon order.
  private func codingExonParts(pad: Int) -> [(interval: GenomicInterval, gene: String, exon: Int)] {
    var parts: [(GenomicInterval, String, Int)] = []
    for gene in panel.genes {
      guard let locus = gene.locus(on: build) else { continue }
      for exon in exonsByGene[gene.symbol] ?? [] {
        var bases = exon.interval.start...exon.interval.end
        if locus.codingStart != nil {
          guard let coding = locus.codingPart(of: exon.interval) else { continue }
          bases = coding
        }
        let interval = GenomicInterval(contig: exon.interval.contig, start: bases.lowerBound, end: bases.upperBound).padded(by: pad)
        parts.append((interval, gene.symbol, exon.number))
      }
    }
    return parts
  }

  func locate(start: Int, end: Int, in gene: Gene) -> GeneHit {
    guard let locus = gene.locus(on: build) else {
      return GeneHit(gene: gene.symbol, transcript: gene.refseqTranscript, region: .upstream, number: nil, total: nil)
    }
    let exons = exonsByGene[gene.symbol] ?? []
    let total = exons.count
    // The first and last exon touched, found without gathering them (this runs for every variant).
    var firstTouched: Int?
    var lastTouched = 0
    for index in exons.indices where exons[index].interval.start <= end && start <= exons[index].interval.end {
      if firstTouched == nil { firstTouched = exons[index].number }
      lastTouched = exons[index].number
    }
    if let firstTouched {
      let region = exonPart(start: start, end: end, locus: locus, strand: gene.strand)
      return GeneHit(
        gene: gene.symbol, transcript: locus.transcript, region: region, number: firstTouched, total: total,
        lastNumber: lastTouched == firstTouched ? nil : lastTouched)
    }
    if end < locus.span.start || start > locus.span.end {
      let before = end < locus.span.start
      let region: GeneHit.Region = (before == (gene.strand == .plus)) ? .upstream : .downstream
      return GeneHit(gene: gene.symbol, transcript: locus.transcript, region: region, number: nil, total: total)
    }
    // Intron n lies between exons n and n+1 in transcript order.
    let upstreamExon = exons.last { exon in
      gene.strand == .plus ? exon.interval.end < start : exon.interval.start > end
    }
    return GeneHit(
      gene: gene.symbol, transcript: locus.transcript, region: .intron, number: upstreamExon?.number,
      total: max(total - 1, 0))
  }

  func exonPart(start: Int, end: Int, locus: GeneLocus, strand: Strand) -> GeneHit.Region {
    guard let codingStart = locus.codingStart, let codingEnd = locus.codingEnd else { return .noncodingExon }
    if start <= codingEnd && codingStart <= end { return .codingExon }
    let beforeCoding = end < codingStart
    return beforeCoding == (strand == .plus) ? .utr5 : .utr3
  }
}

/// Where a variant falls in one panel gene's transcript.
public struct GeneHit: Sendable, Equatable, Codable {
  public enum Region: String, Sendable, Codable {
    case codingExon = "coding_exon"
    case utr5 = "5_prime_utr"
    case utr3 = "3_prime_utr"
    case noncodingExon = "noncoding_exon"
    case intron
    case upstream
    case downstream
  }

  public let gene: String
  public let transcript: String
  public let region: Region
  /// Exon or intron number in transcript order.
  public let number: Int?
  /// Exon or intron count of the transcript.
  public let total: Int?
  /// Last exon touched when a variant spans several.
  public let lastNumber: Int?

  public init(gene: String, transcript: String, region: Region, number: Int?, total: Int?, lastNumber: Int? = nil) {
    self.gene = gene
    self.transcript = transcript
    self.region = region
    self.number = number
    self.total = total
    self.lastNumber = lastNumber
  }

  /// `exon 11/21`, `exons 10-11/21`, `intron 3/20`, `upstream`.
  public var label: String {
    switch region {
    case .intron:
      guard let number, let total else { return "intron" }
      return "intron \(number)/\(total)"
    case .upstream, .downstream:
      return region.rawValue
    default:
      guard let number, let total else { return "exon" }
      if let lastNumber { return "exons \(min(number, lastNumber))-\(max(number, lastNumber))/\(total)" }
      return "exon \(number)/\(total)"
    }
  }
}

extension PanelView {
  /// The `c.` number of a genomic base inside a gene's coding sequence on this
  /// build (1 = first base of the start codon), or nil outside coding exons.
  public func codingPosition(gene symbol: String, position: Int) -> Int? {
    guard let gene = gene(symbol), let locus = gene.locus(on: build),
      let codingStart = locus.codingStart, let codingEnd = locus.codingEnd,
      codingStart <= position, position <= codingEnd
    else { return nil }
    var offset = 0
    // Exons in transcript order; count coding bases before the position.
    for exon in exonsByGene[gene.symbol] ?? [] {
      guard let coding = locus.codingPart(of: exon.interval) else { continue }
      if coding.contains(position) {
        return offset + (gene.strand == .plus ? position - coding.lowerBound + 1 : coding.upperBound - position + 1)
      }
      offset += coding.count
    }
    return nil
  }
}

extension PanelView {
  /// The genomic base of a `c.` position (1 = first base of the start codon) of a gene's panel transcript on this
  /// build, or nil outside its coding sequence.
  public func genomicPosition(gene symbol: String, codingPosition: Int) -> Int? {
    guard codingPosition >= 1, let gene = gene(symbol), let locus = gene.locus(on: build) else { return nil }
    var remaining = codingPosition
    for exon in exonsByGene[gene.symbol] ?? [] {
      guard let coding = locus.codingPart(of: exon.interval) else { continue }
      if remaining <= coding.count {
        return gene.strand == .plus ? coding.lowerBound + remaining - 1 : coding.upperBound - remaining + 1
      }
      remaining -= coding.count
    }
    return nil
  }
}

/// Values a view builds once on first use and shares with every sample of a batch, by key.
final class ViewMemo<Key: Hashable, Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Key: Value] = [:]

  func value(_ key: Key, _ build: () -> Value) -> Value {
    lock.lock()
    defer { lock.unlock() }
    if let known = values[key] { return known }
    let built = build()
    values[key] = built
    return built
  }
}
