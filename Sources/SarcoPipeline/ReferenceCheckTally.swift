import SarcoCore

/// Counts how a run's REF alleles compared with the reference FASTA, in input
/// order, and decides whether the FASTA (or the build) is simply the wrong one.
struct ReferenceCheckTally {
  var checked = 0
  /// `contig:pos REF (FASTA has X)` for each mismatch, in input order.
  var mismatches: [String] = []

  /// Refuse the run when at least this many were checked and over half differ.
  static let minimumForVerdict = 20

  mutating func add(_ variant: Variant, _ agreement: ReferenceAgreement) {
    switch agreement {
    case .matches: checked += 1
    case .differs(let found):
      checked += 1
      mismatches.append("\(variant.contig):\(variant.position) \(variant.reference) (FASTA has \(found))")
    case .unchecked: break
    }
  }

  func verdict(vcf: String, fasta: String) throws {
    guard checked >= Self.minimumForVerdict, mismatches.count * 2 > checked else { return }
    throw SarcoError.input(
      "\(vcf): \(mismatches.count) of \(checked) REF alleles differ from \(fasta) (first: \(mismatches.prefix(3).joined(separator: "; "))); the VCF and the FASTA are not the same build or assembly")
  }

  func notes(fasta: String) -> [String] {
    guard !mismatches.isEmpty else { return [] }
    let shown = mismatches.prefix(5).joined(separator: "; ")
    let more = mismatches.count > 5 ? " and \(mismatches.count - 5) more" : ""
    return [
      "\(mismatches.count) of \(checked) REF alleles differ from \(fasta): \(shown)\(more). Their consequences come from the panel's exons, not the reference; check the VCF's build and normalisation."
    ]
  }
}
