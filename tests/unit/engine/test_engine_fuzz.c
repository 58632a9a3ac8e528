// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Robustness: truncated and mutated scenario files (made from the suite's
 * own files, with a seeded generator) must give clean errors — a scenario
 * or at least one well-formed "file:line:col: message" — and never a
 * crash, a hang or a leak (the sanitizer build runs this too).  Mutants
 * that still parse are run, and must end with a well-formed result.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ccwsim/scenario.h>

#include "check_main.h"
#include "run_cmd.h"

#define MAX_FILES 48		/* of the suite, spread evenly */
#define MUTANTS 48		/* per file */
#define MAX_RUNS 400		/* mutants that parse and are run */

struct corpus {
	char *path[4096];
	unsigned n;
};

static void collect(struct corpus *c, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) && c->n < 4096) {
		char path[1024];
		struct stat st;
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode))
			collect(c, path);
		else if (len > 4 && !strcmp(e->d_name + len - 4, ".scn"))
			c->path[c->n++] = strdup(path);
	}
	closedir(d);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint64_t rng = 0x5eed5eed5eedull;

static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (unsigned)(rng % n) : 0;
}

static const char *const tokens[] = {
	"->", " at ", "0x", "ccw1 ", "expect ", "\"", "x:", "99999999999999999999",
	"-1", "+", "0.0.0001", "fill 0 ", "run ", "=", "#", "\t", "\n", "    ",
	"cc 3", "program ", "|", "..", "0.3.ffff", "answer 0.0.0001 READ ",
	"expect trace\n  ", "prog+", "1s", "\xff\xfe", "tic", "\r\n", "::", "\\",
};

/* One mutation of @src (length @n) into a fresh buffer, length in *out. */
static char *mutate(const char *src, size_t n, size_t *out)
{
	char *b = malloc(n + 64);
	size_t m = n, at = pick((unsigned)n + 1);

	memcpy(b, src, n);
	switch (pick(5)) {
	case 0: {	/* replace one byte */
		static const char set[] = "\"=->#: \t\n0x9zZ.|+\\\001\377";

		if (m)
			b[at % m] = set[pick(sizeof(set) - 1)];
		break;
	}
	case 1: {	/* delete a span */
		size_t len = 1 + pick(24);

		if (at + len > m)
			len = m - at;
		memmove(b + at, b + at + len, m - at - len);
		m -= len;
		break;
	}
	case 2: {	/* insert a token */
		const char *t = tokens[pick(sizeof(tokens) / sizeof(tokens[0]))];
		size_t len = strlen(t);

		memmove(b + at + len, b + at, m - at);
		memcpy(b + at, t, len);
		m += len;
		break;
	}
	case 3:		/* truncate */
		m = at;
		break;
	default: {	/* swap two bytes far apart */
		size_t o = pick((unsigned)m + 1);

		if (m && at < m && o < m) {
			char t = b[at];

			b[at] = b[o];
			b[o] = t;
		}
		break;
	}
	}
	*out = m;
	return b;
}

static unsigned runs;

static void check_one(const char *name, const char *text, size_t len)
{
	struct scn_diags ds = { 0 };
	struct scn *s = scn_parse(name, text, len, &ds);
	int lines = 1;

	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	if (s) {
		ck_assert_msg(ds.n == 0, "%s: a scenario and %u errors", name, ds.n);
		if (runs < MAX_RUNS) {
			struct scn_result r;
			struct scn_run_opts o = { .tmpdir = "/tmp" };

			runs++;
			scn_run(s, &o, &r);
			ck_assert_msg(r.outcome >= SCN_PASS && r.outcome <= SCN_ERROR,
				      "%s: outcome %d", name, r.outcome);
			ck_assert_msg(r.outcome != SCN_FAIL || r.failures.n > 0,
				      "%s: failed without a reason", name);
			scn_result_free(&r);
		}
		scn_free(s);
		return;
	}
	ck_assert_msg(ds.n > 0, "%s: no scenario and no error", name);
	for (unsigned i = 0; i < ds.n; i++) {
		const struct scn_diag *d = &ds.d[i];

		ck_assert_str_eq(d->file, name);
		ck_assert_msg(d->line >= 1 && d->line <= lines,
			      "%s: line %d of %d: %s", name, d->line, lines, d->msg);
		ck_assert_msg(d->col >= 0, "%s: column %d", name, d->col);
		ck_assert_msg(d->msg && d->msg[0], "%s: empty message", name);
		if (i)
			ck_assert_msg(d->line >= ds.d[i - 1].line,
				      "%s: errors out of order", name);
	}
	scn_diags_free(&ds);
}

START_TEST(test_truncated_and_mutated_files_give_clean_errors)
{
	struct corpus c = { .n = 0 };
	unsigned step, files = 0, parsed = 0, cuts = 0;

	collect(&c, CCWSIM_SOURCE_DIR "/scenarios");
	collect(&c, CCWSIM_SOURCE_DIR "/tests/golden");
	ck_assert_uint_gt(c.n, 0);
	qsort(c.path, c.n, sizeof(c.path[0]), by_name);
	step = c.n > MAX_FILES ? c.n / MAX_FILES : 1;
	for (unsigned f = 0; f < c.n; f += step, files++) {
		size_t n;
		char *text = slurp(c.path[f], &n);

		/* The file itself, then every line boundary cut, then mutants. */
		check_one(c.path[f], text, n);
		for (size_t i = 0; i < n; i++)
			if (text[i] == '\n') {
				check_one(c.path[f], text, i);
				check_one(c.path[f], text, i + 1);
				cuts += 2;
			}
		for (unsigned k = 0; k < MUTANTS; k++) {
			size_t m;
			char *mut = mutate(text, n, &m);
			struct scn_diags ds = { 0 };
			struct scn *s = scn_parse("m.scn", mut, m, &ds);

			parsed += s != NULL;
			scn_free(s);
			scn_diags_free(&ds);
			check_one(c.path[f], mut, m);
			free(mut);
		}
		free(text);
	}
	fprintf(stderr, "fuzz: %u files, %u cuts, %u mutants (%u parse), %u runs\n",
		files, cuts, files * MUTANTS, parsed, runs);
	/* The mutants must have exercised both the errors and the runs. */
	ck_assert_uint_gt(parsed, 0);
	ck_assert_uint_lt(parsed, files * MUTANTS);
	ck_assert_uint_gt(runs, 0);
	for (unsigned f = 0; f < c.n; f++)
		free(c.path[f]);
}
END_TEST

START_TEST(test_hostile_texts)
{
	static const char *const texts[] = {
		"", "\n\n\n", "#", "\"", "->", "-> cc 0", "x:", ":", "=", "==",
		"at", "at at", "at 0x", "at -", "at 99999999999999999999999",
		"at 0x10000\nx: ccw1 TIC to=x\nssch 0.0.0001 x",
		"expect trace\n\texpect trace\n\t\t",
		"storage 0", "storage 4P\nat 0\nfill 1 16M\nrun",
		"run until 18446744073709551615ns",
		"run for 18446744073709551615ns\nrun for 1ns",
		"at 0\nbytes \"\"", "at 0\nfill 0 0", "answer", "answer 0.0.0001",
		"subchannel 0.0.ffff\nsubchannel 0.0.ffff",
		"subchannel 0.0.0001 paths=40", "vary 40 on", "tsch 0.0.0001 0",
		"at 0\nx: space 1\nx: space 1", "at x\nx: space 1",
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		check_one("h.scn", texts[i], strlen(texts[i]));
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("engine_fuzz");
	TCase *tc = tcase_create("fuzz");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_truncated_and_mutated_files_give_clean_errors);
	tcase_add_test(tc, test_hostile_texts);
	suite_add_tcase(s, tc);
	return s;
}
