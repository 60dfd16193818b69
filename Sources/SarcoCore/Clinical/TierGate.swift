/// Decides whether evidence may tier a small variant at all (Li et al. 2017 read
/// with the ClinGen/CGC/VICC oncogenicity SOP): benign and likely benign variants
/// are Tier IV; a variant whose protein change is unknown, or whose oncogenicity
/// is uncertain and that is not itself a known actionable variant, is Tier III;
/// common and ClinVar-benign variants never reach Tier I/II. When the gate holds a
/// finding back, its evidence is kept for display but marked not applied.
struct TierGate: Sendable {
  let tiering: SomaticTiering
  let thresholds: SomaticThresholds?

  struct Decision {
    let tier: TierAssignment
    let evidence: [MatchedEvidence]
  }

  func decide(
    consequence: AlleleConsequence, oncogenicity: OncogenicityAssessment, evidence: [MatchedEvidence],
    metrics: AlleleMetrics, clinvar: KnownVariant?, atHotspot: Bool
  ) -> Decision {
    let described = "\(oncogenicity.classification?.rawValue ?? "oncogenicity not evaluated") (\(oncogenicity.points) points: \(oncogenicity.criteria.map(\.code).joined(separator: ", ").ifEmpty("no criteria met")))"
    if let classification = oncogenicity.classification, classification.isBenign {
      return held(.iv, "\(described): benign variants are never tiered by evidence", evidence)
    }
    if consequence.proteinBasis == .unknown {
      return held(
        .iii, "protein change unknown (\(consequence.proteinNote ?? "no annotation")): give --reference or an annotated VCF",
        evidence)
    }
    if let thresholds {
      let limit = thresholds[.tierGatePopulationFrequency]
      if let frequency = metrics.highestFrequency, frequency >= limit {
        return held(
          .iii, "population frequency \(frequency) >= \(thresholds.cited(.tierGatePopulationFrequency)): not Tier I/II; \(described)",
          evidence)
      }
      if let clinvar, clinvar.stars >= Int(thresholds[.tierGateClinVarBenignStars]), KnownVariantIndex.isBenign(clinvar.significance) {
        return held(
          .iii, "ClinVar \(clinvar.significance) (\(clinvar.stars) stars, VCV\(clinvar.clinvarID)): not Tier I/II; \(described)",
          evidence)
      }
    }
    // A known actionable change of this tumour type needs no more; evidence from another tumour type applies only
    // once the variant is established as oncogenic (Horak et al. 2022 before Li et al. 2017 level C).
    let exactActionable = evidence.contains {
      $0.applied && $0.supports && $0.specificity == .exact && SomaticTiering.tieringTypes.contains($0.evidenceType)
        && SomaticTiering.fits($0)
    }
    let oncogenic = oncogenicity.classification?.isOncogenic ?? false
    guard oncogenic || exactActionable else {
      return held(
        .iii, "\(described): oncogenicity not established and not a known actionable variant of this tumour type, so no evidence is applied (evidence of another tumour type needs an oncogenic variant)",
        evidence)
    }
    let basis = oncogenic ? described : "known actionable variant of this tumour type (exact match); \(described)"
    let place = atHotspot ? "at a known hotspot" : consequence.mostSevere
    let fallback = tiering.untiered(.iii, reason: "\(basis); \(place) in \(consequence.gene), no level A-D evidence applies")
    let tier = tiering.tier(for: evidence, fallback: fallback)
    let reason = tier.tier == .iii ? tier.reason : "\(tier.reason); \(basis)"
    return Decision(tier: TierAssignment(tier: tier.tier, reason: reason, rule: tier.rule, source: tier.source), evidence: evidence)
  }

  /// Tier III/IV with every evidence item marked not applied, and why.
  func held(_ tier: Tier, _ reason: String, _ evidence: [MatchedEvidence]) -> Decision {
    let marked = evidence.map { item -> MatchedEvidence in
      guard item.applied else { return item }
      var copy = item
      copy.applied = false
      copy.note = "not applied: the alteration is Tier \(tier.rawValue) (\(reason))"
      return copy
    }
    return Decision(tier: tiering.untiered(tier, reason: reason), evidence: marked)
  }
}

extension String {
  func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
