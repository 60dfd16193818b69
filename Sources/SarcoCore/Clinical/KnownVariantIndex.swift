/// ClinVar known variants of one build, indexed for the germline criteria:
/// by normalised key (the variant's own entry, shown beside our class) and by
/// codon for pathogenic missense changes (PS1/PM5).
public struct KnownVariantIndex: Sendable {
  /// The panel's known variants (its own storage, never copied: copies of these ten-string rows
  /// were half the index's cost); the index holds row numbers.
  private let rows: [KnownVariant]
  /// Rows of this build ordered by contig and position (the table's own order when it is sorted),
  /// searched by bisection: no hash table of 20,000 entries built for a five-variant sample.
  private let byPosition: [Int32]
  /// gene -> codon -> pathogenic missense known variants there.
  private let pathogenicMissenseByCodon: [String: [Int: [Int32]]]
  public var isEmpty: Bool { byPosition.isEmpty }

  public init(view: PanelView) {
    let rows = view.panel.knowledge.knownVariants
    var ordered: [Int32] = []
    ordered.reserveCapacity(rows.count)
    var sorted = true
    var missense: [String: [Int: [Int32]]] = [:]
    // ClinVar uses a handful of consequence terms: classify each once.
    var kinds: [String: Bool] = [:]
    // Fields are read in place (`rows[number].x`): a `let` copy of a row retained its ten strings.
    for number in rows.indices where rows[number].build == view.build {
      let row = Int32(number)
      if let last = ordered.last, Self.precedes(rows[Int(row)], rows[Int(last)]) { sorted = false }
      ordered.append(row)
      guard rows[number].stars >= 2, Self.isPathogenic(rows[number].significance),
        let c = view.codingPosition(gene: rows[number].gene, position: rows[number].interval.start)
      else { continue }
      let consequence = rows[number].consequence
      let isMissense = kinds[consequence] ?? {
        let found = Self.mentions(consequence, "missense")
        kinds[consequence] = found
        return found
      }()
      if isMissense && rows[number].reference.utf8.count == 1 && rows[number].alternate.utf8.count == 1 {
        missense[rows[number].gene, default: [:]][(c + 2) / 3, default: []].append(row)
      }
    }
    if !sorted {
      // Stable: rows of one position keep table order.
      ordered = ordered.enumerated().sorted { a, b in
        Self.precedes(rows[Int(a.element)], rows[Int(b.element)])
          || (!Self.precedes(rows[Int(b.element)], rows[Int(a.element)]) && a.offset < b.offset)
      }.map(\.element)
    }
    self.rows = rows
    byPosition = ordered
    pathogenicMissenseByCodon = missense
  }

  static func precedes(_ a: KnownVariant, _ b: KnownVariant) -> Bool {
    a.interval.contig == b.interval.contig ? a.interval.start < b.interval.start : a.interval.contig < b.interval.contig
  }

  /// Row numbers of this build's known variants starting at `contig:position`, in table order.
  private func rows(at contig: String, _ position: Int) -> ArraySlice<Int32> {
    func before(_ row: Int32) -> Bool {
      let interval = rows[Int(row)].interval
      return interval.contig == contig ? interval.start < position : interval.contig < contig
    }
    var low = 0
    var high = byPosition.count
    while low < high {
      let middle = (low + high) / 2
      if before(byPosition[middle]) { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < byPosition.count, rows[Int(byPosition[end])].interval.start == position, rows[Int(byPosition[end])].interval.contig == contig {
      end += 1
    }
    return byPosition[low..<end]
  }

  private func isSame(_ row: Int32, as variant: Variant) -> Bool {
    rows[Int(row)].reference == variant.reference && rows[Int(row)].alternate == variant.alternate
  }

  /// ClinVar's entry for exactly this allele (contig names compared canonically; of duplicate rows, the last).
  public func entry(for variant: Variant) -> KnownVariant? {
    rows(at: ContigName.canonical(variant.contig), variant.position).last { isSame($0, as: variant) }.map { rows[Int($0)] }
  }

  /// Pathogenic (2 stars or more) missense changes at `codon` of `gene`, other than `variant`.
  public func pathogenicMissense(gene: String, codon: Int, other variant: Variant) -> [KnownVariant] {
    (pathogenicMissenseByCodon[gene]?[codon] ?? []).filter { !isSame($0, as: variant) || !isAt($0, variant) }.map { rows[Int($0)] }
  }

  /// ClinVar Pathogenic (not Likely pathogenic) SNVs with 2 stars or more at `position` on the variant's
  /// contig, other than `variant` (PS1 for splicing).
  public func pathogenicSNVs(at position: Int, besides variant: Variant) -> [KnownVariant] {
    rows(at: ContigName.canonical(variant.contig), position).filter { row in
      let known = rows[Int(row)]
      return known.stars >= 2 && ASCIIText.equalIgnoringCase(known.significance, "pathogenic") && known.reference.utf8.count == 1
        && known.alternate.utf8.count == 1 && !(isSame(row, as: variant) && isAt(row, variant))
    }.map { rows[Int($0)] }
  }

  private func isAt(_ row: Int32, _ variant: Variant) -> Bool {
    rows[Int(row)].interval.start == variant.position && rows[Int(row)].interval.contig == ContigName.canonical(variant.contig)
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
    ASCIIText.hasPrefixIgnoringCase(significance, "pathogenic") || ASCIIText.hasPrefixIgnoringCase(significance, "likely_pathogenic")
      || ASCIIText.hasPrefixIgnoringCase(significance, "likely pathogenic")
  }

  public static func isBenign(_ significance: String) -> Bool {
    ASCIIText.hasPrefixIgnoringCase(significance, "benign") || ASCIIText.hasPrefixIgnoringCase(significance, "likely_benign")
      || ASCIIText.hasPrefixIgnoringCase(significance, "likely benign")
  }
}
