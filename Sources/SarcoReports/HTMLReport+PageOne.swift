import SarcoCore

extension HTMLReport {
  /// Page one: what the board acts on. Discordance first; then each Tier I/II finding on one line with
  /// its drugs; each drug once; germline follow-up; what the findings say about the diagnosis; TMB;
  /// coverage and pertinent negatives; a pointer to the limits. Everything else follows on later pages.
  enum PageOne {
    static let shownDrugsPerFinding = 3

    static func write(_ clinical: ClinicalReport, report: SampleReport, into html: inout HTMLBuilder) {
      let flags = clinical.diagnosis?.flags ?? []
      let discordances = flags.filter { $0.kind == .discordance }
      if !discordances.isEmpty {
        html.raw("<div class=\"alert\" id=\"discordance\">\n")
        html.element("h2", "Diagnostic discordance: review the diagnosis")
        html.linkedList(discordances.map { "\($0.statement)\($0.recommendation.map { ": \($0)" } ?? "")" })
        html.raw("</div>\n")
      }
      if clinical.sampleType == "germline" {
        germlineSummary(clinical, into: &html)
      } else {
        actions(clinical, into: &html)
        drugs(clinical, into: &html)
        germlineFollowUp(clinical, into: &html)
      }
      let statements = flags.filter { $0.kind != .discordance }
      if !statements.isEmpty {
        html.element("h2", "Diagnosis")
        html.linkedList(statements.map { "\($0.statement)\($0.recommendation.map { ": \($0)" } ?? "")" })
      }
      var facts: [String] = []
      if let tmb = clinical.tumourMutationalBurden { facts.append("TMB: \(tmbText(tmb))") }
      if let coverage = report.coverage {
        let threshold = coverage.thresholds.first ?? 0
        facts.append("Coverage: \(coverage.verdict) (\(coverage.failingTargets.count) of \(coverage.targets.count) exons below \(threshold)x)")
      } else if clinical.sampleType != "germline" {
        facts.append("Coverage and pertinent negatives not assessed: no BAM/CRAM given (--bam)")
      }
      if !facts.isEmpty {
        html.element("h2", "Burden and coverage")
        html.linkedList(facts)
      }
      if let negatives = clinical.pertinentNegatives, !negatives.isEmpty {
        html.element("h2", "Pertinent negatives")
        html.list(negatives.map(\.statement))
      }
      let counts = clinical.tierCounts.map { "Tier \($0.tier.rawValue): \($0.count)" }.joined(separator: ", ")
      html.raw("<p class=\"muted\">")
      if clinical.sampleType != "germline" {
        html.raw(HTMLBuilder.escape("Findings by tier: \(counts.isEmpty ? "none" : counts). "))
      }
      let limits = clinical.notes.count
      html.raw(
        "Evidence, criteria and every finding follow on the next pages; <a href=\"#notes\">limits of this analysis</a>\(limits > 0 ? HTMLBuilder.escape(" (\(limits) note\(limits == 1 ? "" : "s"))") : "").</p>\n")
    }

    /// Tier I then II, one line each: the alteration, its tier and ESCAT level, its drugs.
    static func actions(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
      struct Line {
        let name: String
        let tier: Tier
        let escat: EscatAssignment?
        let therapies: TherapySummary
        /// A fusion's "needs confirmation" note.
        let caveat: String?
      }
      let lines =
        clinical.somatic.filter(\.tier.isTierIOrII).map {
          Line(name: $0.alteration, tier: $0.tier.tier, escat: $0.escat, therapies: $0.therapies, caveat: nil)
        }
        + (clinical.fusions + clinical.copyNumber).filter(\.tier.isTierIOrII).map {
          Line(name: $0.name, tier: $0.tier.tier, escat: $0.escat, therapies: $0.therapies, caveat: $0.confirmation)
        }
      html.element("h2", "To act on")
      guard !lines.isEmpty else {
        html.element("p", "No Tier I or II finding (AMP/ASCO/CAP): nothing with level A-D evidence for this tumour.")
        return
      }
      let sample = Dictionary(clinical.therapies.map { ($0.therapy, $0) }, uniquingKeysWith: { first, _ in first })
      let ordered = lines.enumerated().sorted { ($0.element.tier, $0.offset) < ($1.element.tier, $1.offset) }.map(\.element)
      html.raw("<ul class=\"actions\">\n")
      for line in ordered {
        // The alteration's own calls, this tumour type's first; a call the sample's statement overrides is marked.
        let own: [(drug: String, call: TherapyCall, label: String)] =
          line.therapies.resistance.map { (drugName($0), .resistant, $0) } + line.therapies.sensitivity.map { (drugName($0), .sensitive, $0) }
          + line.therapies.reducedSensitivity.map { (drugName($0), .reducedSensitivity, $0) }
        func level(_ label: String) -> String {
          label.split(separator: "(").dropFirst().first.map { String($0.prefix(while: { $0 != "," && $0 != ")" })) } ?? ""
        }
        let leading = own.filter { !$0.label.contains("other tumour type") }.enumerated()
          .sorted { (level($0.element.label), $0.offset) < (level($1.element.label), $1.offset) }.map(\.element)
        var text = "<strong>\(HTMLBuilder.escape(line.name))</strong> <span class=\"tier\">Tier \(line.tier.rawValue)</span>"
        if let escat = line.escat { text += " <span class=\"escat\">ESCAT \(escat.tier.rawValue)</span>" }
        if !leading.isEmpty {
          let shown = leading.prefix(shownDrugsPerFinding).map { item -> String in
            var entry = HTMLBuilder.escape("\(item.drug): \(callWord(item.call)) (\(level(item.label)))")
            if let overall = sample[item.drug], overall.call != item.call {
              entry += " <span class=\"conflict\">[conflicting: \(HTMLBuilder.escape(callWord(overall.call))) for the sample]</span>"
            }
            return entry
          }.joined(separator: "; ")
          let more = leading.count > shownDrugsPerFinding ? "; \(leading.count - shownDrugsPerFinding) more below" : ""
          text += ": \(shown)\(HTMLBuilder.escape(more))"
        }
        if let note = line.caveat { text += " <span class=\"conflict\">\(HTMLBuilder.escape(note))</span>" }
        html.raw("<li>\(text)</li>\n")
      }
      html.raw("</ul>\n")
    }

    /// `Imatinib (level A, this tumour type)` -> `Imatinib`.
    static func drugName(_ label: String) -> String { label.components(separatedBy: " (").first ?? label }

    static func callWord(_ call: TherapyCall) -> String {
      switch call {
      case .sensitive: return "sensitive"
      case .resistant: return "resistant"
      case .reducedSensitivity: return "reduced sensitivity"
      }
    }

    /// `Imatinib: sensitive (A)`, marked when weaker contrary evidence exists.
    static func drugText(_ statement: TherapyStatement) -> String {
      let marker = statement.caveats.isEmpty ? "" : " <span class=\"conflict\">[caveat]</span>"
      return "\(HTMLBuilder.escape("\(statement.therapy): \(callText(statement)) (\(statement.level.rawValue))"))\(marker)"
    }

    static func callText(_ statement: TherapyStatement) -> String { callWord(statement.call) }

    /// This tumour type's (or tumour-agnostic) level A/B statements, and the rest.
    static func split(_ statements: [TherapyStatement]) -> (leading: [TherapyStatement], other: [TherapyStatement]) {
      func leads(_ statement: TherapyStatement) -> Bool {
        statement.level <= .B && [.same, .agnostic, .unknown].contains(statement.tumourTypeMatch)
      }
      let ordered = statements.enumerated().sorted { left, right in
        (left.element.level, left.element.call == .resistant ? 0 : 1, left.offset)
          < (right.element.level, right.element.call == .resistant ? 0 : 1, right.offset)
      }.map(\.element)
      return (ordered.filter(leads), ordered.filter { !leads($0) })
    }

    /// Each drug once; other tumour types and preclinical evidence counted, not listed.
    static func drugs(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
      guard !clinical.therapies.isEmpty else { return }
      let (leading, other) = split(clinical.therapies)
      html.element("h2", "Drugs (each once, for the whole sample)")
      if !leading.isEmpty {
        html.raw("<table class=\"drugs\">\n<thead><tr><th>Drug</th><th>Call</th><th>Level</th><th>Because of</th><th>Caveats</th></tr></thead>\n<tbody>\n")
        for statement in leading {
          let caveat = statement.caveats.isEmpty ? "" : "<span class=\"conflict\">conflicting evidence:</span> " + ReportLinks.linked(statement.caveats.joined(separator: "; "))
          html.raw(
            "<tr><td>\(HTMLBuilder.escape(statement.therapy))</td><td>\(HTMLBuilder.escape(callText(statement)))</td><td>\(HTMLBuilder.escape(statement.level.rawValue))</td><td>\(HTMLBuilder.escape(statement.alterations.joined(separator: "; ")))</td><td>\(caveat)</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
      } else {
        html.element("p", "No drug with level A or B evidence in this tumour type.")
      }
      if !other.isEmpty {
        html.raw("<p class=\"muted\">Other evidence: \(other.count) drug\(other.count == 1 ? "" : "s") at level C (another tumour type, or small studies in this one) or D (preclinical, case reports): <a href=\"#therapies\">see Therapies</a>.</p>\n")
      }
    }

    static func germlineFollowUp(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
      let recommended = clinical.somatic.filter { $0.origin.followUp?.decision == .recommended }
      let pending = clinical.somatic.filter { $0.origin.followUp?.decision == .notEvaluated }
      guard !recommended.isEmpty || !pending.isEmpty else { return }
      html.element("h2", "Germline follow-up")
      html.linkedList(
        recommended.map { "\($0.alteration): germline testing recommended: \($0.origin.followUp?.reason ?? "")" }
          + pending.map { "\($0.alteration): \($0.origin.followUp?.reason ?? "")" })
    }

    /// Germline samples: pathogenic and likely pathogenic findings, and where ours differs from ClinVar.
    static func germlineSummary(_ clinical: ClinicalReport, into html: inout HTMLBuilder) {
      html.element("h2", "Pathogenic and likely pathogenic findings")
      let pathogenic = clinical.germline.filter(\.classification.isPathogenic)
      // An expert panel's pathogenic class (ClinVar 3 stars or more) where ours is lower is not hidden under "None":
      // the variant may need evidence a VCF does not carry (functional assays, case data).
      let expert = clinical.germline.filter { finding in
        !finding.classification.isPathogenic
          && (finding.clinvar.map { $0.stars >= 3 && KnownVariantIndex.isPathogenic($0.significance) } ?? false)
      }
      if pathogenic.isEmpty {
        html.element(
          "p",
          "None by our ACMG/AMP classification among \(clinical.germline.count) variant\(clinical.germline.count == 1 ? "" : "s") classified"
            + (expert.isEmpty ? "." : "; but see the expert-panel classes below."))
      } else {
        html.linkedList(pathogenic.map {
          "\($0.alteration): \($0.classification.rawValue) (\($0.points) points: \($0.criteria.map(\.code).joined(separator: ", ")))\($0.syndromes.map { "; \($0)" } ?? ""): refer for genetic counselling"
        })
      }
      if !expert.isEmpty {
        html.raw("<p class=\"conflict\">ClinVar expert panel: pathogenic or likely pathogenic where our class is lower; review before reporting:</p>\n")
        html.linkedList(expert.map { finding in
          let clinvar = finding.clinvar!
          return "\(finding.alteration): ClinVar \(clinvar.significance.replacingUnderscores) (VCV\(clinvar.variationID), \(clinvar.stars) stars); ours \(finding.classification.rawValue) (\(finding.points) points)"
        })
      }
      let differing = clinical.germline.compactMap { finding in finding.clinvarComparison.map { "\(finding.alteration): \($0)" } }
      if !differing.isEmpty {
        html.element("h2", "Classes that differ from ClinVar")
        html.linkedList(differing)
      }
    }

    static func tmbText(_ tmb: TumourMutationalBurden) -> String {
      guard let rate = tmb.perMegabase else { return tmb.reason ?? "not assessable" }
      let base = "\(format(rate)) mutations per megabase (\(tmb.mutations) over \(format(tmb.footprintMegabases)) Mb)"
      return tmb.interpretation.map { "\(base): \($0)" } ?? base
    }
  }
}
