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
    let header = try #require(PanelCache.read(path: "\(cacheFolder)/\(copy)"))
    #expect(PanelCache.write(emptied, header: header, to: "\(cacheFolder)/\(copy)"))
    #expect(try PanelTasks.bed(directory: directory, build: .grch38, kind: .targets, pad: nil, chrPrefix: false).isEmpty)
    #expect(try PanelTasks.validate(directory: directory).contains("genes: \(genes),"))
  }
}

@Suite struct PanelSubsetTests {
  /// A subset keeps only the chosen genes' rows, loads as a panel of its own and names its parent.
  @Test func subsetByGenesCutsEveryTableAndNamesItsParent() throws {
    let parent = try PanelLoader.load(directory: TestData.path("panels/sarcoma"))
    let out = TestData.temporaryDirectory("subset") + "/gist"
    var request = PanelSubset.Request(panel: TestData.path("panels/sarcoma"), outputDirectory: out)
    request.genes = ["KIT", "PDGFRA", "SDHB"]
    request.name = "gist"
    let derived = try PanelSubset.run(request).panel
    #expect(Set(derived.genes.map(\.symbol)) == ["KIT", "PDGFRA", "SDHB"])
    #expect(derived.manifest.name == "gist")
    #expect(derived.manifest.version.hasPrefix(parent.manifest.version + "+"))
    #expect(derived.checksum != parent.checksum)
    #expect(!derived.knowledge.evidence.isEmpty)
    // Gene-independent evidence (gene `*`, e.g. TMB-high) stays with every subset.
    #expect(derived.knowledge.evidence.allSatisfy { ["KIT", "PDGFRA", "SDHB", "*"].contains($0.gene) })
    #expect(derived.hotspots.allSatisfy { ["KIT", "PDGFRA", "SDHB"].contains($0.gene) })
    #expect(derived.hotspots.count < parent.hotspots.count)
    let origin = try #require(derived.manifest.sources?["derived from"])
    #expect(origin.contains(parent.manifest.name) && origin.contains(parent.checksum))
    // The folder is not overwritten.
    #expect(throws: SarcoError.self) { try PanelSubset.run(request) }
  }

  @Test func subsetByRegionsKeepsOverlappingGenesAndRefusesUnknownNames() throws {
    let folder = TestData.temporaryDirectory("subset-bed")
    let panel = try PanelLoader.load(directory: TestData.path("panels/sarcoma"))
    let kit = try #require(panel.gene(named: "KIT")?.locus(on: .grch38)?.span)
    try "\(kit.contig)\t\(kit.start + 10)\t\(kit.start + 20)\n".write(toFile: "\(folder)/one.bed", atomically: true, encoding: .utf8)
    var request = PanelSubset.Request(panel: TestData.path("panels/sarcoma"), outputDirectory: "\(folder)/kit")
    request.bed = "\(folder)/one.bed"
    request.build = .grch38
    let derived = try PanelSubset.run(request).panel
    #expect(derived.genes.map(\.symbol) == ["KIT"])
    #expect(derived.manifest.name == "sarcoma-subset")
    var unknown = PanelSubset.Request(panel: TestData.path("panels/sarcoma"), outputDirectory: "\(folder)/none")
    unknown.genes = ["KIT", "NOTAGENE"]
    #expect { try PanelSubset.run(unknown) } throws: { ($0 as? SarcoError)?.message.contains("NOTAGENE") == true }
    #expect(!FileManager.default.fileExists(atPath: "\(folder)/none"))
  }
}
