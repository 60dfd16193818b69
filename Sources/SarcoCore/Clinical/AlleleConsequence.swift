/// The consequence of one variant on one panel gene: from the upstream
/// annotation when the file has one, else derived from the panel's exons.
public struct AlleleConsequence: Sendable, Equatable, Codable {
  public let gene: String
  public let transcript: String?
  /// Sequence Ontology terms, most severe first.
  public let terms: [String]
  /// HIGH, MODERATE, LOW or MODIFIER (VEP impact of the most severe term).
  public let impact: String?
  public let hgvsc: String?
  public let hgvsp: String?
  public let protein: ProteinChange?
  /// Exon or intron number in the transcript, with the transcript's count.
  public let exon: Int?
  public let intron: Int?
  public let exonCount: Int?
  /// `VEP CSQ`, `snpEff ANN`, `bcftools BCSQ`, `computed from reference` or `panel-derived`.
  public let source: String
  /// True when this is the panel's (MANE Select) transcript.
  public let panelTranscript: Bool
  /// The codon number from the panel's coding coordinates (SNVs in coding exons).
  public let codon: Int?
  /// With `--recompute-consequences`: how the upstream annotation differed from the computed one.
  public var upstreamDisagreement: String?
  /// How the protein change is known (annotation, engine, known allele, residue inference, exon model), or
  /// `unknown` for a coding change whose amino acids nothing here can tell.
  public var proteinBasis: ProteinBasis?
  /// What the basis rests on: the known allele's source, the codons weighed by residue inference, why it is unknown.
  public var proteinNote: String?

  public init(
    gene: String, transcript: String?, terms: [String], impact: String?, hgvsc: String?, hgvsp: String?,
    protein: ProteinChange?, exon: Int?, intron: Int?, exonCount: Int?, source: String, panelTranscript: Bool,
    codon: Int?
  ) {
    self.gene = gene
    self.transcript = transcript
    self.terms = terms
    self.impact = impact
    self.hgvsc = hgvsc
    self.hgvsp = hgvsp
    self.protein = protein
    self.exon = exon
    self.intron = intron
    self.exonCount = exonCount
    self.source = source
    self.panelTranscript = panelTranscript
    self.codon = codon
  }

  public var mostSevere: String { terms.first ?? "unknown" }

  /// The same consequence with a protein change learnt after selection (known allele, residue inference): the
  /// panel-derived `coding_sequence_variant` becomes the term the change implies, `p.` is written out.
  public func adding(protein change: ProteinChange, basis: ProteinBasis, note: String) -> AlleleConsequence {
    var copy = AlleleConsequence(
      gene: gene, transcript: transcript, terms: terms.map { $0 == "coding_sequence_variant" ? change.effect.soTerm : $0 },
      impact: has("coding_sequence_variant") ? change.effect.impact : impact, hgvsc: hgvsc, hgvsp: hgvsp ?? change.hgvs,
      protein: change, exon: exon, intron: intron,
      exonCount: exonCount, source: source, panelTranscript: panelTranscript, codon: codon)
    copy.upstreamDisagreement = upstreamDisagreement
    copy.proteinBasis = basis
    copy.proteinNote = note
    return copy
  }

  /// `NM_000546.6:c.637C>T p.(Arg213Ter)` (the accession added when the `c.` lacks one); nil without a `c.`.
  public var hgvsLabel: String? {
    guard let hgvsc else { return nil }
    let coding = hgvsc.contains(":") || transcript == nil ? hgvsc : "\(transcript!):\(hgvsc)"
    guard let hgvsp else { return coding }
    return "\(coding) \(hgvsp.split(separator: ":").last.map(String.init) ?? hgvsp)"
  }
  public func has(_ term: String) -> Bool { terms.contains(term) }
  public func hasAny(_ wanted: Set<String>) -> Bool { terms.contains(where: wanted.contains) }

  /// Residue number: from HGVSp when present, else the panel codon.
  public var residue: Int? { protein?.position ?? codon }

  /// Null variants for PVS1 and tumour-suppressor truncation.
  public static let truncatingTerms: Set<String> = [
    "stop_gained", "frameshift_variant", "splice_donor_variant", "splice_acceptor_variant", "start_lost",
    "transcript_ablation",
  ]
  /// Changes to the protein or canonical splice sites (TMB, Tier III candidates).
  public static let proteinAlteringTerms: Set<String> = truncatingTerms.union([
    "missense_variant", "inframe_deletion", "inframe_insertion", "protein_altering_variant", "stop_lost",
    "coding_sequence_variant", "initiator_codon_variant",
  ])
  public static let codingTerms: Set<String> = proteinAlteringTerms.union([
    "synonymous_variant", "stop_retained_variant", "incomplete_terminal_codon_variant", "start_retained_variant",
  ])

  public var isTruncating: Bool { hasAny(Self.truncatingTerms) }
  public var isProteinAltering: Bool { hasAny(Self.proteinAlteringTerms) }
  public var isCoding: Bool { hasAny(Self.codingTerms) }
}
