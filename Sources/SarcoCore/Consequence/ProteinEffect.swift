/// What an exonic change does to the transcript's product: Sequence Ontology
/// terms and the HGVS `p.` (predicted, so in parentheses: `p.(Arg213Ter)`,
/// `p.(Leu54=)`, `p.(Met1?)`, `p.(Arg213GlyfsTer5)`, `p.(Lys558_Val559del)`,
/// `p.(Gln4dup)`, `p.(Ter394GlnextTer12)`).
public struct ProteinEffect: Sendable, Equatable {
  public var terms: [String]
  public var hgvsp: String?
  /// First codon touched (1-based), for coding changes.
  public var codon: Int?

  public init(terms: [String], hgvsp: String? = nil, codon: Int? = nil) {
    self.terms = terms
    self.hgvsp = hgvsp
    self.codon = codon
  }

  static let stop = UInt8(ascii: "*")
  static let methionine = UInt8(ascii: "M")

  /// `lo...hi` are the 1-based transcript positions removed (`hi == lo - 1` for an
  /// insertion before `lo`) and `inserted` the bases added, 5' to 3' of the transcript.
  public static func predict(model: TranscriptModel, lo: Int, hi: Int, inserted: [UInt8]) -> ProteinEffect {
    guard let cdsFirst = model.cdsFirst, let cdsLast = model.cdsLast else {
      return ProteinEffect(terms: ["non_coding_transcript_exon_variant"])
    }
    // Positions outside the spliced sequence cannot be translated (callers pass exonic ones).
    guard lo >= 1, hi >= lo - 1, hi <= model.cdna.count, cdsFirst >= 1, cdsFirst <= cdsLast else {
      return ProteinEffect(terms: ["coding_sequence_variant"])
    }
    let isInsertion = hi < lo
    // Entirely outside the coding sequence: an insertion counts by the positions either side.
    if hi < cdsFirst || (isInsertion && lo <= cdsFirst) { return ProteinEffect(terms: ["5_prime_UTR_variant"]) }
    if lo > cdsLast || (isInsertion && lo - 1 >= cdsLast) { return ProteinEffect(terms: ["3_prime_UTR_variant"]) }
    if lo < cdsFirst { return ProteinEffect(terms: ["start_lost", "5_prime_UTR_variant"], hgvsp: "p.(Met1?)", codon: 1) }

    let change = inserted.count - (hi - lo + 1)
    // Ambiguous bases (N) in the new allele: the length still tells frameshift from in-frame; the product is unknown.
    if inserted.contains(UInt8(ascii: "N")) {
      let term =
        change % 3 != 0 ? "frameshift_variant" : change > 0 ? "inframe_insertion" : change < 0 ? "inframe_deletion" : "coding_sequence_variant"
      return ProteinEffect(terms: [term], codon: (lo - cdsFirst) / 3 + 1)
    }
    let reference = model.protein
    let c1 = lo - cdsFirst + 1
    let c2 = hi - cdsFirst + 1
    let firstCodon = (c1 - 1) / 3
    let lastCodon = isInsertion ? ((c1 - 1) % 3 == 0 ? firstCodon - 1 : firstCodon) : (c2 - 1) / 3
    // Only the changed part is translated: from the first codon touched, to the next stop for
    // frameshifts and lost stops, else over the changed codons.
    let codonStart = cdsFirst - 1 + firstCodon * 3
    var tail = Array(model.cdna[codonStart..<(lo - 1)])
    tail.append(contentsOf: inserted)
    tail.append(contentsOf: model.cdna[hi...])
    let readToStop = change % 3 != 0 || lastCodon >= reference.count - 1
    let codons = readToStop ? tail.count / 3 : max(lastCodon, firstCodon) - firstCodon + 2 + change / 3
    var translated = Array(reference[0..<min(firstCodon, reference.count)])
    translated.append(contentsOf: GeneticCode.translate(tail[0..<min(tail.count, codons * 3)], toStop: true))
    var effect = ProteinEffect(terms: [], codon: firstCodon + 1)

    let touchesStart = isInsertion ? (c1 > 1 && c1 <= 3) : c1 <= 3
    if touchesStart, reference.first == methionine, translated.first != methionine {
      effect.terms = ["start_lost"]
      effect.hgvsp = "p.(Met1?)"
      return effect
    }
    if change % 3 != 0 {
      // VEP: stop_gained too when a stop appears in the codons the change itself writes.
      let lastWritten = (c1 - 1 + inserted.count) / 3
      frameshift(reference: reference, alternate: translated, from: firstCodon, into: &effect)
      if let stopAt = translated.firstIndex(of: stop), stopAt <= lastWritten, !effect.terms.contains("stop_gained"),
        !effect.terms.contains("stop_lost")
      {
        effect.terms.insert("stop_gained", at: 0)
      }
    } else {
      inFrame(
        reference: reference, alternate: translated, window: firstCodon...max(firstCodon, lastCodon),
        emptyWindow: lastCodon < firstCodon, codonChange: change / 3, nucleotideChange: change, into: &effect)
    }
    return effect
  }

  static func name(_ residues: [UInt8], _ index: Int) -> String {
    index < residues.count ? GeneticCode.name(residues[index]) : "Xaa"
  }

  static func frameshift(reference: [UInt8], alternate: [UInt8], from start: Int, into effect: inout ProteinEffect) {
    effect.terms = ["frameshift_variant"]
    var i = min(start, reference.count)
    while i < reference.count && i < alternate.count && reference[i] == alternate[i] { i += 1 }
    guard i < reference.count, i < alternate.count else {
      effect.hgvsp = i >= reference.count ? "p.(=)" : "p.?"
      return
    }
    if reference[i] == stop {
      effect.terms.append("stop_lost")
      effect.hgvsp = readThrough(reference: reference, alternate: alternate, at: i)
      return
    }
    if alternate[i] == stop {
      effect.terms.insert("stop_gained", at: 0)
      effect.hgvsp = "p.(\(name(reference, i))\(i + 1)Ter)"
      return
    }
    let tail = alternate.last == stop ? "Ter\(alternate.count - i)" : "Ter?"
    effect.hgvsp = "p.(\(name(reference, i))\(i + 1)\(name(alternate, i))fs\(tail))"
  }

  /// `p.(Ter394GlnextTer12)`: the stop at `index` read through to the next stop.
  static func readThrough(reference: [UInt8], alternate: [UInt8], at index: Int) -> String {
    let tail = alternate.last == stop ? "Ter\(alternate.count - 1 - index)" : "Ter?"
    return "p.(Ter\(index + 1)\(name(alternate, index))ext\(tail))"
  }

  static func inFrame(
    reference: [UInt8], alternate: [UInt8], window: ClosedRange<Int>, emptyWindow: Bool, codonChange: Int,
    nucleotideChange: Int, into effect: inout ProteinEffect
  ) {
    let first = window.lowerBound
    let refEnd = emptyWindow ? first : min(window.upperBound + 1, reference.count)
    let altEnd = min(max(first, refEnd + codonChange), alternate.count)
    let removed = Array(reference[min(first, reference.count)..<refEnd])
    let added = Array(alternate[min(first, alternate.count)..<max(min(first, alternate.count), altEnd)])
    var prefix = 0
    while prefix < removed.count && prefix < added.count && removed[prefix] == added[prefix] { prefix += 1 }
    let position = first + prefix
    if prefix < added.count && added[prefix] == stop && position < reference.count && reference[position] != stop {
      effect.terms = ["stop_gained"]
      effect.hgvsp = "p.(\(name(reference, position))\(position + 1)Ter)"
      return
    }
    var suffix = 0
    while suffix < removed.count - prefix && suffix < added.count - prefix
      && removed[removed.count - 1 - suffix] == added[added.count - 1 - suffix]
    {
      suffix += 1
    }
    let deleted = Array(removed[prefix..<(removed.count - suffix)])
    let insertedResidues = Array(added[prefix..<(added.count - suffix)])
    if deleted.isEmpty && insertedResidues.isEmpty {
      let isStop = first < reference.count && reference[first] == stop
      effect.terms = [isStop ? "stop_retained_variant" : "synonymous_variant"]
      effect.hgvsp = "p.(\(name(reference, first))\(first + 1)=)"
      return
    }
    if deleted.contains(stop) {
      effect.terms = ["stop_lost"]
      let stopIndex = reference.count - 1
      effect.hgvsp = readThrough(reference: reference, alternate: alternate, at: stopIndex)
      return
    }
    let gainsStop = insertedResidues.contains(stop)
    if deleted.count == 1 && insertedResidues.count == 1 && !gainsStop {
      effect.terms = ["missense_variant"]
      effect.hgvsp = "p.(\(name(reference, position))\(position + 1)\(GeneticCode.name(insertedResidues[0])))"
      return
    }
    if deleted.isEmpty && !gainsStop {
      effect.terms = ["inframe_insertion"]
      effect.hgvsp = insertion(insertedResidues, before: position, reference: reference)
      return
    }
    if insertedResidues.isEmpty {
      effect.terms = ["inframe_deletion"]
      effect.hgvsp = deletion(count: deleted.count, at: position, reference: reference)
      return
    }
    effect.terms = [
      gainsStop ? "stop_gained" : nucleotideChange == 0 ? "missense_variant" : nucleotideChange > 0 ? "inframe_insertion" : "inframe_deletion"
    ]
    guard !deleted.isEmpty else {
      // An insertion that brings a stop: name the insertion as such.
      effect.hgvsp = insertion(insertedResidues, before: position, reference: reference)
      return
    }
    let last = position + deleted.count - 1
    let span = last == position ? "\(name(reference, position))\(position + 1)" : "\(name(reference, position))\(position + 1)_\(name(reference, last))\(last + 1)"
    effect.hgvsp = "p.(\(span)delins\(GeneticCode.names(insertedResidues)))"
  }

  /// Residues inserted before `index`, moved C-terminal (3' rule) and named as a duplication when they repeat what precedes them.
  static func insertion(_ residues: [UInt8], before index: Int, reference: [UInt8]) -> String {
    var added = residues
    var at = index
    while at < reference.count - 1 && reference[at] == added[0] {
      added.append(added.removeFirst())
      at += 1
    }
    let count = added.count
    if at - count >= 0 && Array(reference[(at - count)..<at]) == added {
      let first = at - count
      let last = at - 1
      return first == last
        ? "p.(\(name(reference, first))\(first + 1)dup)"
        : "p.(\(name(reference, first))\(first + 1)_\(name(reference, last))\(last + 1)dup)"
    }
    guard at > 0 else { return "p.(Met1?)" }
    return "p.(\(name(reference, at - 1))\(at)_\(name(reference, at))\(at + 1)ins\(GeneticCode.names(added)))"
  }

  /// `count` residues from `index` deleted, moved C-terminal (3' rule).
  static func deletion(count: Int, at index: Int, reference: [UInt8]) -> String {
    var at = index
    while at + count < reference.count - 1 && reference[at + count] == reference[at] { at += 1 }
    let last = at + count - 1
    return count == 1
      ? "p.(\(name(reference, at))\(at + 1)del)"
      : "p.(\(name(reference, at))\(at + 1)_\(name(reference, last))\(last + 1)del)"
  }
}
