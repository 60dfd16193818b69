/// Matches evidence items to alterations and assigns AMP/ASCO/CAP 2017 tiers
/// (Li et al. 2017) from the panel's tier table and the sample's tumour type.
public struct SomaticTiering: Sendable {
  let evidenceByGene: [String: [EvidenceItem]]
  let tierRules: [RuleTables.AMPTierRule]
  let tumourType: String?

  /// Evidence types that tier; `oncogenic` and `predisposing` items are listed but do not.
  static let tieringTypes: Set<String> = ["predictive", "diagnostic", "prognostic"]

  public init(knowledge: PanelKnowledge, tumourType: String?) {
    evidenceByGene = Dictionary(grouping: knowledge.evidence, by: \.gene)
    tierRules = knowledge.rules.ampTiers
    self.tumourType = tumourType
  }

  // MARK: matching

  /// Evidence for a small variant in `gene`.
  public func matches(consequence: AlleleConsequence, variant: Variant, atHotspot: Bool) -> [MatchedEvidence] {
    // Every small-variant matcher needs a protein-altering change.
    guard consequence.isProteinAltering, let items = evidenceByGene[consequence.gene] else { return [] }
    return items.compactMap { item in
      guard applies(item.matcher, to: consequence, variant: variant, atHotspot: atHotspot) else { return nil }
      return matched(item)
    }
  }

  func applies(_ matcher: EvidenceMatcher, to consequence: AlleleConsequence, variant: Variant, atHotspot: Bool) -> Bool {
    switch matcher {
    case .exact(let change):
      return consequence.protein?.short == change
    case .codon(let residue):
      guard let wanted = Int(residue.dropFirst()), consequence.isProteinAltering, consequence.residue == wanted else {
        return false
      }
      return consequence.protein.map { $0.referenceResidue == String(residue.prefix(1)) } ?? true
    case .exon(let first, let last, let kind):
      guard let exon = consequence.exon, (first...last).contains(exon), consequence.isProteinAltering else { return false }
      switch kind {
      case nil, "mutation": return true
      case "deletion": return consequence.has("inframe_deletion") || variant.kind == .deletion
      case "insertion": return consequence.has("inframe_insertion") || variant.kind == .insertion
      case "missense": return consequence.has("missense_variant")
      default: return false
      }
    case .variantClass(let name):
      switch name {
      case "any": return consequence.isProteinAltering
      case "loss_of_function", "truncating": return consequence.isTruncating
      case "missense": return consequence.has("missense_variant")
      case "activating": return atHotspot && consequence.isProteinAltering
      default: return false
      }
    default:
      return false
    }
  }

  /// Evidence for a fusion named `GENE1::GENE2` or a copy-number event of `genes`.
  public func matches(fusion name: String, genes: [String]) -> [MatchedEvidence] {
    let parts = name.split(separator: "::").map(String.init)
    return Set(genes).sorted().flatMap { evidenceByGene[$0] ?? [] }.compactMap { item -> MatchedEvidence? in
      guard case .fusion(let wanted) = item.matcher else { return nil }
      let wantedParts = wanted.split(separator: "::").map(String.init)
      let hit =
        wanted == name || (wantedParts.count == 2 && wantedParts[1] == "*" && parts.contains(wantedParts[0]))
      return hit ? matched(item) : nil
    }
  }

  public func matches(copyNumber event: CopyNumberEvent.Event, gene: String) -> [MatchedEvidence] {
    (evidenceByGene[gene] ?? []).compactMap { item in
      switch (item.matcher, event) {
      case (.amplification, .amplification), (.deletion, .deletion), (.deletion, .homozygousDeletion): return matched(item)
      default: return nil
      }
    }
  }

  func tumourTypeMatch(_ types: [String]) -> String {
    if types.contains("*") { return "agnostic" }
    guard let tumourType else { return "unknown" }
    return types.contains(tumourType) ? "same" : "other"
  }

  func matched(_ item: EvidenceItem) -> MatchedEvidence {
    MatchedEvidence(
      id: item.id, matchedBy: item.matcher.description, evidenceType: item.evidenceType,
      significance: item.significance, level: item.level, therapies: item.therapies, disease: item.disease,
      tumourTypes: item.tumourTypes, tumourTypeMatch: tumourTypeMatch(item.tumourTypes),
      supports: item.direction != "does not support", citation: item.citation, source: item.source)
  }

  /// A panel fusion or copy-number entry as level A diagnostic evidence (WHO classification).
  public func diagnostic(entry: String, meaning: String, tumourTypes: [String], significance: String, citation: String)
    -> MatchedEvidence
  {
    MatchedEvidence(
      id: "PANEL:\(entry)", matchedBy: entry, evidenceType: significance == "diagnostic" ? "diagnostic" : significance,
      significance: meaning, level: "A", therapies: [], disease: meaning, tumourTypes: tumourTypes,
      tumourTypeMatch: tumourTypeMatch(tumourTypes), supports: true, citation: citation, source: "panel")
  }

  // MARK: tiers

  /// The best tier any supporting evidence earns, else `fallback`.
  public func tier(for evidence: [MatchedEvidence], fallback: TierAssignment) -> TierAssignment {
    var best: TierAssignment?
    for item in evidence where item.supports && Self.tieringTypes.contains(item.evidenceType) {
      // The panel's defining markers (WHO fusions, amplifications) point to the tumour type they
      // define when none is given; other evidence without a tumour type counts as another type's.
      let definingMarker = item.source == "panel" && item.evidenceType == "diagnostic"
      var match = item.tumourTypeMatch == "unknown" && definingMarker ? "same" : item.tumourTypeMatch
      // Only level A tumour-agnostic items (tissue-agnostic approvals) count as this tumour type.
      if match == "agnostic" { match = item.level == "A" ? "same" : "agnostic" }
      let effective = match == "same" ? "same" : "other"
      guard
        let rule = tierRules.first(where: {
          $0.evidenceLevel == item.level && ($0.tumourTypeMatch == "any" || $0.tumourTypeMatch == effective)
        })
      else { continue }
      let typeText: String
      switch match {
      case "same": typeText = item.tumourTypes.contains("*") ? "tumour-agnostic (level A)" : "for \(tumourType ?? item.tumourTypes.joined(separator: "/"))"
      case "agnostic": typeText = "tumour-agnostic below level A, counted as another tumour type"
      case "unknown": typeText = "tumour type not given (--tumor-type)"
      default: typeText = "for \(item.tumourTypes.isEmpty ? "an unmapped disease" : item.tumourTypes.joined(separator: "/")), not \(tumourType ?? "")"
      }
      let therapies = item.therapies.isEmpty ? "" : " \(item.therapies.joined(separator: "+"))"
      let candidate = TierAssignment(
        tier: rule.tier,
        reason: "level \(item.level) \(item.evidenceType) evidence \(item.id)\(therapies) (\(item.significance)), \(typeText)",
        rule: rule.description, source: rule.source)
      if best == nil || candidate < best! { best = candidate }
    }
    return best ?? fallback
  }

  /// Tier III or IV from the panel's table, with the reason.
  public func untiered(_ tier: String, reason: String) -> TierAssignment {
    let rule = tierRules.first { $0.tier == tier }
    return TierAssignment(
      tier: tier, reason: reason, rule: rule?.description ?? "", source: rule?.source ?? "Li et al. 2017 PMID:27993330")
  }

  public func therapies(_ evidence: [MatchedEvidence]) -> TherapySummary {
    func list(_ wanted: (String) -> Bool) -> [String] {
      var best: [String: (level: String, match: String)] = [:]
      for item in evidence where item.supports && item.evidenceType == "predictive" && wanted(item.significance) {
        for therapy in item.therapies {
          let current = best[therapy]
          let rankNew = (item.level, item.tumourTypeMatch == "same" ? 0 : 1)
          if current == nil || rankNew < (current!.level, current!.match == "same" ? 0 : 1) {
            best[therapy] = (item.level, item.tumourTypeMatch)
          }
        }
      }
      return best.sorted { ($0.value.level, $0.key) < ($1.value.level, $1.key) }.map { therapy, value in
        let context: String
        switch value.match {
        case "same": context = "this tumour type"
        case "agnostic": context = "tumour-agnostic"
        case "unknown": context = "tumour type not given"
        default: context = "other tumour type"
        }
        return "\(therapy) (level \(value.level), \(context))"
      }
    }
    return TherapySummary(
      sensitivity: list { $0.hasPrefix("sensitivity") },
      resistance: list { $0 == "resistance" || $0 == "reduced_sensitivity" })
  }
}
