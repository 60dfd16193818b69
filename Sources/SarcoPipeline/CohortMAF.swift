import Foundation
import SarcoCore
import SarcoIO
import SarcoReports

/// `OUT/cohort.maf` of a batch run with `--maf`: the rows of every sample's MAF that did
/// not fail, in sheet order under one header, as cBioPortal and maftools read a cohort.
/// Streamed file by file, written to a temporary and renamed.
enum CohortMAF {
  static func write(sampleIDs: [String], directory: String) throws -> String {
    let path = RunPipeline.outputPath(directory, "cohort", "maf")
    let files = AtomicFileSet()
    let sink = try files.create(path)
    try sink.write(MAFReport.header)
    let newline = [UInt8(ascii: "\n")]
    for id in sampleIDs {
      let samplePath = RunPipeline.outputPath(directory, RunPipeline.safeFileName(id), "maf")
      guard FileManager.default.fileExists(atPath: samplePath) else {
        throw SarcoError.output("\(samplePath): missing, so \(path) cannot list sample \(id)")
      }
      var columnsSeen = false
      try FileLines.forEach(path: samplePath) { line in
        if line.first == UInt8(ascii: "#") { return }
        if !columnsSeen {
          columnsSeen = true
          guard line.elementsEqual(MAFReport.columns.joined(separator: "\t").utf8) else {
            throw SarcoError.output("\(samplePath): its columns are not this version's MAF columns; rerun the batch with --force")
          }
          return
        }
        try sink.write(Array(line) + newline)
      }
    }
    try files.commit()
    return path
  }
}
