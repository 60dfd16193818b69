/// The closed vocabularies of the clinical reading. Raw values are the strings
/// the JSON reports have always carried.

/// AMP/ASCO/CAP 2017 tiers (Li et al. 2017).
public enum Tier: String, Sendable, Codable, CaseIterable, Comparable {
  case iA = "I-A"
  case iB = "I-B"
  case iiC = "II-C"
  case iiD = "II-D"
  case iii = "III"
  case iv = "IV"

  /// Tier I (strong) or II (potential clinical significance): what a tumour board acts on.
  public var isActionable: Bool { self < .iii }

  public static func < (lhs: Tier, rhs: Tier) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// AMP/ASCO/CAP evidence levels; A is the strongest.
public enum EvidenceLevel: String, Sendable, Codable, CaseIterable, Comparable {
  case A, B, C, D

  /// 1 for A ... 4 for D (how rule tables write a level as a number).
  public var rank: Int { EvidenceLevel.allCases.firstIndex(of: self)! + 1 }

  public static func < (lhs: EvidenceLevel, rhs: EvidenceLevel) -> Bool { lhs.rank < rhs.rank }
}

/// ClinGen/CGC/VICC oncogenicity classes (Horak et al. 2022).
public enum OncogenicityClass: String, Sendable, Codable, CaseIterable {
  case oncogenic = "Oncogenic"
  case likelyOncogenic = "Likely oncogenic"
  case uncertain = "Uncertain significance"
  case likelyBenign = "Likely benign"
  case benign = "Benign"

  public var isOncogenic: Bool { self == .oncogenic || self == .likelyOncogenic }
  public var isBenign: Bool { self == .benign || self == .likelyBenign }
}

/// How an evidence item's tumour types stand to the sample's.
public enum TumourTypeMatch: String, Sendable, Codable {
  /// The sample's type, or a broader type that contains it.
  case same
  /// Tumour-agnostic (an FDA tissue-agnostic approval).
  case agnostic
  case other
  /// No `--tumor-type` given.
  case unknown
}

/// Whether a finding is somatic or germline.
public enum OriginCall: String, Sendable, Codable {
  case somatic
  case germline
  case likelyGermline = "likely_germline"
  case possiblyGermline = "possibly_germline"
  case likelySomatic = "likely_somatic"

  public var looksGermline: Bool { self == .germline || self == .likelyGermline || self == .possiblyGermline }
}

/// The net call for one drug.
public enum TherapyCall: String, Sendable, Codable {
  case sensitive
  case resistant
  /// The drug works less well (CIViC "reduced sensitivity"), with no sensitivity evidence against it.
  case reducedSensitivity = "reduced_sensitivity"
}

/// How the protein change of a finding is known.
public enum ProteinBasis: String, Sendable, Codable {
  /// CSQ/ANN/BCSQ in the VCF.
  case upstream = "upstream annotation"
  /// The consequence engine with `--reference`.
  case computed = "computed from reference"
  /// The panel's known alleles (cancerhotspots codon changes, CIViC coordinates).
  case knownAllele = "panel known allele"
  /// An SNV at a residue whose reference amino acid the panel knows, every possible codon agreeing.
  case residueInference = "residue inference"
  /// ClinVar's molecular consequence of the same allele (nonsense, synonymous): the kind of change, not the residue.
  case clinvarConsequence = "ClinVar molecular consequence"
  /// Only the kind of change from the panel's exons (frameshift, in-frame, splice site), no amino acids.
  case exonModel = "exon model"
  case unknown
}

/// How specific an evidence item's match is; the most specific wins for a drug.
public enum EvidenceSpecificity: String, Sendable, Codable, Comparable {
  case exact
  case codon
  case exon
  /// Gene-level: variant class, copy-number event, fusion with any partner.
  case gene

  public static func < (lhs: EvidenceSpecificity, rhs: EvidenceSpecificity) -> Bool {
    let order: [EvidenceSpecificity] = [.exact, .codon, .exon, .gene]
    return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
  }
}
