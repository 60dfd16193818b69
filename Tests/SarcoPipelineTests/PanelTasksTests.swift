import Foundation
import SarcoCore
import SarcoPipeline
import SarcoTestSupport
import Testing

@testable import SarcoIO

@Suite struct PanelTasksTests {
  /// `panel validate` reads the tables even when a compiled copy is there: a
  /// copy that claims the same tables but holds no genes changes what `panel
  /// bed` (through the cache) sees, not what `panel validate` reports.
  @Test func validateReadsTheTablesNotTheCompiledCopy() throws {
    let directory = TestData.temporaryDirectory("validate") + "/mini38"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let source = TestData.path("testdata/panels/mini38")
    for name in try FileManager.default.contentsOfDirectory(atPath: source) where !name.hasPrefix(".") {
      try FileManager.default.copyItem(atPath: "\(source)/\(name)", toPath: "\(directory)/\(name)")
    }
    let panel = try PanelCache.load(directory: directory)
    let genes = panel.genes.count
    try #require(genes > 0)
    #expect(try PanelTasks.validate(directory: directory).contains("genes: \(genes),"))
    let cacheFolder = "\(directory)/.sarcopanel-cache"
    let copy = try #require(try FileManager.default.contentsOfDirectory(atPath: cacheFolder).first)
    let emptied = Panel(manifest: panel.manifest, genes: [], exons: [], hotspots: [], knowledge: panel.knowledge, checksum: panel.checksum)
    let header = try #require(PanelCache.read(path: "\(cacheFolder)/\(copy)")).0
    #expect(PanelCache.write(emptied, header: header, to: "\(cacheFolder)/\(copy)"))
    #expect(try PanelTasks.bed(directory: directory, build: .grch38, kind: .targets, pad: nil, chrPrefix: false).isEmpty)
    #expect(try PanelTasks.validate(directory: directory).contains("genes: \(genes),"))
  }
}
