/// MAF `Variant_Classification` from Sequence Ontology terms, as vcf2maf maps them
/// (mskcc/vcf2maf `GetEffectPriority` and `GetVariantClassification`, reimplemented):
/// the most severe term by vcf2maf's effect priority decides, with the variant type
/// and frame for frameshifts and in-frame changes.
public enum MAFVariantClassification {
  /// vcf2maf's effect priorities (1 most severe). Where its table names a term twice the later value
  /// is the one that counts (a Perl hash keeps the last): `protein_altering_variant` 7, `inversion` 3,
  /// `mature_miRNA_variant` 17.
  static let priorities: [String: Int] = [
    "transcript_ablation": 1, "exon_loss_variant": 1, "sequence_feature + exon_loss_variant": 1, "feature_ablation": 1,
    "chromosome_number_variation": 1,
    "bidirectional_gene_fusion": 2, "duplication": 2, "gene_fusion": 2, "splice_donor_variant": 2,
    "splice_acceptor_variant": 2,
    "stop_gained": 3, "frameshift_variant": 3, "stop_lost": 3, "inversion": 3,
    "initiator_codon_variant+non_canonical_start_codon": 4, "rearranged_at_DNA_level": 4, "start_lost": 4,
    "initiator_codon_variant": 4,
    "disruptive_inframe_insertion": 5, "disruptive_inframe_deletion": 5, "conservative_inframe_insertion": 5,
    "conservative_inframe_deletion": 5, "inframe_insertion": 5, "inframe_deletion": 5,
    "missense_variant": 6, "conservative_missense_variant": 6, "rare_amino_acid_variant": 6,
    "transcript_amplification": 7, "5_prime_UTR_truncation + exon_loss_variant": 7, "protein_altering_variant": 7,
    "protein_protein_contact": 8, "3_prime_UTR_truncation + exon_loss": 8, "structural_interaction_variant": 8,
    "splice_branch_variant": 8, "splice_region_variant": 8, "splice_donor_5th_base_variant": 8,
    "splice_donor_region_variant": 8, "splice_polypyrimidine_tract_variant": 8,
    "start_retained_variant": 9, "stop_retained_variant": 9, "synonymous_variant": 9, "start_retained": 9,
    "incomplete_terminal_codon_variant": 10,
    "coding_sequence_variant": 11, "exon_variant": 11, "transcript_variant": 11,
    "5_prime_UTR_variant": 12, "5_prime_UTR_premature_start_codon_gain_variant": 12, "3_prime_UTR_variant": 12,
    "non_coding_exon_variant": 13, "non_coding_transcript_exon_variant": 13,
    "non_coding_transcript_variant": 14, "nc_transcript_variant": 14, "intron_variant": 14, "intragenic_variant": 14,
    "INTRAGENIC": 14,
    "NMD_transcript_variant": 15, "coding_transcript_variant": 15,
    "upstream_gene_variant": 16, "downstream_gene_variant": 16,
    "TFBS_ablation": 17, "TFBS_amplification": 17, "TF_binding_site_variant": 17, "regulatory_region_ablation": 17,
    "regulatory_region_amplification": 17, "regulatory_region_variant": 17, "regulatory_region": 17,
    "mature_miRNA_variant": 17, "miRNA": 17,
    "feature_elongation": 18, "feature_truncation": 18,
    "intergenic_variant": 19, "intergenic_region": 19, "sequence_feature": 19, "conserved_intron_variant": 19,
    "gene_variant": 19,
    "conserved_intergenic_variant": 20, "custom": 20,
  ]

  /// Priority of one term; unknown terms (and none) rank last, 20, as in vcf2maf.
  public static func priority(of term: String) -> Int { priorities[term] ?? 20 }

  /// Priority of a consequence: its most severe term's.
  public static func priority(of terms: [String]) -> Int { terms.map(priority(of:)).min() ?? 20 }

  /// The terms in vcf2maf's order, most severe first (a stable sort: equal priorities keep their order).
  public static func ordered(_ terms: [String]) -> [String] {
    terms.enumerated().sorted { (priority(of: $0.element), $0.offset) < (priority(of: $1.element), $1.offset) }.map(\.element)
  }

  /// The term vcf2maf classifies by (`One_Consequence`): the most severe; `intergenic_variant` when there is none.
  public static func deciding(_ terms: [String]) -> String { ordered(terms).first ?? "intergenic_variant" }

  /// `Variant_Classification` of a consequence whose deciding term is `effect`, for a variant of
  /// `variantType` (`SNP` ... `ONP`, `INS`, `DEL`); `inFrame` only counts for insertions and deletions.
  public static func classify(effect: String, variantType: String, inFrame: Bool) -> String {
    let isIndel = variantType == "INS" || variantType == "DEL"
    let inFrameIndel = isIndel && inFrame
    let frameshifting = effect == "frameshift_variant" || (effect == "protein_altering_variant" && !inFrameIndel)
    switch effect {
    case "splice_acceptor_variant", "splice_donor_variant", "transcript_ablation", "exon_loss_variant":
      return "Splice_Site"
    case "stop_gained":
      return "Nonsense_Mutation"
    default:
      break
    }
    if frameshifting && variantType == "DEL" { return "Frame_Shift_Del" }
    if frameshifting && variantType == "INS" { return "Frame_Shift_Ins" }
    if effect == "stop_lost" { return "Nonstop_Mutation" }
    if effect == "initiator_codon_variant" || effect == "start_lost" { return "Translation_Start_Site" }
    let proteinAlteringInFrame = effect == "protein_altering_variant" && inFrameIndel
    if effect.hasSuffix("inframe_insertion") || (proteinAlteringInFrame && variantType == "INS") { return "In_Frame_Ins" }
    if effect.hasSuffix("inframe_deletion") || (proteinAlteringInFrame && variantType == "DEL") { return "In_Frame_Del" }
    switch effect {
    case "missense_variant", "coding_sequence_variant", "conservative_missense_variant", "rare_amino_acid_variant":
      return "Missense_Mutation"
    case "transcript_amplification", "intron_variant", "INTRAGENIC", "intragenic_variant":
      return "Intron"
    case "splice_region_variant":
      return "Splice_Region"
    case "incomplete_terminal_codon_variant", "synonymous_variant", "stop_retained_variant", "NMD_transcript_variant":
      return "Silent"
    case "mature_miRNA_variant", "exon_variant", "non_coding_exon_variant", "non_coding_transcript_exon_variant",
      "non_coding_transcript_variant", "nc_transcript_variant":
      return "RNA"
    case "5_prime_UTR_variant", "5_prime_UTR_premature_start_codon_gain_variant":
      return "5'UTR"
    case "3_prime_UTR_variant":
      return "3'UTR"
    case "TF_binding_site_variant", "regulatory_region_variant", "regulatory_region", "intergenic_variant",
      "intergenic_region":
      return "IGR"
    case "upstream_gene_variant":
      return "5'Flank"
    case "downstream_gene_variant":
      return "3'Flank"
    default:
      // TFBS_ablation, feature_elongation and the like: vcf2maf's catch-all.
      return "Targeted_Region"
    }
  }
}
