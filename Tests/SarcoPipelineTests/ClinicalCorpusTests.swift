import Foundation
import SarcoCore
import SarcoPipeline
import SarcoTestSupport
import Testing

/// The tumour-board scenarios of `testdata/clinical/cases.json`: each case's input
/// is written to a temporary folder, run through `sarcopanel run`'s pipeline, and
/// checked against what a molecular pathologist expects (tier, oncogenicity, how
/// the protein change is known, one call per drug, diagnosis flags, TMB).
@Suite struct ClinicalCorpusTests {
  struct Corpus: Decodable {
    let cases: [Case]
  }

  struct Case: Decodable, CustomTestStringConvertible {
    let id: String
    let entity: String
    let title: String
    let guideline: String
    let tumourType: String?
    let sampleType: String
    let records: [[String]]
    /// `sarcoma` (default) or `hereditary`.
    let panel: String?
    /// Extra VCF header lines (INFO fields some cases use).
    let header: [String]?
    let age: Int?
    /// Records carry a matched normal's call first (column NORMAL), then the tumour's (TUMOR).
    let matchedNormal: Bool?
    let fusions: [[String: Value]]?
    let cna: [[String: Value]]?
    let expect: Expectation
    var testDescription: String { id }
  }

  /// A table cell written as a number or a string.
  enum Value: Decodable, CustomStringConvertible {
    case number(Int)
    case text(String)
    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
    }
    var description: String {
      switch self {
      case .number(let value): return String(value)
      case .text(let value): return value
      }
    }
  }

  struct FindingExpectation: Decodable {
    let name: String
    let tier: String?
    let oncogenicity: String?
    let basis: String?
    let hgvsp: String?
    let reasonContains: String?
    let confirmation: String?
    /// Germline follow-up decision of a tumour finding: recommended, not_recommended, not_evaluated.
    let followUp: String?
    let followUpReason: String?
    /// Oncogenicity criteria (Horak et al. 2022) that must not be met, and text one "not evaluated" line must contain.
    let absentOncogenicityCriteria: [String]?
    let oncogenicityNote: String?
  }

  struct GermlineExpectation: Decodable {
    let gene: String
    let classification: String?
    /// Criterion labels that must be met (`PVS1_Strong`, `BA1`).
    let criteria: [String]?
    /// Base criteria that must not be met (`PVS1` also excludes `PVS1_Strong`).
    let absentCriteria: [String]?
    let notEvaluated: String?
    let clinvarComparison: Bool?
  }

  struct Expectation: Decodable {
    let findings: [FindingExpectation]?
    let germline: [GermlineExpectation]?
    let therapies: [String: String]?
    /// Drug -> the evidence level of its statement.
    let levels: [String: String]?
    let absentTherapies: [String]?
    let noTherapies: Bool?
    let noActionable: Bool?
    let reasonContains: [String: String]?
    /// Drug -> text one of its statement's caveats must contain.
    let caveatContains: [String: String]?
    let diagnosis: String?
    let flags: [String]?
    let absentFlags: [String]?
    /// Text one diagnosis flag's statement must contain.
    let flagStatementContains: String?
    let tmbAssessable: Bool?
    let tmbReason: String?
    /// Text one of the report's notes must contain, or none may contain.
    let noteContains: String?
    let absentNote: String?
    let tumourTypeCode: String?
    let error: String?
    let exitStatus: Int32?
  }

  static let corpus: [Case] = load("testdata/clinical/cases.json")
  static let germlineCorpus: [Case] = load("testdata/clinical/germline_cases.json")

  static func load(_ path: String) -> [Case] {
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: TestData.path(path)))
      return try JSONDecoder().decode(Corpus.self, from: data).cases
    } catch {
      fatalError("\(path) does not load: \(error)")
    }
  }

  @Test func theCorpusCoversTheEntitiesTheIssueNames() {
    #expect(Self.corpus.count >= 40)
    let entities = Set(Self.corpus.map(\.entity))
    for entity in ["GIST", "ES", "SYNS", "DDLS", "DFSP", "IFS", "EPIS", "MPNST", "OS", "ARMS", "LMS"] {
      #expect(entities.contains(entity), "no case for \(entity)")
    }
    #expect(Set(Self.corpus.map(\.id)).count == Self.corpus.count, "case ids are unique")
    #expect(Self.corpus.allSatisfy { !$0.guideline.isEmpty && !$0.title.isEmpty })
  }

  @Test func theGermlineCorpusCoversEachPVS1BranchAndTheTriage() {
    #expect(Self.germlineCorpus.count >= 25)
    let wanted = Self.germlineCorpus.flatMap { $0.expect.germline ?? [] }.flatMap { ($0.criteria ?? []) + ($0.absentCriteria ?? []) }
    for code in ["PVS1", "PVS1_Strong", "PVS1_Moderate", "BA1", "BS1", "PM1", "BP7", "PM5", "PM5_Supporting"] {
      #expect(wanted.contains(code), "no case for \(code)")
    }
    #expect(Self.germlineCorpus.contains { $0.matchedNormal == true }, "no matched-normal case")
    let decisions = Set(Self.germlineCorpus.flatMap { $0.expect.findings ?? [] }.compactMap(\.followUp))
    #expect(decisions == ["recommended", "not_recommended", "not_evaluated"])
  }

  @Test(arguments: corpus + germlineCorpus) func caseMeetsItsExpectations(_ scenario: Case) throws {
    let directory = TestData.temporaryDirectory("clinical-\(scenario.id)")
    let vcf = "\(directory)/\(scenario.id).vcf"
    let pair = scenario.matchedNormal == true
    try Self.vcfText(scenario.records, extraHeader: scenario.header ?? [], matchedNormal: pair)
      .write(toFile: vcf, atomically: true, encoding: .utf8)
    let panel = scenario.panel == "hereditary" ? TestPanels.hereditary : TestPanels.sarcoma
    var options = RunOptions(
      vcfPath: vcf, panelPath: TestData.path("panels/\(scenario.panel ?? "sarcoma")"), outputDirectory: "\(directory)/out",
      tumorType: scenario.tumourType, sampleID: "S", commandLine: ["sarcopanel", "run"])
    options.sampleType = ClinicalAssessor.SampleType(rawValue: scenario.sampleType) ?? .tumor
    options.age = scenario.age
    if pair {
      options.sample = "TUMOR"
      options.normal = "NORMAL"
    }
    if let fusions = scenario.fusions {
      options.fusionsPath = try Self.table(fusions, columns: ["FusionGene", "SplitReads"], path: "\(directory)/fusions.tsv")
    }
    if let cna = scenario.cna {
      options.copyNumberPath = try Self.table(
        cna, columns: ["Chromosome", "Start", "End", "nMajor", "nMinor"], path: "\(directory)/cna.tsv")
    }
    let expect = scenario.expect
    if let wanted = expect.error {
      #expect {
        _ = try RunPipeline.run(options, panel: panel)
      } throws: { error in
        guard let error = error as? SarcoError else { return false }
        return error.message.contains(wanted) && error.exitStatus == (expect.exitStatus ?? 1)
      }
      return
    }
    let report = try RunPipeline.run(options, panel: panel).report
    let clinical = try #require(report.clinical)
    if let code = expect.tumourTypeCode { #expect(report.sample.tumorType == code) }
    for wanted in expect.findings ?? [] {
      try check(wanted, in: clinical)
    }
    for wanted in expect.germline ?? [] {
      check(wanted, in: clinical)
    }
    let calls = Dictionary(clinical.therapies.map { ($0.therapy, $0) }, uniquingKeysWith: { first, _ in first })
    for (drug, call) in expect.therapies ?? [:] {
      #expect(calls[drug]?.call.rawValue == call, "\(drug): \(calls[drug]?.reason ?? "no statement")")
    }
    for (drug, level) in expect.levels ?? [:] {
      #expect(calls[drug]?.level.rawValue == level, "\(drug): \(calls[drug]?.reason ?? "no statement")")
    }
    for (drug, text) in expect.reasonContains ?? [:] {
      #expect(calls[drug]?.reason.contains(text) == true, "\(drug): \(calls[drug]?.reason ?? "no statement")")
    }
    for (drug, text) in expect.caveatContains ?? [:] {
      #expect(calls[drug]?.caveats.contains { $0.contains(text) } == true, "\(drug): \(calls[drug]?.caveats ?? [])")
    }
    for drug in expect.absentTherapies ?? [] {
      #expect(calls[drug] == nil, "\(drug) should not be offered: \(calls[drug]?.reason ?? "")")
    }
    if expect.noTherapies == true { #expect(clinical.therapies.isEmpty, "\(clinical.therapies.map(\.therapy))") }
    if expect.noActionable == true {
      let actionable = clinical.tiers.filter { $0.isActionable }
      #expect(actionable.isEmpty, "\(clinical.somatic.map { "\($0.alteration) \($0.tier.tier.rawValue)" })")
    }
    let flags = clinical.diagnosis?.flags.map(\.kind.rawValue) ?? []
    if let status = expect.diagnosis { #expect(clinical.diagnosis?.status.hasPrefix(status) == true, "\(String(describing: clinical.diagnosis))") }
    for flag in expect.flags ?? [] { #expect(flags.contains(flag), "\(flag) missing from \(flags)") }
    for flag in expect.absentFlags ?? [] { #expect(!flags.contains(flag), "\(flag) should be absent: \(flags)") }
    if let text = expect.flagStatementContains {
      #expect(clinical.diagnosis?.flags.contains { $0.statement.contains(text) } == true, "no flag says '\(text)': \(String(describing: clinical.diagnosis))")
    }
    if let assessable = expect.tmbAssessable { #expect(clinical.tumourMutationalBurden?.assessable == assessable) }
    if let text = expect.noteContains { #expect(clinical.notes.contains { $0.contains(text) }, "\(clinical.notes)") }
    if let text = expect.absentNote { #expect(!clinical.notes.contains { $0.contains(text) }, "\(clinical.notes)") }
    if let reason = expect.tmbReason { #expect(clinical.tumourMutationalBurden?.reason?.contains(reason) == true) }
  }

  func check(_ wanted: FindingExpectation, in clinical: ClinicalReport) throws {
    let small = clinical.somatic.first { $0.alteration == wanted.name || $0.alteration.hasPrefix(wanted.name) }
    let structural = (clinical.fusions + clinical.copyNumber).first { $0.name == wanted.name || $0.name.hasPrefix(wanted.name) }
    guard small != nil || structural != nil else {
      Issue.record("\(wanted.name) not among \(clinical.somatic.map(\.alteration) + (clinical.fusions + clinical.copyNumber).map(\.name))")
      return
    }
    let tier = small?.tier ?? structural!.tier
    if let expected = wanted.tier { #expect(tier.tier.rawValue == expected, "\(wanted.name): \(tier.reason)") }
    if let text = wanted.reasonContains { #expect(tier.reason.contains(text), "\(wanted.name): \(tier.reason)") }
    if let expected = wanted.oncogenicity {
      let assessment = try #require(small?.oncogenicity)
      #expect(
        assessment.classification?.rawValue == expected,
        "\(wanted.name): \(assessment.points) points \(assessment.criteria.map(\.code)) not evaluated \(assessment.notEvaluated)")
    }
    if wanted.absentOncogenicityCriteria != nil || wanted.oncogenicityNote != nil {
      let assessment = try #require(small?.oncogenicity)
      let described = "\(wanted.name): \(assessment.criteria.map(\.code)) not evaluated \(assessment.notEvaluated)"
      for code in wanted.absentOncogenicityCriteria ?? [] { #expect(!assessment.criteria.contains { $0.code == code }, "\(described)") }
      if let text = wanted.oncogenicityNote { #expect(assessment.notEvaluated.contains { $0.contains(text) }, "\(described)") }
    }
    if let basis = wanted.basis { #expect(small?.consequence.proteinBasis?.rawValue == basis, "\(wanted.name): \(small?.consequence.proteinNote ?? "")") }
    if let hgvsp = wanted.hgvsp { #expect(small?.consequence.hgvsp == hgvsp) }
    if let decision = wanted.followUp {
      #expect(small?.origin.followUp?.decision.rawValue == decision, "\(wanted.name): \(String(describing: small?.origin.followUp))")
      if decision == "recommended" { #expect(small?.origin.recommendation != nil) }
    }
    if let text = wanted.followUpReason {
      #expect(small?.origin.followUp?.reason.contains(text) == true, "\(wanted.name): \(String(describing: small?.origin.followUp))")
    }
    if let confirmation = wanted.confirmation {
      if confirmation == "none" {
        #expect(structural != nil && structural?.confirmation == nil)
      } else {
        #expect(structural?.confirmation?.contains(confirmation) == true)
      }
    }
  }

  func check(_ wanted: GermlineExpectation, in clinical: ClinicalReport) {
    guard let finding = clinical.germline.first(where: { $0.gene == wanted.gene }) else {
      Issue.record("no germline finding in \(wanted.gene): \(clinical.germline.map(\.gene))")
      return
    }
    let codes = finding.criteria.map(\.code)
    let described = "\(wanted.gene): \(finding.classification.rawValue) \(codes); not evaluated: \(finding.notEvaluated)"
    if let expected = wanted.classification { #expect(finding.classification.rawValue == expected, "\(described)") }
    for code in wanted.criteria ?? [] { #expect(codes.contains(code), "\(code) missing: \(described)") }
    for code in wanted.absentCriteria ?? [] { #expect(!finding.criteria.contains { $0.criterion == code }, "\(code) present: \(described)") }
    if let text = wanted.notEvaluated { #expect(finding.notEvaluated.contains { $0.contains(text) }, "'\(text)' not said: \(described)") }
    if let comparison = wanted.clinvarComparison { #expect((finding.clinvarComparison != nil) == comparison, "\(described)") }
  }

  /// A GRCh38 VCF with the INFO and FORMAT fields the cases use.
  static func vcfText(_ records: [[String]], extraHeader: [String] = [], matchedNormal: Bool = false) -> String {
    var lines = ["##fileformat=VCFv4.2", "##reference=GRCh38"]
    for (contig, length) in GenomeBuild.grch38.contigLengths.sorted(by: { $0.key < $1.key }) {
      lines.append("##contig=<ID=\(contig),length=\(length)>")
    }
    lines += [
      "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|MANE_SELECT|gnomADe_AF\">",
      "##INFO=<ID=BCSQ,Number=.,Type=String,Description=\"Haplotype-aware consequence annotation from BCFtools/csq. Format: Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change\">",
      "##INFO=<ID=gnomADe_AF,Number=A,Type=Float,Description=\"gnomAD exomes allele frequency\">",
      "##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"Type of structural variant\">",
      "##INFO=<ID=MATEID,Number=.,Type=String,Description=\"ID of mate breakend\">",
      "##INFO=<ID=END,Number=1,Type=Integer,Description=\"End position\">",
      "##INFO=<ID=CN,Number=1,Type=Float,Description=\"Copy number\">",
    ] + extraHeader + [
      "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
      "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">",
      "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read depth\">",
      "##FORMAT=<ID=PR,Number=.,Type=Integer,Description=\"Spanning pairs (ref, alt)\">",
      "##FORMAT=<ID=SR,Number=.,Type=Integer,Description=\"Split reads (ref, alt)\">",
      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t\(matchedNormal ? "NORMAL\tTUMOR" : "TUMOR")",
    ]
    lines += records.map { $0.joined(separator: "\t") }
    return lines.joined(separator: "\n") + "\n"
  }

  static func table(_ rows: [[String: Value]], columns: [String], path: String) throws -> String {
    let used = columns.filter { column in rows.contains { $0[column] != nil } }
    let lines = [used.joined(separator: "\t")] + rows.map { row in used.map { row[$0]?.description ?? "" }.joined(separator: "\t") }
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
