import Foundation

/// Large structures a command would free object by object just before its process exits (the
/// panel's hundreds of thousands of strings and arrays, a run's readers): the command-line tool
/// keeps them until exit, when the kernel takes the whole address space back at once. Off unless
/// `skipFreeing()` is called (only `main.swift` does), so a library user or a test that runs many
/// samples in one process frees each as usual.
public enum ExitTeardown {
  private static let state = KeptValues()

  /// From now on `keep` holds what it is given until the process exits.
  public static func skipFreeing() { state.enable() }

  /// Holds `value` until exit when skipping is on; otherwise does nothing.
  public static func keep(_ value: Any) { state.append(value) }

  final class KeptValues: @unchecked Sendable {
    private let lock = NSLock()
    private var enabled = false
    private(set) var values: [Any] = []

    func enable() { lock.withLock { enabled = true } }

    func append(_ value: Any) {
      lock.withLock { if enabled { values.append(value) } }
    }
  }
}
