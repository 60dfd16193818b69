import Foundation
import SarcoCore

/// A tab-separated table with a header row, read whole (panel tables are small).
///
/// Lines starting with `#` before the header are comments. Every accessor that
/// fails records `file:line: column 'x': expected ..., found '...'` in `problems`
/// and returns nil, so a loader can report every bad cell in one pass.
public struct TSVTable {
  public struct Row {
    public let line: Int
    let cells: [Substring]
    let table: TSVTable
  }

  public let path: String
  /// Path as shown in messages (relative to the panel folder's parent when possible).
  public let displayPath: String
  public let columns: [String]
  public private(set) var rows: [Row] = []
  let columnIndex: [String: Int]

  /// `exactColumns`: the table may have no column besides `requiredColumns` (rule tables: a column the code
  /// does not read would be silently ignored otherwise).
  public init(path: String, displayPath: String? = nil, requiredColumns: [String], exactColumns: Bool = false) throws {
    self.path = path
    self.displayPath = displayPath ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SarcoError.panel("\(displayPath ?? path): missing or unreadable")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SarcoError.panel("\(displayPath ?? path): not UTF-8 text")
    }
    var header: [String]?
    var pending: [(Int, [Substring])] = []
    // Split on bytes: Character-level splitting of a multi-megabyte table is slow.
    let bytes = text.utf8
    var lineNumber = 0
    var lineStart = bytes.startIndex
    while lineStart < bytes.endIndex {
      let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
      lineNumber += 1
      var contentEnd = lineEnd
      if contentEnd > lineStart, bytes[bytes.index(before: contentEnd)] == 0x0D { contentEnd = bytes.index(before: contentEnd) }
      defer { lineStart = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd) }
      if contentEnd == lineStart { continue }
      var cells: [Substring] = []
      var cellStart = lineStart
      while true {
        let cellEnd = bytes[cellStart..<contentEnd].firstIndex(of: 0x09) ?? contentEnd
        cells.append(Substring(bytes[cellStart..<cellEnd]))
        if cellEnd == contentEnd { break }
        cellStart = bytes.index(after: cellEnd)
      }
      if header == nil {
        if cells.count == 1 && cells[0].hasPrefix("#") { continue }
        header = cells.map { String($0.hasPrefix("#") ? $0.dropFirst() : $0) }
        continue
      }
      pending.append((lineNumber, cells))
    }
    guard let header else { throw SarcoError.panel("\(displayPath ?? path): empty, expected a header row") }
    let missing = requiredColumns.filter { !header.contains($0) }
    if !missing.isEmpty {
      throw SarcoError.panel(
        "\(displayPath ?? path):1: missing column(s) \(missing.joined(separator: ", ")); found \(header.joined(separator: ", "))")
    }
    let unknown = header.filter { !requiredColumns.contains($0) }
    if exactColumns && !unknown.isEmpty {
      throw SarcoError.panel(
        "\(displayPath ?? path):1: unexpected column(s) \(unknown.joined(separator: ", ")): sarcopanel does not read them; expected exactly \(requiredColumns.joined(separator: ", "))")
    }
    columns = header
    columnIndex = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    rows = pending.map { Row(line: $0.0, cells: $0.1, table: self) }
  }
}

/// Collects every problem found while loading, each a `file:line:` message.
public final class Problems {
  public private(set) var messages: [String] = []
  public init() {}
  public func add(_ message: String) { messages.append(message) }
  public var isEmpty: Bool { messages.isEmpty }
}

extension TSVTable.Row {
  var location: String { "\(table.displayPath):\(line)" }

  /// Checks the column count once per row.
  public func hasExpectedWidth(_ problems: Problems) -> Bool {
    guard cells.count == table.columns.count else {
      problems.add("\(location): expected \(table.columns.count) tab-separated columns, found \(cells.count)")
      return false
    }
    return true
  }

  public func text(_ column: String) -> String {
    guard let index = table.columnIndex[column], index < cells.count else { return "" }
    let cell = cells[index]
    // Trim only when needed: most cells have no surrounding spaces.
    guard cell.first == " " || cell.last == " " else { return String(cell) }
    return String(cell).trimmingCharacters(in: .whitespaces)
  }

  public func required(_ column: String, _ problems: Problems) -> String? {
    let value = text(column)
    if value.isEmpty {
      problems.add("\(location): column '\(column)': expected a value, found nothing")
      return nil
    }
    return value
  }

  public func integer(_ column: String, _ problems: Problems, minimum: Int = 1) -> Int? {
    let value = text(column)
    guard let number = Int(value), number >= minimum else {
      problems.add("\(location): column '\(column)': expected an integer >= \(minimum), found '\(value)'")
      return nil
    }
    return number
  }

  public func optionalInteger(_ column: String, _ problems: Problems) -> Int?? {
    let value = text(column)
    if value.isEmpty { return .some(nil) }
    guard let number = Int(value), number >= 1 else {
      problems.add("\(location): column '\(column)': expected an integer >= 1 or nothing, found '\(value)'")
      return nil
    }
    return .some(number)
  }

  public func oneOf(_ column: String, _ allowed: [String], _ problems: Problems) -> String? {
    let value = text(column)
    guard allowed.contains(value) else {
      problems.add("\(location): column '\(column)': expected one of \(allowed.joined(separator: "/")), found '\(value)'")
      return nil
    }
    return value
  }

  public func number(_ column: String, _ problems: Problems) -> Double? {
    let value = text(column)
    guard let number = Double(value), number.isFinite else {
      problems.add("\(location): column '\(column)': expected a number, found '\(value)'")
      return nil
    }
    return number
  }

  /// A comma-separated list, empty items dropped.
  public func list(_ column: String) -> [String] {
    text(column).split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  public func build(_ column: String, _ problems: Problems) -> GenomeBuild? {
    let value = text(column)
    guard let build = GenomeBuild(rawValue: value) else {
      problems.add("\(location): column '\(column)': expected GRCh38 or GRCh37, found '\(value)'")
      return nil
    }
    return build
  }

  public func problem(_ message: String, _ problems: Problems) { problems.add("\(location): \(message)") }
}
