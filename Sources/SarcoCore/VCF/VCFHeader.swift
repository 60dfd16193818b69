/// A VCF header as Swift values: meta lines, field definitions, contigs, samples.
///
/// Built from the header text htslib hands back, so what we see is exactly
/// what htslib parsed (including the `PASS` filter it adds when missing).
public struct VCFHeader: Sendable, Equatable {
  /// One `##key=value` or `##key=<k=v,...>` line.
  public struct MetaLine: Sendable, Equatable {
    public let key: String
    /// The raw value after `=` (for structured lines, the text inside `<>`).
    public let value: String
    /// Structured fields in file order (empty for plain lines).
    public let fields: [(String, String)]

    public func field(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }

    public static func == (lhs: MetaLine, rhs: MetaLine) -> Bool {
      lhs.key == rhs.key && lhs.value == rhs.value
    }
  }

  /// An INFO or FORMAT definition: `Number` as written and the declared `Type`.
  public struct FieldDefinition: Sendable, Equatable {
    public let id: String
    public let number: String
    public let type: String
    public let description: String
  }

  public let metaLines: [MetaLine]
  public let samples: [String]
  public let info: [String: FieldDefinition]
  public let format: [String: FieldDefinition]
  /// `##contig` lines in file order: name and declared length (nil when absent).
  public let contigs: [(name: String, length: Int?)]

  public static func == (lhs: VCFHeader, rhs: VCFHeader) -> Bool {
    lhs.metaLines == rhs.metaLines && lhs.samples == rhs.samples
  }

  /// Parses header text (`##` lines and the `#CHROM` line).
  public init(text: String) {
    var metaLines: [MetaLine] = []
    var samples: [String] = []
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.hasPrefix("##") {
        metaLines.append(VCFHeader.parseMetaLine(line.dropFirst(2)))
      } else if line.hasPrefix("#CHROM") {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
        if columns.count > 9 { samples = columns[9...].map(String.init) }
      }
    }
    self.init(metaLines: metaLines, samples: samples)
  }

  public init(metaLines: [MetaLine], samples: [String]) {
    self.metaLines = metaLines
    self.samples = samples
    var info: [String: FieldDefinition] = [:]
    var format: [String: FieldDefinition] = [:]
    var contigs: [(String, Int?)] = []
    for line in metaLines {
      switch line.key {
      case "INFO", "FORMAT":
        guard let id = line.field("ID") else { continue }
        let definition = FieldDefinition(
          id: id, number: line.field("Number") ?? ".", type: line.field("Type") ?? "String",
          description: line.field("Description") ?? "")
        if line.key == "INFO" { info[id] = definition } else { format[id] = definition }
      case "contig":
        if let id = line.field("ID") { contigs.append((id, line.field("length").flatMap { Int($0) })) }
      default:
        break
      }
    }
    self.info = info
    self.format = format
    self.contigs = contigs
  }

  /// Values of every plain or structured meta line with this key.
  public func values(forKey key: String) -> [String] {
    metaLines.filter { $0.key == key }.map(\.value)
  }

  static func parseMetaLine(_ body: Substring) -> MetaLine {
    guard let equals = body.firstIndex(of: "=") else {
      return MetaLine(key: String(body), value: "", fields: [])
    }
    let key = String(body[..<equals])
    let value = body[body.index(after: equals)...]
    guard value.hasPrefix("<"), value.hasSuffix(">") else {
      return MetaLine(key: key, value: String(value), fields: [])
    }
    let inner = value.dropFirst().dropLast()
    return MetaLine(key: key, value: String(inner), fields: parseStructuredFields(inner))
  }

  /// Splits `ID=AD,Number=R,Description="a, b"` on commas outside quotes.
  static func parseStructuredFields(_ text: Substring) -> [(String, String)] {
    var fields: [(String, String)] = []
    var key = ""
    var value = ""
    var inKey = true
    var inQuotes = false
    var escaped = false
    func flush() {
      if !key.isEmpty { fields.append((key, value)) }
      key = ""
      value = ""
      inKey = true
    }
    for character in text {
      if inKey {
        if character == "=" { inKey = false } else if character == "," { flush() } else { key.append(character) }
        continue
      }
      if escaped {
        value.append(character)
        escaped = false
      } else if character == "\\" && inQuotes {
        escaped = true
      } else if character == "\"" {
        inQuotes.toggle()
      } else if character == "," && !inQuotes {
        flush()
      } else {
        value.append(character)
      }
    }
    flush()
    return fields
  }
}
