// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Trace: the exact text line format, the ring, tracks, and Chrome
 * trace-event JSON that parses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/sim/trace.h>

#include "check_main.h"
#include "json_check.h"

struct capture {
	FILE *f;
	char *buf;
	size_t len;
};

static void cap_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	ck_assert_ptr_nonnull(c->f);
}

static const char *cap_text(struct capture *c)
{
	fflush(c->f);
	return c->buf;
}

static void cap_close(struct capture *c)
{
	fclose(c->f);
	free(c->buf);
}

START_TEST(test_vtime_str_formats_seconds_dot_nanoseconds)
{
	char b[24];

	ck_assert_str_eq(sim_vtime_str(0, b), "0.000000000");
	ck_assert_str_eq(sim_vtime_str(12345, b), "0.000012345");
	ck_assert_str_eq(sim_vtime_str(SIM_S(3) + 7, b), "3.000000007");
	ck_assert_str_eq(sim_vtime_str(SIM_VTIME_MAX, b),
			 "18446744073.709551615");
}
END_TEST

START_TEST(test_trace_text_line_format)
{
	struct sim_trace *tr = sim_trace_create(8);
	struct capture c;
	uint32_t sch;

	cap_open(&c);
	sim_trace_set_text(tr, c.f);
	sch = sim_trace_track(tr, "sch 0.0.0001");
	ck_assert_uint_eq(sch, 1);
	ck_assert_uint_eq(sim_trace_track(tr, "sch 0.0.0001"), sch);
	sim_trace_emit(tr, 12345, sch, SIM_TRACE_INSTANT, "css_ssch",
		       "cc=%d", 0);
	sim_trace_emit(tr, 20000, sch, SIM_TRACE_BEGIN, "io", "%s", "");
	sim_trace_emit(tr, 30000, 0, SIM_TRACE_END, "io", "ok");
	ck_assert_str_eq(cap_text(&c),
			 "0.000012345 #0 sch 0.0.0001 css_ssch: cc=0\n"
			 "0.000020000 #1 sch 0.0.0001 io begin\n"
			 "0.000030000 #2 sim io end: ok\n");
	sim_trace_destroy(tr);
	cap_close(&c);
}
END_TEST

START_TEST(test_trace_ring_keeps_last_records)
{
	struct sim_trace *tr = sim_trace_create(4);
	struct capture c;

	for (int i = 0; i < 10; i++)
		sim_trace_emit(tr, (sim_vtime)i, 0, SIM_TRACE_INSTANT, "e",
			       "%d", i);
	ck_assert_uint_eq(sim_trace_count(tr), 10);
	ck_assert_uint_eq(sim_trace_overwritten(tr), 6);
	cap_open(&c);
	sim_trace_dump(tr, c.f);
	ck_assert_str_eq(cap_text(&c),
			 "0.000000006 #6 sim e: 6\n"
			 "0.000000007 #7 sim e: 7\n"
			 "0.000000008 #8 sim e: 8\n"
			 "0.000000009 #9 sim e: 9\n");
	sim_trace_destroy(tr);
	cap_close(&c);
}
END_TEST

START_TEST(test_trace_long_message_is_cut_not_overrun)
{
	struct sim_trace *tr = sim_trace_create(1);
	char big[1000];
	struct capture c;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	sim_trace_emit(tr, 0, 0, SIM_TRACE_INSTANT, "e", "%s", big);
	cap_open(&c);
	sim_trace_dump(tr, c.f);
	/* "0.000000000 #0 sim e: " + 191 x + "\n" */
	ck_assert_uint_eq(strlen(cap_text(&c)), 22 + SIM_TRACE_MSG_MAX - 1 + 1);
	sim_trace_destroy(tr);
	cap_close(&c);
}
END_TEST

START_TEST(test_trace_json_is_valid_chrome_trace)
{
	struct sim_trace *tr = sim_trace_create(0);
	struct capture c;
	const char *j;
	uint32_t dev;

	sim_trace_track(tr, "early track");
	cap_open(&c);
	sim_trace_set_json(tr, c.f);
	dev = sim_trace_track(tr, "dev \"0x0190\"");
	sim_trace_emit(tr, 1500, dev, SIM_TRACE_BEGIN, "read", "count=%d", 4);
	sim_trace_emit(tr, 2750, dev, SIM_TRACE_END, "read", "%s", "");
	sim_trace_emit(tr, 3000, 0, SIM_TRACE_INSTANT, "note",
		       "tab\tquote\" back\\slash\nnewline");
	sim_trace_finish_json(tr);
	j = cap_text(&c);
	ck_assert_uint_eq(json_check(j, strlen(j)), 0);
	/* metadata names every track, before and after the sink was set */
	ck_assert_ptr_nonnull(strstr(j, "\"args\":{\"name\":\"early track\"}"));
	ck_assert_ptr_nonnull(strstr(j, "\"args\":{\"name\":\"dev \\\"0x0190\\\"\"}"));
	/* microseconds with nanosecond digits, exactly */
	ck_assert_ptr_nonnull(strstr(j, "\"ph\":\"B\",\"ts\":1.500,\"pid\":1,\"tid\":2"));
	ck_assert_ptr_nonnull(strstr(j, "\"ph\":\"E\",\"ts\":2.750"));
	ck_assert_ptr_nonnull(strstr(j, "\"ph\":\"i\",\"ts\":3.000"));
	ck_assert_ptr_nonnull(strstr(j, "tab\\u0009quote\\\" back\\\\slash\\u000anewline"));
	sim_trace_destroy(tr);
	cap_close(&c);
}
END_TEST

/* The checker used above rejects what it must. */
START_TEST(test_json_check_rejects_bad_json)
{
	static const char *bad[] = {
		"", "{", "{\"a\":}", "[1,]", "{\"a\" 1}", "\"\x01\"", "01",
		"[1] [2]", "{'a':1}", "[\"\\x\"]", "tru",
	};
	static const char *good[] = {
		"{}", "[]", "{\"a\":[1,2.5,-3e2,true,false,null,\"\\u00e9\"]}",
		" 0 ",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(json_check(bad[i], strlen(bad[i])) != 0,
			      "accepted %s", bad[i]);
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(json_check(good[i], strlen(good[i])) == 0,
			      "rejected %s", good[i]);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("sim_trace");
	TCase *tc = tcase_create("trace");

	tcase_add_test(tc, test_vtime_str_formats_seconds_dot_nanoseconds);
	tcase_add_test(tc, test_trace_text_line_format);
	tcase_add_test(tc, test_trace_ring_keeps_last_records);
	tcase_add_test(tc, test_trace_long_message_is_cut_not_overrun);
	tcase_add_test(tc, test_trace_json_is_valid_chrome_trace);
	tcase_add_test(tc, test_json_check_rejects_bad_json);
	suite_add_tcase(s, tc);
	return s;
}
