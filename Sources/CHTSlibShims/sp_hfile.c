#include "sp_hfile.h"
#include <errno.h>
#include <unistd.h>

/* htslib's plugin interface (hfile_internal.h, not installed by libhts-dev). */
struct hFILE_backend {
  ssize_t (*read)(hFILE *fp, void *buffer, size_t nbytes);
  ssize_t (*write)(hFILE *fp, const void *buffer, size_t nbytes);
  off_t (*seek)(hFILE *fp, off_t offset, int whence);
  int (*flush)(hFILE *fp);
  int (*close)(hFILE *fp);
};
hFILE *hfile_init(size_t struct_size, const char *mode, size_t capacity);

typedef struct {
  hFILE base; /* first: htslib allocates and frees the whole struct as an hFILE */
  int fd;
  int64_t position;
  int64_t observed;
  sp_read_observer observer;
  void *context;
} observed_fd;

static ssize_t observed_read(hFILE *fpv, void *buffer, size_t nbytes) {
  observed_fd *fp = (observed_fd *)fpv;
  ssize_t count;
  do {
    count = read(fp->fd, buffer, nbytes);
  } while (count < 0 && errno == EINTR);
  if (count <= 0) return count;
  int64_t start = fp->position, end = start + count;
  fp->position = end;
  /* Only what extends the gap-free prefix: a range read again after a seek back overlaps it. */
  if (fp->observer != NULL && start <= fp->observed && end > fp->observed) {
    fp->observer(fp->context, (const char *)buffer + (fp->observed - start), (size_t)(end - fp->observed));
    fp->observed = end;
  }
  return count;
}

static ssize_t observed_write(hFILE *fpv, const void *buffer, size_t nbytes) {
  (void)fpv; (void)buffer; (void)nbytes;
  errno = EBADF;
  return -1;
}

static off_t observed_seek(hFILE *fpv, off_t offset, int whence) {
  observed_fd *fp = (observed_fd *)fpv;
  off_t reached = lseek(fp->fd, offset, whence);
  if (reached >= 0) fp->position = reached;
  return reached;
}

static int observed_flush(hFILE *fpv) {
  (void)fpv;
  return 0;
}

static int observed_close(hFILE *fpv) {
  observed_fd *fp = (observed_fd *)fpv;
  int result;
  do {
    result = close(fp->fd);
  } while (result < 0 && errno == EINTR);
  return result;
}

static const struct hFILE_backend observed_backend = {
  observed_read, observed_write, observed_seek, observed_flush, observed_close
};

hFILE *sp_hdopen_observed(int fd, sp_read_observer observer, void *context) {
  observed_fd *fp = (observed_fd *)hfile_init(sizeof(observed_fd), "r", 0);
  if (fp == NULL) return NULL;
  fp->fd = fd;
  off_t start = lseek(fd, 0, SEEK_CUR);
  fp->position = start < 0 ? 0 : start;
  fp->observed = 0;
  fp->observer = observer;
  fp->context = context;
  fp->base.backend = &observed_backend;
  return &fp->base;
}
