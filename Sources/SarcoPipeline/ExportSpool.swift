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
      let line = String(decoding: bytes, as: UTF8.self)
      switch line.first {
      case "R":
        closeAllele()
        if let current { try body(current) }
        let fields = line.split(separator: "\t", maxSplits: 7, omittingEmptySubsequences: false)
        guard fields.count == 8, let position = Int(fields[1]) else { throw corrupt(path, line) }
        let quality = unescaped(fields[2])
        let filters = unescaped(fields[3])
        current = ExportedRecord(
          text: String(fields[7]), contig: unescaped(fields[4]), position: position, id: unescaped(fields[5]),
          quality: quality.isEmpty ? nil : Double(quality), filters: filters.isEmpty ? [] : filters.components(separatedBy: ";"),
          alleles: unescaped(fields[6]).components(separatedBy: ","), annotated: [])
      case "A":
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().map(unescaped)
        guard fields.count == 13, current != nil, let index = Int(fields[0]), let kind = Variant.Kind(rawValue: fields[1])
        else { throw corrupt(path, line) }
        closeAllele()
        allele = ExportedAllele(
            alternateIndex: index, key: fields[3], kind: kind, reported: fields[2] == "1", tumor: call(fields[4..<8]),
            normal: call(fields[8..<12]), genes: fields[12].isEmpty ? [] : fields[12].components(separatedBy: ","),
            consequences: [])
      case "C":
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().map(unescaped)
        guard fields.count == 9, allele != nil else { throw corrupt(path, line) }
        func optional(_ index: Int) -> String? { fields[index].isEmpty ? nil : fields[index] }
        let consequence = ExportedAllele.Consequence(
          gene: fields[0], transcript: optional(1), terms: fields[2].isEmpty ? [] : fields[2].components(separatedBy: "&"),
          impact: optional(3), hgvsc: optional(4), hgvsp: optional(5), exon: Int(fields[6]), intron: Int(fields[7]),
          exonCount: Int(fields[8]))
        allele?.consequences.append(consequence)
      default:
        throw corrupt(path, line)
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
    guard field.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" }) else { return field }
    return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
      .replacingOccurrences(of: "\n", with: "\\n")
  }

  static func unescaped<Text: StringProtocol>(_ field: Text) -> String {
    guard field.contains("\\") else { return String(field) }
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

  static func corrupt(_ path: String, _ line: String) -> SarcoError {
    SarcoError(.internalFailure, "\(path): unexpected line in sarcopanel's own working file: \(line.prefix(60))")
  }
}
