import Foundation
import SarcoCore

/// Opens a panel's optional tables by their manifest names and checks gene columns, for the knowledge loaders.
struct PanelTableReader {
  let folder: URL
  let label: String
  let symbols: Set<String>
  let problems: Problems

  /// Nil when the manifest names no such table; `exact`: the table must have exactly `columns` (rule tables).
  func table(_ name: String?, _ columns: [String], exact: Bool = false) throws -> TSVTable? {
    guard let name else { return nil }
    return try TSVTable(
      path: folder.appendingPathComponent(name).path, displayPath: "\(label)/\(name)", requiredColumns: columns,
      exactColumns: exact)
  }

  /// The row's gene, when it is a gene of genes.tsv (or `*` where allowed); otherwise a problem is recorded.
  func panelGene(_ row: TSVTable.Row, _ column: String = "gene", allowAny: Bool = false) -> String? {
    guard let gene = row.required(column, problems) else { return nil }
    if gene == "*" && allowAny { return gene }
    guard symbols.contains(gene) else {
      row.problem("column '\(column)': expected a gene of genes.tsv, found '\(gene)'", problems)
      return nil
    }
    return gene
  }
}
