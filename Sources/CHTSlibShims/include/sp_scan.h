#pragma once
/*
 * The streamed read's prefilter in C: which VCF text lines can touch the
 * panel, judged from CHROM, POS, REF (and INFO END=/SVLEN=) without a parse,
 * one decompressed block at a time. Calling it once per block instead of the
 * Swift prefilter once per line took the per-line cost (5 million lines in
 * a WGS VCF) out of the streamed read. Conservative: it may pass a line the
 * exact check later drops, never the reverse.
 */
#include <stddef.h>
#include <stdint.h>

typedef struct {
  /* In: the contig the ranges belong to, and its merged, sorted, closed
     1-based ranges as start,end pairs; has_ranges 0: no panel region there. */
  const uint8_t *contig;
  size_t contig_length;
  const int64_t *bounds;
  size_t range_count;
  int has_ranges;
  /* In: 0 when the header declares neither INFO/END nor INFO/SVLEN: htslib then reads
     no span from them (an undeclared key is taken as a String), so none is looked for. */
  int check_end;
  /* Out: the line a call stopped at (without its newline and a trailing CR). */
  size_t line_start;
  size_t line_length;
  /* Out: lines consumed so far (empty ones too), and the non-empty ones. */
  int64_t lines;
  int64_t nonempty;
  /* Out, with SP_VERDICT_MALFORMED: what was wrong (SP_MALFORMED_*). */
  int reason;
  /* The scan's own state, neither in nor out: the gap between two ranges the last line outside
     them fell in (exclusive bounds), valid when gap_valid is non-zero (sorted lines mostly fall in
     the same gap as the line before, which then needs no search). Setting bounds or range_count
     must clear gap_valid (LinePrefilter.setContig does). */
  int64_t gap_after;
  int64_t gap_before;
  int gap_valid;
} sp_line_scan;

enum {
  SP_VERDICT_SKIP = 0,
  SP_VERDICT_PARSE = 1,
  /* The line is on another contig than scan->contig: set its ranges and ask again
     (line_start .. line_start + line_length is the contig's name). */
  SP_VERDICT_CONTIG = 2,
  SP_VERDICT_MALFORMED = 3,
  /* sp_scan_lines only: no complete line left. */
  SP_VERDICT_MORE = 4
};

enum {
  SP_MALFORMED_COLUMNS = 1,   /* no tab after CHROM, or CHROM empty */
  SP_MALFORMED_POS_DIGITS = 2, /* POS has a character that is not a digit */
  SP_MALFORMED_POS_MISSING = 3, /* POS empty, too long, or the line ends there */
  SP_MALFORMED_SHORT = 4       /* the line ends within REF */
};

/* The verdict on one line (no newline; a trailing CR already removed). With
   SP_VERDICT_CONTIG, line_start is 0 and line_length the contig name's length. */
int sp_line_verdict(sp_line_scan *scan, const uint8_t *line, size_t length);

/* Judges the lines of data[*offset, length) until one needs the caller: returns
   SP_VERDICT_PARSE or SP_VERDICT_MALFORMED with that line consumed (line_start
   and line_length set, relative to data), SP_VERDICT_CONTIG with nothing consumed,
   or SP_VERDICT_MORE when no complete line is left (*offset at the rest). A line
   ends at a newline; with final non-zero, the rest without one is a line too.
   Skipped lines are consumed and counted. */
int sp_scan_lines(sp_line_scan *scan, const uint8_t *data, size_t length, size_t *offset, int final);
