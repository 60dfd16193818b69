import Foundation
import SarcoCore

/// Loads the knowledge tables a manifest names (all optional) and checks each
/// row: genes belong to the panel, codes and levels come from their lists,
/// keys are unique and every row names its source.
enum PanelKnowledgeLoader {
  static let evidenceTypes = ["predictive", "diagnostic", "prognostic", "predisposing", "oncogenic"]
  static let levels = ["A", "B", "C", "D"]

  static func load(
    tables: PanelManifest.Tables, folder: URL, label: String, genes: [Gene], builds: [GenomeBuild], problems: Problems
  ) throws -> PanelKnowledge {
    var knowledge = PanelKnowledge()
    let symbols = Set(genes.map(\.symbol))
    let reader = PanelTableReader(folder: folder, label: label, symbols: symbols, problems: problems)
    func table(_ name: String?, _ columns: [String]) throws -> TSVTable? { try reader.table(name, columns) }
    /// Rule tables hold exactly the columns the code reads.
    func ruleTable(_ name: String?, _ columns: [String]) throws -> TSVTable? { try reader.table(name, columns, exact: true) }
    if let types = try table(tables.tumourTypes, ["code", "name", "source"]) {
      knowledge.tumourTypes = loadTumourTypes(types, problems: problems)
    }
    func tumourTypes(_ row: TSVTable.Row, _ column: String = "tumour_types") -> [String] {
      let codes = row.text(column).split(separator: ",").map(String.init)
      if !knowledge.tumourTypes.isEmpty {
        for code in codes where !knowledge.tumourTypes.contains(code) {
          row.problem("column '\(column)': expected a code of tumour_types.tsv, found '\(code)'", problems)
        }
      }
      return codes
    }
    /// `specificity` is optional in older panels: characteristic (never a discordance) when absent.
    func specificity(_ row: TSVTable.Row) -> DiagnosticSpecificity? {
      guard row.table.columns.contains("specificity") else { return .characteristic }
      return row.oneOf("specificity", DiagnosticSpecificity.allCases.map(\.rawValue), problems)
        .flatMap(DiagnosticSpecificity.init(rawValue:))
    }
    func panelGene(_ row: TSVTable.Row, _ column: String, allowAny: Bool = false) -> String? {
      reader.panelGene(row, column, allowAny: allowAny)
    }

    if let fusions = try table(tables.fusions, ["fusion", "gene_a", "gene_b", "diagnosis", "tumour_types", "significance", "source"]) {
      var seen: Set<String> = []
      for row in fusions.rows where row.hasExpectedWidth(problems) {
        // One partner must be a panel gene; the other may be any gene (or * for any partner).
        guard let name = row.required("fusion", problems), let a = row.required("gene_a", problems),
          let b = row.required("gene_b", problems), let source = row.required("source", problems)
        else { continue }
        guard symbols.contains(a) || symbols.contains(b) else {
          row.problem("columns 'gene_a'/'gene_b': expected at least one gene of genes.tsv, found '\(a)' and '\(b)'", problems)
          continue
        }
        guard name == "\(a)::\(b)" else {
          row.problem("column 'fusion': expected '\(a)::\(b)' (HGNC GENE1::GENE2), found '\(name)'", problems)
          continue
        }
        if !seen.insert(name).inserted { row.problem("column 'fusion': duplicate '\(name)'", problems) }
        guard let specificity = specificity(row) else { continue }
        knowledge.fusions.append(
          Fusion(name: name, geneA: a, geneB: b, diagnosis: row.text("diagnosis"), tumourTypes: tumourTypes(row),
                 significance: row.text("significance"), specificity: specificity, source: source))
      }
    }

    if let events = try table(tables.copyNumber, ["gene", "event", "copy_number", "meaning", "tumour_types", "significance", "source"]) {
      for row in events.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row, "gene"),
          let eventText = row.oneOf("event", CopyNumberEvent.Event.allCases.map(\.rawValue), problems),
          let event = CopyNumberEvent.Event(rawValue: eventText),
          let copies = row.integer("copy_number", problems, minimum: 0), let source = row.required("source", problems),
          let specificity = specificity(row)
        else { continue }
        knowledge.copyNumberEvents.append(
          CopyNumberEvent(gene: gene, event: event, copyNumber: copies, meaning: row.text("meaning"),
                          tumourTypes: tumourTypes(row), significance: row.text("significance"), specificity: specificity,
                          source: source))
      }
    }

    if let evidence = try table(tables.evidence, [
      "id", "gene", "matcher_type", "matcher", "tumour_types", "disease", "doid", "therapies", "evidence_type",
      "direction", "significance", "level", "source_level", "origin", "citation", "source",
    ]) {
      var seen: [String: Int] = [:]
      for row in evidence.rows where row.hasExpectedWidth(problems) {
        guard let id = row.required("id", problems), let gene = panelGene(row, "gene", allowAny: true),
          let type = row.oneOf("evidence_type", evidenceTypes, problems),
          let level = row.oneOf("level", levels, problems).flatMap(EvidenceLevel.init(rawValue:)),
          let citation = row.required("citation", problems),
          let source = row.required("source", problems), let significance = row.required("significance", problems)
        else { continue }
        if let first = seen[id] {
          row.problem("column 'id': duplicate '\(id)' (first on line \(first))", problems)
          continue
        }
        seen[id] = row.line
        guard let matcher = EvidenceMatcher.parse(type: row.text("matcher_type"), value: row.text("matcher")) else {
          row.problem(
            "columns 'matcher_type'/'matcher': expected exact V600E, codon R132, exon 11[-12][:kind], variant_class, fusion A::B, amplification, deletion, biallelic_loss, tmb >=N or msi MSI-H; found '\(row.text("matcher_type"))' '\(row.text("matcher"))'",
            problems)
          continue
        }
        let exclusions = row.list("exclusions")
        for excluded in exclusions where ProteinChange.parse("p.\(excluded)") == nil {
          row.problem("column 'exclusions': expected protein changes such as D842V, found '\(excluded)'", problems)
        }
        knowledge.evidence.append(
          EvidenceItem(
            id: id, gene: gene, matcher: matcher, tumourTypes: tumourTypes(row), disease: row.text("disease"),
            doid: row.text("doid"), therapies: row.text("therapies").split(separator: ",").map(String.init),
            evidenceType: type, direction: row.text("direction"), significance: significance, level: level,
            exclusions: exclusions, sourceLevel: row.text("source_level"), origin: row.text("origin"), citation: citation, source: source))
      }
    }

    if let known = try table(tables.knownVariants, [
      "gene", "build", "chrom", "pos", "ref", "alt", "clinvar_id", "significance", "review_status", "stars",
      "clinvar_release", "consequence", "source",
    ]) {
      var seen: [String: Int] = [:]
      let bases = Set("ACGTN")
      for row in known.rows where row.hasExpectedWidth(problems) {
        guard let gene = panelGene(row, "gene"), let build = row.build("build", problems),
          let chrom = row.required("chrom", problems), let position = row.integer("pos", problems),
          let reference = row.required("ref", problems), let alternate = row.required("alt", problems),
          let stars = row.integer("stars", problems, minimum: 0)
        else { continue }
        guard reference.allSatisfy(bases.contains), alternate.allSatisfy(bases.contains) else {
          row.problem("columns 'ref'/'alt': expected bases ACGTN, found '\(reference)'/'\(alternate)'", problems)
          continue
        }
        guard builds.contains(build) else {
          row.problem("column 'build': \(build.rawValue) is not a build of this panel", problems)
          continue
        }
        let variant = KnownVariant(
          gene: gene, build: build,
          interval: GenomicInterval(contig: chrom, start: position, end: position + reference.count - 1),
          reference: reference, alternate: alternate, clinvarID: row.text("clinvar_id"),
          significance: row.text("significance"), reviewStatus: row.text("review_status"), stars: stars,
          release: row.text("clinvar_release"), consequence: row.text("consequence"))
        let key = "\(build.rawValue):\(variant.key)"
        if let first = seen[key] {
          row.problem("duplicate variant \(variant.key) on \(build.rawValue) (first on line \(first))", problems)
          continue
        }
        seen[key] = row.line
        knowledge.knownVariants.append(variant)
      }
    }
    if let rules = tables.rules {
      knowledge.rules = try loadRules(rules, table: ruleTable, symbols: symbols, problems: problems)
      knowledge.rules.germline = try GermlineKnowledgeLoader.load(
        rules: rules, folder: folder, label: label, symbols: symbols, tumourTypes: knowledge.tumourTypes, problems: problems)
    }
    try SomaticKnowledgeLoader.load(
      tables: tables, folder: folder, label: label, symbols: symbols, builds: builds, into: &knowledge, problems: problems)
    return knowledge
  }

  /// `tumour_types.tsv`: code, name and source, with optional parent, aliases and unspecified columns.
  static func loadTumourTypes(_ table: TSVTable, problems: Problems) -> TumourTypeTable {
    var entries: [TumourTypeTable.Entry] = []
    var seen: Set<String> = []
    for row in table.rows where row.hasExpectedWidth(problems) {
      guard let code = row.required("code", problems), let source = row.required("source", problems) else { continue }
      if !seen.insert(code).inserted { row.problem("column 'code': duplicate '\(code)'", problems) }
      let unspecified = table.columns.contains("unspecified") ? row.oneOf("unspecified", ["yes", "no"], problems) : "no"
      entries.append(
        TumourTypeTable.Entry(
          code: code, name: row.text("name"), parent: row.text("parent"), aliases: row.list("aliases"),
          unspecified: unspecified == "yes", source: source))
    }
    let codes = Set(entries.map(\.code))
    for entry in entries where !entry.parent.isEmpty && !codes.contains(entry.parent) {
      problems.add("\(table.displayPath): code \(entry.code): parent '\(entry.parent)' is not a code of the table")
    }
    return TumourTypeTable(entries)
  }

  static func loadRules(
    _ rules: PanelManifest.Rules, table: (String?, [String]) throws -> TSVTable?, symbols: Set<String>,
    problems: Problems
  ) throws -> RuleTables {
    var result = RuleTables()
    if let criteria = try table(rules.acmgCriteria, ["criterion", "direction", "strength", "description", "source"]) {
      var seen: Set<ACMGCode> = []
      for row in criteria.rows where row.hasExpectedWidth(problems) {
        guard let code = row.oneOf("criterion", ACMGCode.allCases.map(\.rawValue), problems).flatMap(ACMGCode.init(rawValue:)),
          let direction = row.oneOf("direction", ["pathogenic", "benign"], problems),
          let strength = row.oneOf("strength", ACMGStrength.allCases.map(\.rawValue), problems).flatMap(ACMGStrength.init(rawValue:)),
          let source = row.required("source", problems)
        else { continue }
        if !seen.insert(code).inserted { row.problem("column 'criterion': duplicate '\(code.rawValue)'", problems) }
        if (direction == "benign") != code.rawValue.hasPrefix("B") {
          row.problem("column 'direction': \(code.rawValue) is a \(code.rawValue.hasPrefix("B") ? "benign" : "pathogenic") criterion, found '\(direction)'", problems)
        }
        result.acmgCriteria.append(.init(code: code, direction: direction, strength: strength, description: row.text("description"), source: source))
      }
    }
    if let classes = try table(rules.acmgClasses, ["class", "min_points", "max_points", "source"]) {
      result.acmgClasses = SomaticKnowledgeLoader.loadBands(
        classes, allowed: ["Pathogenic", "Likely pathogenic", "Uncertain significance", "Likely benign", "Benign"], problems: problems)
    }
    if let tiers = try table(rules.ampTiers, ["tier", "evidence_level", "tumour_type_match", "description", "source"]) {
      for row in tiers.rows where row.hasExpectedWidth(problems) {
        guard let tier = row.oneOf("tier", Tier.allCases.map(\.rawValue), problems).flatMap(Tier.init(rawValue:)),
          let match = row.oneOf("tumour_type_match", ["same", "other", "any"], problems),
          let source = row.required("source", problems)
        else { continue }
        let text = row.text("evidence_level")
        let level = EvidenceLevel(rawValue: text)
        if !text.isEmpty && level == nil {
          row.problem("column 'evidence_level': expected A, B, C, D or nothing, found '\(text)'", problems)
        }
        result.ampTiers.append(.init(tier: tier, evidenceLevel: level, tumourTypeMatch: match, description: row.text("description"), source: source))
      }
    }
    if let severity = try table(rules.consequenceSeverity, ["rank", "consequence", "so_accession", "impact", "source"]) {
      var seen: Set<String> = []
      for row in severity.rows where row.hasExpectedWidth(problems) {
        guard let rank = row.integer("rank", problems), let term = row.required("consequence", problems),
          let impact = row.oneOf("impact", ["HIGH", "MODERATE", "LOW", "MODIFIER"], problems),
          row.required("source", problems) != nil
        else { continue }
        if !seen.insert(term).inserted { row.problem("column 'consequence': duplicate '\(term)'", problems) }
        if rank != result.severity.count + 1 { row.problem("column 'rank': expected \(result.severity.count + 1), found \(rank)", problems) }
        result.severity.append(.init(rank: rank, consequence: term, accession: row.text("so_accession"), impact: impact))
      }
    }
    if let thresholds = try table(
      rules.vcepThresholds, ["gene", "criterion", "vcep_version", "evidence_level", "property", "thresholds", "comparator", "source"])
    {
      for row in thresholds.rows where row.hasExpectedWidth(problems) {
        guard let gene = row.required("gene", problems), let criterion = row.oneOf("criterion", ["BA1", "BS1", "PM2"], problems),
          let strength = row.oneOf("evidence_level", ACMGStrength.allCases.map(\.rawValue), problems).flatMap(ACMGStrength.init(rawValue:)),
          let property = row.required("property", problems), let source = row.required("source", problems)
        else { continue }
        if !symbols.contains(gene) { row.problem("column 'gene': expected a gene of genes.tsv, found '\(gene)'", problems) }
        let values = row.text("thresholds").split(separator: ",").map { Double($0) }
        let comparators = row.text("comparator").split(separator: ",").map(String.init)
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }), values.count == comparators.count,
          comparators.allSatisfy({ ["gt", "gte", "lt", "lte"].contains($0) })
        else {
          row.problem("columns 'thresholds'/'comparator': expected matching comma lists of numbers and gt/gte/lt/lte", problems)
          continue
        }
        result.frequencyThresholds.append(
          .init(
            gene: gene, criterion: criterion, strength: strength, property: property,
            thresholds: values.compactMap { $0 }, comparators: comparators, source: source))
      }
    }
    return result
  }
}
