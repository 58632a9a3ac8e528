// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The event queue: order by (time, class, sequence), ties, cancel,
 * rescheduling, run-until, step, and refusal of the past.
 */
#include <errno.h>
#include <stdlib.h>

#include <ccwsim/sim/evq.h>
#include <ccwsim/sim/rng.h>

#include "check_main.h"

struct rec {
	struct sim_event ev;
	int id;
	int *log;
	int *nlog;
	sim_vtime *at;
};

static void record(struct sim_evq *q, struct sim_event *ev)
{
	struct rec *r = sim_container_of(ev, struct rec, ev);

	r->at[*r->nlog] = sim_evq_now(q);
	r->log[(*r->nlog)++] = r->id;
}

#define N 16
static struct rec recs[N];
static int order[64], norder;
static sim_vtime at[64];

static struct sim_evq *fresh(void)
{
	norder = 0;
	for (int i = 0; i < N; i++) {
		sim_event_init(&recs[i].ev, record, "rec");
		recs[i].id = i;
		recs[i].log = order;
		recs[i].nlog = &norder;
		recs[i].at = at;
	}
	return sim_evq_create();
}

START_TEST(test_evq_runs_in_time_order)
{
	struct sim_evq *q = fresh();
	static const sim_vtime when[] = { 50, 10, 40, 20, 30 };

	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(sim_evq_schedule(q, &recs[i].ev, when[i],
						  SIM_EVC_DEVICE), 0);
	ck_assert_uint_eq(sim_evq_run_until(q, 100), 5);
	ck_assert_int_eq(norder, 5);
	ck_assert_int_eq(order[0], 1);
	ck_assert_int_eq(order[1], 3);
	ck_assert_int_eq(order[2], 4);
	ck_assert_int_eq(order[3], 2);
	ck_assert_int_eq(order[4], 0);
	/* Each event saw the clock at exactly its own time. */
	ck_assert_uint_eq(at[0], 10);
	ck_assert_uint_eq(at[4], 50);
	ck_assert_uint_eq(sim_evq_now(q), 100);
	sim_evq_destroy(q);
}
END_TEST

/* Same time: lower class first, whatever the scheduling order. */
START_TEST(test_evq_tie_on_time_orders_by_class)
{
	struct sim_evq *q = fresh();

	sim_evq_schedule(q, &recs[0].ev, 7, SIM_EVC_CLIENT);
	sim_evq_schedule(q, &recs[1].ev, 7, SIM_EVC_INTERRUPT);
	sim_evq_schedule(q, &recs[2].ev, 7, SIM_EVC_DEVICE);
	sim_evq_schedule(q, &recs[3].ev, 7, SIM_EVC_CHANNEL);
	sim_evq_run_until(q, 7);
	ck_assert_int_eq(norder, 4);
	ck_assert_int_eq(order[0], 2);
	ck_assert_int_eq(order[1], 3);
	ck_assert_int_eq(order[2], 1);
	ck_assert_int_eq(order[3], 0);
	sim_evq_destroy(q);
}
END_TEST

/* Same time and class: first scheduled, first run (FIFO). */
START_TEST(test_evq_tie_on_time_and_class_is_fifo)
{
	struct sim_evq *q = fresh();

	for (int i = 0; i < N; i++)
		sim_evq_schedule(q, &recs[(i * 7) % N].ev, 3, SIM_EVC_DRIVER);
	sim_evq_run_until(q, 3);
	ck_assert_int_eq(norder, N);
	for (int i = 0; i < N; i++)
		ck_assert_int_eq(order[i], (i * 7) % N);
	sim_evq_destroy(q);
}
END_TEST

START_TEST(test_evq_cancel_removes_only_that_event)
{
	struct sim_evq *q = fresh();

	for (int i = 0; i < 8; i++)
		sim_evq_schedule(q, &recs[i].ev, (sim_vtime)(10 + i), 0);
	ck_assert_int_eq(sim_evq_cancel(q, &recs[3].ev), 1);
	ck_assert_int_eq(sim_evq_cancel(q, &recs[3].ev), 0);
	ck_assert_int_eq(sim_evq_cancel(q, &recs[0].ev), 1);
	ck_assert_int_eq(sim_evq_cancel(q, &recs[7].ev), 1);
	ck_assert(!sim_event_pending(&recs[3].ev));
	ck_assert_uint_eq(sim_evq_size(q), 5);
	ck_assert_int_eq(sim_evq_verify(q), 0);
	sim_evq_run_until(q, 100);
	ck_assert_int_eq(norder, 5);
	ck_assert_int_eq(order[0], 1);
	ck_assert_int_eq(order[1], 2);
	ck_assert_int_eq(order[2], 4);
	ck_assert_int_eq(order[3], 5);
	ck_assert_int_eq(order[4], 6);
	sim_evq_destroy(q);
}
END_TEST

/* Scheduling a queued event moves it, and it goes behind its new peers. */
START_TEST(test_evq_reschedule_moves_and_requeues_fifo)
{
	struct sim_evq *q = fresh();

	sim_evq_schedule(q, &recs[0].ev, 5, 0);
	sim_evq_schedule(q, &recs[1].ev, 9, 0);
	sim_evq_schedule(q, &recs[0].ev, 9, 0);
	ck_assert_uint_eq(sim_evq_size(q), 2);
	sim_evq_run_until(q, 9);
	ck_assert_int_eq(norder, 2);
	ck_assert_int_eq(order[0], 1);
	ck_assert_int_eq(order[1], 0);
	ck_assert_uint_eq(at[1], 9);
	sim_evq_destroy(q);
}
END_TEST

START_TEST(test_evq_refuses_the_past)
{
	struct sim_evq *q = fresh();

	sim_evq_run_until(q, 1000);
	ck_assert_int_eq(sim_evq_schedule(q, &recs[0].ev, 999, 0), -EINVAL);
	ck_assert(!sim_event_pending(&recs[0].ev));
	ck_assert_int_eq(sim_evq_schedule(q, &recs[0].ev, 1000, 0), 0);
	/* after() saturates instead of wrapping into the past */
	ck_assert_int_eq(sim_evq_after(q, &recs[1].ev, SIM_VTIME_MAX, 0), 0);
	ck_assert_uint_eq(recs[1].ev.when, SIM_VTIME_MAX);
	sim_evq_destroy(q);
}
END_TEST

START_TEST(test_evq_run_until_stops_at_bound)
{
	struct sim_evq *q = fresh();
	sim_vtime next;

	sim_evq_schedule(q, &recs[0].ev, 10, 0);
	sim_evq_schedule(q, &recs[1].ev, 20, 0);
	sim_evq_schedule(q, &recs[2].ev, 21, 0);
	ck_assert_uint_eq(sim_evq_run_until(q, 20), 2);
	ck_assert_uint_eq(sim_evq_now(q), 20);
	ck_assert_int_eq(sim_evq_peek(q, &next), 1);
	ck_assert_uint_eq(next, 21);
	ck_assert_int_eq(sim_evq_step(q), 1);
	ck_assert_uint_eq(sim_evq_now(q), 21);
	ck_assert_int_eq(sim_evq_step(q), 0);
	ck_assert_int_eq(sim_evq_peek(q, &next), 0);
	ck_assert_uint_eq(sim_evq_dispatched(q), 3);
	sim_evq_destroy(q);
}
END_TEST

/* An event that reschedules itself at the same instant still terminates. */
struct chain {
	struct sim_event ev;
	int left;
};

static void chain_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct chain *c = sim_container_of(ev, struct chain, ev);

	if (--c->left > 0)
		sim_evq_after(q, ev, 0, 0);
}

START_TEST(test_evq_run_until_includes_events_scheduled_while_running)
{
	struct sim_evq *q = sim_evq_create();
	struct chain c = { .left = 100 };

	sim_event_init(&c.ev, chain_fire, "chain");
	sim_evq_schedule(q, &c.ev, 5, 0);
	ck_assert_uint_eq(sim_evq_run_until(q, 5), 100);
	ck_assert_int_eq(c.left, 0);
	sim_evq_destroy(q);
}
END_TEST

/*
 * Heap under a random mix of schedule, move and cancel: the queue stays
 * consistent and runs events in exactly the order a sort would give.
 */
#define M 2000
struct rnd {
	struct sim_event ev;
	sim_vtime *out_when;
	uint32_t *out_cls;
	uint64_t *out_seq;
	size_t *n;
};

static void rnd_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct rnd *r = sim_container_of(ev, struct rnd, ev);

	(void)q;
	r->out_when[*r->n] = ev->when;
	r->out_cls[*r->n] = ev->cls;
	r->out_seq[*r->n] = ev->seq;
	(*r->n)++;
}

START_TEST(test_evq_random_mix_keeps_total_order)
{
	static struct rnd ev[M];
	static sim_vtime w[M];
	static uint32_t c[M];
	static uint64_t s[M];
	struct sim_evq *q = sim_evq_create();
	struct sim_rng rng;
	size_t n = 0, expect;

	sim_rng_init(&rng, 42, SIM_RNG_WORKLOAD, 0);
	for (int i = 0; i < M; i++) {
		sim_event_init(&ev[i].ev, rnd_fire, "rnd");
		ev[i].out_when = w;
		ev[i].out_cls = c;
		ev[i].out_seq = s;
		ev[i].n = &n;
	}
	for (int round = 0; round < 10 * M; round++) {
		struct rnd *r = &ev[sim_rng_below(&rng, M)];

		if (sim_rng_below(&rng, 4) == 0)
			sim_evq_cancel(q, &r->ev);
		else
			sim_evq_schedule(q, &r->ev, sim_rng_below(&rng, 50),
					 (uint32_t)sim_rng_below(&rng, 3));
		if (round % 97 == 0)
			ck_assert_int_eq(sim_evq_verify(q), 0);
	}
	expect = sim_evq_size(q);
	sim_evq_run_until(q, 1000);
	ck_assert_uint_eq(n, expect);
	for (size_t i = 1; i < n; i++) {
		int ok = w[i - 1] < w[i] ||
			 (w[i - 1] == w[i] && (c[i - 1] < c[i] ||
			  (c[i - 1] == c[i] && s[i - 1] < s[i])));
		ck_assert_msg(ok, "event %zu ran out of order", i);
	}
	sim_evq_destroy(q);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("sim_evq");
	TCase *ord = tcase_create("order");
	TCase *control = tcase_create("control");

	tcase_add_test(ord, test_evq_runs_in_time_order);
	tcase_add_test(ord, test_evq_tie_on_time_orders_by_class);
	tcase_add_test(ord, test_evq_tie_on_time_and_class_is_fifo);
	tcase_add_test(ord, test_evq_random_mix_keeps_total_order);
	tcase_add_test(control, test_evq_cancel_removes_only_that_event);
	tcase_add_test(control, test_evq_reschedule_moves_and_requeues_fifo);
	tcase_add_test(control, test_evq_refuses_the_past);
	tcase_add_test(control, test_evq_run_until_stops_at_bound);
	tcase_add_test(control,
		       test_evq_run_until_includes_events_scheduled_while_running);
	suite_add_tcase(s, ord);
	suite_add_tcase(s, control);
	return s;
}
