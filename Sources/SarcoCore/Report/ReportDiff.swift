/// Clinically meaningful differences between two reports of the same sample:
/// findings added or removed, tiers and classes changed, the coverage verdict
/// changed. Everything else (versions, evidence wording, read counts) is not.
public enum ReportDiff {
  public struct Change: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case added = "+", removed = "-", changed = "~" }
    public let kind: Kind
    public let section: String
    public let finding: String
    public let detail: String

    public var description: String { "\(kind.rawValue) \(section): \(finding)\(detail.isEmpty ? "" : ": \(detail)")" }
  }

  public static func compare(_ old: SampleReport, _ new: SampleReport) -> [Change] {
    var changes: [Change] = []
    let oldClinical = old.clinical
    let newClinical = new.clinical
    changes += keyed(
      "somatic", oldClinical?.somatic ?? [], newClinical?.somatic ?? [], key: { "\($0.gene) \($0.variantKey)" },
      label: { "\($0.alteration) (\($0.variantKey))" }, value: { "Tier \($0.tier.tier.rawValue)" })
    changes += keyed(
      "germline", oldClinical?.germline ?? [], newClinical?.germline ?? [], key: { "\($0.gene) \($0.variantKey)" },
      label: { "\($0.alteration) (\($0.variantKey))" }, value: { $0.classification.rawValue })
    changes += keyed(
      "fusion", oldClinical?.fusions ?? [], newClinical?.fusions ?? [], key: { "\($0.name) \($0.locus)" },
      label: { "\($0.name) \($0.locus)" }, value: { "Tier \($0.tier.tier.rawValue)" })
    changes += keyed(
      "copy number", oldClinical?.copyNumber ?? [], newClinical?.copyNumber ?? [], key: { "\($0.name) \($0.locus)" },
      label: { "\($0.name) \($0.locus)" }, value: { "Tier \($0.tier.tier.rawValue)" })
    if old.coverage?.verdict != new.coverage?.verdict {
      changes.append(
        Change(kind: .changed, section: "coverage", finding: "verdict", detail: "\(old.coverage?.verdict ?? "none") -> \(new.coverage?.verdict ?? "none")"))
    }
    return changes
  }

  /// Added, removed and changed items, in the new report's order then the removed ones.
  static func keyed<Item>(
    _ section: String, _ old: [Item], _ new: [Item], key: (Item) -> String, label: (Item) -> String, value: (Item) -> String
  ) -> [Change] {
    let before = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    let afterKeys = Set(new.map(key))
    var changes: [Change] = []
    for item in new {
      guard let previous = before[key(item)] else {
        changes.append(Change(kind: .added, section: section, finding: label(item), detail: value(item)))
        continue
      }
      if value(previous) != value(item) {
        changes.append(Change(kind: .changed, section: section, finding: label(item), detail: "\(value(previous)) -> \(value(item))"))
      }
    }
    for item in old where !afterKeys.contains(key(item)) {
      changes.append(Change(kind: .removed, section: section, finding: label(item), detail: value(item)))
    }
    return changes
  }
}
