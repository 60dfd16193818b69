/// Scanning text eight bytes at a time for a few ASCII bytes (the JSON and HTML writers' "does
/// anything need escaping" checks): most text needs nothing, and a per-byte loop was a fifth of the
/// JSON's time. The word tests are the has-zero and has-less tests of "Bit Twiddling Hacks", exact
/// for whether any byte of a word matches.
enum ByteWords {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Whether any word matches `word` or any byte of the tail (under eight bytes) matches `byte`.
  @inline(__always)
  static func contains(_ bytes: UnsafeBufferPointer<UInt8>, word: (UInt64) -> Bool, byte: (UInt8) -> Bool) -> Bool {
    var index = 0
    if let base = bytes.baseAddress {
      while index + 8 <= bytes.count {
        if word(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { return true }
        index += 8
      }
    }
    while index < bytes.count {
      if byte(bytes[index]) { return true }
      index += 1
    }
    return false
  }

  /// Non-zero when a byte of `word` is zero.
  @inline(__always) static func zeroByte(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

  /// Non-zero when a byte of `word` equals `byte`.
  @inline(__always) static func byte(_ byte: UInt8, in word: UInt64) -> UInt64 { zeroByte(word ^ (ones &* UInt64(byte))) }

  /// Non-zero when a byte of `word` is below `bound` (at most 0x80; a byte of 0x80 or more never counts).
  @inline(__always) static func byte(below bound: UInt8, in word: UInt64) -> UInt64 { (word &- ones &* UInt64(bound)) & ~word & highs }
}
