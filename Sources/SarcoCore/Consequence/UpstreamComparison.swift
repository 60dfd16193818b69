import Foundation

/// Compares a computed consequence with the upstream annotation of the same
/// allele: the main term (ignoring splice_region_variant, a modifier), the
/// `c.` and the `p.` (accessions and parentheses ignored).
public enum UpstreamComparison {
  public static func disagreement(computed: AlleleConsequence, upstream: AlleleConsequence) -> String? {
    var differences: [String] = []
    let ours = mainTerm(computed.terms)
    let theirs = mainTerm(upstream.terms)
    if ours != theirs { differences.append("consequence \(theirs ?? "-") (computed \(ours ?? "-"))") }
    if let theirC = upstream.hgvsc.map(bare), let ourC = computed.hgvsc.map(bare), theirC != ourC {
      differences.append("\(theirC) (computed \(ourC))")
    }
    if let theirP = upstream.hgvsp.map(bare), let ourP = computed.hgvsp.map(bare), theirP != ourP {
      differences.append("\(theirP) (computed \(ourP))")
    }
    guard !differences.isEmpty else { return nil }
    let transcript = upstream.transcript.map { " on \($0)" } ?? ""
    return "\(upstream.source)\(transcript): " + differences.joined(separator: "; ")
  }

  static func mainTerm(_ terms: [String]) -> String? {
    terms.first { $0 != "splice_region_variant" } ?? terms.first
  }

  /// `NM_000546.6:c.637C>T` to `c.637C>T`; `p.(Arg213Ter)` to `p.Arg213Ter`.
  public static func bare(_ hgvs: String) -> String {
    var text = Substring(hgvs)
    if let colon = text.lastIndex(of: ":") { text = text[text.index(after: colon)...] }
    // VEP writes `=` URL-encoded.
    return String(text.filter { $0 != "(" && $0 != ")" }).replacingOccurrences(of: "%3D", with: "=")
  }
}
