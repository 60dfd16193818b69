import ArgumentParser
import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoPipeline

extension Sarcopanel {
  struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "batch",
      abstract: "Run every sample of a sample sheet, several at a time, and write a cohort summary.",
      discussion: """
        The sample sheet is tab-separated with a header. Columns:
          sample       report id (unique; names the files)            required
          vcf          VCF/BCF, or the sample's files joined by commas  required
          bam          BAM/CRAM for coverage QC and hotspot reads     optional
          vcf_sample   tumour column of the VCF                       optional
          normal       matched normal column                          optional
          tumor_type   OncoTree code (GIST, ES, DDLS...)              optional
          sex          female, male or unknown (shown in the cohort)  optional
          sample_type  tumor (default) or germline                    optional
          fusions      fusion caller table (PCGR fusions.tsv)         optional
          cna          copy-number segments (PCGR cna.tsv)            optional
          age          age at diagnosis, years (as run --age)         optional
          genome       GRCh38 or GRCh37 (as run --genome)             optional

        Paths are relative to the sheet's folder. A vcf cell listing several files
        (nf-core/sarek's Strelka2 SNVs and indels) gives one report, their records
        merged by position as `run --vcf A --vcf B` merges them.

        A sheet with unknown columns, a missing or repeated sample id, or two ids that
        give the same report file names is refused before anything runs (one line per
        problem). A bad value in a row (sample_type blood, a tumor_type that is not one
        of the panel's OncoTree codes, any case) fails that sample only.

        Each sample gets the files `sarcopanel run` writes, in OUT/. A failing sample
        is reported with its error and the rest finish; the exit status is 1 when any
        failed. A rerun skips samples whose outputs exist and whose inputs, sheet row,
        panel and tool version are unchanged (--force redoes them). OUT/cohort.tsv and
        OUT/cohort.html hold QC and finding counts per sample and a samples-by-genes
        matrix of Tier I/II alterations; they are the same bytes for any --jobs.

        On a terminal a bar shows progress, rate and time left (--quiet: none); each
        failure is printed once, as it happens, and the summary names the failed samples.

        MultiQC: every sample's OUT/<sample>_mqc.json (QC and finding counts) and, for
        rows with a bam, its mosdepth-format coverage files (as `mosdepth -n --by
        targets.bed --thresholds` writes them) make `multiqc OUT` list every sample in
        its General Statistics table with sarcopanel's columns and mosdepth's coverage.

        --vcf-out-format vcf.gz (or vcf, bcf) also writes OUT/<sample>.annotated.vcf.gz, the
        annotated VCF of `sarcopanel run --vcf-out`; --maf writes OUT/<sample>.maf and
        OUT/cohort.maf, every sample that did not fail in sheet order under one header
        (what cBioPortal and maftools read).

        A row's report id is always its sample column (never a VCF column's or file's
        name), so Strelka2 rows, whose tumour column is TUMOR in every file, cannot
        overwrite each other. A row with sarek's two Strelka2 files (a tab between the
        two cells):
          sample  vcf
          T001    T001.strelka.somatic_snvs.vcf.gz,T001.strelka.somatic_indels.vcf.gz

        Examples:
          sarcopanel batch --samples samples.tsv --panel sarcoma -o results/ --jobs 2
          sarcopanel batch --samples samples.tsv -o results/ --vcf-out-format vcf.gz --maf
          multiqc results/ -o results/multiqc
        """)

    @Option(name: .long, help: ArgumentHelp("Sample sheet (TSV, see above).", valueName: "tsv"))
    var samples: String

    @OptionGroup var panelOptions: PanelOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Output directory (created if needed).", valueName: "dir"))
    var out: String

    @Option(name: [.short, .long], help: ArgumentHelp("Samples processed at the same time, 1-256 (memory grows with this, not with the sheet); above 1, the largest inputs start first.", valueName: "n"))
    var jobs: ThreadCount = ThreadCount(1)

    @Option(name: .customLong("threads-per-sample"), help: ArgumentHelp("Threads inside each sample's run, 1-256.", valueName: "n"))
    var threadsPerSample: ThreadCount = ThreadCount(1)

    @OptionGroup var genomeOptions: GenomeOptions

    @OptionGroup var referenceOptions: ReferenceOptions

    @OptionGroup var sharing: SharingOptions

    @Option(name: .customLong("vcf-out-format"), help: ArgumentHelp(
        "Also write each sample's annotated VCF (SP_* INFO fields) as OUT/<sample>.annotated.<format>: vcf, vcf.gz or bcf.",
        valueName: "format"))
    var vcfOutFormat: String?

    @Flag(name: .long, help: "Also write OUT/<sample>.maf per sample and OUT/cohort.maf (vcf2maf's columns).")
    var maf = false

    @Flag(name: .long, help: "Redo samples whose outputs are up to date.")
    var force = false

    @OptionGroup var log: LogOptions

    func validate() throws {
      if let vcfOutFormat, VariantOutputFormat(rawValue: vcfOutFormat) == nil {
        throw ValidationError("--vcf-out-format must be vcf, vcf.gz or bcf, found '\(vcfOutFormat)'")
      }
    }

    func run() throws {
      var options = BatchPipeline.Options(samplesPath: samples, panelPath: panelOptions.panel, outputDirectory: out)
      options.jobs = jobs.value
      options.threadsPerSample = threadsPerSample.value
      options.genome = genomeOptions.build
      options.force = force
      options.reference = referenceOptions.reference
      options.phenopacket = sharing.phenopacket
      options.pseudonymiseKeyFile = sharing.pseudonymise
      options.database = sharing.db
      options.recomputeConsequences = referenceOptions.recomputeConsequences
      options.vcfOutFormat = vcfOutFormat.flatMap(VariantOutputFormat.init(rawValue:))
      options.maf = maf
      // Options that cannot change results stay out of the reports, so --jobs 1 and 2 give the same bytes.
      options.commandLine = CommandLineRecord.recorded(
        CommandLine.arguments, valued: ["--threads-per-sample", "--jobs", "-j", "--log-level"], flags: ["--force", "--quiet", "-q"])
      let progress = BatchProgress(quiet: !log.says(.info))
      let outcome = try BatchPipeline.run(options) { result, done, total in progress.report(result, done: done, total: total) }
      progress.finish()
      let counts = Dictionary(grouping: outcome.results, by: \.status).mapValues(\.count)
      var summary = "sarcopanel: batch: \(outcome.results.count) samples: \(counts[.ok] ?? 0) run, \(counts[.skipped] ?? 0) up to date, \(counts[.failed] ?? 0) failed\n"
      if !outcome.failed.isEmpty {
        // Each failure's message was printed once as it happened; the summary names them.
        summary += "sarcopanel: batch: failed: \(outcome.failed.map(\.sample).joined(separator: ", "))\n"
      }
      summary += "sarcopanel: wrote \(outcome.cohortTSV) and \(outcome.cohortHTML)\n"
      if let cohortMAF = outcome.cohortMAF { summary += "sarcopanel: wrote \(cohortMAF)\n" }
      if let db = sharing.db, !outcome.imported.isEmpty {
        let counts = Dictionary(grouping: outcome.imported, by: \.result).mapValues(\.count)
        summary += "sarcopanel: \(db): \(counts[.added] ?? 0) samples added, \(counts[.replaced] ?? 0) replaced, \(counts[.unchanged] ?? 0) unchanged\n"
      }
      FileHandle.standardError.write(Data(summary.utf8))
      if !outcome.failed.isEmpty { throw ExitCode(1) }
    }
  }
}

/// A progress bar with rate and time left on a terminal, one line per sample otherwise; quiet: failures only.
/// Each failure's message is printed here, once.
final class BatchProgress: @unchecked Sendable {
  private let lock = NSLock()
  private let quiet: Bool
  private let terminal = isatty(STDERR_FILENO) == 1
  private var failed = 0
  private let start = Date()

  init(quiet: Bool) { self.quiet = quiet }

  func report(_ result: BatchPipeline.SampleResult, done: Int, total: Int) {
    lock.lock()
    defer { lock.unlock() }
    if result.status == .failed { failed += 1 }
    var text = ""
    if terminal && !quiet {
      let width = 30
      let filled = width * done / max(total, 1)
      let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      if result.status == .failed { text += "\r\u{1B}[Ksarcopanel: batch: FAILED \(result.sample): \(result.message ?? "")\n" }
      let elapsed = Date().timeIntervalSince(start)
      let perMinute = elapsed > 0 ? Double(done) / elapsed * 60 : 0
      let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
      text += "\r\u{1B}[K[\(bar)] \(done)/\(total) samples, \(failed) failed, \(String(format: "%.1f", perMinute))/min, \(Self.clock(left)) left"
    } else if !quiet || result.status == .failed {
      let seconds = String(format: "%.2f", result.seconds)
      text = "sarcopanel: batch: \(done)/\(total) \(result.sample) \(result.status.rawValue) (\(seconds) s)\(result.message.map { ": \($0)" } ?? "")\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
  }

  func finish() {
    if terminal && !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
  }

  /// `1:05:09`, `4:12`.
  static func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
    return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
  }
}
