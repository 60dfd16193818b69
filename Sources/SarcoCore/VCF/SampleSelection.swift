/// Picks the tumour (or only) sample and the matched normal from a VCF's columns.
///
/// Order: explicit `--sample`/`--normal`; a single-sample VCF's only column;
/// Mutect2's `##tumor_sample`/`##normal_sample` header lines; Strelka2's
/// `TUMOR`/`NORMAL` column names; Manta's `##cmdline` (`MantaSamples`).
/// Anything else asks the user to choose.
public struct SampleSelection: Sendable, Equatable {
  /// Column indexes to convert: tumour first, then normal when present.
  public let indexes: [Int]
  public let roles: VariantDecomposer.SampleRoles

  public static func resolve(header: VCFHeader, fileName: String, sample: String?, normal: String?) throws
    -> SampleSelection
  {
    let names = header.samples
    func index(of name: String, option: String) throws -> Int {
      guard let found = names.firstIndex(of: name) else {
        let list = names.isEmpty ? "none (sites-only VCF)" : ShortList.text(names)
        throw SarcoError.input("\(fileName): \(option) '\(name)' is not a sample in this VCF; its samples are: \(list)")
      }
      return found
    }
    var tumorIndex: Int?
    var normalIndex: Int?
    if let sample { tumorIndex = try index(of: sample, option: "--sample") }
    if let normal { normalIndex = try index(of: normal, option: "--normal") }
    if tumorIndex == nil {
      let remaining = names.indices.filter { $0 != normalIndex }
      if remaining.count == 1 {
        tumorIndex = remaining[0]
      } else if remaining.count > 1 {
        let declaredTumor = header.values(forKey: "tumor_sample").first
        let declaredNormal = header.values(forKey: "normal_sample").first
        if let declaredTumor, let found = names.firstIndex(of: declaredTumor) {
          tumorIndex = found
          if normalIndex == nil, let declaredNormal { normalIndex = names.firstIndex(of: declaredNormal) }
        } else if let found = names.firstIndex(of: "TUMOR") {
          tumorIndex = found
          if normalIndex == nil { normalIndex = names.firstIndex(of: "NORMAL") }
        } else if let manta = MantaSamples(header: header), normalIndex == nil || manta.normal == nil || normalIndex == manta.normal {
          tumorIndex = manta.tumor
          normalIndex = normalIndex ?? manta.normal
        } else {
          throw SarcoError.usage(
            "\(fileName) has \(names.count) samples (\(ShortList.text(names))); choose the tumour with --sample NAME and the normal with --normal NAME")
        }
      }
    }
    if let tumorIndex, tumorIndex == normalIndex {
      throw SarcoError.usage("--sample and --normal name the same column '\(names[tumorIndex])'")
    }
    let tumorName = tumorIndex.map { names[$0] }
    let normalName = normalIndex.map { names[$0] }
    let controlInTumorColumn = normalName == nil && (header.format["DPC"] != nil || header.format["ADC"] != nil)
    return SampleSelection(
      indexes: [tumorIndex, normalIndex].compactMap { $0 },
      roles: VariantDecomposer.SampleRoles(
        tumor: tumorName, normal: normalName, normalFromControlFields: controlInTumorColumn))
  }
}
