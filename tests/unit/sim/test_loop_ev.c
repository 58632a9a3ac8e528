// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The libev adapter: a paced run dispatches the same events in the same
 * order at the same virtual times as a batch run, never before their wall
 * due time, and takes input from a real file descriptor.
 */
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <ev.h>

#include <ccwsim/sim/loop_ev.h>

#include "check_main.h"

struct tick {
	struct sim_event ev;
	int id;
	struct ev_loop *loop;
	ev_tstamp start;
	double speed;
};

static int seen[16], nseen;
static sim_vtime seen_at[16];
static int early;

static void tick_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct tick *t = sim_container_of(ev, struct tick, ev);
	ev_tstamp due = t->start + (double)ev->when / 1e9 / t->speed;

	seen[nseen] = t->id;
	seen_at[nseen++] = sim_evq_now(q);
	/* 1 ms of slack for timer rounding in libev. */
	if (ev_time() < due - 1e-3)
		early++;
	if (nseen == 4)
		ev_break(t->loop, EVBREAK_ALL);
}

START_TEST(test_paced_run_keeps_order_and_virtual_times)
{
	static const sim_vtime when[] = { SIM_MS(30), SIM_MS(10), SIM_MS(20),
					  SIM_MS(20) };
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct sim_evq *q = sim_evq_create();
	struct sim_rt *rt = sim_rt_create(q, loop, 1.0);
	struct tick t[4];

	ck_assert_ptr_nonnull(rt);
	ev_now_update(loop);
	for (int i = 0; i < 4; i++) {
		sim_event_init(&t[i].ev, tick_fire, "tick");
		t[i].id = i;
		t[i].loop = loop;
		t[i].start = ev_time();
		t[i].speed = 1.0;
		sim_evq_schedule(q, &t[i].ev, when[i], SIM_EVC_DEVICE);
	}
	nseen = early = 0;
	sim_rt_start(rt);
	ev_run(loop, 0);
	ck_assert_int_eq(nseen, 4);
	ck_assert_int_eq(seen[0], 1);
	ck_assert_int_eq(seen[1], 2);
	ck_assert_int_eq(seen[2], 3);
	ck_assert_int_eq(seen[3], 0);
	ck_assert_uint_eq(seen_at[0], SIM_MS(10));
	ck_assert_uint_eq(seen_at[1], SIM_MS(20));
	ck_assert_uint_eq(seen_at[3], SIM_MS(30));
	ck_assert_int_eq(early, 0);
	sim_rt_destroy(rt);
	sim_evq_destroy(q);
	ev_loop_destroy(loop);
}
END_TEST

/* A host input (an eventfd) schedules a simulated event, which then runs. */
struct bridge {
	ev_io io;
	struct sim_evq *q;
	struct sim_rt *rt;
	struct sim_event ev;
	int fired;
};

static void bridge_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct bridge *b = sim_container_of(ev, struct bridge, ev);

	(void)q;
	b->fired = 1;
	ev_break(ev_default_loop(0), EVBREAK_ALL);
}

static void on_input(struct ev_loop *loop, ev_io *w, int revents)
{
	struct bridge *b = w->data;
	uint64_t v;

	(void)revents;
	ck_assert_int_eq(read(w->fd, &v, sizeof(v)), (int)sizeof(v));
	ev_io_stop(loop, w);
	sim_evq_after(b->q, &b->ev, SIM_MS(5), SIM_EVC_CLIENT);
	sim_rt_kick(b->rt);
}

START_TEST(test_host_fd_input_drives_simulated_event)
{
	struct ev_loop *loop = ev_default_loop(0);
	struct bridge b = { .fired = 0 };
	int fd = eventfd(0, EFD_NONBLOCK);
	uint64_t one = 1;

	ck_assert_int_ge(fd, 0);
	b.q = sim_evq_create();
	b.rt = sim_rt_create(b.q, loop, 1.0);
	sim_event_init(&b.ev, bridge_fire, "bridge");
	ev_io_init(&b.io, on_input, fd, EV_READ);
	b.io.data = &b;
	ev_io_start(loop, &b.io);
	sim_rt_start(b.rt);
	ck_assert_int_eq(write(fd, &one, sizeof(one)), (int)sizeof(one));
	ev_run(loop, 0);
	ck_assert_int_eq(b.fired, 1);
	ck_assert_uint_ge(sim_evq_now(b.q), SIM_MS(5));
	sim_rt_destroy(b.rt);
	sim_evq_destroy(b.q);
	close(fd);
}
END_TEST

START_TEST(test_rt_rejects_bad_arguments)
{
	struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO);
	struct sim_evq *q = sim_evq_create();

	ck_assert_ptr_null(sim_rt_create(q, loop, 0.0));
	ck_assert_ptr_null(sim_rt_create(q, loop, -1.0));
	ck_assert_ptr_null(sim_rt_create(NULL, loop, 1.0));
	ck_assert_ptr_null(sim_rt_create(q, NULL, 1.0));
	sim_evq_destroy(q);
	ev_loop_destroy(loop);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("sim_loop_ev");
	TCase *tc = tcase_create("realtime");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_paced_run_keeps_order_and_virtual_times);
	tcase_add_test(tc, test_host_fd_input_drives_simulated_event);
	tcase_add_test(tc, test_rt_rejects_bad_arguments);
	suite_add_tcase(s, tc);
	return s;
}
