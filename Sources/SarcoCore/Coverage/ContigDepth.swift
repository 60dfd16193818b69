/// Bases `[start, end)` (0-based) all at one depth.
public struct DepthRun: Sendable, Equatable {
  public let start: Int
  public let end: Int
  public let depth: Int32

  public init(start: Int, end: Int, depth: Int32) {
    self.start = start
    self.end = end
    self.depth = depth
  }

  public var length: Int { end - start }
}

/// Per-base depth along a whole contig, from its reads in start order (counted
/// as `DepthMarking` counts), handed out as maximal runs of equal depth that
/// cover `[0, length)` in order.
///
/// Only the stretch between the oldest unsettled base and the furthest read end
/// is held in memory: a read starting at `p` can change no depth before `p`, so
/// everything before it is settled into runs as reads go by, and a gap between
/// reads costs one run however long it is.
public struct ContigDepth {
  /// Depth changes from `origin` on; the bases before `origin` are settled.
  struct PendingChanges: DepthChangeBuffer {
    let length: Int
    var origin = 0
    var changes: [Int32] = []
    /// Depth over `[runStart, origin)`, the run not yet handed out.
    var depth: Int32 = 0
    var runStart = 0

    mutating func mark(_ range: Range<Int>, by delta: Int32) {
      let lower = max(range.lowerBound, origin)
      let upper = min(range.upperBound, length)
      guard lower < upper else { return }
      if changes.count <= upper - origin {
        changes.append(contentsOf: repeatElement(0, count: upper - origin + 1 - changes.count))
      }
      changes[lower - origin] += delta
      changes[upper - origin] -= delta
    }

    /// Applies the changes before `position`, handing out every run that ends there or earlier.
    mutating func settle(upTo position: Int, emit: (DepthRun) -> Void) {
      guard position > origin else { return }
      let count = min(position - origin, changes.count)
      for index in 0..<count where changes[index] != 0 {
        let at = origin + index
        if at > runStart { emit(DepthRun(start: runStart, end: at, depth: depth)) }
        runStart = at
        depth += changes[index]
      }
      if count == changes.count {
        changes.removeAll(keepingCapacity: true)
      } else {
        changes.removeFirst(count)
      }
      origin = position
    }
  }

  private var marking: DepthMarking
  private var pending: PendingChanges
  /// Settle at least this far behind the newest read (bounds the memory of a dense region).
  private static let settleStride = 1 << 16

  public init(length: Int, options: DepthMarking.Options) {
    marking = DepthMarking(options: options)
    pending = PendingChanges(length: length)
  }

  /// Counts `read` (reads must come sorted by start), handing out the runs it settles.
  public mutating func add(_ read: AlignedRead, emit: (DepthRun) -> Void) {
    let start = min(read.start, pending.length)
    if start >= pending.origin + pending.changes.count || start - pending.origin >= ContigDepth.settleStride {
      pending.settle(upTo: start, emit: emit)
    }
    marking.add(read, to: &pending)
  }

  /// Hands out the remaining runs, up to the contig's end.
  public mutating func finish(emit: (DepthRun) -> Void) {
    pending.settle(upTo: pending.length, emit: emit)
    if pending.length > pending.runStart {
      emit(DepthRun(start: pending.runStart, end: pending.length, depth: pending.depth))
    }
  }
}
