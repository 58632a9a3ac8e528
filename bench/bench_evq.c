// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Event-queue throughput in the classic "hold" model: N events are
 * pending; each one, when it runs, reschedules itself at a random delay.
 * Reports ns per event for several N, and two ratios measured in this
 * run: the cost at each N relative to N = 16 (how the heap scales), and
 * the queue's cost relative to making the same callbacks and RNG draws
 * without a queue (the queue's own overhead).
 */
#include <stdio.h>
#include <stdlib.h>

#include <ccwsim/sim/evq.h>
#include <ccwsim/sim/rng.h>

#include "bench_util.h"

#define DISPATCHES 2000000u

struct hold {
	struct sim_event ev;
	struct sim_rng *rng;
	uint64_t sink;
};

static void hold_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct hold *h = sim_container_of(ev, struct hold, ev);
	sim_vtime d = sim_rng_below(h->rng, 1000);

	h->sink += d;
	sim_evq_after(q, ev, d, SIM_EVC_DEVICE);
}

struct run {
	size_t n;
	struct hold *h;
	struct sim_rng rng;
	uint64_t sink;
};

static void with_queue(void *arg)
{
	struct run *r = arg;
	struct sim_evq *q = sim_evq_create();

	sim_rng_init(&r->rng, 1, SIM_RNG_WORKLOAD, 0);
	for (size_t i = 0; i < r->n; i++) {
		sim_event_init(&r->h[i].ev, hold_fire, "hold");
		r->h[i].rng = &r->rng;
		sim_evq_after(q, &r->h[i].ev, sim_rng_below(&r->rng, 1000), 0);
	}
	for (unsigned i = 0; i < DISPATCHES; i++)
		sim_evq_step(q);
	for (size_t i = 0; i < r->n; i++)
		r->sink += r->h[i].sink;
	sim_evq_destroy(q);
}

/* The same draws and bookkeeping, called round-robin with no queue. */
static void without_queue(void *arg)
{
	struct run *r = arg;

	sim_rng_init(&r->rng, 1, SIM_RNG_WORKLOAD, 0);
	for (unsigned i = 0; i < DISPATCHES; i++) {
		struct hold *h = &r->h[i % r->n];

		h->sink += sim_rng_below(&r->rng, 1000);
	}
	for (size_t i = 0; i < r->n; i++)
		r->sink += r->h[i].sink;
}

int main(void)
{
	static const size_t sizes[] = { 16, 1024, 65536, 1048576 };
	struct run r = { 0 };
	double base16 = 0;

	r.h = calloc(sizes[3], sizeof(*r.h));
	if (!r.h)
		return 1;
	printf("%-10s %12s %12s %14s %14s\n", "pending", "ns/event",
	       "Mevents/s", "vs 16 pending", "vs no queue");
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		double tq, tn, ns;

		r.n = sizes[s];
		tq = bench_best(3, with_queue, &r);
		tn = bench_best(3, without_queue, &r);
		ns = tq / DISPATCHES * 1e9;
		if (!s)
			base16 = ns;
		printf("%-10zu %12.1f %12.2f %13.2fx %13.2fx\n", r.n, ns,
		       DISPATCHES / tq / 1e6, ns / base16, tq / tn);
	}
	free(r.h);
	return r.sink == 42;	/* keep the work observable */
}
