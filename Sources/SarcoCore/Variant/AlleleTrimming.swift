/// Reduces REF/ALT to minimal representation so the same change matches
/// however a caller padded it: shared trailing bases go first, then shared
/// leading bases, always keeping at least one base in each allele
/// (`CTT>CT` at 100 becomes `CT>C` at 100; `GCA>GTA` becomes `C>T` at 101).
/// No reference is needed and nothing is left-aligned: that is the caller's job
/// (or `bcftools norm`), as for vcf2maf and PCGR.
public enum AlleleTrimming {
  public static func minimal(position: Int, reference: String, alternate: String)
    -> (position: Int, reference: String, alternate: String)
  {
    var ref = Array(reference.utf8)
    var alt = Array(alternate.utf8)
    while ref.count > 1, alt.count > 1, ref.last == alt.last {
      ref.removeLast()
      alt.removeLast()
    }
    var leading = 0
    while ref.count - leading > 1, alt.count - leading > 1, ref[leading] == alt[leading] {
      leading += 1
    }
    return (
      position + leading,
      String(decoding: ref[leading...], as: UTF8.self),
      String(decoding: alt[leading...], as: UTF8.self)
    )
  }

  /// Classifies a trimmed allele pair.
  public static func kind(reference: String, alternate: String) -> Variant.Kind {
    if alternate.utf8.first == UInt8(ascii: "<") { return .symbolic }
    if ASCIIText.hasBracket(alternate) || alternate.utf8.first == UInt8(ascii: ".") || alternate.utf8.last == UInt8(ascii: ".") {
      return alternate.count > 1 ? .breakend : .complex
    }
    let refCount = reference.utf8.count
    let altCount = alternate.utf8.count
    if refCount == 1 && altCount == 1 { return .snv }
    if refCount == altCount { return .mnv }
    if refCount == 1 && reference.utf8.first == alternate.utf8.first { return .insertion }
    if altCount == 1 && reference.utf8.first == alternate.utf8.first { return .deletion }
    return .complex
  }
}
