import Foundation

/// Public identifiers in report text turned into links: PubMed for PMIDs, CIViC for evidence
/// and variant ids, ClinVar for variation ids, doi.org for DOIs (`IdentifierScanner` finds them).
/// The page stays self-contained: links are the only network references and nothing is fetched.
enum ReportLinks {
  /// The link of an identifier of each kind.
  static func url(_ kind: IdentifierScanner.Kind, _ identifier: String) -> String {
    switch kind {
    case .pubMed: "https://pubmed.ncbi.nlm.nih.gov/\(identifier)/"
    case .civicEvidence: "https://civicdb.org/evidence/\(identifier)/summary"
    case .civicVariant: "https://civicdb.org/variants/\(identifier)/summary"
    case .clinVar: "https://www.ncbi.nlm.nih.gov/clinvar/variation/\(identifier)/"
    case .doi: "https://doi.org/\(identifier)"
    }
  }

  /// `text` escaped, with every recognised identifier wrapped in a link.
  static func linked(_ text: String) -> String {
    guard mayHoldIdentifier(text) else { return HTMLBuilder.escape(text) }
    if let known = linkedTexts.value(text) { return known }
    let made = identifiersLinked(text)
    linkedTexts.store(made, for: text)
    return made
  }

  /// Texts already linked by this process: most are the panel's (evidence, citations), met again in
  /// every sample of a batch and in several rows of one report; each took ~30,000 instructions to
  /// scan, 7% of a batch of small samples.
  static let linkedTexts = LinkedTexts(byteLimit: 8 << 20)

  /// `linked` without the memo.
  static func identifiersLinked(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    // A match that starts or ends inside a character (before a combining mark or a joiner) is left
    // unlinked rather than split. Between two ASCII scalars but CR LF a character always starts.
    var characterStarts: Set<Int>?
    func startsCharacter(_ offset: Int) -> Bool {
      guard offset > 0, offset < scalars.count else { return true }
      let (before, after) = (scalars[offset - 1], scalars[offset])
      if before.isASCII, after.isASCII, before != "\r" || after != "\n" { return true }
      if characterStarts == nil {
        var starts: Set<Int> = []
        var start = 0
        for character in text {
          starts.insert(start)
          start += character.unicodeScalars.count
        }
        characterStarts = starts
      }
      return characterStarts!.contains(offset)
    }
    // Pieces are cut from the text's bytes (making strings scalar by scalar was slower than the ICU
    // matching this replaced).
    var bytes: [UInt8] = []
    var byteOffsets: [Int] = []
    func piece(_ range: Range<Int>) -> String {
      if byteOffsets.isEmpty {
        bytes = Array(text.utf8)
        byteOffsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
          byteOffsets.append(offset)
          offset += UTF8.width(scalar)
        }
        byteOffsets.append(offset)
      }
      return String(decoding: bytes[byteOffsets[range.lowerBound]..<byteOffsets[range.upperBound]], as: UTF8.self)
    }
    var found: [(range: Range<Int>, url: String)] = []
    for kind in IdentifierScanner.Kind.allCases {
      for match in IdentifierScanner.matches(kind, in: scalars)
      where startsCharacter(match.range.lowerBound) && startsCharacter(match.range.upperBound) {
        // The first kind to claim a stretch of text keeps it.
        guard !found.contains(where: { $0.range.overlaps(match.range) }) else { continue }
        found.append((match.range, url(kind, piece(match.identifier))))
      }
    }
    guard !found.isEmpty else { return HTMLBuilder.escape(text) }
    var output = ""
    var cursor = 0
    for (range, url) in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      output += HTMLBuilder.escape(piece(cursor..<range.lowerBound))
      output += anchor(url, piece(range))
      cursor = range.upperBound
    }
    return output + HTMLBuilder.escape(piece(cursor..<scalars.count))
  }

  /// Whether `text` holds a word every kind of identifier contains ("PMID", "EID" (also inside
  /// "CIVIC:EID"), "CIViC ", "VCV", "doi:"): most table cells do not, and are only escaped.
  static func mayHoldIdentifier(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      func holds(_ word: StaticString, at start: Int) -> Bool {
        word.withUTF8Buffer { word in
          start + word.count <= bytes.count && word.indices.allSatisfy { bytes[start + $0] == word[$0] }
        }
      }
      for start in bytes.indices {
        switch bytes[start] {
        case UInt8(ascii: "P"): if holds("PMID", at: start) { return true }
        case UInt8(ascii: "E"): if holds("EID", at: start) { return true }
        case UInt8(ascii: "C"): if holds("CIViC ", at: start) { return true }
        case UInt8(ascii: "V"): if holds("VCV", at: start) { return true }
        case UInt8(ascii: "d"): if holds("doi:", at: start) { return true }
        default: continue
        }
      }
      return false
    }
  }

  static func anchor(_ url: String, _ label: String) -> String {
    "<a href=\"\(HTMLBuilder.escape(url))\">\(HTMLBuilder.escape(label))</a>"
  }

  /// OncoTree's page for a tumour type code (the release the panel uses).
  static func oncotree(_ code: String) -> String {
    "https://oncotree.mskcc.org/?version=oncotree_2025_10_03&field=CODE&search=\(code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? code)"
  }

  /// gnomAD's page for a variant key (`17:7676154:G:C`) on a build.
  static func gnomAD(_ key: String, grch38: Bool) -> String {
    let dataset = grch38 ? "gnomad_r4" : "gnomad_r2_1"
    return "https://gnomad.broadinstitute.org/variant/\(key.split(separator: ":").joined(separator: "-"))?dataset=\(dataset)"
  }
}

extension HTMLBuilder {
  /// An element whose text may hold identifiers to link.
  mutating func linkedElement(_ name: String, _ content: String, className: String? = nil) {
    raw("<\(name)\(className.map { " class=\"\($0)\"" } ?? "")>\(ReportLinks.linked(content))</\(name)>\n")
  }

  /// A definition list whose values may hold identifiers to link.
  mutating func linkedDefinitions(_ pairs: [(String, String)]) {
    raw("<dl>\n")
    for (term, value) in pairs {
      element("dt", term)
      linkedElement("dd", value)
    }
    raw("</dl>\n")
  }

  /// A table whose cells may hold identifiers to link.
  mutating func linkedTable(headers: [String], rows: [[String]], className: String? = nil) {
    raw("<table\(className.map { " class=\"\($0)\"" } ?? "")>\n<thead><tr>")
    for header in headers { raw("<th>\(HTMLBuilder.escape(header))</th>") }
    raw("</tr></thead>\n<tbody>\n")
    for row in rows {
      raw("<tr>")
      for cell in row { raw("<td>\(ReportLinks.linked(cell))</td>") }
      raw("</tr>\n")
    }
    raw("</tbody>\n</table>\n")
  }

  mutating func linkedList(_ items: [String]) {
    raw("<ul>\n")
    for item in items { linkedElement("li", item) }
    raw("</ul>\n")
  }
}

/// A bounded memo of linked texts, shared by a batch's workers. Texts are told apart by their bytes:
/// `String` equality is canonical equivalence, and two spellings of one text (an accent composed or
/// combining) escape to different bytes. Past `byteLimit` bytes of texts and links kept (a report of
/// thousands of distinct notes; strings' and the table's overhead come on top, about as much again),
/// and for a text longer than `longestText`, nothing more is kept (texts are still linked).
final class LinkedTexts: @unchecked Sendable {
  /// A text compared and hashed by its UTF-8 bytes.
  private struct Spelling: Hashable {
    let text: String
    static func == (lhs: Spelling, rhs: Spelling) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }
    func hash(into hasher: inout Hasher) {
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  static let longestText = 4096
  private let lock = NSLock()
  private var known: [Spelling: String] = [:]
  private var bytesKept = 0
  private let byteLimit: Int

  init(byteLimit: Int) { self.byteLimit = byteLimit }

  func value(_ text: String) -> String? { lock.withLock { known[Spelling(text: text)] } }

  func store(_ linked: String, for text: String) {
    guard text.utf8.count <= LinkedTexts.longestText else { return }
    let size = text.utf8.count + linked.utf8.count
    lock.withLock {
      guard bytesKept + size <= byteLimit, known.updateValue(linked, forKey: Spelling(text: text)) == nil else { return }
      bytesKept += size
    }
  }
}
