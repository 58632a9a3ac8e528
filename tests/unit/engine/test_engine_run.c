// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Scenario runs: outcomes, failure reports (file, line, expected against
 * actual), the run stopping at the first failed statement, skips, seeds,
 * and determinism: the same file and seed give the same trace, byte for
 * byte — for a checked-in golden trace and for every scenario of the
 * suite run twice (DESIGN.md, "Same scenario + same seed ⇒ byte-identical
 * trace").
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ccwsim/scenario.h>

#include "check_main.h"
#include "run_cmd.h"
#include "json_check.h"

static struct scn *parse_ok(const char *text)
{
	struct scn_diags ds = { 0 };
	struct scn *s = scn_parse("r.scn", text, strlen(text), &ds);

	ck_assert_msg(s && !ds.n, "parse: %s", ds.n ? ds.d[0].msg : "");
	scn_diags_free(&ds);
	return s;
}

/* Run @s with @seed (0: the file's) and return the text trace. */
static char *run_trace(struct scn *s, uint64_t seed, struct scn_result *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct scn_run_opts o = { .have_seed = seed != 0, .seed = seed,
				  .trace = f };

	scn_run(s, &o, r);
	fclose(f);
	return buf;
}

static const char nop[] =
	"scenario \"nop\"\n"
	"chpid 40\n"
	"subchannel 0.0.0001 paths=40\n"
	"at 0x10000\n"
	"orb: orb intparm=0x11 cpa=prog\n"
	"prog: ccw1 NOP\n"
	"irb: space 96\n"
	"enable 0.0.0001 isc=2\n"
	"ssch 0.0.0001 orb\n"
	"run\n"
	"tsch 0.0.0001 irb\n";

START_TEST(test_pass_counts_expectations)
{
	char text[2048];
	struct scn *s;
	struct scn_result r;

	snprintf(text, sizeof(text), "%s%s", nop,
		 "expect irb irb scsw.fctl=start scsw.dstat=CE|DE scsw.cstat=-\n");
	s = parse_ok(text);
	scn_run(s, NULL, &r);
	ck_assert_int_eq(r.outcome, SCN_PASS);
	/* enable, ssch, tsch, and three fields */
	ck_assert_uint_eq(r.expectations, 6);
	ck_assert_uint_eq(r.seed, 1);
	ck_assert_uint_gt(r.vtime, 0);
	scn_result_free(&r);
	scn_free(s);
}
END_TEST

START_TEST(test_failure_names_every_field_expected_and_actual)
{
	char text[2048];
	struct scn *s;
	struct scn_result r;

	snprintf(text, sizeof(text), "%s%s", nop,
		 "expect irb irb scsw.fctl=halt scsw.dstat=CE|DE scsw.cstat=PGM-CHK\n"
		 "expect irb irb scsw.count=99\n");
	s = parse_ok(text);
	scn_run(s, NULL, &r);
	ck_assert_int_eq(r.outcome, SCN_FAIL);
	/* One failure: the run stops at the first failing statement. */
	ck_assert_uint_eq(r.failures.n, 1);
	ck_assert_int_eq(r.failures.d[0].line, 12);
	ck_assert_str_eq(r.failures.d[0].file, "r.scn");
	ck_assert_ptr_nonnull(strstr(r.failures.d[0].msg, "2 fields differ"));
	ck_assert_ptr_nonnull(strstr(r.failures.d[0].msg,
				     "scsw.fctl: expected halt, got start"));
	ck_assert_ptr_nonnull(strstr(r.failures.d[0].msg,
				     "scsw.cstat: expected PGM-CHK, got -"));
	ck_assert_ptr_null(strstr(r.failures.d[0].msg, "dstat"));
	scn_result_free(&r);
	scn_free(s);
}
END_TEST

START_TEST(test_wrong_condition_code_fails_there)
{
	char text[2048];
	struct scn *s;
	struct scn_result r;

	/* Status is pending after "run": a second SSCH is cc 1, not 0. */
	snprintf(text, sizeof(text), "%s", nop);
	strcpy(strstr(text, "tsch"), "ssch 0.0.0001 orb -> cc 0\n"
				     "tsch 0.0.0001 irb -> cc 1\n");
	s = parse_ok(text);
	scn_run(s, NULL, &r);
	ck_assert_int_eq(r.outcome, SCN_FAIL);
	ck_assert_uint_eq(r.failures.n, 1);
	ck_assert_int_eq(r.failures.d[0].line, 11);
	ck_assert_str_eq(r.failures.d[0].msg, "ssch: expected cc 0, got cc 1");
	scn_result_free(&r);
	scn_free(s);
}
END_TEST

START_TEST(test_interrupt_that_never_comes_fails_cleanly)
{
	struct scn *s = parse_ok("chpid 40\nsubchannel 0.0.0001 paths=40\n"
				 "run until interrupt within=5us\n");
	struct scn_result r;

	scn_run(s, NULL, &r);
	ck_assert_int_eq(r.outcome, SCN_FAIL);
	ck_assert_ptr_nonnull(strstr(r.failures.d[0].msg,
				     "no interruption became pending within 5000 ns"));
	scn_result_free(&r);
	scn_free(s);
}
END_TEST

START_TEST(test_patterns_files_and_comparisons)
{
	struct scn *s = parse_ok(
		"file d.img size=8K pattern=4\n"
		"at 0x10000\n"
		"a: pattern 4 512 from=1024\n"
		"expect storage a file=d.img from=1024 len=512\n"
		"expect storage a+1 pattern=4 from=1025 len=16\n"
		"expect file d.img offset=1030 pattern=4 from=1030 len=8\n"
		"c: ccw1 READ cc sli count=16 data=0x2000\n"
		"expect ccw1 c flags&=cc flags&=sli|cc count<=16 count>=16 cmd_code!=0x03\n");
	struct scn_result r;

	scn_run(s, NULL, &r);
	ck_assert_msg(r.outcome == SCN_PASS, "%s",
		      r.failures.n ? r.failures.d[0].msg : "");
	scn_result_free(&r);
	scn_free(s);
	/* The same bytes one offset off: every form notices. */
	s = parse_ok("file d.img size=8K pattern=4\nat 0x10000\n"
		     "a: pattern 4 512 from=1024\n"
		     "expect storage a file=d.img from=1025 len=512\n");
	scn_run(s, NULL, &r);
	ck_assert_int_eq(r.outcome, SCN_FAIL);
	scn_result_free(&r);
	scn_free(s);
	s = parse_ok("at 0x10000\nc: ccw1 READ cc count=16\n"
		     "expect ccw1 c flags&=cc count>=17\n");
	scn_run(s, NULL, &r);
	ck_assert_int_eq(r.outcome, SCN_FAIL);
	ck_assert_ptr_nonnull(strstr(r.failures.d[0].msg, "expected at least"));
	scn_result_free(&r);
	scn_free(s);
}
END_TEST

START_TEST(test_skip_and_seed_override)
{
	struct scn *s = parse_ok("scenario \"later\"\nskip \"needs the driver model\"\nrun\n");
	struct scn_result r;
	struct scn_run_opts o = { .have_seed = 1, .seed = 77 };

	scn_run(s, NULL, &r);
	ck_assert_int_eq(r.outcome, SCN_SKIP);
	ck_assert_str_eq(r.skip_reason, "needs the driver model");
	scn_result_free(&r);
	scn_free(s);
	s = parse_ok("seed 12\nrun\n");
	scn_run(s, NULL, &r);
	ck_assert_uint_eq(r.seed, 12);
	scn_result_free(&r);
	scn_run(s, &o, &r);
	ck_assert_uint_eq(r.seed, 77);
	scn_result_free(&r);
	scn_free(s);
}
END_TEST

#define GOLDEN CCWSIM_SOURCE_DIR "/tests/golden/halt-during-read"

START_TEST(test_golden_trace)
{
	struct scn_diags ds = { 0 };
	struct scn *s = scn_parse_file(GOLDEN ".scn", &ds);
	struct scn_result r;
	size_t n;
	char *want = slurp(GOLDEN ".seed5.trace", &n), *got;

	ck_assert_ptr_nonnull(s);
	got = run_trace(s, 0, &r);
	ck_assert_int_eq(r.outcome, SCN_PASS);
	ck_assert_uint_eq(r.seed, 5);
	ck_assert_str_eq(got, want);
	free(got);
	scn_result_free(&r);
	/* Another seed moves the jitter, so the trace differs. */
	got = run_trace(s, 6, &r);
	ck_assert_str_ne(got, want);
	free(got);
	scn_result_free(&r);
	free(want);
	scn_free(s);
}
END_TEST

/* Every *.scn below @dir: run twice with its seed, compare the traces. */
static unsigned twice(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned n = 0;

	ck_assert_msg(d != NULL, "no %s", dir);
	while ((e = readdir(d))) {
		char path[1024];
		struct stat st;
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode)) {
			n += twice(path);
		} else if (len > 4 && !strcmp(e->d_name + len - 4, ".scn")) {
			struct scn_diags ds = { 0 };
			struct scn *s = scn_parse_file(path, &ds);
			struct scn_result r1, r2;
			char *t1, *t2;

			ck_assert_msg(s != NULL, "%s does not parse", path);
			/* The suite's own rules (scenarios/README.md). */
			if (strstr(path, "/scenarios/")) {
				size_t tn;
				char *text = slurp(path, &tn);

				ck_assert_msg(scn_title(s)[0], "%s: no scenario title", path);
				ck_assert_msg(strstr(text, "\ncite \"") != NULL,
					      "%s: cites nothing", path);
				free(text);
			}
			t1 = run_trace(s, 0, &r1);
			t2 = run_trace(s, 0, &r2);
			ck_assert_msg(r1.outcome == r2.outcome, "%s: outcome", path);
			ck_assert_msg(!strcmp(t1, t2), "%s: two traces", path);
			ck_assert_msg(r1.vtime == r2.vtime, "%s: end time", path);
			ck_assert_msg(r1.outcome == SCN_SKIP || r1.expectations > 0,
				      "%s checks nothing", path);
			free(t1);
			free(t2);
			scn_result_free(&r1);
			scn_result_free(&r2);
			scn_free(s);
			n++;
		}
	}
	closedir(d);
	return n;
}

START_TEST(test_every_scenario_twice_same_trace)
{
	ck_assert_uint_gt(twice(CCWSIM_SOURCE_DIR "/scenarios"), 0);
}
END_TEST

START_TEST(test_json_trace_joins_runs)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct scn *s = parse_ok(nop);
	struct scn_run_opts o = { .trace_json = f };
	struct scn_result r;

	fputs("{\"traceEvents\":[{\"ph\":\"M\",\"name\":\"x\",\"pid\":0}", f);
	for (int i = 1; i <= 2; i++) {
		o.json_pid = i;
		scn_run(s, &o, &r);
		scn_result_free(&r);
	}
	fputs("]}", f);
	fclose(f);
	ck_assert_uint_eq(json_check(buf, len), 0);
	ck_assert_ptr_nonnull(strstr(buf, "\"pid\":2,\"tid\""));
	ck_assert_ptr_nonnull(strstr(buf, "\"name\":\"dev 0x0000 (0.0.0001)\""));
	ck_assert_ptr_nonnull(strstr(buf, "\"name\":\"sch 0.0.0001\""));
	free(buf);
	scn_free(s);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("engine_run");
	TCase *tc = tcase_create("run");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_pass_counts_expectations);
	tcase_add_test(tc, test_failure_names_every_field_expected_and_actual);
	tcase_add_test(tc, test_wrong_condition_code_fails_there);
	tcase_add_test(tc, test_interrupt_that_never_comes_fails_cleanly);
	tcase_add_test(tc, test_patterns_files_and_comparisons);
	tcase_add_test(tc, test_skip_and_seed_override);
	tcase_add_test(tc, test_golden_trace);
	tcase_add_test(tc, test_every_scenario_twice_same_trace);
	tcase_add_test(tc, test_json_trace_joins_runs);
	suite_add_tcase(s, tc);
	return s;
}
