import Foundation
import SarcoCore

/// Writes JSON straight into bytes, laid out exactly as Foundation's
/// `JSONEncoder` does with `.sortedKeys, .prettyPrinted, .withoutEscapingSlashes`
/// (two-space indent, `"key" : value`, nil members left out), without building
/// an intermediate tree. Callers write members in code-point order of their
/// keys; debug builds check it, and tests hold the bytes equal to JSONEncoder's.
public struct JSONWriter {
  public private(set) var bytes: [UInt8] = []
  /// Takes the bytes gathered so far once they pass a mebibyte (at element boundaries), so a report
  /// larger than memory goes to disk as it is written; it must empty the array it is given.
  public var spill: ((inout [UInt8]) -> Void)?
  private var depth = 0
  private var isFirst = true
  #if DEBUG
    private var lastKeys: [String] = []
  #endif

  public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

  /// A writer standing inside an array `depth` levels down, for writing that
  /// array's elements a few at a time (`element`, then `takeBytes`).
  public init(elementsAtDepth depth: Int) {
    self.depth = depth
    #if DEBUG
      lastKeys = Array(repeating: "", count: depth)
    #endif
  }

  /// The bytes written since the last call; the writer keeps its place.
  public mutating func takeBytes() -> [UInt8] {
    defer { bytes.removeAll(keepingCapacity: true) }
    return bytes
  }

  public mutating func object(_ body: (inout JSONWriter) -> Void) {
    open(UInt8(ascii: "{"))
    #if DEBUG
      lastKeys.append("")
    #endif
    body(&self)
    #if DEBUG
      lastKeys.removeLast()
    #endif
    close(UInt8(ascii: "}"))
  }

  public mutating func array<Items: Sequence>(_ items: Items, _ element: (inout JSONWriter, Items.Element) -> Void) {
    open(UInt8(ascii: "["))
    for item in items { self.element { element(&$0, item) } }
    close(UInt8(ascii: "]"))
  }

  /// One element of the array being written.
  public mutating func element(_ body: (inout JSONWriter) -> Void) {
    startLine()
    body(&self)
    if let spill, bytes.count >= 1 << 20 { spill(&bytes) }
  }

  /// Consecutive elements of the array at `depth`, rendered apart (on another thread) into one
  /// buffer of `capacity` bytes to start with: separators between them, none before the first.
  public static func rendered<Items: Collection>(
    elementsAtDepth depth: Int, _ items: Items, capacity: Int, _ body: (inout JSONWriter, Items.Element) -> Void
  ) -> [UInt8] {
    var writer = JSONWriter(elementsAtDepth: depth)
    writer.bytes.reserveCapacity(capacity)
    // Each item read in place (a closure per element captured a copy of every item).
    for index in items.indices {
      writer.startLine()
      body(&writer, items[index])
    }
    return writer.bytes
  }

  /// The bytes written since the last call and, unless `run` is empty, the separator before it,
  /// as if `elements(rendered: run)` had been called; the caller writes `run` after them.
  public mutating func takeBytes(separatingFrom run: [UInt8]) -> [UInt8] {
    if !run.isEmpty { separate() }
    return takeBytes()
  }

  /// A run of elements from `rendered(elementsAtDepth:_:capacity:_:)`: the bytes `element` writes for each.
  public mutating func elements(rendered: [UInt8]) {
    guard !rendered.isEmpty else { return }
    separate()
    bytes.append(contentsOf: rendered)
    if let spill, bytes.count >= 1 << 20 { spill(&bytes) }
  }

  /// Whether `lhs` comes before `rhs` in code-point order (UTF-8 keeps it: their bytes compared),
  /// the order of every sorted key this writer and the reports write; what
  /// `lhs.utf8.lexicographicallyPrecedes(rhs.utf8)` gives, without stepping through two views.
  public static func codePointPrecedes(_ lhs: String, _ rhs: String) -> Bool {
    var lhs = lhs
    var rhs = rhs
    return lhs.withUTF8 { left in
      rhs.withUTF8 { right in
        let shared = min(left.count, right.count)
        if shared > 0, let a = left.baseAddress, let b = right.baseAddress {
          let order = memcmp(a, b, shared)
          if order != 0 { return order < 0 }
        }
        return left.count < right.count
      }
    }
  }

  /// Starts a member; its value must follow.
  public mutating func key(_ name: String) {
    #if DEBUG
      precondition(
        lastKeys.last.map { $0.isEmpty || JSONWriter.codePointPrecedes($0, name) } ?? true,
        "JSON keys out of order: '\(name)' after '\(lastKeys.last ?? "")'")
      lastKeys[lastKeys.count - 1] = name
    #endif
    startLine()
    string(name)
    appendKeyEnd()
  }

  public mutating func string(_ text: String) {
    // Most strings need no escaping: their bytes are copied whole, in place.
    let copied = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
      guard !JSONWriter.needsEscaping(utf8) else { return false }
      bytes.append(UInt8(ascii: "\""))
      bytes.append(contentsOf: utf8)
      bytes.append(UInt8(ascii: "\""))
      return true
    }
    if copied == true { return }
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 { escape(byte) }
    bytes.append(UInt8(ascii: "\""))
  }

  @inline(__always) static func needsEscaping(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

  /// Whether any byte needs escaping, eight bytes at a time (`ByteWords`).
  static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    ByteWords.contains(utf8, word: wordNeedsEscaping, byte: needsEscaping)
  }

  /// Whether any byte of `word` is below 0x20, a quote or a backslash.
  @inline(__always) static func wordNeedsEscaping(_ word: UInt64) -> Bool {
    (ByteWords.byte(below: 0x20, in: word) | ByteWords.byte(0x22, in: word) | ByteWords.byte(0x5C, in: word)) != 0
  }

  private mutating func escape(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(0x5C); bytes.append(byte)
    case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
    case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
    case 0..<0x20:
      bytes.append(contentsOf: "\\u00".utf8)
      bytes.append(JSONWriter.hexDigits[Int(byte >> 4)])
      bytes.append(JSONWriter.hexDigits[Int(byte & 0x0F)])
    default: bytes.append(byte)
    }
  }

  /// Text that is already JSON (a number as written, `null`).
  mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
  public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
  public mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
  public mutating func number(_ value: Double) { bytes.append(contentsOf: (value.isFinite ? JSONWriter.format(value) : "null").utf8) }

  // Members with optional values: nothing is written for nil, as encodeIfPresent does.
  public mutating func member(_ name: String, _ value: String?) {
    if let value { key(name); string(value) }
  }
  public mutating func member(_ name: String, _ value: Int?) {
    if let value { key(name); integer(value) }
  }
  /// A non-finite value has no JSON spelling: it is left out, as nil is (inputs are checked before; this keeps the file JSON).
  public mutating func member(_ name: String, _ value: Double?) {
    if let value, value.isFinite { key(name); number(value) }
  }
  public mutating func member(_ name: String, strings: [String]) {
    key(name)
    array(strings) { $0.string($1) }
  }

  /// Writes a member whose value its `Codable` conformance lays out, with the bytes JSONEncoder
  /// gives (same options as the whole report; `JSONTree`, or JSONEncoder itself for the types it
  /// encodes its own way). For sections where a hand-written shape would only repeat the Codable
  /// keys. An object is laid out member by member and its arrays element by element (the same
  /// bytes), so a section with thousands of entries is never encoded in one piece.
  public mutating func member<Value: Encodable>(_ name: String, encoded value: Value?) {
    guard let value else { return }
    key(name)
    encoded(value)
  }

  mutating func encoded<Value: Encodable>(_ value: Value) {
    guard let object = EncodedMembers.capture(value) else { return encodedWhole(value) }
    let members = object.members
    self.object { json in
      for index in JSONWriter.writingOrder(members.map(\.key)) {
        let member = members[index]
        json.key(member.key)
        if let elements = member.value as? [any Encodable] {
          json.array(elements) { json, element in json.encodedWhole(element) }
        } else {
          json.encodedWhole(member.value)
        }
      }
    }
  }

  /// The places of an object's members in the order they are written: code-point order of their
  /// keys, a key encoded twice once, with its last value (as JSONEncoder's `.sortedKeys` writes it).
  static func writingOrder(_ keys: [String]) -> [Int] {
    // Most keys differ in their first eight bytes: compared as one integer (big-endian, zero-padded)
    // before the bytewise comparison (sorting the keys of every object was 3% of a small sample's run).
    let prefixes = keys.map { key in
      var prefix: UInt64 = 0
      var shift: UInt64 = 56
      for byte in key.utf8.prefix(8) {
        prefix |= UInt64(byte) << shift
        shift &-= 8
      }
      return prefix
    }
    let order = keys.indices.sorted { left, right in
      if prefixes[left] != prefixes[right] { return prefixes[left] < prefixes[right] }
      return keys[left] == keys[right] ? left < right : codePointPrecedes(keys[left], keys[right])
    }
    return order.indices.filter { $0 + 1 == order.count || keys[order[$0 + 1]] != keys[order[$0]] }.map { order[$0] }
  }

  private mutating func encodedWhole(_ value: any Encodable) {
    if let tree = JSONTree.of(value) {
      write(tree)
      isFirst = false
      return
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // JSON has no infinity or NaN: should one reach here, it is spelt as a string rather than failing.
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    // Encoding plain Codable values cannot fail otherwise; a failure is a programming error.
    let data = try! encoder.encode(value)
    let padding = [UInt8](repeating: 0x20, count: depth * 2)
    data.withUnsafeBytes { encoded in
      for (index, byte) in encoded.enumerated() {
        bytes.append(byte)
        // Blank lines (inside empty arrays) stay blank, as JSONEncoder writes them.
        if byte == 0x0A && encoded[index + 1] != 0x0A { bytes.append(contentsOf: padding) }
      }
    }
    isFirst = false
  }

  /// Integral values print without a fraction (`1`, not `1.0`), as JSONEncoder does.
  public static func format(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }

  static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    bytes.append(0x0A)
    depth += 1
    isFirst = true
  }

  private mutating func close(_ bracket: UInt8) {
    bytes.append(0x0A)
    depth -= 1
    indent()
    bytes.append(bracket)
    isFirst = false
  }

  private mutating func indent() {
    let width = depth * 2
    if width <= JSONWriter.spaces { appendSeparatorAndSpaces(2..<(2 + width)) } else {
      bytes.append(contentsOf: repeatElement(0x20, count: width))
    }
  }

  /// `separate()` then `indent()`, in one copy: every member and element starts so.
  private mutating func startLine() {
    let width = depth * 2
    guard width <= JSONWriter.spaces else { separate(); indent(); return }
    appendSeparatorAndSpaces((isFirst ? 2 : 0)..<(2 + width))
    isFirst = false
  }

  /// `,` and a newline, then enough spaces for any usual depth: separators and indents are slices of
  /// it. A static string, not an array: copying from it retains nothing (an array slice retained
  /// its buffer on every copy, a fifth of the JSON's time).
  static let separatorAndSpaces: StaticString =
    ",\n                                                                                                                                "

  /// The widest indent copied from it.
  static let spaces = separatorAndSpaces.utf8CodeUnitCount - 2

  private mutating func appendSeparatorAndSpaces(_ range: Range<Int>) {
    JSONWriter.separatorAndSpaces.withUTF8Buffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// What follows a key's closing quote.
  private mutating func appendKeyEnd() {
    bytes.append(0x20)
    bytes.append(UInt8(ascii: ":"))
    bytes.append(0x20)
  }

  /// The comma and newline before every member or element but the first.
  private mutating func separate() {
    if !isFirst {
      bytes.append(UInt8(ascii: ","))
      bytes.append(0x0A)
    }
    isFirst = false
  }
}
