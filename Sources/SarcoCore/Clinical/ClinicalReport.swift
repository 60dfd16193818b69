/// The clinical reading of one sample: somatic tiers, germline classes,
/// fusions, copy-number events and TMB. Every tier, class and score carries
/// the rule and the evidence (with citations) that produced it.
public struct ClinicalReport: Sendable, Equatable, Codable {
  /// `tumor` (somatic tiers, germline flags) or `germline` (ACMG/AMP classes only).
  public let sampleType: String
  public let tumourType: TumourTypeContext?
  public let somatic: [SomaticFinding]
  public let germline: [GermlineFinding]
  public let fusions: [StructuralFinding]
  public let copyNumber: [StructuralFinding]
  public let tumourMutationalBurden: TumourMutationalBurden?
  /// One statement per drug across all the sample's findings (sensitive, resistant or reduced sensitivity), with caveats.
  public let therapies: [TherapyStatement]
  /// Whether the findings fit the stated tumour type, and what they say about it.
  public let diagnosis: DiagnosisAssessment?
  /// What could not be assessed and why (missing frequencies, no tumour type...).
  public let notes: [String]
  /// Key genes of the tumour type whose hotspots were covered without a variant (needs a BAM).
  public var pertinentNegatives: [PertinentNegative]? = nil

  public init(
    sampleType: String, tumourType: TumourTypeContext?, somatic: [SomaticFinding], germline: [GermlineFinding],
    fusions: [StructuralFinding], copyNumber: [StructuralFinding], tumourMutationalBurden: TumourMutationalBurden?,
    therapies: [TherapyStatement] = [], diagnosis: DiagnosisAssessment? = nil, notes: [String]
  ) {
    self.sampleType = sampleType
    self.tumourType = tumourType
    self.somatic = somatic
    self.germline = germline
    self.fusions = fusions
    self.copyNumber = copyNumber
    self.tumourMutationalBurden = tumourMutationalBurden
    self.therapies = therapies
    self.diagnosis = diagnosis
    self.notes = notes
  }
}

extension ClinicalReport {
  /// Every tiered finding's tier: small variants, fusions and copy-number events.
  public var tiers: [Tier] { somatic.map(\.tier.tier) + fusions.map(\.tier.tier) + copyNumber.map(\.tier.tier) }

  /// (tier, count) in tier order, tiers without findings left out.
  public var tierCounts: [(tier: Tier, count: Int)] {
    let all = tiers
    return Tier.allCases.compactMap { tier in
      let count = all.filter { $0 == tier }.count
      return count > 0 ? (tier, count) : nil
    }
  }

  /// Germline classifications that are pathogenic or likely pathogenic.
  public var pathogenicGermline: Int { germline.filter { $0.classification.isPathogenic }.count }

  /// The same report with more notes (coverage observations made after the assessment).
  public func adding(notes extra: [String]) -> ClinicalReport {
    var copy = ClinicalReport(
      sampleType: sampleType, tumourType: tumourType, somatic: somatic, germline: germline, fusions: fusions,
      copyNumber: copyNumber, tumourMutationalBurden: tumourMutationalBurden, therapies: therapies, diagnosis: diagnosis,
      notes: notes + extra)
    copy.pertinentNegatives = pertinentNegatives
    return copy
  }
}

/// A key gene of the tumour type whose hotspot positions were read (or could not be read) without a variant.
public struct PertinentNegative: Sendable, Equatable, Codable {
  public let gene: String
  /// True when every hotspot position was covered at the first coverage threshold with no alternate read.
  public let established: Bool
  public let statement: String
}

/// The OncoTree code given with `--tumor-type`, and its name in the panel.
public struct TumourTypeContext: Sendable, Equatable, Codable {
  public let code: String
  public let name: String?
  public init(code: String, name: String?) {
    self.code = code
    self.name = name
  }
}

/// An AMP/ASCO/CAP tier with the rule row that assigned it.
public struct TierAssignment: Sendable, Equatable, Codable, Comparable {
  public let tier: Tier
  /// Why, in words: the evidence level and tumour-type match that decided it.
  public let reason: String
  /// The rule's description and citation (Li et al. 2017).
  public let rule: String
  public let source: String

  public init(tier: Tier, reason: String, rule: String, source: String) {
    self.tier = tier
    self.reason = reason
    self.rule = rule
    self.source = source
  }

  /// Tier I (strong) or II (potential clinical significance): what a tumour board acts on.
  public var isTierIOrII: Bool { tier.isActionable }
  public static func < (lhs: TierAssignment, rhs: TierAssignment) -> Bool { lhs.tier < rhs.tier }
}

/// One evidence item that matched a finding, and how it applies to this sample.
public struct MatchedEvidence: Sendable, Equatable, Codable {
  public let id: String
  /// What matched, e.g. `exon 11 mutation`, `D842V`.
  public let matchedBy: String
  public let evidenceType: String
  public let significance: String
  public let level: EvidenceLevel
  public let therapies: [String]
  public let disease: String
  public let tumourTypes: [String]
  public let tumourTypeMatch: TumourTypeMatch
  /// False for CIViC "does not support" items, which are shown but never tier.
  public let supports: Bool
  public let citation: String
  public let source: String
  /// exact change, codon, exon or gene-level match: the most specific wins for a drug.
  public var specificity: EvidenceSpecificity = .gene
  /// Whether the item counts for this finding (tier, drug calls); false when excluded, superseded by a more
  /// specific item for the same drug, or diagnostic/prognostic evidence from another tumour type.
  public var applied = true
  /// Why it does not count, when it does not.
  public var note: String? = nil

  public var isPredictive: Bool { evidenceType == "predictive" }
  /// Resistance proper; reduced sensitivity (the drug works less well) is not resistance.
  public var isResistance: Bool { significance == "resistance" }
  public var isReducedSensitivity: Bool { significance == "reduced_sensitivity" }
  public var isSensitivity: Bool { significance.hasPrefix("sensitivity") }
}

/// The ESCAT level of a finding (Mateo et al. 2018), shown beside the AMP/ASCO/CAP tier.
public struct EscatAssignment: Sendable, Equatable, Codable {
  public let tier: ESCATTier
  /// The drug or decision the level refers to.
  public let context: String
  public let matchedBy: String
  public let tumourTypes: String
  public let source: String
}

/// A small variant with somatic clinical meaning.
public struct SomaticFinding: Sendable, Equatable, Codable {
  public let variantKey: String
  public let gene: String
  public let consequence: AlleleConsequence
  /// `KIT p.W557_K558del`, `TP53 c.743G>A`.
  public let alteration: String
  /// ClinGen/CGC/VICC oncogenicity: class, points and the criteria behind them.
  public let oncogenicity: OncogenicityAssessment
  public let tier: TierAssignment
  public let evidence: [MatchedEvidence]
  public let hotspots: [String]
  /// Each drug once, by its net call for this alteration.
  public let therapies: TherapySummary
  public let origin: OriginAssessment
  public let tumorAlleleFraction: Double?
  /// ESCAT level for this tumour type, when the panel's table has one (Tier I/II findings only).
  public var escat: EscatAssignment? = nil
}

extension SomaticFinding {
  /// The same finding read again with other evidence (a rule added or items withdrawn): its evidence, tier and drug
  /// summary replaced, everything else, ESCAT included, kept.
  func revised(evidence: [MatchedEvidence], tier: TierAssignment, therapies: TherapySummary) -> SomaticFinding {
    var finding = SomaticFinding(
      variantKey: variantKey, gene: gene, consequence: consequence, alteration: alteration, oncogenicity: oncogenicity,
      tier: tier, evidence: evidence, hotspots: hotspots, therapies: therapies, origin: origin,
      tumorAlleleFraction: tumorAlleleFraction)
    finding.escat = escat
    return finding
  }
}

/// The ClinGen/CGC/VICC oncogenicity of a somatic variant.
public struct OncogenicityAssessment: Sendable, Equatable, Codable {
  /// Nil when the panel has no oncogenicity rule tables.
  public let classification: OncogenicityClass?
  public let points: Int
  public let criteria: [MetCriterion]
  /// Codes the input could not support, with what they need.
  public let notEvaluated: [String]
  public let classRule: String
}

/// A finding's drugs, each once, by net call: `Imatinib (level A, this tumour type)`.
public struct TherapySummary: Sendable, Equatable, Codable {
  public let sensitivity: [String]
  public let resistance: [String]
  /// Sensitivity and weaker resistance evidence both apply: both are cited in the evidence list.
  /// Drugs that work less well (CIViC "reduced sensitivity" without sensitivity evidence to set against it).
  public var reducedSensitivity: [String] = []

  public init(sensitivity: [String], resistance: [String], reducedSensitivity: [String] = []) {
    self.sensitivity = sensitivity
    self.resistance = resistance
    self.reducedSensitivity = reducedSensitivity
  }

  public var isEmpty: Bool { sensitivity.isEmpty && resistance.isEmpty && reducedSensitivity.isEmpty }
}

/// One drug's net call for the whole sample, with the alterations and evidence behind it.
public struct TherapyStatement: Sendable, Equatable, Codable {
  public let therapy: String
  public let call: TherapyCall
  /// Level of the evidence that decided the call.
  public let level: EvidenceLevel
  public let tumourTypeMatch: TumourTypeMatch
  /// `KIT p.W557_K558del`, `EWSR1::FLI1`.
  public let alterations: [String]
  /// Evidence and rule ids behind the call.
  public let evidence: [String]
  public let reason: String
  /// Weaker contrary evidence a board should still know of (reduced sensitivity, lower-level resistance).
  public var caveats: [String] = []
}

/// Whether a finding is somatic or germline, and what to do about it.
public struct OriginAssessment: Sendable, Equatable, Codable {
  public let call: OriginCall
  /// The observations behind the call.
  public let reasons: [String]
  /// Set when germline follow-up is recommended (the follow-up's reason).
  public var recommendation: String?
  public let source: String
  /// The germline follow-up decision (ESMO PMWG) for genes the panel has rules for.
  public var followUp: GermlineFollowUp? = nil

  public init(call: OriginCall, reasons: [String], recommendation: String?, source: String, followUp: GermlineFollowUp? = nil) {
    self.call = call
    self.reasons = reasons
    self.recommendation = recommendation
    self.source = source
    self.followUp = followUp
  }
}

/// Whether a finding warrants germline testing, and why.
public struct GermlineFollowUp: Sendable, Equatable, Codable {
  public enum Decision: String, Sendable, Codable {
    case recommended
    case notRecommended = "not_recommended"
    /// A rule needs an input the run does not have (tumour type, age).
    case notEvaluated = "not_evaluated"
  }

  public let decision: Decision
  public let reason: String
  public let source: String

  public init(decision: Decision, reason: String, source: String) {
    self.decision = decision
    self.reason = reason
    self.source = source
  }
}

/// One ACMG/AMP criterion met, at the strength applied, with its evidence.
public struct MetCriterion: Sendable, Equatable, Codable {
  /// `PVS1`, `PM2_Supporting`, `PVS1_Strong`...
  public let code: String
  public let criterion: String
  public let strength: String
  public let points: Int
  public let evidence: String
  public let source: String
}

/// A germline classification on the Tavtigian point scale.
public struct GermlineFinding: Sendable, Equatable, Codable {
  public let variantKey: String
  public let gene: String
  public let consequence: AlleleConsequence
  public let alteration: String
  public let classification: GermlineClass
  public let points: Int
  public let criteria: [MetCriterion]
  /// Criteria that could not be evaluated or do not apply from this input, with why.
  public let notEvaluated: [String]
  public let classRule: String
  /// ClinVar's classification of the same variant, shown beside ours, never used in its place.
  public let clinvar: ClinVarView?
  /// Set when ClinVar (with enough review stars) and our class differ by a class or more.
  public let clinvarComparison: String?
  public let zygosity: String?
  public let syndromes: String?
}

public struct ClinVarView: Sendable, Equatable, Codable {
  public let variationID: String
  public let significance: String
  public let reviewStatus: String
  public let stars: Int
  public let release: String
}

/// A fusion or copy-number event, matched to the panel's list.
public struct StructuralFinding: Sendable, Equatable, Codable {
  /// `EWSR1::FLI1`, `MDM2 amplification`.
  public let name: String
  public let genes: [String]
  /// Where it was seen: `22:29290000-11:128790000`, `12:68800000-68850000 CN=12.5`.
  public let locus: String
  /// `VCF BND pair BND_A/BND_B (Manta MATEID)`, `fusions.tsv line 9`.
  public let source: String
  public let supportingReads: Int?
  public let copyNumber: Double?
  /// Panel entry it matched: diagnosis or meaning, tumour types, significance, citation.
  public let panelMatch: PanelMatch?
  public let tier: TierAssignment
  public let evidence: [MatchedEvidence]
  public let therapies: TherapySummary
  public let notes: [String]
  /// Set when the call needs orthogonal confirmation before it is acted on (`needs confirmation (RNA/IHC): ...`).
  public var confirmation: String? = nil
  /// ESCAT level for this tumour type, when the panel's table has one (Tier I/II findings only).
  public var escat: EscatAssignment? = nil
}

public struct PanelMatch: Sendable, Equatable, Codable {
  public let entry: String
  public let meaning: String
  public let tumourTypes: [String]
  public let significance: String
  public let citation: String
  /// `defining` (pathognomonic) or `characteristic`.
  public var specificity: DiagnosticSpecificity = .characteristic
}

/// Somatic coding mutations per megabase of the panel's coding footprint, when the panel can measure it.
public struct TumourMutationalBurden: Sendable, Equatable, Codable {
  /// False when the footprint is too small or the input holds no small-variant calls: then there is no rate.
  public let assessable: Bool
  /// Why not, when not assessable.
  public let reason: String?
  public let mutations: Int
  public let footprintMegabases: Double
  public let perMegabase: Double?
  /// Variant keys counted.
  public let counted: [String]
  public let rules: [String]
  /// What the rate means against the panel's TMB evidence (`TMB-high (>= 10 mut/Mb): pembrolizumab ...`).
  public var interpretation: String? = nil
}

/// Does the tumour type given fit the findings, and what do they say about it?
public struct DiagnosisAssessment: Sendable, Equatable, Codable {
  /// `concordant`, `discordant` (a finding defines another entity), `review` (a finding is unexpected) or
  /// `not assessed`.
  public let status: String
  public let flags: [DiagnosticFlag]
}

/// A statement about the diagnosis, with the finding and rule behind it.
public struct DiagnosticFlag: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable {
    /// A defining (or characteristic) alteration of another entity: review the diagnosis.
    case discordance
    /// An unspecified or broader diagnosis made specific by a defining alteration.
    case refinement
    /// A subtype of the stated entity (SDH-deficient GIST).
    case subtype
    /// None of the defining genes is altered (KIT/PDGFRA wild-type GIST).
    case wildType = "wild_type"
    /// A variant of unknown or uncertain effect in the defining genes: wild-type cannot be stated.
    case wildTypeNotEstablished = "wild_type_not_established"
    /// A loss that needs both copies is seen on one copy only.
    case biallelicNotEstablished = "biallelic_not_established"
    /// A finding not expected in the stated entity, or not expected beside another, that defines no other entity:
    /// review it before acting (GNAS R201 in low-grade central osteosarcoma; KIT and PDGFRA drivers in one GIST).
    case review
  }

  public let kind: Kind
  /// The finding(s) it rests on, or `none` for a wild-type statement.
  public let finding: String
  public let statement: String
  public let recommendation: String?
  public let source: String
}
