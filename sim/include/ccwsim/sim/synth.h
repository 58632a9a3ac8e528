/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A synthetic, randomized event workload: entities that schedule, move and
 * cancel each other's events at random times and classes, with plenty of
 * ties.  It exercises the queue, the RNG streams and the trace together,
 * and is what `ccwsim demo`, the determinism test and the event-queue
 * benchmark run.  Same seed, same trace, byte for byte.
 */
#ifndef CCWSIM_SIM_SYNTH_H
#define CCWSIM_SIM_SYNTH_H

#include <stdint.h>

#include <ccwsim/sim/evq.h>
#include <ccwsim/sim/trace.h>

struct sim_synth_cfg {
	uint64_t seed;
	unsigned entities;	/* >= 1 */
	sim_vtime until;	/* run events due up to this time */
};

struct sim_synth_stats {
	uint64_t events;	/* events run */
	uint64_t moved;		/* another entity's event rescheduled */
	uint64_t cancelled;	/* another entity's event cancelled */
};

/*
 * Run the workload on the fresh queue @q, tracing to @tr (may be NULL).
 * Returns 0, or -EINVAL / -ENOMEM.
 */
int sim_synth_run(const struct sim_synth_cfg *cfg, struct sim_evq *q,
		  struct sim_trace *tr, struct sim_synth_stats *st);

#endif /* CCWSIM_SIM_SYNTH_H */
