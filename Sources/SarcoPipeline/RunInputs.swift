import Foundation
import HTS
import SarcoCore
import SarcoIO
import SarcoReports

/// The VCF/BCF files of one `run`: one sample's calls, in one file or in several (Strelka2's
/// SNVs and indels) whose records are merged by position (`MergedVCFReader`).
///
/// Each file is opened once (hashed as it is read), its build decided and its tumour and
/// normal columns chosen on its own; every file must agree with the first on both. Each
/// keeps its own decomposer (FORMAT definitions, CSQ layout) and validator (contig lengths).
final class RunInputs {
  struct File {
    let path: String
    let reader: VCFReader
    let detection: GenomeBuildDetector.Detection
    let selection: SampleSelection
  }

  let files: [File]
  /// The first file's build evidence (every file agrees on the build).
  let detection: GenomeBuildDetector.Detection
  let roles: VariantDecomposer.SampleRoles

  /// Opens every file of `options.vcfPaths` (refusing one given twice) and checks they agree.
  init(options: RunOptions) throws {
    guard !options.vcfPaths.isEmpty else { throw SarcoError.usage("no VCF given (--vcf FILE)") }
    try Self.checkDistinct(options.vcfPaths)
    var files: [File] = []
    for path in options.vcfPaths {
      let reader = try VCFReader(path: path, threads: options.threads, digest: StreamingSHA256())
      if options.checkIndexAhead { reader.prepare(for: options.access) }
      let detection = try RunPipeline.decideBuild(reader: reader, forced: options.genome, force: options.forceGenome)
      let selection = try SampleSelection.resolve(
        header: reader.header, fileName: path, sample: options.sample, normal: options.normal)
      let file = File(path: path, reader: reader, detection: detection, selection: selection)
      if let first = files.first { try Self.checkAgreement(file, with: first) }
      files.append(file)
    }
    self.files = files
    detection = files[0].detection
    roles = files[0].selection.roles
  }

  var first: File { files[0] }
  var paths: [String] { files.map(\.path) }
  var readers: [VCFReader] { files.map(\.reader) }

  /// A file of another build, or whose tumour or normal column is another sample's, is not this sample's.
  static func checkAgreement(_ file: File, with first: File) throws {
    if file.detection.build != first.detection.build {
      throw SarcoError.input(
        "\(file.path): genome build \(file.detection.build.rawValue) (\(file.detection.evidence)) differs from \(first.path)'s \(first.detection.build.rawValue) (\(first.detection.evidence)): files merged into one report must be of one build")
    }
    let (theirs, ours) = (file.selection.roles, first.selection.roles)
    if theirs.tumor != ours.tumor || theirs.normal != ours.normal {
      func described(_ roles: VariantDecomposer.SampleRoles) -> String {
        "tumour \(roles.tumor.map { "'\($0)'" } ?? "none"), normal \(roles.normal.map { "'\($0)'" } ?? "none")"
      }
      throw SarcoError.usage(
        "\(file.path) (\(described(theirs))) and \(first.path) (\(described(ours))) do not name the same samples: files merged into one report must be one sample's calls (choose the columns with --sample and --normal)")
    }
  }

  /// The same file twice would double every variant; standard input cannot be read twice.
  static func checkDistinct(_ paths: [String]) throws {
    var seen: [String: String] = [:]
    for path in paths {
      let identity = path == "-" ? "-" : URL(fileURLWithPath: path).standardizedFileURL.path
      if path == "-", seen[identity] != nil { throw SarcoError.usage("--vcf -: standard input is given twice; it can be read once") }
      if let earlier = seen[identity] { throw SarcoError.usage("--vcf \(path): \(earlier) is already given; give each file once") }
      seen[identity] = path
    }
  }

  /// Reads every file's records overlapping `regions` (and the positions outside its contigs,
  /// so invalid records are met), merged by position, with their files' indexes.
  func read(
    regions: RegionFilter, validators: [RecordValidator], access: VCFReader.Access, keepingText: Bool,
    readAhead: Bool = false, body: (MergedVCFReader.Batch) throws -> Void
  ) throws -> VCFReader.Statistics {
    let statistics = try MergedVCFReader(readers: readers).read(
      regions: validators.map { regions.withOutOfBounds(lengths: $0.contigLengths) },
      sampleIndexes: files.map(\.selection.indexes), access: access, keepingText: keepingText, readAhead: readAhead,
      body: body)
    return VCFReader.Statistics(combining: statistics, paths: paths)
  }

  /// The report's id: `--sample-id`, else the tumour column's name unless it is a caller's generic
  /// name (`SampleNaming.isGeneric`), else the sample the file names give, else that generic name
  /// (`genericFallback`: such a report must not replace another input's).
  func sampleID(given: String?) throws -> (id: String, genericFallback: Bool) {
    if let given { return (RunPipeline.safeFileName(given), false) }
    guard let tumor = roles.tumor else { return (RunPipeline.safeFileName(RunPipeline.baseName(first.path)), false) }
    guard SampleNaming.isGeneric(tumor) else { return (RunPipeline.safeFileName(tumor), false) }
    // Standard input has no file name to go by.
    if let named = try SampleNaming.sampleID(fromFileNames: paths.filter { $0 != "-" }) {
      return (RunPipeline.safeFileName(named), false)
    }
    return (RunPipeline.safeFileName(tumor), true)
  }

  /// The report's `input`: the first file, and the others merged with it.
  func reportInput(referenceFasta: String?) throws -> SampleReport.Input {
    var input = SampleReport.Input(
      fileName: RunPipeline.baseName(first.path), sha256: try first.reader.inputDigest(), format: first.reader.format.rawValue,
      referenceFasta: referenceFasta)
    if files.count > 1 {
      input.mergedWith = try files.dropFirst().map {
        SampleReport.InputFile(fileName: RunPipeline.baseName($0.path), sha256: try $0.reader.inputDigest(), format: $0.reader.format.rawValue)
      }
    }
    return input
  }

  /// A report whose id fell back to a generic column name must not silently replace another input's
  /// report of that name; rewriting the report of the same input (a rerun) is fine.
  static func checkNotReplacingAnother(jsonPath: String, input: SampleReport.Input, column: String) throws {
    guard let data = FileManager.default.contents(atPath: jsonPath) else { return }
    let existing = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    let existingInput = existing?["input"] as? [String: Any]
    func digests(_ input: [String: Any]?) -> [String]? {
      guard let input, let first = input["sha256"] as? String else { return nil }
      return [first] + ((input["mergedWith"] as? [[String: Any]]) ?? []).compactMap { $0["sha256"] as? String }
    }
    let ours = [input.sha256] + (input.mergedWith ?? []).map(\.sha256)
    guard digests(existingInput) != ours else { return }
    let theirs = (existingInput?["fileName"] as? String).map { name in
      "the report of another input (\(name), SHA-256 \((existingInput?["sha256"] as? String)?.prefix(12) ?? "?")...)"
    } ?? "a file that is not a report of this input"
    throw SarcoError.usage(
      "\(jsonPath) already holds \(theirs): this input's tumour column is the caller's generic name '\(column)' and its file name names no sample, so both would be named \(URL(fileURLWithPath: jsonPath).lastPathComponent); give --sample-id to name this sample")
  }
}
