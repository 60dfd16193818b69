/// ClinVar known variants of one build, indexed for the germline criteria:
/// by normalised key (the variant's own entry, shown beside our class) and by
/// codon for pathogenic missense changes (PS1/PM5).
public struct KnownVariantIndex: Sendable {
  /// The panel's known variants (shared storage); the index holds row numbers.
  private let table: KnownVariantTable
  /// Rows of this build ordered by contig and position (the table's own order when it is sorted),
  /// searched by bisection: no hash table of 20,000 entries built for a five-variant sample.
  private let byPosition: [Int32]
  /// Each contig's run of `byPosition`.
  private let contigRuns: [String: Range<Int>]
  /// gene -> codon -> pathogenic missense known variants there.
  private let pathogenicMissenseByCodon: [String: [Int: [Int32]]]
  public var isEmpty: Bool { byPosition.isEmpty }

  public init(view: PanelView) {
    let table = view.panel.knowledge.knownVariants
    var ordered: [Int32] = []
    ordered.reserveCapacity(table.count)
    var missense: [String: [Int: [Int32]]] = [:]
    // A table uses a handful of builds, significances and consequence terms: judge each text once,
    // remembered by text number (an array: a hashed lookup per row was most of this index's build).
    var isThisBuild = TextVerdicts(count: table.textCount)
    var isPathogenic = TextVerdicts(count: table.textCount)
    var isMissense = TextVerdicts(count: table.textCount)
    func judged(_ cache: inout TextVerdicts, _ number: UInt32, _ judge: (String) -> Bool) -> Bool {
      cache.verdict(number) { judge(table.text(number: number)) }
    }
    for number in table.indices where judged(&isThisBuild, table.textNumber(number, .build), { $0 == view.build.rawValue }) {
      let row = Int32(number)
      ordered.append(row)
      guard table.integer(number, .stars) >= 2, judged(&isPathogenic, table.textNumber(number, .significance), Self.isPathogenic),
        judged(&isMissense, table.textNumber(number, .consequence), { Self.mentions($0, "missense") }),
        table.text(number, .reference).utf8.count == 1, table.text(number, .alternate).utf8.count == 1,
        let c = view.codingPosition(gene: table.text(number, .gene), position: table.integer(number, .start))
      else { continue }
      missense[table.text(number, .gene), default: [:]][(c + 2) / 3, default: []].append(row)
    }
    // By contig name, then start; rows of one position keep table order. Sorted (stably, on integer
    // keys: each contig's rank among the contig names, then the start) only when the table is not
    // already in that order.
    var isContig = [Bool](repeating: false, count: table.textCount)
    for row in ordered { isContig[Int(table.textNumber(Int(row), .contig))] = true }
    let contigs = isContig.indices.filter { isContig[$0] }.map { UInt32($0) }
    var rank = [Int](repeating: 0, count: table.textCount)
    for (place, number) in contigs.sorted(by: { table.text(number: $0) < table.text(number: $1) }).enumerated() {
      rank[Int(number)] = place
    }
    let keys = ordered.map { (contig: rank[Int(table.textNumber(Int($0), .contig))], start: table.integer(Int($0), .start)) }
    if zip(keys, keys.dropFirst()).contains(where: { ($1.contig, $1.start) < ($0.contig, $0.start) }) {
      ordered = Self.stablySorted(ordered, keys: keys)
    }
    var runs: [String: Range<Int>] = [:]
    var runStart = 0
    for index in ordered.indices where index + 1 == ordered.count
      || table.textNumber(Int(ordered[index + 1]), .contig) != table.textNumber(Int(ordered[index]), .contig)
    {
      runs[table.text(Int(ordered[index]), .contig)] = runStart..<(index + 1)
      runStart = index + 1
    }
    self.table = table
    byPosition = ordered
    contigRuns = runs
    pathogenicMissenseByCodon = missense
  }

  /// `rows` ordered by their keys, rows of equal keys in their given order. Each (contig rank,
  /// start, place) is packed in one integer when they fit (8, 32 and 24 bits): integers sort
  /// without a comparison closure (this index's build 2.2 -> 1.7 ms on the sarcoma panel's rows).
  static func stablySorted(_ rows: [Int32], keys: [(contig: Int, start: Int)]) -> [Int32] {
    let fits = rows.count < 1 << 24 && keys.allSatisfy { (0..<(1 << 8)).contains($0.contig) && (0..<(1 << 32)).contains($0.start) }
    guard fits else {
      return zip(keys.indices, rows).sorted { a, b in
        (keys[a.0].contig, keys[a.0].start, a.0) < (keys[b.0].contig, keys[b.0].start, b.0)
      }.map(\.1)
    }
    var packed = keys.enumerated().map { place, key in UInt64(key.contig) << 56 | UInt64(key.start) << 24 | UInt64(place) }
    packed.sort()
    return packed.map { rows[Int($0 & 0xFF_FFFF)] }
  }

  /// Row numbers of this build's known variants starting at `contig:position`, in table order.
  private func rows(at contig: String, _ position: Int) -> ArraySlice<Int32> {
    guard let run = contigRuns[contig] else { return [] }
    var low = run.lowerBound
    var high = run.upperBound
    while low < high {
      let middle = (low + high) / 2
      if table.integer(Int(byPosition[middle]), .start) < position { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < run.upperBound, table.integer(Int(byPosition[end]), .start) == position { end += 1 }
    return byPosition[low..<end]
  }

  private func isSame(_ row: Int32, as variant: Variant) -> Bool {
    table.text(Int(row), .reference) == variant.reference && table.text(Int(row), .alternate) == variant.alternate
  }

  /// ClinVar's entry for exactly this allele (contig names compared canonically; of duplicate rows, the last).
  public func entry(for variant: Variant) -> KnownVariant? {
    rows(at: ContigName.canonical(variant.contig), variant.position).last { isSame($0, as: variant) }.map { table[Int($0)] }
  }

  /// Pathogenic (2 stars or more) missense changes at `codon` of `gene`, other than `variant`.
  public func pathogenicMissense(gene: String, codon: Int, other variant: Variant) -> [KnownVariant] {
    (pathogenicMissenseByCodon[gene]?[codon] ?? []).filter { !isSame($0, as: variant) || !isAt($0, variant) }.map { table[Int($0)] }
  }

  /// ClinVar Pathogenic (not Likely pathogenic) SNVs with 2 stars or more at `position` on the variant's
  /// contig, other than `variant` (PS1 for splicing).
  public func pathogenicSNVs(at position: Int, besides variant: Variant) -> [KnownVariant] {
    rows(at: ContigName.canonical(variant.contig), position).filter { row in
      let number = Int(row)
      return table.integer(number, .stars) >= 2 && ASCIIText.equalIgnoringCase(table.text(number, .significance), "pathogenic")
        && table.text(number, .reference).utf8.count == 1 && table.text(number, .alternate).utf8.count == 1
        && !(isSame(row, as: variant) && isAt(row, variant))
    }.map { table[Int($0)] }
  }

  private func isAt(_ row: Int32, _ variant: Variant) -> Bool {
    table.integer(Int(row), .start) == variant.position && table.text(Int(row), .contig) == ContigName.canonical(variant.contig)
  }

  /// A verdict per text number of a table, each judged on first use.
  private struct TextVerdicts {
    /// 0: not judged yet, 1: false, 2: true.
    private var verdicts: [UInt8]

    init(count: Int) { verdicts = Array(repeating: 0, count: count) }

    mutating func verdict(_ number: UInt32, _ judge: () -> Bool) -> Bool {
      let index = Int(number)
      if verdicts[index] == 0 { verdicts[index] = judge() ? 2 : 1 }
      return verdicts[index] == 2
    }
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
