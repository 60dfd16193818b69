import ArgumentParser

/// `--phenopacket`, `--db` and `--pseudonymise`, shared by `run` and `batch`.
struct SharingOptions: ParsableArguments {
  @Flag(name: .long, help: "Also write OUT/<sample>.phenopacket.json per sample (GA4GH Phenopacket v2; docs/INTEROPERABILITY.md).")
  var phenopacket = false

  @Option(name: .long, help: ArgumentHelp("Cohort store (SQLite, created if needed) to import each successful report into; see `sarcopanel db`.", valueName: "file"))
  var db: String?

  @Option(name: .long, help: ArgumentHelp("Key file: phenopackets and the cohort store carry HMAC-SHA256 pseudonyms instead of sample ids (the reports keep the ids).", valueName: "keyfile"))
  var pseudonymise: String?

  func validate() throws {
    if pseudonymise != nil && !phenopacket && db == nil {
      throw ValidationError("--pseudonymise applies to phenopackets and the cohort store; add --phenopacket or --db")
    }
  }
}
