import Foundation

/// Validates JSON reports against docs/report.schema.json with Python's
/// `jsonschema` (Debian python3-jsonschema, installed with snakemake).
public enum ReportSchema {
  /// Validation messages per file (empty: valid), or nil when no validator is installed.
  public static func problems(_ paths: [String]) throws -> [String]? {
    let python = "/usr/bin/python3"
    guard FileManager.default.isExecutableFile(atPath: python),
      try shell("\(python) -c 'import jsonschema'").status == 0
    else { return nil }
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema)
      for path in sys.argv[2:]:
          for error in validator.iter_errors(json.load(open(path))):
              print(f"{path}: {'/'.join(map(str, error.path))}: {error.message[:200]}")
      """
    let scriptPath = TestData.temporaryDirectory("schema") + "/validate.py"
    try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
    let quoted = ([TestData.path("docs/report.schema.json")] + paths).map { "'\($0)'" }.joined(separator: " ")
    let result = try shell("\(python) '\(scriptPath)' \(quoted)")
    let lines = result.output.split(separator: "\n").map(String.init)
    return result.status == 0 ? lines : ["validator failed: \(result.output)"]
  }
}
