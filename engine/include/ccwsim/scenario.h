/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Scenarios: one behaviour per file, in the language of
 * docs/scenario-language.md.  A scenario names the rule it pins, builds a
 * machine, lays out storage, performs steps and states expectations.
 *
 * This library is what `ccwsim run` and the tests use: parse a file (all
 * errors at once, as file:line:col), run it with a seed, and get a result
 * with every failed expectation.
 */
#ifndef CCWSIM_SCENARIO_H
#define CCWSIM_SCENARIO_H

#include <stdint.h>
#include <stdio.h>

struct scn;

/* A diagnostic: "file:line:col: message". */
struct scn_diag {
	char *file;
	int line, col;
	char *msg;
};

struct scn_diags {
	struct scn_diag *d;
	unsigned n, cap;
};

void scn_diags_free(struct scn_diags *ds);
/* Print every diagnostic, one "file:line:col: message" line each. */
void scn_diags_print(const struct scn_diags *ds, FILE *f);

/*
 * Parse @text (named @file in messages).  Returns the scenario, or NULL
 * when there were errors (all of them in @ds).
 */
struct scn *scn_parse(const char *file, const char *text, size_t len,
		      struct scn_diags *ds);
/* Read and parse a file; an unreadable file is one diagnostic. */
struct scn *scn_parse_file(const char *path, struct scn_diags *ds);
void scn_free(struct scn *s);

const char *scn_title(const struct scn *s);
uint64_t scn_seed(const struct scn *s);

enum scn_outcome { SCN_PASS, SCN_FAIL, SCN_SKIP, SCN_ERROR };

struct scn_result {
	enum scn_outcome outcome;
	uint64_t seed;			/* the seed it ran with */
	unsigned expectations;		/* checked */
	struct scn_diags failures;	/* one per failed expectation */
	char *skip_reason;
	uint64_t vtime;			/* virtual time at the end, ns */
};

struct scn_run_opts {
	int have_seed;
	uint64_t seed;			/* overrides the file's seed */
	FILE *trace;			/* text trace, or NULL */
	FILE *trace_json;		/* Chrome trace events, or NULL */
	int json_pid;			/* process id of this run in that file */
	const char *tmpdir;		/* for device files; NULL: /tmp */
};

/* Run @s; fills @r (free it with scn_result_free). */
void scn_run(struct scn *s, const struct scn_run_opts *o,
	     struct scn_result *r);
void scn_result_free(struct scn_result *r);

#endif /* CCWSIM_SCENARIO_H */
