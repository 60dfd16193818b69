import SarcoCore

/// Reads the fusion and copy-number tables other callers write (PCGR-style
/// `fusions.tsv` and `cna.tsv`), with `file:line` errors for bad rows.
public enum CallerTables {
  /// `FusionGene` (`GENE1--GENE2` or `GENE1::GENE2`, 5' first), optional
  /// `LeftBreakpoint`, `RightBreakpoint` and `SplitReads`.
  public static func fusions(path: String) throws -> [FusionCall] {
    let table = try asInput { try TSVTable(path: path, requiredColumns: ["FusionGene"]) }
    let problems = Problems()
    var calls: [FusionCall] = []
    for row in table.rows where row.hasExpectedWidth(problems) {
      guard let name = row.required("FusionGene", problems) else { continue }
      let separator = name.contains("::") ? "::" : "--"
      let partners = name.split(separator: separator).map(String.init)
      guard partners.count == 2, partners.allSatisfy({ !$0.isEmpty }) else {
        row.problem("column 'FusionGene': expected GENE1--GENE2 or GENE1::GENE2, found '\(name)'", problems)
        continue
      }
      var reads: Int?
      if table.columns.contains("SplitReads"), case .some(let value) = row.optionalInteger("SplitReads", problems) {
        reads = value
      }
      let locus = [row.text("LeftBreakpoint"), row.text("RightBreakpoint")].filter { !$0.isEmpty }.joined(separator: "-")
      calls.append(
        FusionCall(
          fivePrime: partners[0], threePrime: partners[1], locus: locus, supportingReads: reads,
          source: "\(table.displayPath) line \(row.line)"))
    }
    try check(problems)
    return calls
  }

  /// `Chromosome`, `Start`, `End` and either `nMajor` + `nMinor` (total copy
  /// number is their sum) or one of `CN`, `copy_number`, `total_cn`.
  public static func segments(path: String) throws -> [CopyNumberSegment] {
    let table = try asInput { try TSVTable(path: path, requiredColumns: ["Chromosome", "Start", "End"]) }
    let totalColumn = ["CN", "copy_number", "total_cn", "TCN"].first(where: table.columns.contains)
    let split = table.columns.contains("nMajor") && table.columns.contains("nMinor")
    guard totalColumn != nil || split else {
      throw SarcoError.input(
        "\(path):1: expected nMajor and nMinor columns or a total copy-number column (CN, copy_number, total_cn); found \(table.columns.joined(separator: ", "))")
    }
    let problems = Problems()
    var segments: [CopyNumberSegment] = []
    for row in table.rows where row.hasExpectedWidth(problems) {
      guard let contig = row.required("Chromosome", problems), let start = row.integer("Start", problems),
        let end = row.integer("End", problems)
      else { continue }
      guard end >= start else {
        row.problem("End \(end) is before Start \(start)", problems)
        continue
      }
      let copyNumber: Double?
      if let totalColumn {
        copyNumber = Double(row.text(totalColumn))
        if copyNumber == nil { row.problem("column '\(totalColumn)': expected a number, found '\(row.text(totalColumn))'", problems) }
      } else if let major = Double(row.text("nMajor")), let minor = Double(row.text("nMinor")) {
        copyNumber = major + minor
      } else {
        row.problem("columns 'nMajor'/'nMinor': expected numbers, found '\(row.text("nMajor"))'/'\(row.text("nMinor"))'", problems)
        copyNumber = nil
      }
      guard let copyNumber else { continue }
      guard copyNumber >= 0 && copyNumber < 1_000_000 else {
        row.problem("copy number \(copyNumber): expected a number from 0 to 1000000", problems)
        continue
      }
      segments.append(
        CopyNumberSegment(
          interval: GenomicInterval(contig: contig, start: start, end: end), copyNumber: copyNumber,
          source: "\(table.displayPath) line \(row.line)"))
    }
    try check(problems)
    return segments
  }

  /// Table errors here are the user's input, not the panel.
  static func asInput<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as SarcoError where error.kind == .panel {
      throw SarcoError.input(error.message)
    }
  }

  static func check(_ problems: Problems) throws {
    guard problems.isEmpty else {
      let shown = problems.messages.prefix(10).joined(separator: "\n")
      let more = problems.messages.count > 10 ? "\n... and \(problems.messages.count - 10) more" : ""
      throw SarcoError.input(shown + more)
    }
  }
}
