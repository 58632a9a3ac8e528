/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef CCWSIM_TESTS_RUN_CMD_H
#define CCWSIM_TESTS_RUN_CMD_H

#include <stddef.h>

struct cmd_result {
	int status;		/* exit status, or 128 + signal */
	char *out;		/* captured stdout, NUL-terminated */
	char *err;		/* captured stderr, NUL-terminated */
	size_t nout, nerr;
};

/*
 * Run @argv (argv[0] is a path) with @input on stdin (may be NULL) and
 * capture both outputs.  Returns 0, or -1 if the program could not be run.
 */
int run_cmd(const char *const argv[], const char *input, struct cmd_result *r);
void cmd_result_free(struct cmd_result *r);

/*
 * A whole file, NUL-terminated, its length in *n; the test fails if it
 * cannot be read.  Free it.
 */
char *slurp(const char *path, size_t *n);

/* The built ccwsim binary. */
#define CCWSIM_BIN CCWSIM_BINARY_DIR "/cli/ccwsim"

#endif
