/// A variant as the bases it removes and adds on the plus strand, with no
/// shared flanking bases: `deleted` starts at `start`; an insertion goes
/// before `start`.
public struct NucleotideEdit: Sendable, Equatable {
  public var start: Int
  public var deleted: [UInt8]
  public var inserted: [UInt8]

  public init(start: Int, deleted: [UInt8], inserted: [UInt8]) {
    self.start = start
    self.deleted = deleted
    self.inserted = inserted
  }

  /// From VCF-style alleles (any padding).
  public init(position: Int, reference: String, alternate: String) {
    var ref = Array(reference.utf8)
    var alt = Array(alternate.utf8)
    while let r = ref.last, let a = alt.last, r == a {
      ref.removeLast()
      alt.removeLast()
    }
    var leading = 0
    while leading < ref.count, leading < alt.count, ref[leading] == alt[leading] { leading += 1 }
    self.init(start: position + leading, deleted: Array(ref[leading...]), inserted: Array(alt[leading...]))
  }

  /// Last deleted base (`start - 1` for a pure insertion).
  public var end: Int { start + deleted.count - 1 }
  public var isInsertion: Bool { deleted.isEmpty && !inserted.isEmpty }
  public var isDeletion: Bool { inserted.isEmpty && !deleted.isEmpty }
  public var lengthChange: Int { inserted.count - deleted.count }

  /// Genomic bases the edit touches: the deleted bases, or an insertion's two flanks.
  public var touched: ClosedRange<Int> { isInsertion ? (start - 1)...start : start...max(end, start) }

  /// Moves a pure insertion or deletion as far 3' in transcript orientation as
  /// the sequence allows (HGVS 3' rule), within the model's loaded window.
  public func shifted3Prime(on model: TranscriptModel) -> NucleotideEdit {
    shifted(towardHigher: model.strand == .plus, on: model)
  }

  /// Every base an indel in a repeat could sit on (the union of its equivalent
  /// placements, as ClinVar/NCBI judge splice sites); nil for substitutions and
  /// for an insertion that cannot move (it touches only its insertion point).
  public func ambiguousSpan(on model: TranscriptModel) -> ClosedRange<Int>? {
    guard isInsertion || isDeletion else { return nil }
    let left = shifted(towardHigher: false, on: model)
    let right = shifted(towardHigher: true, on: model)
    if isDeletion { return left.start...right.end }
    // The repeated bases between the leftmost and rightmost insertion points.
    return right.start > left.start ? left.start...(right.start - 1) : nil
  }

  func shifted(towardHigher: Bool, on model: TranscriptModel) -> NucleotideEdit {
    guard isInsertion || isDeletion else { return self }
    var edit = self
    var bases = isInsertion ? inserted : deleted
    if towardHigher {
      // Next base after the edit equals its first base: rotate right.
      while let next = model.base(at: isInsertion ? edit.start : edit.start + bases.count), next == bases[0] {
        bases.append(bases.removeFirst())
        edit.start += 1
      }
    } else {
      while let previous = model.base(at: edit.start - 1), previous == bases[bases.count - 1] {
        bases.insert(bases.removeLast(), at: 0)
        edit.start -= 1
      }
    }
    if isInsertion { edit.inserted = bases } else { edit.deleted = bases }
    return edit
  }

  /// HGVS `c.` (or `n.`) of an edit already shifted 3': substitution, del, dup, ins or delins.
  public func hgvs(on model: TranscriptModel) -> String {
    let prefix = model.coordinatePrefix
    func oriented(_ bases: [UInt8]) -> String {
      String(decoding: model.strand == .plus ? bases : DNA.reverseComplement(bases), as: UTF8.self)
    }
    /// `first_last` in transcript order, or one position.
    func range(_ low: Int, _ high: Int) -> String {
      let (first, last) = model.strand == .plus ? (low, high) : (high, low)
      return first == last ? model.hgvsPosition(first) : "\(model.hgvsPosition(first))_\(model.hgvsPosition(last))"
    }
    if deleted.count == 1 && inserted.count == 1 {
      return "\(prefix)\(model.hgvsPosition(start))\(oriented(deleted))>\(oriented(inserted))"
    }
    if isDeletion { return "\(prefix)\(range(start, end))del" }
    if isInsertion {
      let k = inserted.count
      // A copy of the bases just 5' of the insertion point (transcript orientation) is a duplication.
      if model.strand == .plus, let before = model.bases(start - k, start - 1), before == inserted {
        return "\(prefix)\(range(start - k, start - 1))dup"
      }
      if model.strand == .minus, let after = model.bases(start, start + k - 1), after == inserted {
        return "\(prefix)\(range(start, start + k - 1))dup"
      }
      return "\(prefix)\(range(start - 1, start))ins\(oriented(inserted))"
    }
    return "\(prefix)\(range(start, end))delins\(oriented(inserted))"
  }
}
