/// Picks one consequence per (variant, panel gene): the panel transcript's
/// upstream entry, else the gene's most severe upstream entry, else one
/// computed from the reference FASTA (`predictor`), else one derived from the
/// panel's exon coordinates. With `recompute`, the computed one wins over
/// upstream entries and any disagreement with them is recorded. The protein
/// change is then completed from the panel's knowledge where the choice lacks one
/// (`ProteinEffectResolver`), and every consequence says how its protein change is known.
public struct ConsequenceSelector: Sendable {
  let view: PanelView
  /// SO term to (rank, impact); lower rank is more severe.
  let severity: [String: (rank: Int, impact: String)]
  let predictor: ConsequencePredictor?
  let recompute: Bool
  let resolver: ProteinEffectResolver

  public init(
    view: PanelView, predictor: ConsequencePredictor? = nil, recompute: Bool = false, index: SomaticKnowledgeIndex? = nil
  ) {
    self.view = view
    self.predictor = predictor
    self.recompute = recompute && predictor != nil
    severity = ConsequencePredictor.severityTable(view.panel.knowledge.rules.severity)
    resolver = ProteinEffectResolver(view: view, index: index ?? view.somaticIndex)
  }

  /// One consequence per panel gene the variant touches (safe to call from many threads).
  /// `useReference: false` skips the computed consequence (a REF that disagrees with the FASTA).
  public func consequences(for variant: Variant, hits: [GeneHit], useReference: Bool = true) -> [AlleleConsequence] {
    hits.compactMap { select(for: variant, hit: $0, useReference: useReference) }
  }

  public func select(for variant: Variant, hit: GeneHit, useReference: Bool = true) -> AlleleConsequence? {
    choose(for: variant, hit: hit, useReference: useReference).map { resolver.resolve($0, variant: variant) }
  }

  func choose(for variant: Variant, hit: GeneHit, useReference: Bool) -> AlleleConsequence? {
    guard let gene = view.gene(hit.gene) else { return nil }
    // bcftools marks consequences written at another record of the haplotype with `@POS`: not this allele's.
    let entries = variant.upstream.filter {
      ($0.gene == nil || $0.gene == gene.symbol || gene.aliases.contains($0.gene ?? "")) && !$0.consequence.hasPrefix("@")
    }
    let picked = entries.isEmpty ? nil : pick(entries, gene: gene, hit: hit)
    let upstream = picked.map { consequence(from: $0, gene: gene, hit: hit, variant: variant) }
    // Another transcript's annotation numbers residues its own way (BRAF V640E on ENST00000644969 is V600E on the
    // MANE transcript): it is not used to name the change; the panel transcript's own reading is.
    let offPanel = picked.map { !isPanelTranscript($0, gene: gene, hit: hit) } ?? false
    if let upstream, !recompute, !offPanel { return upstream }
    if useReference, let predictor, var computed = predictor.predict(variant: variant, gene: gene) {
      if let upstream { computed.upstreamDisagreement = UpstreamComparison.disagreement(computed: computed, upstream: upstream) }
      return computed
    }
    guard offPanel, let upstream, let picked else {
      return upstream ?? PanelConsequence(view: view, severity: severity).derive(variant: variant, hit: hit, gene: gene)
    }
    guard var derived = PanelConsequence(view: view, severity: severity).derive(variant: variant, hit: hit, gene: gene) else {
      return upstream
    }
    let theirs = [upstream.protein.map { "p.\($0.short)" }, upstream.hgvsc].compactMap { $0 }.joined(separator: ", ")
    derived.upstreamDisagreement =
      "the upstream annotation is on \(picked.transcript ?? "another transcript") (\(Self.terms(of: picked).joined(separator: "&"))\(theirs.isEmpty ? "" : ", \(theirs)")), not the panel transcript \(gene.refseqTranscript)/\(gene.ensemblTranscript): its numbering is not used"
    return derived
  }

  func unversioned(_ accession: String?) -> String? { accession?.split(separator: ".").first.map(String.init) }

  func isPanelTranscript(_ entry: UpstreamConsequence, gene: Gene, hit: GeneHit) -> Bool {
    let wanted = Set([hit.transcript, gene.refseqTranscript, gene.ensemblTranscript].compactMap(unversioned))
    return [entry.transcript, entry.maneSelect].compactMap(unversioned).contains(where: wanted.contains)
  }

  func rank(_ entry: UpstreamConsequence) -> Int {
    Self.terms(of: entry).map { severity[$0]?.rank ?? Int.max }.min() ?? Int.max
  }

  func pick(_ entries: [UpstreamConsequence], gene: Gene, hit: GeneHit) -> UpstreamConsequence? {
    if let panel = entries.first(where: { isPanelTranscript($0, gene: gene, hit: hit) }) { return panel }
    // Most severe; ties keep file order so the choice is stable.
    return entries.enumerated().min { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }?.element
  }

  /// bcftools csq's own consequence names, as Sequence Ontology terms.
  static let bcsqTerms: [String: String] = [
    "missense": "missense_variant", "synonymous": "synonymous_variant", "stop_gained": "stop_gained",
    "frameshift": "frameshift_variant", "inframe_deletion": "inframe_deletion", "inframe_insertion": "inframe_insertion",
    "inframe_altering": "protein_altering_variant", "splice_donor": "splice_donor_variant",
    "splice_acceptor": "splice_acceptor_variant", "splice_region": "splice_region_variant", "start_lost": "start_lost",
    "stop_lost": "stop_lost", "stop_retained": "stop_retained_variant", "start_retained": "start_retained_variant",
    "5_prime_utr": "5_prime_UTR_variant", "3_prime_utr": "3_prime_UTR_variant", "intron": "intron_variant",
    "non_coding": "non_coding_transcript_variant", "coding_sequence": "coding_sequence_variant",
  ]

  /// SO terms of an entry; bcftools csq names are translated (a leading `*`, "after a stop in this haplotype", dropped).
  static func terms(of entry: UpstreamConsequence) -> [String] {
    entry.consequence.split(separator: "&").map { term in
      guard entry.source == "BCSQ" else { return String(term) }
      let bare = term.hasPrefix("*") ? String(term.dropFirst()) : String(term)
      return bcsqTerms[bare] ?? bare
    }
  }

  func consequence(from entry: UpstreamConsequence, gene: Gene, hit: GeneHit, variant: Variant) -> AlleleConsequence {
    let terms = Self.terms(of: entry)
      .sorted { (severity[$0]?.rank ?? Int.max) < (severity[$1]?.rank ?? Int.max) }
    let exon = Self.numberAndTotal(entry.exon)
    let intron = Self.numberAndTotal(entry.intron)
    let onPanel = isPanelTranscript(entry, gene: gene, hit: hit)
    var protein = entry.hgvsp.flatMap { entry.source == "BCSQ" ? Self.parseBCSQ($0) : ProteinChange.parse($0) }
    var hgvsc = entry.hgvsc
    var hgvsp = entry.hgvsp
    if entry.source == "BCSQ" {
      // bcftools writes `842D>842V` and a genomic `54285926A>T`: written out as HGVS on the panel transcript, or left
      // out when the entry is another transcript's (its residue numbers may differ).
      let change = onPanel ? entry.hgvsp.flatMap { Self.bcsqProteinChange($0, terms: terms) } : nil
      protein = change?.protein
      hgvsp = change?.hgvs
      hgvsc = onPanel ? PanelConsequence(view: view, severity: severity).derive(variant: variant, hit: hit, gene: gene)?.hgvsc : nil
    }
    return AlleleConsequence(
      gene: gene.symbol, transcript: entry.transcript, terms: terms, impact: terms.first.flatMap { severity[$0]?.impact },
      hgvsc: hgvsc, hgvsp: hgvsp, protein: protein,
      // Without EXON/INTRON fields the panel's own numbering of the hit fills in (an intronic hit's
      // number is an intron's, never an exon's).
      exon: exon?.number ?? (hit.region != .intron ? hit.number : nil),
      intron: intron?.number ?? (exon == nil && hit.region == .intron ? hit.number : nil), exonCount: exon?.total ?? hit.total.map { hit.region == .intron ? $0 + 1 : $0 },
      source: Self.sourceName(entry.source), panelTranscript: onPanel,
      codon: PanelConsequence.codon(of: variant, gene: gene.symbol, view: view))
  }

  static func sourceName(_ tag: String) -> String {
    switch tag {
    case "CSQ": return "VEP CSQ"
    case "ANN": return "snpEff ANN"
    case "BCSQ": return "bcftools BCSQ"
    default: return tag
    }
  }

  /// `11/21` to (11, 21); `11-12/21` keeps the first.
  static func numberAndTotal(_ text: String?) -> (number: Int, total: Int?)? {
    guard let text else { return nil }
    let parts = text.split(separator: "/")
    guard let first = parts.first?.split(separator: "-").first, let number = Int(first) else { return nil }
    return (number, parts.count > 1 ? Int(parts[1]) : nil)
  }

  /// A BCSQ `amino_acid_change` as a protein change and its HGVS `p.`: a frameshift's from the residues
  /// bcftools lists up to each stop, the others through `parseBCSQ`; nil for a lost stop or start codon,
  /// whose bcftools form does not say the HGVS one.
  static func bcsqProteinChange(_ text: String, terms: [String]) -> (protein: ProteinChange, hgvs: String)? {
    if terms.contains("stop_lost") || terms.contains("start_lost") { return nil }
    if terms.contains("frameshift_variant") {
      guard let hgvs = bcsqFrameshift(text), let protein = ProteinChange.parse(hgvs) else { return nil }
      return (protein, hgvs)
    }
    return parseBCSQ(text).map { ($0, $0.hgvs) }
  }

  /// bcftools csq writes a frameshift as the residues from the first codon touched to the old stop and
  /// to the new one (`171EVV...D*>171RL*`); HGVS names the first residue that differs and where the new
  /// frame stops, counting that residue as 1 (`p.(Glu171ArgfsTer3)`), or `p.(Glu171Ter)` when it is a stop.
  static func bcsqFrameshift(_ text: String) -> String? {
    let sides = text.split(separator: ">")
    guard sides.count == 2 else { return nil }
    let digits = sides[0].prefix(while: \.isNumber)
    guard let start = Int(digits), sides[1].hasPrefix(digits) else { return nil }
    let reference = Array(sides[0].dropFirst(digits.count))
    let alternate = Array(sides[1].dropFirst(digits.count))
    guard let offset = reference.indices.first(where: { $0 < alternate.count && reference[$0] != alternate[$0] }),
      reference[offset] != "*"
    else { return nil }
    func three(_ residue: Character) -> String? { ProteinChange.oneToThree[String(residue)] }
    guard let was = three(reference[offset]), let now = three(alternate[offset]) else { return nil }
    if alternate[offset] == "*" { return "p.(\(was)\(start + offset)Ter)" }
    let stop = alternate[offset...].firstIndex(of: "*").map { "\($0 - offset + 1)" } ?? "?"
    return "p.(\(was)\(start + offset)\(now)fsTer\(stop))"
  }

  /// bcftools csq `amino_acid_change`: `842D>842V`, `213R>213*`, `557WK>557W`.
  static func parseBCSQ(_ text: String) -> ProteinChange? {
    let sides = text.split(separator: ">")
    guard sides.count == 2 else { return nil }
    func split(_ side: Substring) -> (Int, String)? {
      let digits = side.prefix(while: \.isNumber)
      guard let number = Int(digits) else { return nil }
      return (number, String(side.dropFirst(digits.count)))
    }
    guard let (position, reference) = split(sides[0]), let (_, alternate) = split(sides[1]), let first = reference.first
    else { return nil }
    if reference.count == 1 && alternate.count == 1 {
      let effect: ProteinChange.Effect = alternate == "*" ? .nonsense : (alternate == reference ? .synonymous : .missense)
      return ProteinChange(
        short: "\(reference)\(position)\(alternate)", position: position, referenceResidue: reference,
        alternateResidue: alternate, effect: effect)
    }
    let effect: ProteinChange.Effect = alternate.count < reference.count ? .deletion : .insertion
    return ProteinChange(
      short: "\(first)\(position)\(effect == .deletion ? "del" : "ins")", position: position,
      referenceResidue: String(first), alternateResidue: nil, effect: effect)
  }
}
