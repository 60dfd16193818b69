/// Consequences and HGVS computed from the panel's transcript models and the
/// reference sequence: what VEP or bcftools csq would say for the panel
/// transcript, without their caches. Indels are shifted 3' in transcript
/// orientation before naming and before their consequence is judged (HGVS).
public struct ConsequencePredictor: Sendable {
  public let library: TranscriptLibrary
  let severity: [String: (rank: Int, impact: String)]
  /// VEP's reach for upstream/downstream terms.
  static let flankReach = 5_000
  public static let sourceName = "computed from reference"

  public init(library: TranscriptLibrary) {
    self.library = library
    severity = Self.severityTable(library.view.panel.knowledge.rules.severity)
  }

  /// SO term to (rank, impact) from the panel's consequence-severity rules (VEP's order).
  public static func severityTable(_ rows: [RuleTables.SeverityRank]) -> [String: (rank: Int, impact: String)] {
    var table: [String: (rank: Int, impact: String)] = [:]
    for row in rows { table[row.consequence] = (row.rank, row.impact) }
    return table
  }

  /// The consequence on the gene's panel transcript; nil for structural alleles
  /// or when the transcript cannot be modelled (then the caller falls back).
  public func predict(variant: Variant, gene: Gene) -> AlleleConsequence? {
    guard variant.kind != .symbolic, variant.kind != .breakend, let model = library.model(for: gene) else { return nil }
    let edit = NucleotideEdit(position: variant.position, reference: variant.reference, alternate: variant.alternate)
    guard !edit.deleted.isEmpty || !edit.inserted.isEmpty else { return nil }
    return predict(edit: edit, model: model)
  }

  /// The protein change of an allele given by position and bases on the gene's panel transcript.
  public func proteinChange(gene symbol: String, position: Int, reference: String, alternate: String) -> ProteinChange? {
    guard let gene = library.view.gene(symbol), let model = library.model(for: gene) else { return nil }
    let edit = NucleotideEdit(position: position, reference: reference, alternate: alternate)
    guard let found = model.bases(edit.start, edit.end), found == edit.deleted else { return nil }
    return predict(edit: edit, model: model)?.protein
  }

  /// Whether an insertion or deletion is a change of a tandem repeat (its unit can slide by its own length:
  /// `GAG` deleted from `GAGGAG`, a duplication), read from the reference; nil for substitutions or when the
  /// transcript cannot be modelled.
  public func isInRepeat(variant: Variant, gene: Gene) -> Bool? {
    guard let model = library.model(for: gene) else { return nil }
    let edit = NucleotideEdit(position: variant.position, reference: variant.reference, alternate: variant.alternate)
    guard edit.isInsertion || edit.isDeletion else { return nil }
    guard let span = edit.ambiguousSpan(on: model) else { return false }
    return edit.isInsertion ? span.count >= edit.inserted.count : span.count >= 2 * edit.deleted.count
  }

  public func predict(edit: NucleotideEdit, model: TranscriptModel) -> AlleleConsequence? {
    Self.consequence(of: edit, on: model, severity: severity)
  }

  /// The consequence of `unshifted` on `model`, terms ordered by `severity`.
  public static func consequence(
    of unshifted: NucleotideEdit, on model: TranscriptModel, severity: [String: (rank: Int, impact: String)]
  ) -> AlleleConsequence? {
    let edit = unshifted.shifted3Prime(on: model)
    let touched = edit.touched
    let locations = touched.map(model.locate)
    var terms: [String] = []
    var effect: ProteinEffect?
    let exonic = locations.filter { if case .exon = $0 { return true } else { return false } }
    let intronic = locations.contains { if case .intron = $0 { return true } else { return false } }
    let upstream = locations.compactMap { if case .upstream(let d) = $0 { return d } else { return nil } }.min()
    let downstream = locations.compactMap { if case .downstream(let d) = $0 { return d } else { return nil } }.min()

    if exonic.isEmpty && !intronic {
      // Wholly outside the transcript.
      if let upstream, upstream <= flankReach { terms.append("upstream_gene_variant") }
      if let downstream, downstream <= flankReach { terms.append("downstream_gene_variant") }
      guard !terms.isEmpty else { return nil }
    } else if exonic.count == locations.count || (edit.isInsertion && !exonic.isEmpty) {
      // An insertion at an exon's edge lands in the spliced transcript (the splice site's own bases stay put).
      let (lo, hi) = transcriptRange(edit, model: model)
      let inserted = model.strand == .plus ? edit.inserted : DNA.reverseComplement(edit.inserted)
      let predicted = ProteinEffect.predict(model: model, lo: lo, hi: hi, inserted: inserted)
      effect = predicted
      terms.append(contentsOf: predicted.terms)
    } else if !locations.allSatisfy({ if case .intron = $0 { return true } else { return false } }) {
      // Across an exon boundary or the transcript's ends: the product cannot be predicted.
      terms.append(contentsOf: partialTerms(edit, locations: locations, model: model))
    }
    // Splice sites are judged over every placement an indel in a repeat could take.
    let siteSpan = unshifted.ambiguousSpan(on: model)
    if let splice = SpliceSites.terms(
      start: siteSpan?.lowerBound ?? touched.lowerBound, end: siteSpan?.upperBound ?? touched.upperBound,
      exons: model.exons, strand: model.strand, insertion: edit.isInsertion && siteSpan == nil)
    {
      terms.append(contentsOf: splice.terms)
    }
    if intronic && exonic.isEmpty && !terms.contains("splice_donor_variant") && !terms.contains("splice_acceptor_variant") {
      terms.append("intron_variant")
    }
    let ordered = Array(Set(terms)).sorted { (severity[$0]?.rank ?? Int.max, $0) < (severity[$1]?.rank ?? Int.max, $1) }
    let (exon, intron) = numbers(edit, model: model)
    let hgvsp = effect?.hgvsp
    return AlleleConsequence(
      gene: model.gene, transcript: model.accession, terms: ordered, impact: ordered.first.flatMap { severity[$0]?.impact },
      hgvsc: edit.hgvs(on: model), hgvsp: hgvsp, protein: hgvsp.flatMap(ProteinChange.parse), exon: exon, intron: intron,
      exonCount: model.exons.count, source: sourceName, panelTranscript: true, codon: effect?.codon)
  }

  /// Transcript positions removed (`hi == lo - 1` for an insertion before `lo`).
  static func transcriptRange(_ edit: NucleotideEdit, model: TranscriptModel) -> (lo: Int, hi: Int) {
    if edit.isInsertion {
      let before = model.strand == .plus ? edit.start - 1 : edit.start
      let after = model.strand == .plus ? edit.start : edit.start - 1
      let lo = model.n(before).map { $0 + 1 } ?? model.n(after) ?? 1
      return (lo, lo - 1)
    }
    let a = model.n(edit.start) ?? 0
    let b = model.n(edit.end) ?? 0
    return (min(a, b), max(a, b))
  }

  /// Terms for a change that straddles an exon edge or the transcript's ends.
  static func partialTerms(_ edit: NucleotideEdit, locations: [TranscriptModel.Location], model: TranscriptModel) -> [String] {
    var terms: Set<String> = []
    for location in locations {
      switch location {
      case .exon(_, let n):
        guard let first = model.cdsFirst, let last = model.cdsLast else {
          terms.insert("non_coding_transcript_exon_variant")
          continue
        }
        if n < first { terms.insert("5_prime_UTR_variant") }
        else if n > last { terms.insert("3_prime_UTR_variant") }
        else {
          terms.insert(n - first < 3 ? "start_lost" : "coding_sequence_variant")
          if last - n < 3 { terms.insert("stop_lost") }
        }
      case .intron: terms.insert("intron_variant")
      case .upstream: terms.insert("upstream_gene_variant")
      case .downstream: terms.insert("downstream_gene_variant")
      }
    }
    return Array(terms)
  }

  /// Exon or intron number where the change starts (transcript order).
  static func numbers(_ edit: NucleotideEdit, model: TranscriptModel) -> (exon: Int?, intron: Int?) {
    let first = model.strand == .plus ? edit.touched.lowerBound : edit.touched.upperBound
    let probe = edit.isInsertion ? (model.strand == .plus ? edit.start : edit.start - 1) : first
    switch model.locate(probe) {
    case .exon(let index, _): return (model.exons[index].number, nil)
    case .intron(let index): return (nil, model.exons[index].number)
    default: return (nil, nil)
    }
  }
}
