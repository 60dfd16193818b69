/// The standard genetic code and amino-acid names for HGVS `p.`.
public enum GeneticCode {
  /// Codon to one-letter amino acid (`*` for stop), by base index (T=0, C=1, A=2, G=3) in TCAG order.
  static let table = Array("FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG".utf8)

  static func index(_ base: UInt8) -> Int? {
    switch base {
    case UInt8(ascii: "T"): return 0
    case UInt8(ascii: "C"): return 1
    case UInt8(ascii: "A"): return 2
    case UInt8(ascii: "G"): return 3
    default: return nil
    }
  }

  /// One amino acid per complete codon; `X` for codons with N; stops at the
  /// first stop (included) when `toStop` is set.
  public static func translate(_ bases: ArraySlice<UInt8>, toStop: Bool = false) -> [UInt8] {
    var protein: [UInt8] = []
    protein.reserveCapacity(bases.count / 3)
    var cursor = bases.startIndex
    while cursor + 2 < bases.endIndex {
      let residue: UInt8
      if let first = index(bases[cursor]), let second = index(bases[cursor + 1]), let third = index(bases[cursor + 2]) {
        residue = table[first * 16 + second * 4 + third]
      } else {
        residue = UInt8(ascii: "X")
      }
      protein.append(residue)
      if toStop && residue == UInt8(ascii: "*") { break }
      cursor += 3
    }
    return protein
  }

  static let threeLetter: [UInt8: String] = [
    UInt8(ascii: "A"): "Ala", UInt8(ascii: "R"): "Arg", UInt8(ascii: "N"): "Asn", UInt8(ascii: "D"): "Asp",
    UInt8(ascii: "C"): "Cys", UInt8(ascii: "Q"): "Gln", UInt8(ascii: "E"): "Glu", UInt8(ascii: "G"): "Gly",
    UInt8(ascii: "H"): "His", UInt8(ascii: "I"): "Ile", UInt8(ascii: "L"): "Leu", UInt8(ascii: "K"): "Lys",
    UInt8(ascii: "M"): "Met", UInt8(ascii: "F"): "Phe", UInt8(ascii: "P"): "Pro", UInt8(ascii: "S"): "Ser",
    UInt8(ascii: "T"): "Thr", UInt8(ascii: "W"): "Trp", UInt8(ascii: "Y"): "Tyr", UInt8(ascii: "V"): "Val",
    UInt8(ascii: "*"): "Ter", UInt8(ascii: "X"): "Xaa",
  ]

  /// `Arg`, `Ter`, ... for a one-letter code.
  public static func name(_ residue: UInt8) -> String { threeLetter[residue] ?? "Xaa" }

  /// Three-letter names joined: `GlnSer`.
  public static func names<S: Sequence>(_ residues: S) -> String where S.Element == UInt8 {
    residues.map(name).joined()
  }
}
