import Foundation
import SarcoTestSupport
import Testing

/// The built executable beside the test bundle.
func sarcopanelExecutable() throws -> String {
  let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("sarcopanel").path }
  return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) })
}

@Suite struct UsageMessageTests {
  /// Usage errors printed argument-parser's 3-4 line `Error:` block.
  @Test func usageErrorsAreOneLineStartingSarcopanel() throws {
    for arguments in [["run", "--out", "x"], ["run", "--vcf", "a.vcf", "--out", "x", "--threads", "0"], ["frobnicate"],
                      ["db", "import", "--db", "x"], ["run", "--vcf", "a.vcf", "--out", "x", "--force-genome"]] {
      let result = try sarcopanel(arguments)
      #expect(result.status == 2, "\(arguments)")
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 1 && lines[0].hasPrefix("sarcopanel: ") && lines[0].hasSuffix("--help')"), "\(result.stderr)")
    }
  }

  /// A VCF with 10,000 samples gave an 80 KB error line.
  @Test func longListsInErrorsAreTruncatedWithACount() throws {
    let names = (1...10_000).map { "S\($0)" }
    let vcf = TestData.temporaryDirectory("many-samples") + "/many.grch38.vcf"
    try ("##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t"
      + names.joined(separator: "\t") + "\n").write(toFile: vcf, atomically: true, encoding: .utf8)
    let result = try sarcopanel(["run", "--vcf", vcf, "--out", TestData.temporaryDirectory("cli")])
    #expect(result.status == 2)
    #expect(result.stderr.contains("has 10000 samples (S1, S2, S3, S4, S5, S6, S7, S8, S9, S10 (and 9990 more))"))
    #expect(result.stderr.utf8.count < 1000)
  }
}

@Suite struct InterruptTests {
  /// SIGINT/SIGTERM in the middle of a run left `.NAME.tmp-PID` files behind.
  @Test(arguments: [SIGINT, SIGTERM])
  func interruptedRunLeavesNoFiles(signal: Int32) throws {
    let directory = TestData.temporaryDirectory("interrupt")
    let input = "\(directory)/input.vcf"
    let out = "\(directory)/out"
    #expect(mkfifo(input, 0o600) == 0)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try sarcopanelExecutable())
    process.arguments = ["run", "--vcf", input, "--out", out, "--panel", TestData.path("panels/sarcoma"), "--quiet"]
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Hand over the header and a record, then hold the rest back: the run waits with its files open.
    let writer = try #require(FileHandle(forWritingAtPath: input))
    let text = try String(contentsOfFile: TestData.path("testdata/vcf/tumor_only.grch38.vcf"), encoding: .utf8)
    try writer.write(contentsOf: Data(text.split(separator: "\n").prefix(19).joined(separator: "\n").utf8 + [0x0A]))
    var waited = 0
    while (try? FileManager.default.contentsOfDirectory(atPath: out))?.contains(where: { $0.contains(".tmp-") }) != true && waited < 200 {
      usleep(50_000)
      waited += 1
    }
    #expect(waited < 200, "no temporary file appeared")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    try writer.close()
    #expect(process.terminationStatus == 128 + signal)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
  }
}

extension InterruptTests {
  /// Two workers commit their sets at once (the gate lets both in): a signal at any moment leaves each
  /// sample with all of its reports or none, and no temporary file.
  @Test func interruptedBatchLeavesWholeSetsOnly() throws {
    let executable = try sarcopanelExecutable()
    let directory = TestData.temporaryDirectory("interrupt-batch")
    var sheet = "sample\tvcf\ttumor_type\n"
    for index in 1...60 { sheet += "S\(index)\t\(TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz"))\tGIST\n" }
    try sheet.write(toFile: "\(directory)/samples.tsv", atomically: true, encoding: .utf8)
    func batch(out: String, samples: String) throws -> Process {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = ["batch", "--samples", samples, "--out", out, "--jobs", "2", "--quiet", "--panel", TestData.path("panels/sarcoma")]
      process.standardError = FileHandle.nullDevice
      try process.run()
      return process
    }
    // The panel's compiled copy first, so that the interrupted batches get to their samples at once.
    try "sample\tvcf\nW\t\(TestData.path("testdata/vcf/tumor_only.grch38.vcf.gz"))\n".write(
      toFile: "\(directory)/warm.tsv", atomically: true, encoding: .utf8)
    let warm = try batch(out: "\(directory)/warm", samples: "\(directory)/warm.tsv")
    warm.waitUntilExit()
    #expect(warm.terminationStatus == 0)
    // Stopped as the first, the fifth and the twentieth sample's reports land.
    for landed in [1, 5, 20] {
      let out = "\(directory)/out-\(landed)"
      let process = try batch(out: out, samples: "\(directory)/samples.tsv")
      func htmlCount() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0.hasSuffix(".html") }.count }
      while process.isRunning && htmlCount() < landed { usleep(500) }
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
      let names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
      #expect(!names.contains { $0.contains(".tmp-") }, "stopped at \(landed): temporary files left")
      let suffixes = [".json", ".variants.tsv", ".findings.tsv", ".html", "_mqc.json"]
      var whole = 0
      for index in 1...60 {
        let present = suffixes.filter { names.contains("S\(index)\($0)") }
        #expect(present.isEmpty || present.count == suffixes.count, "stopped at \(landed): S\(index) has only \(present)")
        if present.count == suffixes.count { whole += 1 }
      }
      #expect(whole >= landed, "stopped at \(landed): \(whole) whole sets")
      #expect(process.terminationStatus == 128 + SIGTERM || whole == 60, "stopped at \(landed): status \(process.terminationStatus)")
    }
  }
}

@Suite struct StoreProcessTests {
  /// Four concurrent `db import`s on a new store failed in some trials with "table sample already exists".
  @Test func concurrentFirstWritersInSeparateProcessesAllSucceed() throws {
    let executable = try sarcopanelExecutable()
    for trial in 1...10 {
      let directory = TestData.temporaryDirectory("store-race")
      // Four reports of different samples, one per process.
      var reports: [String] = []
      for index in 1...4 {
        let text = try String(contentsOfFile: TestData.path("testdata/expected/GIST02.json"), encoding: .utf8)
          .replacingOccurrences(of: "\"id\" : \"GIST02\"", with: "\"id\" : \"GIST02-\(index)\"")
        let path = "\(directory)/GIST02-\(index).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        reports.append(path)
      }
      let processes = try reports.map { report -> Process in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["db", "import", "--db", "\(directory)/cohort.sqlite", report]
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
      }
      for process in processes { process.waitUntilExit() }
      #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0], "trial \(trial)")
      let samples = try sarcopanel(["db", "query", "--db", "\(directory)/cohort.sqlite", "samples"])
      #expect(samples.stdout.split(separator: "\n").count == 5, "trial \(trial): \(samples.stdout)")
    }
  }
}

@Suite struct BatchMessageTests {
  /// The sheet error spanned several lines, the second without the `sarcopanel:` prefix.
  @Test func everyLineOfASheetErrorStartsWithSarcopanel() throws {
    let path = TestData.temporaryDirectory("cli-sheet") + "/samples.tsv"
    try "sample\tvcf\na b\tx.vcf\na_b\ty.vcf\nC\tz.vcf\nC\tw.vcf\n".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try sarcopanel(["batch", "--samples", path, "--out", TestData.temporaryDirectory("cli-batch")])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 2 && lines.allSatisfy { $0.hasPrefix("sarcopanel: \(path):") }, "\(result.stderr)")
  }
}
