/// Evidence items are coded as flat rows (not keyed members with a keyed enum inside): the panel
/// cache holds 1,500 of them, and keyed decoding (a key lookup per field, every matcher's
/// `allKeys`) made them the slowest part of a panel load. Only the panel cache codes them.
extension EvidenceItem {
  public init(from decoder: Decoder) throws {
    var row = try decoder.unkeyedContainer()
    id = try row.decode(String.self)
    gene = try row.decode(String.self)
    matcher = try EvidenceMatcher(row: &row)
    tumourTypes = try row.decode([String].self)
    disease = try row.decode(String.self)
    doid = try row.decode(String.self)
    therapies = try row.decode([String].self)
    evidenceType = try row.decode(String.self)
    direction = try row.decode(String.self)
    significance = try row.decode(String.self)
    let levelName = try row.decode(String.self)
    guard let level = EvidenceLevel(rawValue: levelName) else {
      throw DecodingError.dataCorruptedError(in: row, debugDescription: "unknown evidence level \(levelName)")
    }
    self.level = level
    exclusions = try row.decode([String].self)
    sourceLevel = try row.decode(String.self)
    origin = try row.decode(String.self)
    citation = try row.decode(String.self)
    source = try row.decode(String.self)
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
  init(row: inout UnkeyedDecodingContainer) throws {
    let name = try row.decode(String.self)
    switch name {
    case "exact": self = .exact(try row.decode(String.self))
    case "codon": self = .codon(try row.decode(String.self))
    case "exon": self = .exon(first: try row.decode(Int.self), last: try row.decode(Int.self), kind: try row.decodeNil() ? nil : try row.decode(String.self))
    case "variantClass": self = .variantClass(try row.decode(String.self))
    case "fusion": self = .fusion(try row.decode(String.self))
    case "amplification": self = .amplification
    case "deletion": self = .deletion
    case "biallelicLoss": self = .biallelicLoss
    case "tumourMutationalBurden": self = .tumourMutationalBurden(try row.decode(Double.self))
    case "microsatelliteInstability": self = .microsatelliteInstability
    default: throw DecodingError.dataCorruptedError(in: row, debugDescription: "unknown evidence matcher \(name)")
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
