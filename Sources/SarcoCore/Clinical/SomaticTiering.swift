/// Matches evidence items to alterations, resolves them (exclusions, contrary
/// evidence, the most specific item per drug, cross-histology only for therapy
/// and only when matched to the alteration) and assigns AMP/ASCO/CAP 2017 tiers
/// (Li et al. 2017) from the panel's tier table and the sample's tumour type.
public struct SomaticTiering: Sendable {
  let evidenceByGene: [String: [EvidenceItem]]
  let tierRules: [RuleTables.AMPTierRule]
  let tumourType: String?
  let tumourTypes: TumourTypeTable
  /// The loosest match (`MatchCloseness`) predictive evidence of another tumour type may have and still count,
  /// with its citation; nil without `somatic_rules.tsv` (then any match counts).
  let crossHistologyRule: (limit: Int, cited: String)?
  /// Therapies not directed at a molecular target -> why (`non_targeted_therapies.tsv`).
  let nonTargetedTherapies: [String: String]

  /// Evidence types that tier; `oncogenic` and `predisposing` items are listed but do not.
  static let tieringTypes: Set<String> = ["predictive", "diagnostic", "prognostic"]

  public init(knowledge: PanelKnowledge, tumourType: String?) {
    self.init(knowledge: knowledge, evidenceByGene: Dictionary(grouping: knowledge.evidence, by: \.gene), tumourType: tumourType)
  }

  /// The view's panel knowledge, its evidence grouped once per view.
  public init(view: PanelView, tumourType: String?) {
    self.init(knowledge: view.panel.knowledge, evidenceByGene: view.evidenceByGene, tumourType: tumourType)
  }

  private init(knowledge: PanelKnowledge, evidenceByGene: [String: [EvidenceItem]], tumourType: String?) {
    self.evidenceByGene = evidenceByGene
    tierRules = knowledge.rules.ampTiers
    self.tumourType = tumourType
    tumourTypes = knowledge.tumourTypes
    nonTargetedTherapies = knowledge.rules.somatic.nonTargetedTherapies
    crossHistologyRule = knowledge.rules.somatic.thresholds.map {
      (Int($0[.crossHistologyPredictiveLoosestMatch]), $0.cited(.crossHistologyPredictiveLoosestMatch))
    }
  }

  // MARK: matching

  /// Evidence for a small variant in `gene`, resolved. Every small-variant matcher needs a protein-altering change.
  public func matches(consequence: AlleleConsequence, variant: Variant, atHotspot: Bool) -> [MatchedEvidence] {
    guard consequence.isProteinAltering, let items = evidenceByGene[consequence.gene] else { return [] }
    let found = items.compactMap { item -> MatchedEvidence? in
      guard let specificity = specificity(of: item.matcher, for: consequence, variant: variant, atHotspot: atHotspot) else {
        return nil
      }
      var evidence = self.matched(item, specificity: specificity)
      if !item.exclusions.isEmpty {
        if let protein = consequence.protein, item.exclusions.contains(protein.short) {
          evidence.applied = false
          evidence.note = "excluded: the row does not apply to \(protein.short)"
        } else if consequence.protein == nil {
          evidence.applied = false
          evidence.note = "not applied: the row excludes \(item.exclusions.joined(separator: ", ")) and the protein change is unknown"
        }
      }
      return evidence
    }
    return resolve(found)
  }

  /// How specifically `matcher` fits the change, or nil when it does not.
  func specificity(of matcher: EvidenceMatcher, for consequence: AlleleConsequence, variant: Variant, atHotspot: Bool)
    -> EvidenceSpecificity?
  {
    switch matcher {
    case .exact(let change):
      return consequence.protein?.short == change ? .exact : nil
    case .codon(let residue):
      // A residue-level row speaks of substitutions at that residue: a frameshift or stop starting there is not one.
      guard let wanted = Int(residue.dropFirst()), consequence.residue == wanted,
        consequence.protein.map({ $0.referenceResidue == String(residue.prefix(1)) && $0.effect == .missense })
          ?? !consequence.isTruncating
      else { return nil }
      return .codon
    case .exon(let first, let last, let kind):
      guard let exon = consequence.exon, (first...last).contains(exon) else { return nil }
      switch kind {
      case nil, "mutation": return .exon
      case "deletion": return consequence.has("inframe_deletion") || variant.kind == .deletion ? .exon : nil
      case "insertion":
        return consequence.has("inframe_insertion") || variant.kind == .insertion
          || consequence.protein?.effect == .duplication ? .exon : nil
      case "missense": return consequence.has("missense_variant") ? .exon : nil
      case "frameshift": return consequence.has("frameshift_variant") ? .exon : nil
      default: return nil
      }
    case .variantClass(let name):
      switch name {
      case "any": return .gene
      case "loss_of_function", "truncating": return consequence.isTruncating ? .gene : nil
      case "missense": return consequence.has("missense_variant") ? .gene : nil
      case "activating": return atHotspot ? .gene : nil
      default: return nil
      }
    default:
      return nil
    }
  }

  /// Evidence for a fusion named `GENE1::GENE2` or a partner-less rearrangement of `genes`.
  public func matches(fusion name: String, genes: [String]) -> [MatchedEvidence] {
    let parts = name.split(separator: "::").map(String.init)
    let items = Set(genes).sorted().flatMap { evidenceByGene[$0] ?? [] }.compactMap { item -> MatchedEvidence? in
      guard case .fusion(let wanted) = item.matcher else { return nil }
      if wanted == name { return matched(item, specificity: .exact) }
      let wantedParts = wanted.split(separator: "::").map(String.init)
      let anyPartner = wantedParts.count == 2 && wantedParts[1] == "*" && parts.contains(wantedParts[0])
      return anyPartner ? matched(item, specificity: .gene) : nil
    }
    return resolve(items, structural: true)
  }

  /// Evidence for a copy-number event of `gene`; `biallelic` when both copies are lost.
  public func matches(copyNumber event: CopyNumberEvent.Event, gene: String, biallelic: Bool) -> [MatchedEvidence] {
    let items = (evidenceByGene[gene] ?? []).compactMap { item -> MatchedEvidence? in
      switch (item.matcher, event) {
      case (.amplification, .amplification), (.deletion, .deletion), (.deletion, .homozygousDeletion):
        return matched(item, specificity: .gene)
      case (.biallelicLoss, _) where biallelic && event != .amplification:
        return matched(item, specificity: .gene)
      default: return nil
      }
    }
    return resolve(items, structural: true)
  }

  /// Whether evidence for `types` applies to the sample: hierarchical (evidence for LIPO covers a DDLS sample).
  func tumourTypeMatch(_ types: [String]) -> TumourTypeMatch {
    if types.contains("*") { return .agnostic }
    guard let tumourType else { return .unknown }
    return tumourTypes.coversAny(types, sample: tumourType) ? .same : .other
  }

  func matched(_ item: EvidenceItem, specificity: EvidenceSpecificity) -> MatchedEvidence {
    MatchedEvidence(
      id: item.id, matchedBy: item.matcher.description, evidenceType: item.evidenceType,
      significance: item.significance, level: item.level, therapies: item.therapies, disease: item.disease,
      tumourTypes: item.tumourTypes, tumourTypeMatch: tumourTypeMatch(item.tumourTypes),
      supports: item.direction != "does not support", citation: item.citation, source: item.source,
      specificity: specificity)
  }

  /// A panel fusion or copy-number entry as level A diagnostic evidence (WHO classification).
  /// In an unspecified or broader diagnosis (sarcoma NOS) the marker defines the tumour type and counts as its own.
  public func diagnostic(entry: String, meaning: String, tumourTypes: [String], significance: String, citation: String)
    -> MatchedEvidence
  {
    var match = tumourTypeMatch(tumourTypes)
    if match == .other, let tumourType, !self.tumourTypes.isEmpty,
      self.tumourTypes.relation(sample: tumourType, to: tumourTypes) == .refines
    {
      match = .same
    }
    var marker = MatchedEvidence(
      id: "PANEL:\(entry)", matchedBy: entry, evidenceType: significance == "diagnostic" ? "diagnostic" : significance,
      significance: meaning, level: .A, therapies: [], disease: meaning, tumourTypes: tumourTypes,
      tumourTypeMatch: match, supports: true, citation: citation, source: "panel", specificity: .exact)
    if match == .other {
      marker.applied = false
      marker.note =
        "\(marker.evidenceType) marker of \(tumourTypes.joined(separator: "/")), not of \(tumourType ?? ""): listed, not used for the tier (cross-histology counts only for therapy); see the diagnosis check"
    }
    return marker
  }

  // MARK: resolution

  /// How closely an item matches the alteration, on the scale of `somatic_rules.tsv`
  /// `cross_histology_predictive_loosest_match`: 1 the exact change, 2 its codon, 3 its exon or the structural event
  /// itself (a named fusion, any fusion of the gene, a copy-number event) or a loss-of-function class met by a null
  /// variant in level A/B sensitivity evidence (an approved or guideline biomarker: deleterious BRCA2 for PARP
  /// inhibitors), 4 a broader class of change in the gene (any mutation, missense, activating), or a loss-of-function
  /// class at level C/D or for resistance (PTEN loss and cetuximab in colorectal cancer says nothing for a sarcoma).
  static func closeness(_ item: MatchedEvidence, structural: Bool) -> Int {
    switch item.specificity {
    case .exact: return 1
    case .codon: return 2
    case .exon: return 3
    case .gene: return structural || isBiomarkerClass(item) ? 3 : 4
    }
  }

  /// A loss-of-function class met by a null variant, in level A/B sensitivity evidence of a named tumour type: the
  /// approved or guideline biomarker itself (CIViC's unmapped "Cancer" items name no tumour type where it is one).
  static func isBiomarkerClass(_ item: MatchedEvidence) -> Bool {
    nullVariantClasses.contains(item.matchedBy) && item.level < .C && item.isSensitivity && !item.tumourTypes.isEmpty
  }

  /// Gene-level classes a variant meets only by being a null variant (`SomaticTiering.matches`), as matchers name them.
  static let nullVariantClasses: Set<String> = ["loss of function", "truncating"]

  /// Marks what does not count: contrary ("does not support") evidence; diagnostic and prognostic evidence of
  /// another tumour type; predictive evidence of another tumour type matched more loosely than the panel's
  /// cross-histology rule allows; then, for each drug, items a more specific item (exact > codon > exon > gene) of an
  /// equal or stronger effective level speaks against. Sensitivity and resistance of another tumour type count alike
  /// (at level C, Li et al. 2017).
  /// `structural`: the items match a fusion or copy-number event (their gene-level match is the event itself).
  func resolve(_ evidence: [MatchedEvidence], structural: Bool = false) -> [MatchedEvidence] {
    var result = evidence
    for index in result.indices where result[index].applied {
      let item = result[index]
      if !item.supports {
        result[index].applied = false
        result[index].note = "does not support \(item.significance.replacingUnderscores) (contrary evidence): shown, never raises a tier or makes a drug call"
      } else if item.isPredictive && (item.tumourTypeMatch == .other || item.tumourTypeMatch == .unknown),
        let reason = untargeted(item)
      {
        result[index].applied = false
        result[index].note =
          "\(item.therapies.joined(separator: ", ")) (\(reason)) is not directed at this biomarker: its response in \(item.tumourTypes.isEmpty ? "an unmapped disease (\(item.disease))" : item.tumourTypes.joined(separator: "/")) is listed, not carried to \(tumourType ?? "a sample without --tumor-type") (non_targeted_therapies.tsv)"
      } else if item.isPredictive {
        guard let rule = crossHistologyRule, item.tumourTypeMatch == .other || item.tumourTypeMatch == .unknown,
          Self.closeness(item, structural: structural) > rule.limit
        else { continue }
        result[index].applied = false
        result[index].note =
          "matched only by \(item.matchedBy) in the gene, for \(item.tumourTypes.isEmpty ? "an unmapped disease (\(item.disease))" : item.tumourTypes.joined(separator: "/"))"
          + (tumourType.map { ", not \($0)" } ?? " (no --tumor-type)")
          + ": a gene-level association counts only in its own tumour type (cross-histology evidence must match the change, codon, exon or event: cross_histology_predictive_loosest_match \(rule.cited))"
      } else if Self.tieringTypes.contains(item.evidenceType) && !isDefiningMarker(item) {
        switch item.tumourTypeMatch {
        case .other:
          result[index].applied = false
          result[index].note = "\(item.evidenceType) evidence for another tumour type: listed, not used (cross-histology counts only for therapy)"
        case .unknown:
          result[index].applied = false
          result[index].note = "\(item.evidenceType) evidence needs the tumour type (--tumor-type): listed, not used"
        case .same, .agnostic:
          break
        }
      }
    }
    // Per drug, a more specific item decides only against items it matches or beats in level: a cell-line or
    // melanoma item for KIT V559D must not erase the GIST label for KIT exon 11 (Li et al. 2017: the highest level
    // for this tumour type); a stronger general item and a weaker specific one both stay and the drug call weighs them.
    let counted = result.filter { $0.applied && $0.isPredictive }
    for index in result.indices where result[index].applied && result[index].isPredictive {
      let item = result[index]
      let strength = Self.rank(item)
      var winners: [String] = []
      let superseded = item.therapies.filter { therapy in
        let stronger = counted.filter { other in
          other.specificity < item.specificity && other.therapies.contains(therapy) && Self.rank(other) <= strength
        }
        winners += stronger.map(\.id).filter { !winners.contains($0) }
        return !stronger.isEmpty
      }
      guard !superseded.isEmpty && superseded.count == item.therapies.count else { continue }
      result[index].applied = false
      result[index].note =
        "superseded for \(superseded.joined(separator: ", ")) by more specific evidence at an equal or stronger level \(winners.joined(separator: ", "))"
    }
    return result
  }

  /// Why every therapy of the item is untargeted (each part of a combination is), or nil when one is targeted.
  func untargeted(_ item: MatchedEvidence) -> String? {
    guard !item.therapies.isEmpty else { return nil }
    var kinds: [String] = []
    for therapy in item.therapies {
      for part in therapy.split(separator: "+").map({ $0.trimmingCharacters(in: .whitespaces) }) {
        guard let kind = nonTargetedTherapies[part] else { return nil }
        let short = String(kind.prefix { $0 != ";" })
        if !kinds.contains(short) { kinds.append(short) }
      }
    }
    return kinds.joined(separator: "; ")
  }

  func isDefiningMarker(_ item: MatchedEvidence) -> Bool { item.source == "panel" && item.evidenceType == "diagnostic" }

  /// Whether the item speaks for this tumour type (level A tumour-agnostic items do).
  static func fits(_ item: MatchedEvidence) -> Bool {
    item.tumourTypeMatch == .same || (item.tumourTypeMatch == .agnostic && item.level == .A)
  }

  /// The AMP/ASCO/CAP level for this patient (Li et al. 2017): level A/B evidence from another tumour type is level C.
  static func effectiveLevel(_ item: MatchedEvidence) -> EvidenceLevel {
    fits(item) || item.tumourTypeMatch == .unknown ? item.level : (item.level < .C ? .C : item.level)
  }

  /// Effective level then tumour-type fit: lower is stronger.
  static func rank(_ item: MatchedEvidence) -> (Int, Int) { (effectiveLevel(item).rank, fits(item) ? 0 : 1) }

  /// Each drug's net call among the applied predictive items.
  public func drugCalls(_ evidence: [MatchedEvidence]) -> [DrugCall] {
    var byTherapy: [String: [MatchedEvidence]] = [:]
    for item in evidence
    where item.applied && item.supports && item.isPredictive && (item.isSensitivity || item.isResistance || item.isReducedSensitivity) {
      for therapy in item.therapies { byTherapy[therapy, default: []].append(item) }
    }
    return byTherapy.keys.sorted().map { therapy in
      DrugCall.resolve(therapy: therapy, items: byTherapy[therapy]!)
    }
  }

  public func therapies(_ evidence: [MatchedEvidence]) -> TherapySummary {
    let calls = drugCalls(evidence).sorted {
      let left = Self.rank($0.deciding)
      let right = Self.rank($1.deciding)
      return (left.0, left.1, $0.therapy) < (right.0, right.1, $1.therapy)
    }
    func label(_ call: DrugCall) -> String {
      let context: String
      switch call.deciding.tumourTypeMatch {
      case .same: context = "this tumour type"
      case .agnostic: context = "tumour-agnostic"
      case .unknown: context = "tumour type not given"
      case .other: context = "other tumour type"
      }
      let level = Self.effectiveLevel(call.deciding)
      let levelText = level == call.deciding.level ? "level \(level.rawValue)" : "level \(level.rawValue) (level \(call.deciding.level.rawValue) in another tumour type)"
      return "\(call.therapy) (\(levelText), \(context))\(call.caveats.isEmpty ? "" : "; caveat: \(call.caveats.joined(separator: "; "))")"
    }
    return TherapySummary(
      sensitivity: calls.filter { $0.call == .sensitive }.map(label),
      resistance: calls.filter { $0.call == .resistant }.map(label),
      reducedSensitivity: calls.filter { $0.call == .reducedSensitivity }.map(label))
  }

  // MARK: tiers

  /// The best tier the applied tiering evidence earns, else `fallback`.
  public func tier(for evidence: [MatchedEvidence], fallback: TierAssignment) -> TierAssignment {
    var best: TierAssignment?
    for item in evidence where item.applied && item.supports && Self.tieringTypes.contains(item.evidenceType) {
      // The panel's defining markers (WHO fusions, amplifications) point to the tumour type they
      // define when none is given; other evidence without a tumour type counts as another type's.
      var match = item.tumourTypeMatch == .unknown && isDefiningMarker(item) ? TumourTypeMatch.same : item.tumourTypeMatch
      // Only level A tumour-agnostic items (tissue-agnostic approvals) count as this tumour type.
      if match == .agnostic && item.level == .A { match = .same }
      // Diagnostic and prognostic evidence speaks only for its own tumour type.
      if !item.isPredictive && match != .same { continue }
      let effective = match == .same ? "same" : "other"
      guard
        let rule = tierRules.first(where: {
          $0.evidenceLevel == item.level && ($0.tumourTypeMatch == "any" || $0.tumourTypeMatch == effective)
        })
      else { continue }
      let typeText: String
      switch (match, item.tumourTypeMatch) {
      case (.same, .agnostic): typeText = "tumour-agnostic (level A)"
      case (.same, _): typeText = "for \(tumourType ?? item.tumourTypes.joined(separator: "/"))"
      case (.agnostic, _): typeText = "tumour-agnostic below level A, counted as another tumour type"
      case (.unknown, _): typeText = "tumour type not given (--tumor-type)"
      default: typeText = "for \(item.tumourTypes.isEmpty ? "an unmapped disease (\(item.disease))" : item.tumourTypes.joined(separator: "/")), not \(tumourType ?? "")"
      }
      let therapies = item.therapies.isEmpty ? "" : " \(item.therapies.joined(separator: "+"))"
      let candidate = TierAssignment(
        tier: rule.tier,
        reason: "level \(item.level.rawValue) \(item.evidenceType) evidence \(item.id)\(therapies) (\(item.significance)), \(typeText)",
        rule: rule.description, source: rule.source)
      if best == nil || candidate < best! { best = candidate }
    }
    return best ?? fallback
  }

  /// Tier III or IV from the panel's table, with the reason.
  public func untiered(_ tier: Tier, reason: String) -> TierAssignment {
    let rule = tierRules.first { $0.tier == tier }
    return TierAssignment(
      tier: tier, reason: reason, rule: rule?.description ?? "", source: rule?.source ?? "Li et al. 2017 PMID:27993330")
  }
}

/// One drug's call from the items of one finding: resistance at an equal or higher (effective) level wins;
/// otherwise sensitivity, with weaker resistance and any reduced-sensitivity evidence kept as caveats.
public struct DrugCall: Sendable, Equatable {
  public let therapy: String
  public let call: TherapyCall
  /// The item that decided the call.
  public let deciding: MatchedEvidence
  public let items: [MatchedEvidence]
  public let reason: String
  public var caveats: [String] = []

  static func describe(_ item: MatchedEvidence) -> String {
    let level = SomaticTiering.effectiveLevel(item)
    let levelText = level == item.level ? "level \(level.rawValue)" : "level \(level.rawValue) (\(item.level.rawValue) in another tumour type)"
    return "\(item.id) \(levelText) (\(item.matchedBy))"
  }

  static func resolve(therapy: String, items: [MatchedEvidence]) -> DrugCall {
    func sorted(_ chosen: [MatchedEvidence]) -> [MatchedEvidence] { chosen.sorted { SomaticTiering.rank($0) < SomaticTiering.rank($1) } }
    let sensitivity = sorted(items.filter(\.isSensitivity))
    let resistance = sorted(items.filter(\.isResistance))
    let reduced = sorted(items.filter(\.isReducedSensitivity))
    let reducedCaveat = reduced.first.map { "reduced sensitivity \(describe($0))" }
    if let bestResistance = resistance.first,
      sensitivity.first.map({ SomaticTiering.rank(bestResistance) <= SomaticTiering.rank($0) }) ?? true
    {
      let outweighed = sensitivity.first.map { "; outweighs sensitivity \(describe($0))" } ?? ""
      return DrugCall(
        therapy: therapy, call: .resistant, deciding: bestResistance, items: items,
        reason: "resistance \(describe(bestResistance))\(outweighed)")
    }
    // Sensitivity decides unless reduced-sensitivity evidence is stronger (KIT exon 9: imatinib sensitive at
    // level A, reduced at B, stays sensitive with a caveat).
    if let bestSensitivity = sensitivity.first,
      reduced.first.map({ SomaticTiering.rank(bestSensitivity) <= SomaticTiering.rank($0) }) ?? true
    {
      var caveats: [String] = []
      if let weaker = resistance.first { caveats.append("weaker resistance evidence \(describe(weaker))") }
      if let reducedCaveat { caveats.append(reducedCaveat) }
      return DrugCall(
        therapy: therapy, call: .sensitive, deciding: bestSensitivity, items: items,
        reason: "sensitivity \(describe(bestSensitivity))", caveats: caveats)
    }
    let best = reduced[0]
    var caveats: [String] = []
    if let weaker = sensitivity.first { caveats.append("weaker sensitivity evidence \(describe(weaker))") }
    if let weaker = resistance.first { caveats.append("weaker resistance evidence \(describe(weaker))") }
    return DrugCall(
      therapy: therapy, call: .reducedSensitivity, deciding: best, items: items,
      reason: "reduced sensitivity \(describe(best)) (the drug works less well\(sensitivity.isEmpty ? "; no sensitivity evidence" : " than with sensitising alterations; stronger than this alteration's sensitivity evidence"))",
      caveats: caveats)
  }
}

extension String {
  var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
