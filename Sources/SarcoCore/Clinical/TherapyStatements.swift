/// One statement per drug for the whole sample: every alteration's call for the
/// drug, plus acquired-resistance rules (a secondary mutation beside a primary
/// one), weighed together. Resistance at an equal or higher level wins; weaker
/// resistance beside sensitivity makes the call `conflicting`, with both cited.
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
    /// Alterations whose own evidence conflicts for the drug.
    var conflicts: [String: [String]] = [:]
    /// Calls resting on a fusion that needs confirmation.
    var caveats: [String: [String]] = [:]
    for entry in entries {
      for call in entry.calls {
        let vote = Vote(
          rank: SomaticTiering.rank(call.deciding), level: call.deciding.level, match: call.deciding.tumourTypeMatch,
          alteration: entry.alteration, ids: call.items.map(\.id), text: "\(entry.alteration): \(call.reason)")
        switch call.call {
        case .sensitive: sensitive[call.therapy, default: []].append(vote)
        case .resistant: resistant[call.therapy, default: []].append(vote)
        case .conflicting:
          sensitive[call.therapy, default: []].append(vote)
          conflicts[call.therapy, default: []].append(vote.text)
        }
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
    let therapies = Set(sensitive.keys).union(resistant.keys).sorted()
    return therapies.map { therapy in
      let forIt = (sensitive[therapy] ?? []).sorted { $0.rank < $1.rank }
      let against = (resistant[therapy] ?? []).sorted { $0.rank < $1.rank }
      let call: TherapyCall
      let deciding: Vote
      var reasons: [String]
      if let bestAgainst = against.first, forIt.first.map({ bestAgainst.rank <= $0.rank }) ?? true {
        call = .resistant
        deciding = bestAgainst
        reasons = against.map(\.text)
        if !forIt.isEmpty {
          reasons.append("outweighs sensitivity: " + forIt.map(\.text).joined(separator: "; "))
        }
      } else if !against.isEmpty || conflicts[therapy] != nil {
        call = .conflicting
        deciding = forIt[0]
        reasons = forIt.map(\.text) + against.map { "but resistance: \($0.text)" }
      } else {
        call = .sensitive
        deciding = forIt[0]
        reasons = forIt.map(\.text)
      }
      reasons += caveats[therapy] ?? []
      let alterations = Array(Set((forIt + against).map(\.alteration))).sorted()
      let ids = Array(Set((forIt + against).flatMap(\.ids))).sorted()
      return TherapyStatement(
        therapy: therapy, call: call, level: deciding.level, tumourTypeMatch: deciding.match, alterations: alterations,
        evidence: ids, reason: reasons.joined(separator: " | "))
    }
  }
}
