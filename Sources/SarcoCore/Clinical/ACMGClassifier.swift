/// ACMG/AMP 2015 germline criteria (Richards et al. 2015) combined on the
/// Tavtigian et al. 2020 point scale. Only criteria the input can support are
/// evaluated; the rest are listed as not evaluated, with the reason.
public struct ACMGClassifier: Sendable {
  public struct Input: Sendable {
    public let variant: Variant
    public let consequence: AlleleConsequence
    public let gene: Gene
    public let metrics: AlleleMetrics
    public let atHotspot: Bool

    public init(variant: Variant, consequence: AlleleConsequence, gene: Gene, metrics: AlleleMetrics, atHotspot: Bool) {
      self.variant = variant
      self.consequence = consequence
      self.gene = gene
      self.metrics = metrics
      self.atHotspot = atHotspot
    }
  }

  let view: PanelView
  let known: KnownVariantIndex
  let criteria: [String: RuleTables.ACMGCriterion]
  let classes: [RuleTables.ACMGClass]
  let thresholds: [String: [RuleTables.FrequencyThreshold]]
  /// Whether PS1/PM5 may use ClinVar's classifications of other variants.
  let useClinVarCriteria: Bool
  /// Names the known variants' amino-acid changes (needs the reference), so PS1 and PM5 can be told apart.
  let predictor: ConsequencePredictor?

  static let points = ["very_strong": 8, "strong": 4, "moderate": 2, "supporting": 1, "stand_alone": 8]
  static let frequencySource = "population frequency compared as the highest value among the record's population fields"
  static let svi = "ClinGen SVI: Abou Tayoun et al. 2018 PMID:30192042 (PVS1)"
  static let pejaver = "Pejaver et al. 2022 PMID:36413997 (REVEL/CADD calibration)"

  public init(view: PanelView, known: KnownVariantIndex, useClinVarCriteria: Bool, predictor: ConsequencePredictor? = nil) {
    self.view = view
    self.known = known
    self.predictor = predictor
    let rules = view.panel.knowledge.rules
    criteria = Dictionary(rules.acmgCriteria.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    classes = rules.acmgClasses
    thresholds = Dictionary(grouping: rules.frequencyThresholds, by: \.gene)
    self.useClinVarCriteria = useClinVarCriteria
  }

  public func classify(_ input: Input) -> GermlineFinding {
    var met: [MetCriterion] = []
    var notEvaluated: [String] = []
    let consequence = input.consequence
    let variant = input.variant

    func add(_ code: String, strength: String? = nil, evidence: String, source extra: String? = nil) {
      guard let row = criteria[code] else { return }
      let applied = strength ?? row.strength
      let sign = row.direction == "benign" ? -1 : 1
      let label = applied == row.strength ? code : "\(code)_\(applied.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "_"))"
      met.append(
        MetCriterion(
          code: label, criterion: code, strength: applied, points: sign * (Self.points[applied] ?? abs(row.points)),
          evidence: evidence, source: [row.source, extra].compactMap { $0 }.joined(separator: "; ")))
    }

    // PVS1: null variant in a loss-of-function gene.
    var pvs1Strength: String?
    if consequence.isTruncating {
      if input.gene.mechanism.contains("LoF") {
        let (strength, why) = nullVariantStrength(consequence: consequence, variant: variant, gene: input.gene)
        pvs1Strength = strength
        add("PVS1", strength: strength, evidence: "\(consequence.mostSevere) in \(input.gene.symbol) (loss of function is the disease mechanism); \(why)", source: Self.svi)
      } else {
        notEvaluated.append("PVS1: \(input.gene.symbol)'s disease mechanism is \(input.gene.mechanism.isEmpty ? "not recorded in the panel" : input.gene.mechanism), not loss of function")
      }
    }

    // PS1 / PM5 / PM5_Supporting from ClinVar's other pathogenic variants.
    if useClinVarCriteria {
      if known.isEmpty {
        notEvaluated.append("PS1/PM5: the panel has no ClinVar known variants on \(view.build.rawValue)")
      } else {
        codonCriteria(consequence: consequence, variant: variant, pvs1Strength: pvs1Strength, add: add)
      }
    } else {
      notEvaluated.append("PS1/PM5: ClinVar criteria switched off (--clinvar-criteria off)")
    }

    // PM1: a recurrent somatic hotspot residue of the panel, for missense changes.
    if input.atHotspot && isMissense(consequence) {
      add("PM1", evidence: "missense at a panel hotspot residue in \(input.gene.symbol) (cancerhotspots.org / CIViC)")
    }

    // PM2 / BA1 / BS1: population frequency.
    frequencyCriteria(input: input, add: add, notEvaluated: &notEvaluated)

    // PM4: protein length change.
    if pvs1Strength == nil,
      consequence.hasAny(["inframe_deletion", "inframe_insertion", "stop_lost"])
        || [.deletion, .insertion, .duplication, .delins, .stopLost].contains(consequence.protein?.effect ?? .other)
    {
      add("PM4", evidence: "\(consequence.mostSevere): protein length change (repeat regions not checked)")
    }

    // PP3 / BP4: in-silico predictions, never on top of PVS1.
    if pvs1Strength == nil { predictionCriteria(input: input, add: add, notEvaluated: &notEvaluated) }

    // BP7: synonymous, outside the splice region, no predicted splice effect.
    if isSynonymous(consequence) && !consequence.has("splice_region_variant") {
      if let spliceAI = input.metrics.spliceAI, spliceAI > 0.1 {
        notEvaluated.append("BP7: SpliceAI \(spliceAI) predicts a splice effect")
      } else {
        add("BP7", evidence: "synonymous, outside the splice region\(input.metrics.spliceAI.map { ", SpliceAI \($0) <= 0.1" } ?? " (no SpliceAI score in the input)")")
      }
    }

    let total = met.reduce(0) { $0 + $1.points }
    // BA1 is stand-alone (Richards 2015; ClinGen SVI Ghosh 2018): Benign whatever else is met.
    let standAloneBenign = met.contains { $0.criterion == "BA1" }
    let chosen =
      standAloneBenign
      ? classes.first { $0.name == "Benign" }
      : classes.first { $0.contains(total) }
    let clinvar = known.byKey[variant.key].map {
      ClinVarView(variationID: $0.clinvarID, significance: $0.significance, reviewStatus: $0.reviewStatus, stars: $0.stars, release: $0.release)
    }
    return GermlineFinding(
      variantKey: variant.key, gene: input.gene.symbol, consequence: consequence,
      alteration: Alteration.name(consequence: consequence, variant: variant),
      classification: chosen?.name ?? "Uncertain significance", points: total, criteria: met, notEvaluated: notEvaluated,
      classRule: standAloneBenign
        ? "Benign: BA1 is stand-alone whatever else is met (Richards et al. 2015 PMID:25741868; ClinGen SVI Ghosh et al. 2018 PMID:30311383)"
        : chosen.map { "\($0.name): \(Self.range($0)) points; \($0.source)" } ?? "",
      clinvar: clinvar, zygosity: variant.tumor?.zygosity.rawValue,
      syndromes: input.gene.syndromes.isEmpty ? nil : input.gene.syndromes)
  }

  static func range(_ rule: RuleTables.ACMGClass) -> String {
    switch (rule.minimumPoints, rule.maximumPoints) {
    case (let low?, let high?): return "\(low) to \(high)"
    case (let low?, nil): return ">= \(low)"
    case (nil, let high?): return "<= \(high)"
    default: return "any"
    }
  }

  func isMissense(_ consequence: AlleleConsequence) -> Bool {
    consequence.protein?.effect == .missense || consequence.has("missense_variant")
  }

  func isSynonymous(_ consequence: AlleleConsequence) -> Bool {
    consequence.protein?.effect == .synonymous || consequence.mostSevere == "synonymous_variant"
  }

  /// PVS1 strength after the NMD caveat: changes in the last exon or the last
  /// 50 bases of the penultimate exon are expected to escape decay.
  func nullVariantStrength(consequence: AlleleConsequence, variant: Variant, gene: Gene) -> (String, String) {
    if consequence.has("start_lost") && !consequence.hasAny(["stop_gained", "frameshift_variant"]) {
      return ("moderate", "start codon loss: an alternative start codon may rescue the protein")
    }
    if consequence.hasAny(["splice_donor_variant", "splice_acceptor_variant"]) && !consequence.hasAny(["stop_gained", "frameshift_variant"]) {
      return ("very_strong", "canonical +/-1,2 splice site (effect on the reading frame not modelled)")
    }
    let exons = view.exonsByGene[gene.symbol] ?? []
    guard let exon = consequence.exon, exons.count > 1 else {
      return ("very_strong", "exon position unknown; nonsense-mediated decay assumed")
    }
    if exon == exons.count {
      return ("strong", "in the last exon (\(exon)/\(exons.count)): expected to escape nonsense-mediated decay")
    }
    if exon == exons.count - 1, let penultimate = exons.first(where: { $0.number == exon }) {
      let toEnd = gene.strand == .plus ? penultimate.interval.end - variant.position : variant.position - penultimate.interval.start
      if toEnd < 50 {
        return ("strong", "within the last 50 bases of the penultimate exon: expected to escape nonsense-mediated decay")
      }
    }
    return ("very_strong", "exon \(exon)/\(exons.count): nonsense-mediated decay expected")
  }

  func codonCriteria(
    consequence: AlleleConsequence, variant: Variant, pvs1Strength: String?,
    add: (String, String?, String, String?) -> Void
  ) {
    if isMissense(consequence), let codon = consequence.residue {
      let others = (known.pathogenicMissenseByCodon[consequence.gene]?[codon] ?? []).filter {
        $0.key != variant.key
      }
      // With the reference, each known change gets its amino acid: the same one is PS1, another PM5.
      let named = predictor.map { predictor in
        others.map { ($0, predictor.proteinChange(gene: $0.gene, position: $0.interval.start, reference: $0.reference, alternate: $0.alternate)) }
      } ?? []
      if let ours = consequence.protein?.alternateResidue, named.contains(where: { $0.1 != nil }) {
        let same = named.filter { $0.1?.alternateResidue == ours }.map(\.0)
        let different = named.filter { $0.1 != nil && $0.1?.alternateResidue != ours }
        if let example = same.first {
          add(
            "PS1", nil,
            "same amino-acid change (\(consequence.protein?.short ?? "")) as \(same.count) ClinVar pathogenic variant(s) with another nucleotide change (e.g. VCV\(example.clinvarID) \(example.significance), \(example.stars) stars; amino acid computed from the reference)",
            "ClinVar \(example.release)")
        } else if let (example, change) = different.first {
          add(
            "PM5", nil,
            "codon \(codon) of \(consequence.gene): other ClinVar pathogenic missense change(s) \(different.compactMap { $0.1?.short }.joined(separator: ", ")) (e.g. VCV\(example.clinvarID) \(change?.short ?? "") \(example.significance), \(example.stars) stars; amino acids computed from the reference)",
            "ClinVar \(example.release)")
        }
      } else if let example = others.first {
        // Without the known variants' amino acids, same-residue (PS1) and other-residue (PM5)
        // changes cannot be told apart; the weaker PM5 is applied.
        add(
          "PM5", nil,
          "codon \(codon) of \(consequence.gene) carries \(others.count) other ClinVar pathogenic missense change(s) (e.g. VCV\(example.clinvarID) \(example.significance), \(example.stars) stars); PS1 is not told apart from PM5 without --reference (the known variants' amino acids)",
          "ClinVar \(example.release)")
      }
    }
    if pvs1Strength == "very_strong", consequence.hasAny(["stop_gained", "frameshift_variant"]),
      let c = view.codingPosition(gene: consequence.gene, position: variant.position),
      let last = known.lastPathogenicTruncation[consequence.gene], last.position > c + 2
    {
      add(
        "PM5", "supporting",
        "truncating change 5' of ClinVar pathogenic truncating variant VCV\(last.variant.clinvarID) (\(last.variant.significance), \(last.variant.stars) stars) at c.\(last.position)",
        "ClinGen VCEP practice for protein-truncating variants (e.g. CDH1, PALB2, ATM, RUNX1 specifications); ClinVar \(last.variant.release)")
    }
  }

  func frequencyCriteria(
    input: Input, add: (String, String?, String, String?) -> Void, notEvaluated: inout [String]
  ) {
    guard let frequency = input.metrics.highestFrequency else {
      notEvaluated.append("PM2/BA1/BS1: no population frequency field in the input (annotate with gnomAD, e.g. VEP --af_gnomade or bcftools annotate)")
      return
    }
    let described = frequency == 0 ? "absent from the population fields" : "highest population frequency \(frequency)"
    let rows = thresholds[input.gene.symbol] ?? []
    func passes(_ row: RuleTables.FrequencyThreshold) -> Bool {
      zip(row.thresholds, row.comparators).allSatisfy { threshold, comparator in
        switch comparator {
        case "gt": return frequency > threshold
        case "gte": return frequency >= threshold
        case "lt": return frequency < threshold
        case "lte": return frequency <= threshold
        default: return false
        }
      }
    }
    if let ba1 = rows.first(where: { $0.criterion == "BA1" }) {
      if passes(ba1) { add("BA1", nil, "\(described) (\(input.gene.symbol) VCEP threshold \(ba1.comparators[0]) \(ba1.thresholds[0]))", ba1.source); return }
    } else if frequency > 0.05 {
      add("BA1", nil, "\(described) > 0.05", "Richards et al. 2015 default (no VCEP threshold for \(input.gene.symbol))")
      return
    }
    let bs1Rows = rows.filter { $0.criterion == "BS1" }
    if !bs1Rows.isEmpty {
      if let row = bs1Rows.first(where: passes) {
        add("BS1", row.strength, "\(described) (\(input.gene.symbol) VCEP \(row.strength) threshold \(zip(row.comparators, row.thresholds).map { "\($0) \($1)" }.joined(separator: ", ")))", row.source)
        return
      }
    } else if frequency > 0.01 {
      add("BS1", nil, "\(described) > 0.01", "sarcopanel default for dominant cancer predisposition without a VCEP threshold")
      return
    }
    if frequency <= 0.00002 {
      add("PM2", nil, "\(described) (<= 0.00002)", "ClinGen SVI PM2 recommendation v1.0 (supporting strength)")
    }
  }

  func predictionCriteria(input: Input, add: (String, String?, String, String?) -> Void, notEvaluated: inout [String]) {
    let consequence = input.consequence
    if isMissense(consequence) {
      if let revel = input.metrics.revel {
        let pathogenic: [(Double, String)] = [(0.932, "strong"), (0.773, "moderate"), (0.644, "supporting")]
        let benign: [(Double, String)] = [(0.016, "strong"), (0.183, "moderate"), (0.290, "supporting")]
        if let (threshold, strength) = pathogenic.first(where: { revel >= $0.0 }) {
          add("PP3", strength, "REVEL \(revel) >= \(threshold)", Self.pejaver)
        } else if let (threshold, strength) = benign.first(where: { revel <= $0.0 }) {
          add("BP4", strength, "REVEL \(revel) <= \(threshold)", Self.pejaver)
        }
      } else if let cadd = input.metrics.cadd {
        if cadd >= 25.3 {
          add("PP3", nil, "CADD \(cadd) >= 25.3", Self.pejaver)
        } else if cadd <= 22.7 {
          add("BP4", nil, "CADD \(cadd) <= 22.7", Self.pejaver)
        }
      } else {
        notEvaluated.append("PP3/BP4: no REVEL or CADD score in the input")
      }
      return
    }
    guard consequence.hasAny(["splice_region_variant", "intron_variant", "synonymous_variant"]) else { return }
    guard let spliceAI = input.metrics.spliceAI else {
      notEvaluated.append("PP3/BP4 (splicing): no SpliceAI score in the input")
      return
    }
    if spliceAI >= 0.2 {
      add("PP3", nil, "SpliceAI \(spliceAI) >= 0.2", "Walker et al. 2023 PMID:37352859 (SpliceAI thresholds)")
    } else if spliceAI <= 0.1 && !isSynonymous(consequence) {
      add("BP4", nil, "SpliceAI \(spliceAI) <= 0.1", "Walker et al. 2023 PMID:37352859 (SpliceAI thresholds)")
    }
  }
}

/// Short names for alterations in reports: `KIT p.W557_K558del`, `TP53 c.637C>T`, `KIT exon 11 deletion`.
public enum Alteration {
  public static func name(consequence: AlleleConsequence, variant: Variant) -> String {
    if let protein = consequence.protein { return "\(consequence.gene) p.\(protein.short)" }
    if let hgvsc = consequence.hgvsc {
      let cPart = hgvsc.split(separator: ":").last.map(String.init) ?? hgvsc
      return "\(consequence.gene) \(cPart)"
    }
    let place = consequence.exon.map { " exon \($0)" } ?? consequence.intron.map { " intron \($0)" } ?? ""
    var term = Substring(consequence.mostSevere)
    if term.hasSuffix("_variant") { term = term.dropLast("_variant".count) }
    return "\(consequence.gene)\(place) \(String(term.map { $0 == "_" ? " " : $0 })) (\(variant.key))"
  }
}
