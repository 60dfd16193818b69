import ArgumentParser
import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoPipeline

extension Sarcopanel {
  struct FusionEvidence: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fusion-evidence",
      abstract: "Count reads joining fusion partner regions in a BAM/CRAM: discordant pairs, split reads, clipped-read breakpoints.",
      discussion: """
        Checks every panel fusion whose two partners are panel genes (gene spans
        plus 1 kb), and any region pair given with --pair. Writes
        OUT/<id>.fusion_evidence.tsv. Fusions with any partner (GENE::*) need
        partner discovery and are not checked yet.

        Examples:
          sarcopanel fusion-evidence --bam tumour.bam --panel sarcoma --out results/
          sarcopanel fusion-evidence --bam t.bam --out qc/ \\
            --pair 8:107652900-107654000,11:94987372-94988372
        """)

    @Option(name: .long, help: ArgumentHelp("Indexed BAM or CRAM.", valueName: "file"))
    var bam: String

    @Option(name: [.customShort("p"), .long], help: ArgumentHelp("Panel (a name such as sarcoma, or a folder) whose fusions are checked.", valueName: "name|dir"))
    var panel: String?

    @Option(name: .long, help: ArgumentHelp("A region pair CONTIG:START-END,CONTIG:START-END (repeatable).", valueName: "pair"))
    var pair: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Output directory.", valueName: "dir"))
    var out: String

    @Option(name: .customLong("sample-id"), help: ArgumentHelp("Name for the output file (default: the BAM's name).", valueName: "id"))
    var sampleID: String?

    @OptionGroup var genomeOptions: GenomeOptions

    @Option(name: .long, help: ArgumentHelp("FASTA a CRAM was written against.", valueName: "fasta"))
    var reference: String?

    @OptionGroup var threadOptions: ThreadOptions

    func validate() throws {
      if panel == nil && pair.isEmpty { throw ValidationError("give --panel, --pair, or both") }
      for text in pair where FusionEvidenceTask.parsePair(text) == nil {
        throw ValidationError("--pair must look like 8:107652900-107654000,11:94987372-94988372, found '\(text)'")
      }
    }

    func run() throws {
      try AtomicFile.prepareDirectory(out)
      var candidates = pair.compactMap(FusionEvidenceTask.parsePair)
      if let panel {
        let loaded = try PanelCache.load(directory: panel)
        var build = genomeOptions.build
        if build == nil {
          let reader = try AlignmentReader(path: bam, reference: reference)
          build = try reader.detectedBuild()?.build
        }
        guard let build else { throw SarcoError.input("\(bam): cannot tell the genome build from its @SQ lengths; pass --genome") }
        candidates += FusionEvidenceTask.panelCandidates(loaded, build: build)
      }
      let results = try FusionEvidenceTask.measure(bam: bam, candidates: candidates, reference: reference, threads: threadOptions.threads.value)
      let id = RunPipeline.safeFileName(sampleID ?? URL(fileURLWithPath: bam).deletingPathExtension().lastPathComponent)
      let path = RunPipeline.outputPath(out, id, "fusion_evidence.tsv")
      try AtomicFile.write(FusionEvidenceTask.tsv(results), to: path)
      let supported = results.filter { $0.evidence.supportingFragments > 0 }
      FileHandle.standardError.write(Data("""
        sarcopanel: \(results.count) candidate junctions, \(supported.count) with discordant or split reads
        sarcopanel: wrote \(path)

        """.utf8))
    }
  }
}
