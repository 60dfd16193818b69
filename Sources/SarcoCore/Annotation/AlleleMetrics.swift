/// Population frequencies and in-silico predictions written into a record,
/// either as INFO fields (`bcftools annotate` from gnomAD) or as VEP `CSQ`
/// fields (`gnomADe_AF`, `MAX_AF`, `REVEL`, `CADD_PHRED`, `SpliceAI_pred_DS_*`).
public struct AlleleMetrics: Sendable, Equatable, Codable {
  /// Field name to allele frequency (0...1), for the fields that hold a value.
  public var frequencies: [String: Double] = [:]
  /// `REVEL`, `CADD_PHRED` and `SpliceAI` (the largest of the four delta scores).
  public var scores: [String: Double] = [:]
  /// True when the file declares a population-frequency field: a variant
  /// without a value there was not seen in that population database.
  public var frequencyFieldDeclared = false
  /// True when one of the declared frequency fields is a filtering allele frequency (gnomAD `faf95`).
  public var filteringFieldDeclared = false

  public init() {}

  public var isEmpty: Bool { frequencies.isEmpty && scores.isEmpty && !frequencyFieldDeclared }

  /// Highest frequency over every population field; 0 when a field is
  /// declared but the variant has no value; nil when nothing is known.
  public var highestFrequency: Double? {
    if let highest = frequencies.values.max() { return highest }
    return frequencyFieldDeclared ? 0 : nil
  }

  /// Highest allele frequency (filtering allele frequencies left out); 0 when declared but empty.
  public var highestAlleleFrequency: Double? {
    if let highest = frequencies.filter({ !AlleleMetricFields.isFilteringFrequency($0.key) }).values.max() { return highest }
    return frequencyFieldDeclared ? 0 : nil
  }

  /// Highest filtering allele frequency (gnomAD FAF95, the lower bound VCEP thresholds are written for);
  /// 0 when such a field is declared but empty; nil when the input has none.
  public var highestFilteringFrequency: Double? {
    if let highest = frequencies.filter({ AlleleMetricFields.isFilteringFrequency($0.key) }).values.max() { return highest }
    return filteringFieldDeclared ? 0 : nil
  }

  public var revel: Double? { scores["REVEL"] }
  public var cadd: Double? { scores["CADD_PHRED"] }
  public var spliceAI: Double? { scores["SpliceAI"] }

  /// Keeps the higher frequency and the first score seen for each name (`AlleleMetricsSummary`
  /// applies the same two rules without building the merged maps: change them together).
  public mutating func merge(_ other: AlleleMetrics) {
    for (name, value) in other.frequencies { frequencies[name] = max(frequencies[name] ?? value, value) }
    for (name, value) in other.scores where scores[name] == nil { scores[name] = value }
    frequencyFieldDeclared = frequencyFieldDeclared || other.frequencyFieldDeclared
    filteringFieldDeclared = filteringFieldDeclared || other.filteringFieldDeclared
  }
}

/// What the variants TSV shows of an allele's metrics: those of its INFO then of each upstream
/// entry, merged (`merge`, as `ClinicalAssessor.metrics(of:)` does), found without building the
/// merged maps (each TSV row merged eight entries' maps for four numbers).
public struct AlleleMetricsSummary: Sendable, Equatable {
  public var highestFrequency: Double?
  public var revel: Double?
  public var cadd: Double?
  public var spliceAI: Double?

  public init(info: AlleleMetrics?, upstream: [UpstreamConsequence]) {
    var highest: Double?
    var declared = false
    func take(_ metrics: AlleleMetrics) {
      // `merge` keeps each frequency's highest value, so the highest of the merge is the highest of all.
      for value in metrics.frequencies.values where highest.map({ value > $0 }) ?? true { highest = value }
      declared = declared || metrics.frequencyFieldDeclared
      // and each score's first value.
      for (name, value) in metrics.scores {
        switch name {
        case "REVEL": if revel == nil { revel = value }
        case "CADD_PHRED": if cadd == nil { cadd = value }
        case "SpliceAI": if spliceAI == nil { spliceAI = value }
        default: break
        }
      }
    }
    if let info { take(info) }
    for entry in upstream { if let metrics = entry.metrics { take(metrics) } }
    highestFrequency = highest ?? (declared ? 0 : nil)
  }
}

/// Recognises frequency and score fields by name.
public enum AlleleMetricFields {
  /// A population allele-frequency field (never the caller's own `AF`).
  public static func isFrequency(_ name: String) -> Bool {
    let lowered = name.lowercased()
    if lowered.hasSuffix("_ac") || lowered.hasSuffix("_an") || lowered.hasSuffix("_nhomalt") { return false }
    if lowered.hasPrefix("gnomad") || isFilteringFrequency(name) { return lowered.contains("af") }
    return ["max_af", "af_exac", "exac_af", "af_esp", "af_tgp", "1000gp3_af", "exac_af_popmax", "esp_af", "tgp_af"]
      .contains(lowered)
  }

  /// A filtering allele frequency (gnomAD `faf95_popmax`, `fafmax_faf95_max`, `gnomADe_FAF95`).
  public static func isFilteringFrequency(_ name: String) -> Bool { name.lowercased().contains("faf") }

  /// A field this reader takes: a population frequency or a predictor score.
  public static func isMetric(_ name: String) -> Bool { kind(name) != nil }

  /// The canonical score name for a field, or nil.
  public static func scoreName(_ name: String) -> String? {
    switch name.lowercased() {
    case "revel", "revel_score": return "REVEL"
    case "cadd_phred", "cadd_phred_score": return "CADD_PHRED"
    case "spliceai_pred_ds_ag", "spliceai_pred_ds_al", "spliceai_pred_ds_dg", "spliceai_pred_ds_dl", "spliceai":
      return "SpliceAI"
    default: return nil
    }
  }

  /// The numbers of an `&`-joined value (pieces that are not numbers left out); a value without
  /// `&`, the common one, is read without cutting it.
  static func numbers(_ value: String) -> [Double] {
    guard value.utf8.contains(UInt8(ascii: "&")) else { return value.isEmpty ? [] : number(value[...]).map { [$0] } ?? [] }
    return value.split(separator: "&").compactMap(number)
  }

  /// A value as a number; `inf` and `nan` (which `Double` reads) are not values here.
  static func number(_ text: Substring) -> Double? { Double(text).flatMap { $0.isFinite ? $0 : nil } }

  /// What a metric field holds: a population frequency, or the score of this canonical name.
  public enum Kind: Sendable, Equatable {
    case frequency
    case score(String)
  }

  /// The kind of field `name` is, or nil when it is no metric.
  public static func kind(_ name: String) -> Kind? {
    if isFrequency(name) { return .frequency }
    return scoreName(name).map(Kind.score)
  }

  /// Adds one value of a field whose kind was found once (per header, not per record and entry:
  /// finding it lower-cased the name and built word lists, half of an annotated record's time);
  /// `SpliceAI` keeps the largest delta score.
  static func add(name: String, kind: Kind, value: String, to metrics: inout AlleleMetrics) {
    // The value's highest number (a frequency's within 0 to 1) goes in as a number would.
    guard case .score(let score) = kind else {
      if let highest = numbers(value).filter({ (0...1).contains($0) }).max() { add(name: name, kind: kind, number: highest, to: &metrics) }
      return
    }
    var numbers: [Double]
    if score == "SpliceAI" && value.contains("|") {
      // INFO/SpliceAI: ALLELE|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|DP_AG|DP_AL|DP_DG|DP_DL
      numbers = value.split(separator: ",").flatMap { entry -> [Double] in
        let parts = entry.split(separator: "|", omittingEmptySubsequences: false)
        return parts.count >= 6 ? parts[2...5].compactMap(number) : []
      }
    } else {
      numbers = Self.numbers(value)
    }
    guard let highest = numbers.max() else { return }
    add(name: name, kind: kind, number: highest, to: &metrics)
  }
}

extension AlleleMetricFields {
  /// Adds one number of a field: a frequency keeps the highest, a score too (an INFO float is read
  /// as the number it is: spelling each out to read it back was a fifth of an INFO-annotated run).
  static func add(name: String, kind: Kind, number: Double, to metrics: inout AlleleMetrics) {
    guard number.isFinite else { return }
    switch kind {
    case .frequency:
      // `+ 0` makes a -0 frequency 0: merged maps' highest value is taken in map order, which
      // varies from run to run, and -0 and 0 tied there printed as either.
      if (0...1).contains(number) { metrics.frequencies[name] = max(metrics.frequencies[name] ?? 0, number + 0) }
    case .score(let score):
      metrics.scores[score] = max(metrics.scores[score] ?? number, number)
    }
  }
}

/// The INFO fields of one VCF header that carry frequencies or scores, found
/// once per file so each record only looks those keys up.
public struct InfoMetricFields: Sendable {
  let names: [String]
  /// What each of `names` holds.
  let kinds: [AlleleMetricFields.Kind]
  let declaresFrequency: Bool
  let declaresFiltering: Bool

  public init(header: VCFHeader) {
    let found = header.info.keys.sorted().compactMap { name in AlleleMetricFields.kind(name).map { (name, $0) } }
    names = found.map(\.0)
    kinds = found.map(\.1)
    declaresFrequency = kinds.contains(.frequency)
    declaresFiltering = names.contains(where: AlleleMetricFields.isFilteringFrequency)
  }

  /// Metrics from a record's INFO for its ALT number `alternateIndex` (1-based).
  public func metrics(_ info: [String: FieldValue], alternateIndex: Int, alternateCount: Int) -> AlleleMetrics? {
    guard !names.isEmpty else { return nil }
    var metrics = AlleleMetrics()
    metrics.frequencyFieldDeclared = declaresFrequency
    metrics.filteringFieldDeclared = declaresFiltering
    for (name, kind) in zip(names, kinds) {
      guard let field = info[name] else { continue }
      if case .floats(let values) = field {
        let chosen = values.count == alternateCount && alternateCount > 1 ? values[(alternateIndex - 1)...(alternateIndex - 1)] : values[...]
        for case let number? in chosen { AlleleMetricFields.add(name: name, kind: kind, number: number, to: &metrics) }
        continue
      }
      let texts = field.texts
      // Number=A fields hold one value per ALT; others are taken whole.
      let chosen = texts.count == alternateCount && alternateCount > 1 ? [texts[alternateIndex - 1]] : texts
      for text in chosen where text != "." { AlleleMetricFields.add(name: name, kind: kind, value: text, to: &metrics) }
    }
    return metrics.isEmpty ? nil : metrics
  }
}
