#pragma once
#include <stdint.h>

/* Starts writing back a file's dirty pages in [offset, offset + length) without waiting
   (Linux sync_file_range with SYNC_FILE_RANGE_WRITE, hidden from Swift's Glibc module behind
   _GNU_SOURCE). Returns 0, or -1 with errno set (ENOSYS or EINVAL where unsupported). */
int sp_start_writeback(int fd, int64_t offset, int64_t length);
