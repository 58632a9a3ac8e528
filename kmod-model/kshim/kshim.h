/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kshim: the kernel primitives the driver model runs on, as simulated
 * objects (private to kmod-model).
 *
 * Every context the real driver runs in — a userspace syscall, the
 * interrupt handler, the workqueue, a lifecycle event — is a *task*: a
 * coroutine with its own stack that runs in steps.  A step ends at a
 * preemption point, placed where the real code can interleave (lock
 * acquire and release, unprotected accesses to shared state, the I/O
 * instructions, queue_work, eventfd signals).  The scheduler runs one
 * step per event-queue event (class SIM_EVC_DRIVER), choosing among the
 * runnable tasks with the seeded SIM_RNG_SCHED stream, so a run is
 * reproducible and another seed is another interleaving.
 *
 * Locks are modelled: a task waiting for a mutex or a spinlock is not
 * runnable; a task that would sleep (mutex, completion wait, msleep,
 * flush_workqueue) while holding a spinlock is recorded as a violation,
 * the "scheduling while atomic" the kernel would report.
 */
#ifndef CCWSIM_KSHIM_H
#define CCWSIM_KSHIM_H

#include <stddef.h>
#include <stdint.h>

#include <ccwsim/sim/evq.h>
#include <ccwsim/sim/rng.h>
#include <ccwsim/sim/trace.h>

struct ks_sched;
struct ks_task;

/* What kind of context a task is (the names traces and checks use). */
enum ks_ctx {
	KS_CTX_SYSCALL,		/* process context: read/write/ioctl/open/close */
	KS_CTX_IRQ,		/* interrupt handler */
	KS_CTX_WORK,		/* workqueue worker */
	KS_CTX_EVENT,		/* lifecycle: sch_event, chp_event, remove */
};

typedef void ks_fn(void *arg);

struct ks_sched *ks_sched_create(struct sim_evq *q, struct sim_trace *tr,
				 uint64_t seed);
/* Tasks still alive are abandoned (their stacks freed, never resumed). */
void ks_sched_destroy(struct ks_sched *s);

/* Start a task; it first runs in a later scheduler step. */
struct ks_task *ks_spawn(struct ks_sched *s, enum ks_ctx ctx, const char *name,
			 ks_fn *fn, void *arg);

/*
 * Run a task to its end from outside the simulation (a syscall made by a
 * test or the scenario engine): spawn it, then run the event queue until
 * it is done.  Returns 0, or -EDEADLK when nothing is left to happen and
 * the task is still blocked (a deadlock in the model), or -ETIME when
 * @limit of virtual time, or two million events, pass first (a loop that
 * never ends, as some old kernels had).
 */
int ks_call(struct ks_sched *s, enum ks_ctx ctx, const char *name, ks_fn *fn,
	    void *arg, sim_vtime limit);

/* A preemption point: another runnable task may run before this one goes on. */
void ks_preempt(struct ks_sched *s, const char *where);

/* msleep: sleep @d of virtual time; a violation under a spinlock. */
void ks_sleep(struct ks_sched *s, sim_vtime d);
/* Busy-wait @d (udelay: allowed under a spinlock; time still passes). */
void ks_delay(struct ks_sched *s, sim_vtime d);

/* ---- locks ---- */

struct ks_waitq {
	struct ks_task *head, *tail;
};

/* Owners are task ids, never pointers: a task may end holding a lock. */
struct ks_mutex {
	const char *name;
	uint64_t owner;			/* task id, 0 when free */
	struct ks_waitq waiters;
};

struct ks_spinlock {
	const char *name;
	uint64_t owner;
	struct ks_waitq waiters;
};

void ks_mutex_init(struct ks_mutex *m, const char *name);
void ks_mutex_lock(struct ks_sched *s, struct ks_mutex *m);
int ks_mutex_trylock(struct ks_sched *s, struct ks_mutex *m);	/* 1: taken */
void ks_mutex_unlock(struct ks_sched *s, struct ks_mutex *m);

void ks_spin_init(struct ks_spinlock *l, const char *name);
void ks_spin_lock(struct ks_sched *s, struct ks_spinlock *l);
void ks_spin_unlock(struct ks_sched *s, struct ks_spinlock *l);

/* ---- completions ---- */

struct ks_completion {
	unsigned done;
	struct ks_waitq waiters;
};

void ks_init_completion(struct ks_completion *c);
void ks_reinit_completion(struct ks_completion *c);
void ks_complete(struct ks_sched *s, struct ks_completion *c);
/* Wait for ever (uninterruptible): no timer, so a run can go idle. */
void ks_wait_for_completion(struct ks_sched *s, struct ks_completion *c);
/* Returns the time left (>0) when completed, 0 on timeout. */
sim_vtime ks_wait_for_completion_timeout(struct ks_sched *s,
					 struct ks_completion *c,
					 sim_vtime timeout);

/* ---- a single-threaded workqueue ---- */

struct ks_work;
typedef void ks_work_fn(struct ks_work *w);

struct ks_work {
	ks_work_fn *fn;
	const char *name;
	uint8_t queued;
	struct ks_work *next;
};

struct ks_workqueue;

struct ks_workqueue *ks_alloc_workqueue(struct ks_sched *s, const char *name);
/* Each work waits @latency after its worker picks it up (default 0). */
void ks_workqueue_latency(struct ks_workqueue *wq, sim_vtime latency);
void ks_destroy_workqueue(struct ks_workqueue *wq);
void ks_init_work(struct ks_work *w, ks_work_fn *fn, const char *name);
/* Returns 1 if queued, 0 if it was already queued (queue_work's no-op). */
int ks_queue_work(struct ks_sched *s, struct ks_workqueue *wq,
		  struct ks_work *w);
/* Wait until every work queued so far has run. */
void ks_flush_workqueue(struct ks_sched *s, struct ks_workqueue *wq);

/* ---- checks ---- */

/* Record a violation: something the kernel would warn about or crash on. */
void ks_violation(struct ks_sched *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* might_sleep(): a violation when the running task holds a spinlock. */
void ks_might_sleep(struct ks_sched *s, const char *what);

/* "scheduling while atomic" and the like, counted and traced. */
uint64_t ks_violations(const struct ks_sched *s);
/* The text of the first violation (empty if none). */
const char *ks_first_violation(const struct ks_sched *s);
/* The running task's name ("write#12"), or NULL outside any task. */
const char *ks_current_name(const struct ks_sched *s);
/* Tasks alive (not finished). */
unsigned ks_tasks_alive(const struct ks_sched *s);

#endif /* CCWSIM_KSHIM_H */
