/// PP3, BP4 and BP7's splice check from in-silico scores, at the calibrated cut-offs of
/// `rules/acmg_computational.tsv` (Pejaver et al. 2022 for missense; SpliceAI per
/// Walker et al. 2023). Missense changes are read with the first predictor the table
/// lists that the input scored; splicing with SpliceAI.
struct ComputationalCriteria: Sendable {
  let rows: [ComputationalThreshold]

  init(rules: GermlineRules) { rows = rules.computational }

  static func score(_ predictor: ComputationalThreshold.Predictor, in metrics: AlleleMetrics) -> Double? {
    switch predictor {
    case .revel: return metrics.revel
    case .cadd: return metrics.cadd
    case .spliceAI: return metrics.spliceAI
    }
  }

  /// The strongest PP3 or BP4 row the score meets, strongest first.
  func strongest(_ predictor: ComputationalThreshold.Predictor, _ criterion: String, score: Double) -> ComputationalThreshold? {
    rows.filter { $0.predictor == predictor && $0.criterion == criterion && $0.comparison.holds(score, $0.threshold) }
      .min { $0.strength < $1.strength }
  }

  func missense(metrics: AlleleMetrics, sheet: inout CriteriaSheet) {
    let predictors = rows.filter { $0.predictor != .spliceAI }.map(\.predictor).reduce(into: [ComputationalThreshold.Predictor]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    guard let predictor = predictors.first(where: { Self.score($0, in: metrics) != nil }), let score = Self.score(predictor, in: metrics) else {
      sheet.note("PP3/BP4: not evaluated: no \(predictors.map(\.rawValue).joined(separator: " or ")) score in the input")
      return
    }
    for criterion in ["PP3", "BP4"] {
      if let row = strongest(predictor, criterion, score: score) {
        sheet.add(
          criterion == "PP3" ? .PP3 : .BP4, row.strength,
          evidence: "\(predictor.rawValue) \(score) \(row.comparison.symbol) \(NamedValues.format(row.threshold))", source: row.source)
        return
      }
    }
  }

  /// PP3/BP4 for splicing (intronic, splice-region and synonymous changes); synonymous changes get BP7 instead of BP4.
  func splicing(metrics: AlleleMetrics, synonymous: Bool, sheet: inout CriteriaSheet) {
    guard let score = metrics.spliceAI else {
      sheet.note("PP3/BP4 (splicing): not evaluated: no SpliceAI score in the input")
      return
    }
    if let row = strongest(.spliceAI, "PP3", score: score) {
      sheet.add(.PP3, row.strength, evidence: "SpliceAI \(score) \(row.comparison.symbol) \(NamedValues.format(row.threshold))", source: row.source)
    } else if !synonymous, let row = strongest(.spliceAI, "BP4", score: score) {
      sheet.add(.BP4, row.strength, evidence: "SpliceAI \(score) \(row.comparison.symbol) \(NamedValues.format(row.threshold))", source: row.source)
    }
  }

  /// BP7's "no predicted splice effect" needs a splice prediction at most the table's cut-off (Walker et al. 2023):
  /// without a SpliceAI score, or without a BP7 row, BP7 is not evaluated.
  enum SpliceCheck {
    case neutral(text: String, source: String)
    case predictsEffect(text: String)
    case notEvaluated(String)
  }

  func spliceNeutral(metrics: AlleleMetrics) -> SpliceCheck {
    guard let row = rows.first(where: { $0.predictor == .spliceAI && $0.criterion == "BP7" }) else {
      return .notEvaluated("no BP7 SpliceAI cut-off in rules/acmg_computational.tsv")
    }
    let cutoff = "SpliceAI \(row.comparison.symbol) \(NamedValues.format(row.threshold))"
    guard let score = metrics.spliceAI else {
      return .notEvaluated("needs a SpliceAI score (BP7 needs a splice prediction of no impact, \(cutoff); \(row.source))")
    }
    guard row.comparison.holds(score, row.threshold) else {
      return .predictsEffect(text: "SpliceAI \(score) above \(NamedValues.format(row.threshold))")
    }
    return .neutral(text: "SpliceAI \(score) \(row.comparison.symbol) \(NamedValues.format(row.threshold))", source: row.source)
  }
}
