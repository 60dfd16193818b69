import CHTSlib
import CHTSlibShims
import Foundation
import SarcoCore

/// Reads BAM or CRAM alignments by region through an index.
///
/// The corresponding C functions are `hts_open`, `sam_hdr_read`,
/// `sam_index_load3`, `sam_itr_queryi` and `sam_itr_next`.
/// One reader serves one thread at a time (it is handed to a single worker).
public final class AlignmentReader: @unchecked Sendable {
  public enum Format: String, Sendable {
    case bam, cram
  }

  public let path: String
  public let format: Format
  /// Reference sequences in header order: name and length.
  public let contigs: [(name: String, length: Int)]
  let file: UnsafeMutablePointer<htsFile>
  let header: UnsafeMutablePointer<sam_hdr_t>
  let index: OpaquePointer

  /// Opens `path` and its index; `reference` is the FASTA a CRAM needs.
  public init(path: String, reference: String? = nil, threads: Int = 1) throws {
    self.path = path
    guard FileManager.default.fileExists(atPath: path) else { throw SarcoError.input("\(path): no such file") }
    HTSLog.quietWarnings()
    guard let file = hts_open(path, "r") else { throw SarcoError.input("\(path): htslib cannot open it") }
    let exactFormat = sp_file_format(file)
    if exactFormat == Int32(bam.rawValue) {
      format = .bam
    } else if exactFormat == Int32(cram.rawValue) {
      format = .cram
      guard let reference else {
        hts_close(file)
        throw SarcoError.usage("\(path): a CRAM needs the reference it was written against: pass --reference genome.fa")
      }
      guard FileManager.default.fileExists(atPath: reference), hts_set_fai_filename(file, reference) == 0 else {
        hts_close(file)
        throw SarcoError.input("\(reference): cannot use it as the CRAM reference (missing file or .fai index?)")
      }
    } else {
      hts_close(file)
      throw SarcoError.input("\(path): not a BAM or CRAM file")
    }
    if sp_bgzf_has_eof_marker(file) == 0 {
      hts_close(file)
      throw SarcoError.input("\(path): truncated: the BGZF end-of-file marker is missing (incomplete copy?)")
    }
    if threads > 1 { _ = hts_set_threads(file, Int32(threads)) }
    guard let header = sam_hdr_read(file) else {
      hts_close(file)
      throw SarcoError.input("\(path): cannot read the SAM header")
    }
    guard let index = sam_index_load3(file, path, nil, HTS_IDX_SILENT_FAIL) else {
      sam_hdr_destroy(header)
      hts_close(file)
      throw SarcoError.input(
        "\(path): no index (.bai/.csi/.crai) beside it; create one with `samtools index \(path)`")
    }
    self.file = file
    self.header = header
    self.index = index
    contigs = (0..<Int(sam_hdr_nref(header))).map {
      (String(cString: sam_hdr_tid2name(header, Int32($0))), Int(sam_hdr_tid2len(header, Int32($0))))
    }
  }

  /// The build the @SQ lengths prove, or nil when they match neither assembly.
  public func detectedBuild() throws -> GenomeBuildDetector.Detection? {
    try GenomeBuildDetector.detectFromContigLengths(contigs.map { ($0.name, Optional($0.length)) })
  }

  /// Mapped reads the index records over all contigs (BAI/CSI; CRAI keeps no counts: nil).
  public var indexedMappedReads: Int? {
    guard format == .bam else { return nil }
    var total = 0
    for tid in 0..<contigs.count {
      var mapped: UInt64 = 0
      var unmapped: UInt64 = 0
      if hts_idx_get_stat(index, Int32(tid), &mapped, &unmapped) == 0 { total += Int(mapped) }
    }
    return total
  }

  deinit {
    hts_idx_destroy(index)
    sam_hdr_destroy(header)
    hts_close(file)
  }

  /// The header's name for a contig spelled either way (`chr17` or `17`).
  public func contigName(matching contig: String) -> String? {
    let wanted = ContigName.canonical(contig)
    return contigs.first { ContigName.canonical($0.name) == wanted }?.name
  }

  /// Base counts at 0-based reference position `position`, from reads passing
  /// `excludeFlags` and `minimumMappingQuality`.
  public func pileup(contig: String, position: Int, excludeFlags: UInt16, minimumMappingQuality: Int) throws -> BaseCounts {
    var tally = PileupTally(positions: [position], excludeFlags: excludeFlags, minimumMappingQuality: minimumMappingQuality)
    try scan(contig: contig, start: position, end: position + 1, tally: &tally, reads: nil)
    return tally.baseCounts(at: 0)
  }

  /// One pass over the alignments overlapping `[start, end)` (0-based) on
  /// `contig`, in coordinate order: each read's bases at the tally's positions
  /// are counted into `tally` (one CIGAR walk per read), and, when `body` is
  /// given, the read is handed to it as `forEachRead` hands it.
  public func scan(
    contig: String, start: Int, end: Int, tally: inout PileupTally, reads body: ((AlignedRead) throws -> Void)?
  ) throws {
    let positions = tally.positions.map(Int64.init)
    var codes = [UInt8](repeating: 0, count: positions.count)
    var qualities = [UInt8](repeating: 0, count: positions.count)
    var blocks = BlockBuffer()
    try forEachRecord(contig: contig, start: start, end: end) { record in
      let core = record.pointee.core
      if !positions.isEmpty && tally.counts(flag: core.flag, mappingQuality: core.qual) {
        let covered = tally.indexes(from: Int(core.pos), to: Int(bam_endpos(record)))
        if !covered.isEmpty {
          positions.withUnsafeBufferPointer { wanted in
            sp_bam_bases_at(record, wanted.baseAddress! + covered.lowerBound, Int32(covered.count), &codes, &qualities)
          }
          let reverse = core.flag & 0x10 != 0
          for (offset, index) in covered.enumerated() {
            tally.add(index: index, code: codes[offset], quality: qualities[offset], reverse: reverse)
          }
        }
      }
      if let body { try body(alignedRead(record, details: false, blocks: &blocks)) }
    }
  }

  /// With `details`, reads also carry mate contig, soft clips, the SA tag and every name.
  public func forEachRead(
    contig: String, start: Int, end: Int, details: Bool = false, _ body: (AlignedRead) throws -> Void
  ) throws {
    var blocks = BlockBuffer()
    try forEachRecord(contig: contig, start: start, end: end) { record in
      try body(alignedRead(record, details: details, blocks: &blocks))
    }
  }

  /// Scratch space for a read's aligned blocks, grown when a CIGAR needs more.
  struct BlockBuffer {
    var starts = [Int64](repeating: 0, count: 64)
    var ends = [Int64](repeating: 0, count: 64)
  }

  /// Calls `body` with every record overlapping `[start, end)` (0-based) on `contig`, in coordinate order.
  private func forEachRecord(
    contig: String, start: Int, end: Int, _ body: (UnsafeMutablePointer<bam1_t>) throws -> Void
  ) throws {
    guard let name = contigName(matching: contig) else { return }
    let tid = sam_hdr_name2tid(header, name)
    let place = end - start == 1 ? "\(name):\(start + 1)" : "\(name):\(start + 1)-\(end)"
    guard tid >= 0, let iterator = sam_itr_queryi(index, tid, hts_pos_t(start), hts_pos_t(end)) else {
      throw SarcoError.input("\(path): index query failed for \(place)")
    }
    defer { hts_itr_destroy(iterator) }
    guard let record = bam_init1() else { throw SarcoError.input("\(path): out of memory") }
    defer { bam_destroy1(record) }
    while true {
      let status = sp_sam_itr_next(file, iterator, record)
      if status == -1 { break }
      if status < -1 {
        throw SarcoError.input("\(path): read error in \(place): the file is truncated or corrupt")
      }
      try body(record)
    }
  }

  private func alignedRead(_ record: UnsafeMutablePointer<bam1_t>, details: Bool, blocks buffer: inout BlockBuffer) -> AlignedRead {
    let core = record.pointee.core
    var count = sp_bam_aligned_blocks(record, &buffer.starts, &buffer.ends, Int32(buffer.starts.count))
    if count < 0 {
      buffer.starts = [Int64](repeating: 0, count: Int(core.n_cigar) + 1)
      buffer.ends = buffer.starts
      count = sp_bam_aligned_blocks(record, &buffer.starts, &buffer.ends, Int32(buffer.starts.count))
    }
    let blocks = (0..<Int(max(count, 0))).map { Int(buffer.starts[$0])..<Int(buffer.ends[$0]) }
    let isPair = core.flag & UInt16(BAM_FPROPER_PAIR) != 0
    var read = AlignedRead(
      start: Int(core.pos), end: Int(bam_endpos(record)), flag: core.flag, mappingQuality: core.qual,
      mateOnSameContig: core.mtid == core.tid, mateStart: Int(core.mpos),
      name: isPair || details ? String(cString: sp_bam_qname(record)) : "",
      blocks: blocks, cigarOperationCount: Int(core.n_cigar))
    if details {
      if core.mtid >= 0 && Int(core.mtid) < contigs.count { read.mateContig = contigs[Int(core.mtid)].name }
      var leading: Int32 = 0
      var trailing: Int32 = 0
      sp_bam_soft_clips(record, &leading, &trailing)
      read.leadingClip = Int(leading)
      read.trailingClip = Int(trailing)
      read.supplementaryAlignments = sp_bam_string_tag(record, "SA").map { String(cString: $0) }
    }
    return read
  }
}
