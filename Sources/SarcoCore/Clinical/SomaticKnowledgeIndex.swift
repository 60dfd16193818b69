/// The panel's somatic knowledge on one build, indexed for per-variant lookups:
/// known alleles by edit, reference amino acids by codon, hotspot counts,
/// functional domains and kinase domains.
public struct SomaticKnowledgeIndex: Sendable, Equatable {
  /// Known alleles of this build by their edit.
  let allelesByEdit: [AlleleEdit: KnownAllele]
  /// gene -> codon -> reference amino acid (one letter), from hotspot residues and known alleles.
  let referenceResidues: [String: [Int: String]]
  /// gene -> residue -> single-residue hotspot (one per residue; split codons keep the first part).
  let residueHotspots: [String: [Int: Hotspot]]
  /// gene -> in-frame indel hotspot ranges.
  let indelHotspots: [String: [Hotspot]]
  let domains: [String: [FunctionalDomain]]
  let kinases: [String: KinaseDomain]

  public init(view: PanelView) { self.init(panel: view.panel, build: view.build) }

  /// From the panel alone (it needs no view: a batch builds it beside the view).
  public init(panel: Panel, build: GenomeBuild) {
    let knowledge = panel.knowledge
    var alleles: [AlleleEdit: KnownAllele] = [:]
    // Sized for this build's alleles, not both builds': the table's pages are each written once,
    // and twice the rows made it 1.5 MB (~370 page faults of every process's first sample).
    alleles.reserveCapacity(knowledge.knownAlleles.reduce(0) { $0 + ($1.build == build ? 1 : 0) })
    var residues: [String: [Int: String]] = [:]
    for allele in knowledge.knownAlleles where allele.build == build {
      alleles[allele.edit] = alleles[allele.edit] ?? allele
      if let change = ProteinChange.firstResidue(ofChange: allele.protein) {
        residues[allele.gene, default: [:]][change.position] = change.residue
      }
    }
    var residueHotspots: [String: [Int: Hotspot]] = [:]
    var indelHotspots: [String: [Hotspot]] = [:]
    for hotspot in panel.hotspots where hotspot.build == build {
      switch hotspot.kind {
      case .residue:
        guard let residue = hotspot.residue else { continue }
        if residueHotspots[hotspot.gene]?[residue] == nil { residueHotspots[hotspot.gene, default: [:]][residue] = hotspot }
        residues[hotspot.gene, default: [:]][residue] = String(hotspot.change.prefix(1))
      case .indelRange:
        if !(indelHotspots[hotspot.gene] ?? []).contains(where: { $0.change == hotspot.change }) {
          indelHotspots[hotspot.gene, default: []].append(hotspot)
        }
      case .promoter:
        continue
      }
    }
    allelesByEdit = alleles
    referenceResidues = residues
    self.residueHotspots = residueHotspots
    self.indelHotspots = indelHotspots
    domains = Dictionary(grouping: knowledge.functionalDomains, by: \.gene)
    kinases = Dictionary(knowledge.kinaseDomains.map { ($0.gene, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The known allele of `gene` this variant is, if any.
  public func knownAllele(for variant: Variant, gene: String) -> KnownAllele? {
    guard let edit = AlleleEdit(variant: variant), let allele = allelesByEdit[edit], allele.gene == gene else { return nil }
    return allele
  }

  public func referenceResidue(gene: String, codon: Int) -> String? { referenceResidues[gene]?[codon] }

  public func hotspot(gene: String, residue: Int) -> Hotspot? { residueHotspots[gene]?[residue] }

  /// The in-frame indel hotspot whose residue range holds `residues`.
  public func indelHotspot(gene: String, residues: ClosedRange<Int>) -> Hotspot? {
    indelHotspots[gene]?.first { hotspot in
      hotspot.residueRange.map { $0.overlaps(residues) } ?? false
    }
  }

  public func domains(of gene: String) -> [FunctionalDomain] { domains[gene] ?? [] }

  public func kinaseDomain(of gene: String) -> KinaseDomain? { kinases[gene] }
}
