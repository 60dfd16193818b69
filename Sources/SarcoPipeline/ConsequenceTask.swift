import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoReports

/// `sarcopanel consequences`: every allele of a VCF on the panel's transcripts,
/// computed from the reference FASTA, as one TSV row per (allele, panel gene).
/// The table `scripts/eval-consequences` checks against ClinVar and the experts.
public enum ConsequenceTask {
  public struct Options: Sendable {
    public var vcfPath: String
    public var panelPath: String
    public var referencePath: String
    public var genome: GenomeBuild?
    public var threads = 1
    /// Where to write the TSV; nil writes to stdout.
    public var outputPath: String?

    public init(vcfPath: String, panelPath: String, referencePath: String) {
      self.vcfPath = vcfPath
      self.panelPath = panelPath
      self.referencePath = referencePath
    }
  }

  public struct Summary: Sendable {
    public var alleles = 0
    public var rows = 0
    public var referenceMismatches = 0
    /// Records not annotated because they are invalid (alleles, position, depths), with the first few.
    public var invalidRecords = 0
    public var invalidExamples: [String] = []
  }

  static let columns = [
    "chrom", "pos", "ref", "alt", "id", "gene", "transcript", "consequence", "impact", "hgvsc", "hgvsp", "exon", "intron",
    "source", "reference_check", "upstream",
  ]

  public static func run(_ options: Options, log: (String) -> Void = { _ in }) throws -> (tsv: String, summary: Summary) {
    let panel = try PanelCache.load(directory: options.panelPath)
    let reader = try VCFReader(path: options.vcfPath, threads: options.threads)
    let detection = try RunPipeline.decideBuild(reader: reader, forced: options.genome)
    let view = try PanelView(panel: panel, build: detection.build)
    let library = try RunPipeline.transcriptLibrary(reference: options.referencePath, view: view)
    let validator = RecordValidator(header: reader.header, build: detection.build)
    let selector = ConsequenceSelector(view: view, predictor: ConsequencePredictor(library: library), recompute: true)
    let decomposer = VariantDecomposer(header: reader.header, roles: .init(tumor: nil, normal: nil))
    log("\(options.vcfPath): \(detection.build.rawValue) (\(detection.evidence)); reference \(options.referencePath)")
    var lines = [columns.joined(separator: "\t")]
    var summary = Summary()
    var invalid = ExampleList()
    try reader.read(regions: view.scanRegions.withOutOfBounds(lengths: validator.contigLengths), sampleIndexes: []) { records in
      let annotated = try RunPipeline.annotate(
        records, decomposer: decomposer, validator: validator, view: view, selector: selector, library: library,
        threads: options.threads)
      var items: [RunPipeline.AnnotatedVariant] = []
      for (record, annotation) in zip(records, annotated) {
        switch annotation {
        case .invalid(let reason): invalid.add("\(record.place): \(reason)")
        case .annotated(let variants): items += variants
        }
      }
      for item in items {
        let (reported, agreement) = (item.reported, item.agreement)
        let variant = reported.variant
        summary.alleles += 1
        let check: String
        switch agreement {
        case .matches: check = "ok"
        case .unchecked: check = "unchecked"
        case .differs(let found):
          check = "REF differs: FASTA has \(found)"
          summary.referenceMismatches += 1
        }
        for consequence in reported.consequences {
          summary.rows += 1
          let original = variant.original
          lines.append(
            [
              variant.contig, String(original.position), original.reference,
              original.alternates[original.alternateIndex - 1], variant.id, consequence.gene, consequence.transcript ?? "",
              consequence.terms.joined(separator: "&"), consequence.impact ?? "", consequence.hgvsc ?? "",
              consequence.hgvsp ?? "", consequence.exon.map(String.init) ?? "", consequence.intron.map(String.init) ?? "",
              consequence.source, check, consequence.upstreamDisagreement ?? "",
            ].map(TSVReport.clean).joined(separator: "\t"))
        }
      }
    }
    summary.invalidRecords = invalid.total
    summary.invalidExamples = invalid.examples
    if invalid.total > 0 { log("\(invalid.total) invalid record(s) skipped, not annotated: \(invalid.listed)") }
    for (gene, problem) in library.problems.sorted(by: { $0.key < $1.key }) {
      log("\(gene): not computed from the reference (\(problem)); panel-derived instead")
    }
    lines.append("")
    let tsv = lines.joined(separator: "\n")
    if let path = options.outputPath { try AtomicFile.write(Data(tsv.utf8), to: path) }
    return (tsv, summary)
  }
}
