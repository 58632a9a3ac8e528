// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Parsing a scenario: lines into statements (lex.c), statements onto
 * verbs, the order rules (header and machine before the first step), the
 * storage layout that gives labels their addresses, and a dry run of
 * every verb that reports every error in the file at once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scn_int.h"

void scn_diag_add(struct scn_diags *ds, const char *file, int line, int col,
		  const char *fmt, ...)
{
	struct scn_diag *d;
	char msg[512];
	va_list ap;

	if (!ds)
		return;
	if (ds->n == ds->cap) {
		unsigned cap = ds->cap ? 2 * ds->cap : 8;

		d = realloc(ds->d, cap * sizeof(*d));
		if (!d)
			return;
		ds->d = d;
		ds->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	d = &ds->d[ds->n++];
	d->file = strdup(file ? file : "");
	d->line = line;
	d->col = col;
	d->msg = strdup(msg);
}

void scn_diags_free(struct scn_diags *ds)
{
	for (unsigned i = 0; i < ds->n; i++) {
		free(ds->d[i].file);
		free(ds->d[i].msg);
	}
	free(ds->d);
	memset(ds, 0, sizeof(*ds));
}

void scn_diags_print(const struct scn_diags *ds, FILE *f)
{
	for (unsigned i = 0; i < ds->n; i++)
		fprintf(f, "%s:%d:%d: %s\n", ds->d[i].file, ds->d[i].line,
			ds->d[i].col ? ds->d[i].col : 1, ds->d[i].msg);
}

void cx_error(struct ctx *c, int line, int col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	scn_diag_add(c->ds, c->s->file, line, col, "%s", msg);
	c->errors++;
}

void scn_free(struct scn *s)
{
	if (!s)
		return;
	for (unsigned i = 0; i < s->nst; i++)
		scn_stmt_free(&s->st[i]);
	free(s->st);
	for (unsigned i = 0; i < s->nlabels; i++)
		free(s->labels[i].name);
	free(s->labels);
	free(s->file);
	free(s->title);
	free(s->skip_reason);
	free(s);
}

const char *scn_title(const struct scn *s)
{
	return s->title ? s->title : "";
}

uint64_t scn_seed(const struct scn *s)
{
	return s->seed;
}

static int add_label(struct ctx *c, struct scn_stmt *st, uint64_t addr)
{
	struct scn *s = c->s;
	struct label *l;
	int found;

	label_addr(s, st->label, &found);
	if (found) {
		cx_error(c, st->line, st->label_col, "label '%s' defined twice",
			 st->label);
		return -1;
	}
	l = realloc(s->labels, (s->nlabels + 1) * sizeof(*l));
	if (!l)
		return -1;
	s->labels = l;
	l[s->nlabels].name = strdup(st->label);
	l[s->nlabels].addr = addr;
	l[s->nlabels++].line = st->line;
	return 0;
}

/*
 * The layout pass: each storage statement gets its address from the
 * location counter ("at" sets it), in the order of the file.  Labels on
 * storage statements name those addresses; a label on another statement
 * is an error.
 */
static int layout(struct ctx *c)
{
	uint64_t loc = 0;
	int have_loc = 0, just_at = 0;

	for (unsigned i = 0; i < c->s->nst; i++) {
		struct scn_stmt *st = &c->s->st[i];
		uint64_t size = 0, align;

		if (!st->verb)
			continue;
		if (st->verb->phase != PH_STORAGE) {
			if (st->label)
				cx_error(c, st->line, st->label_col,
					 "a label goes on a storage statement, not on '%s'",
					 st->args[0].val);
			continue;
		}
		if (!strcmp(st->verb->name, "at")) {
			struct scn_arg *a = arg_pos(st, 0);

			/* "at" may use only labels defined above it. */
			if (a && !val_u64(c, a, &loc))
				have_loc = 1;
			st->addr = loc;
			just_at = 1;
			if (st->label)
				add_label(c, st, loc);
			continue;
		}
		if (!have_loc) {
			cx_error(c, st->line, st->col,
				 "'%s' before any 'at ADDRESS': where does it go?",
				 st->args[0].val);
			have_loc = 1;
		}
		/*
		 * Blocks go on their boundary, as HLASM aligns a CCW: padding
		 * after other statements, an error right after "at" (which
		 * said exactly where).
		 */
		align = storage_align(st);
		if (loc % align) {
			if (just_at)
				cx_error(c, st->line, st->col,
					 "a %s goes on a %llu-byte boundary, and 0x%llx is not (write words to misplace one)",
					 st->verb->name, (unsigned long long)align,
					 (unsigned long long)loc);
			loc += align - loc % align;
		}
		just_at = 0;
		st->addr = loc;
		if (storage_size(c, st, &size))
			size = 0;
		st->size = size;
		if (st->label)
			add_label(c, st, loc);
		loc += size;
	}
	return 0;
}

/* The order rules, and the dry run of every verb. */
static void check(struct ctx *c)
{
	int first_step = 0;

	for (unsigned i = 0; i < c->s->nst; i++) {
		struct scn_stmt *st = &c->s->st[i];

		if (!st->verb)
			continue;
		if (st->verb->phase == PH_STEP && !first_step)
			first_step = st->line;
		if ((st->verb->phase == PH_CONFIG || st->verb->phase == PH_HEADER) &&
		    first_step)
			cx_error(c, st->line, st->col,
				 "'%s' describes the machine: put it before the first step (line %d)",
				 st->args[0].val, first_step);
		for (unsigned k = 0; k < st->nargs; k++)
			st->args[k].used = 0;
		for (unsigned k = 0; k < st->nwant; k++)
			st->want[k].used = 0;
		st->args[0].used = 1;
		st->verb->fn(c, st);
	}
}

/* Diagnostics in file order (the lexer's come first otherwise); stable. */
static void sort_diags(struct scn_diags *ds, unsigned from)
{
	for (unsigned i = from + 1; i < ds->n; i++) {
		struct scn_diag d = ds->d[i];
		unsigned j = i;

		while (j > from && (ds->d[j - 1].line > d.line ||
				    (ds->d[j - 1].line == d.line &&
				     ds->d[j - 1].col > d.col))) {
			ds->d[j] = ds->d[j - 1];
			j--;
		}
		ds->d[j] = d;
	}
}

struct scn *scn_parse(const char *file, const char *text, size_t len,
		      struct scn_diags *ds)
{
	struct scn *s = calloc(1, sizeof(*s));
	struct ctx c = { .dry = 1, .ds = ds };
	unsigned before = ds ? ds->n : 0;

	if (!s)
		return NULL;
	s->file = strdup(file);
	s->seed = 1;
	c.s = s;
	scn_lex(s, text, len, ds);
	for (unsigned i = 0; i < s->nst; i++) {
		struct scn_stmt *st = &s->st[i];

		st->verb = verb_find(st->args[0].val);
		if (!st->verb)
			cx_error(&c, st->line, st->col,
				 "unknown statement '%s' (see docs/scenario-language.md)",
				 st->args[0].val);
		else if (!st->col)
			st->col = st->args[0].col;
		/* a concurrent block's lines are statements of their own */
		if (st->verb && !strcmp(st->verb->name, "concurrent") && st->nblock) {
			st->sub = calloc(st->nblock, sizeof(*st->sub));
			for (unsigned b = 0; st->sub && b < st->nblock; b++) {
				struct scn_stmt *sub = &st->sub[st->nsub];

				if (scn_lex_stmt(s, st->block[b], st->block_line[b],
						 st->block_col[b], sub, ds)) {
					scn_stmt_free(sub);
					memset(sub, 0, sizeof(*sub));
					c.errors++;
					continue;
				}
				sub->verb = verb_find(sub->args[0].val);
				if (!sub->col)
					sub->col = sub->args[0].col;
				st->nsub++;
			}
		}
	}
	/* Defaults the configuration statements adjust. */
	c.mem_size = 16u << 20;
	c.nsets = 1;
	c.facilities = SIM_FAC_DEFAULT;
	layout(&c);
	check(&c);
	/* What the machine statements say together (sim_css_create's rules). */
	if (c.nsets > 1 && !(c.facilities & SIM_FAC_MSS))
		cx_error(&c, c.sets_line, c.sets_col,
			 "%u subchannel sets need the MSS facility (facilities +mss)",
			 c.nsets);
	vfio_teardown(&c);	/* the dry pass's driver configuration */
	if (ds && ds->n > before) {
		sort_diags(ds, before);
		scn_free(s);
		return NULL;
	}
	return s;
}

struct scn *scn_parse_file(const char *path, struct scn_diags *ds)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0;
	struct scn *s;

	if (!f) {
		scn_diag_add(ds, path, 0, 0, "cannot read the file");
		return NULL;
	}
	for (;;) {
		size_t n;

		if (len == cap) {
			char *nb = realloc(buf, cap ? 2 * cap : 4096);

			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
			cap = cap ? 2 * cap : 4096;
		}
		n = fread(buf + len, 1, cap - len, f);
		if (!n)
			break;
		len += n;
		if (len > (4u << 20)) {
			scn_diag_add(ds, path, 0, 0,
				     "more than 4 MiB: not a scenario file");
			free(buf);
			fclose(f);
			return NULL;
		}
	}
	fclose(f);
	s = scn_parse(path, buf ? buf : "", len, ds);
	free(buf);
	return s;
}
