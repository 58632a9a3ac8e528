// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Channel-subsystem costs:
 *  - defining 4 x 65536 subchannels, each with its own test device: time
 *    and resident memory per subchannel;
 *  - complete I/O operations (SSCH of a NOP, the events of the start
 *    function and the device, TSCH): operations per second, and the cost
 *    of one operation in units of one bare event dispatch measured in the
 *    same run (an operation is about six events plus two instructions).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/sim/css.h>
#include <ccwsim/sim/testdev.h>

#include "bench_util.h"

static long rss_kib(void)
{
	long pages = 0, rss = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	if (!f)
		return 0;
	if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
		rss = 0;
	fclose(f);
	return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

struct machine {
	struct sim_evq *q;
	struct sim_mem *mem;
	struct sim_css *css;
};

static int machine(struct machine *m, unsigned nsets)
{
	struct sim_css_cfg cfg = { .nsets = nsets,
				   .facilities = SIM_FAC_DEFAULT };

	m->q = sim_evq_create();
	m->mem = sim_mem_create(16u << 20);
	cfg.evq = m->q;
	cfg.mem = m->mem;
	m->css = m->q && m->mem ? sim_css_create(&cfg) : NULL;
	return m->css && !sim_css_chp_install(m->css, 0x40, 0x1a) ? 0 : -1;
}

static void unmachine(struct machine *m)
{
	sim_css_destroy(m->css);
	sim_mem_destroy(m->mem);
	sim_evq_destroy(m->q);
}

static int define(struct machine *m, unsigned ssid, unsigned schno)
{
	struct sim_sch_def d = { .devno = (uint16_t)schno, .pim = 0x80,
				 .chpid = { 0x40 } };

	d.dev = sim_testdev_create(d.devno);
	return d.dev ? sim_css_sch_define(m->css, ssid, schno, &d, 0) : -1;
}

/* Enable subchannel n of set 0 with ISC 3, through STSCH and MSCH. */
static void enable(struct machine *m, const struct sim_cpu *cpu, unsigned n)
{
	uint8_t s[52];

	sim_css_stsch(m->css, cpu, sim_sid(0, n), 0x3000);
	sim_mem_read(m->mem, 0x3000, s, sizeof(s), 0, NULL);
	s[4] = 0x18;
	s[5] |= 0x80;
	sim_mem_write(m->mem, 0x3000, s, sizeof(s), 0, NULL);
	sim_css_msch(m->css, cpu, sim_sid(0, n), 0x3000);
}

struct io_run {
	struct machine m;
	struct sim_cpu cpu;
	unsigned nsch, rounds;
	unsigned long done;
};

/* @nsch subchannels each run @rounds NOPs, all interleaved. */
static void io_rounds(void *arg)
{
	struct io_run *r = arg;

	for (unsigned k = 0; k < r->rounds; k++) {
		for (unsigned n = 0; n < r->nsch; n++)
			sim_css_ssch(r->m.css, &r->cpu, sim_sid(0, n), 0x1000);
		sim_evq_run_until(r->m.q, sim_evq_now(r->m.q) + SIM_US(50));
		for (unsigned n = 0; n < r->nsch; n++)
			r->done += sim_css_tsch(r->m.css, &r->cpu,
						sim_sid(0, n), 0x3000).cc == 0;
	}
}

struct tick {
	struct sim_event ev;
	unsigned left;
};

static void tick_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct tick *t = sim_container_of(ev, struct tick, ev);

	if (--t->left)
		sim_evq_after(q, ev, 1, 0);
}

static void bare_events(void *arg)
{
	struct sim_evq *q = sim_evq_create();
	struct tick t = { .left = *(unsigned *)arg };

	sim_event_init(&t.ev, tick_fire, "tick");
	sim_evq_after(q, &t.ev, 1, 0);
	sim_evq_run_until(q, SIM_VTIME_MAX - 1);
	sim_evq_destroy(q);
}

int main(void)
{
	struct machine big;
	struct io_run r = { .cpu = { .cr6 = 0xff } };
	unsigned nev = 1000000;
	double t0, tdef, tev;
	long rss0;
	uint8_t orb[12] = { 0 }, ccw[8] = { 0x03, 0x20, 0, 1 };

	/* 1. A quarter of a million subchannels. */
	rss0 = rss_kib();
	t0 = bench_now();
	if (machine(&big, 4))
		return 1;
	for (unsigned s = 0; s < 4; s++)
		for (unsigned n = 0; n < 65536; n++)
			if (define(&big, s, n))
				return 1;
	tdef = bench_now() - t0;
	printf("define 262144 subchannels with devices: %.3f s, %.0f ns and "
	       "%.0f bytes each\n", tdef, tdef / 262144 * 1e9,
	       (double)(rss_kib() - rss0) * 1024 / 262144);
	unmachine(&big);

	/* 2. I/O operations, against bare event dispatch. */
	tev = bench_best(3, bare_events, &nev) / nev;
	printf("%-14s %12s %14s %16s\n", "subchannels", "ops/s",
	       "ns/op", "op / bare event");
	for (unsigned nsch = 1; nsch <= 1000; nsch *= 10) {
		double t;

		if (machine(&r.m, 1))
			return 1;
		ccwa_put_be32(orb + 4, 0x0080ff00);
		ccwa_put_be32(orb + 8, 0x2000);
		sim_mem_write(r.m.mem, 0x1000, orb, sizeof(orb), 0, NULL);
		sim_mem_write(r.m.mem, 0x2000, ccw, sizeof(ccw), 0, NULL);
		for (unsigned n = 0; n < nsch; n++) {
			define(&r.m, 0, n);
			enable(&r.m, &r.cpu, n);
		}
		r.nsch = nsch;
		r.rounds = 20000 / nsch;
		r.done = 0;
		t = bench_best(3, io_rounds, &r) / (r.rounds * (double)nsch);
		printf("%-14u %12.0f %14.0f %15.1fx\n", nsch, 1 / t, t * 1e9,
		       t / tev);
		if (r.done != 3ul * r.rounds * nsch) {
			fprintf(stderr, "bench_css: %lu of %lu operations ended\n",
				r.done, 3ul * r.rounds * nsch);
			return 1;
		}
		unmachine(&r.m);
	}
	return 0;
}
