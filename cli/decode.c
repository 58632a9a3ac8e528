// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ccwsim decode KIND HEX...: print every field of an architected block by
 * name, with its value and meaning, as text or JSON.
 *
 * HEX may be split over several arguments and may contain spaces, ':',
 * '_' and '.' between digits, and a 0x prefix per argument, so SCSWs
 * pasted from dumps and traces work as they are.  "-" reads stdin, where
 * '#' starts a comment.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <ccwsim/arch/decode.h>

#include "cli.h"

#define MAX_BYTES 256

struct input {
	uint8_t b[MAX_BYTES];
	size_t n;
	unsigned pending;	/* high nibble waiting for its low one */
	int half;
};

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Feed one argument's text; on error print why and return -1. */
static int feed(struct input *in, const char *s, const char *what)
{
	const char *p = s;

	while (isspace((unsigned char)*p))
		p++;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	for (; *p; p++) {
		int v = hexval((unsigned char)*p);

		if (v < 0) {
			if (isspace((unsigned char)*p) || *p == ':' ||
			    *p == '_' || *p == '.')
				continue;
			fprintf(stderr,
				"ccwsim decode: %s: '%c' at column %zu is not a hex digit\n",
				what, isprint((unsigned char)*p) ? *p : '?',
				(size_t)(p - s) + 1);
			return -1;
		}
		if (!in->half) {
			in->pending = (unsigned)v;
			in->half = 1;
			continue;
		}
		if (in->n == MAX_BYTES) {
			fprintf(stderr,
				"ccwsim decode: more than %d bytes of input\n",
				MAX_BYTES);
			return -1;
		}
		in->b[in->n++] = (uint8_t)(in->pending << 4 | (unsigned)v);
		in->half = 0;
	}
	return 0;
}

static int read_stdin(struct input *in)
{
	char line[1024];
	unsigned no = 0;

	while (fgets(line, sizeof(line), stdin)) {
		char what[32], *hash = strchr(line, '#');

		if (hash)		/* comments, as in scripts/samples */
			*hash = 0;
		snprintf(what, sizeof(what), "stdin line %u", ++no);
		if (feed(in, line, what))
			return -1;
	}
	return 0;
}

static void json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

static void print_hex(const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%s%02x", i && i % 4 == 0 ? " " : "", b[i]);
}

static void show_text(const char *kind, const struct input *in,
		      const struct ccwa_part *parts, int nparts, int brief)
{
	char val[256], shown[256 + 24];

	printf("%s: ", kind);
	print_hex(in->b, in->n);
	putchar('\n');
	for (int i = 0; i < nparts; i++) {
		const struct ccwa_part *p = &parts[i];
		const uint8_t *blk = in->b + p->offset;

		int w = 7;

		for (unsigned j = 0; j < p->blk->nfields; j++)
			if ((int)strlen(p->blk->fields[j].name) > w)
				w = (int)strlen(p->blk->fields[j].name);
		if (brief)
			printf("  %s:", p->blk->name);
		else
			printf("  %s at +%zu: %s (facts %s)\n", p->blk->name,
			       p->offset, p->blk->title, p->blk->facts);
		for (unsigned j = 0; j < p->blk->nfields; j++) {
			const struct ccwa_field *f = &p->blk->fields[j];
			uint64_t v;

			if ((size_t)f->bit + f->width > p->len * 8)
				continue;
			v = ccwa_field_value(f, blk);
			ccwa_field_text(f, v, val, sizeof(val));
			if (brief) {
				printf(" %s=%s", f->name, val);
				continue;
			}
			/* Flags and codes: the raw value, then its words. */
			if (f->kind == CCWA_FK_FLAGS || f->kind == CCWA_FK_ENUM)
				snprintf(shown, sizeof(shown), "0x%0*llx %s",
					 (f->width + 3) / 4,
					 (unsigned long long)v, val);
			else
				snprintf(shown, sizeof(shown), "%s", val);
			printf("    %-*s %-30s %s\n", w, f->name, shown, f->desc);
		}
		if (brief)
			putchar('\n');
	}
}

static void show_json(const char *kind, const struct input *in,
		      const struct ccwa_part *parts, int nparts)
{
	char val[256];

	printf("{\"kind\":");
	json_str(kind);
	printf(",\"size\":%zu,\"hex\":\"", in->n);
	for (size_t i = 0; i < in->n; i++)
		printf("%02x", in->b[i]);
	printf("\",\"parts\":[");
	for (int i = 0; i < nparts; i++) {
		const struct ccwa_part *p = &parts[i];
		int first = 1;

		printf("%s{\"block\":", i ? "," : "");
		json_str(p->blk->name);
		printf(",\"offset\":%zu,\"fields\":[", p->offset);
		for (unsigned j = 0; j < p->blk->nfields; j++) {
			const struct ccwa_field *f = &p->blk->fields[j];
			uint64_t v;

			if ((size_t)f->bit + f->width > p->len * 8)
				continue;
			v = ccwa_field_value(f, in->b + p->offset);
			printf("%s{\"name\":", first ? "" : ",");
			json_str(f->name);
			printf(",\"bit\":%u,\"width\":%u,\"value\":%llu,\"text\":",
			       f->bit, f->width, (unsigned long long)v);
			json_str(ccwa_field_text(f, v, val, sizeof(val)));
			printf(",\"suspect\":%s}",
			       ccwa_field_suspect(f, v) ? "true" : "false");
			first = 0;
		}
		printf("]}");
	}
	printf("]}\n");
}

static void usage(FILE *f)
{
	const char *const *k = ccwa_kinds();

	fprintf(f, "usage: ccwsim decode [--json|--brief] KIND HEX...\n"
		   "       ccwsim decode [--json|--brief] KIND -   (hex on stdin)\n\n"
		   "KIND and its length in bytes:\n");
	for (; *k; k++)
		fprintf(f, "  %-8s %s\n", *k, ccwa_kind_sizes(*k));
}

int cmd_decode(int argc, char **argv)
{
	struct ccwa_part parts[CCWA_MAX_PARTS];
	struct input in = { .n = 0 };
	int json = 0, brief = 0, i = 1, nparts;
	const char *kind;
	char err[128];

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--json")) {
			json = 1;
		} else if (!strcmp(argv[i], "--brief")) {
			brief = 1;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return CLI_OK;
		} else {
			fprintf(stderr, "ccwsim decode: unknown option '%s'\n",
				argv[i]);
			return CLI_USAGE;
		}
	}
	if (argc - i < 2) {
		fprintf(stderr, "ccwsim decode: missing %s (see 'ccwsim decode --help')\n",
			argc - i ? "HEX" : "KIND and HEX");
		return CLI_USAGE;
	}
	kind = argv[i++];
	if (!ccwa_kind_sizes(kind)) {
		fprintf(stderr, "ccwsim decode: unknown kind '%s' (try --help)\n",
			kind);
		return CLI_USAGE;
	}
	for (int a = 1; i < argc; i++, a++) {
		char what[32];

		if (!strcmp(argv[i], "-")) {
			if (read_stdin(&in))
				return CLI_USAGE;
			continue;
		}
		snprintf(what, sizeof(what), "hex argument %d", a);
		if (feed(&in, argv[i], what))
			return CLI_USAGE;
	}
	if (in.half) {
		fprintf(stderr,
			"ccwsim decode: odd number of hex digits (%zu and a half bytes)\n",
			in.n);
		return CLI_USAGE;
	}
	nparts = ccwa_layout(kind, in.b, in.n, parts, err, sizeof(err));
	if (nparts < 0) {
		fprintf(stderr, "ccwsim decode: %s\n", err);
		return CLI_USAGE;
	}
	if (json)
		show_json(kind, &in, parts, nparts);
	else
		show_text(kind, &in, parts, nparts, brief);
	return CLI_OK;
}
