import CHTSlibShims
import SarcoCore
import SarcoTestSupport
import Testing

@testable import HTS

/// `sp_scan_lines` judges most lines before finding their end (a WGS line was searched twice:
/// for its columns, then for its newline). Its verdicts, line places, counts and stopping offsets
/// must be those of finding each line's end first and asking `sp_line_verdict`, on any text.
struct LineScanTests {
  static let regions = RegionFilter([
    GenomicInterval(contig: "1", start: 100, end: 200), GenomicInterval(contig: "1", start: 1_000, end: 1_000),
    GenomicInterval(contig: "1", start: 5_000, end: 6_000), GenomicInterval(contig: "X", start: 50, end: 60),
    GenomicInterval(contig: "1", start: 123_456_000, end: 123_457_000),
  ])

  /// What a scan reports, call by call, then where it stopped.
  enum Event: Equatable {
    case line(verdict: Int32, start: Int, length: Int, lines: Int64, nonempty: Int64, reason: Int32)
    case stopped(offset: Int, lines: Int64, nonempty: Int64)
  }

  /// The scan as `BatchPipeline.streamBlocks` drives it.
  static func scanned(_ data: [UInt8], final: Bool, checksEnd: Bool) -> [Event] {
    let prefilter = LinePrefilter(regions: regions, checksEnd: checksEnd)
    var events: [Event] = []
    data.withUnsafeBufferPointer { buffer in
      var offset = 0
      while true {
        let verdict = sp_scan_lines(&prefilter.scan, buffer.baseAddress!, buffer.count, &offset, final ? 1 : 0)
        let scan = prefilter.scan
        if verdict == Int32(SP_VERDICT_MORE) {
          events.append(.stopped(offset: offset, lines: scan.lines, nonempty: scan.nonempty))
          return
        }
        events.append(
          .line(verdict: verdict, start: scan.line_start, length: scan.line_length, lines: scan.lines, nonempty: scan.nonempty,
            reason: verdict == Int32(SP_VERDICT_MALFORMED) ? scan.reason : 0))
        if verdict == Int32(SP_VERDICT_CONTIG) {
          prefilter.setContig(UnsafeBufferPointer(start: buffer.baseAddress! + scan.line_start, count: scan.line_length))
        }
      }
    }
    return events
  }

  /// Each line's end found first, then `sp_line_verdict` on it (the scan before this change).
  static func expected(_ data: [UInt8], final: Bool, checksEnd: Bool) -> [Event] {
    let prefilter = LinePrefilter(regions: regions, checksEnd: checksEnd)
    var events: [Event] = []
    var lines: Int64 = 0
    var nonempty: Int64 = 0
    var start = 0
    data.withUnsafeBufferPointer { buffer in
      while start < data.count {
        let newline = data[start...].firstIndex(of: UInt8(ascii: "\n"))
        if newline == nil && !final { break }
        let end = newline ?? data.count
        let next = newline.map { $0 + 1 } ?? data.count
        var length = end - start
        if length > 0 && data[end - 1] == UInt8(ascii: "\r") { length -= 1 }
        if length == 0 {
          lines += 1
          start = next
          continue
        }
        let verdict = sp_line_verdict(&prefilter.scan, buffer.baseAddress! + start, length)
        if verdict == Int32(SP_VERDICT_CONTIG) {
          let name = prefilter.scan.line_length
          events.append(.line(verdict: verdict, start: start, length: name, lines: lines, nonempty: nonempty, reason: 0))
          prefilter.setContig(UnsafeBufferPointer(start: buffer.baseAddress! + start, count: name))
          continue
        }
        lines += 1
        nonempty += 1
        let lineStart = start
        start = next
        if verdict == Int32(SP_VERDICT_SKIP) { continue }
        events.append(
          .line(verdict: verdict, start: lineStart, length: length, lines: lines, nonempty: nonempty,
            reason: verdict == Int32(SP_VERDICT_MALFORMED) ? prefilter.scan.reason : 0))
      }
    }
    events.append(.stopped(offset: start, lines: lines, nonempty: nonempty))
    return events
  }

  /// Lines a VCF could hold, and lines it should not: other contigs, positions in and around the
  /// ranges, POS that is not a number, too few columns, CR line ends, empty lines, END= in INFO.
  static func randomText(_ random: inout SplitMix) -> [UInt8] {
    let contigs = ["1", "1", "1", "X", "2", "chr1", "", "1\r"]
    let positions = ["99", "100", "150", "200", "201", "999", "1000", "1001", "4990", "7000", "55", "12a", "", "0",
      "12345678901234567890", "1234567890123456789", "123456789012345678", "1e3", "-5", "150\r", "150\r\n",
      "123456789", "123456500", "123457000", "123457001", "12345678", "0123456500", "00000000150", "99999999", "1234567a9"]
    let references = ["A", "", "ACGTACGTACGT", "N", "A\rC"]
    var text = ""
    for _ in 0..<random.next(below: 40) {
      var columns = [
        contigs[random.next(below: contigs.count)], positions[random.next(below: positions.count)],
        random.next(below: 4) == 0 ? "rs\r1" : ".", references[random.next(below: references.count)], "T", ".", "PASS",
        ["DP=5", "END=5500", "SVTYPE=DEL;END=150", "DP=1;SVLEN=-900", "."][random.next(below: 5)], "GT", "0/1",
      ]
      columns.removeLast(random.next(below: 4) == 0 ? random.next(below: columns.count + 1) : 0)
      switch random.next(below: 12) {
      case 0: text += "\n"
      case 1: text += columns.joined(separator: "\t") + "\r\n"
      case 2: text += columns.joined(separator: " ") + "\n"
      default: text += columns.joined(separator: "\t") + "\n"
      }
    }
    return Array(text.utf8)
  }

  @Test func judgingBeforeTheEndGivesTheSameVerdictsAsFindingTheEndFirst() {
    var random = SplitMix(seed: 18)
    for round in 0..<3_000 {
      let whole = Self.randomText(&random)
      // A chunk may end anywhere: inside a line (more to come, or the file's last line without a newline).
      let cut = whole.isEmpty ? 0 : random.next(below: whole.count + 1)
      for data in [whole, Array(whole[..<cut])] {
        for (final, checksEnd) in [(false, false), (true, false), (false, true), (true, true)] {
          let got = Self.scanned(data, final: final, checksEnd: checksEnd)
          let want = Self.expected(data, final: final, checksEnd: checksEnd)
          #expect(got == want, "round \(round), final \(final), checksEnd \(checksEnd): \(String(decoding: data, as: UTF8.self).debugDescription)")
          if got != want { return }
        }
      }
    }
  }

  /// POS is read eight digits at a time: a range of one position, at numbers of 1 to 18 digits, passes
  /// the line at that position (also with leading zeros) and neither neighbour.
  @Test func everyLengthOfPositionIsReadAsItsNumber() {
    var random = SplitMix(seed: 9)
    for round in 0..<3_000 {
      let digits = 1 + round % 18
      var position = 1 + random.next(below: 9)
      for _ in 1..<digits { position = position * 10 + random.next(below: 10) }
      position = max(position, 2)
      let filter = LinePrefilter(regions: RegionFilter([GenomicInterval(contig: "1", start: position, end: position)]))
      let cases = [("\(position - 1)", false), ("\(position)", true), ("\(position + 1)", false), ("00\(position)", digits <= 16)]
      let text = Array(cases.map { "1\t\($0.0)\t.\tA\tT\t.\tPASS\t.\n" }.joined().utf8)
      var passed: [Bool] = []
      text.withUnsafeBufferPointer { buffer in
        var offset = 0
        var consumed: Int64 = 0
        while true {
          let verdict = sp_scan_lines(&filter.scan, buffer.baseAddress!, buffer.count, &offset, 1)
          if verdict == Int32(SP_VERDICT_CONTIG) {
            filter.setContig(UnsafeBufferPointer(start: buffer.baseAddress! + filter.scan.line_start, count: filter.scan.line_length))
            continue
          }
          while consumed < filter.scan.lines - (verdict == Int32(SP_VERDICT_PARSE) ? 1 : 0) {
            passed.append(false)
            consumed += 1
          }
          if verdict != Int32(SP_VERDICT_PARSE) { break }
          passed.append(true)
          consumed += 1
        }
      }
      #expect(passed == cases.map(\.1), "POS \(position)")
      if passed != cases.map(\.1) { return }
    }
  }

  /// A line outside the ranges leaves its gap for the next lines to reuse: every verdict of one
  /// prefilter over many lines (in and out of order, across contigs, with REFs reaching into a
  /// range from the gap before it) must be that of a fresh prefilter, which has no gap yet.
  @Test func aLineAfterOthersGetsTheVerdictOfAFreshPrefilter() {
    var random = SplitMix(seed: 2026)
    let contigs = ["1", "1", "1", "X", "2"]
    let positions = [1, 50, 60, 61, 99, 100, 150, 200, 201, 500, 990, 999, 1_000, 1_001, 4_990, 4_999, 5_000, 6_000, 6_001, 9_000]
    let references = ["A", "AC", "ACGTACGTACG", String(repeating: "A", count: 60)]
    let warmed = LinePrefilter(regions: Self.regions, checksEnd: false)
    var ascending = 0
    for round in 0..<20_000 {
      // Mostly ascending runs (as a sorted VCF gives), sometimes a jump back or to another contig.
      ascending = random.next(below: 8) == 0 ? 0 : min(ascending + random.next(below: 3), positions.count - 1)
      let contig = random.next(below: 10) == 0 ? contigs[random.next(below: contigs.count)] : "1"
      let position = random.next(below: 5) == 0 ? positions[random.next(below: positions.count)] : positions[ascending]
      let line = Array("\(contig)\t\(position)\t.\t\(references[random.next(below: references.count)])\tT\t.\tPASS\t.".utf8)
      let fresh = LinePrefilter(regions: Self.regions, checksEnd: false)
      let (got, want) = line.withUnsafeBufferPointer { (warmed.verdict($0), fresh.verdict($0)) }
      #expect(got == want, "round \(round): \(String(decoding: line, as: UTF8.self))")
      if got != want { return }
    }
  }
}
