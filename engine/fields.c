// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fields of architected blocks by the names `ccwsim decode` prints, so a
 * scenario says "scsw.fctl=start" or "erw.scnt=24" and means exactly the
 * field the decoder shows.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <ccwsim/arch/decode.h>
#include <ccwsim/arch/schib.h>

#include "scn_int.h"

const struct ccwa_field *field_find(const char *kind, const uint8_t *b,
				    size_t len, const char *name, size_t *off,
				    char *why, size_t whylen)
{
	struct ccwa_part parts[CCWA_MAX_PARTS];
	const char *dot = strchr(name, '.');
	size_t plen = dot ? (size_t)(dot - name) : 0;
	const char *fname = dot ? dot + 1 : name;
	int n = ccwa_layout(kind, b, len, parts, why, whylen);

	for (int i = 0; i < n; i++) {
		const struct ccwa_block_desc *d = parts[i].blk;

		if (dot && (strlen(d->name) != plen || strncmp(d->name, name, plen)))
			continue;
		for (unsigned j = 0; j < d->nfields; j++)
			if (!strcmp(d->fields[j].name, fname)) {
				*off = parts[i].offset;
				return &d->fields[j];
			}
	}
	if (n > 0)
		snprintf(why, whylen, "%s has no field '%s' (try `ccwsim decode %s`)",
			 kind, name, kind);
	return NULL;
}

int field_value(struct ctx *c, struct scn_arg *a, const struct ccwa_field *f,
		uint64_t *v)
{
	const char *p = a->val;
	uint64_t max = f->width >= 64 ? UINT64_MAX
				      : (UINT64_C(1) << f->width) - 1;

	if (f->kind == CCWA_FK_FLAGS && !isdigit((unsigned char)*p)) {
		*v = 0;
		if (!strcmp(p, "-"))
			return 0;
		while (*p) {
			size_t len = strcspn(p, "|");
			unsigned i;

			for (i = 0; i < f->width; i++)
				if (strlen(f->names[i]) == len &&
				    !strncasecmp(p, f->names[i], len))
					break;
			if (i == f->width) {
				cx_error(c, a->line, a->vcol + (int)(p - a->val),
					 "'%.*s' is not a flag of %s", (int)len, p,
					 f->name);
				return -1;
			}
			*v |= UINT64_C(1) << (f->width - 1 - i);
			p += len;
			if (*p == '|')
				p++;
		}
		return 0;
	}
	if (f->kind == CCWA_FK_ENUM && !isdigit((unsigned char)*p)) {
		for (uint64_t i = 0; i <= max; i++)
			if (f->names[i] && !strcasecmp(p, f->names[i])) {
				*v = i;
				return 0;
			}
		cx_error(c, a->line, a->col, "'%s' is not a value of %s", p,
			 f->name);
		return -1;
	}
	return val_uint(c, a, max, v);
}

void schib_fields(struct ctx *c, struct scn_stmt *s, uint8_t *b)
{
	for (unsigned k = 1; k < s->nargs; k++) {
		struct scn_arg *a = &s->args[k];
		const struct ccwa_field *f;
		char why[160], name[64];
		size_t off;
		uint64_t v;

		if (!a->key)
			continue;
		a->used = 1;
		/* Bare names are the PMCW's: "isc" is "pmcw.isc". */
		snprintf(name, sizeof(name), "%s%s",
			 strchr(a->key, '.') || !strcmp(a->key, "mba") ? "" : "pmcw.",
			 a->key);
		f = field_find("schib", b, CCWA_SCHIB_SIZE, name, &off, why,
			       sizeof(why));
		if (!f) {
			cx_error(c, a->line, a->col, "%s", why);
			continue;
		}
		if (!field_value(c, a, f, &v))
			ccwa_put_bits(b + off, f->bit, f->width, v);
	}
}
