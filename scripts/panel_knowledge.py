"""Knowledge-base tables of the sarcoma panel, used by scripts/build-panel.

Curated facts (fusions, copy-number events, brief actionability items, rule
tables, OncoTree codes) live here as data, each with its citation; CIViC
evidence and ClinVar known variants are derived from ../shared/data.
"""
import collections
import gzip
import sys

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
    ("EWSR1::NFATC2", "Round cell sarcoma with EWSR1::non-ETS fusion (not Ewing sarcoma)", "RCSNOS", "defining", WHO_2020),
    ("FUS::NFATC2", "Round cell sarcoma with FUS::non-ETS fusion (not Ewing sarcoma)", "RCSNOS", "defining", WHO_2020),
    ("EWSR1::PATZ1", "Round cell sarcoma with EWSR1::non-ETS fusion (not Ewing sarcoma)", "RCSNOS", "defining", WHO_2020),
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
# event: amplification (copy number >= threshold), homozygous_deletion (copy number 0), deletion (copy number <= threshold),
# gain (copy number >= threshold and below the gene's amplification row: reported for confirmation, never the marker)
LIPOSARCOMA_MDM2 = "WDLS,DDLS,ALT,PAOS,LGCOS,INTS"
COPY_NUMBER = [
    ("MDM2", "amplification", 6, "MDM2 amplification: the diagnostic marker of atypical lipomatous tumour / well-differentiated and dedifferentiated liposarcoma; also parosteal and low-grade central osteosarcoma and intimal sarcoma", LIPOSARCOMA_MDM2, "diagnostic", "defining", WHO_2020),
    # A gain below the amplification cut-off is not the marker; it asks for confirmation (see DiagnosisCheck).
    ("MDM2", "gain", 3, "MDM2 copy gain below the amplification cut-off: not the diagnostic MDM2 amplification; confirm MDM2 amplification by FISH before the diagnosis of atypical lipomatous tumour / well-differentiated or dedifferentiated liposarcoma rests on it", LIPOSARCOMA_MDM2, "diagnostic", "characteristic", WHO_2020),
    ("CDK4", "amplification", 6, "Co-amplified with MDM2 in well-differentiated/dedifferentiated liposarcoma, parosteal and low-grade central osteosarcoma", LIPOSARCOMA_MDM2, "diagnostic", "characteristic", WHO_2020),
    ("HMGA2", "amplification", 6, "12q13-15 amplicon with MDM2/CDK4 in liposarcoma", "WDLS,DDLS,ALT", "diagnostic", "characteristic", WHO_2020),
    ("FRS2", "amplification", 6, "12q15 amplicon in liposarcoma", "WDLS,DDLS,ALT", "diagnostic", "characteristic", WHO_2020),
    ("GLI1", "amplification", 6, "GLI1-altered mesenchymal tumour", "SARCNOS", "diagnostic", "characteristic", WHO_2020),
    ("MYC", "amplification", 6, "Radiation-associated angiosarcoma (distinguishes it from atypical vascular lesion)", "ANGS,RAS", "diagnostic", "characteristic", WHO_2020),
    ("CDKN2A", "homozygous_deletion", 0, "CDKN2A/B homozygous loss: progression marker (MPNST, myxofibrosarcoma, dedifferentiation)", "MPNST,MFS,SARCNOS", "prognostic", "characteristic", WHO_2020),
    ("CDKN2B", "homozygous_deletion", 0, "CDKN2A/B homozygous loss", "MPNST,SARCNOS", "prognostic", "characteristic", WHO_2020),
    # Tumour suppressors: loss means both copies (homozygous deletion, or one copy lost plus a truncating mutation of
    # the other); a one-copy loss alone is reported as such and never takes the row's meaning (Knudson two-hit).
    ("RB1", "homozygous_deletion", 0, "RB1 loss of both copies (spindle cell/pleomorphic lipoma, mammary-type myofibroblastoma; pleomorphic sarcomas)", "SARCNOS", "diagnostic", "characteristic", WHO_2020),
    ("PTEN", "homozygous_deletion", 0, "PTEN loss of both copies", "SARCNOS", "biological", "characteristic", WHO_2020),
    ("NF1", "homozygous_deletion", 0, "NF1 loss of both copies (MPNST, neurofibroma)", "MPNST,NFIB", "diagnostic", "characteristic", WHO_2020),
    ("SMARCB1", "homozygous_deletion", 0, "SMARCB1 (INI1) loss of both copies: epithelioid sarcoma, malignant rhabdoid tumour, atypical teratoid/rhabdoid tumour", "EPIS,MRT,ATRT", "diagnostic", "characteristic", WHO_2020),
    ("TP53", "homozygous_deletion", 0, "TP53 loss of both copies", "SARCNOS", "biological", "characteristic", WHO_2020),
]

ESMO_GIST = "ESMO-EURACAN-GENTURIS GIST guideline (Casali et al. 2022, Ann Oncol 33:20-33, doi:10.1016/j.annonc.2021.09.005)"
NCCN_GIST = "NCCN Gastrointestinal Stromal Tumors guideline 2024"

# Curated items: gene, matcher type, matcher, exclusions (protein changes the row never applies to), tumour types,
# therapies, evidence type, significance, AMP level, citation.
CURATED_EVIDENCE = [
    ("KIT", "exon", "9", "", "GIST", "Imatinib", "predictive", "sensitivity", "A", "FDA label imatinib (Gleevec) 2008; NCCN Soft Tissue Sarcoma guideline 2024"),
    ("KIT", "exon", "11", "", "GIST", "Imatinib", "predictive", "sensitivity", "A", "FDA label imatinib (Gleevec) 2008; NCCN Soft Tissue Sarcoma guideline 2024"),
    # Sunitinib and ripretinib are approved in GIST by line of treatment, whatever the genotype (labels 2006, 2020): the
    # labels state no genotype benefit, so these rows rest on the genotype studies, at their own level.
    ("KIT", "exon", "13", "", "GIST", "Sunitinib", "predictive", "sensitivity", "B", "Heinrich et al. 2008 PMID:18955458 (imatinib-resistant GIST on sunitinib: longer progression-free survival with secondary KIT exon 13/14 than exon 17/18 mutations); the FDA label sunitinib (Sutent) 2006 (GIST after imatinib) names no genotype"),
    ("KIT", "exon", "17", "", "GIST", "Ripretinib", "predictive", "sensitivity", "D", "Smith et al. 2019 Cancer Cell 35:738-751 (preclinical: ripretinib inhibits KIT activation-loop mutants); the FDA label ripretinib (Qinlock) 2020 (GIST after three or more kinase inhibitors; INVICTUS) names no genotype"),
    ("PDGFRA", "exon", "18", "", "GIST", "Avapritinib", "predictive", "sensitivity", "A", "FDA label avapritinib (Ayvakit) 2020 (PDGFRA exon 18 mutations, including D842V)"),
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
    # Added in panel 0.4.0 (ids after the earlier rows stay stable).
    ("KIT", "codon", "D816", "", "GIST", "Imatinib,Sunitinib,Regorafenib", "predictive", "resistance", "B", "Corless et al. 2011 Nat Rev Cancer 11:865; NCCN Gastrointestinal Stromal Tumors guideline 2024 (KIT D816 activation-loop mutations resist imatinib, sunitinib and regorafenib)"),
    ("KIT", "codon", "D816", "", "*", "", "oncogenic", "oncogenicity", "B", "Corless et al. 2011 Nat Rev Cancer 11:865 (activation-loop D816 mutations activate KIT)"),
    ("KIT", "codon", "N822", "", "*", "", "oncogenic", "oncogenicity", "B", "Corless et al. 2011 Nat Rev Cancer 11:865 (activation-loop N822 mutations activate KIT)"),
    ("KIT", "codon", "V654", "", "GIST", "", "oncogenic", "oncogenicity", "B", "Heinrich et al. 2008 PMID:18955458 (primary and secondary kinase genotypes on sunitinib: secondary ATP-binding-pocket mutation, imatinib resistance)"),
    ("KIT", "codon", "T670", "", "GIST", "", "oncogenic", "oncogenicity", "B", "Heinrich et al. 2008 PMID:18955458 (primary and secondary kinase genotypes on sunitinib: secondary gatekeeper mutation, imatinib resistance)"),
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

ONCOTREE_TYPES += [  # tumour types of the germline follow-up rules (ESMO PMWG, syndromes), same release
    ('ACC', 'Adrenocortical Carcinoma', 'ADRENAL_GLAND'),
    ('ADRENAL_GLAND', 'Adrenal Gland', ''),
    ('BCC', 'Basal Cell Carcinoma', 'SKIN'),
    ('CCRCC', 'Renal Clear Cell Carcinoma', 'RCC'),
    ('CPC', 'Choroid Plexus Carcinoma', 'CPT'),
    ('CPT', 'Choroid Plexus Tumor', 'BRAIN'),
    ('HMBL', 'Hemangioblastoma', 'MBT'),
    ('MBL', 'Medulloblastoma', 'EMBT'),
    ('MBT', 'Miscellaneous Brain Tumor', 'BRAIN'),
    ('OVT', 'Ovarian Epithelial Tumor', 'OVARY'),
    ('PANET', 'Pancreatic Neuroendocrine Tumor', 'PANCREAS'),
    ('PBL', 'Pineoblastoma', 'PINT'),
    ('PEMESO', 'Peritoneal Mesothelioma', 'PERITONEUM'),
    ('PERITONEUM', 'Peritoneum', ''),
    ('PHC', 'Pheochromocytoma', 'ADRENAL_GLAND'),
    ('PINT', 'Pineal Tumor', 'BRAIN'),
    ('PLEURA', 'Pleura', ''),
    ('PLMESO', 'Pleural Mesothelioma', 'PLEURA'),
    ('PPB', 'Pleuropulmonary Blastoma', 'LUNG'),
    ('PRCC', 'Papillary Renal Cell Carcinoma', 'NCCRCC'),
    ('RAML', 'Renal Angiomyolipoma', 'NCCRCC'),
    ('SCCO', 'Small Cell Carcinoma of the Ovary', 'OVT'),
    ('SCST', 'Sex Cord Stromal Tumor', 'OVARY'),
    ('SLCT', 'Sertoli-Leydig Cell Tumor', 'SCST'),
    ('THFO', 'Follicular Thyroid Cancer', 'WDTC'),
    ('WT', "Wilms' Tumor", 'KIDNEY'),
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
    "GIST": ["Gastrointestinal stromal tumour"], "ES": ["Ewing", "Ewing sarcoma of bone", "EWS", "Ewing's sarcoma"], "MPNST": ["Malignant peripheral nerve sheath tumour"],
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
# Therapies that are not directed at a molecular target: their response in another tumour type is not a claim about
# the same biomarker (Li et al. 2017 level C), so it never crosses histologies. Names as CIViC and the curated rows
# spell them; classes by the WHO ATC classification (L01A alkylating agents, L01B antimetabolites, L01C plant
# alkaloids, L01D cytotoxic antibiotics, L01XA platinum compounds) plus regimens and radiotherapy.
ATC = "WHO ATC classification (L01 antineoplastic agents)"
NON_TARGETED_THERAPIES = [
    ("Chemotherapy", "cytotoxic chemotherapy, unspecified", "CIViC therapy name"),
    ("Platinum Compound", "cytotoxic: platinum compound (L01XA)", ATC),
    ("Cisplatin", "cytotoxic: platinum compound (L01XA01)", ATC),
    ("Carboplatin", "cytotoxic: platinum compound (L01XA02)", ATC),
    ("Oxaliplatin", "cytotoxic: platinum compound (L01XA03)", ATC),
    ("Melphalan", "cytotoxic: alkylating agent (L01AA03)", ATC),
    ("Temozolomide", "cytotoxic: alkylating agent (L01AX03)", ATC),
    ("Ifosfamide", "cytotoxic: alkylating agent (L01AA06)", ATC),
    ("Cyclophosphamide", "cytotoxic: alkylating agent (L01AA01)", ATC),
    ("Dacarbazine", "cytotoxic: alkylating agent (L01AX04)", ATC),
    ("Trabectedin", "cytotoxic: other antineoplastic (L01CX01)", ATC),
    ("Methotrexate", "cytotoxic: antimetabolite (L01BA01)", ATC),
    ("Pemetrexed", "cytotoxic: antimetabolite (L01BA04)", ATC),
    ("Fluorouracil", "cytotoxic: antimetabolite (L01BC02)", ATC),
    ("Capecitabine", "cytotoxic: antimetabolite (L01BC06)", ATC),
    ("Gemcitabine", "cytotoxic: antimetabolite (L01BC05)", ATC),
    ("Etoposide", "cytotoxic: plant alkaloid (L01CB01)", ATC),
    ("Irinotecan", "cytotoxic: plant alkaloid (L01CE02)", ATC),
    ("Docetaxel", "cytotoxic: taxane (L01CD02)", ATC),
    ("Paclitaxel", "cytotoxic: taxane (L01CD01)", ATC),
    ("Vincristine", "cytotoxic: vinca alkaloid (L01CA02)", ATC),
    ("Eribulin", "cytotoxic: other antineoplastic (L01XX41)", ATC),
    ("Doxorubicin", "cytotoxic antibiotic: anthracycline (L01DB01)", ATC),
    ("Epirubicin", "cytotoxic antibiotic: anthracycline (L01DB03)", ATC),
    ("Mitomycin", "cytotoxic antibiotic (L01DC03)", ATC),
    ("EAP Protocol", "cytotoxic regimen (etoposide, doxorubicin, cisplatin)", "CIViC therapy name; NCI Thesaurus"),
    ("FOLFOX-4 Regimen", "cytotoxic regimen (folinic acid, fluorouracil, oxaliplatin)", "CIViC therapy name; NCI Thesaurus"),
    ("Radiation Therapy", "radiotherapy", "CIViC therapy name"),
    ("Radiation Ionizing Radiotherapy", "radiotherapy", "CIViC therapy name"),
]

HORAK = "Horak et al. 2022 PMID:35101336 (ClinGen/CGC/VICC oncogenicity SOP)"
ONCOGENICITY_CRITERIA = [
    ("OVS1", "oncogenic", "very_strong", 8, "", "Null variant (nonsense, frameshift, canonical +/-1,2 splice site, initiation codon, homozygous deletion) in a bona fide tumour suppressor gene", HORAK),
    ("OS2", "oncogenic", "strong", 4, "best_level=B", "Well-established functional studies support an oncogenic effect of this amino-acid change (panel or CIViC oncogenic evidence at level A-B, matched by the change, by its codon for a missense change there, or by its exon for a missense or in-frame change there; never for a truncation, and not evaluated while the protein change is unknown; OS1, the same change from another nucleotide change, is covered by this match)", HORAK),
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
    ("fusion_minimum_supporting_reads", "5", "a DNA-detected fusion with fewer supporting reads (or none given) is reported as needing confirmation by RNA sequencing or immunohistochemistry",
     "sarcopanel default (5 reads); " + WHO_2020 + " (fusion-defined sarcomas: the rearrangement is confirmed by FISH, RT-PCR or RNA sequencing); for kinase fusions Marchio et al. 2019 PMID:31268127 (ESMO recommendations on NTRK fusion detection: confirm DNA-based calls)"),
    ("indel_placement_window_bases", "20", "without the reference sequence, an indel this close to an exon edge, start or stop codon may sit elsewhere after 3' shifting (HGVS 3' rule): claims that depend on its exact place (null variant, splice site) are not made", "den Dunnen et al. 2016 PMID:26931183 (HGVS 3' rule); sarcopanel window"),
    ("amplification_minimum_copy_number", "6", "a gene without a panel copy-number row is called amplified at or above this copy number", "sarcopanel default for focal amplification; adjust per assay"),
    ("homozygous_deletion_maximum_copy_number", "0.5", "a copy number below this is a loss of both copies", "sarcopanel default"),
    ("one_copy_deletion_maximum_copy_number", "1.25", "a copy number at or below this (and above the homozygous limit) is a loss of one copy", "sarcopanel default"),
    ("cross_histology_predictive_loosest_match", "3",
     "predictive evidence from another tumour type (sensitivity and resistance alike, both at level C) counts for the tier and the drug statements only when it matches the alteration at least this closely: 1 the exact change, 2 its codon, 3 its exon, the structural event itself (named fusion, any fusion of the gene, copy-number event) or a loss-of-function class met by a null variant in level A/B sensitivity evidence of a named tumour type (an approved or guideline biomarker: deleterious BRCA2 for PARP inhibitors, NF1 loss for selumetinib); 4, a broader class of change in the gene (any mutation, missense, activating) or a loss-of-function class at level C/D or for resistance (PTEN loss and cetuximab in colorectal cancer), counts only in its own tumour type. Tumour-agnostic evidence always counts; diagnostic and prognostic evidence of another tumour type never does",
     AMP + " (level C: FDA-approved therapies for a different tumour type, or investigational therapies, for the same biomarker; a gene-level association in another histology is not the biomarker; resistance weighs as much as sensitivity)"),
    ("pertinent_negative_maximum_alt_fraction", 0.05,
     "a key gene's hotspot position counts as wild-type only when alternate reads stay below this fraction of its depth",
     "sarcopanel default: the 5% allele fraction panel validations commonly state as their limit of detection"),
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
# of the genes), biallelic_required (one lost copy is not loss of the gene), characteristic_mutation (points to the
# points_to entity: discordance), unexpected_mutation (not expected in the entity: review), mutually_exclusive (drivers
# in two of the genes: review), panel_scope (the types the panel is curated for: another stated type gets a report
# note). `alterations` limits a mutation rule to protein changes or residues (G35: missense there).
ENTITY_RULES = [  # id, tumour types the rule applies to, rule, genes, statement, recommendation, source, points_to, alterations
    ("GIST-SDH", "GIST", "subtype_by_loss", "SDHA,SDHB,SDHC,SDHD", "SDH-deficient GIST",
     "confirm with SDHB immunohistochemistry; imatinib is generally ineffective; refer for germline SDHx testing (Carney-Stratakis syndrome)",
     WHO_2020 + "; " + ESMO_GIST),
    ("GIST-NF1", "GIST", "subtype_by_loss", "NF1", "NF1-associated GIST (usually KIT/PDGFRA wild-type)",
     "consider neurofibromatosis type 1 (clinical assessment, germline NF1 testing); imatinib benefit is not expected",
     WHO_2020 + "; " + ESMO_GIST),
    ("GIST-BRAF", "GIST", "subtype_by_mutation", "BRAF", "BRAF-mutant GIST (KIT/PDGFRA wild-type)",
     "BRAF V600E: dabrafenib plus trametinib (tumour-agnostic label); imatinib benefit is unlikely",
     WHO_2020 + "; " + ESMO_GIST),
    ("GIST-WT", "GIST", "wild_type", "KIT,PDGFRA", "no oncogenic KIT or PDGFRA variant: KIT/PDGFRA wild-type GIST if both genes were adequately covered",
     "confirm coverage of KIT exons 9/11/13/17 and PDGFRA exons 12/14/18; test SDHB (immunohistochemistry), NF1, BRAF and NTRK fusions; imatinib benefit is unlikely",
     ESMO_GIST + "; " + NCCN_GIST),
    ("INI1-BIALLELIC", "EPIS,MRT,ATRT", "biallelic_required", "SMARCB1", "SMARCB1 (INI1) loss needs both copies: one lost copy alone does not establish INI1 deficiency",
     "confirm INI1 (SMARCB1) loss by immunohistochemistry, or look for a second hit (mutation or deletion of the other copy)",
     WHO_2020),
    ("GIST-DRIVER", "SOFT_TISSUE,BONE,SARCNOS", "characteristic_mutation", "KIT,PDGFRA",
     "oncogenic KIT or PDGFRA mutations are characteristic of GIST",
     "review the diagnosis: KIT (CD117) and DOG1 immunohistochemistry; consider GIST",
     WHO_2020 + "; " + ESMO_GIST, "GIST"),
    # H3-3A (legacy H3F3A) p.G34 in the legacy numbering is p.G35 on the MANE transcript (initiator methionine counted).
    ("GCTB-H3-G34", "BONE,SARCNOS", "characteristic_mutation", "H3-3A",
     "H3.3 G34 mutations (H3-3A p.G35 in MANE numbering, legacy H3F3A G34W/L/R/V) define giant cell tumour of bone; giant cell-rich osteosarcoma lacks them",
     "review the diagnosis: H3.3 G34W immunohistochemistry; giant cell tumour of bone (including its malignant form) against giant cell-rich osteosarcoma",
     WHO_2020 + "; Behjati et al. 2013 PMID:24162739", "GCTB", "G35"),
    ("LGCOS-GNAS", "LGCOS,PAOS", "unexpected_mutation", "GNAS",
     "GNAS R201 mutations mark fibrous dysplasia, the main mimic of low-grade central and parosteal osteosarcoma, in which they are not found",
     "review the diagnosis against fibrous dysplasia: MDM2/CDK4 amplification (FISH or immunohistochemistry) supports low-grade osteosarcoma",
     WHO_2020 + "; Tabareau-Delalande et al. 2013 Mod Pathol 26:911-921 (GNAS mutations in fibrous dysplasia, none in low-grade osteosarcomas)", "", "R201"),
    ("GIST-KIT-PDGFRA", "GIST", "mutually_exclusive", "KIT,PDGFRA",
     "KIT and PDGFRA driver mutations are mutually exclusive in GIST: two drivers suggest two tumours, a mixed sample or an artefact",
     "confirm both variants by an orthogonal method and review the specimen (separate tumours, contamination) before choosing treatment",
     WHO_2020 + "; " + ESMO_GIST, "", ""),
    # The tumour types the panel is curated for (OncoTree soft tissue, bone, peripheral nerve sheath and uterine
    # sarcoma branches, and the entities its fusion and loss rows name elsewhere): other types get a note.
    ("PANEL-SCOPE", "SOFT_TISSUE,BONE,PNS,USARC,DFSP,MRT,ATRT,TRCC", "panel_scope", "",
     "the panel's genes, evidence selection (CIViC items of sarcoma genes or diseases) and entity rules are curated for sarcomas and related tumours, so evidence and diagnostic checks for this tumour type may be incomplete",
     "interpret with a panel and knowledge base made for this tumour type", "sarcopanel panel scope; " + WHO_2020, "", ""),
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


# CIViC items whose significance the panel reads differently, with the reason (shown in the row's `source`).
RECLASSIFIED = {
    "4072": ("resistance", "reduced_sensitivity",
             "Heinrich et al. 2008 compares outcomes on sunitinib: shorter progression-free survival for primary KIT exon 11 "
             "than for exon 9 or wild-type GIST is less benefit, not resistance; sunitinib remains the second line in GIST "
             "whatever the genotype (" + ESMO_GIST + "; FDA label sunitinib (Sutent) 2006)"),
}


def civic_evidence(shared, panel_genes, notes):
    path = f"{shared}/civic/civic_01-Aug-2024_ClinicalEvidenceSummaries.sarcoma_genes_or_diseases.tsv"
    rows, skipped, reclassified = [], collections.Counter(), set()
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
            significance = r["significance"].lower().replace(" ", "_")
            source = f"CIViC 01-Aug-2024 EID{r['evidence_id']} (CC0)"
            if r["evidence_id"] in RECLASSIFIED:
                was, now, why = RECLASSIFIED[r["evidence_id"]]
                if significance != was:
                    sys.exit(f"panel_knowledge: CIViC EID{r['evidence_id']} is '{significance}', the reclassification expects '{was}'")
                significance = now
                source += f"; significance read as {now} (CIViC: {was}) by sarcopanel: {why}"
                reclassified.add(r["evidence_id"])
            rows.append({
                "id": f"CIVIC:EID{r['evidence_id']}", "gene": gene, "matcher_type": matcher_type, "matcher": matcher,
                "exclusions": "", "tumour_types": code, "disease": disease, "doid": r["doid"], "therapies": therapies(r),
                "evidence_type": r["evidence_type"].lower(), "direction": r["evidence_direction"].lower(),
                "significance": significance, "level": CIVIC_LEVEL_TO_AMP.get(r["evidence_level"], ""),
                "source_level": f"CIViC {r['evidence_level']}", "origin": r["variant_origin"].lower().replace(" ", "_"),
                "citation": f"{'PMID' if r['source_type'] == 'PubMed' else r['source_type']}:{r['citation_id']}",
                "source": source,
            })
    for reason, count in sorted(skipped.items()):
        notes.append(f"CIViC evidence skipped: {count} ({reason})")
    if set(RECLASSIFIED) - reclassified:
        sys.exit(f"panel_knowledge: reclassified CIViC items not in the release: {', '.join(sorted(set(RECLASSIFIED) - reclassified))}")
    for eid in sorted(reclassified):
        notes.append(f"CIViC EID{eid}: significance read as {RECLASSIFIED[eid][1]} (CIViC: {RECLASSIFIED[eid][0]}); reason in the row's source")
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
        return "+".join(sorted(names))  # one spelling per combination, whatever order CIViC lists it in
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


# ---------------------------------------------------------------------------------------------------------------
# Germline rule tables (both panels).
TAVTIGIAN = "Tavtigian et al. 2020 PMID:32720330 (points per strength; stand-alone BA1 per Richards et al. 2015)"
ACMG_STRENGTHS = [("stand_alone", 8), ("very_strong", 8), ("strong", 4), ("moderate", 2), ("supporting", 1)]
ABOU_TAYOUN = "Abou Tayoun et al. 2018 PMID:30192042 (ClinGen SVI PVS1 decision tree)"
MANDELKER_2019 = "sarcopanel default for the allele-fraction heuristics discussed by the ESMO PMWG (Mandelker et al. 2019 PMID:31050713)"
GERMLINE_RULES = [  # rule, value, description, source
    ("ba1_default_population_frequency", 0.05,
     "BA1 above this allele frequency where no VCEP threshold applies, or where the VCEP threshold needs a filtering allele frequency the input lacks",
     "Richards et al. 2015 PMID:25741868 (BA1: allele frequency > 5%)"),
    ("pm2_maximum_population_frequency", 0.00002,
     "PM2 (supporting) when absent or at most this allele frequency, where no VCEP threshold applies",
     "ClinGen SVI PM2 recommendation v1.0 (PM2 at supporting strength; it sets no universal cut-off: 0.00002 is sarcopanel's default)"),
    ("nmd_penultimate_exon_bases", 50,
     "a premature stop in the last exon or within this many bases of the end of the penultimate exon escapes nonsense-mediated decay",
     ABOU_TAYOUN),
    ("pvs1_strong_removed_protein_fraction", 0.1,
     "when decay is escaped (or an exon is skipped in frame) outside a critical region, removing more than this fraction of the protein is PVS1_Strong, less is PVS1_Moderate",
     ABOU_TAYOUN),
    ("indel_placement_window_bases", 20,
     "without the reference sequence, an indel this close to an exon edge, start or stop codon may sit elsewhere after 3' shifting: PVS1 is not evaluated",
     "den Dunnen et al. 2016 PMID:26931183 (HGVS 3' rule); sarcopanel window"),
    ("clinvar_minimum_stars", 2,
     "ClinVar classifications with at least this many review stars count for germline follow-up and are compared with ours",
     "ClinVar review status (2 stars: multiple submitters, no conflicts); Kuzbari et al. 2023 PMID:36529447"),
    ("origin_minimum_depth", 20, "below this tumour depth the allele fraction says nothing about origin", MANDELKER_2019),
    ("origin_polymorphism_frequency", 0.001, "at or above this population frequency a tumour-only variant is a germline polymorphism", MANDELKER_2019),
    ("origin_heterozygous_minimum_vaf", 0.35, "lowest tumour allele fraction read as compatible with a heterozygous germline variant", MANDELKER_2019),
    ("origin_heterozygous_maximum_vaf", 0.65, "highest tumour allele fraction read as compatible with a heterozygous germline variant", MANDELKER_2019),
    ("origin_homozygous_minimum_vaf", 0.85, "tumour allele fraction read as compatible with a homozygous germline variant (or loss of the other allele)", MANDELKER_2019),
    ("origin_normal_minimum_alt_reads", 2, "alternate reads in the matched normal that make a variant germline", "sarcopanel default"),
    ("origin_normal_minimum_vaf", 0.05, "allele fraction in the matched normal that makes a variant germline", "sarcopanel default"),
]
PEJAVER = "Pejaver et al. 2022 PMID:36413997 (ClinGen SVI calibration of computational predictors)"
WALKER = "Walker et al. 2023 PMID:37352859 (ClinGen SVI splicing recommendations: SpliceAI)"
ACMG_COMPUTATIONAL = [  # predictor, criterion, strength, comparator, threshold, source
    ("REVEL", "PP3", "strong", "gte", 0.932, PEJAVER), ("REVEL", "PP3", "moderate", "gte", 0.773, PEJAVER),
    ("REVEL", "PP3", "supporting", "gte", 0.644, PEJAVER),
    ("REVEL", "BP4", "supporting", "lte", 0.290, PEJAVER), ("REVEL", "BP4", "moderate", "lte", 0.183, PEJAVER),
    ("REVEL", "BP4", "strong", "lte", 0.016, PEJAVER), ("REVEL", "BP4", "very_strong", "lte", 0.003, PEJAVER),
    ("CADD_PHRED", "PP3", "moderate", "gte", 28.1, PEJAVER), ("CADD_PHRED", "PP3", "supporting", "gte", 25.3, PEJAVER),
    ("CADD_PHRED", "BP4", "supporting", "lte", 22.7, PEJAVER), ("CADD_PHRED", "BP4", "moderate", "lte", 17.3, PEJAVER),
    ("CADD_PHRED", "BP4", "strong", "lte", 0.15, PEJAVER),
    ("SpliceAI", "PP3", "supporting", "gte", 0.2, WALKER), ("SpliceAI", "BP4", "supporting", "lte", 0.1, WALKER),
    ("SpliceAI", "BP7", "supporting", "lte", 0.1, WALKER),
]

# ClinGen VCEP specifications, read from the public transcriptions in github.com/muwenbo/vcep-classification-skills
# (each spec's markdown, checked by its author against the CSpec PDFs) and cross-checked with the older versions coded
# in github.com/bihealth/auto-acmg; residues and exons are on the MANE Select transcripts.
def cspec(gene, doc, version):
    return (f"ClinGen {gene} VCEP specification CSpec {doc} v{version} (cspec.genome.network; transcription in "
            f"github.com/muwenbo/vcep-classification-skills)")

CSPEC = {"TP53": cspec("TP53", "GN009", "2.4.0"), "PTEN": cspec("PTEN", "GN003", "3.2"),
         "MLH1": cspec("MLH1 (InSiGHT)", "GN115", "2.0"), "MSH2": cspec("MSH2 (InSiGHT)", "GN137", "2.0"),
         "MSH6": cspec("MSH6 (InSiGHT)", "GN138", "2.0"), "PMS2": cspec("PMS2 (InSiGHT)", "GN139", "2.0"),
         "APC": cspec("APC (InSiGHT)", "GN089", "2.1.0"), "ATM": cspec("ATM", "GN020", "1.5.0"),
         "PALB2": cspec("PALB2", "GN077", "1.2.0"), "BRCA1": cspec("BRCA1 (ENIGMA)", "GN092", "1.2.0"),
         "BRCA2": cspec("BRCA2 (ENIGMA)", "GN097", "1.2.0"), "DICER1": cspec("DICER1", "GN024", "1.4.0"),
         "VHL": cspec("VHL", "GN078", "1.1.0")}

# PVS1 gene rules: (gene, kind, spec, strength, description). kind truncation_after: spec = first residue of a
# premature stop the rule covers (the rule with the highest first residue at or below the stop wins); truncation_exon:
# spec = exon; splice_exon: spec = "exon:N[:donor|acceptor]" or a canonical site in c. ("c.332-2"), converted to the
# MANE exon at build time (specific sites first: the first matching row wins); initiation_codon: no spec.
NA = "not_applicable"
PVS1_RULES = [
    ("TP53", "truncation_after", "351", "strong", "premature stop at Lys351-Ala355: escapes decay, removes >10% of the protein"),
    ("TP53", "truncation_after", "356", "moderate", "premature stop at Gly356-Asp393: escapes decay, removes <10%"),
    ("TP53", "initiation_codon", "", "very_strong", "initiation codon variants: PVS1 (per the TP53 VCEP)"),
    ("TP53", "splice_exon", "exon:1:donor", NA, "exon 1 is non-coding"),
    ("TP53", "splice_exon", "exon:2:acceptor", NA, "predicted splicing change does not affect the reading frame"),
    ("TP53", "splice_exon", "exon:2:donor", "very_strong", "exon 2 donor (the start codon's exon): PVS1"),
    ("TP53", "splice_exon", "exon:8:acceptor", NA, "predicted very short in-frame changes with no obvious functional impact"),
    ("TP53", "splice_exon", "exon:10:donor", "moderate", "shortens (<10%) or extends a C-terminus of unknown function"),
    ("TP53", "splice_exon", "exon:11:acceptor", "moderate", "shortens (<10%) or extends a C-terminus of unknown function"),
] + [("TP53", "splice_exon", f"exon:{n}", "very_strong", "canonical sites of exons 3-10: PVS1") for n in range(3, 11)] + [
    ("PTEN", "truncation_after", "375", "moderate", "premature stop 3' of c.1121: role unknown, removes <10%"),
    ("PTEN", "initiation_codon", "", "very_strong", "initiation codon variants: PVS1 (no alternative start codon)"),
] + [("PTEN", "splice_exon", f"exon:{n}", "very_strong", "skipping exon 1, 2, 4, 5, 6 or 7: frameshift, decay") for n in (1, 2, 4, 5, 6, 7)] + [
    ("PTEN", "splice_exon", f"exon:{n}", "strong", "skipping exon 3, 8 or 9: in frame, critical region") for n in (3, 8, 9)] + [
    ("MLH1", "truncation_after", "685", "very_strong", "premature stop at codons 685-753: escapes decay but removes a critical region"),
    ("MLH1", "truncation_after", "754", "moderate", "premature stop at codons 754-756: role unknown"),
    ("MLH1", "initiation_codon", "", "very_strong", "initiation codon variants: PVS1"),
] + [("MLH1", "splice_exon", f"exon:{n}", "strong", "in-frame skipping of a critical region: PVS1_Strong") for n in (3, 16, 17, 18)] + [
    ("MSH2", "truncation_after", "862", "very_strong", "premature stop at codons 862-891: escapes decay but removes a critical region"),
    ("MSH2", "truncation_after", "892", "moderate", "premature stop at codons 892-934: role unknown"),
    ("MSH2", "initiation_codon", "", NA, "further in-frame start codons in exon 1"),
] + [("MSH2", "splice_exon", f"exon:{n}", "strong", "in-frame skipping of a critical region: PVS1_Strong") for n in (3, 4, 5, 12)] + [
    ("MSH6", "truncation_after", "1318", "very_strong", "premature stop at codons 1318-1341: escapes decay but removes a critical region"),
    ("MSH6", "truncation_after", "1342", "moderate", "premature stop at codons 1342-1360: role unknown"),
    ("MSH6", "initiation_codon", "", "strong", "initiation codon variants: PVS1_Strong"),
    ("MSH6", "splice_exon", "exon:7", "strong", "in-frame skipping of a critical region: PVS1_Strong"),
    ("PMS2", "truncation_after", "799", "moderate", "premature stop at codons 799-862: role unknown"),
    ("PMS2", "initiation_codon", "", "strong", "initiation codon variants: PVS1_Strong"),
] + [("PMS2", "splice_exon", f"exon:{n}", "strong", "in-frame skipping of a critical region: PVS1_Strong") for n in (3, 6, 10, 12)] + [
    ("APC", "truncation_after", "1", NA, "premature stops before codon 49: translation reinitiates"),
    ("APC", "truncation_after", "49", "very_strong", "premature stops at codons 49-2645: PVS1 (last-exon truncations established)"),
    ("APC", "truncation_after", "2646", NA, "premature stops after codon 2645"),
    ("APC", "splice_exon", "exon:2", NA, "exon 2 canonical sites: an alternative transcript exists"),
] + [
    ("ATM", "truncation_after", "2980", "very_strong", "premature stop at Leu2980-Arg3047 (FATKIN, critical): PVS1"),
    ("ATM", "truncation_after", "3048", NA, "premature stop at codons 3048-3056 (role unknown)"),
    ("ATM", "initiation_codon", "", "very_strong", "pathogenic variants upstream of the next in-frame start (Met94): PVS1"),
    ("ATM", "splice_exon", "c.-31+1", NA, "canonical sites of non-coding exon 1"),
    ("ATM", "splice_exon", "c.-30-1", NA, "canonical sites of non-coding exon 1"),
] + [("ATM", "splice_exon", site, "strong", "List B: N-terminal HEAT region, in-frame skipping or cryptic site: PVS1_Strong")
     for site in ("c.332-1", "c.496+1", "c.1607+1", "c.1608-1", "c.1802+1", "c.1898+1", "c.2250+1", "c.2376+1", "c.2377-1",
                  "c.2466+1", "c.3576+1", "c.3993+1", "c.4612-1", "c.4776+1", "c.4910-1", "c.5005+1", "c.5496+1")] + [
    ("ATM", "splice_exon", site, "supporting", "Lists C/F: cryptic site keeps the frame with a very small indel: PVS1_Supporting")
     for site in ("c.2467-1", "c.2839-1", "c.4237-1", "c.4437-1", "c.5675-1", "c.6199-1", "c.7928-1", "c.8152-1", "c.8269-1",
                  "c.8419-1")] + [
] + [("ATM", "splice_exon", f"exon:{n}", "very_strong", "other canonical sites (Lists A, D, E): PVS1") for n in range(2, 64)] + [
    ("PALB2", "truncation_after", "1102", "very_strong", "premature stop up to Tyr1183: PVS1 whether or not decay is expected"),
    ("PALB2", "truncation_after", "1184", "moderate", "premature stop at His1184-Ser1186: PVS1_Moderate"),
    ("PALB2", "initiation_codon", "", "very_strong", "the next in-frame start (Met296) loses the coiled-coil domain: PVS1"),
    ("PALB2", "splice_exon", "c.49-1", "moderate", "in-frame loss of <10% of unknown function: PVS1_Moderate"),
    ("PALB2", "splice_exon", "c.211+1", "supporting", "small in-frame insertion: PVS1_Supporting"),
    ("PALB2", "splice_exon", "c.212-1", "strong", "List D: in-frame loss of >=10% of unknown function: PVS1_Strong"),
    ("PALB2", "splice_exon", "c.1684+1", "strong", "List D: in-frame loss of >=10% of unknown function: PVS1_Strong"),
    ("PALB2", "splice_exon", "c.1685-1", "strong", "List D: in-frame loss of >=10% of unknown function: PVS1_Strong"),
] + [("PALB2", "splice_exon", f"exon:{n}", "very_strong", "Lists A-C (decay, frameshift, coiled-coil or WD40 exons): PVS1") for n in range(1, 14)] + [
    ("BRCA1", "truncation_after", "1855", NA, "premature stop after Leu1854"),
    ("BRCA1", "truncation_exon", "8", NA, "exon 8 (legacy 9): rescued by naturally occurring in-frame isoforms"),
    ("BRCA1", "truncation_exon", "9", NA, "exon 9 (legacy 10): rescued by naturally occurring in-frame isoforms"),
    ("BRCA1", "splice_exon", "exon:8", NA, "exon 8 (legacy 9): rescued by naturally occurring in-frame isoforms"),
    ("BRCA1", "splice_exon", "exon:9", NA, "exon 9 (legacy 10): rescued by naturally occurring in-frame isoforms"),
    ("BRCA1", "splice_exon", "exon:10", "moderate", "exon 10 (legacy 11) canonical sites: PVS1_Moderate"),
    ("BRCA1", "initiation_codon", "", "very_strong", "initiation codon (exon 2): PVS1"),
    ("BRCA2", "truncation_after", "3310", NA, "premature stop after Glu3309"),
    ("BRCA2", "splice_exon", "c.-40+1", NA, "non-coding exon 1"),
    ("BRCA2", "splice_exon", "c.68-1", "supporting", "small in-frame outcome: PVS1_Supporting"),
] + [("BRCA2", "splice_exon", site, NA, "in-frame rescue isoform, or a functional GC donor")
     for site in ("c.317-1", "c.425+1", "c.517-1", "c.632-1", "c.681+1", "c.794-1", "c.6842-1", "c.6937+1")] + [
    ("BRCA2", "splice_exon", "c.8331+1", "strong", "exon 18 donor: leaky splicing reported: PVS1_Strong"),
    ("BRCA2", "splice_exon", "c.8488-1", "supporting", "small in-frame outcome: PVS1_Supporting"),
    ("BRCA2", "splice_exon", "c.9257-1", "supporting", "small in-frame outcome: PVS1_Supporting"),
] + [("BRCA2", "splice_exon", f"exon:{n}", "very_strong", "other canonical sites (Table 4): PVS1") for n in range(2, 28)] + [
    ("DICER1", "truncation_after", "1850", "moderate", "premature stop 3' of Pro1850 (no decay): PVS1_Moderate"),
    ("DICER1", "initiation_codon", "", NA, "in-frame alternative starts at Met11/17/24"),
    ("DICER1", "splice_exon", "exon:10", "strong", "in frame, >10% of the protein: PVS1_Strong"),
] + [("DICER1", "splice_exon", f"exon:{n}", "moderate", "in frame, <10% of the protein: PVS1_Moderate") for n in (5, 15, 18, 22)] + [
    ("DICER1", "splice_exon", "exon:27:acceptor", "moderate", "final exon, <10% removed: PVS1_Moderate"),
    ("VHL", "truncation_after", "1", NA, "premature stops before codon 54: the p19 isoform starts at Met54"),
    ("VHL", "truncation_after", "54", "very_strong", "premature stops at codons 54-204 (decay, or the critical domain 63-204): PVS1"),
    ("VHL", "truncation_after", "205", "moderate", "premature stops at codons 205-213: PVS1_Moderate"),
    ("VHL", "initiation_codon", "", NA, "p19 initiates at Met54"),
] + [("VHL", "splice_exon", f"exon:{n}", "very_strong", "every exon is critical: PVS1") for n in (1, 2, 3)]
PVS1_NOT_ENCODED = ("APC canonical-site lists A/C (which in-frame exons have enough clinical data for full PVS1) could "
                    "not be read per site: APC splice sites other than exon 2 go through the generic tree; "
                    "nucleotide-specific exceptions (e.g. BRCA2 c.517-1G>A is PVS1 while other c.517-1/-2 changes are not; "
                    "ATM and BRCA2 +2T>C changes that create a functional GC donor; BRCA1 ENIGMA Table 4 sites) are not encoded: "
                    "the exon-and-site rule is applied to every change at the site")

# PM1: (gene, first residue, last residue, change or "", strength or not_applicable, description).
PM1_RULES = [
    ("TP53", 175, 175, "", "moderate", "TP53 VCEP critical codon"), ("TP53", 245, 245, "", "moderate", "TP53 VCEP critical codon"),
    ("TP53", 248, 249, "", "moderate", "TP53 VCEP critical codons"), ("TP53", 273, 273, "", "moderate", "TP53 VCEP critical codon"),
    ("TP53", 282, 282, "", "moderate", "TP53 VCEP critical codon"),
    ("PTEN", 90, 94, "", "moderate", "catalytic motif"), ("PTEN", 123, 130, "", "moderate", "catalytic P-loop"),
    ("PTEN", 166, 168, "", "moderate", "catalytic motif"),
] + [("DICER1", r, r, "", "moderate", "RNase IIIb metal-binding residue") for r in (1344, 1705, 1709, 1713, 1809, 1810, 1813)] + [
    ("DICER1", 1682, 1846, "", "supporting", "RNase IIIb domain"),
] + [("VHL", r, r, "", "moderate", "VHL VCEP hotspot residue") for r in (65, 76, 78, 80, 86, 88, 96, 98, 112, 117, 161, 162, 167, 170, 176, 178)] + [
    (g, "", "", "", NA, "the VCEP does not use PM1 for this gene") for g in
    ("ATM", "PALB2", "BRCA1", "BRCA2", "MLH1", "MSH2", "MSH6", "PMS2", "APC")]
TP53_PM1_HOTSPOT_SOURCE = ("TP53 VCEP PM1: the same amino-acid change in >= 10 tumours in cancerhotspots.org v2 is "
                           "moderate, in 2-9 supporting (Chang et al. 2018)")
PM1_HOTSPOT_MINIMUM_SAMPLES = 10  # a residue recurrent in >= 10 tumours (cancerhotspots) counts as a hotspot for PM1

# PM5_Supporting for protein-truncating variants: only where the gene's VCEP specification says so, anchored at the
# most C-terminal pathogenic truncation the VCEP names. TP53, the MMR genes, APC, PTEN, DICER1 and VHL specify PM5 for
# missense changes only; ENIGMA's BRCA1/BRCA2 "PM5_PTC" is weighted per exon in a table (Table 4) not transcribed
# here, so it is not encoded. (gene, the premature stop must lie before this residue, strength, description)
PM5_TRUNCATION = [
    ("ATM", 3047, "supporting", "frameshifting or truncating variants with a premature stop upstream of p.Arg3047, the most C-terminal known pathogenic truncation"),
    ("PALB2", 1183, "supporting", "frameshifting or truncating variants with a premature stop upstream of p.Tyr1183, the most C-terminal known pathogenic truncation"),
]

# Gene syndromes (genes.tsv `syndromes`) come from the CPSR superpanel's phenotype list, kept only when OMIM links the
# phenotype number to the gene (OMIM gene-phenotype map in ../shared/data/acmg, via mim2gene): the CPSR list carries
# phenotypes of other genes (TP53 with SDHD's paraganglioma and Cowden syndrome 3) and glued numbers ("Cowden syndrome
# 2612359"). Phenotypes marked somatic are left out. SYNDROME_FIRST puts the gene's main hereditary syndrome first
# (germline follow-up names it); SYNDROME_EXCLUDED drops a linked phenotype the guideline does not assign to the gene.
SYNDROME_FIRST = {
    "TP53": ["151623", "202300", "260500"], "SDHB": ["115310", "606864", "171300"], "SDHC": ["605373", "606864"],
    "SDHD": ["168000", "606864", "171300"], "SDHA": ["614165"], "SDHAF2": ["601650"], "NF1": ["162200"],
    "NF2": ["101000"], "KIT": ["606764"], "DICER1": ["601200", "138800", "180295"], "RB1": ["180200"],
    "SMARCB1": ["609322"], "SMARCA4": ["613325"], "APC": ["175100"], "MLH1": ["609310", "276300"],
    "MSH2": ["120435", "276300"], "MSH6": ["614350", "276300"], "PMS2": ["614337", "276300"], "BRCA2": ["612555"],
    "BRCA1": ["604370"], "PALB2": ["114480", "610832"], "ATM": ["114480", "208900"], "CHEK2": ["114480"],
    "PTCH1": ["109400"], "SUFU": ["109400"], "BAP1": ["614327"], "CDKN2A": ["606719"], "EXT1": ["133700"],
    "EXT2": ["133701"], "FH": ["150800"], "WT1": ["194070"], "VHL": ["193300"], "PTEN": ["158350"],
}
SYNDROME_NAMES = {  # OMIM number -> OMIM's title where the CPSR spellings are an alias or carry stray words
    "175100": "Familial adenomatous polyposis 1", "101000": "Neurofibromatosis, type 2",
}
SYNDROME_EXCLUDED = {
    ("CHEK2", "609265"): "Li-Fraumeni syndrome is the heritable TP53-related cancer syndrome (Frebourg et al. 2020 PMID:32457520); OMIM's CHEK2 link (LFS2) is not used",
}

# ClinGen SVI BA1 exceptions (Ghosh et al. 2018 PMID:30311383): (gene, HGVS, GRCh38 chrom, pos, ref, alt).
GHOSH = "ClinGen SVI BA1 exception list: Ghosh et al. 2018 PMID:30311383"
BA1_EXCEPTIONS = [
    ("ACAD9", "NM_014049.4:c.-44_-41dupTAAG", "3", 128879647, "C", "CTAAG"),
    ("GJB2", "NM_004004.5:c.109G>A (p.Val37Ile)", "13", 20189473, "C", "T"),
    ("HFE", "NM_000410.3:c.187C>G (p.His63Asp)", "6", 26090951, "C", "G"),
    ("HFE", "NM_000410.3:c.845G>A (p.Cys282Tyr)", "6", 26092913, "G", "A"),
    ("MEFV", "NM_000243.2:c.1105C>T (p.Pro369Ser)", "16", 3249586, "G", "A"),
    ("MEFV", "NM_000243.2:c.1223G>A (p.Arg408Gln)", "16", 3249468, "C", "T"),
    ("PIBF1", "NM_006346.2:c.1214G>A (p.Arg405Gln)", "13", 72835359, "G", "A"),
    ("ACADS", "NM_000017.3:c.511C>T (p.Arg171Trp)", "12", 120737875, "C", "T"),
    ("BTD", "NM_000060.4:c.1330G>C (p.Asp444His)", "3", 15645186, "G", "C"),
]
FREQUENCY_CONFOUNDED = [  # gene, confounder, source
    ("PMS2", "the PMS2CL pseudogene (exons 9 and 11-15; gene conversion)", CSPEC["PMS2"] + " (appendix: PMS2CL)"),
    ("CHEK2", "the CHEK2 duplicon (pseudogene copies of exons 10-14)", "Muench et al. 2008 BMC Evol Biol 8:269 PMID:18831734"),
    ("NF1", "NF1 pseudogenes on chromosomes 2, 14, 15, 21 and 22", "Luijten et al. 2001 Hum Genet 109:109-116 doi:10.1007/s004390100543"),
]

# Tumour-only germline follow-up (ESMO PMWG). Kuzbari et al. 2023 (PMID:36529447) confirm from the abstract: the seven
# most actionable genes are followed up in every patient; ATM and CHEK2 were added; germline conversion rates are >80%
# for BRCA1/BRCA2/PALB2 and <2% for TP53, APC and STK11. The per-gene rates of the supplement could not be read here:
# other genes of the ESMO list get tumour-type rules (followed up when the tumour is one their syndrome causes).
KUZBARI = "ESMO PMWG: Kuzbari et al. 2023 PMID:36529447"
KUZBARI_ON_TUMOUR = KUZBARI + " (gene on the ESMO list; per-gene conversion rate not verified here, so followed up in its syndrome's tumours)"
FREBOURG = "Frebourg et al. 2020 PMID:32457520 (ERN GENTURIS Li-Fraumeni / heritable TP53-related cancer guideline)"
BOUGEARD = "Bougeard et al. 2015 PMID:26014290 (revised Chompret criteria)"
GERMLINE_FOCUSED = KUZBARI + " (germline-focused analysis of tumour-normal sequencing: pathogenic germline variants in predisposition genes found in the normal are reported)"
GERMLINE_TRIAGE = [  # gene, rule, gcr_percent, tumour types, max age, statement, source
    ("BRCA1", "always", "", "", "", "one of the seven most actionable genes: germline follow-up in every patient", KUZBARI),
    ("BRCA2", "always", "", "", "", "one of the seven most actionable genes: germline follow-up in every patient", KUZBARI),
    ("PALB2", "always", "", "", "", "one of the seven most actionable genes: germline follow-up in every patient", KUZBARI),
    ("MLH1", "always", "", "", "", "one of the seven most actionable genes: germline follow-up in every patient (in MSI-high tumours, look for MLH1 promoter methylation first)", KUZBARI),
    ("MSH2", "always", "", "", "", "one of the seven most actionable genes: germline follow-up in every patient", KUZBARI),
    ("MSH6", "always", "", "", "", "one of the seven most actionable genes: germline follow-up in every patient", KUZBARI),
    ("RET", "always", "", "", "", "one of the seven most actionable genes: germline follow-up in every patient", KUZBARI),
    ("ATM", "gcr_at_least_5", "", "", "", "added to the germline follow-up genes by ESMO PMWG 2023", KUZBARI),
    ("CHEK2", "gcr_at_least_5", "", "", "", "added to the germline follow-up genes by ESMO PMWG 2023", KUZBARI),
    ("PMS2", "on_tumour", "", "COADREAD,UCEC", "", "Lynch syndrome tumour", KUZBARI_ON_TUMOUR),
    ("BRIP1", "on_tumour", "", "OVARY", "", "ovarian cancer", KUZBARI_ON_TUMOUR),
    ("RAD51C", "on_tumour", "", "OVARY,BREAST", "", "ovarian or breast cancer", KUZBARI_ON_TUMOUR),
    ("RAD51D", "on_tumour", "", "OVARY,BREAST", "", "ovarian or breast cancer", KUZBARI_ON_TUMOUR),
    ("PTEN", "on_tumour", "", "BREAST,UCEC,THFO", "", "PTEN hamartoma tumour syndrome tumour", KUZBARI_ON_TUMOUR),
    ("VHL", "on_tumour", "", "CCRCC,HMBL,PHC,PGNG,PANET", "", "von Hippel-Lindau tumour", KUZBARI_ON_TUMOUR),
    ("FH", "on_tumour", "", "PRCC,ULMS", "", "hereditary leiomyomatosis and renal cell cancer tumour (uterine leiomyosarcoma, papillary renal cancer)", KUZBARI_ON_TUMOUR),
    ("BAP1", "on_tumour", "", "UM,PLMESO,PEMESO,CCRCC", "", "BAP1 tumour predisposition syndrome tumour", KUZBARI_ON_TUMOUR),
    ("CDKN2A", "on_tumour", "", "MEL,PAAD", "", "melanoma or pancreatic cancer (sequence variants only)", KUZBARI_ON_TUMOUR),
    ("PTCH1", "on_tumour", "", "MBL,BCC", "", "Gorlin syndrome tumour", KUZBARI_ON_TUMOUR),
    ("SUFU", "on_tumour", "", "MBL", "", "SHH medulloblastoma", KUZBARI_ON_TUMOUR),
    ("TSC1", "on_tumour", "", "RAML", "", "tuberous sclerosis tumour (renal angiomyolipoma)", KUZBARI_ON_TUMOUR),
    ("TSC2", "on_tumour", "", "RAML", "", "tuberous sclerosis tumour (renal angiomyolipoma)", KUZBARI_ON_TUMOUR),
    ("WT1", "on_tumour", "", "WT", "", "Wilms tumour", KUZBARI_ON_TUMOUR),
    ("STK11", "not_recommended", "", "", "", "germline conversion rate below 2%", KUZBARI),
    ("APC", "on_tumour", "", "COADREAD,DES", "", "colorectal cancer or desmoid tumour (exclude familial adenomatous polyposis)", KUZBARI + "; desmoid: Desmoid Tumor Working Group 2020 (Eur J Cancer 127:96-107)"),
    ("TP53", "on_tumour", "", "ACC,CPC", "", "adrenocortical or choroid plexus carcinoma: test whatever the family history (revised Chompret criteria)", FREBOURG + "; " + BOUGEARD),
    ("TP53", "age_below", "", "BREAST", "31", "breast cancer before 31 years: test whatever the family history", FREBOURG),
    ("TP53", "needs_information", "", "ERMS", "", "the histology: embryonal rhabdomyosarcoma of the anaplastic subtype is tested whatever the family history (revised Chompret criteria; OncoTree has no anaplastic code, so ERMS alone does not settle it)", FREBOURG + "; " + BOUGEARD),
    ("TP53", "needs_information", "", "OS", "18", "the tumour site: jaw osteosarcoma in a child or adolescent is tested whatever the family history", FREBOURG + " (recommendation 2)"),
    ("TP53", "needs_information", "", "SOFT_TISSUE,BONE,BREAST,BRAIN,ADRENAL_GLAND", "46", "the family history: a Li-Fraumeni core tumour (sarcoma, breast cancer, CNS tumour, adrenocortical carcinoma) before 46 years is tested with a first- or second-degree relative with a core tumour before 56 years, or with multiple primary tumours, the first before 46 (revised Chompret criteria)", FREBOURG + "; " + BOUGEARD),
    ("TP53", "not_recommended", "", "", "", "germline conversion rate below 2% across tumour types: not followed up from the tumour type and age alone (test when the personal or family history meets the revised Chompret criteria)", KUZBARI + "; " + FREBOURG + "; " + BOUGEARD),
    ("DICER1", "on_tumour", "", "PPB,SLCT,ERMS,PBL", "", "DICER1 syndrome tumour (pleuropulmonary blastoma, Sertoli-Leydig cell tumour, embryonal rhabdomyosarcoma, pineoblastoma)", "Schultz et al. 2018 PMID:29343557 (DICER1 testing indications, Table 1)"),
    ("NF1", "on_tumour", "", "GIST", "", "NF1-associated GIST (usually KIT/PDGFRA wild-type): clinical assessment for neurofibromatosis type 1, and germline NF1 testing when it is suspected", ESMO_GIST + " (KIT/PDGFRA wild-type GIST: assess SDH and NF1); " + WHO_2020),
    ("NF1", "on_tumour", "", "MPNST,NFIB", "", "malignant peripheral nerve sheath tumour or neurofibroma (20-50% of MPNST arise in neurofibromatosis type 1)", "WHO Classification of Soft Tissue and Bone Tumours, 5th ed. 2020"),
    ("SMARCB1", "on_tumour", "", "ATRT,MRT", "", "rhabdoid tumour (rhabdoid tumour predisposition syndrome 1)", "GeneReviews NBK469816 (rhabdoid tumour predisposition syndrome, 2022)"),
    ("SMARCA4", "on_tumour", "", "ATRT,MRT,SCCO", "", "rhabdoid tumour or small cell carcinoma of the ovary, hypercalcaemic type (rhabdoid tumour predisposition syndrome 2)", "GeneReviews NBK469816 (rhabdoid tumour predisposition syndrome, 2022)"),
    ("SDHA", "on_tumour", "", "GIST,PHC,PGNG", "", "SDH-deficient GIST or paraganglioma/phaeochromocytoma", "UK SDHA recommendations (J Med Genet 2023;60:107, Table 2); ESMO-EURACAN-GENTURIS GIST guideline 2022"),
    ("SDHB", "on_tumour", "", "GIST,PHC,PGNG", "", "SDH-deficient GIST or paraganglioma/phaeochromocytoma: refer for germline SDHx testing", "ESMO-EURACAN-GENTURIS GIST guideline (Casali et al. 2022); Endocrine Society guideline 2014 PMID:24893135"),
    ("SDHC", "on_tumour", "", "GIST,PHC,PGNG", "", "SDH-deficient GIST or paraganglioma/phaeochromocytoma: refer for germline SDHx testing", "ESMO-EURACAN-GENTURIS GIST guideline (Casali et al. 2022); Endocrine Society guideline 2014 PMID:24893135"),
    ("SDHD", "on_tumour", "", "GIST,PHC,PGNG", "", "SDH-deficient GIST or paraganglioma/phaeochromocytoma: refer for germline SDHx testing", "ESMO-EURACAN-GENTURIS GIST guideline (Casali et al. 2022); Endocrine Society guideline 2014 PMID:24893135"),
    ("SDHAF2", "on_tumour", "", "PHC,PGNG", "", "paraganglioma/phaeochromocytoma", "Endocrine Society guideline 2014 PMID:24893135"),
    ("MAX", "on_tumour", "", "PHC,PGNG", "", "paraganglioma/phaeochromocytoma", "Endocrine Society guideline 2014 PMID:24893135"),
    ("TMEM127", "on_tumour", "", "PHC,PGNG", "", "paraganglioma/phaeochromocytoma", "Endocrine Society guideline 2014 PMID:24893135"),
    ("MUTYH", "not_recommended", "", "", "", "a single heterozygous MUTYH variant is not followed up (MUTYH-associated polyposis needs two)", KUZBARI),
    ("KIT", "germline_activating", "", "", "", "familial GIST: germline activating KIT variants (exons 11, 13, 17, 8) cause multiple GISTs, with skin hyperpigmentation and mastocytosis in some families", "Nishida et al. 1998 Nat Genet 19:323-324 (familial GIST, germline KIT exon 11); Postow and Robson 2012 Clin Sarcoma Res 2:16 doi:10.1186/2045-3329-2-16 (inherited GIST syndromes); " + GERMLINE_FOCUSED),
    ("PDGFRA", "germline_activating", "", "", "", "familial GIST (PDGFRA-mutant, GIST-plus syndrome): germline activating PDGFRA variants cause multiple GISTs and inflammatory fibroid polyps", "Postow and Robson 2012 Clin Sarcoma Res 2:16 doi:10.1186/2045-3329-2-16 (inherited GIST syndromes); " + GERMLINE_FOCUSED),
    ("KIT", "not_recommended", "", "", "", "germline KIT variants share the somatic GIST exons: tumour data cannot tell them apart (consider only with multiple GISTs or a family history)", "ESMO-EURACAN-GENTURIS GIST guideline (Casali et al. 2022)"),
    ("PDGFRA", "not_recommended", "", "", "", "germline PDGFRA variants share the somatic GIST exons: tumour data cannot tell them apart (consider only with multiple GISTs or a family history)", "ESMO-EURACAN-GENTURIS GIST guideline (Casali et al. 2022)"),
    ("RB1", "on_tumour", "", "RBL", "", "retinoblastoma", KUZBARI_ON_TUMOUR),
    ("EXT1", "not_recommended", "", "", "", "hereditary multiple osteochondromas is a clinical diagnosis (multiple osteochondromas): not decided from a chondrosarcoma alone", "GeneReviews NBK1235 (hereditary multiple osteochondromas)"),
    ("EXT2", "not_recommended", "", "", "", "hereditary multiple osteochondromas is a clinical diagnosis (multiple osteochondromas): not decided from a chondrosarcoma alone", "GeneReviews NBK1235 (hereditary multiple osteochondromas)"),
]


# ESCAT levels (Mateo et al. 2018 PMID:30137196) as the ESMO-EURACAN-GENTURIS GIST guideline 2022 prints them in its
# recommendation brackets (Casali et al. 2022). Read from two secondary transcriptions that agree (the guideline's PDF
# could not be read here); soft-tissue, bone and tumour-agnostic levels could not be confirmed and are not listed.
CASALI_2022 = "ESMO-EURACAN-GENTURIS GIST guideline, Casali et al. 2022 Ann Oncol 33:20-33 doi:10.1016/j.annonc.2021.09.005 PMID:34560242 (recommendation brackets)"
ESCAT = [  # gene, matcher type, matcher, tumour types, ESCAT, context
    ("KIT", "exon", "11", "GIST", "I-A", "imatinib 400 mg/day, first line in advanced disease [I, A]"),
    ("KIT", "exon", "9", "GIST", "I-A", "imatinib 800 mg/day, first line in advanced disease [III, B]"),
    ("PDGFRA", "exact", "D842V", "GIST", "I-B", "avapritinib, first line [III, A; ESMO-MCBS 3]"),
    ("BRAF", "exact", "V600E", "GIST", "III-A", "BRAF inhibitor off label [V, B]"),
    ("NTRK1", "fusion", "NTRK1::*", "GIST", "I-C", "larotrectinib or entrectinib [III, A; ESMO-MCBS 3]"),
    ("NTRK2", "fusion", "NTRK2::*", "GIST", "I-C", "larotrectinib or entrectinib [III, A; ESMO-MCBS 3]"),
    ("NTRK3", "fusion", "NTRK3::*", "GIST", "I-C", "larotrectinib or entrectinib [III, A; ESMO-MCBS 3]"),
]
