import CHTSlib
import CHTSlibShims
import Foundation
import SarcoTestSupport
import Testing

@testable import HTS

@Suite struct TextLineReaderTests {
  static let toolsPresent = (try? shell("command -v bgzip && command -v gzip").status) == 0

  /// Lines as htslib's own `hts_getline` returns them after the header.
  func getlineLines(_ path: String) throws -> [[UInt8]] {
    let file = try HTSFile(path: path, threads: 1)
    var line = kstring_t()
    defer { sp_ks_free(&line) }
    var lines: [[UInt8]] = []
    while hts_getline(file.file, 2, &line) >= 0 {
      lines.append(line.l == 0 ? [] : Array(UnsafeBufferPointer(start: UnsafeRawPointer(line.s!).assumingMemoryBound(to: UInt8.self), count: line.l)))
    }
    return lines
  }

  /// Plain text line by line; compressed text in runs of whole lines, split here at `\n`
  /// with a trailing `\r` dropped (what the streamed read's C scan does).
  func readerLines(_ path: String, threads: Int) throws -> [[UInt8]] {
    let file = try HTSFile(path: path, threads: threads)
    let reader = TextLineReader(file: file)
    var lines: [[UInt8]] = []
    guard reader.isBlockwise else {
      while reader.next() >= 0 { lines.append(Array(reader.line)) }
      return lines
    }
    while true {
      let (status, chunk, last) = reader.nextLines()
      guard status == 1 else { break }
      var pieces = chunk.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
      if !last { pieces.removeLast() }  // after the final `\n`
      #expect(last == (chunk.last != 0x0A), "\(path): a run ends with a newline unless it is the last line")
      lines += pieces.map { $0.last == 0x0D ? Array($0.dropLast()) : $0 }
    }
    return lines
  }

  /// Plain, gzip and BGZF input with CRLF and LF lines, empty lines, a line of
  /// 300 kB (across several 64 kB BGZF blocks) and a last line without a newline
  /// give htslib's getline lines, at one and three threads (compressed input as runs of
  /// whole lines, `nextLines()`).
  @Test(.enabled(if: toolsPresent, "needs bgzip and gzip (apt-get install tabix gzip)"))
  func linesEqualHtslibGetline() throws {
    let directory = TestData.temporaryDirectory("lines")
    var text = "##fileformat=VCFv4.2\n##contig=<ID=1,length=1000000>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
    for index in 0..<20_000 {
      let ending = index % 7 == 0 ? "\r\n" : "\n"
      text += index % 1000 == 5 ? ending : "1\t\(index + 1)\t.\tA\tC\t.\tPASS\tDP=\(index % 97)\(ending)"
    }
    text += "1\t20001\t.\tA\tG\t.\tPASS\tNOTE=\(String(repeating: "x", count: 300_000))\n\r\n"
    text += "1\t20002\t.\tA\tT\t.\tPASS\t."
    let plain = "\(directory)/lines.vcf"
    try text.write(toFile: plain, atomically: true, encoding: .utf8)
    #expect(try shell("cd '\(directory)' && bgzip -c lines.vcf > lines.vcf.gz && gzip -c lines.vcf > lines.gzip.vcf.gz").status == 0)
    let expected = try getlineLines(plain)
    #expect(expected.count == 20_003)
    for path in [plain, "\(directory)/lines.vcf.gz", "\(directory)/lines.gzip.vcf.gz"] {
      #expect(try getlineLines(path) == expected, "\(path)")
      for threads in [1, 3] {
        #expect(try readerLines(path, threads: threads) == expected, "\(path) threads=\(threads)")
      }
    }
  }
}
