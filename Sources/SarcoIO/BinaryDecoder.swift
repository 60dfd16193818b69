import Foundation
import SarcoCore

/// Reads back what `BinaryEncoder` wrote, into any `Decodable` type.
///
/// Keyed entries are usually asked for in the order they were written
/// (synthesised `Codable` encodes and decodes in declaration order), so each
/// keyed container checks the next entry first and scans only on a miss.
/// Malformed input throws `DecodingError`; it never reads out of bounds.
/// Coding paths are not tracked (one allocation per value; a panel cache that
/// fails to decode is rebuilt from its tables, so no one reads them).
public enum BinaryDecoder {
  public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
    let input = try BinaryInput(bytes: [UInt8](data))
    return try Value(from: BinaryTreeDecoder(input: input, offset: input.rootOffset))
  }
}

/// A keyed value in binary form whose members can be decoded separately, on any threads
/// (the bytes and the string table are read once and shared read-only): the panel cache
/// decodes its large parts side by side, the knowledge's through `members(forKey:)`.
public struct BinaryMembers: @unchecked Sendable {
  let input: BinaryInput
  /// Where the keyed value whose members these are starts.
  let root: Int

  public init(_ data: Data) throws { try self.init(bytes: [UInt8](data)) }

  /// The value encoded in `bytes` from `start` to the end (a file's payload after its header).
  public init(bytes: [UInt8], from start: Int = 0) throws {
    input = try BinaryInput(bytes: bytes, from: start)
    root = input.rootOffset
  }

  private init(input: BinaryInput, root: Int) {
    self.input = input
    self.root = root
  }

  struct Key: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// The member `key` of the value.
  public func decode<Value: Decodable>(_ type: Value.Type, forKey key: String) throws -> Value {
    try BinaryKeyedDecoding<Key>(input: input, offset: root).decode(type, forKey: Key(stringValue: key))
  }

  /// The member `key`, an array of flat rows, read straight from the bytes (`FlatRow`): the same
  /// values `decode(_:forKey:)` gives, without a container call per cell.
  public func decodeRows<Row: FlatRow>(_ type: [Row].Type, forKey key: String) throws -> [Row] {
    try input.rows(Row.self, at: try BinaryKeyedDecoding<Key>(input: input, offset: root).offset(of: Key(stringValue: key)))
  }

  /// The members of the keyed member `key`, to be decoded separately in turn.
  public func members(forKey key: String) throws -> BinaryMembers {
    BinaryMembers(input: input, root: try BinaryKeyedDecoding<Key>(input: input, offset: root).offset(of: Key(stringValue: key)))
  }

  /// How many members the value has (a caller decoding them by name checks it named them all).
  public var count: Int {
    get throws { try input.container(at: root, .keyed).count }
  }
}

/// The bytes and the string table, shared by every container of one decode
/// (read-only, so the items of a large array can be decoded on several threads).
final class BinaryInput: Sendable {
  let bytes: [UInt8]
  let strings: [String]
  let rootOffset: Int

  /// The value encoded from `start` to the end of `bytes`; offsets stay those of `bytes`.
  init(bytes: [UInt8], from start: Int = 0) throws {
    self.bytes = bytes
    guard start >= 0, start <= bytes.count else { throw BinaryInput.corrupt("start \(start) outside the bytes") }
    var offset = start
    let count = try BinaryInput.varint(bytes, at: &offset)
    guard count <= UInt64(bytes.count) else { throw BinaryInput.corrupt("string table count \(count)") }
    var strings: [String] = []
    strings.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let length = Int(exactly: try BinaryInput.varint(bytes, at: &offset)), length <= bytes.count - offset else {
        throw BinaryInput.corrupt("string runs past the end")
      }
      strings.append(String(decoding: bytes[offset..<(offset + length)], as: UTF8.self))
      offset += length
    }
    self.strings = strings
    rootOffset = offset
  }

  static func corrupt(_ what: String) -> DecodingError {
    DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "binary form: \(what)"))
  }

  @inline(__always)
  static func varint(_ bytes: [UInt8], at offset: inout Int) throws -> UInt64 {
    guard offset < bytes.count else { throw corrupt("varint runs past the end") }
    let first = bytes[offset]
    offset += 1
    if first < 0x80 { return UInt64(first) }
    var value = UInt64(first & 0x7F)
    var shift: UInt64 = 7
    while true {
      guard offset < bytes.count, shift < 64 else { throw corrupt("varint runs past the end") }
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  @inline(__always)
  func varint(at offset: inout Int) throws -> UInt64 { try BinaryInput.varint(bytes, at: &offset) }

  @inline(__always)
  func tag(at offset: Int) throws -> UInt8 {
    guard offset < bytes.count else { throw BinaryInput.corrupt("no value at byte \(offset)") }
    return bytes[offset]
  }

  /// Offset just past the value at `offset`.
  @inline(__always)
  func end(ofValueAt offset: Int) throws -> Int {
    var cursor = offset + 1
    switch try tag(at: offset) {
    case BinaryTag.null.rawValue, BinaryTag.false.rawValue, BinaryTag.true.rawValue: break
    case BinaryTag.signed.rawValue, BinaryTag.unsigned.rawValue, BinaryTag.string.rawValue: _ = try varint(at: &cursor)
    case BinaryTag.double.rawValue: cursor += 8
    case BinaryTag.keyed.rawValue, BinaryTag.unkeyed.rawValue:
      let length = try varint(at: &cursor)
      guard length <= UInt64(bytes.count - cursor) else { throw BinaryInput.corrupt("container runs past the end") }
      cursor += Int(length)
    case BinaryTag.packedUnsigned32.rawValue:
      let count = try varint(at: &cursor)
      guard count <= UInt64((bytes.count - cursor) / 4) else { throw BinaryInput.corrupt("packed UInt32 array runs past the end") }
      cursor += 4 * Int(count)
    default: throw BinaryInput.corrupt("unknown tag at byte \(offset)")
    }
    guard cursor <= bytes.count else { throw BinaryInput.corrupt("value runs past the end") }
    return cursor
  }

  /// The container at `offset`: where its entries start and how many there are.
  func container(at offset: Int, _ expected: BinaryTag) throws -> (start: Int, count: Int) {
    guard try tag(at: offset) == expected.rawValue else {
      throw BinaryInput.corrupt("expected a \(expected == .keyed ? "keyed" : "unkeyed") container at byte \(offset)")
    }
    var cursor = offset + 1
    let length = try varint(at: &cursor)
    guard length <= UInt64(bytes.count - cursor) else { throw BinaryInput.corrupt("container runs past the end") }
    let end = cursor + Int(length)
    let count = try varint(at: &cursor)
    guard cursor <= end, count <= UInt64(end - cursor) else { throw BinaryInput.corrupt("container count \(count)") }
    return (cursor, Int(count))
  }

  func isNull(at offset: Int) -> Bool { offset < bytes.count && bytes[offset] == BinaryTag.null.rawValue }

  func bool(at offset: Int) throws -> Bool {
    switch try tag(at: offset) {
    case BinaryTag.true.rawValue: return true
    case BinaryTag.false.rawValue: return false
    default: throw BinaryInput.corrupt("expected a Bool at byte \(offset)")
    }
  }

  func string(at offset: Int) throws -> String {
    guard try tag(at: offset) == BinaryTag.string.rawValue else { throw BinaryInput.corrupt("expected a String at byte \(offset)") }
    var cursor = offset + 1
    let index = try varint(at: &cursor)
    guard index < UInt64(strings.count) else { throw BinaryInput.corrupt("string number \(index)") }
    return strings[Int(index)]
  }

  func double(at offset: Int) throws -> Double {
    guard try tag(at: offset) == BinaryTag.double.rawValue, offset + 9 <= bytes.count else {
      throw BinaryInput.corrupt("expected a Double at byte \(offset)")
    }
    var pattern: UInt64 = 0
    for index in 0..<8 { pattern |= UInt64(bytes[offset + 1 + index]) << (8 * UInt64(index)) }
    return Double(bitPattern: pattern)
  }

  func integer<Value: FixedWidthInteger>(_ type: Value.Type, at offset: Int) throws -> Value {
    var cursor = offset + 1
    let converted: Value?
    switch try tag(at: offset) {
    case BinaryTag.signed.rawValue: converted = Value(exactly: BinaryTag.unzigzag(try varint(at: &cursor)))
    case BinaryTag.unsigned.rawValue: converted = Value(exactly: try varint(at: &cursor))
    default: throw BinaryInput.corrupt("expected an integer at byte \(offset)")
    }
    guard let converted else { throw BinaryInput.corrupt("integer does not fit \(Value.self) at byte \(offset)") }
    return converted
  }

  /// An array of `UInt32`: packed (`BinaryTag.packedUnsigned32`, how the cache writes a `[UInt32]`
  /// member), or an unkeyed container of unsigned integers (a top-level array).
  func unsignedIntegers(at offset: Int) throws -> [UInt32] {
    if try tag(at: offset) == BinaryTag.packedUnsigned32.rawValue { return try packedUnsignedIntegers(at: offset) }
    let (start, count) = try container(at: offset, .unkeyed)
    var values: [UInt32] = []
    values.reserveCapacity(count)
    var cursor = start
    for _ in 0..<count {
      guard try tag(at: cursor) == BinaryTag.unsigned.rawValue else { throw BinaryInput.corrupt("expected a UInt32 at byte \(cursor)") }
      values.append(try integer(UInt32.self, at: cursor))
      cursor = try end(ofValueAt: cursor)
    }
    return values
  }

  /// A `[UInt32]` member written packed (`BinaryTag.packedUnsigned32`): its words copied. Parsing the
  /// known variants' half a million cells as varints was 19M instructions of the panel decode.
  func packedUnsignedIntegers(at offset: Int) throws -> [UInt32] {
    var cursor = offset + 1
    let count = try varint(at: &cursor)
    guard count <= UInt64((bytes.count - cursor) / 4) else { throw BinaryInput.corrupt("packed UInt32 array runs past the end") }
    let (start, words) = (cursor, Int(count))
    return bytes.withUnsafeBytes { raw in
      [UInt32](unsafeUninitializedCapacity: words) { values, initialized in
        // One copy of the words (little-endian in the file, as in memory here): a load per word
        // was 6M instructions of every run's panel decode.
        if words > 0, let target = values.baseAddress, let source = raw.baseAddress {
          UnsafeMutableRawPointer(target).copyMemory(from: source + start, byteCount: 4 * words)
        }
        #if _endian(big)
          for index in 0..<words { values[index] = UInt32(littleEndian: values[index]) }
        #endif
        initialized = words
      }
    }
  }

  /// An array of strings in one loop (each a table lookup).
  func strings(at offset: Int) throws -> [String] {
    let (start, count) = try container(at: offset, .unkeyed)
    var values: [String] = []
    values.reserveCapacity(count)
    var cursor = start
    for _ in 0..<count {
      values.append(try string(at: cursor))
      cursor = try end(ofValueAt: cursor)
    }
    return values
  }

  /// An array of flat rows, each read by its `init(cells:)` straight from the bytes.
  func rows<Row: FlatRow>(_ type: Row.Type, at offset: Int) throws -> [Row] {
    let (start, count) = try container(at: offset, .unkeyed)
    var rows: [Row] = []
    rows.reserveCapacity(count)
    var cursor = start
    for _ in 0..<count {
      var cells = try BinaryUnkeyedDecoding(input: self, offset: cursor)
      rows.append(try Row(cells: &cells))
      cursor = try end(ofValueAt: cursor)
    }
    return rows
  }

  /// Strings and integers directly, arrays of many items into storage of their final size (the
  /// standard library's `init(from:)` appends item by item, growing and copying its storage: the
  /// panel decode's evidence took 5.5 ms instead of 3.2, its exons 3.3 instead of 1.6), the largest on
  /// several threads, anything else through its `init(from:)`.
  func value<T: Decodable>(_ type: T.Type, at offset: Int) throws -> T {
    if T.self == String.self { return try string(at: offset) as! T }
    if T.self == Int.self { return try integer(Int.self, at: offset) as! T }
    if T.self == [UInt32].self { return try unsignedIntegers(at: offset) as! T }
    if T.self == [String].self { return try strings(at: offset) as! T }
    // Only arrays of many items are worth the conformance lookup.
    if offset < bytes.count, bytes[offset] == BinaryTag.unkeyed.rawValue,
      try container(at: offset, .unkeyed).count >= BinaryItems<T>.reservedFrom,
      let array = T.self as? BinaryArrayDecoding.Type
    {
      return try array.decodeItems(from: self, at: offset) as! T
    }
    return try T(from: BinaryTreeDecoder(input: self, offset: offset))
  }
}

struct BinaryTreeDecoder: Decoder {
  let input: BinaryInput
  let offset: Int
  var codingPath: [CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(try BinaryKeyedDecoding<Key>(input: input, offset: offset))
  }

  func unkeyedContainer() throws -> UnkeyedDecodingContainer {
    try BinaryUnkeyedDecoding(input: input, offset: offset)
  }

  func singleValueContainer() throws -> SingleValueDecodingContainer {
    BinarySingleValueDecoding(input: input, offset: offset)
  }
}

final class BinaryKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let input: BinaryInput
  var codingPath: [CodingKey] { [] }
  private let start: Int
  private let count: Int
  /// The entry expected next, and its position among the entries.
  private var cursor: Int
  private var cursorIndex = 0

  init(input: BinaryInput, offset: Int) throws {
    self.input = input
    (start, count) = try input.container(at: offset, .keyed)
    cursor = start
  }

  var allKeys: [Key] {
    var keys: [Key] = []
    var offset = start
    for _ in 0..<count {
      guard let number = try? input.varint(at: &offset), number < UInt64(input.strings.count),
        let end = try? input.end(ofValueAt: offset)
      else { break }
      if let key = Key(stringValue: input.strings[Int(number)]) { keys.append(key) }
      offset = end
    }
    return keys
  }

  /// Where the value of `key` starts, or nil when the container has no such entry.
  private func find(_ key: Key) throws -> Int? {
    let name = key.stringValue
    if cursorIndex < count {
      var offset = cursor
      let number = try input.varint(at: &offset)
      if number < UInt64(input.strings.count) && input.strings[Int(number)] == name {
        cursor = try input.end(ofValueAt: offset)
        cursorIndex += 1
        return offset
      }
    }
    var offset = start
    for index in 0..<count {
      let number = try input.varint(at: &offset)
      let valueEnd = try input.end(ofValueAt: offset)
      if number < UInt64(input.strings.count) && input.strings[Int(number)] == name {
        cursor = valueEnd
        cursorIndex = index + 1
        return offset
      }
      offset = valueEnd
    }
    return nil
  }

  /// Where the value of `key` starts; throws when there is none.
  func offset(of key: Key) throws -> Int { try require(key) }

  private func require(_ key: Key) throws -> Int {
    guard let offset = try find(key) else {
      throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "binary form: no entry"))
    }
    return offset
  }

  func contains(_ key: Key) -> Bool { (try? find(key)) != nil }
  func decodeNil(forKey key: Key) throws -> Bool { input.isNull(at: try require(key)) }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try input.bool(at: try require(key)) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try input.string(at: try require(key)) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try input.double(at: try require(key)) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try input.double(at: try require(key))) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try input.integer(type, at: try require(key)) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try input.integer(type, at: try require(key)) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try input.integer(type, at: try require(key)) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try input.integer(type, at: try require(key)) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try input.integer(type, at: try require(key)) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try input.integer(type, at: try require(key)) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try input.integer(type, at: try require(key)) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try input.integer(type, at: try require(key)) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try input.integer(type, at: try require(key)) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try input.integer(type, at: try require(key)) }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try input.value(type, at: try require(key)) }

  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    guard let offset = try find(key), !input.isNull(at: offset) else { return nil }
    return try input.string(at: offset)
  }

  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
    guard let offset = try find(key), !input.isNull(at: offset) else { return nil }
    return try input.integer(type, at: offset)
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let offset = try find(key), !input.isNull(at: offset) else { return nil }
    return try input.value(type, at: offset)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    KeyedDecodingContainer(try BinaryKeyedDecoding<NestedKey>(input: input, offset: try require(key)))
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
    try BinaryUnkeyedDecoding(input: input, offset: try require(key))
  }

  func superDecoder() throws -> Decoder {
    guard let key = Key(stringValue: "super") else { throw BinaryInput.corrupt("no super key") }
    return try superDecoder(forKey: key)
  }

  func superDecoder(forKey key: Key) throws -> Decoder { BinaryTreeDecoder(input: input, offset: try require(key)) }
}

/// Three words, so that the `UnkeyedDecodingContainer` a row is decoded through fits an existential's
/// inline storage: with four it was put in a heap box for every row, and copied on its first change
/// (a sixth of the panel decode's instructions went to the boxes).
struct BinaryUnkeyedDecoding: UnkeyedDecodingContainer {
  let input: BinaryInput
  private var cursor: Int
  /// The item count (high 32 bits) and the next item's number (low 32 bits).
  private var counts: UInt64
  var codingPath: [CodingKey] { [] }
  var count: Int? { Int(counts >> 32) }
  var currentIndex: Int { Int(counts & 0xFFFF_FFFF) }
  var isAtEnd: Bool { currentIndex >= Int(counts >> 32) }

  init(input: BinaryInput, offset: Int) throws {
    self.input = input
    let container = try input.container(at: offset, .unkeyed)
    guard container.count <= Int(UInt32.max) else { throw BinaryInput.corrupt("container count \(container.count)") }
    cursor = container.start
    counts = UInt64(container.count) << 32
  }

  /// The next item's offset; moves past it.
  private mutating func next() throws -> Int {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(Any.self, DecodingError.Context(codingPath: [], debugDescription: "binary form: past the last item"))
    }
    let offset = cursor
    cursor = try input.end(ofValueAt: offset)
    counts += 1
    return offset
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, input.isNull(at: cursor) else { return false }
    _ = try next()
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try input.bool(at: try next()) }
  mutating func decode(_ type: String.Type) throws -> String { try input.string(at: try next()) }
  mutating func decode(_ type: Double.Type) throws -> Double { try input.double(at: try next()) }
  mutating func decode(_ type: Float.Type) throws -> Float { Float(try input.double(at: try next())) }
  mutating func decode(_ type: Int.Type) throws -> Int { try input.integer(type, at: try next()) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try input.integer(type, at: try next()) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try input.integer(type, at: try next()) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try input.integer(type, at: try next()) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try input.integer(type, at: try next()) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try input.integer(type, at: try next()) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try input.integer(type, at: try next()) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try input.integer(type, at: try next()) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try input.integer(type, at: try next()) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try input.integer(type, at: try next()) }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try input.value(type, at: try next()) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
    KeyedDecodingContainer(try BinaryKeyedDecoding<NestedKey>(input: input, offset: try next()))
  }

  mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
    try BinaryUnkeyedDecoding(input: input, offset: try next())
  }

  mutating func superDecoder() throws -> Decoder { BinaryTreeDecoder(input: input, offset: try next()) }
}

/// A flat row's cells read straight from the bytes by the same container (`BinaryInput.rows`,
/// statically typed, so the row's `init(cells:)` is specialised for it).
extension BinaryUnkeyedDecoding: RowCells {
  mutating func string() throws -> String { try decode(String.self) }
  mutating func integer() throws -> Int { try decode(Int.self) }
  mutating func double() throws -> Double { try decode(Double.self) }
  mutating func strings() throws -> [String] { try input.strings(at: try next()) }
  mutating func null() throws -> Bool { try decodeNil() }
  func corrupted(_ description: String) -> Error { BinaryInput.corrupt(description) }
}

struct BinarySingleValueDecoding: SingleValueDecodingContainer {
  let input: BinaryInput
  let offset: Int
  var codingPath: [CodingKey] { [] }

  func decodeNil() -> Bool { input.isNull(at: offset) }
  func decode(_ type: Bool.Type) throws -> Bool { try input.bool(at: offset) }
  func decode(_ type: String.Type) throws -> String { try input.string(at: offset) }
  func decode(_ type: Double.Type) throws -> Double { try input.double(at: offset) }
  func decode(_ type: Float.Type) throws -> Float { Float(try input.double(at: offset)) }
  func decode(_ type: Int.Type) throws -> Int { try input.integer(type, at: offset) }
  func decode(_ type: Int8.Type) throws -> Int8 { try input.integer(type, at: offset) }
  func decode(_ type: Int16.Type) throws -> Int16 { try input.integer(type, at: offset) }
  func decode(_ type: Int32.Type) throws -> Int32 { try input.integer(type, at: offset) }
  func decode(_ type: Int64.Type) throws -> Int64 { try input.integer(type, at: offset) }
  func decode(_ type: UInt.Type) throws -> UInt { try input.integer(type, at: offset) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try input.integer(type, at: offset) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try input.integer(type, at: offset) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try input.integer(type, at: offset) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try input.integer(type, at: offset) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try input.value(type, at: offset) }
}

/// Arrays of many items: each item's offset first, then the items into storage of their final size,
/// in order (in shares on several threads for the largest).
protocol BinaryArrayDecoding {
  static func decodeItems(from input: BinaryInput, at offset: Int) throws -> Self
}

extension Array: BinaryArrayDecoding where Element: Decodable {
  static func decodeItems(from input: BinaryInput, at offset: Int) throws -> [Element] {
    let (start, count) = try input.container(at: offset, .unkeyed)
    var offsets: [Int] = []
    offsets.reserveCapacity(count)
    var cursor = start
    for _ in 0..<count {
      offsets.append(cursor)
      cursor = try input.end(ofValueAt: cursor)
    }
    let items = BinaryItems<Element>(input: input, offsets: offsets)
    let workers = count >= BinaryItems<Element>.parallelFrom ? Swift.min(ProcessInfo.processInfo.activeProcessorCount, 4) : 1
    return try ParallelShares.map(count: count, workers: workers, items.decode)
  }
}

/// The items of one array, decoded share by share (each worker its own share;
/// the input is read-only).
struct BinaryItems<Element: Decodable>: @unchecked Sendable {
  let input: BinaryInput
  let offsets: [Int]

  /// Arrays with at least this many items are decoded in shares.
  static var parallelFrom: Int { 4096 }
  /// Arrays with at least this many items are decoded into storage of their final size (for fewer,
  /// the conformance lookup costs more than the growth it saves).
  static var reservedFrom: Int { 64 }

  func decode(_ worker: Int, _ share: Range<Int>) throws -> [Element] {
    // A plain loop: `share.map` runs unspecialised here, one witness call per item.
    var items: [Element] = []
    items.reserveCapacity(share.count)
    var index = share.lowerBound
    while index < share.upperBound {
      items.append(try input.value(Element.self, at: offsets[index]))
      index += 1
    }
    return items
  }
}
