/// PVS1 gene rules and PM1 regions are coded as flat rows (not keyed members with optional ranges
/// and enums inside): the panel cache holds hundreds of each, and their keyed decoding was most of
/// the rule tables' part of a panel load. Only the panel cache codes them.
extension PVS1GeneRule: FlatRow {
  public init(from decoder: Decoder) throws { try self.init(rowFrom: decoder) }

  @inlinable
  public init<Cells: RowCells>(cells: inout Cells) throws {
    self.init(
      gene: try cells.string(), kind: try cells.rawValue(Kind.self), residues: try cells.optionalRange(),
      exon: try cells.null() ? nil : try cells.integer(), site: try cells.rawValue(SpliceSite.self),
      strength: try cells.null() ? nil : try cells.rawValue(ACMGStrength.self), description: try cells.string(),
      source: try cells.string())
  }

  public func encode(to encoder: Encoder) throws {
    var row = encoder.unkeyedContainer()
    try row.encode(gene)
    try row.encode(kind.rawValue)
    try row.encodeRange(residues)
    if let exon { try row.encode(exon) } else { try row.encodeNil() }
    try row.encode(site.rawValue)
    if let strength { try row.encode(strength.rawValue) } else { try row.encodeNil() }
    try row.encode(description)
    try row.encode(source)
  }
}

extension PM1Region: FlatRow {
  public init(from decoder: Decoder) throws { try self.init(rowFrom: decoder) }

  @inlinable
  public init<Cells: RowCells>(cells: inout Cells) throws {
    self.init(
      gene: try cells.string(), residues: try cells.optionalRange(), change: try cells.null() ? nil : try cells.string(),
      strength: try cells.null() ? nil : try cells.rawValue(ACMGStrength.self), description: try cells.string(),
      source: try cells.string())
  }

  public func encode(to encoder: Encoder) throws {
    var row = encoder.unkeyedContainer()
    try row.encode(gene)
    try row.encodeRange(residues)
    if let change { try row.encode(change) } else { try row.encodeNil() }
    if let strength { try row.encode(strength.rawValue) } else { try row.encodeNil() }
    try row.encode(description)
    try row.encode(source)
  }
}
