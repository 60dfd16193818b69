/// Exons, hotspots and known alleles are coded as flat rows (not keyed members with a keyed
/// interval inside): the panel cache holds thousands of each, and keyed decoding of them was a
/// third of a panel load (a small run's panel load is most of its time). Only the panel cache codes them.
extension Exon: FlatRow {
  public init(from decoder: Decoder) throws { try self.init(rowFrom: decoder) }

  @inlinable
  public init<Cells: RowCells>(cells: inout Cells) throws {
    gene = try cells.string()
    transcript = try cells.string()
    build = try cells.rawValue(GenomeBuild.self)
    number = try cells.integer()
    interval = try GenomicInterval(cells: &cells)
  }

  public func encode(to encoder: Encoder) throws {
    var row = encoder.unkeyedContainer()
    try row.encode(gene)
    try row.encode(transcript)
    try row.encode(build.rawValue)
    try row.encode(number)
    try interval.encode(row: &row)
  }
}

extension Hotspot: FlatRow {
  public init(from decoder: Decoder) throws { try self.init(rowFrom: decoder) }

  @inlinable
  public init<Cells: RowCells>(cells: inout Cells) throws {
    gene = try cells.string()
    build = try cells.rawValue(GenomeBuild.self)
    interval = try GenomicInterval(cells: &cells)
    change = try cells.string()
    kind = try cells.rawValue(Kind.self)
    sampleCount = try cells.null() ? nil : try cells.integer()
    // Specific changes and their counts, alternating.
    let counts = try cells.strings()
    guard counts.count.isMultiple(of: 2) else { throw cells.corrupted("hotspot counts come in pairs") }
    // Sized once: grown pair by pair, the hotspots' tables were half of their decode.
    var variantCounts = [String: Int](minimumCapacity: counts.count / 2)
    for pair in stride(from: 0, to: counts.count, by: 2) {
      guard let count = Int(counts[pair + 1]) else { throw cells.corrupted("hotspot count \(counts[pair + 1])") }
      variantCounts[counts[pair]] = count
    }
    self.variantCounts = variantCounts
    source = try cells.string()
  }

  public func encode(to encoder: Encoder) throws {
    var row = encoder.unkeyedContainer()
    try row.encode(gene)
    try row.encode(build.rawValue)
    try interval.encode(row: &row)
    try row.encode(change)
    try row.encode(kind.rawValue)
    if let sampleCount { try row.encode(sampleCount) } else { try row.encodeNil() }
    // Sorted, so the same hotspot always gives the same bytes.
    try row.encode(variantCounts.sorted { $0.key < $1.key }.flatMap { [$0.key, String($0.value)] })
    try row.encode(source)
  }
}

extension KnownAllele: FlatRow {
  public init(from decoder: Decoder) throws { try self.init(rowFrom: decoder) }

  @inlinable
  public init<Cells: RowCells>(cells: inout Cells) throws {
    gene = try cells.string()
    build = try cells.rawValue(GenomeBuild.self)
    let contig = try cells.string()
    let start = try cells.integer()
    let end = try cells.integer()
    // As stored: the contig was made canonical when the table was read (doing it again is not a no-op for `chrchr1`).
    edit = AlleleEdit(canonicalContig: contig, start: start, end: end, reference: try cells.string(), alternate: try cells.string())
    protein = try cells.string()
    source = try cells.string()
  }

  public func encode(to encoder: Encoder) throws {
    var row = encoder.unkeyedContainer()
    for text in [gene, build.rawValue, edit.contig] { try row.encode(text) }
    try row.encode(edit.start)
    try row.encode(edit.end)
    for text in [edit.reference, edit.alternate, protein, source] { try row.encode(text) }
  }
}

extension GenomicInterval {
  /// Contig, start and end, as three cells of a row.
  @inlinable
  init<Cells: RowCells>(cells: inout Cells) throws {
    let contig = try cells.string()
    let start = try cells.integer()
    let end = try cells.integer()
    // A damaged cache must be an error, not the initializer's precondition.
    guard start >= 1, end >= start else { throw cells.corrupted("interval \(start)-\(end)") }
    self.init(canonicalContig: contig, start: start, end: end)
  }

  func encode(row: inout UnkeyedEncodingContainer) throws {
    try row.encode(contig)
    try row.encode(start)
    try row.encode(end)
  }
}
