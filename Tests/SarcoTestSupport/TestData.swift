import Foundation
import SarcoCore
import SarcoIO

/// Paths to the repository's test data and the shared public data beside it.
public enum TestData {
  /// The package root, found from this file's location.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// `../shared/data/<relative>`, or nil when the shared data is not present.
  public static func shared(_ relative: String) -> String? {
    let path = root.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(relative).path
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }

  /// The test genome of `build` (`grch38` or `grch37`): real sequence of TP53,
  /// BRCA1, BRCA2, CDKN2A, WT1 and SDHD at their coordinates, N elsewhere,
  /// built once by `scripts/make-test-reference`; nil without ../shared/data.
  public static func testReference(_ build: String) -> String? {
    guard let directory = testReferenceDirectory else { return nil }
    return "\(directory)/\(build).fa.gz"
  }

  static let testReferenceDirectory: String? = {
    guard shared("reference/cancer_gene_regions.tsv") != nil else { return nil }
    let directory = path(".build/test-reference")
    guard let result = try? shell("'\(path("scripts/make-test-reference"))' '\(directory)'"), result.status == 0 else {
      fatalError("scripts/make-test-reference failed")
    }
    return directory
  }()

  /// A fresh empty directory under this test process's folder in the system temp folder.
  public static func temporaryDirectory(_ label: String = "sarcopanel-test") -> String {
    let path = "\(testRoot)/\(label)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// `<temp>/sarcopanel-tests/<pid>`: a run's folders stay for inspection until the next run,
  /// which removes those of processes that have ended (the suite made about 500 folders a run,
  /// and a temp folder with tens of thousands of entries slowed Foundation's `Bundle.main`).
  static let testRoot: String = {
    let parent = NSTemporaryDirectory() + "sarcopanel-tests"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
      guard let pid = Int32(name), TemporaryFiles.hasEnded(pid) else { continue }
      try? FileManager.default.removeItem(atPath: "\(parent)/\(name)")
    }
    let root = "\(parent)/\(getpid())"
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    return root
  }()
}

/// Panels loaded once per test process (loading the sarcoma panel's 41k known
/// variants takes about a second in a debug build).
public enum TestPanels {
  public static let sarcoma: Panel = load("panels/sarcoma")
  public static let hereditary: Panel = load("panels/hereditary")
  public static let mini38: Panel = load("testdata/panels/mini38")

  static func load(_ relative: String) -> Panel {
    do {
      return try PanelLoader.load(directory: TestData.path(relative))
    } catch {
      fatalError("\(relative) does not load: \(error)")
    }
  }
}

/// Runs a shell command; returns its exit status and its stdout and stderr together.
public func shell(_ command: String) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", command]
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// What a test needs beyond the repository. Tests state it with
/// `.enabled(if: Prerequisite..., "needs ...")`, so a missing prerequisite shows
/// as a skip with its reason (scripts/test fails on any "needs " skip when
/// ../shared/data is present, since it installs every tool).
public enum Prerequisite {
  /// `../shared/data/<relative>` exists.
  public static func sharedData(_ relative: String) -> Bool { TestData.shared(relative) != nil }

  /// An executable of this name is on PATH.
  public static func tool(_ name: String) -> Bool { (try? shell("command -v '\(name)' >/dev/null 2>&1"))?.status == 0 }

  /// Python's jsonschema (Debian python3-jsonschema) for validating reports against docs/report.schema.json.
  public static var jsonSchemaValidator: Bool {
    (try? shell("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null"))?.status == 0
  }

  /// MultiQC (PyPI) in .build/venv: scripts/multiqc installs it there on first use (python3-venv and PyPI needed).
  public static let multiQC: Bool = (try? shell("'\(TestData.path("scripts/multiqc"))' --version >/dev/null 2>&1"))?.status == 0

  /// GA4GH's phenopackets bindings in .build/venv (scripts/validate-phenopackets installs them).
  public static var phenopacketBindings: Bool {
    (try? shell("'\(TestData.path(".build/venv/bin/python"))' -c 'import phenopackets' 2>/dev/null"))?.status == 0
  }
}

/// A small VCF in a temporary folder: `##contig` lines for `contigs` (GRCh38 lengths), one sample `S`.
public func writeVCF(_ name: String, in directory: String, contigs: [String] = ["4", "12", "17"], records: [String]) throws -> String {
  let lengths = GenomeBuild.grch38.contigLengths
  let header = ["##fileformat=VCFv4.2"]
    + contigs.map { "##contig=<ID=\($0),length=\(lengths[ContigName.canonical($0)]!)>" }
    + ["##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
       "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">",
       "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS"]
  let path = "\(directory)/\(name)"
  try (header + records).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

/// `CHROM POS REF ALT` with a heterozygous call.
public func vcfLine(_ contig: String, _ position: Int, _ reference: String, _ alternate: String) -> String {
  "\(contig)\t\(position)\t.\t\(reference)\t\(alternate)\t.\tPASS\t.\tGT:AD\t0/1:10,5"
}
