#pragma once
/*
 * Opening inputs once and checking indexes against their data: wrappers for
 * htslib macros and bitfields Swift cannot reach.
 */
#include <stdint.h>
#include <htslib/hts.h>
#include <htslib/bgzf.h>
#include <htslib/tbx.h>

/* Wraps: bgzf_tell(hts_get_bgzfp(fp)); -1 when the file is not BGZF */
int64_t sp_bgzf_tell(htsFile *fp);
/* Wraps: bgzf_seek(hts_get_bgzfp(fp), offset, SEEK_SET); -1 when not BGZF or the seek fails */
int sp_bgzf_seek(htsFile *fp, int64_t offset);
/* Wraps: hts_get_bgzfp(fp)->errcode (BGZF_ERR_ZLIB 1, _HEADER 2, _IO 4, _MISUSE 8, _MT 16, _CRC 32); 0 when not BGZF */
int sp_bgzf_errcode(htsFile *fp);
/* Clears hts_get_bgzfp(fp)->errcode (after an index check led a read astray) */
void sp_bgzf_clear_error(htsFile *fp);
