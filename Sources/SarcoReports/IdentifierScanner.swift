/// The public identifiers the HTML report links, found by hand-written matchers over a text's
/// Unicode scalars. Each kind matches exactly what this ICU regular expression matches (the
/// report used `NSRegularExpression` with them; tests hold the two equal):
///
/// | kind | expression |
/// |---|---|
/// | `pubMed` | `PMID:? ?(\d{4,9})` |
/// | `civicEvidence` | `CIVIC:EID(\d+)\|\bEID(\d+)` |
/// | `civicVariant` | `CIViC [0-9A-Za-z-]+ variant (\d+)` |
/// | `clinVar` | `VCV0*(\d+)` |
/// | `doi` | `doi:(10\.\d{4,9}/[^\s;,)]+)` |
///
/// ICU's `\d` is any decimal digit (`\p{Nd}`), `\s` is Unicode's White_Space, and `\b` compares the
/// word character at a position with the one before it, skipping combining marks and format
/// characters. (The expressions cost a Foundation string bridge and an ICU match per kind per
/// text: linking took 10% of a batch of small samples, 7% with these matchers.)
enum IdentifierScanner {
  enum Kind: CaseIterable {
    case pubMed, civicEvidence, civicVariant, clinVar, doi
  }

  /// A match: where it lies in the scalars, and the identifier its link is made from.
  struct Match: Equatable {
    let range: Range<Int>
    let identifier: Range<Int>
  }

  /// Every match of `kind` in `scalars`, left to right, none overlapping (each search goes on
  /// where the last match ended), as a regular expression's matches are found.
  static func matches(_ kind: Kind, in scalars: [Unicode.Scalar]) -> [Match] {
    var found: [Match] = []
    var start = 0
    while start < scalars.count {
      // Only a kind's first letters can start it (most positions end here).
      let first = scalars[start]
      let mayStart: Bool
      switch kind {
      case .pubMed: mayStart = first == "P"
      case .civicEvidence: mayStart = first == "C" || first == "E"
      case .civicVariant: mayStart = first == "C"
      case .clinVar: mayStart = first == "V"
      case .doi: mayStart = first == "d"
      }
      if mayStart, let match = self.match(kind, in: scalars, at: start) {
        found.append(match)
        start = match.range.upperBound
      } else {
        start += 1
      }
    }
    return found
  }

  /// The match of `kind` starting at `start`, if any.
  static func match(_ kind: Kind, in scalars: [Unicode.Scalar], at start: Int) -> Match? {
    let text = Cursor(scalars: scalars)
    switch kind {
    case .pubMed:
      guard var at = text.after("PMID", from: start) else { return nil }
      // `:?` and ` ?` give nothing back: neither a colon nor a space is a digit.
      if text.scalar(at) == ":" { at += 1 }
      if text.scalar(at) == " " { at += 1 }
      let digits = text.digitRun(from: at)
      guard digits >= 4 else { return nil }
      let end = at + min(digits, 9)
      return Match(range: start..<end, identifier: at..<end)
    case .civicEvidence:
      if let at = text.after("CIVIC:EID", from: start), case let digits = text.digitRun(from: at), digits > 0 {
        return Match(range: start..<(at + digits), identifier: at..<(at + digits))
      }
      guard text.isWordBoundary(at: start), let at = text.after("EID", from: start) else { return nil }
      let digits = text.digitRun(from: at)
      guard digits > 0 else { return nil }
      return Match(range: start..<(at + digits), identifier: at..<(at + digits))
    case .civicVariant:
      guard let word = text.after("CIViC ", from: start) else { return nil }
      var at = word
      while let scalar = text.scalar(at), isASCIILetterOrDigit(scalar) || scalar == "-" {
        at += 1
      }
      guard at > word, let number = text.after(" variant ", from: at) else { return nil }
      let digits = text.digitRun(from: number)
      guard digits > 0 else { return nil }
      return Match(range: start..<(number + digits), identifier: number..<(number + digits))
    case .clinVar:
      guard let at = text.after("VCV", from: start) else { return nil }
      let digits = text.digitRun(from: at)
      guard digits > 0 else { return nil }
      var zeros = 0
      while zeros < digits, text.scalar(at + zeros) == "0" { zeros += 1 }
      // `0*` gives back one zero when nothing else follows, so that `(\d+)` has a digit.
      let number = at + min(zeros, digits - 1)
      return Match(range: start..<(at + digits), identifier: number..<(at + digits))
    case .doi:
      guard let prefix = text.after("doi:", from: start), let at = text.after("10.", from: prefix) else { return nil }
      let digits = text.digitRun(from: at)
      // `\d{4,9}` followed by `/`: more than nine digits leave a digit, never a slash, next.
      guard (4...9).contains(digits), text.scalar(at + digits) == "/" else { return nil }
      var end = at + digits + 1
      while let scalar = text.scalar(end), !isSpace(scalar), scalar != ";", scalar != ",", scalar != ")" { end += 1 }
      guard end > at + digits + 1 else { return nil }
      return Match(range: start..<end, identifier: prefix..<end)
    }
  }

  static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
  }

  /// ICU's `\d`.
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .decimalNumber }

  /// ICU's `\s`: Unicode's White_Space (tab to carriage return, next line, the separators).
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

  /// ICU's word characters for `\b`: `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]`.
  static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value == 0x200C || scalar.value == 0x200D || scalar.properties.isAlphabetic { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
    default: return false
    }
  }

  /// What ICU's `\b` steps over when it looks back.
  static func isIgnoredByBoundary(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
  }

  /// Reads `scalars` without going past either end.
  struct Cursor {
    let scalars: [Unicode.Scalar]

    func scalar(_ index: Int) -> Unicode.Scalar? { index >= 0 && index < scalars.count ? scalars[index] : nil }

    /// Where `literal` (ASCII) ends when it starts at `index`, else nil.
    func after(_ literal: String, from index: Int) -> Int? {
      var at = index
      for byte in literal.utf8 {
        guard at < scalars.count, scalars[at].value == UInt32(byte) else { return nil }
        at += 1
      }
      return at
    }

    /// How many decimal digits run from `index`.
    func digitRun(from index: Int) -> Int {
      var at = index
      while let scalar = scalar(at), IdentifierScanner.isDigit(scalar) { at += 1 }
      return at - index
    }

    /// ICU's `\b` at `index`.
    func isWordBoundary(at index: Int) -> Bool {
      guard let current = scalar(index) else { return isWordBefore(index) }
      if IdentifierScanner.isIgnoredByBoundary(current) { return false }
      return IdentifierScanner.isWordCharacter(current) != isWordBefore(index)
    }

    private func isWordBefore(_ index: Int) -> Bool {
      var at = index - 1
      while let scalar = scalar(at) {
        if !IdentifierScanner.isIgnoredByBoundary(scalar) { return IdentifierScanner.isWordCharacter(scalar) }
        at -= 1
      }
      return false
    }
  }
}
