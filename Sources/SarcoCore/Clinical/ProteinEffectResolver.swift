/// Works out what a variant does to the protein when the chosen consequence does
/// not say, and records how that is known: the panel's known alleles first, then
/// residue inference for an SNV at a residue whose reference amino acid the panel
/// knows (every codon of that amino acid that fits the REF base must give the same
/// new amino acid), else the exon model's class of change, else `unknown`.
public struct ProteinEffectResolver: Sendable {
  let view: PanelView
  let index: SomaticKnowledgeIndex

  public init(view: PanelView, index: SomaticKnowledgeIndex) {
    self.view = view
    self.index = index
  }

  public func resolve(_ consequence: AlleleConsequence, variant: Variant) -> AlleleConsequence {
    var resolved = consequence
    if consequence.protein != nil {
      resolved.proteinBasis = consequence.source == ConsequencePredictor.sourceName ? .computed : .upstream
      resolved.proteinNote = consequence.source
      return resolved
    }
    if let allele = index.knownAllele(for: variant, gene: consequence.gene),
      let change = ProteinChange.parse("p.\(allele.protein)")
    {
      return consequence.adding(protein: change, basis: .knownAllele, note: "\(allele.protein) from \(allele.source)")
    }
    guard consequence.source == PanelConsequence.sourceName else {
      // Upstream or computed without a protein change: nothing is coding, or the annotation left it out.
      resolved.proteinBasis = consequence.isCoding ? .unknown : (consequence.source == ConsequencePredictor.sourceName ? .computed : .upstream)
      resolved.proteinNote = consequence.isCoding ? "\(consequence.source) gives no protein change" : consequence.source
      return resolved
    }
    if consequence.has("coding_sequence_variant") {
      switch inferResidue(variant: variant, gene: consequence.gene) {
      case .inferred(let change, let note):
        return consequence.adding(protein: change, basis: .residueInference, note: note)
      case .undetermined(let why):
        resolved.proteinBasis = .unknown
        resolved.proteinNote = why
        return resolved
      }
    }
    resolved.proteinBasis = .exonModel
    resolved.proteinNote =
      consequence.isProteinAltering
      ? "\(consequence.mostSevere) from the panel's exon coordinates; amino acids not known (give --reference or an annotated VCF)"
      : "\(consequence.mostSevere) from the panel's exon coordinates"
    return resolved
  }

  /// A coding change whose amino acids are unknown, completed with ClinVar's molecular consequence of the same
  /// allele where that fixes the kind of change (nonsense, synonymous); a missense stays unknown (which residue?).
  public static func completing(_ consequence: AlleleConsequence, with clinvar: KnownVariant?) -> AlleleConsequence {
    guard consequence.proteinBasis == .unknown, let clinvar else { return consequence }
    let term: String
    switch clinvar.consequence {
    case "nonsense", "stop_gained": term = "stop_gained"
    case "synonymous_variant": term = "synonymous_variant"
    default:
      // ClinVar's consequence may be another transcript's (a UTR change there): noted only when it is a coding one.
      guard ["missense", "frameshift", "inframe", "splice"].contains(where: clinvar.consequence.contains) else { return consequence }
      var noted = consequence
      noted.proteinNote = "\(consequence.proteinNote ?? "amino acids unknown"); ClinVar VCV\(clinvar.clinvarID) molecular consequence: \(clinvar.consequence)"
      return noted
    }
    var completed = AlleleConsequence(
      gene: consequence.gene, transcript: consequence.transcript,
      terms: consequence.terms.map { $0 == "coding_sequence_variant" ? term : $0 },
      impact: term == "stop_gained" ? "HIGH" : "LOW",
      hgvsc: consequence.hgvsc, hgvsp: consequence.hgvsp, protein: nil, exon: consequence.exon,
      intron: consequence.intron, exonCount: consequence.exonCount, source: consequence.source,
      panelTranscript: consequence.panelTranscript, codon: consequence.codon)
    completed.upstreamDisagreement = consequence.upstreamDisagreement
    completed.proteinBasis = .clinvarConsequence
    completed.proteinNote = "\(term) per ClinVar VCV\(clinvar.clinvarID) (\(clinvar.significance), \(clinvar.stars) stars, \(clinvar.release)); residue not named"
    return completed
  }

  enum Inference {
    case inferred(ProteinChange, String)
    case undetermined(String)
  }

  /// The amino-acid change of a coding SNV from the reference residue at its codon.
  func inferResidue(variant: Variant, gene symbol: String) -> Inference {
    let unknown = "coding change without annotation or --reference: amino acids unknown"
    guard variant.kind == .snv, let gene = view.gene(symbol),
      let c = view.codingPosition(gene: symbol, position: variant.position)
    else { return .undetermined(unknown) }
    let codon = (c + 2) / 3
    let offset = (c - 1) % 3
    guard let reference = index.referenceResidue(gene: symbol, codon: codon) else {
      return .undetermined("\(unknown); the panel does not know the reference amino acid of codon \(codon)")
    }
    let strandBase = { (base: String) -> UInt8? in
      guard let byte = base.utf8.first else { return nil }
      return gene.strand == .plus ? byte : DNA.complement(byte)
    }
    guard let refBase = strandBase(variant.reference), let altBase = strandBase(variant.alternate) else {
      return .undetermined(unknown)
    }
    let bases: [UInt8] = Array("TCAG".utf8)
    var outcomes: Set<UInt8> = []
    var fitting = 0
    for first in bases {
      for second in bases {
        for third in bases {
          var codonBases = [first, second, third]
          guard GeneticCode.translate(codonBases[...]).first == reference.utf8.first, codonBases[offset] == refBase else { continue }
          fitting += 1
          codonBases[offset] = altBase
          if let residue = GeneticCode.translate(codonBases[...]).first { outcomes.insert(residue) }
        }
      }
    }
    let place = "\(reference)\(codon) codon position \(offset + 1)"
    let change = "\(String(UnicodeScalar(refBase)))>\(String(UnicodeScalar(altBase)))"
    guard fitting > 0 else {
      return .undetermined("\(unknown); REF base \(String(UnicodeScalar(refBase))) fits no codon of \(reference)\(codon) (panel residue and VCF disagree)")
    }
    guard outcomes.count == 1, let residue = outcomes.first else {
      let names = outcomes.sorted().map { String(UnicodeScalar($0)) }.joined(separator: " or ")
      return .undetermined("\(unknown); at \(place), \(change) gives \(names) depending on the codon")
    }
    let alternate = String(UnicodeScalar(residue))
    let short = "\(reference)\(codon)\(alternate == reference ? "=" : alternate)"
    guard let protein = ProteinChange.parse("p.\(short)") else { return .undetermined(unknown) }
    return .inferred(
      protein, "\(short) inferred: every codon of \(reference)\(codon) with \(String(UnicodeScalar(refBase))) at position \(offset + 1) gives \(alternate) after \(change) (reference residue from the panel's hotspots and known alleles)")
  }

}
