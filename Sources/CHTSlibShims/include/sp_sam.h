#pragma once
/*
 * Functions standing in for htslib's SAM/BAM/CRAM macros and static inlines.
 */
#include <stdint.h>
#include <htslib/hts.h>
#include <htslib/sam.h>

/* Wraps: sam_itr_next(fp, itr, rec) (a static inline) */
int sp_sam_itr_next(htsFile *fp, hts_itr_t *itr, bam1_t *rec);
/* Wraps: bam_get_qname(rec) */
const char *sp_bam_qname(const bam1_t *rec);
/* Not a single macro: the reference segments covered by aligned bases (CIGAR M, =, X),
 * adjacent segments merged, as 0-based half-open [starts[i], ends[i]). Uses bam_get_cigar,
 * bam_cigar_op, bam_cigar_oplen and bam_cigar_type. Returns the count, or -1 when more
 * than `capacity` segments would be needed. */
int sp_bam_aligned_blocks(const bam1_t *rec, int64_t *starts, int64_t *ends, int capacity);
/* Soft-clipped bases at the start and end of the alignment (first/last CIGAR op S;
 * hard clips are skipped over). Uses bam_get_cigar and bam_cigar_op/oplen. */
void sp_bam_soft_clips(const bam1_t *rec, int *leading, int *trailing);
/* Wraps: bam_aux_get(rec, tag) then bam_aux2Z; NULL when the string tag is absent. */
const char *sp_bam_string_tag(const bam1_t *rec, const char *tag);
/* The read's bases at several sorted 0-based reference positions in one CIGAR walk
 * (uses bam_get_cigar, bam_get_seq, bam_seqi, bam_get_qual). codes[i] is the 4-bit
 * base code of seq_nt16_str (0-15) with qualities[i] its quality, SP_PILEUP_DELETION
 * when a deletion or skip covers positions[i] (with the quality of the read base after
 * it, 0 when none, as samtools mpileup filters it), SP_PILEUP_NOT_COVERED when no
 * reference-consuming operation does (the read ends before it). */
enum { SP_PILEUP_DELETION = 16, SP_PILEUP_NOT_COVERED = 17 };
void sp_bam_bases_at(const bam1_t *rec, const int64_t *positions, int count, uint8_t *codes, uint8_t *qualities);
