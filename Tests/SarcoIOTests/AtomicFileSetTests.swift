import Foundation
import SarcoCore
import SarcoIO
import SarcoTestSupport
import Testing

@Suite struct AtomicFileSetTests {
  func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

  func listing(_ directory: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory).sorted() }

  @Test func filesAppearTogetherAndNoTemporaryRemains() throws {
    let directory = TestData.temporaryDirectory("atomic")
    let set = AtomicFileSet()
    try set.write(Data("a".utf8), to: "\(directory)/a.json")
    let sink = try set.create("\(directory)/b.tsv")
    try sink.write("b")
    let scratch = try set.scratch(beside: "\(directory)/a.json", "work")
    try scratch.write("scratch")
    #expect(try listing(directory).allSatisfy { $0.hasPrefix(".") })
    try set.commit()
    #expect(try listing(directory) == ["a.json", "b.tsv"])
    #expect(contents("\(directory)/a.json") == "a" && contents("\(directory)/b.tsv") == "b")
  }

  /// When the HTML could not be written, the JSON and TSV had already been replaced: a mixed old/new set.
  @Test func aFailedRenameRestoresTheFilesAlreadyReplaced() throws {
    let directory = TestData.temporaryDirectory("atomic")
    try AtomicFile.writeAll([(Data("old json".utf8), "\(directory)/S.json"), (Data("old tsv".utf8), "\(directory)/S.tsv")])
    try FileManager.default.createDirectory(atPath: "\(directory)/S.html", withIntermediateDirectories: false)
    #expect {
      try AtomicFile.writeAll([
        (Data("new json".utf8), "\(directory)/S.json"), (Data("new tsv".utf8), "\(directory)/S.tsv"),
        (Data("<html>".utf8), "\(directory)/S.html"), (Data("new findings".utf8), "\(directory)/S.findings.tsv"),
      ])
    } throws: { ($0 as? SarcoError)?.message == "\(directory)/S.html: cannot replace it: it is a directory" }
    #expect(contents("\(directory)/S.json") == "old json" && contents("\(directory)/S.tsv") == "old tsv")
    #expect(try listing(directory) == ["S.html", "S.json", "S.tsv"])
  }

  /// Symbolic links in the way (one dangling, one to a file) are set aside and put back when the set
  /// fails, and a link to a directory is refused as a directory is.
  @Test func symbolicLinksAreRestoredWhenTheSetFails() throws {
    let directory = TestData.temporaryDirectory("atomic")
    try FileManager.default.createSymbolicLink(atPath: "\(directory)/S.json", withDestinationPath: "\(directory)/nowhere")
    try AtomicFile.writeAll([(Data("old tsv".utf8), "\(directory)/real.tsv")])
    try FileManager.default.createSymbolicLink(atPath: "\(directory)/S.tsv", withDestinationPath: "\(directory)/real.tsv")
    try FileManager.default.createDirectory(atPath: "\(directory)/folder", withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(atPath: "\(directory)/S.html", withDestinationPath: "\(directory)/folder")
    #expect {
      try AtomicFile.writeAll([
        (Data("new json".utf8), "\(directory)/S.json"), (Data("new tsv".utf8), "\(directory)/S.tsv"),
        (Data("<html>".utf8), "\(directory)/S.html"),
      ])
    } throws: { ($0 as? SarcoError)?.message == "\(directory)/S.html: cannot replace it: it is a directory" }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/S.json") == "\(directory)/nowhere")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/S.tsv") == "\(directory)/real.tsv")
    #expect(contents("\(directory)/real.tsv") == "old tsv")
    #expect(try listing(directory) == ["S.html", "S.json", "S.tsv", "folder", "real.tsv"])
  }

  /// A full disk read "is DIR writable?".
  @Test func fullDiskSaysTheDiskIsFull() throws {
    let sink = try FileSink(writingTo: "/dev/full")
    #expect {
      try sink.write(Data(count: 2 << 20))
    } throws: { ($0 as? SarcoError)?.message == "/dev/full: cannot write: no space left on device (the disk is full)" }
  }

  /// SIGKILL left `.NAME.json.tmp-PID` files that no rerun removed.
  @Test func temporaryFilesOfProcessesThatAreGoneAreRemovedByTheNextSet() throws {
    let directory = TestData.temporaryDirectory("stale")
    let gone = try shell("sh -c 'echo $$'").output.trimmingCharacters(in: .whitespacesAndNewlines)
    let names = [
      ".S.json.tmp-\(gone)-3", ".S.json.tmp-\(gone)", ".S.html.tmp-\(gone)-4.old", ".S.pdf.tmp-\(gone)-5.pdf", ".S.json.tmp-1-1",
      "keep.tmp-\(gone)-1", ".other",
    ]
    for name in names { #expect(FileManager.default.createFile(atPath: "\(directory)/\(name)", contents: Data("x".utf8))) }
    let set = AtomicFileSet()
    try set.write(Data("new".utf8), to: "\(directory)/S.json")
    try set.commit()
    // pid 1 is running: its file may be in use.
    #expect(try listing(directory) == [".S.json.tmp-1-1", ".other", "S.json", "keep.tmp-\(gone)-1"])
  }

  /// A batch writes eight files per sample into one folder: the folder is looked through once per
  /// process, not before every file (that was quadratic in the samples). A file left later by
  /// another process that ended is the next run's to remove.
  @Test func aFolderIsSweptForStaleFilesOncePerProcess() throws {
    let directory = TestData.temporaryDirectory("swept-once")
    let gone = try shell("sh -c 'echo $$'").output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(FileManager.default.createFile(atPath: "\(directory)/.A.json.tmp-\(gone)-1", contents: Data("x".utf8)))
    let first = AtomicFileSet()
    try first.write(Data("a".utf8), to: "\(directory)/A.json")
    try first.commit()
    #expect(try listing(directory) == ["A.json"])
    #expect(FileManager.default.createFile(atPath: "\(directory)/.B.json.tmp-\(gone)-2", contents: Data("x".utf8)))
    let second = AtomicFileSet()
    try second.write(Data("b".utf8), to: "\(directory)/B.json")
    try second.commit()
    #expect(try listing(directory) == [".B.json.tmp-\(gone)-2", "A.json", "B.json"])
  }
}
