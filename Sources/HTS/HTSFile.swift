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
/// The corresponding C functions are `hts_hopen`, `bcf_hdr_read`, `hts_close`.
final class HTSFile {
  let path: String
  let file: UnsafeMutablePointer<htsFile>
  let header: UnsafeMutablePointer<bcf_hdr_t>
  let format: VariantFileFormat
  /// The one open of the input (its digest, and whether it can seek).
  let source: InputSource
  /// Lines of a text header (so the first record is on line `headerLines + 1`); 0 for BCF.
  let headerLines: Int
  /// BGZF virtual offset of the first record (to come back to after checking an index); -1 when not BGZF.
  let dataStart: Int64

  init(path: String, threads: Int, digest: InputDigest? = nil) throws {
    self.path = path
    source = try InputSource(path: path, digest: digest)
    HTSLog.quietWarnings()
    guard let file = hts_hopen(source.handle, path, "r") else {
      _ = hclose(source.handle)
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
    guard let header = detected.isText ? sp_hdr_read_without_index(file) : bcf_hdr_read(file) else {
      let corrupt = sp_bgzf_errcode(file) != 0
      hts_close(file)
      throw SarcoError.input(
        corrupt
          ? "\(path): the compressed data is corrupt or truncated (inside the header)"
          : "\(path): cannot read the VCF header (missing ##fileformat or #CHROM line?)")
    }
    if detected.isText, let indexPath = IndexContigNames.indexPath(besideText: path),
      let names = IndexContigNames.read(indexPath: indexPath)
    {
      let added = names.map { sp_hdr_add_contig(header, $0) }
      guard !added.contains(-1), !added.contains(1) || bcf_hdr_sync(header) == 0 else {
        bcf_hdr_destroy(header)
        hts_close(file)
        throw SarcoError.input("\(path): out of memory adding the contigs of \(indexPath) to the header")
      }
    }
    self.file = file
    self.header = header
    self.format = detected
    headerLines = detected.isText ? Int(file.pointee.lineno) : 0
    dataStart = sp_bgzf_tell(file)
    self.threads = compression == Int32(bgzf.rawValue) ? threads : 1
  }

  private let threads: Int
  private var threadsStarted = false
  /// The decompression threads, when started; destroyed after the file is closed.
  private var pool: OpaquePointer?

  /// Starts htslib's decompression threads, once the index checks (which seek) are done:
  /// htslib 1.16 can hang seeking a multi-threaded BGZF reader that has reached the end.
  /// `readingAhead` (a streamed read of the whole file): the threads decompress up to
  /// `streamingQueueDepth` blocks ahead instead of htslib's two per thread, so a moment's delay in
  /// the reading thread does not stop them (5M-record WGS VCF streamed with 2 threads: 0.61 ->
  /// 0.54 s; ~11 MB more memory). An indexed read keeps two per thread: it seeks from region to
  /// region, and blocks decompressed ahead of a seek are thrown away (deeper made it slower).
  func startThreads(readingAhead: Bool) {
    guard threads > 1, !threadsStarted else { return }
    threadsStarted = true
    guard let made = hts_tpool_init(Int32(threads)) else { return }
    var shared = htsThreadPool(pool: made, qsize: Int32(readingAhead ? HTSFile.streamingQueueDepth(threads) : 2 * threads))
    guard hts_set_thread_pool(file, &shared) == 0 else {
      hts_tpool_destroy(made)
      return
    }
    pool = made
  }

  /// Blocks decompressed ahead of a streamed read: 32 per thread, at most 256 (64 KiB each).
  static func streamingQueueDepth(_ threads: Int) -> Int { min(32 * threads, 256) }

  deinit {
    bcf_hdr_destroy(header)
    hts_close(file)
    if let pool { hts_tpool_destroy(pool) }
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

/// The htslib the binary is linked against.
public enum HTSLib {
  public static var version: String { String(cString: hts_version()) }
}
