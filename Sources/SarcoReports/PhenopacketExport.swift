import Foundation
import SarcoCore

/// One sample's report as a GA4GH Phenopacket v2: pseudonymous subject and
/// biosample, the tumour type (OncoTree term), and one genomic interpretation per
/// reportable finding (somatic Tier I-III, germline P/LP/VUS, fusions and copy
/// number below Tier IV) with its VCF record, HGVS, class, actionability, and the
/// tier or criteria behind them as extensions. docs/INTEROPERABILITY.md maps each field.
public enum PhenopacketExport {
  /// `subjectID` replaces the sample id everywhere (a pseudonym when asked);
  /// `hgncIDs` maps gene symbols to HGNC ids (from the panel).
  public static func phenopacket(from report: SampleReport, subjectID: String, hgncIDs: [String: String]) -> Phenopacket {
    let clinical = report.clinical
    let isGermline = clinical?.sampleType == "germline"
    let biosampleID = "\(subjectID)-\(isGermline ? "germline" : "tumour")"
    let tumourType = report.sample.tumorType.map { code in
      Phenopacket.OntologyClass(id: "oncotree:\(code)", label: clinical?.tumourType?.name ?? code)
    }
    let variants = Dictionary(report.variants.map { ($0.variant.key, $0.variant) }, uniquingKeysWith: { first, _ in first })
    var interpretations: [Phenopacket.GenomicInterpretation] = []
    var usedGENO = false
    var usedSO = false

    func gene(_ symbol: String) -> Phenopacket.GeneDescriptor? {
      hgncIDs[symbol].map { Phenopacket.GeneDescriptor(valueId: $0, symbol: symbol) }
    }
    func add(status: String, acmg: String, actionability: String, descriptor: Phenopacket.VariationDescriptor) {
      interpretations.append(
        Phenopacket.GenomicInterpretation(
          subjectOrBiosampleId: biosampleID, interpretationStatus: status,
          variantInterpretation: Phenopacket.VariantInterpretation(
            acmgPathogenicityClassification: acmg, therapeuticActionability: actionability, variationDescriptor: descriptor)))
    }

    for finding in clinical?.somatic ?? [] where finding.tier.tier != .iv {
      var descriptor = variantDescriptor(
        key: finding.variantKey, variant: variants[finding.variantKey], label: finding.alteration,
        consequence: finding.consequence, build: report.genomeBuild.build, gene: gene(finding.gene))
      descriptor.extensions = tierExtensions(finding.tier, evidence: finding.evidence, therapies: finding.therapies, escat: finding.escat)
        + [Phenopacket.Extension(name: "origin", value: finding.origin.call.rawValue),
           Phenopacket.Extension(
             name: "oncogenicity",
             value: "\(finding.oncogenicity.classification?.rawValue ?? "not evaluated") (\(finding.oncogenicity.points) points: \(finding.oncogenicity.criteria.map(\.code).joined(separator: ", ")))")]
      add(
        status: finding.tier.isTierIOrII ? "CONTRIBUTORY" : "CANDIDATE", acmg: "NOT_PROVIDED",
        actionability: actionability(finding.tier, finding.therapies), descriptor: descriptor)
    }
    for finding in clinical?.germline ?? [] {
      guard let acmg = acmgClass(finding.classification.rawValue), !acmg.hasSuffix("BENIGN") else { continue }
      var descriptor = variantDescriptor(
        key: finding.variantKey, variant: variants[finding.variantKey], label: finding.alteration,
        consequence: finding.consequence, build: report.genomeBuild.build, gene: gene(finding.gene))
      if let state = allelicState(finding.zygosity) {
        descriptor.allelicState = state
        usedGENO = true
      }
      descriptor.extensions = [
        Phenopacket.Extension(name: "ACMG/AMP points", value: String(finding.points)),
        Phenopacket.Extension(name: "ACMG/AMP class rule", value: finding.classRule),
        Phenopacket.Extension(
          name: "ACMG/AMP criteria", value: finding.criteria.map { "\($0.code) (\($0.points)): \($0.evidence)" }.joined(separator: " | ")),
      ]
      add(
        status: acmg.contains("PATHOGENIC") && !acmg.hasPrefix("UNCERTAIN") ? "CONTRIBUTORY" : "CANDIDATE", acmg: acmg,
        actionability: "UNKNOWN_ACTIONABILITY", descriptor: descriptor)
    }
    for (finding, type) in (clinical?.fusions ?? []).map({ ($0, fusionType) }) + (clinical?.copyNumber ?? []).map({ ($0, copyNumberType($0)) })
    where finding.tier.tier != .iv {
      usedSO = true
      var extensions = tierExtensions(finding.tier, evidence: finding.evidence, therapies: finding.therapies, escat: finding.escat)
      extensions.append(Phenopacket.Extension(name: "locus", value: finding.locus))
      extensions.append(Phenopacket.Extension(name: "seen in", value: finding.source))
      if let match = finding.panelMatch {
        extensions.append(Phenopacket.Extension(name: "panel meaning", value: "\(match.meaning) (\(match.citation))"))
      }
      let descriptor = Phenopacket.VariationDescriptor(
        id: "\(biosampleID):\(finding.name.replacingOccurrences(of: " ", with: "_"))", label: finding.name,
        description: nil, geneContext: finding.genes.first.flatMap(gene), expressions: nil, vcfRecord: nil,
        structuralType: type, moleculeContext: "genomic", allelicState: nil, extensions: extensions)
      add(
        status: finding.tier.isTierIOrII ? "CONTRIBUTORY" : "CANDIDATE", acmg: "NOT_PROVIDED",
        actionability: actionability(finding.tier, finding.therapies), descriptor: descriptor)
    }

    var resources = [
      Phenopacket.Resource(
        id: "sarcopanel", name: "sarcopanel (report schema \(report.schemaVersion))", url: "urn:sarcopanel",
        version: report.tool.version, namespacePrefix: "sarcopanel", iriPrefix: "urn:sarcopanel:"),
      Phenopacket.Resource(
        id: "sarcopanel-panel-\(report.panel.name)", name: "sarcopanel panel \(report.panel.name) (sha256 \(report.panel.checksum))",
        url: "urn:sarcopanel:panel:\(report.panel.name)", version: report.panel.version,
        namespacePrefix: "sarcopanel.\(report.panel.name)", iriPrefix: "urn:sarcopanel:panel:\(report.panel.name):"),
      Phenopacket.Resource(
        id: "hgnc", name: "HUGO Gene Nomenclature Committee", url: "https://www.genenames.org", version: "MANE v1.5 panel snapshot",
        namespacePrefix: "HGNC", iriPrefix: "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/"),
    ]
    if tumourType != nil {
      resources.append(
        Phenopacket.Resource(
          id: "oncotree", name: "OncoTree", url: "http://oncotree.mskcc.org", version: "oncotree_latest_stable",
          namespacePrefix: "oncotree", iriPrefix: "http://oncotree.mskcc.org/?version=oncotree_latest_stable&field=CODE&search="))
    }
    if usedGENO {
      resources.append(
        Phenopacket.Resource(
          id: "geno", name: "Genotype Ontology", url: "http://purl.obolibrary.org/obo/geno.owl", version: "2022-03-05",
          namespacePrefix: "GENO", iriPrefix: "http://purl.obolibrary.org/obo/GENO_"))
    }
    if usedSO {
      resources.append(
        Phenopacket.Resource(
          id: "so", name: "Sequence types and features ontology", url: "http://purl.obolibrary.org/obo/so.owl",
          version: "2021-11-22", namespacePrefix: "SO", iriPrefix: "http://purl.obolibrary.org/obo/SO_"))
    }
    let material = isGermline
      ? Phenopacket.OntologyClass(id: "EFO:0009654", label: "reference sample")
      : Phenopacket.OntologyClass(id: "EFO:0009655", label: "abnormal sample")
    resources.append(
      Phenopacket.Resource(
        id: "efo", name: "Experimental Factor Ontology", url: "http://www.ebi.ac.uk/efo/efo.owl", version: "3.62.0",
        namespacePrefix: "EFO", iriPrefix: "http://www.ebi.ac.uk/efo/EFO_"))
    return Phenopacket(
      id: subjectID, subject: Phenopacket.Individual(id: subjectID),
      biosamples: [
        Phenopacket.Biosample(
          id: biosampleID, individualId: subjectID,
          description: "\(isGermline ? "constitutional" : "tumour") DNA sequenced on panel \(report.panel.name) \(report.panel.version)",
          histologicalDiagnosis: isGermline ? nil : tumourType, materialSample: material)
      ],
      diseases: tumourType.map { [Phenopacket.Disease(term: $0)] },
      interpretations: [
        Phenopacket.Interpretation(
          id: "\(subjectID)-sarcopanel", progressStatus: "COMPLETED",
          diagnosis: Phenopacket.Diagnosis(disease: tumourType, genomicInterpretations: interpretations))
      ],
      metaData: Phenopacket.MetaData(
        created: report.provenance?.generatedAt, createdBy: "\(report.tool.name) \(report.tool.version)", resources: resources,
        phenopacketSchemaVersion: "2.0",
        externalReferences: report.input.files.map { file in
          Phenopacket.ExternalReference(
            id: "sha256:\(file.sha256)", reference: nil,
            description: report.input.mergedWith == nil ? "SHA-256 of the input VCF" : "SHA-256 of the input VCF \(file.fileName)")
        } + [
          Phenopacket.ExternalReference(
            id: "sha256:\(report.panel.checksum)", reference: nil,
            description: "checksum of panel \(report.panel.name) \(report.panel.version)"),
        ]))
  }

  /// Sorted keys, two-space indent: the same report gives the same bytes.
  public static func render(_ packet: Phenopacket) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Encoding plain Codable values cannot fail.
    return (try! encoder.encode(packet)) + Data("\n".utf8)
  }

  static let fusionType = Phenopacket.OntologyClass(id: "SO:0001565", label: "gene_fusion")

  static func copyNumberType(_ finding: StructuralFinding) -> Phenopacket.OntologyClass {
    let loss = finding.name.lowercased().contains("deletion") || finding.name.lowercased().contains("loss")
    return loss
      ? Phenopacket.OntologyClass(id: "SO:0001743", label: "copy_number_loss")
      : Phenopacket.OntologyClass(id: "SO:0001742", label: "copy_number_gain")
  }

  static func variantDescriptor(
    key: String, variant: Variant?, label: String, consequence: AlleleConsequence, build: GenomeBuild,
    gene: Phenopacket.GeneDescriptor?
  ) -> Phenopacket.VariationDescriptor {
    var expressions: [Phenopacket.Expression] = []
    if let variant, let g = genomicHGVS(variant, build: build) { expressions.append(.init(syntax: "hgvs.g", value: g)) }
    if let c = consequence.hgvsc {
      let qualified = c.contains(":") || consequence.transcript == nil ? c : "\(consequence.transcript!):\(c)"
      expressions.append(.init(syntax: "hgvs.c", value: qualified))
    }
    if let p = consequence.hgvsp { expressions.append(.init(syntax: "hgvs.p", value: p)) }
    let record = variant.map { variant in
      Phenopacket.VcfRecord(
        genomeAssembly: build.rawValue, chrom: variant.contig, pos: String(variant.original.position),
        id: variant.id == "." ? nil : variant.id, ref: variant.original.reference,
        alt: variant.original.alternates[variant.original.alternateIndex - 1])
    }
    return Phenopacket.VariationDescriptor(
      id: key, label: label, description: consequence.terms.joined(separator: ", "), geneContext: gene,
      expressions: expressions.isEmpty ? nil : expressions, vcfRecord: record, structuralType: nil, moleculeContext: "genomic",
      allelicState: nil, extensions: nil)
  }

  /// `NC_000017.11:g.7674894G>A` (substitutions and deletion-insertions only:
  /// pure indels would need the reference to be shifted 3' first).
  static func genomicHGVS(_ variant: Variant, build: GenomeBuild) -> String? {
    guard let accession = RefSeqChromosome.accession(contig: variant.contig, build: build) else { return nil }
    let edit = NucleotideEdit(position: variant.position, reference: variant.reference, alternate: variant.alternate)
    guard !edit.deleted.isEmpty, !edit.inserted.isEmpty else { return nil }
    let deleted = String(decoding: edit.deleted, as: UTF8.self)
    let inserted = String(decoding: edit.inserted, as: UTF8.self)
    if edit.deleted.count == 1 && edit.inserted.count == 1 { return "\(accession):g.\(edit.start)\(deleted)>\(inserted)" }
    let span = edit.deleted.count == 1 ? "\(edit.start)" : "\(edit.start)_\(edit.end)"
    return "\(accession):g.\(span)delins\(inserted)"
  }

  static func tierExtensions(
    _ tier: TierAssignment, evidence: [MatchedEvidence], therapies: TherapySummary, escat: EscatAssignment? = nil
  ) -> [Phenopacket.Extension] {
    var extensions = [
      Phenopacket.Extension(name: "AMP/ASCO/CAP tier", value: tier.tier.rawValue),
      Phenopacket.Extension(name: "tier reason", value: "\(tier.reason) [\(tier.rule); \(tier.source)]"),
    ]
    if let escat {
      extensions.append(Phenopacket.Extension(name: "ESCAT", value: "\(escat.tier.rawValue): \(escat.context) (\(escat.source))"))
    }
    if !evidence.isEmpty {
      extensions.append(
        Phenopacket.Extension(name: "evidence", value: evidence.filter(\.applied).map { "\($0.id) (\($0.level.rawValue), \($0.citation))" }.joined(separator: " | ")))
    }
    if !therapies.sensitivity.isEmpty {
      extensions.append(Phenopacket.Extension(name: "sensitivity", value: therapies.sensitivity.joined(separator: "; ")))
    }
    if !therapies.resistance.isEmpty {
      extensions.append(Phenopacket.Extension(name: "resistance", value: therapies.resistance.joined(separator: "; ")))
    }
    if !therapies.reducedSensitivity.isEmpty {
      extensions.append(Phenopacket.Extension(name: "reduced sensitivity", value: therapies.reducedSensitivity.joined(separator: "; ")))
    }
    return extensions
  }

  static func actionability(_ tier: TierAssignment, _ therapies: TherapySummary) -> String {
    guard tier.isTierIOrII else { return "UNKNOWN_ACTIONABILITY" }
    return therapies.sensitivity.isEmpty && therapies.resistance.isEmpty ? "NOT_ACTIONABLE" : "ACTIONABLE"
  }

  static func acmgClass(_ classification: String) -> String? {
    switch classification.lowercased() {
    case "pathogenic": return "PATHOGENIC"
    case "likely pathogenic": return "LIKELY_PATHOGENIC"
    case "uncertain significance": return "UNCERTAIN_SIGNIFICANCE"
    case "likely benign": return "LIKELY_BENIGN"
    case "benign": return "BENIGN"
    default: return nil
    }
  }

  static func allelicState(_ zygosity: String?) -> Phenopacket.OntologyClass? {
    switch zygosity?.lowercased() {
    case "heterozygous": return .init(id: "GENO:0000135", label: "heterozygous")
    case "homozygous": return .init(id: "GENO:0000136", label: "homozygous")
    case "hemizygous": return .init(id: "GENO:0000134", label: "hemizygous")
    default: return nil
    }
  }
}
