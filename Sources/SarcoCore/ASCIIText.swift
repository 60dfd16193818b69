/// Byte-level tests on ASCII text for per-record code: Foundation's and _StringProcessing's
/// `contains`, `lowercased()` and `uppercased()` cost thousands of instructions or an allocation
/// per call, which per VCF record or ClinVar row added up to a tenth of a run.
public enum ASCIIText {
  /// Whether `text` holds `byte`.
  @inline(__always)
  public static func contains(_ text: String, _ byte: UInt8) -> Bool {
    text.utf8.contains(byte)
  }

  /// Whether `text` holds a tab or a line feed (what a TSV cell cannot hold), over its bytes in place.
  public static func containsTabOrNewline(_ text: String) -> Bool {
    if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
      for byte in bytes where byte == 0x09 || byte == 0x0A { return true }
      return false
    }) { return found }
    return text.utf8.contains { $0 == 0x09 || $0 == 0x0A }
  }

  /// Whether `text` holds `[` or `]` (breakend notation).
  public static func hasBracket(_ text: String) -> Bool {
    text.utf8.contains { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }
  }

  @inline(__always)
  static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

  /// Case-insensitive (ASCII letters only) prefix test.
  public static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
    var wanted = prefix.utf8.makeIterator()
    for byte in text.utf8 {
      guard let expected = wanted.next() else { return true }
      guard lower(byte) == lower(expected) else { return false }
    }
    return wanted.next() == nil
  }

  /// Case-insensitive (ASCII letters only) equality.
  public static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && hasPrefixIgnoringCase(a, b)
  }
}
