/// The contig order several VCFs of one sample are merged in: the `##contig` lines of the
/// first file's header, then contigs only the later headers declare (in their order), then any
/// other contig in `ContigName.sortKey` order (1..22, X, Y, MT, then alphabetical).
/// Names compare through `ContigName.canonical`, so `chr17` and `17` are one contig.
public struct ContigOrder: Sendable {
  private let ranks: [String: Int]

  public init(headers: [VCFHeader]) {
    var ranks: [String: Int] = [:]
    for header in headers {
      for contig in header.contigs where ranks[ContigName.canonical(contig.name)] == nil {
        ranks[ContigName.canonical(contig.name)] = ranks.count
      }
    }
    self.ranks = ranks
  }

  /// Compares as the merge orders records: declared contigs first, in their order.
  public struct Key: Comparable, Sendable {
    let rank: Int
    let sortKey: Int
    let name: String

    public static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.rank, lhs.sortKey, lhs.name) < (rhs.rank, rhs.sortKey, rhs.name)
    }
  }

  public func key(_ contig: String) -> Key {
    if let rank = ranks[ContigName.canonical(contig)] { return Key(rank: rank, sortKey: 0, name: "") }
    let sortKey = ContigName.sortKey(contig)
    return Key(rank: ranks.count, sortKey: sortKey.0, name: sortKey.1)
  }
}
