import SarcoCore

/// The Mutation Annotation Format (GDC MAF, as vcf2maf writes it for cBioPortal and
/// maftools): a `#version 2.4` line, the column line, then one row per reported small
/// variant with a consequence on a panel gene, in input order (one row per ALT of a
/// multi-allelic record). The 34 standard columns come first, then vcf2maf's HGVS, read
/// count and effect columns, then what sarcopanel's clinical reading says (`SP_*`).
/// Empty cells are empty; no cell holds a tab or newline.
public enum MAFReport {
  /// Sample-level values every row repeats.
  public struct Sample: Sendable {
    /// `Tumor_Sample_Barcode`: the report id.
    public let id: String
    /// `Matched_Norm_Sample_Barcode`: the matched normal's column, when there is one.
    public let normal: String?
    /// `NCBI_Build`: `GRCh38` or `GRCh37`.
    public let build: String
    /// Unversioned Ensembl gene ids of the panel's genes (the `Gene` column).
    public let ensemblGenes: [String: String]

    public init(id: String, normal: String?, build: String, ensemblGenes: [String: String]) {
      self.id = id
      self.normal = normal
      self.build = build
      self.ensemblGenes = ensemblGenes
    }
  }

  public static let standardColumns = [
    "Hugo_Symbol", "Entrez_Gene_Id", "Center", "NCBI_Build", "Chromosome", "Start_Position", "End_Position", "Strand",
    "Variant_Classification", "Variant_Type", "Reference_Allele", "Tumor_Seq_Allele1", "Tumor_Seq_Allele2",
    "dbSNP_RS", "dbSNP_Val_Status", "Tumor_Sample_Barcode", "Matched_Norm_Sample_Barcode", "Match_Norm_Seq_Allele1",
    "Match_Norm_Seq_Allele2", "Tumor_Validation_Allele1", "Tumor_Validation_Allele2", "Match_Norm_Validation_Allele1",
    "Match_Norm_Validation_Allele2", "Verification_Status", "Validation_Status", "Mutation_Status", "Sequencing_Phase",
    "Sequence_Source", "Validation_Method", "Score", "BAM_File", "Sequencer", "Tumor_Sample_UUID",
    "Matched_Norm_Sample_UUID",
  ]

  /// vcf2maf's columns after the standard ones that sarcopanel fills.
  public static let vcf2mafColumns = [
    "HGVSc", "HGVSp", "HGVSp_Short", "Transcript_ID", "Exon_Number", "t_depth", "t_ref_count", "t_alt_count", "n_depth",
    "n_ref_count", "n_alt_count", "all_effects", "Allele", "Gene", "Feature", "Feature_type", "Consequence", "IMPACT",
    "EXON", "INTRON", "FILTER", "vcf_id", "vcf_qual", "vcf_pos",
  ]

  public static let clinicalColumns = ["SP_TIER", "SP_ESCAT", "SP_ONCOGENICITY", "SP_ACMG", "SP_ORIGIN"]

  public static var columns: [String] { standardColumns + vcf2mafColumns + clinicalColumns }

  /// The version and column lines, newlines included.
  public static var header: String { "#version 2.4\n" + columns.joined(separator: "\t") + "\n" }

  /// The rows of one record, each ending in a newline.
  public static func rows(_ record: ExportedRecord, sample: Sample, clinical: ClinicalAlleleIndex) -> String {
    var lines = ""
    for allele in record.annotated where allele.reported && allele.isSmall && !allele.consequences.isEmpty {
      for (index, cell) in row(allele, of: record, sample: sample, clinical: clinical).enumerated() {
        if index > 0 { lines += "\t" }
        lines += TSVReport.clean(cell)
      }
      lines += "\n"
    }
    return lines
  }

  static func row(
    _ allele: ExportedAllele, of record: ExportedRecord, sample: Sample, clinical index: ClinicalAlleleIndex
  ) -> [String] {
    let choice = ExportedChoice(allele, clinical: index)
    let consequence = choice.consequence
    let alleles = MAFAlleles(
      position: record.position, alleles: record.alleles, alternateIndex: allele.alternateIndex, tumor: allele.tumor,
      normal: allele.normal)
    let terms = MAFVariantClassification.ordered(consequence?.terms ?? [])
    let deciding = MAFVariantClassification.deciding(terms)
    let clinical = choice.clinical
    let rsIDs = record.id.split(separator: ";").filter { $0.hasPrefix("rs") }.joined(separator: ",")
    let standard: [String] = [
      choice.gene ?? "Unknown", "0", ".", sample.build, record.contig, String(alleles.start), String(alleles.end), "+",
      MAFVariantClassification.classify(effect: deciding, variantType: alleles.variantType, inFrame: alleles.inFrame),
      alleles.variantType, alleles.reference, alleles.tumorAllele1, alleles.tumorAllele2, rsIDs, "", sample.id,
      sample.normal ?? "", alleles.normalAllele1, alleles.normalAllele2, "", "", "", "", "", "", "", "", "", "", "", "", "",
      "", "",
    ]
    let hgvsc = consequence?.hgvsc.map(MAFProteinChange.withoutAccession) ?? ""
    let effects = allele.consequences.map { ($0, MAFVariantClassification.deciding($0.terms)) }
      .enumerated().sorted {
        (MAFVariantClassification.priority(of: $0.element.1), $0.offset)
          < (MAFVariantClassification.priority(of: $1.element.1), $1.offset)
      }
      .map(\.element)
    let allEffects = effects.map { effect, term in
      let transcript = effect.transcript ?? ""
      let refseq = transcript.hasPrefix("N") || transcript.hasPrefix("X") ? transcript : ""
      return "\(effect.gene),\(term),\(effect.hgvsp.map(MAFProteinChange.long) ?? ""),\(transcript),\(refseq);"
    }
    let extra: [String] = [
      hgvsc, consequence?.hgvsp.map(MAFProteinChange.long) ?? "",
      MAFProteinChange.short(hgvsp: consequence?.hgvsp, hgvsc: consequence?.hgvsc, decidingTerm: deciding),
      consequence?.transcript ?? "", numbered(consequence?.exon, of: consequence?.exonCount),
      text(allele.tumor?.depth), text(allele.tumor?.referenceReads), text(allele.tumor?.alternateReads),
      text(allele.normal?.depth), text(allele.normal?.referenceReads), text(allele.normal?.alternateReads),
      allEffects.joined(), alleles.tumorAllele2, choice.gene.flatMap { sample.ensemblGenes[$0] } ?? "",
      consequence?.transcript ?? "", consequence == nil ? "" : "Transcript", terms.joined(separator: ","),
      consequence?.impact ?? "", numbered(consequence?.exon, of: consequence?.exonCount),
      numbered(consequence?.intron, of: consequence?.exonCount.map { $0 - 1 }),
      record.filters.isEmpty ? "." : record.filters.joined(separator: ";"), record.id, quality(record.quality),
      String(record.position),
    ]
    let sarcopanel = [clinical?.tier, clinical?.escat, clinical?.oncogenicity, clinical?.acmg, clinical?.origin].map { $0 ?? "" }
    return standard + extra + sarcopanel
  }

  /// VEP's `n/total` exon or intron numbering.
  static func numbered(_ number: Int?, of total: Int?) -> String {
    guard let number else { return "" }
    return total.map { "\(number)/\($0)" } ?? String(number)
  }

  static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }

  /// QUAL as VCF writes it: `50`, `12.5`, `.` when missing.
  static func quality(_ value: Double?) -> String {
    guard let value else { return "." }
    return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }
}
