#include "sp_scan.h"
#include "sp_vcf.h"
#include <string.h>

/* First range ending at or after start; overlap when it begins at or before end. Without one,
 * the gap between that range and the one before it is kept: a later start..end inside the same
 * gap overlaps nothing either (the ranges are sorted and merged), and needs no search. */
static int overlaps(sp_line_scan *scan, int64_t start, int64_t end) {
  if (scan->gap_valid && start > scan->gap_after && end < scan->gap_before) return 0;
  const int64_t *bounds = scan->bounds;
  size_t count = scan->range_count;
  size_t low = 0, high = count;
  while (low < high) {
    size_t middle = (low + high) / 2;
    if (bounds[2 * middle + 1] < start) low = middle + 1; else high = middle;
  }
  if (low < count && bounds[2 * low] <= end) return 1;
  scan->gap_after = low > 0 ? bounds[2 * (low - 1) + 1] : INT64_MIN;
  scan->gap_before = low < count ? bounds[2 * low] : INT64_MAX;
  scan->gap_valid = 1;
  return 0;
}

int sp_line_verdict(sp_line_scan *scan, const uint8_t *line, size_t length) {
  size_t cursor = 0;
  while (cursor < length && line[cursor] != '\t') cursor++;
  if (cursor == length || cursor == 0) {
    scan->reason = SP_MALFORMED_COLUMNS;
    return SP_VERDICT_MALFORMED;
  }
  if (scan->contig == NULL || scan->contig_length != cursor || memcmp(scan->contig, line, cursor) != 0) {
    scan->line_start = 0;
    scan->line_length = cursor;
    return SP_VERDICT_CONTIG;
  }
  if (!scan->has_ranges) return SP_VERDICT_SKIP;
  cursor++;
  int64_t position = 0;
  int digits = 0;
  while (cursor < length && line[cursor] != '\t') {
    uint8_t byte = line[cursor];
    if (byte < '0' || byte > '9') {
      scan->reason = SP_MALFORMED_POS_DIGITS;
      return SP_VERDICT_MALFORMED;
    }
    if (digits < 19) position = position * 10 + (byte - '0');
    digits++;
    cursor++;
  }
  if (digits == 0 || digits >= 19 || cursor >= length) {
    scan->reason = SP_MALFORMED_POS_MISSING;
    return SP_VERDICT_MALFORMED;
  }
  cursor++;
  while (cursor < length && line[cursor] != '\t') cursor++; /* ID */
  cursor++;
  size_t reference_start = cursor;
  while (cursor < length && line[cursor] != '\t') cursor++;
  if (cursor >= length) {
    scan->reason = SP_MALFORMED_SHORT;
    return SP_VERDICT_MALFORMED;
  }
  int64_t reference_length = (int64_t)(cursor - reference_start);
  if (reference_length < 1) reference_length = 1;
  if (overlaps(scan, position, position + reference_length - 1)) return SP_VERDICT_PARSE;
  /* Symbolic and structural records may reach further through INFO/END (or SVLEN). */
  return scan->check_end && sp_mentions_end(line, length, cursor) ? SP_VERDICT_PARSE : SP_VERDICT_SKIP;
}

/* The common line, judged before its end is known: on the current contig, POS all digits,
 * CHROM to REF free of newlines, and outside the ranges. Returns the offset of the tab ending REF
 * (or ending CHROM, on a contig without ranges), where the search for the newline can start
 * (a WGS line was searched twice, for its columns, then for its end); 0 when the line needs
 * sp_line_verdict (a parse, another contig, a malformed or unusual line, the chunk ending inside
 * it). Skipped unless INFO mentions END (scan->check_end), as sp_line_verdict decides. */
static size_t skipped_before_end(sp_line_scan *scan, const uint8_t *data, size_t start, size_t length) {
  size_t cursor = start;
  size_t contig_end = start + scan->contig_length;
  if (scan->contig == NULL || contig_end >= length || data[contig_end] != '\t') return 0;
  for (size_t index = 0; index < scan->contig_length; index++) {
    if (data[start + index] != scan->contig[index]) return 0;
  }
  if (!scan->has_ranges) return contig_end;
  cursor = contig_end + 1;
  int64_t position = 0;
  size_t digits_start = cursor;
  while (cursor < length && data[cursor] >= '0' && data[cursor] <= '9') {
    if (cursor - digits_start < 19) position = position * 10 + (data[cursor] - '0');
    cursor++;
  }
  size_t digits = cursor - digits_start;
  if (digits == 0 || digits >= 19 || cursor >= length || data[cursor] != '\t') return 0;
  cursor++;
  while (cursor < length && data[cursor] != '\t') { /* ID */
    if (data[cursor] == '\n') return 0;
    cursor++;
  }
  if (cursor >= length) return 0;
  cursor++;
  size_t reference_start = cursor;
  while (cursor < length && data[cursor] != '\t') {
    if (data[cursor] == '\n') return 0;
    cursor++;
  }
  if (cursor >= length) return 0;
  int64_t reference_length = (int64_t)(cursor - reference_start);
  if (reference_length < 1) reference_length = 1;
  if (overlaps(scan, position, position + reference_length - 1)) return 0;
  return cursor;
}

int sp_scan_lines(sp_line_scan *scan, const uint8_t *data, size_t length, size_t *offset, int final) {
  size_t start = *offset;
  while (start < length) {
    size_t judged = skipped_before_end(scan, data, start, length);
    if (judged != 0) {
      const uint8_t *newline = memchr(data + judged, '\n', length - judged);
      if (newline == NULL && !final) break;
      size_t end = newline ? (size_t)(newline - data) : length;
      size_t line_length = end - start;
      if (data[end - 1] == '\r') line_length--;
      if (!(scan->has_ranges && scan->check_end && sp_mentions_end(data + start, line_length, judged - start))) {
        scan->lines++;
        scan->nonempty++;
        start = newline ? end + 1 : length;
        continue;
      }
    }
    const uint8_t *newline = memchr(data + start, '\n', length - start);
    if (newline == NULL && !final) break;
    size_t end = newline ? (size_t)(newline - data) : length;
    size_t next = newline ? end + 1 : length;
    size_t line_length = end - start;
    if (line_length > 0 && data[end - 1] == '\r') line_length--;
    if (line_length == 0) {
      scan->lines++;
      start = next;
      continue;
    }
    int verdict = sp_line_verdict(scan, data + start, line_length);
    if (verdict == SP_VERDICT_CONTIG) {
      scan->line_start = start;
      *offset = start;
      return verdict;
    }
    scan->lines++;
    scan->nonempty++;
    if (verdict == SP_VERDICT_SKIP) {
      start = next;
      continue;
    }
    scan->line_start = start;
    scan->line_length = line_length;
    *offset = next;
    return verdict;
  }
  *offset = start;
  return SP_VERDICT_MORE;
}
