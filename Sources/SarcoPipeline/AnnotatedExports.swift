import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoReports

/// `--vcf-out` and `--maf`: the annotated VCF/BCF (every input record of the panel's
/// regions, in input order, with sarcopanel's `SP_*` INFO fields per ALT) and the MAF.
/// Several input files of the sample give one of each, records in merged order, the VCF's
/// header the first file's with the others' merged in.
///
/// While the records are read, each is spooled to a working file in the output folder
/// (its VCF line, and per ALT the key, read counts and consequences), and the VCF
/// writer sees it so its header can declare whatever the record uses. At the end the
/// clinical values, a small map by variant key (`ClinicalAlleleIndex`), are joined in
/// and both files are written from the spool in one pass, through htslib for the VCF.
/// Memory stays flat however many records there are. Both files are part of the run's
/// `AtomicFileSet`: they appear with the reports or not at all.
final class AnnotatedExports {
  struct Destination {
    let sink: FileSink
    let path: String
  }

  private let spool: FileSink
  private let vcf: (writer: AnnotatedVCFWriter, destination: Destination, format: VariantOutputFormat)?
  private let maf: Destination?
  private let threads: Int

  /// What the MAF's rows repeat (sample, build, Ensembl gene ids).
  let mafSample: MAFReport.Sample

  /// Nil when neither output is asked for. Refuses an output path that is the input or the other output.
  init?(
    options: RunOptions, files: AtomicFileSet, readers: [VCFReader], scratchBeside jsonPath: String, view: PanelView,
    sampleID: String, normalSample: String?, tumourType: String?
  ) throws {
    guard options.vcfOutPath != nil || options.mafPath != nil else { return nil }
    try Self.checkDistinct(inputs: options.vcfPaths, outputs: [options.vcfOutPath, options.mafPath].compactMap { $0 })
    threads = options.threads
    mafSample = MAFReport.Sample(
      id: sampleID, normal: normalSample, build: view.build.rawValue,
      ensemblGenes: Dictionary(
        view.panel.genes.map { ($0.symbol, String($0.ensemblGene.split(separator: ".").first ?? "")) },
        uniquingKeysWith: { first, _ in first }))
    if let path = options.vcfOutPath {
      guard let format = VariantOutputFormat(fileName: path) else {
        throw SarcoError.usage("--vcf-out \(path): the name must end in .vcf, .vcf.gz or .bcf (it sets the format)")
      }
      let panel = view.panel
      let writer = try AnnotatedVCFWriter(
        templates: readers,
        fields: AnnotatedVCFTags.tags.map { InfoFieldDefinition(id: $0.id, number: "A", description: $0.description) },
        metaLines: AnnotatedVCFTags.metaLines(
          panel: SampleReport.PanelIdentity(name: panel.manifest.name, version: panel.manifest.version, checksum: panel.checksum),
          build: view.build, sample: sampleID, tumourType: tumourType, commandLine: options.commandLine))
      vcf = (writer, Destination(sink: try files.create(path), path: path), format)
    } else {
      vcf = nil
    }
    maf = try options.mafPath.map { Destination(sink: try files.create($0), path: $0) }
    spool = try files.scratch(beside: jsonPath, "\(URL(fileURLWithPath: jsonPath).lastPathComponent).exports")
  }

  /// True when records must carry their VCF line (`VCFReader.read(keepingText:)`).
  var needsRecordText: Bool { vcf != nil }

  /// One record of the panel's regions: `variants` are all its annotated ALTs (none when invalid),
  /// `reported` those the reports keep.
  func add(_ record: VCFRecord, variants: [ReportedVariant], reported: [ReportedVariant]) throws {
    let exported = ExportedRecord(record: record, variants: variants, reported: reported, keepingText: vcf != nil)
    if let vcf { try vcf.writer.admit(exported.text) }
    try ExportSpool.write(exported, to: spool)
  }

  /// Writes both files from the spool with the report's clinical values joined in.
  func finish(clinical report: ClinicalReport?) throws {
    try spool.flush()
    let clinical = ClinicalAlleleIndex(report)
    if let vcf { try vcf.writer.open(path: vcf.destination.sink.path, target: vcf.destination.path, format: vcf.format, threads: threads) }
    try maf?.sink.write(MAFReport.header)
    try ExportSpool.forEach(path: spool.path) { record in
      if let vcf { try vcf.writer.write(record.text, values: AnnotatedVCFTags.values(record, clinical: clinical)) }
      if let maf { try maf.sink.write(MAFReport.rows(record, sample: mafSample, clinical: clinical)) }
    }
    try vcf?.writer.close()
  }

  /// An output that is an input (the run would replace what it read) or two outputs that are one file.
  static func checkDistinct(inputs: [String], outputs: [String]) throws {
    func identity(_ path: String) -> String {
      var status = stat()
      if stat(path, &status) == 0 { return "\(status.st_dev):\(status.st_ino)" }
      return URL(fileURLWithPath: path).standardizedFileURL.path
    }
    let inputIdentities = Set(inputs.filter { $0 != "-" }.map(identity))
    var seen: [String: String] = [:]
    for output in outputs {
      let outputIdentity = identity(output)
      if inputIdentities.contains(outputIdentity) {
        throw SarcoError.usage("\(output): is \(inputs.count > 1 ? "an" : "the") input VCF; choose another output name")
      }
      if let earlier = seen[outputIdentity] { throw SarcoError.usage("\(output): \(earlier) is the same file; give each output its own name") }
      seen[outputIdentity] = output
    }
  }
}
