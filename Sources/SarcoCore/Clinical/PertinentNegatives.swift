/// "KIT and PDGFRA hotspots covered and wild-type": for the genes whose variants carry level A/B
/// evidence in the sample's tumour type (or level A tumour-agnostic evidence), whether every hotspot
/// position was read at the first coverage threshold with alternate reads below the panel's limit
/// (`pertinent_negative_maximum_alt_fraction`) and no variant called. Otherwise the negative is
/// stated as not established, with why.
public enum PertinentNegatives {
  public static func find(
    view: PanelView, tumourType: String?, coverage: CoverageReport, somatic: [SomaticFinding]
  ) -> [PertinentNegative] {
    guard let tumourType, let threshold = coverage.thresholds.first,
      let limits = view.panel.knowledge.rules.somatic.thresholds
    else { return [] }
    let limit = limits[.pertinentNegativeMaximumAltFraction]
    let table = view.panel.knowledge.tumourTypes
    let keyGenes = Set(
      view.panel.knowledge.evidence.filter { item in
        guard item.gene != "*", item.level <= .B, ["predictive", "diagnostic"].contains(item.evidenceType) else { return false }
        switch item.matcher {
        case .exact, .codon, .exon: break
        default: return false
        }
        if item.tumourTypes.contains("*") { return item.level == .A }
        return table.coversAny(item.tumourTypes, sample: tumourType)
      }.map(\.gene))
    let altered = Set(somatic.map(\.gene))
    let byGene = Dictionary(grouping: coverage.hotspots, by: \.gene)
    return keyGenes.sorted().compactMap { gene -> PertinentNegative? in
      guard let pileups = byGene[gene], !pileups.isEmpty, !altered.contains(gene) else { return nil }
      let positions = Dictionary(pileups.map { ("\($0.contig):\($0.position)", $0) }, uniquingKeysWith: { first, _ in first })
      let shallow = positions.values.filter { $0.counts.depth < threshold }.count
      let withAlternate = positions.values.filter {
        $0.counts.depth > 0 && Double($0.alternateReads) / Double($0.counts.depth) >= limit
      }.count
      let residues = Set(pileups.map(\.change)).count
      if shallow == 0 && withAlternate == 0 {
        return PertinentNegative(
          gene: gene, established: true,
          statement: "\(gene): all \(positions.count) positions of its \(residues) hotspots covered at >= \(threshold)x, alternate reads below \(NamedValues.format(limit * 100))%; no variant called")
      }
      var reasons: [String] = []
      if shallow > 0 { reasons.append("\(shallow) of \(positions.count) hotspot positions below \(threshold)x") }
      if withAlternate > 0 { reasons.append("alternate reads >= \(NamedValues.format(limit * 100))% at \(withAlternate) hotspot positions, though no variant was called: look at the reads") }
      return PertinentNegative(
        gene: gene, established: false, statement: "\(gene): wild-type not established: \(reasons.joined(separator: "; "))")
    }
  }
}
