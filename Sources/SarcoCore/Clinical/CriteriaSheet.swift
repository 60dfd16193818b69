/// The ACMG/AMP criteria met for one variant, at the strength applied, with points
/// from `rules/acmg_strengths.tsv`, and what could not be evaluated.
struct CriteriaSheet {
  let criteria: [ACMGCode: RuleTables.ACMGCriterion]
  let points: [ACMGStrength: Int]
  private(set) var met: [MetCriterion] = []
  private(set) var notEvaluated: [String] = []

  init(rules: RuleTables) {
    criteria = Dictionary(rules.acmgCriteria.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    points = rules.germline.points
  }

  /// Adds `code` at `strength` (its table strength when nil); a criterion the panel does not list is not applied.
  mutating func add(_ code: ACMGCode, _ strength: ACMGStrength? = nil, evidence: String, source extra: String? = nil) {
    guard let row = criteria[code] else {
      notEvaluated.append("\(code.rawValue): not in the panel's rules/acmg_criteria.tsv")
      return
    }
    let applied = strength ?? row.strength
    let sign = row.direction == "benign" ? -1 : 1
    let label = applied == row.strength ? code.rawValue : "\(code.rawValue)_\(applied.suffix)"
    met.append(
      MetCriterion(
        code: label, criterion: code.rawValue, strength: applied.rawValue, points: sign * (points[applied] ?? 0),
        evidence: evidence, source: [row.source, extra].compactMap { $0 }.joined(separator: "; ")))
  }

  mutating func note(_ text: String) { notEvaluated.append(text) }

  func has(_ code: ACMGCode) -> Bool { met.contains { $0.criterion == code.rawValue } }
  func strength(of code: ACMGCode) -> ACMGStrength? {
    met.first { $0.criterion == code.rawValue }.flatMap { ACMGStrength(rawValue: $0.strength) }
  }
  var total: Int { met.reduce(0) { $0 + $1.points } }
}
