/// What a panel knows beyond coordinates: fusions, copy-number events,
/// evidence items, known germline variants, tumour types and rule tables.
/// Each row keeps the source it came from.
public struct PanelKnowledge: Sendable, Equatable, Codable {
  public var fusions: [Fusion] = []
  public var copyNumberEvents: [CopyNumberEvent] = []
  public var evidence: [EvidenceItem] = []
  public var knownVariants = KnownVariantTable()
  /// Alleles with a known protein change (cancerhotspots codon changes, CIViC coordinates).
  public var knownAlleles: [KnownAllele] = []
  public var tumourTypes = TumourTypeTable()
  /// ESCAT levels of alterations by tumour type (`escat.tsv`).
  public var escat: [EscatEntry] = []
  /// Critical parts of functional domains (oncogenicity OM1).
  public var functionalDomains: [FunctionalDomain] = []
  /// Kinase domains of fusion kinases (orientation and domain-retention checks).
  public var kinaseDomains: [KinaseDomain] = []
  public var rules = RuleTables()

  public init() {}

  /// Evidence, fusions and events that name `gene`, for `panel show`.
  public func items(forGene gene: String) -> (evidence: [EvidenceItem], fusions: [Fusion], copyNumber: [CopyNumberEvent]) {
    (
      evidence.filter { $0.gene == gene },
      fusions.filter { $0.geneA == gene || $0.geneB == gene },
      copyNumberEvents.filter { $0.gene == gene }
    )
  }
}

/// How tied a structural alteration is to the entities it is listed for.
public enum DiagnosticSpecificity: String, Sendable, Codable, CaseIterable {
  /// Pathognomonic: in a tumour diagnosed otherwise it contradicts the diagnosis.
  case defining
  /// Typical of the entities but also seen elsewhere: never a contradiction.
  case characteristic
}

/// A gene fusion with diagnostic meaning; `geneB` is `*` for any partner.
public struct Fusion: Sendable, Equatable, Codable {
  public let name: String
  public let geneA: String
  public let geneB: String
  public let diagnosis: String
  public let tumourTypes: [String]
  public let significance: String
  public let specificity: DiagnosticSpecificity
  public let source: String

  public init(
    name: String, geneA: String, geneB: String, diagnosis: String, tumourTypes: [String], significance: String,
    specificity: DiagnosticSpecificity = .characteristic, source: String
  ) {
    self.name = name
    self.geneA = geneA
    self.geneB = geneB
    self.diagnosis = diagnosis
    self.tumourTypes = tumourTypes
    self.significance = significance
    self.specificity = specificity
    self.source = source
  }
}

/// A copy-number event with its meaning and threshold.
public struct CopyNumberEvent: Sendable, Equatable, Codable {
  public enum Event: String, Sendable, Codable, CaseIterable {
    /// Copy number at or above `copyNumber`.
    case amplification
    /// Copy number 0.
    case homozygousDeletion = "homozygous_deletion"
    /// Copy number at or below `copyNumber`.
    case deletion
    /// Copy number at or above `copyNumber` but below the gene's amplification cut-off: not an amplification,
    /// reported so that the marker is confirmed (MDM2 by FISH).
    case gain
  }

  public let gene: String
  public let event: Event
  public let copyNumber: Int
  public let meaning: String
  public let tumourTypes: [String]
  public let significance: String
  public let specificity: DiagnosticSpecificity
  public let source: String

  public init(
    gene: String, event: Event, copyNumber: Int, meaning: String, tumourTypes: [String], significance: String,
    specificity: DiagnosticSpecificity = .characteristic, source: String
  ) {
    self.gene = gene
    self.event = event
    self.copyNumber = copyNumber
    self.meaning = meaning
    self.tumourTypes = tumourTypes
    self.significance = significance
    self.specificity = specificity
    self.source = source
  }
}

/// Which alterations an evidence item applies to.
public enum EvidenceMatcher: Sendable, Equatable, Codable, CustomStringConvertible {
  /// A protein change such as `V600E`.
  case exact(String)
  /// Any change at a residue such as `R132`.
  case codon(String)
  /// Exons `first...last`, optionally only one kind of change (`deletion`, `insertion`, ...).
  case exon(first: Int, last: Int, kind: String?)
  /// A class of change: `any`, `loss_of_function`, `truncating`, `missense`, `activating`.
  case variantClass(String)
  /// `GENE::GENE` or `GENE::*`.
  case fusion(String)
  case amplification
  case deletion
  /// Both copies lost: homozygous deletion, or a one-copy deletion plus a truncating mutation.
  case biallelicLoss
  /// Tumour mutational burden at or above this many mutations per megabase.
  case tumourMutationalBurden(Double)
  case microsatelliteInstability

  public static let variantClasses = ["any", "loss_of_function", "truncating", "missense", "activating"]

  public var description: String {
    switch self {
    case .exact(let change): return change
    case .codon(let residue): return "\(residue) (any change)"
    case .exon(let first, let last, let kind):
      return "exon \(first == last ? "\(first)" : "\(first)-\(last)") \(kind ?? "mutation")"
    case .variantClass(let name): return String(name.map { $0 == "_" ? " " : $0 })
    case .fusion(let name): return name.hasSuffix("::*") ? "\(name.dropLast(3)) fusion (any partner)" : "\(name) fusion"
    case .amplification: return "amplification"
    case .deletion: return "deletion"
    case .biallelicLoss: return "loss of both copies"
    case .tumourMutationalBurden(let minimum): return "TMB >= \(Int(minimum)) mut/Mb"
    case .microsatelliteInstability: return "MSI-high"
    }
  }
}

/// One actionability, diagnostic or prognostic statement with its citation.
public struct EvidenceItem: Sendable, Equatable, Codable {
  public let id: String
  /// Panel gene, or `*` for genome-wide markers (TMB, MSI).
  public let gene: String
  public let matcher: EvidenceMatcher
  /// OncoTree codes; `*` for tumour-agnostic; empty when the disease has no mapped code.
  public let tumourTypes: [String]
  public let disease: String
  public let doid: String
  public let therapies: [String]
  /// predictive, diagnostic, prognostic, predisposing, oncogenic.
  public let evidenceType: String
  public let direction: String
  /// sensitivity/response, resistance, positive, better_outcome, ...
  public let significance: String
  /// AMP/ASCO/CAP evidence level A-D.
  public let level: EvidenceLevel
  /// Protein changes the row never applies to (`D842V` for "PDGFRA exon 18 except D842V").
  public let exclusions: [String]
  /// The level as the source gave it (`CIViC B`, `curated`).
  public let sourceLevel: String
  public let origin: String
  public let citation: String
  public let source: String

  public init(id: String, gene: String, matcher: EvidenceMatcher, tumourTypes: [String], disease: String, doid: String, therapies: [String], evidenceType: String, direction: String, significance: String, level: EvidenceLevel, exclusions: [String] = [], sourceLevel: String, origin: String, citation: String, source: String) {
    self.id = id
    self.gene = gene
    self.matcher = matcher
    self.tumourTypes = tumourTypes
    self.disease = disease
    self.doid = doid
    self.therapies = therapies
    self.evidenceType = evidenceType
    self.direction = direction
    self.significance = significance
    self.level = level
    self.exclusions = exclusions
    self.sourceLevel = sourceLevel
    self.origin = origin
    self.citation = citation
    self.source = source
  }
}

/// A ClinVar classification keyed by normalised (chrom, pos, ref, alt).
/// Not coded: the panel cache holds these rows by column (`KnownVariantTable`).
public struct KnownVariant: Sendable, Equatable {
  public let gene: String
  public let build: GenomeBuild
  public let interval: GenomicInterval
  public let reference: String
  public let alternate: String
  public let clinvarID: String
  public let significance: String
  public let reviewStatus: String
  public let stars: Int
  public let release: String
  public let consequence: String

  public var key: String { VariantKey.make(interval.contig, interval.start, reference, alternate) }

  public init(gene: String, build: GenomeBuild, interval: GenomicInterval, reference: String, alternate: String, clinvarID: String, significance: String, reviewStatus: String, stars: Int, release: String, consequence: String) {
    self.gene = gene
    self.build = build
    self.interval = interval
    self.reference = reference
    self.alternate = alternate
    self.clinvarID = clinvarID
    self.significance = significance
    self.reviewStatus = reviewStatus
    self.stars = stars
    self.release = release
    self.consequence = consequence
  }
}

/// Clinical rules kept as cited data.
public struct RuleTables: Sendable, Equatable, Codable {
  public struct ACMGCriterion: Sendable, Equatable, Codable {
    public let code: ACMGCode
    /// `pathogenic` or `benign`.
    public let direction: String
    /// The strength the criterion has unless a rule modifies it.
    public let strength: ACMGStrength
    public let description: String
    public let source: String

    public init(code: ACMGCode, direction: String, strength: ACMGStrength, description: String, source: String) {
      self.code = code
      self.direction = direction
      self.strength = strength
      self.description = description
      self.source = source
    }
  }

  /// ACMG/AMP classes share the point-band shape of the oncogenicity classes.
  public typealias ACMGClass = ClassBand

  public struct AMPTierRule: Sendable, Equatable, Codable {
    public let tier: Tier
    /// Nil for Tier III and IV (no evidence level).
    public let evidenceLevel: EvidenceLevel?
    /// `same`, `other` or `any`.
    public let tumourTypeMatch: String
    public let description: String
    public let source: String

    public init(tier: Tier, evidenceLevel: EvidenceLevel?, tumourTypeMatch: String, description: String, source: String) {
      self.tier = tier
      self.evidenceLevel = evidenceLevel
      self.tumourTypeMatch = tumourTypeMatch
      self.description = description
      self.source = source
    }
  }

  public struct SeverityRank: Sendable, Equatable, Codable {
    public let rank: Int
    public let consequence: String
    public let accession: String
    public let impact: String

    public init(rank: Int, consequence: String, accession: String, impact: String) {
      self.rank = rank
      self.consequence = consequence
      self.accession = accession
      self.impact = impact
    }
  }

  public struct FrequencyThreshold: Sendable, Equatable, Codable {
    public let gene: String
    public let criterion: String
    public let strength: ACMGStrength
    /// The population measure the threshold is written for (`gnomAD_NC_FAF_GRPMAX`).
    public let property: String
    public let thresholds: [Double]
    public let comparators: [String]
    public let source: String

    public init(
      gene: String, criterion: String, strength: ACMGStrength, property: String, thresholds: [Double], comparators: [String],
      source: String
    ) {
      self.gene = gene
      self.criterion = criterion
      self.strength = strength
      self.property = property
      self.thresholds = thresholds
      self.comparators = comparators
      self.source = source
    }

    /// Written for a filtering allele frequency (FAF): a raw allele frequency cannot stand in for it.
    public var needsFilteringFrequency: Bool { property.uppercased().contains("FAF") }

    /// Whether `value` meets every comparison of the row.
    public func holds(for value: Double) -> Bool {
      zip(thresholds, comparators).allSatisfy { threshold, comparator in
        switch comparator {
        case "gt": return value > threshold
        case "gte": return value >= threshold
        case "lt": return value < threshold
        case "lte": return value <= threshold
        default: return false
        }
      }
    }

    /// `> 0.001`, `> 0.00002 and <= 0.0001`.
    public var condition: String {
      let symbols = ["gt": ">", "gte": ">=", "lt": "<", "lte": "<="]
      return zip(comparators, thresholds).map { "\(symbols[$0] ?? $0) \(NamedValues.format($1))" }.joined(separator: " and ")
    }
  }

  public var acmgCriteria: [ACMGCriterion] = []
  public var acmgClasses: [ACMGClass] = []
  public var ampTiers: [AMPTierRule] = []
  public var severity: [SeverityRank] = []
  public var frequencyThresholds: [FrequencyThreshold] = []
  public var somatic = SomaticRules()
  public var germline = GermlineRules()

  public init() {}
}

extension EvidenceMatcher {
  /// Reads the `matcher_type` and `matcher` columns of `evidence.tsv`; nil when they do not fit.
  public static func parse(type: String, value: String) -> EvidenceMatcher? {
    func isResidue(_ text: Substring) -> Bool {
      guard let first = text.first, first.isUppercase, first.isLetter, text.count > 1 else { return false }
      return text.dropFirst().allSatisfy(\.isNumber)
    }
    switch type {
    case "exact":
      guard let last = value.last, last.isUppercase || last == "*", isResidue(value.dropLast()) else { return nil }
      return .exact(value)
    case "codon":
      return isResidue(Substring(value)) ? .codon(value) : nil
    case "exon":
      let parts = value.split(separator: ":", maxSplits: 1)
      guard let range = parts.first else { return nil }
      let bounds = range.split(separator: "-").compactMap { Int($0) }
      guard (1...2).contains(bounds.count), bounds.count == range.split(separator: "-").count, bounds[0] >= 1,
        bounds.last! >= bounds[0]
      else { return nil }
      return .exon(first: bounds[0], last: bounds.last!, kind: parts.count == 2 ? String(parts[1]) : nil)
    case "variant_class":
      return variantClasses.contains(value) ? .variantClass(value) : nil
    case "fusion":
      let genes = value.split(separator: ":", omittingEmptySubsequences: true)
      return value.contains("::") && genes.count == 2 ? .fusion(value) : nil
    case "amplification": return .amplification
    case "deletion": return .deletion
    case "biallelic_loss": return .biallelicLoss
    case "tmb":
      guard value.hasPrefix(">="), let minimum = Double(value.dropFirst(2)) else { return nil }
      return .tumourMutationalBurden(minimum)
    case "msi": return value == "MSI-H" ? .microsatelliteInstability : nil
    default: return nil
    }
  }
}
