#pragma once
/* Scheduling of the calling thread (Linux SCHED_IDLE, which needs _GNU_SOURCE to be named). */

/* Makes the calling thread run only on a core nothing else wants (SCHED_IDLE). Returns 0 on
 * success, else an errno value (the thread then keeps its priority). */
int sp_thread_run_when_idle(void);
