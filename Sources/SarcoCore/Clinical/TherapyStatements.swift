/// One statement per drug for the whole sample: every alteration's call for the
/// drug, plus acquired-resistance rules (a secondary mutation beside a primary
/// one), weighed together at their effective AMP levels. Resistance at an equal or
/// higher level wins; weaker resistance and reduced sensitivity stay as caveats.
struct TherapyStatements {
  /// One alteration's calls.
  struct Entry {
    let alteration: String
    let calls: [DrugCall]
    let confirmation: String?
  }

  /// An acquired-resistance rule that fired.
  struct SecondaryResistance {
    let rule: SecondaryResistanceRule
    let primary: String
    let secondary: String
    let secondaryKey: String
    let secondaryExon: Int?
    let match: TumourTypeMatch
  }

  static func build(entries: [Entry], secondary: [SecondaryResistance]) -> [TherapyStatement] {
    struct Vote {
      let rank: (Int, Int)
      let level: EvidenceLevel
      let match: TumourTypeMatch
      let alteration: String
      let ids: [String]
      let text: String
    }
    var sensitive: [String: [Vote]] = [:]
    var resistant: [String: [Vote]] = [:]
    var reduced: [String: [Vote]] = [:]
    /// Each alteration's own caveats for the drug.
    var caveats: [String: [String]] = [:]
    for entry in entries {
      for call in entry.calls {
        let vote = Vote(
          rank: SomaticTiering.rank(call.deciding), level: SomaticTiering.effectiveLevel(call.deciding),
          match: call.deciding.tumourTypeMatch, alteration: entry.alteration, ids: call.items.map(\.id),
          text: "\(entry.alteration): \(call.reason)")
        switch call.call {
        case .sensitive: sensitive[call.therapy, default: []].append(vote)
        case .resistant: resistant[call.therapy, default: []].append(vote)
        case .reducedSensitivity: reduced[call.therapy, default: []].append(vote)
        }
        caveats[call.therapy, default: []] += call.caveats.map { "\(entry.alteration): \($0)" }
        if let confirmation = entry.confirmation { caveats[call.therapy, default: []].append("\(entry.alteration) \(confirmation)") }
      }
    }
    for hit in secondary {
      let fits = hit.match == .same ? 0 : 1
      resistant[hit.rule.therapy, default: []].append(
        Vote(
          rank: (hit.rule.level.rank, fits), level: hit.rule.level, match: hit.match,
          alteration: "\(hit.primary) + \(hit.secondary)", ids: ["RULE:secondary_resistance:\(hit.rule.gene)"],
          text: "\(hit.rule.therapy) resistance (secondary mutation): \(hit.secondary) beside \(hit.primary): \(hit.rule.statement) (\(hit.rule.source))"))
    }
    let therapies = Set(sensitive.keys).union(resistant.keys).union(reduced.keys).sorted()
    return therapies.map { therapy in
      let forIt = (sensitive[therapy] ?? []).sorted { $0.rank < $1.rank }
      let against = (resistant[therapy] ?? []).sorted { $0.rank < $1.rank }
      let weaker = (reduced[therapy] ?? []).sorted { $0.rank < $1.rank }
      let call: TherapyCall
      let deciding: Vote
      var reasons: [String]
      var notes = caveats[therapy] ?? []
      if let bestAgainst = against.first, forIt.first.map({ bestAgainst.rank <= $0.rank }) ?? true {
        call = .resistant
        deciding = bestAgainst
        reasons = against.map(\.text)
        if !forIt.isEmpty { reasons.append("outweighs sensitivity: " + forIt.map(\.text).joined(separator: "; ")) }
      } else if let best = forIt.first, weaker.first.map({ best.rank <= $0.rank }) ?? true {
        call = .sensitive
        deciding = best
        reasons = forIt.map(\.text)
        notes += against.map { "weaker resistance evidence: \($0.text)" } + weaker.map { "reduced sensitivity: \($0.text)" }
      } else {
        // Reduced sensitivity stronger than any sensitivity (KIT exon 11 and sunitinib in GIST).
        call = .reducedSensitivity
        deciding = weaker[0]
        reasons = weaker.map(\.text)
        notes += forIt.map { "weaker sensitivity evidence: \($0.text)" } + against.map { "weaker resistance evidence: \($0.text)" }
      }
      let alterations = Array(Set((forIt + against + weaker).map(\.alteration))).sorted()
      let ids = Array(Set((forIt + against + weaker).flatMap(\.ids))).sorted()
      var seen: Set<String> = []
      return TherapyStatement(
        therapy: therapy, call: call, level: deciding.level, tumourTypeMatch: deciding.match, alterations: alterations,
        evidence: ids, reason: reasons.joined(separator: " | "), caveats: notes.filter { seen.insert($0).inserted })
    }
  }
}
