import Foundation
import SarcoCore
import SarcoIO
import SarcoReports

/// `ExportedRecord`s on disk between the read and the end of a run, in input order, so
/// the annotated VCF and the MAF can be written once the clinical reading is done
/// without holding the records in memory.
///
/// Lines, tab-separated, each field escaped (`\\`, `\t`, `\n`) except a record's VCF text,
/// which comes last and is taken whole:
///
///     R  POS  QUAL  FILTERS(;)  CHROM  ID  ALLELES(,)  TEXT
///     A  ALT_INDEX  KIND  REPORTED(0|1)  KEY  tumour GT DP REF ALT  normal GT DP REF ALT  GENES(,)
///     C  GENE  TRANSCRIPT  TERMS(&)  IMPACT  HGVSC  HGVSP  EXON  INTRON  EXON_COUNT
///
/// An `A` line follows its record, each `C` line its allele. A tumour or normal call is
/// `-` in its GT field when absent.
enum ExportSpool {
  static func write(_ record: ExportedRecord, to sink: FileSink) throws {
    var text = "R\t" + [
      String(record.position), record.quality.map { "\($0)" } ?? "", record.filters.joined(separator: ";"), record.contig,
      record.id, record.alleles.joined(separator: ","),
    ].map(escaped).joined(separator: "\t") + "\t" + record.text + "\n"
    for allele in record.annotated {
      let fields =
        [String(allele.alternateIndex), allele.kind.rawValue, allele.reported ? "1" : "0", allele.key]
        + call(allele.tumor) + call(allele.normal) + [allele.genes.joined(separator: ",")]
      text += "A\t" + fields.map(escaped).joined(separator: "\t") + "\n"
      for consequence in allele.consequences {
        let fields = [
          consequence.gene, consequence.transcript ?? "", consequence.terms.joined(separator: "&"), consequence.impact ?? "",
          consequence.hgvsc ?? "", consequence.hgvsp ?? "", number(consequence.exon), number(consequence.intron),
          number(consequence.exonCount),
        ]
        text += "C\t" + fields.map(escaped).joined(separator: "\t") + "\n"
      }
    }
    try sink.write(text)
  }

  /// Calls `body` with every record, in the order written.
  static func forEach(path: String, _ body: (ExportedRecord) throws -> Void) throws {
    var current: ExportedRecord?
    var allele: ExportedAllele?
    func closeAllele() {
      if let allele { current?.annotated.append(allele) }
      allele = nil
    }
    try FileLines.forEach(path: path) { bytes in
      func fields(_ limit: Int = Int.max) -> [String] {
        bytes.split(separator: 9, maxSplits: limit, omittingEmptySubsequences: false).dropFirst()
          .map { unescaped(String(decoding: $0, as: UTF8.self)) }
      }
      switch bytes.first {
      case UInt8(ascii: "R"):
        closeAllele()
        if let current { try body(current) }
        // The VCF line comes last and whole (it has tabs of its own, and is not escaped).
        let parts = bytes.split(separator: 9, maxSplits: 7, omittingEmptySubsequences: false)
        let fields = parts.dropFirst().prefix(6).map { unescaped(String(decoding: $0, as: UTF8.self)) }
        guard parts.count == 8, let position = Int(fields[0]) else { throw corrupt(path, bytes) }
        current = ExportedRecord(
          text: String(decoding: parts[7], as: UTF8.self), contig: fields[3], position: position, id: fields[4],
          quality: Double(fields[1]), filters: list(fields[2], ";"), alleles: list(fields[5], ","), annotated: [])
      case UInt8(ascii: "A"):
        let fields = fields()
        guard fields.count == 13, current != nil, let index = Int(fields[0]), let kind = Variant.Kind(rawValue: fields[1])
        else { throw corrupt(path, bytes) }
        closeAllele()
        allele = ExportedAllele(
          alternateIndex: index, key: fields[3], kind: kind, reported: fields[2] == "1", tumor: call(fields[4..<8]),
          normal: call(fields[8..<12]), genes: list(fields[12], ","), consequences: [])
      case UInt8(ascii: "C"):
        let fields = fields()
        guard fields.count == 9, allele != nil else { throw corrupt(path, bytes) }
        func optional(_ index: Int) -> String? { fields[index].isEmpty ? nil : fields[index] }
        let consequence = ExportedAllele.Consequence(
          gene: fields[0], transcript: optional(1), terms: list(fields[2], "&"), impact: optional(3), hgvsc: optional(4),
          hgvsp: optional(5), exon: Int(fields[6]), intron: Int(fields[7]), exonCount: Int(fields[8]))
        allele?.consequences.append(consequence)
      default:
        throw corrupt(path, bytes)
      }
    }
    closeAllele()
    if let current { try body(current) }
  }

  static func call(_ call: ExportedAllele.Call?) -> [String] {
    guard let call else { return ["-", "", "", ""] }
    return [call.genotype ?? "", number(call.depth), number(call.referenceReads), number(call.alternateReads)]
  }

  static func call(_ fields: ArraySlice<String>) -> ExportedAllele.Call? {
    let values = Array(fields)
    guard values[0] != "-" else { return nil }
    return ExportedAllele.Call(
      genotype: values[0].isEmpty ? nil : values[0], depth: Int(values[1]), referenceReads: Int(values[2]),
      alternateReads: Int(values[3]))
  }

  static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

  static func escaped(_ field: String) -> String {
    guard field.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 9 || $0 == 10 }) else { return field }
    return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
      .replacingOccurrences(of: "\n", with: "\\n")
  }

  static func unescaped<Text: StringProtocol>(_ field: Text) -> String {
    guard field.utf8.contains(UInt8(ascii: "\\")) else { return String(field) }
    var result = ""
    var escaping = false
    for character in field {
      if escaping {
        result.append(character == "t" ? "\t" : character == "n" ? "\n" : character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The items of a `separator`-joined list; none for an empty field.
  static func list(_ text: String, _ separator: Character) -> [String] {
    text.isEmpty ? [] : text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
  }

  static func corrupt(_ path: String, _ line: ArraySlice<UInt8>) -> SarcoError {
    SarcoError(.internalFailure, "\(path): unexpected line in sarcopanel's own working file: \(String(decoding: line.prefix(60), as: UTF8.self))")
  }
}
