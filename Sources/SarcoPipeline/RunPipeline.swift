import Dispatch
import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoReports
import SarcoStore

/// `sarcopanel run`: one sample's VCF against a panel, to JSON and TSV reports.
///
/// Steps:
/// 1. Check the output directory is writable, load and validate the panel.
/// 2. Open the VCF, decide its build (`--genome` or header evidence), and refuse
///    a panel that lacks that build.
/// 3. Pick tumour and normal columns; hash the input on a background queue.
/// 4. Read the records overlapping the panel (indexed or streamed), then split,
///    trim and annotate them in batches across threads, keeping input order.
/// 5. Tier, classify and interpret (clinical section).
/// 6. Write `<id>.json`, `<id>.variants.tsv`, `<id>.findings.tsv` and `<id>.html` together, atomically.
public enum RunPipeline {
  /// Runs one sample; `preloaded` spares loading the panel again (batches, tests),
  /// `views` building its views again (batches; they must be views of `preloaded`).
  public static func run(
    _ options: RunOptions, panel preloaded: Panel? = nil, views: PanelViews? = nil, log: (String) -> Void = { _ in }
  ) throws -> RunOutcome {
    var clock = PhaseClock()
    try AtomicFile.prepareDirectory(options.outputDirectory)
    let pseudonymiser = try options.pseudonymiseKeyFile.map(Pseudonymiser.init(keyFile:))
    // Open (and migrate) the store first, so a bad path fails before any work.
    let store = try options.database.map(CohortStore.init(path:))
    let panel = try preloaded ?? PanelCache.load(directory: options.panelPath)
    clock.mark("load panel")
    let reader = try VCFReader(path: options.vcfPath, threads: options.threads)
    let detection = try decideBuild(reader: reader, forced: options.genome)
    guard panel.manifest.builds.contains(detection.build) else {
      throw SarcoError.input(
        "\(options.vcfPath): genome build mismatch: the VCF is \(detection.build.rawValue) (\(detection.evidence)) but panel \(panel.manifest.name) \(panel.manifest.version) is \(panel.manifest.builds.map(\.rawValue).joined(separator: "/")) only")
    }
    let view = try views?.view(for: detection.build) ?? PanelView(panel: panel, build: detection.build)
    let selection = try SampleSelection.resolve(
      header: reader.header, fileName: options.vcfPath, sample: options.sample, normal: options.normal)
    log("\(options.vcfPath): \(reader.format.rawValue), \(detection.build.rawValue) (\(detection.evidence))")

    clock.mark("open VCF, decide build and samples")
    // Neither depends on the records: hash the input and index ClinVar while they are read.
    let digest = Background { try FileDigest.sha256(ofFileAt: options.vcfPath) }
    let known = Background { KnownVariantCache.shared.index(for: view) }
    // Side tables are read before the VCF so a bad row fails fast.
    let fusionCalls = try options.fusionsPath.map(CallerTables.fusions(path:)) ?? []
    let segments = try options.copyNumberPath.map(CallerTables.segments(path:)) ?? []
    let decomposer = VariantDecomposer(header: reader.header, roles: selection.roles)
    let library = try options.reference.map { try transcriptLibrary(reference: $0, view: view) }
    let predictor = library.map(ConsequencePredictor.init(library:))
    let selector = ConsequenceSelector(view: view, predictor: predictor, recompute: options.recomputeConsequences)
    var reported: [ReportedVariant] = []
    var qc = QualityCounts()
    var referenceCheck = ReferenceCheckTally()
    let statistics = try reader.read(
      regions: view.scanRegions, sampleIndexes: selection.indexes, access: options.access
    ) { records in
      let annotated = try annotate(
        records, decomposer: decomposer, view: view, selector: selector, library: library, threads: options.threads)
      for (record, variants) in zip(records, annotated) {
        qc.add(record: record, variants: variants.map(\.reported.variant))
        for item in variants { referenceCheck.add(item.reported.variant, item.agreement) }
        reported.append(contentsOf: variants.map(\.reported))
      }
    }
    qc.genesWithVariants = Set(reported.flatMap { $0.genes.map(\.gene) }).count
    var engineNotes: [String] = []
    if let library, let reference = options.reference {
      qc.referenceChecked = referenceCheck.checked
      qc.referenceMismatches = referenceCheck.mismatches.count
      try referenceCheck.verdict(vcf: options.vcfPath, fasta: reference)
      engineNotes = referenceCheck.notes(fasta: reference) + library.problems.sorted { $0.key < $1.key }.map {
        "\($0.key): consequences not computed from \(reference) (\($0.value)); derived from the panel's exons instead"
      }
      let disagreements = reported.flatMap { item in
        item.consequences.compactMap { consequence in
          consequence.upstreamDisagreement.map { "\(item.variant.key) \(consequence.gene): \($0)" }
        }
      }
      if !disagreements.isEmpty {
        engineNotes.append(
          "\(disagreements.count) computed consequence(s) differ from the VCF's own annotation (upstreamDisagreement in the JSON): "
            + disagreements.prefix(5).joined(separator: " | ") + (disagreements.count > 5 ? " | ..." : ""))
      }
    }
    clock.mark("read, parse and annotate records")
    let settings = ClinicalAssessor.Settings(
      sampleType: options.sampleType, tumourType: options.tumorType, useClinVarCriteria: options.useClinVarCriteria)
    var clinical = ClinicalAssessor(view: view, settings: settings, known: try known.value(), predictor: predictor)
      .assess(reported, fusionCalls: fusionCalls, segments: segments)
    if !engineNotes.isEmpty { clinical = clinical.adding(notes: engineNotes) }
    clock.mark("tiers, classes, fusions, copy number, TMB")

    let coverage = try options.bam.map { bam in try measureCoverage(bam: bam, view: view, panel: panel, options: options) }
    if let coverage {
      clock.mark("coverage and hotspot pileups")
      let uncalled = UncalledHotspots.find(pileups: coverage.hotspots, variants: reported.map(\.variant))
      if !uncalled.isEmpty { clinical = clinical.adding(notes: uncalled.map(UncalledHotspots.note)) }
    }
    let sampleID = safeFileName(options.sampleID ?? selection.roles.tumor ?? baseName(options.vcfPath))
    var built = SampleReport(
      commandLine: options.commandLine,
      sample: SampleReport.Sample(
        id: sampleID, vcfSample: selection.roles.tumor, normalSample: selection.roles.normal,
        tumorType: options.tumorType),
      input: SampleReport.Input(
        fileName: baseName(options.vcfPath), sha256: try clock.measure("wait for input SHA-256") { try digest.value() },
        format: reader.format.rawValue, referenceFasta: options.reference.map(baseName)),
      genomeBuild: detection,
      panel: SampleReport.PanelIdentity(name: panel.manifest.name, version: panel.manifest.version, checksum: panel.checksum),
      qc: qc, variants: reported, coverage: coverage, clinical: clinical)
    if options.provenance {
      func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
      built.provenance = SampleReport.Provenance(
        generatedAt: ISO8601DateFormatter().string(from: Date()), host: ProcessInfo.processInfo.hostName,
        inputPath: absolute(options.vcfPath), panelPath: absolute(options.panelPath),
        outputDirectory: absolute(options.outputDirectory))
    }
    let report = built
    let jsonPath = outputPath(options.outputDirectory, sampleID, "json")
    let tsvPath = outputPath(options.outputDirectory, sampleID, "variants.tsv")
    // The renderings are independent; with threads to spare the JSON (the largest)
    // runs beside the others.
    let rendered = WorkerSlots<Data>(count: 4)
    DispatchQueue.concurrentPerform(iterations: options.threads > 1 ? 2 : 1) { worker in
      if options.threads == 1 || worker == 0 { rendered[0] = JSONReport.render(report) }
      if options.threads == 1 || worker == 1 {
        rendered[1] = Data(TSVReport.render(report).utf8)
        rendered[2] = Data(FindingsTSV.render(report).utf8)
        rendered[3] = Data(HTMLReport.render(report).utf8)
      }
    }
    clock.mark("render JSON, TSV, findings and HTML")
    var files = [
      (rendered[0] ?? Data(), jsonPath), (rendered[1] ?? Data(), tsvPath),
      (rendered[2] ?? Data(), outputPath(options.outputDirectory, sampleID, "findings.tsv")),
      (rendered[3] ?? Data(), outputPath(options.outputDirectory, sampleID, "html")),
    ]
    if options.phenopacket {
      let packet = PhenopacketTask.packet(for: report, panel: panel, pseudonymiser: pseudonymiser)
      files.append((packet.data, outputPath(options.outputDirectory, sampleID, "phenopacket.json")))
    }
    if let coverage {
      files.append((Data(CoverageTask.tsv(coverage).utf8), outputPath(options.outputDirectory, sampleID, "coverage.tsv")))
      files.append(
        (Data(CoverageTask.hotspotTSV(coverage.hotspots).utf8), outputPath(options.outputDirectory, sampleID, "hotspot_reads.tsv")))
    }
    try AtomicFile.writeAll(files)
    clock.mark("write files")
    if let store {
      try StoreTask.importReport(report, json: rendered[0] ?? Data(), store: store, pseudonymiser: pseudonymiser)
      clock.mark("import into the cohort store")
    }
    return RunOutcome(report: report, jsonPath: jsonPath, tsvPath: tsvPath, statistics: statistics, phases: clock.phases)
  }

  /// Coverage of the panel's coding targets and pileups at its hotspots, from a BAM/CRAM of the VCF's build.
  static func measureCoverage(bam: String, view: PanelView, panel: Panel, options: RunOptions) throws -> CoverageReport {
    let reader = try AlignmentReader(path: bam, reference: options.reference)
    if let detected = try reader.detectedBuild(), detected.build != view.build {
      throw SarcoError.input("\(bam): the BAM is \(detected.build.rawValue) (@SQ lengths) but the VCF is \(view.build.rawValue)")
    }
    var coverageOptions = CoveragePipeline.Options()
    coverageOptions.threads = options.threads
    coverageOptions.reference = options.reference
    coverageOptions.thresholds = options.coverageThresholds
    return try CoveragePipeline.measurePanel(bam: bam, view: view, pad: panel.manifest.targetPadBases, options: coverageOptions)
  }

  /// `--genome` wins, unless the header's contig lengths prove the other build.
  static func decideBuild(reader: VCFReader, forced: GenomeBuild?) throws -> GenomeBuildDetector.Detection {
    guard let forced else { return try GenomeBuildDetector.detect(header: reader.header, fileName: reader.path) }
    if let detected = try? GenomeBuildDetector.detect(header: reader.header, fileName: reader.path),
      detected.evidence.hasPrefix("##contig lengths"), detected.build != forced
    {
      throw SarcoError.input(
        "\(reader.path): --genome \(forced.rawValue) given, but its \(detected.evidence); the VCF is \(detected.build.rawValue)")
    }
    return GenomeBuildDetector.Detection(build: forced, evidence: "given with --genome")
  }

  /// The panel's transcripts over the reference FASTA; refuses a FASTA without the panel's chromosomes.
  static func transcriptLibrary(reference path: String, view: PanelView) throws -> TranscriptLibrary {
    let fasta = try FastaReference(path: path)
    let wanted = Set(view.panel.genes.compactMap { $0.locus(on: view.build)?.span.contig }.map(ContigName.canonical))
    let present = Set(fasta.sequenceNames.map(ContigName.canonical))
    guard !wanted.isDisjoint(with: present) else {
      throw SarcoError.input(
        "\(path): none of the panel's chromosomes (\(wanted.sorted().prefix(5).joined(separator: ", "))...) are in this FASTA; its sequences are \(fasta.sequenceNames.prefix(5).joined(separator: ", "))")
    }
    return TranscriptLibrary(view: view, reference: fasta)
  }

  /// Splits and annotates a batch, in parallel when asked, keeping record order.
  static func annotate(
    _ records: [VCFRecord], decomposer: VariantDecomposer, view: PanelView, selector: ConsequenceSelector,
    library: TranscriptLibrary? = nil, threads: Int
  ) throws -> [[(reported: ReportedVariant, agreement: ReferenceAgreement)]] {
    @Sendable func annotateOne(_ record: VCFRecord) -> [(reported: ReportedVariant, agreement: ReferenceAgreement)] {
      decomposer.variants(from: record).map { variant in
        let hits = view.geneHits(for: variant)
        let agreement = library?.check(variant, hits: hits) ?? .unchecked
        var reported = ReportedVariant(
          variant: variant, genes: hits, hotspots: view.hotspots(for: variant),
          consequences: selector.consequences(for: variant, hits: hits, useReference: !agreement.isMismatch))
        if case .differs(let found) = agreement { reported.referenceMismatch = found }
        return (reported, agreement)
      }
    }
    return try ParallelShares.map(count: records.count, workers: threads) { _, share in records[share].map(annotateOne) }
  }

  static func baseName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

  /// `DIR/<id>.<suffix>`, without doubled slashes when DIR ends in `/`.
  public static func outputPath(_ directory: String, _ id: String, _ suffix: String) -> String {
    var trimmed = directory
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    return "\(trimmed)/\(id).\(suffix)"
  }

  /// Report file names keep letters, digits, `.`, `_` and `-`.
  public static func safeFileName(_ name: String) -> String {
    let cleaned = String(name.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
    return cleaned.isEmpty || cleaned.hasPrefix(".") ? "sample\(cleaned)" : cleaned
  }
}

/// ClinVar indexes by panel checksum and build, built once per process and
/// shared by every sample of a batch.
final class KnownVariantCache: @unchecked Sendable {
  static let shared = KnownVariantCache()
  private let lock = NSLock()
  private var indexes: [String: KnownVariantIndex] = [:]

  func index(for view: PanelView) -> KnownVariantIndex {
    let key = "\(view.panel.checksum)|\(view.build.rawValue)"
    lock.lock()
    defer { lock.unlock() }
    if let index = indexes[key] { return index }
    let index = KnownVariantIndex(view: view)
    indexes[key] = index
    return index
  }
}

/// A value computed on another thread while the main read goes on.
final class Background<Value>: @unchecked Sendable {
  private let group = DispatchGroup()
  private var result: Result<Value, Error>?

  init(_ work: @escaping @Sendable () throws -> Value) {
    DispatchQueue.global().async(group: group) { [self] in
      result = Result { try work() }
    }
  }

  /// Waits for the value; rethrows the work's error.
  func value() throws -> Value {
    group.wait()
    return try result!.get()
  }
}

/// Wall time of each phase of a run, for `--timings`.
struct PhaseClock {
  private(set) var phases: [(String, Double)] = []
  private var last = DispatchTime.now().uptimeNanoseconds

  mutating func mark(_ name: String) {
    let now = DispatchTime.now().uptimeNanoseconds
    phases.append((name, Double(now - last) / 1e9))
    last = now
  }

  mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    let now = DispatchTime.now().uptimeNanoseconds
    phases.append((name, Double(now - start) / 1e9))
    last = now
    return value
  }
}
