// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kshim: tasks interleave at preemption points in a seeded order (same
 * seed, same order; other seeds, other orders), mutexes and spinlocks
 * block and hand over, sleeping under a spinlock is a violation,
 * completions time out in virtual time, a queued work is not queued
 * twice, and a blocked syscall with nothing left to happen is a deadlock
 * (DESIGN.md, "How races become reproducible").
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/sim/evq.h>

#include "check_main.h"
#include "kshim/kshim.h"

struct env {
	struct sim_evq *q;
	struct ks_sched *s;
};

static struct env env(uint64_t seed)
{
	struct env e = { sim_evq_create(), NULL };

	e.s = ks_sched_create(e.q, NULL, seed);
	return e;
}

static void done(struct env *e)
{
	ks_sched_destroy(e->s);
	sim_evq_destroy(e->q);
}

/* Two tasks append their letter at three preemption points each. */
struct log {
	struct ks_sched *s;
	char buf[16];
	unsigned n;
};

static struct log lg;

static void letter(void *arg)
{
	for (int i = 0; i < 3; i++) {
		lg.buf[lg.n++] = *(const char *)arg;
		ks_preempt(lg.s, "step");
	}
}

static void both(void *arg)
{
	(void)arg;
	static char a = 'a', b = 'b';

	ks_spawn(lg.s, KS_CTX_WORK, "a", letter, &a);
	ks_spawn(lg.s, KS_CTX_WORK, "b", letter, &b);
}

static const char *interleave(uint64_t seed)
{
	struct env e = env(seed);
	static char out[16];

	memset(&lg, 0, sizeof(lg));
	lg.s = e.s;
	ck_assert_int_eq(ks_call(e.s, KS_CTX_SYSCALL, "spawner", both, NULL,
				 SIM_S(1)), 0);
	sim_evq_run_until(e.q, SIM_MS(1));
	ck_assert_uint_eq(ks_tasks_alive(e.s), 0);
	memcpy(out, lg.buf, sizeof(out));
	done(&e);
	return out;
}

START_TEST(test_seeded_interleaving)
{
	char first[16];
	int differ = 0;

	strcpy(first, interleave(1));
	ck_assert_uint_eq(strlen(first), 6);
	ck_assert_str_eq(interleave(1), first);	/* same seed, same order */
	for (uint64_t seed = 2; seed < 40; seed++) {
		const char *o = interleave(seed);

		ck_assert_uint_eq(strlen(o), 6);
		/* each task's own steps stay in order: 3 a's and 3 b's */
		ck_assert_uint_eq((unsigned)(strchr(o, 'a') != NULL) +
				  (unsigned)(strchr(o, 'b') != NULL), 2);
		differ |= strcmp(o, first) != 0;
	}
	ck_assert_msg(differ, "38 seeds gave one interleaving");
}
END_TEST

/* A mutex: the second locker waits until the first unlocks. */
static struct ks_mutex mtx;
static int inside, max_inside;

static void critical(void *arg)
{
	struct ks_sched *s = arg;

	ks_mutex_lock(s, &mtx);
	inside++;
	if (inside > max_inside)
		max_inside = inside;
	ks_sleep(s, SIM_US(10));
	inside--;
	ks_mutex_unlock(s, &mtx);
}

START_TEST(test_mutex_excludes)
{
	struct env e = env(7);

	ks_mutex_init(&mtx, "io_mutex");
	inside = max_inside = 0;
	for (int i = 0; i < 4; i++)
		ks_spawn(e.s, KS_CTX_SYSCALL, "writer", critical, e.s);
	sim_evq_run_until(e.q, SIM_MS(1));
	ck_assert_int_eq(max_inside, 1);
	ck_assert_uint_eq(ks_tasks_alive(e.s), 0);
	/* four 10 us critical sections one after the other */
	ck_assert_uint_eq(ks_violations(e.s), 0);
	done(&e);
}
END_TEST

static struct ks_spinlock spin;

static void sleeps_under_spinlock(void *arg)
{
	struct ks_sched *s = arg;

	ks_spin_lock(s, &spin);
	ks_sleep(s, SIM_US(1));
	ks_spin_unlock(s, &spin);
}

START_TEST(test_sleep_under_spinlock_is_a_violation)
{
	struct env e = env(3);

	ks_spin_init(&spin, "sch->lock");
	ck_assert_int_eq(ks_call(e.s, KS_CTX_SYSCALL, "bad", sleeps_under_spinlock,
				 e.s, SIM_S(1)), 0);
	ck_assert_uint_eq(ks_violations(e.s), 1);
	ck_assert_ptr_nonnull(strstr(ks_first_violation(e.s),
				     "scheduling while atomic"));
	done(&e);
}
END_TEST

static struct ks_completion comp;
static sim_vtime left;

static void waiter(void *arg)
{
	left = ks_wait_for_completion_timeout(arg, &comp, SIM_MS(3));
}

static void completer(void *arg)
{
	ks_sleep(arg, SIM_MS(1));
	ks_complete(arg, &comp);
}

START_TEST(test_completion_and_timeout)
{
	struct env e = env(5);

	ks_init_completion(&comp);
	ks_spawn(e.s, KS_CTX_IRQ, "irq", completer, e.s);
	ck_assert_int_eq(ks_call(e.s, KS_CTX_SYSCALL, "quiesce", waiter, e.s,
				 SIM_S(1)), 0);
	ck_assert_uint_eq(left, SIM_MS(2));
	ck_assert_uint_eq(sim_evq_now(e.q), SIM_MS(1));
	/* nobody completes: 0 after exactly the timeout */
	ck_assert_int_eq(ks_call(e.s, KS_CTX_SYSCALL, "quiesce", waiter, e.s,
				 SIM_S(1)), 0);
	ck_assert_uint_eq(left, 0);
	ck_assert_uint_eq(sim_evq_now(e.q), SIM_MS(4));
	done(&e);
}
END_TEST

static struct ks_workqueue *wq;
static struct ks_work wk;
static int runs;

static void work_fn(struct ks_work *w)
{
	(void)w;
	runs++;
}

static void queue_twice(void *arg)
{
	ck_assert_int_eq(ks_queue_work(arg, wq, &wk), 1);
	ck_assert_int_eq(ks_queue_work(arg, wq, &wk), 0);	/* no-op */
	ks_flush_workqueue(arg, wq);
	ck_assert_int_eq(runs, 1);
	ck_assert_int_eq(ks_queue_work(arg, wq, &wk), 1);	/* again */
	ks_flush_workqueue(arg, wq);
}

START_TEST(test_queue_work_twice_runs_once)
{
	struct env e = env(9);

	wq = ks_alloc_workqueue(e.s, "vfio-ccw");
	ks_init_work(&wk, work_fn, "io_work");
	runs = 0;
	ck_assert_int_eq(ks_call(e.s, KS_CTX_IRQ, "irq", queue_twice, e.s,
				 SIM_S(1)), 0);
	ck_assert_int_eq(runs, 2);
	ks_destroy_workqueue(wq);
	done(&e);
}
END_TEST

static void takes_held_mutex(void *arg)
{
	ks_mutex_lock(arg, &mtx);
}

START_TEST(test_blocked_forever_is_a_deadlock)
{
	struct env e = env(11);

	ks_mutex_init(&mtx, "io_mutex");
	ck_assert_int_eq(ks_call(e.s, KS_CTX_SYSCALL, "holder", takes_held_mutex,
				 e.s, SIM_S(1)), 0);	/* ends holding it */
	ck_assert_int_eq(ks_call(e.s, KS_CTX_SYSCALL, "writer", takes_held_mutex,
				 e.s, SIM_S(1)), -EDEADLK);
	ck_assert_uint_ge(ks_violations(e.s), 1);
	done(&e);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("kshim");
	TCase *tc = tcase_create("kshim");

	tcase_add_test(tc, test_seeded_interleaving);
	tcase_add_test(tc, test_mutex_excludes);
	tcase_add_test(tc, test_sleep_under_spinlock_is_a_violation);
	tcase_add_test(tc, test_completion_and_timeout);
	tcase_add_test(tc, test_queue_work_twice_runs_once);
	tcase_add_test(tc, test_blocked_forever_is_a_deadlock);
	suite_add_tcase(s, tc);
	return s;
}
