/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virtual-time event queue: the one clock of the simulator.
 *
 * Virtual time is a uint64_t count of nanoseconds.  Events run in the
 * total order (time, class, sequence): at one instant, lower classes run
 * first, and within a class events run in the order they were scheduled
 * (sequence is a queue-wide insertion counter, so no two events compare
 * equal).  Nothing here reads a wall clock; the libev adapter (loop_ev.h)
 * is the only thing that paces this queue against real time.
 *
 * Events are embedded in their owner's struct, libev-style, and the owner
 * recovers itself with container_of-like arithmetic; the queue never
 * allocates per event.
 */
#ifndef CCWSIM_SIM_EVQ_H
#define CCWSIM_SIM_EVQ_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t sim_vtime;

#define SIM_NS(x) ((sim_vtime)(x))
#define SIM_US(x) ((sim_vtime)(x) * 1000u)
#define SIM_MS(x) ((sim_vtime)(x) * 1000000u)
#define SIM_S(x)  ((sim_vtime)(x) * 1000000000u)
#define SIM_VTIME_MAX UINT64_MAX

/*
 * Event classes: at one virtual instant, hardware settles first, then
 * interruptions are presented, then software reacts.  docs/determinism.md
 * gives the reasons.
 */
enum sim_evclass {
	SIM_EVC_DEVICE = 10,	/* device and control-unit actions */
	SIM_EVC_CHANNEL = 20,	/* channel-subsystem actions */
	SIM_EVC_INTERRUPT = 30,	/* interruption presentation */
	SIM_EVC_DRIVER = 40,	/* driver-model tasks and work items */
	SIM_EVC_CLIENT = 50,	/* userspace, scenario steps, workloads */
};

/* The struct that embeds @ptr as its @member. */
#define sim_container_of(ptr, type, member) \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))

struct sim_evq;
struct sim_event;

typedef void sim_event_fn(struct sim_evq *q, struct sim_event *ev);

struct sim_event {
	/* public: set with sim_event_init() */
	sim_event_fn *fn;
	const char *name;	/* static string, for traces */
	/* ro: valid while queued */
	sim_vtime when;
	uint64_t seq;
	uint32_t cls;
	/* private */
	uint32_t slot;		/* heap index + 1; 0 when not queued */
};

static inline void sim_event_init(struct sim_event *ev, sim_event_fn *fn,
				  const char *name)
{
	ev->fn = fn;
	ev->name = name;
	ev->when = 0;
	ev->seq = 0;
	ev->cls = 0;
	ev->slot = 0;
}

static inline int sim_event_pending(const struct sim_event *ev)
{
	return ev->slot != 0;
}

struct sim_evq *sim_evq_create(void);
/* Pending events are dropped, not run. */
void sim_evq_destroy(struct sim_evq *q);

sim_vtime sim_evq_now(const struct sim_evq *q);

/*
 * Queue @ev to run at @when in class @cls.  An event already queued is
 * moved (it gets a new sequence number).  Returns 0, or -EINVAL when
 * @when lies in the past: that is a model bug, reported, never run.
 */
int sim_evq_schedule(struct sim_evq *q, struct sim_event *ev, sim_vtime when,
		     uint32_t cls);

/* sim_evq_schedule() at now + @delay (saturating). */
int sim_evq_after(struct sim_evq *q, struct sim_event *ev, sim_vtime delay,
		  uint32_t cls);

/* Take @ev off the queue.  Returns 1 if it was queued, 0 if not. */
int sim_evq_cancel(struct sim_evq *q, struct sim_event *ev);

/* Number of queued events. */
size_t sim_evq_size(const struct sim_evq *q);

/* Time of the next event; 0 if the queue is empty, else 1 and *when. */
int sim_evq_peek(const struct sim_evq *q, sim_vtime *when);

/*
 * Run the next event: virtual time jumps to its time first.  Returns 1 if
 * an event ran, 0 if the queue was empty.
 */
int sim_evq_step(struct sim_evq *q);

/*
 * Run every event due at or before @until, including ones scheduled while
 * running, then set the clock to @until (if it is later).  Returns the
 * number of events run.
 */
uint64_t sim_evq_run_until(struct sim_evq *q, sim_vtime until);

/* Total events run since creation. */
uint64_t sim_evq_dispatched(const struct sim_evq *q);

/*
 * Check the heap property and every event's back-pointer.  Returns 0 when
 * consistent, else -1 (a bug in the queue, never in its user).
 */
int sim_evq_verify(const struct sim_evq *q);

#endif /* CCWSIM_SIM_EVQ_H */
