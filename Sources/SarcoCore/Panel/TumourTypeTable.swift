/// The panel's tumour types (OncoTree codes with their parents and aliases):
/// resolves what a user typed to a code and answers how two codes relate.
public struct TumourTypeTable: Sendable, Equatable, Codable {
  public struct Entry: Sendable, Equatable, Codable {
    public let code: String
    public let name: String
    /// Parent code in the OncoTree hierarchy; empty at the top.
    public let parent: String
    public let aliases: [String]
    /// True for codes that name no specific entity (`SARCNOS`, `SOFT_TISSUE`): a defining
    /// alteration refines such a diagnosis instead of contradicting it.
    public let unspecified: Bool
    public let source: String

    public init(code: String, name: String, parent: String, aliases: [String], unspecified: Bool, source: String) {
      self.code = code
      self.name = name
      self.parent = parent
      self.aliases = aliases
      self.unspecified = unspecified
      self.source = source
    }
  }

  /// How a sample's tumour type stands to the tumour types an alteration points to.
  public enum Relation: String, Sendable, Codable {
    /// The same type, or a subtype of one of them.
    case concordant
    /// The sample's type is broader (or unspecified): the alteration refines it.
    case refines
    case discordant
  }

  public let entries: [String: Entry]
  /// Lower-cased codes, names and aliases to codes.
  let lookup: [String: String]
  /// The same keys with spaces and punctuation removed (`ewing-sarcoma` finds `Ewing sarcoma`).
  let squashedLookup: [String: String]

  public init(_ entries: [Entry] = []) {
    self.entries = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    var lookup: [String: String] = [:]
    // Codes first, then names, then aliases: a code always wins over another entry's alias.
    for entry in entries { lookup[entry.code.lowercased()] = entry.code }
    for entry in entries where lookup[entry.name.lowercased()] == nil { lookup[entry.name.lowercased()] = entry.code }
    for entry in entries {
      for alias in entry.aliases where lookup[alias.lowercased()] == nil { lookup[alias.lowercased()] = entry.code }
    }
    self.lookup = lookup
    var squashedLookup: [String: String] = [:]
    // Sorted so that two keys squashing alike resolve the same way on every run.
    for key in lookup.keys.sorted() {
      let squashed = Self.squash(key)
      if squashedLookup[squashed] == nil { squashedLookup[squashed] = lookup[key] }
    }
    self.squashedLookup = squashedLookup
  }

  /// Only the entries are stored (the compiled panel cache); the lookups are rebuilt from them.
  public init(from decoder: Decoder) throws {
    self.init(try [Entry](from: decoder))
  }

  public func encode(to encoder: Encoder) throws {
    try entries.values.sorted { $0.code < $1.code }.encode(to: encoder)
  }

  public var isEmpty: Bool { entries.isEmpty }
  public func name(of code: String) -> String? { entries[code]?.name }
  public func contains(_ code: String) -> Bool { entries[code] != nil }

  /// The code for a code, name or alias, in any letter case (spaces and `-`/`_` tolerated).
  public func resolve(_ text: String) -> String? {
    let wanted = text.trimmingCharactersInSet(" ").lowercased()
    if let code = lookup[wanted] { return code }
    return squashedLookup[Self.squash(wanted)]
  }

  /// Up to `limit` codes whose code, name or alias is closest to `text` (for "did you mean").
  public func suggestions(for text: String, limit: Int = 3) -> [String] {
    let wanted = Self.squash(text.lowercased())
    var best: [String: Int] = [:]
    for (key, code) in lookup {
      let candidate = Self.squash(key)
      var distance = Self.editDistance(wanted, candidate)
      if candidate.hasPrefix(wanted) || wanted.hasPrefix(candidate) { distance = min(distance, 1) }
      best[code] = min(best[code] ?? Int.max, distance)
    }
    let threshold = max(2, wanted.count / 3)
    return best.filter { $0.value <= threshold && $0.key != "*" }
      .sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(limit).map(\.key)
  }

  /// The code and its ancestors, nearest first.
  public func lineage(of code: String) -> [String] {
    var result: [String] = []
    var current: String? = code
    while let code = current, !code.isEmpty, !result.contains(code) {
      result.append(code)
      current = entries[code]?.parent
    }
    return result
  }

  /// Whether evidence for `evidenceCode` applies to a sample of `sampleCode`: the same type or one of its ancestors.
  public func covers(_ evidenceCode: String, sample sampleCode: String) -> Bool {
    lineage(of: sampleCode).contains(evidenceCode)
  }

  /// Whether any of `codes` (a rule's or an item's tumour types) covers a sample of `sampleCode`; without a table
  /// (a panel with no tumour_types.tsv) a code covers only itself.
  public func coversAny(_ codes: [String], sample sampleCode: String) -> Bool {
    let sampleLineage = lineage(of: sampleCode)
    return codes.contains(where: sampleLineage.contains)
  }

  /// How a sample's type stands to the types an alteration is pathognomonic for.
  public func relation(sample: String, to types: [String]) -> Relation {
    let sampleLineage = lineage(of: sample)
    if types.contains(where: sampleLineage.contains) { return .concordant }
    if entries[sample]?.unspecified == true { return .refines }
    if types.contains(where: { lineage(of: $0).contains(sample) }) { return .refines }
    return .discordant
  }

  /// Every entry under `code` (itself included), in code order; all entries for nil.
  public func entries(under code: String? = nil) -> [Entry] {
    entries.values.filter { code == nil || lineage(of: $0.code).contains(code!) }.sorted { $0.code < $1.code }
  }

  static func squash(_ text: String) -> String {
    // ASCII (nearly every key) byte by byte: the same letters and digits `Character` would keep,
    // without its Unicode property lookups (the table is rebuilt on every panel load).
    let bytes = Array(text.utf8)
    if bytes.allSatisfy({ $0 < 0x80 }) {
      return String(decoding: bytes.filter { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }, as: UTF8.self)
    }
    return String(text.filter { $0.isLetter || $0.isNumber })
  }

  /// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`: `GITS` is one from `GIST`.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var rows = [Array(0...b.count)] + (1...a.count).map { [$0] + Array(repeating: 0, count: b.count) }
    for i in 1...a.count {
      for j in 1...b.count {
        var best = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, rows[i - 2][j - 2] + 1) }
        rows[i][j] = best
      }
    }
    return rows[a.count][b.count]
  }
}

extension String {
  func trimmingCharactersInSet(_ characters: Character...) -> String {
    var text = Substring(self)
    while let first = text.first, characters.contains(first) { text = text.dropFirst() }
    while let last = text.last, characters.contains(last) { text = text.dropLast() }
    return String(text)
  }
}

extension TumourTypeTable {
  /// The code for what a user typed (`gist`, `Ewing sarcoma`, `UPS`), or a usage error naming the nearest codes.
  /// `given` names where the text came from in the message (`--tumor-type`, a sample sheet column).
  public func code(for text: String, panel: String, given: String = "--tumor-type") throws -> String {
    if isEmpty { return text }
    if let code = resolve(text), code != "*" { return code }
    let nearest = suggestions(for: text).map { "\($0) (\(name(of: $0) ?? $0))" }
    throw SarcoError.usage(
      "\(given) '\(text)' is not a tumour type of panel \(panel) (OncoTree codes, names or aliases)"
        + (nearest.isEmpty ? "" : "; nearest: \(nearest.joined(separator: ", "))")
        + "; list them with `sarcopanel panel tumour-types <panel dir>`")
  }
}
