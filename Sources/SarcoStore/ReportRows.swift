import GRDB
import SarcoCore

/// How one report becomes rows of the cohort store (always with bound parameters).
enum ReportRows {
  static func insert(
    _ report: SampleReport, sampleID: String, reportSHA256: String, summary: String,
    variants: (_ body: (ReportedVariant) throws -> Void) throws -> Void, into db: Database
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO sample (id, tumour_type, sample_type, genome_build, input_sha256, panel_name, panel_version,
          panel_checksum, tool_version, schema_version, report_sha256, findings_summary)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        sampleID, report.sample.tumorType, report.clinical?.sampleType ?? "tumor", report.genomeBuild.build.rawValue,
        report.input.sha256, report.panel.name, report.panel.version, report.panel.checksum, report.tool.version,
        report.schemaVersion, reportSHA256, summary,
      ])
    for (name, value) in qcValues(report) {
      try db.execute(sql: "INSERT INTO qc (sample_id, name, value) VALUES (?, ?, ?)", arguments: [sampleID, name, value])
    }
    try variants { reported in
      let variant = reported.variant
      for consequence in reported.consequences {
        try db.execute(
          sql: """
            INSERT OR IGNORE INTO variant (sample_id, variant_key, gene, consequence, hgvsc, hgvsp, protein, passes_filters,
              tumour_vaf, depth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            sampleID, variant.key, consequence.gene, consequence.terms.joined(separator: "&"), consequence.hgvsc,
            consequence.hgvsp, consequence.protein?.short, variant.passesFilters, variant.tumor?.alleleFraction,
            variant.tumor?.depth,
          ])
      }
    }
    guard let clinical = report.clinical else { return }
    for finding in clinical.somatic {
      let id = try insertFinding(
        db, sampleID: sampleID, category: "somatic", gene: finding.gene, name: finding.alteration, key: finding.variantKey,
        tier: finding.tier.tier.rawValue, acmgClass: nil, points: nil, rule: "\(finding.tier.rule): \(finding.tier.reason)",
        origin: finding.origin.call.rawValue)
      try insertEvidence(db, findingID: id, evidence: finding.evidence, therapies: finding.therapies)
    }
    for finding in clinical.germline {
      _ = try insertFinding(
        db, sampleID: sampleID, category: "germline", gene: finding.gene, name: finding.alteration, key: finding.variantKey,
        tier: nil, acmgClass: finding.classification.rawValue, points: finding.points,
        rule: "\(finding.classRule): \(finding.criteria.map(\.code).joined(separator: ", "))", origin: finding.zygosity)
    }
    for (category, findings) in [("fusion", clinical.fusions), ("copy_number", clinical.copyNumber)] {
      for finding in findings {
        let id = try insertFinding(
          db, sampleID: sampleID, category: category, gene: finding.genes.joined(separator: ","), name: finding.name, key: nil,
          tier: finding.tier.tier.rawValue, acmgClass: nil, points: nil, rule: "\(finding.tier.rule): \(finding.tier.reason)", origin: nil)
        try insertEvidence(db, findingID: id, evidence: finding.evidence, therapies: finding.therapies)
      }
    }
  }

  static func qcValues(_ report: SampleReport) -> [(String, Double)] {
    let qc = report.qc
    var values: [(String, Double)] = [
      ("panel_records", Double(qc.panelRecords)), ("variants", Double(qc.variants)),
      ("passing_filters", Double(qc.passingFilters)), ("genes_with_variants", Double(qc.genesWithVariants)),
    ]
    if let checked = qc.referenceChecked { values.append(("reference_checked", Double(checked))) }
    if let mismatches = qc.referenceMismatches { values.append(("reference_mismatches", Double(mismatches))) }
    if let rate = report.clinical?.tumourMutationalBurden?.perMegabase { values.append(("tmb_per_mb", rate)) }
    if let coverage = report.coverage {
      values.append(("coverage_exons_failing", Double(coverage.failingTargets.count)))
      values.append(("coverage_exons", Double(coverage.targets.count)))
    }
    return values
  }

  static func insertFinding(
    _ db: Database, sampleID: String, category: String, gene: String, name: String, key: String?, tier: String?,
    acmgClass: String?, points: Int?, rule: String, origin: String?
  ) throws -> Int64 {
    try db.execute(
      sql: """
        INSERT INTO finding (sample_id, category, gene, name, variant_key, tier, acmg_class, points, rule, origin)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [sampleID, category, gene, name, key, tier, acmgClass, points, rule, origin])
    return db.lastInsertedRowID
  }

  static func insertEvidence(_ db: Database, findingID: Int64, evidence: [MatchedEvidence], therapies: TherapySummary) throws {
    for item in evidence {
      try db.execute(
        sql: "INSERT INTO finding_evidence (finding_id, evidence_id, level, citation) VALUES (?, ?, ?, ?)",
        arguments: [findingID, item.id, item.level.rawValue, item.citation])
    }
    for (response, entries) in [
      ("sensitivity", therapies.sensitivity), ("resistance", therapies.resistance), ("reduced_sensitivity", therapies.reducedSensitivity),
    ] {
      for entry in entries {
        let (therapy, level) = splitTherapy(entry)
        try db.execute(
          sql: "INSERT INTO finding_therapy (finding_id, therapy, response, level) VALUES (?, ?, ?, ?)",
          arguments: [findingID, therapy, response, level])
      }
    }
  }

  /// `Imatinib (level A, this tumour type)` to (`Imatinib`, `A`).
  static func splitTherapy(_ entry: String) -> (String, String?) {
    guard let open = entry.range(of: " (level ") else { return (entry, nil) }
    let therapy = String(entry[..<open.lowerBound])
    let rest = entry[open.upperBound...]
    let level = rest.prefix { $0 != "," && $0 != ")" }
    return (therapy, level.isEmpty ? nil : String(level))
  }
}
