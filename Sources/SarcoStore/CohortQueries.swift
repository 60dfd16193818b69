/// The questions a tumour board or a sarcoma network asks of the cohort store,
/// each one fixed SQL with bound parameters (`?1`, `?2`; an empty value means
/// "any"). `sarcopanel db query NAME` runs them; docs/INTEROPERABILITY.md lists them.
public struct CannedQuery: Sendable {
  public struct Parameter: Sendable {
    public let name: String
    public let defaultValue: String
    public let help: String
  }

  public let name: String
  public let summary: String
  public let parameters: [Parameter]
  public let sql: String
}

public enum CohortQueries {
  // No LIKE on user input (`--gene %` would match everything): exact comparisons and instr().
  static let tierMatch = "(?2 = '' OR f.tier = ?2 OR upper(substr(f.tier, 1, length(?2) + 1)) = upper(?2 || '-'))"

  public static let all: [CannedQuery] = [
    CannedQuery(
      name: "samples", summary: "Every sample with its tumour type, panel version and findings.",
      parameters: [],
      sql: """
        SELECT id AS sample, tumour_type, sample_type, panel_name, panel_version, tool_version, findings_summary
        FROM sample ORDER BY id
        """),
    CannedQuery(
      name: "gene", summary: "Samples carrying a finding in a gene, optionally at a tier (I matches I-A and I-B).",
      parameters: [.init(name: "gene", defaultValue: "", help: "gene symbol, e.g. KIT"), .init(name: "tier", defaultValue: "", help: "I, II, I-A, III...")],
      sql: """
        SELECT s.id AS sample, s.tumour_type, f.category, f.name AS finding, f.tier, f.acmg_class
        FROM finding f JOIN sample s ON s.id = f.sample_id
        WHERE (f.gene = ?1 OR instr(',' || f.gene || ',', ',' || ?1 || ',') > 0) AND \(tierMatch)
        ORDER BY s.id, f.category, f.name
        """),
    CannedQuery(
      name: "variant", summary: "Samples carrying a variant, by key (17:7674894:G:A), HGVS c./p. or protein (D842V).",
      parameters: [.init(name: "variant", defaultValue: "", help: "variant key, c., p. or one-letter protein change")],
      sql: """
        SELECT DISTINCT s.id AS sample, s.tumour_type, v.gene, v.variant_key, v.hgvsc, v.hgvsp, v.tumour_vaf
        FROM variant v JOIN sample s ON s.id = v.sample_id
        WHERE v.variant_key = ?1 OR v.hgvsc = ?1 OR v.hgvsp = ?1 OR v.protein = ?1
          OR (v.gene || ' ' || v.protein) = ?1 OR (v.gene || ' p.' || v.protein) = ?1
        ORDER BY s.id
        """),
    CannedQuery(
      name: "fusion", summary: "Samples carrying a fusion (EWSR1::FLI1), or any fusion of a gene (EWSR1).",
      parameters: [.init(name: "name", defaultValue: "", help: "fusion name or one partner gene")],
      sql: """
        SELECT s.id AS sample, s.tumour_type, f.name AS fusion, f.tier
        FROM finding f JOIN sample s ON s.id = f.sample_id
        WHERE f.category = 'fusion' AND (f.name = ?1 OR instr(',' || f.gene || ',', ',' || ?1 || ',') > 0)
        ORDER BY s.id
        """),
    CannedQuery(
      name: "tier", summary: "Every finding at a tier (I matches I-A and I-B).",
      parameters: [.init(name: "tier", defaultValue: "I", help: "I, II, I-A, III...")],
      sql: """
        SELECT s.id AS sample, s.tumour_type, f.category, f.gene, f.name AS finding, f.tier
        FROM finding f JOIN sample s ON s.id = f.sample_id
        WHERE f.tier = ?1 OR upper(substr(f.tier, 1, length(?1) + 1)) = upper(?1 || '-')
        ORDER BY s.id, f.name
        """),
    CannedQuery(
      name: "recurrent", summary: "Findings seen in at least MIN samples of a tumour type (somatic tiers I-III, fusions, copy number, germline P/LP).",
      parameters: [.init(name: "min", defaultValue: "2", help: "least number of samples"), .init(name: "category", defaultValue: "", help: "somatic, germline, fusion or copy_number")],
      sql: """
        SELECT COALESCE(s.tumour_type, '') AS tumour_type, f.category, f.name AS finding, COUNT(DISTINCT s.id) AS samples,
          GROUP_CONCAT(DISTINCT s.id) AS sample_ids
        FROM finding f JOIN sample s ON s.id = f.sample_id
        WHERE (?2 = '' OR f.category = ?2)
          AND (f.tier IN ('I-A', 'I-B', 'II-C', 'II-D', 'III') OR f.acmg_class IN ('Pathogenic', 'Likely pathogenic'))
        GROUP BY tumour_type, f.category, f.name
        HAVING COUNT(DISTINCT s.id) >= CAST(?1 AS INTEGER)
        ORDER BY samples DESC, tumour_type, f.category, finding
        """),
    CannedQuery(
      name: "recurrent-fusions", summary: "Fusions by tumour type, with how many samples carry each.",
      parameters: [.init(name: "min", defaultValue: "1", help: "least number of samples")],
      sql: """
        SELECT COALESCE(s.tumour_type, '') AS tumour_type, f.name AS fusion, COUNT(DISTINCT s.id) AS samples,
          GROUP_CONCAT(DISTINCT s.id) AS sample_ids
        FROM finding f JOIN sample s ON s.id = f.sample_id
        WHERE f.category = 'fusion'
        GROUP BY tumour_type, f.name
        HAVING COUNT(DISTINCT s.id) >= CAST(?1 AS INTEGER)
        ORDER BY tumour_type, samples DESC, fusion
        """),
    CannedQuery(
      name: "therapies", summary: "How often each therapy-matching finding occurs: therapy, response, best level, findings, samples.",
      parameters: [],
      sql: """
        SELECT t.therapy, t.response, MIN(t.level) AS best_level, f.name AS finding, COUNT(*) AS findings,
          COUNT(DISTINCT f.sample_id) AS samples
        FROM finding_therapy t JOIN finding f ON f.id = t.finding_id
        WHERE f.tier IN ('I-A', 'I-B', 'II-C', 'II-D')
        GROUP BY t.therapy, t.response, f.name
        ORDER BY samples DESC, t.therapy, t.response, finding
        """),
    CannedQuery(
      name: "changed", summary: "Samples whose findings differ between panel versions (from the report history).",
      parameters: [],
      sql: """
        SELECT a.sample_id AS sample, a.panel_name, a.panel_version AS old_version, b.panel_version AS new_version,
          a.findings_summary AS old_findings, b.findings_summary AS new_findings
        FROM report_history a JOIN report_history b
          ON a.sample_id = b.sample_id AND a.panel_name = b.panel_name AND a.rowid < b.rowid
          AND a.panel_version <> b.panel_version
        WHERE a.findings_summary <> b.findings_summary
        ORDER BY a.sample_id, a.rowid, b.rowid
        """),
  ]

  public static func named(_ name: String) -> CannedQuery? { all.first { $0.name == name } }
}
