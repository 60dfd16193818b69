#define _GNU_SOURCE
#include "sp_thread.h"
#include <pthread.h>
#include <sched.h>

int sp_thread_run_when_idle(void) {
#ifdef SCHED_IDLE
  struct sched_param parameters = {0};
  return pthread_setschedparam(pthread_self(), SCHED_IDLE, &parameters);
#else
  return -1;
#endif
}
