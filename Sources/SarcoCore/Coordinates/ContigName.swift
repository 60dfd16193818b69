/// Contig naming: `chr17` and `17`, `chrM` and `MT` name the same sequence.
///
/// The panel stores canonical names (no `chr`, mitochondrion `MT`); inputs keep
/// their own spelling and are compared through `canonical(_:)`.
public enum ContigName {
  /// The canonical spelling: `chr` prefix dropped, `M` written `MT`.
  public static func canonical(_ name: String) -> String {
    // Already canonical unless it starts with c/C (`chr`) or M/m (`M`, `Mt`): sorting
    // intervals asks this twice per comparison.
    if let first = name.utf8.first, first != UInt8(ascii: "c"), first != UInt8(ascii: "C"), first != UInt8(ascii: "M"),
      first != UInt8(ascii: "m")
    {
      return name
    }
    var bare = Substring(name)
    if bare.count > 3, bare.prefix(3).lowercased() == "chr" { bare = bare.dropFirst(3) }
    if bare == "M" || bare == "m" || bare == "Mt" { return "MT" }
    return String(bare)
  }

  /// Sort order 1..22, X, Y, MT, then everything else alphabetically.
  public static func sortKey(_ name: String) -> (Int, String) {
    let bare = canonical(name)
    if let n = Int(bare), (1...22).contains(n) { return (n, "") }
    switch bare {
    case "X": return (23, "")
    case "Y": return (24, "")
    case "MT": return (25, "")
    default: return (26, bare)
    }
  }
}
