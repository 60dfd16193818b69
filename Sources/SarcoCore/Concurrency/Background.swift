import Dispatch
import Foundation

/// A value computed on another thread while the caller goes on.
public final class Background<Value>: @unchecked Sendable {
  private let group = DispatchGroup()
  private var result: Result<Value, Error>?

  /// `ownThread`: on a thread of its own, started now, instead of the global queue. For the few
  /// long tasks a run starts at once (the panel load and its decode's parts): the
  /// global queue runs as many tasks as there are cores, and a task waiting for another kept its
  /// slot while the other queued (an indexed run's panel decode waited ~20 ms behind the index check).
  public init(ownThread: Bool = false, _ work: @escaping @Sendable () throws -> Value) {
    guard ownThread else {
      DispatchQueue.global().async(group: group) { [self] in
        result = Result { try work() }
      }
      return
    }
    group.enter()
    Thread { [self] in
      result = Result { try work() }
      group.leave()
    }.start()
  }

  /// A value already at hand, handed over as one computed on the side.
  public static func done(_ value: Value) -> Background<Value> { Background(value: value) }

  private init(value: Value) { result = .success(value) }

  /// Waits for the value; rethrows the work's error.
  public func value() throws -> Value {
    group.wait()
    return try result!.get()
  }
}
