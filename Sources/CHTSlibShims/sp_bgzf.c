#include "sp_bgzf.h"
#include <htslib/hfile.h>

int sp_bgzf_block(BGZF *fp, const uint8_t **data, int *available) {
  if (fp->block_offset >= fp->block_length) {
    if (bgzf_read_block(fp) != 0) return -2;
    if (fp->block_length == 0) return -1;
  }
  *data = (const uint8_t *)fp->uncompressed_block + fp->block_offset;
  *available = fp->block_length - fp->block_offset;
  return 1;
}

void sp_bgzf_skip(BGZF *fp, int count) {
  fp->block_offset += count;
  fp->uncompressed_address += count;
  if (fp->block_offset >= fp->block_length) {
    /* With threads the next block's address comes from the thread pool's job. */
    if (fp->mt == NULL) fp->block_address = htell(fp->fp);
    fp->block_offset = 0;
    fp->block_length = 0;
  }
}

int64_t sp_bgzf_virtual_offset(BGZF *fp) { return bgzf_tell(fp); }
