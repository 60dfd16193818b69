import Foundation

/// A value's JSON as Foundation's `JSONEncoder` makes it (the report's options: default strategies,
/// non-finite numbers as the strings "Infinity", "-Infinity" and "NaN"), built by an encoder of
/// this module so that `JSONWriter` lays it out. `JSONEncoder` checked each value's type against
/// several protocols and types (the first time a type is met, each check searches the whole
/// program's conformances), was made anew for every array element, and its bytes were copied
/// again to indent them: a batch of 100 small samples took 476 ms with it, 431 ms without.
/// Tests hold the bytes equal to `JSONEncoder`'s.
final class JSONTree {
  /// A value written whole: a number as written, a string, `true`, `false` or `null`.
  enum Leaf {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
  }

  fileprivate(set) var leaf: Leaf?
  /// In the order they were encoded; written in code-point order of their keys, a key encoded
  /// twice with its last value (as JSONEncoder's `.sortedKeys` does).
  fileprivate(set) var members: [(key: String, value: JSONTree)]?
  fileprivate(set) var elements: [JSONTree]?

  fileprivate init() {}

  /// `value`'s tree; nil for a value this encoder leaves to `JSONEncoder` (one that is or holds a
  /// `Date`, `Data`, `URL` or `Decimal`, which `JSONEncoder` encodes its own way).
  static func of<Value: Encodable>(_ value: Value) -> JSONTree? {
    let tree = JSONTree()
    do {
      try tree.encode(value)
    } catch {
      return nil
    }
    return tree
  }

  fileprivate func encode<Value: Encodable>(_ value: Value) throws {
    // Compared as types, not cast: a cast to a protocol searches the conformances.
    if Value.self == Date.self || Value.self == Data.self || Value.self == URL.self || Value.self == Decimal.self {
      throw LeftToJSONEncoder()
    }
    try value.encode(to: NodeEncoder(node: self))
  }

  fileprivate func child(forKey key: String) -> JSONTree {
    let child = JSONTree()
    if members == nil { members = [] }
    members!.append((key, child))
    return child
  }

  /// The container already under `key`, else a new one: a nested container asked for twice, or
  /// after a value was encoded there, adds to it, as with JSONEncoder.
  fileprivate func container(forKey key: String) -> JSONTree {
    if let last = members?.last(where: { $0.key == key })?.value, last.members != nil || last.elements != nil { return last }
    return child(forKey: key)
  }

  fileprivate func appendedElement() -> JSONTree {
    let child = JSONTree()
    if elements == nil { elements = [] }
    elements!.append(child)
    return child
  }

  fileprivate static func number<Number: FloatingPoint & LosslessStringConvertible>(_ value: Number) -> Leaf {
    if value.isNaN { return .string("NaN") }
    if value.isInfinite { return .string(value < 0 ? "-Infinity" : "Infinity") }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return .number(text)
  }

  fileprivate static func integer<Number: FixedWidthInteger>(_ value: Number) -> Leaf { .number(String(value)) }
}

extension JSONWriter {
  /// `tree` at the writer's place, keys in code-point order (`.sortedKeys`).
  mutating func write(_ tree: JSONTree) {
    if let members = tree.members {
      object { json in
        for index in JSONWriter.writingOrder(members.map(\.key)) {
          json.key(members[index].key)
          json.write(members[index].value)
        }
      }
    } else if let elements = tree.elements {
      array(elements) { json, element in json.write(element) }
    } else {
      switch tree.leaf {
      case .null: raw("null")
      case .bool(let value): bool(value)
      case .number(let text): raw(text)
      case .string(let text): string(text)
      // A value that wrote nothing is an empty object, as with JSONEncoder.
      case nil: object { _ in }
      }
    }
  }
}

/// Stands for a type `JSONEncoder` encodes its own way.
private struct LeftToJSONEncoder: Error {}

private struct NodeEncoder: Encoder {
  let node: JSONTree
  var codingPath: [CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if node.members == nil { node.members = [] }
    return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node))
  }

  func unkeyedContainer() -> UnkeyedEncodingContainer {
    if node.elements == nil { node.elements = [] }
    return UnkeyedNodeContainer(node: node)
  }

  func singleValueContainer() -> SingleValueEncodingContainer { SingleNodeContainer(node: node) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONTree
  var codingPath: [CodingKey] { [] }

  func set(_ tree: JSONTree.Leaf, _ key: Key) { node.child(forKey: key.stringValue).leaf = tree }

  mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
  mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { set(JSONTree.number(value), key) }
  mutating func encode(_ value: Float, forKey key: Key) throws { set(JSONTree.number(value), key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { set(JSONTree.integer(value), key) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try node.child(forKey: key.stringValue).encode(value) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    NodeEncoder(node: node.container(forKey: key.stringValue)).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
    NodeEncoder(node: node.container(forKey: key.stringValue)).unkeyedContainer()
  }

  mutating func superEncoder() -> Encoder { NodeEncoder(node: node.child(forKey: "super")) }
  mutating func superEncoder(forKey key: Key) -> Encoder { NodeEncoder(node: node.child(forKey: key.stringValue)) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
  let node: JSONTree
  var codingPath: [CodingKey] { [] }
  var count: Int { node.elements?.count ?? 0 }

  func append(_ tree: JSONTree.Leaf) { node.appendedElement().leaf = tree }

  mutating func encodeNil() throws { append(.null) }
  mutating func encode(_ value: Bool) throws { append(.bool(value)) }
  mutating func encode(_ value: String) throws { append(.string(value)) }
  mutating func encode(_ value: Double) throws { append(JSONTree.number(value)) }
  mutating func encode(_ value: Float) throws { append(JSONTree.number(value)) }
  mutating func encode(_ value: Int) throws { append(JSONTree.integer(value)) }
  mutating func encode(_ value: Int8) throws { append(JSONTree.integer(value)) }
  mutating func encode(_ value: Int16) throws { append(JSONTree.integer(value)) }
  mutating func encode(_ value: Int32) throws { append(JSONTree.integer(value)) }
  mutating func encode(_ value: Int64) throws { append(JSONTree.integer(value)) }
  mutating func encode(_ value: UInt) throws { append(JSONTree.integer(value)) }
  mutating func encode(_ value: UInt8) throws { append(JSONTree.integer(value)) }
  mutating func encode(_ value: UInt16) throws { append(JSONTree.integer(value)) }
  mutating func encode(_ value: UInt32) throws { append(JSONTree.integer(value)) }
  mutating func encode(_ value: UInt64) throws { append(JSONTree.integer(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws { try node.appendedElement().encode(value) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    NodeEncoder(node: node.appendedElement()).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { NodeEncoder(node: node.appendedElement()).unkeyedContainer() }

  mutating func superEncoder() -> Encoder { NodeEncoder(node: node.appendedElement()) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
  let node: JSONTree
  var codingPath: [CodingKey] { [] }

  mutating func encodeNil() throws { node.leaf = .null }
  mutating func encode(_ value: Bool) throws { node.leaf = .bool(value) }
  mutating func encode(_ value: String) throws { node.leaf = .string(value) }
  mutating func encode(_ value: Double) throws { node.leaf = JSONTree.number(value) }
  mutating func encode(_ value: Float) throws { node.leaf = JSONTree.number(value) }
  mutating func encode(_ value: Int) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode(_ value: Int8) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode(_ value: Int16) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode(_ value: Int32) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode(_ value: Int64) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode(_ value: UInt) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode(_ value: UInt8) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode(_ value: UInt16) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode(_ value: UInt32) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode(_ value: UInt64) throws { node.leaf = JSONTree.integer(value) }
  mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value) }
}
