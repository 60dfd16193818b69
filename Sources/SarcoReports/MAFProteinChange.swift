/// The MAF's HGVS columns, as vcf2maf writes them from VEP's: no transcript or protein
/// accession before `c.`/`p.`, and `HGVSp_Short` in one-letter amino acids.
public enum MAFProteinChange {
  /// `NM_000546.6:c.743G>A` -> `c.743G>A`.
  public static func withoutAccession(_ hgvs: String) -> String {
    guard let colon = hgvs.lastIndex(of: ":") else { return hgvs }
    return String(hgvs[hgvs.index(after: colon)...])
  }

  /// `NP_000537.3:p.(Arg248Gln)` -> `p.Arg248Gln`: VEP's HGVSp, which MAF readers expect, has no
  /// parentheses around a predicted change.
  public static func long(_ hgvsp: String) -> String {
    let change = withoutAccession(hgvsp)
    guard change.hasPrefix("p.("), change.hasSuffix(")") else { return change }
    return "p." + change.dropFirst(3).dropLast()
  }

  /// `p.Arg248Gln` -> `p.R248Q`, `p.Leu189CysfsTer2` -> `p.L189Cfs*2`. For a splice donor or acceptor
  /// variant vcf2maf writes `p.X<codon>_splice`, the codon taken from the `c.` position.
  public static func short(hgvsp: String?, hgvsc: String?, decidingTerm: String) -> String {
    if decidingTerm == "splice_acceptor_variant" || decidingTerm == "splice_donor_variant",
      let position = hgvsc.flatMap(codingPosition)
    {
      let base = max(position, 1)
      let codon = Int((Double(base + base % 3) / 3).rounded())
      return "p.X\(codon)_splice"
    }
    guard let hgvsp else { return "" }
    var short = long(hgvsp)
    for (three, one) in threeToOne { short = short.replacingOccurrences(of: three, with: one) }
    return short
  }

  /// The leading number of a `c.` (`c.1100+1G>A` -> 1100); nil for `c.-12` or `c.*40`.
  static func codingPosition(_ hgvsc: String) -> Int? {
    let change = withoutAccession(hgvsc)
    guard change.hasPrefix("c.") else { return nil }
    let digits = change.dropFirst(2).prefix(while: \.isNumber)
    return Int(digits)
  }

  static let threeToOne: [(String, String)] = [
    ("Ala", "A"), ("Arg", "R"), ("Asn", "N"), ("Asp", "D"), ("Asx", "B"), ("Cys", "C"), ("Glu", "E"), ("Gln", "Q"),
    ("Glx", "Z"), ("Gly", "G"), ("His", "H"), ("Ile", "I"), ("Leu", "L"), ("Lys", "K"), ("Met", "M"), ("Phe", "F"),
    ("Pro", "P"), ("Ser", "S"), ("Thr", "T"), ("Trp", "W"), ("Tyr", "Y"), ("Val", "V"), ("Xxx", "X"), ("Ter", "*"),
  ]
}
