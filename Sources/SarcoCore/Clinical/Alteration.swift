/// Short names for alterations in reports: `KIT p.W557_K558del`, `TP53 c.637C>T`, `KIT exon 11 deletion`.
public enum Alteration {
  public static func name(consequence: AlleleConsequence, variant: Variant) -> String {
    if let protein = consequence.protein { return "\(consequence.gene) p.\(protein.short)" }
    if let hgvsc = consequence.hgvsc {
      let cPart = hgvsc.split(separator: ":").last.map(String.init) ?? hgvsc
      return "\(consequence.gene) \(cPart)"
    }
    let place = consequence.exon.map { " exon \($0)" } ?? consequence.intron.map { " intron \($0)" } ?? ""
    var term = Substring(consequence.mostSevere)
    if term.hasSuffix("_variant") { term = term.dropLast("_variant".count) }
    return "\(consequence.gene)\(place) \(String(term.map { $0 == "_" ? " " : $0 })) (\(variant.key))"
  }
}
