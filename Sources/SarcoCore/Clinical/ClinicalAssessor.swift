/// Turns a sample's annotated variants (and any fusion or copy-number tables)
/// into the clinical report: somatic tiers, germline classes, origin flags,
/// structural findings and TMB.
public struct ClinicalAssessor: Sendable {
  public enum SampleType: String, Sendable, CaseIterable {
    /// Tumour DNA: somatic tiers, origin flags, ACMG classes for likely germline findings.
    case tumor
    /// Constitutional DNA (blood, saliva): ACMG/AMP classes for predisposition genes.
    case germline
  }

  public struct Settings: Sendable {
    public var sampleType: SampleType
    public var tumourType: String?
    /// PS1/PM5 from ClinVar's classifications of other variants.
    public var useClinVarCriteria: Bool

    public init(sampleType: SampleType = .tumor, tumourType: String? = nil, useClinVarCriteria: Bool = true) {
      self.sampleType = sampleType
      self.tumourType = tumourType
      self.useClinVarCriteria = useClinVarCriteria
    }
  }

  let view: PanelView
  let settings: Settings
  let selector: ConsequenceSelector
  let tiering: SomaticTiering
  let known: KnownVariantIndex
  let classifier: ACMGClassifier
  let interpreter: StructuralInterpreter

  /// `known` spares rebuilding the ClinVar index (41k rows) for every sample of a batch.
  /// `predictor` (from `--reference`) names the known variants' amino acids for PS1.
  public init(view: PanelView, settings: Settings, known: KnownVariantIndex? = nil, predictor: ConsequencePredictor? = nil) {
    self.view = view
    self.settings = settings
    selector = ConsequenceSelector(view: view)
    tiering = SomaticTiering(knowledge: view.panel.knowledge, tumourType: settings.tumourType)
    self.known = known ?? KnownVariantIndex(view: view)
    classifier = ACMGClassifier(
      view: view, known: self.known, useClinVarCriteria: settings.useClinVarCriteria, predictor: predictor)
    interpreter = StructuralInterpreter(view: view, tiering: tiering)
  }

  /// Population frequencies and scores from INFO and every upstream entry of the allele.
  public static func metrics(of variant: Variant) -> AlleleMetrics {
    var merged = variant.metrics ?? AlleleMetrics()
    for entry in variant.upstream { if let metrics = entry.metrics { merged.merge(metrics) } }
    return merged
  }

  public func assess(_ reported: [ReportedVariant], fusionCalls: [FusionCall] = [], segments: [CopyNumberSegment] = [])
    -> ClinicalReport
  {
    var somatic: [(order: Int, finding: SomaticFinding)] = []
    var germline: [GermlineFinding] = []
    var counted: [String] = []
    var filtered = 0
    var sawMetrics = false
    var sawUpstream = false
    for (order, item) in reported.enumerated() {
      let variant = item.variant
      guard variant.kind != .symbolic && variant.kind != .breakend else { continue }
      let metrics = Self.metrics(of: variant)
      sawMetrics = sawMetrics || metrics.highestFrequency != nil
      sawUpstream = sawUpstream || !variant.upstream.isEmpty
      let clinvar = known.byKey[variant.key]
      for consequence in item.consequences {
        guard let gene = view.gene(consequence.gene) else { continue }
        let atHotspot = item.hotspots.contains { $0.gene == gene.symbol }
        let input = ACMGClassifier.Input(variant: variant, consequence: consequence, gene: gene, metrics: metrics, atHotspot: atHotspot)
        switch settings.sampleType {
        case .germline:
          // Everything within the transcript (exons, introns, UTRs) or known to ClinVar; not the flanks.
          let flankOnly = consequence.terms.allSatisfy { $0 == "upstream_gene_variant" || $0 == "downstream_gene_variant" }
          let relevant = !flankOnly || clinvar != nil
          if gene.germlineTesting && relevant && variant.passesFilters { germline.append(classifier.classify(input)) }
        case .tumor:
          let evidence = tiering.matches(consequence: consequence, variant: variant, atHotspot: atHotspot)
          let relevant =
            consequence.isProteinAltering || !evidence.isEmpty || atHotspot || consequence.has("splice_region_variant")
          guard relevant else { continue }
          guard variant.passesFilters else {
            filtered += 1
            continue
          }
          let clinvarPathogenic = clinvar.map { KnownVariantIndex.isPathogenic($0.significance) } ?? false
          let origin = OriginAssessor().assess(variant: variant, gene: gene, metrics: metrics, clinvarPathogenic: clinvarPathogenic)
          let fallback = fallbackTier(metrics: metrics, clinvar: clinvar, atHotspot: atHotspot, consequence: consequence)
          let tier = tiering.tier(for: evidence, fallback: fallback)
          somatic.append(
            (
              order,
              SomaticFinding(
                variantKey: variant.key, gene: gene.symbol, consequence: consequence,
                alteration: Alteration.name(consequence: consequence, variant: variant), tier: tier, evidence: evidence,
                hotspots: item.hotspots.filter { $0.gene == gene.symbol }.map { "\($0.change) (\($0.source))" },
                therapies: tiering.therapies(evidence), origin: origin, tumorAlleleFraction: variant.tumor?.alleleFraction)
            ))
          if gene.germlineTesting && ["germline", "likely_germline", "possibly_germline"].contains(origin.call) {
            germline.append(classifier.classify(input))
          }
          if MutationalBurden.counts(variant: variant, consequence: consequence, origin: origin, atHotspot: atHotspot, metrics: metrics),
            counted.last != variant.key
          {
            counted.append(variant.key)
          }
        }
      }
    }
    let variants = reported.map(\.variant)
    let cnv = interpreter.segments(from: variants)
    let isTumour = settings.sampleType == .tumor
    let fusions = isTumour ? interpreter.fusions(from: variants) + interpreter.fusions(from: fusionCalls) : []
    let copyNumber = isTumour ? interpreter.copyNumber(from: cnv.segments + segments) : []
    return ClinicalReport(
      sampleType: settings.sampleType.rawValue, tumourType: tumourContext(),
      somatic: somatic.sorted { ($0.finding.tier, $0.order) < ($1.finding.tier, $1.order) }.map(\.finding),
      germline: germline, fusions: fusions, copyNumber: copyNumber,
      tumourMutationalBurden: isTumour ? MutationalBurden.measure(view: view, counted: counted) : nil,
      notes: notes(filtered: filtered, sawMetrics: sawMetrics, sawUpstream: sawUpstream, skippedSegments: cnv.skipped))
  }

  func fallbackTier(metrics: AlleleMetrics, clinvar: KnownVariant?, atHotspot: Bool, consequence: AlleleConsequence)
    -> TierAssignment
  {
    if let frequency = metrics.highestFrequency, frequency >= 0.01 {
      return tiering.untiered("IV", reason: "population frequency \(frequency) >= 0.01")
    }
    if let clinvar, clinvar.stars >= 2, KnownVariantIndex.isBenign(clinvar.significance) {
      return tiering.untiered("IV", reason: "ClinVar \(clinvar.significance) (\(clinvar.stars) stars, VCV\(clinvar.clinvarID))")
    }
    let place = atHotspot ? "at a known hotspot" : consequence.mostSevere
    return tiering.untiered("III", reason: "\(place) in \(consequence.gene); no level A-D evidence matched")
  }

  func tumourContext() -> TumourTypeContext? {
    settings.tumourType.map { TumourTypeContext(code: $0, name: view.panel.knowledge.tumourTypes[$0]) }
  }

  func notes(filtered: Int, sawMetrics: Bool, sawUpstream: Bool, skippedSegments: Int) -> [String] {
    var notes: [String] = []
    if settings.sampleType == .tumor {
      if let code = settings.tumourType {
        if view.panel.knowledge.tumourTypes[code] == nil {
          notes.append("tumour type \(code) is not among the panel's OncoTree codes: only tumour-agnostic evidence counts as same-type")
        }
      } else {
        notes.append("no --tumor-type: evidence for named tumour types tiers at most II-C; diagnostic markers still point to the tumour types they define")
      }
      if filtered > 0 { notes.append("\(filtered) relevant call(s) failing FILTER were not tiered") }
    }
    if !sawUpstream {
      notes.append(
        classifier.predictor == nil
          ? "no CSQ/ANN/BCSQ annotation and no --reference: consequences derived from panel exons, without amino-acid changes (give --reference, or pre-annotate: see README)"
          : "no CSQ/ANN/BCSQ annotation: consequences and HGVS computed from the reference FASTA on the panel's transcripts")
    }
    if !sawMetrics { notes.append("no population frequency in the input: PM2/BA1/BS1 and polymorphism checks not evaluated") }
    if skippedSegments > 0 { notes.append("\(skippedSegments) copy-number record(s) without CN or genotype skipped") }
    if known.isEmpty { notes.append("no ClinVar known variants for \(view.build.rawValue) in the panel") }
    return notes
  }
}
