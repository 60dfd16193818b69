#include "sp_input.h"
#include <stdio.h>

int64_t sp_bgzf_tell(htsFile *fp) {
  BGZF *bgzf = hts_get_bgzfp(fp);
  return bgzf == NULL ? -1 : bgzf_tell(bgzf);
}

int sp_bgzf_seek(htsFile *fp, int64_t offset) {
  BGZF *bgzf = hts_get_bgzfp(fp);
  if (bgzf == NULL) return -1;
  return bgzf_seek(bgzf, offset, SEEK_SET) < 0 ? -1 : 0;
}

int sp_bgzf_errcode(htsFile *fp) {
  BGZF *bgzf = hts_get_bgzfp(fp);
  return bgzf == NULL ? 0 : (int)bgzf->errcode;
}

void sp_bgzf_clear_error(htsFile *fp) {
  BGZF *bgzf = hts_get_bgzfp(fp);
  if (bgzf != NULL) bgzf->errcode = 0;
}
