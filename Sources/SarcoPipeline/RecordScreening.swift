import SarcoCore

/// What a run sets aside while it reads, so nothing is lost without a word:
/// records that fail `RecordValidator` (skipped and counted, or refused with
/// `--strict`) and variants repeating an earlier record's CHROM, POS, REF and
/// ALT (dropped and counted), in the same file or in another of the sample's files
/// merged with it. Both are counted in QC and listed in the notes.
struct RecordScreening {
  /// The files read, in the order records' `source` indexes name them.
  let paths: [String]
  let strict: Bool
  private(set) var invalid = ExampleList()
  private(set) var duplicates = ExampleList()
  /// gVCF records: reference blocks (no ALT but `<NON_REF>`/`<*>`, `*` and `.`), and records with
  /// the stand-in beside a called ALT.
  private(set) var referenceBlocks = 0
  private(set) var unobservedAlleles = 0
  /// Keys of the variants seen so far (a symbolic allele's with its end: two `<DEL>`s at one POS may differ).
  /// Strings, not a struct of the key's parts: most keys are small strings (16 bytes, no heap), and
  /// a struct (72 bytes) held 45 MB more at 400,000 variants in one gene.
  private var seen: Set<String> = []

  init(paths: [String], strict: Bool) {
    self.paths = paths
    self.strict = strict
  }

  /// Counts an invalid record, or refuses it under `--strict`.
  mutating func reject(_ record: VCFRecord, source: Int = 0, reason: String) throws {
    if strict { throw SarcoError.input("\(paths[source]): \(record.place): invalid record: \(reason) (--strict)") }
    invalid.add("\(place(record, source)): \(reason)")
  }

  /// The variants not seen before, in order; the others are counted.
  mutating func firstSightings<Item>(_ items: [Item], of record: VCFRecord, source: Int = 0, variant: (Item) -> Variant) -> [Item] {
    var repeated: [Int] = []
    for index in items.indices {
      let variant = variant(items[index])
      let structural = variant.kind == .symbolic || variant.kind == .breakend
      let key = structural ? "\(variant.key):\(variant.end)" : variant.key
      if seen.insert(key).inserted { continue }
      duplicates.add("\(place(record, source)) \(variant.key)")
      repeated.append(index)
    }
    // Usually none repeats: the same array comes back, its items not copied one by one.
    guard !repeated.isEmpty else { return items }
    var firsts: [Item] = []
    firsts.reserveCapacity(items.count - repeated.count)
    var nextRepeat = 0
    for index in items.indices {
      if nextRepeat < repeated.count && repeated[nextRepeat] == index {
        nextRepeat += 1
      } else {
        firsts.append(items[index])
      }
    }
    return firsts
  }

  /// `line 12 (17:7674220)`; with several files, after the file's name.
  func place(_ record: VCFRecord, _ source: Int) -> String {
    paths.count > 1 ? "\(RunPipeline.baseName(paths[source])) \(record.place)" : record.place
  }

  /// Counts a gVCF record's stand-in for unobserved alleles (not reported: `VariantDecomposer`).
  mutating func countUnobservedAlleles(_ record: VCFRecord) {
    guard record.alternates.contains(where: VariantDecomposer.isUnobservedAllele) else { return }
    if !record.alternates.contains(where: VariantDecomposer.isCalledAllele) {
      referenceBlocks += 1
    } else {
      unobservedAlleles += 1
    }
  }

  /// QC counts: nil when there is nothing to count, so reports of clean inputs are unchanged.
  func count(into qc: inout QualityCounts) {
    qc.invalidRecords = invalid.total > 0 ? invalid.total : nil
    qc.duplicateVariants = duplicates.total > 0 ? duplicates.total : nil
  }

  /// One note per kind, with the first few and how many more.
  var notes: [String] {
    var notes: [String] = []
    if invalid.total > 0 {
      notes.append("\(invalid.total) invalid record(s) in panel regions skipped, not annotated (--strict refuses them): \(invalid.listed)")
    }
    if duplicates.total > 0 {
      notes.append(
        "\(duplicates.total) variant(s) dropped as duplicates of an earlier record (same CHROM, POS, REF and ALT): \(duplicates.listed)")
    }
    if referenceBlocks + unobservedAlleles > 0 {
      notes.append(
        "gVCF input: \(referenceBlocks) reference block(s) and the <NON_REF>/<*> allele of \(unobservedAlleles) variant record(s) in panel regions are placeholders for alleles not observed (VCF 4.3 section 5.5), not variants, and are not reported")
    }
    return notes
  }
}

/// How many of something there were, and the first few to show: long lists stay one readable line.
struct ExampleList {
  static let shown = 5
  private(set) var total = 0
  private(set) var examples: [String] = []

  mutating func add(_ example: String) {
    total += 1
    if examples.count < Self.shown { examples.append(example) }
  }

  /// `a; b; c; and 12 more`.
  var listed: String { examples.joined(separator: "; ") + (total > examples.count ? "; and \(total - examples.count) more" : "") }
}
