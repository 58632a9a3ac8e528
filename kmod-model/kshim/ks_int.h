/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Private to kshim: the task and scheduler structures. */
#ifndef CCWSIM_KS_INT_H
#define CCWSIM_KS_INT_H

#include <ucontext.h>

#include "kshim.h"

enum ks_state { KS_RUNNABLE, KS_BLOCKED, KS_DONE };

struct ks_task {
	struct ks_sched *s;
	enum ks_ctx ctx;
	enum ks_state state;
	char name[40];
	ks_fn *fn;
	void *arg;
	ucontext_t uc;
	void *stack;
	size_t stack_size;
	void *asan_fake;		/* AddressSanitizer's fake stack */
	unsigned spin_held;		/* spinlocks held: sleeping is a bug */
	unsigned mutex_held;		/* mutexes held: returning is a bug */
	uint8_t keep;			/* ks_call frees it, not the scheduler */
	uint8_t timed_out;
	const char *where;		/* its last preemption or sleep point */
	struct ks_task *next_wait;	/* in one wait queue at a time */
	struct ks_task *next;		/* every task, in creation order */
	struct sim_event wake_ev;	/* timed wake-up (sleep, timeouts) */
	uint64_t id;
};

#define KS_SPARE_STACKS 8

struct ks_sched {
	struct sim_evq *q;
	struct sim_trace *tr;
	struct sim_rng rng;
	ucontext_t main_uc;
	const void *main_bottom;	/* the scheduler's stack, for ASan */
	size_t main_size;
	void *main_fake;
	struct ks_task *current;
	struct ks_task *tasks;		/* creation order */
	unsigned alive;
	uint64_t next_id;
	struct sim_event step_ev;
	uint32_t track[4];		/* per enum ks_ctx */
	uint64_t violations;
	char first_violation[256];
	void *spare[KS_SPARE_STACKS];	/* stacks of ended tasks, for reuse */
	unsigned nspare;
};

/* Give up the CPU: the task stays runnable (preempt) or not (block). */
void ks_yield(struct ks_sched *s);
void ks_block(struct ks_sched *s);
void ks_wake(struct ks_sched *s, struct ks_task *t);

void ks_waitq_push(struct ks_waitq *w, struct ks_task *t);
struct ks_task *ks_waitq_pop(struct ks_waitq *w);
/* Take @t out of @w if it is there. */
void ks_waitq_remove(struct ks_waitq *w, struct ks_task *t);


void ks_trace(struct ks_sched *s, const char *ev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
