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
  /// What could not be assessed and why (missing frequencies, no tumour type...).
  public let notes: [String]

  public init(
    sampleType: String, tumourType: TumourTypeContext?, somatic: [SomaticFinding], germline: [GermlineFinding],
    fusions: [StructuralFinding], copyNumber: [StructuralFinding], tumourMutationalBurden: TumourMutationalBurden?,
    notes: [String]
  ) {
    self.sampleType = sampleType
    self.tumourType = tumourType
    self.somatic = somatic
    self.germline = germline
    self.fusions = fusions
    self.copyNumber = copyNumber
    self.tumourMutationalBurden = tumourMutationalBurden
    self.notes = notes
  }
}

extension ClinicalReport {
  /// Every tiered finding's tier: small variants, fusions and copy-number events.
  public var tiers: [String] { somatic.map(\.tier.tier) + fusions.map(\.tier.tier) + copyNumber.map(\.tier.tier) }

  /// (tier, count) in tier order, tiers without findings left out.
  public var tierCounts: [(tier: String, count: Int)] {
    let all = tiers
    return TierAssignment.order.compactMap { tier in
      let count = all.filter { $0 == tier }.count
      return count > 0 ? (tier, count) : nil
    }
  }

  /// Germline classifications that are pathogenic or likely pathogenic.
  public var pathogenicGermline: Int { germline.filter { $0.classification.hasSuffix("athogenic") }.count }

  /// The same report with more notes (coverage observations made after the assessment).
  public func adding(notes extra: [String]) -> ClinicalReport {
    ClinicalReport(
      sampleType: sampleType, tumourType: tumourType, somatic: somatic, germline: germline, fusions: fusions,
      copyNumber: copyNumber, tumourMutationalBurden: tumourMutationalBurden, notes: notes + extra)
  }
}

/// The OncoTree code given with `--tumor-type`, and its name in the panel.
public struct TumourTypeContext: Sendable, Equatable, Codable {
  public let code: String
  public let name: String?
}

/// An AMP/ASCO/CAP tier with the rule row that assigned it.
public struct TierAssignment: Sendable, Equatable, Codable, Comparable {
  /// `I-A`, `I-B`, `II-C`, `II-D`, `III` or `IV`.
  public let tier: String
  /// Why, in words: the evidence level and tumour-type match that decided it.
  public let reason: String
  /// The rule's description and citation (Li et al. 2017).
  public let rule: String
  public let source: String

  public static let order = ["I-A", "I-B", "II-C", "II-D", "III", "IV"]

  /// Tier I (strong) or II (potential clinical significance): what a tumour board acts on.
  public var isTierIOrII: Bool { ["I-A", "I-B", "II-C", "II-D"].contains(tier) }
  public static func < (lhs: TierAssignment, rhs: TierAssignment) -> Bool {
    (order.firstIndex(of: lhs.tier) ?? order.count) < (order.firstIndex(of: rhs.tier) ?? order.count)
  }
}

/// One evidence item that matched a finding, and how it applies to this sample.
public struct MatchedEvidence: Sendable, Equatable, Codable {
  public let id: String
  /// What matched, e.g. `exon 11 mutation`, `D842V`.
  public let matchedBy: String
  public let evidenceType: String
  public let significance: String
  public let level: String
  public let therapies: [String]
  public let disease: String
  public let tumourTypes: [String]
  /// `same` (the sample's tumour type), `agnostic` (any tumour type), `other`, or `unknown` (no `--tumor-type`).
  public let tumourTypeMatch: String
  /// False for CIViC "does not support" items, which are shown but never tier.
  public let supports: Bool
  public let citation: String
  public let source: String
}

/// A small variant with somatic clinical meaning.
public struct SomaticFinding: Sendable, Equatable, Codable {
  public let variantKey: String
  public let gene: String
  public let consequence: AlleleConsequence
  /// `KIT p.W557_K558del`, `TP53 c.743G>A`.
  public let alteration: String
  public let tier: TierAssignment
  public let evidence: [MatchedEvidence]
  public let hotspots: [String]
  /// Therapies with sensitivity evidence, best level first, and those with resistance evidence.
  public let therapies: TherapySummary
  public let origin: OriginAssessment
  public let tumorAlleleFraction: Double?
}

public struct TherapySummary: Sendable, Equatable, Codable {
  /// `Imatinib (A, same tumour type)`.
  public let sensitivity: [String]
  public let resistance: [String]
}

/// Whether a finding is somatic or germline, and what to do about it.
public struct OriginAssessment: Sendable, Equatable, Codable {
  /// `somatic`, `germline` (matched normal), `likely_germline`, `possibly_germline` or `likely_somatic`.
  public let call: String
  /// The observations behind the call.
  public let reasons: [String]
  public let recommendation: String?
  public let source: String
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
  /// `Pathogenic`, `Likely pathogenic`, `Uncertain significance`, `Likely benign`, `Benign`.
  public let classification: String
  public let points: Int
  public let criteria: [MetCriterion]
  /// Criteria that could not be evaluated from this input, with why.
  public let notEvaluated: [String]
  public let classRule: String
  /// ClinVar's classification of the same variant, shown beside ours, never used in its place.
  public let clinvar: ClinVarView?
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
}

public struct PanelMatch: Sendable, Equatable, Codable {
  public let entry: String
  public let meaning: String
  public let tumourTypes: [String]
  public let significance: String
  public let citation: String
}

/// Somatic coding mutations per megabase of the panel's coding footprint.
public struct TumourMutationalBurden: Sendable, Equatable, Codable {
  public let mutations: Int
  public let footprintMegabases: Double
  public let perMegabase: Double
  /// Variant keys counted.
  public let counted: [String]
  public let rules: [String]
}
