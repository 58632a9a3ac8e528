// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Absolute-storage throughput: moving 64 MiB through sim_mem_write and
 * sim_mem_read in channel-sized chunks, against memcpy of the same chunks
 * between plain buffers in the same run.  The ratio is the price of keys,
 * protection checks and sparse frames on the data path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/sim/mem.h>

#include "bench_util.h"

#define TOTAL (64u << 20)

struct run {
	struct sim_mem *m;
	uint8_t *plain, *buf;
	size_t chunk;
};

static void mem_write(void *arg)
{
	struct run *r = arg;

	for (size_t a = 0; a < TOTAL; a += r->chunk)
		sim_mem_write(r->m, a, r->buf, r->chunk, 0, NULL);
}

static void mem_read(void *arg)
{
	struct run *r = arg;

	for (size_t a = 0; a < TOTAL; a += r->chunk)
		sim_mem_read(r->m, a, r->buf, r->chunk, 0, NULL);
}

static void plain_copy(void *arg)
{
	struct run *r = arg;

	for (size_t a = 0; a < TOTAL; a += r->chunk)
		memcpy(r->plain + a, r->buf, r->chunk);
}

int main(void)
{
	static const size_t chunks[] = { 512, 4096, 65536 };
	struct run r;

	r.m = sim_mem_create(TOTAL);
	r.plain = malloc(TOTAL);
	r.buf = malloc(65536);
	if (!r.m || !r.plain || !r.buf)
		return 1;
	memset(r.buf, 0x5a, 65536);
	memset(r.plain, 0, TOTAL);
	r.chunk = 4096;
	mem_write(&r);		/* first touch allocates; time the steady state */
	printf("%-8s %12s %12s %12s %12s\n", "chunk", "write GB/s",
	       "read GB/s", "memcpy GB/s", "write/memcpy");
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		double tw, tr, tc;

		r.chunk = chunks[i];
		tw = bench_best(5, mem_write, &r);
		tr = bench_best(5, mem_read, &r);
		tc = bench_best(5, plain_copy, &r);
		printf("%-8zu %12.2f %12.2f %12.2f %11.2fx\n", r.chunk,
		       TOTAL / tw / 1e9, TOTAL / tr / 1e9, TOTAL / tc / 1e9,
		       tw / tc);
	}
	sim_mem_destroy(r.m);
	free(r.plain);
	free(r.buf);
	return 0;
}
