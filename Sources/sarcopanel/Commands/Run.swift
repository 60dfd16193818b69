import ArgumentParser
import Foundation
import HTS
import SarcoCore
import SarcoPipeline

extension Sarcopanel {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Annotate one sample's VCF/BCF against a panel and write its reports.",
      discussion: """
        Writes OUT/<sample>.json (versioned schema, same bytes at any --threads) and
        OUT/<sample>.variants.tsv (one row per variant and panel gene). Files appear
        complete or not at all.

        Only records overlapping the panel's genes (plus the panel's flank) are parsed.
        With a .tbi/.csi index beside the VCF the reader seeks to them; without one it
        streams the file and decides from CHROM/POS alone. Both give identical reports.

        The genome build comes from ##contig lengths, then ##reference/liftover
        header lines, then the file name; --genome overrides, unless ##contig
        lengths prove the other build.

        Examples:
          sarcopanel run --vcf T001.grch38.vcf.gz --panel panels/sarcoma --out results/
          sarcopanel run --vcf pair.vcf.gz --sample TUMOR --normal NORMAL \\
            --tumor-type GIST --panel panels/sarcoma --out results/ --threads 4
        """)

    @Option(name: .long, help: ArgumentHelp("VCF, bgzipped VCF or BCF to read.", valueName: "file"))
    var vcf: String

    @Option(name: .long, help: ArgumentHelp("Panel folder (with panel.json).", valueName: "dir"))
    var panel: String = "panels/sarcoma"

    @Option(name: .long, help: ArgumentHelp("Output directory (created if needed).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Tumour (or only) sample column; needed when the VCF has several samples and names neither via ##tumor_sample nor TUMOR.", valueName: "name"))
    var sample: String?

    @Option(name: .long, help: ArgumentHelp("Matched normal sample column.", valueName: "name"))
    var normal: String?

    @Option(name: .customLong("tumor-type"), help: ArgumentHelp("OncoTree code of the tumour (e.g. GIST, ES, DDLS).", valueName: "code"))
    var tumorType: String?

    @Option(name: .customLong("sample-id"), help: ArgumentHelp("Name for the report files (default: the sample column's name).", valueName: "id"))
    var sampleID: String?

    @Option(name: .long, help: ArgumentHelp("Force the genome build: GRCh38 or GRCh37.", valueName: "build"))
    var genome: String?

    @Option(name: .long, help: ArgumentHelp("Record access: auto (index when present), stream, or index.", valueName: "mode"))
    var access: String = "auto"

    @Option(name: .long, help: ArgumentHelp("Indexed BAM/CRAM of the tumour: adds coverage QC of the panel's exons and read counts at every hotspot.", valueName: "file"))
    var bam: String?

    @Option(name: .long, help: ArgumentHelp("FASTA the BAM/CRAM was aligned to (needed for CRAM; gives hotspot reference bases).", valueName: "fasta"))
    var reference: String?

    @Option(name: .long, help: "Threads for decompression, parsing and annotation.")
    var threads: Int = 1

    @Flag(name: .long, help: "Print no summary on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Print the wall time of each phase on stderr.")
    var timings = false

    func validate() throws {
      if threads < 1 || threads > 256 { throw ValidationError("--threads must be between 1 and 256, found \(threads)") }
      if let genome, GenomeBuild(userSpelling: genome) == nil {
        throw ValidationError("--genome must be GRCh38 or GRCh37 (or hg38/hg19), found '\(genome)'")
      }
      if accessMode == nil { throw ValidationError("--access must be auto, stream or index, found '\(access)'") }
    }

    var accessMode: VCFReader.Access? {
      switch access {
      case "auto": return .automatic
      case "stream": return .stream
      case "index": return .index
      default: return nil
      }
    }

    func run() throws {
      var options = RunOptions(
        vcfPath: vcf, panelPath: panel, outputDirectory: out, sample: sample, normal: normal, tumorType: tumorType,
        sampleID: sampleID, genome: genome.flatMap(GenomeBuild.init(userSpelling:)), threads: threads,
        access: accessMode ?? .automatic, commandLine: CommandLineRecord.withoutThreads(CommandLine.arguments))
      options.bam = bam
      options.reference = reference
      let outcome = try RunPipeline.run(options) { message in
        if !quiet { FileHandle.standardError.write(Data("sarcopanel: \(message)\n".utf8)) }
      }
      if !quiet {
        let qc = outcome.report.qc
        let stats = outcome.statistics
        let summary = """
          sarcopanel: \(stats.access == .index ? "indexed" : "streamed"): \(stats.recordsScanned) records read, \(stats.recordsParsed) parsed, \(qc.panelRecords) in panel regions
          sarcopanel: \(qc.variants) variants (\(qc.passingFilters) PASS) in \(qc.genesWithVariants) panel genes
          sarcopanel: wrote \(outcome.jsonPath)
          sarcopanel: wrote \(outcome.tsvPath)\(outcome.report.coverage.map { "\nsarcopanel: coverage verdict \($0.verdict): \($0.failingTargets.count) of \($0.targets.count) exons below \($0.thresholds.first ?? 0)x in more than \(Int(((1 - $0.minimumFraction) * 100).rounded()))% of bases" } ?? "")

          """
        FileHandle.standardError.write(Data(summary.utf8))
      }
      if timings {
        let lines = outcome.phases.map { "sarcopanel: timing: \($0.0): \(String(format: "%.3f", $0.1)) s" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
      }
    }
  }
}

/// The command line as reports record it.
enum CommandLineRecord {
  /// Drops `--threads N` / `--threads=N` (results do not depend on it) and the
  /// executable's directory.
  static func withoutThreads(_ arguments: [String]) -> [String] {
    var result: [String] = []
    var skipNext = false
    for (index, argument) in arguments.enumerated() {
      if skipNext {
        skipNext = false
        continue
      }
      if index == 0 {
        result.append("sarcopanel")
        continue
      }
      if argument == "--threads" {
        skipNext = true
        continue
      }
      if argument.hasPrefix("--threads=") { continue }
      result.append(argument)
    }
    return result
  }
}
