/// ESMO Scale for Clinical Actionability of molecular Targets (Mateo et al. 2018), most actionable first.
public enum ESCATTier: String, Sendable, Codable, CaseIterable, Comparable {
  case iA = "I-A", iB = "I-B", iC = "I-C", iiA = "II-A", iiB = "II-B", iiiA = "III-A", iiiB = "III-B", ivA = "IV-A", ivB = "IV-B", v = "V"
  /// No evidence of actionability.
  case x = "X"

  public static func < (lhs: ESCATTier, rhs: ESCATTier) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// One row of the panel's `escat.tsv`: the ESCAT level an alteration has in a tumour type, with its source.
public struct EscatEntry: Sendable, Equatable, Codable {
  public let gene: String
  public let matcher: EvidenceMatcher
  /// OncoTree codes, `*` for tumour-agnostic.
  public let tumourTypes: [String]
  public let tier: ESCATTier
  /// The drug or decision the level refers to (`imatinib`, `larotrectinib (tumour-agnostic)`).
  public let context: String
  public let source: String

  public init(gene: String, matcher: EvidenceMatcher, tumourTypes: [String], tier: ESCATTier, context: String, source: String) {
    self.gene = gene
    self.matcher = matcher
    self.tumourTypes = tumourTypes
    self.tier = tier
    self.context = context
    self.source = source
  }
}
