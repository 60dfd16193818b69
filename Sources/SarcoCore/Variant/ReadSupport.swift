/// Reads depth, allele counts and allele fraction from the FORMAT fields of the
/// common somatic and germline callers.
///
/// Tried in order, first that applies wins, and the fields used are named in
/// `source`:
/// 1. PCGR-style tumour/control columns: `DPT`/`ADT` (tumour) and `DPC`/`ADC` (control).
/// 2. Strelka2 indels: `TAR`/`TIR` tier-1 counts, `DP`.
/// 3. Strelka2 SNVs: `{A,C,G,T}U` tier-1 counts of the REF and ALT bases, `DP`.
/// 4. VarScan2: `RD` (ref) and single-valued `AD` (alt), `FREQ` (percent), `DP`.
/// 5. FreeBayes: `RO` (reference observations) and `AO` (one per ALT), `DP`; the fraction is
///    AO over RO plus every AO (the reads counted for some allele), the depth `DP` (else that sum).
/// 6. Manta structural calls: `PR` (spanning pairs) and `SR` (split reads), each ref,alt.
/// 7. GATK/Mutect2/standard: `AD` (Number=R), `DP`, else `AF`.
/// 8. `AF` and/or `DP` alone.
public enum ReadSupport {
  /// Which block of fields to read from a sample column.
  public enum Columns: Sendable {
    /// Ordinary sample column; PCGR `DPT`/`ADT` count as tumour fields.
    case sample
    /// The control fields `DPC`/`ADC` that PCGR-style VCFs keep in the tumour column.
    case pcgrControl
  }

  public struct Counts: Sendable, Equatable {
    public var depth: Int?
    public var referenceReads: Int?
    public var alternateReads: Int?
    public var alleleFraction: Double?
    public var source: String?
  }

  /// Manta structural calls: spanning pairs (`PR`) and split reads (`SR`), each `ref,alt`; either may be absent.
  static func mantaCounts(pairs: [Double?]?, splits: [Double?]?) -> Counts? {
    let parts = [pairs, splits].compactMap { $0 }.filter { $0.count == 2 && $0.allSatisfy { $0 != nil } }
    guard !parts.isEmpty else { return nil }
    let reference = parts.reduce(0) { $0 + Int($1[0]!) }
    let alternate = parts.reduce(0) { $0 + Int($1[1]!) }
    return Counts(
      depth: reference + alternate, referenceReads: reference, alternateReads: alternate,
      alleleFraction: fraction(alternate, of: reference + alternate), source: "PR,SR (Manta pairs and split reads)")
  }

  /// FreeBayes: `RO` reference observations, `AO` observations of each ALT (Number=A), `DP` total depth.
  static func freeBayesCounts(reference: Int?, alternates: [Double?]?, depth: Int?, alternateIndex: Int) -> Counts? {
    guard let reference, let alternates, alternateIndex >= 1, alternateIndex <= alternates.count,
      let alternate = alternates[alternateIndex - 1].map({ Int($0) })
    else { return nil }
    let known = alternates.compactMap { $0 }.map { Int($0) }
    let counted = known.count == alternates.count ? reference + known.reduce(0, +) : nil
    return Counts(
      depth: depth ?? counted, referenceReads: reference, alternateReads: alternate,
      alleleFraction: counted.flatMap { fraction(alternate, of: $0) },
      source: depth == nil ? "RO,AO (FreeBayes)" : "RO,AO,DP (FreeBayes)")
  }

  public static func counts(
    fields: [String: FieldValue], definitions: [String: VCFHeader.FieldDefinition],
    alleles: [String], alternateIndex: Int, columns: Columns = .sample
  ) -> Counts {
    func number(_ key: String, _ index: Int = 0) -> Double? { fields[key]?.number(at: index) }
    func integer(_ key: String, _ index: Int = 0) -> Int? { number(key, index)?.wholeNumber }

    switch columns {
    case .pcgrControl:
      guard fields["DPC"] != nil || fields["ADC"] != nil else { return Counts() }
      return alleleDepthCounts(
        depth: integer("DPC"), alleleDepths: fields["ADC"]?.numbers, alternateIndex: alternateIndex,
        source: "DPC,ADC (control)")
    case .sample:
      break
    }
    if fields["DPT"] != nil || fields["ADT"] != nil {
      return alleleDepthCounts(
        depth: integer("DPT"), alleleDepths: fields["ADT"]?.numbers, alternateIndex: alternateIndex,
        source: "DPT,ADT (tumour)")
    }
    if let tar = integer("TAR"), let tir = integer("TIR") {
      return Counts(
        depth: integer("DP") ?? tar + tir, referenceReads: tar, alternateReads: tir,
        alleleFraction: fraction(tir, of: tar + tir), source: "TAR,TIR tier 1 (Strelka2 indel)")
    }
    if alleles.count > alternateIndex, alleles[0].count == 1, alleles[alternateIndex].count == 1,
      let ref = integer(tierKey(alleles[0])), let alt = integer(tierKey(alleles[alternateIndex]))
    {
      return Counts(
        depth: integer("DP") ?? ref + alt, referenceReads: ref, alternateReads: alt,
        alleleFraction: fraction(alt, of: ref + alt), source: "AU/CU/GU/TU tier 1 (Strelka2 SNV)")
    }
    if let rd = integer("RD"), definitions["AD"]?.number == "1", let ad = integer("AD") {
      let percent = number("FREQ").map { $0 / 100 }
      return Counts(
        depth: integer("DP") ?? rd + ad, referenceReads: rd, alternateReads: ad,
        alleleFraction: percent ?? fraction(ad, of: rd + ad), source: "RD,AD,FREQ (VarScan2)")
    }
    if let freeBayes = freeBayesCounts(
      reference: integer("RO"), alternates: fields["AO"]?.numbers, depth: integer("DP"), alternateIndex: alternateIndex)
    {
      return freeBayes
    }
    if let manta = mantaCounts(pairs: fields["PR"]?.numbers, splits: fields["SR"]?.numbers) { return manta }
    if let depths = fields["AD"]?.numbers, depths.count > alternateIndex {
      var counts = alleleDepthCounts(
        depth: integer("DP"), alleleDepths: depths, alternateIndex: alternateIndex, source: "AD,DP")
      if counts.alleleFraction == nil, let af = number("AF", alternateIndex - 1) {
        counts.alleleFraction = af
        counts.source = "AD,DP,AF"
      }
      return counts
    }
    let af = number("AF", alternateIndex - 1)
    let dp = integer("DP")
    if af == nil && dp == nil { return Counts() }
    let alt = af.flatMap { fractionValue in dp.flatMap { (fractionValue * Double($0)).rounded().wholeNumber } }
    return Counts(
      depth: dp, referenceReads: nil, alternateReads: alt, alleleFraction: af,
      source: [af != nil ? "AF" : nil, dp != nil ? "DP" : nil].compactMap { $0 }.joined(separator: ","))
  }

  /// Strelka2's tier counts of a base: `AU`, `CU`, `GU`, `TU` (spelt out for the four bases:
  /// interpolating and upper-casing ran per variant).
  static func tierKey(_ base: String) -> String {
    switch base {
    case "A", "a": return "AU"
    case "C", "c": return "CU"
    case "G", "g": return "GU"
    case "T", "t": return "TU"
    default: return "\(base.uppercased())U"
    }
  }

  static func alleleDepthCounts(depth: Int?, alleleDepths: [Double?]?, alternateIndex: Int, source: String) -> Counts {
    let depths = alleleDepths ?? []
    let ref = depths.first.flatMap { $0 }?.wholeNumber
    let alt = depths.count > alternateIndex ? depths[alternateIndex]?.wholeNumber : nil
    let known = depths.compactMap { $0?.wholeNumber }
    let total = known.count == depths.count && !known.isEmpty ? known.reduce(0, +) : nil
    let alleleFraction = alt.flatMap { a in total.flatMap { ReadSupport.fraction(a, of: $0) } }
    return Counts(
      depth: depth ?? total, referenceReads: ref, alternateReads: alt, alleleFraction: alleleFraction,
      source: source)
  }

  static func fraction(_ part: Int, of whole: Int) -> Double? {
    whole > 0 ? Double(part) / Double(whole) : nil
  }
}
