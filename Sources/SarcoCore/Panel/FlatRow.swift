/// The cells of one flat row, read in order: how the panel cache holds exons, hotspots, known
/// alleles and evidence items (thousands of each).
public protocol RowCells {
  mutating func string() throws -> String
  mutating func integer() throws -> Int
  mutating func double() throws -> Double
  mutating func strings() throws -> [String]
  /// Whether the next cell is null; a null cell is read, any other is left (as `decodeNil()`).
  mutating func null() throws -> Bool
  /// The error for a row whose cells do not make a value.
  func corrupted(_ description: String) -> Error
}

/// A value coded as one flat row. `init(cells:)` is the one reading of the row: its `init(from:)`
/// reads the same cells through an unkeyed container (`init(rowFrom:)`), and the panel cache reads
/// them straight from its bytes (through a container every cell was a call on an existential, and
/// the rows were most of a panel decode's instructions).
public protocol FlatRow: Codable {
  init<Cells: RowCells>(cells: inout Cells) throws
}

extension FlatRow {
  /// The value of the row `decoder` holds, for `init(from:)`.
  @inlinable
  public init(rowFrom decoder: Decoder) throws {
    var cells = UnkeyedCells(container: try decoder.unkeyedContainer())
    try self.init(cells: &cells)
  }
}

/// A row's cells read through `Codable`'s unkeyed container.
public struct UnkeyedCells: RowCells {
  public var container: UnkeyedDecodingContainer

  public init(container: UnkeyedDecodingContainer) { self.container = container }

  public mutating func string() throws -> String { try container.decode(String.self) }
  public mutating func integer() throws -> Int { try container.decode(Int.self) }
  public mutating func double() throws -> Double { try container.decode(Double.self) }
  public mutating func strings() throws -> [String] { try container.decode([String].self) }
  public mutating func null() throws -> Bool { try container.decodeNil() }
  public func corrupted(_ description: String) -> Error {
    DecodingError.dataCorruptedError(in: container, debugDescription: description)
  }
}

extension RowCells {
  /// A cell naming a case of `Value`.
  @inlinable
  public mutating func rawValue<Value: RawRepresentable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
    let name = try string()
    guard let value = Value(rawValue: name) else { throw corrupted("unknown \(Value.self) '\(name)'") }
    return value
  }

  /// A closed range as two cells (lower and upper bound), or one null cell.
  @inlinable
  public mutating func optionalRange() throws -> ClosedRange<Int>? {
    if try null() { return nil }
    let lower = try integer()
    let upper = try integer()
    guard lower <= upper else { throw corrupted("range \(lower)...\(upper)") }
    return lower...upper
  }
}

extension UnkeyedEncodingContainer {
  /// `optionalRange()`'s cells.
  public mutating func encodeRange(_ range: ClosedRange<Int>?) throws {
    guard let range else { return try encodeNil() }
    try encode(range.lowerBound)
    try encode(range.upperBound)
  }
}
