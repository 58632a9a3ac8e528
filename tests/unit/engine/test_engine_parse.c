// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The scenario parser: a well-formed file parses with no diagnostic, and
 * each kind of bad input gets its own clear error at the right line and
 * column, all of them at once, in file order (docs/scenario-language.md,
 * "Errors").
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ccwsim/scenario.h>

#include "check_main.h"

static struct scn_diags parse(const char *text, struct scn **out)
{
	struct scn_diags ds = { 0 };
	struct scn *s = scn_parse("t.scn", text, strlen(text), &ds);

	if (out)
		*out = s;
	else
		scn_free(s);
	return ds;
}

static const char good[] =
	"scenario \"a NOP\"\n"
	"cite \"facts §2.1\"\n"
	"seed 9\n"
	"chpid 40\n"
	"subchannel 0.0.0001 devno=0x1234 paths=40\n"
	"at 0x10000\n"
	"orb:  orb intparm=0xcafe cpa=prog   # comment\n"
	"prog: ccw1 NOP sli\n"
	"irb:  space 96\n"
	"enable 0.0.0001 isc=3\n"
	"ssch 0.0.0001 orb -> cc 0\n"
	"run until interrupt\n"
	"take io -> sid=0.0.0001 intparm=0xcafe isc=3\n"
	"tsch 0.0.0001 irb\n"
	"expect irb irb scsw.dstat=CE|DE scsw.cpa=prog+8\n"
	"expect trace\n"
	"    ssch: gr1=0x00010001 cc=0\n";

START_TEST(test_good_file_parses)
{
	struct scn *s;
	struct scn_diags ds = parse(good, &s);

	ck_assert_msg(ds.n == 0, "unexpected: %s", ds.n ? ds.d[0].msg : "");
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(scn_title(s), "a NOP");
	ck_assert_uint_eq(scn_seed(s), 9);
	scn_free(s);
	scn_diags_free(&ds);
}
END_TEST

/* One bad line after a valid prefix; the error's line, column, words. */
static const struct bad {
	const char *text;
	int line, col;
	const char *words;
} bad[] = {
	{ "frob 1\n", 1, 1, "unknown statement 'frob'" },
	{ "scenario title\n", 1, 1, "needs a \"title\"" },
	{ "seed x1\n", 1, 6, "no label 'x1'" },
	{ "storage 5000\n", 1, 9, "multiple of 4K" },
	{ "storage 16Q\n", 1, 9, "not a size" },
	{ "sets 5\n", 1, 6, "more than 4" },
	{ "facilities +warp\n", 1, 12, "'+warp'" },
	{ "compat vax\n", 1, 8, "not a profile" },
	{ "compat irq=sometimes\n", 1, 8, "not a value of irq" },
	{ "compat frobnicate=1\n", 1, 8, "no switch 'frobnicate'" },
	{ "timing start=5\n", 1, 8, "not a duration" },
	{ "chpid 4g\n", 1, 7, "not a CHPID" },
	{ "chpid 40 type=300\n", 1, 10, "more than 255" },
	{ "subchannel 0.0.0001 devno=0x12345\n", 1, 21, "more than 65535" },
	{ "subchannel 0.4.0001\n", 1, 12, "not a subchannel id" },
	{ "subchannel 1.0.0001\n", 1, 12, "not a subchannel id" },
	{ "subchannel 0.0.0001 paths=40,zz\n", 1, 21, "paths=" },
	{ "subchannel 0.0.0001 device=tape\n", 1, 21, "device=" },
	{ "subchannel 0.0.0001 device=fba\n", 1, 1, "needs file=" },
	{ "subchannel 0.0.0001 color=red\n", 1, 21, "takes no 'color='" },
	{ "answer 0.0.0001 FROB\n", 1, 17, "not a command code" },
	{ "answer 0.0.0001 READ data=\"f\"\n", 1, 22, "odd number of hex digits" },
	{ "answer 0.0.0001 READ data=\"fg\"\n", 1, 29, "'g' is not a hex digit" },
	{ "answer 0.0.0001 READ status=CE|XX\n", 1, 22, "not device status" },
	{ "file ../x size=1M\n", 1, 6, "plain file name" },
	{ "at 0x10000\nccw1 READ count=70000\n", 2, 11, "more than 65535" },
	{ "at 0x10000\nccw1 READ zz\n", 2, 11, "not a CCW flag" },
	{ "at 0x10000\norb cpa=nowhere\n", 2, 9, "no label 'nowhere'" },
	{ "at 0x10000\norb q\n", 2, 5, "not an ORB flag" },
	{ "at 0x10000\nx: bytes \"00\"\nx: bytes \"01\"\n", 3, 1, "defined twice" },
	{ "bytes \"00\"\n", 1, 1, "before any 'at ADDRESS'" },
	{ "at 0x10004\nccw1 NOP\n", 2, 1, "8-byte boundary" },
	{ "at 0x10000\nalign 3\n", 2, 1, "power of two" },
	{ "at 0x10000\nschib isc=9\n", 2, 7, "more than 7" },
	{ "at 0x10000\nschib pmcw.warp=1\n", 2, 7, "no field 'pmcw.warp'" },
	{ "at 0x2000000\n", 1, 4, "past the end of storage" },
	{ "at 0xfff000\nfill 0 8K\n", 2, 1, "past the end of storage" },
	{ "ssch 0.0.0001\n", 1, 1, "needs an operand address" },
	{ "ssch 0.0.0001 0x1000 -> cc 4\n", 1, 28, "more than 3" },
	{ "ssch 0.0.0001 0x1000 -> program oops\n", 1, 33, "not a program exception" },
	{ "ssch 0.0.0001 0x1000 -> maybe\n", 1, 22, "'cc N' or 'program NAME'" },
	{ "hsch 0.0.0001 -> cc 0 -> cc 1\n", 1, 23, "a second '->'" },
	{ "run until interrupt within=soon\n", 1, 21, "not a duration" },
	{ "run for 5us parsecs\n", 1, 13, "unexpected 'parsecs'" },
	{ "take disk\n", 1, 6, "take io or take mcck" },
	{ "take io -> sid=0.0.0001 color=1\n", 1, 25, "sid=, intparm=, isc= or none" },
	{ "mask io=maybe\n", 1, 6, "on or off" },
	{ "psw prefix=0x1001\n", 1, 5, "4K-aligned" },
	{ "vary 40 sideways\n", 1, 9, "on or off" },
	{ "expect irb 0x1000 scsw.nosuch=1\n", 1, 19, "no field 'scsw.nosuch'" },
	{ "expect irb 0x1000 scsw.fctl=start|stop\n", 1, 35, "'stop' is not a flag of fctl" },
	{ "expect crw 0x1000 rsc=whatever\n", 1, 19, "not a value of rsc" },
	{ "expect bogus 0x1000\n", 1, 8, "expect what?" },
	{ "expect storage 0x1000\n", 1, 1, "say what to expect" },
	{ "expect storage 0x1000 fill=1\n", 1, 1, "needs len=N" },
	{ "expect pending\n", 1, 1, "io=N or crw=N" },
	{ "expect device 0.0.0001 frobs=1\n", 1, 24, "no counter 'frobs'" },
	{ "expect trace\n", 1, 1, "indented lines below it" },
	{ "expect time min=3us max=soon\n", 1, 21, "not a duration" },
	{ "fault\n", 1, 1, "reserved" },
	{ "concurrent\n", 1, 1, "needs a driver statement" },
	{ "driver\nvfio frob\n", 2, 6, "vfio frob?" },
	{ "driver kernel=3.1\n", 1, 8, "from 4.12 on" },
	{ "driver bugs=nosuch\n", 1, 8, "no bug or quirk" },
	{ "driver\nmdev 0.0.0001\nrun\nexpect vfio counts pins=x\n", 4, 25, "no label" },
	{ "driver\nssch 0.0.0001 0x1000\n", 2, 1, "host CPU is the driver model" },
	{ "sets 2\nfacilities none\n", 1, 6, "need the MSS facility" },
	{ "crw_queue 0\n", 1, 11, "at least one" },
	{ "chpid 40 type=\n", 1, 10, "'type=' without a value" },
	{ "expect irb 0x1000 scsw.count&=1\n", 1, 19, "'&=' is for flag fields" },
	{ "expect storage 0x1000 file=../x len=4\n", 1, 23, "without a directory" },
	{ "at 0x10000\nx: \n", 2, 1, "needs something to label" },
	{ "run\nx: run\n", 2, 1, "a label goes on a storage statement" },
	{ "scenario \"open\n", 1, 10, "unterminated string" },
	{ "scenario \"a\x01\"\n", 1, 12, "control character" },
	{ "run\nchpid 40\n", 2, 1, "put it before the first step (line 1)" },
};

START_TEST(test_bad_input_has_a_clear_error)
{
	const struct bad *b = &bad[_i];
	struct scn *s;
	struct scn_diags ds = parse(b->text, &s);

	ck_assert_msg(s == NULL, "case %d parsed: %s", _i, b->text);
	ck_assert_msg(ds.n >= 1, "case %d: no diagnostic", _i);
	ck_assert_str_eq(ds.d[0].file, "t.scn");
	ck_assert_msg(ds.d[0].line == b->line && ds.d[0].col == b->col,
		      "case %d (%s): at %d:%d, want %d:%d: %s", _i, b->text,
		      ds.d[0].line, ds.d[0].col, b->line, b->col, ds.d[0].msg);
	ck_assert_msg(strstr(ds.d[0].msg, b->words),
		      "case %d: '%s' lacks '%s'", _i, ds.d[0].msg, b->words);
	scn_diags_free(&ds);
}
END_TEST

START_TEST(test_every_error_at_once_in_file_order)
{
	static const char text[] =
		"chpid zz\n"			/* 1 */
		"at 0x10000\n"
		"orb cpa=nowhere q\n"		/* 3: two errors */
		"ssch 0.0.0001 0x10000\n"
		"\"unterminated\n"		/* 5: lexer error */
		"chpid 41\n";			/* 6: after a step */
	struct scn_diags ds = parse(text, NULL);
	static const int lines[] = { 1, 3, 3, 5, 6 };

	ck_assert_uint_eq(ds.n, 5);
	for (unsigned i = 0; i < ds.n; i++)
		ck_assert_int_eq(ds.d[i].line, lines[i]);
	ck_assert_int_lt(ds.d[1].col, ds.d[2].col);
	scn_diags_free(&ds);
}
END_TEST

START_TEST(test_labels_resolve_forward_and_align_like_hlasm)
{
	/* prog is used above its definition; the ORB (12 bytes at 0x10000)
	 * is followed by a CCW that goes on the next doubleword, 0x10010. */
	static const char text[] =
		"at 0x10000\n"
		"orb: orb cpa=prog\n"
		"prog: ccw1 NOP\n"
		"after: bytes \"01\"\n"
		"tail: ccw1 NOP\n"
		"expect storage orb+8 \"00010010\"\n";
	struct scn *s;
	struct scn_diags ds = parse(text, &s);
	struct scn_result r;

	ck_assert_uint_eq(ds.n, 0);
	scn_run(s, NULL, &r);
	ck_assert_msg(r.outcome == SCN_PASS, "%s",
		      r.failures.n ? r.failures.d[0].msg : "");
	scn_result_free(&r);
	scn_free(s);
	/* "after" is one byte at 0x10008, so "tail" pads to 0x10010, and
	 * the check that assumes no padding fails, saying so. */
	ds = parse("at 0x10000\nprog: ccw1 NOP\nafter: bytes \"01\"\n"
		   "tail: ccw1 NOP\norb: orb cpa=tail\n"
		   "expect storage orb+8 \"00010009\"\n", &s);
	ck_assert_uint_eq(ds.n, 0);
	scn_run(s, NULL, &r);
	ck_assert_int_eq(r.outcome, SCN_FAIL);
	ck_assert_ptr_nonnull(strstr(r.failures.d[0].msg, "expected 09"));
	ck_assert_ptr_nonnull(strstr(r.failures.d[0].msg, "got      10"));
	scn_result_free(&r);
	scn_free(s);
}
END_TEST

START_TEST(test_expressions_multiply_before_adding)
{
	struct scn *s;
	struct scn_diags ds = parse("at 0x10000+0x10*3\nx: bytes \"aa\"\n"
				    "expect storage 0x10030 \"aa\"\n"
				    "expect storage x-2*0x18 \"00\"\n", &s);
	struct scn_result r;

	ck_assert_uint_eq(ds.n, 0);
	scn_run(s, NULL, &r);
	ck_assert_msg(r.outcome == SCN_PASS, "%s",
		      r.failures.n ? r.failures.d[0].msg : "");
	scn_result_free(&r);
	scn_free(s);
	/* A bad "at" is one error, not one per pass. */
	ds = parse("at 0x10000+zz\n", NULL);
	ck_assert_uint_eq(ds.n, 1);
	ck_assert_int_eq(ds.d[0].col, 12);
	scn_diags_free(&ds);
}
END_TEST

START_TEST(test_unreadable_and_huge_files)
{
	struct scn_diags ds = { 0 };
	char path[] = "/tmp/ccwsim-huge-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	static char line[1024];

	ck_assert_ptr_null(scn_parse_file("/nonexistent/x.scn", &ds));
	ck_assert_uint_eq(ds.n, 1);
	ck_assert_ptr_nonnull(strstr(ds.d[0].msg, "cannot read"));
	scn_diags_free(&ds);
	memset(line, '#', sizeof(line) - 1);
	line[sizeof(line) - 2] = '\n';
	for (int i = 0; i < 5 * 1024; i++)
		fputs(line, f);
	fclose(f);
	ck_assert_ptr_null(scn_parse_file(path, &ds));
	ck_assert_uint_eq(ds.n, 1);
	ck_assert_ptr_nonnull(strstr(ds.d[0].msg, "more than 4 MiB"));
	scn_diags_free(&ds);
	unlink(path);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("engine_parse");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, test_good_file_parses);
	tcase_add_loop_test(tc, test_bad_input_has_a_clear_error, 0,
			    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, test_every_error_at_once_in_file_order);
	tcase_add_test(tc, test_labels_resolve_forward_and_align_like_hlasm);
	tcase_add_test(tc, test_expressions_multiply_before_adding);
	tcase_add_test(tc, test_unreadable_and_huge_files);
	suite_add_tcase(s, tc);
	return s;
}
