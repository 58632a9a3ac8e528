// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Determinism (DESIGN.md "Time, randomness, determinism"): the randomized
 * synthetic workload gives byte-identical text and JSON traces for the same
 * seed, and different ones for another seed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/sim/synth.h>

#include "check_main.h"

struct run {
	char *text, *json;
	size_t ntext, njson;
	struct sim_synth_stats st;
};

static void run(uint64_t seed, struct run *r)
{
	struct sim_synth_cfg cfg = { .seed = seed, .entities = 12,
				     .until = SIM_US(200) };
	struct sim_evq *q = sim_evq_create();
	struct sim_trace *tr = sim_trace_create(16);
	FILE *t = open_memstream(&r->text, &r->ntext);
	FILE *j = open_memstream(&r->json, &r->njson);

	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_nonnull(tr);
	sim_trace_set_text(tr, t);
	sim_trace_set_json(tr, j);
	ck_assert_int_eq(sim_synth_run(&cfg, q, tr, &r->st), 0);
	sim_trace_destroy(tr);
	sim_evq_destroy(q);
	fclose(t);
	fclose(j);
}

static void drop(struct run *r)
{
	free(r->text);
	free(r->json);
}

START_TEST(test_same_seed_gives_identical_traces)
{
	struct run a, b;

	run(0x5eed, &a);
	run(0x5eed, &b);
	/* The workload must actually have done something worth comparing. */
	ck_assert_uint_gt(a.st.events, 1000);
	ck_assert_uint_gt(a.st.moved, 10);
	ck_assert_uint_gt(a.st.cancelled, 10);
	ck_assert_uint_eq(a.ntext, b.ntext);
	ck_assert_int_eq(memcmp(a.text, b.text, a.ntext), 0);
	ck_assert_uint_eq(a.njson, b.njson);
	ck_assert_int_eq(memcmp(a.json, b.json, a.njson), 0);
	drop(&a);
	drop(&b);
}
END_TEST

START_TEST(test_other_seed_gives_other_traces)
{
	struct run a, b;

	run(0x5eed, &a);
	run(0x5eee, &b);
	ck_assert(a.ntext != b.ntext || memcmp(a.text, b.text, a.ntext) != 0);
	ck_assert(a.njson != b.njson || memcmp(a.json, b.json, a.njson) != 0);
	drop(&a);
	drop(&b);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("sim_determinism");
	TCase *tc = tcase_create("synth");

	tcase_add_test(tc, test_same_seed_gives_identical_traces);
	tcase_add_test(tc, test_other_seed_gives_other_traces);
	suite_add_tcase(s, tc);
	return s;
}
