import Dispatch

/// One result slot per parallel worker, filled concurrently and read in worker
/// order afterwards: how batches fanned out with `concurrentPerform` come back
/// in input order whatever the thread count.
public final class WorkerSlots<Value>: @unchecked Sendable {
  private var values: [Value?]
  private let queue = DispatchQueue(label: "sarcopanel.worker-slots")

  public init(count: Int) { values = Array(repeating: nil, count: count) }

  public subscript(index: Int) -> Value? {
    get { queue.sync { values[index] } }
    set { queue.sync { values[index] = newValue } }
  }

  /// The value of slot `index`, leaving it empty (so the caller holds the only reference).
  public func take(_ index: Int) -> Value? {
    queue.sync {
      defer { values[index] = nil }
      return values[index]
    }
  }
}

/// Splits `0..<count` into one contiguous share per worker, runs the shares
/// concurrently and joins their results in share order, so output order never
/// depends on the thread count. The first error, in share order, is rethrown.
public enum ParallelShares {
  /// Share `worker` of `count` items split over `workers`.
  public static func range(_ worker: Int, of workers: Int, count: Int) -> Range<Int> {
    (worker * count / workers)..<((worker + 1) * count / workers)
  }

  public static func map<T>(
    count: Int, workers requested: Int, _ body: @Sendable (_ worker: Int, _ share: Range<Int>) throws -> [T]
  ) throws -> [T] {
    let workers = max(1, min(requested, count))
    guard count > 0 else { return [] }
    if workers == 1 { return try body(0, 0..<count) }
    let slots = WorkerSlots<Result<[T], Error>>(count: workers)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      slots[worker] = Result { try body(worker, range(worker, of: workers, count: count)) }
    }
    // The first share becomes the result without copying its items (a copy retains every
    // reference an item holds); the others are appended.
    var joined: [T] = []
    for worker in 0..<workers {
      guard let result = slots.take(worker) else { continue }
      if joined.isEmpty {
        joined = try result.get()
        joined.reserveCapacity(count)
      } else {
        joined.append(contentsOf: try result.get())
      }
    }
    return joined
  }
}
