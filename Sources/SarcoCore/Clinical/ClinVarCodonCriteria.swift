/// PS1 and PM5 from ClinVar's classifications of *other* variants (2 stars or more): the
/// same amino-acid change from another nucleotide change, another pathogenic change at the
/// codon; and PM5_Supporting for truncations before the last pathogenic truncation a VCEP
/// names (`rules/pm5_truncation.tsv`, only genes whose specification has it). The
/// variant's own ClinVar entry is never used here.
struct ClinVarCodonCriteria: Sendable {
  let view: PanelView
  let known: KnownVariantIndex
  /// Names the known variants' amino acids (needs the reference), so PS1 and PM5 can be told apart.
  let predictor: ConsequencePredictor?
  let truncationRules: [String: PM5TruncationRule]

  init(view: PanelView, known: KnownVariantIndex, predictor: ConsequencePredictor?) {
    self.view = view
    self.known = known
    self.predictor = predictor
    truncationRules = Dictionary(
      view.panel.knowledge.rules.germline.pm5Truncation.map { ($0.gene, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func evaluate(
    consequence: AlleleConsequence, variant: Variant, pvs1: ACMGStrength?, pvs1Evaluated: Bool, sheet: inout CriteriaSheet
  ) {
    if pvs1Evaluated, variant.kind == .snv, consequence.hasAny(["splice_donor_variant", "splice_acceptor_variant"]) {
      sameSpliceSite(consequence: consequence, variant: variant, pvs1: pvs1, sheet: &sheet)
    }
    if consequence.protein?.effect == .missense || consequence.has("missense_variant"), let codon = consequence.residue {
      missense(consequence: consequence, variant: variant, codon: codon, sheet: &sheet)
    }
    if consequence.hasAny(["stop_gained", "frameshift_variant"]), let rule = truncationRules[consequence.gene] {
      truncation(consequence: consequence, variant: variant, pvs1: pvs1, rule: rule, sheet: &sheet)
    }
  }

  /// The VCEP's PM5 for truncations: a premature stop before `rule.lastResidue`. A frameshift's new stop lies past
  /// its first changed codon, so it counts only where PVS1 was met in full (the stop is in the decay region).
  func truncation(
    consequence: AlleleConsequence, variant: Variant, pvs1: ACMGStrength?, rule: PM5TruncationRule, sheet: inout CriteriaSheet
  ) {
    let frameshift = consequence.has("frameshift_variant") || consequence.protein?.effect == .frameshift
    let codon = consequence.residue ?? view.codingPosition(gene: consequence.gene, position: variant.position).map { ($0 + 2) / 3 }
    guard let codon else {
      sheet.note("PM5 (truncating): not evaluated: the codon of the premature stop is unknown (\(rule.source))")
      return
    }
    guard codon < rule.lastResidue else { return }
    if frameshift && pvs1 != .veryStrong {
      sheet.note("PM5 (truncating): not evaluated: the frameshift starts at codon \(codon), but where its new stop falls is not known beside PVS1 at less than full strength (\(rule.source))")
      return
    }
    sheet.add(
      .PM5, rule.strength,
      evidence: "\(frameshift ? "frameshift from" : "premature stop at") codon \(codon) of \(consequence.gene): \(rule.description)",
      source: rule.source)
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
