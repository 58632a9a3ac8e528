// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `ccwsim decode` end to end: the built binary, good and bad input.  Each
 * row gives the arguments, stdin, the exit status, and text that stdout or
 * stderr must contain.  Bad input must give one line on stderr and exit 2.
 */
#include <string.h>

#include "check_main.h"
#include "json_check.h"
#include "run_cmd.h"

struct row {
	const char *args[8];
	const char *input;
	int status;
	const char *out;	/* substring of stdout, or NULL */
	const char *err;	/* substring of stderr, or NULL */
};

static const struct row rows[] = {
	/* §1.5: a normal ending, pasted in three words */
	{ { "scsw", "00c04007", "00012348", "0c000000" }, NULL, 0,
	  "stctl   0x07 primary|secondary|pending", NULL },
	{ { "--brief", "scsw", "00c04007 00012348 0c000000" }, NULL, 0,
	  "fctl=start actl=- stctl=primary|secondary|pending cpa=0x00012348 dstat=CE|DE", NULL },
	/* separators and a 0x prefix are accepted as pasted */
	{ { "--brief", "scsw", "0x00c04007:00012348_0c00.0000" }, NULL, 0,
	  "dstat=CE|DE cstat=- count=0", NULL },
	/* stdin */
	{ { "--brief", "scsw", "-" }, "61c062c1\n7ffffff8 00400123\n", 0,
	  "fctl=start|halt actl=halt-pending|subchannel-active|device-active", NULL },
	/* reserved bit set is called out */
	{ { "scsw", "00008000 00000000 00000000" }, NULL, 0,
	  "0x1 (reserved, not zero)", NULL },
	/* §1.8: a channel-path CRW, with its codes in words */
	{ { "--brief", "crw", "04040040" }, NULL, 0,
	  "rsc=channel-path anc=0 res9=0 erc=installed-parameters-initialized rsid=0x0040", NULL },
	/* §1.7: an IRB; L=0 so the ESW is formats 1-3, 64 bytes so no EMW */
	{ { "--brief", "irb", "-" },
	  "# unit check with concurrent sense\n"
	  "00c24017 00012350 0e000000\n"
	  "00800000 01200000 00000000 00000000 00000000\n"
	  "80000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n",
	  0, "  erw: res0=0 log=0 eslp=0 auth=0 pvrf=0 cpt=0 fsavf=0 cons=1 scavf=0 fsaf=0 scnt=32", NULL },
	/* §1.3: command codes are shown with their class */
	{ { "--brief", "ccw1", "02600010 00002000" }, NULL, 0,
	  "cmd_code=0x02 read flags=cc|sli count=16 cda=0x00002000", NULL },
	/* §1.6: a SCHIB shows PMCW, SCSW and the measurement address */
	{ { "--brief", "schib", "12345678 18810190 80008080 0000ff80 40000000 00000000 00000000",
	    "00000000 00000000 00000000 00000000 00000000 00000000" }, NULL, 0,
	  "isc=3 res37=0 res38=0 ena=1 lm=none mme=- mp=0 tf=0 dnv=1 dev=0x0190", NULL },
	/* bad input: every case exits 2 with a reason */
	{ { "irb", "00c24017 00012350 0e000000" }, NULL, 2, NULL,
	  "irb is 64 or 96 bytes, got 12" },
	{ { "scsw", "00c0400" }, NULL, 2, NULL, "odd number of hex digits" },
	{ { "scsw", "00c04g07 00012348 0c000000" }, NULL, 2, NULL,
	  "'g' at column 6 is not a hex digit" },
	{ { "scsw", "00c04007", "0001234z" }, NULL, 2, NULL,
	  "hex argument 2: 'z' at column 8" },
	{ { "scsw", "00c04007" }, NULL, 2, NULL, "scsw is 12 bytes, got 4" },
	{ { "nosuchkind", "00" }, NULL, 2, NULL, "unknown kind 'nosuchkind'" },
	{ { "--frobnicate", "scsw", "00" }, NULL, 2, NULL,
	  "unknown option '--frobnicate'" },
	{ { "scsw" }, NULL, 2, NULL, "missing HEX" },
	{ { NULL }, NULL, 2, NULL, "missing KIND and HEX" },
	{ { "scsw", "-" }, "00c04007\nzz\n", 2, NULL, "stdin line 2" },
	{ { "--help" }, NULL, 0, "KIND and its length in bytes", NULL },
};

static void run_row(const struct row *r, struct cmd_result *res)
{
	const char *argv[12] = { CCWSIM_BIN, "decode" };
	int n = 2;

	for (int i = 0; i < 8 && r->args[i]; i++)
		argv[n++] = r->args[i];
	argv[n] = NULL;
	ck_assert_int_eq(run_cmd(argv, r->input, res), 0);
}

START_TEST(test_cli_decode_rows)
{
	const struct row *r = &rows[_i];
	struct cmd_result res;

	run_row(r, &res);
	ck_assert_msg(res.status == r->status,
		      "row %d: exit %d, want %d\nstdout: %s\nstderr: %s", _i,
		      res.status, r->status, res.out, res.err);
	if (r->out)
		ck_assert_msg(strstr(res.out, r->out), "row %d: stdout lacks '%s':\n%s",
			      _i, r->out, res.out);
	if (r->err)
		ck_assert_msg(strstr(res.err, r->err), "row %d: stderr lacks '%s':\n%s",
			      _i, r->err, res.err);
	if (r->status == 2 && r->err) {
		/* one line, nothing on stdout */
		ck_assert_msg(strchr(res.err, '\n') == res.err + res.nerr - 1,
			      "row %d: error is not one line: %s", _i, res.err);
		ck_assert_uint_eq(res.nout, 0);
	}
	cmd_result_free(&res);
}
END_TEST

START_TEST(test_cli_decode_json_parses_and_names_fields)
{
	const char *argv[] = { CCWSIM_BIN, "decode", "--json", "scsw",
			 "00c04007 00012348 0c000000", NULL };
	struct cmd_result res;

	ck_assert_int_eq(run_cmd(argv, NULL, &res), 0);
	ck_assert_int_eq(res.status, 0);
	ck_assert_uint_eq(json_check(res.out, res.nout), 0);
	ck_assert_ptr_nonnull(strstr(res.out,
		"{\"name\":\"stctl\",\"bit\":27,\"width\":5,\"value\":7,"
		"\"text\":\"primary|secondary|pending\",\"suspect\":false}"));
	ck_assert_ptr_nonnull(strstr(res.out, "\"hex\":\"00c04007000123480c000000\""));
	cmd_result_free(&res);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("cli_decode");
	TCase *tc = tcase_create("decode");

	tcase_add_loop_test(tc, test_cli_decode_rows, 0,
			    sizeof(rows) / sizeof(rows[0]));
	tcase_add_test(tc, test_cli_decode_json_parses_and_names_fields);
	suite_add_tcase(s, tc);
	return s;
}
