/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Seeded random-number streams.
 *
 * One master seed drives a run.  Every component draws from its own stream,
 * derived from (master seed, entity kind, entity id), so adding a device or
 * drawing more numbers in one place never changes the choices made in
 * another.  The generator is xoshiro256** (Blackman and Vigna); streams are
 * seeded through splitmix64.  No stream ever reads the wall clock.
 */
#ifndef CCWSIM_SIM_RNG_H
#define CCWSIM_SIM_RNG_H

#include <stdint.h>

/* Entity kinds; the numbers are part of every recorded seed's meaning. */
enum sim_rng_kind {
	SIM_RNG_SCHED = 1,	/* the scheduler's own choices (tie-breaks, races) */
	SIM_RNG_DEVICE = 2,	/* a device model, id = device number */
	SIM_RNG_CHANNEL = 3,	/* channel timing, id = subchannel */
	SIM_RNG_FAULT = 4,	/* fault injection, id = fault site */
	SIM_RNG_WORKLOAD = 5,	/* synthetic workloads, id = entity */
};

struct sim_rng {
	uint64_t s[4];
};

/* Derive the stream for (@master, @kind, @id). */
void sim_rng_init(struct sim_rng *r, uint64_t master, uint32_t kind,
		  uint64_t id);

/* Next 64 random bits. */
uint64_t sim_rng_u64(struct sim_rng *r);

/* Uniform in [0, @n); 0 when @n is 0.  Unbiased. */
uint64_t sim_rng_below(struct sim_rng *r, uint64_t n);

/* Uniform in [@lo, @hi], inclusive; @lo when @hi < @lo. */
uint64_t sim_rng_range(struct sim_rng *r, uint64_t lo, uint64_t hi);

/* 1 with probability @num / @den, else 0. */
int sim_rng_chance(struct sim_rng *r, uint64_t num, uint64_t den);

/* One step of splitmix64 on *@state: exposed for tests and id hashing. */
uint64_t sim_splitmix64(uint64_t *state);

#endif /* CCWSIM_SIM_RNG_H */
