import Foundation

/// Public identifiers in report text turned into links: PubMed for PMIDs, CIViC for evidence
/// and variant ids, ClinVar for variation ids, doi.org for DOIs. The page stays self-contained:
/// links are the only network references and nothing is fetched.
enum ReportLinks {
  struct Pattern {
    let expression: NSRegularExpression
    /// The URL for a match, from its capture groups.
    let url: ([String]) -> String
  }

  // NSRegularExpression is immutable and safe to use from many threads (Foundation documents it so).
  nonisolated(unsafe) static let patterns: [Pattern] = [
    Pattern(expression: regex(#"PMID:? ?(\d{4,9})"#)) { "https://pubmed.ncbi.nlm.nih.gov/\($0[1])/" },
    Pattern(expression: regex(#"CIVIC:EID(\d+)|\bEID(\d+)"#)) { "https://civicdb.org/evidence/\($0[1].isEmpty ? $0[2] : $0[1])/summary" },
    Pattern(expression: regex(#"CIViC [0-9A-Za-z-]+ variant (\d+)"#)) { "https://civicdb.org/variants/\($0[1])/summary" },
    Pattern(expression: regex(#"VCV0*(\d+)"#)) { "https://www.ncbi.nlm.nih.gov/clinvar/variation/\($0[1])/" },
    Pattern(expression: regex(#"doi:(10\.\d{4,9}/[^\s;,)]+)"#)) { "https://doi.org/\($0[1])" },
  ]

  static func regex(_ pattern: String) -> NSRegularExpression {
    // The patterns are constants: a failure is a programming error.
    try! NSRegularExpression(pattern: pattern)
  }

  /// `text` escaped, with every recognised identifier wrapped in a link.
  static func linked(_ text: String) -> String {
    guard mayHoldIdentifier(text) else { return HTMLBuilder.escape(text) }
    let whole = NSRange(text.startIndex..., in: text)
    var found: [(range: Range<String.Index>, url: String)] = []
    for pattern in patterns {
      for match in pattern.expression.matches(in: text, range: whole) {
        guard let range = Range(match.range, in: text) else { continue }
        let groups = (0..<match.numberOfRanges).map { index -> String in
          Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
        // The first pattern to claim a stretch of text keeps it.
        if !found.contains(where: { $0.range.overlaps(range) }) { found.append((range, pattern.url(groups))) }
      }
    }
    guard !found.isEmpty else { return HTMLBuilder.escape(text) }
    var output = ""
    var cursor = text.startIndex
    for (range, url) in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      output += HTMLBuilder.escape(String(text[cursor..<range.lowerBound]))
      output += anchor(url, String(text[range]))
      cursor = range.upperBound
    }
    return output + HTMLBuilder.escape(String(text[cursor...]))
  }

  /// Words every pattern contains ("EID" also inside "CIVIC:EID"): text without any of them (most table cells)
  /// skips the regular expressions, which cost a Foundation string bridge per call.
  static let triggers: [[UInt8]] = ["PMID", "EID", "CIViC ", "VCV", "doi:"].map { Array($0.utf8) }

  static func mayHoldIdentifier(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    for start in bytes.indices {
      for word in triggers where word[0] == bytes[start] && bytes.count - start >= word.count {
        if bytes[start..<(start + word.count)].elementsEqual(word) { return true }
      }
    }
    return false
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
