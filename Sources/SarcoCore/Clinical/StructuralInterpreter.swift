/// A fusion reported by an RNA or DNA fusion caller (a `fusions.tsv` row).
public struct FusionCall: Sendable, Equatable {
  /// 5' and 3' partners as the caller wrote them.
  public let fivePrime: String
  public let threePrime: String
  public let locus: String
  public let supportingReads: Int?
  /// `fusions.tsv line 9`.
  public let source: String

  public init(fivePrime: String, threePrime: String, locus: String, supportingReads: Int?, source: String) {
    self.fivePrime = fivePrime
    self.threePrime = threePrime
    self.locus = locus
    self.supportingReads = supportingReads
    self.source = source
  }
}

/// A copy-number segment (a `cna.tsv` row or a symbolic VCF record).
public struct CopyNumberSegment: Sendable, Equatable {
  public let interval: GenomicInterval
  public let copyNumber: Double
  public let source: String

  public init(interval: GenomicInterval, copyNumber: Double, source: String) {
    self.interval = interval
    self.copyNumber = copyNumber
    self.source = source
  }
}

/// Turns breakend pairs, fusion-caller rows and copy-number segments into
/// findings named per HGNC (`GENE1::GENE2`) and matched to the panel.
public struct StructuralInterpreter: Sendable {
  let view: PanelView
  let tiering: SomaticTiering
  /// Amplification and deep-deletion cut-offs for genes without a panel event row.
  public static let defaultAmplification = 6.0
  static let whoSource = "WHO Classification of Tumours: Soft Tissue and Bone Tumours, 5th ed. (IARC 2020)"

  public init(view: PanelView, tiering: SomaticTiering) {
    self.view = view
    self.tiering = tiering
  }

  // MARK: fusions

  /// Panel genes whose transcript (not its flank) touches `start...end`.
  func genes(on contig: String, _ start: Int, _ end: Int) -> [String] {
    view.geneHits(contig: contig, start: start, end: end)
      .filter { $0.region != .upstream && $0.region != .downstream }.map(\.gene)
  }

  /// Fusions from PASS breakend records (Manta `MATEID`, Delly `CHR2`/`END`), one per breakend pair.
  public func fusions(from variants: [Variant]) -> [StructuralFinding] {
    var seen: Set<String> = []
    var findings: [StructuralFinding] = []
    for variant in variants where variant.passesFilters {
      guard let structural = variant.structural, variant.kind == .breakend || structural.svType == "BND" || structural.svType == "TRA",
        let mateContig = structural.mateContig, let matePosition = structural.matePosition ?? structural.end
      else { continue }
      let here = "\(ContigName.canonical(variant.contig)):\(variant.position)"
      let there = "\(ContigName.canonical(mateContig)):\(matePosition)"
      let pairKey = [here, there].sorted().joined(separator: "|")
      guard !seen.contains(pairKey) else { continue }
      let genesHere = genes(on: variant.contig, variant.position, variant.position)
      let genesThere = genes(on: mateContig, matePosition, matePosition)
      if genesHere.isEmpty && genesThere.isEmpty { continue }
      seen.insert(pairKey)
      let caller = structural.mateID != nil ? "MATEID \(structural.mateID!)" : "CHR2/END"
      let source = "VCF breakend \(variant.id) (\(caller))"
      let reads = variant.tumor?.alternateReads
      if genesHere.isEmpty || genesThere.isEmpty {
        for gene in genesHere + genesThere {
          findings.append(finding(fivePrime: gene, threePrime: nil, locus: "\(here)-\(there)", reads: reads, source: source, orientationNote: nil))
        }
        continue
      }
      for geneA in genesHere {
        for geneB in genesThere where geneA != geneB {
          let order = Self.fivePrimeOrder(alternate: variant.alternate, here: geneA, there: geneB, panel: view.panel)
          findings.append(
            finding(fivePrime: order.fivePrime, threePrime: order.threePrime, locus: "\(here)-\(there)", reads: reads, source: source, orientationNote: order.note))
        }
      }
    }
    return findings
  }

  /// Rows of a fusion caller's table whose partners include a panel gene.
  public func fusions(from calls: [FusionCall]) -> [StructuralFinding] {
    calls.compactMap { call in
      let five = view.gene(call.fivePrime)?.symbol ?? call.fivePrime
      let three = view.gene(call.threePrime)?.symbol ?? call.threePrime
      guard view.gene(five) != nil || view.gene(three) != nil else { return nil }
      return finding(fivePrime: five, threePrime: three, locus: call.locus, reads: call.supportingReads, source: call.source, orientationNote: nil)
    }
  }

  /// 5'/3' order from the breakend ALT: `t[p[`/`t]p]` keep the sequence left of
  /// this breakend, `[p[t`/`]p]t` the right; `[` joins the mate's right side, `]` its left.
  /// A plus-strand gene keeping its left part (or a minus-strand gene its right) is the 5' partner.
  static func fivePrimeOrder(alternate: String, here: String, there: String, panel: Panel)
    -> (fivePrime: String, threePrime: String, note: String?)
  {
    let panelOrder = panel.knowledge.fusions.first { Set([$0.geneA, $0.geneB]) == Set([here, there]) }
    func fallback(_ why: String) -> (String, String, String?) {
      if let panelOrder { return (panelOrder.geneA, panelOrder.geneB, "\(why); partner order taken from the panel") }
      return (here, there, "\(why); partner order as found")
    }
    guard let bracket = alternate.first(where: { $0 == "[" || $0 == "]" }),
      let strandHere = panel.gene(named: here)?.strand, let strandThere = panel.gene(named: there)?.strand
    else { return fallback("breakend orientation not given") }
    let keepsLeftHere = !(alternate.first == "[" || alternate.first == "]")
    let keepsLeftThere = bracket == "]"
    let hereIsFive = keepsLeftHere == (strandHere == .plus)
    let thereIsFive = keepsLeftThere == (strandThere == .plus)
    if hereIsFive && !thereIsFive { return (here, there, nil) }
    if thereIsFive && !hereIsFive { return (there, here, nil) }
    return fallback("breakend orientation and gene strands do not give a 5'->3' transcript fusion")
  }

  func finding(fivePrime: String, threePrime: String?, locus: String, reads: Int?, source: String, orientationNote: String?)
    -> StructuralFinding
  {
    let name = threePrime.map { "\(fivePrime)::\($0)" } ?? "\(fivePrime) rearrangement (partner outside the panel genes)"
    let genes = [fivePrime] + (threePrime.map { [$0] } ?? [])
    var notes = orientationNote.map { [$0] } ?? []
    let fusions = view.panel.knowledge.fusions
    let entry =
      fusions.first { $0.geneA == fivePrime && $0.geneB == threePrime }
      ?? fusions.first { $0.geneB == fivePrime && $0.geneA == threePrime }
      ?? fusions.first { $0.geneB == "*" && genes.contains($0.geneA) }
    if let entry, entry.geneB != "*", entry.geneA != fivePrime {
      notes.append("partners in the opposite order to the panel's \(entry.name)")
    }
    var evidence = tiering.matches(fusion: threePrime == nil ? "\(fivePrime)::*" : name, genes: genes)
    var panelMatch: PanelMatch?
    if let entry {
      panelMatch = PanelMatch(entry: entry.name, meaning: entry.diagnosis, tumourTypes: entry.tumourTypes, significance: entry.significance, citation: entry.source)
      evidence.insert(
        tiering.diagnostic(entry: entry.name, meaning: entry.diagnosis, tumourTypes: entry.tumourTypes, significance: entry.significance, citation: entry.source),
        at: 0)
    }
    let tier = tiering.tier(
      for: evidence, fallback: tiering.untiered("III", reason: "rearrangement of a panel gene without matching evidence"))
    return StructuralFinding(
      name: name, genes: genes, locus: locus, source: source, supportingReads: reads, copyNumber: nil, panelMatch: panelMatch,
      tier: tier, evidence: evidence, therapies: tiering.therapies(evidence), notes: notes)
  }

  // MARK: copy number

  /// Segments from PASS `<DEL>/<DUP>/<CNV>` records: `CN` when given, else a deletion's genotype (1/1 = 0 copies, 0/1 = 1).
  public func segments(from variants: [Variant]) -> (segments: [CopyNumberSegment], skipped: Int) {
    var segments: [CopyNumberSegment] = []
    var skipped = 0
    for variant in variants where variant.kind == .symbolic && variant.passesFilters {
      let type = variant.structural?.svType ?? ""
      guard ["DEL", "DUP", "CNV", "AMP"].contains(type) || variant.alternate.hasPrefix("<DEL") || variant.alternate.hasPrefix("<DUP") || variant.alternate.hasPrefix("<CNV")
      else { continue }
      var copyNumber = variant.structural?.copyNumber
      if copyNumber == nil && (type == "DEL" || variant.alternate.hasPrefix("<DEL")) {
        switch variant.tumor?.zygosity {
        case .homozygousAlternate?: copyNumber = 0
        case .heterozygous?: copyNumber = 1
        default: break
        }
      }
      guard let copyNumber, variant.end >= variant.position else {
        skipped += 1
        continue
      }
      segments.append(
        CopyNumberSegment(
          interval: GenomicInterval(contig: variant.contig, start: variant.position, end: variant.end), copyNumber: copyNumber,
          source: "VCF \(variant.alternate) \(variant.id)"))
    }
    return (segments, skipped)
  }

  /// Gene-level events: panel copy-number rows first, then evidence items, then
  /// amplified oncogenes and homozygously deleted tumour suppressors (Tier III).
  public func copyNumber(from segments: [CopyNumberSegment]) -> [StructuralFinding] {
    var findings: [StructuralFinding] = []
    let events = Dictionary(grouping: view.panel.knowledge.copyNumberEvents, by: \.gene)
    for segment in segments {
      let interval = segment.interval
      for symbol in genes(on: interval.contig, interval.start, interval.end) {
        guard let gene = view.gene(symbol) else { continue }
        let cn = segment.copyNumber
        let rows = events[symbol] ?? []
        let row = rows.first { row in
          switch row.event {
          case .amplification: return cn >= Double(row.copyNumber)
          case .homozygousDeletion: return cn < 0.5
          case .deletion: return cn <= Double(row.copyNumber) + 0.25
          }
        }
        let event: CopyNumberEvent.Event
        if let row {
          event = row.event
        } else if cn >= Self.defaultAmplification {
          event = .amplification
        } else if cn < 0.5 {
          event = .homozygousDeletion
        } else {
          continue
        }
        var evidence = tiering.matches(copyNumber: event, gene: symbol)
        let role = gene.role
        let driverEvent =
          (event == .amplification && role.contains("oncogene")) || (event != .amplification && role.contains("tumour_suppressor"))
        guard row != nil || !evidence.isEmpty || driverEvent else { continue }
        var panelMatch: PanelMatch?
        if let row {
          panelMatch = PanelMatch(
            entry: "\(symbol) \(row.event.rawValue)", meaning: row.meaning, tumourTypes: row.tumourTypes, significance: row.significance, citation: row.source)
          evidence.insert(
            tiering.diagnostic(entry: "\(symbol) \(row.event.rawValue)", meaning: row.meaning, tumourTypes: row.tumourTypes, significance: row.significance, citation: row.source),
            at: 0)
        }
        let label = event.rawValue.split(separator: "_").joined(separator: " ")
        let tier = tiering.tier(
          for: evidence, fallback: tiering.untiered("III", reason: "\(label) of a panel \(role.isEmpty ? "gene" : role) without matching evidence"))
        findings.append(
          StructuralFinding(
            name: "\(symbol) \(label)", genes: [symbol],
            locus: "\(interval.contig):\(interval.start)-\(interval.end) CN=\(Self.format(cn))", source: segment.source,
            supportingReads: nil, copyNumber: cn, panelMatch: panelMatch, tier: tier, evidence: evidence,
            therapies: tiering.therapies(evidence), notes: []))
      }
    }
    return findings
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() && value.magnitude < 1e15 ? String(Int(value)) : String(value)
  }
}
