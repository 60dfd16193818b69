import SarcoTestSupport
import Testing

@testable import SarcoCore

/// `TumourTypeTable.squash` keeps ASCII letters and digits byte by byte: the same as keeping the
/// `Character`s that are letters or numbers, which it still does for other text.
struct TumourTypeSquashTests {
  static func byCharacter(_ text: String) -> String { String(text.filter { $0.isLetter || $0.isNumber }) }

  @Test func asciiFastPathKeepsWhatCharactersWould() {
    let table = TestPanels.sarcoma.knowledge.tumourTypes
    let keys = table.entries.values.flatMap { [$0.code, $0.name] + $0.aliases }.flatMap { [$0, $0.lowercased()] }
    let everyASCII = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
    let others = ["Ewing-sarcoma", "GIST (KIT)", "a\r\nb", "Sarcome d'Ewing", "Ewing’s", "café", "e\u{301}", "²3", "ⅩⅡ", "Ｇ1", "٣"]
    #expect(!keys.isEmpty)
    for text in keys + everyASCII + others {
      #expect(TumourTypeTable.squash(text) == Self.byCharacter(text), "\(text.debugDescription)")
    }
  }
}
