#pragma once
/*
 * An hFILE over a file descriptor that shows the bytes it reads to an observer, so an input
 * can be hashed from htslib's own reads instead of being read a second time. Built on htslib's
 * plugin interface (hfile_init and a backend of read, write, seek, flush, close), which libhts
 * exports for hFILE plugins; the backend's layout has been the same since htslib 1.2.
 */
#include <stddef.h>
#include <stdint.h>
#include <htslib/hfile.h>

/* Receives, in file order and once each, the bytes from offset 0 up to the furthest point read
 * without a gap (bytes read again after a seek back, or past a gap, are not shown). */
typedef void (*sp_read_observer)(void *context, const void *bytes, size_t count);

/* Opens `fd` for reading like hdopen(fd, "r"); htslib closes `fd` with the hFILE.
 * NULL (errno set) when out of memory. `context` must outlive the hFILE. */
hFILE *sp_hdopen_observed(int fd, sp_read_observer observer, void *context);
