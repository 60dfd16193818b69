import SarcoCore

/// One input record of the panel's regions as the annotated VCF and the MAF need
/// it: the record (its VCF line when the VCF is written) and, per ALT, the variant
/// key, read counts and the consequence on each panel gene. A run keeps these on
/// disk while it reads and joins the clinical reading in at the end.
public struct ExportedRecord: Sendable, Equatable {
  /// The record as a VCF line; empty when only the MAF is written.
  public var text: String
  public var contig: String
  public var position: Int
  public var id: String
  public var quality: Double?
  /// FILTER names; empty when `.`.
  public var filters: [String]
  /// REF then ALTs, as written.
  public var alleles: [String]
  /// The ALTs that were annotated (none for an invalid record; `*` and `.` never).
  public var annotated: [ExportedAllele]

  public init(
    text: String, contig: String, position: Int, id: String, quality: Double?, filters: [String], alleles: [String],
    annotated: [ExportedAllele]
  ) {
    self.text = text
    self.contig = contig
    self.position = position
    self.id = id
    self.quality = quality
    self.filters = filters
    self.alleles = alleles
    self.annotated = annotated
  }

  /// A record as read, with its annotated variants; `reported` are those the reports keep
  /// (an ALT repeating an earlier record's variant is annotated in the VCF but left out of the MAF).
  public init(record: VCFRecord, variants: [ReportedVariant], reported: [ReportedVariant], keepingText: Bool) {
    let kept = Set(reported.map(\.variant.original.alternateIndex))
    self.init(
      text: keepingText ? record.text ?? "" : "", contig: record.contig, position: record.position, id: record.id,
      quality: record.quality, filters: record.filters, alleles: record.alleles,
      annotated: variants.map { ExportedAllele($0, reported: kept.contains($0.variant.original.alternateIndex)) })
  }

  public var alternateCount: Int { max(alleles.count - 1, 0) }
}

/// One annotated ALT of an `ExportedRecord`.
public struct ExportedAllele: Sendable, Equatable {
  /// What one sample shows for this ALT (as `SampleCall` reads it for any caller).
  public struct Call: Sendable, Equatable {
    public var genotype: String?
    public var depth: Int?
    public var referenceReads: Int?
    public var alternateReads: Int?

    public init(genotype: String?, depth: Int?, referenceReads: Int?, alternateReads: Int?) {
      self.genotype = genotype
      self.depth = depth
      self.referenceReads = referenceReads
      self.alternateReads = alternateReads
    }

    init?(_ call: SampleCall?) {
      guard let call else { return nil }
      self.init(genotype: call.genotype, depth: call.depth, referenceReads: call.referenceReads, alternateReads: call.alternateReads)
    }
  }

  /// The consequence on one panel gene, as far as the exports show it.
  public struct Consequence: Sendable, Equatable {
    public var gene: String
    public var transcript: String?
    /// Sequence Ontology terms, most severe first (the panel's order).
    public var terms: [String]
    public var impact: String?
    public var hgvsc: String?
    public var hgvsp: String?
    public var exon: Int?
    public var intron: Int?
    public var exonCount: Int?

    public init(
      gene: String, transcript: String?, terms: [String], impact: String?, hgvsc: String?, hgvsp: String?, exon: Int?,
      intron: Int?, exonCount: Int?
    ) {
      self.gene = gene
      self.transcript = transcript
      self.terms = terms
      self.impact = impact
      self.hgvsc = hgvsc
      self.hgvsp = hgvsp
      self.exon = exon
      self.intron = intron
      self.exonCount = exonCount
    }

    /// HGVS from a VCF's own annotation may keep VCF's percent-encoding (VEP writes `p.Thr125%3D`): it is
    /// decoded here, so the MAF shows `p.Thr125=` and the VCF encodes it once.
    public init(_ consequence: AlleleConsequence) {
      self.init(
        gene: consequence.gene, transcript: consequence.transcript, terms: consequence.terms, impact: consequence.impact,
        hgvsc: consequence.hgvsc.map(Self.percentDecoded), hgvsp: consequence.hgvsp.map(Self.percentDecoded),
        exon: consequence.exon, intron: consequence.intron, exonCount: consequence.exonCount)
    }

    static func percentDecoded(_ text: String) -> String {
      guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
      return text.replacingOccurrences(of: "%3D", with: "=").replacingOccurrences(of: "%3B", with: ";")
        .replacingOccurrences(of: "%2C", with: ",").replacingOccurrences(of: "%25", with: "%")
    }
  }

  /// 1-based index among the record's ALTs.
  public var alternateIndex: Int
  /// `chrom:pos:ref:alt` of the minimal variant (how the clinical reading names it).
  public var key: String
  public var kind: Variant.Kind
  /// False for a repeat of an earlier record's variant.
  public var reported: Bool
  public var tumor: Call?
  public var normal: Call?
  /// Panel genes the variant touches (structural variants have these without consequences).
  public var genes: [String]
  public var consequences: [Consequence]

  public init(
    alternateIndex: Int, key: String, kind: Variant.Kind, reported: Bool, tumor: Call?, normal: Call?, genes: [String],
    consequences: [Consequence]
  ) {
    self.alternateIndex = alternateIndex
    self.key = key
    self.kind = kind
    self.reported = reported
    self.tumor = tumor
    self.normal = normal
    self.genes = genes
    self.consequences = consequences
  }

  public init(_ item: ReportedVariant, reported: Bool) {
    self.init(
      alternateIndex: item.variant.original.alternateIndex, key: item.variant.key, kind: item.variant.kind,
      reported: reported, tumor: Call(item.variant.tumor), normal: Call(item.variant.normal),
      genes: item.genes.map(\.gene), consequences: item.consequences.map(Consequence.init))
  }

  /// A small variant (not symbolic, not a breakend): what a MAF row can describe.
  public var isSmall: Bool { kind != .symbolic && kind != .breakend }
}
