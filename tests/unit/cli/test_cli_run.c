// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `ccwsim run` as CI runs it: exit statuses (0 all pass, 1 a failure, 2
 * usage or parse errors), the last line "N passed, M failed[, K skipped]",
 * the failure report with its rerun seed, TAP, JUnit XML, and the text and
 * Chrome JSON traces (issue 5, docs/scenario-language.md "ccwsim run").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "json_check.h"
#include "run_cmd.h"

static char dir[] = "/tmp/ccwsim-cli-run-XXXXXX";

static void put(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

#define NOP_SCN(extra) \
	"scenario \"nop\"\nchpid 40\nsubchannel 0.0.0001 paths=40\n" \
	"at 0x10000\norb: orb cpa=prog\nprog: ccw1 NOP\nirb: space 96\n" \
	"enable 0.0.0001\nssch 0.0.0001 orb\nrun\ntsch 0.0.0001 irb\n" extra

static void setup(void)
{
	char sub[300];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(sub, sizeof(sub), "%s/b", dir);
	mkdir(sub, 0755);
	put("a-pass.scn", NOP_SCN("expect irb irb scsw.dstat=CE|DE\n"));
	put("b/c-fail.scn", "seed 3\n" NOP_SCN("expect irb irb scsw.dstat=UC\n"));
	put("b/d-skip.scn", "skip \"not yet\"\nrun\n");
	put("notes.txt", "not a scenario\n");
}

static void teardown(void)
{
	char cmd[400];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	strcpy(dir, "/tmp/ccwsim-cli-run-XXXXXX");
}

static const char *last_line(const char *out)
{
	static char line[256];
	size_t n = strlen(out);
	const char *p;

	while (n && out[n - 1] == '\n')
		n--;
	p = out + n;
	while (p > out && p[-1] != '\n')
		p--;
	snprintf(line, sizeof(line), "%.*s", (int)(out + n - p), p);
	return line;
}

static void run(struct cmd_result *r, const char *a1, const char *a2,
		const char *a3, const char *a4)
{
	const char *argv[] = { CCWSIM_BIN, "run", a1, a2, a3, a4, NULL };

	ck_assert_int_eq(run_cmd(argv, NULL, r), 0);
}

START_TEST(test_pass_alone_exits_0)
{
	struct cmd_result r;
	char path[300];

	snprintf(path, sizeof(path), "%s/a-pass.scn", dir);
	run(&r, path, NULL, NULL, NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_str_eq(last_line(r.out), "1 passed, 0 failed");
	cmd_result_free(&r);
}
END_TEST

START_TEST(test_directory_failure_and_skip)
{
	struct cmd_result r;

	run(&r, dir, NULL, NULL, NULL);
	ck_assert_int_eq(r.status, 1);
	ck_assert_str_eq(last_line(r.out), "1 passed, 1 failed, 1 skipped");
	/* The failing file, line and field, expected and actual, the seed. */
	ck_assert_ptr_nonnull(strstr(r.out, "FAIL  "));
	ck_assert_ptr_nonnull(strstr(r.out, "b/c-fail.scn:13:1: irb at 0x10018"));
	ck_assert_ptr_nonnull(strstr(r.out, "scsw.dstat: expected UC, got CE|DE"));
	ck_assert_ptr_nonnull(strstr(r.out, "rerun: ccwsim run --seed 3 "));
	ck_assert_ptr_null(strstr(r.out, "notes.txt"));
	cmd_result_free(&r);
}
END_TEST

START_TEST(test_seed_override_in_rerun_line)
{
	struct cmd_result r;

	run(&r, "--seed", "0x10", dir, NULL);
	ck_assert_int_eq(r.status, 1);
	ck_assert_ptr_nonnull(strstr(r.out, "rerun: ccwsim run --seed 16 "));
	cmd_result_free(&r);
}
END_TEST

START_TEST(test_tap)
{
	struct cmd_result r;

	run(&r, "--tap", dir, NULL, NULL);
	ck_assert_int_eq(r.status, 1);
	ck_assert_ptr_eq(strstr(r.out, "TAP version 13\n1..3\n"), r.out);
	ck_assert_ptr_nonnull(strstr(r.out, "\nok 1 - "));
	ck_assert_ptr_nonnull(strstr(r.out, "\nnot ok 2 - "));
	ck_assert_ptr_nonnull(strstr(r.out, "  # "));
	ck_assert_ptr_nonnull(strstr(r.out, "\nok 3 - "));
	ck_assert_ptr_nonnull(strstr(r.out, " # SKIP not yet\n"));
	cmd_result_free(&r);
}
END_TEST

START_TEST(test_junit_and_traces)
{
	struct cmd_result r;
	char junit[300], json[300], text[300];
	const char *argv[10];
	char *x;
	size_t n;

	snprintf(junit, sizeof(junit), "%s/out.xml", dir);
	snprintf(json, sizeof(json), "%s/out.json", dir);
	snprintf(text, sizeof(text), "%s/out.trace", dir);
	argv[0] = CCWSIM_BIN;
	argv[1] = "run";
	argv[2] = "--junit";
	argv[3] = junit;
	argv[4] = "--trace-json";
	argv[5] = json;
	argv[6] = "--trace";
	argv[7] = text;
	argv[8] = dir;
	argv[9] = NULL;
	ck_assert_int_eq(run_cmd(argv, NULL, &r), 0);
	ck_assert_int_eq(r.status, 1);
	cmd_result_free(&r);
	x = slurp(junit, &n);
	ck_assert_ptr_nonnull(strstr(x, "tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""));
	ck_assert_ptr_nonnull(strstr(x, "name=\"c-fail.scn\""));
	ck_assert_ptr_nonnull(strstr(x, "<failure message=\"expectation failed (seed 3)\">"));
	ck_assert_ptr_nonnull(strstr(x, "<skipped message=\"not yet\"/>"));
	ck_assert_ptr_nonnull(strstr(x, "</testsuites>\n"));
	free(x);
	x = slurp(json, &n);
	ck_assert_uint_eq(json_check(x, n), 0);
	ck_assert_ptr_nonnull(strstr(x, "\"pid\":1,\"tid\""));
	ck_assert_ptr_nonnull(strstr(x, "\"pid\":2,\"tid\""));
	ck_assert_ptr_nonnull(strstr(x, "\"name\":\"sch 0.0.0001\""));
	free(x);
	x = slurp(text, &n);
	ck_assert_ptr_nonnull(strstr(x, "a-pass.scn seed 1\n0.000000000 #0 sch 0.0.0001 stsch"));
	ck_assert_ptr_nonnull(strstr(x, "c-fail.scn seed 3\n"));
	free(x);
}
END_TEST

START_TEST(test_parse_error_exits_2_with_file_line_col)
{
	struct cmd_result r;

	put("e-bad.scn", "chpid 40\nfrob 1\n");
	run(&r, dir, NULL, NULL, NULL);
	ck_assert_int_eq(r.status, 2);
	ck_assert_ptr_nonnull(strstr(r.out, "e-bad.scn:2:1: unknown statement 'frob'"));
	ck_assert_str_eq(last_line(r.out), "1 passed, 2 failed, 1 skipped");
	cmd_result_free(&r);
}
END_TEST

START_TEST(test_usage_errors_exit_2)
{
	struct cmd_result r;

	run(&r, "--frob", dir, NULL, NULL);
	ck_assert_int_eq(r.status, 2);
	ck_assert_ptr_nonnull(strstr(r.err, "unknown option '--frob'"));
	cmd_result_free(&r);
	run(&r, "/nonexistent/dir", NULL, NULL, NULL);
	ck_assert_int_eq(r.status, 2);
	cmd_result_free(&r);
	run(&r, NULL, NULL, NULL, NULL);
	ck_assert_int_eq(r.status, 2);
	cmd_result_free(&r);
	run(&r, "--seed", "x", dir, NULL);
	ck_assert_int_eq(r.status, 2);
	cmd_result_free(&r);
	run(&r, "--help", NULL, NULL, NULL);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "usage: ccwsim run"));
	cmd_result_free(&r);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("cli_run");
	TCase *tc = tcase_create("run");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_pass_alone_exits_0);
	tcase_add_test(tc, test_directory_failure_and_skip);
	tcase_add_test(tc, test_seed_override_in_rerun_line);
	tcase_add_test(tc, test_tap);
	tcase_add_test(tc, test_junit_and_traces);
	tcase_add_test(tc, test_parse_error_exits_2_with_file_line_col);
	tcase_add_test(tc, test_usage_errors_exit_2);
	suite_add_tcase(s, tc);
	return s;
}
