/// A protein change read from an HGVS `p.` expression (`p.Val600Glu`,
/// `ENSP...:p.(Arg213Ter)`, `p.W557_K558del`, `p.Arg213ProfsTer5`, `p.Ala79=`),
/// reduced to the one-letter form evidence tables use (`V600E`, `W557_K558del`, `R213*`, `R213fs`).
public struct ProteinChange: Sendable, Equatable, Codable {
  public enum Effect: String, Sendable, Codable {
    case missense, nonsense, frameshift, synonymous, deletion, insertion, duplication, delins
    case startLost = "start_lost"
    case stopLost = "stop_lost"
    case other

    /// The Sequence Ontology term the change implies.
    /// VEP's impact class for the effect's term.
    public var impact: String {
      switch self {
      case .nonsense, .frameshift, .startLost, .stopLost: return "HIGH"
      case .missense, .deletion, .insertion, .duplication, .delins, .other: return "MODERATE"
      case .synonymous: return "LOW"
      }
    }

    public var soTerm: String {
      switch self {
      case .missense: return "missense_variant"
      case .nonsense: return "stop_gained"
      case .frameshift: return "frameshift_variant"
      case .synonymous: return "synonymous_variant"
      case .deletion: return "inframe_deletion"
      case .insertion, .duplication: return "inframe_insertion"
      case .delins, .other: return "protein_altering_variant"
      case .startLost: return "start_lost"
      case .stopLost: return "stop_lost"
      }
    }
  }

  /// One-letter form, e.g. `V600E`.
  public let short: String
  /// First residue touched and its one-letter code (`*` for a stop).
  public let position: Int
  public let referenceResidue: String
  /// New residue for substitutions (`*` for a stop), nil otherwise.
  public let alternateResidue: String?
  public let effect: Effect

  static let threeToOne: [String: String] = [
    "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G", "His": "H",
    "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S", "Thr": "T", "Trp": "W",
    "Tyr": "Y", "Val": "V", "Ter": "*", "Sec": "U", "Pyl": "O", "Xaa": "X",
  ]

  /// The predicted HGVS form in three-letter code: `p.(Asp842Val)`, `p.(Trp557_Lys558del)`, `p.(Arg213Ter)`.
  public var hgvs: String {
    var text = ""
    var cursor = Cursor(short)
    func three(_ one: String) -> String { ProteinChange.oneToThree[one] ?? one }
    guard let first = cursor.residue(), let position = cursor.number() else { return "p.(\(short))" }
    text = three(first) + String(position)
    if cursor.skip("_"), let last = cursor.residue(), let end = cursor.number() { text += "_" + three(last) + String(end) }
    let rest = cursor.rest
    for prefix in ["delins", "ins"] where rest.hasPrefix(prefix) {
      let inserted = rest.dropFirst(prefix.count).map { three(String($0)) }.joined()
      return "p.(\(text)\(prefix)\(inserted))"
    }
    if rest.count == 1 && rest != "=" && rest != "?" { return "p.(\(text)\(three(rest)))" }
    return "p.(\(text)\(rest))"
  }

  static let oneToThree: [String: String] = Dictionary(threeToOne.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })

  /// Parses the `p.` part of an HGVS string; nil when it is absent or not a protein change.
  public static func parse(_ hgvs: String) -> ProteinChange? {
    guard let start = index(after: ("p", "."), in: hgvs) else { return nil }
    var text = Substring(hgvs[start...])
    if text.hasPrefix("(") && text.hasSuffix(")") { text = text.dropFirst().dropLast() }
    var cursor = Cursor(text)
    guard let first = cursor.residue(), let position = cursor.number() else { return nil }
    var short = "\(first)\(position)"
    if cursor.skip("_"), let last = cursor.residue(), let end = cursor.number() { short += "_\(last)\(end)" }
    let rest = cursor.rest
    var alternate: String?
    let effect: Effect
    let suffixes: [(String, Effect)] = [
      ("delins", .delins), ("del", .deletion), ("dup", .duplication), ("ins", .insertion),
    ]
    if index(after: ("f", "s"), in: rest) != nil {
      effect = .frameshift
      short += "fs"
    } else if let (suffix, kind) = suffixes.first(where: { rest.hasPrefix($0.0) }) {
      effect = kind
      short += suffix
      if kind == .insertion || kind == .delins {
        // The inserted residues name the change (`insAY`, `delinsNP`); `ins` alone leaves it open.
        var inserted = Cursor(rest.dropFirst(suffix.count))
        while let residue = inserted.residue() { short += residue }
      }
    } else if rest == "=" {
      effect = .synonymous
      alternate = first
      short += "="
    } else if rest == "?" && position == 1 {
      effect = .startLost
      short += "?"
    } else if rest.hasPrefix("ext") || (first == "*" && !rest.isEmpty) {
      effect = .stopLost
      short += "ext"
    } else {
      guard let new = cursor.residue() else { return nil }
      alternate = new
      short += new
      effect = new == "*" ? .nonsense : (new == first ? .synonymous : .missense)
    }
    return ProteinChange(
      short: short, position: position, referenceResidue: first, alternateResidue: alternate, effect: effect)
  }

  /// The first residue and its position of a change written without `p.` (`G328V`, `L755_T759del`),
  /// as `parse("p." + change)` gives them. The panel's usual one-letter substitution (`G328V`, `R248*`,
  /// `V600=`) is read directly; anything else is parsed (1 us a change was most of building the
  /// somatic index, which a batch's first samples wait for).
  static func firstResidue(ofChange change: String) -> (residue: String, position: Int)? {
    let bytes = change.utf8
    if bytes.count >= 3 && bytes.count <= 20, let first = bytes.first, let last = bytes.last,
      first == UInt8(ascii: "*") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first),
      last == UInt8(ascii: "*") || last == UInt8(ascii: "=") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(last),
      bytes.dropFirst().dropLast().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
    {
      let position = bytes.dropFirst().dropLast().reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
      return (String(UnicodeScalar(first)), position)
    }
    return parse("p.\(change)").map { ($0.referenceResidue, $0.position) }
  }

  /// Where the text after the first occurrence of the two ASCII characters `pair` begins, found
  /// byte by byte (`String.contains` and `firstRange(of:)` go through Foundation's slower search).
  static func index(after pair: (Unicode.Scalar, Unicode.Scalar), in text: String) -> String.Index? {
    let (first, second) = (UInt8(ascii: pair.0), UInt8(ascii: pair.1))
    let bytes = text.utf8
    var previous: UInt8 = 0
    for index in bytes.indices {
      if previous == first && bytes[index] == second { return bytes.index(after: index) }
      previous = bytes[index]
    }
    return nil
  }

  /// Reads residues and numbers left to right, over UTF-8 bytes: residues and positions are ASCII
  /// (reading Character by Character was most of building the somatic index, 3,287 known alleles).
  struct Cursor {
    let bytes: [UInt8]
    var index = 0

    init<Text: StringProtocol>(_ text: Text) { bytes = Array(text.utf8) }

    var rest: String { String(decoding: bytes[index...], as: UTF8.self) }

    mutating func skip(_ character: Character) -> Bool {
      guard index < bytes.count, let byte = character.asciiValue, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    /// A three-letter code, a one-letter capital, or `*`.
    mutating func residue() -> String? {
      guard index < bytes.count else { return nil }
      let byte = bytes[index]
      if byte == UInt8(ascii: "*") {
        index += 1
        return "*"
      }
      if index + 3 <= bytes.count, let one = ProteinChange.threeToOne[String(decoding: bytes[index..<index + 3], as: UTF8.self)] {
        index += 3
        return one
      }
      guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") else { return nil }
      index += 1
      return String(UnicodeScalar(byte))
    }

    mutating func number() -> Int? {
      let start = index
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
      return index > start ? Int(String(decoding: bytes[start..<index], as: UTF8.self)) : nil
    }
  }
}
