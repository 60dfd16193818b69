import Foundation

/// The members of an object as its `encode(to:)` hands them over, not yet encoded,
/// so that a large section (the clinical findings of a sample with thousands of
/// them) can be laid out one member, and one array element, at a time instead
/// of in a single JSONEncoder pass holding all of it. Only a plain keyed object
/// is taken apart; anything else (nested containers, super encoders) is left to
/// JSONEncoder whole.
struct EncodedMembers {
  /// Key and value, in the order `encode(to:)` gave them.
  let members: [(key: String, value: any Encodable)]

  static func capture<Value: Encodable>(_ value: Value) -> EncodedMembers? {
    let capturer = MemberCapturer()
    guard (try? value.encode(to: capturer)) != nil, capturer.isPlainObject else { return nil }
    return EncodedMembers(members: capturer.members)
  }
}

private final class MemberCapturer: Encoder {
  var members: [(key: String, value: any Encodable)] = []
  var keyedContainers = 0
  var unsupported = false
  var isPlainObject: Bool { keyedContainers == 1 && !unsupported }

  let codingPath: [CodingKey] = []
  let userInfo: [CodingUserInfoKey: Any] = [:]

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    keyedContainers += 1
    return KeyedEncodingContainer(Container<Key>(capturer: self))
  }

  func unkeyedContainer() -> UnkeyedEncodingContainer {
    unsupported = true
    return Refused(capturer: self)
  }

  func singleValueContainer() -> SingleValueEncodingContainer {
    unsupported = true
    return Refused(capturer: self)
  }

  struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let capturer: MemberCapturer
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { capturer.unsupported = true }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { capturer.members.append((key.stringValue, value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
      -> KeyedEncodingContainer<NestedKey>
    {
      capturer.unsupported = true
      return KeyedEncodingContainer(MemberCapturer.Container<NestedKey>(capturer: MemberCapturer()))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
      capturer.unsupported = true
      return Refused(capturer: capturer)
    }

    mutating func superEncoder() -> Encoder {
      capturer.unsupported = true
      return MemberCapturer()
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
      capturer.unsupported = true
      return MemberCapturer()
    }
  }

  /// Accepts anything and marks the capture as failed.
  struct Refused: UnkeyedEncodingContainer, SingleValueEncodingContainer {
    let capturer: MemberCapturer
    var codingPath: [CodingKey] { [] }
    var count: Int { 0 }

    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws {}
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
      KeyedEncodingContainer(MemberCapturer.Container<NestedKey>(capturer: MemberCapturer()))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { self }
    mutating func superEncoder() -> Encoder { MemberCapturer() }
  }
}
