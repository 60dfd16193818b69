/// A gene panel: its identity, genes with transcript models on each build, and hotspots.
///
/// Built by the panel loader from `panels/<name>/`; everything here is plain data.
public struct Panel: Sendable, Equatable, Codable {
  public let manifest: PanelManifest
  public let genes: [Gene]
  public let exons: [Exon]
  public let hotspots: [Hotspot]
  public let knowledge: PanelKnowledge
  /// SHA-256 over the manifest and every table, in manifest order (hex).
  public let checksum: String

  public init(
    manifest: PanelManifest, genes: [Gene], exons: [Exon], hotspots: [Hotspot], knowledge: PanelKnowledge = PanelKnowledge(),
    checksum: String
  ) {
    self.manifest = manifest
    self.genes = genes
    self.exons = exons
    self.hotspots = hotspots
    self.knowledge = knowledge
    self.checksum = checksum
  }

  public func gene(named symbolOrAlias: String) -> Gene? {
    let wanted = symbolOrAlias.uppercased()
    return genes.first { $0.symbol.uppercased() == wanted || $0.aliases.contains { $0.uppercased() == wanted } }
  }
}

/// The manifest (`panel.json`): name, version, builds and table files.
public struct PanelManifest: Sendable, Equatable, Codable {
  public let name: String
  public let version: String
  public let description: String
  public let builds: [GenomeBuild]
  /// Bases added on each side of a gene span when choosing which records to read
  /// (covers promoters such as TERT's and splice sites).
  public let scanFlankBases: Int
  /// Default padding of coding exons in `panel bed`.
  public let targetPadBases: Int
  public let tables: Tables
  /// The knowledge-base releases the panel was built from (`CIViC` -> `01-Aug-2024`), recorded in every report.
  public var sources: [String: String]? = nil

  public struct Tables: Sendable, Equatable, Codable {
    public let genes: String
    public let exons: String
    public let hotspots: String?
    public let fusions: String?
    public let copyNumber: String?
    public let evidence: String?
    public let knownVariants: String?
    public let tumourTypes: String?
    public let knownAlleles: String?
    public let functionalDomains: String?
    public let kinaseDomains: String?
    public let escat: String?
    public let rules: Rules?

    enum CodingKeys: String, CodingKey {
      case genes, exons, hotspots, fusions, evidence, rules
      case copyNumber = "copy_number"
      case knownVariants = "known_variants"
      case tumourTypes = "tumour_types"
      case knownAlleles = "known_alleles"
      case functionalDomains = "functional_domains"
      case kinaseDomains = "kinase_domains"
      case escat
    }

    /// Every table file named, in a fixed order (for the checksum).
    public var allFiles: [String] {
      [genes, exons, hotspots, fusions, copyNumber, evidence, knownVariants, tumourTypes, knownAlleles, functionalDomains,
       kinaseDomains, escat].compactMap { $0 } + (rules?.allFiles ?? [])
    }
  }

  /// Rule tables (paths relative to the panel folder).
  public struct Rules: Sendable, Equatable, Codable {
    public let acmgCriteria: String?
    public let acmgClasses: String?
    public let ampTiers: String?
    public let consequenceSeverity: String?
    public let vcepThresholds: String?
    public let oncogenicityCriteria: String?
    public let oncogenicityClasses: String?
    public let somaticRules: String?
    public let secondaryResistance: String?
    public let nonTargetedTherapies: String?
    public let entityRules: String?
    public let acmgStrengths: String?
    public let germlineRules: String?
    public let acmgComputational: String?
    public let pvs1GeneRules: String?
    public let pm1Regions: String?
    public let ba1Exceptions: String?
    public let frequencyConfoundedGenes: String?
    public let germlineTriage: String?
    public let pm5Truncation: String?

    enum CodingKeys: String, CodingKey {
      case acmgCriteria = "acmg_criteria"
      case acmgClasses = "acmg_classes"
      case ampTiers = "amp_tiers"
      case consequenceSeverity = "consequence_severity"
      case vcepThresholds = "vcep_thresholds"
      case oncogenicityCriteria = "oncogenicity_criteria"
      case oncogenicityClasses = "oncogenicity_classes"
      case somaticRules = "somatic_rules"
      case secondaryResistance = "secondary_resistance"
      case nonTargetedTherapies = "non_targeted_therapies"
      case entityRules = "entity_rules"
      case acmgStrengths = "acmg_strengths"
      case germlineRules = "germline_rules"
      case acmgComputational = "acmg_computational"
      case pvs1GeneRules = "pvs1_gene_rules"
      case pm1Regions = "pm1_regions"
      case ba1Exceptions = "ba1_exceptions"
      case frequencyConfoundedGenes = "frequency_confounded_genes"
      case germlineTriage = "germline_triage"
      case pm5Truncation = "pm5_truncation"
    }

    public var allFiles: [String] {
      [acmgCriteria, acmgClasses, ampTiers, consequenceSeverity, vcepThresholds, oncogenicityCriteria, oncogenicityClasses,
       somaticRules, secondaryResistance, nonTargetedTherapies, entityRules, acmgStrengths, germlineRules, acmgComputational, pvs1GeneRules,
       pm1Regions, ba1Exceptions, frequencyConfoundedGenes, germlineTriage, pm5Truncation].compactMap { $0 }
    }
  }

  public init(
    name: String, version: String, description: String, builds: [GenomeBuild], scanFlankBases: Int,
    targetPadBases: Int, tables: Tables
  ) {
    self.name = name
    self.version = version
    self.description = description
    self.builds = builds
    self.scanFlankBases = scanFlankBases
    self.targetPadBases = targetPadBases
    self.tables = tables
  }

  enum CodingKeys: String, CodingKey {
    case name, version, description, builds, tables, sources
    case scanFlankBases = "scan_flank_bases"
    case targetPadBases = "target_pad_bases"
  }
}

public enum Strand: String, Sendable, Codable, Equatable {
  case plus = "+"
  case minus = "-"
}

/// A panel gene and its MANE Select transcript.
public struct Gene: Sendable, Equatable, Codable {
  public let symbol: String
  public let aliases: [String]
  public let ensemblGene: String
  public let refseqTranscript: String
  public let ensemblTranscript: String
  public let chromosome: String
  public let strand: Strand
  /// oncogene, tumour_suppressor, fusion_partner (comma-joined when several).
  public let role: String
  public let germlineTesting: Bool
  /// Where the gene and its transcript sit on each build.
  public let loci: [GeneLocus]
  public let source: String
  /// Optional facts (empty when the table leaves them out).
  public var hgncID = ""
  /// LoF or GoF.
  public var mechanism = ""
  /// AD, AR, ...
  public var inheritance = ""
  public var syndromes = ""

  public init(
    symbol: String, aliases: [String], ensemblGene: String, refseqTranscript: String, ensemblTranscript: String,
    chromosome: String, strand: Strand, role: String, germlineTesting: Bool, loci: [GeneLocus], source: String
  ) {
    self.symbol = symbol
    self.aliases = aliases
    self.ensemblGene = ensemblGene
    self.refseqTranscript = refseqTranscript
    self.ensemblTranscript = ensemblTranscript
    self.chromosome = chromosome
    self.strand = strand
    self.role = role
    self.germlineTesting = germlineTesting
    self.loci = loci
    self.source = source
  }

  public func locus(on build: GenomeBuild) -> GeneLocus? { loci.first { $0.build == build } }
}

/// A gene's transcript span and coding range on one build.
public struct GeneLocus: Sendable, Equatable, Codable {
  public let build: GenomeBuild
  /// Transcript accession whose model is used on this build (the MANE RefSeq
  /// unless the gene table says otherwise).
  public let transcript: String
  public let span: GenomicInterval
  /// First and last coding base (genomic, 1-based), nil for non-coding.
  public let codingStart: Int?
  public let codingEnd: Int?

  public init(build: GenomeBuild, transcript: String, span: GenomicInterval, codingStart: Int?, codingEnd: Int?) {
    self.build = build
    self.transcript = transcript
    self.span = span
    self.codingStart = codingStart
    self.codingEnd = codingEnd
  }

  /// The coding bases of an exon (`codingStart...codingEnd` clipped to it); nil when
  /// the transcript is non-coding or the exon holds no coding base.
  public func codingPart(of exon: GenomicInterval) -> ClosedRange<Int>? {
    guard let codingStart, let codingEnd else { return nil }
    let start = max(exon.start, codingStart)
    let end = min(exon.end, codingEnd)
    return start <= end ? start...end : nil
  }
}

/// One exon of a panel transcript, numbered in transcript order.
public struct Exon: Sendable, Equatable, Codable {
  public let gene: String
  public let transcript: String
  public let build: GenomeBuild
  public let number: Int
  public let interval: GenomicInterval

  public init(gene: String, transcript: String, build: GenomeBuild, number: Int, interval: GenomicInterval) {
    self.gene = gene
    self.transcript = transcript
    self.build = build
    self.number = number
    self.interval = interval
  }
}

/// A recurrent somatic position (cancerhotspots, CIViC) on one build.
public struct Hotspot: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// One codon (`D842`).
    case residue
    /// An in-frame indel hotspot over residues (`550-580`).
    case indelRange = "indel_range"
    /// A non-coding position (TERT promoter).
    case promoter
  }

  public let gene: String
  public let build: GenomeBuild
  public let interval: GenomicInterval
  /// e.g. `D842`, `R132`, `550-580`, `C228T`.
  public let change: String
  public var kind: Kind = .residue
  /// Samples with a change here (cancerhotspots `Mutation_Count`), when known.
  public var sampleCount: Int? = nil
  /// Samples per specific change (`D842V` -> 9; `W557_K558del` -> 10).
  public var variantCounts: [String: Int] = [:]
  public let source: String

  public init(gene: String, build: GenomeBuild, interval: GenomicInterval, change: String, source: String) {
    self.gene = gene
    self.build = build
    self.interval = interval
    self.change = change
    self.source = source
  }

  /// The residue number of a single-residue hotspot (`D842` -> 842).
  public var residue: Int? { kind == .residue ? Int(change.dropFirst()) : nil }

  /// First and last residue of an indel range (`550-580`).
  public var residueRange: ClosedRange<Int>? {
    guard kind == .indelRange else { return nil }
    let bounds = change.split(separator: "-").compactMap { Int($0) }
    return bounds.count == 2 && bounds[0] <= bounds[1] ? bounds[0]...bounds[1] : nil
  }
}
