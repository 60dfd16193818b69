import SarcoCore

/// The tumour board's report: one self-contained HTML file (inline CSS, no
/// scripts, nothing fetched; links to PubMed, CIViC, ClinVar, OncoTree and
/// gnomAD are the only network references). Page one is the decision: what to
/// act on, each drug once, germline follow-up, TMB, coverage and pertinent
/// negatives; the evidence behind it follows. Sections appear only when their
/// data exists. Every value from the input or the panel is escaped.
public enum HTMLReport {
  public static func render(_ report: SampleReport) -> String {
    var html = HTMLBuilder()
    write(report, into: &html)
    return html.text
  }

  /// The same text, handed to `emit` a mebibyte at a time (a report with thousands of findings is not held whole).
  public static func render(_ report: SampleReport, emit: @escaping (String) -> Void) {
    var html = HTMLBuilder()
    html.spill = emit
    write(report, into: &html)
    emit(html.text)
  }

  static func write(_ report: SampleReport, into html: inout HTMLBuilder) {
    let title = "Molecular tumour board report: \(report.sample.id)"
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    html.element("title", title)
    html.raw("<style>\n\(style)\(footer(report))</style>\n</head>\n<body>\n")
    html.raw("<section id=\"decision\">\n")
    html.element("h1", title)
    identity(report, into: &html)
    if let clinical = report.clinical { PageOne.write(clinical, report: report, into: &html) }
    html.raw("</section>\n")
    if let clinical = report.clinical {
      diagnosis(clinical, into: &html)
      therapySummary(clinical, into: &html)
      actionable(clinical, into: &html)
      structural(clinical, into: &html)
      germline(clinical, report: report, into: &html)
      tierThree(clinical, into: &html)
      burden(clinical, into: &html)
    }
    if let coverage = report.coverage { coverageSection(coverage, into: &html) }
    limits(report, into: &html)
    methods(report, into: &html)
    html.raw("</body>\n</html>\n")
  }

  /// Printed pages carry the sample id, the generation date when recorded, and page numbers.
  static func footer(_ report: SampleReport) -> String {
    let dated = report.provenance.map { " - generated \($0.generatedAt)" } ?? ""
    let label = "sarcopanel report \(report.sample.id)\(dated)"
      .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "<", with: "\\3C ").replacingOccurrences(of: "\n", with: " ")
    return """
      @page { size: A4; margin: 14mm 12mm 16mm 12mm;
        @bottom-left { content: "\(label)"; font-size: 8pt; color: #555; }
        @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt; color: #555; } }

      """
  }

  // MARK: identity

  static func identity(_ report: SampleReport, into html: inout HTMLBuilder) {
    let clinical = report.clinical
    var rows: [(String, String)] = [("Sample", report.sample.id)]
    if let normal = report.sample.normalSample { rows.append(("Matched normal", normal)) }
    if clinical?.sampleType == "germline" {
      rows.append(("Sample type", "germline (constitutional DNA)"))
    } else if let vcfSample = report.sample.vcfSample, vcfSample != report.sample.id {
      rows.append(("Tumour column", vcfSample))
    }
    rows.append(("Panel", "\(report.panel.name) \(report.panel.version), \(report.genomeBuild.build.rawValue)"))
    rows.append(("Input", report.input.files.map { "\($0.fileName) (\($0.format))" }.joined(separator: " + ")))
    if let provenance = report.provenance { rows.append(("Generated", provenance.generatedAt)) }
    html.raw("<dl class=\"identity\">\n")
    for (term, value) in rows {
      html.element("dt", term)
      html.element("dd", value)
    }
    html.element("dt", "Tumour type")
    if let type = clinical?.tumourType {
      let label = "\(type.code)\(type.name.map { " (\($0))" } ?? "")"
      html.raw("<dd>\(ReportLinks.anchor(ReportLinks.oncotree(type.code), label))</dd>\n")
    } else {
      html.element("dd", clinical?.sampleType == "germline" ? "not applicable" : "not given (--tumor-type)")
    }
    html.raw("</dl>\n")
  }

  // MARK: sections after page one

  /// Discordance, refinement, subtype and wild-type statements about the stated diagnosis.
  static func diagnosis(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    guard let diagnosis = clinical.diagnosis, !diagnosis.flags.isEmpty else { return }
    html.raw("<section id=\"diagnosis\">\n")
    html.element("h2", "What the findings say about the diagnosis (\(diagnosis.status))")
    for flag in diagnosis.flags {
      html.raw("<article class=\"flag flag-\(flag.kind.rawValue)\">\n")
      var facts: [(String, String)] = [("Statement", flag.statement)]
      if let recommendation = flag.recommendation { facts.append(("Recommendation", recommendation)) }
      facts.append(("Source", flag.source))
      html.element("h3", "\(flag.kind.rawValue.replacingUnderscores): \(flag.finding)")
      html.linkedDefinitions(facts)
      html.raw("</article>\n")
    }
    html.raw("</section>\n")
  }

  /// Every drug once: this tumour type's level A/B first, the rest collapsed under "other evidence".
  static func therapySummary(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    guard !clinical.therapies.isEmpty else { return }
    let (leading, other) = PageOne.split(clinical.therapies)
    html.raw("<section id=\"therapies\">\n")
    html.element("h2", "Therapies: one statement per drug")
    func rows(_ statements: [TherapyStatement]) -> [[String]] {
      statements.map {
        [$0.therapy, PageOne.callText($0), "\($0.level.rawValue) (\($0.tumourTypeMatch.rawValue) tumour type)",
         $0.alterations.joined(separator: "; "), $0.reason, $0.caveats.joined(separator: "; ")]
      }
    }
    let headers = ["Drug", "Call", "Level", "Alterations", "Why", "Caveats"]
    if !leading.isEmpty { html.linkedTable(headers: headers, rows: rows(leading)) }
    if !other.isEmpty {
      html.raw("<details>\n")
      html.element("summary", "Other evidence: \(other.count) drug\(other.count == 1 ? "" : "s") at level C (another tumour type, or small studies in this one) or D (preclinical, case reports)")
      html.linkedTable(headers: headers, rows: rows(other))
      html.raw("</details>\n")
    }
    html.raw("</section>\n")
  }

  static func actionable(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    let tiered = clinical.somatic.filter(\.tier.isTierIOrII)
    guard !tiered.isEmpty else { return }
    let germlineByKey = Dictionary(clinical.germline.map { ($0.variantKey, $0) }, uniquingKeysWith: { first, _ in first })
    html.raw("<section id=\"tier-1-2\">\n")
    html.element("h2", "Tier I and II variants (strong and potential clinical significance)")
    for finding in tiered {
      var facts: [(String, String)] = [
        ("Why this tier", finding.tier.reason),
        ("Rule", "\(finding.tier.rule) (\(finding.tier.source))"),
      ]
      if let escat = finding.escat { facts.append(("ESCAT", escatText(escat))) }
      facts.append(("Consequence", "\(finding.consequence.terms.joined(separator: ", ")) on \(finding.consequence.transcript ?? "panel transcript") (\(finding.consequence.source))"))
      if let hgvs = finding.consequence.hgvsLabel { facts.append(("HGVS", hgvs)) }
      facts.append(("Protein change known from", proteinBasis(finding.consequence)))
      facts.append(("Oncogenicity", oncogenicity(finding.oncogenicity)))
      if let fraction = finding.tumorAlleleFraction { facts.append(("Tumour VAF", format(fraction))) }
      if !finding.hotspots.isEmpty { facts.append(("Hotspot", finding.hotspots.joined(separator: "; "))) }
      facts += therapyFacts(finding.therapies, alteration: finding.alteration, statements: clinical.therapies)
      facts.append(("Origin", "\(finding.origin.call.rawValue.replacingUnderscores): \(finding.origin.reasons.joined(separator: "; "))"))
      if let followUp = finding.origin.followUp {
        facts.append(("Germline follow-up", "\(followUp.decision.rawValue.replacingUnderscores): \(followUp.reason) (\(followUp.source))"))
      }
      if let germline = germlineByKey[finding.variantKey] {
        facts.append(("Germline view", oneStory(somatic: finding, germline: germline)))
      }
      tieredArticle(finding.alteration, tier: finding.tier, escat: finding.escat, facts: facts, evidence: finding.evidence, into: &html)
    }
    html.raw("</section>\n")
  }

  /// One variant, one story: the somatic tier and the germline class answer different questions.
  static func oneStory(somatic: SomaticFinding, germline: GermlineFinding) -> String {
    let same = somatic.tier.isTierIOrII == germline.classification.isPathogenic
    let why = same ? "" : ": the tier reads what the alteration means for treating this tumour (oncogenicity and actionability); the class reads inherited disease risk in a germline carrier, so they can differ"
    return "ACMG/AMP \(germline.classification.rawValue) (\(germline.points) points) against Tier \(somatic.tier.tier.rawValue)\(why)"
  }

  static func structural(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    let findings = clinical.fusions + clinical.copyNumber
    guard !findings.isEmpty else { return }
    html.raw("<section id=\"structural\">\n")
    html.element("h2", "Fusions and copy-number events")
    for finding in findings {
      var facts: [(String, String)] = [("Where", finding.locus), ("Seen in", finding.source)]
      if let match = finding.panelMatch {
        facts.append(("Meaning", "\(match.meaning) (\(match.tumourTypes.joined(separator: ", ")); \(match.significance))"))
        facts.append(("Citation", match.citation))
      }
      if let escat = finding.escat { facts.append(("ESCAT", escatText(escat))) }
      if let reads = finding.supportingReads { facts.append(("Supporting reads", String(reads))) }
      if let confirmation = finding.confirmation { facts.append(("Confirmation", confirmation)) }
      facts.append(("Why this tier", finding.tier.reason))
      facts += therapyFacts(finding.therapies, alteration: finding.name, statements: clinical.therapies)
      for note in finding.notes { facts.append(("Note", note)) }
      tieredArticle(finding.name, tier: finding.tier, escat: finding.escat, facts: facts, evidence: finding.evidence, into: &html)
    }
    html.raw("</section>\n")
  }

  /// One tiered finding: heading with its tier (and ESCAT level), its facts, its evidence table.
  static func tieredArticle(
    _ title: String, tier: TierAssignment, escat: EscatAssignment?, facts: [(String, String)], evidence: [MatchedEvidence],
    into html: inout HTMLBuilder
  ) {
    html.raw("<article class=\"finding tier-\(tierClass(tier.tier))\">\n")
    html.element("h3", "\(title) - Tier \(tier.tier.rawValue)\(escat.map { ", ESCAT \($0.tier.rawValue)" } ?? "")")
    html.linkedDefinitions(facts)
    evidenceTable(evidence, into: &html)
    html.raw("</article>\n")
  }

  static func escatText(_ escat: EscatAssignment) -> String {
    "\(escat.tier.rawValue): \(escat.context) [\(escat.tumourTypes); matched by \(escat.matchedBy)] (\(escat.source))"
  }

  /// The finding's own drug calls, with a conflict marker where the sample's statement for the drug says otherwise.
  static func therapyFacts(_ therapies: TherapySummary, alteration: String, statements: [TherapyStatement]) -> [(String, String)] {
    var facts: [(String, String)] = []
    let byDrug = Dictionary(statements.map { ($0.therapy, $0) }, uniquingKeysWith: { first, _ in first })
    func marked(_ items: [String], call: TherapyCall) -> String {
      items.map { item in
        let drug = item.components(separatedBy: " (").first ?? item
        guard let sample = byDrug[drug], sample.call != call else { return item }
        return "\(item) [conflicting evidence: for the sample as a whole \(drug) is \(PageOne.callText(sample)): \(sample.reason)]"
      }.joined(separator: "; ")
    }
    if !therapies.sensitivity.isEmpty { facts.append(("Sensitivity", marked(therapies.sensitivity, call: .sensitive))) }
    if !therapies.resistance.isEmpty { facts.append(("Resistance", marked(therapies.resistance, call: .resistant))) }
    if !therapies.reducedSensitivity.isEmpty {
      facts.append(("Reduced sensitivity", marked(therapies.reducedSensitivity, call: .reducedSensitivity)))
    }
    return facts
  }

  static func proteinBasis(_ consequence: AlleleConsequence) -> String {
    let basis = consequence.proteinBasis?.rawValue ?? "not recorded"
    return consequence.proteinNote.map { "\(basis): \($0)" } ?? basis
  }

  static func oncogenicity(_ assessment: OncogenicityAssessment) -> String {
    let codes = assessment.criteria.map { "\($0.code) \($0.points > 0 ? "+" : "")\($0.points)" }.joined(separator: ", ")
    return "\(assessment.classification?.rawValue ?? "not evaluated") (\(assessment.points) points\(codes.isEmpty ? "" : ": \(codes)"))"
  }

  static func germline(_ clinical: ClinicalReport, report: SampleReport, into html: inout HTMLBuilder) {
    guard !clinical.germline.isEmpty else { return }
    let somaticByKey = Dictionary(clinical.somatic.map { ($0.variantKey, $0) }, uniquingKeysWith: { first, _ in first })
    let grch38 = report.genomeBuild.build == .grch38
    html.raw("<section id=\"germline\">\n")
    html.element("h2", clinical.sampleType == "germline" ? "Germline variant classification (ACMG/AMP)" : "Possible germline findings (ACMG/AMP)")
    let ordered = clinical.germline.enumerated().sorted { ($0.element.classification.step, $0.offset) < ($1.element.classification.step, $1.offset) }
    for (_, finding) in ordered {
      html.raw("<article class=\"finding class-\(finding.classification.step)\">\n")
      html.element("h3", "\(finding.alteration) - \(finding.classification.rawValue) (\(finding.points) points)")
      var facts: [(String, String)] = [("Class rule", finding.classRule)]
      if let hgvs = finding.consequence.hgvsLabel { facts.append(("HGVS", "\(hgvs) (\(finding.consequence.source))")) }
      if let zygosity = finding.zygosity { facts.append(("Zygosity", zygosity)) }
      if let syndromes = finding.syndromes { facts.append(("Syndromes", syndromes)) }
      if let clinvar = finding.clinvar {
        facts.append(("ClinVar (shown, not used)", "\(clinvar.significance.replacingUnderscores) (\(clinvar.stars) stars, VCV\(clinvar.variationID), \(clinvar.release))"))
      }
      if let comparison = finding.clinvarComparison { facts.append(("Differs from ClinVar", comparison)) }
      if let somatic = somaticByKey[finding.variantKey] {
        facts.append(("Somatic view", oneStory(somatic: somatic, germline: finding)))
        if let followUp = somatic.origin.followUp {
          facts.append(("Germline follow-up", "\(followUp.decision.rawValue.replacingUnderscores): \(followUp.reason)"))
        }
      } else if finding.classification.isPathogenic {
        facts.append(("Recommendation", "refer for genetic counselling (and confirmatory testing where the sample is not constitutional DNA)"))
      }
      html.linkedDefinitions(facts)
      html.raw("<p class=\"muted\">Population frequencies: \(ReportLinks.anchor(ReportLinks.gnomAD(finding.variantKey, grch38: grch38), "gnomAD \(finding.variantKey)"))</p>\n")
      if !finding.criteria.isEmpty {
        html.linkedTable(
          headers: ["Criterion", "Points", "Evidence", "Source"],
          rows: finding.criteria.map { [$0.code, String($0.points), $0.evidence, $0.source] })
      }
      if !finding.notEvaluated.isEmpty {
        html.raw("<details>\n")
        html.element("summary", "Not evaluated or not applicable (\(finding.notEvaluated.count))")
        html.linkedList(finding.notEvaluated)
        html.raw("</details>\n")
      }
      html.raw("</article>\n")
    }
    html.raw("</section>\n")
  }

  static func tierThree(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    let rest = clinical.somatic.filter { !$0.tier.isTierIOrII }
    guard !rest.isEmpty else { return }
    html.raw("<section id=\"tier-3-4\">\n<details>\n")
    html.element("summary", "Tier III and IV variants (\(rest.count))")
    html.linkedTable(
      headers: ["Variant", "Tier", "Reason", "Oncogenicity", "Consequence", "VAF", "Origin"],
      rows: rest.map {
        [$0.alteration, $0.tier.tier.rawValue, $0.tier.reason, oncogenicity($0.oncogenicity),
         $0.consequence.terms.joined(separator: ", "), $0.tumorAlleleFraction.map(format) ?? "",
         $0.origin.call.rawValue.replacingUnderscores]
      })
    html.raw("</details>\n</section>\n")
  }

  static func burden(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    guard let tmb = clinical.tumourMutationalBurden else { return }
    html.raw("<section id=\"tmb\">\n")
    html.element("h2", "Tumour mutational burden")
    html.linkedElement("p", PageOne.tmbText(tmb))
    html.linkedList(tmb.rules)
    html.raw("</section>\n")
  }

  static func coverageSection(_ coverage: CoverageReport, into html: inout HTMLBuilder) {
    html.raw("<section id=\"coverage\">\n")
    html.element("h2", "Coverage QC: \(coverage.verdict)")
    let threshold = coverage.thresholds.first ?? 0
    html.element("p", "Exons below \(threshold)x in more than \(format((1 - coverage.minimumFraction) * 100))% of bases: \(coverage.failingTargets.count) of \(coverage.targets.count).")
    let failing = Set(coverage.failingTargets)
    let rows = coverage.targets.filter { failing.contains($0.name) }.map { target in
      [target.name, "\(target.interval.contig):\(target.interval.start)-\(target.interval.end)", format(target.meanDepth),
       String(target.medianDepth), target.fractionAtLeast.first.map { format($0 * 100) + "%" } ?? ""]
    }
    if !rows.isEmpty {
      html.raw("<details>\n")
      html.element("summary", "Under-covered exons (\(rows.count))")
      html.table(headers: ["Exon", "Region", "Mean depth", "Median depth", "Bases >= \(threshold)x"], rows: rows)
      html.raw("</details>\n")
    }
    if !coverage.hotspots.isEmpty {
      html.raw("<details>\n")
      html.element("summary", "Read counts at hotspots (\(coverage.hotspots.count) positions)")
      html.table(
        headers: ["Gene", "Hotspot", "Position", "Depth", "Alt reads", "Alt forward/reverse"],
        rows: coverage.hotspots.map {
          [$0.gene, $0.change, "\($0.contig):\($0.position)", String($0.counts.depth), String($0.alternateReads),
           "\($0.alternateForward)/\($0.alternateReverse)"]
        })
      html.raw("</details>\n")
    }
    html.raw("</section>\n")
  }

  /// One place for everything the analysis could not assess.
  static func limits(_ report: SampleReport, into html: inout HTMLBuilder) {
    let notes = report.clinical?.notes ?? []
    html.raw("<section id=\"notes\">\n")
    html.element("h2", "Limits of this analysis")
    html.linkedList(notes + [
      "Variants are read from the VCF as called; calls the caller missed or filtered are not re-examined (filtered calls are counted, not tiered).",
      "Copy number and fusions only as the input's structural records or the given fusion and copy-number tables report them.",
    ])
    html.raw("</section>\n")
  }

  static func methods(_ report: SampleReport, into html: inout HTMLBuilder) {
    html.raw("<section id=\"methods\">\n")
    html.element("h2", "Methods and versions")
    html.linkedList([
      "\(report.tool.name) \(report.tool.version), report schema \(report.schemaVersion); command: \(report.commandLine.joined(separator: " "))",
      "Panel \(report.panel.name) \(report.panel.version), checksum \(report.panel.checksum)",
      "Input \(report.input.files.map { "\($0.fileName), SHA-256 \($0.sha256)" }.joined(separator: "; merged by position with "))",
      report.input.referenceFasta.map {
        "Consequences and HGVS computed on the panel's MANE transcripts from \($0) (indels shifted 3', HGVS; REF alleles checked: \(report.qc.referenceMismatches ?? 0) of \(report.qc.referenceChecked ?? 0) differed), unless the VCF carried VEP/snpEff/bcftools csq annotation"
      } ?? "Consequences from the VCF's VEP/snpEff/bcftools csq annotation on the panel transcript, else from the panel's exon coordinates and known alleles (no reference FASTA given)",
      "Somatic tiers: AMP/ASCO/CAP 2017 (Li et al., J Mol Diagn 2017, PMID:27993330) after oncogenicity (ClinGen/CGC/VICC, Horak et al. 2022, PMID:35101336), from the panel's cited evidence (CIViC, FDA labels, NCCN, ESMO, WHO); ESCAT levels (Mateo et al. 2018, PMID:30137196) from the panel's table.",
      "Germline classes: ACMG/AMP 2015 (Richards et al., PMID:25741868) as the ClinGen VCEPs specify them, on the Tavtigian et al. 2020 point scale (PMID:32720330); ClinVar's class is shown beside ours, never used in its place.",
      "Tumour-only germline follow-up: ESMO Precision Medicine Working Group (Kuzbari et al. 2023, PMID:36529447).",
    ])
    html.element(
      "p",
      "For research and tumour-board discussion by qualified professionals. Findings must be confirmed in the clinical context; germline findings from tumour sequencing need confirmatory germline testing with consent and genetic counselling.",
      className: "muted")
    html.raw("</section>\n")
  }

  static func evidenceTable(_ evidence: [MatchedEvidence], into html: inout HTMLBuilder) {
    guard !evidence.isEmpty else { return }
    let sorted = evidence.enumerated().sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }.map(\.element)
    html.raw("<details>\n")
    html.element("summary", "Evidence (\(sorted.count) item\(sorted.count == 1 ? "" : "s"))")
    html.linkedTable(
      headers: ["Level", "Type", "Significance", "Therapies", "Disease", "Matched", "Applied", "Citation", "Id"],
      rows: sorted.map {
        [$0.level.rawValue, $0.evidenceType, ($0.supports ? "" : "does not support: ") + $0.significance.replacingUnderscores,
         $0.therapies.joined(separator: ", "), "\($0.disease) [\($0.tumourTypeMatch.rawValue)]",
         "\($0.matchedBy) (\($0.specificity.rawValue))", $0.applied ? "yes" : "no: \($0.note ?? "")", $0.citation, $0.id]
      })
    html.raw("</details>\n")
  }

  static func tierClass(_ tier: Tier) -> String {
    switch tier {
    case .iA, .iB: return "1"
    case .iiC, .iiD: return "2"
    case .iii: return "3"
    case .iv: return "4"
    }
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  static let style = """
    body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 62em; color: #1a1a1a; line-height: 1.35; }
    h1 { font-size: 1.35em; border-bottom: 2px solid #333; margin: 0 0 0.3em 0; }
    h2 { font-size: 1.15em; margin-top: 1.4em; border-bottom: 1px solid #999; }
    h3 { font-size: 1.02em; margin: 0.3em 0; }
    a { color: #1f4e8c; }
    .alert { border: 2px solid #b2182b; padding: 0.3em 0.8em; background: #fdeeee; margin: 0.4em 0; }
    .alert h2 { border: none; margin: 0.1em 0; color: #b2182b; }
    .flag { border-left: 6px solid #999; padding: 0.2em 0.8em; margin: 0.5em 0; }
    .flag-discordance { border-color: #b2182b; }
    dl { display: grid; grid-template-columns: 13em 1fr; gap: 0.15em 1em; margin: 0.4em 0; }
    dl.identity { grid-template-columns: 8em 1fr 8em 1fr; font-size: 0.9em; }
    dt { font-weight: bold; }
    dd { margin: 0; }
    #decision h2 { font-size: 1.05em; margin-top: 0.7em; }
    #decision ul { margin: 0.2em 0; padding-left: 1.2em; }
    #decision li { margin: 0.15em 0; }
    #decision table { font-size: 0.8em; }
    .tier { font-weight: bold; color: #b2182b; }
    .escat { font-weight: bold; color: #5a3a8c; }
    .conflict { font-weight: bold; color: #b35806; }
    .finding { border-left: 6px solid #999; padding: 0.3em 0.8em; margin: 0.8em 0; }
    .tier-1 { border-color: #b2182b; } .tier-2 { border-color: #ef8a62; } .tier-3 { border-color: #999; }
    .class-0, .class-1 { border-color: #762a83; } .class-2 { border-color: #999; } .class-3, .class-4 { border-color: #1b7837; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85em; margin: 0.4em 0; }
    th, td { border: 1px solid #ccc; padding: 0.2em 0.4em; text-align: left; vertical-align: top; word-break: break-word; }
    th { background: #eee; }
    .muted { color: #555; font-size: 0.9em; }
    #therapies td, #decision td { word-break: normal; overflow-wrap: anywhere; }
    #therapies td:nth-child(-n+3), #decision td:nth-child(-n+3) { white-space: nowrap; }
    @media print {
      body { margin: 0; max-width: none; font-size: 9.5pt; }
      a { color: inherit; text-decoration: none; }
      section#decision { break-after: page; }
      details { display: block; }
      details > summary { list-style: none; font-weight: bold; }
      .finding, tr, .alert { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      section#methods { break-before: page; }
    }

    """
}
