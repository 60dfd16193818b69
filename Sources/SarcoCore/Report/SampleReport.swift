/// Everything one sample's reports say, as values. Renderers turn it into bytes.
///
/// Nothing here depends on thread count, time or absolute paths, so two runs
/// on the same input give the same report.
public struct SampleReport: Sendable, Equatable, Codable {
  /// Bumped on any change to the JSON layout (major: incompatible; minor: added members).
  public static let schemaVersion = "1.7.0"

  public let schemaVersion: String
  public let tool: Tool
  /// The command line, minus options that cannot change results (`--threads`).
  public let commandLine: [String]
  public let sample: Sample
  public let input: Input
  public let genomeBuild: GenomeBuildDetector.Detection
  public let panel: PanelIdentity
  public let qc: QualityCounts
  public let variants: [ReportedVariant]
  /// Coverage QC and hotspot read counts, when a BAM/CRAM was given.
  public let coverage: CoverageReport?
  /// Tiers, classes, fusions, copy number and TMB (schema 1.2.0).
  public let clinical: ClinicalReport?
  /// When, where and from which paths; only with `--provenance`, since it changes between identical runs.
  public var provenance: Provenance? = nil

  public struct Provenance: Sendable, Equatable, Codable {
    /// ISO 8601, UTC.
    public let generatedAt: String
    public let host: String
    public let inputPath: String
    public let panelPath: String
    public let outputDirectory: String

    public init(generatedAt: String, host: String, inputPath: String, panelPath: String, outputDirectory: String) {
      self.generatedAt = generatedAt
      self.host = host
      self.inputPath = inputPath
      self.panelPath = panelPath
      self.outputDirectory = outputDirectory
    }
  }

  public struct Tool: Sendable, Equatable, Codable {
    public let name: String
    public let version: String
    public init(name: String = "sarcopanel", version: String = SarcopanelVersion.current) {
      self.name = name
      self.version = version
    }
  }

  public struct Sample: Sendable, Equatable, Codable {
    /// Report identifier (file names use it).
    public let id: String
    /// The VCF column read as tumour (or the only sample).
    public let vcfSample: String?
    public let normalSample: String?
    /// OncoTree code given with `--tumor-type`.
    public let tumorType: String?
    public init(id: String, vcfSample: String?, normalSample: String?, tumorType: String?) {
      self.id = id
      self.vcfSample = vcfSample
      self.normalSample = normalSample
      self.tumorType = tumorType
    }
  }

  public struct Input: Sendable, Equatable, Codable {
    /// File name without directories.
    public let fileName: String
    public let sha256: String
    /// `vcf`, `vcf.gz` (BGZF), `vcf (gzip)` or `bcf`.
    public let format: String
    /// File name of the reference FASTA consequences were computed from (`--reference`).
    public var referenceFasta: String?
    /// The sample's other VCF/BCF files, merged with this one by position (`--vcf A --vcf B`), in the order given (schema 1.6.0).
    public var mergedWith: [InputFile]?
    /// Every input file: this one, then those merged with it.
    public var files: [InputFile] { [InputFile(fileName: fileName, sha256: sha256, format: format)] + (mergedWith ?? []) }
    public init(fileName: String, sha256: String, format: String, referenceFasta: String? = nil) {
      self.fileName = fileName
      self.sha256 = sha256
      self.format = format
      self.referenceFasta = referenceFasta
    }
  }

  /// One more input file: name without directories, format and SHA-256, as `Input` gives them.
  public struct InputFile: Sendable, Equatable, Codable {
    public let fileName: String
    public let sha256: String
    public let format: String
    public init(fileName: String, sha256: String, format: String) {
      self.fileName = fileName
      self.sha256 = sha256
      self.format = format
    }
  }

  public struct PanelIdentity: Sendable, Equatable, Codable {
    public let name: String
    public let version: String
    public let checksum: String
    /// Knowledge-base releases behind the panel (CIViC, ClinVar, MANE, cancerhotspots, OncoTree...).
    public var sources: [String: String]? = nil
    public init(name: String, version: String, checksum: String, sources: [String: String]? = nil) {
      self.name = name
      self.version = version
      self.checksum = checksum
      self.sources = sources
    }
  }

  public init(
    tool: Tool = Tool(), commandLine: [String], sample: Sample, input: Input,
    genomeBuild: GenomeBuildDetector.Detection, panel: PanelIdentity, qc: QualityCounts, variants: [ReportedVariant],
    coverage: CoverageReport? = nil, clinical: ClinicalReport? = nil
  ) {
    self.schemaVersion = SampleReport.schemaVersion
    self.tool = tool
    self.commandLine = commandLine
    self.sample = sample
    self.input = input
    self.genomeBuild = genomeBuild
    self.panel = panel
    self.qc = qc
    self.variants = variants
    self.coverage = coverage
    self.clinical = clinical
  }
}

/// A variant in the panel with the genes and hotspots it touches.
public struct ReportedVariant: Sendable, Equatable, Codable {
  public let variant: Variant
  public let genes: [GeneHit]
  public let hotspots: [HotspotHit]
  /// One consequence per gene hit (upstream annotation, computed from the reference, or panel-derived).
  public let consequences: [AlleleConsequence]
  /// The reference FASTA's bases where this REF disagrees with them (`--reference` only).
  public var referenceMismatch: String?

  public init(variant: Variant, genes: [GeneHit], hotspots: [Hotspot], consequences: [AlleleConsequence] = []) {
    self.variant = variant
    self.genes = genes
    self.consequences = consequences
    self.hotspots = hotspots.map { HotspotHit(gene: $0.gene, change: $0.change, source: $0.source) }
  }
}

/// A panel hotspot a variant overlaps, with where the hotspot comes from.
public struct HotspotHit: Sendable, Equatable, Codable {
  public let gene: String
  /// Residue or position, e.g. `D842`, `C228T`.
  public let change: String
  public let source: String
}

/// Counts that describe what was read; identical for streamed and indexed reads.
public struct QualityCounts: Sendable, Equatable, Codable {
  /// VCF records overlapping the panel's regions.
  public var panelRecords = 0
  /// Variants after splitting multi-allelic records.
  public var variants = 0
  public var passingFilters = 0
  public var failingFilters = 0
  public var multiallelicRecords = 0
  public var structuralVariants = 0
  /// Variant count per kind (`snv`, `deletion`, ...).
  public var variantsByKind: [String: Int] = [:]
  /// Panel genes with at least one variant.
  public var genesWithVariants = 0
  /// With `--reference`: alleles whose REF was compared with the FASTA, and how many differed.
  public var referenceChecked: Int?
  public var referenceMismatches: Int?
  /// Records in panel regions skipped as invalid (alleles, position, depths; listed in the notes); nil when none.
  public var invalidRecords: Int?
  /// Variants dropped because an earlier record had the same CHROM, POS, REF and ALT; nil when none.
  public var duplicateVariants: Int?

  public init() {}

  /// A panel record, before its variants are added one by one.
  public mutating func add(record: VCFRecord) {
    panelRecords += 1
    // A gVCF's `T,<NON_REF>` is one called ALT: the stand-in is not an allele (`VariantDecomposer`).
    if record.alternates.count > 1 && record.alternates.filter({ !VariantDecomposer.isUnobservedAllele($0) }).count > 1 {
      multiallelicRecords += 1
    }
  }

  public mutating func add(variant: Variant) {
    variants += 1
    if variant.passesFilters { passingFilters += 1 } else { failingFilters += 1 }
    if variant.kind == .symbolic || variant.kind == .breakend { structuralVariants += 1 }
    variantsByKind[variant.kind.rawValue, default: 0] += 1
  }
}

/// The tool version stamped into every report.
public enum SarcopanelVersion {
  public static let current = "0.1.0"
}
