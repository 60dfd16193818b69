#include "sp_sam.h"

int sp_sam_itr_next(htsFile *fp, hts_itr_t *itr, bam1_t *rec) { return sam_itr_next(fp, itr, rec); }
const char *sp_bam_qname(const bam1_t *rec) { return bam_get_qname(rec); }

int sp_bam_aligned_blocks(const bam1_t *rec, int64_t *starts, int64_t *ends, int capacity) {
  const uint32_t *cigar = bam_get_cigar(rec);
  int64_t pos = rec->core.pos;
  int count = 0;
  for (uint32_t i = 0; i < rec->core.n_cigar; i++) {
    int op = bam_cigar_op(cigar[i]);
    int64_t len = bam_cigar_oplen(cigar[i]);
    int type = bam_cigar_type(op);
    if (!(type & 2)) continue;          /* does not consume the reference */
    if (type & 1) {                     /* consumes query and reference: M, =, X */
      if (count > 0 && ends[count - 1] == pos) {
        ends[count - 1] = pos + len;    /* adjacent (e.g. across an insertion): merge */
      } else {
        if (count == capacity) return -1;
        starts[count] = pos;
        ends[count] = pos + len;
        count++;
      }
    }
    pos += len;                         /* D and N advance without coverage */
  }
  return count;
}

void sp_bam_soft_clips(const bam1_t *rec, int *leading, int *trailing) {
  const uint32_t *cigar = bam_get_cigar(rec);
  int n = (int)rec->core.n_cigar;
  *leading = 0;
  *trailing = 0;
  int first = 0, last = n - 1;
  while (first < n && bam_cigar_op(cigar[first]) == BAM_CHARD_CLIP) first++;
  while (last >= 0 && bam_cigar_op(cigar[last]) == BAM_CHARD_CLIP) last--;
  if (first <= last && bam_cigar_op(cigar[first]) == BAM_CSOFT_CLIP) *leading = (int)bam_cigar_oplen(cigar[first]);
  if (last > first && bam_cigar_op(cigar[last]) == BAM_CSOFT_CLIP) *trailing = (int)bam_cigar_oplen(cigar[last]);
}

const char *sp_bam_string_tag(const bam1_t *rec, const char *tag) {
  uint8_t *value = bam_aux_get(rec, tag);
  if (value == NULL) return NULL;
  return bam_aux2Z(value);
}

void sp_bam_bases_at(const bam1_t *rec, const int64_t *positions, int count, uint8_t *codes, uint8_t *qualities) {
  const uint32_t *cigar = bam_get_cigar(rec);
  const uint8_t *seq = bam_get_seq(rec);
  const uint8_t *qual = bam_get_qual(rec);
  int64_t ref = rec->core.pos;
  int64_t query = 0;
  int next = 0;
  for (uint32_t i = 0; i < rec->core.n_cigar && next < count; i++) {
    int op = bam_cigar_op(cigar[i]);
    int64_t len = bam_cigar_oplen(cigar[i]);
    int type = bam_cigar_type(op);
    if (type & 2) {
      while (next < count && positions[next] < ref) codes[next++] = SP_PILEUP_NOT_COVERED;
      while (next < count && positions[next] < ref + len) {
        if (type & 1) {
          int64_t q = query + (positions[next] - ref);
          codes[next] = (uint8_t)bam_seqi(seq, q);
          qualities[next] = qual[q];
        } else {
          /* D or N over the position; its quality is that of the next read base, as in htslib's pileup */
          codes[next] = SP_PILEUP_DELETION;
          qualities[next] = query < rec->core.l_qseq ? qual[query] : 0;
        }
        next++;
      }
    }
    if (type & 1) query += len;
    if (type & 2) ref += len;
  }
  while (next < count) codes[next++] = SP_PILEUP_NOT_COVERED;
}
