/// The tumour and normal columns of a Manta somatic VCF, from the `##cmdline` Manta writes.
///
/// Manta names its columns after each BAM's first `@RG` SM tag (or `SAMPLE1`, `SAMPLE2`...),
/// so the names alone do not say which is the tumour. Its order does: the alignment files
/// are the normal ones (`--normalBam`/`--bam`, in the order given) followed by the single
/// tumour one (`--tumorBam`/`--tumourBam`), and the somatic VCF has one column per file in
/// that order (Manta's `AlignmentFileOptionsParser.cpp`; its user guide: "sample order
/// follows that of the input bams"). So with one `--tumorBam`, N normal BAMs and N + 1
/// columns, the tumour is the last column and, when N is 1, the normal the first.
///
/// Nothing is inferred when the header does not say this much: no `configManta` command
/// line, no or several tumour BAMs, a column count that does not match, or a column named
/// after the other role's BAM file.
public struct MantaSamples: Sendable, Equatable {
  public let tumor: Int
  public let normal: Int?

  public init?(header: VCFHeader) {
    guard let line = header.values(forKey: "cmdline").first(where: { $0.contains("configManta") }) else { return nil }
    let bams = Self.bamArguments(line)
    guard bams.tumor.count == 1, !bams.normal.isEmpty, header.samples.count == bams.normal.count + 1 else { return nil }
    let tumor = header.samples.count - 1
    let normal = bams.normal.count == 1 ? 0 : nil
    // A column named after the other role's BAM contradicts the order: not inferred.
    let tumourStem = Self.stem(bams.tumor[0])
    if header.samples[..<tumor].contains(tumourStem) || bams.normal.map(Self.stem).contains(header.samples[tumor]) {
      return nil
    }
    self.tumor = tumor
    self.normal = normal
  }

  /// The BAM/CRAM paths of `--normalBam`/`--bam` and `--tumorBam`/`--tumourBam`, as `--x=path` or `--x path`.
  static func bamArguments(_ commandLine: String) -> (normal: [String], tumor: [String]) {
    let words = commandLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    var normal: [String] = []
    var tumor: [String] = []
    var index = 0
    while index < words.count {
      let word = words[index]
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      let option = parts[0]
      var value = parts.count == 2 ? parts[1] : nil
      if ["--normalBam", "--bam", "--tumorBam", "--tumourBam"].contains(option) {
        if value == nil, index + 1 < words.count {
          index += 1
          value = words[index]
        }
        if let value {
          if option == "--tumorBam" || option == "--tumourBam" { tumor.append(value) } else { normal.append(value) }
        }
      }
      index += 1
    }
    return (normal, tumor)
  }

  /// `dir/T001.bam` -> `T001`.
  static func stem(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    for suffix in [".bam", ".cram"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
    return name
  }
}
