import Foundation
import SarcoCore

/// A panel's views by build, made once and shared by every sample of a batch
/// (a view's indexes and capture targets cost about as much to build as a
/// small sample costs to run).
public final class PanelViews: @unchecked Sendable {
  public let panel: Panel
  private let lock = NSLock()
  private var views: [GenomeBuild: PanelView] = [:]

  public init(panel: Panel) { self.panel = panel }

  public func view(for build: GenomeBuild) throws -> PanelView {
    lock.lock()
    defer { lock.unlock() }
    if let view = views[build] { return view }
    let view = try PanelView(panel: panel, build: build)
    views[build] = view
    return view
  }
}
