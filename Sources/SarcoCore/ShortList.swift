/// Lists inside messages stay one readable line: the first few items, then how many more
/// (a VCF with 10,000 samples must not give an 80 KB error).
public enum ShortList {
  public static let shown = 10

  /// `a, b, c (and 9,997 more)`.
  public static func text(_ items: [String], separator: String = ", ", limit: Int = shown) -> String {
    let head = items.prefix(limit).joined(separator: separator)
    return items.count > limit ? "\(head) (and \(items.count - limit) more)" : head
  }
}
