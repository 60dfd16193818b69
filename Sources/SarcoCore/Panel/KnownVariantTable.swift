/// The panel's ClinVar rows (`known_variants.tsv`, tens of thousands), stored by
/// number: each text cell is the number of one distinct text, each row a fixed
/// run of cells. The panel cache then holds one string of texts and one list of
/// integers, and a run decodes them in a few milliseconds instead of building
/// ten strings per row (most of a small sample's panel load); rows become
/// `KnownVariant` values, and texts strings, only when read.
public struct KnownVariantTable: Sendable, Codable, Equatable, RandomAccessCollection {
  public enum Column: Int, CaseIterable, Sendable {
    case gene, build, contig, start, end, reference, alternate, clinvarID, significance, reviewStatus, stars, release,
      consequence
  }

  static let width = Column.allCases.count
  static let numericColumns: Set<Column> = [.start, .end, .stars]

  /// Distinct texts, in order of first use, each ended by a newline (the cache's form of them).
  private var textBytes: [UInt8] = []
  /// Where each text starts in `textBytes`, then where the bytes end: text `n` is
  /// `textStarts[n] ..< textStarts[n + 1] - 1`. (Kept as bytes: making the ~44,000 strings at every
  /// decode was half the known variants' part of the panel decode, and a run reads a few hundred.)
  private var textStarts: [UInt32] = [0]
  /// `width` cells per row: a text's number, or the value of a numeric column.
  private var cells: [UInt32] = []
  /// Text -> number while rows are appended (rebuilt on the first append after a decode).
  private var numbers: [String: UInt32] = [:]

  public init() {}

  public init<Rows: Sequence>(_ rows: Rows) where Rows.Element == KnownVariant {
    for row in rows { append(row) }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { cells.count / Self.width }

  public subscript(row: Int) -> KnownVariant {
    KnownVariant(
      // Every build text is a build: `append` stores only builds and decoding checks them.
      gene: text(row, .gene), build: GenomeBuild(rawValue: text(row, .build))!,
      interval: GenomicInterval(contig: text(row, .contig), start: integer(row, .start), end: integer(row, .end)),
      reference: text(row, .reference), alternate: text(row, .alternate), clinvarID: text(row, .clinvarID),
      significance: text(row, .significance), reviewStatus: text(row, .reviewStatus), stars: integer(row, .stars),
      release: text(row, .release), consequence: text(row, .consequence))
  }

  /// A text cell of `row`.
  @inline(__always)
  public func text(_ row: Int, _ column: Column) -> String { text(number: cells[row * Self.width + column.rawValue]) }

  /// The number of a text cell: equal numbers are equal texts (cheap grouping and comparison).
  @inline(__always)
  public func textNumber(_ row: Int, _ column: Column) -> UInt32 { cells[row * Self.width + column.rawValue] }

  /// A numeric cell of `row` (position, end or stars).
  @inline(__always)
  public func integer(_ row: Int, _ column: Column) -> Int { Int(cells[row * Self.width + column.rawValue]) }

  /// The text a number stands for.
  public func text(number: UInt32) -> String {
    let number = Int(number)
    return String(decoding: textBytes[Int(textStarts[number])..<(Int(textStarts[number + 1]) - 1)], as: UTF8.self)
  }

  /// How many distinct texts there are: every text number is below it.
  public var textCount: Int { textStarts.count - 1 }

  public mutating func append(_ variant: KnownVariant) {
    if numbers.count != textCount {
      numbers = Dictionary((0..<textCount).map { (text(number: UInt32($0)), UInt32($0)) }, uniquingKeysWith: { first, _ in first })
    }
    for column in Column.allCases {
      switch column {
      case .gene: appendText(variant.gene)
      case .build: appendText(variant.build.rawValue)
      case .contig: appendText(variant.interval.contig)
      case .start: appendNumber(variant.interval.start)
      case .end: appendNumber(variant.interval.end)
      case .reference: appendText(variant.reference)
      case .alternate: appendText(variant.alternate)
      case .clinvarID: appendText(variant.clinvarID)
      case .significance: appendText(variant.significance)
      case .reviewStatus: appendText(variant.reviewStatus)
      case .stars: appendNumber(variant.stars)
      case .release: appendText(variant.release)
      case .consequence: appendText(variant.consequence)
      }
    }
  }

  private mutating func appendText(_ text: String) {
    if let number = numbers[text] {
      cells.append(number)
      return
    }
    let number = UInt32(textCount)
    textBytes.append(contentsOf: text.utf8)
    textBytes.append(Self.textEnd)
    precondition(textBytes.count <= Int(UInt32.max), "known variant texts exceed 4 GiB")
    textStarts.append(UInt32(textBytes.count))
    numbers[text] = number
    cells.append(number)
  }

  private mutating func appendNumber(_ value: Int) {
    // Positions, ends and stars are checked non-negative by the loader; GRCh38's longest contig is 2^28.
    precondition(value >= 0 && value <= Int(UInt32.max), "known variant value \(value) out of range")
    cells.append(UInt32(value))
  }

  // MARK: Codable, Equatable

  enum CodingKeys: String, CodingKey { case texts, cells }

  /// The texts travel as one string, each ended by a newline (table cells hold none): one entry of
  /// the panel cache's string table instead of fifty thousand, which the cache builds before any of
  /// the panel's parts can decode (~1.2 ms of every run's start); their starts are found on this
  /// decode's own thread.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    textBytes = Array(try container.decode(String.self, forKey: .texts).utf8)
    guard let starts = Self.textStarts(textBytes) else {
      throw DecodingError.dataCorruptedError(forKey: .texts, in: container, debugDescription: "the last text has no newline")
    }
    textStarts = starts
    cells = try container.decode([UInt32].self, forKey: .cells)
    guard cells.count % Self.width == 0 else {
      throw DecodingError.dataCorruptedError(forKey: .cells, in: container, debugDescription: "\(cells.count) cells is not whole rows")
    }
    let textColumns = Column.allCases.filter { !Self.numericColumns.contains($0) }.map(\.rawValue)
    let textCount = UInt32(self.textCount)
    var builds: Set<UInt32> = []
    // Rows come in runs of one build: a row with the build before it needs no set lookup.
    var lastBuild: UInt32?
    var base = 0
    while base < cells.count {
      // The row's highest text number first (a throwing test per cell was most of this loop).
      let highest = textColumns.reduce(UInt32(0)) { Swift.max($0, cells[base + $1]) }
      if highest >= textCount {
        throw DecodingError.dataCorruptedError(forKey: .cells, in: container, debugDescription: "text number \(highest) of \(textCount)")
      }
      let build = cells[base + Column.build.rawValue]
      if build != lastBuild && !builds.contains(build) {
        guard GenomeBuild(rawValue: text(number: build)) != nil else {
          throw DecodingError.dataCorruptedError(forKey: .cells, in: container, debugDescription: "row \(base / Self.width): build '\(text(number: build))'")
        }
        builds.insert(build)
      }
      lastBuild = build
      let start = cells[base + Column.start.rawValue]
      guard start >= 1, cells[base + Column.end.rawValue] >= start else {
        throw DecodingError.dataCorruptedError(forKey: .cells, in: container, debugDescription: "row \(base / Self.width): interval")
      }
      base += Self.width
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    // Each text ends in the one newline its start list expects, unless a text holds one.
    if textBytes.lazy.filter({ $0 == Self.textEnd }).count != textCount {
      let text = (0..<textCount).map { self.text(number: UInt32($0)) }.first { $0.utf8.contains(Self.textEnd) } ?? ""
      throw EncodingError.invalidValue(text, EncodingError.Context(codingPath: encoder.codingPath, debugDescription: "a known-variant text holds a newline"))
    }
    try container.encode(String(decoding: textBytes, as: UTF8.self), forKey: .texts)
    try container.encode(cells, forKey: .cells)
  }

  static let textEnd = UInt8(ascii: "\n")

  /// Where each text of `bytes` starts (texts each ended by a newline), then the end; nil when the
  /// last text has no newline.
  static func textStarts(_ bytes: [UInt8]) -> [UInt32]? {
    guard bytes.count <= Int(UInt32.max) else { return nil }
    var starts: [UInt32] = [0]
    for index in bytes.indices where bytes[index] == textEnd { starts.append(UInt32(index + 1)) }
    return starts.last == UInt32(bytes.count) ? starts : nil
  }

  public static func == (lhs: KnownVariantTable, rhs: KnownVariantTable) -> Bool {
    lhs.textStarts == rhs.textStarts && lhs.textBytes == rhs.textBytes && lhs.cells == rhs.cells || lhs.elementsEqual(rhs)
  }
}
