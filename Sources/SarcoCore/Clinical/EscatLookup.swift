/// The ESCAT level of a finding in the sample's tumour type (or tumour-agnostic), from the panel's
/// `escat.tsv`, matched the way evidence is (exact change, codon, exon, fusion, copy number).
struct EscatLookup: Sendable {
  let matcher: SomaticTiering
  let entries: [String: EscatEntry]

  init(knowledge: PanelKnowledge, tumourType: String?) {
    var items: [EvidenceItem] = []
    var entries: [String: EscatEntry] = [:]
    for (index, entry) in knowledge.escat.enumerated() {
      let id = "ESCAT:\(index + 1)"
      entries[id] = entry
      items.append(
        EvidenceItem(
          id: id, gene: entry.gene, matcher: entry.matcher, tumourTypes: entry.tumourTypes, disease: "", doid: "",
          therapies: [], evidenceType: "escat", direction: "supports", significance: entry.context, level: .A,
          sourceLevel: entry.tier.rawValue, origin: "somatic", citation: entry.source, source: "escat.tsv"))
    }
    var matching = knowledge
    matching.evidence = items
    matcher = SomaticTiering(knowledge: matching, tumourType: tumourType)
    self.entries = entries
  }

  var isEmpty: Bool { entries.isEmpty }

  func variant(_ consequence: AlleleConsequence, _ variant: Variant, atHotspot: Bool) -> EscatAssignment? {
    best(matcher.matches(consequence: consequence, variant: variant, atHotspot: atHotspot))
  }

  func fusion(_ name: String, genes: [String]) -> EscatAssignment? { best(matcher.matches(fusion: name, genes: genes)) }

  func copyNumber(_ event: CopyNumberEvent.Event, gene: String, biallelic: Bool) -> EscatAssignment? {
    best(matcher.matches(copyNumber: event, gene: gene, biallelic: biallelic))
  }

  /// The most actionable level among rows for this tumour type or tumour-agnostic ones (never another type's).
  func best(_ matched: [MatchedEvidence]) -> EscatAssignment? {
    let fitting = matched.filter { $0.applied && ($0.tumourTypeMatch == .same || $0.tumourTypeMatch == .agnostic) }
    let chosen = fitting.compactMap { item in entries[item.id].map { (item, $0) } }
      .min { ($0.1.tier, $0.0.specificity) < ($1.1.tier, $1.0.specificity) }
    return chosen.map { item, entry in
      EscatAssignment(
        tier: entry.tier, context: entry.context, matchedBy: item.matchedBy,
        tumourTypes: entry.tumourTypes.joined(separator: ","), source: entry.source)
    }
  }
}
