import CHTSlib
import CHTSlibShims
import Foundation

/// The reference span of a record, as htslib gives it (REF's length, or
/// INFO/END) but also for a `<DEL>`, `<DUP>`, `<CNV>` or `<INV>` that states
/// only SVLEN (VCF 4.4): htslib 1.16 spans those by REF alone, so a deletion
/// starting before a gene would otherwise never reach it.
enum SymbolicSpan {
  /// Symbolic alleles whose SVLEN is the length of reference they cover (an `<INS>`'s is not).
  static let spanningPrefixes = ["<DEL", "<DUP", "<CNV", "<INV"]

  static func referenceLength(_ record: UnsafeMutablePointer<bcf1_t>, header: UnsafeMutablePointer<bcf_hdr_t>) -> Int {
    let htslibLength = Int(record.pointee.rlen)
    guard record.pointee.n_allele >= 2 else { return htslibLength }
    bcf_unpack(record, Int32(BCF_UN_STR))
    guard let reference = record.pointee.d.allele[0], let alternate = record.pointee.d.allele[1],
      alternate.pointee == CChar(UInt8(ascii: "<")), htslibLength == strlen(reference)
    else { return htslibLength }
    let first = String(cString: alternate)
    guard spanningPrefixes.contains(where: first.hasPrefix) else { return htslibLength }
    var buffer: UnsafeMutableRawPointer?
    var capacity: Int32 = 0
    defer { free(buffer) }
    let count = bcf_get_info_values(header, record, "SVLEN", &buffer, &capacity, Int32(BCF_HT_INT))
    guard count > 0, let values = buffer?.assumingMemoryBound(to: Int32.self), values[0] != sp_int32_missing(),
      values[0] != sp_int32_vector_end()
    else { return htslibLength }
    // POS is the base before the event: the span is that base plus |SVLEN|.
    return max(htslibLength, Int(values[0].magnitude) + 1)
  }
}
