/// The two human assemblies sarcopanel supports.
public enum GenomeBuild: String, CaseIterable, Sendable, Codable, Comparable {
  case grch37 = "GRCh37"
  case grch38 = "GRCh38"

  /// Exactly a case's name, compared directly: the synthesized form goes through
  /// `_findStringSwitchCase` (~150-300 instructions a call), and a panel's start reads the build of
  /// every exon, hotspot and known allele (~9,000 cells).
  public init?(rawValue: String) {
    if rawValue == "GRCh38" {
      self = .grch38
    } else if rawValue == "GRCh37" {
      self = .grch37
    } else {
      return nil
    }
  }

  /// Parses user and panel spellings: GRCh38, hg38, b38, 38; GRCh37, hg19, b37, 37.
  public init?(userSpelling: String) {
    switch userSpelling.lowercased() {
    case "grch38", "hg38", "b38", "38": self = .grch38
    case "grch37", "hg19", "b37", "37", "hs37d5": self = .grch37
    default: return nil
    }
  }

  public static func < (lhs: GenomeBuild, rhs: GenomeBuild) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Primary-assembly sequence lengths (GRC assembly reports; the mitochondrion
  /// is the rCRS, 16569 bp, on both builds; UCSC hg19's chrM is 16571 bp).
  public var contigLengths: [String: Int] {
    switch self {
    case .grch38:
      return [
        "1": 248_956_422, "2": 242_193_529, "3": 198_295_559, "4": 190_214_555,
        "5": 181_538_259, "6": 170_805_979, "7": 159_345_973, "8": 145_138_636,
        "9": 138_394_717, "10": 133_797_422, "11": 135_086_622, "12": 133_275_309,
        "13": 114_364_328, "14": 107_043_718, "15": 101_991_189, "16": 90_338_345,
        "17": 83_257_441, "18": 80_373_285, "19": 58_617_616, "20": 64_444_167,
        "21": 46_709_983, "22": 50_818_468, "X": 156_040_895, "Y": 57_227_415,
      ]
    case .grch37:
      return [
        "1": 249_250_621, "2": 243_199_373, "3": 198_022_430, "4": 191_154_276,
        "5": 180_915_260, "6": 171_115_067, "7": 159_138_663, "8": 146_364_022,
        "9": 141_213_431, "10": 135_534_747, "11": 135_006_516, "12": 133_851_895,
        "13": 115_169_878, "14": 107_349_540, "15": 102_531_392, "16": 90_354_753,
        "17": 81_195_210, "18": 78_077_248, "19": 59_128_983, "20": 63_025_520,
        "21": 48_129_895, "22": 51_304_566, "X": 155_270_560, "Y": 59_373_566,
      ]
    }
  }
}
