/// A small seeded generator: the same cases on every run (tests never use the system's random numbers).
public struct SplitMix {
  var state: UInt64
  public init(seed: UInt64) { state = seed }

  /// A number in `0..<bound` (0 for a bound below 1).
  public mutating func next(below bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    value ^= value >> 31
    return Int(value % UInt64(max(bound, 1)))
  }
}
