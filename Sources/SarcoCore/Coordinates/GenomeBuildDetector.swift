/// Decides a VCF's genome build from its header, and says how it decided.
///
/// Steps, first decisive one wins:
/// 1. `##contig` lengths of the primary chromosomes, compared with both assemblies.
/// 2. Build names in `##reference`, `##assembly`, contig `assembly=` and liftover lines
///    (for a chain `hg19ToHg38` the target, hg38, counts).
/// 3. A build name in the file name (`T001.grch38.vcf.gz`), reported as the weakest evidence.
/// Conflicting evidence at the same step is an error rather than a guess.
public enum GenomeBuildDetector {
  /// The decision and the evidence, as shown in reports.
  public struct Detection: Sendable, Equatable, Codable {
    public let build: GenomeBuild
    public let evidence: String

    public init(build: GenomeBuild, evidence: String) {
      self.build = build
      self.evidence = evidence
    }
  }

  public static func detect(header: VCFHeader, fileName: String) throws -> Detection {
    do {
      if let fromHeader = try headerEvidence(header) { return fromHeader }
    } catch let error as SarcoError {
      throw SarcoError(error.kind, "\(fileName): \(error.message)")
    }
    if let byFile = try detectFromFileName(fileName) { return byFile }
    throw SarcoError.input(
      "\(fileName): cannot tell the genome build: no ##contig lengths, no ##reference naming "
        + "a build, and no build in the file name; pass --genome GRCh38 or --genome GRCh37 (in a batch: --genome or the sheet's genome column)")
  }

  /// What the header itself says (steps 1 and 2), or nil when it says nothing.
  public static func headerEvidence(_ header: VCFHeader) throws -> Detection? {
    if let byLength = try detectFromContigLengths(header.contigs) { return byLength }
    return try detectFromMetaLines(header)
  }

  /// `--genome`, unless the header names the other build: that needs `force`
  /// (the reads would otherwise be matched against the wrong coordinates and
  /// come out as an empty report, not an error).
  public static func forced(_ build: GenomeBuild, header: VCFHeader, fileName: String, force: Bool) throws -> Detection {
    guard let evidence = try? headerEvidence(header), evidence.build != build else {
      return Detection(build: build, evidence: "given with --genome")
    }
    guard force else {
      throw SarcoError.input(
        "\(fileName): --genome \(build.rawValue) given, but its \(evidence.evidence) (the VCF looks \(evidence.build.rawValue)); pass --force-genome to read it as \(build.rawValue) anyway")
    }
    return Detection(build: build, evidence: "given with --genome and --force-genome, against the header's \(evidence.evidence)")
  }

  public static func detectFromContigLengths(_ contigs: [(name: String, length: Int?)]) throws -> Detection? {
    var votes: [GenomeBuild: [String]] = [:]
    for (name, length) in contigs {
      guard let length else { continue }
      let canonical = ContigName.canonical(name)
      for build in GenomeBuild.allCases where build.contigLengths[canonical] == length {
        votes[build, default: []].append(canonical)
      }
    }
    let decided = votes.filter { !$0.value.isEmpty }
    if decided.count > 1 {
      let detail = GenomeBuild.allCases.map { "\($0.rawValue) (\(votes[$0]?.joined(separator: ",") ?? ""))" }
      throw SarcoError.input(
        "##contig lengths match both builds: \(detail.joined(separator: " and ")); pass --genome (in a batch: --genome or the sheet's genome column)")
    }
    guard let (build, names) = decided.first else { return nil }
    return Detection(build: build, evidence: "##contig lengths of \(names.count) chromosomes match \(build.rawValue)")
  }

  static func detectFromMetaLines(_ header: VCFHeader) throws -> Detection? {
    var found: [GenomeBuild: String] = [:]
    for line in header.metaLines {
      let key = line.key.lowercased()
      var candidates: [String] = []
      if key == "reference" || key == "assembly" || key.contains("reference_genome") || key == "new_reference_genome" {
        candidates.append(line.value)
      } else if key == "contig", let assembly = line.field("assembly") {
        candidates.append(assembly)
      } else if key.hasPrefix("liftover") && line.value.lowercased().contains("to") {
        // "hg19ToHg38.over.chain": the data now sit on the target build.
        let chainName = line.value.split(separator: "/").last.map(String.init) ?? line.value
        if let target = chainName.lowercased().split(separator: "to").last { candidates.append(String(target)) }
      }
      for candidate in candidates {
        if let build = buildNamed(in: candidate), found[build] == nil {
          found[build] = "##\(line.key)=\(line.value.prefix(80))"
        }
      }
    }
    if found.count > 1 {
      let lines = found.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) from \($0.value)" }
      throw SarcoError.input("header names both builds: \(lines.joined(separator: "; ")); pass --genome (in a batch: --genome or the sheet's genome column)")
    }
    guard let (build, line) = found.first else { return nil }
    return Detection(build: build, evidence: "header line \(line)")
  }

  static func detectFromFileName(_ fileName: String) throws -> Detection? {
    let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
    let builds = Set(tokens(of: base).compactMap(GenomeBuild.init(userSpelling:)))
    guard builds.count == 1, let build = builds.first else { return nil }
    return Detection(build: build, evidence: "file name \(base) (no ##contig lengths or ##reference in header)")
  }

  /// A build named anywhere in a path or value such as `/data/hg19/ucsc.hg19.fa`.
  static func buildNamed(in text: String) -> GenomeBuild? {
    let lowered = text.lowercased()
    let builds = Set(tokens(of: lowered).compactMap { token -> GenomeBuild? in
      if let build = GenomeBuild(userSpelling: token) { return build }
      if token.contains("grch38") || token.contains("hg38") { return .grch38 }
      if token.contains("grch37") || token.contains("hg19") || token.contains("hs37") || token.hasSuffix("assembly19") {
        return .grch37
      }
      return nil
    })
    return builds.count == 1 ? builds.first : nil
  }

  static func tokens(of text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }
}

