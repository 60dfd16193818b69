import Crypto
import Foundation
import SarcoCore

/// SHA-256 of files and bytes, as lowercase hex.
public enum FileDigest {
  /// Hashes a file in 4 MiB chunks, so memory stays flat for any size.
  public static func sha256(ofFileAt path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw SarcoError.input("\(path): cannot open for reading")
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    while true {
      let chunk = try handle.read(upToCount: 4 << 20) ?? Data()
      if chunk.isEmpty { break }
      hasher.update(data: chunk)
    }
    return hex(hasher.finalize())
  }

  public static func sha256(of data: Data) -> String { hex(SHA256.hash(data: data)) }

  /// Lowercase hex, two digits a byte. (`String(format: "%02x")` took ~20,000 instructions a byte:
  /// 0.6M for every sample's input checksum.)
  static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
    var text: [UInt8] = []
    text.reserveCapacity(digest.underestimatedCount * 2)
    for byte in digest {
      text.append(hexDigits[Int(byte >> 4)])
      text.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// SHA-256 fed as an input is read (`VCFReader(digest:)`): the report's input checksum
/// comes from the bytes htslib reads, so a stream is read once.
public final class StreamingSHA256: InputDigest, @unchecked Sendable {
  private var hasher = SHA256()

  public init() {}

  // One reader thread calls `update`, then `finish` once it is done.
  public func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }
  public func finish() -> String { FileDigest.hex(hasher.finalize()) }
}
