import SarcoCore

/// The tumour board's report: one self-contained HTML file (inline CSS, no
/// scripts, no network). Sections appear only when their data exists. Every
/// value that comes from the input or the panel goes through `escape`.
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
    let title = "sarcopanel report: \(report.sample.id)"
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    html.element("title", title)
    html.raw("<style>\n\(style)</style>\n</head>\n<body>\n")
    html.element("h1", title)
    summary(report, into: &html)
    if let clinical = report.clinical {
      diagnosis(clinical, into: &html)
      therapySummary(clinical, into: &html)
      actionable(clinical, into: &html)
      structural(clinical, into: &html)
      germline(clinical, into: &html)
      tierThree(clinical, into: &html)
      burden(clinical, into: &html)
      if !clinical.notes.isEmpty {
        html.raw("<section id=\"notes\">\n")
        html.element("h2", "Limits of this analysis")
        html.list(clinical.notes)
        html.raw("</section>\n")
      }
    }
    if let coverage = report.coverage { coverageSection(coverage, into: &html) }
    methods(report, into: &html)
    html.raw("</body>\n</html>\n")
  }

  // MARK: sections

  static func summary(_ report: SampleReport, into html: inout HTMLBuilder) {
    html.raw("<section id=\"summary\" class=\"box\">\n<dl>\n")
    let clinical = report.clinical
    var rows: [(String, String)] = [
      ("Sample", report.sample.id),
      ("Sample type", clinical?.sampleType ?? "tumor"),
      ("Tumour type", clinical?.tumourType.map { "\($0.code)\($0.name.map { " (\($0))" } ?? "")" } ?? "not given"),
      ("Panel", "\(report.panel.name) \(report.panel.version)"),
      ("Genome build", "\(report.genomeBuild.build.rawValue) (\(report.genomeBuild.evidence))"),
      ("Input", "\(report.input.fileName) (\(report.input.format))"),
      ("Variants in panel regions", "\(report.qc.variants) (\(report.qc.passingFilters) PASS) in \(report.qc.genesWithVariants) genes"),
    ]
    if let vcfSample = report.sample.vcfSample { rows.insert(("Tumour column", vcfSample), at: 1) }
    if let provenance = report.provenance { rows.append(("Generated", "\(provenance.generatedAt) on \(provenance.host)")) }
    if let normal = report.sample.normalSample { rows.insert(("Matched normal", normal), at: 2) }
    if let coverage = report.coverage {
      rows.append(("Coverage QC", "\(coverage.verdict): \(coverage.failingTargets.count) of \(coverage.targets.count) exons below \(coverage.thresholds.first ?? 0)x"))
    }
    if let clinical {
      let counts = clinical.tierCounts.map { "\($0.tier.rawValue): \($0.count)" }
      if clinical.sampleType == "tumor" { rows.append(("Findings by tier", counts.isEmpty ? "none" : counts.joined(separator: ", "))) }
      if let diagnosis = clinical.diagnosis { rows.append(("Diagnosis check", diagnosis.status)) }
      if !clinical.germline.isEmpty {
        rows.append(("Germline classifications", "\(clinical.germline.count) (\(clinical.pathogenicGermline) pathogenic or likely pathogenic)"))
      }
    }
    for (term, value) in rows {
      html.element("dt", term)
      html.element("dd", value)
    }
    html.raw("</dl>\n</section>\n")
  }

  /// Discordance, refinement, subtype and wild-type statements about the stated diagnosis.
  static func diagnosis(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    guard let diagnosis = clinical.diagnosis, !diagnosis.flags.isEmpty else { return }
    let discordant = diagnosis.flags.contains { $0.kind == .discordance }
    html.raw("<section id=\"diagnosis\" class=\"\(discordant ? "alert" : "box")\">\n")
    html.element("h2", discordant ? "Diagnostic discordance: review the diagnosis" : "What the findings say about the diagnosis")
    for flag in diagnosis.flags {
      html.raw("<article class=\"flag flag-\(flag.kind.rawValue)\">\n")
      var facts: [(String, String)] = [("Statement", flag.statement)]
      if let recommendation = flag.recommendation { facts.append(("Recommendation", recommendation)) }
      facts.append(("Source", flag.source))
      html.element("h3", "\(flag.kind.rawValue.replacingUnderscores): \(flag.finding)")
      html.definitions(facts)
      html.raw("</article>\n")
    }
    html.raw("</section>\n")
  }

  /// One line per drug across the sample.
  static func therapySummary(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    guard !clinical.therapies.isEmpty else { return }
    html.raw("<section id=\"therapies\">\n")
    html.element("h2", "Therapies: one statement per drug")
    html.table(
      headers: ["Drug", "Call", "Level", "Alterations", "Why"],
      rows: clinical.therapies.map {
        [$0.therapy, $0.call.rawValue, "\($0.level.rawValue) (\($0.tumourTypeMatch.rawValue) tumour type)",
         $0.alterations.joined(separator: "; "), $0.reason]
      })
    html.raw("</section>\n")
  }

  static func actionable(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    let tiered = clinical.somatic.filter(\.tier.isTierIOrII)
    guard !tiered.isEmpty else { return }
    html.raw("<section id=\"tier-1-2\">\n")
    html.element("h2", "Tier I and II variants (strong and potential clinical significance)")
    for finding in tiered {
      var facts: [(String, String)] = [
        ("Why this tier", finding.tier.reason),
        ("Rule", "\(finding.tier.rule) (\(finding.tier.source))"),
        ("Consequence", "\(finding.consequence.terms.joined(separator: ", ")) on \(finding.consequence.transcript ?? "panel transcript") (\(finding.consequence.source))"),
      ]
      if let hgvs = finding.consequence.hgvsLabel { facts.append(("HGVS", hgvs)) }
      facts.append(("Protein change known from", proteinBasis(finding.consequence)))
      facts.append(("Oncogenicity", oncogenicity(finding.oncogenicity)))
      if let fraction = finding.tumorAlleleFraction { facts.append(("Tumour VAF", format(fraction))) }
      if !finding.hotspots.isEmpty { facts.append(("Hotspot", finding.hotspots.joined(separator: "; "))) }
      facts += therapyFacts(finding.therapies)
      facts.append(("Origin", "\(finding.origin.call.rawValue.replacingUnderscores): \(finding.origin.reasons.joined(separator: "; "))"))
      if let recommendation = finding.origin.recommendation { facts.append(("Recommendation", recommendation)) }
      tieredArticle(finding.alteration, tier: finding.tier, facts: facts, evidence: finding.evidence, into: &html)
    }
    html.raw("</section>\n")
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
      if let reads = finding.supportingReads { facts.append(("Supporting reads", String(reads))) }
      if let confirmation = finding.confirmation { facts.append(("Confirmation", confirmation)) }
      facts.append(("Why this tier", finding.tier.reason))
      facts += therapyFacts(finding.therapies)
      for note in finding.notes { facts.append(("Note", note)) }
      tieredArticle(finding.name, tier: finding.tier, facts: facts, evidence: finding.evidence, into: &html)
    }
    html.raw("</section>\n")
  }

  /// One tiered finding: heading with its tier, its facts, its evidence table.
  static func tieredArticle(
    _ title: String, tier: TierAssignment, facts: [(String, String)], evidence: [MatchedEvidence], into html: inout HTMLBuilder
  ) {
    html.raw("<article class=\"finding tier-\(tierClass(tier.tier))\">\n")
    html.element("h3", "\(title) - Tier \(tier.tier.rawValue)")
    html.definitions(facts)
    evidenceTable(evidence, into: &html)
    html.raw("</article>\n")
  }

  static func therapyFacts(_ therapies: TherapySummary) -> [(String, String)] {
    var facts: [(String, String)] = []
    if !therapies.sensitivity.isEmpty { facts.append(("Sensitivity", therapies.sensitivity.joined(separator: "; "))) }
    if !therapies.resistance.isEmpty { facts.append(("Resistance", therapies.resistance.joined(separator: "; "))) }
    if !therapies.reducedSensitivity.isEmpty {
      facts.append(("Reduced sensitivity", therapies.reducedSensitivity.joined(separator: "; ")))
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

  static func germline(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
    guard !clinical.germline.isEmpty else { return }
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
        facts.append(("ClinVar (shown, not used)", "\(clinvar.significance) (\(clinvar.stars) stars, VCV\(clinvar.variationID), \(clinvar.release))"))
      }
      if finding.classification.isPathogenic {
        facts.append(("Recommendation", "refer for genetic counselling and confirmatory germline testing"))
      }
      html.definitions(facts)
      if !finding.criteria.isEmpty {
        html.table(
          headers: ["Criterion", "Points", "Evidence", "Source"],
          rows: finding.criteria.map { [$0.code, String($0.points), $0.evidence, $0.source] })
      }
      if !finding.notEvaluated.isEmpty {
        html.raw("<p class=\"muted\">Not evaluated:</p>\n")
        html.list(finding.notEvaluated)
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
    html.table(
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
    if let rate = tmb.perMegabase {
      html.element("p", "\(format(rate)) mutations per megabase (\(tmb.mutations) counted over \(format(tmb.footprintMegabases)) Mb of coding sequence).")
    } else {
      html.element("p", "TMB \(tmb.reason ?? "not assessable").")
    }
    html.list(tmb.rules)
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

  static func methods(_ report: SampleReport, into html: inout HTMLBuilder) {
    html.raw("<section id=\"methods\">\n")
    html.element("h2", "Methods, versions and limits")
    html.list([
      "\(report.tool.name) \(report.tool.version), report schema \(report.schemaVersion); command: \(report.commandLine.joined(separator: " "))",
      "Panel \(report.panel.name) \(report.panel.version), checksum \(report.panel.checksum)",
      "Input \(report.input.fileName), SHA-256 \(report.input.sha256)",
      report.input.referenceFasta.map {
        "Consequences and HGVS computed on the panel's MANE transcripts from \($0) (indels shifted 3', HGVS; REF alleles checked: \(report.qc.referenceMismatches ?? 0) of \(report.qc.referenceChecked ?? 0) differed), unless the VCF carried VEP/snpEff/bcftools csq annotation"
      } ?? "Consequences from the VCF's VEP/snpEff/bcftools csq annotation, else from the panel's exon coordinates (no reference FASTA given)",
      "Somatic tiers: AMP/ASCO/CAP 2017 (Li et al., J Mol Diagn 2017, PMID:27993330) from the panel's cited evidence (CIViC, FDA labels, NCCN, WHO).",
      "Germline classes: ACMG/AMP 2015 (Richards et al., PMID:25741868) on the Tavtigian et al. 2020 point scale (PMID:32720330); ClinVar's class is shown beside ours, never used in its place.",
      "Tumour-only origin flags follow the ESMO Precision Medicine Working Group (Mandelker et al. 2019).",
    ])
    html.element(
      "p",
      "For research and tumour-board discussion by qualified professionals. Findings must be confirmed in the clinical context; germline findings from tumour sequencing need confirmatory germline testing with consent and genetic counselling.",
      className: "muted")
    html.raw("</section>\n")
  }

  static func evidenceTable(_ evidence: [MatchedEvidence], into html: inout HTMLBuilder) {
    let tiering = evidence.filter(\.supports)
    guard !tiering.isEmpty else { return }
    let sorted = tiering.enumerated().sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }.map(\.element)
    html.raw("<details>\n")
    html.element("summary", "Evidence (\(sorted.count) items)")
    html.table(
      headers: ["Level", "Type", "Significance", "Therapies", "Disease", "Matched", "Applied", "Citation", "Id"],
      rows: sorted.map {
        [$0.level.rawValue, $0.evidenceType, $0.significance, $0.therapies.joined(separator: ", "),
         "\($0.disease) [\($0.tumourTypeMatch.rawValue)]", "\($0.matchedBy) (\($0.specificity.rawValue))",
         $0.applied ? "yes" : "no: \($0.note ?? "")", $0.citation, $0.id]
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
    body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 60em; color: #1a1a1a; line-height: 1.4; }
    h1 { font-size: 1.5em; border-bottom: 2px solid #333; }
    h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #999; }
    h3 { font-size: 1.05em; margin: 0.3em 0; }
    .box { border: 1px solid #999; padding: 0.5em 1em; background: #f6f6f6; }
    .alert { border: 2px solid #b2182b; padding: 0.5em 1em; background: #fdeeee; }
    .flag { border-left: 6px solid #999; padding: 0.2em 0.8em; margin: 0.5em 0; }
    .flag-discordance { border-color: #b2182b; }
    dl { display: grid; grid-template-columns: 14em 1fr; gap: 0.2em 1em; margin: 0.4em 0; }
    dt { font-weight: bold; }
    dd { margin: 0; }
    .finding { border-left: 6px solid #999; padding: 0.3em 0.8em; margin: 0.8em 0; }
    .tier-1 { border-color: #b2182b; } .tier-2 { border-color: #ef8a62; } .tier-3 { border-color: #999; }
    .class-0, .class-1 { border-color: #762a83; } .class-2 { border-color: #999; } .class-3, .class-4 { border-color: #1b7837; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85em; margin: 0.4em 0; }
    th, td { border: 1px solid #ccc; padding: 0.2em 0.4em; text-align: left; vertical-align: top; word-break: break-word; }
    th { background: #eee; }
    .muted { color: #555; font-size: 0.9em; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10pt; }
      details { display: block; }
      details > summary { list-style: none; font-weight: bold; }
      .finding, tr { break-inside: avoid; }
      section#methods { break-before: page; }
    }

    """
}

/// Builds escaped HTML text.
struct HTMLBuilder {
  /// Takes the text so far once it passes a mebibyte (see `HTMLReport.render(_:emit:)`).
  var spill: ((String) -> Void)?
  private(set) var text = "" {
    didSet {
      if let spill, text.utf8.count >= 1 << 20 {
        spill(text)
        text = ""
      }
    }
  }

  mutating func raw(_ markup: String) { text += markup }

  mutating func element(_ name: String, _ content: String, className: String? = nil) {
    text += "<\(name)\(className.map { " class=\"\($0)\"" } ?? "")>\(HTMLBuilder.escape(content))</\(name)>\n"
  }

  mutating func list(_ items: [String]) {
    text += "<ul>\n"
    for item in items { element("li", item) }
    text += "</ul>\n"
  }

  mutating func definitions(_ pairs: [(String, String)]) {
    text += "<dl>\n"
    for (term, value) in pairs {
      element("dt", term)
      element("dd", value)
    }
    text += "</dl>\n"
  }

  mutating func table(headers: [String], rows: [[String]]) {
    text += "<table>\n<thead><tr>"
    for header in headers { text += "<th>\(HTMLBuilder.escape(header))</th>" }
    text += "</tr></thead>\n<tbody>\n"
    for row in rows {
      text += "<tr>"
      for cell in row { text += "<td>\(HTMLBuilder.escape(cell))</td>" }
      text += "</tr>\n"
    }
    text += "</tbody>\n</table>\n"
  }

  /// Escapes the five characters that matter in text and attribute values.
  static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}

extension String {
  var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
