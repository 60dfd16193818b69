import ArgumentParser
import Foundation
import SarcoCore
import SarcoPipeline

extension Sarcopanel {
  struct Consequences: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "consequences",
      abstract: "Compute consequences and HGVS of a VCF's alleles on the panel's transcripts from a reference FASTA.",
      discussion: """
        One TSV row per allele and panel gene: Sequence Ontology terms (most
        severe first, VEP's order), c./n. HGVS with intronic offsets and UTR
        positions, p. HGVS in three-letter form (predicted, so in parentheses),
        exon or intron number. Indels are shifted 3' in transcript orientation
        before they are named and judged, as HGVS requires. Every REF is checked
        against the FASTA (reference_check column). When the VCF carries VEP CSQ,
        snpEff ANN or bcftools BCSQ, the 'upstream' column says where they differ.

        The same engine annotates `sarcopanel run --reference` reports.

        Examples:
          sarcopanel consequences --vcf raw.vcf.gz --reference GRCh38.fa.gz
          sarcopanel consequences --vcf clinvar.vcf.gz --panel hereditary \\
            --reference GRCh38.fa.gz --out clinvar.consequences.tsv
        """)

    @Option(name: .long, help: ArgumentHelp("VCF, bgzipped VCF or BCF to read.", valueName: "file"))
    var vcf: String

    @OptionGroup var panelOptions: PanelOptions

    @Option(name: .long, help: ArgumentHelp("Reference FASTA of the VCF's build, indexed (.fai, and .gzi when bgzipped).", valueName: "fasta"))
    var reference: String

    @OptionGroup var genomeOptions: GenomeOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write the TSV here (atomically) instead of stdout.", valueName: "file"))
    var out: String?

    @OptionGroup var threadOptions: ThreadOptions

    func run() throws {
      var options = ConsequenceTask.Options(vcfPath: vcf, panelPath: panelOptions.panel, referencePath: reference)
      options.genome = genomeOptions.build
      options.threads = threadOptions.threads.value
      options.outputPath = out
      let (tsv, summary) = try ConsequenceTask.run(options) { FileHandle.standardError.write(Data("sarcopanel: \($0)\n".utf8)) }
      if out == nil { FileHandle.standardOutput.write(Data(tsv.utf8)) }
      var message = "sarcopanel: \(summary.alleles) alleles, \(summary.rows) transcript rows"
      if summary.referenceMismatches > 0 {
        message += "; \(summary.referenceMismatches) REF alleles differ from the FASTA (wrong build or FASTA?)"
      }
      FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
  }
}
