import ArgumentParser
import Foundation
import SarcoCore
import SarcoPipeline

extension Sarcopanel {
  struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "panel",
      abstract: "Check a panel folder, show a gene or its tumour types, or write its regions as BED or its transcript models as GFF3.",
      subcommands: [Validate.self, Show.self, TumourTypes.self, Subset.self, Bed.self, GFF3.self])
  }
}

extension Sarcopanel.PanelCommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
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
      commandName: "show",
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

  struct Subset: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "subset",
      abstract: "Write a derived panel with some of a panel's genes (a 'virtual panel'), usable by every command.",
      discussion: """
        Keeps the genes named with --genes (symbols or aliases) and/or those overlapping
        the regions of --bed (with --genome), cuts every table to them (evidence,
        hotspots, fusions with a kept partner, copy-number events, known variants and
        alleles, rule tables that name genes) and keeps the rules. The new panel gets its
        own name (--name, default <parent>-subset), a version <parent version>+<hash of the
        genes> and its own checksum; its panel.json names the parent and its checksum
        among its sources, so every report run on it records where it came from.
        The folder is written whole or not at all, and loaded to check it.

        Examples:
          sarcopanel panel subset sarcoma --genes KIT,PDGFRA,SDHB,NF1,BRAF --name gist --out panels/gist
          sarcopanel panel subset sarcoma --bed capture.bed --genome GRCh38 --out my-panel
          sarcopanel run --vcf t.vcf.gz --panel panels/gist --tumor-type GIST --out results/
        """)

    @Argument(help: ArgumentHelp("The panel to cut (a name or a folder).", valueName: "panel"))
    var panel: String

    @Option(name: .long, help: ArgumentHelp("Genes to keep, comma-separated.", valueName: "list"))
    var genes: String?

    @Option(name: .long, help: ArgumentHelp("Keep the genes overlapping these regions (needs --genome).", valueName: "file"))
    var bed: String?

    @OptionGroup var genomeOptions: GenomeOptions

    @Option(name: .long, help: ArgumentHelp("Name of the derived panel (default: <parent>-subset).", valueName: "name"))
    var name: String?

    @Option(name: [.short, .long], help: ArgumentHelp("New folder for the derived panel.", valueName: "dir"))
    var out: String

    func validate() throws {
      if genes == nil && bed == nil { throw ValidationError("give --genes, --bed, or both") }
      if bed != nil && genomeOptions.build == nil { throw ValidationError("--bed needs --genome (the build of its coordinates)") }
    }

    func run() throws {
      var request = PanelSubset.Request(panel: panel, outputDirectory: out)
      request.genes = (genes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      request.bed = bed
      request.build = genomeOptions.build
      request.name = name
      print(try PanelSubset.run(request).summary)
    }
  }

  struct Bed: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bed",
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
