/// A consequence some other tool wrote into the VCF: VEP `CSQ`, snpEff `ANN` or
/// bcftools `BCSQ`. Field order is read from each file's header, never assumed.
public struct UpstreamConsequence: Sendable, Equatable, Codable {
  /// `CSQ`, `ANN` or `BCSQ`.
  public let source: String
  public let gene: String?
  public let transcript: String?
  /// Sequence Ontology terms, `&`-joined as written.
  public let consequence: String
  public let hgvsc: String?
  public let hgvsp: String?
  public let exon: String?
  public let intron: String?
  /// VEP's `MANE_SELECT` column: the RefSeq accession when this transcript is MANE Select.
  public let maneSelect: String?
  /// Population frequencies and predictor scores carried in this entry's fields.
  public var metrics: AlleleMetrics? = nil
}

/// Reads `CSQ`/`ANN`/`BCSQ` INFO strings using the layout its header declares.
public struct UpstreamConsequenceParser: Sendable {
  /// One tag's field order, with the columns this parser reads found once per header.
  struct Layout: Sendable {
    let tag: String
    let fields: [String]
    let allele, consequence, gene, transcript, hgvsc, hgvsp, exon, intron, mane: Int?
    /// Population-frequency and predictor-score columns, with what each holds.
    let metrics: [(index: Int, kind: AlleleMetricFields.Kind)]
    /// How many of them are frequencies: an entry's map of them is made that large at once.
    let frequencyFields: Int
    let declaresFrequency: Bool
    let declaresFiltering: Bool

    init(tag: String, fields: [String]) {
      self.tag = tag
      self.fields = fields
      func index(_ names: String...) -> Int? {
        for name in names { if let i = fields.firstIndex(where: { $0.caseInsensitiveEquals(name) }) { return i } }
        return nil
      }
      allele = index("Allele")
      consequence = index("Consequence", "Annotation")
      gene = index("SYMBOL", "Gene_Name", "gene")
      transcript = index("Feature", "Feature_ID", "transcript")
      hgvsc = index("HGVSc", "HGVS.c", "dna_change")
      hgvsp = index("HGVSp", "HGVS.p", "amino_acid_change")
      exon = index("EXON", "Rank")
      intron = index("INTRON")
      mane = index("MANE_SELECT", "MANE")
      metrics = fields.indices.compactMap { index in AlleleMetricFields.kind(fields[index]).map { (index, $0) } }
      frequencyFields = metrics.filter { $0.kind == .frequency }.count
      declaresFrequency = frequencyFields > 0
      declaresFiltering = fields.contains(where: AlleleMetricFields.isFilteringFrequency)
    }
  }

  let layouts: [Layout]

  /// Finds the layouts declared in `##INFO=<ID=CSQ|ANN|BCSQ,...,Description="...Format: a|b|c">`.
  public init(header: VCFHeader) {
    var layouts: [Layout] = []
    for tag in ["CSQ", "ANN", "BCSQ"] {
      guard let description = header.info[tag]?.description else { continue }
      let fields: [String]
      if tag == "BCSQ" {
        // bcftools csq: "...Format: Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change"
        fields = UpstreamConsequenceParser.fieldList(description) ?? [
          "Consequence", "gene", "transcript", "biotype", "strand", "amino_acid_change", "dna_change",
        ]
      } else {
        guard let list = UpstreamConsequenceParser.fieldList(description) else { continue }
        fields = list
      }
      layouts.append(Layout(tag: tag, fields: fields))
    }
    self.layouts = layouts
  }

  public var isEmpty: Bool { layouts.isEmpty }

  static func fieldList(_ description: String) -> [String]? {
    let lowered = description.lowercased()
    guard let range = lowered.firstRange(of: "format:") ?? lowered.firstRange(of: "functional annotations:")
    else { return nil }
    let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
    let text = description.dropFirst(offset).trimmingCharacters(in: " '\"")
    let fields = text.split(separator: "|", omittingEmptySubsequences: false).map {
      String($0.trimmingCharacters(in: " '\""))
    }
    return fields.count > 1 ? fields : nil
  }

  /// The entries of `info` that belong to `alternate`, an ALT of the record as
  /// written (VEP's and snpEff's `Allele`; BCSQ entries carry no allele and are all kept).
  public func consequences(
    info: [String: FieldValue], reference: String, alternate: String
  ) -> [UpstreamConsequence] {
    var result: [UpstreamConsequence] = []
    for layout in layouts {
      guard let texts = info[layout.tag]?.texts else { continue }
      for text in texts {
        for place in Self.pieces(text[...], on: UInt8(ascii: ",")) where !place.isEmpty {
          let entry = text[place]
          let parts = Self.pieces(entry, on: UInt8(ascii: "|"))
          func value(_ index: Int?) -> String? {
            guard let index, index < parts.count, !parts[index].isEmpty else { return nil }
            return String(entry[parts[index]])
          }
          if let allele = value(layout.allele),
            !UpstreamConsequenceParser.allele(allele, matches: alternate, reference: reference)
          {
            continue
          }
          guard let consequence = value(layout.consequence) else { continue }
          var metrics = AlleleMetrics()
          // Grown one insert at a time, the map was reallocated at 1, 2 and 4 frequencies.
          if layout.frequencyFields > 1 { metrics.frequencies.reserveCapacity(layout.frequencyFields) }
          metrics.frequencyFieldDeclared = layout.declaresFrequency
          metrics.filteringFieldDeclared = layout.declaresFiltering
          for (index, kind) in layout.metrics {
            if let text = value(index) { AlleleMetricFields.add(name: layout.fields[index], kind: kind, value: text, to: &metrics) }
          }
          result.append(
            UpstreamConsequence(
              source: layout.tag, gene: value(layout.gene), transcript: value(layout.transcript),
              consequence: consequence, hgvsc: value(layout.hgvsc), hgvsp: value(layout.hgvsp),
              exon: value(layout.exon), intron: value(layout.intron), maneSelect: value(layout.mane),
              metrics: metrics.isEmpty ? nil : metrics))
        }
      }
    }
    return result
  }
}

extension UpstreamConsequenceParser {
  /// Where the pieces of `text` cut at every `separator` (an ASCII byte) lie, empty ones kept. ASCII
  /// text in one piece of memory is cut from its bytes, and only the fields read later become
  /// strings: a VEP entry has dozens of fields, and cutting it by `Character` into a `String` per
  /// field was most of an annotated record's time. Other text is cut by `Character`, as before (a
  /// combining mark after a separator joins it).
  static func pieces(_ text: Substring, on separator: UInt8) -> [Range<String.Index>] {
    let utf8 = text.utf8
    let cut = utf8.withContiguousStorageIfAvailable { bytes -> [Range<String.Index>]? in
      var pieces: [Range<String.Index>] = []
      var start = utf8.startIndex
      var startOffset = 0
      for offset in bytes.indices {
        let byte = bytes[offset]
        if byte >= 0x80 { return nil }
        if byte == separator {
          let end = utf8.index(start, offsetBy: offset - startOffset)
          pieces.append(start..<end)
          start = utf8.index(after: end)
          startOffset = offset + 1
        }
      }
      pieces.append(start..<utf8.endIndex)
      return pieces
    }
    if let cut = cut ?? nil { return cut }
    return text.split(separator: Character(Unicode.Scalar(separator)), omittingEmptySubsequences: false).map {
      $0.startIndex..<$0.endIndex
    }
  }

  /// VEP drops the first base that indel alleles share and writes a pure deletion as `-`.
  static func allele(_ allele: String, matches alternate: String, reference: String) -> Bool {
    if allele == alternate { return true }
    let sharesFirstBase = reference.first == alternate.first && reference.count != alternate.count
    guard sharesFirstBase else { return false }
    if allele == "-" { return alternate.count == 1 }
    return String(alternate.dropFirst()) == allele
  }
}

extension String {
  func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
