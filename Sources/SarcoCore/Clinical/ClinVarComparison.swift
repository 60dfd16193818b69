/// How our germline class stands to ClinVar's for the same variant: shown, never used in its place.
enum ClinVarComparison {
  /// ClinVar's significance as a class; `Pathogenic/Likely pathogenic` (and the benign pair) as a span.
  static func classes(of significance: String) -> ClosedRange<Int>? {
    let lowered = significance.lowercased().replacingUnderscores
    let parts = lowered.split(separator: "/").map { $0.trimmingCharacters(in: " ") }
    let steps = parts.compactMap { part in GermlineClass.allCases.first { $0.rawValue.lowercased() == part }?.step }
    guard !steps.isEmpty, steps.count == parts.count else { return nil }
    return steps.min()!...steps.max()!
  }

  /// A sentence when ClinVar (at `minimumStars` or more) and ours are a class or more apart.
  static func describe(ours: GermlineClass, clinvar: ClinVarView, minimumStars: Int) -> String? {
    guard clinvar.stars >= minimumStars, let theirs = classes(of: clinvar.significance), !theirs.contains(ours.step) else { return nil }
    let distance = ours.step < theirs.lowerBound ? theirs.lowerBound - ours.step : ours.step - theirs.upperBound
    let crosses = (ours.isPathogenic && theirs.upperBound >= GermlineClass.uncertain.step)
      || (ours.isBenign && theirs.lowerBound <= GermlineClass.uncertain.step)
      || (ours == .uncertain)
    return "differs from ClinVar: ours \(ours.rawValue), ClinVar \(clinvar.significance.replacingUnderscores) (\(clinvar.stars) stars, \(clinvar.reviewStatus.replacingUnderscores), VCV\(clinvar.variationID)); \(distance) class\(distance == 1 ? "" : "es") apart\(crosses ? ", across the pathogenic / uncertain / benign groups: review before reporting" : "")"
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var text = Substring(self)
    while text.first == set { text = text.dropFirst() }
    while text.last == set { text = text.dropLast() }
    return String(text)
  }
}
