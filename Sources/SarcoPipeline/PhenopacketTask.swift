import Foundation
import SarcoCore
import SarcoIO
import SarcoReports

/// `sarcopanel export --format phenopacket` and `run/batch --phenopacket`:
/// GA4GH Phenopackets from sarcopanel reports, pseudonymised when a key is given.
public enum PhenopacketTask {
  /// The report's phenopacket and the identifier it carries (the pseudonym when asked).
  public static func packet(for report: SampleReport, panel: Panel?, pseudonymiser: Pseudonymiser?) -> (id: String, data: Data) {
    let id = pseudonymiser?.pseudonym(report.sample.id) ?? report.sample.id
    var hgnc: [String: String] = [:]
    for gene in panel?.genes ?? [] where !gene.hgncID.isEmpty { hgnc[gene.symbol] = gene.hgncID }
    let packet = PhenopacketExport.phenopacket(from: report, subjectID: id, hgncIDs: hgnc)
    return (id, PhenopacketExport.render(packet))
  }

  /// Writes `<id>.phenopacket.json` for each report (or each report in a folder) into `directory` (atomically); returns the paths.
  public static func export(reports inputs: [String], panelPath: String?, keyFile: String?, directory: String) throws -> [String] {
    let paths = try StoreTask.reportFiles(inputs)
    let pseudonymiser = try keyFile.map(Pseudonymiser.init(keyFile:))
    try AtomicFile.prepareDirectory(directory)
    var panels: [String: Panel] = [:]
    var files: [(data: Data, path: String)] = []
    for path in paths {
      let report = try JSONReport.read(path: path).report
      let folder = panelPath ?? report.panel.name
      if panels[folder] == nil, let located = try? PanelLocator.resolve(folder) {
        panels[folder] = try PanelCache.load(directory: located)
      }
      let (id, data) = packet(for: report, panel: panels[folder], pseudonymiser: pseudonymiser)
      let out = RunPipeline.phenopacketPath(directory, RunPipeline.safeFileName(id))
      files.append((data, out))
    }
    try AtomicFile.writeAll(files)
    return files.map(\.path)
  }

}
