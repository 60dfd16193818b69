import SarcoCore

/// The panel's transcript models on one build as Ensembl-style GFF3, the form
/// `bcftools csq -g` reads: gene, mRNA, exon, CDS (with phase) and UTR features.
public enum PanelGFF3 {
  public static func render(view: PanelView, genes wanted: Set<String>? = nil, chrPrefix: Bool = false) -> String {
    var lines = ["##gff-version 3"]
    let chosen = view.panel.genes.filter { wanted?.contains($0.symbol) ?? true }
      .sorted { ($0.chromosome, $0.symbol) < ($1.chromosome, $1.symbol) }
    for gene in chosen {
      guard let locus = gene.locus(on: view.build) else { continue }
      let exons = view.exons(of: gene.symbol).sorted { $0.interval.start < $1.interval.start }
      guard let first = exons.first, let last = exons.last else { continue }
      let contig = chrPrefix ? "chr\(first.interval.contig)" : first.interval.contig
      let strand = gene.strand.rawValue
      let coding = locus.codingStart != nil
      let biotype = coding ? "protein_coding" : "lncRNA"
      let geneID = "gene:\(gene.ensemblGene.split(separator: ".").first.map(String.init) ?? gene.symbol)"
      let transcriptID = "transcript:\(locus.transcript)"
      func line(_ type: String, _ start: Int, _ end: Int, _ phase: String, _ attributes: String) {
        lines.append("\(contig)\tsarcopanel\t\(type)\t\(start)\t\(end)\t.\t\(strand)\t\(phase)\t\(attributes)")
      }
      line("gene", first.interval.start, last.interval.end, ".", "ID=\(geneID);Name=\(gene.symbol);biotype=\(biotype)")
      line(
        "mRNA", first.interval.start, last.interval.end, ".",
        "ID=\(transcriptID);Parent=\(geneID);Name=\(locus.transcript);biotype=\(biotype)")
      for exon in exons {
        line("exon", exon.interval.start, exon.interval.end, ".", "Parent=\(transcriptID);exon_number=\(exon.number)")
      }
      guard let codingStart = locus.codingStart, let codingEnd = locus.codingEnd else { continue }
      // Phase counts coding bases already used in transcript order.
      var phases: [Int: Int] = [:]
      var used = 0
      for exon in gene.strand == .plus ? exons : exons.reversed() {
        guard let coding = locus.codingPart(of: exon.interval) else { continue }
        phases[exon.number] = (3 - used % 3) % 3
        used += coding.count
      }
      for exon in exons {
        if let coding = locus.codingPart(of: exon.interval), let phase = phases[exon.number] {
          line("CDS", coding.lowerBound, coding.upperBound, String(phase), "Parent=\(transcriptID)")
        }
        let fivePrimeIsLow = gene.strand == .plus
        if exon.interval.start < codingStart {
          line(
            fivePrimeIsLow ? "five_prime_UTR" : "three_prime_UTR", exon.interval.start, min(exon.interval.end, codingStart - 1),
            ".", "Parent=\(transcriptID)")
        }
        if exon.interval.end > codingEnd {
          line(
            fivePrimeIsLow ? "three_prime_UTR" : "five_prime_UTR", max(exon.interval.start, codingEnd + 1), exon.interval.end,
            ".", "Parent=\(transcriptID)")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
