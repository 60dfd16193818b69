import CHTSlib
import CHTSlibShims
import Foundation
import SarcoCore

/// Whether the `.tbi`/`.csi` beside a VCF/BCF can be trusted for it.
///
/// An index that does not describe its data hides records without an error:
/// one older than the data misses the records appended after it was built, one
/// built for another file sends every query elsewhere. Checks, cheapest first:
/// 1. the index is not older than the data;
/// 2. nothing follows the last record the index knows (read straight after its last offset);
/// 3. each panel contig the index lists starts, at its first indexed offset, with a record of that contig.
/// The data is left positioned at its first record.
enum IndexCheck {
  /// The index htslib would load for this file, if there is one.
  static func indexPath(for path: String, format: VariantFileFormat) -> String? {
    let candidates = format == .bcf ? ["\(path).csi"] : format == .vcfBGZF ? ["\(path).tbi", "\(path).csi"] : []
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }

  /// The index loaded (once: a WGS `.tbi` takes ~20 ms to load) when it describes `file`,
  /// else why it cannot be used.
  static func load(file: HTSFile, indexPath: String, regions: RegionFilter) -> Result<VariantIndex, IndexProblem> {
    checked(prepare(file: file, indexPath: indexPath), file: file, indexPath: indexPath, regions: regions)
  }

  /// The checks that do not need the regions, and the load: can run while the panel loads.
  static func prepare(file: HTSFile, indexPath: String) -> Result<VariantIndex, IndexProblem> {
    defer { rewind(file) }
    if let data = modificationTime(file.path), let index = modificationTime(indexPath), index < data {
      return problem(indexPath, "is older than the data (records added after indexing would be missed)")
    }
    guard let summary = summary(indexPath: indexPath) else { return problem(indexPath, "is unreadable or not a tabix/CSI index") }
    if let text = dataAfter(summary.lastChunkEnd, in: file) { return problem(indexPath, text) }
    guard let index = VariantIndex(file: file, indexPath: indexPath, summary: summary) else {
      return problem(indexPath, "cannot be loaded")
    }
    return .success(index)
  }

  /// A prepared index after the check of the regions' contigs.
  static func checked(
    _ prepared: Result<VariantIndex, IndexProblem>, file: HTSFile, indexPath: String, regions: RegionFilter
  ) -> Result<VariantIndex, IndexProblem> {
    guard case .success(let index) = prepared else { return prepared }
    defer { rewind(file) }
    if let text = firstRecordsMatch(file: file, index: index, regions: regions) { return problem(indexPath, text) }
    return .success(index)
  }

  static func problem(_ indexPath: String, _ text: String) -> Result<VariantIndex, IndexProblem> {
    .failure(IndexProblem(reason: "its index \(URL(fileURLWithPath: indexPath).lastPathComponent) \(text)"))
  }

  static func modificationTime(_ path: String) -> Double? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
  }

  /// Back to the first record, as if nothing had been read.
  static func rewind(_ file: HTSFile) {
    _ = sp_bgzf_seek(file.file, file.dataStart)
    sp_bgzf_clear_error(file.file)
    file.file.pointee.lineno = Int64(file.headerLines)
  }

  /// Whether a record follows the index's last offset (records appended, or an index of a shorter file).
  static func dataAfter(_ offset: UInt64, in file: HTSFile) -> String? {
    guard sp_bgzf_seek(file.file, Int64(bitPattern: offset)) == 0 else {
      return "points beyond the end of the data (it belongs to another file)"
    }
    if file.format == .bcf {
      guard let record = bcf_init() else { return nil }
      defer { bcf_destroy(record) }
      return bcf_read(file.file, file.header, record) == -1 ? nil : "does not cover the records at the end of the data (another file's index, or records added since)"
    }
    var line = kstring_t()
    defer { sp_ks_free(&line) }
    while true {
      let status = hts_getline(file.file, 2 /* KS_SEP_LINE */, &line)
      if status == -1 { return nil }
      if status < -1 { return "points into the middle of the compressed data (it belongs to another file)" }
      if line.l > 0 { return "does not cover the records at the end of the data (another file's index, or records added since)" }
    }
  }

  /// Each panel contig the index lists must begin with one of its records where the index says.
  ///
  /// The smallest offset of a contig's chunks (`IndexSummary.firstRecordStarts`) is where its first
  /// record starts when the index is this file's: the record read there, as an index iterator reads
  /// it, must be of this contig. (It asked htslib for windows from the contig's start, up to nine
  /// queries of hundreds of bins per contig: a twentieth of a batch of small samples.) A comment line
  /// there fails, as htslib 1.16's iterator fails on it. A tabix index lists only contigs with
  /// records, so one listed without chunks fails; a CSI of a BCF lists every header contig, and one
  /// without chunks has nothing to check.
  static func firstRecordsMatch(file: HTSFile, index: VariantIndex, regions: RegionFilter) -> String? {
    func mismatch(_ name: String) -> String { "does not match the data: its offsets for \(name) do not lead to a record of \(name)" }
    switch index.kind {
    case .binary:
      guard let record = bcf_init() else { return nil }
      defer { bcf_destroy(record) }
      for tid in 0..<Int(sp_hdr_ncontigs(file.header)) {
        let name = String(cString: sp_hdr_contig_name(file.header, Int32(tid)))
        guard regions.ranges(forContig: name) != nil, let start = index.firstRecordStart(tid: tid) else { continue }
        guard sp_bgzf_seek(file.file, Int64(bitPattern: start)) == 0 else { return mismatch(name) }
        record.pointee.rid = -1
        if sp_bcf_readrec(file.file, record) != 0 || record.pointee.rid != Int32(tid) { return mismatch(name) }
      }
      return nil
    case .tabix(_, let contigNames):
      var line = kstring_t()
      defer { sp_ks_free(&line) }
      for (tid, name) in contigNames.enumerated() where regions.ranges(forContig: name) != nil {
        guard let start = index.firstRecordStart(tid: tid), sp_bgzf_seek(file.file, Int64(bitPattern: start)) == 0 else {
          return mismatch(name)
        }
        line.l = 0
        guard hts_getline(file.file, 2 /* KS_SEP_LINE */, &line) >= 0, line.l > 0, let text = line.s else { return mismatch(name) }
        let chrom = UnsafeRawBufferPointer(start: text, count: line.l).prefix { $0 != 0x09 }
        guard chrom.elementsEqual(name.utf8) else { return mismatch(name) }
      }
      return nil
    }
  }

  /// What the index file itself says (BGZF-compressed TBI or CSI), nil when it is not one.
  static func summary(indexPath: String) -> IndexSummary? {
    guard let bgzf = bgzf_open(indexPath, "r") else { return nil }
    defer { _ = bgzf_close(bgzf) }
    var bytes: [UInt8] = []
    // A WGS .tbi inflates ~3.5 times (1.7 -> 6 MB): one array of four times the file's size (at
    // most 256 MiB up front) is filled without the copies and fresh pages of growing it by doubling.
    var status = stat()
    if stat(indexPath, &status) == 0 { bytes.reserveCapacity(min(Int(status.st_size) * 4, 1 << 28) + (1 << 16)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { bgzf_read(bgzf, $0.baseAddress, $0.count) }
      if count < 0 { return nil }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    var reader = IndexBytes(bytes: bytes)
    return reader.summary()
  }
}

/// The two facts an index's bytes give beyond what htslib exposes.
struct IndexSummary: Equatable {
  /// The largest chunk end of any bin: the virtual offset just past the last indexed record.
  var lastChunkEnd: UInt64
  /// Per reference (tid), a position no record reaches past (1-based, inclusive): a tabix linear
  /// index's length, or the end of a CSI's last bin holding records; nil when unknown.
  var recordsEnd: [Int?]
  /// Per reference (tid), the smallest virtual offset of its chunks: where its first record starts
  /// (records of a contig lie together in a sorted file); nil when it has no chunk.
  var firstRecordStarts: [UInt64?]
}

/// A bounds-checked cursor over the bytes of a TBI or CSI index (little-endian).
struct IndexBytes {
  let bytes: [UInt8]
  var cursor = 0

  mutating func skip(_ count: Int) -> Bool {
    guard count >= 0, cursor + count <= bytes.count else { return false }
    cursor += count
    return true
  }

  /// A little-endian integer of 4 or 8 bytes.
  mutating func integer(_ width: Int) -> UInt64? {
    guard cursor + width <= bytes.count else { return nil }
    let value = bytes.withUnsafeBytes { raw in
      width == 8
        ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
        : UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: UInt32.self)))
    }
    cursor += width
    return value
  }

  mutating func count() -> Int? { integer(4).map { Int(Int32(truncatingIfNeeded: $0)) }.flatMap { $0 >= 0 ? $0 : nil } }

  /// The part of a TBI or CSI before the bins: its kind, binning and reference count, and the
  /// contig names a tabix-style index lists (in a CSI, inside its auxiliary data).
  struct Header {
    let isCSI: Bool
    let minShift: Int
    let depth: Int
    let references: Int
    /// In the index's order (its tids), each once; nil for a CSI without tabix metadata.
    let names: [String]?

    /// The bin holding a reference's offsets and counts rather than a chunk.
    var pseudoBin: UInt64 { isCSI ? ((UInt64(1) << (3 * UInt64(depth) + 3)) - 1) / 7 + 1 : 37450 }
  }

  /// Reads the header from the start; nil when the bytes are not one (or stop inside it).
  mutating func header() -> Header? {
    cursor = 0
    guard let magic = integer(4), IndexBytes.isIndexMagic(magic) else { return nil }
    func names(_ length: Int) -> [String]? {
      guard length >= 0, cursor + length <= bytes.count else { return nil }
      var seen = Set<String>()
      return bytes[cursor..<(cursor + length)].split(separator: 0, omittingEmptySubsequences: true)
        .map { String(decoding: $0, as: UTF8.self) }
        .filter { seen.insert($0).inserted }
    }
    if magic == IndexBytes.tabixMagic {
      // n_ref; format, col_seq, col_beg, col_end, meta, skip; l_nm and the names.
      guard let references = count(), skip(24), let namesLength = count(), let list = names(namesLength) else { return nil }
      cursor += namesLength
      return Header(isCSI: false, minShift: IndexBytes.tabixMinShift, depth: 5, references: references, names: list)
    }
    // min_shift, depth, l_aux and the auxiliary data (a tabix CSI's: the TBI's six fields, l_nm and
    // the names), n_ref.
    guard let shift = count(), let levels = count(), levels < 20, shift + 3 * levels < 62, let auxLength = count(),
      cursor + auxLength <= bytes.count
    else { return nil }
    let auxEnd = cursor + auxLength
    var list: [String]?
    if auxLength >= 28, skip(24), let namesLength = count(), namesLength <= auxLength - 28 { list = names(namesLength) }
    cursor = auxEnd
    guard let references = count() else { return nil }
    return Header(isCSI: true, minShift: shift, depth: levels, references: references, names: list)
  }

  /// `TBI\1` and `CSI\1` read as little-endian integers.
  static let tabixMagic: UInt64 = 0x0149_4254
  static let csiMagic: UInt64 = 0x0149_5343
  static func isIndexMagic(_ value: UInt64) -> Bool { value == tabixMagic || value == csiMagic }

  /// False once the first bytes are there and are not a TBI's or a CSI's.
  static func mayBeIndex(_ bytes: [UInt8]) -> Bool {
    var reader = IndexBytes(bytes: bytes)
    return reader.integer(4).map(isIndexMagic) ?? true
  }

  /// Walks every reference's bins (the pseudo-bin, offsets and counts rather than a chunk, is
  /// left out; the smallest chunk start is the reference's first record) and, in a TBI, the linear
  /// index: it has one entry per 16 kb window up to the last one any record overlaps, so no record
  /// reaches past its length x 16 kb. A CSI has no linear index; a record lies in the smallest bin
  /// holding all of it, so none reaches past the last bin's end.
  mutating func summary() -> IndexSummary? {
    guard let header = header() else { return nil }
    let (isCSI, minShift, depth, pseudoBin) = (header.isCSI, header.minShift, header.depth, header.pseudoBin)
    var last: UInt64 = 0
    var recordsEnd: [Int?] = []
    var firstRecordStarts: [UInt64?] = []
    for _ in 0..<header.references {
      guard let bins = count() else { return nil }
      var binsEnd: Int? = 0
      var first: UInt64?
      for _ in 0..<bins {
        guard let bin = integer(4) else { return nil }
        if isCSI { guard skip(8) else { return nil } }
        guard let chunks = count() else { return nil }
        for _ in 0..<chunks {
          guard let start = integer(8), let end = integer(8) else { return nil }
          if bin != pseudoBin {
            last = max(last, end)
            first = min(first ?? start, start)
          }
        }
        if bin != pseudoBin, let known = binsEnd {
          binsEnd = IndexBytes.end(ofBin: Int(bin), minShift: minShift, depth: depth).map { max(known, $0) }
        }
      }
      firstRecordStarts.append(first)
      if isCSI {
        recordsEnd.append(binsEnd.flatMap { $0 > 0 ? $0 : nil })
      } else {
        guard let intervals = count(), skip(intervals * 8) else { return nil }
        // An empty linear index says nothing (a writer may leave it out).
        recordsEnd.append(intervals > 0 ? intervals << IndexBytes.tabixMinShift : nil)
      }
    }
    return IndexSummary(lastChunkEnd: last, recordsEnd: recordsEnd, firstRecordStarts: firstRecordStarts)
  }

  /// The width of a TBI's linear-index windows and smallest bins (16 kb), fixed by the format.
  static let tabixMinShift = 14

  /// Where a bin of the UCSC binning scheme ends (0-based, exclusive). Nil for a number past the last level.
  static func end(ofBin bin: Int, minShift: Int, depth: Int) -> Int? {
    var first = 0
    for level in 0...depth {
      let count = 1 << (3 * level)
      if bin < first + count { return (bin - first + 1) << (minShift + 3 * (depth - level)) }
      first += count
    }
    return nil
  }
}
