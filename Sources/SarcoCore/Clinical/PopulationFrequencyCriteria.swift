/// BA1, BS1 and PM2 from the population frequencies in the input, with the ClinGen
/// VCEP thresholds of `rules/vcep_thresholds.tsv` compared on the measure they are
/// written for (a filtering allele frequency is not replaced by a raw one), the
/// SVI BA1 exceptions, and no BA1/BS1 (nor PM2) in genes whose frequencies are
/// confounded by a pseudogene or segmental duplication.
struct PopulationFrequencyCriteria: Sendable {
  static let richards = "Richards et al. 2015 PMID:25741868"
  static let whiffin = "Whiffin et al. 2017 PMID:28518168 (maximum credible population allele frequency)"

  let thresholds: [String: [RuleTables.FrequencyThreshold]]
  let exceptions: [String: BA1Exception]
  let confounded: [String: FrequencyConfoundedGene]
  let named: GermlineThresholds?

  /// The panel's frequency thresholds, BA1 exceptions of the view's build and confounded genes.
  init(view: PanelView) {
    let groups = view.germlineRuleGroups
    thresholds = groups.frequencyThresholdsByGene
    exceptions = groups.ba1ExceptionsByVariant
    confounded = groups.confoundedByGene
    named = view.panel.knowledge.rules.germline.thresholds
  }

  func evaluate(variant: Variant, gene: Gene, metrics: AlleleMetrics, sheet: inout CriteriaSheet) {
    guard let alleleFrequency = metrics.highestAlleleFrequency ?? metrics.highestFilteringFrequency else {
      sheet.note("PM2/BA1/BS1: not evaluated: no population frequency field in the input (annotate with gnomAD, e.g. VEP --af_gnomade, or bcftools annotate with gnomAD AF and FAF95)")
      return
    }
    // A filtering frequency field left empty for a variant the allele frequencies do see says nothing.
    let filtering = metrics.highestFilteringFrequency.flatMap { $0 == 0 && alleleFrequency > 0 ? nil : $0 }
    if let caveat = confounded[gene.symbol] {
      sheet.note(
        "PM2/BA1/BS1: not applied: \(gene.symbol) population frequencies are confounded by \(caveat.confounder) (\(caveat.source))")
      return
    }
    let rows = thresholds[gene.symbol] ?? []
    let described = alleleFrequency == 0 ? "absent from the population fields" : "highest population allele frequency \(alleleFrequency)"
    if let exception = exceptions[variant.key] {
      sheet.note("BA1/BS1: not applied: \(exception.hgvs) is on the BA1 exception list (\(exception.source)); \(described)")
      return
    }
    if standAloneBenign(rows: rows, alleleFrequency: alleleFrequency, filtering: filtering, gene: gene, sheet: &sheet) { return }
    strongBenign(rows: rows, alleleFrequency: alleleFrequency, filtering: filtering, gene: gene, sheet: &sheet)
    if !sheet.has(.BS1) { rare(rows: rows, alleleFrequency: alleleFrequency, described: described, gene: gene, sheet: &sheet) }
  }

  /// BA1: the VCEP threshold on its own measure; without that measure, Richards' default on the allele frequency.
  func standAloneBenign(
    rows: [RuleTables.FrequencyThreshold], alleleFrequency: Double, filtering: Double?, gene: Gene, sheet: inout CriteriaSheet
  ) -> Bool {
    if let row = rows.first(where: { $0.criterion == "BA1" }) {
      if let value = row.needsFilteringFrequency ? filtering : alleleFrequency {
        if row.holds(for: value) {
          sheet.add(
            .BA1, evidence: "\(row.needsFilteringFrequency ? "filtering allele frequency" : "allele frequency") \(value) \(row.condition) (\(gene.symbol) VCEP, \(row.property))",
            source: row.source)
          return true
        }
        return false
      }
    }
    guard let named else { return false }
    let limit = named[.ba1DefaultFrequency]
    if alleleFrequency > limit {
      let why = rows.contains { $0.criterion == "BA1" } ? "the \(gene.symbol) VCEP threshold needs a filtering allele frequency (FAF), absent from the input, so" : "no VCEP threshold for \(gene.symbol):"
      sheet.add(.BA1, evidence: "allele frequency \(alleleFrequency) > \(NamedValues.format(limit)); \(why) the general BA1 threshold applies", source: named.source(.ba1DefaultFrequency))
      return true
    }
    return false
  }

  /// BS1 only from a VCEP threshold, on the measure it is written for.
  func strongBenign(
    rows: [RuleTables.FrequencyThreshold], alleleFrequency: Double, filtering: Double?, gene: Gene, sheet: inout CriteriaSheet
  ) {
    let bs1 = rows.filter { $0.criterion == "BS1" }
    guard !bs1.isEmpty else {
      sheet.note("BS1: not evaluated: no gene-specific threshold for \(gene.symbol) (needs a maximum credible allele frequency for the disorder; \(Self.whiffin))")
      return
    }
    let needsFAF = bs1.contains(where: \.needsFilteringFrequency)
    guard let value = needsFAF ? filtering : alleleFrequency else {
      sheet.note("BS1: not evaluated: the \(gene.symbol) VCEP threshold is written for a filtering allele frequency (\(bs1[0].property)); the input gives allele frequencies only (add gnomAD FAF95, e.g. fafmax_faf95_max)")
      return
    }
    if let row = bs1.first(where: { $0.holds(for: value) }) {
      sheet.add(
        .BS1, row.strength, evidence: "\(needsFAF ? "filtering allele frequency" : "allele frequency") \(value) \(row.condition) (\(gene.symbol) VCEP, \(row.property))",
        source: row.source)
    }
  }

  /// PM2 at supporting strength: absent or below the limit. A raw allele frequency is at least the
  /// filtering one, so it may show rarity whatever measure a threshold is written for.
  func rare(
    rows: [RuleTables.FrequencyThreshold], alleleFrequency: Double, described: String, gene: Gene, sheet: inout CriteriaSheet
  ) {
    if let row = rows.first(where: { $0.criterion == "PM2" }) {
      if row.holds(for: alleleFrequency) {
        sheet.add(.PM2, row.strength, evidence: "\(described) \(row.condition) (\(gene.symbol) VCEP)", source: row.source)
      }
      return
    }
    guard let named else { return }
    let limit = named[.pm2MaximumFrequency]
    if alleleFrequency <= limit {
      sheet.add(.PM2, evidence: "\(described) (<= \(NamedValues.format(limit)))", source: named.source(.pm2MaximumFrequency))
    }
  }
}
