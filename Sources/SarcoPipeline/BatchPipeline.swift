import Dispatch
import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoReports
import SarcoStore

/// `sarcopanel batch`: every sample of a sheet through `RunPipeline`, several
/// at a time, then a cohort summary.
///
/// - The panel and its ClinVar index are loaded once and shared.
/// - At most `jobs` samples are in memory at once (workers pull the next row).
/// - A failing sample is recorded with its error; the others go on.
/// - A sample whose outputs exist and whose fingerprint (tool version, panel
///   checksum, sheet row, size and modification time of each input) matches
///   the stamp of its last successful run is skipped, unless `force`.
/// - The cohort files are built from the JSON reports in sheet order, so they
///   are the same bytes for any `jobs`.
public enum BatchPipeline {
  public struct Options: Sendable {
    public var samplesPath: String
    public var panelPath: String
    public var outputDirectory: String
    public var jobs = 1
    public var threadsPerSample = 1
    public var force = false
    public var commandLine: [String] = []
    /// One reference FASTA for every sample (consequences, REF checks, CRAM).
    public var reference: String?
    public var recomputeConsequences = false
    /// Also a phenopacket per sample, pseudonymised with this key file when given.
    public var phenopacket = false
    public var pseudonymiseKeyFile: String?
    /// Cohort store (SQLite) to import every successful sample into, in sheet order.
    public var database: String?
    /// The genome build for every sample whose row has no `genome` (default: from each VCF's header).
    public var genome: GenomeBuild?
    /// Also `<id>.annotated.<format>` per sample (the annotated VCF/BCF of `run --vcf-out`).
    public var vcfOutFormat: VariantOutputFormat?
    /// Also `<id>.maf` per sample and `cohort.maf` for the batch.
    public var maf = false

    public init(samplesPath: String, panelPath: String, outputDirectory: String) {
      self.samplesPath = samplesPath
      self.panelPath = panelPath
      self.outputDirectory = outputDirectory
    }
  }

  public struct SampleResult: Sendable, Equatable {
    public enum Status: String, Sendable { case ok, skipped, failed }
    public let sample: String
    public let status: Status
    public let message: String?
    public let seconds: Double
  }

  public struct Outcome: Sendable {
    /// In sample-sheet order.
    public let results: [SampleResult]
    public let cohortTSV: String
    public let cohortHTML: String
    /// What `--db` did with each imported sample, in sheet order.
    public var imported: [StoreTask.Imported] = []
    /// `cohort.maf`, with `--maf`.
    public var cohortMAF: String?
    public var failed: [SampleResult] { results.filter { $0.status == .failed } }
  }

  /// Report files every successful sample has.
  static let outputSuffixes = ["json", "variants.tsv", "findings.tsv", "html"]

  public static func run(_ options: Options, progress: @escaping @Sendable (SampleResult, Int, Int) -> Void = { _, _, _ in })
    throws -> Outcome
  {
    let sheet = try SampleSheet(
      path: options.samplesPath, reportName: RunPipeline.safeFileName, derivedSuffixes: RunPipeline.derivedNameSuffixes)
    try AtomicFile.prepareDirectory(options.outputDirectory)
    let stampDirectory = "\(options.outputDirectory)/.sarcopanel-batch"
    try AtomicFile.prepareDirectory(stampDirectory)
    // The second worker's thread is made while the panel loads: made when the workers start, it began
    // its first sample ~2 ms after the first worker (placed on its creator's busy core first).
    if options.jobs > 1 { DispatchQueue.global().async {} }
    let panel = try PanelCache.load(directory: options.panelPath)
    let views = PanelViews(panel: panel)
    // Freed by the process's exit, not one object at a time after the last sample (~3 ms on one core).
    ExitTeardown.keep(views)
    // Open (and migrate) the store before any work, so a bad path fails fast.
    let store = try options.database.map { try CohortStore(path: $0) }

    let entries = sheet.entries
    let results = WorkerSlots<(SampleResult, CohortRow?)>(count: entries.count)
    let order = workOrder(entries, jobs: options.jobs)
    let next = Counter()
    let done = Counter()
    DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, entries.count))) { _ in
      while let place = next.take(below: entries.count) {
        let index = order[place]
        let (result, row) = runOne(entries[index], views: views, options: options, stampDirectory: stampDirectory)
        results[index] = (result, row)
        progress(result, done.increment(), entries.count)
      }
    }
    let ordered = (0..<entries.count).map { results[$0]!.0 }
    // The cohort summary uses the rows made as each sample finished instead of reading each JSON back.
    var made: [String: CohortRow] = [:]
    for index in 0..<entries.count {
      if let row = results.take(index)?.1 { made[entries[index].id] = row }
    }

    let failures = Dictionary(
      zip(entries, ordered).filter { $0.1.status == .failed }.map { ($0.0.id, $0.1.message ?? "failed") },
      uniquingKeysWith: { first, _ in first })
    let (cohortTSV, cohortHTML) = try CohortTask.write(
      sheet: sheet, reportsIn: options.outputDirectory, failures: failures,
      panel: "\(panel.manifest.name) \(panel.manifest.version)", workers: options.jobs, made: made)
    var outcome = Outcome(results: ordered, cohortTSV: cohortTSV, cohortHTML: cohortHTML)
    if options.maf {
      let succeeded = zip(entries, ordered).filter { $0.1.status != .failed }.map(\.0.id)
      outcome.cohortMAF = try CohortMAF.write(sampleIDs: succeeded, directory: options.outputDirectory)
    }
    if let store {
      let reports = zip(entries, ordered).filter { $0.1.status != .failed }.map {
        RunPipeline.outputPath(options.outputDirectory, RunPipeline.safeFileName($0.0.id), "json")
      }
      outcome.imported = try StoreTask.importReports(reports, store: store, keyFile: options.pseudonymiseKeyFile)
    }
    return outcome
  }

  /// Cores this process may use, read once (Foundation reads the cgroup's files on every call).
  static let cores = ProcessInfo.processInfo.activeProcessorCount

  /// The order workers take the samples in: the sheet's for one worker; for several, the largest
  /// inputs first (ties in sheet order), so that a large sample does not start last and run alone
  /// while the other workers idle (longest first). Reports and cohort files keep the sheet's order.
  static func workOrder(_ entries: [SampleSheet.Entry], jobs: Int) -> [Int] {
    guard jobs > 1 else { return Array(entries.indices) }
    let sizes = entries.map { entry in
      (entry.vcfs + [entry.bam].compactMap { $0 }).reduce(0) { $0 + (FileStatus(path: $1)?.size ?? 0) }
    }
    return entries.indices.sorted { (-sizes[$0], $0) < (-sizes[$1], $1) }
  }

  /// One sample: its result, and its cohort summary row when it ran.
  static func runOne(_ entry: SampleSheet.Entry, views: PanelViews, options: Options, stampDirectory: String)
    -> (SampleResult, CohortRow?)
  {
    let panel = views.panel
    let start = DispatchTime.now().uptimeNanoseconds
    func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    let name = RunPipeline.safeFileName(entry.id)
    let stamp = "\(stampDirectory)/\(name).done"
    do {
      if let problem = entry.problem { throw SarcoError.input(problem) }
      // A misspelt tumour type fails its sample (not quietly "another tumour type"), naming the nearest codes.
      let tumourType = try entry.tumourType.map { given in
        do {
          return try panel.knowledge.tumourTypes.code(for: given, panel: panel.manifest.name, given: "column 'tumor_type':")
        } catch let error as SarcoError {
          throw SarcoError.input("\(options.samplesPath):\(entry.line): \(error.message)")
        }
      }
      let fingerprint = self.fingerprint(entry, panel: panel, reference: options.reference)
      let suffixes = outputSuffixes + exportSuffixes(options)
      let outputs = suffixes.map { RunPipeline.outputPath(options.outputDirectory, name, $0) }
        + [RunPipeline.multiQCPath(options.outputDirectory, name)]
        + (options.phenopacket ? [RunPipeline.phenopacketPath(options.outputDirectory, name)] : [])
        + (entry.bam == nil ? [] : MosdepthTask.paths(directory: options.outputDirectory, id: name))
      if !options.force, (try? String(contentsOfFile: stamp, encoding: .utf8)) == fingerprint,
        outputs.allSatisfy(FileManager.default.fileExists)
      {
        return (SampleResult(sample: entry.id, status: .skipped, message: "outputs up to date", seconds: elapsed()), nil)
      }
      try? FileManager.default.removeItem(atPath: stamp)
      var run = RunOptions(
        vcfPath: entry.vcf, panelPath: options.panelPath, outputDirectory: options.outputDirectory, sample: entry.vcfSample,
        normal: entry.normal, tumorType: tumourType, sampleID: entry.id, threads: options.threadsPerSample,
        commandLine: options.commandLine + ["(sample \(entry.id))"])
      run.vcfPaths = entry.vcfs
      run.checkIndexAhead = options.jobs * options.threadsPerSample < cores
      run.bam = entry.bam
      run.genome = entry.genome ?? options.genome
      run.reference = options.reference
      run.recomputeConsequences = options.recomputeConsequences
      run.phenopacket = options.phenopacket
      run.pseudonymiseKeyFile = options.pseudonymiseKeyFile
      run.sampleType = ClinicalAssessor.SampleType(rawValue: entry.sampleType) ?? .tumor
      run.fusionsPath = entry.fusions
      run.copyNumberPath = entry.copyNumber
      run.age = entry.age
      run.vcfOutPath = options.vcfOutFormat.map { RunPipeline.outputPath(options.outputDirectory, name, "annotated.\($0.rawValue)") }
      run.mafPath = options.maf ? RunPipeline.outputPath(options.outputDirectory, name, "maf") : nil
      let outcome = try RunPipeline.run(run, panel: panel, views: views)
      // Not forced to disk: a stamp lost or emptied by a crash matches no fingerprint, and the sample runs
      // again (its reports were forced to disk before the stamp was written). One fsync a sample fewer.
      try AtomicFile.writeAll([(Data(fingerprint.utf8), stamp)], forcedToDisk: false)
      let clinical = outcome.report.clinical
      let summary = "\(outcome.report.qc.variants) variants, \(clinical?.somatic.count ?? 0) somatic findings, \(clinical?.germline.count ?? 0) germline"
        + outcome.warnings.map { "; warning: \($0)" }.joined()
      return (
        SampleResult(sample: entry.id, status: .ok, message: summary, seconds: elapsed()),
        CohortRow(sample: entry.id, status: "ok", error: nil, report: outcome.report, sex: entry.sex)
      )
    } catch {
      let message = (error as? SarcoError)?.message ?? "\(error)"
      return (SampleResult(sample: entry.id, status: .failed, message: message, seconds: elapsed()), nil)
    }
  }

  /// The annotated VCF's and the MAF's suffixes, when asked for.
  static func exportSuffixes(_ options: Options) -> [String] {
    (options.vcfOutFormat.map { ["annotated.\($0.rawValue)"] } ?? []) + (options.maf ? ["maf"] : [])
  }

  /// What a rerun compares: tool, panel, the sheet row and each input's size and modification time.
  static func fingerprint(_ entry: SampleSheet.Entry, panel: Panel, reference: String? = nil) -> String {
    var parts = ["sarcopanel \(SarcopanelVersion.current)", "panel \(panel.checksum)"] + entry.fields
    for path in entry.vcfs + [entry.bam, entry.fusions, entry.copyNumber, reference].compactMap({ $0 }) {
      let status = FileStatus(path: path)
      parts.append("\(path) \(status?.size ?? -1) \(status?.modified ?? -1)")
    }
    return FileDigest.sha256(of: Data(parts.joined(separator: "\n").utf8)) + "\n"
  }
}

/// A shared counter for workers pulling rows.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  /// The next index below `limit`, or nil when all are taken.
  func take(below limit: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard value < limit else { return nil }
    value += 1
    return value - 1
  }

  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
