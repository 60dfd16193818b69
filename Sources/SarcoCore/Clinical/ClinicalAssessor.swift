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
    /// Age at diagnosis in years, for age-dependent germline follow-up rules.
    public var age: Int?

    public init(sampleType: SampleType = .tumor, tumourType: String? = nil, useClinVarCriteria: Bool = true, age: Int? = nil) {
      self.sampleType = sampleType
      self.tumourType = tumourType
      self.useClinVarCriteria = useClinVarCriteria
      self.age = age
    }
  }

  let view: PanelView
  let settings: Settings
  let tiering: SomaticTiering
  let known: KnownVariantIndex
  let classifier: ACMGClassifier
  let interpreter: StructuralInterpreter
  let oncogenicity: OncogenicityClassifier
  let gate: TierGate
  let burden: MutationalBurden
  let index: SomaticKnowledgeIndex
  let origins: OriginAssessor
  let escat: EscatLookup
  let triage: GermlineTriage

  /// `known` spares rebuilding the ClinVar index (41k rows) for every sample of a batch.
  /// `predictor` (from `--reference`) names the known variants' amino acids for PS1.
  public init(
    view: PanelView, settings: Settings, known: KnownVariantIndex? = nil, predictor: ConsequencePredictor? = nil,
    index: SomaticKnowledgeIndex? = nil
  ) {
    self.view = view
    self.settings = settings
    let index = index ?? view.somaticIndex
    self.index = index
    origins = OriginAssessor(thresholds: view.panel.knowledge.rules.germline.thresholds)
    escat = EscatLookup(knowledge: view.panel.knowledge, tumourType: settings.tumourType)
    triage = GermlineTriage(view: view)
    tiering = SomaticTiering(view: view, tumourType: settings.tumourType)
    self.known = known ?? KnownVariantIndex(view: view)
    classifier = ACMGClassifier(
      view: view, known: self.known, useClinVarCriteria: settings.useClinVarCriteria, predictor: predictor)
    interpreter = StructuralInterpreter(view: view, tiering: tiering, index: index)
    oncogenicity = OncogenicityClassifier(view: view, index: index)
    gate = TierGate(tiering: tiering, thresholds: view.panel.knowledge.rules.somatic.thresholds)
    burden = MutationalBurden(view: view)
  }

  /// Germline follow-up of a tumour finding in a predisposition gene (`GermlineTriage`): a variant in the matched
  /// normal by its class, tumour-only findings by the ESMO PMWG triage; none for a somatic call.
  func followUp(
    origin: OriginAssessment, acmg: GermlineFinding, gene: Gene, clinvar: KnownVariant?, consequence: AlleleConsequence,
    variant: Variant, oncogenicity: OncogenicityClass?
  ) -> GermlineFollowUp? {
    triage.decide(
      GermlineTriage.Case(
        gene: gene, classification: acmg.classification, criteria: acmg.criteria.map(\.code), clinvar: clinvar,
        atSomaticHotspot: atSomaticHotspot(consequence: consequence, gene: gene), tumourType: settings.tumourType,
        age: settings.age, origin: origin.call, normalAlleleFraction: variant.normal?.alleleFraction,
        oncogenicity: oncogenicity))
  }

  /// At a cancerhotspots residue or in-frame indel hotspot (recurrent in tumours, with counts).
  func atSomaticHotspot(consequence: AlleleConsequence, gene: Gene) -> Bool {
    if let residue = consequence.residue, index.hotspot(gene: gene.symbol, residue: residue)?.sampleCount != nil { return true }
    if let protein = consequence.protein, let range = OncogenicityClassifier.residues(of: protein),
      index.indelHotspot(gene: gene.symbol, residues: range) != nil
    {
      return true
    }
    return false
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
    var somatic: [(order: Int, finding: SomaticFinding, calls: [DrugCall])] = []
    var germline: [GermlineFinding] = []
    var counted: [String] = []
    var filtered = 0
    var sawMetrics = false
    var sawUpstream = false
    var smallVariants = 0
    for (order, item) in reported.enumerated() {
      let variant = item.variant
      guard variant.kind != .symbolic && variant.kind != .breakend else { continue }
      smallVariants += 1
      let metrics = Self.metrics(of: variant)
      sawMetrics = sawMetrics || metrics.highestFrequency != nil || metrics.frequencyFieldDeclared
      sawUpstream = sawUpstream || !variant.upstream.isEmpty
      let clinvar = known.entry(for: variant)
      for selected in item.consequences {
        let consequence = ProteinEffectResolver.completing(selected, with: clinvar)
        guard let gene = view.gene(consequence.gene) else { continue }
        let atHotspot = item.hotspots.contains { $0.gene == gene.symbol }
        let input = ACMGClassifier.Input(variant: variant, consequence: consequence, gene: gene, metrics: metrics)
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
          let assessment = oncogenicity.classify(
            OncogenicityClassifier.Input(
              variant: variant, consequence: consequence, gene: gene, metrics: metrics, clinvar: clinvar, evidence: evidence))
          let decision = gate.decide(
            consequence: consequence, oncogenicity: assessment, evidence: evidence, metrics: metrics, clinvar: clinvar,
            atHotspot: atHotspot)
          let clinvarPathogenic = clinvar.map { KnownVariantIndex.isPathogenic($0.significance) } ?? false
          var origin = origins.assess(variant: variant, gene: gene, metrics: metrics, clinvarPathogenic: clinvarPathogenic)
          var classified: GermlineFinding?
          if gene.germlineTesting {
            let acmg = classifier.classify(input)
            classified = acmg
            origin.followUp = followUp(
              origin: origin, acmg: acmg, gene: gene, clinvar: clinvar, consequence: consequence, variant: variant,
              oncogenicity: assessment.classification)
            if origin.followUp?.decision == .recommended { origin.recommendation = origin.followUp?.reason }
          }
          var finding = SomaticFinding(
            variantKey: variant.key, gene: gene.symbol, consequence: consequence,
            alteration: Alteration.name(consequence: consequence, variant: variant), oncogenicity: assessment,
            tier: decision.tier, evidence: decision.evidence,
            hotspots: item.hotspots.filter { $0.gene == gene.symbol }.map { "\($0.change) (\($0.source))" },
            therapies: tiering.therapies(decision.evidence), origin: origin, tumorAlleleFraction: variant.tumor?.alleleFraction)
          if decision.tier.tier.isActionable { finding.escat = escat.variant(consequence, variant, atHotspot: atHotspot) }
          somatic.append((order, finding, tiering.drugCalls(decision.evidence)))
          if let classified, origin.call.looksGermline || origin.followUp?.decision == .recommended {
            germline.append(classified)
          }
          if burden.counts(variant: variant, consequence: consequence, origin: origin, atHotspot: atHotspot, metrics: metrics),
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
    let acquired = isTumour ? secondaryResistance(somatic.map(\.finding)) : []
    let somaticFindings = tieredByAcquiredResistance(isTumour ? withdrawingUnestablishedSubtypes(somatic) : somatic, acquired)
      .sorted { ($0.finding.tier, $0.order) < ($1.finding.tier, $1.order) }
    let fusions = (isTumour ? interpreter.fusions(from: variants) + interpreter.fusions(from: fusionCalls) : []).map { finding in
      var graded = finding
      if finding.tier.tier.isActionable { graded.escat = escat.fusion(finding.name, genes: finding.genes) }
      return graded
    }
    let copyNumber = (isTumour ? interpreter.copyNumber(from: cnv.segments + segments, secondHits: secondHits(somaticFindings.map(\.finding))) : [])
      .map { finding in
        var graded = finding
        if finding.tier.tier.isActionable, let gene = finding.genes.first {
          let biallelic = finding.name.contains("homozygous deletion") || finding.name.contains("biallelic loss")
          let event: CopyNumberEvent.Event = finding.name.contains("amplification") ? .amplification : (biallelic ? .homozygousDeletion : .deletion)
          graded.escat = escat.copyNumber(event, gene: gene, biallelic: biallelic)
        }
        return graded
      }
    var therapies: [TherapyStatement] = []
    var diagnosis: DiagnosisAssessment?
    if isTumour {
      let entries =
        somaticFindings.map { TherapyStatements.Entry(alteration: $0.finding.alteration, calls: $0.calls, confirmation: nil) }
        + (fusions + copyNumber).map {
          TherapyStatements.Entry(alteration: $0.name, calls: tiering.drugCalls($0.evidence), confirmation: $0.confirmation)
        }
      therapies = TherapyStatements.build(entries: entries, secondary: acquired)
      diagnosis = DiagnosisCheck(view: view, tumourType: settings.tumourType)
        .assess(somatic: somaticFindings.map(\.finding), fusions: fusions, copyNumber: copyNumber)
    }
    return ClinicalReport(
      sampleType: settings.sampleType.rawValue, tumourType: tumourContext(),
      somatic: somaticFindings.map(\.finding), germline: germline, fusions: fusions, copyNumber: copyNumber,
      tumourMutationalBurden: isTumour ? burden.measure(counted: counted, smallVariantCalls: smallVariants) : nil,
      therapies: therapies, diagnosis: diagnosis,
      notes: notes(filtered: filtered, sawMetrics: sawMetrics, sawUpstream: sawUpstream, skippedSegments: cnv.skipped))
  }

  /// Truncating oncogenic variants per gene: the second hit a one-copy deletion needs to be a loss of both copies.
  func secondHits(_ findings: [SomaticFinding]) -> [String: String] {
    var hits: [String: String] = [:]
    for finding in findings
    where finding.consequence.isTruncating && (finding.oncogenicity.classification?.isOncogenic ?? false) && hits[finding.gene] == nil {
      hits[finding.gene] = finding.alteration
    }
    return hits
  }

  func tumourContext() -> TumourTypeContext? {
    settings.tumourType.map { TumourTypeContext(code: $0, name: view.panel.knowledge.tumourTypes.name(of: $0)) }
  }

  /// The panel's `panel_scope` entity rule's statement when the stated tumour type lies outside the types it names.
  func outsideScope(_ code: String) -> String? {
    let table = view.panel.knowledge.tumourTypes
    guard let rule = view.panel.knowledge.rules.somatic.entityRules.first(where: { $0.kind == .panelScope }),
      !table.coversAny(rule.tumourTypes, sample: code)
    else { return nil }
    return "tumour type \(code) (\(table.name(of: code) ?? code)) is outside the panel's scope "
      + "(\(rule.tumourTypes.joined(separator: ", "))): \(rule.statement); \(rule.recommendation) (\(rule.source))"
  }

  func notes(filtered: Int, sawMetrics: Bool, sawUpstream: Bool, skippedSegments: Int) -> [String] {
    var notes: [String] = []
    if settings.sampleType == .tumor {
      if let code = settings.tumourType {
        if !view.panel.knowledge.tumourTypes.contains(code) {
          notes.append("tumour type \(code) is not among the panel's OncoTree codes: only tumour-agnostic evidence counts as same-type")
        } else if let scope = outsideScope(code) {
          notes.append(scope)
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
    if settings.sampleType == .tumor && view.panel.knowledge.rules.somatic.thresholds == nil {
      notes.append("the panel has no somatic rule table (rules/somatic_rules.tsv): copy number not interpreted, TMB not assessable, no tier gates")
    }
    if known.isEmpty { notes.append("no ClinVar known variants for \(view.build.rawValue) in the panel") }
    return notes
  }
}
