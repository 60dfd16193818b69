#pragma once
/*
 * Functions standing in for htslib macros and static inlines, which Swift
 * cannot call. Each wraps exactly one macro or inline and says which.
 */
#include <stdint.h>
#include <htslib/hts.h>
#include <htslib/vcf.h>
#include <htslib/tbx.h>
#include <htslib/kstring.h>

/* Wraps: bcf_hdr_nsamples(hdr) */
int sp_hdr_nsamples(const bcf_hdr_t *hdr);
/* Wraps: hdr->samples[i] */
const char *sp_hdr_sample(const bcf_hdr_t *hdr, int i);
/* Wraps: bcf_hdr_id2name(hdr, rid) (contig name of a record id) */
const char *sp_hdr_contig_name(const bcf_hdr_t *hdr, int rid);
/* Wraps: hdr->n[BCF_DT_CTG] */
int sp_hdr_ncontigs(const bcf_hdr_t *hdr);
/* Wraps: bcf_hdr_int2id(hdr, BCF_DT_ID, id) (INFO/FORMAT/FILTER name) */
const char *sp_hdr_id_name(const bcf_hdr_t *hdr, int id);
/* Wraps: bcf_hdr_id2type(hdr, line_type, id); line_type is BCF_HL_INFO or BCF_HL_FMT */
int sp_hdr_value_type(const bcf_hdr_t *hdr, int line_type, int id);

/* Wraps: bcf_float_is_missing(f) */
int sp_float_is_missing(float f);
/* Wraps: bcf_float_is_vector_end(f) */
int sp_float_is_vector_end(float f);
/* Wraps: bcf_int32_missing */
int32_t sp_int32_missing(void);
/* Wraps: bcf_int32_vector_end */
int32_t sp_int32_vector_end(void);
/* Wraps: bcf_gt_allele(val), or -1 when bcf_gt_is_missing(val) */
int sp_gt_allele(int32_t val);
/* Wraps: bcf_gt_is_phased(val) */
int sp_gt_is_phased(int32_t val);

/* Wraps: bcf_itr_queryi(idx, tid, beg, end) */
hts_itr_t *sp_bcf_itr_queryi(const hts_idx_t *idx, int tid, hts_pos_t beg, hts_pos_t end);
/* Wraps: bcf_itr_next(fp, itr, rec) */
int sp_bcf_itr_next(htsFile *fp, hts_itr_t *itr, bcf1_t *rec);
/* Wraps: bcf_readrec(hts_get_bgzfp(fp), NULL, rec, ...): the next record as an index iterator reads it
   (without the header's checks of its ids); 0, -1 at the end, < -1 on an error */
int sp_bcf_readrec(htsFile *fp, bcf1_t *rec);
/* Wraps: tbx_itr_queryi(tbx, tid, beg, end) */
hts_itr_t *sp_tbx_itr_queryi(tbx_t *tbx, int tid, hts_pos_t beg, hts_pos_t end);
/* Wraps: tbx_itr_next(fp, tbx, itr, line) */
int sp_tbx_itr_next(htsFile *fp, tbx_t *tbx, hts_itr_t *itr, kstring_t *line);
/* Wraps: bcf_hdr_name2id(hdr, contig) for contigs (bcf_hdr_id2int(hdr, BCF_DT_CTG, name)) */
int sp_hdr_contig_id(const bcf_hdr_t *hdr, const char *name);
/* Wraps: ks_free(s) */
void sp_ks_free(kstring_t *s);
/* Wraps: hts_get_format(fp)->format and ->compression, as htsExactFormat and htsCompression */
int sp_file_format(htsFile *fp);
int sp_file_compression(htsFile *fp);
/* Wraps: bgzf_check_EOF(hts_get_bgzfp(fp)); 1 marker present, 0 absent, 2 cannot tell, <0 error */
int sp_bgzf_has_eof_marker(htsFile *fp);
/* Wraps: s->l = 0; kputsn(text, length, s) (copies a line into an htslib-owned string) */
int sp_ks_set(kstring_t *s, const char *text, size_t length);
/* Not an htslib wrapper: true when the INFO column of a VCF line has an END (or SVLEN) key.
 * `start` is the offset of the tab that ends REF. Uses memmem, a GNU extension
 * Swift's Glibc module does not expose. */
int sp_mentions_end(const uint8_t *line, size_t length, size_t start);
/* Not an htslib wrapper: bcf_hdr_read(fp) without the index load htslib's vcf_hdr_read does to
 * add the contigs a tabix/CSI index lists and the header lacks (~20 ms for a WGS .tbi). fp->fn
 * is pointed, for the read only, at "<fn>##idx##", an empty index name htslib cannot open. The
 * caller adds those contigs (sp_hdr_add_contig) from the names it reads off the index itself. */
bcf_hdr_t *sp_hdr_read_without_index(htsFile *fp);
/* Not an htslib wrapper: adds ##contig=<ID=name> unless the header has that contig, as
 * vcf_hdr_read does for an index's contigs (the caller then calls bcf_hdr_sync).
 * 1 added, 0 already there, -1 out of memory. */
int sp_hdr_add_contig(bcf_hdr_t *hdr, const char *name);
