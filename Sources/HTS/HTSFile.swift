import CHTSlib
import CHTSlibShims
import Foundation
import SarcoCore

/// How a variant file is stored, as htslib detected it.
public enum VariantFileFormat: String, Sendable, Equatable {
  case vcf = "vcf"
  case vcfBGZF = "vcf.gz"
  case vcfGzip = "vcf (gzip, not BGZF)"
  case bcf = "bcf"

  public var isText: Bool { self != .bcf }
}

/// Owns one open htsFile and its header; closes both on deinit.
///
/// The corresponding C functions are `hts_open`, `bcf_hdr_read`, `hts_close`.
final class HTSFile {
  let path: String
  let file: UnsafeMutablePointer<htsFile>
  let header: UnsafeMutablePointer<bcf_hdr_t>
  let format: VariantFileFormat

  init(path: String, threads: Int) throws {
    self.path = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw SarcoError.input("\(path): no such file")
    }
    guard !isDirectory.boolValue else { throw SarcoError.input("\(path): is a directory, expected a VCF or BCF file") }
    guard FileManager.default.isReadableFile(atPath: path) else { throw SarcoError.input("\(path): permission denied") }
    HTSLog.quietWarnings()
    guard let file = hts_open(path, "r") else {
      throw SarcoError.input("\(path): htslib cannot open it (not a readable VCF/BCF file)")
    }
    let exactFormat = sp_file_format(file)
    let compression = sp_file_compression(file)
    let detected: VariantFileFormat
    switch (exactFormat, compression) {
    case (Int32(vcf.rawValue), Int32(no_compression.rawValue)): detected = .vcf
    case (Int32(vcf.rawValue), Int32(bgzf.rawValue)): detected = .vcfBGZF
    case (Int32(vcf.rawValue), Int32(gzip.rawValue)): detected = .vcfGzip
    case (Int32(bcf.rawValue), _): detected = .bcf
    default:
      let description = hts_format_description(hts_get_format(file)).map { pointer -> String in
        defer { free(pointer) }
        return String(cString: pointer)
      } ?? "unknown"
      hts_close(file)
      throw SarcoError.input("\(path): not a VCF or BCF file (htslib sees: \(description))")
    }
    if compression == Int32(bgzf.rawValue), sp_bgzf_has_eof_marker(file) == 0 {
      hts_close(file)
      throw SarcoError.input("\(path): truncated: the BGZF end-of-file marker is missing (incomplete copy or download?)")
    }
    if threads > 1 && compression == Int32(bgzf.rawValue) { _ = hts_set_threads(file, Int32(threads)) }
    guard let header = bcf_hdr_read(file) else {
      hts_close(file)
      throw SarcoError.input("\(path): cannot read the VCF header (missing ##fileformat or #CHROM line?)")
    }
    self.file = file
    self.header = header
    self.format = detected
  }

  deinit {
    bcf_hdr_destroy(header)
    hts_close(file)
  }

  /// The header as text, exactly as htslib holds it.
  func headerText() -> String {
    var text = kstring_t()
    defer { sp_ks_free(&text) }
    guard bcf_hdr_format(header, 0, &text) == 0, let pointer = text.s else { return "" }
    return String(cString: pointer)
  }
}

/// htslib's own logging is off: every failure reaches the user once, as our
/// one-line message. `SARCOPANEL_HTS_LOG=1` turns htslib's messages back on.
enum HTSLog {
  static func quietWarnings() {
    if ProcessInfo.processInfo.environment["SARCOPANEL_HTS_LOG"] == nil { hts_set_log_level(HTS_LOG_OFF) }
  }
}
