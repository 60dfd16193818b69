import Foundation
import SarcoCore
import SarcoIO
import SarcoTestSupport
import Testing

/// Copies the sarcoma panel into a temp folder and applies `edit` to one table.
func brokenPanel(_ table: String, _ edit: (String) -> String) throws -> String {
  let directory = TestData.temporaryDirectory("broken-panel") + "/sarcoma"
  try FileManager.default.copyItem(atPath: TestData.path("panels/sarcoma"), toPath: directory)
  let text = try String(contentsOfFile: "\(directory)/\(table)", encoding: .utf8)
  try edit(text).write(toFile: "\(directory)/\(table)", atomically: true, encoding: .utf8)
  return directory
}

func replacingLine(_ number: Int, in text: String, _ change: (String) -> String) -> String {
  var lines = text.components(separatedBy: "\n")
  lines[number - 1] = change(lines[number - 1])
  return lines.joined(separator: "\n")
}

func loadError(_ directory: String) -> String? {
  do {
    _ = try PanelLoader.load(directory: directory)
    return nil
  } catch {
    return (error as? SarcoError)?.message ?? "\(error)"
  }
}

@Suite struct PanelLoaderTests {
  @Test func sarcomaPanelLoadsWithBothBuilds() throws {
    let panel = TestPanels.sarcoma
    #expect(panel.manifest.builds == [.grch38, .grch37])
    #expect(panel.genes.count >= 110)
    let kit = try #require(panel.gene(named: "KIT"))
    #expect(kit.refseqTranscript.hasPrefix("NM_000222"))
    #expect(kit.locus(on: .grch38)?.span.contig == "4")
    #expect(kit.locus(on: .grch37) != nil)
    #expect(panel.gene(named: "H3F3A")?.symbol == "H3-3A")
    #expect(panel.checksum.count == 64)
    for symbol in ["KIT", "PDGFRA", "TP53", "EWSR1", "FLI1", "MDM2", "CDK4", "SS18", "NTRK3", "SDHB", "DICER1"] {
      #expect(panel.gene(named: symbol) != nil, "\(symbol) missing")
    }
  }

  @Test func everyGeneHasNumberedExonsInsideItsSpanOnBothBuilds() throws {
    let panel = TestPanels.sarcoma
    for gene in panel.genes {
      for build in GenomeBuild.allCases {
        let exons = panel.exons.filter { $0.gene == gene.symbol && $0.build == build }.sorted { $0.number < $1.number }
        #expect(!exons.isEmpty, "\(gene.symbol) \(build)")
        // Transcript order: ascending on +, descending on -.
        let starts = exons.map(\.interval.start)
        #expect(starts == (gene.strand == .plus ? starts.sorted() : starts.sorted(by: >)), "\(gene.symbol) \(build)")
      }
    }
  }

  @Test func everyHotspotSitsInACodingExonOfItsGene() throws {
    let panel = TestPanels.sarcoma
    for hotspot in panel.hotspots where !hotspot.change.hasPrefix("C2") {  // TERT promoter is upstream by design
      let gene = try #require(panel.gene(named: hotspot.gene))
      let locus = try #require(gene.locus(on: hotspot.build))
      let inExon = panel.exons.contains { $0.gene == hotspot.gene && $0.build == hotspot.build
        && $0.interval.overlaps(hotspot.interval) }
      #expect(inExon, "\(hotspot.gene) \(hotspot.change) \(hotspot.build)")
      #expect(locus.codingStart! <= hotspot.interval.start && hotspot.interval.end <= locus.codingEnd!)
    }
  }

  @Test func sameChecksumOnEveryLoad() throws {
    let a = try PanelLoader.load(directory: TestData.path("panels/sarcoma")).checksum
    let b = try PanelLoader.load(directory: TestData.path("panels/sarcoma")).checksum
    #expect(a == b)
  }

  @Test func nonIntegerCoordinateNamesFileLineAndColumn() throws {
    let directory = try brokenPanel("genes.tsv") { text in
      let column = text.components(separatedBy: "\n")[0].components(separatedBy: "\t").firstIndex(of: "grch38_start")!
      return replacingLine(3, in: text) { line in
        var cells = line.components(separatedBy: "\t")
        cells[column] = "p.V600E"
        return cells.joined(separator: "\t")
      }
    }
    let message = try #require(loadError(directory))
    #expect(message.contains("\(directory)/genes.tsv:3: column 'grch38_start': expected an integer >= 1, found 'p.V600E'"))
  }

  @Test func duplicateGeneIsReportedWithBothLines() throws {
    let directory = try brokenPanel("genes.tsv") { text in
      let lines = text.components(separatedBy: "\n")
      return (lines + [lines[1]]).joined(separator: "\n")
    }
    let message = try #require(loadError(directory))
    #expect(message.contains("column 'symbol': duplicate gene"))
    #expect(message.contains("(first on line 2)"))
  }

  @Test func exonOutsideItsGeneAndUnknownGeneAreReported() throws {
    let directory = try brokenPanel("exons.tsv") { text in
      let moved = replacingLine(2, in: text) { line in
        var cells = line.components(separatedBy: "\t")
        cells[5] = "1"
        return cells.joined(separator: "\t")
      }
      return replacingLine(3, in: moved) { $0.replacingOccurrences(of: "ACTB\t", with: "NOTAGENE\t") }
    }
    let message = try #require(loadError(directory))
    #expect(message.contains("\(directory)/exons.tsv:2: exon"))
    #expect(message.contains("is outside"))
    #expect(message.contains("\(directory)/exons.tsv:3: column 'gene': expected a gene of genes.tsv, found 'NOTAGENE'"))
  }

  @Test func missingColumnAndMissingManifestAreClear() throws {
    let noColumn = try brokenPanel("hotspots.tsv") { $0.replacingOccurrences(of: "change\t", with: "protein\t") }
    #expect(loadError(noColumn)?.contains("hotspots.tsv:1: missing column(s) change") == true)
    let empty = TestData.temporaryDirectory("empty-panel")
    #expect(loadError("\(empty)/none")?.contains("not a panel folder") == true)
    #expect(loadError(empty)?.contains("panel.json: missing") == true)
  }
}

@Suite struct AtomicFileTests {
  @Test func writesAllFilesAndLeavesNoTemporaries() throws {
    let directory = TestData.temporaryDirectory()
    try AtomicFile.writeAll([(Data("a".utf8), "\(directory)/a.txt"), (Data("b".utf8), "\(directory)/b.txt")])
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["a.txt", "b.txt"])
  }

  @Test func unwritableTargetLeavesNothingBehind() throws {
    let directory = TestData.temporaryDirectory()
    #expect {
      try AtomicFile.writeAll([(Data("a".utf8), "\(directory)/a.txt"), (Data("b".utf8), "\(directory)/missing/b.txt")])
    } throws: { ($0 as? SarcoError)?.message == "\(directory)/missing/b.txt: cannot create a file in \(directory)/missing: No such file or directory" }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
  }

  @Test func outputDirectoryThatIsAFileIsRefused() throws {
    let directory = TestData.temporaryDirectory()
    #expect(FileManager.default.createFile(atPath: "\(directory)/file", contents: Data()))
    #expect { try AtomicFile.prepareDirectory("\(directory)/file") } throws: {
      ($0 as? SarcoError)?.message.contains("not a directory") == true
    }
    try AtomicFile.prepareDirectory("\(directory)/new/nested")
    #expect(FileManager.default.fileExists(atPath: "\(directory)/new/nested"))
  }

  @Test func sha256OfKnownBytes() throws {
    #expect(FileDigest.sha256(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
