/// Genomic bases by position: the reference FASTA seen as plain values.
///
/// `HTS.FastaReference` conforms; tests may supply a string-backed one.
public protocol ReferenceSequence: Sendable {
  /// Bases `start...end` (1-based, inclusive) of `contig`, uppercase; nil when the contig is absent.
  func bases(contig: String, start: Int, end: Int) -> String?
  /// Contig names as the FASTA spells them.
  var sequenceNames: [String] { get }
  /// Length of `contig` (spelled either way), nil when absent.
  func length(contig: String) -> Int?
}

/// Reverse complement and other strand helpers on base strings.
public enum DNA {
  public static func complement(_ base: UInt8) -> UInt8 {
    switch base {
    case UInt8(ascii: "A"): return UInt8(ascii: "T")
    case UInt8(ascii: "C"): return UInt8(ascii: "G")
    case UInt8(ascii: "G"): return UInt8(ascii: "C")
    case UInt8(ascii: "T"): return UInt8(ascii: "A")
    default: return UInt8(ascii: "N")
    }
  }

  public static func reverseComplement(_ bases: [UInt8]) -> [UInt8] { bases.reversed().map(complement) }

  public static func reverseComplement(_ bases: String) -> String {
    String(decoding: reverseComplement(Array(bases.utf8)), as: UTF8.self)
  }
}
