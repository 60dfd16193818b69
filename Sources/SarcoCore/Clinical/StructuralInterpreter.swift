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
/// findings named per HGNC (`GENE1::GENE2`) and matched to the panel. Kinase
/// fusions are checked for a productive shape (kinase 3', kinase domain kept);
/// poorly supported fusions are marked as needing confirmation.
public struct StructuralInterpreter: Sendable {
  let view: PanelView
  let tiering: SomaticTiering
  let index: SomaticKnowledgeIndex
  let thresholds: SomaticThresholds?

  public init(view: PanelView, tiering: SomaticTiering, index: SomaticKnowledgeIndex) {
    self.view = view
    self.tiering = tiering
    self.index = index
    thresholds = view.panel.knowledge.rules.somatic.thresholds
  }

  /// A genomic breakpoint of a fusion partner.
  struct Breakpoint {
    let contig: String
    let position: Int
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
      var breakpoints: [String: Breakpoint] = [:]
      for gene in genesHere { breakpoints[gene] = Breakpoint(contig: variant.contig, position: variant.position) }
      for gene in genesThere { breakpoints[gene] = Breakpoint(contig: mateContig, position: matePosition) }
      if genesHere.isEmpty || genesThere.isEmpty {
        for gene in genesHere + genesThere {
          findings.append(
            finding(fivePrime: gene, threePrime: nil, locus: "\(here)-\(there)", reads: reads, source: source, orientationNote: nil,
                    breakpoints: breakpoints, orientationKnown: false))
        }
        continue
      }
      for geneA in genesHere {
        for geneB in genesThere where geneA != geneB {
          let order = Self.fivePrimeOrder(alternate: variant.alternate, here: geneA, there: geneB, panel: view.panel)
          findings.append(
            finding(fivePrime: order.fivePrime, threePrime: order.threePrime, locus: "\(here)-\(there)", reads: reads,
                    source: source, orientationNote: order.note, breakpoints: breakpoints, orientationKnown: order.note == nil))
        }
      }
    }
    return findings
  }

  /// Rows of a fusion caller's table whose partners include a panel gene (5'/3' order as the caller gives it).
  public func fusions(from calls: [FusionCall]) -> [StructuralFinding] {
    calls.compactMap { call in
      let five = view.gene(call.fivePrime)?.symbol ?? call.fivePrime
      let three = view.gene(call.threePrime)?.symbol ?? call.threePrime
      guard view.gene(five) != nil || view.gene(three) != nil else { return nil }
      return finding(fivePrime: five, threePrime: three, locus: call.locus, reads: call.supportingReads, source: call.source,
                     orientationNote: nil, breakpoints: [:], orientationKnown: true)
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

  func finding(
    fivePrime: String, threePrime: String?, locus: String, reads: Int?, source: String, orientationNote: String?,
    breakpoints: [String: Breakpoint], orientationKnown: Bool
  ) -> StructuralFinding {
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
      panelMatch = PanelMatch(
        entry: entry.name, meaning: entry.diagnosis, tumourTypes: entry.tumourTypes, significance: entry.significance,
        citation: entry.source, specificity: entry.specificity)
      evidence.insert(
        tiering.diagnostic(entry: entry.name, meaning: entry.diagnosis, tumourTypes: entry.tumourTypes, significance: entry.significance, citation: entry.source),
        at: 0)
    }
    let gate = TierGate(tiering: tiering, thresholds: thresholds)
    var tier = tiering.tier(
      for: evidence, fallback: tiering.untiered(.iii, reason: "rearrangement of a panel gene without matching evidence"))
    if let problem = kinaseProblem(fivePrime: fivePrime, threePrime: threePrime, breakpoints: breakpoints, orientationKnown: orientationKnown) {
      let held = gate.held(.iii, "not a productive kinase fusion as called: \(problem); confirm by RNA sequencing", evidence)
      tier = held.tier
      evidence = held.evidence
      notes.append(problem)
    }
    var finding = StructuralFinding(
      name: name, genes: genes, locus: locus, source: source, supportingReads: reads, copyNumber: nil, panelMatch: panelMatch,
      tier: tier, evidence: evidence, therapies: tiering.therapies(evidence), notes: notes)
    if let thresholds {
      let minimum = Int(thresholds[.fusionMinimumSupportingReads])
      if reads == nil || reads! < minimum {
        finding.confirmation =
          "needs confirmation (RNA sequencing or immunohistochemistry): \(reads.map { "\($0) supporting reads" } ?? "no read support given") < \(thresholds.cited(.fusionMinimumSupportingReads))"
      }
    }
    return finding
  }

  /// Why a fusion of a panel kinase cannot express the kinase, when the breakpoints tell.
  func kinaseProblem(fivePrime: String, threePrime: String?, breakpoints: [String: Breakpoint], orientationKnown: Bool) -> String? {
    if let threePrime, orientationKnown, index.kinaseDomain(of: fivePrime) != nil, index.kinaseDomain(of: threePrime) == nil {
      return "the kinase \(fivePrime) is the 5' partner (its kinase domain is encoded 3' of the breakpoint)"
    }
    for gene in [threePrime ?? fivePrime] {
      guard let kinase = index.kinaseDomain(of: gene), let breakpoint = breakpoints[gene],
        let strand = view.gene(gene)?.strand,
        let domainStart = view.genomicPosition(gene: gene, codingPosition: 3 * (kinase.residues.lowerBound - 1) + 1)
      else { continue }
      let kept = strand == .plus ? breakpoint.position < domainStart : breakpoint.position > domainStart
      if !kept {
        return "the \(gene) breakpoint \(ContigName.canonical(breakpoint.contig)):\(breakpoint.position) lies in or after the kinase domain (residues \(kinase.residues.lowerBound)-\(kinase.residues.upperBound), starting at \(domainStart); \(kinase.source))"
      }
    }
    return nil
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

  /// Gene-level events: panel copy-number rows first, then evidence items, then amplified oncogenes and homozygously
  /// deleted tumour suppressors (Tier III); one-copy losses of genes whose loss needs both copies are reported as
  /// such. `secondHits` are truncating variants per gene (a one-copy deletion plus one is a loss of both copies).
  public func copyNumber(from segments: [CopyNumberSegment], secondHits: [String: String] = [:]) -> [StructuralFinding] {
    guard let thresholds else { return [] }
    let homozygousLimit = thresholds[.homozygousDeletionMaximumCopyNumber]
    let oneCopyLimit = thresholds[.oneCopyDeletionMaximumCopyNumber]
    let biallelicGenes = Set(
      view.panel.knowledge.rules.somatic.entityRules.filter { $0.kind == .biallelicRequired }.flatMap(\.genes))
    var findings: [StructuralFinding] = []
    let events = Dictionary(grouping: view.panel.knowledge.copyNumberEvents, by: \.gene)
    for segment in segments {
      let interval = segment.interval
      for symbol in genes(on: interval.contig, interval.start, interval.end) {
        guard let gene = view.gene(symbol) else { continue }
        let cn = segment.copyNumber
        let rows = events[symbol] ?? []
        let amplifiedFrom = rows.first { $0.event == .amplification }.map { Double($0.copyNumber) }
          ?? thresholds[.amplificationMinimumCopyNumber]
        func holds(_ row: CopyNumberEvent) -> Bool {
          switch row.event {
          case .amplification: return cn >= Double(row.copyNumber)
          case .homozygousDeletion: return cn < homozygousLimit
          case .deletion: return cn <= oneCopyLimit
          case .gain: return cn >= Double(row.copyNumber) && cn < amplifiedFrom
          }
        }
        let row = rows.first { $0.event != .gain && holds($0) } ?? rows.first { $0.event == .gain && holds($0) }
        let event: CopyNumberEvent.Event
        if let row {
          event = row.event
        } else if cn >= thresholds[.amplificationMinimumCopyNumber] {
          event = .amplification
        } else if cn < homozygousLimit {
          event = .homozygousDeletion
        } else if cn <= oneCopyLimit && (biallelicGenes.contains(symbol) || rows.contains { $0.event == .homozygousDeletion }) {
          event = .deletion
        } else {
          continue
        }
        let secondHit = event == .deletion ? secondHits[symbol] : nil
        let biallelic = event == .homozygousDeletion || secondHit != nil
        var evidence = tiering.matches(copyNumber: event, gene: symbol, biallelic: biallelic)
        let role = gene.role
        let driverEvent =
          (event == .amplification && role.contains("oncogene")) || (event != .amplification && role.contains("tumour_suppressor"))
        guard row != nil || !evidence.isEmpty || driverEvent || event == .deletion else { continue }
        var panelMatch: PanelMatch?
        // A one-copy loss never takes the meaning of a panel row that needs both copies.
        if let row, row.event == event || (biallelic && row.event == .homozygousDeletion) {
          panelMatch = PanelMatch(
            entry: "\(symbol) \(row.event.rawValue)", meaning: row.meaning, tumourTypes: row.tumourTypes,
            significance: row.significance, citation: row.source, specificity: row.specificity)
          // A gain below the cut-off is not the marker: it carries the row's advice, not its evidence.
          if event != .gain {
            evidence.insert(
              tiering.diagnostic(entry: "\(symbol) \(row.event.rawValue)", meaning: row.meaning, tumourTypes: row.tumourTypes, significance: row.significance, citation: row.source),
              at: 0)
          }
        }
        var notes: [String] = []
        let name: String
        let tier: TierAssignment
        if event == .gain, let row {
          name = "\(symbol) gain below the amplification cut-off"
          tier = tiering.untiered(
            .iii,
            reason: "copy number \(Self.format(cn)) is below \(symbol)'s amplification cut-off (\(Self.format(amplifiedFrom))): not called amplified; \(row.meaning) (\(row.source))")
        } else if event == .deletion && (biallelicGenes.contains(symbol) || rows.contains { $0.event == .homozygousDeletion }) && !biallelic {
          name = "\(symbol) one-copy deletion"
          let held = TierGate(tiering: tiering, thresholds: thresholds).held(
            .iii, "one copy of \(symbol) lost and no second hit found: loss of \(symbol) needs both copies", evidence)
          evidence = held.evidence
          tier = held.tier
        } else {
          name = secondHit.map { "\(symbol) biallelic loss (deletion of one copy + \($0))" }
            ?? "\(symbol) \(event.rawValue.split(separator: "_").joined(separator: " "))"
          if let secondHit { notes.append("biallelic inactivation: one-copy deletion and the truncating variant \(secondHit)") }
          tier = tiering.tier(
            for: evidence, fallback: tiering.untiered(.iii, reason: "\(name) of a panel \(role.isEmpty ? "gene" : role) without matching evidence"))
        }
        findings.append(
          StructuralFinding(
            name: name, genes: [symbol],
            locus: "\(interval.contig):\(interval.start)-\(interval.end) CN=\(Self.format(cn))", source: segment.source,
            supportingReads: nil, copyNumber: cn, panelMatch: panelMatch, tier: tier, evidence: evidence,
            therapies: tiering.therapies(evidence), notes: notes))
      }
    }
    return findings
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() && value.magnitude < 1e15 ? String(Int(value)) : String(value)
  }
}
