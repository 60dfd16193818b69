import ArgumentParser
import Foundation
import SarcoCore
import SarcoPipeline

extension Sarcopanel {
  struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "panel",
      abstract: "Check a panel folder, show a gene or its tumour types, or write its regions as BED or its transcript models as GFF3.",
      subcommands: [Validate.self, Show.self, TumourTypes.self, Bed.self, GFF3.self])
  }
}

extension Sarcopanel.PanelCommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load a panel and check every row; print a summary or every problem as file:line.",
      discussion: "Example: sarcopanel panel validate panels/sarcoma")

    @Argument(help: ArgumentHelp("Panel folder.", valueName: "dir"))
    var panel: String

    func run() throws {
      print(try PanelTasks.validate(directory: panel))
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print what the panel knows about a gene: transcript, exons on each build, hotspots, fusions, copy-number events, evidence with citations.",
      discussion: "Examples:\n  sarcopanel panel show panels/sarcoma KIT\n  sarcopanel panel show panels/sarcoma H3F3A   (old symbols work)")

    @Argument(help: ArgumentHelp("Panel folder.", valueName: "dir"))
    var panel: String

    @Argument(help: ArgumentHelp("Gene symbol or alias.", valueName: "gene"))
    var gene: String

    func run() throws {
      print(try PanelTasks.show(directory: panel, gene: gene))
    }
  }

  struct TumourTypes: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tumour-types",
      abstract: "List the tumour types --tumor-type accepts: OncoTree codes, names, parents and aliases (TSV).",
      discussion: """
        --tumor-type takes any code, name or alias in any letter case (GIST, gist,
        "gastrointestinal stromal tumour"). Evidence for a type applies to its
        subtypes: evidence for LIPO (liposarcoma) applies to a DDLS sample.
        Types marked unspecified (SARCNOS, SOFT_TISSUE) name no entity: a
        defining fusion refines them instead of contradicting them.

        Examples:
          sarcopanel panel tumour-types panels/sarcoma
          sarcopanel panel tumour-types panels/sarcoma --under LIPO
        """,
      aliases: ["tumor-types"])

    @Argument(help: ArgumentHelp("Panel folder.", valueName: "dir"))
    var panel: String

    @Option(name: .long, help: ArgumentHelp("Only this type and its subtypes (code, name or alias).", valueName: "type"))
    var under: String?

    func run() throws {
      print(try PanelTasks.tumourTypes(directory: panel, under: under))
    }
  }

  struct Bed: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the panel's capture targets (or scan regions) as BED to stdout.",
      discussion: """
        targets: the coding part of each exon, padded (default pad from
                 panel.json), named GENE_exonN.
        scan:    gene spans plus the panel flank, merged: what `run` reads.

        Examples:
          sarcopanel panel bed panels/sarcoma --genome GRCh38 > targets.grch38.bed
          sarcopanel panel bed panels/sarcoma --genome hg19 --kind scan --chr
        """)

    @Argument(help: ArgumentHelp("Panel folder.", valueName: "dir"))
    var panel: String

    @Option(name: .long, help: ArgumentHelp("Genome build: GRCh38 or GRCh37.", valueName: "build"))
    var genome: String

    @Option(name: .long, help: "Which regions: targets or scan.")
    var kind: String = "targets"

    @Option(name: .long, help: ArgumentHelp("Bases added on each side of coding exons (targets only).", valueName: "bases"))
    var pad: Int?

    @Flag(name: .customLong("chr"), help: "Write contigs as chr1..chrX, chrM (UCSC style).")
    var chrPrefix = false

    func validate() throws {
      if GenomeBuild(userSpelling: genome) == nil { throw ValidationError("--genome must be GRCh38 or GRCh37, found '\(genome)'") }
      if PanelTasks.BedKind(rawValue: kind) == nil { throw ValidationError("--kind must be targets or scan, found '\(kind)'") }
      if let pad, pad < 0 { throw ValidationError("--pad must be 0 or more, found \(pad)") }
    }

    func run() throws {
      guard let build = GenomeBuild(userSpelling: genome), let bedKind = PanelTasks.BedKind(rawValue: kind) else { return }
      let text = try PanelTasks.bed(directory: panel, build: build, kind: bedKind, pad: pad, chrPrefix: chrPrefix)
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}

extension Sarcopanel.PanelCommand {
  struct GFF3: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "gff3",
      abstract: "Write the panel's transcript models (MANE) as GFF3 to stdout, for bcftools csq.",
      discussion: """
        Ensembl-style features (gene, mRNA, exon, CDS with phase, UTRs) that
        `bcftools csq -g` reads, so a lab can pre-annotate on exactly the panel's
        transcripts:

          sarcopanel panel gff3 panels/sarcoma --genome GRCh38 > panel.grch38.gff3
          bcftools csq -f GRCh38.fa -g panel.grch38.gff3 -p a in.vcf.gz -Oz -o annotated.vcf.gz
        """)

    @Argument(help: ArgumentHelp("Panel folder.", valueName: "dir"))
    var panel: String

    @Option(name: .long, help: ArgumentHelp("Genome build: GRCh38 or GRCh37.", valueName: "build"))
    var genome: String

    @Option(name: .long, help: ArgumentHelp("Only these genes (comma-separated symbols).", valueName: "list"))
    var genes: String?

    @Flag(name: .customLong("chr"), help: "Write contigs as chr1..chrX (UCSC style).")
    var chrPrefix = false

    func validate() throws {
      if GenomeBuild(userSpelling: genome) == nil { throw ValidationError("--genome must be GRCh38 or GRCh37, found '\(genome)'") }
    }

    func run() throws {
      guard let build = GenomeBuild(userSpelling: genome) else { return }
      let wanted = genes.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }) }
      let text = try PanelTasks.gff3(directory: panel, build: build, genes: wanted, chrPrefix: chrPrefix)
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}
