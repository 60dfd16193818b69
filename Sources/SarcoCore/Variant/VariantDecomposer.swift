/// Turns one VCF record into one `Variant` per ALT allele.
///
/// Steps: (1) skip `*` and missing ALTs; (2) trim each REF/ALT pair to minimal
/// representation (symbolic and breakend alleles are kept as written);
/// (3) read each selected sample's genotype and read support for that ALT;
/// (4) attach the upstream consequences written for that ALT and any
/// structural INFO fields.
public struct VariantDecomposer: Sendable {
  /// Which selected sample columns play which role.
  public struct SampleRoles: Sendable, Equatable {
    /// Name of the tumour (or only) sample; its fields are `sampleFields[0]`.
    public var tumor: String?
    /// Name of the matched normal; its fields are `sampleFields[1]`.
    public var normal: String?
    /// PCGR-style VCFs keep control depths (`DPC`/`ADC`) in the tumour column.
    public var normalFromControlFields: Bool

    public init(tumor: String?, normal: String?, normalFromControlFields: Bool = false) {
      self.tumor = tumor
      self.normal = normal
      self.normalFromControlFields = normalFromControlFields
    }
  }

  public let roles: SampleRoles
  let formatDefinitions: [String: VCFHeader.FieldDefinition]
  let consequenceParser: UpstreamConsequenceParser
  let infoMetrics: InfoMetricFields

  public init(header: VCFHeader, roles: SampleRoles) {
    self.roles = roles
    self.infoMetrics = InfoMetricFields(header: header)
    self.formatDefinitions = header.format
    self.consequenceParser = UpstreamConsequenceParser(header: header)
  }

  /// gVCF's stand-ins for alleles not observed (`<NON_REF>`, GATK; `<*>`, VCF 4.3 section 5.5):
  /// no called allele, so no variant. A reference block (ALT only the stand-in) gives none.
  public static func isUnobservedAllele(_ alternate: String) -> Bool { alternate == "<NON_REF>" || alternate == "<*>" }

  /// An ALT that becomes a variant: not `*` (an upstream deletion's), `.` (none) or a gVCF stand-in.
  public static func isCalledAllele(_ alternate: String) -> Bool {
    alternate != "*" && alternate != "." && !isUnobservedAllele(alternate)
  }

  public func variants(from record: VCFRecord) -> [Variant] {
    let alternates = Array(record.alternates)
    var variants: [Variant] = []
    variants.reserveCapacity(alternates.count)
    for (offset, alternate) in alternates.enumerated() where Self.isCalledAllele(alternate) {
      let alternateIndex = offset + 1
      let structuralAllele = alternate.utf8.first == UInt8(ascii: "<") || ASCIIText.hasBracket(alternate)
      let minimal =
        structuralAllele
        ? (position: record.position, reference: record.reference, alternate: alternate)
        : AlleleTrimming.minimal(position: record.position, reference: record.reference, alternate: alternate)
      let kind = AlleleTrimming.kind(reference: minimal.reference, alternate: minimal.alternate)
      let end =
        (kind == .symbolic || kind == .breakend)
        ? record.end : minimal.position + max(minimal.reference.utf8.count, 1) - 1
      var variant =
        Variant(
          contig: record.contig, position: minimal.position, reference: minimal.reference,
          alternate: minimal.alternate, end: end, kind: kind, id: record.id, quality: record.quality,
          filters: record.filters,
          original: OriginalRecord(
            position: record.position, reference: record.reference, alternates: alternates,
            alternateIndex: alternateIndex),
          tumor: call(record, column: 0, name: roles.tumor, alternateIndex: alternateIndex, columns: .sample),
          normal: normalCall(record, alternateIndex: alternateIndex),
          upstream: consequenceParser.isEmpty
            ? [] : consequenceParser.consequences(info: record.info, reference: record.reference, alternate: alternate),
          structural: structuralInfo(record, alternate: alternate, kind: kind))
      variant.metrics = infoMetrics.metrics(record.info, alternateIndex: alternateIndex, alternateCount: alternates.count)
      variants.append(variant)
    }
    return variants
  }

  func normalCall(_ record: VCFRecord, alternateIndex: Int) -> SampleCall? {
    if roles.normal != nil {
      return call(record, column: 1, name: roles.normal, alternateIndex: alternateIndex, columns: .sample)
    }
    guard roles.normalFromControlFields else { return nil }
    return call(record, column: 0, name: "\(roles.tumor ?? "sample") (control fields)", alternateIndex: alternateIndex, columns: .pcgrControl, withGenotype: false)
  }

  func call(
    _ record: VCFRecord, column: Int, name: String?, alternateIndex: Int, columns: ReadSupport.Columns,
    withGenotype: Bool = true
  ) -> SampleCall? {
    guard let name, column < record.sampleFields.count else { return nil }
    let genotype = withGenotype && column < record.genotypes.count ? record.genotypes[column] : nil
    let counts = ReadSupport.counts(
      fields: record.sampleFields[column], definitions: formatDefinitions, alleles: record.alleles,
      alternateIndex: alternateIndex, columns: columns)
    if !withGenotype && counts.source == nil { return nil }
    return SampleCall(
      sample: name, genotype: genotype?.text,
      zygosity: SampleCall.zygosity(of: genotype, alternateIndex: alternateIndex),
      depth: counts.depth, referenceReads: counts.referenceReads, alternateReads: counts.alternateReads,
      alleleFraction: counts.alleleFraction, depthSource: counts.source)
  }

  func structuralInfo(_ record: VCFRecord, alternate: String, kind: Variant.Kind) -> StructuralInfo? {
    let svType = record.info["SVTYPE"]?.texts.first
    let mate = kind == .breakend ? BreakendNotation.mate(of: alternate) : nil
    guard svType != nil || kind == .symbolic || kind == .breakend else { return nil }
    let chr2 = record.info["CHR2"]?.texts.first
    return StructuralInfo(
      svType: svType ?? (kind == .breakend ? "BND" : String(alternate.dropFirst().dropLast())),
      end: record.info["END"]?.numbers.first.flatMap { $0?.wholeNumber },
      mateID: record.info["MATEID"]?.texts.first,
      mateContig: mate?.contig ?? chr2,
      matePosition: mate?.position ?? record.info["POS2"]?.numbers.first.flatMap { $0?.wholeNumber },
      copyNumber: record.info["CN"]?.numbers.first.flatMap { $0 }
        ?? record.sampleFields.first?["CN"]?.numbers.first.flatMap { $0 })
  }
}

/// Reads the mate locus of a VCF breakend ALT such as `G]17:198982]` or `[13:123456[T`.
public enum BreakendNotation {
  public static func mate(of alternate: String) -> (contig: String, position: Int)? {
    guard let open = alternate.firstIndex(where: { $0 == "[" || $0 == "]" }) else { return nil }
    let rest = alternate[alternate.index(after: open)...]
    guard let close = rest.firstIndex(where: { $0 == "[" || $0 == "]" }) else { return nil }
    let locus = rest[..<close]
    guard let colon = locus.lastIndex(of: ":"), let position = Int(locus[locus.index(after: colon)...]) else {
      return nil
    }
    return (String(locus[..<colon]), position)
  }
}
