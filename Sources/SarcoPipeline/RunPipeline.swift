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
/// 2. Open each VCF once (hashing it as it is read), decide its build (`--genome`
///    or header evidence), and refuse a panel that lacks that build.
/// 3. Pick tumour and normal columns (`RunInputs`: several files must agree on both).
/// 4. Read the records overlapping the panel (indexed or streamed; several files
///    merged by position, `MergedVCFReader`), then split,
///    trim and annotate them in batches across threads, keeping input order.
///    Invalid records are skipped and counted (refused with `--strict`),
///    repeated variants dropped and counted. Each batch's variants go straight
///    to the report files; only those the clinical reading can use stay in memory.
/// 5. Tier, classify and interpret (clinical section).
/// 6. Write `<id>.json`, `<id>.variants.tsv`, `<id>.findings.tsv` and `<id>.html`
///    (and the optional files) as one `AtomicFileSet`: all appear, or none.
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
    let store = try options.database.map { try CohortStore(path: $0) }
    // The panel loads while the VCF opens (htslib reads a large .tbi with the header); a panel
    // error is still the one reported when both fail.
    let panelPath = options.panelPath
    let loading = preloaded == nil ? Background(ownThread: true) { try PanelCache.load(directory: panelPath) } : nil
    let opening = Result { try RunInputs(options: options) }
    let panel = try preloaded ?? loading!.value()
    let tumourType = try options.tumorType.map {
      try panel.knowledge.tumourTypes.code(for: $0, panel: "\(panel.manifest.name) \(panel.manifest.version)")
    }
    clock.mark("load panel (while the VCF opens)")
    let inputs = try opening.get()
    let detection = inputs.detection
    guard panel.manifest.builds.contains(detection.build) else {
      throw SarcoError.input(
        "\(options.vcfPath): genome build mismatch: the VCF is \(detection.build.rawValue) (\(detection.evidence)) but panel \(panel.manifest.name) \(panel.manifest.version) is \(panel.manifest.builds.map(\.rawValue).joined(separator: "/")) only")
    }
    let view = try (views ?? PanelViews(panel: panel)).view(for: detection.build)
    let roles = inputs.roles
    for file in inputs.files {
      log("\(file.path): \(file.reader.format.rawValue), \(file.detection.build.rawValue) (\(file.detection.evidence))")
    }

    clock.mark("open VCF, decide build and samples")
    // ClinVar is indexed while the records are read (the input is hashed as it is read); a batch's
    // later samples find it made.
    let known = KnownVariantCache.shared.existingIndex(for: view).map(Background.done)
      ?? Background { KnownVariantCache.shared.index(for: view) }
    // Side tables are read before the VCF so a bad row fails fast.
    let fusionCalls = try options.fusionsPath.map(CallerTables.fusions(path:)) ?? []
    let segments = try options.copyNumberPath.map(CallerTables.segments(path:)) ?? []
    let decomposers = inputs.files.map { VariantDecomposer(header: $0.reader.header, roles: $0.selection.roles) }
    let validators = inputs.files.map { RecordValidator(header: $0.reader.header, build: detection.build) }
    let library = try options.reference.map { try transcriptLibrary(reference: $0, view: view) }
    let predictor = library.map(ConsequencePredictor.init(library:))
    let somaticIndex = view.somaticIndex
    let selector = ConsequenceSelector(
      view: view, predictor: predictor, recompute: options.recomputeConsequences, index: somaticIndex)
    let settings = ClinicalAssessor.Settings(
      sampleType: options.sampleType, tumourType: tumourType, useClinVarCriteria: options.useClinVarCriteria, age: options.age)

    let (sampleID, genericFallback) = try inputs.sampleID(given: options.sampleID)
    let jsonPath = outputPath(options.outputDirectory, sampleID, "json")
    let tsvPath = outputPath(options.outputDirectory, sampleID, "variants.tsv")
    let files = AtomicFileSet()
    let sections = try StreamedVariantSections(files: files, sampleID: sampleID, jsonPath: jsonPath, tsvPath: tsvPath)
    // However the run ends, the section writer stops before the file set can discard (close) its files.
    defer { withExtendedLifetime(files) { sections.waitForWriter() } }
    let exports = try AnnotatedExports(
      options: options, files: files, readers: inputs.readers, scratchBeside: jsonPath, view: view, sampleID: sampleID,
      normalSample: roles.normal, tumourType: tumourType)
    var relevance = ClinicalRelevance(view: view, settings: settings, known: { try known.value() })
    var kept: [ReportedVariant] = []
    var qc = QualityCounts()
    var genes: Set<String> = []
    var referenceCheck = ReferenceCheckTally()
    var disagreements = ExampleList()
    var screening = RecordScreening(paths: inputs.paths, strict: options.strict)
    let statistics = try inputs.read(
      regions: view.scanRegions, validators: validators, access: options.access, keepingText: exports?.needsRecordText ?? false,
      readAhead: options.threads > 1
    ) { merged in
      let (records, sources) = (merged.records, merged.sources)
      let annotated = try annotate(
        records, sources: sources, decomposers: decomposers, validators: validators, view: view, selector: selector,
        library: library, threads: options.threads)
      var batch: [ReportedVariant] = []
      batch.reserveCapacity(records.count)
      // By index, the records passed as they are: iterating the arrays zipped copied every record.
      for index in records.indices {
        let source = sources[index]
        let items: [AnnotatedVariant]
        switch annotated[index] {
        case .invalid(let reason):
          try screening.reject(records[index], source: source, reason: reason)
          try exports?.add(records[index], variants: [], reported: [])
          continue
        case .annotated(let all):
          screening.countUnobservedAlleles(records[index])
          items = screening.firstSightings(all, of: records[index], source: source) { $0.reported.variant }
          try exports?.add(records[index], variants: all.map(\.reported), reported: items.map(\.reported))
          if items.isEmpty && !all.isEmpty { continue }
        }
        qc.add(record: records[index])
        for item in items {
          qc.add(variant: item.reported.variant)
          referenceCheck.add(item.reported.variant, item.agreement)
          for hit in item.reported.genes { genes.insert(hit.gene) }
          for consequence in item.reported.consequences {
            if let difference = consequence.upstreamDisagreement {
              disagreements.add("\(item.reported.variant.key) \(consequence.gene): \(difference)")
            }
          }
          if try relevance.keeps(item.reported) { kept.append(item.reported) }
          batch.append(item.reported)
        }
      }
      try sections.append(batch, threads: options.threads)
    }
    qc.genesWithVariants = genes.count
    screening.count(into: &qc)
    var engineNotes: [String] = []
    if let library, let reference = options.reference {
      qc.referenceChecked = referenceCheck.checked
      qc.referenceMismatches = referenceCheck.mismatches.count
      try referenceCheck.verdict(vcf: options.vcfPath, fasta: reference)
      engineNotes = referenceCheck.notes(fasta: reference) + library.problems.sorted { $0.key < $1.key }.map {
        "\($0.key): consequences not computed from \(reference) (\($0.value)); derived from the panel's exons instead"
      }
      if disagreements.total > 0 {
        engineNotes.append(
          "\(disagreements.total) computed consequence(s) differ from the VCF's own annotation (upstreamDisagreement in the JSON): "
            + disagreements.examples.joined(separator: " | ") + (disagreements.total > disagreements.examples.count ? " | ..." : ""))
      }
    }
    clock.mark("read, parse and annotate records")
    var clinical = ClinicalAssessor(
      view: view, settings: settings, known: try known.value(), predictor: predictor, index: somaticIndex)
      .assess(kept, fusionCalls: fusionCalls, segments: segments)
    if let age = options.age {
      engineNotes.append("age at diagnosis \(age) years (--age): used by the age-dependent germline follow-up rules")
    }
    if let given = options.tumorType, let tumourType, given != tumourType {
      engineNotes.insert(
        "--tumor-type '\(given)' read as \(tumourType) (\(panel.knowledge.tumourTypes.name(of: tumourType) ?? tumourType))", at: 0)
    }
    if !engineNotes.isEmpty { clinical = clinical.adding(notes: engineNotes) }
    if !screening.notes.isEmpty { clinical = clinical.adding(notes: screening.notes) }
    clock.mark("tiers, classes, fusions, copy number, TMB")

    let measured = try options.bam.map { bam in try measureCoverage(bam: bam, view: view, panel: panel, options: options) }
    let coverage = measured?.report
    if let coverage {
      clock.mark("coverage and hotspot pileups")
      // Every variant over a hotspot position was kept (ClinicalRelevance).
      let uncalled = UncalledHotspots.find(pileups: coverage.hotspots, variants: kept.map(\.variant))
      if !uncalled.isEmpty { clinical = clinical.adding(notes: uncalled.map(UncalledHotspots.note)) }
      clinical.pertinentNegatives = PertinentNegatives.find(
        view: view, tumourType: tumourType, coverage: coverage, somatic: clinical.somatic)
    }
    var built = SampleReport(
      commandLine: options.commandLine,
      sample: SampleReport.Sample(
        id: sampleID, vcfSample: roles.tumor, normalSample: roles.normal,
        tumorType: tumourType),
      input: try clock.measure("wait for input SHA-256") { try inputs.reportInput(referenceFasta: options.reference.map(baseName)) },
      genomeBuild: detection,
      panel: SampleReport.PanelIdentity(
        name: panel.manifest.name, version: panel.manifest.version, checksum: panel.checksum, sources: panel.manifest.sources),
      qc: qc, variants: [], coverage: coverage, clinical: clinical)
    if options.provenance {
      func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
      built.provenance = SampleReport.Provenance(
        generatedAt: ISO8601DateFormatter().string(from: Date()), host: ProcessInfo.processInfo.hostName,
        inputPath: absolute(options.vcfPath), panelPath: absolute(options.panelPath),
        outputDirectory: absolute(options.outputDirectory))
    }
    let report = built
    // Only the phenopacket needs the kept variants from here on.
    if !options.phenopacket { kept = [] }
    // Each rendering goes to its file as it is made; the findings and HTML beside the JSON when there are threads to spare.
    let findingsFile = try files.create(outputPath(options.outputDirectory, sampleID, "findings.tsv"))
    let htmlFile = try files.create(outputPath(options.outputDirectory, sampleID, "html"))
    let renderOthers = { @Sendable in
      try findingsFile.writing { emit in FindingsTSV.write(report, emit: emit) }
      try htmlFile.writing { emit in HTMLReport.render(report, emit: emit) }
    }
    let others = options.threads > 1 ? Background(renderOthers) : nil
    try sections.writeJSON(report, into: try files.create(jsonPath))
    try others?.value() ?? renderOthers()
    clock.mark("render JSON, TSV, findings and HTML")
    if options.phenopacket {
      // The phenopacket names each finding's variant: all of them were kept in memory.
      let withFindings = SampleReport(
        tool: report.tool, commandLine: report.commandLine, sample: report.sample, input: report.input,
        genomeBuild: report.genomeBuild, panel: report.panel, qc: report.qc, variants: kept, coverage: report.coverage,
        clinical: report.clinical)
      let packet = PhenopacketTask.packet(for: withFindings, panel: panel, pseudonymiser: pseudonymiser)
      try files.write(packet.data, to: phenopacketPath(options.outputDirectory, sampleID))
    }
    if let coverage {
      try files.write(Data(CoverageTask.tsv(coverage).utf8), to: outputPath(options.outputDirectory, sampleID, "coverage.tsv"))
      try files.write(
        Data(CoverageTask.hotspotTSV(coverage.hotspots).utf8), to: outputPath(options.outputDirectory, sampleID, "hotspot_reads.tsv"))
    }
    if let mosdepth = measured?.mosdepth {
      try MosdepthTask.write(mosdepth, directory: options.outputDirectory, id: sampleID, into: files)
    }
    try files.write(MultiQCReport.json(report), to: multiQCPath(options.outputDirectory, sampleID))
    if let exports {
      try exports.finish(clinical: report.clinical)
      clock.mark("annotated VCF and MAF")
    }
    if genericFallback, let column = roles.tumor {
      try RunInputs.checkNotReplacingAnother(jsonPath: jsonPath, input: report.input, column: column)
    }
    try files.commit(keepingScratch: store != nil)
    clock.mark("write files")
    if preloaded == nil {
      // A single run's panel, view and readers: freed by the process's exit, not one by one (~4 ms).
      // A batch keeps its shared panel itself, and lets each sample's readers go.
      ExitTeardown.keep((panel, view, inputs))
    }
    if let store {
      defer { files.discard() }
      try StoreTask.importReport(
        report, jsonPath: jsonPath, store: store, pseudonymiser: pseudonymiser, variants: sections.forEachVariant)
      clock.mark("import into the cohort store")
    }
    var warnings: [String] = []
    if let reason = statistics.indexIgnored {
      warnings.append(inputs.files.count > 1 ? "\(reason); streamed instead" : "\(options.vcfPath): \(reason); streamed the whole file instead")
    }
    if genericFallback, let column = roles.tumor {
      warnings.append("the tumour column is the caller's generic name '\(column)' and the file name names no sample: the reports are named \(sampleID).*; give --sample-id to name them")
    }
    return RunOutcome(
      report: report, jsonPath: jsonPath, tsvPath: tsvPath, statistics: statistics, phases: clock.phases, warnings: warnings)
  }

  /// Coverage of the panel's coding targets and pileups at its hotspots, from a BAM/CRAM of the VCF's build,
  /// and the same targets' depth for mosdepth's file formats.
  static func measureCoverage(
    bam: String, view: PanelView, panel: Panel, options: RunOptions
  ) throws -> (report: CoverageReport, mosdepth: MosdepthCoverage) {
    let reader = try AlignmentReader(path: bam, reference: options.reference)
    if let detected = try reader.detectedBuild(), detected.build != view.build {
      throw SarcoError.input("\(bam): the BAM is \(detected.build.rawValue) (@SQ lengths) but the VCF is \(view.build.rawValue)")
    }
    var coverageOptions = CoveragePipeline.Options()
    coverageOptions.threads = options.threads
    coverageOptions.reference = options.reference
    coverageOptions.thresholds = options.coverageThresholds
    let pad = panel.manifest.targetPadBases
    return (
      try CoveragePipeline.measurePanel(bam: bam, view: view, pad: pad, options: coverageOptions),
      try MosdepthTask.measure(bam: bam, regions: view.codingTargets(pad: pad).map { ($0.interval, $0.name) }, options: coverageOptions)
    )
  }

  /// `--genome` wins when the header does not name the other build (or with `--force-genome`); else the header decides.
  static func decideBuild(reader: VCFReader, forced: GenomeBuild?, force: Bool = false) throws -> GenomeBuildDetector.Detection {
    guard let forced else { return try GenomeBuildDetector.detect(header: reader.header, fileName: reader.path) }
    return try GenomeBuildDetector.forced(forced, header: reader.header, fileName: reader.path, force: force)
  }

  /// The panel's transcripts over the reference FASTA; refuses a FASTA without the panel's chromosomes,
  /// or one whose chromosome ends before a panel gene does (another build, a truncated or subset FASTA).
  static func transcriptLibrary(reference path: String, view: PanelView) throws -> TranscriptLibrary {
    let fasta = try FastaReference(path: path)
    let loci = view.panel.genes.compactMap { gene in gene.locus(on: view.build).map { (gene.symbol, $0.span) } }
    let wanted = Set(loci.map { ContigName.canonical($0.1.contig) })
    let present = Set(fasta.sequenceNames.map(ContigName.canonical))
    guard !wanted.isDisjoint(with: present) else {
      throw SarcoError.input(
        "\(path): none of the panel's chromosomes (\(wanted.sorted().prefix(5).joined(separator: ", "))...) are in this FASTA; its sequences are \(fasta.sequenceNames.prefix(5).joined(separator: ", "))")
    }
    for (symbol, span) in loci.sorted(by: { $0.1 < $1.1 }) {
      if let length = fasta.length(contig: span.contig), length < span.end {
        throw SarcoError.input(
          "\(path): contig \(span.contig) is \(length) bases long, but the panel's \(symbol) reaches \(span.contig):\(span.end) (a FASTA of another build, or a truncated or subset one?)")
      }
    }
    return TranscriptLibrary(view: view, reference: fasta)
  }

  /// One variant of a record, annotated, with how its REF compares with the reference FASTA.
  struct AnnotatedVariant {
    var reported: ReportedVariant
    let agreement: ReferenceAgreement
  }

  /// A record's annotation, or why it was not annotated.
  enum RecordAnnotation {
    case invalid(String)
    case annotated([AnnotatedVariant])
  }

  /// Validates, splits and annotates a batch, in parallel when asked, keeping record order.
  static func annotate(
    _ records: [VCFRecord], decomposer: VariantDecomposer, validator: RecordValidator, view: PanelView,
    selector: ConsequenceSelector, library: TranscriptLibrary? = nil, threads: Int
  ) throws -> [RecordAnnotation] {
    try annotate(
      records, sources: nil, decomposers: [decomposer], validators: [validator], view: view, selector: selector,
      library: library, threads: threads)
  }

  /// The same for records of several files: `sources[i]` names the file (its decomposer and validator) of `records[i]`.
  static func annotate(
    _ records: [VCFRecord], sources: [Int]?, decomposers: [VariantDecomposer], validators: [RecordValidator],
    view: PanelView, selector: ConsequenceSelector, library: TranscriptLibrary? = nil, threads: Int
  ) throws -> [RecordAnnotation] {
    @Sendable func annotateOne(_ record: VCFRecord, source: Int) -> RecordAnnotation {
      let (decomposer, validator) = (decomposers[source], validators[source])
      if let problem = validator.problem(record) { return .invalid(problem) }
      let variants = decomposer.variants(from: record)
      if let problem = variants.lazy.compactMap(validator.problem).first { return .invalid(problem) }
      return .annotated(
        variants.map { variant in
          let hits = view.geneHits(for: variant)
          let agreement = library?.check(variant, hits: hits) ?? .unchecked
          var reported = ReportedVariant(
            variant: variant, genes: hits, hotspots: view.hotspots(for: variant),
            consequences: selector.consequences(for: variant, hits: hits, useReference: !agreement.isMismatch))
          if case .differs(let found) = agreement { reported.referenceMismatch = found }
          return AnnotatedVariant(reported: reported, agreement: agreement)
        })
    }
    return try ParallelShares.map(count: records.count, workers: threads) { _, share in
      share.map { annotateOne(records[$0], source: sources?[$0] ?? 0) }
    }
  }

  /// The file name without folders; `stdin` for `-`.
  static func baseName(_ path: String) -> String { path == "-" ? "stdin" : URL(fileURLWithPath: path).lastPathComponent }

  /// `DIR/<id>.<suffix>`, without doubled slashes when DIR ends in `/`.
  public static func outputPath(_ directory: String, _ id: String, _ suffix: String) -> String {
    var trimmed = directory
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    return "\(trimmed)/\(id).\(suffix)"
  }

  /// `DIR/<id>_mqc.json`: MultiQC picks up custom content by the `_mqc` ending.
  public static func multiQCPath(_ directory: String, _ id: String) -> String {
    outputPath(directory, id + multiQCNameSuffix, "json")
  }

  /// `DIR/<id>.phenopacket.json`.
  public static func phenopacketPath(_ directory: String, _ id: String) -> String {
    outputPath(directory, id + phenopacketNameSuffix, "json")
  }

  static let multiQCNameSuffix = "_mqc"
  static let phenopacketNameSuffix = ".phenopacket"

  /// What a sample's MultiQC file and phenopacket add to its report name before `.json`
  /// (`S_mqc.json`, `S.phenopacket.json`): a batch refuses ids that would share one of them.
  public static let derivedNameSuffixes = [multiQCNameSuffix, phenopacketNameSuffix]

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

  private func key(_ view: PanelView) -> String { "\(view.panel.checksum)|\(view.build.rawValue)" }

  /// The index when it is built already; nil also while another thread builds it (which holds the
  /// lock: waiting for it here would block the caller, where `index(for:)` waits on the side).
  func existingIndex(for view: PanelView) -> KnownVariantIndex? {
    guard lock.try() else { return nil }
    defer { lock.unlock() }
    return indexes[key(view)]
  }

  func index(for view: PanelView) -> KnownVariantIndex {
    let key = key(view)
    lock.lock()
    defer { lock.unlock() }
    if let index = indexes[key] { return index }
    let index = KnownVariantIndex(view: view)
    indexes[key] = index
    return index
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
