/// A genomic allele whose protein change the panel knows (cancerhotspots codon
/// changes, CIViC variants with coordinates), so an unannotated VCF still gets
/// its amino acids.
public struct KnownAllele: Sendable, Equatable, Codable {
  public let gene: String
  public let build: GenomeBuild
  public let edit: AlleleEdit
  /// One-letter change as evidence tables name it: `D842V`, `W557_K558del`, `V600=`.
  public let protein: String
  public let source: String

  public init(gene: String, build: GenomeBuild, edit: AlleleEdit, protein: String, source: String) {
    self.gene = gene
    self.build = build
    self.edit = edit
    self.protein = protein
    self.source = source
  }
}

/// An allele as the bases it replaces, without anchor bases: `start...end` of the
/// reference become `alternate` (an insertion has `end == start - 1`). The same
/// change gives the same edit however a caller padded it.
public struct AlleleEdit: Sendable, Hashable, Codable, CustomStringConvertible {
  public let contig: String
  public let start: Int
  public let end: Int
  public let reference: String
  public let alternate: String

  public init(contig: String, start: Int, end: Int, reference: String, alternate: String) {
    self.contig = ContigName.canonical(contig)
    self.start = start
    self.end = end
    self.reference = reference
    self.alternate = alternate
  }

  /// An edit whose contig is already canonical, kept as given (the panel cache's rows).
  @usableFromInline
  init(canonicalContig contig: String, start: Int, end: Int, reference: String, alternate: String) {
    self.contig = contig
    self.start = start
    self.end = end
    self.reference = reference
    self.alternate = alternate
  }

  /// The edit of a minimal VCF allele (one shared leading base dropped from indels).
  public init?(variant: Variant) {
    guard [.snv, .mnv, .insertion, .deletion, .complex].contains(variant.kind) else { return nil }
    var reference = Substring(variant.reference)
    var alternate = Substring(variant.alternate)
    var start = variant.position
    while let r = reference.first, let a = alternate.first, r == a {
      reference = reference.dropFirst()
      alternate = alternate.dropFirst()
      start += 1
    }
    guard !(reference.isEmpty && alternate.isEmpty) else { return nil }
    self.init(
      contig: variant.contig, start: start, end: start + reference.count - 1, reference: String(reference),
      alternate: String(alternate))
  }

  public var description: String {
    "\(contig):\(start)-\(end):\(reference.isEmpty ? "-" : reference)>\(alternate.isEmpty ? "-" : alternate)"
  }
}
