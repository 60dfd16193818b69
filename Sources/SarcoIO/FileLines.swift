import Foundation
import SarcoCore

/// Reads a file line by line a mebibyte at a time, so memory stays flat for any size.
public enum FileLines {
  /// Calls `body` with each line's bytes, without its newline (the last line may lack one).
  public static func forEach(path: String, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw SarcoError.output("\(path): cannot read it back")
    }
    defer { try? handle.close() }
    var pending: [UInt8] = []
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      pending.append(contentsOf: chunk)
      var start = pending.startIndex
      while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
        try body(pending[start..<newline])
        start = newline + 1
      }
      pending.removeSubrange(..<start)
    }
    if !pending.isEmpty { try body(pending[...]) }
  }
}
