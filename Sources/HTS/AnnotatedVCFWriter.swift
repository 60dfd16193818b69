import CHTSlib
import CHTSlibShims
import Foundation
import SarcoCore

/// How an annotated VCF is stored, from its file name.
public enum VariantOutputFormat: String, Sendable, CaseIterable {
  case vcf = "vcf"
  /// BGZF-compressed VCF (indexable with `bcftools index` or `tabix -p vcf`).
  case vcfBGZF = "vcf.gz"
  case bcf = "bcf"

  /// `.vcf`, `.vcf.gz` (or `.vcf.bgz`) or `.bcf`, in any case; nil for anything else.
  public init?(fileName: String) {
    let name = fileName.lowercased()
    if name.hasSuffix(".vcf.gz") || name.hasSuffix(".vcf.bgz") {
      self = .vcfBGZF
    } else if name.hasSuffix(".vcf") {
      self = .vcf
    } else if name.hasSuffix(".bcf") {
      self = .bcf
    } else {
      return nil
    }
  }

  /// htslib's open mode: plain text, BGZF text, compressed BCF.
  var mode: String {
    switch self {
    case .vcf: return "w"
    case .vcfBGZF: return "wz"
    case .bcf: return "wb"
    }
  }
}

/// An INFO field a writer declares and fills: `##INFO=<ID=..,Number=..,Type=String,Description="..">`.
public struct InfoFieldDefinition: Sendable, Equatable {
  public let id: String
  /// `A` (one value per ALT), `1` or `.`.
  public let number: String
  public let description: String

  public init(id: String, number: String, description: String) {
    self.id = id
    self.number = number
    self.description = description
  }

  var headerLine: String {
    let quoted = description.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    return "##INFO=<ID=\(id),Number=\(number),Type=String,Description=\"\(quoted)\">"
  }
}

/// A copy of a VCF/BCF input's records with INFO values added, written through htslib.
///
/// The header is the input's (`bcf_hdr_dup`; with several inputs of one sample, the first
/// one's with the others' lines merged in by `bcf_hdr_merge`, as `bcftools concat` does) with
/// the fields and meta lines appended
/// (`bcf_hdr_append`); earlier definitions of the same IDs and keys (an input that is
/// itself an annotated output) are removed first, so they are replaced, not doubled.
/// Records come as VCF lines. Each is parsed against that header (`vcf_parse`), its
/// fields set, or removed where it has no value (`bcf_update_info`), and written
/// (`bcf_write`) in the format the file name asks for (`hts_open` mode `w`, `wz`, `wb`).
///
/// Two steps, so the header is complete before it is written: `admit` each record
/// while the input is read (parsing declares an undeclared contig or tag on the
/// header, as reading did), then `open`, `write` each record again, `close`.
public final class AnnotatedVCFWriter {
  public let fields: [InfoFieldDefinition]
  private let header: UnsafeMutablePointer<bcf_hdr_t>
  private let record: UnsafeMutablePointer<bcf1_t>
  private var line = kstring_t()
  private var file: UnsafeMutablePointer<htsFile>?
  /// The file the user named (messages), while `file` may be its temporary.
  private var target = ""
  /// The input's text records may use contigs and tags their header lacks; a BCF's cannot.
  private let admitsRecords: Bool

  /// `metaLines` are `##key=value` lines (control characters become spaces). Several `templates`
  /// (one sample's files, records merged by position) must have the same sample columns.
  public init(templates: [VCFReader], fields: [InfoFieldDefinition], metaLines: [(key: String, value: String)]) throws {
    guard let first = templates.first else { throw SarcoError(.internalFailure, "an annotated VCF needs an input header") }
    for other in templates.dropFirst() where other.header.samples != first.header.samples {
      throw SarcoError.usage(
        "--vcf-out: \(first.path) and \(other.path) have different sample columns (\(ShortList.text(first.header.samples)); \(ShortList.text(other.header.samples))), and one annotated VCF has one set of columns: combine them first (bcftools merge), or leave out --vcf-out")
    }
    guard let header = bcf_hdr_dup(first.file.header), let record = bcf_init() else {
      throw SarcoError(.internalFailure, "out of memory copying the VCF header")
    }
    self.header = header
    self.record = record
    self.fields = fields
    admitsRecords = templates.contains { $0.format.isText }
    for other in templates.dropFirst() where bcf_hdr_merge(header, other.file.header) == nil {
      throw SarcoError.input("\(other.path): htslib cannot merge its header into \(first.path)'s for the annotated VCF")
    }
    for field in fields { bcf_hdr_remove(header, BCF_HL_INFO, field.id) }
    for key in Set(metaLines.map(\.key)) { bcf_hdr_remove(header, BCF_HL_GEN, key) }
    let lines = fields.map(\.headerLine) + metaLines.map { "##\($0.key)=\(Self.oneLine($0.value))" }
    for text in lines where bcf_hdr_append(header, text) != 0 {
      throw SarcoError(.internalFailure, "htslib refused the header line \(text)")
    }
    guard bcf_hdr_sync(header) == 0 else { throw SarcoError(.internalFailure, "htslib cannot update the VCF header") }
  }

  deinit {
    if let file { hts_close(file) }
    sp_ks_free(&line)
    bcf_destroy(record)
    bcf_hdr_destroy(header)
  }

  /// Lets the header learn what a record uses before it is written (see the type's notes).
  public func admit(_ text: String) throws {
    guard admitsRecords else { return }
    try parse(text)
  }

  /// Opens `path` (a temporary standing for `target`) and writes the header.
  public func open(path: String, target: String, format: VariantOutputFormat, threads: Int = 1) throws {
    self.target = target
    guard let file = hts_open(path, format.mode) else {
      throw SarcoError.output("\(target): htslib cannot create it: \(String(cString: strerror(errno)))")
    }
    self.file = file
    if format != .vcf && threads > 1 { _ = hts_set_threads(file, Int32(threads)) }
    guard bcf_hdr_write(file, header) == 0 else { throw writeError() }
  }

  /// Writes one record with `values[i]` as the value of `fields[i]` (nil: the field is removed).
  public func write(_ text: String, values: [String?]) throws {
    guard let file else { throw SarcoError(.internalFailure, "\(target): written before it was opened") }
    try parse(text)
    for (field, value) in zip(fields, values) {
      let status: Int32
      if let value {
        status = value.withCString { bcf_update_info(header, record, field.id, $0, 1, Int32(BCF_HT_STR)) }
      } else {
        status = bcf_update_info(header, record, field.id, nil, 0, Int32(BCF_HT_STR))
      }
      guard status == 0 else { throw SarcoError.output("\(target): htslib cannot set INFO/\(field.id) at \(locus(text))") }
    }
    guard bcf_write(file, header, record) == 0 else { throw writeError() }
  }

  /// Flushes and closes the file; a full disk shows here at the latest.
  public func close() throws {
    guard let file else { return }
    self.file = nil
    guard hts_close(file) == 0 else { throw writeError() }
  }

  private func parse(_ text: String) throws {
    var text = text
    let problem = text.withUTF8 { RecordConverter.parse($0, header: header, record: record, scratch: &line) }
    if let problem { throw SarcoError.input("record at \(locus(text)): htslib cannot parse it again for the annotated VCF: \(problem)") }
  }

  private func writeError() -> SarcoError {
    SarcoError.output("\(target): cannot write: \(String(cString: strerror(errno)))")
  }

  /// `CHROM:POS` of a VCF line, for messages.
  private func locus(_ text: String) -> String { text.split(separator: "\t", maxSplits: 2).prefix(2).joined(separator: ":") }

  private static func oneLine(_ value: String) -> String {
    String(value.map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }
}
