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
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}

extension String {
  var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
