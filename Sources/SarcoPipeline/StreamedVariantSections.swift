import Foundation
import SarcoCore
import SarcoIO
import SarcoReports

/// The per-variant sections of a sample's reports, written while the records
/// are annotated instead of held in memory: the elements of the JSON `variants`
/// array go to a scratch file a mebibyte at a time (the scratch file is made when the
/// first mebibyte is: most samples never need one), the rows of `<id>.variants.tsv` straight into
/// its temporary file. At the end the JSON is put together from the rest of
/// the report and those elements, byte for byte what `JSONReport.render`
/// writes. Everything lives in the output folder, inside the sample's `AtomicFileSet`.
///
/// With more than one thread, batches are rendered and written on a serial queue of their
/// own, at most `batchesInFlight` behind the caller, while the caller annotates the next
/// batch; `writeJSON` and `forEachVariant` wait for it, and its first error is rethrown by
/// the next call.
final class StreamedVariantSections: @unchecked Sendable {
  private let sampleID: String
  private let files: AtomicFileSet
  private let scratchPlace: (beside: String, label: String)
  /// The elements past the first mebibyte; nil until then.
  private var elementsFile: FileSink?
  /// The last elements, once `writeJSON` has taken them from `elements` (for `forEachVariant`).
  private var lastElements: [UInt8] = []
  private let tsvFile: FileSink
  private var elements = VariantJSONElements()
  private(set) var count = 0
  private let writer = DispatchQueue(label: "sarcopanel.variant-sections")
  private let inFlight = DispatchSemaphore(value: batchesInFlight)
  private static let batchesInFlight = 2
  /// The writer's first error.
  private var failure: Error? {
    get { failureLock.withLock { storedFailure } }
    set { failureLock.withLock { storedFailure = newValue } }
  }
  private var storedFailure: Error?
  private let failureLock = NSLock()

  init(files: AtomicFileSet, sampleID: String, jsonPath: String, tsvPath: String) throws {
    self.sampleID = sampleID
    self.files = files
    scratchPlace = (jsonPath, "\(URL(fileURLWithPath: jsonPath).lastPathComponent).variants")
    tsvFile = try files.create(tsvPath)
    try tsvFile.write(TSVReport.header)
  }

  /// Renders a batch on `threads` threads and writes it in order: here with one thread, else
  /// on the writer queue while the caller goes on.
  func append(_ batch: [ReportedVariant], threads: Int = 1) throws {
    guard threads > 1 else { return try write(batch, threads: 1) }
    inFlight.wait()
    writer.async { [self] in
      defer { inFlight.signal() }
      guard failure == nil else { return }
      do { try write(batch, threads: threads) } catch { failure = error }
    }
    // An earlier batch's error surfaces as soon as it is known.
    if let failure { throw failure }
  }

  /// Waits for the writer queue; rethrows its first error.
  func drain() throws {
    waitForWriter()
    if let failure { throw failure }
  }

  /// Waits for the writer queue to finish what it was given.
  func waitForWriter() { writer.sync {} }

  private func write(_ batch: [ReportedVariant], threads: Int) throws {
    // In slices of about `sliceBytes` of JSON: a record with thousands of ALTs splits into as many
    // variants, and each one's element lists all the ALTs (10,000 ALTs: 2.6 GB of JSON).
    var start = 0
    while start < batch.count {
      var end = start
      var estimate = 0
      repeat {
        estimate += 2048 + 24 * batch[end].variant.original.alternates.count
        end += 1
      } while end < batch.count && estimate < StreamedVariantSections.sliceBytes
      try write(batch[start..<end], estimate: estimate, threads: threads)
      start = end
    }
    count += batch.count
  }

  private static let sliceBytes = 8 << 20

  private func write(_ slice: ArraySlice<ReportedVariant>, estimate: Int, threads: Int) throws {
    let sampleID = sampleID
    let base = slice.startIndex
    // Each worker renders its share into one JSON buffer and one TSV buffer.
    let workers = slice.count >= 64 || estimate >= 1 << 20 ? threads : 1
    let rendered = try ParallelShares.map(count: slice.count, workers: workers) { _, share in
      // The slice's own items (a lazy map handed each renderer a copy of every variant).
      let variants = slice[(base + share.lowerBound)..<(base + share.upperBound)]
      return [(VariantJSONElements.render(run: variants), TSVReport.rows(run: variants, sample: sampleID))]
    }
    for (json, tsv) in rendered {
      if json.count >= 1 << 20 {
        // A large run goes to the scratch file as it is, not through another copy in memory.
        try scratch().write(elements.takeBytes(separatingFrom: json))
        try scratch().write(json)
      } else {
        elements.append(renderedRun: json)
        if elements.pendingByteCount >= 1 << 20 { try scratch().write(elements.takeBytes()) }
      }
      try tsvFile.write(tsv)
    }
  }

  /// The scratch file, made on first use.
  private func scratch() throws -> FileSink {
    if let elementsFile { return elementsFile }
    let made = try files.scratch(beside: scratchPlace.beside, scratchPlace.label)
    elementsFile = made
    return made
  }

  /// Writes the whole JSON report (whose `variants` is empty) with the streamed elements in place.
  func writeJSON(_ report: SampleReport, into json: FileSink) throws {
    try drain()
    lastElements = elements.takeBytes()
    var failure: Error?
    let tail = JSONReport.writeFrame(report) { bytes in
      guard failure == nil else { return }
      do { try json.write(bytes) } catch { failure = error }
    }
    if let failure { throw failure }
    if let elementsFile { try json.append(contentsOf: elementsFile) }
    try json.write(lastElements)
    try json.write(tail)
  }

  /// Reads the variants back, one at a time, from the streamed JSON elements (for the cohort store).
  func forEachVariant(_ body: (ReportedVariant) throws -> Void) throws {
    try drain()
    let elementsFile = try scratch()
    try elementsFile.write(lastElements + elements.takeBytes())
    lastElements = []
    try elementsFile.flush()
    // Elements sit four spaces in; each ends at a line `    }` (the last) or `    },`.
    let decoder = JSONDecoder()
    var element: [UInt8] = []
    try FileLines.forEach(path: elementsFile.path) { line in
      if line.elementsEqual("    },".utf8) || line.elementsEqual("    }".utf8) {
        element.append(UInt8(ascii: "}"))
        try body(try decoder.decode(ReportedVariant.self, from: Data(element)))
        element.removeAll(keepingCapacity: true)
      } else {
        element.append(contentsOf: line)
        element.append(UInt8(ascii: "\n"))
      }
    }
  }
}
