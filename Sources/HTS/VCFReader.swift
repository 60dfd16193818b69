import CHTSlib
import CHTSlibShims
import Foundation
import SarcoCore

/// Reads the records of a VCF/BCF file that overlap a set of regions.
///
/// Design:
/// 1. htslib decompresses BGZF in its own thread pool (`--threads`).
/// 2. Streaming: each text line is judged by `LinePrefilter` from CHROM/POS/REF
///    alone; BCF records by their binary rid/pos/rlen. Only candidates are kept.
///    Indexed: the `.tbi`/`.csi` index seeks straight to each merged region.
/// 3. Candidates are parsed and converted to `VCFRecord` values in batches fanned
///    out over worker threads with Dispatch, each worker with its own record
///    and header copy, and handed back in input order.
/// 4. The exact overlap test (POS to POS + rlen - 1, htslib's rlen honouring
///    INFO/END) runs after parsing, the same on both paths.
public final class VCFReader {
  /// How records are found.
  public enum Access: String, Sendable {
    /// Use the index when there is one, else stream.
    case automatic
    /// Read every line, deciding from CHROM/POS.
    case stream
    /// Seek with the index; an error when there is none.
    case index
  }

  /// What a read did, for progress and summaries.
  public struct Statistics: Sendable, Equatable {
    public var access: Access = .stream
    /// Lines or records looked at (all of them when streaming).
    public var recordsScanned = 0
    /// Records parsed in full.
    public var recordsParsed = 0
    /// Records overlapping the regions.
    public var recordsKept = 0
    /// Why the index beside the file was not used (stale, or another file's), when streaming instead.
    public var indexIgnored: String?
  }

  public let path: String
  public let header: VCFHeader
  public let format: VariantFileFormat
  let file: HTSFile
  let threads: Int
  /// Set by `prepare` when it started a streamed read's threads: the file must not seek from then on.
  private var streamingChosen = false
  /// The index being loaded and checked on another thread (`prepare`), until `read` takes it.
  private var preparedIndex: (path: String, result: Background<Result<VariantIndex, IndexProblem>>)?

  /// Opens `path` once (`-` is standard input; FIFOs and process substitutions
  /// work) and reads its header; `threads` feeds htslib's decompression pool and
  /// the parsing workers. `digest` receives every byte of the input, from the
  /// same open file (see `inputDigest()`).
  public init(path: String, threads: Int = 1, digest: InputDigest? = nil) throws {
    self.path = path
    self.threads = max(1, threads)
    file = try HTSFile(path: path, threads: self.threads, digest: digest)
    format = file.format
    header = VCFHeader(text: file.headerText())
  }

  /// Gets the read of the records going before `read` is called, while the caller loads its panel.
  /// When `access` may use an index, the index beside the file is loaded and checked (what does
  /// not depend on the regions) on another thread: a WGS index takes tens of milliseconds. When the
  /// file will be streamed whatever the regions, htslib's threads start decompressing its first
  /// blocks (a streamed read of a WGS VCF: ~1.5 cores busy instead of ~1 in its first 50 ms).
  /// Nothing may read the file until `read`, which waits for the index.
  public func prepare(for access: Access) {
    guard preparedIndex == nil else { return }
    let indexPath = file.source.isSeekable ? IndexCheck.indexPath(for: path, format: format) : nil
    guard access != .stream, !spannedBySVLENOnly, let indexPath else {
      // Streamed: nothing will seek (the index checks are the only seeks after the header; an
      // index written meanwhile is not looked at, `chooseAccess`).
      if access != .index {
        streamingChosen = true
        file.startThreads(readingAhead: true)
      }
      return
    }
    // An indexed read skips most of the file: hash it on the side from now on.
    file.source.hashUnreadInBackground()
    let file = UnsafeSendable(self.file)
    preparedIndex = (indexPath, Background { IndexCheck.prepare(file: file.value, indexPath: indexPath) })
  }

  /// An index places records by POS and INFO/END: a <DEL> spanned by SVLEN alone is invisible to it.
  var spannedBySVLENOnly: Bool { header.info["SVLEN"] != nil && header.info["END"] == nil }

  /// True when a `.tbi` or `.csi` index sits beside a seekable file.
  public var hasIndex: Bool { file.source.isSeekable && IndexCheck.indexPath(for: path, format: format) != nil }

  /// False for standard input, FIFOs and process substitutions (read once, as a stream).
  public var isSeekable: Bool { file.source.isSeekable }

  /// The digest given at opening, once the input has been read to its end (a
  /// stream must have been read by `read`; a regular file from htslib's reads, and what they skip on the side).
  public func inputDigest() throws -> String { try file.source.digestValue() }

  /// Bytes hashed apart from the reads (0 when a streamed read showed the digest the whole file).
  var bytesHashedApart: Int64? { file.source.bytesHashedApart }

  /// Reads every record overlapping `regions`, converting FORMAT data of the
  /// samples at `sampleIndexes` only, and calls `body` with batches in input order.
  /// `keepingText` also hands over each record as a whole VCF line (`VCFRecord.text`).
  @discardableResult
  public func read(
    regions: RegionFilter, sampleIndexes: [Int], access: Access = .automatic, batchSize: Int = 512,
    keepingText: Bool = false, body: ([VCFRecord]) throws -> Void
  ) throws -> Statistics {
    let (index, indexIgnored) = try chooseAccess(access, regions: regions)
    let useIndex = index != nil
    if useIndex { file.source.hashUnreadInBackground() }
    // An indexed read of panel-sized regions decompresses on this thread: it reads a few MB in short
    // runs between seeks, and a decompression pool restarts (throwing its read-ahead away) at every
    // seek (5M-record WGS VCF, the sarcoma panel's 11 Mb, 2 threads: 0.38 -> 0.36 s).
    if !useIndex || regions.basesWithinContigs > VCFReader.pooledIndexedReadFrom {
      file.startThreads(readingAhead: !useIndex)
    }
    return try withoutActuallyEscaping(body) { body in
      var pipeline = BatchPipeline(
        reader: self, regions: regions, sampleIndexes: sampleIndexes, batchSize: batchSize, body: body)
      pipeline.statistics.access = useIndex ? VCFReader.Access.index : .stream
      pipeline.statistics.indexIgnored = indexIgnored
      pipeline.keepText = keepingText
      pipeline.lineOffset = useIndex || !format.isText ? nil : file.headerLines
      if useIndex {
        if format == .bcf { try pipeline.readIndexedBCF(index!) } else { try pipeline.readIndexedText(index!) }
      } else {
        if format == .bcf { try pipeline.streamBCF() } else { try pipeline.streamText() }
      }
      try pipeline.flush()
      if !file.source.isSeekable { try checkStreamEnd() }
      return pipeline.statistics
    }
  }

  /// Regions spanning more bases than this are read through an index with decompression threads
  /// (a long read between seeks); 100 Mb is 3% of a genome, nine times the sarcoma panel's scan.
  static let pooledIndexedReadFrom = 100_000_000

  /// Index (loaded, when used) or stream. An index that is stale or another file's is refused
  /// under `.index` and passed over with the reason under `.automatic` (the file is then streamed).
  func chooseAccess(_ access: Access, regions: RegionFilter) throws -> (index: VariantIndex?, ignored: String?) {
    // A prepared index is waited for whatever the access, so that nothing else reads the file meanwhile.
    let prepared = try preparedIndex.map { ($0.path, try $0.result.value()) }
    preparedIndex = nil
    if access == .stream { return (nil, nil) }
    guard file.source.isSeekable else {
      if access == .index { throw error("is a stream (standard input, FIFO or pipe) and cannot be read through an index; use --access stream") }
      return (nil, nil)
    }
    if spannedBySVLENOnly {
      let reason = "its header declares INFO/SVLEN but not INFO/END, and an index cannot find symbolic records spanned by SVLEN alone"
      if access == .index { throw error("\(reason); read it with --access stream") }
      return (nil, hasIndex ? reason : nil)
    }
    // `prepare` found no index and started decompressing: an index that appeared since is not checked (that seeks).
    if streamingChosen { return (nil, nil) }
    guard let indexPath = IndexCheck.indexPath(for: path, format: format) else {
      if access == .index {
        throw error("no .tbi or .csi index beside it; index it with `tabix -p vcf` or `bcftools index`, or read it with --access stream")
      }
      return (nil, nil)
    }
    let result: Result<VariantIndex, IndexProblem>
    if let prepared, prepared.0 == indexPath {
      result = IndexCheck.checked(prepared.1, file: file, indexPath: indexPath, regions: regions)
    } else {
      result = IndexCheck.load(file: file, indexPath: indexPath, regions: regions)
    }
    switch result {
    case .success(let index): return (index, nil)
    case .failure(let problem):
      if access == .index {
        throw error("\(problem.reason); rebuild it with `tabix -f -p vcf` or `bcftools index -f`, or read with --access stream")
      }
      return (nil, problem.reason)
    }
  }

  /// A stream cannot be checked for BGZF's end-of-file block when opened; it is checked once read.
  func checkStreamEnd() throws {
    guard format == .vcfBGZF || format == .bcf else { return }
    if file.source.tail() != BGZFEndOfFile.marker {
      throw error("truncated: the BGZF end-of-file marker is missing at the end of the stream (incomplete copy or download?)")
    }
  }

  func error(_ message: String) -> SarcoError { SarcoError.input("\(path): \(message)") }
}

/// BGZF's empty last block, which every complete BGZF file ends with.
enum BGZFEndOfFile {
  static let marker: [UInt8] = [
    0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00,
    0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  ]
}

/// The read loop of one `VCFReader.read` call: collects candidates, parses
/// them in parallel batches and hands back records in order.
struct BatchPipeline {
  let reader: VCFReader
  let regions: RegionFilter
  let sampleIndexes: [Int]
  let batchSize: Int
  let body: ([VCFRecord]) throws -> Void
  let converters: [RecordConverter]
  var statistics = VCFReader.Statistics()
  /// Pending text lines, one byte apart, with their starts and record numbers.
  var lineBytes: [UInt8] = []
  var lineStarts: [Int] = []
  var lineNumbers: [Int] = []
  /// Pending binary records (owned copies) and their record numbers.
  var binaryRecords: [UnsafeMutablePointer<bcf1_t>] = []
  var binaryNumbers: [Int] = []
  /// Header lines before the first record, when streaming text: messages then give line numbers.
  var lineOffset: Int?
  /// Set `VCFRecord.text` on every record handed over.
  var keepText = false

  init(
    reader: VCFReader, regions: RegionFilter, sampleIndexes: [Int], batchSize: Int,
    body: @escaping ([VCFRecord]) throws -> Void
  ) {
    self.reader = reader
    self.regions = regions
    self.sampleIndexes = sampleIndexes
    self.batchSize = max(1, batchSize)
    self.body = body
    let copyHeader = reader.format.isText
    converters = (0..<reader.threads).map { _ in
      RecordConverter(header: reader.file.header, copyHeader: copyHeader, sampleIndexes: sampleIndexes)
    }
  }

  // MARK: Streaming

  mutating func streamText() throws {
    let lines = TextLineReader(file: reader.file)
    let prefilter = LinePrefilter(
      regions: regions, checksEnd: reader.header.info["END"] != nil || reader.header.info["SVLEN"] != nil)
    if lines.isBlockwise {
      try streamBlocks(lines, prefilter)
      return
    }
    var recordNumber = 0
    while true {
      let status = lines.next()
      if status == -1 {
        try checkCleanEnd(after: place(recordNumber))
        break
      }
      if status < -1 {
        throw reader.error("read error after \(place(recordNumber)): the file is truncated or corrupt")
      }
      recordNumber += 1
      let buffer = lines.line
      guard buffer.count > 0 else { continue }
      statistics.recordsScanned += 1
      switch prefilter.verdict(buffer) {
      case .skip: continue
      case .malformed(let reason): try malformedLine(buffer, recordNumber: recordNumber, reason: reason)
      case .parse: try appendLine(buffer, recordNumber: recordNumber)
      }
    }
  }

  /// BGZF or gzip text: each run of whole lines `TextLineReader.nextLines()` gives (a block's,
  /// or one line that crossed blocks) is judged in C (`sp_scan_lines`), the per-line work of
  /// 5 million lines never crossing into Swift.
  mutating func streamBlocks(_ lines: TextLineReader, _ prefilter: LinePrefilter) throws {
    while true {
      let (status, chunk, last) = lines.nextLines()
      guard status == 1, let base = chunk.baseAddress else {
        if status == -1 {
          try checkCleanEnd(after: place(Int(prefilter.scan.lines)))
          return
        }
        throw reader.error("read error after \(place(Int(prefilter.scan.lines))): the file is truncated or corrupt")
      }
      var offset = 0
      judging: while true {
        let verdict = sp_scan_lines(&prefilter.scan, base, chunk.count, &offset, last ? 1 : 0)
        statistics.recordsScanned = Int(prefilter.scan.nonempty)
        let line = UnsafeBufferPointer(start: base + prefilter.scan.line_start, count: prefilter.scan.line_length)
        switch verdict {
        case Int32(SP_VERDICT_CONTIG): prefilter.setContig(line)
        case Int32(SP_VERDICT_PARSE): try appendLine(line, recordNumber: Int(prefilter.scan.lines))
        case Int32(SP_VERDICT_MALFORMED):
          try malformedLine(line, recordNumber: Int(prefilter.scan.lines), reason: LinePrefilter.message(prefilter.scan.reason))
        default: break judging
        }
      }
    }
  }

  /// Throws for a line the prefilter found not to be VCF (after checking the file was not cut short before it).
  func malformedLine(_ line: UnsafeBufferPointer<UInt8>, recordNumber: Int, reason: String) throws {
    try checkCleanEnd(after: place(recordNumber - 1))
    throw reader.error("\(place(recordNumber)): malformed VCF line: \(reason) (line starts '\(BatchPipeline.preview(line))')")
  }

  mutating func streamBCF() throws {
    guard let record = bcf_init() else { throw reader.error("out of memory") }
    defer { bcf_destroy(record) }
    var contigRanges: [Int32: [ClosedRange<Int>]?] = [:]
    var recordNumber = 0
    // Symbolic records spanned by SVLEN alone need a look inside; most BCFs cannot have them.
    let svlenDeclared = reader.header.info["SVLEN"] != nil
    while true {
      let status = bcf_read(reader.file.file, reader.file.header, record)
      if status == -1 {
        try checkCleanEnd(after: place(recordNumber))
        break
      }
      if status < -1 {
        throw reader.error("read error after \(place(recordNumber)): the BCF is truncated or corrupt")
      }
      recordNumber += 1
      statistics.recordsScanned += 1
      let rid = record.pointee.rid
      if contigRanges[rid] == nil {
        let name = sp_hdr_contig_name(reader.file.header, rid).map { String(cString: $0) } ?? ""
        contigRanges[rid] = .some(regions.ranges(forContig: name))
      }
      guard let ranges = contigRanges[rid] ?? nil else { continue }
      let start = Int(record.pointee.pos) + 1
      let end = start + max(Int(record.pointee.rlen), 1) - 1
      guard RegionFilter.overlaps(ranges, start: start, end: end)
        || (svlenDeclared && RegionFilter.overlaps(ranges, start: start, end: start - 1 + SymbolicSpan.referenceLength(record, header: reader.file.header)))
      else { continue }
      try appendBinary(record, recordNumber: recordNumber)
    }
  }

  // MARK: Indexed

  /// Merged regions of each contig the file's index knows, in the file's contig order.
  /// An index cannot place anything before position 1, so ranges are clipped there.
  func indexedContigs(names: [String]) -> [(tid: Int32, ranges: [ClosedRange<Int>])] {
    names.enumerated().compactMap { tid, name in
      regions.ranges(forContig: name).map { list in
        (Int32(tid), list.filter { $0.upperBound >= 1 }.map { max($0.lowerBound, 1)...$0.upperBound })
      }
    }
  }

  mutating func readIndexedText(_ loaded: VariantIndex) throws {
    guard case .tabix(let index, let names) = loaded.kind else { throw reader.error("a text VCF needs a tabix index") }
    var line = kstring_t()
    defer { sp_ks_free(&line) }
    var recordNumber = 0
    for (tid, ranges) in indexedContigs(names: names) {
      var previousEnd = 0
      for range in ranges.compactMap({ loaded.reachable($0, tid: tid) }) {
        guard let iterator = sp_tbx_itr_queryi(index, tid, hts_pos_t(range.lowerBound - 1), hts_pos_t(range.upperBound))
        else { throw reader.error("index query failed for \(names[Int(tid)]):\(range.lowerBound)-\(range.upperBound)") }
        defer { hts_itr_destroy(iterator) }
        while true {
          let status = sp_tbx_itr_next(reader.file.file, index, iterator, &line)
          if status == -1 {
            try checkCleanEnd(after: "\(names[Int(tid)]):\(range.lowerBound)-\(range.upperBound)")
            break
          }
          if status < -1 { throw reader.error("read error in \(names[Int(tid)]):\(range.lowerBound)-\(range.upperBound): the file is truncated or corrupt") }
          recordNumber += 1
          statistics.recordsScanned += 1
          guard let pointer = line.s else { continue }
          let buffer = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: line.l)
          // Records reaching back into the previous region were read with it.
          if let start = BatchPipeline.position(of: buffer), start <= previousEnd { continue }
          try appendLine(buffer, recordNumber: recordNumber)
        }
        previousEnd = range.upperBound
      }
    }
  }

  mutating func readIndexedBCF(_ loaded: VariantIndex) throws {
    guard case .binary(let index) = loaded.kind else { throw reader.error("a BCF needs a CSI index") }
    guard let record = bcf_init() else { throw reader.error("out of memory") }
    defer { bcf_destroy(record) }
    let header = reader.file.header
    let names = (0..<Int(sp_hdr_ncontigs(header))).map { String(cString: sp_hdr_contig_name(header, Int32($0))) }
    var recordNumber = 0
    for (tid, ranges) in indexedContigs(names: names) {
      var previousEnd = 0
      for range in ranges.compactMap({ loaded.reachable($0, tid: tid) }) {
        guard let iterator = sp_bcf_itr_queryi(index, tid, hts_pos_t(range.lowerBound - 1), hts_pos_t(range.upperBound))
        else { continue }  // contig declared but absent from the index: no records there
        defer { hts_itr_destroy(iterator) }
        while true {
          let status = sp_bcf_itr_next(reader.file.file, iterator, record)
          if status == -1 {
            try checkCleanEnd(after: "\(names[Int(tid)]):\(range.lowerBound)-\(range.upperBound)")
            break
          }
          if status < -1 { throw reader.error("read error in \(names[Int(tid)]):\(range.lowerBound)-\(range.upperBound): the BCF is truncated or corrupt") }
          recordNumber += 1
          statistics.recordsScanned += 1
          let start = Int(record.pointee.pos) + 1
          if start <= previousEnd { continue }
          try appendBinary(record, recordNumber: recordNumber)
        }
        previousEnd = range.upperBound
      }
    }
  }

  // MARK: Batches

  mutating func appendLine(_ line: UnsafeBufferPointer<UInt8>, recordNumber: Int) throws {
    lineStarts.append(lineBytes.count)
    lineNumbers.append(recordNumber)
    lineBytes.append(contentsOf: line)
    lineBytes.append(0)
    if lineStarts.count >= batchSize { try flush() }
  }

  mutating func appendBinary(_ record: UnsafeMutablePointer<bcf1_t>, recordNumber: Int) throws {
    guard let copy = bcf_dup(record) else { throw reader.error("out of memory copying record \(recordNumber)") }
    binaryRecords.append(copy)
    binaryNumbers.append(recordNumber)
    if binaryRecords.count >= batchSize { try flush() }
  }

  /// Parses pending candidates on all workers, then hands kept records to `body` in order.
  mutating func flush() throws {
    let count = reader.format.isText ? lineStarts.count : binaryRecords.count
    guard count > 0 else { return }
    let regions = self.regions
    let converters = self.converters
    let path = reader.path
    let indexed = statistics.access == .index
    let ordered: [VCFRecord]
    if reader.format.isText {
      let starts = lineStarts
      let numbers = lineNumbers
      let lineOffset = self.lineOffset
      let total = lineBytes.count
      let keepText = self.keepText
      defer {
        lineBytes.removeAll(keepingCapacity: true)
        lineStarts.removeAll(keepingCapacity: true)
        lineNumbers.removeAll(keepingCapacity: true)
      }
      ordered = try lineBytes.withUnsafeBufferPointer { bytes in
        let shared = UnsafeSendable(bytes)
        return try ParallelShares.map(count: count, workers: converters.count) { worker, share in
          let converter = converters[worker]
          var records: [VCFRecord] = []
          for item in share {
            let start = starts[item]
            let end = item + 1 < starts.count ? starts[item + 1] - 1 : total - 1
            let line = UnsafeBufferPointer(rebasing: shared.value[start..<end])
            // htslib parses C strings: a NUL would silently cut the line short.
            if line.contains(0) {
              throw SarcoError.input(
                "\(path): \(BatchPipeline.place(numbers[item], lineOffset: lineOffset, indexed: indexed)): contains a NUL byte (binary data in a text VCF?) (line starts '\(BatchPipeline.preview(line))')")
            }
            if let reason = converter.parse(line: line) {
              throw SarcoError.input(
                "\(path): \(BatchPipeline.place(numbers[item], lineOffset: lineOffset, indexed: indexed)): malformed VCF record: \(reason) (line starts '\(BatchPipeline.preview(line))')")
            }
            let span = converter.span
            guard regions.overlaps(contig: span.contig, start: span.start, end: span.end) else { continue }
            var record = converter.convert(recordNumber: numbers[item])
            record.line = lineOffset.map { $0 + numbers[item] }
            if keepText { record.text = String(decoding: line, as: UTF8.self) }
            records.append(record)
          }
          return records
        }
      }
    } else {
      let records = binaryRecords.map(UnsafeSendable.init)
      let numbers = binaryNumbers
      defer {
        for record in binaryRecords { bcf_destroy(record) }
        binaryRecords.removeAll(keepingCapacity: true)
        binaryNumbers.removeAll(keepingCapacity: true)
      }
      let keepText = self.keepText
      ordered = try ParallelShares.map(count: count, workers: converters.count) { worker, share in
        try share.map { item in
          var record = converters[worker].convert(records[item].value, recordNumber: numbers[item])
          if keepText { record.text = try converters[worker].vcfLine(of: records[item].value, path: path) }
          return record
        }
      }
    }
    statistics.recordsParsed += count
    statistics.recordsKept += ordered.count
    if !ordered.isEmpty { try body(ordered) }
  }

  /// htslib ends a read at a damaged BGZF block as if at the end of the file (bgzf_getline hands back
  /// the part of the line before the damage, then -1): its error code tells the two apart.
  func checkCleanEnd(after place: String) throws {
    if sp_bgzf_errcode(reader.file.file) != 0 {
      throw reader.error("read error after \(place): the compressed data is truncated or corrupt")
    }
  }

  /// How messages name a record: its line when streaming text, else its ordinal in the read.
  func place(_ number: Int) -> String {
    BatchPipeline.place(number, lineOffset: lineOffset, indexed: statistics.access == .index)
  }

  static func place(_ number: Int, lineOffset: Int?, indexed: Bool) -> String {
    if let lineOffset { return "line \(lineOffset + number)" }
    return indexed ? "record \(number) of the indexed read" : "record \(number)"
  }

  static func position(of line: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let tab = line.firstIndex(of: 9) else { return nil }
    var value = 0
    var index = tab + 1
    while index < line.count, line[index] >= 48, line[index] <= 57 {
      value = value &* 10 &+ Int(line[index] - 48)
      index += 1
    }
    return index > tab + 1 ? value : nil
  }

  static func preview(_ line: UnsafeBufferPointer<UInt8>) -> String {
    let text = String(decoding: line.prefix(60).map { $0 == 0 ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
    return text.replacingOccurrences(of: "\t", with: "\\t")
  }
}

/// A value handed to worker threads that touch disjoint parts of it.
struct UnsafeSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
