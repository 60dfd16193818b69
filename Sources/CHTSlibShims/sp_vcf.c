#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sp_vcf.h"
#include <htslib/bgzf.h>

int sp_hdr_nsamples(const bcf_hdr_t *hdr) { return bcf_hdr_nsamples(hdr); }
const char *sp_hdr_sample(const bcf_hdr_t *hdr, int i) { return hdr->samples[i]; }
const char *sp_hdr_contig_name(const bcf_hdr_t *hdr, int rid) { return bcf_hdr_id2name(hdr, rid); }
int sp_hdr_ncontigs(const bcf_hdr_t *hdr) { return hdr->n[BCF_DT_CTG]; }
const char *sp_hdr_id_name(const bcf_hdr_t *hdr, int id) { return bcf_hdr_int2id(hdr, BCF_DT_ID, id); }
int sp_hdr_value_type(const bcf_hdr_t *hdr, int line_type, int id) {
  return (int)bcf_hdr_id2type(hdr, line_type, id);
}

int sp_float_is_missing(float f) { return bcf_float_is_missing(f); }
int sp_float_is_vector_end(float f) { return bcf_float_is_vector_end(f); }
int32_t sp_int32_missing(void) { return bcf_int32_missing; }
int32_t sp_int32_vector_end(void) { return bcf_int32_vector_end; }
int sp_gt_allele(int32_t val) { return bcf_gt_is_missing(val) ? -1 : bcf_gt_allele(val); }
int sp_gt_is_phased(int32_t val) { return bcf_gt_is_phased(val); }

hts_itr_t *sp_bcf_itr_queryi(const hts_idx_t *idx, int tid, hts_pos_t beg, hts_pos_t end) {
  return bcf_itr_queryi(idx, tid, beg, end);
}
int sp_bcf_itr_next(htsFile *fp, hts_itr_t *itr, bcf1_t *rec) { return bcf_itr_next(fp, itr, rec); }
int sp_bcf_readrec(htsFile *fp, bcf1_t *rec) {
  int tid;
  hts_pos_t beg, end;
  return bcf_readrec(hts_get_bgzfp(fp), NULL, rec, &tid, &beg, &end);
}
hts_itr_t *sp_tbx_itr_queryi(tbx_t *tbx, int tid, hts_pos_t beg, hts_pos_t end) {
  return tbx_itr_queryi(tbx, tid, beg, end);
}
int sp_tbx_itr_next(htsFile *fp, tbx_t *tbx, hts_itr_t *itr, kstring_t *line) {
  return tbx_itr_next(fp, tbx, itr, line);
}
int sp_hdr_contig_id(const bcf_hdr_t *hdr, const char *name) {
  return bcf_hdr_id2int(hdr, BCF_DT_CTG, name);
}
void sp_ks_free(kstring_t *s) { ks_free(s); }
int sp_file_format(htsFile *fp) { return (int)hts_get_format(fp)->format; }
int sp_file_compression(htsFile *fp) { return (int)hts_get_format(fp)->compression; }
int sp_bgzf_has_eof_marker(htsFile *fp) {
  BGZF *bgzf = hts_get_bgzfp(fp);
  if (bgzf == NULL) return 2;
  return bgzf_check_EOF(bgzf);
}
int sp_ks_set(kstring_t *s, const char *text, size_t length) {
  s->l = 0;
  return kputsn(text, length, s) < 0 ? -1 : 0;
}

int sp_mentions_end(const uint8_t *line, size_t length, size_t start) {
  /* start is the tab ending REF: skip ALT, QUAL and FILTER to reach INFO. */
  size_t cursor = start;
  for (int column = 0; column < 3; column++) {
    const uint8_t *tab = memchr(line + cursor + 1, '\t', length - cursor - 1);
    if (tab == NULL) return 0;
    cursor = (size_t)(tab - line);
  }
  size_t info = cursor + 1;
  const uint8_t *info_end = memchr(line + info, '\t', length - info);
  const uint8_t *field = line + info;
  const uint8_t *stop = info_end ? info_end : line + length;
  /* One pass, key by key (two memmem scans of INFO were a tenth of a streamed run):
     END=, or SVLEN= since a symbolic allele may give its span by SVLEN alone (VCF 4.4). */
  while (field < stop) {
    const uint8_t *next = memchr(field, ';', (size_t)(stop - field));
    const uint8_t *key_end = next ? next : stop;
    size_t key = (size_t)(key_end - field);
    if ((key >= 4 && memcmp(field, "END=", 4) == 0) || (key >= 6 && memcmp(field, "SVLEN=", 6) == 0)) return 1;
    if (next == NULL) break;
    field = next + 1;
  }
  return 0;
}

bcf_hdr_t *sp_hdr_read_without_index(htsFile *fp) {
  char *name = fp->fn;
  if (!name) return bcf_hdr_read(fp);
  size_t length = strlen(name) + strlen(HTS_IDX_DELIM) + 1;
  char *masked = malloc(length);
  if (!masked) return NULL;
  snprintf(masked, length, "%s%s", name, HTS_IDX_DELIM);
  fp->fn = masked;
  bcf_hdr_t *header = bcf_hdr_read(fp);
  fp->fn = name;
  free(masked);
  return header;
}

int sp_hdr_add_contig(bcf_hdr_t *hdr, const char *name) {
  if (bcf_hdr_get_hrec(hdr, BCF_HL_CTG, "ID", name, NULL)) return 0;
  bcf_hrec_t *record = calloc(1, sizeof(bcf_hrec_t));
  if (!record) return -1;
  record->key = strdup("contig");
  if (!record->key || bcf_hrec_add_key(record, "ID", 2) < 0
      || bcf_hrec_set_val(record, record->nkeys - 1, name, strlen(name), 0) < 0
      || bcf_hdr_add_hrec(hdr, record) < 0) {
    bcf_hrec_destroy(record);
    return -1;
  }
  return 1;
}
