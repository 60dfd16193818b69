/// A critical part of a protein's functional domain (ClinGen/CGC/VICC OM1),
/// located by exon of the panel transcript or by residues.
public struct FunctionalDomain: Sendable, Equatable, Codable {
  public enum Locator: Sendable, Equatable, Codable, CustomStringConvertible {
    case exon(Int)
    case residues(ClosedRange<Int>)

    /// `exon:11` or `residues:102-292`.
    public static func parse(_ text: String) -> Locator? {
      let parts = text.split(separator: ":", maxSplits: 1)
      guard parts.count == 2 else { return nil }
      switch parts[0] {
      case "exon": return Int(parts[1]).flatMap { $0 >= 1 ? .exon($0) : nil }
      case "residues":
        let bounds = parts[1].split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, bounds[0] >= 1, bounds[0] <= bounds[1] else { return nil }
        return .residues(bounds[0]...bounds[1])
      default: return nil
      }
    }

    public var description: String {
      switch self {
      case .exon(let number): return "exon \(number)"
      case .residues(let range): return "residues \(range.lowerBound)-\(range.upperBound)"
      }
    }
  }

  public let gene: String
  public let locator: Locator
  public let name: String
  public let source: String

  public init(gene: String, locator: Locator, name: String, source: String) {
    self.gene = gene
    self.locator = locator
    self.name = name
    self.source = source
  }
}

/// The kinase domain of a gene that drives fusions as the 3' partner.
public struct KinaseDomain: Sendable, Equatable, Codable {
  public let gene: String
  public let residues: ClosedRange<Int>
  public let source: String

  public init(gene: String, residues: ClosedRange<Int>, source: String) {
    self.gene = gene
    self.residues = residues
    self.source = source
  }
}
