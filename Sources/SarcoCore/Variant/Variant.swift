/// One ALT allele of a VCF record, in minimal representation, with its sample calls.
public struct Variant: Sendable, Equatable, Codable {
  /// What sort of change this is.
  public enum Kind: String, Sendable, Codable, Equatable {
    case snv, mnv, insertion, deletion, complex
    /// `<DEL>`, `<DUP>`, `<CNV>`, `<INV>`, `<INS>` and other symbolic alleles.
    case symbolic
    /// Breakend (`N[chr2:321682[`, `]17:198982]A`, `.A`).
    case breakend
  }

  /// Contig as spelled in the input.
  public let contig: String
  /// 1-based position of the minimal representation.
  public let position: Int
  public let reference: String
  public let alternate: String
  /// Last reference base touched (for structural records from END).
  public let end: Int
  public let kind: Kind
  public let id: String
  public let quality: Double?
  public let filters: [String]
  /// How the record looked before splitting and trimming.
  public let original: OriginalRecord
  public let tumor: SampleCall?
  public let normal: SampleCall?
  /// Upstream (VEP/snpEff/bcftools csq) annotation of this allele, when present.
  public let upstream: [UpstreamConsequence]
  /// Structural details from INFO (SVTYPE, END, MATEID, CHR2, CN), when present.
  public let structural: StructuralInfo?
  /// Population frequencies and predictor scores from INFO fields, when present.
  public var metrics: AlleleMetrics? = nil

  /// `chrom:pos:ref:alt` on the canonical contig; the key for matching known variants.
  public var key: String { VariantKey.make(ContigName.canonical(contig), position, reference, alternate) }
  /// True when FILTER is PASS or `.`.
  public var passesFilters: Bool { filters.isEmpty || filters == ["PASS"] }

  public init(
    contig: String, position: Int, reference: String, alternate: String, end: Int, kind: Kind,
    id: String, quality: Double?, filters: [String], original: OriginalRecord,
    tumor: SampleCall?, normal: SampleCall?, upstream: [UpstreamConsequence],
    structural: StructuralInfo?
  ) {
    self.contig = contig
    self.position = position
    self.reference = reference
    self.alternate = alternate
    self.end = end
    self.kind = kind
    self.id = id
    self.quality = quality
    self.filters = filters
    self.original = original
    self.tumor = tumor
    self.normal = normal
    self.upstream = upstream
    self.structural = structural
  }
}

/// The record a variant came from, as written in the VCF.
public struct OriginalRecord: Sendable, Equatable, Codable {
  public let position: Int
  public let reference: String
  public let alternates: [String]
  /// 1-based index of this variant's ALT among `alternates`.
  public let alternateIndex: Int

  public init(position: Int, reference: String, alternates: [String], alternateIndex: Int) {
    self.position = position
    self.reference = reference
    self.alternates = alternates
    self.alternateIndex = alternateIndex
  }
}

/// Structural-variant fields carried through for fusion and copy-number work.
public struct StructuralInfo: Sendable, Equatable, Codable {
  public let svType: String?
  public let end: Int?
  public let mateID: String?
  public let mateContig: String?
  public let matePosition: Int?
  public let copyNumber: Double?
}
