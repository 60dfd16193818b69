import SarcoCore

/// Which annotated variants the clinical reading can use, so that a run keeps
/// only those in memory: the rest go to the report files as they are
/// annotated and are let go (a sample with 400k records in a gene stays flat).
///
/// It keeps a superset of what `ClinicalAssessor.assess` turns into findings:
/// structural records (fusions, copy number), anything at a hotspot (also what
/// `UncalledHotspots` looks at), and any consequence the somatic or germline
/// reading acts on. A variant kept needlessly costs memory, never a finding;
/// `StreamedReportTests.clinicalReadingOfKeptVariantsEqualsReadingOfAll` holds the
/// two to the same report, so a change to `assess` that widens what counts shows up there.
struct ClinicalRelevance {
  let view: PanelView
  let sampleType: ClinicalAssessor.SampleType
  let tiering: SomaticTiering
  /// ClinVar's index (built while the records are read; asked for at the first variant that needs it).
  let known: () throws -> KnownVariantIndex
  /// `assess` also looks at all variants for a few yes/no facts (any small
  /// variant at all, any population frequency or frequency field, any upstream
  /// annotation): the first variant showing each is kept, so those do not change.
  private var sawSmallVariant = false
  private var sawFrequency = false
  private var sawUpstream = false
  /// `known`'s index once asked for: each call hands back a copy of the whole index (six shared
  /// buffers retained and released), which per variant was a fifth of this check's time.
  private var knownIndex: KnownVariantIndex?

  init(view: PanelView, settings: ClinicalAssessor.Settings, known: @escaping () throws -> KnownVariantIndex) {
    self.view = view
    sampleType = settings.sampleType
    tiering = SomaticTiering(view: view, tumourType: settings.tumourType)
    self.known = known
  }

  mutating func keeps(_ item: ReportedVariant) throws -> Bool {
    let variant = item.variant
    if variant.kind == .symbolic || variant.kind == .breakend || variant.structural != nil || !item.hotspots.isEmpty {
      return true
    }
    if !sawSmallVariant {
      sawSmallVariant = true
      return true
    }
    if !sawFrequency {
      let metrics = ClinicalAssessor.metrics(of: variant)
      if metrics.highestFrequency != nil || metrics.frequencyFieldDeclared {
        sawFrequency = true
        return true
      }
    }
    if !sawUpstream && !variant.upstream.isEmpty {
      sawUpstream = true
      return true
    }
    // ClinVar's classification can complete or decide a variant's reading in either sample type.
    if knownIndex == nil { knownIndex = try known() }
    if knownIndex?.entry(for: variant) != nil { return true }
    for consequence in item.consequences {
      switch sampleType {
      case .germline:
        guard let gene = view.gene(consequence.gene) else { continue }
        let flankOnly = consequence.terms.allSatisfy { $0 == "upstream_gene_variant" || $0 == "downstream_gene_variant" }
        if gene.germlineTesting && !flankOnly { return true }
      case .tumor:
        // Only whether it is a panel gene: copying the gene out per variant was a tenth of this check.
        guard view.hasGene(consequence.gene) else { continue }
        if consequence.isProteinAltering || consequence.has("splice_region_variant")
          || !tiering.matches(consequence: consequence, variant: variant, atHotspot: false).isEmpty
        {
          return true
        }
      }
    }
    return false
  }
}
