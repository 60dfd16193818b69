/// Evidence items are coded as flat rows (not keyed members with a keyed enum inside): the panel
/// cache holds 1,500 of them, and keyed decoding (a key lookup per field, every matcher's
/// `allKeys`) made them the slowest part of a panel load. Only the panel cache codes them.
extension EvidenceItem: FlatRow {
  public init(from decoder: Decoder) throws { try self.init(rowFrom: decoder) }

  @inlinable
  public init<Cells: RowCells>(cells: inout Cells) throws {
    id = try cells.string()
    gene = try cells.string()
    matcher = try EvidenceMatcher(cells: &cells)
    tumourTypes = try cells.strings()
    disease = try cells.string()
    doid = try cells.string()
    therapies = try cells.strings()
    evidenceType = try cells.string()
    direction = try cells.string()
    significance = try cells.string()
    level = try cells.rawValue(EvidenceLevel.self)
    exclusions = try cells.strings()
    sourceLevel = try cells.string()
    origin = try cells.string()
    citation = try cells.string()
    source = try cells.string()
  }

  public func encode(to encoder: Encoder) throws {
    var row = encoder.unkeyedContainer()
    try row.encode(id)
    try row.encode(gene)
    try matcher.encode(row: &row)
    try row.encode(tumourTypes)
    for text in [disease, doid] { try row.encode(text) }
    try row.encode(therapies)
    for text in [evidenceType, direction, significance, level.rawValue] { try row.encode(text) }
    try row.encode(exclusions)
    for text in [sourceLevel, origin, citation, source] { try row.encode(text) }
  }
}

/// A matcher inside an evidence row: its case name, then its values (none for the cases without).
extension EvidenceMatcher {
  @inlinable
  init<Cells: RowCells>(cells: inout Cells) throws {
    let name = try cells.string()
    switch name {
    case "exact": self = .exact(try cells.string())
    case "codon": self = .codon(try cells.string())
    case "exon": self = .exon(first: try cells.integer(), last: try cells.integer(), kind: try cells.null() ? nil : try cells.string())
    case "variantClass": self = .variantClass(try cells.string())
    case "fusion": self = .fusion(try cells.string())
    case "amplification": self = .amplification
    case "deletion": self = .deletion
    case "biallelicLoss": self = .biallelicLoss
    case "tumourMutationalBurden": self = .tumourMutationalBurden(try cells.double())
    case "microsatelliteInstability": self = .microsatelliteInstability
    default: throw cells.corrupted("unknown evidence matcher \(name)")
    }
  }

  func encode(row: inout UnkeyedEncodingContainer) throws {
    switch self {
    case .exact(let change): try row.encode("exact"); try row.encode(change)
    case .codon(let residue): try row.encode("codon"); try row.encode(residue)
    case .exon(let first, let last, let kind):
      try row.encode("exon")
      try row.encode(first)
      try row.encode(last)
      if let kind { try row.encode(kind) } else { try row.encodeNil() }
    case .variantClass(let name): try row.encode("variantClass"); try row.encode(name)
    case .fusion(let name): try row.encode("fusion"); try row.encode(name)
    case .amplification: try row.encode("amplification")
    case .deletion: try row.encode("deletion")
    case .biallelicLoss: try row.encode("biallelicLoss")
    case .tumourMutationalBurden(let minimum): try row.encode("tumourMutationalBurden"); try row.encode(minimum)
    case .microsatelliteInstability: try row.encode("microsatelliteInstability")
    }
  }
}
