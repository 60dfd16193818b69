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
    // Beside the view, on a core that is otherwise idle while it is built (a batch's other workers
    // wait for it; a single run has one thread busy): the somatic index, which needs only the panel,
    // and once the view is made the tables every sample reads. The first sample then waits for
    // about the longest of them instead of their sum. The index, which is waited for here, gets a
    // thread of its own: a batch's workers can hold every slot of the global queue; the tables are
    // made by whichever asks first.
    let panel = self.panel
    let somatic = Background(ownThread: true) { SomaticKnowledgeIndex(panel: panel, build: build) }
    let view = try PanelView(panel: panel, build: build)
    DispatchQueue.global().async { view.prepareSampleTables() }
    view.adopt(somaticIndex: try somatic.value())
    views[build] = view
    return view
  }
}
