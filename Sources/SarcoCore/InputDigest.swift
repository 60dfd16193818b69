/// Receives every byte of an input once, in file order; the report's SHA-256 is one.
public protocol InputDigest: AnyObject, Sendable {
  func update(_ bytes: UnsafeRawBufferPointer)
  /// Lowercase hex of the digest of everything passed to `update`.
  func finish() -> String
}
