import Foundation

/// The panel's transcript models with their reference sequence, built on first
/// use (one FASTA read per gene) and shared by every thread of a run.
public final class TranscriptLibrary: @unchecked Sendable {
  public let view: PanelView
  public let reference: ReferenceSequence
  private var models: [String: TranscriptModel?] = [:]
  private var failures: [String: String] = [:]
  private let lock = NSLock()

  public init(view: PanelView, reference: ReferenceSequence) {
    self.view = view
    self.reference = reference
  }

  /// The gene's panel transcript on this build, nil when the panel or the FASTA lacks it.
  public func model(for gene: Gene) -> TranscriptModel? {
    lock.lock()
    defer { lock.unlock() }
    if let cached = models[gene.symbol] { return cached }
    var built: TranscriptModel?
    if let locus = gene.locus(on: view.build) {
      do {
        built = try TranscriptModel(gene: gene, locus: locus, exons: view.exons(of: gene.symbol), reference: reference)
      } catch {
        failures[gene.symbol] = "\(error)"
      }
    }
    models[gene.symbol] = .some(built)
    return built
  }

  /// Genes whose model could not be built, with the reason (for the report's notes).
  public var problems: [String: String] {
    lock.lock()
    defer { lock.unlock() }
    return failures
  }

  /// Whether the variant's REF matches the reference, read from the first gene hit's loaded window.
  public func check(_ variant: Variant, hits: [GeneHit]) -> ReferenceAgreement {
    guard variant.kind != .symbolic, variant.kind != .breakend, !variant.reference.isEmpty,
      let hit = hits.first, let gene = view.gene(hit.gene), let model = model(for: gene),
      let found = model.bases(variant.position, variant.position + variant.reference.utf8.count - 1)
    else { return .unchecked }
    if found.contains(UInt8(ascii: "N")) { return .unchecked }
    let given = Array(variant.reference.uppercased().utf8)
    return given == found ? .matches : .differs(reference: String(decoding: found, as: UTF8.self))
  }
}

/// A variant's REF against the reference FASTA.
public enum ReferenceAgreement: Sendable, Equatable {
  case matches
  /// The FASTA has these bases where the VCF says REF.
  case differs(reference: String)
  /// Not in a loaded panel transcript window, or the FASTA has `N` there.
  case unchecked

  public var isMismatch: Bool {
    if case .differs = self { return true }
    return false
  }
}
