#if !LIBFUZZER
import Foundation

/// `sarcopanel-fuzz vcf|panel|cache --seconds N [--seed S] --work DIR --panel DIR SEEDS...`
///
/// Mutates the seed files (files, or every file in the folders given) for N
/// seconds, in process, and runs each input through the VCF pipeline or the
/// panel loader; `cache` mutates the panel's compiled copy (made from `--panel`,
/// no seed files) and decodes it. Before each input it writes it to `DIR/current` so a trap
/// (which ends this process) leaves the input behind; the calling script
/// reports it. Prints one summary line: inputs, accepted, clean errors,
/// unexpected outcomes. Exit 0 unless an unexpected outcome was seen (1).
/// Built with `-sanitize=fuzzer -D LIBFUZZER`, the same targets run under
/// libFuzzer instead (`scripts/fuzz --libfuzzer`).
@main
struct FuzzDriver {
  static func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    func option(_ name: String) -> String? {
      guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
      defer { arguments.removeSubrange(index...(index + 1)) }
      return arguments[index + 1]
    }
    let seconds = Double(option("--seconds") ?? "10") ?? 10
    let seed = UInt64(option("--seed") ?? "1") ?? 1
    guard let work = option("--work"), let panelPath = option("--panel"), let kind = arguments.first,
      ["vcf", "panel", "cache"].contains(kind)
    else {
      FileHandle.standardError.write(
        Data("usage: sarcopanel-fuzz vcf|panel|cache --seconds N [--seed S] --work DIR --panel DIR SEEDS...\n".utf8))
      exit(2)
    }
    let targets = try FuzzTargets(workDirectory: "\(work)/scratch", panelDirectory: panelPath)
    let seedPaths = try seedFiles(Array(arguments.dropFirst()))
    let seeds = kind == "cache" ? [try targets.panelCopySeed()] : try seedPaths.map { try Data(contentsOf: URL(fileURLWithPath: $0.path)) }
    // A panel seed is mutated into the table it came from.
    let seedTables = kind == "cache" ? [""] : seedPaths.map { $0.relative }
    guard !seeds.isEmpty else {
      FileHandle.standardError.write(Data("sarcopanel-fuzz: no seed files\n".utf8))
      exit(2)
    }
    var mutator = Mutator(seed: seed)
    let deadline = Date().addingTimeInterval(seconds)
    var counts = (inputs: 0, accepted: 0, clean: 0, unexpected: 0)
    while Date() < deadline {
      // Every seed as it is first, then mutations.
      let seedIndex = counts.inputs < seeds.count ? counts.inputs : mutator.below(seeds.count)
      let input = counts.inputs < seeds.count ? seeds[seedIndex] : mutator.mutate(seeds[seedIndex], other: seeds[mutator.below(seeds.count)])
      _ = FileManager.default.createFile(atPath: "\(work)/current", contents: input)
      let outcome =
        switch kind {
        case "vcf": targets.vcf(input)
        case "cache": targets.panelCopy(input)
        default: targets.panelTable(input, table: seedTables[seedIndex])
        }
      counts.inputs += 1
      switch outcome {
      case .accepted: counts.accepted += 1
      case .cleanError: counts.clean += 1
      case .unexpected(let what):
        counts.unexpected += 1
        let kept = "\(work)/unexpected-\(counts.unexpected)"
        _ = FileManager.default.createFile(atPath: kept, contents: input)
        FileHandle.standardError.write(Data("sarcopanel-fuzz: unexpected outcome (\(what)); input kept in \(kept)\n".utf8))
      }
    }
    try? FileManager.default.removeItem(atPath: "\(work)/current")
    print("\(kind): \(counts.inputs) inputs, \(counts.accepted) accepted, \(counts.clean) clean errors, \(counts.unexpected) unexpected")
    exit(counts.unexpected > 0 ? 1 : 0)
  }

  /// Files given, and every file inside folders given (with its path inside the folder).
  static func seedFiles(_ paths: [String]) throws -> [(path: String, relative: String)] {
    var files: [(String, String)] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        for name in try FileManager.default.subpathsOfDirectory(atPath: path).sorted() {
          var inner: ObjCBool = false
          if FileManager.default.fileExists(atPath: "\(path)/\(name)", isDirectory: &inner), !inner.boolValue {
            files.append(("\(path)/\(name)", name))
          }
        }
      } else {
        files.append((path, URL(fileURLWithPath: path).lastPathComponent))
      }
    }
    return files
  }
}
#endif
