import Testing

@testable import SarcoReports

/// Escaping and linking in the HTML report: the byte-level fast paths must give what the full path gives.
@Suite struct ReportLinksTests {
  @Test func escapingReplacesTheFiveCharactersAndKeepsOtherText() {
    #expect(HTMLBuilder.escape("KIT exon 11 (Δ557–558)") == "KIT exon 11 (Δ557–558)")
    #expect(HTMLBuilder.escape(#"<b>"R&D" 'x'</b> — µ"#) == "&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt; — µ")
    #expect(HTMLBuilder.escape("") == "")
  }

  @Test func textWithoutIdentifiersIsOnlyEscaped() {
    #expect(!ReportLinks.mayHoldIdentifier("imatinib sensitivity <level A>"))
    #expect(ReportLinks.linked("imatinib sensitivity <level A>") == "imatinib sensitivity &lt;level A&gt;")
    #expect(!ReportLinks.mayHoldIdentifier("PMI"))
  }

  @Test func everyIdentifierKindIsStillLinked() {
    #expect(ReportLinks.mayHoldIdentifier("x PMID:15928335"))
    #expect(ReportLinks.linked("Corless 2005 PMID:15928335; <NCCN>")
      == #"Corless 2005 <a href="https://pubmed.ncbi.nlm.nih.gov/15928335/">PMID:15928335</a>; &lt;NCCN&gt;"#)
    #expect(ReportLinks.linked("CIVIC:EID4072").contains("https://civicdb.org/evidence/4072/summary"))
    #expect(ReportLinks.linked("CIViC 01-Aug-2024 variant 12").contains("https://civicdb.org/variants/12/summary"))
    #expect(ReportLinks.linked("ClinVar VCV000012366").contains("https://www.ncbi.nlm.nih.gov/clinvar/variation/12366/"))
    #expect(ReportLinks.linked("doi:10.1016/j.annonc.2021.09.005").contains("https://doi.org/10.1016/j.annonc.2021.09.005"))
  }
}
