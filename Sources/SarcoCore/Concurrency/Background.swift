import Dispatch

/// A value computed on another thread while the caller goes on.
public final class Background<Value>: @unchecked Sendable {
  private let group = DispatchGroup()
  private var result: Result<Value, Error>?

  public init(_ work: @escaping @Sendable () throws -> Value) {
    DispatchQueue.global().async(group: group) { [self] in
      result = Result { try work() }
    }
  }

  /// Waits for the value; rethrows the work's error.
  public func value() throws -> Value {
    group.wait()
    return try result!.get()
  }
}
