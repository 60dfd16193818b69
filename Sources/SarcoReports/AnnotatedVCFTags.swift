import SarcoCore

/// The INFO fields sarcopanel adds to the annotated VCF, one value per ALT
/// (`Number=A`): what the reports say about each ALT, on the one gene `ExportedChoice`
/// picks. A missing value is `.`; a field no ALT of a record has is left out of it.
/// Values are escaped for VCF: spaces become `_`, and `%`, `;`, `,`, `=` and control
/// characters are percent-encoded (VCF 4.3), so `p.(Leu54=)` reads `p.(Leu54%3D)` as VEP writes it.
public enum AnnotatedVCFTags {
  public struct Tag: Sendable, Equatable {
    public let id: String
    public let description: String
    let value: @Sendable (ExportedChoice) -> String?

    public static func == (lhs: Tag, rhs: Tag) -> Bool { lhs.id == rhs.id }
  }

  public static let tags: [Tag] = [
    Tag(id: "SP_GENE", description: "sarcopanel: panel gene (the gene of the best-tiered finding, else of the most severe consequence)") {
      $0.gene
    },
    Tag(id: "SP_TRANSCRIPT", description: "sarcopanel: transcript of the consequence (the panel's MANE Select where annotated on it)") {
      $0.consequence?.transcript
    },
    Tag(id: "SP_CONSEQUENCE", description: "sarcopanel: Sequence Ontology consequence terms, most severe first, &-separated") {
      $0.consequence.flatMap { $0.terms.isEmpty ? nil : $0.terms.joined(separator: "&") }
    },
    Tag(id: "SP_HGVSC", description: "sarcopanel: HGVS coding change on SP_TRANSCRIPT") {
      $0.consequence?.hgvsc.map(MAFProteinChange.withoutAccession)
    },
    Tag(id: "SP_HGVSP", description: "sarcopanel: HGVS protein change (parenthesised when predicted)") {
      $0.consequence?.hgvsp.map(MAFProteinChange.withoutAccession)
    },
    Tag(id: "SP_TIER", description: "sarcopanel: AMP/ASCO/CAP 2017 tier of the somatic finding (I-A, I-B, II-C, II-D, III, IV)") {
      $0.clinical?.tier
    },
    Tag(id: "SP_ESCAT", description: "sarcopanel: ESMO ESCAT level of the finding in this tumour type, where the panel has one") {
      $0.clinical?.escat
    },
    Tag(id: "SP_ONCOGENICITY", description: "sarcopanel: ClinGen/CGC/VICC oncogenicity class of the somatic finding") {
      $0.clinical?.oncogenicity
    },
    Tag(id: "SP_ACMG", description: "sarcopanel: ACMG/AMP germline class (germline samples, and tumour findings that look germline)") {
      $0.clinical?.acmg
    },
    Tag(id: "SP_ORIGIN", description: "sarcopanel: origin call of the somatic finding (somatic, germline, likely_germline, possibly_germline, likely_somatic)") {
      $0.clinical?.origin
    },
  ]

  /// Each tag's value for a record (`A`-numbered: one per ALT, `.` where missing), or nil when no ALT has one.
  public static func values(_ record: ExportedRecord, clinical: ClinicalAlleleIndex) -> [String?] {
    var choices = [ExportedChoice?](repeating: nil, count: record.alternateCount)
    for allele in record.annotated where allele.alternateIndex >= 1 && allele.alternateIndex <= choices.count {
      choices[allele.alternateIndex - 1] = ExportedChoice(allele, clinical: clinical)
    }
    return tags.map { tag in
      let perAlternate = choices.map { choice in choice.flatMap(tag.value).map(escaped) }
      guard perAlternate.contains(where: { $0 != nil }) else { return nil }
      return perAlternate.map { $0 ?? "." }.joined(separator: ",")
    }
  }

  /// A value as one VCF INFO item: no spaces, separators or control characters; never empty.
  public static func escaped(_ value: String) -> String {
    let needsNoEscape = value.utf8.allSatisfy { byte in
      byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: "%") && byte != UInt8(ascii: ";") && byte != UInt8(ascii: ",")
        && byte != UInt8(ascii: "=")
    }
    if needsNoEscape && !value.isEmpty { return value }
    var result = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case " ": result += "_"
      case "%", ";", ",", "=", "\t", "\n", "\r":
        result += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          result += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result.isEmpty ? "." : result
  }

  /// sarcopanel's `##key=value` header lines: tool version, panel, build, sample and the command line.
  public static func metaLines(
    panel: SampleReport.PanelIdentity, build: GenomeBuild, sample: String, tumourType: String?, commandLine: [String]
  ) -> [(key: String, value: String)] {
    var lines: [(String, String)] = [
      ("sarcopanelVersion", SarcopanelVersion.current),
      ("sarcopanelPanel", panel.name),
      ("sarcopanelPanelVersion", panel.version),
      ("sarcopanelPanelChecksum", panel.checksum),
      ("sarcopanelGenomeBuild", build.rawValue),
      ("sarcopanelSample", sample),
    ]
    if let tumourType { lines.append(("sarcopanelTumourType", tumourType)) }
    lines.append(("sarcopanelCommand", commandLine.joined(separator: " ")))
    return lines
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
