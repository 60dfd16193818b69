/// ClinVar known variants of one build, indexed for the germline criteria:
/// by normalised key (the variant's own entry, shown beside our class), by
/// codon for pathogenic missense changes (PS1/PM5), and the most 3' pathogenic
/// truncating change per gene (PM5_Supporting for truncating variants).
public struct KnownVariantIndex: Sendable {
  public let byKey: [String: KnownVariant]
  /// gene -> codon -> pathogenic missense known variants there.
  let pathogenicMissenseByCodon: [String: [Int: [KnownVariant]]]
  /// gene -> largest c. position of a pathogenic nonsense or frameshift variant.
  let lastPathogenicTruncation: [String: (position: Int, variant: KnownVariant)]
  /// `contig:position` -> ClinVar Pathogenic (not Likely pathogenic) SNVs there, 2 stars or more (PS1 for splicing).
  let pathogenicSNVsByPosition: [String: [KnownVariant]]
  public let isEmpty: Bool

  public init(view: PanelView) {
    var byKey: [String: KnownVariant] = [:]
    byKey.reserveCapacity(view.panel.knowledge.knownVariants.count)
    var missense: [String: [Int: [KnownVariant]]] = [:]
    var truncation: [String: (Int, KnownVariant)] = [:]
    var snvs: [String: [KnownVariant]] = [:]
    // ClinVar uses a handful of consequence terms: classify each once.
    var kinds: [String: (missense: Bool, truncating: Bool)] = [:]
    for known in view.panel.knowledge.knownVariants where known.build == view.build {
      byKey[known.key] = known
      if known.stars >= 2, known.significance.lowercased() == "pathogenic", known.reference.count == 1, known.alternate.count == 1 {
        snvs["\(known.interval.contig):\(known.interval.start)", default: []].append(known)
      }
      guard known.stars >= 2, Self.isPathogenic(known.significance),
        let c = view.codingPosition(gene: known.gene, position: known.interval.start)
      else { continue }
      let consequence = known.consequence
      let kind = kinds[consequence] ?? {
        let found = (
          missense: Self.mentions(consequence, "missense"),
          truncating: Self.mentions(consequence, "nonsense") || Self.mentions(consequence, "stop_gained")
            || Self.mentions(consequence, "frameshift"))
        kinds[consequence] = found
        return found
      }()
      if kind.missense && known.reference.count == 1 && known.alternate.count == 1 {
        missense[known.gene, default: [:]][(c + 2) / 3, default: []].append(known)
      } else if kind.truncating {
        if c > (truncation[known.gene]?.0 ?? 0) { truncation[known.gene] = (c, known) }
      }
    }
    self.byKey = byKey
    pathogenicMissenseByCodon = missense
    pathogenicSNVsByPosition = snvs
    lastPathogenicTruncation = truncation.mapValues { (position: $0.0, variant: $0.1) }
    isEmpty = byKey.isEmpty
  }

  /// `text.contains(word)` as a byte search: Foundation's and _StringProcessing's
  /// `contains` cost 6k-35k instructions a call, a third of a short run's start.
  static func mentions(_ text: String, _ word: String) -> Bool {
    let text = Array(text.utf8)
    let word = Array(word.utf8)
    guard text.count >= word.count else { return false }
    return (0...(text.count - word.count)).contains { start in
      var matched = 0
      while matched < word.count && text[start + matched] == word[matched] { matched += 1 }
      return matched == word.count
    }
  }

  public static func isPathogenic(_ significance: String) -> Bool {
    let lowered = significance.lowercased()
    return lowered.hasPrefix("pathogenic") || lowered.hasPrefix("likely_pathogenic") || lowered.hasPrefix("likely pathogenic")
  }

  public static func isBenign(_ significance: String) -> Bool {
    let lowered = significance.lowercased()
    return lowered.hasPrefix("benign") || lowered.hasPrefix("likely_benign") || lowered.hasPrefix("likely benign")
  }
}
