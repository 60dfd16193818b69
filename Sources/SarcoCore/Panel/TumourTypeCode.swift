/// A tumour type as a user gives it (a sample sheet's `tumor_type`) checked
/// against the panel's OncoTree codes, so that a misspelt one fails its sample
/// instead of quietly tiering as "another tumour type". Codes compare without
/// regard to case. The one place to teach names and aliases.
public enum TumourTypeCode {
  /// The panel's code for `given`, or nil.
  public static func resolve(_ given: String, in knowledge: PanelKnowledge) -> String? {
    let wanted = given.uppercased()
    return knowledge.tumourTypes.keys.first { $0 != "*" && $0.uppercased() == wanted }
  }

  /// Why `given` is not accepted, naming the closest codes.
  public static func problem(_ given: String, in knowledge: PanelKnowledge) -> String {
    let codes = knowledge.tumourTypes.keys.filter { $0 != "*" }.sorted()
    let close = codes.map { ($0, distance($0.uppercased(), given.uppercased())) }.filter { $0.1 <= 2 }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    let hint = close.isEmpty ? "e.g. \(codes.prefix(5).joined(separator: ", "))" : "did you mean \(close.prefix(3).joined(separator: " or "))?"
    return "expected one of the panel's \(codes.count) OncoTree codes (\(hint)), found '\(given)'"
  }

  /// Edit distance (insertions, deletions, substitutions), for suggestions.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
