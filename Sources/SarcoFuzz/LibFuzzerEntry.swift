#if LIBFUZZER
import Foundation

/// libFuzzer's entry points (built with `-sanitize=fuzzer -D LIBFUZZER` by `scripts/fuzz --libfuzzer`).
/// `SARCOPANEL_FUZZ_TARGET` is `vcf` or `panel`; `SARCOPANEL_FUZZ_PANEL` a small complete panel;
/// `SARCOPANEL_FUZZ_WORK` a scratch folder.
/// An unexpected outcome traps, so libFuzzer keeps the input as a crash.
nonisolated(unsafe) private var fuzzTargets: FuzzTargets?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let environment = ProcessInfo.processInfo.environment
  if fuzzTargets == nil {
    let work = environment["SARCOPANEL_FUZZ_WORK"] ?? NSTemporaryDirectory() + "sarcopanel-libfuzzer-\(getpid())"
    fuzzTargets = try! FuzzTargets(workDirectory: work, panelDirectory: environment["SARCOPANEL_FUZZ_PANEL"] ?? "panels/sarcoma")
  }
  let bytes = start.map { Data(bytes: $0, count: count) } ?? Data()
  let outcome = environment["SARCOPANEL_FUZZ_TARGET"] == "panel" ? fuzzTargets!.panelTable(bytes) : fuzzTargets!.vcf(bytes)
  if case .unexpected(let what) = outcome { fatalError("unexpected outcome: \(what)") }
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry as `<Module>_main`; here it hands over to libFuzzer's driver.
@_cdecl("SarcoFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
#endif
