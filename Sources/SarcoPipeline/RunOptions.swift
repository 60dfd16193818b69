import HTS
import SarcoCore
import SarcoReports

/// Everything `sarcopanel run` needs, already validated by the command line.
public struct RunOptions: Sendable {
  /// The sample's VCF/BCF files: one, or several (Strelka2's SNVs and indels) merged by position.
  public var vcfPaths: [String]
  /// The first of `vcfPaths` (the report's `input`).
  public var vcfPath: String {
    get { vcfPaths[0] }
    set { vcfPaths[0] = newValue }
  }
  public var panelPath: String
  public var outputDirectory: String
  public var sample: String?
  public var normal: String?
  public var tumorType: String?
  /// Report name; defaults to the tumour sample's name (or, when that is a caller's generic name, the file's).
  public var sampleID: String?
  /// Forces the build instead of detecting it (refused when the header names the other build, unless `forceGenome`).
  public var genome: GenomeBuild?
  /// `--force-genome`: `genome` wins even against the header's evidence.
  public var forceGenome = false
  /// `--strict`: an invalid record (alleles, position, depths) is an error instead of being skipped and counted.
  public var strict = false
  public var threads: Int
  public var access: VCFReader.Access
  /// Loads and checks each VCF's index on another thread while the rest opens (and the panel loads).
  /// A batch whose workers occupy every core turns it off: no core is idle to run it, so the
  /// hand-off only added the wake-up of another thread to each sample.
  public var checkIndexAhead = true
  /// Recorded in the report (without `--threads`).
  public var commandLine: [String]
  /// BAM/CRAM for coverage QC and hotspot read counts.
  public var bam: String?
  /// The reference FASTA the sample was aligned to: consequences and HGVS computed
  /// on the panel's transcripts, every REF checked; also CRAM decoding and hotspot bases.
  public var reference: String?
  /// Compute consequences even when the VCF carries CSQ/ANN/BCSQ, recording where they differ.
  public var recomputeConsequences = false
  public var coverageThresholds = [100, 250, 500]
  /// Tumour (tiers) or germline (ACMG/AMP classes) sample.
  public var sampleType: ClinicalAssessor.SampleType = .tumor
  /// PS1/PM5 from ClinVar's other classified variants.
  public var useClinVarCriteria = true
  /// Age at diagnosis in years, for age-dependent germline follow-up rules.
  public var age: Int?
  /// A fusion caller's table (PCGR-style `fusions.tsv`).
  public var fusionsPath: String?
  /// A copy-number segment table (PCGR-style `cna.tsv`).
  public var copyNumberPath: String?
  /// Adds date, host and absolute paths to the reports (they then differ between runs).
  public var provenance = false
  /// Also writes `<id>.phenopacket.json` (GA4GH Phenopacket v2).
  public var phenopacket = false
  /// Key file for pseudonymising identifiers in the phenopacket and the cohort store (HMAC-SHA256).
  public var pseudonymiseKeyFile: String?
  /// Cohort store (SQLite) to import the report into.
  public var database: String?
  /// `--vcf-out`: an annotated copy of the panel's records (`.vcf`, `.vcf.gz` or `.bcf`, from the name).
  public var vcfOutPath: String?
  /// `--maf`: the variants as a MAF (vcf2maf's conventions).
  public var mafPath: String?

  public init(
    vcfPath: String, panelPath: String, outputDirectory: String, sample: String? = nil, normal: String? = nil,
    tumorType: String? = nil, sampleID: String? = nil, genome: GenomeBuild? = nil, threads: Int = 1,
    access: VCFReader.Access = .automatic, commandLine: [String] = []
  ) {
    self.vcfPaths = [vcfPath]
    self.panelPath = panelPath
    self.outputDirectory = outputDirectory
    self.sample = sample
    self.normal = normal
    self.tumorType = tumorType
    self.sampleID = sampleID
    self.genome = genome
    self.threads = threads
    self.access = access
    self.commandLine = commandLine
  }
}

/// What a run produced.
public struct RunOutcome: Sendable {
  /// The report as written, except `variants`, which went straight to the files as they were
  /// annotated (memory stays flat for any input): `fullReport()` reads them back.
  public let report: SampleReport
  public let jsonPath: String
  public let tsvPath: String
  public let statistics: VCFReader.Statistics
  /// Wall seconds of each phase, in order (not part of any report).
  public let phases: [(String, Double)]
  /// Things the user should know that do not change the report (an index passed over), one line each.
  public let warnings: [String]

  /// The report with its variants, decoded from the JSON written.
  public func fullReport() throws -> SampleReport { try JSONReport.read(path: jsonPath).report }
}
