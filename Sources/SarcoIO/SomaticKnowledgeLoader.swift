import Foundation
import SarcoCore

/// Loads the somatic knowledge tables (known alleles, functional and kinase
/// domains) and the somatic rule tables. Rule tables must have exactly the
/// columns, codes and parameters the code reads: anything else is refused, so a
/// threshold cannot sit in a table while the code silently ignores it.
enum SomaticKnowledgeLoader {
  static func load(
    tables: PanelManifest.Tables, folder: URL, label: String, symbols: Set<String>, builds: [GenomeBuild],
    into knowledge: inout PanelKnowledge, problems: Problems
  ) throws {
    let reader = PanelTableReader(folder: folder, label: label, symbols: symbols, problems: problems)
    func table(_ name: String?, _ columns: [String], exact: Bool = false) throws -> TSVTable? {
      try reader.table(name, columns, exact: exact)
    }
    func panelGene(_ row: TSVTable.Row) -> String? { reader.panelGene(row) }
    func tumourTypes(_ row: TSVTable.Row, column: String = "tumour_types") -> [String] {
      let codes = row.list(column)
      for code in codes where !knowledge.tumourTypes.isEmpty && !knowledge.tumourTypes.contains(code) {
        row.problem("column '\(column)': expected a code of tumour_types.tsv, found '\(code)'", problems)
      }
      return codes
    }

    if let alleles = try table(tables.knownAlleles, ["gene", "build", "chrom", "start", "end", "ref", "alt", "protein", "source"]) {
      let bases = Set("ACGTN")
      for row in alleles.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row), let build = row.build("build", problems), let chrom = row.required("chrom", problems),
          let start = row.integer("start", problems), let end = row.integer("end", problems, minimum: 0),
          let protein = row.required("protein", problems), let source = row.required("source", problems)
        else { continue }
        let reference = row.text("ref") == "-" ? "" : row.text("ref")
        let alternate = row.text("alt") == "-" ? "" : row.text("alt")
        guard reference.allSatisfy(bases.contains), alternate.allSatisfy(bases.contains), reference != alternate,
          end - start + 1 == reference.count
        else {
          row.problem("columns 'start'/'end'/'ref'/'alt': expected bases ACGTN ('-' for none) spanning start..end, found \(start)-\(end) '\(row.text("ref"))'>'\(row.text("alt"))'", problems)
          continue
        }
        guard ProteinChange.parse("p.\(protein)") != nil else {
          row.problem("column 'protein': expected a one-letter protein change such as D842V, found '\(protein)'", problems)
          continue
        }
        guard builds.contains(build) else {
          row.problem("column 'build': \(build.rawValue) is not a build of this panel", problems)
          continue
        }
        knowledge.knownAlleles.append(
          KnownAllele(
            gene: gene, build: build,
            edit: AlleleEdit(contig: chrom, start: start, end: end, reference: reference, alternate: alternate),
            protein: protein, source: source))
      }
    }
    if let domains = try table(tables.functionalDomains, ["gene", "locator", "domain", "source"], exact: true) {
      for row in domains.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row), let text = row.required("locator", problems),
          let name = row.required("domain", problems), let source = row.required("source", problems)
        else { continue }
        guard let locator = FunctionalDomain.Locator.parse(text) else {
          row.problem("column 'locator': expected exon:N or residues:A-B, found '\(text)'", problems)
          continue
        }
        knowledge.functionalDomains.append(FunctionalDomain(gene: gene, locator: locator, name: name, source: source))
      }
    }
    if let kinases = try table(tables.kinaseDomains, ["gene", "first_residue", "last_residue", "source"], exact: true) {
      for row in kinases.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row), let first = row.integer("first_residue", problems),
          let last = row.integer("last_residue", problems), let source = row.required("source", problems)
        else { continue }
        guard first <= last else {
          row.problem("columns 'first_residue'/'last_residue': expected first <= last, found \(first) > \(last)", problems)
          continue
        }
        knowledge.kinaseDomains.append(KinaseDomain(gene: gene, residues: first...last, source: source))
      }
    }

    if let escat = try table(tables.escat, ["gene", "matcher_type", "matcher", "tumour_types", "escat", "context", "source"], exact: true) {
      for row in escat.rows where row.hasExpectedWidth(problems) {
        guard let gene = reader.panelGene(row, allowAny: true),
          let tier = row.oneOf("escat", ESCATTier.allCases.map(\.rawValue), problems).flatMap(ESCATTier.init(rawValue:)),
          let context = row.required("context", problems), let source = row.required("source", problems)
        else { continue }
        guard let matcher = EvidenceMatcher.parse(type: row.text("matcher_type"), value: row.text("matcher")) else {
          row.problem("columns 'matcher_type'/'matcher': expected a matcher as in evidence.tsv, found '\(row.text("matcher_type"))' '\(row.text("matcher"))'", problems)
          continue
        }
        knowledge.escat.append(
          EscatEntry(gene: gene, matcher: matcher, tumourTypes: tumourTypes(row), tier: tier, context: context, source: source))
      }
    }
    guard let rules = tables.rules else { return }
    var somatic = SomaticRules()
    let strengths = ["very_strong", "strong", "moderate", "supporting"]
    if let criteria = try table(
      rules.oncogenicityCriteria, ["code", "direction", "strength", "points", "parameters", "description", "source"], exact: true)
    {
      var seen: Set<OncogenicityCode> = []
      for row in criteria.rows where row.hasExpectedWidth(problems) {
        guard let text = row.required("code", problems), let direction = row.oneOf("direction", ["oncogenic", "benign"], problems),
          let strength = row.oneOf("strength", strengths, problems),
          let points = row.integer("points", problems, minimum: -16), let source = row.required("source", problems)
        else { continue }
        guard let code = OncogenicityCode(rawValue: text) else {
          row.problem("column 'code': '\(text)' is not a criterion sarcopanel evaluates; expected one of \(OncogenicityCode.allCases.map(\.rawValue).joined(separator: ", "))", problems)
          continue
        }
        if !seen.insert(code).inserted { row.problem("column 'code': duplicate '\(text)'", problems) }
        if (direction == "oncogenic") != (points > 0) {
          row.problem("column 'points': an \(direction) criterion needs \(direction == "oncogenic" ? "positive" : "negative") points, found \(points)", problems)
        }
        guard let parameters = parseParameters(row, code: code, problems: problems) else { continue }
        somatic.oncogenicityCriteria.append(
          OncogenicityCriterion(
            code: code, direction: direction, strength: strength, points: points, parameters: parameters,
            description: row.text("description"), source: source))
      }
    }
    if let classes = try table(rules.oncogenicityClasses, ["class", "min_points", "max_points", "source"], exact: true) {
      somatic.oncogenicityClasses = loadBands(
        classes, allowed: OncogenicityClass.allCases.map(\.rawValue), problems: problems)
    }
    if let named = try table(rules.somaticRules, ["rule", "value", "description", "source"], exact: true) {
      somatic.thresholds = loadNamed(named, problems: problems)
    }
    if let therapies = try table(rules.nonTargetedTherapies, ["therapy", "kind", "source"], exact: true) {
      for row in therapies.rows where row.hasExpectedWidth(problems) {
        guard let therapy = row.required("therapy", problems), let kind = row.required("kind", problems),
          let source = row.required("source", problems)
        else { continue }
        somatic.nonTargetedTherapies[therapy] = "\(kind); \(source)"
      }
    }
    if let resistance = try table(
      rules.secondaryResistance,
      ["gene", "primary_exons", "secondary_exons", "therapy", "tumour_types", "level", "statement", "source"], exact: true)
    {
      for row in resistance.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row), let therapy = row.required("therapy", problems),
          let level = row.oneOf("level", EvidenceLevel.allCases.map(\.rawValue), problems).flatMap(EvidenceLevel.init(rawValue:)),
          let statement = row.required("statement", problems), let source = row.required("source", problems)
        else { continue }
        let primary = row.list("primary_exons").compactMap(Int.init)
        let secondary = row.list("secondary_exons").compactMap(Int.init)
        guard !primary.isEmpty, primary.count == row.list("primary_exons").count, !secondary.isEmpty,
          secondary.count == row.list("secondary_exons").count
        else {
          row.problem("columns 'primary_exons'/'secondary_exons': expected comma lists of exon numbers", problems)
          continue
        }
        somatic.secondaryResistance.append(
          SecondaryResistanceRule(
            gene: gene, primaryExons: Set(primary), secondaryExons: Set(secondary), therapy: therapy,
            tumourTypes: tumourTypes(row), level: level, statement: statement, source: source))
      }
    }
    if let entities = try table(
      rules.entityRules, ["id", "tumour_types", "rule", "genes", "statement", "recommendation", "source", "points_to", "alterations"],
      exact: true)
    {
      for row in entities.rows where row.hasExpectedWidth(problems) {
        guard let id = row.required("id", problems),
          let kind = row.oneOf("rule", EntityRule.Kind.allCases.map(\.rawValue), problems).flatMap(EntityRule.Kind.init(rawValue:)),
          let statement = row.required("statement", problems), let source = row.required("source", problems)
        else { continue }
        let genes = row.list("genes")
        for gene in genes where !symbols.contains(gene) {
          row.problem("column 'genes': expected genes of genes.tsv, found '\(gene)'", problems)
        }
        let alterations = row.list("alterations")
        for alteration in alterations where EntityRule.residueOrChange(alteration) == nil {
          row.problem("column 'alterations': expected protein changes (R201H) or residues (G35), found '\(alteration)'", problems)
        }
        if kind == .characteristicMutation && row.list("points_to").isEmpty {
          row.problem("column 'points_to': a characteristic_mutation rule names the entity it points to", problems)
        }
        somatic.entityRules.append(
          EntityRule(
            id: id, tumourTypes: tumourTypes(row), kind: kind, genes: genes, statement: statement,
            recommendation: row.text("recommendation"), source: source, pointsTo: tumourTypes(row, column: "points_to"),
            alterations: alterations))
      }
    }
    knowledge.rules.somatic = somatic
  }

  /// A `rule value description source` table that must name every case of `Name` once, and nothing else.
  static func loadNamed<Name>(_ table: TSVTable, problems: Problems) -> NamedThresholds<Name>? {
    var values: [Name: NamedThresholds<Name>.Value] = [:]
    for row in table.rows where row.hasExpectedWidth(problems) {
      guard let text = row.required("rule", problems), let value = row.number("value", problems),
        let source = row.required("source", problems)
      else { continue }
      guard let name = Name(rawValue: text) else {
        row.problem("column 'rule': '\(text)' is not a rule sarcopanel reads; expected one of \(Name.allCases.map(\.rawValue).joined(separator: ", "))", problems)
        continue
      }
      if values[name] != nil { row.problem("column 'rule': duplicate '\(text)'", problems) }
      values[name] = .init(value: value, description: row.text("description"), source: source)
    }
    let missing = Name.allCases.filter { values[$0] == nil }
    guard missing.isEmpty else {
      problems.add("\(table.displayPath): missing rule(s) \(missing.map(\.rawValue).joined(separator: ", "))")
      return nil
    }
    return NamedThresholds(values)
  }

  /// `name=value;name=value`: exactly the parameters the code reads for `code`.
  static func parseParameters(_ row: TSVTable.Row, code: OncogenicityCode, problems: Problems) -> [String: Double]? {
    var parameters: [String: Double] = [:]
    for item in row.text("parameters").split(separator: ";") where !item.isEmpty {
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        row.problem("column 'parameters': expected name=value, found '\(item)'", problems)
        return nil
      }
      let value = parts[0] == "best_level" ? EvidenceLevel(rawValue: parts[1]).map { Double($0.rank) } : Double(parts[1])
      guard let value else {
        row.problem("column 'parameters': '\(parts[0])' expects \(parts[0] == "best_level" ? "a level A-D" : "a number"), found '\(parts[1])'", problems)
        return nil
      }
      parameters[parts[0]] = value
    }
    let expected = code.parameters
    let given = Set(parameters.keys)
    guard given == expected else {
      let extra = given.subtracting(expected).sorted()
      let missing = expected.subtracting(given).sorted()
      row.problem(
        "column 'parameters': \(code.rawValue) reads \(expected.isEmpty ? "no parameters" : expected.sorted().joined(separator: ", "))"
          + (extra.isEmpty ? "" : "; not read: \(extra.joined(separator: ", "))")
          + (missing.isEmpty ? "" : "; missing: \(missing.joined(separator: ", "))"), problems)
      return nil
    }
    return parameters
  }

  /// Class bands (`class`, `min_points`, `max_points`, `source`) whose names come from `allowed`.
  static func loadBands(_ table: TSVTable, allowed: [String], problems: Problems) -> [ClassBand] {
    var bands: [ClassBand] = []
    for row in table.rows where row.hasExpectedWidth(problems) {
      guard let name = row.oneOf("class", allowed, problems), let source = row.required("source", problems) else { continue }
      let bounds = ["min_points", "max_points"].map { column -> Int?? in
        let text = row.text(column)
        if text.isEmpty { return .some(nil) }
        guard let value = Int(text) else {
          row.problem("column '\(column)': expected an integer or nothing, found '\(text)'", problems)
          return nil
        }
        return .some(value)
      }
      guard let minimum = bounds[0], let maximum = bounds[1] else { continue }
      bands.append(ClassBand(name: name, minimumPoints: minimum, maximumPoints: maximum, source: source))
    }
    return bands
  }
}
