/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Real-time driver: runs an event queue from a libev loop, paced so that
 * virtual time follows the wall clock at a chosen speed.
 *
 * The batch driver (sim_evq_run_until) runs events back to back; this one
 * runs the same events in the same order, but holds each back until the
 * wall clock reaches its due time.  Events still run at their exact
 * virtual time; only when they run is paced.  Real file descriptors
 * (eventfds, sockets) are watched by the caller's own libev watchers on
 * the same loop; whatever they schedule, they follow with sim_rt_kick().
 *
 * This is the only part of ccwsim that reads a wall clock: libev's.
 */
#ifndef CCWSIM_SIM_LOOP_EV_H
#define CCWSIM_SIM_LOOP_EV_H

#include <ccwsim/sim/evq.h>

struct ev_loop;
struct sim_rt;

/*
 * Drive @q from @loop.  @speed is virtual seconds per wall second (1.0 is
 * real time, 10.0 runs ten times faster than life); must be > 0.
 * Returns NULL on a bad argument or no memory.
 */
struct sim_rt *sim_rt_create(struct sim_evq *q, struct ev_loop *loop,
			     double speed);
void sim_rt_destroy(struct sim_rt *rt);

/*
 * Start pacing: virtual now is pinned to the loop's now.  While started
 * and events are queued, the driver keeps the loop alive.
 */
void sim_rt_start(struct sim_rt *rt);
void sim_rt_stop(struct sim_rt *rt);

/* Re-arm after events were scheduled from outside a queue callback. */
void sim_rt_kick(struct sim_rt *rt);

#endif /* CCWSIM_SIM_LOOP_EV_H */
