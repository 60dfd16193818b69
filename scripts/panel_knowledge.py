"""Knowledge-base tables of the sarcoma panel, used by scripts/build-panel.

Curated facts (fusions, copy-number events, brief actionability items, rule
tables, OncoTree codes) live here as data, each with its citation; CIViC
evidence and ClinVar known variants are derived from ../shared/data.
"""
import collections
import gzip

WHO_2020 = "WHO Classification of Tumours: Soft Tissue and Bone Tumours, 5th ed. (IARC 2020)"

# (fusion, diagnosis, OncoTree codes, specificity, citation). GENE::* means any partner.
# specificity: "defining" = pathognomonic for the listed entities (a sample diagnosed otherwise is flagged
# as discordant); "characteristic" = typical of them but also found elsewhere (never a discordance).
FUSIONS = [
    ("EWSR1::FLI1", "Ewing sarcoma", "ES,ESST", "defining", "Delattre et al. 1992 PMID:1522903; " + WHO_2020),
    ("EWSR1::ERG", "Ewing sarcoma", "ES,ESST", "defining", WHO_2020),
    ("FUS::ERG", "Ewing sarcoma", "ES,ESST", "defining", WHO_2020),
    ("EWSR1::WT1", "Desmoplastic small round cell tumour", "DSRCT", "defining", WHO_2020),
    ("EWSR1::ATF1", "Clear cell sarcoma of soft tissue; angiomatoid fibrous histiocytoma", "CCS,AFH", "defining", WHO_2020),
    ("EWSR1::CREB1", "Clear cell sarcoma (gastrointestinal-type); angiomatoid fibrous histiocytoma", "CCS,AFH", "defining", WHO_2020),
    ("EWSR1::NR4A3", "Extraskeletal myxoid chondrosarcoma", "EMCHS", "defining", WHO_2020),
    ("TAF15::NR4A3", "Extraskeletal myxoid chondrosarcoma", "EMCHS", "defining", WHO_2020),
    ("FUS::DDIT3", "Myxoid liposarcoma", "MRLS", "defining", WHO_2020),
    ("EWSR1::DDIT3", "Myxoid liposarcoma", "MRLS", "defining", WHO_2020),
    ("SS18::SSX1", "Synovial sarcoma", "SYNS", "defining", "Clark et al. 1994 PMID:7951320; " + WHO_2020),
    ("SS18::SSX2", "Synovial sarcoma", "SYNS", "defining", "Clark et al. 1994 PMID:7951320; " + WHO_2020),
    ("SS18::SSX4", "Synovial sarcoma", "SYNS", "defining", WHO_2020),
    ("PAX3::FOXO1", "Alveolar rhabdomyosarcoma", "ARMS", "defining", WHO_2020),
    ("PAX7::FOXO1", "Alveolar rhabdomyosarcoma", "ARMS", "defining", WHO_2020),
    ("ASPSCR1::TFE3", "Alveolar soft part sarcoma (also TFE3-rearranged renal cell carcinoma)", "ASPS,TRCC", "defining", WHO_2020),
    ("CIC::DUX4", "CIC-rearranged sarcoma", "RCSNOS", "defining", WHO_2020),
    ("BCOR::CCNB3", "Sarcoma with BCOR genetic alterations", "RCSNOS", "defining", WHO_2020),
    ("NAB2::STAT6", "Solitary fibrous tumour", "SFT", "defining", "Robinson et al. 2013 PMID:23313952; " + WHO_2020),
    ("COL1A1::PDGFB", "Dermatofibrosarcoma protuberans", "DFSP", "defining", WHO_2020),
    ("WWTR1::CAMTA1", "Epithelioid haemangioendothelioma", "EHAE", "defining", WHO_2020),
    ("YAP1::TFE3", "Epithelioid haemangioendothelioma", "EHAE", "defining", WHO_2020),
    ("ETV6::NTRK3", "Infantile fibrosarcoma", "IFS", "characteristic", WHO_2020),
    ("HEY1::NCOA2", "Mesenchymal chondrosarcoma", "MCHS", "defining", WHO_2020),
    ("MYH9::USP6", "Nodular fasciitis", "NODFAS", "defining", WHO_2020),
    ("JAZF1::SUZ12", "Low-grade endometrial stromal sarcoma", "LGESS", "defining", "WHO Classification of Tumours: Female Genital Tumours, 5th ed. (IARC 2020)"),
    ("YWHAE::NUTM2A", "High-grade endometrial stromal sarcoma", "HGESS", "defining", "WHO Classification of Tumours: Female Genital Tumours, 5th ed. (IARC 2020)"),
    ("YWHAE::NUTM2B", "High-grade endometrial stromal sarcoma", "HGESS", "defining", "WHO Classification of Tumours: Female Genital Tumours, 5th ed. (IARC 2020)"),
    ("CSF1::*", "Tenosynovial giant cell tumour", "TGCT", "characteristic", WHO_2020),
    ("ALK::*", "Inflammatory myofibroblastic tumour", "IMT", "characteristic", WHO_2020),
    ("ROS1::*", "Inflammatory myofibroblastic tumour", "IMT", "characteristic", WHO_2020),
    ("NTRK1::*", "NTRK-rearranged spindle cell neoplasm", "SARCNOS", "characteristic", WHO_2020),
    ("NTRK2::*", "NTRK-rearranged spindle cell neoplasm", "SARCNOS", "characteristic", WHO_2020),
    ("NTRK3::*", "NTRK-rearranged spindle cell neoplasm", "SARCNOS", "characteristic", WHO_2020),
    ("RET::*", "RET-rearranged spindle cell neoplasm", "SARCNOS", "characteristic", WHO_2020),
]

# (gene, event, threshold, meaning, OncoTree codes, significance, specificity, citation)
# event: amplification (copy number >= threshold), homozygous_deletion (copy number 0), deletion (copy number <= threshold)
LIPOSARCOMA_MDM2 = "WDLS,DDLS,ALT,PAOS,LGCOS,INTS"
COPY_NUMBER = [
    ("MDM2", "amplification", 6, "MDM2 amplification: the diagnostic marker of atypical lipomatous tumour / well-differentiated and dedifferentiated liposarcoma; also parosteal and low-grade central osteosarcoma and intimal sarcoma", LIPOSARCOMA_MDM2, "diagnostic", "defining", WHO_2020),
    ("CDK4", "amplification", 6, "Co-amplified with MDM2 in well-differentiated/dedifferentiated liposarcoma, parosteal and low-grade central osteosarcoma", LIPOSARCOMA_MDM2, "diagnostic", "characteristic", WHO_2020),
    ("HMGA2", "amplification", 6, "12q13-15 amplicon with MDM2/CDK4 in liposarcoma", "WDLS,DDLS,ALT", "diagnostic", "characteristic", WHO_2020),
    ("FRS2", "amplification", 6, "12q15 amplicon in liposarcoma", "WDLS,DDLS,ALT", "diagnostic", "characteristic", WHO_2020),
    ("GLI1", "amplification", 6, "GLI1-altered mesenchymal tumour", "SARCNOS", "diagnostic", "characteristic", WHO_2020),
    ("MYC", "amplification", 6, "Radiation-associated angiosarcoma (distinguishes it from atypical vascular lesion)", "ANGS,RAS", "diagnostic", "characteristic", WHO_2020),
    ("CDKN2A", "homozygous_deletion", 0, "CDKN2A/B homozygous loss: progression marker (MPNST, myxofibrosarcoma, dedifferentiation)", "MPNST,MFS,SARCNOS", "prognostic", "characteristic", WHO_2020),
    ("CDKN2B", "homozygous_deletion", 0, "CDKN2A/B homozygous loss", "MPNST,SARCNOS", "prognostic", "characteristic", WHO_2020),
    ("RB1", "deletion", 1, "RB1 loss (spindle cell/pleomorphic lipoma, mammary-type myofibroblastoma; pleomorphic sarcomas)", "SARCNOS", "diagnostic", "characteristic", WHO_2020),
    ("PTEN", "deletion", 1, "PTEN loss", "SARCNOS", "biological", "characteristic", WHO_2020),
    ("NF1", "deletion", 1, "NF1 loss (MPNST, neurofibroma)", "MPNST,NFIB", "diagnostic", "characteristic", WHO_2020),
    ("SMARCB1", "homozygous_deletion", 0, "SMARCB1 (INI1) loss of both copies: epithelioid sarcoma, malignant rhabdoid tumour, atypical teratoid/rhabdoid tumour", "EPIS,MRT,ATRT", "diagnostic", "characteristic", WHO_2020),
    ("TP53", "deletion", 1, "TP53 loss", "SARCNOS", "biological", "characteristic", WHO_2020),
]

ESMO_GIST = "ESMO-EURACAN-GENTURIS GIST guideline (Casali et al. 2022, Ann Oncol 33:20-33, doi:10.1016/j.annonc.2021.09.005)"
NCCN_GIST = "NCCN Gastrointestinal Stromal Tumors guideline 2024"

# Curated items: gene, matcher type, matcher, exclusions (protein changes the row never applies to), tumour types,
# therapies, evidence type, significance, AMP level, citation.
CURATED_EVIDENCE = [
    ("KIT", "exon", "9", "", "GIST", "Imatinib", "predictive", "sensitivity", "A", "FDA label imatinib (Gleevec) 2008; NCCN Soft Tissue Sarcoma guideline 2024"),
    ("KIT", "exon", "11", "", "GIST", "Imatinib", "predictive", "sensitivity", "A", "FDA label imatinib (Gleevec) 2008; NCCN Soft Tissue Sarcoma guideline 2024"),
    ("KIT", "exon", "13", "", "GIST", "Sunitinib", "predictive", "sensitivity", "A", "FDA label sunitinib (Sutent) 2006; NCCN Soft Tissue Sarcoma guideline 2024"),
    ("KIT", "exon", "17", "", "GIST", "Ripretinib,Regorafenib", "predictive", "sensitivity", "A", "FDA labels ripretinib (Qinlock) 2020, regorafenib (Stivarga) 2013"),
    ("PDGFRA", "exact", "D842V", "", "GIST", "Avapritinib", "predictive", "sensitivity", "A", "FDA label avapritinib (Ayvakit) 2020"),
    ("PDGFRA", "exact", "D842V", "", "GIST", "Imatinib", "predictive", "resistance", "A", "NCCN Soft Tissue Sarcoma guideline 2024; Corless et al. 2005 PMID:15928335; " + ESMO_GIST),
    ("PDGFRA", "exon", "12", "", "GIST", "Imatinib", "predictive", "sensitivity", "A", "NCCN Soft Tissue Sarcoma guideline 2024"),
    ("PDGFRA", "exon", "18", "D842V", "GIST", "Imatinib", "predictive", "sensitivity", "B", "NCCN Soft Tissue Sarcoma guideline 2024 (non-D842V exon 18 mutations)"),
    ("NTRK1", "fusion", "NTRK1::*", "", "*", "Larotrectinib,Entrectinib,Repotrectinib", "predictive", "sensitivity", "A", "FDA labels larotrectinib (Vitrakvi) 2018, entrectinib (Rozlytrek) 2019, repotrectinib (Augtyro) 2024"),
    ("NTRK2", "fusion", "NTRK2::*", "", "*", "Larotrectinib,Entrectinib,Repotrectinib", "predictive", "sensitivity", "A", "FDA labels larotrectinib (Vitrakvi) 2018, entrectinib (Rozlytrek) 2019, repotrectinib (Augtyro) 2024"),
    ("NTRK3", "fusion", "NTRK3::*", "", "*", "Larotrectinib,Entrectinib,Repotrectinib", "predictive", "sensitivity", "A", "FDA labels larotrectinib (Vitrakvi) 2018, entrectinib (Rozlytrek) 2019, repotrectinib (Augtyro) 2024"),
    ("ALK", "fusion", "ALK::*", "", "IMT", "Crizotinib", "predictive", "sensitivity", "A", "FDA label crizotinib (Xalkori) for ALK-positive IMT 2022"),
    ("TSC1", "variant_class", "loss_of_function", "", "PECOMA,UPECOMA", "nab-Sirolimus", "predictive", "sensitivity", "A", "FDA label nab-sirolimus (Fyarro) 2021"),
    ("TSC2", "variant_class", "loss_of_function", "", "PECOMA,UPECOMA", "nab-Sirolimus", "predictive", "sensitivity", "A", "FDA label nab-sirolimus (Fyarro) 2021"),
    ("PDGFB", "fusion", "COL1A1::PDGFB", "", "DFSP", "Imatinib", "predictive", "sensitivity", "A", "FDA label imatinib (Gleevec) for DFSP 2006"),
    ("SMARCB1", "biallelic_loss", "SMARCB1", "", "EPIS", "Tazemetostat", "predictive", "sensitivity", "A", "FDA label tazemetostat (Tazverik) 2020"),
    ("CSF1", "fusion", "CSF1::*", "", "TGCT", "Pexidartinib,Vimseltinib", "predictive", "sensitivity", "A", "FDA labels pexidartinib (Turalio) 2019, vimseltinib (Romvimza) 2025"),
    ("BRAF", "exact", "V600E", "", "*", "Dabrafenib+Trametinib", "predictive", "sensitivity", "A", "FDA label dabrafenib + trametinib, tumour-agnostic 2022"),
    ("RET", "fusion", "RET::*", "", "*", "Selpercatinib", "predictive", "sensitivity", "A", "FDA label selpercatinib (Retevmo), tumour-agnostic 2022"),
    ("MDM2", "amplification", "MDM2", "", "WDLS,DDLS", "MDM2 inhibitors (clinical trials)", "predictive", "sensitivity", "C", "NCCN Soft Tissue Sarcoma guideline 2024 (clinical trials)"),
    ("CDK4", "amplification", "CDK4", "", "WDLS,DDLS", "Palbociclib,Abemaciclib", "predictive", "sensitivity", "C", "Dickson et al. 2013 PMID:23569312; NCCN Soft Tissue Sarcoma guideline 2024"),
    ("IDH1", "codon", "R132", "", "CHS", "Ivosidenib", "predictive", "sensitivity", "C", "Tap et al. 2020 PMID:32208957 (phase 1, conventional chondrosarcoma)"),
    ("NF1", "variant_class", "loss_of_function", "", "NFIB", "Selumetinib", "predictive", "sensitivity", "A", "FDA label selumetinib (Koselugo) for NF1 plexiform neurofibroma 2020"),
    ("NF1", "variant_class", "loss_of_function", "", "MPNST", "Selumetinib", "predictive", "sensitivity", "D", "NCCN Soft Tissue Sarcoma guideline 2024; preclinical"),
    ("*", "tmb", ">=10", "", "*", "Pembrolizumab", "predictive", "sensitivity", "A", "FDA label pembrolizumab (Keytruda), TMB-high solid tumours 2020"),
    ("*", "msi", "MSI-H", "", "*", "Pembrolizumab", "predictive", "sensitivity", "A", "FDA label pembrolizumab (Keytruda), MSI-H/dMMR solid tumours 2017"),
    # SDH-deficient and NF1-associated GIST (WHO 2020 GIST subtypes): diagnostic, and imatinib is generally ineffective.
    ("SDHA", "variant_class", "loss_of_function", "", "GIST", "", "diagnostic", "SDH-deficient GIST", "A", WHO_2020 + "; " + ESMO_GIST),
    ("SDHB", "variant_class", "loss_of_function", "", "GIST", "", "diagnostic", "SDH-deficient GIST", "A", WHO_2020 + "; " + ESMO_GIST),
    ("SDHC", "variant_class", "loss_of_function", "", "GIST", "", "diagnostic", "SDH-deficient GIST", "A", WHO_2020 + "; " + ESMO_GIST),
    ("SDHD", "variant_class", "loss_of_function", "", "GIST", "", "diagnostic", "SDH-deficient GIST", "A", WHO_2020 + "; " + ESMO_GIST),
    ("SDHB", "deletion", "SDHB", "", "GIST", "", "diagnostic", "SDH-deficient GIST", "A", WHO_2020 + "; " + ESMO_GIST),
    ("SDHA", "variant_class", "loss_of_function", "", "GIST", "Imatinib", "predictive", "resistance", "B", ESMO_GIST + "; " + NCCN_GIST + " (SDH-deficient GIST: imatinib generally ineffective)"),
    ("SDHB", "variant_class", "loss_of_function", "", "GIST", "Imatinib", "predictive", "resistance", "B", ESMO_GIST + "; " + NCCN_GIST + " (SDH-deficient GIST: imatinib generally ineffective)"),
    ("SDHC", "variant_class", "loss_of_function", "", "GIST", "Imatinib", "predictive", "resistance", "B", ESMO_GIST + "; " + NCCN_GIST + " (SDH-deficient GIST: imatinib generally ineffective)"),
    ("SDHD", "variant_class", "loss_of_function", "", "GIST", "Imatinib", "predictive", "resistance", "B", ESMO_GIST + "; " + NCCN_GIST + " (SDH-deficient GIST: imatinib generally ineffective)"),
    ("NF1", "variant_class", "loss_of_function", "", "GIST", "", "diagnostic", "NF1-associated GIST", "B", WHO_2020 + "; " + ESMO_GIST),
    ("SMARCB1", "biallelic_loss", "SMARCB1", "", "EPIS,MRT,ATRT", "", "diagnostic", "SMARCB1 (INI1)-deficient tumour", "A", WHO_2020),
    # Well-established functional evidence of oncogenicity (ClinGen/CGC/VICC OS2); evidence type "oncogenic" never tiers.
    ("KIT", "exon", "11", "", "GIST", "", "oncogenic", "oncogenicity", "B", "Hirota et al. 1998 Science 279:577 (juxtamembrane mutations activate KIT without ligand)"),
    ("KIT", "exon", "9:insertion", "", "GIST", "", "oncogenic", "oncogenicity", "B", "Lux et al. 2000 Am J Pathol 156:791 (A502_Y503dup activates KIT)"),
    ("PDGFRA", "exon", "12", "", "GIST", "", "oncogenic", "oncogenicity", "B", "Heinrich et al. 2003 Science 299:708 (activating PDGFRA mutations in GIST)"),
    ("PDGFRA", "exon", "18", "", "GIST", "", "oncogenic", "oncogenicity", "B", "Heinrich et al. 2003 Science 299:708; Corless et al. 2005 PMID:15928335"),
    ("BRAF", "exact", "V600E", "", "*", "", "oncogenic", "oncogenicity", "B", "Davies et al. 2002 Nature 417:949 (V600E activates BRAF kinase)"),
    ("IDH1", "codon", "R132", "", "CHS", "", "oncogenic", "oncogenicity", "B", "Dang et al. 2009 Nature 462:739 (R132 mutants produce 2-hydroxyglutarate)"),
    ("CTNNB1", "codon", "S33", "", "DES", "", "oncogenic", "oncogenicity", "B", "Morin et al. 1997 Science 275:1787 (exon 3 phosphorylation-site mutations stabilise beta-catenin)"),
    ("CTNNB1", "codon", "S37", "", "DES", "", "oncogenic", "oncogenicity", "B", "Morin et al. 1997 Science 275:1787 (exon 3 phosphorylation-site mutations stabilise beta-catenin)"),
    ("CTNNB1", "codon", "T41", "", "DES", "", "oncogenic", "oncogenicity", "B", "Morin et al. 1997 Science 275:1787 (exon 3 phosphorylation-site mutations stabilise beta-catenin)"),
    ("CTNNB1", "codon", "S45", "", "DES", "", "oncogenic", "oncogenicity", "B", "Morin et al. 1997 Science 275:1787 (exon 3 phosphorylation-site mutations stabilise beta-catenin)"),
    *[("TP53", "codon", residue, "", "*", "", "oncogenic", "oncogenicity", "B",
       "Kato et al. 2003 PNAS 100:8424 (transactivation lost by hotspot missense changes in a saturation functional assay)")
      for residue in ("R175", "G245", "R248", "R249", "R273", "R282")],
    ("H3-3A", "codon", "G35", "", "GCTB", "", "oncogenic", "oncogenicity", "B", "Behjati et al. 2013 PMID:24162739 (H3.3 G34 driver in giant cell tumour of bone; MANE codon 35)"),
    ("H3-3B", "codon", "K37", "", "CHBL", "", "oncogenic", "oncogenicity", "B", "Behjati et al. 2013 PMID:24162739 (H3.3 K36M driver in chondroblastoma; MANE codon 37)"),
    ("H3-3A", "codon", "G35", "", "GCTB", "", "diagnostic", "Giant cell tumour of bone (H3.3 G34 mutation)", "A", "Behjati et al. 2013 PMID:24162739; " + WHO_2020),
    ("H3-3B", "codon", "K37", "", "CHBL", "", "diagnostic", "Chondroblastoma (H3.3 K36M mutation)", "A", "Behjati et al. 2013 PMID:24162739; " + WHO_2020),
]

# CIViC disease name -> OncoTree code. Hand-assigned from OncoTree (release 2025-10-03); unlisted diseases keep
# their CIViC name and DOID with an empty code (they never count as the sample's tumour type). CIViC's "Cancer" and
# "Solid Tumor" are not tumour-agnostic approvals: only the curated FDA tumour-agnostic rows carry "*".
ONCOTREE = {
    "Gastrointestinal Stromal Tumor": "GIST", "Ewing Sarcoma": "ES", "Ewing Sarcoma Of Bone": "ES",
    "Synovial Sarcoma": "SYNS", "Desmoid Tumor": "DES", "Alveolar Rhabdomyosarcoma": "ARMS",
    "Embryonal Rhabdomyosarcoma": "ERMS", "Spindle Cell Rhabdomyosarcoma": "SCRMS", "Rhabdomyosarcoma": "RMS",
    "Inflammatory Myofibroblastic Tumor": "IMT", "Dermatofibrosarcoma Protuberans": "DFSP", "Liposarcoma": "LIPO",
    "Dedifferentiated Liposarcoma": "DDLS", "Well-differentiated Liposarcoma": "WDLS", "Myxoid Liposarcoma": "MRLS",
    "Malignant Epithelioid Hemangioendothelioma": "EHAE", "Epithelioid Hemangioendothelioma": "EHAE",
    "Alveolar Soft Part Sarcoma": "ASPS", "Clear Cell Sarcoma": "CCS", "Epithelioid Sarcoma": "EPIS",
    "Malignant Peripheral Nerve Sheath Tumor": "MPNST", "Osteosarcoma": "OS", "Chondrosarcoma": "CHS",
    "Chordoma": "CHDM", "Giant Cell Tumor Of Bone": "GCTB", "Angiosarcoma": "ANGS", "Leiomyosarcoma": "LMS",
    "Uterine Leiomyosarcoma": "ULMS", "Undifferentiated Pleomorphic Sarcoma": "MFH", "Congenital Fibrosarcoma": "IFS",
    "Solitary Fibrous Tumor": "SFT", "Perivascular Epithelioid Cell Tumor": "PECOMA", "Sarcoma": "SARCNOS",
    "Soft Tissue Sarcoma": "SARCNOS", "Kidney Clear Cell Sarcoma": "CCSK", "Desmoplastic Small Round Cell Tumor": "DSRCT",
    "Plexiform Neurofibroma": "NFIB", "Neurofibroma": "NFIB", "Endometrial Stromal Sarcoma": "ESS",
    "Mesenchymal Chondrosarcoma": "MCHS", "CIC-rearranged Sarcoma": "RCSNOS", "Spindle Cell Sarcoma": "SARCNOS",
    "Sclerosing Epithelioid Fibrosarcoma": "SEF", "Low-grade Fibromyxoid Sarcoma": "LGFMS",
    "Renal Cell Carcinoma With MiT Translocations": "TRCC", "Breast Secretory Carcinoma": "JSCB",
    "Mammary Analogue Secretory Carcinoma": "HNMASC", "Systemic Mastocytosis": "SM", "Uveal Melanoma": "UM",
    "Gastric Adenocarcinoma": "STAD", "Colorectal Adenocarcinoma": "COADREAD", "Lung Squamous Cell Carcinoma": "LUSC",
    "Cholangiocarcinoma": "CHOL", "Renal Cell Carcinoma": "RCC", "Diffuse Large B-cell Lymphoma": "DLBCLNOS",
    "Anaplastic Large Cell Lymphoma": "ALCL", "Pilocytic Astrocytoma": "PAST", "Follicular Lymphoma": "FL",
    "Colorectal Cancer": "COADREAD", "Lung Non-small Cell Carcinoma": "NSCLC", "Lung Adenocarcinoma": "LUAD",
    "Melanoma": "MEL", "Skin Melanoma": "SKCM", "Breast Cancer": "BRCA", "Her2-receptor Positive Breast Cancer": "BRCA",
    "Triple-receptor Negative Breast Cancer": "BRCA", "Acute Myeloid Leukemia": "AML", "Ovarian Cancer": "OVARY",
    "Chronic Lymphocytic Leukemia": "CLLSLL", "Multiple Myeloma": "PCM", "Head And Neck Squamous Cell Carcinoma": "HNSC",
    "Neuroblastoma": "NBL", "Glioblastoma": "GB", "Papillary Thyroid Carcinoma": "THPA", "Pancreatic Cancer": "PANCREAS",
    "Pancreatic Adenocarcinoma": "PAAD", "Prostate Cancer": "PRAD", "Endometrial Cancer": "UCEC",
    "Stomach Carcinoma": "STAD", "Medullary Thyroid Carcinoma": "THME", "Thyroid Cancer": "THYROID",
    "Myelodysplastic Syndrome": "MDS", "Lung Cancer": "LUNG", "Chronic Myeloid Leukemia": "CML",
}

ONCOTREE_TYPES = [  # (code, name, parent) from OncoTree release oncotree_2025_10_03 (CC BY 4.0)
    ('AA', 'Aggressive Angiomyxoma', 'SOFT_TISSUE'),
    ('ADIFG', 'Adult-Type Diffuse Glioma', 'DIFG'),
    ('ADMA', 'Adamantinoma', 'BONE'),
    ('AFH', 'Angiomatoid Fibrous Histiocytoma', 'SOFT_TISSUE'),
    ('ALCL', 'Anaplastic Large Cell Lymphoma', 'MTNN'),
    ('ALT', 'Atypical Lipomatous Tumor', 'SOFT_TISSUE'),
    ('AML', 'Acute Myeloid Leukemia', 'MNM'),
    ('ANGS', 'Angiosarcoma', 'SOFT_TISSUE'),
    ('ARMS', 'Alveolar Rhabdomyosarcoma', 'RMS'),
    ('ASPS', 'Alveolar Soft Part Sarcoma', 'SOFT_TISSUE'),
    ('ATRT', 'Atypical Teratoid/Rhabdoid Tumor', 'EMBT'),
    ('BILIARY_TRACT', 'Biliary Tract', ''),
    ('BONE', 'Bone', ''),
    ('BOWEL', 'Bowel', ''),
    ('BRAIN', 'CNS/Brain', ''),
    ('BRCA', 'Invasive Breast Carcinoma', 'BREAST'),
    ('BREAST', 'Breast', ''),
    ('CCHDM', 'Conventional Type Chordoma', 'CHDM'),
    ('CCS', 'Clear Cell Sarcoma', 'SOFT_TISSUE'),
    ('CCSK', 'Clear Cell Sarcoma of Kidney', 'KIDNEY'),
    ('CHBL', 'Chondroblastoma', 'BONE'),
    ('CHDM', 'Chordoma', 'BONE'),
    ('CHOL', 'Cholangiocarcinoma', 'IPN'),
    ('CHOS', 'Chondroblastic Osteosarcoma', 'OS'),
    ('CHS', 'Chondrosarcoma', 'BONE'),
    ('CLLSLL', 'Chronic Lymphocytic Leukemia/Small Lymphocytic Lymphoma', 'MBN'),
    ('CML', 'Chronic Myelogenous Leukemia', 'MPN'),
    ('COADREAD', 'Colorectal Adenocarcinoma', 'BOWEL'),
    ('CSCHW', 'Cellular Schwannoma', 'SCHW'),
    ('DCS', 'Dendritic Cell Sarcoma', 'SOFT_TISSUE'),
    ('DDCHDM', 'Dedifferentiated Chordoma', 'CHDM'),
    ('DDCHS', 'Dedifferentiated Chondrosarcoma', 'CHS'),
    ('DDLS', 'Dedifferentiated Liposarcoma', 'LIPO'),
    ('DES', 'Desmoid/Aggressive Fibromatosis', 'SOFT_TISSUE'),
    ('DFSP', 'Dermatofibrosarcoma Protuberans', 'SKIN'),
    ('DIFG', 'Diffuse Glioma', 'BRAIN'),
    ('DLBCLNOS', 'Diffuse Large B-Cell Lymphoma, NOS', 'MBN'),
    ('DSRCT', 'Desmoplastic Small-Round-Cell Tumor', 'SOFT_TISSUE'),
    ('EGC', 'Esophagogastric Adenocarcinoma', 'STOMACH'),
    ('EHAE', 'Epithelioid Hemangioendothelioma', 'SOFT_TISSUE'),
    ('EMBT', 'Embryonal Tumor', 'BRAIN'),
    ('EMCHS', 'Extraskeletal Myxoid Chondrosarcoma', 'CHS'),
    ('ENCG', 'Encapsulated Glioma', 'BRAIN'),
    ('EPIS', 'Epithelioid Sarcoma', 'SOFT_TISSUE'),
    ('ERMS', 'Embryonal Rhabdomyosarcoma', 'RMS'),
    ('ES', 'Ewing Sarcoma', 'BONE'),
    ('ESS', 'Endometrial Stromal Sarcoma', 'USARC'),
    ('ESST', 'Ewing Sarcoma of Soft Tissue', 'SOFT_TISSUE'),
    ('EYE', 'Eye', ''),
    ('FIBS', 'Fibrosarcoma', 'SOFT_TISSUE'),
    ('FIOS', 'Fibroblastic Osteosarcoma', 'OS'),
    ('FL', 'Follicular Lymphoma', 'MBN'),
    ('GB', 'Glioblastoma, IDH-Wildtype', 'ADIFG'),
    ('GCTB', 'Giant Cell Tumor of Bone', 'BONE'),
    ('GIST', 'Gastrointestinal Stromal Tumor', 'SOFT_TISSUE'),
    ('GS', 'Glomangiosarcoma', 'SOFT_TISSUE'),
    ('HDCS', 'Histiocytic Dendritic Cell Sarcoma', 'DCS'),
    ('HEAD_NECK', 'Head and Neck', ''),
    ('HEMA', 'Hemangioma', 'SOFT_TISSUE'),
    ('HGESS', 'High-Grade Endometrial Stromal Sarcoma', 'ESS'),
    ('HGSOS', 'High-Grade Surface Osteosarcoma', 'OS'),
    ('HNMASC', 'Mammary Analogue Secretory Carcinoma of Salivary Gland Origin', 'SACA'),
    ('HNSC', 'Head and Neck Squamous Cell Carcinoma', 'HEAD_NECK'),
    ('IFS', 'Infantile Fibrosarcoma', 'SOFT_TISSUE'),
    ('IMS', 'Myofibromatosis', 'SOFT_TISSUE'),
    ('IMT', 'Inflammatory Myofibroblastic Tumor', 'SOFT_TISSUE'),
    ('INTS', 'Intimal Sarcoma', 'SOFT_TISSUE'),
    ('IPN', 'Intraductal Papillary Neoplasm of the Bile Duct', 'BILIARY_TRACT'),
    ('JSCB', 'Juvenile Secretory Carcinoma of the Breast', 'BREAST'),
    ('KIDNEY', 'Kidney', ''),
    ('LGCOS', 'Low-Grade Central Osteosarcoma', 'OS'),
    ('LGESS', 'Low-Grade Endometrial Stromal Sarcoma', 'ESS'),
    ('LGFMS', 'Low-Grade Fibromyxoid Sarcoma', 'SOFT_TISSUE'),
    ('LIPO', 'Liposarcoma', 'SOFT_TISSUE'),
    ('LM', 'Leiomyoma', 'SOFT_TISSUE'),
    ('LMS', 'Leiomyosarcoma', 'SOFT_TISSUE'),
    ('LNM', 'Lymphoid Neoplasm', 'LYMPH'),
    ('LUAD', 'Lung Adenocarcinoma', 'NSCLC'),
    ('LUNG', 'Lung', ''),
    ('LUSC', 'Lung Squamous Cell Carcinoma', 'NSCLC'),
    ('LYMPH', 'Lymphoid', ''),
    ('MBN', 'Mature B-Cell Neoplasms', 'NHL'),
    ('MCD', 'Mastocytosis', 'MNM'),
    ('MCHS', 'Mesenchymal Chondrosarcoma', 'CHS'),
    ('MDS', 'Myelodysplastic Syndromes', 'MNM'),
    ('MEL', 'Melanoma', 'SKIN'),
    ('MF', 'Myofibroma', 'SOFT_TISSUE'),
    ('MFH', 'Undifferentiated Pleomorphic Sarcoma/Malignant Fibrous Histiocytoma/High-Grade Spindle Cell Sarcoma', 'SOFT_TISSUE'),
    ('MFS', 'Myxofibrosarcoma', 'SOFT_TISSUE'),
    ('MGST', 'Malignant Glomus Tumor', 'SOFT_TISSUE'),
    ('MNM', 'Myeloid Neoplasm', 'MYELOID'),
    ('MPC', 'Myopericytoma', 'SOFT_TISSUE'),
    ('MPN', 'Myeloproliferative Neoplasms', 'MNM'),
    ('MPNST', 'Malignant Peripheral Nerve Sheath Tumor', 'NST'),
    ('MRLS', 'Myxoid/Round-Cell Liposarcoma', 'LIPO'),
    ('MRT', 'Rhabdoid Cancer', 'KIDNEY'),
    ('MSCHW', 'Melanotic Schwannoma', 'SCHW'),
    ('MTNN', 'Mature T and NK Neoplasms', 'NHL'),
    ('MYCHS', 'Myxoid Chondrosarcoma', 'CHS'),
    ('MYELOID', 'Myeloid', ''),
    ('MYXO', 'Myxoma', 'SOFT_TISSUE'),
    ('NBL', 'Neuroblastoma', 'PNS'),
    ('NCCRCC', 'Renal Non-Clear Cell Carcinoma', 'RCC'),
    ('NFIB', 'Neurofibroma', 'NST'),
    ('NHL', 'Non-Hodgkin Lymphoma', 'LNM'),
    ('NSCLC', 'Non-Small Cell Lung Cancer', 'LUNG'),
    ('NST', 'Nerve Sheath Tumor', 'PNS'),
    ('OFMT', 'Ossifying Fibromyxoid Tumor', 'MYXO'),
    ('OM', 'Ocular Melanoma', 'EYE'),
    ('OS', 'Osteosarcoma', 'BONE'),
    ('OSOS', 'Osteoblastic Osteosarcoma', 'OS'),
    ('OUSARC', 'Uterine Sarcoma, Other', 'USARC'),
    ('OVARY', 'Ovary/Fallopian Tube', ''),
    ('PAAD', 'Pancreatic Adenocarcinoma', 'PANCREAS'),
    ('PANCREAS', 'Pancreas', ''),
    ('PAOS', 'Parosteal Osteosarcoma', 'OS'),
    ('PAST', 'Pilocytic Astrocytoma', 'ENCG'),
    ('PCM', 'Plasma Cell Myeloma', 'MBN'),
    ('PECOMA', 'Perivascular Epithelioid Cell Tumor', 'SOFT_TISSUE'),
    ('PEOS', 'Periosteal Osteosarcoma', 'OS'),
    ('PGNG', 'Paraganglioma', 'SOFT_TISSUE'),
    ('PLLS', 'Pleomorphic Liposarcoma', 'LIPO'),
    ('PLRMS', 'Pleomorphic Rhabdomyosarcoma', 'RMS'),
    ('PMHE', 'Pseudomyogenic Hemangioendothelioma', 'SOFT_TISSUE'),
    ('PNS', 'Peripheral Nervous System', ''),
    ('PRAD', 'Prostate Adenocarcinoma', 'PROSTATE'),
    ('PROSTATE', 'Prostate', ''),
    ('PTES', 'Proximal-Type Epithelioid Sarcoma', 'EPIS'),
    ('RAS', 'Radiation-Associated Sarcoma', 'SOFT_TISSUE'),
    ('RBL', 'Retinoblastoma', 'EYE'),
    ('RCC', 'Renal Cell Carcinoma', 'KIDNEY'),
    ('RCSNOS', 'Round Cell Sarcoma, NOS', 'SOFT_TISSUE'),
    ('RMS', 'Rhabdomyosarcoma', 'SOFT_TISSUE'),
    ('SACA', 'Salivary Carcinoma', 'HEAD_NECK'),
    ('SARCNOS', 'Sarcoma, NOS', 'SOFT_TISSUE'),
    ('SCHW', 'Schwannoma', 'NST'),
    ('SCOS', 'Small Cell Osteosarcoma', 'OS'),
    ('SCRMS', 'Spindle Cell Rhabdomyosarcoma', 'RMS'),
    ('SCSRMS', 'Spindle Cell/Sclerosing Rhabdomyosarcoma', 'RMS'),
    ('SECOS', 'Secondary Osteosarcoma', 'OS'),
    ('SEF', 'Sclerosing Epithelioid Fibrosarcoma', 'FIBS'),
    ('SFT', 'Solitary Fibrous Tumor/Hemangiopericytoma', 'SOFT_TISSUE'),
    ('SKCM', 'Cutaneous Melanoma', 'MEL'),
    ('SKIN', 'Skin', ''),
    ('SM', 'Systemic Mastocytosis', 'MCD'),
    ('SOFT_TISSUE', 'Soft Tissue', ''),
    ('STAD', 'Stomach Adenocarcinoma', 'EGC'),
    ('STMYEC', 'Soft Tissue Myoepithelial Carcinoma', 'SOFT_TISSUE'),
    ('STOMACH', 'Esophagus/Stomach', ''),
    ('SYNS', 'Synovial Sarcoma', 'SOFT_TISSUE'),
    ('TEOS', 'Telangiectatic Osteosarcoma', 'OS'),
    ('TGCT', 'Tenosynovial Giant Cell Tumor Diffuse Type', 'SOFT_TISSUE'),
    ('THME', 'Medullary Thyroid Cancer', 'THYROID'),
    ('THPA', 'Papillary Thyroid Cancer', 'WDTC'),
    ('THYROID', 'Thyroid', ''),
    ('TRCC', 'Translocation-Associated Renal Cell Carcinoma', 'NCCRCC'),
    ('UAS', 'Uterine Adenosarcoma', 'USARC'),
    ('UCEC', 'Endometrial Carcinoma', 'UTERUS'),
    ('UELMS', 'Uterine Epithelioid Leiomyosarcoma', 'USMT'),
    ('ULM', 'Uterine Leiomyoma', 'USMT'),
    ('ULMS', 'Uterine Leiomyosarcoma', 'USMT'),
    ('UM', 'Uveal Melanoma', 'OM'),
    ('UMLMS', 'Uterine Myxoid Leiomyosarcoma', 'USMT'),
    ('UPECOMA', 'Uterine Perivascular Epithelioid Cell Tumor', 'USARC'),
    ('USARC', 'Uterine Sarcoma/Mesenchymal', 'UTERUS'),
    ('USMT', 'Uterine Smooth Muscle Tumor', 'USARC'),
    ('USTUMP', 'Uterine Smooth Muscle Tumor of Uncertain Malignant Potential', 'USMT'),
    ('UTERUS', 'Uterus', ''),
    ('UUS', 'Undifferentiated Uterine Sarcoma', 'USARC'),
    ('WDLS', 'Well-Differentiated Liposarcoma', 'LIPO'),
    ('WDTC', 'Well-Differentiated Thyroid Cancer', 'THYROID'),
]

ONCOTREE_RELEASE = "OncoTree oncotree_2025_10_03 (MSK, CC BY 4.0; github.com/cBioPortal/oncotree trees/oncotree_2025_10_03.json)"
# Entities the panel names that OncoTree has no code for: (code, name, parent, source).
LOCAL_TYPES = [
    ("NODFAS", "Nodular Fasciitis", "SOFT_TISSUE", "panel-local code: nodular fasciitis has no OncoTree code (" + WHO_2020 + ")"),
]
# Other names users type for a code (matched case-insensitively, like codes and names).
TYPE_ALIASES = {
    "MFH": ["UPS", "Undifferentiated pleomorphic sarcoma", "Undifferentiated sarcoma"],
    "EHAE": ["EHE", "Epithelioid haemangioendothelioma"], "NFIB": ["PN", "Plexiform neurofibroma"],
    "GIST": ["Gastrointestinal stromal tumour"], "ES": ["Ewing", "Ewing sarcoma of bone", "EWS"],
    "LMS": ["Leiomyosarcoma of soft tissue"], "ULMS": ["Uterine LMS"], "DDLS": ["DDLPS", "Dedifferentiated liposarcoma"],
    "WDLS": ["WDLPS", "Well-differentiated liposarcoma"], "ALT": ["ALT/WDLS"], "MRLS": ["MLS", "MLPS", "Myxoid liposarcoma", "Round cell liposarcoma"],
    "PLLS": ["Pleomorphic liposarcoma"], "DSRCT": ["Desmoplastic small round cell tumour"],
    "IMT": ["Inflammatory myofibroblastic tumour"], "SFT": ["Solitary fibrous tumour"], "DES": ["Desmoid", "Desmoid tumour", "Aggressive fibromatosis"],
    "TGCT": ["Tenosynovial giant cell tumour", "PVNS", "Pigmented villonodular synovitis"], "MRT": ["Malignant rhabdoid tumour", "Rhabdoid tumour"],
    "IFS": ["Congenital fibrosarcoma", "Infantile fibrosarcoma"], "MFS": ["Myxofibrosarcoma"], "EPIS": ["Epithelioid sarcoma"],
    "ASPS": ["Alveolar soft part sarcoma"], "CCS": ["Clear cell sarcoma", "Clear cell sarcoma of soft tissue"],
    "AFH": ["Angiomatoid fibrous histiocytoma"], "PECOMA": ["PEComa"], "SARCNOS": ["Sarcoma", "Sarcoma NOS", "Soft tissue sarcoma"],
    "RCSNOS": ["Round cell sarcoma", "Undifferentiated round cell sarcoma", "CIC-rearranged sarcoma", "BCOR-rearranged sarcoma"],
    "GCTB": ["Giant cell tumour of bone"], "CHBL": ["Chondroblastoma"], "NODFAS": ["Nodular fasciitis"],
    "EMCHS": ["Extraskeletal myxoid chondrosarcoma"], "MCHS": ["Mesenchymal chondrosarcoma"], "SYNS": ["Synovial sarcoma"],
}
# Codes that do not name a specific entity: a defining alteration refines them instead of contradicting them.
UNSPECIFIED_TYPES = {"SOFT_TISSUE", "BONE", "SARCNOS", "RCSNOS", "USARC", "OUSARC", "UUS", "OTHER"}

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

# Oncogenicity of somatic variants: ClinGen/CGC/VICC SOP (Horak et al. 2022 PMID:35101336, Table 2 codes and
# points). `parameters` are the thresholds the classifier reads (name=value;...); a code the classifier does not
# implement, or a parameter it does not use, is refused when the panel loads.
HORAK = "Horak et al. 2022 PMID:35101336 (ClinGen/CGC/VICC oncogenicity SOP)"
ONCOGENICITY_CRITERIA = [
    ("OVS1", "oncogenic", "very_strong", 8, "", "Null variant (nonsense, frameshift, canonical +/-1,2 splice site, initiation codon, homozygous deletion) in a bona fide tumour suppressor gene", HORAK),
    ("OS2", "oncogenic", "strong", 4, "best_level=B", "Well-established functional studies support an oncogenic effect of this amino-acid change (panel or CIViC oncogenic evidence at level A-B, matched by change, codon or exon; OS1, the same change from another nucleotide change, is covered by this match)", HORAK),
    ("OS3", "oncogenic", "strong", 4, "min_residue_samples=50;min_variant_samples=10", "Hotspot with >= 50 samples at the residue and the same amino-acid change in >= 10 (cancerhotspots.org v2)", HORAK + "; Chang et al. 2018 PMID:29247016"),
    ("OM1", "oncogenic", "moderate", 2, "", "Located in a critical, well-established part of a functional domain (panel functional_domains.tsv)", HORAK),
    ("OM2", "oncogenic", "moderate", 2, "", "Protein length change from an in-frame deletion/insertion in an oncogene or tumour suppressor, or stop-loss in a tumour suppressor", HORAK),
    ("OM3", "oncogenic", "moderate", 2, "max_residue_samples=49;min_variant_samples=10", "Hotspot with < 50 samples at the residue (or in the in-frame indel range) and the same amino-acid change in >= 10", HORAK + "; Chang et al. 2018 PMID:29247016"),
    ("OM4", "oncogenic", "moderate", 2, "", "Missense at a residue where a different missense change is an established oncogenic variant (the panel's known alleles and OS2 evidence)", HORAK),
    ("OP1", "oncogenic", "supporting", 1, "min_revel=0.644", "Computational evidence supports an oncogenic effect (REVEL at the ClinGen-calibrated supporting threshold)", HORAK + "; Pejaver et al. 2022 PMID:36413997"),
    ("OP3", "oncogenic", "supporting", 1, "max_variant_samples=9", "Hotspot residue, this amino-acid change seen in < 10 samples (or unknown for an indel in an indel hotspot)", HORAK),
    ("OP4", "oncogenic", "supporting", 1, "max_population_frequency=0", "Absent from population databases (a population frequency field present in the input and empty or zero)", HORAK),
    ("SBVS1", "benign", "very_strong", -8, "min_population_frequency=0.05", "Population allele frequency > 5%", HORAK),
    ("SBS1", "benign", "strong", -4, "min_population_frequency=0.01", "Population allele frequency > 1%", HORAK),
    ("SBS_ClinVar", "benign", "strong", -4, "min_stars=2", "ClinVar Benign/Likely benign with review status >= 2 stars (concordant submitters or expert panel): a germline benign variant is not oncogenic", "sarcopanel rule; Li et al. 2017 PMID:27993330 Tier IV (benign or likely benign variants)"),
    ("SBP1", "benign", "supporting", -1, "max_revel=0.290", "Computational evidence suggests no effect (REVEL at the ClinGen-calibrated benign supporting threshold)", HORAK + "; Pejaver et al. 2022 PMID:36413997"),
    ("SBP2", "benign", "supporting", -1, "max_spliceai=0.1", "Synonymous, outside the splice region, no predicted splice effect (SpliceAI <= 0.1 when scored)", HORAK + "; Walker et al. 2023 PMID:37352859"),
]
ONCOGENICITY_CLASSES = [("Oncogenic", 10, ""), ("Likely oncogenic", 6, 9), ("Uncertain significance", 0, 5),
                        ("Likely benign", -6, -1), ("Benign", "", -7)]

# Named thresholds of the somatic reading (name, value, description, citation).
SOMATIC_RULES = [
    ("tier_gate_population_frequency", "0.01", "a variant at or above this population frequency is never Tier I/II", "Li et al. 2017 PMID:27993330 (Tier IV); " + HORAK + " (SBS1)"),
    ("tier_gate_clinvar_benign_stars", "2", "a ClinVar Benign/Likely benign variant with at least this many review stars is never Tier I/II", "Li et al. 2017 PMID:27993330 (Tier IV)"),
    ("tmb_minimum_coding_megabases", "0.667", "TMB is reported only when the panel's coding footprint is at least this large; smaller panels cannot separate TMB-high from TMB-low reliably", "Vega et al. 2021 PMID:34606929 (Friends of Cancer Research TMB Harmonization Project phase 2: panels > 667 kb needed)"),
    ("tmb_minimum_vaf", "0.05", "somatic calls below this allele fraction are not counted in TMB", "Merino et al. 2020 PMID:32217756 (FoCR TMB harmonization phase 1)"),
    ("tmb_minimum_alt_reads", "3", "somatic calls with fewer alternate reads are not counted in TMB", "Merino et al. 2020 PMID:32217756"),
    ("tmb_maximum_population_frequency", "0.001", "calls at or above this population frequency are treated as germline and not counted", "Merino et al. 2020 PMID:32217756; Vega et al. 2021 PMID:34606929 (germline filtering)"),
    ("fusion_minimum_supporting_reads", "5", "a DNA-detected fusion with fewer supporting reads (or none given) is reported as needing confirmation by RNA sequencing or immunohistochemistry", "Marchio et al. 2019 PMID:31268127 (ESMO recommendations on NTRK fusion detection: confirm DNA-based calls)"),
    ("indel_placement_window_bases", "20", "without the reference sequence, an indel this close to an exon edge, start or stop codon may sit elsewhere after 3' shifting (HGVS 3' rule): claims that depend on its exact place (null variant, splice site) are not made", "den Dunnen et al. 2016 PMID:26931183 (HGVS 3' rule); sarcopanel window"),
    ("amplification_minimum_copy_number", "6", "a gene without a panel copy-number row is called amplified at or above this copy number", "sarcopanel default for focal amplification; adjust per assay"),
    ("homozygous_deletion_maximum_copy_number", "0.5", "a copy number below this is a loss of both copies", "sarcopanel default"),
    ("one_copy_deletion_maximum_copy_number", "1.25", "a copy number at or below this (and above the homozygous limit) is a loss of one copy", "sarcopanel default"),
]

# Acquired (secondary) resistance: gene, primary exons, secondary exons, therapy, tumour types, level, statement, citation.
SECONDARY_RESISTANCE = [
    ("KIT", "9,11", "13,14,17,18", "Imatinib", "GIST", "A",
     "a KIT kinase-domain mutation (exons 13/14/17/18) beside a primary exon 9/11 mutation: acquired imatinib resistance (secondary mutation)",
     ESMO_GIST + "; " + NCCN_GIST),
    ("PDGFRA", "12,14,18", "18", "Imatinib", "GIST", "A",
     "a second PDGFRA mutation in the activation loop (exon 18) beside a primary PDGFRA mutation: acquired imatinib resistance (secondary mutation)",
     ESMO_GIST + "; " + NCCN_GIST),
]

# Entity rules (id, tumour types, rule, genes, statement, recommendation, citation). `rule` is one the code implements:
# subtype_by_loss (a loss-of-function alteration of the genes defines a subtype), wild_type (no oncogenic alteration
# of the genes), biallelic_required (one lost copy is not loss of the gene).
ENTITY_RULES = [
    ("GIST-SDH", "GIST", "subtype_by_loss", "SDHA,SDHB,SDHC,SDHD", "SDH-deficient GIST",
     "confirm with SDHB immunohistochemistry; imatinib is generally ineffective; refer for germline SDHx testing (Carney-Stratakis syndrome)",
     WHO_2020 + "; " + ESMO_GIST),
    ("GIST-NF1", "GIST", "subtype_by_loss", "NF1", "NF1-associated GIST (usually KIT/PDGFRA wild-type)",
     "consider neurofibromatosis type 1 (clinical assessment, germline NF1 testing); imatinib benefit is not expected",
     WHO_2020 + "; " + ESMO_GIST),
    ("GIST-WT", "GIST", "wild_type", "KIT,PDGFRA", "no oncogenic KIT or PDGFRA variant: KIT/PDGFRA wild-type GIST if both genes were adequately covered",
     "confirm coverage of KIT exons 9/11/13/17 and PDGFRA exons 12/14/18; test SDHB (immunohistochemistry), NF1, BRAF and NTRK fusions; imatinib benefit is unlikely",
     ESMO_GIST + "; " + NCCN_GIST),
    ("INI1-BIALLELIC", "EPIS,MRT,ATRT", "biallelic_required", "SMARCB1", "SMARCB1 (INI1) loss needs both copies: one lost copy alone does not establish INI1 deficiency",
     "confirm INI1 (SMARCB1) loss by immunohistochemistry, or look for a second hit (mutation or deletion of the other copy)",
     WHO_2020),
]

# Kinase fusion partners: kinase domain (UniProt "Protein kinase" feature, residues of the canonical isoform). A fusion is
# productive only with the kinase as the 3' partner and its kinase domain retained (breakpoint 5' of the domain).
KINASE_DOMAINS = [
    ("ALK", 1116, 1392, "UniProt Q9UM73 (ALK_HUMAN) protein kinase domain"),
    ("ROS1", 1945, 2222, "UniProt P08922 (ROS1_HUMAN) protein kinase domain"),
    ("RET", 724, 1005, "UniProt P07949 (RET_HUMAN) protein kinase domain"),
    ("NTRK1", 510, 781, "UniProt P04629 (NTRK1_HUMAN) protein kinase domain"),
    ("NTRK2", 538, 807, "UniProt Q16620 (NTRK2_HUMAN) protein kinase domain"),
    ("NTRK3", 538, 825, "UniProt Q16288 (NTRK3_HUMAN) protein kinase domain"),
]

# Critical parts of functional domains (ClinGen/CGC/VICC OM1): gene, locator (exon:N or residues:A-B), name, citation.
FUNCTIONAL_DOMAINS = [
    ("KIT", "exon:11", "juxtamembrane domain (autoinhibitory)", "Hirota et al. 1998 Science 279:577; Corless et al. 2011 Nat Rev Cancer 11:865"),
    ("KIT", "exon:17", "kinase activation loop", "Corless et al. 2011 Nat Rev Cancer 11:865"),
    ("PDGFRA", "exon:12", "juxtamembrane domain", "Heinrich et al. 2003 Science 299:708; Corless et al. 2011 Nat Rev Cancer 11:865"),
    ("PDGFRA", "exon:18", "kinase activation loop", "Heinrich et al. 2003 Science 299:708; Corless et al. 2011 Nat Rev Cancer 11:865"),
    ("TP53", "residues:102-292", "DNA-binding domain", "UniProt P04637 (P53_HUMAN) DNA-binding region 102-292"),
    ("CTNNB1", "residues:32-45", "GSK3B/CK1 phosphorylation degron (exon 3)", "Morin et al. 1997 Science 275:1787"),
    ("BRAF", "residues:594-600", "kinase activation segment (DFG motif to V600)", "Davies et al. 2002 Nature 417:949"),
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
                "exclusions": "", "tumour_types": code, "disease": disease, "doid": r["doid"], "therapies": therapies(r),
                "evidence_type": r["evidence_type"].lower(), "direction": r["evidence_direction"].lower(),
                "significance": r["significance"].lower().replace(" ", "_"), "level": CIVIC_LEVEL_TO_AMP.get(r["evidence_level"], ""),
                "source_level": f"CIViC {r['evidence_level']}", "origin": r["variant_origin"].lower().replace(" ", "_"),
                "citation": f"{'PMID' if r['source_type'] == 'PubMed' else r['source_type']}:{r['citation_id']}",
                "source": f"CIViC 01-Aug-2024 EID{r['evidence_id']} (CC0)",
            })
    for reason, count in sorted(skipped.items()):
        notes.append(f"CIViC evidence skipped: {count} ({reason})")
    return rows


SALT_FORMS = {"mesylate", "dimesylate", "bismesylate", "hydrochloride", "dihydrochloride", "tosylate", "ditosylate",
              "maleate", "citrate", "malate", "besylate", "sulfate", "phosphate", "sodium", "potassium", "tartrate",
              "fumarate", "succinate", "acetate"}


def drug_name(name):
    """One name per drug: the salt form CIViC sometimes adds is dropped (`Imatinib Mesylate` -> `Imatinib`)."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in SALT_FORMS:
        words.pop()
    return " ".join(words)


def therapies(row):
    """CIViC therapies: comma-separated alternatives; a combination becomes one entry joined by '+'."""
    names = []
    for t in row["therapies"].split(","):
        name = drug_name(t.strip())
        if name and name not in names:
            names.append(name)
    if row["therapy_interaction_type"] == "Combination":
        return "+".join(names)
    return ",".join(names)


def curated_evidence():
    rows = []
    for index, (gene, mtype, matcher, exclusions, types, therapies, etype, significance, level, citation) in enumerate(
            CURATED_EVIDENCE, 1):
        rows.append({
            "id": f"SARCOPANEL:{index:03d}", "gene": gene, "matcher_type": mtype, "matcher": matcher,
            "exclusions": exclusions, "tumour_types": types, "disease": "", "doid": "", "therapies": therapies,
            "evidence_type": etype, "direction": "supports", "significance": significance, "level": level,
            "source_level": "curated",
            "origin": "germline_or_somatic" if (gene, types) == ("NF1", "NFIB") else "somatic", "citation": citation,
            "source": "content brief section 5 (PANEL.md), curated with the cited label, guideline or paper"})
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
