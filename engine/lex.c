// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Lines into statements.  A line is: [label:] verb args... [-> want...]
 * with '#' starting a comment outside quotes.  Arguments are separated by
 * blanks; key=value pairs and "quoted strings" (with \" and \\) are one
 * argument each.  Lines indented deeper than an "expect trace" line are
 * its block.  Nothing here knows what verbs mean.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scn_int.h"

struct line {
	const char *p, *end;
	int no;
};

static char *dupn(const char *p, size_t n)
{
	char *s = malloc(n + 1);

	if (s) {
		memcpy(s, p, n);
		s[n] = 0;
	}
	return s;
}

static int push_arg(struct scn_arg **a, unsigned *n, struct scn_arg arg)
{
	struct scn_arg *na = realloc(*a, (*n + 1) * sizeof(**a));

	if (!na)
		return -1;
	*a = na;
	(*a)[(*n)++] = arg;
	return 0;
}

/* One "quoted" string starting at *pp (on the quote); NULL if unterminated. */
static char *quoted(const char **pp, const char *end)
{
	const char *p = *pp + 1;
	char *out = malloc((size_t)(end - p) + 1), *o = out;

	if (!out)
		return NULL;
	for (; p < end && *p != '"'; p++) {
		if (*p == '\\' && p + 1 < end) {
			p++;
			*o++ = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
		} else {
			*o++ = *p;
		}
	}
	if (p >= end) {
		free(out);
		return NULL;
	}
	*o = 0;
	*pp = p + 1;
	return out;
}

static void free_args(struct scn_arg *a, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		free(a[i].key);
		free(a[i].val);
	}
	free(a);
}

/* Tokenize one line into @st; returns 0, or -1 after a diagnostic. */
static int lex_line(struct scn *s, const struct line *ln, struct scn_stmt *st,
		    struct scn_diags *ds)
{
	const char *p = ln->p, *end = ln->end;
	int after_arrow = 0, first = 1;

	memset(st, 0, sizeof(*st));
	st->line = ln->no;
	while (p < end) {
		const char *t, *eq = NULL;
		struct scn_arg a = { 0 };
		int col;

		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p >= end || *p == '#')
			break;
		col = (int)(p - ln->p) + 1;
		if (!st->col)
			st->col = col;
		if (p + 1 < end && p[0] == '-' && p[1] == '>' &&
		    (p + 2 == end || isspace((unsigned char)p[2]))) {
			if (after_arrow) {
				scn_diag_add(ds, s->file, ln->no, col,
					     "a second '->' in one statement");
				return -1;
			}
			after_arrow = 1;
			st->arrow_col = col;
			p += 2;
			continue;
		}
		a.line = ln->no;
		a.col = col;
		a.vcol = col + (*p == '"');
		if (*p == '"') {
			a.val = quoted(&p, end);
			a.quoted = 1;
			if (!a.val) {
				scn_diag_add(ds, s->file, ln->no, col,
					     "unterminated string");
				return -1;
			}
		} else {
			for (t = p; t < end && !isspace((unsigned char)*t) &&
				    *t != '#'; t++) {
				if (*t == '=' && !eq)
					eq = t;
				if (*t == '"' && eq)
					break;
			}
			if (eq) {
				a.key = dupn(p, (size_t)(eq - p));
				a.vcol = (int)(eq - ln->p) + 2 + (eq + 1 < end && eq[1] == '"');
				if (eq + 1 < end && eq[1] == '"') {
					p = eq + 1;
					a.val = quoted(&p, end);
					a.quoted = 1;
					if (!a.val) {
						free(a.key);
						scn_diag_add(ds, s->file, ln->no,
							     (int)(eq - ln->p) + 2,
							     "unterminated string");
						return -1;
					}
				} else {
					a.val = dupn(eq + 1, (size_t)(t - eq - 1));
					p = t;
				}
				if (a.key[0] && !a.quoted && !a.val[0]) {
					scn_diag_add(ds, s->file, ln->no, col,
						     "'%s=' without a value (write \"\" for an empty one, - for no flags)",
						     a.key);
					free(a.key);
					free(a.val);
					return -1;
				}
				if (!a.key[0]) {
					scn_diag_add(ds, s->file, ln->no, col,
						     "'=' without a name before it");
					free(a.key);
					free(a.val);
					return -1;
				}
			} else {
				a.val = dupn(p, (size_t)(t - p));
				p = t;
			}
		}
		/* A first word "name:" is a label. */
		if (first && !a.key && !a.quoted && a.val[0] &&
		    a.val[strlen(a.val) - 1] == ':') {
			a.val[strlen(a.val) - 1] = 0;
			st->label = a.val;
			st->label_col = col;
			st->col = 0;
			first = 0;	/* "a: b:" makes "b:" the verb (unknown) */
			continue;
		}
		first = 0;
		if (push_arg(after_arrow ? &st->want : &st->args,
			     after_arrow ? &st->nwant : &st->nargs, a)) {
			free(a.key);
			free(a.val);
			return -1;
		}
	}
	return 0;
}

static void free_stmt(struct scn_stmt *st)
{
	free(st->label);
	free_args(st->args, st->nargs);
	free_args(st->want, st->nwant);
	for (unsigned i = 0; i < st->nblock; i++)
		free(st->block[i]);
	free(st->block);
	free(st->block_line);
	free(st->block_col);
	for (unsigned i = 0; i < st->nsub; i++)
		free_stmt(&st->sub[i]);
	free(st->sub);
}

static int indent(const struct line *ln)
{
	int n = 0;

	for (const char *p = ln->p; p < ln->end && (*p == ' ' || *p == '\t');
	     p++)
		n += *p == '\t' ? 8 - n % 8 : 1;
	return n;
}

static int blank(const struct line *ln)
{
	for (const char *p = ln->p; p < ln->end; p++) {
		if (*p == '#')
			return 1;
		if (!isspace((unsigned char)*p))
			return 0;
	}
	return 1;
}

int scn_lex(struct scn *s, const char *text, size_t len, struct scn_diags *ds)
{
	const char *p = text, *end = text + len;
	int block_indent = -1, bad = 0, no = 0, bad_line = 0;
	struct scn_stmt *owner = NULL;

	while (p < end) {
		struct line ln = { p, p, ++no };
		struct scn_stmt st;

		while (ln.end < end && *ln.end != '\n')
			ln.end++;
		p = ln.end < end ? ln.end + 1 : end;
		if (ln.end > ln.p && ln.end[-1] == '\r')
			ln.end--;
		for (const char *q = ln.p; q < ln.end; q++) {
			if (!*q || (!isprint((unsigned char)*q) &&
				    !isspace((unsigned char)*q) &&
				    !((unsigned char)*q & 0x80))) {
				scn_diag_add(ds, s->file, no,
					     (int)(q - ln.p) + 1,
					     "a control character in the text");
				bad = 1;
				bad_line = no;
				break;
			}
		}
		if (bad && no == bad_line)
			continue;
		/* The block of an "expect trace": deeper lines, kept raw. */
		if (owner && !blank(&ln) && indent(&ln) > block_indent) {
			char **nb = realloc(owner->block,
					    (owner->nblock + 1) * sizeof(*nb));
			int *nl = realloc(owner->block_line,
					  (owner->nblock + 1) * sizeof(*nl));
			int *nc = realloc(owner->block_col,
					  (owner->nblock + 1) * sizeof(*nc));
			const char *q = ln.p, *e = ln.end;

			if (nb)
				owner->block = nb;
			if (nl)
				owner->block_line = nl;
			if (nc)
				owner->block_col = nc;
			if (!nb || !nl || !nc)
				return -1;
			while (q < ln.end && isspace((unsigned char)*q))
				q++;
			/* a '#' after a blank starts a comment here too */
			for (const char *h = q + 1; h < e; h++)
				if (*h == '#' && isspace((unsigned char)h[-1])) {
					e = h;
					break;
				}
			while (e > q && isspace((unsigned char)e[-1]))
				e--;
			owner->block[owner->nblock] = dupn(q, (size_t)(e - q));
			owner->block_col[owner->nblock] = (int)(q - ln.p);
			owner->block_line[owner->nblock++] = no;
			continue;
		}
		if (blank(&ln))
			continue;
		owner = NULL;
		if (lex_line(s, &ln, &st, ds)) {
			free_stmt(&st);
			bad = 1;
			continue;
		}
		if (!st.nargs) {
			scn_diag_add(ds, s->file, no, st.label_col ? st.label_col : 1,
				     "a label needs something to label on its line");
			free_stmt(&st);
			bad = 1;
			continue;
		}
		{
			struct scn_stmt *n = realloc(s->st, (s->nst + 1) * sizeof(*n));

			if (!n) {
				free_stmt(&st);
				return -1;
			}
			s->st = n;
			s->st[s->nst++] = st;
		}
		if ((!strcmp(st.args[0].val, "expect") && st.nargs > 1 &&
		     !strcmp(st.args[1].val, "trace")) ||
		    !strcmp(st.args[0].val, "concurrent")) {
			owner = &s->st[s->nst - 1];
			block_indent = indent(&ln);
		}
	}
	return bad ? -1 : 0;
}

void scn_stmt_free(struct scn_stmt *st)
{
	free_stmt(st);
}

int scn_lex_stmt(struct scn *s, const char *text, int line, int col,
		 struct scn_stmt *st, struct scn_diags *ds)
{
	struct line ln = { text, text + strlen(text), line };
	int rc = lex_line(s, &ln, st, ds);

	/* the columns of a block line count from its indentation */
	for (unsigned k = 0; k < st->nargs; k++)
		st->args[k].col += col, st->args[k].vcol += col;
	for (unsigned k = 0; k < st->nwant; k++)
		st->want[k].col += col, st->want[k].vcol += col;
	if (st->col)
		st->col += col;
	if (st->arrow_col)
		st->arrow_col += col;
	if (st->label_col)
		st->label_col += col;
	if (!rc && !st->nargs) {
		scn_diag_add(ds, s->file, line, col + 1, "an empty line in a block");
		rc = -1;
	}
	return rc;
}
