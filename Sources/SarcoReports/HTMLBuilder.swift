import Foundation

/// Builds escaped HTML text.
struct HTMLBuilder {
  /// Takes the text so far once it passes a mebibyte (see `HTMLReport.render(_:emit:)`).
  var spill: ((String) -> Void)?
  private(set) var text = "" {
    didSet {
      if let spill, text.utf8.count >= 1 << 20 {
        spill(text)
        text = ""
      }
    }
  }

  mutating func raw(_ markup: String) { text += markup }

  mutating func element(_ name: String, _ content: String, className: String? = nil) {
    text += "<\(name)\(className.map { " class=\"\($0)\"" } ?? "")>\(HTMLBuilder.escape(content))</\(name)>\n"
  }

  mutating func list(_ items: [String]) {
    text += "<ul>\n"
    for item in items { element("li", item) }
    text += "</ul>\n"
  }

  mutating func definitions(_ pairs: [(String, String)]) {
    text += "<dl>\n"
    for (term, value) in pairs {
      element("dt", term)
      element("dd", value)
    }
    text += "</dl>\n"
  }

  mutating func table(headers: [String], rows: [[String]]) {
    text += "<table>\n<thead><tr>"
    for header in headers { text += "<th>\(HTMLBuilder.escape(header))</th>" }
    text += "</tr></thead>\n<tbody>\n"
    for row in rows {
      text += "<tr>"
      for cell in row { text += "<td>\(HTMLBuilder.escape(cell))</td>" }
      text += "</tr>\n"
    }
    text += "</tbody>\n</table>\n"
  }

  /// Escapes the five characters that matter in text and attribute values.
  static func escape(_ text: String) -> String {
    // The five characters are ASCII, so a byte scan finds them; most text has none and is returned as it is.
    guard text.utf8.withContiguousStorageIfAvailable(needsEscape) ?? text.utf8.contains(where: needsEscape) else { return text }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(text.utf8.count + 32)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): escaped += "&amp;".utf8
      case UInt8(ascii: "<"): escaped += "&lt;".utf8
      case UInt8(ascii: ">"): escaped += "&gt;".utf8
      case UInt8(ascii: "\""): escaped += "&quot;".utf8
      case UInt8(ascii: "'"): escaped += "&#39;".utf8
      default: escaped.append(byte)
      }
    }
    return String(decoding: escaped, as: UTF8.self)
  }

  @inline(__always)
  static func needsEscape(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "'")
  }

  /// Whether any byte is one of the five, eight bytes at a time (`ByteWords`; byte by byte through the
  /// UTF-8 view, this check was 2% of a batch's instructions).
  static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    ByteWords.contains(utf8, word: wordNeedsEscape, byte: needsEscape)
  }

  /// Whether any byte of `word` is one of the five.
  @inline(__always) static func wordNeedsEscape(_ word: UInt64) -> Bool {
    func has(_ byte: Unicode.Scalar) -> UInt64 { ByteWords.byte(UInt8(ascii: byte), in: word) }
    return (has("&") | has("<") | has(">") | has("\"") | has("'")) != 0
  }
}

extension String {
  var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
