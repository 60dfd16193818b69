/// Exons, hotspots and known alleles are coded as flat rows (not keyed members with a keyed
/// interval inside): the panel cache holds thousands of each, and keyed decoding of them was a
/// third of a panel load (a small run's panel load is most of its time). Only the panel cache codes them.
extension Exon {
  public init(from decoder: Decoder) throws {
    var row = try decoder.unkeyedContainer()
    gene = try row.decode(String.self)
    transcript = try row.decode(String.self)
    build = try GenomeBuild(row: &row)
    number = try row.decode(Int.self)
    interval = try GenomicInterval(row: &row)
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

extension Hotspot {
  public init(from decoder: Decoder) throws {
    var row = try decoder.unkeyedContainer()
    gene = try row.decode(String.self)
    build = try GenomeBuild(row: &row)
    interval = try GenomicInterval(row: &row)
    change = try row.decode(String.self)
    let kindName = try row.decode(String.self)
    guard let kind = Kind(rawValue: kindName) else {
      throw DecodingError.dataCorruptedError(in: row, debugDescription: "unknown hotspot kind \(kindName)")
    }
    self.kind = kind
    sampleCount = try row.decodeNil() ? nil : try row.decode(Int.self)
    // Specific changes and their counts, alternating.
    let counts = try row.decode([String].self)
    guard counts.count.isMultiple(of: 2) else {
      throw DecodingError.dataCorruptedError(in: row, debugDescription: "hotspot counts come in pairs")
    }
    var variantCounts: [String: Int] = [:]
    for pair in stride(from: 0, to: counts.count, by: 2) {
      guard let count = Int(counts[pair + 1]) else {
        throw DecodingError.dataCorruptedError(in: row, debugDescription: "hotspot count \(counts[pair + 1])")
      }
      variantCounts[counts[pair]] = count
    }
    self.variantCounts = variantCounts
    source = try row.decode(String.self)
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

extension KnownAllele {
  public init(from decoder: Decoder) throws {
    var row = try decoder.unkeyedContainer()
    gene = try row.decode(String.self)
    build = try GenomeBuild(row: &row)
    let contig = try row.decode(String.self)
    let start = try row.decode(Int.self)
    let end = try row.decode(Int.self)
    // As stored: the contig was made canonical when the table was read (doing it again is not a no-op for `chrchr1`).
    edit = AlleleEdit(
      canonicalContig: contig, start: start, end: end, reference: try row.decode(String.self),
      alternate: try row.decode(String.self))
    protein = try row.decode(String.self)
    source = try row.decode(String.self)
  }

  public func encode(to encoder: Encoder) throws {
    var row = encoder.unkeyedContainer()
    for text in [gene, build.rawValue, edit.contig] { try row.encode(text) }
    try row.encode(edit.start)
    try row.encode(edit.end)
    for text in [edit.reference, edit.alternate, protein, source] { try row.encode(text) }
  }
}

extension GenomeBuild {
  init(row: inout UnkeyedDecodingContainer) throws {
    let name = try row.decode(String.self)
    guard let build = GenomeBuild(rawValue: name) else {
      throw DecodingError.dataCorruptedError(in: row, debugDescription: "unknown genome build \(name)")
    }
    self = build
  }
}

extension GenomicInterval {
  /// Contig, start and end, as three cells of a row.
  init(row: inout UnkeyedDecodingContainer) throws {
    let contig = try row.decode(String.self)
    let start = try row.decode(Int.self)
    let end = try row.decode(Int.self)
    // A damaged cache must be an error, not the initializer's precondition.
    guard start >= 1, end >= start else { throw DecodingError.dataCorruptedError(in: row, debugDescription: "interval \(start)-\(end)") }
    self.init(canonicalContig: contig, start: start, end: end)
  }

  func encode(row: inout UnkeyedEncodingContainer) throws {
    try row.encode(contig)
    try row.encode(start)
    try row.encode(end)
  }
}
