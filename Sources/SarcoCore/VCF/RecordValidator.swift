/// Decides whether a record can be annotated at all: alleles made of A, C, G,
/// T and N (or symbolic, breakend, `*` and missing ALTs), each ALT different
/// from REF, a position inside the contig, an END not before POS, and read
/// counts and allele fractions that could be true (no negative depth, no
/// fraction outside 0 to 1). A record that fails is skipped and counted (or,
/// with `--strict`, refused): annotating `C>C` or `T!@#` gives findings that
/// do not exist.
public struct RecordValidator: Sendable {
  /// Contig lengths by canonical name: the header's `##contig` lengths, else the build's.
  public let contigLengths: [String: Int]

  public init(header: VCFHeader, build: GenomeBuild) {
    var lengths = build.contigLengths
    for (name, length) in header.contigs {
      if let length { lengths[ContigName.canonical(name)] = length }
    }
    contigLengths = lengths
  }

  /// Why the record cannot be annotated, or nil.
  public func problem(_ record: VCFRecord) -> String? {
    let reference = record.reference
    guard !reference.isEmpty, reference != "." else { return "REF is empty" }
    guard Self.isBases(reference) else { return "REF '\(Self.shown(reference))' is not made of A, C, G, T and N" }
    var onlyBreakends = true
    for alternate in record.alternates {
      if alternate == "*" || alternate == "." {
        onlyBreakends = false
        continue
      }
      if alternate.hasPrefix("<") {
        onlyBreakends = false
        guard Self.isSymbolic(alternate) else { return "ALT '\(Self.shown(alternate))' is not a symbolic allele like <DEL>" }
        continue
      }
      if ASCIIText.hasBracket(alternate) || alternate.utf8.first == UInt8(ascii: ".") || alternate.utf8.last == UInt8(ascii: ".") {
        guard Self.isBreakend(alternate) else { return "ALT '\(Self.shown(alternate))' is not valid breakend notation" }
        continue
      }
      onlyBreakends = false
      guard Self.isBases(alternate) else { return "ALT '\(Self.shown(alternate))' is not made of A, C, G, T and N" }
      guard !ASCIIText.equalIgnoringCase(alternate, reference) else { return "ALT \(alternate) is the same as REF" }
    }
    // POS 0 and length + 1 stand for the telomeres, which only breakends may name (VCF 4.3, 5.4).
    let telomere = onlyBreakends ? 1 : 0
    guard record.position >= 1 - telomere else { return "POS \(record.position) is before the start of \(record.contig)" }
    if let length = contigLengths[ContigName.canonical(record.contig)], record.position > length + telomere {
      return "POS \(record.position) is beyond the end of \(record.contig) (\(length) bases)"
    }
    if let end = record.info["END"]?.numbers.first ?? nil, !(end >= Double(record.position)) {
      return end.isNaN ? "INFO/END is not a number" : "INFO/END \(NumberText.text(end)) is before POS \(record.position)"
    }
    if let problem = Self.countProblem(record.info, where: "INFO") { return problem }
    for (number, fields) in record.sampleFields.enumerated() {
      if let problem = Self.countProblem(fields, where: "sample \(number + 1) FORMAT") { return problem }
    }
    return nil
  }

  /// Depths and read counts are whole numbers from 0 to 2^31 (htslib's limit); an allele fraction lies in
  /// 0 to 1; a copy number from 0 to a million (as the VCF spec defines DP, AD, AF and CN).
  static func countProblem(_ fields: [String: FieldValue], where place: @autoclosure () -> String) -> String? {
    for name in ["DP", "AD"] {
      guard let value = fields[name] else { continue }
      if let negative = value.firstNumber(where: { $0 < 0 }) {
        return "\(place())/\(name) \(NumberText.text(negative)) is negative"
      }
      if let huge = value.firstNumber(where: { !($0 < 2_147_483_648) }) {
        return "\(place())/\(name) \(NumberText.text(huge)) is not a read count"
      }
    }
    if case .floats(let values)? = fields["AF"], let outside = values.lazy.compactMap({ $0 }).first(where: { !(0...1).contains($0) }) {
      return "\(place())/AF \(NumberText.text(outside)) is outside 0 to 1"
    }
    if let value = fields["CN"], let outside = value.firstNumber(where: { !($0 >= 0 && $0 < 1_000_000) }) {
      return "\(place())/CN \(NumberText.text(outside)) is not a copy number"
    }
    return nil
  }

  /// Why a split variant's read counts cannot be true, or nil.
  public func problem(_ variant: Variant) -> String? {
    // Written out rather than over arrays of calls and counts: this runs for every split variant.
    func problem(_ call: SampleCall?) -> String? {
      guard let call else { return nil }
      if let depth = call.depth, depth < 0 { return "\(call.sample): depth \(depth) is negative" }
      if let reads = call.referenceReads, reads < 0 { return "\(call.sample): REF reads \(reads) is negative" }
      if let reads = call.alternateReads, reads < 0 { return "\(call.sample): ALT reads \(reads) is negative" }
      if let fraction = call.alleleFraction, !(0...1).contains(fraction) {
        return "\(call.sample): allele fraction \(fraction) is outside 0 to 1"
      }
      return nil
    }
    return problem(variant.tumor) ?? problem(variant.normal)
  }

  static func isBases(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { "ACGTNacgtn".utf8.contains($0) }
  }

  /// `<DEL>`, `<DUP:TANDEM>`, `<INS:ME:ALU>`, `<*>`, `<NON_REF>`.
  static func isSymbolic(_ text: String) -> Bool {
    guard text.count > 2, text.hasSuffix(">") else { return false }
    let inner = text.dropFirst().dropLast()
    return !inner.contains("<") && !inner.contains(">") && !inner.contains(",")
      && inner.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
  }

  /// `G]17:198982]`, `]13:123456]T`, `C[2:321682[`, `[17:198983[A`, and single breakends `.A`, `G.`.
  static func isBreakend(_ text: String) -> Bool {
    if text.hasPrefix(".") { return isBases(String(text.dropFirst())) }
    if text.hasSuffix(".") && !text.contains("[") && !text.contains("]") { return isBases(String(text.dropLast())) }
    guard let open = text.firstIndex(where: { $0 == "[" || $0 == "]" }),
      let close = text[text.index(after: open)...].firstIndex(of: text[open])
    else { return false }
    let before = text[..<open]
    let after = text[text.index(after: close)...]
    // Exactly one side carries the bases.
    guard before.isEmpty != after.isEmpty, isBases(String(before) + String(after)) else { return false }
    return BreakendNotation.mate(of: text) != nil
  }

  /// A value as it can be shown on one line: control bytes escaped, at most 20 characters.
  static func shown(_ text: String) -> String {
    let escaped = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }
      .joined()
    return escaped.count > 20 ? escaped.prefix(20) + "..." : escaped
  }
}

/// Numbers as messages show them: `-5`, not `-5.0`.
enum NumberText {
  static func text(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }
}
