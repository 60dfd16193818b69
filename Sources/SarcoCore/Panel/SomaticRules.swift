/// The somatic rule tables a panel carries (`rules/oncogenicity_*.tsv`,
/// `somatic_rules.tsv`, `secondary_resistance.tsv`, `entity_rules.tsv`): every
/// threshold and point value the somatic reading uses, each with its citation.
public struct SomaticRules: Sendable, Equatable, Codable {
  public var oncogenicityCriteria: [OncogenicityCriterion] = []
  public var oncogenicityClasses: [ClassBand] = []
  /// Named thresholds; nil when the panel has no `somatic_rules.tsv`.
  public var thresholds: SomaticThresholds?
  public var secondaryResistance: [SecondaryResistanceRule] = []
  /// Therapies not directed at a molecular target (cytotoxic agents, regimens, radiotherapy) -> kind and source: their
  /// response in another tumour type never crosses histologies (`non_targeted_therapies.tsv`).
  public var nonTargetedTherapies: [String: String] = [:]
  public var entityRules: [EntityRule] = []

  public init() {}

  public func criterion(_ code: OncogenicityCode) -> OncogenicityCriterion? {
    oncogenicityCriteria.first { $0.code == code }
  }
}

/// ClinGen/CGC/VICC oncogenicity codes (Horak et al. 2022) the classifier implements,
/// plus the panel's ClinVar-benign rule.
public enum OncogenicityCode: String, Sendable, Codable, CaseIterable {
  case OVS1, OS2, OS3, OM1, OM2, OM3, OM4, OP1, OP3, OP4, SBVS1, SBS1, SBP1, SBP2
  case SBS_ClinVar

  /// The parameters each code reads from the table; the loader refuses others.
  public var parameters: Set<String> {
    switch self {
    case .OS2: return ["best_level"]
    case .OS3: return ["min_residue_samples", "min_variant_samples"]
    case .OM3: return ["max_residue_samples", "min_variant_samples"]
    case .OP1: return ["min_revel"]
    case .OP3: return ["max_variant_samples"]
    case .OP4: return ["max_population_frequency"]
    case .SBVS1, .SBS1: return ["min_population_frequency"]
    case .SBS_ClinVar: return ["min_stars"]
    case .SBP1: return ["max_revel"]
    case .SBP2: return ["max_spliceai"]
    case .OVS1, .OM1, .OM2, .OM4: return []
    }
  }
}

public struct OncogenicityCriterion: Sendable, Equatable, Codable {
  public let code: OncogenicityCode
  /// `oncogenic` or `benign`.
  public let direction: String
  public let strength: String
  public let points: Int
  /// Numeric parameters (`best_level` is stored as A=1 ... D=4).
  public let parameters: [String: Double]
  public let description: String
  public let source: String

  public init(
    code: OncogenicityCode, direction: String, strength: String, points: Int, parameters: [String: Double],
    description: String, source: String
  ) {
    self.code = code
    self.direction = direction
    self.strength = strength
    self.points = points
    self.parameters = parameters
    self.description = description
    self.source = source
  }

  public func parameter(_ name: String) -> Double { parameters[name] ?? 0 }
}

/// A class and its point range (inclusive; nil = unbounded).
public struct ClassBand: Sendable, Equatable, Codable {
  public let name: String
  public let minimumPoints: Int?
  public let maximumPoints: Int?
  public let source: String

  public init(name: String, minimumPoints: Int?, maximumPoints: Int?, source: String) {
    self.name = name
    self.minimumPoints = minimumPoints
    self.maximumPoints = maximumPoints
    self.source = source
  }

  public func contains(_ points: Int) -> Bool {
    (minimumPoints ?? Int.min) <= points && points <= (maximumPoints ?? Int.max)
  }

  /// `>= 10`, `6 to 9`, `<= -7`.
  public var range: String {
    switch (minimumPoints, maximumPoints) {
    case (let low?, let high?): return "\(low) to \(high)"
    case (let low?, nil): return ">= \(low)"
    case (nil, let high?): return "<= \(high)"
    default: return "any"
    }
  }
}

/// The names `somatic_rules.tsv` must define, one row each.
public enum SomaticRuleName: String, Sendable, CaseIterable, Codable {
  case tierGatePopulationFrequency = "tier_gate_population_frequency"
  case tierGateClinVarBenignStars = "tier_gate_clinvar_benign_stars"
  case tmbMinimumCodingMegabases = "tmb_minimum_coding_megabases"
  case tmbMinimumVAF = "tmb_minimum_vaf"
  case tmbMinimumAltReads = "tmb_minimum_alt_reads"
  case tmbMaximumPopulationFrequency = "tmb_maximum_population_frequency"
  case fusionMinimumSupportingReads = "fusion_minimum_supporting_reads"
  case indelPlacementWindowBases = "indel_placement_window_bases"
  case amplificationMinimumCopyNumber = "amplification_minimum_copy_number"
  case homozygousDeletionMaximumCopyNumber = "homozygous_deletion_maximum_copy_number"
  case oneCopyDeletionMaximumCopyNumber = "one_copy_deletion_maximum_copy_number"
  case pertinentNegativeMaximumAltFraction = "pertinent_negative_maximum_alt_fraction"
  case crossHistologyPredictiveLoosestMatch = "cross_histology_predictive_loosest_match"
}

public typealias SomaticThresholds = NamedThresholds<SomaticRuleName>

/// A rule table of named values (`rule value description source`), each with where it comes from.
public struct NamedThresholds<Name: RawRepresentable & Hashable & CaseIterable & Sendable & Codable>: Sendable, Equatable,
  Codable
where Name.RawValue == String {
  public struct Value: Sendable, Equatable, Codable {
    public let value: Double
    public let description: String
    public let source: String

    public init(value: Double, description: String, source: String) {
      self.value = value
      self.description = description
      self.source = source
    }
  }

  let values: [Name: Value]

  /// Needs every name; the loader checks that before building one.
  public init(_ values: [Name: Value]) { self.values = values }

  public subscript(_ name: Name) -> Double { values[name]?.value ?? 0 }
  public func source(_ name: Name) -> String { values[name]?.source ?? "" }
  /// `0.01 (source)`, or `0.667 Mb (source)` with a unit: the value with its citation, for report texts.
  public func cited(_ name: Name, unit: String = "") -> String {
    guard let entry = values[name] else { return name.rawValue }
    return "\(NamedValues.format(entry.value))\(unit.isEmpty ? "" : " \(unit)") (\(entry.source))"
  }
}

public enum NamedValues {
  /// `20`, `0.05`: integers without a decimal point.
  public static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
  }
}

/// Acquired resistance: a secondary mutation beside a primary one in the same gene.
public struct SecondaryResistanceRule: Sendable, Equatable, Codable {
  public let gene: String
  public let primaryExons: Set<Int>
  public let secondaryExons: Set<Int>
  public let therapy: String
  public let tumourTypes: [String]
  public let level: EvidenceLevel
  public let statement: String
  public let source: String

  public init(
    gene: String, primaryExons: Set<Int>, secondaryExons: Set<Int>, therapy: String, tumourTypes: [String],
    level: EvidenceLevel, statement: String, source: String
  ) {
    self.gene = gene
    self.primaryExons = primaryExons
    self.secondaryExons = secondaryExons
    self.therapy = therapy
    self.tumourTypes = tumourTypes
    self.level = level
    self.statement = statement
    self.source = source
  }
}

/// A rule about an entity: what an alteration (or its absence) means for the stated diagnosis.
public struct EntityRule: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// A loss-of-function alteration of the genes defines a subtype (SDH-deficient GIST).
    case subtypeByLoss = "subtype_by_loss"
    /// An oncogenic mutation of the genes defines a subtype (BRAF-mutant GIST).
    case subtypeByMutation = "subtype_by_mutation"
    /// No oncogenic alteration of the genes (KIT/PDGFRA wild-type GIST).
    case wildType = "wild_type"
    /// One lost copy is not loss of the gene (SMARCB1 / INI1).
    case biallelicRequired = "biallelic_required"
    /// An oncogenic mutation of the genes (or one of `alterations`) points to the `pointsTo` entity (KIT/PDGFRA ->
    /// GIST; H3-3A G34 -> giant cell tumour of bone).
    case characteristicMutation = "characteristic_mutation"
    /// An oncogenic mutation of the genes (or one of `alterations`) is not expected in the entity: review it (GNAS
    /// R201 in low-grade central osteosarcoma).
    case unexpectedMutation = "unexpected_mutation"
    /// Drivers in two or more of the genes are not expected together: review the sample (KIT and PDGFRA in GIST).
    case mutuallyExclusive = "mutually_exclusive"
    /// The tumour types the panel is curated for (with the types under them); another stated type gets a note.
    case panelScope = "panel_scope"
  }

  public let id: String
  public let tumourTypes: [String]
  public let kind: Kind
  public let genes: [String]
  public let statement: String
  public let recommendation: String
  public let source: String
  /// For `characteristicMutation`: the entity the mutation points to.
  public let pointsTo: [String]
  /// Protein changes (`R201H`) or residues (`G35`, missense there) the rule is limited to; empty: any oncogenic
  /// mutation of the genes. A listed change needs no oncogenicity call: the rule's citation is its evidence.
  public let alterations: [String]

  public init(
    id: String, tumourTypes: [String], kind: Kind, genes: [String], statement: String, recommendation: String,
    source: String, pointsTo: [String] = [], alterations: [String] = []
  ) {
    self.pointsTo = pointsTo
    self.alterations = alterations
    self.id = id
    self.tumourTypes = tumourTypes
    self.kind = kind
    self.genes = genes
    self.statement = statement
    self.recommendation = recommendation
    self.source = source
  }
}

extension EntityRule {
  /// `G35` (a residue) or `R201H` (a change) parsed into its parts; nil when it is neither.
  public static func residueOrChange(_ text: String) -> (reference: Character, position: Int, alternate: Character?)? {
    guard let first = text.first, first.isUppercase else { return nil }
    let digits = text.dropFirst().prefix(while: \.isNumber)
    guard let position = Int(digits) else { return nil }
    let rest = text.dropFirst(1 + digits.count)
    switch rest.count {
    case 0: return (first, position, nil)
    case 1 where rest.first!.isUppercase || rest.first == "*": return (first, position, rest.first)
    default: return nil
    }
  }

  /// Whether a protein change is one the rule lists: the change itself, or a missense change at a listed residue.
  public func lists(_ protein: ProteinChange) -> Bool {
    alterations.contains { text in
      guard let wanted = Self.residueOrChange(text), wanted.position == protein.position,
        String(wanted.reference) == protein.referenceResidue
      else { return false }
      return wanted.alternate == nil ? protein.effect == .missense : protein.short == text
    }
  }
}
