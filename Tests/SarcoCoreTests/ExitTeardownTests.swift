import Testing

@testable import SarcoCore

/// What the command-line tool leaves for the kernel to reclaim at exit is held only once skipping is on.
@Suite struct ExitTeardownTests {
  final class Large {}

  @Test func valuesAreHeldOnlyOnceSkippingIsOn() {
    let kept = ExitTeardown.KeptValues()
    weak var released: Large?
    do {
      let value = Large()
      released = value
      kept.append(value)
    }
    // Off (a library user, a test): the value is freed as usual.
    #expect(released == nil)
    #expect(kept.values.isEmpty)

    kept.enable()
    weak var held: Large?
    do {
      let value = Large()
      held = value
      kept.append((value, "with others"))
    }
    #expect(held != nil)
    #expect(kept.values.count == 1)
  }
}
