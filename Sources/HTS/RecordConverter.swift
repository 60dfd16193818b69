import CHTSlib
import CHTSlibShims
import Foundation
import SarcoCore

/// Turns htslib records into `VCFRecord` values. One per worker thread: it owns
/// a record, value buffers and (for text input) a private header copy, because
/// `vcf_parse` may add undeclared tags to the header it is given.
///
/// The corresponding C functions are `vcf_parse`, `bcf_unpack`,
/// `bcf_get_info_values` and `bcf_get_format_values`.
final class RecordConverter: @unchecked Sendable {
  let header: UnsafeMutablePointer<bcf_hdr_t>
  let ownsHeader: Bool
  let record: UnsafeMutablePointer<bcf1_t>
  let sampleIndexes: [Int]
  /// One buffer per value type: htslib counts a buffer's capacity in elements of
  /// the type asked for, so sharing one across types would overrun it.
  private var buffers: [UnsafeMutableRawPointer?] = [nil, nil, nil, nil]
  private var capacities: [Int32] = [0, 0, 0, 0]
  private var text = kstring_t()
  /// INFO/FORMAT names by header id, made once (`String(cString:)` per field of every record showed
  /// in profiles); ids past the end are added as `vcf_parse` declares new tags.
  private var names: [String?] = []
  /// Floats as `double(_:)` gives them: allele fractions and scores repeat from record to record.
  private var doubles: [UInt32: Double?] = [:]

  init(header: UnsafeMutablePointer<bcf_hdr_t>, copyHeader: Bool, sampleIndexes: [Int]) {
    if copyHeader, let copy = bcf_hdr_dup(header) {
      self.header = copy
      ownsHeader = true
    } else {
      self.header = header
      ownsHeader = false
    }
    record = bcf_init()
    self.sampleIndexes = sampleIndexes
  }

  deinit {
    sp_ks_free(&text)
    for buffer in buffers { free(buffer) }
    bcf_destroy(record)
    if ownsHeader { bcf_hdr_destroy(header) }
  }

  /// Parses one VCF text line into `record`. The line is copied into a string
  /// htslib owns, because `vcf_parse` writes into (and may reallocate) its input.
  /// Returns nil on success, else why the line is not a valid record.
  func parse(line: UnsafeBufferPointer<UInt8>) -> String? {
    RecordConverter.parse(line, header: header, record: record, scratch: &text)
  }

  /// Parses a VCF line into `record` against `header` (which may gain undeclared contigs and tags), through
  /// `scratch`, a string htslib owns; nil on success, else why the line is not a valid record.
  static func parse(
    _ line: UnsafeBufferPointer<UInt8>, header: UnsafeMutablePointer<bcf_hdr_t>, record: UnsafeMutablePointer<bcf1_t>,
    scratch: inout kstring_t
  ) -> String? {
    let copied = line.withMemoryRebound(to: CChar.self) { sp_ks_set(&scratch, $0.baseAddress, $0.count) }
    guard copied == 0 else { return "out of memory" }
    let status = vcf_parse(&scratch, header, record)
    let errors = record.pointee.errcode & Int32(BCF_ERR_NCOLS | BCF_ERR_LIMITS | BCF_ERR_CHAR | BCF_ERR_CTG_INVALID | BCF_ERR_TAG_INVALID)
    return status < 0 || errors != 0 ? RecordConverter.describe(errcode: record.pointee.errcode) : nil
  }

  static func describe(errcode: Int32) -> String {
    var reasons: [String] = []
    if errcode & Int32(BCF_ERR_NCOLS) != 0 { reasons.append("wrong number of columns") }
    if errcode & Int32(BCF_ERR_LIMITS) != 0 { reasons.append("a value beyond htslib's limits") }
    if errcode & Int32(BCF_ERR_CHAR) != 0 { reasons.append("an invalid character") }
    if errcode & Int32(BCF_ERR_CTG_INVALID) != 0 { reasons.append("an invalid contig name") }
    if errcode & Int32(BCF_ERR_TAG_INVALID) != 0 { reasons.append("an INFO/FORMAT value that does not match its header type") }
    return reasons.isEmpty ? "htslib could not parse it" : reasons.joined(separator: ", ")
  }

  /// 1-based start and last reference base of the current record.
  var span: (contig: String, start: Int, end: Int) {
    let rec = record.pointee
    let contig = String(cString: sp_hdr_contig_name(header, rec.rid))
    let start = Int(rec.pos) + 1
    return (contig, start, start + max(SymbolicSpan.referenceLength(record, header: header), 1) - 1)
  }

  /// Converts `source` (default: this converter's own record) to a value.
  func convert(_ source: UnsafeMutablePointer<bcf1_t>? = nil, recordNumber: Int) -> VCFRecord {
    let rec = source ?? record
    bcf_unpack(rec, Int32(BCF_UN_STR | BCF_UN_FLT | BCF_UN_INFO | BCF_UN_FMT))
    let shared = rec.pointee
    var alleles: [String] = []
    alleles.reserveCapacity(Int(shared.n_allele))
    for index in 0..<Int(shared.n_allele) {
      if let allele = shared.d.allele[index] { alleles.append(String(cString: allele)) }
    }
    var filters: [String] = []
    for index in 0..<Int(shared.d.n_flt) {
      // A FILTER id the header does not name (an indexed BCF read does not check them) still
      // fails the record: dropping it would make a filtered call look passing.
      let id = shared.d.flt[index]
      filters.append(sp_hdr_id_name(header, id).map { name(ofID: id, $0) } ?? "UNDECLARED_FILTER_\(id)")
    }
    var result = VCFRecord(
      contig: String(cString: sp_hdr_contig_name(header, shared.rid)),
      position: Int(shared.pos) + 1,
      referenceLength: SymbolicSpan.referenceLength(rec, header: header),
      id: shared.d.id.map { String(cString: $0) } ?? ".",
      alleles: alleles,
      // A QUAL of inf or NaN is no quality (and has no JSON spelling).
      quality: sp_float_is_missing(shared.qual) != 0 || !shared.qual.isFinite ? nil : double(shared.qual),
      filters: filters,
      recordNumber: recordNumber)
    result.info = info(rec)
    (result.sampleFields, result.genotypes) = formats(rec)
    return result
  }

  /// A binary record as a VCF text line (htslib's `vcf_format`, without the newline).
  func vcfLine(of source: UnsafeMutablePointer<bcf1_t>, path: String) throws -> String {
    text.l = 0
    guard vcf_format(header, source, &text) == 0, let pointer = text.s else {
      let locus = "\(String(cString: sp_hdr_contig_name(header, source.pointee.rid))):\(source.pointee.pos + 1)"
      throw SarcoError.input("\(path): record at \(locus): htslib cannot write it as a VCF line")
    }
    var line = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: text.l)
    if line.last == UInt8(ascii: "\n") { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
    return String(decoding: line, as: UTF8.self)
  }

  private func info(_ rec: UnsafeMutablePointer<bcf1_t>) -> [String: FieldValue] {
    let shared = rec.pointee
    var values = [String: FieldValue](minimumCapacity: Int(shared.n_info))
    for index in 0..<Int(shared.n_info) {
      let key = shared.d.info[index].key
      guard let namePointer = sp_hdr_id_name(header, key) else { continue }
      let name = name(ofID: key, namePointer)
      let type = sp_hdr_value_type(header, Int32(BCF_HL_INFO), key)
      if type == Int32(BCF_HT_FLAG) {
        values[name] = .flag
        continue
      }
      let slot = Int(type & 3)
      let count = bcf_get_info_values(header, rec, namePointer, &buffers[slot], &capacities[slot], type)
      guard count > 0, let buffer = buffers[slot] else { continue }
      values[name] = decode(buffer, count: Int(count), type: type)
    }
    return values
  }

  private func formats(_ rec: UnsafeMutablePointer<bcf1_t>) -> ([[String: FieldValue]], [Genotype?]) {
    let shared = rec.pointee
    let sampleCount = Int(sp_hdr_nsamples(header))
    var fields = Array(repeating: [String: FieldValue](minimumCapacity: Int(shared.n_fmt)), count: sampleIndexes.count)
    var genotypes = [Genotype?](repeating: nil, count: sampleIndexes.count)
    guard sampleCount > 0, !sampleIndexes.isEmpty else { return (fields, genotypes) }
    for index in 0..<Int(shared.n_fmt) {
      let id = shared.d.fmt[index].id
      guard let namePointer = sp_hdr_id_name(header, id) else { continue }
      let name = name(ofID: id, namePointer)
      if name == "GT" {
        let slot = Int(BCF_HT_INT)
        let count = bcf_get_format_values(header, rec, namePointer, &buffers[slot], &capacities[slot], Int32(BCF_HT_INT))
        guard count > 0, let buffer = buffers[slot] else { continue }
        let perSample = Int(count) / sampleCount
        let values = buffer.assumingMemoryBound(to: Int32.self)
        for (slot, sample) in sampleIndexes.enumerated() {
          genotypes[slot] = genotype(values + sample * perSample, count: perSample)
        }
        continue
      }
      let type = sp_hdr_value_type(header, Int32(BCF_HL_FMT), id)
      let slot = Int(type & 3)
      let count = bcf_get_format_values(header, rec, namePointer, &buffers[slot], &capacities[slot], type)
      guard count > 0, let buffer = buffers[slot] else { continue }
      let perSample = Int(count) / sampleCount
      for (slot, sample) in sampleIndexes.enumerated() {
        let elementSize = type == Int32(BCF_HT_STR) ? 1 : 4
        fields[slot][name] = decode(buffer + sample * perSample * elementSize, count: perSample, type: type)
      }
    }
    return (fields, genotypes)
  }

  /// The name of header id `id` (whose C string is `pointer`), made once per id.
  private func name(ofID id: Int32, _ pointer: UnsafePointer<CChar>) -> String {
    let index = Int(id)
    if index < names.count, let known = names[index] { return known }
    let made = String(cString: pointer)
    guard index >= 0, index < 1 << 16 else { return made }
    if index >= names.count { names.append(contentsOf: repeatElement(nil, count: index + 1 - names.count)) }
    names[index] = made
    return made
  }

  /// A float as the Double its shortest decimal spelling gives (so 0.1 stays 0.1 rather than
  /// 0.10000000149), remembered for up to 16,384 distinct values.
  private func double(_ value: Float) -> Double? {
    if let known = doubles[value.bitPattern] { return known }
    let made = Double("\(value)")
    if doubles.count < 1 << 14 { doubles[value.bitPattern] = made }
    return made
  }

  private func genotype(_ values: UnsafeMutablePointer<Int32>, count: Int) -> Genotype? {
    var alleles: [Int?] = []
    var phased = false
    let vectorEnd = sp_int32_vector_end()
    for index in 0..<count where values[index] != vectorEnd {
      let allele = sp_gt_allele(values[index])
      alleles.append(allele < 0 ? nil : Int(allele))
      if index > 0 && sp_gt_is_phased(values[index]) != 0 { phased = true }
    }
    return alleles.isEmpty ? nil : Genotype(alleles: alleles, phased: phased)
  }

  private func decode(_ raw: UnsafeMutableRawPointer, count: Int, type: Int32) -> FieldValue {
    switch type {
    case Int32(BCF_HT_INT):
      let values = raw.assumingMemoryBound(to: Int32.self)
      let missing = sp_int32_missing()
      let vectorEnd = sp_int32_vector_end()
      var result: [Int?] = []
      for index in 0..<count {
        if values[index] == vectorEnd { break }
        result.append(values[index] == missing ? nil : Int(values[index]))
      }
      return .integers(result)
    case Int32(BCF_HT_REAL):
      let values = raw.assumingMemoryBound(to: Float.self)
      var result: [Double?] = []
      for index in 0..<count {
        if sp_float_is_vector_end(values[index]) != 0 { break }
        // Float's shortest spelling, so 0.1 stays 0.1 rather than 0.10000000149.
        result.append(sp_float_is_missing(values[index]) != 0 ? nil : double(values[index]))
      }
      return .floats(result)
    default:
      let bytes = UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: count)
      let end = bytes.firstIndex(of: 0) ?? count
      return .strings([String(decoding: bytes[0..<end], as: UTF8.self)])
    }
  }
}
