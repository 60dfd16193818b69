/// The germline rule tables a panel carries beside `acmg_criteria.tsv` and
/// `acmg_classes.tsv`: points per strength, named thresholds, computational
/// predictor cut-offs, VCEP PVS1 and PM1 specifications, BA1 exceptions, genes
/// whose population frequencies cannot be trusted, and tumour-only germline
/// follow-up rules (ESMO PMWG). Every row names its source.
public struct GermlineRules: Sendable, Equatable, Codable {
  /// Points of each strength (Tavtigian et al. 2020); benign criteria count negative.
  public var points: [ACMGStrength: Int] = [:]
  public var thresholds: GermlineThresholds?
  public var computational: [ComputationalThreshold] = []
  public var pvs1: [PVS1GeneRule] = []
  public var pm1: [PM1Region] = []
  public var ba1Exceptions: [BA1Exception] = []
  public var confoundedFrequencies: [FrequencyConfoundedGene] = []
  public var triage: [GermlineTriageRule] = []
  public var pm5Truncation: [PM5TruncationRule] = []

  public init() {}
}

/// The 28 ACMG/AMP 2015 criteria (Richards et al. 2015).
public enum ACMGCode: String, Sendable, Codable, CaseIterable {
  case PVS1, PS1, PS2, PS3, PS4, PM1, PM2, PM3, PM4, PM5, PM6, PP1, PP2, PP3, PP4, PP5
  case BA1, BS1, BS2, BS3, BS4, BP1, BP2, BP3, BP4, BP5, BP6, BP7
}

/// ACMG/AMP strengths, strongest first.
public enum ACMGStrength: String, Sendable, Codable, CaseIterable, Comparable {
  case standAlone = "stand_alone"
  case veryStrong = "very_strong"
  case strong
  case moderate
  case supporting

  public static func < (lhs: ACMGStrength, rhs: ACMGStrength) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// `Strong`, `Very_Strong`: the suffix of a modified criterion (`PVS1_Strong`).
  public var suffix: String {
    rawValue.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "_")
  }
}

/// ACMG/AMP 2015 germline classes, most pathogenic first.
public enum GermlineClass: String, Sendable, Codable, CaseIterable {
  case pathogenic = "Pathogenic"
  case likelyPathogenic = "Likely pathogenic"
  case uncertain = "Uncertain significance"
  case likelyBenign = "Likely benign"
  case benign = "Benign"

  public var isPathogenic: Bool { self == .pathogenic || self == .likelyPathogenic }
  public var isBenign: Bool { self == .benign || self == .likelyBenign }
  /// 0 (Pathogenic) ... 4 (Benign): how many classes apart two calls are.
  public var step: Int { Self.allCases.firstIndex(of: self)! }
}

public enum GermlineRuleName: String, Sendable, CaseIterable, Codable {
  case ba1DefaultFrequency = "ba1_default_population_frequency"
  case pm2MaximumFrequency = "pm2_maximum_population_frequency"
  case nmdPenultimateExonBases = "nmd_penultimate_exon_bases"
  case indelPlacementWindowBases = "indel_placement_window_bases"
  case pvs1StrongProteinFraction = "pvs1_strong_removed_protein_fraction"
  case clinvarMinimumStars = "clinvar_minimum_stars"
  case originMinimumDepth = "origin_minimum_depth"
  case originPolymorphismFrequency = "origin_polymorphism_frequency"
  case originHeterozygousMinimumVAF = "origin_heterozygous_minimum_vaf"
  case originHeterozygousMaximumVAF = "origin_heterozygous_maximum_vaf"
  case originHomozygousMinimumVAF = "origin_homozygous_minimum_vaf"
  case originNormalMinimumAltReads = "origin_normal_minimum_alt_reads"
  case originNormalMinimumVAF = "origin_normal_minimum_vaf"
}

public typealias GermlineThresholds = NamedThresholds<GermlineRuleName>

/// A calibrated cut-off of an in-silico predictor (Pejaver et al. 2022; Walker et al. 2023).
public struct ComputationalThreshold: Sendable, Equatable, Codable {
  public enum Predictor: String, Sendable, Codable, CaseIterable {
    case revel = "REVEL"
    case cadd = "CADD_PHRED"
    case spliceAI = "SpliceAI"
  }

  public enum Comparison: String, Sendable, Codable, CaseIterable {
    case atLeast = "gte"
    case atMost = "lte"

    public func holds(_ value: Double, _ threshold: Double) -> Bool { self == .atLeast ? value >= threshold : value <= threshold }
    public var symbol: String { self == .atLeast ? ">=" : "<=" }
  }

  public let predictor: Predictor
  /// PP3, BP4 or BP7 (the splice check of BP7).
  public let criterion: String
  public let strength: ACMGStrength
  public let comparison: Comparison
  public let threshold: Double
  public let source: String

  public init(
    predictor: Predictor, criterion: String, strength: ACMGStrength, comparison: Comparison, threshold: Double, source: String
  ) {
    self.predictor = predictor
    self.criterion = criterion
    self.strength = strength
    self.comparison = comparison
    self.threshold = threshold
    self.source = source
  }
}

/// A VCEP's change to the PVS1 decision tree (Abou Tayoun et al. 2018) for one gene.
public struct PVS1GeneRule: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// A premature stop at or after `residues.lowerBound` gets `strength`; of several rows the one with the
    /// highest first residue at or below the stop applies (a step function over the protein).
    case truncationAfter = "truncation_after"
    /// A premature stop in `exon` gets `strength` (rescue by in-frame isoforms).
    case truncationExon = "truncation_exon"
    /// Canonical splice variants at this exon (its donor, acceptor or either) get `strength`.
    case spliceExon = "splice_exon"
    /// Start-codon loss gets `strength`.
    case initiationCodon = "initiation_codon"
  }

  public enum SpliceSite: String, Sendable, Codable, CaseIterable {
    case donor, acceptor, any
  }

  public let gene: String
  public let kind: Kind
  public let residues: ClosedRange<Int>?
  public let exon: Int?
  public let site: SpliceSite
  /// Nil: PVS1 does not apply.
  public let strength: ACMGStrength?
  public let description: String
  public let source: String

  public init(
    gene: String, kind: Kind, residues: ClosedRange<Int>?, exon: Int?, site: SpliceSite, strength: ACMGStrength?,
    description: String, source: String
  ) {
    self.gene = gene
    self.kind = kind
    self.residues = residues
    self.exon = exon
    self.site = site
    self.strength = strength
    self.description = description
    self.source = source
  }
}

/// Where PM1 applies in a gene (a VCEP's critical residues, or a recurrent residue
/// without benign variation), or that it does not apply in the gene at all.
public struct PM1Region: Sendable, Equatable, Codable {
  public let gene: String
  /// Nil with `strength` nil: PM1 is not applicable anywhere in the gene.
  public let residues: ClosedRange<Int>?
  /// Only this amino-acid change (`R175H`), when set.
  public let change: String?
  public let strength: ACMGStrength?
  public let description: String
  public let source: String

  public init(
    gene: String, residues: ClosedRange<Int>?, change: String?, strength: ACMGStrength?, description: String, source: String
  ) {
    self.gene = gene
    self.residues = residues
    self.change = change
    self.strength = strength
    self.description = description
    self.source = source
  }
}

/// A variant above the BA1 frequency that is nonetheless not benign (ClinGen SVI).
public struct BA1Exception: Sendable, Equatable, Codable {
  public let gene: String
  public let hgvs: String
  public let build: GenomeBuild
  /// `chrom:pos:ref:alt`, minimal alleles.
  public let variantKey: String
  public let source: String

  public init(gene: String, hgvs: String, build: GenomeBuild, variantKey: String, source: String) {
    self.gene = gene
    self.hgvs = hgvs
    self.build = build
    self.variantKey = variantKey
    self.source = source
  }
}

/// A gene whose population frequencies are confounded (pseudogene, segmental duplication):
/// BA1 and BS1 are not applied from them.
public struct FrequencyConfoundedGene: Sendable, Equatable, Codable {
  public let gene: String
  public let confounder: String
  public let source: String

  public init(gene: String, confounder: String, source: String) {
    self.gene = gene
    self.confounder = confounder
    self.source = source
  }
}

/// When a tumour-detected pathogenic variant warrants germline follow-up (ESMO PMWG,
/// Kuzbari et al. 2023), one rule per gene.
public struct GermlineTriageRule: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// Follow up in every patient (the "most actionable" genes).
    case always
    /// Germline conversion rate >= 5% across tumour types: follow up.
    case conversionRate = "gcr_at_least_5"
    /// Follow up when the tumour is one of `tumourTypes`.
    case onTumour = "on_tumour"
    /// Follow up when the patient was diagnosed before `maximumAge` years.
    case ageBelow = "age_below"
    /// The tumour (and, with `maximumAge`, the age) matches, but the decision needs what `statement` names
    /// (histology, tumour site, family history): not evaluated.
    case needsInformation = "needs_information"
    /// In a matched normal, a variant the somatic reading calls oncogenic is a germline activating variant of the
    /// gene's syndrome (familial GIST): follow up even when the germline class is uncertain.
    case germlineActivating = "germline_activating"
    /// Conversion rate below 5%: no follow-up from the tumour finding alone.
    case notRecommended = "not_recommended"
  }

  public let gene: String
  public let kind: Kind
  public let conversionRate: Double?
  public let tumourTypes: [String]
  public let maximumAge: Int?
  public let statement: String
  public let source: String

  public init(
    gene: String, kind: Kind, conversionRate: Double?, tumourTypes: [String], maximumAge: Int?, statement: String,
    source: String
  ) {
    self.gene = gene
    self.kind = kind
    self.conversionRate = conversionRate
    self.tumourTypes = tumourTypes
    self.maximumAge = maximumAge
    self.statement = statement
    self.source = source
  }
}

/// PM5_Supporting for a protein-truncating variant whose premature stop lies before the most C-terminal pathogenic
/// truncation a VCEP names (ATM p.Arg3047*, PALB2 p.Tyr1183*); only genes whose specification says so.
public struct PM5TruncationRule: Sendable, Equatable, Codable {
  public let gene: String
  /// The premature stop must lie before this residue.
  public let lastResidue: Int
  public let strength: ACMGStrength
  public let description: String
  public let source: String

  public init(gene: String, lastResidue: Int, strength: ACMGStrength, description: String, source: String) {
    self.gene = gene
    self.lastResidue = lastResidue
    self.strength = strength
    self.description = description
    self.source = source
  }
}
