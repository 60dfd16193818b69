"""Knowledge-base tables of the sarcoma panel, used by scripts/build-panel.

Curated facts (fusions, copy-number events, brief actionability items, rule
tables, OncoTree codes) live here as data, each with its citation; CIViC
evidence and ClinVar known variants are derived from ../shared/data.
"""
import collections
import gzip

WHO_2020 = "WHO Classification of Tumours: Soft Tissue and Bone Tumours, 5th ed. (IARC 2020)"

# (fusion, diagnosis, OncoTree codes, citation). GENE::* means any partner.
FUSIONS = [
    ("EWSR1::FLI1", "Ewing sarcoma", "ES", "Delattre et al. 1992 PMID:1522903; " + WHO_2020),
    ("EWSR1::ERG", "Ewing sarcoma", "ES", WHO_2020),
    ("FUS::ERG", "Ewing sarcoma", "ES", WHO_2020),
    ("EWSR1::WT1", "Desmoplastic small round cell tumour", "DSRCT", WHO_2020),
    ("EWSR1::ATF1", "Clear cell sarcoma of soft tissue; angiomatoid fibrous histiocytoma", "CCS,AFH", WHO_2020),
    ("EWSR1::CREB1", "Clear cell sarcoma (gastrointestinal-type); angiomatoid fibrous histiocytoma", "CCS,AFH", WHO_2020),
    ("EWSR1::NR4A3", "Extraskeletal myxoid chondrosarcoma", "EMCHS", WHO_2020),
    ("TAF15::NR4A3", "Extraskeletal myxoid chondrosarcoma", "EMCHS", WHO_2020),
    ("FUS::DDIT3", "Myxoid liposarcoma", "MRLS", WHO_2020),
    ("EWSR1::DDIT3", "Myxoid liposarcoma", "MRLS", WHO_2020),
    ("SS18::SSX1", "Synovial sarcoma", "SYNS", "Clark et al. 1994 PMID:7951320; " + WHO_2020),
    ("SS18::SSX2", "Synovial sarcoma", "SYNS", "Clark et al. 1994 PMID:7951320; " + WHO_2020),
    ("SS18::SSX4", "Synovial sarcoma", "SYNS", WHO_2020),
    ("PAX3::FOXO1", "Alveolar rhabdomyosarcoma", "ARMS", WHO_2020),
    ("PAX7::FOXO1", "Alveolar rhabdomyosarcoma", "ARMS", WHO_2020),
    ("ASPSCR1::TFE3", "Alveolar soft part sarcoma", "ASPS", WHO_2020),
    ("CIC::DUX4", "CIC-rearranged sarcoma", "SARCNOS", WHO_2020),
    ("BCOR::CCNB3", "Sarcoma with BCOR genetic alterations", "SARCNOS", WHO_2020),
    ("NAB2::STAT6", "Solitary fibrous tumour", "SFT", "Robinson et al. 2013 PMID:23313952; " + WHO_2020),
    ("COL1A1::PDGFB", "Dermatofibrosarcoma protuberans", "DFSP", WHO_2020),
    ("WWTR1::CAMTA1", "Epithelioid haemangioendothelioma", "EHE", WHO_2020),
    ("YAP1::TFE3", "Epithelioid haemangioendothelioma", "EHE", WHO_2020),
    ("ETV6::NTRK3", "Infantile fibrosarcoma", "IFS", WHO_2020),
    ("HEY1::NCOA2", "Mesenchymal chondrosarcoma", "MCHS", WHO_2020),
    ("MYH9::USP6", "Nodular fasciitis", "NF", WHO_2020),
    ("JAZF1::SUZ12", "Low-grade endometrial stromal sarcoma", "LGESS", "WHO Classification of Tumours: Female Genital Tumours, 5th ed. (IARC 2020)"),
    ("YWHAE::NUTM2A", "High-grade endometrial stromal sarcoma", "HGESS", "WHO Classification of Tumours: Female Genital Tumours, 5th ed. (IARC 2020)"),
    ("YWHAE::NUTM2B", "High-grade endometrial stromal sarcoma", "HGESS", "WHO Classification of Tumours: Female Genital Tumours, 5th ed. (IARC 2020)"),
    ("CSF1::*", "Tenosynovial giant cell tumour", "TGCT", WHO_2020),
    ("ALK::*", "Inflammatory myofibroblastic tumour", "IMT", WHO_2020),
    ("ROS1::*", "Inflammatory myofibroblastic tumour", "IMT", WHO_2020),
    ("NTRK1::*", "NTRK-rearranged spindle cell neoplasm", "SARCNOS", WHO_2020),
    ("NTRK2::*", "NTRK-rearranged spindle cell neoplasm", "SARCNOS", WHO_2020),
    ("NTRK3::*", "NTRK-rearranged spindle cell neoplasm", "SARCNOS", WHO_2020),
    ("RET::*", "RET-rearranged spindle cell neoplasm", "SARCNOS", WHO_2020),
]

# (gene, event, threshold, meaning, OncoTree codes, significance, citation)
# event: amplification (copy number >= threshold), homozygous_deletion (copy number 0), deletion (copy number <= threshold)
COPY_NUMBER = [
    ("MDM2", "amplification", 6, "Diagnostic of well-differentiated/dedifferentiated liposarcoma (MDM2 amplification is the diagnostic marker)", "WDLS,DDLS", "diagnostic", WHO_2020),
    ("CDK4", "amplification", 6, "Co-amplified with MDM2 in well-differentiated/dedifferentiated liposarcoma", "WDLS,DDLS", "diagnostic", WHO_2020),
    ("HMGA2", "amplification", 6, "12q13-15 amplicon with MDM2/CDK4 in liposarcoma", "WDLS,DDLS", "diagnostic", WHO_2020),
    ("FRS2", "amplification", 6, "12q15 amplicon in liposarcoma", "WDLS,DDLS", "diagnostic", WHO_2020),
    ("GLI1", "amplification", 6, "GLI1-altered mesenchymal tumour", "SARCNOS", "diagnostic", WHO_2020),
    ("MYC", "amplification", 6, "Radiation-associated angiosarcoma (distinguishes it from atypical vascular lesion)", "ANGS", "diagnostic", WHO_2020),
    ("CDKN2A", "homozygous_deletion", 0, "CDKN2A/B homozygous loss: progression marker (MPNST, myxofibrosarcoma, dedifferentiation)", "MPNST,MFS,SARCNOS", "prognostic", WHO_2020),
    ("CDKN2B", "homozygous_deletion", 0, "CDKN2A/B homozygous loss", "MPNST,SARCNOS", "prognostic", WHO_2020),
    ("RB1", "deletion", 1, "RB1 loss (spindle cell/pleomorphic lipoma, mammary-type myofibroblastoma; pleomorphic sarcomas)", "SARCNOS", "diagnostic", WHO_2020),
    ("PTEN", "deletion", 1, "PTEN loss", "SARCNOS", "biological", WHO_2020),
    ("NF1", "deletion", 1, "NF1 loss (MPNST, neurofibroma)", "MPNST", "diagnostic", WHO_2020),
    ("SMARCB1", "deletion", 1, "SMARCB1 (INI1) loss: epithelioid sarcoma, rhabdoid tumour", "EPIS,MRT", "diagnostic", WHO_2020),
    ("TP53", "deletion", 1, "TP53 loss", "SARCNOS", "biological", WHO_2020),
]

# Curated actionability items of the brief (section 5): gene, matcher type, matcher, tumour types, therapies,
# significance, AMP level, citation
CURATED_EVIDENCE = [
    ("KIT", "exon", "9", "GIST", "Imatinib", "sensitivity", "A", "FDA label imatinib (Gleevec) 2008; NCCN Soft Tissue Sarcoma guideline 2024"),
    ("KIT", "exon", "11", "GIST", "Imatinib", "sensitivity", "A", "FDA label imatinib (Gleevec) 2008; NCCN Soft Tissue Sarcoma guideline 2024"),
    ("KIT", "exon", "13", "GIST", "Sunitinib", "sensitivity", "A", "FDA label sunitinib (Sutent) 2006; NCCN Soft Tissue Sarcoma guideline 2024"),
    ("KIT", "exon", "17", "GIST", "Ripretinib,Regorafenib", "sensitivity", "A", "FDA labels ripretinib (Qinlock) 2020, regorafenib (Stivarga) 2013"),
    ("PDGFRA", "exact", "D842V", "GIST", "Avapritinib", "sensitivity", "A", "FDA label avapritinib (Ayvakit) 2020"),
    ("PDGFRA", "exact", "D842V", "GIST", "Imatinib", "resistance", "A", "NCCN Soft Tissue Sarcoma guideline 2024; Corless et al. 2005 PMID:15928335"),
    ("PDGFRA", "exon", "12", "GIST", "Imatinib", "sensitivity", "A", "NCCN Soft Tissue Sarcoma guideline 2024"),
    ("PDGFRA", "exon", "18", "GIST", "Imatinib", "sensitivity", "B", "NCCN Soft Tissue Sarcoma guideline 2024 (non-D842V exon 18 mutations)"),
    ("NTRK1", "fusion", "NTRK1::*", "*", "Larotrectinib,Entrectinib,Repotrectinib", "sensitivity", "A", "FDA labels larotrectinib (Vitrakvi) 2018, entrectinib (Rozlytrek) 2019, repotrectinib (Augtyro) 2024"),
    ("NTRK2", "fusion", "NTRK2::*", "*", "Larotrectinib,Entrectinib,Repotrectinib", "sensitivity", "A", "FDA labels larotrectinib (Vitrakvi) 2018, entrectinib (Rozlytrek) 2019, repotrectinib (Augtyro) 2024"),
    ("NTRK3", "fusion", "NTRK3::*", "*", "Larotrectinib,Entrectinib,Repotrectinib", "sensitivity", "A", "FDA labels larotrectinib (Vitrakvi) 2018, entrectinib (Rozlytrek) 2019, repotrectinib (Augtyro) 2024"),
    ("ALK", "fusion", "ALK::*", "IMT", "Crizotinib", "sensitivity", "A", "FDA label crizotinib (Xalkori) for ALK-positive IMT 2022"),
    ("TSC1", "variant_class", "loss_of_function", "PECOMA", "nab-Sirolimus", "sensitivity", "A", "FDA label nab-sirolimus (Fyarro) 2021"),
    ("TSC2", "variant_class", "loss_of_function", "PECOMA", "nab-Sirolimus", "sensitivity", "A", "FDA label nab-sirolimus (Fyarro) 2021"),
    ("PDGFB", "fusion", "COL1A1::PDGFB", "DFSP", "Imatinib", "sensitivity", "A", "FDA label imatinib (Gleevec) for DFSP 2006"),
    ("SMARCB1", "deletion", "SMARCB1", "EPIS", "Tazemetostat", "sensitivity", "A", "FDA label tazemetostat (Tazverik) 2020"),
    ("CSF1", "fusion", "CSF1::*", "TGCT", "Pexidartinib,Vimseltinib", "sensitivity", "A", "FDA labels pexidartinib (Turalio) 2019, vimseltinib (Romvimza) 2025"),
    ("BRAF", "exact", "V600E", "*", "Dabrafenib+Trametinib", "sensitivity", "A", "FDA label dabrafenib + trametinib, tumour-agnostic 2022"),
    ("RET", "fusion", "RET::*", "*", "Selpercatinib", "sensitivity", "A", "FDA label selpercatinib (Retevmo), tumour-agnostic 2022"),
    ("MDM2", "amplification", "MDM2", "WDLS,DDLS", "MDM2 inhibitors (clinical trials)", "sensitivity", "C", "NCCN Soft Tissue Sarcoma guideline 2024 (clinical trials)"),
    ("CDK4", "amplification", "CDK4", "WDLS,DDLS", "Palbociclib,Abemaciclib", "sensitivity", "C", "Dickson et al. 2013 PMID:23569312; NCCN Soft Tissue Sarcoma guideline 2024"),
    ("IDH1", "codon", "R132", "CHS", "Ivosidenib", "sensitivity", "C", "Tap et al. 2020 PMID:32208957 (phase 1, conventional chondrosarcoma)"),
    ("NF1", "variant_class", "loss_of_function", "PN", "Selumetinib", "sensitivity", "A", "FDA label selumetinib (Koselugo) for NF1 plexiform neurofibroma 2020"),
    ("NF1", "variant_class", "loss_of_function", "MPNST", "Selumetinib", "sensitivity", "D", "NCCN Soft Tissue Sarcoma guideline 2024; preclinical"),
    ("*", "tmb", ">=10", "*", "Pembrolizumab", "sensitivity", "A", "FDA label pembrolizumab (Keytruda), TMB-high solid tumours 2020"),
    ("*", "msi", "MSI-H", "*", "Pembrolizumab", "sensitivity", "A", "FDA label pembrolizumab (Keytruda), MSI-H/dMMR solid tumours 2017"),
]

# CIViC disease name -> OncoTree code ("*" tumour-agnostic). Hand-assigned from OncoTree; unlisted diseases keep
# their CIViC name and DOID with an empty code (they never count as the sample's tumour type).
ONCOTREE = {
    "Gastrointestinal Stromal Tumor": "GIST", "Ewing Sarcoma": "ES", "Ewing Sarcoma Of Bone": "ES",
    "Synovial Sarcoma": "SYNS", "Desmoid Tumor": "DES", "Alveolar Rhabdomyosarcoma": "ARMS",
    "Embryonal Rhabdomyosarcoma": "ERMS", "Spindle Cell Rhabdomyosarcoma": "SCRMS", "Rhabdomyosarcoma": "RMS",
    "Inflammatory Myofibroblastic Tumor": "IMT", "Dermatofibrosarcoma Protuberans": "DFSP", "Liposarcoma": "LIPO",
    "Dedifferentiated Liposarcoma": "DDLS", "Well-differentiated Liposarcoma": "WDLS", "Myxoid Liposarcoma": "MRLS",
    "Malignant Epithelioid Hemangioendothelioma": "EHE", "Epithelioid Hemangioendothelioma": "EHE",
    "Alveolar Soft Part Sarcoma": "ASPS", "Clear Cell Sarcoma": "CCS", "Epithelioid Sarcoma": "EPIS",
    "Malignant Peripheral Nerve Sheath Tumor": "MPNST", "Osteosarcoma": "OS", "Chondrosarcoma": "CHS",
    "Chordoma": "CHDM", "Giant Cell Tumor Of Bone": "GCTB", "Angiosarcoma": "ANGS", "Leiomyosarcoma": "LMS",
    "Uterine Leiomyosarcoma": "ULMS", "Undifferentiated Pleomorphic Sarcoma": "UPS", "Congenital Fibrosarcoma": "IFS",
    "Solitary Fibrous Tumor": "SFT", "Perivascular Epithelioid Cell Tumor": "PECOMA", "Sarcoma": "SARCNOS",
    "Soft Tissue Sarcoma": "SARCNOS", "Kidney Clear Cell Sarcoma": "CCSK", "Desmoplastic Small Round Cell Tumor": "DSRCT",
    "Plexiform Neurofibroma": "PN", "Neurofibroma": "NFIB", "Endometrial Stromal Sarcoma": "ESS",
    "Cancer": "*", "Solid Tumor": "*",
    "Colorectal Cancer": "COADREAD", "Lung Non-small Cell Carcinoma": "NSCLC", "Lung Adenocarcinoma": "LUAD",
    "Melanoma": "MEL", "Skin Melanoma": "SKCM", "Breast Cancer": "BRCA", "Her2-receptor Positive Breast Cancer": "BRCA",
    "Triple-receptor Negative Breast Cancer": "BRCA", "Acute Myeloid Leukemia": "AML", "Ovarian Cancer": "OVARY",
    "Chronic Lymphocytic Leukemia": "CLLSLL", "Multiple Myeloma": "PCM", "Head And Neck Squamous Cell Carcinoma": "HNSC",
    "Neuroblastoma": "NBL", "Glioblastoma": "GB", "Papillary Thyroid Carcinoma": "THPA", "Pancreatic Cancer": "PANCREAS",
    "Pancreatic Adenocarcinoma": "PAAD", "Prostate Cancer": "PRAD", "Endometrial Cancer": "UCEC",
    "Stomach Carcinoma": "STAD", "Medullary Thyroid Carcinoma": "THME", "Thyroid Cancer": "THYROID",
    "Myelodysplastic Syndrome": "MDS", "Lung Cancer": "LUNG",
}

# Rule tables: ACMG/AMP 2015 criteria (Richards et al. 2015 PMID:25741868) with Tavtigian point values
# (Tavtigian et al. 2018 PMID:29300386; 2020 PMID:32720330).
ACMG = "Richards et al. 2015 PMID:25741868; points Tavtigian et al. 2020 PMID:32720330"
ACMG_CRITERIA = [
    ("PVS1", "pathogenic", "very_strong", 8, "Null variant in a gene where loss of function is a known mechanism of disease"),
    ("PS1", "pathogenic", "strong", 4, "Same amino-acid change as an established pathogenic variant"),
    ("PS2", "pathogenic", "strong", 4, "De novo (maternity and paternity confirmed)"),
    ("PS3", "pathogenic", "strong", 4, "Well-established functional studies show a damaging effect"),
    ("PS4", "pathogenic", "strong", 4, "Prevalence in affected individuals significantly higher than in controls"),
    ("PM1", "pathogenic", "moderate", 2, "Mutational hot spot or critical functional domain without benign variation"),
    ("PM2", "pathogenic", "supporting", 1, "Absent or extremely rare in population databases (ClinGen SVI: supporting strength)"),
    ("PM3", "pathogenic", "moderate", 2, "In trans with a pathogenic variant (recessive disorders)"),
    ("PM4", "pathogenic", "moderate", 2, "Protein length change: in-frame indel in a non-repeat region or stop-loss"),
    ("PM5", "pathogenic", "moderate", 2, "Novel missense change at a residue where a different pathogenic missense change is known"),
    ("PM6", "pathogenic", "moderate", 2, "Assumed de novo"),
    ("PP1", "pathogenic", "supporting", 1, "Co-segregation with disease in affected family members"),
    ("PP2", "pathogenic", "supporting", 1, "Missense in a gene with low benign missense rate where missense is a mechanism of disease"),
    ("PP3", "pathogenic", "supporting", 1, "Computational evidence supports a deleterious effect"),
    ("PP4", "pathogenic", "supporting", 1, "Phenotype or family history highly specific for the gene"),
    ("PP5", "pathogenic", "supporting", 1, "Reputable source reports pathogenic (retired by ClinGen SVI; not applied)"),
    ("BA1", "benign", "stand_alone", -8, "Allele frequency above the stand-alone benign threshold"),
    ("BS1", "benign", "strong", -4, "Allele frequency greater than expected for the disorder"),
    ("BS2", "benign", "strong", -4, "Observed in a healthy adult with full penetrance expected at an early age"),
    ("BS3", "benign", "strong", -4, "Well-established functional studies show no damaging effect"),
    ("BS4", "benign", "strong", -4, "Lack of segregation in affected family members"),
    ("BP1", "benign", "supporting", -1, "Missense in a gene where primarily truncating variants cause disease"),
    ("BP2", "benign", "supporting", -1, "In trans with a pathogenic variant (dominant) or in cis"),
    ("BP3", "benign", "supporting", -1, "In-frame indel in a repetitive region without known function"),
    ("BP4", "benign", "supporting", -1, "Computational evidence suggests no impact"),
    ("BP5", "benign", "supporting", -1, "Found in a case with an alternate molecular basis for disease"),
    ("BP6", "benign", "supporting", -1, "Reputable source reports benign (retired by ClinGen SVI; not applied)"),
    ("BP7", "benign", "supporting", -1, "Synonymous variant with no predicted splice impact"),
]
ACMG_STRENGTH_POINTS = [("very_strong", 8), ("strong", 4), ("moderate", 2), ("supporting", 1)]
ACMG_CLASSES = [  # class, min points, max points (inclusive; blank = unbounded)
    ("Pathogenic", 10, ""), ("Likely pathogenic", 6, 9), ("Uncertain significance", 0, 5),
    ("Likely benign", -6, -1), ("Benign", "", -7),
]
# AMP/ASCO/CAP 2017 (Li et al. 2017 PMID:27993330)
AMP = "Li et al. 2017 PMID:27993330"
AMP_TIERS = [
    ("I-A", "A", "same", "FDA-approved therapy or professional guideline, for this tumour type"),
    ("I-B", "B", "same", "Well-powered studies with expert consensus, for this tumour type"),
    ("II-C", "A", "other", "FDA-approved therapy or guideline for a different tumour type"),
    ("II-C", "B", "other", "Well-powered studies in a different tumour type"),
    ("II-C", "C", "any", "Multiple small published studies, or inclusion criterion for clinical trials"),
    ("II-D", "D", "any", "Preclinical trials or a few case reports"),
    ("III", "", "any", "Variant of unknown clinical significance: no convincing published evidence"),
    ("IV", "", "any", "Benign or likely benign: common in the population, no cancer association"),
]
# Ensembl VEP consequence terms, most severe first, with impact (Ensembl VEP documentation,
# "Calculated variant consequences"; Sequence Ontology accessions).
SEVERITY = [
    ("transcript_ablation", "SO:0001893", "HIGH"), ("splice_acceptor_variant", "SO:0001574", "HIGH"),
    ("splice_donor_variant", "SO:0001575", "HIGH"), ("stop_gained", "SO:0001587", "HIGH"),
    ("frameshift_variant", "SO:0001589", "HIGH"), ("stop_lost", "SO:0001578", "HIGH"),
    ("start_lost", "SO:0002012", "HIGH"), ("transcript_amplification", "SO:0001889", "HIGH"),
    ("feature_elongation", "SO:0001907", "HIGH"), ("feature_truncation", "SO:0001906", "HIGH"),
    ("inframe_insertion", "SO:0001821", "MODERATE"), ("inframe_deletion", "SO:0001822", "MODERATE"),
    ("missense_variant", "SO:0001583", "MODERATE"), ("protein_altering_variant", "SO:0001818", "MODERATE"),
    ("splice_donor_5th_base_variant", "SO:0001787", "LOW"), ("splice_region_variant", "SO:0001630", "LOW"),
    ("splice_donor_region_variant", "SO:0002170", "LOW"), ("splice_polypyrimidine_tract_variant", "SO:0002169", "LOW"),
    ("incomplete_terminal_codon_variant", "SO:0001626", "LOW"), ("start_retained_variant", "SO:0002019", "LOW"),
    ("stop_retained_variant", "SO:0001567", "LOW"), ("synonymous_variant", "SO:0001819", "LOW"),
    ("coding_sequence_variant", "SO:0001580", "MODIFIER"), ("mature_miRNA_variant", "SO:0001620", "MODIFIER"),
    ("5_prime_UTR_variant", "SO:0001623", "MODIFIER"), ("3_prime_UTR_variant", "SO:0001624", "MODIFIER"),
    ("non_coding_transcript_exon_variant", "SO:0001792", "MODIFIER"), ("intron_variant", "SO:0001627", "MODIFIER"),
    ("NMD_transcript_variant", "SO:0001621", "MODIFIER"), ("non_coding_transcript_variant", "SO:0001619", "MODIFIER"),
    ("coding_transcript_variant", "SO:0001968", "MODIFIER"), ("upstream_gene_variant", "SO:0001631", "MODIFIER"),
    ("downstream_gene_variant", "SO:0001632", "MODIFIER"), ("TFBS_ablation", "SO:0001895", "MODIFIER"),
    ("TFBS_amplification", "SO:0001892", "MODIFIER"), ("TF_binding_site_variant", "SO:0001782", "MODIFIER"),
    ("regulatory_region_ablation", "SO:0001894", "MODIFIER"), ("regulatory_region_amplification", "SO:0001891", "MODIFIER"),
    ("regulatory_region_variant", "SO:0001566", "MODIFIER"), ("intergenic_variant", "SO:0001628", "MODIFIER"),
]

CIVIC_LEVEL_TO_AMP = {"A": "A", "B": "B", "C": "C", "D": "D", "E": "D"}
THREE_TO_ONE = {"Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G",
                "His": "H", "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S",
                "Thr": "T", "Trp": "W", "Tyr": "Y", "Val": "V", "Ter": "*"}


def parse_profile(profile, panel_genes):
    """CIViC molecular profile -> (gene, matcher_type, matcher) or None when not matchable from DNA."""
    import re
    text = profile.strip()
    if " AND " in text or " OR " in text or " NOT " in text:
        return None
    fusion = re.fullmatch(r"(\S+) ([A-Z0-9-]+)::([A-Z0-9-]+)", text)
    if fusion and (fusion.group(2) in panel_genes or fusion.group(3) in panel_genes):
        gene = fusion.group(1) if fusion.group(1) in panel_genes else (fusion.group(2) if fusion.group(2) in panel_genes else fusion.group(3))
        return gene, "fusion", f"{fusion.group(2)}::{fusion.group(3)}"
    parts = text.split(" ", 1)
    if len(parts) != 2 or parts[0] not in panel_genes:
        return None
    gene, rest = parts
    rest = rest.strip()
    if re.fullmatch(r"[A-Z]\d+[A-Z*]", rest):
        return gene, "exact", rest
    if re.fullmatch(r"[A-Z]\d+", rest):
        return gene, "codon", rest
    m = re.fullmatch(r"Exon (\d+)(?:-(\d+))? (Mutation|Deletion|Insertion|Frameshift|Missense Mutation|Deletion/Insertion)", rest, re.I)
    if m:
        exons = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
        kind = m.group(3).lower()
        return gene, "exon", exons if kind == "mutation" else f"{exons}:{kind.replace(' mutation', '')}"
    lowered = rest.lower()
    classes = {"mutation": "any", "loss-of-function": "loss_of_function", "truncating mutation": "truncating",
               "frameshift mutation": "truncating", "missense mutation": "missense", "loss": "loss_of_function",
               "inactivating mutation": "loss_of_function", "activating mutation": "activating"}
    if lowered in classes:
        return gene, "variant_class", classes[lowered]
    if lowered == "amplification":
        return gene, "amplification", gene
    if lowered in ("deletion", "homozygous deletion", "copy number loss"):
        return gene, "deletion", gene
    if lowered in ("fusion", "rearrangement", "fusions"):
        return gene, "fusion", f"{gene}::*"
    return None


def civic_evidence(shared, panel_genes, notes):
    path = f"{shared}/civic/civic_01-Aug-2024_ClinicalEvidenceSummaries.sarcoma_genes_or_diseases.tsv"
    rows, skipped = [], collections.Counter()
    with open(path) as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for line in handle:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r["evidence_status"] != "accepted" or r["is_flagged"] == "true":
                skipped["not accepted or flagged"] += 1
                continue
            if r["evidence_type"] not in ("Predictive", "Diagnostic", "Prognostic", "Predisposing", "Oncogenic"):
                skipped[f"evidence type {r['evidence_type']}"] += 1
                continue
            parsed = parse_profile(r["molecular_profile"], panel_genes)
            if parsed is None:
                skipped["molecular profile not matchable from DNA (expression, combinations, other genes)"] += 1
                continue
            gene, matcher_type, matcher = parsed
            disease = r["disease"] or "Cancer"
            code = ONCOTREE.get(disease, "")
            rows.append({
                "id": f"CIVIC:EID{r['evidence_id']}", "gene": gene, "matcher_type": matcher_type, "matcher": matcher,
                "tumour_types": code, "disease": disease, "doid": r["doid"], "therapies": therapies(r),
                "evidence_type": r["evidence_type"].lower(), "direction": r["evidence_direction"].lower(),
                "significance": r["significance"].lower().replace(" ", "_"), "level": CIVIC_LEVEL_TO_AMP.get(r["evidence_level"], ""),
                "source_level": f"CIViC {r['evidence_level']}", "origin": r["variant_origin"].lower().replace(" ", "_"),
                "citation": f"{'PMID' if r['source_type'] == 'PubMed' else r['source_type']}:{r['citation_id']}",
                "source": f"CIViC 01-Aug-2024 EID{r['evidence_id']} (CC0)",
            })
    for reason, count in sorted(skipped.items()):
        notes.append(f"CIViC evidence skipped: {count} ({reason})")
    return rows


def therapies(row):
    """CIViC therapies: comma-separated alternatives; a combination becomes one entry joined by '+'."""
    names = [t.strip() for t in row["therapies"].split(",") if t.strip()]
    if row["therapy_interaction_type"] == "Combination":
        return "+".join(names)
    return ",".join(names)


def curated_evidence():
    rows = []
    for index, (gene, mtype, matcher, types, therapies, significance, level, citation) in enumerate(CURATED_EVIDENCE, 1):
        rows.append({
            "id": f"SARCOPANEL:{index:03d}", "gene": gene, "matcher_type": mtype, "matcher": matcher,
            "tumour_types": types, "disease": "", "doid": "", "therapies": therapies, "evidence_type": "predictive",
            "direction": "supports", "significance": significance, "level": level, "source_level": "curated",
            "origin": "somatic" if gene not in ("NF1",) or types != "PN" else "germline_or_somatic", "citation": citation,
            "source": "content brief section 5 (PANEL.md), curated with the cited label or guideline"})
    return rows


STARS = {"practice_guideline": 4, "reviewed_by_expert_panel": 3, "criteria_provided,_multiple_submitters,_no_conflicts": 2}


def known_variants(shared, germline_genes, notes):
    """ClinVar 2-star+ classifications of predisposition genes, newest release first."""
    sources = [
        (f"{shared}/clinvar/clinvar_20260226.hereditary_cancer_genes_subset.grch38.vcf.gz", "2026-02-26"),
        (f"{shared}/clinvar/clinvar_20200803_2star_plus.sarcoma_genes.grch38.vcf.gz", "2020-08-03"),
    ]
    table = {}
    for path, release in sources:
        with gzip.open(path, "rt") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                chrom, pos, vid, ref, alt, _, _, info = line.rstrip("\n").split("\t")[:8]
                fields = dict(item.split("=", 1) for item in info.split(";") if "=" in item)
                status = fields.get("CLNREVSTAT", "")
                if status not in STARS:
                    continue
                gene = fields.get("GENEINFO", "").split(":")[0]
                if gene not in germline_genes or alt in (".", "*") or not set(ref + alt) <= set("ACGTN"):
                    continue
                significance = fields.get("CLNSIG", "")
                if not significance or "conflicting" in significance.lower():
                    continue
                p, r, a = trim(int(pos), ref, alt)
                key = (chrom, p, r, a)
                if key in table:
                    continue
                table[key] = {"gene": gene, "build": "GRCh38", "chrom": chrom, "pos": p, "ref": r, "alt": a,
                              "clinvar_id": vid, "significance": significance, "review_status": status,
                              "stars": STARS[status], "clinvar_release": release,
                              "consequence": fields.get("MC", "").split("|")[-1].split(",")[0],
                              "source": f"ClinVar {release}"}
    rows = sorted(table.values(), key=lambda r: (r["gene"], r["pos"], r["ref"], r["alt"]))
    notes.append(f"known variants: {len(rows)} ClinVar 2-star+ records of {len(set(r['gene'] for r in rows))} predisposition genes (GRCh38 only: the shared ClinVar files are GRCh38)")
    return rows


def trim(pos, ref, alt):
    while len(ref) > 1 and len(alt) > 1 and ref[-1] == alt[-1]:
        ref, alt = ref[:-1], alt[:-1]
    while len(ref) > 1 and len(alt) > 1 and ref[0] == alt[0]:
        ref, alt, pos = ref[1:], alt[1:], pos + 1
    return pos, ref, alt
