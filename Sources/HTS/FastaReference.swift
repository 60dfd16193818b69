import CHTSlib
import Foundation
import SarcoCore

/// Reference bases from an indexed FASTA (`.fai`, and `.gzi` when bgzipped).
///
/// The corresponding C functions are `fai_load` and `faidx_fetch_seq64`.
/// A `faidx_t` keeps one file position, so fetches are serialised.
public final class FastaReference: ReferenceSequence, @unchecked Sendable {
  public let path: String
  let index: OpaquePointer
  public let sequenceNames: [String]
  private let lock = NSLock()

  public init(path: String) throws {
    self.path = path
    guard FileManager.default.fileExists(atPath: path) else { throw SarcoError.input("\(path): no such file") }
    HTSLog.quietWarnings()
    guard let index = fai_load(path) else {
      throw SarcoError.input("\(path): cannot load its .fai index; create it with `samtools faidx \(path)`")
    }
    self.index = index
    sequenceNames = (0..<Int(faidx_nseq(index))).map { String(cString: faidx_iseq(index, Int32($0))) }
  }

  deinit { fai_destroy(index) }

  /// Length of `contig` spelled either way, nil when absent.
  public func length(contig: String) -> Int? {
    guard let name = name(of: contig) else { return nil }
    let length = faidx_seq_len(index, name)
    return length < 0 ? nil : Int(length)
  }

  func name(of contig: String) -> String? {
    let wanted = ContigName.canonical(contig)
    return sequenceNames.first { ContigName.canonical($0) == wanted }
  }

  /// Bases `start...end` (1-based, inclusive) of `contig` spelled either way, uppercase; nil when absent.
  /// Ends past the contig are cut at its end (the caller checks the length it gets).
  public func bases(contig: String, start: Int, end: Int) -> String? {
    guard let name = name(of: contig) else { return nil }
    lock.lock()
    defer { lock.unlock() }
    var length: hts_pos_t = 0
    guard let pointer = faidx_fetch_seq64(index, name, hts_pos_t(start - 1), hts_pos_t(end - 1), &length), length > 0 else {
      return nil
    }
    defer { free(pointer) }
    return String(cString: pointer).uppercased()
  }
}
