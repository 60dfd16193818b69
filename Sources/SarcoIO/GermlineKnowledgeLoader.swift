import Foundation
import SarcoCore

/// Loads the germline rule tables (strength points, named thresholds, predictor
/// cut-offs, VCEP PVS1/PM1 specifications, BA1 exceptions, confounded genes,
/// tumour-only follow-up rules). Like the somatic rule tables they must have
/// exactly the columns and names the code reads.
enum GermlineKnowledgeLoader {
  static let notApplicable = "not_applicable"

  static func load(
    rules: PanelManifest.Rules, folder: URL, label: String, symbols: Set<String>, tumourTypes: TumourTypeTable,
    problems: Problems
  ) throws -> GermlineRules {
    let reader = PanelTableReader(folder: folder, label: label, symbols: symbols, problems: problems)
    func table(_ name: String?, _ columns: [String]) throws -> TSVTable? { try reader.table(name, columns, exact: true) }
    func panelGene(_ row: TSVTable.Row) -> String? { reader.panelGene(row) }
    /// A strength, or `not_applicable` (nil inside the optional).
    func strength(_ row: TSVTable.Row, allowNotApplicable: Bool) -> ACMGStrength?? {
      let allowed = ACMGStrength.allCases.map(\.rawValue) + (allowNotApplicable ? [notApplicable] : [])
      guard let text = row.oneOf("strength", allowed, problems) else { return nil }
      return .some(ACMGStrength(rawValue: text))
    }
    func residues(_ row: TSVTable.Row) -> ClosedRange<Int>?? {
      let first = row.text("first_residue")
      let last = row.text("last_residue")
      if first.isEmpty && last.isEmpty { return .some(nil) }
      guard let low = Int(first), let high = Int(last.isEmpty ? first : last), low >= 1, low <= high else {
        row.problem("columns 'first_residue'/'last_residue': expected residue numbers with first <= last, found '\(first)'-'\(last)'", problems)
        return nil
      }
      return .some(low...high)
    }

    var result = GermlineRules()
    if let strengths = try table(rules.acmgStrengths, ["strength", "points", "source"]) {
      for row in strengths.rows where row.hasExpectedWidth(problems) {
        guard let text = row.oneOf("strength", ACMGStrength.allCases.map(\.rawValue), problems),
          let strength = ACMGStrength(rawValue: text), let points = row.integer("points", problems, minimum: 1),
          row.required("source", problems) != nil
        else { continue }
        if result.points[strength] != nil { row.problem("column 'strength': duplicate '\(text)'", problems) }
        result.points[strength] = points
      }
      let missing = ACMGStrength.allCases.filter { result.points[$0] == nil }
      if !missing.isEmpty { problems.add("\(strengths.displayPath): missing strength(s) \(missing.map(\.rawValue).joined(separator: ", "))") }
    }
    if let named = try table(rules.germlineRules, ["rule", "value", "description", "source"]) {
      result.thresholds = SomaticKnowledgeLoader.loadNamed(named, problems: problems)
    }
    if let computational = try table(
      rules.acmgComputational, ["predictor", "criterion", "strength", "comparator", "threshold", "source"])
    {
      for row in computational.rows where row.hasExpectedWidth(problems) {
        guard
          let predictor = row.oneOf("predictor", ComputationalThreshold.Predictor.allCases.map(\.rawValue), problems)
            .flatMap(ComputationalThreshold.Predictor.init(rawValue:)),
          let criterion = row.oneOf("criterion", ["PP3", "BP4", "BP7"], problems),
          let chosen = strength(row, allowNotApplicable: false), let strength = chosen,
          let comparison = row.oneOf("comparator", ComputationalThreshold.Comparison.allCases.map(\.rawValue), problems)
            .flatMap(ComputationalThreshold.Comparison.init(rawValue:)),
          let threshold = row.number("threshold", problems), let source = row.required("source", problems)
        else { continue }
        result.computational.append(
          ComputationalThreshold(
            predictor: predictor, criterion: criterion, strength: strength, comparison: comparison, threshold: threshold,
            source: source))
      }
    }
    if let pvs1 = try table(
      rules.pvs1GeneRules,
      ["gene", "rule", "first_residue", "last_residue", "exon", "site", "strength", "description", "source"])
    {
      for row in pvs1.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row),
          let kind = row.oneOf("rule", PVS1GeneRule.Kind.allCases.map(\.rawValue), problems).flatMap(PVS1GeneRule.Kind.init(rawValue:)),
          let span = residues(row), let chosen = strength(row, allowNotApplicable: true),
          let site = row.oneOf("site", PVS1GeneRule.SpliceSite.allCases.map(\.rawValue), problems).flatMap(PVS1GeneRule.SpliceSite.init(rawValue:)),
          let description = row.required("description", problems), let source = row.required("source", problems)
        else { continue }
        let exonText = row.text("exon")
        let exon = Int(exonText)
        switch kind {
        case .truncationAfter:
          if span == nil { row.problem("columns 'first_residue'/'last_residue': \(kind.rawValue) needs residues", problems); continue }
        case .spliceExon, .truncationExon:
          if exon == nil { row.problem("column 'exon': \(kind.rawValue) needs an exon number, found '\(exonText)'", problems); continue }
        case .initiationCodon:
          break
        }
        result.pvs1.append(
          PVS1GeneRule(
            gene: gene, kind: kind, residues: span, exon: exon, site: site, strength: chosen, description: description,
            source: source))
      }
    }
    if let pm1 = try table(rules.pm1Regions, ["gene", "first_residue", "last_residue", "change", "strength", "description", "source"]) {
      for row in pm1.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row), let span = residues(row), let chosen = strength(row, allowNotApplicable: true),
          let description = row.required("description", problems), let source = row.required("source", problems)
        else { continue }
        if (span == nil) != (chosen == nil) {
          row.problem("columns 'first_residue'/'strength': a region needs residues and a strength; not_applicable takes no residues", problems)
          continue
        }
        let change = row.text("change")
        if !change.isEmpty && ProteinChange.parse("p.\(change)") == nil {
          row.problem("column 'change': expected a protein change such as R175H, found '\(change)'", problems)
          continue
        }
        result.pm1.append(
          PM1Region(
            gene: gene, residues: span, change: change.isEmpty ? nil : change, strength: chosen, description: description,
            source: source))
      }
    }
    if let exceptions = try table(rules.ba1Exceptions, ["gene", "hgvs", "build", "chrom", "pos", "ref", "alt", "source"]) {
      for row in exceptions.rows where row.hasExpectedWidth(problems) {
        guard let gene = row.required("gene", problems), let hgvs = row.required("hgvs", problems),
          let build = row.build("build", problems), let chrom = row.required("chrom", problems),
          let position = row.integer("pos", problems), let reference = row.required("ref", problems),
          let alternate = row.required("alt", problems), let source = row.required("source", problems)
        else { continue }
        result.ba1Exceptions.append(
          BA1Exception(gene: gene, hgvs: hgvs, build: build, variantKey: "\(chrom):\(position):\(reference):\(alternate)", source: source))
      }
    }
    if let confounded = try table(rules.frequencyConfoundedGenes, ["gene", "confounder", "source"]) {
      for row in confounded.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row), let confounder = row.required("confounder", problems),
          let source = row.required("source", problems)
        else { continue }
        result.confoundedFrequencies.append(FrequencyConfoundedGene(gene: gene, confounder: confounder, source: source))
      }
    }
    if let triage = try table(
      rules.germlineTriage, ["gene", "rule", "gcr_percent", "tumour_types", "max_age_years", "statement", "source"])
    {
      for row in triage.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row),
          let kind = row.oneOf("rule", GermlineTriageRule.Kind.allCases.map(\.rawValue), problems)
            .flatMap(GermlineTriageRule.Kind.init(rawValue:)),
          let statement = row.required("statement", problems), let source = row.required("source", problems)
        else { continue }
        let rateText = row.text("gcr_percent")
        let rate = Double(rateText)
        if !rateText.isEmpty && rate == nil { row.problem("column 'gcr_percent': expected a number or nothing, found '\(rateText)'", problems) }
        let ageText = row.text("max_age_years")
        let age = Int(ageText)
        if kind == .ageBelow && age == nil { row.problem("column 'max_age_years': age_below needs an age, found '\(ageText)'", problems); continue }
        let types = row.list("tumour_types")
        for code in types where !tumourTypes.isEmpty && !tumourTypes.contains(code) {
          row.problem("column 'tumour_types': expected a code of tumour_types.tsv, found '\(code)'", problems)
        }
        if (kind == .onTumour || kind == .needsInformation) && types.isEmpty {
          row.problem("column 'tumour_types': \(kind.rawValue) needs tumour types", problems)
          continue
        }
        result.triage.append(
          GermlineTriageRule(
            gene: gene, kind: kind, conversionRate: rate, tumourTypes: types, maximumAge: age, statement: statement,
            source: source))
      }
    }
    if let truncation = try table(rules.pm5Truncation, ["gene", "last_residue", "strength", "description", "source"]) {
      for row in truncation.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row), let residue = row.integer("last_residue", problems, minimum: 2),
          let chosen = strength(row, allowNotApplicable: false), let strength = chosen,
          let description = row.required("description", problems), let source = row.required("source", problems)
        else { continue }
        result.pm5Truncation.append(
          PM5TruncationRule(gene: gene, lastResidue: residue, strength: strength, description: description, source: source))
      }
    }
    return result
  }
}
