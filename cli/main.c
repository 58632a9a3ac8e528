// SPDX-License-Identifier: GPL-2.0-or-later
/* ccwsim: dispatch to a subcommand. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
} cmds[] = {
	{ "decode", cmd_decode, "decode KIND HEX...  name every field of an architected block" },
	{ "run", cmd_run, "run [options] PATH...  run scenario files and directories (--help)" },
	{ "demo", cmd_demo, "demo [--seed N]      run the randomized determinism workload" },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: ccwsim COMMAND [ARGS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(f, "  %s\n", cmds[i].help);
	fprintf(f, "\n'ccwsim COMMAND --help' describes a command.\n");
}

int cli_parse_u64(const char *s, uint64_t *out)
{
	char *end;

	if (!s || !*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	*out = strtoull(s, &end, 0);
	return errno || *end ? -1 : 0;
}

int cli_parse_vtime(const char *s, sim_vtime *out)
{
	static const struct { const char *unit; sim_vtime mult; } units[] = {
		{ "ns", 1 }, { "us", 1000 }, { "ms", 1000000 },
		{ "s", 1000000000 }, { "", 1 },
	};
	char *end;
	unsigned long long v;

	if (!s || !*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(end, units[i].unit) == 0) {
			if (v > SIM_VTIME_MAX / units[i].mult)
				return -1;
			*out = (sim_vtime)v * units[i].mult;
			return 0;
		}
	}
	return -1;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return CLI_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("ccwsim 0.1.0\n");
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(argv[1], cmds[i].name))
			return cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "ccwsim: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return CLI_USAGE;
}
