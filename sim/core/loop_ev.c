// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The libev adapter.  One ev_timer is armed for the wall time at which
 * the earliest queued event falls due; when it fires, every event due by
 * the wall-derived virtual time runs, and the timer is re-armed.
 */
#include <stdlib.h>

#include <ev.h>

#include <ccwsim/sim/loop_ev.h>

struct sim_rt {
	struct sim_evq *q;
	struct ev_loop *loop;
	ev_timer timer;
	double speed;
	ev_tstamp base_wall;		/* wall time that maps to base_v */
	sim_vtime base_v;
	int started;
};

static sim_vtime wall_to_vtime(const struct sim_rt *rt, ev_tstamp wall)
{
	double dv = (wall - rt->base_wall) * rt->speed * 1e9;

	if (dv <= 0)
		return rt->base_v;
	if (dv >= (double)(SIM_VTIME_MAX - rt->base_v))
		return SIM_VTIME_MAX;
	return rt->base_v + (sim_vtime)dv;
}

static void arm(struct sim_rt *rt)
{
	sim_vtime next;
	double delay;

	ev_timer_stop(rt->loop, &rt->timer);
	if (!rt->started || !sim_evq_peek(rt->q, &next))
		return;
	delay = (double)(next - rt->base_v) / 1e9 / rt->speed -
		(ev_now(rt->loop) - rt->base_wall);
	ev_timer_set(&rt->timer, delay > 0 ? delay : 0, 0);
	ev_timer_start(rt->loop, &rt->timer);
}

static void on_timer(struct ev_loop *loop, ev_timer *w, int revents)
{
	struct sim_rt *rt = w->data;
	sim_vtime target;

	(void)revents;
	ev_now_update(loop);
	target = wall_to_vtime(rt, ev_now(loop));
	/* Never run backwards: the queue's clock may be ahead of the wall. */
	if (target < sim_evq_now(rt->q))
		target = sim_evq_now(rt->q);
	sim_evq_run_until(rt->q, target);
	arm(rt);
}

struct sim_rt *sim_rt_create(struct sim_evq *q, struct ev_loop *loop,
			     double speed)
{
	struct sim_rt *rt;

	if (!q || !loop || !(speed > 0))
		return NULL;
	rt = calloc(1, sizeof(*rt));
	if (!rt)
		return NULL;
	rt->q = q;
	rt->loop = loop;
	rt->speed = speed;
	ev_timer_init(&rt->timer, on_timer, 0, 0);
	rt->timer.data = rt;
	return rt;
}

void sim_rt_destroy(struct sim_rt *rt)
{
	if (!rt)
		return;
	sim_rt_stop(rt);
	free(rt);
}

void sim_rt_start(struct sim_rt *rt)
{
	ev_now_update(rt->loop);
	rt->base_wall = ev_now(rt->loop);
	rt->base_v = sim_evq_now(rt->q);
	rt->started = 1;
	arm(rt);
}

void sim_rt_stop(struct sim_rt *rt)
{
	rt->started = 0;
	ev_timer_stop(rt->loop, &rt->timer);
}

void sim_rt_kick(struct sim_rt *rt)
{
	arm(rt);
}
