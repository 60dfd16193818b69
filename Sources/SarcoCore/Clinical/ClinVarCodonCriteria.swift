/// PS1, PM5 and PM5_Supporting from ClinVar's classifications of *other* variants
/// (2 stars or more): the same amino-acid change from another nucleotide change,
/// another pathogenic change at the codon, a pathogenic truncation further 3'.
/// The variant's own ClinVar entry is never used here.
struct ClinVarCodonCriteria: Sendable {
  let view: PanelView
  let known: KnownVariantIndex
  /// Names the known variants' amino acids (needs the reference), so PS1 and PM5 can be told apart.
  let predictor: ConsequencePredictor?

  func evaluate(
    consequence: AlleleConsequence, variant: Variant, pvs1: ACMGStrength?, pvs1Evaluated: Bool, sheet: inout CriteriaSheet
  ) {
    if pvs1Evaluated, variant.kind == .snv, consequence.hasAny(["splice_donor_variant", "splice_acceptor_variant"]) {
      sameSpliceSite(consequence: consequence, variant: variant, pvs1: pvs1, sheet: &sheet)
    }
    if consequence.protein?.effect == .missense || consequence.has("missense_variant"), let codon = consequence.residue {
      missense(consequence: consequence, variant: variant, codon: codon, sheet: &sheet)
    }
    if pvs1 == .veryStrong, consequence.hasAny(["stop_gained", "frameshift_variant"]),
      let c = view.codingPosition(gene: consequence.gene, position: variant.position),
      let last = known.lastPathogenicTruncation(gene: consequence.gene), last.position > c + 2
    {
      sheet.add(
        .PM5, .supporting,
        evidence: "truncating change 5' of ClinVar pathogenic truncating variant VCV\(last.variant.clinvarID) (\(last.variant.significance), \(last.variant.stars) stars) at c.\(last.position)",
        source: "ClinGen VCEP practice for protein-truncating variants (e.g. CDH1, PALB2, ATM, RUNX1 specifications); ClinVar \(last.variant.release)")
    }
  }

  /// PS1 for splicing (Walker et al. 2023, Table 3): another ClinVar *Pathogenic* change of the same canonical
  /// dinucleotide abolishes the same site. Supporting beside full PVS1; full PS1 when this variant's PVS1 was downgraded.
  func sameSpliceSite(consequence: AlleleConsequence, variant: Variant, pvs1: ACMGStrength?, sheet: inout CriteriaSheet) {
    guard let pvs1 else { return }
    let position = variant.position
    guard let exon = view.exons(of: consequence.gene).first(where: { exon in
      (exon.interval.end + 1...exon.interval.end + 2).contains(position) || (exon.interval.start - 2...exon.interval.start - 1).contains(position)
    }) else { return }
    let dinucleotide = position > exon.interval.end ? [exon.interval.end + 1, exon.interval.end + 2] : [exon.interval.start - 2, exon.interval.start - 1]
    let others = dinucleotide.flatMap { known.pathogenicSNVs(at: $0, besides: variant) }
    guard let example = others.first else { return }
    let strength: ACMGStrength = pvs1 == .veryStrong ? .supporting : .strong
    sheet.add(
      .PS1, strength,
      evidence: "another change of the same canonical splice dinucleotide is ClinVar Pathogenic (VCV\(example.clinvarID) \(example.reference)>\(example.alternate) at \(example.interval.start), \(example.stars) stars)\(strength == .strong ? "; this variant's PVS1 was downgraded, so PS1 is applied in full" : "")",
      source: "Walker et al. 2023 PMID:37352859 Table 3 (PS1 for splicing; comparison variant Pathogenic); ClinVar \(example.release)")
  }

  func missense(consequence: AlleleConsequence, variant: Variant, codon: Int, sheet: inout CriteriaSheet) {
    let others = known.pathogenicMissense(gene: consequence.gene, codon: codon, other: variant)
    // With the reference, each known change gets its amino acid: the same one is PS1, another PM5.
    let named =
      predictor.map { predictor in
        others.map { ($0, predictor.proteinChange(gene: $0.gene, position: $0.interval.start, reference: $0.reference, alternate: $0.alternate)) }
      } ?? []
    if let ours = consequence.protein?.alternateResidue, named.contains(where: { $0.1 != nil }) {
      let same = named.filter { $0.1?.alternateResidue == ours }.map(\.0)
      let different = named.filter { $0.1 != nil && $0.1?.alternateResidue != ours }
      if let example = same.first {
        sheet.add(
          .PS1,
          evidence: "same amino-acid change (\(consequence.protein?.short ?? "")) as \(same.count) ClinVar pathogenic variant(s) with another nucleotide change (e.g. VCV\(example.clinvarID) \(example.significance), \(example.stars) stars; amino acid computed from the reference)",
          source: "ClinVar \(example.release)")
      } else if let (example, change) = different.first {
        sheet.add(
          .PM5,
          evidence: "codon \(codon) of \(consequence.gene): other ClinVar pathogenic missense change(s) \(different.compactMap { $0.1?.short }.joined(separator: ", ")) (e.g. VCV\(example.clinvarID) \(change?.short ?? "") \(example.significance), \(example.stars) stars; amino acids computed from the reference)",
          source: "ClinVar \(example.release)")
      }
    } else if let example = others.first {
      // Without the known variants' amino acids, PS1 and PM5 cannot be told apart; the weaker PM5 is applied.
      sheet.add(
        .PM5,
        evidence: "codon \(codon) of \(consequence.gene) carries \(others.count) other ClinVar pathogenic missense change(s) (e.g. VCV\(example.clinvarID) \(example.significance), \(example.stars) stars); PS1 is not told apart from PM5 without --reference (the known variants' amino acids)",
        source: "ClinVar \(example.release)")
    }
  }
}
