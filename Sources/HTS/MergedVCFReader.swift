import Foundation
import SarcoCore

/// Several VCF/BCF files of one sample (Strelka2's SNVs and indels) read as one stream of
/// records in position order: contigs in `ContigOrder` (the first file's `##contig` lines
/// first), then POS; records at the same place keep file order (the first file's first).
///
/// Each file keeps its own `VCFReader` (header, access by index or stream, sample columns)
/// and is read on its own thread into a queue holding at most `queuedBatches` batches; the
/// calling thread merges the queues' heads. Memory stays that of a few batches per file
/// however large the files are. A file whose records go back in that order is an error
/// naming the file and the record (it must be sorted for a merge). One file is read
/// directly, as `VCFReader.read` reads it, without order checks: on the calling thread, or
/// with `readAhead` on its own thread a couple of batches ahead of `body`.
public final class MergedVCFReader {
  /// Records in merged order, and for each the index (in `readers`) of the file it came from.
  public struct Batch: Sendable {
    public var records: [VCFRecord] = []
    public var sources: [Int] = []

    init() {}

    /// Records all from the first (only) file.
    init(ofOneFile records: [VCFRecord]) {
      self.records = records
      sources = Array(repeating: 0, count: records.count)
    }
  }

  public let readers: [VCFReader]
  let order: ContigOrder
  static let queuedBatches = 2

  public init(readers: [VCFReader]) {
    precondition(!readers.isEmpty, "a merge needs at least one reader")
    self.readers = readers
    order = ContigOrder(headers: readers.map(\.header))
  }

  /// Reads every file's records overlapping its `regions[i]` (FORMAT data of its `sampleIndexes[i]`)
  /// and calls `body` with merged batches; returns each file's statistics, in file order.
  @discardableResult
  public func read(
    regions: [RegionFilter], sampleIndexes: [[Int]], access: VCFReader.Access = .automatic, batchSize: Int = 512,
    keepingText: Bool = false, readAhead: Bool = false, body: (Batch) throws -> Void
  ) throws -> [VCFReader.Statistics] {
    if readers.count == 1 && !readAhead {
      let statistics = try readers[0].read(
        regions: regions[0], sampleIndexes: sampleIndexes[0], access: access, batchSize: batchSize, keepingText: keepingText
      ) { records in
        try body(Batch(ofOneFile: records))
      }
      return [statistics]
    }
    let queues = readers.map { _ in RecordBatchQueue(capacity: Self.queuedBatches) }
    let producers = DispatchGroup()
    for (index, reader) in readers.enumerated() {
      let queue = queues[index]
      let job = UnsafeSendable((reader, regions[index], sampleIndexes[index]))
      producers.enter()
      Thread {
        defer { producers.leave() }
        let (reader, regions, samples) = job.value
        queue.finish(
          Result {
            try reader.read(
              regions: regions, sampleIndexes: samples, access: access, batchSize: batchSize, keepingText: keepingText
            ) { records in
              guard queue.put(records) else { throw RecordBatchQueue.Closed() }
            }
          })
      }.start()
    }
    // However the merge ends, producers blocked on a full queue are released and joined.
    defer {
      for queue in queues { queue.close() }
      producers.wait()
    }
    if readers.count == 1 {
      // Read ahead: the next batches are read and parsed while `body` works on this one.
      while let records = try queues[0].take() {
        try body(Batch(ofOneFile: records))
      }
      return [try queues[0].statistics()]
    }
    var heads = try readers.indices.map { try Head(source: $0, queue: queues[$0], reader: readers[$0], order: order) }
    var pending = Batch()
    pending.records.reserveCapacity(batchSize)
    pending.sources.reserveCapacity(batchSize)
    while let source = Self.earliest(heads) {
      pending.records.append(heads[source].current!)
      pending.sources.append(source)
      try heads[source].advance()
      if pending.records.count >= batchSize {
        try body(pending)
        pending.records.removeAll(keepingCapacity: true)
        pending.sources.removeAll(keepingCapacity: true)
      }
    }
    if !pending.records.isEmpty { try body(pending) }
    return try queues.map { try $0.statistics() }
  }

  /// The file whose next record comes first; ties go to the earlier file.
  static func earliest(_ heads: [Head]) -> Int? {
    var best: Int?
    for (index, head) in heads.enumerated() {
      guard let place = head.place else { continue }
      if let current = best, let earliest = heads[current].place, !(place < earliest) { continue }
      best = index
    }
    return best
  }

  /// One file's next record, taken from its queue batch by batch.
  struct Head {
    let source: Int
    let queue: RecordBatchQueue
    let reader: VCFReader
    let order: ContigOrder
    private var batch: [VCFRecord] = []
    private var index = 0
    private(set) var current: VCFRecord?
    /// Where `current` is; both nil once the file is exhausted.
    private(set) var place: Place?
    private var lastContig: String?
    private var lastKey: ContigOrder.Key?

    init(source: Int, queue: RecordBatchQueue, reader: VCFReader, order: ContigOrder) throws {
      self.source = source
      self.queue = queue
      self.reader = reader
      self.order = order
      try load()
    }

    mutating func advance() throws {
      index += 1
      try load()
    }

    private mutating func load() throws {
      if index >= batch.count {
        batch = try queue.take() ?? []
        index = 0
      }
      guard index < batch.count else {
        place = nil
        current = nil
        return
      }
      let record = batch[index]
      let key = record.contig == lastContig ? lastKey! : order.key(record.contig)
      lastContig = record.contig
      lastKey = key
      let next = Place(contig: key, position: record.position)
      if let previous = current, let earlier = place, next < earlier {
        throw reader.error(
          "\(record.place): comes after \(previous.locus) in this file, but several VCFs are merged by position: each must be sorted by POS with its contigs in the order of the first file's ##contig lines (bcftools sort)")
      }
      current = record
      place = next
    }
  }

  struct Place: Comparable {
    let contig: ContigOrder.Key
    let position: Int

    static func < (lhs: Place, rhs: Place) -> Bool { (lhs.contig, lhs.position) < (rhs.contig, rhs.position) }
  }
}

/// A bounded hand-over of record batches from one reading thread to the merging one.
final class RecordBatchQueue: @unchecked Sendable {
  /// Thrown in the reading thread when the merge stopped (an error elsewhere).
  struct Closed: Error {}

  private let condition = NSCondition()
  private let capacity: Int
  private var batches: [[VCFRecord]] = []
  private var closed = false
  private var ended: Result<VCFReader.Statistics, Error>?

  init(capacity: Int) { self.capacity = max(1, capacity) }

  /// Waits for room; false once the queue is closed (the reader should stop).
  func put(_ batch: [VCFRecord]) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while batches.count >= capacity && !closed { condition.wait() }
    guard !closed else { return false }
    batches.append(batch)
    condition.broadcast()
    return true
  }

  /// The reader's end: its statistics or its error.
  func finish(_ result: Result<VCFReader.Statistics, Error>) {
    condition.lock()
    defer { condition.unlock() }
    ended = result
    condition.broadcast()
  }

  /// The next batch, nil at the end of the file; rethrows the reader's error.
  func take() throws -> [VCFRecord]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && ended == nil { condition.wait() }
    if !batches.isEmpty {
      condition.broadcast()
      return batches.removeFirst()
    }
    _ = try ended!.get()
    return nil
  }

  /// Stops the reader at its next batch and drops what is queued.
  func close() {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    batches.removeAll()
    condition.broadcast()
  }

  /// The reader's statistics once it has ended.
  func statistics() throws -> VCFReader.Statistics {
    condition.lock()
    defer { condition.unlock() }
    guard let ended else { throw SarcoError(.internalFailure, "a merged VCF reader has not finished") }
    return try ended.get()
  }
}

extension VCFReader.Statistics {
  /// One summary of several files' reads: counts added up, `index` only when every file was read
  /// through its index, passed-over indexes listed with their files' `paths`.
  public init(combining all: [VCFReader.Statistics], paths: [String]) {
    guard all.count > 1 else {
      self = all.first ?? VCFReader.Statistics()
      return
    }
    access = all.allSatisfy { $0.access == .index } ? .index : .stream
    recordsScanned = all.reduce(0) { $0 + $1.recordsScanned }
    recordsParsed = all.reduce(0) { $0 + $1.recordsParsed }
    recordsKept = all.reduce(0) { $0 + $1.recordsKept }
    let ignored = zip(paths, all).compactMap { path, statistics in statistics.indexIgnored.map { "\(path): \($0)" } }
    indexIgnored = ignored.isEmpty ? nil : ignored.joined(separator: "; ")
  }
}
