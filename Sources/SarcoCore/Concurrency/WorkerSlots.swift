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
}
