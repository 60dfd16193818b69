/// A typed INFO or FORMAT value, decoded by the type its header declares.
public enum FieldValue: Sendable, Equatable, Hashable {
  case flag
  case integers([Int?])
  case floats([Double?])
  case strings([String])

  /// The values as numbers, where they are numbers (strings such as PCGR's
  /// `ADT=112,32` are split on commas and parsed).
  public var numbers: [Double?] {
    switch self {
    case .flag: return []
    case .integers(let values): return values.map { $0.map(Double.init) }
    case .floats(let values): return values
    case .strings(let values):
      return values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
        .map { Double($0.trimmingCharacters(in: " %")) }
    }
  }

  /// `numbers[index]` (nil past the end), without building the array for integer and float
  /// values: read support and validation ask per record, for every key they try.
  public func number(at index: Int) -> Double? {
    guard index >= 0 else { return nil }
    switch self {
    case .integers(let values): return index < values.count ? values[index].map(Double.init) : nil
    case .floats(let values): return index < values.count ? values[index] : nil
    case .flag, .strings:
      let values = numbers
      return index < values.count ? values[index] : nil
    }
  }

  /// The first present value of `numbers` passing `test`, without building arrays for integer
  /// and float values.
  public func firstNumber(where test: (Double) -> Bool) -> Double? {
    switch self {
    case .integers(let values):
      for case let number? in values where test(Double(number)) { return Double(number) }
      return nil
    case .floats(let values):
      for case let number? in values where test(number) { return number }
      return nil
    case .flag, .strings:
      return numbers.lazy.compactMap { $0 }.first(where: test)
    }
  }

  /// The values as text, one element per value.
  public var texts: [String] {
    switch self {
    case .flag: return []
    case .integers(let values): return values.map { $0.map(String.init) ?? "." }
    case .floats(let values): return values.map { $0.map { "\($0)" } ?? "." }
    case .strings(let values): return values
    }
  }
}

extension Double {
  /// The whole-number part when it fits an Int; nil for NaN, infinities and
  /// beyond ±9e18 (a VCF value may be any text, `1e300` or `inf`, and Int(_:) traps on those).
  public var wholeNumber: Int? { isFinite && magnitude < 9.0e18 ? Int(self) : nil }
}

extension String {
  func trimmingCharacters(in set: String) -> Substring {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return slice
  }
}

extension Substring {
  func trimmingCharacters(in set: String) -> Substring { String(self).trimmingCharacters(in: set) }
}

/// A called genotype: allele indexes (nil for `.`) and whether it is phased.
public struct Genotype: Sendable, Equatable, Hashable {
  public let alleles: [Int?]
  public let phased: Bool

  public init(alleles: [Int?], phased: Bool) {
    self.alleles = alleles
    self.phased = phased
  }

  /// VCF spelling, e.g. `0/1`, `1|0`, `./.`.
  public var text: String {
    alleles.map { $0.map(String.init) ?? "." }.joined(separator: phased ? "|" : "/")
  }
}

/// One VCF record as Swift values, with FORMAT data for the selected samples only.
public struct VCFRecord: Sendable, Equatable {
  /// Contig as spelled in the file.
  public var contig: String
  /// 1-based POS.
  public var position: Int
  /// Reference span in bases (htslib's rlen: REF length, or INFO/END - POS + 1).
  public var referenceLength: Int
  public var id: String
  /// REF then ALTs (a missing ALT `.` gives a single allele).
  public var alleles: [String]
  public var quality: Double?
  /// FILTER names; empty when `.`.
  public var filters: [String]
  public var info: [String: FieldValue]
  /// FORMAT values of each selected sample, in selection order.
  public var sampleFields: [[String: FieldValue]]
  /// GT of each selected sample (nil when the record has no GT).
  public var genotypes: [Genotype?]
  /// 1-based ordinal of the record in the file (or in the query for indexed reads).
  public var recordNumber: Int
  /// 1-based line of the record in the file, when a text VCF was streamed (nil for BCF and indexed reads).
  public var line: Int? = nil
  /// The whole record as a VCF line (the file's own line, or htslib's rendering of a BCF record), when the
  /// reader was asked to keep it (`--vcf-out` copies every record).
  public var text: String? = nil

  public init(
    contig: String, position: Int, referenceLength: Int, id: String = ".", alleles: [String],
    quality: Double? = nil, filters: [String] = [], info: [String: FieldValue] = [:],
    sampleFields: [[String: FieldValue]] = [], genotypes: [Genotype?] = [], recordNumber: Int = 0
  ) {
    self.contig = contig
    self.position = position
    self.referenceLength = referenceLength
    self.id = id
    self.alleles = alleles
    self.quality = quality
    self.filters = filters
    self.info = info
    self.sampleFields = sampleFields
    self.genotypes = genotypes
    self.recordNumber = recordNumber
  }

  public var reference: String { alleles.first ?? "N" }
  public var alternates: ArraySlice<String> { alleles.dropFirst() }
  /// Last reference base covered.
  public var end: Int { position + max(referenceLength, 1) - 1 }
  /// Where this record is, for messages: `chr17:7674220`.
  public var locus: String { "\(contig):\(position)" }
  /// How messages name the record: `line 12 (17:7674220)`, or `record at 17:7674220` without a line number.
  public var place: String { line.map { "line \($0) (\(locus))" } ?? "record at \(locus)" }
}
