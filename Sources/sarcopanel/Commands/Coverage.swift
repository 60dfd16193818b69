import ArgumentParser
import Foundation
import HTS
import SarcoCore
import SarcoPipeline

extension Sarcopanel {
  struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "coverage",
      abstract: "Per-exon coverage QC of a BAM/CRAM over the panel's targets, counted as mosdepth counts.",
      discussion: """
        Writes OUT/<id>.coverage.tsv (per target: mean, median, % of bases at or
        above each threshold) and OUT/<id>.coverage.json (targets, per-gene roll-up,
        failing targets, sample verdict). Reads are filtered as mosdepth does by
        default (unmapped, secondary, QC-fail and duplicate reads skipped) and
        overlapping mates of a proper pair count once; --fast-mode counts whole
        read spans without mate correction, like mosdepth --fast-mode.

        Also writes mosdepth's own files, byte for byte what `mosdepth -n --by
        targets.bed --thresholds T` writes for the same targets (the panel's are
        `panel bed --kind targets`), so MultiQC's mosdepth module reads them:
        OUT/<id>.regions.bed.gz and OUT/<id>.thresholds.bed.gz (each with a .csi
        index), OUT/<id>.mosdepth.region.dist.txt, OUT/<id>.mosdepth.global.dist.txt
        and OUT/<id>.mosdepth.summary.txt (the last two cover every contig with
        reads, so the whole BAM is read once). All files appear together or not at all.

        Examples:
          sarcopanel coverage --bam tumour.bam --panel sarcoma --out results/
          sarcopanel coverage --bam s.cram --reference GRCh38.fa --bed targets.bed --out qc/
        """)

    @Option(name: .long, help: ArgumentHelp("Indexed BAM or CRAM.", valueName: "file"))
    var bam: String

    @OptionGroup var panelOptions: PanelOptions

    @Option(name: .long, help: ArgumentHelp("BED of targets instead of the panel's exons.", valueName: "file"))
    var bed: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Output directory.", valueName: "dir"))
    var out: String

    @Option(name: .customLong("sample-id"), help: ArgumentHelp("Name for the output files (default: the BAM's name).", valueName: "id"))
    var sampleID: String?

    @OptionGroup var genomeOptions: GenomeOptions

    @Option(name: .long, help: ArgumentHelp("FASTA a CRAM was written against.", valueName: "fasta"))
    var reference: String?

    @Option(name: .long, help: ArgumentHelp("Depth thresholds, comma-separated.", valueName: "list"))
    var thresholds: String = "100,250,500"

    @Option(name: .customLong("min-fraction"), help: "Fraction of target bases that must reach the lowest threshold for a pass.")
    var minimumFraction: Double = 0.95

    @Option(name: .long, help: "Skip reads with mapping quality below this.")
    var mapq: Int = 0

    @Option(name: .long, help: ArgumentHelp("Bases added on each side of coding exons (default from panel.json).", valueName: "bases"))
    var pad: Int?

    @Flag(name: .customLong("fast-mode"), help: "Count whole read spans, no CIGAR or mate-overlap handling.")
    var fastMode = false

    @OptionGroup var threadOptions: ThreadOptions

    func validate() throws {
      if parsedThresholds == nil { throw ValidationError("--thresholds must be positive integers separated by commas, found '\(thresholds)'") }
      if !(0...1).contains(minimumFraction) { throw ValidationError("--min-fraction must be between 0 and 1") }
      if mapq < 0 { throw ValidationError("--mapq must be 0 or more") }
    }

    var parsedThresholds: [Int]? {
      let values = thresholds.split(separator: ",").map { Int($0) }
      guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
      return values.compactMap { $0 }.sorted()
    }

    func run() throws {
      var request = CoverageTask.Request(bam: bam, panel: panelOptions.panel, bed: bed, outputDirectory: out)
      request.sampleID = sampleID
      request.genome = genomeOptions.build
      request.pad = pad
      request.options.thresholds = parsedThresholds ?? [100, 250, 500]
      request.options.minimumFraction = minimumFraction
      request.options.counting = DepthCounter.Options(minimumMappingQuality: mapq, fastMode: fastMode)
      request.options.threads = threadOptions.threads.value
      request.options.reference = reference
      let outcome = try CoverageTask.run(request)
      let report = outcome.report
      FileHandle.standardError.write(Data("""
        sarcopanel: \(report.targets.count) targets, verdict \(report.verdict) (\(report.failingTargets.count) below \(report.thresholds[0])x in more than \(Int(((1 - report.minimumFraction) * 100).rounded()))% of bases)
        sarcopanel: wrote \(outcome.tsvPath)
        sarcopanel: wrote \(outcome.jsonPath)
        sarcopanel: wrote mosdepth's files: \(outcome.mosdepthPaths.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))

        """.utf8))
    }
  }
}
