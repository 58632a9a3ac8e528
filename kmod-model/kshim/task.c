// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tasks and the scheduler.  A task is a ucontext coroutine on its own
 * mmap'd stack; the scheduler runs one step of one runnable task per
 * event (class SIM_EVC_DRIVER), picked with the seeded SIM_RNG_SCHED
 * stream, and schedules itself again at the same instant while anything
 * is runnable.  Nothing here reads a clock: sleeps are events in virtual
 * time.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ks_int.h"

#if defined(__SANITIZE_ADDRESS__)
#define KS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KS_ASAN 1
#endif
#endif

#ifdef KS_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#define STACK_SIZE (1024u * 1024u)
#else
#define STACK_SIZE (256u * 1024u)
#endif
#define GUARD 4096u
#define KS_CALL_EVENTS 2000000u	/* no syscall needs more events than this */

static const char *const ctx_names[] = { "syscall", "irq", "work", "event" };

void ks_trace(struct ks_sched *s, const char *ev, const char *fmt, ...)
{
	char msg[SIM_TRACE_MSG_MAX];
	va_list ap;
	uint32_t track = s->current ? s->track[s->current->ctx] : 0;

	if (!s->tr)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sim_trace_emit(s->tr, sim_evq_now(s->q), track, SIM_TRACE_INSTANT, ev,
		       "%s", msg);
}

void ks_violation(struct ks_sched *s, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!s->violations++)
		snprintf(s->first_violation, sizeof(s->first_violation), "%s",
			 msg);
	ks_trace(s, "violation", "%s", msg);
}

void ks_might_sleep(struct ks_sched *s, const char *what)
{
	struct ks_task *t = s->current;

	if (t)
		t->where = what;
	if (t && t->spin_held)
		ks_violation(s, "scheduling while atomic: %s in %s holding a spinlock",
			     what, t->name);
}

/* ---- switching ---- */

static void to_task(struct ks_sched *s, struct ks_task *t)
{
	s->current = t;
#ifdef KS_ASAN
	__sanitizer_start_switch_fiber(&s->main_fake, t->stack, t->stack_size);
#endif
	swapcontext(&s->main_uc, &t->uc);
#ifdef KS_ASAN
	__sanitizer_finish_switch_fiber(s->main_fake, NULL, NULL);
#endif
	s->current = NULL;
}

/* From a task back to the scheduler; @done: it will never run again. */
static void to_sched(struct ks_sched *s, struct ks_task *t, int done)
{
#ifdef KS_ASAN
	__sanitizer_start_switch_fiber(done ? NULL : &t->asan_fake,
				       s->main_bottom, s->main_size);
#else
	(void)done;
#endif
	swapcontext(&t->uc, &s->main_uc);
#ifdef KS_ASAN
	__sanitizer_finish_switch_fiber(t->asan_fake, &s->main_bottom,
					&s->main_size);
#endif
}

/* makecontext passes ints: the task pointer comes in two halves. */
static void trampoline(unsigned lo, unsigned hi)
{
	struct ks_task *t = (struct ks_task *)(((uintptr_t)hi << 16 << 16) |
					       (uintptr_t)lo);
	struct ks_sched *s = t->s;

#ifdef KS_ASAN
	__sanitizer_finish_switch_fiber(NULL, &s->main_bottom, &s->main_size);
#endif
	t->fn(t->arg);
	if (t->spin_held)
		ks_violation(s, "%s ended holding a spinlock", t->name);
	if (t->mutex_held)
		ks_violation(s, "%s ended holding a mutex", t->name);
	t->state = KS_DONE;
	s->alive--;
	to_sched(s, t, 1);
	abort();		/* a finished task is never resumed */
}

static void free_task(struct ks_sched *s, struct ks_task *t)
{
	struct ks_task **p;

	for (p = &s->tasks; *p; p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			break;
		}
	sim_evq_cancel(s->q, &t->wake_ev);
	/* a syscall is a task: keep a few stacks rather than mmap each time */
	if (s->nspare < KS_SPARE_STACKS)
		s->spare[s->nspare++] = (char *)t->stack - GUARD;
	else
		munmap((char *)t->stack - GUARD, STACK_SIZE + GUARD);
	free(t);
}

static char *stack_get(struct ks_sched *s)
{
	char *mem;

	if (s->nspare) {
		mem = s->spare[--s->nspare];
#ifdef KS_ASAN
		/* the frames of the task that ended here are gone */
		ASAN_UNPOISON_MEMORY_REGION(mem + GUARD, STACK_SIZE);
#endif
		return mem;
	}
	mem = mmap(NULL, STACK_SIZE + GUARD, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		return NULL;
	mprotect(mem, GUARD, PROT_NONE);	/* an overflow faults, loudly */
	return mem;
}

/* ---- the scheduler ---- */

static void kick(struct ks_sched *s)
{
	if (!sim_event_pending(&s->step_ev))
		sim_evq_after(s->q, &s->step_ev, 0, SIM_EVC_DRIVER);
}

static void step_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct ks_sched *s = sim_container_of(ev, struct ks_sched, step_ev);
	struct ks_task *t, *pick = NULL;
	uint64_t n = 0, k;

	(void)q;
	for (t = s->tasks; t; t = t->next)
		n += t->state == KS_RUNNABLE;
	if (!n)
		return;
	k = sim_rng_below(&s->rng, n);
	for (t = s->tasks; t; t = t->next)
		if (t->state == KS_RUNNABLE && !k--) {
			pick = t;
			break;
		}
	to_task(s, pick);
	if (pick->state == KS_DONE && !pick->keep)
		free_task(s, pick);
	for (t = s->tasks; t; t = t->next)
		if (t->state == KS_RUNNABLE) {
			kick(s);
			break;
		}
}

struct ks_sched *ks_sched_create(struct sim_evq *q, struct sim_trace *tr,
				 uint64_t seed)
{
	struct ks_sched *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->q = q;
	s->tr = tr;
	sim_rng_init(&s->rng, seed, SIM_RNG_SCHED, 0x6b73 /* "ks" */);
	sim_event_init(&s->step_ev, step_fire, "kernel_step");
	if (tr)
		for (unsigned i = 0; i < 4; i++) {
			char name[32];

			snprintf(name, sizeof(name), "kernel %s", ctx_names[i]);
			s->track[i] = sim_trace_track(tr, name);
		}
	return s;
}

void ks_sched_destroy(struct ks_sched *s)
{
	if (!s)
		return;
	sim_evq_cancel(s->q, &s->step_ev);
	while (s->tasks)
		free_task(s, s->tasks);
	while (s->nspare)
		munmap(s->spare[--s->nspare], STACK_SIZE + GUARD);
	free(s);
}

static void wake_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct ks_task *t = sim_container_of(ev, struct ks_task, wake_ev);

	(void)q;
	t->timed_out = 1;
	ks_wake(t->s, t);
}

/*
 * getcontext() here only fills in a context for makecontext(); nothing
 * ever returns to it a second time, so GCC's clobber warning is moot.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wclobbered"
struct ks_task *ks_spawn(struct ks_sched *s, enum ks_ctx ctx, const char *name,
			 ks_fn *fn, void *arg)
{
	struct ks_task *t = calloc(1, sizeof(*t)), **p;
	char *mem;

	if (!t)
		return NULL;
	mem = stack_get(s);
	if (!mem) {
		free(t);
		return NULL;
	}
	t->s = s;
	t->ctx = ctx;
	t->fn = fn;
	t->arg = arg;
	t->id = ++s->next_id;
	snprintf(t->name, sizeof(t->name), "%s#%llu", name,
		 (unsigned long long)t->id);
	t->stack = mem + GUARD;
	t->stack_size = STACK_SIZE;
	t->state = KS_RUNNABLE;
	sim_event_init(&t->wake_ev, wake_fire, "kernel_wake");
	getcontext(&t->uc);
	t->uc.uc_stack.ss_sp = t->stack;
	t->uc.uc_stack.ss_size = t->stack_size;
	t->uc.uc_link = NULL;
	makecontext(&t->uc, (void (*)(void))trampoline, 2,
		    (unsigned)(uintptr_t)t, (unsigned)((uintptr_t)t >> 16 >> 16));
	for (p = &s->tasks; *p; p = &(*p)->next)
		;
	*p = t;
	s->alive++;
	kick(s);
	return t;
}
#pragma GCC diagnostic pop

int ks_call(struct ks_sched *s, enum ks_ctx ctx, const char *name, ks_fn *fn,
	    void *arg, sim_vtime limit)
{
	struct ks_task *t;
	sim_vtime end = sim_evq_now(s->q) + limit;
	uint64_t events = 0;
	int rc = 0;

	if (s->current)
		return -EINVAL;		/* a task cannot make a syscall */
	t = ks_spawn(s, ctx, name, fn, arg);
	if (!t)
		return -ENOMEM;
	t->keep = 1;
	while (t->state != KS_DONE) {
		sim_vtime when;

		if (!sim_evq_peek(s->q, &when)) {
			rc = -EDEADLK;
			break;
		}
		/* in virtual time, and in work: a loop that never ends is caught */
		if (when > end || ++events > KS_CALL_EVENTS) {
			rc = -ETIME;
			break;
		}
		sim_evq_step(s->q);
	}
	if (rc) {
		ks_violation(s, "%s never finished (%s; last at %s)", t->name,
			     rc == -EDEADLK ? "blocked with nothing left to happen"
					    : "still running after its time or event limit",
			     t->where ? t->where : "its start");
		t->keep = 0;	/* the scheduler frees it if it ever ends */
		return rc;
	}
	free_task(s, t);
	return 0;
}

const char *ks_current_name(const struct ks_sched *s)
{
	return s->current ? s->current->name : NULL;
}

void ks_yield(struct ks_sched *s)
{
	struct ks_task *t = s->current;

	if (!t)
		return;
	kick(s);
	to_sched(s, t, 0);
}

void ks_block(struct ks_sched *s)
{
	struct ks_task *t = s->current;

	if (!t)
		return;
	t->state = KS_BLOCKED;
	to_sched(s, t, 0);
}

void ks_wake(struct ks_sched *s, struct ks_task *t)
{
	if (t->state != KS_BLOCKED)
		return;
	t->state = KS_RUNNABLE;
	kick(s);
}

void ks_preempt(struct ks_sched *s, const char *where)
{
	if (s->current)
		s->current->where = where;	/* for a call that never ends */
	ks_yield(s);
}

void ks_sleep(struct ks_sched *s, sim_vtime d)
{
	struct ks_task *t = s->current;

	if (!t)
		return;
	ks_might_sleep(s, "msleep");
	t->timed_out = 0;
	sim_evq_after(s->q, &t->wake_ev, d, SIM_EVC_DRIVER);
	ks_block(s);
}

void ks_delay(struct ks_sched *s, sim_vtime d)
{
	struct ks_task *t = s->current;

	if (!t)
		return;
	/* Busy-waiting: not a sleep, but the CPU is taken for the time. */
	sim_evq_after(s->q, &t->wake_ev, d, SIM_EVC_DRIVER);
	ks_block(s);
}

uint64_t ks_violations(const struct ks_sched *s)
{
	return s->violations;
}

const char *ks_first_violation(const struct ks_sched *s)
{
	return s->first_violation;
}

unsigned ks_tasks_alive(const struct ks_sched *s)
{
	return s->alive;
}
