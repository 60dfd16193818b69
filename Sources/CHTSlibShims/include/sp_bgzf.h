#pragma once
/*
 * Reading a BGZF (or gzip) stream block by block in place, as htslib's
 * bgzf_getline does internally, so lines inside one decompressed block need
 * not be copied out one by one.
 */
#include <stdint.h>
#include <htslib/bgzf.h>

/* The unread part of the current decompressed block, first loading the next
 * block with bgzf_read_block when the current one is used up (bgzf_getline's
 * first step). Returns 1 with *data and *available set, -1 at the end of the
 * stream, -2 on a read error. *data stays valid until the next call. */
int sp_bgzf_block(BGZF *fp, const uint8_t **data, int *available);
/* Marks `count` bytes of the current block as read; a used-up block is reset as
 * bgzf_getline resets it (offset and length 0, address of the next block). */
void sp_bgzf_skip(BGZF *fp, int count);
/* Wraps: bgzf_tell(fp) (the virtual offset of the next byte written or read) */
int64_t sp_bgzf_virtual_offset(BGZF *fp);
