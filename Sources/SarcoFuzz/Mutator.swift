import Foundation

/// Seeded, deterministic mutations of seed files: byte flips, insertions and
/// deletions, repeated or dropped lines, splices of two seeds, and tokens that
/// VCF and TSV parsers trip on (tabs, NUL, huge or negative numbers, symbolic
/// alleles, END=).
struct Mutator {
  private var state: UInt64

  init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 11
  }

  mutating func below(_ limit: Int) -> Int { limit <= 1 ? 0 : Int(next() % UInt64(limit)) }

  static let tokens: [String] = [
    "\t", "\n", "\0", ".", "-1", "0", "2147483648", "999999999999", "1e308", "NaN", "<DEL>", "<DUP:TANDEM>", "END=1", "SVLEN=-99999",
    "N[17:1[", "*", ",", ";", "=", "%", "chr17", "17", "GRCh37", "hg19", "\u{FF}", "\r", "#", "##contig=<ID=17,length=1>",
  ]

  mutating func mutate(_ seed: Data, other: Data) -> Data {
    var bytes = [UInt8](seed)
    for _ in 0...below(4) {
      switch below(8) {
      case 0 where !bytes.isEmpty:
        bytes[below(bytes.count)] ^= UInt8(1 << below(8))
      case 1:
        bytes.insert(UInt8(truncatingIfNeeded: next()), at: below(bytes.count + 1))
      case 2 where !bytes.isEmpty:
        let start = below(bytes.count)
        bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16)))
      case 3:
        bytes.insert(contentsOf: Array(Mutator.tokens[below(Mutator.tokens.count)].utf8), at: below(bytes.count + 1))
      case 4:
        // Repeat or drop a line.
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count > 1 else { continue }
        var edited = Array(lines)
        let index = below(lines.count)
        if below(2) == 0 { edited.insert(lines[index], at: index) } else { edited.remove(at: index) }
        bytes = Array(edited.joined(separator: [0x0A]))
      case 5 where !other.isEmpty:
        // Splice: a head of this seed and a tail of another.
        let cut = below(bytes.count + 1)
        let from = below(other.count)
        bytes = Array(bytes[..<cut]) + Array(other[other.index(other.startIndex, offsetBy: from)...])
      case 6 where !bytes.isEmpty:
        // Replace a field (between tabs) by a token.
        guard let tab = bytes.indices.dropFirst(below(bytes.count)).first(where: { bytes[$0] == 0x09 }) else { continue }
        let end = bytes[(tab + 1)...].firstIndex { $0 == 0x09 || $0 == 0x0A } ?? bytes.count
        bytes.replaceSubrange((tab + 1)..<end, with: Array(Mutator.tokens[below(Mutator.tokens.count)].utf8))
      default:
        if !bytes.isEmpty { bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: next()) }
      }
    }
    return Data(bytes)
  }
}
