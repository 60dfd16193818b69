import Crypto
import Foundation
import SarcoCore

/// Replaces sample identifiers with keyed hashes (HMAC-SHA256 with a secret key
/// kept by the centre), so the same sample gets the same pseudonym in every
/// export and store, and nobody without the key can go back.
public struct Pseudonymiser: Sendable {
  /// The key's bytes (SymmetricKey is not Sendable; one is made per use).
  let keyBytes: Data

  /// Reads the key file (at least 16 bytes once surrounding whitespace is trimmed).
  public init(keyFile path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SarcoError.input("\(path): cannot read the pseudonymisation key file")
    }
    let trimmed = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.utf8.count >= 16 else {
      throw SarcoError.input(
        "\(path): the key is \(trimmed.utf8.count) bytes; use at least 16 (e.g. `openssl rand -hex 32 > \(path)`)")
    }
    keyBytes = Data(trimmed.utf8)
  }

  /// `SP-` and the first 16 hex digits of HMAC-SHA256(key, id).
  public func pseudonym(_ id: String) -> String {
    let code = HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: SymmetricKey(data: keyBytes))
    return "SP-" + FileDigest.hex(code.prefix(8))
  }
}
