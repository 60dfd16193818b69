import Foundation

/// A compact binary form of any `Encodable` value, read back by `BinaryDecoder`.
///
/// Layout: a string table (count, then each string as length and UTF-8 bytes),
/// then the value. Each value starts with a tag byte (`BinaryTag`); integers are
/// LEB128 varints (signed ones zigzagged), a `[UInt32]` its count and 4-byte little-endian
/// words, doubles their 8-byte bit pattern,
/// strings an index into the table (every distinct string and key is stored
/// once), keyed and unkeyed containers their byte length and entry count, then
/// the entries (a key's table index before each keyed entry). Lengths make any
/// value skippable, so a decoder can look keys up in any order.
public enum BinaryEncoder {
  public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
    let encoder = BinaryTreeEncoder()
    try value.encode(to: encoder)
    var strings = BinaryStringTable()
    var body: [UInt8] = []
    body.reserveCapacity(1 << 20)
    encoder.node.write(into: &body, strings: &strings)
    var output: [UInt8] = []
    output.reserveCapacity(body.count + strings.byteCount + 16)
    BinaryTag.appendVarint(UInt64(strings.list.count), to: &output)
    for string in strings.list {
      let utf8 = Array(string.utf8)
      BinaryTag.appendVarint(UInt64(utf8.count), to: &output)
      output.append(contentsOf: utf8)
    }
    output.append(contentsOf: body)
    return Data(output)
  }
}

/// Tag bytes of the binary form.
enum BinaryTag: UInt8 {
  case null = 0, `false`, `true`, signed, unsigned, double, string, keyed, unkeyed
  /// A `[UInt32]` member: its count, then each value as 4 little-endian bytes (copied, not parsed).
  case packedUnsigned32

  static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
  static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }
}

/// Each distinct string once, numbered in order of first use.
struct BinaryStringTable {
  private(set) var list: [String] = []
  private var numbers: [String: Int] = [:]
  private(set) var byteCount = 0

  mutating func number(_ string: String) -> Int {
    if let known = numbers[string] { return known }
    numbers[string] = list.count
    list.append(string)
    byteCount += string.utf8.count + 2
    return list.count - 1
  }
}

/// The encoded value as a tree, written out once `encode(to:)` has returned
/// (a container's byte length is known only when it is complete).
final class BinaryNode {
  enum Content {
    case empty
    case null
    case bool(Bool)
    case signed(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case keyed
    case unkeyed
    case packedUnsigned32([UInt32])
  }

  var content: Content = .empty
  /// The entries of a keyed container, the items of an unkeyed one.
  var entries: [(String, BinaryNode)] = []
  var items: [BinaryNode] = []

  func write(into bytes: inout [UInt8], strings: inout BinaryStringTable) {
    switch content {
    case .empty, .null: bytes.append(BinaryTag.null.rawValue)
    case .bool(let value): bytes.append(value ? BinaryTag.true.rawValue : BinaryTag.false.rawValue)
    case .signed(let value):
      bytes.append(BinaryTag.signed.rawValue)
      BinaryTag.appendVarint(BinaryTag.zigzag(value), to: &bytes)
    case .unsigned(let value):
      bytes.append(BinaryTag.unsigned.rawValue)
      BinaryTag.appendVarint(value, to: &bytes)
    case .double(let value):
      bytes.append(BinaryTag.double.rawValue)
      withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    case .string(let value):
      bytes.append(BinaryTag.string.rawValue)
      BinaryTag.appendVarint(UInt64(strings.number(value)), to: &bytes)
    case .keyed:
      var inner: [UInt8] = []
      BinaryTag.appendVarint(UInt64(entries.count), to: &inner)
      for (key, node) in entries {
        BinaryTag.appendVarint(UInt64(strings.number(key)), to: &inner)
        node.write(into: &inner, strings: &strings)
      }
      bytes.append(BinaryTag.keyed.rawValue)
      BinaryTag.appendVarint(UInt64(inner.count), to: &bytes)
      bytes.append(contentsOf: inner)
    case .packedUnsigned32(let values):
      bytes.append(BinaryTag.packedUnsigned32.rawValue)
      BinaryTag.appendVarint(UInt64(values.count), to: &bytes)
      bytes.reserveCapacity(bytes.count + 4 * values.count)
      for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    case .unkeyed:
      var inner: [UInt8] = []
      BinaryTag.appendVarint(UInt64(items.count), to: &inner)
      for node in items { node.write(into: &inner, strings: &strings) }
      bytes.append(BinaryTag.unkeyed.rawValue)
      BinaryTag.appendVarint(UInt64(inner.count), to: &bytes)
      bytes.append(contentsOf: inner)
    }
  }
}

final class BinaryTreeEncoder: Encoder {
  let node: BinaryNode
  let codingPath: [CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(node: BinaryNode = BinaryNode(), codingPath: [CodingKey] = []) {
    self.node = node
    self.codingPath = codingPath
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(BinaryKeyedEncoding<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> UnkeyedEncodingContainer {
    BinaryUnkeyedEncoding(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> SingleValueEncodingContainer {
    BinarySingleValueEncoding(node: node, codingPath: codingPath)
  }

  /// Encodes `value` into a fresh node.
  static func node<Value: Encodable>(for value: Value, codingPath: [CodingKey]) throws -> BinaryNode {
    let encoder = BinaryTreeEncoder(codingPath: codingPath)
    try value.encode(to: encoder)
    return encoder.node
  }
}

/// Primitive values as node contents.
enum BinaryPrimitive {
  static func content<Value: Encodable>(_ value: Value) -> BinaryNode.Content? {
    // The known variants' cells (half a million): read back by copying instead of parsing varints.
    // Compared as a type: a cast would also take any empty array (every element cast, none there).
    if Value.self == [UInt32].self { return .packedUnsigned32(value as! [UInt32]) }
    switch value {
    case let value as String: return .string(value)
    case let value as Bool: return .bool(value)
    case let value as Int: return .signed(Int64(value))
    case let value as Double: return .double(value)
    case let value as Float: return .double(Double(value))
    case let value as Int8: return .signed(Int64(value))
    case let value as Int16: return .signed(Int64(value))
    case let value as Int32: return .signed(Int64(value))
    case let value as Int64: return .signed(value)
    case let value as UInt: return .unsigned(UInt64(value))
    case let value as UInt8: return .unsigned(UInt64(value))
    case let value as UInt16: return .unsigned(UInt64(value))
    case let value as UInt32: return .unsigned(UInt64(value))
    case let value as UInt64: return .unsigned(value)
    default: return nil
    }
  }

  static func node<Value: Encodable>(_ value: Value, codingPath: [CodingKey]) throws -> BinaryNode {
    if let content = content(value) {
      let node = BinaryNode()
      node.content = content
      return node
    }
    return try BinaryTreeEncoder.node(for: value, codingPath: codingPath)
  }
}

struct BinaryKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: BinaryNode
  let codingPath: [CodingKey]

  init(node: BinaryNode, codingPath: [CodingKey]) {
    self.node = node
    self.codingPath = codingPath
    node.content = .keyed
  }

  private func append(_ key: Key, _ child: BinaryNode) { node.entries.append((key.stringValue, child)) }

  private func append(_ key: Key, _ content: BinaryNode.Content) {
    let child = BinaryNode()
    child.content = content
    append(key, child)
  }

  mutating func encodeNil(forKey key: Key) throws { append(key, .null) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { append(key, .bool(value)) }
  mutating func encode(_ value: String, forKey key: Key) throws { append(key, .string(value)) }
  mutating func encode(_ value: Double, forKey key: Key) throws { append(key, .double(value)) }
  mutating func encode(_ value: Float, forKey key: Key) throws { append(key, .double(Double(value))) }
  mutating func encode(_ value: Int, forKey key: Key) throws { append(key, .signed(Int64(value))) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { append(key, .signed(Int64(value))) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { append(key, .signed(Int64(value))) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { append(key, .signed(Int64(value))) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { append(key, .signed(value)) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { append(key, .unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { append(key, .unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { append(key, .unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { append(key, .unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { append(key, .unsigned(value)) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    append(key, try BinaryPrimitive.node(value, codingPath: codingPath + [key]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = BinaryNode()
    append(key, child)
    return KeyedEncodingContainer(BinaryKeyedEncoding<NestedKey>(node: child, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
    let child = BinaryNode()
    append(key, child)
    return BinaryUnkeyedEncoding(node: child, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> Encoder {
    let child = BinaryNode()
    append(Key(stringValue: "super")!, child)
    return BinaryTreeEncoder(node: child, codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> Encoder {
    let child = BinaryNode()
    append(key, child)
    return BinaryTreeEncoder(node: child, codingPath: codingPath + [key])
  }
}

struct BinaryUnkeyedEncoding: UnkeyedEncodingContainer {
  let node: BinaryNode
  let codingPath: [CodingKey]
  var count: Int { node.items.count }

  init(node: BinaryNode, codingPath: [CodingKey]) {
    self.node = node
    self.codingPath = codingPath
    node.content = .unkeyed
  }

  private func append(_ child: BinaryNode) { node.items.append(child) }

  private func append(_ content: BinaryNode.Content) {
    let child = BinaryNode()
    child.content = content
    append(child)
  }

  private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { intValue = Int(stringValue) }
  }

  mutating func encodeNil() throws { append(.null) }
  mutating func encode(_ value: Bool) throws { append(.bool(value)) }
  mutating func encode(_ value: String) throws { append(.string(value)) }
  mutating func encode(_ value: Double) throws { append(.double(value)) }
  mutating func encode(_ value: Float) throws { append(.double(Double(value))) }
  mutating func encode(_ value: Int) throws { append(.signed(Int64(value))) }
  mutating func encode(_ value: Int8) throws { append(.signed(Int64(value))) }
  mutating func encode(_ value: Int16) throws { append(.signed(Int64(value))) }
  mutating func encode(_ value: Int32) throws { append(.signed(Int64(value))) }
  mutating func encode(_ value: Int64) throws { append(.signed(value)) }
  mutating func encode(_ value: UInt) throws { append(.unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt8) throws { append(.unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt16) throws { append(.unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt32) throws { append(.unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt64) throws { append(.unsigned(value)) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    append(try BinaryPrimitive.node(value, codingPath: codingPath + [IndexKey(intValue: count)]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    let child = BinaryNode()
    let path = codingPath + [IndexKey(intValue: count)]
    append(child)
    return KeyedEncodingContainer(BinaryKeyedEncoding<NestedKey>(node: child, codingPath: path))
  }

  mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
    let child = BinaryNode()
    let path = codingPath + [IndexKey(intValue: count)]
    append(child)
    return BinaryUnkeyedEncoding(node: child, codingPath: path)
  }

  mutating func superEncoder() -> Encoder {
    let child = BinaryNode()
    let path = codingPath + [IndexKey(intValue: count)]
    append(child)
    return BinaryTreeEncoder(node: child, codingPath: path)
  }
}

struct BinarySingleValueEncoding: SingleValueEncodingContainer {
  let node: BinaryNode
  let codingPath: [CodingKey]

  mutating func encodeNil() throws { node.content = .null }
  mutating func encode(_ value: Bool) throws { node.content = .bool(value) }
  mutating func encode(_ value: String) throws { node.content = .string(value) }
  mutating func encode(_ value: Double) throws { node.content = .double(value) }
  mutating func encode(_ value: Float) throws { node.content = .double(Double(value)) }
  mutating func encode(_ value: Int) throws { node.content = .signed(Int64(value)) }
  mutating func encode(_ value: Int8) throws { node.content = .signed(Int64(value)) }
  mutating func encode(_ value: Int16) throws { node.content = .signed(Int64(value)) }
  mutating func encode(_ value: Int32) throws { node.content = .signed(Int64(value)) }
  mutating func encode(_ value: Int64) throws { node.content = .signed(value) }
  mutating func encode(_ value: UInt) throws { node.content = .unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt8) throws { node.content = .unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt16) throws { node.content = .unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt32) throws { node.content = .unsigned(UInt64(value)) }
  mutating func encode(_ value: UInt64) throws { node.content = .unsigned(value) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let child = try BinaryPrimitive.node(value, codingPath: codingPath)
    node.content = child.content
    node.entries = child.entries
    node.items = child.items
  }
}
