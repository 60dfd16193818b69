@testable import SarcoCore
import SarcoTestSupport
import Testing

/// The ClinVar index orders its rows by contig rank and start, rows of one place in table order,
/// through integers packed from the keys when they fit and through a tuple sort when not.
@Suite struct KnownVariantOrderTests {
  /// The order every path must give: by key, then by place in the input.
  func reference(_ rows: [Int32], _ keys: [(contig: Int, start: Int)]) -> [Int32] {
    zip(keys.indices, rows).sorted { a, b in
      (keys[a.0].contig, keys[a.0].start, a.0) < (keys[b.0].contig, keys[b.0].start, b.0)
    }.map(\.1)
  }

  @Test func packedOrderIsTheStableOrderOfTheKeys() {
    var generator = SplitMix(seed: 18)
    for size in [0, 1, 2, 17, 5_000] {
      // Few distinct keys, so that many rows tie and stability shows.
      let keys = (0..<size).map { _ in (contig: generator.next(below: 4), start: generator.next(below: 40)) }
      let rows = (0..<size).map { Int32($0 * 7 % max(size, 1)) }
      #expect(KnownVariantIndex.stablySorted(rows, keys: keys) == reference(rows, keys), "\(size) rows")
    }
  }

  /// Keys past the packed widths (a start from 2^32, a 256th contig) take the tuple sort, with the same order.
  @Test func keysThatDoNotFitAreSortedAlike() {
    let keys = [(contig: 1, start: 1 << 33), (contig: 0, start: 5), (contig: 1, start: 3), (contig: 0, start: 5), (contig: 300, start: 1)]
    let rows: [Int32] = [10, 11, 12, 13, 14]
    #expect(KnownVariantIndex.stablySorted(rows, keys: keys) == [11, 13, 12, 10, 14])
    #expect(KnownVariantIndex.stablySorted(rows, keys: keys) == reference(rows, keys))
  }
}
