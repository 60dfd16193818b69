import Foundation
import SarcoIO
import SarcoTestSupport
import Testing

@testable import SarcoReports

/// Escaping and linking in the HTML report: the byte-level fast paths must give what the full path gives.
@Suite struct ReportLinksTests {
  @Test func escapingReplacesTheFiveCharactersAndKeepsOtherText() {
    #expect(HTMLBuilder.escape("KIT exon 11 (Δ557–558)") == "KIT exon 11 (Δ557–558)")
    #expect(HTMLBuilder.escape(#"<b>"R&D" 'x'</b> — µ"#) == "&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt; — µ")
    #expect(HTMLBuilder.escape("") == "")
  }

  /// The word-at-a-time check against the byte-by-byte one: each of the five characters at every
  /// place of strings up to three words long (and past a word's end), among ASCII and multi-byte text.
  @Test func wordAtATimeCheckFindsEachCharacterAnywhere() {
    let fillers = ["a", "Δ", "–", "\u{1F9EC}", "%", "=", "9", "\u{80}"]
    var random = SplitMix(seed: 18)
    for length in 0...26 {
      for special in ["", "&", "<", ">", "\"", "'"] {
        for place in 0...length {
          var text = ""
          for _ in 0..<length { text += fillers[random.next(below: fillers.count)] }
          if !special.isEmpty {
            let index = text.index(text.startIndex, offsetBy: min(place, text.count))
            text.insert(contentsOf: special, at: index)
          }
          let expected = text.utf8.contains(where: HTMLBuilder.needsEscape)
          let found = text.utf8.withContiguousStorageIfAvailable(HTMLBuilder.needsEscape)
          #expect(found == expected, "\(text.debugDescription)")
          #expect(expected == !special.isEmpty)
        }
      }
    }
    // Bytes next to the five (0x21, 0x23-0x25, 0x28, 0x3B, 0x3D, 0x3F) and high bytes never count.
    let neighbours = String(decoding: [0x21, 0x23, 0x24, 0x25, 0x28, 0x3B, 0x3D, 0x3F, 0xC3, 0xA9, 0x7F, 0x00, 0x20], as: UTF8.self)
    #expect(HTMLBuilder.escape(neighbours) == neighbours)
  }

  /// A text linked again comes from the memo, the same as linking it anew; past its limit the memo
  /// keeps nothing more (texts are still linked).
  @Test func linkedTextsAreRememberedUpToTheLimit() {
    let text = "Corless 2005 PMID:15928335 and CIVIC:EID4072 <b>"
    let first = ReportLinks.linked(text)
    #expect(ReportLinks.linkedTexts.value(text) == first)
    #expect(ReportLinks.linked(text) == first)
    #expect(first == ReportLinks.identifiersLinked(text))
    // Two texts of 6 bytes and links of 8 fill a memo of 28 bytes.
    let memo = LinkedTexts(byteLimit: 28)
    for number in 1...3 { memo.store("linked \(number)", for: "text \(number)") }
    #expect(memo.value("text 1") == "linked 1" && memo.value("text 2") == "linked 2")
    #expect(memo.value("text 3") == nil)
    let long = String(repeating: "PMID:1 ", count: LinkedTexts.longestText / 7 + 1)
    let roomy = LinkedTexts(byteLimit: 1 << 20)
    roomy.store("x", for: long)
    #expect(roomy.value(long) == nil)
  }

  /// Two spellings of one text (an accent composed, or a letter and a combining accent) are equal as
  /// `String`s but escape to different bytes: each gets its own link, whichever came first.
  @Test func canonicallyEquivalentTextsKeepTheirOwnBytes() {
    let composed = "PMID:15928335 caf\u{E9} <x>"
    let combining = "PMID:15928335 cafe\u{301} <x>"
    #expect(composed == combining)
    let first = ReportLinks.linked(composed)
    let second = ReportLinks.linked(combining)
    #expect(Array(first.utf8) == Array(ReportLinks.identifiersLinked(composed).utf8))
    #expect(Array(second.utf8) == Array(ReportLinks.identifiersLinked(combining).utf8))
    #expect(!Array(first.utf8).elementsEqual(Array(second.utf8)))
    // The memo itself, fresh: the other spelling is not found under the first's entry.
    let memo = LinkedTexts(byteLimit: 1 << 20)
    memo.store(ReportLinks.identifiersLinked(composed), for: composed)
    #expect(memo.value(combining) == nil)
    #expect(memo.value(composed) != nil)
    // A text of exactly the longest length kept is kept.
    let longest = String(repeating: "x", count: LinkedTexts.longestText)
    memo.store("y", for: longest)
    #expect(memo.value(longest) == "y")
  }

  @Test func textWithoutIdentifiersIsOnlyEscaped() {
    #expect(!ReportLinks.mayHoldIdentifier("imatinib sensitivity <level A>"))
    #expect(ReportLinks.linked("imatinib sensitivity <level A>") == "imatinib sensitivity &lt;level A&gt;")
    #expect(!ReportLinks.mayHoldIdentifier("PMI"))
  }

  @Test func everyIdentifierKindIsStillLinked() {
    #expect(ReportLinks.mayHoldIdentifier("x PMID:15928335"))
    #expect(ReportLinks.linked("Corless 2005 PMID:15928335; <NCCN>")
      == #"Corless 2005 <a href="https://pubmed.ncbi.nlm.nih.gov/15928335/">PMID:15928335</a>; &lt;NCCN&gt;"#)
    #expect(ReportLinks.linked("CIVIC:EID4072").contains("https://civicdb.org/evidence/4072/summary"))
    #expect(ReportLinks.linked("CIViC 01-Aug-2024 variant 12").contains("https://civicdb.org/variants/12/summary"))
    #expect(ReportLinks.linked("ClinVar VCV000012366").contains("https://www.ncbi.nlm.nih.gov/clinvar/variation/12366/"))
    #expect(ReportLinks.linked("doi:10.1016/j.annonc.2021.09.005").contains("https://doi.org/10.1016/j.annonc.2021.09.005"))
  }
}

/// The identifier matchers against the regular expressions the report used before them (kept
/// here as their specification, with the linking they drove): the same HTML for every text of
/// both panels, for edge cases of each expression, and for 10,000 texts built from their pieces.
@Suite struct IdentifierScannerTests {
  /// The former `ReportLinks.linked`, on `NSRegularExpression`.
  static func linkedByRegularExpressions(_ text: String) -> String {
    let patterns: [(String, ([String]) -> String)] = [
      (#"PMID:? ?(\d{4,9})"#, { "https://pubmed.ncbi.nlm.nih.gov/\($0[1])/" }),
      (#"CIVIC:EID(\d+)|\bEID(\d+)"#, { "https://civicdb.org/evidence/\($0[1].isEmpty ? $0[2] : $0[1])/summary" }),
      (#"CIViC [0-9A-Za-z-]+ variant (\d+)"#, { "https://civicdb.org/variants/\($0[1])/summary" }),
      (#"VCV0*(\d+)"#, { "https://www.ncbi.nlm.nih.gov/clinvar/variation/\($0[1])/" }),
      (#"doi:(10\.\d{4,9}/[^\s;,)]+)"#, { "https://doi.org/\($0[1])" }),
    ]
    let whole = NSRange(text.startIndex..., in: text)
    var found: [(range: Range<String.Index>, url: String)] = []
    for (pattern, url) in patterns {
      for match in try! NSRegularExpression(pattern: pattern).matches(in: text, range: whole) {
        guard let range = Range(match.range, in: text) else { continue }
        let groups = (0..<match.numberOfRanges).map { index -> String in
          Range(match.range(at: index), in: text).map { String(text.unicodeScalars[$0]) } ?? ""
        }
        if !found.contains(where: { $0.range.overlaps(range) }) { found.append((range, url(groups))) }
      }
    }
    guard !found.isEmpty else { return HTMLBuilder.escape(text) }
    // Cut by scalars (cutting `text` itself rounds an index inside a character down to the
    // character's start: a match ending before a combining mark lost or repeated text).
    let scalars = text.unicodeScalars
    var output = ""
    var cursor = text.startIndex
    for (range, url) in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      output += HTMLBuilder.escape(String(scalars[cursor..<range.lowerBound]))
      output += ReportLinks.anchor(url, String(scalars[range]))
      cursor = range.upperBound
    }
    return output + HTMLBuilder.escape(String(scalars[cursor...]))
  }

  static let edgeCases = [
    "PMID: 123", "PMID:1234", "PMID 12345", "PMID:123456789012", "PMID  1234", "PMID:: 1234", "PMID١٢٣٤٥", "xPMID 1234",
    "EID12", "xEID12", "_EID12", "-EID12", " EID", "é EID12", "éEID12", "e\u{301}EID12", "-\u{301}EID12", "\u{200D}EID5",
    "\u{200B}EID5", "a\u{200B}EID5", "EID\u{301}12", "CIVIC:EID", "CIVIC:EIDx", "CIVIC:EID77", "xCIVIC:EID77", "CIVIC:EID٣",
    "CIViC abc variant 9", "CIViC a-b variant 7x", "CIViC  variant 3", "CIViC é variant 3", "CIViC 01-Aug-2024 variant",
    "CIViC x variant ١٢", "VCV", "VCV0", "VCV000", "VCV0001", "VCV12", "VCV000012366.3", "VCV٠٠١", "VCV0١", "doi:10.123/x",
    "doi:10.1234/", "doi:10.1234/x", "doi:10.123456789/x", "doi:10.1234567890/x", "doi:10.1234/a b", "doi:10.1234/a;b",
    "doi:10.1234/a,b", "doi:10.1234/a)b", "doi:10.1234/a(b", "doi:10.1234/a\u{A0}b", "doi:10.1234/a\u{0B}b",
    "doi:10.1234/a\u{85}b", "doi:10.1234/a\u{2028}b", "doi:10.1234/a\u{3000}b", "doi:10.1234/a\tb", "doi:10.1234/é\u{301}",
    "doi:10.١٢٣٤/x", "doi:10.1234//", "DOI:10.1234/x", "doi:10.1234/PMID:12345", "CIViC EID12 variant 3",
    "PMID:12345 EID12 VCV0012 CIVIC:EID99 CIViC x variant 5 doi:10.1000/xyz <b>&</b>", "🧬 PMID 2345 🧬 VCV1",
    "Corless 2005 PMID:15928335; <NCCN>", "", "P", "PMI", "VC", "do", "doi", "doi:", "CIViC", "CIViC ",
  ]

  @Test func edgeCasesLinkAsTheExpressionsDid() {
    for text in Self.edgeCases {
      #expect(ReportLinks.linked(text) == Self.linkedByRegularExpressions(text), "\(text.debugDescription)")
    }
  }

  @Test(arguments: ["panels/sarcoma", "panels/hereditary"])
  func everyPanelTextLinksAsTheExpressionsDid(panel: String) throws {
    let json = try JSONEncoder().encode(try PanelLoader.load(directory: TestData.path(panel)))
    var texts: Set<String> = []
    func collect(_ value: Any) {
      if let text = value as? String { texts.insert(text) }
      if let array = value as? [Any] { array.forEach(collect) }
      if let object = value as? [String: Any] { object.values.forEach(collect) }
    }
    collect(try JSONSerialization.jsonObject(with: json))
    #expect(texts.count > 1000)
    #expect(texts.contains { ReportLinks.mayHoldIdentifier($0) })
    for text in texts where ReportLinks.mayHoldIdentifier(text) {
      #expect(ReportLinks.linked(text) == Self.linkedByRegularExpressions(text), "\(text.debugDescription)")
    }
  }

  @Test func piecedTextsLinkAsTheExpressionsDid() {
    let pieces = [
      "PMID", ":", " ", "1", "0", "12345", "EID", "CIVIC:", "CIViC ", " variant ", "VCV", "doi:", "10.", "/", ";", ",", ")",
      "a", "-", "é", "\u{301}", "\u{200D}", "\u{A0}", "\t", "١", "_", "x", "<", "&", "1234", "🧬", "CIViC 01-Aug",
      " variant 7", "CIViC x-1 variant ", "doi:10.1234", "doi:10.12345678", "/j.x", "0012",
    ]
    let sites = ["pubmed", "civicdb.org/evidence", "civicdb.org/variants", "clinvar", "doi.org"]
    var random = SplitMix(seed: 18)
    var differing: [String] = []
    var linkedTo = [String: Int]()
    for _ in 0..<10_000 {
      let text = (0..<(1 + random.next(below: 12))).map { _ in pieces[random.next(below: pieces.count)] }.joined()
      let expected = Self.linkedByRegularExpressions(text)
      if ReportLinks.linked(text) != expected { differing.append(text) }
      for site in sites where expected.contains(site) { linkedTo[site, default: 0] += 1 }
    }
    #expect(differing.isEmpty, "\(differing.prefix(5).map(\.debugDescription))")
    // Every kind is found in some of the texts (the comparison covers each matcher).
    for site in sites { #expect(linkedTo[site, default: 0] >= 50, "\(site): \(linkedTo[site, default: 0]) texts") }
  }

  @Test func onlyTextsWithATriggerWordCanHoldAnIdentifier() {
    for text in Self.edgeCases where !ReportLinks.mayHoldIdentifier(text) {
      #expect(Self.linkedByRegularExpressions(text) == HTMLBuilder.escape(text), "\(text.debugDescription)")
    }
  }
}
