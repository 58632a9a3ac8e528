// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `ccwsim demo` end to end: one seed, one trace (the files too); another
 * seed, another trace; bad options exit 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "json_check.h"
#include "run_cmd.h"

static void demo(const char *seed, const char *text, const char *json,
		 struct cmd_result *res)
{
	const char *argv[] = { CCWSIM_BIN, "demo", "--seed", seed,
			 "--until", "100us", "--trace", text,
			 "--trace-json", json, NULL };

	ck_assert_int_eq(run_cmd(argv, NULL, res), 0);
	ck_assert_msg(res->status == 0, "demo failed: %s", res->err);
}

START_TEST(test_demo_same_seed_same_trace_files)
{
	char t1[] = "/tmp/ccwsim-demo-XXXXXX", t2[] = "/tmp/ccwsim-demo-XXXXXX";
	char j1[] = "/tmp/ccwsim-demo-XXXXXX", j2[] = "/tmp/ccwsim-demo-XXXXXX";
	struct cmd_result a, b, c;
	size_t na, nb, nj;
	char *fa, *fb, *ja;

	close(mkstemp(t1));
	close(mkstemp(t2));
	close(mkstemp(j1));
	close(mkstemp(j2));
	demo("0x2a", t1, j1, &a);
	demo("42", t2, j2, &b);
	ck_assert_str_eq(a.out, b.out);
	fa = slurp(t1, &na);
	fb = slurp(t2, &nb);
	ck_assert_uint_gt(na, 1000);
	ck_assert_uint_eq(na, nb);
	ck_assert_int_eq(memcmp(fa, fb, na), 0);
	ja = slurp(j1, &nj);
	ck_assert_uint_eq(json_check(ja, nj), 0);

	demo("43", t2, j2, &c);
	ck_assert_str_ne(a.out, c.out);
	free(fa);
	free(fb);
	free(ja);
	cmd_result_free(&a);
	cmd_result_free(&b);
	cmd_result_free(&c);
	unlink(t1);
	unlink(t2);
	unlink(j1);
	unlink(j2);
}
END_TEST

START_TEST(test_demo_bad_options_exit_2)
{
	static const char *bad[][3] = {
		{ "--seed", "banana", NULL }, { "--until", "5parsecs", NULL },
		{ "--entities", "0", NULL }, { "--seed", NULL, NULL },
		{ "--trace", "/nonexistent-dir/x", NULL }, { "--bogus", "1", NULL },
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *argv[6] = { CCWSIM_BIN, "demo" };
		struct cmd_result r;

		argv[2] = bad[i][0];
		argv[3] = bad[i][1];
		argv[4] = NULL;
		ck_assert_int_eq(run_cmd(argv, NULL, &r), 0);
		ck_assert_msg(r.status == 2, "case %zu: exit %d", i, r.status);
		ck_assert_uint_gt(r.nerr, 0);
		cmd_result_free(&r);
	}
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("cli_demo");
	TCase *tc = tcase_create("demo");

	tcase_add_test(tc, test_demo_same_seed_same_trace_files);
	tcase_add_test(tc, test_demo_bad_options_exit_2);
	suite_add_tcase(s, tc);
	return s;
}
