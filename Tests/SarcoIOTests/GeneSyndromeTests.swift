import Foundation
import SarcoCore
import SarcoIO
import SarcoTestSupport
import Testing

/// genes.tsv `syndromes` (germline follow-up names the first one): OMIM's phenotypes of the gene,
/// as build-panel checks them against OMIM's gene-phenotype map, never another gene's syndrome.
@Suite struct GeneSyndromeTests {
  static let panels: [(name: String, panel: Panel)] = [("sarcoma", TestPanels.sarcoma), ("hereditary", TestPanels.hereditary)]

  static func syndromes(_ gene: Gene) -> [String] {
    gene.syndromes.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// "Name (OMIM:nnnnnn)" -> nnnnnn.
  static func omimNumber(_ syndrome: String) -> String? {
    guard syndrome.hasSuffix(")"), let open = syndrome.range(of: " (OMIM:", options: .backwards) else { return nil }
    let number = syndrome[open.upperBound..<syndrome.index(before: syndrome.endIndex)]
    return number.count == 6 && number.allSatisfy(\.isNumber) ? String(number) : nil
  }

  @Test func tp53IsLiFraumeniWithoutOtherGenesSyndromes() throws {
    for (name, panel) in Self.panels {
      let tp53 = Self.syndromes(try #require(panel.gene(named: "TP53")))
      #expect(tp53.first == "Li-Fraumeni syndrome (OMIM:151623)", "\(name)")
      // The CPSR list gave TP53 SDHD's paraganglioma and Cowden syndrome 3.
      for foreign in ["Paraganglioma", "Pheochromocytoma", "Cowden", "Carcinoid"] {
        #expect(!tp53.contains { $0.contains(foreign) }, "\(name): TP53 lists \(foreign)")
      }
    }
  }

  @Test func sdhbIsParaganglioma4WithCowden2Unglued() throws {
    for (name, panel) in Self.panels {
      let sdhb = Self.syndromes(try #require(panel.gene(named: "SDHB")))
      #expect(sdhb.first == "Paragangliomas 4 (OMIM:115310)", "\(name)")
      #expect(sdhb.contains("Cowden syndrome 2 (OMIM:612359)"), "\(name)")
      #expect(!sdhb.contains { $0.contains("2612359") }, "\(name): number glued to the name")
    }
  }

  @Test func everySyndromeIsANameWithItsOMIMNumber() {
    for (name, panel) in Self.panels {
      for gene in panel.genes {
        for syndrome in Self.syndromes(gene) {
          #expect(Self.omimNumber(syndrome) != nil, "\(name): \(gene.symbol): '\(syndrome)'")
        }
      }
    }
  }

  /// OMIM's gene-phenotype map as InterVar and CancerVar ship it: mim2gene for the gene's number, then its phenotypes.
  static func omimPhenotypes() throws -> [String: Set<String>] {
    var geneNumbers: [String: String] = [:]
    for line in try String(contentsOfFile: TestData.shared("acmg/cancervar_mim2gene.txt")!, encoding: .utf8).split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      if !line.hasPrefix("#"), fields.count > 3, !fields[3].isEmpty, fields[1].contains("gene") {
        geneNumbers[String(fields[3])] = String(fields[0])
      }
    }
    var phenotypes: [String: Set<String>] = [:]
    for line in try String(contentsOfFile: TestData.shared("acmg/intervar_mim_pheno.txt")!, encoding: .utf8).split(separator: "\n") {
      let fields = line.split(whereSeparator: \.isWhitespace)
      if fields.count == 2, fields[0].allSatisfy(\.isNumber) {
        phenotypes[String(fields[0])] = Set(fields[1].split(separator: ";").map(String.init))
      }
    }
    return geneNumbers.mapValues { phenotypes[$0] ?? [] }
  }

  @Test(
    .enabled(
      if: Prerequisite.sharedData("acmg/cancervar_mim2gene.txt") && Prerequisite.sharedData("acmg/intervar_mim_pheno.txt"),
      "needs ../shared/data/acmg (OMIM gene-phenotype map)"))
  func everySyndromeIsLinkedToItsGeneByOMIM() throws {
    let linked = try Self.omimPhenotypes()
    for (name, panel) in Self.panels {
      for gene in panel.genes {
        for syndrome in Self.syndromes(gene) {
          guard let number = Self.omimNumber(syndrome) else { continue }
          #expect(linked[gene.symbol]?.contains(number) == true, "\(name): OMIM does not link \(gene.symbol) to '\(syndrome)'")
        }
      }
    }
  }
}
