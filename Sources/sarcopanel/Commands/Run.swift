import ArgumentParser
import Foundation
import HTS
import SarcoCore
import SarcoPipeline

extension Sarcopanel {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run",
      abstract: "Annotate one sample's VCF/BCF against a panel and write its reports.",
      discussion: """
        Writes OUT/<sample>.json (versioned schema, same bytes at any --threads),
        OUT/<sample>.variants.tsv (one row per variant and panel gene),
        OUT/<sample>.findings.tsv (tiers, classes, fusions, copy number, TMB) and
        OUT/<sample>.html (self-contained report for the tumour board; --pdf prints
        it with Chromium) and OUT/<sample>_mqc.json (QC and finding counts as MultiQC
        general statistics). With --bam, also OUT/<sample>.coverage.tsv,
        OUT/<sample>.hotspot_reads.tsv and mosdepth's files for the panel's targets
        (.regions.bed.gz, .thresholds.bed.gz with .csi indexes, .mosdepth.summary.txt,
        .mosdepth.region.dist.txt, .mosdepth.global.dist.txt: what `mosdepth -n --by
        targets.bed --thresholds 100,250,500` writes), so `multiqc OUT` shows the
        sample's QC, findings and coverage. Files appear complete or not at all.

        Only records overlapping the panel's genes (plus the panel's flank) are parsed.
        With a .tbi/.csi index beside the VCF the reader seeks to them; without one it
        streams the file and decides from CHROM/POS alone. Both give identical reports.
        An index older than its data, or another file's, is passed over with a warning
        (the file is streamed); --access index refuses it. --vcf - reads standard input;
        FIFOs and process substitutions (<(zcat x.vcf.gz)) work too, streamed.

        Invalid records in the panel's regions (alleles other than A/C/G/T/N or symbolic,
        REF = ALT, POS outside the contig, negative depths, allele fractions outside 0-1)
        are skipped, counted in the QC and listed in the notes; --strict refuses them.
        Records repeating an earlier CHROM/POS/REF/ALT are dropped and counted.

        Several files of one sample (nf-core/sarek's Strelka2 *.somatic_snvs.vcf.gz
        and *.somatic_indels.vcf.gz): give --vcf once per file. They make one report,
        their records merged by position (contigs in the order of the first file's
        ##contig lines, then POS, the earlier file first at one position; each file
        must be sorted). Every file must be of one build and have the same tumour and
        normal columns; a variant in two files is kept once and counted as a
        duplicate. The report's input names each file with its format and SHA-256;
        --vcf-out writes one annotated VCF (the first file's header with the others'
        lines merged in; the files need the same sample columns).

        Tumour and normal columns: --sample/--normal; else a single-sample VCF's
        column, Mutect2's ##tumor_sample/##normal_sample, Strelka2's TUMOR/NORMAL, or
        Manta's order (normal BAMs, then the one --tumorBam, in its ##cmdline); else
        --sample is needed.

        Report names: --sample-id, else the tumour column's name. When that is a
        caller's generic name (TUMOR, TUMOUR, NORMAL, SAMPLE, SAMPLE<n>, UNKNOWN, any
        case), the sample comes from the file name: extensions and trailing caller,
        content and step words dropped (T001_vs_N001.strelka.somatic_snvs.vcf.gz gives
        T001_vs_N001; several files must agree). When the file name names no sample
        (somatic.snvs.vcf.gz), the reports are named after the column (TUMOR.json)
        with a warning, and a run that would replace such a report of another input is
        refused (exit 2; give --sample-id). A rerun of the same input into the same
        folder replaces its own reports.

        The genome build comes from ##contig lengths, then ##reference/liftover
        header lines, then the file name; --genome overrides the file name, but not
        a header naming the other build unless --force-genome is given too.

        Clinical reading (the report's "clinical" section and OUT/<sample>.findings.tsv):
          tumour samples: AMP/ASCO/CAP 2017 tiers from the panel's evidence and
            --tumor-type; fusions from breakend pairs and --fusions; copy-number
            events from <DEL>/<DUP>/<CNV> records and --cna; TMB; likely-germline
            flags (matched normal when given, else ESMO PMWG criteria) and ACMG/AMP
            classes for them.
          --sample-type germline: ACMG/AMP classes (Tavtigian points) for every
            coding or splice variant in the panel's predisposition genes.
        Consequences come from VEP CSQ / snpEff ANN / bcftools BCSQ when present
        (MANE transcript first); else, with --reference, they are computed on the
        panel's transcripts from the FASTA (SO terms, HGVS c./p., indels shifted 3');
        else they are derived from the panel's exons (no amino acids). Population
        frequencies (gnomAD*_AF, MAX_AF) and REVEL/CADD/SpliceAI are read from
        INFO or CSQ when present; without them PM2/BA1/BS1/PP3/BP4 are listed
        as not evaluated.

        --vcf-out writes every input record of the panel's regions, in input order, with
        sarcopanel's INFO fields per ALT (SP_GENE, SP_TRANSCRIPT, SP_CONSEQUENCE, SP_HGVSC,
        SP_HGVSP, SP_TIER, SP_ESCAT, SP_ONCOGENICITY, SP_ACMG, SP_ORIGIN) through htslib;
        the name sets the format: .vcf, .vcf.gz (bgzipped, indexable) or .bcf. --maf writes
        a MAF as vcf2maf does (GDC columns, Variant_Classification from the SO terms,
        left-trimmed alleles, '-' for none), one row per variant with a consequence on a
        panel gene. Both appear with the reports or not at all.

        Examples:
          sarcopanel run --vcf T001.grch38.vcf.gz --panel sarcoma --out results/
          sarcopanel run --vcf pair.vcf.gz --sample TUMOR --normal NORMAL \\
            --tumor-type GIST --panel sarcoma --out results/ --threads 4
          sarcopanel run --vcf T001_vs_N001.strelka.somatic_snvs.vcf.gz \\
            --vcf T001_vs_N001.strelka.somatic_indels.vcf.gz --tumor-type GIST --out results/
          sarcopanel run --vcf T001.vcf.gz --fusions T001.fusions.tsv --cna T001.cna.tsv \\
            --tumor-type DDLS --out results/
          sarcopanel run --vcf blood.vcf.gz --sample-type germline --panel hereditary --out results/
          sarcopanel run --vcf raw.vcf.gz --reference GRCh38.fa.gz --tumor-type GIST --out results/
          sarcopanel run --vcf T001.vcf.gz --tumor-type GIST --out results/ \\
            --vcf-out results/T001.sarcopanel.vcf.gz --maf results/T001.maf
          bcftools query -i 'SP_TIER!="."' -f '%CHROM\\t%POS\\t%SP_GENE\\t%SP_HGVSP\\t%SP_TIER\\n' results/T001.sarcopanel.vcf.gz
        """)

    @Option(name: .long, help: ArgumentHelp(
        "VCF, bgzipped VCF or BCF to read (- for standard input). Give it again for more files of the same sample (Strelka2's SNVs and indels): one report, records merged by position.",
        valueName: "file"))
    var vcf: [String] = []

    @OptionGroup var panelOptions: PanelOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Output directory (created if needed).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Tumour (or only) sample column; needed when the VCF has several samples and names neither via ##tumor_sample, TUMOR nor Manta's ##cmdline.", valueName: "name"))
    var sample: String?

    @Option(name: .long, help: ArgumentHelp("Matched normal sample column.", valueName: "name"))
    var normal: String?

    @Option(name: .customLong("tumor-type"), help: ArgumentHelp(
        "Tumour type: OncoTree code, name or alias in any case (GIST, ES, DDLS, \"Ewing sarcoma\"); an unknown one is an error. List: sarcopanel panel tumour-types <panel dir>.",
        valueName: "type"))
    var tumorType: String?

    @Option(name: .long, help: ArgumentHelp(
        "Age at diagnosis in years: tumour-only germline follow-up rules that depend on age (TP53 in breast cancer < 31, osteosarcoma < 18) are evaluated instead of reported as needing it.",
        valueName: "years"))
    var age: Int?

    @Option(name: .customLong("sample-id"), help: ArgumentHelp(
        "Name for the report files (default: the tumour column's name; for a caller's generic name such as Strelka's TUMOR, the sample the file name gives).",
        valueName: "id"))
    var sampleID: String?

    @OptionGroup var genomeOptions: GenomeOptions

    @Flag(name: .customLong("force-genome"), help: "Read the VCF as --genome says even when its header (##contig lengths, ##reference) names the other build.")
    var forceGenome = false

    @Flag(name: .long, help: "Refuse the VCF at its first invalid record (alleles other than A/C/G/T/N or symbolic, REF = ALT, POS outside the contig, negative depth, allele fraction outside 0-1) instead of skipping and counting it.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Record access: auto (index when present), stream, or index.", valueName: "mode"))
    var access: String = "auto"

    @Option(name: .long, help: ArgumentHelp("Indexed BAM/CRAM of the tumour: adds coverage QC of the panel's exons and read counts at every hotspot.", valueName: "file"))
    var bam: String?

    @OptionGroup var referenceOptions: ReferenceOptions

    @Option(name: .customLong("sample-type"), help: ArgumentHelp("tumor (somatic tiers) or germline (ACMG/AMP classes).", valueName: "type"))
    var sampleType: String = "tumor"

    @Option(name: .long, help: ArgumentHelp("Fusion caller table (PCGR-style: FusionGene GENE1--GENE2, LeftBreakpoint, RightBreakpoint, SplitReads).", valueName: "tsv"))
    var fusions: String?

    @Option(name: .long, help: ArgumentHelp("Copy-number segments (PCGR-style: Chromosome, Start, End, nMajor, nMinor; or a CN column).", valueName: "tsv"))
    var cna: String?

    @Option(name: .customLong("clinvar-criteria"), help: ArgumentHelp("on: PS1/PM5 may use ClinVar's classifications of other variants at the same codon; off: rules only.", valueName: "on|off"))
    var clinvarCriteria: String = "on"

    @OptionGroup var threadOptions: ThreadOptions

    @Flag(name: .long, help: "Also print the HTML report to <sample>.pdf with headless Chromium (apt install chromium).")
    var pdf = false

    @Flag(name: .long, help: "Add date, host and absolute paths to the reports (then they differ between identical runs).")
    var provenance = false

    @OptionGroup var sharing: SharingOptions

    @Option(name: .customLong("vcf-out"), help: ArgumentHelp(
        "Also write the panel's records with sarcopanel's INFO fields (SP_*) to this file: .vcf, .vcf.gz or .bcf.",
        valueName: "file"))
    var vcfOut: String?

    @Option(name: .long, help: ArgumentHelp("Also write the variants as a MAF (vcf2maf's columns and conventions) to this file.", valueName: "file"))
    var maf: String?
    @OptionGroup var log: LogOptions

    @Flag(name: .long, help: "Print the wall time of each phase on stderr (as --log-level debug does).")
    var timings = false

    func validate() throws {
      if vcf.isEmpty { throw ValidationError("Missing expected argument '--vcf <file>'") }
      if accessMode == nil { throw ValidationError("--access must be auto, stream or index, found '\(access)'") }
      if forceGenome && genomeOptions.build == nil { throw ValidationError("--force-genome needs --genome") }
      if ClinicalAssessor.SampleType(rawValue: sampleType) == nil {
        throw ValidationError("--sample-type must be tumor or germline, found '\(sampleType)'")
      }
      if let age, !(0...130).contains(age) { throw ValidationError("--age must be between 0 and 130 years, found \(age)") }
      if let vcfOut, VariantOutputFormat(fileName: vcfOut) == nil {
        throw ValidationError("--vcf-out must name a .vcf, .vcf.gz or .bcf file (the name sets the format), found '\(vcfOut)'")
      }
      if !["on", "off"].contains(clinvarCriteria) {
        throw ValidationError("--clinvar-criteria must be on or off, found '\(clinvarCriteria)'")
      }
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
        vcfPath: vcf[0], panelPath: panelOptions.panel, outputDirectory: out, sample: sample, normal: normal, tumorType: tumorType,
        sampleID: sampleID, genome: genomeOptions.build, threads: threadOptions.threads.value,
        access: accessMode ?? .automatic, commandLine: CommandLineRecord.recorded(CommandLine.arguments))
      options.vcfPaths = vcf
      options.bam = bam
      options.forceGenome = forceGenome
      options.strict = strict
      options.reference = referenceOptions.reference
      options.recomputeConsequences = referenceOptions.recomputeConsequences
      options.sampleType = ClinicalAssessor.SampleType(rawValue: sampleType) ?? .tumor
      options.useClinVarCriteria = clinvarCriteria == "on"
      options.age = age
      options.fusionsPath = fusions
      options.copyNumberPath = cna
      options.provenance = provenance
      options.phenopacket = sharing.phenopacket
      options.pseudonymiseKeyFile = sharing.pseudonymise
      options.database = sharing.db
      options.vcfOutPath = vcfOut
      options.mafPath = maf
      let outcome = try RunPipeline.run(options) { message in
        log.write("sarcopanel: \(message)\n")
      }
      for warning in outcome.warnings { log.write("sarcopanel: warning: \(warning)\n", at: .warning) }
      if log.says(.info) {
        let qc = outcome.report.qc
        let stats = outcome.statistics
        let summary = """
          sarcopanel: \(stats.access == .index ? "indexed" : "streamed"): \(stats.recordsScanned) records read, \(stats.recordsParsed) parsed, \(qc.panelRecords) in panel regions
          sarcopanel: \(qc.variants) variants (\(qc.passingFilters) PASS) in \(qc.genesWithVariants) panel genes\(qc.invalidRecords.map { "; \($0) invalid records skipped (see the report's notes)" } ?? "")\(qc.duplicateVariants.map { "; \($0) duplicate variants dropped" } ?? "")
          sarcopanel: wrote \(outcome.jsonPath)
          sarcopanel: \(ClinicalSummary.line(outcome.report.clinical))
          sarcopanel: wrote \(outcome.tsvPath), .findings.tsv, .html and _mqc.json\(outcome.report.coverage.map { "\nsarcopanel: coverage verdict \($0.verdict): \($0.failingTargets.count) of \($0.targets.count) exons below \($0.thresholds.first ?? 0)x in more than \(Int(((1 - $0.minimumFraction) * 100).rounded()))% of bases" } ?? "")

          """
        FileHandle.standardError.write(Data(summary.utf8))
        for path in [vcfOut, maf].compactMap({ $0 }) { FileHandle.standardError.write(Data("sarcopanel: wrote \(path)\n".utf8)) }
      }
      if pdf {
        let htmlPath = RunPipeline.outputPath(out, outcome.report.sample.id, "html")
        let pdfPath = RunPipeline.outputPath(out, outcome.report.sample.id, "pdf")
        if let written = try PDFRenderer.render(html: htmlPath, to: pdfPath) {
          log.write("sarcopanel: wrote \(written)\n")
        } else {
          FileHandle.standardError.write(Data("sarcopanel: --pdf: chromium not found (apt install chromium); the HTML report is \(htmlPath)\n".utf8))
        }
      }
      if timings || log.says(.debug) {
        let lines = outcome.phases.map { "sarcopanel: timing: \($0.0): \(String(format: "%.3f", $0.1)) s" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
      }
    }
  }
}

/// One stderr line on what the clinical reading found.
enum ClinicalSummary {
  static func line(_ clinical: ClinicalReport?) -> String {
    guard let clinical else { return "no clinical section" }
    if clinical.sampleType == "germline" {
      return "\(clinical.germline.count) germline variants classified, \(clinical.pathogenicGermline) pathogenic or likely pathogenic"
    }
    let counts = clinical.tierCounts.map { "Tier \($0.tier.rawValue) \($0.count)" }
    let tmb =
      clinical.tumourMutationalBurden.map { burden in
        burden.perMegabase.map { ", TMB \($0) mut/Mb" } ?? ", TMB not assessable"
      } ?? ""
    return "findings: \(counts.isEmpty ? "none" : counts.joined(separator: ", ")) (\(clinical.fusions.count) fusions, \(clinical.copyNumber.count) copy-number events)\(tmb)"
  }
}

/// The command line as reports record it.
enum CommandLineRecord {
  /// Drops the executable's directory and the options that cannot change results:
  /// `valued` options with their value (`--threads N`, `--threads=N`) and `flags`.
  static func recorded(
    _ arguments: [String], valued: Set<String> = ["--threads", "-t", "--log-level"],
    flags: Set<String> = ["--quiet", "-q", "--timings"]
  ) -> [String] {
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
      if valued.contains(argument) {
        skipNext = true
        continue
      }
      if flags.contains(argument) || valued.contains(where: { argument.hasPrefix("\($0)=") }) { continue }
      result.append(argument)
    }
    return result
  }
}
