/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Benchmark helpers.  Benchmarks may read the wall clock; the simulator
 * may not.  Each figure is the best of several rounds, to damp noise from
 * other load on the machine.
 */
#ifndef CCWSIM_BENCH_UTIL_H
#define CCWSIM_BENCH_UTIL_H

#include <time.h>

static inline double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Best (smallest) of @rounds timings of fn(arg), in seconds. */
static inline double bench_best(int rounds, void (*fn)(void *), void *arg)
{
	double best = 1e30;

	for (int i = 0; i < rounds; i++) {
		double t0 = bench_now();

		fn(arg);
		t0 = bench_now() - t0;
		if (t0 < best)
			best = t0;
	}
	return best;
}

#endif
