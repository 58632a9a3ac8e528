/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The ccwsim command line: one file per subcommand. */
#ifndef CCWSIM_CLI_H
#define CCWSIM_CLI_H

#include <stdint.h>

#include <ccwsim/sim/evq.h>

/* Exit statuses shared by every subcommand. */
#define CLI_OK 0
#define CLI_FAIL 1		/* ran, and something failed */
#define CLI_USAGE 2		/* bad usage or bad input */

int cmd_decode(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_run(int argc, char **argv);

/* Parse a whole unsigned number (decimal, or hex with 0x); 0 on success. */
int cli_parse_u64(const char *s, uint64_t *out);

/* Parse a duration such as 250ns, 10us, 3ms, 1s (bare number: ns). */
int cli_parse_vtime(const char *s, sim_vtime *out);

#endif
