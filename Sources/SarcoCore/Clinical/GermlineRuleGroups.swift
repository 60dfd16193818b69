/// The germline rule tables a classifier looks up per variant, keyed by gene (BA1 exceptions by
/// variant), made once per panel view and shared by every sample of a batch (`PanelView`).
/// Regrouped for every sample's classifiers, twice for the PVS1 tree, they were ~2% of a batch
/// of small samples.
struct GermlineRuleGroups: Sendable {
  let pvs1ByGene: [String: [PVS1GeneRule]]
  let pm1ByGene: [String: [PM1Region]]
  let triageByGene: [String: TriageRules]
  let frequencyThresholdsByGene: [String: [RuleTables.FrequencyThreshold]]
  /// This build's exceptions by variant key; the first row of a key wins.
  let ba1ExceptionsByVariant: [String: BA1Exception]
  /// The first row of a gene wins.
  let confoundedByGene: [String: FrequencyConfoundedGene]

  init(rules: RuleTables, build: GenomeBuild) {
    let germline = rules.germline
    pvs1ByGene = Dictionary(grouping: germline.pvs1, by: \.gene)
    pm1ByGene = Dictionary(grouping: germline.pm1, by: \.gene)
    triageByGene = Dictionary(grouping: germline.triage, by: \.gene).mapValues {
      TriageRules(rules: $0, citations: GermlineTriage.citations($0.map(\.source)))
    }
    frequencyThresholdsByGene = Dictionary(grouping: rules.frequencyThresholds, by: \.gene)
    ba1ExceptionsByVariant = Dictionary(
      germline.ba1Exceptions.filter { $0.build == build }.map { ($0.variantKey, $0) }, uniquingKeysWith: { first, _ in first })
    confoundedByGene = Dictionary(germline.confoundedFrequencies.map { ($0.gene, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// A gene's triage rules in table order, and their sources as one citation, joined once
  /// (`GermlineTriage.citations`): splitting them again for every finding was 1.8% of a batch of
  /// small samples.
  struct TriageRules: Sendable {
    let rules: [GermlineTriageRule]
    let citations: String
  }
}
