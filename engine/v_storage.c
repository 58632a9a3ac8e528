// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The storage assembler: at, align, orb, ccw0/ccw1, idaw1/idaw2, bytes,
 * fill, space, ebcdic, pattern, word, schib; and storage keys.
 *
 * Sizes come first (the layout pass gives every statement its address
 * and every label its value); the bytes are built when the statement
 * runs: before the first step for statements above it, in order for
 * those below it (a program changing its channel program).
 */
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/decode.h>
#include <ccwsim/arch/idaw.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/schib.h>

#include "scn_int.h"
#include "verbs.h"

#define MAX_ITEM (16u << 20)	/* one storage statement */

int v_at(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);
	uint64_t v;

	if (!a)
		return arg_missing(c, s, "an address");
	if (c->dry) {
		/* The layout pass reported a bad address already. */
		struct scn_diags *ds = c->ds;
		int errors = c->errors, bad;

		c->ds = NULL;
		bad = val_u64(c, a, &v);
		c->ds = ds;
		c->errors = errors;
		if (bad)
			return -1;
	} else if (val_u64(c, a, &v)) {
		return -1;
	}
	if (v >= c->mem_size && c->dry)
		cx_error(c, a->line, a->col,
			 "0x%llx is past the end of storage (0x%llx)",
			 (unsigned long long)v, (unsigned long long)c->mem_size);
	return args_unused(c, s);
}

static unsigned count_pos(struct scn_stmt *s)
{
	unsigned n = 0;

	for (unsigned k = 1; k < s->nargs; k++)
		n += !s->args[k].key;
	return n;
}

/* A plain number argument, for sizes the layout needs before labels. */
static int num_now(struct ctx *c, struct scn_arg *a, uint64_t *v)
{
	if (!a)
		return -1;
	return val_size(c, a, v);
}

uint64_t storage_align(const struct scn_stmt *s)
{
	static const struct { const char *verb; uint64_t align; } a[] = {
		{ "orb", 4 }, { "ccw0", 8 }, { "ccw1", 8 }, { "idaw1", 4 },
		{ "idaw2", 8 }, { "midaw", 16 }, { "word", 4 }, { "schib", 4 },
	};

	for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++)
		if (!strcmp(s->verb->name, a[i].verb))
			return a[i].align;
	return 1;
}

int storage_size(struct ctx *c, struct scn_stmt *s, uint64_t *size)
{
	const char *v = s->verb->name;
	uint64_t n = 0;

	if (!strcmp(v, "align")) {
		if (num_now(c, arg_pos(s, 0), &n) || !n || (n & (n - 1))) {
			cx_error(c, s->line, s->col, "align wants a power of two");
			return -1;
		}
		*size = (n - s->addr % n) % n;
		return 0;
	}
	if (!strcmp(v, "orb"))
		*size = 12;
	else if (!strcmp(v, "ccw0") || !strcmp(v, "ccw1"))
		*size = 8;
	else if (!strcmp(v, "midaw"))
		*size = 16;
	else if (!strcmp(v, "idaw1"))
		*size = 4 * count_pos(s);
	else if (!strcmp(v, "idaw2"))
		*size = 8 * count_pos(s);
	else if (!strcmp(v, "word"))
		*size = 4 * count_pos(s);
	else if (!strcmp(v, "schib"))
		*size = 52;
	else if (!strcmp(v, "bytes")) {
		struct scn_arg *a = arg_pos(s, 0);
		uint8_t *buf = malloc(MAX_ITEM);
		size_t len = MAX_ITEM;

		if (!a || !buf || val_bytes(c, a, buf, &len)) {
			free(buf);
			return -1;
		}
		free(buf);
		*size = len;
	} else if (!strcmp(v, "ebcdic")) {
		struct scn_arg *a = arg_pos(s, 0);

		if (!a)
			return -1;
		*size = strlen(a->val);
	} else if (!strcmp(v, "fill") || !strcmp(v, "pattern")) {
		if (num_now(c, arg_pos(s, 1), &n))
			return -1;
		*size = n;
	} else if (!strcmp(v, "space")) {
		if (num_now(c, arg_pos(s, 0), &n))
			return -1;
		*size = n;
	}
	/* The orb's x is a bare word: look for it among the positionals. */
	if (!strcmp(v, "orb"))
		for (unsigned k = 1; k < s->nargs; k++)
			if (!s->args[k].key && !strcmp(s->args[k].val, "x"))
				*size = 32;
	for (unsigned k = 0; k < s->nargs; k++)
		s->args[k].used = 0;
	if (*size > MAX_ITEM) {
		cx_error(c, s->line, s->col, "more than 16 MiB in one statement");
		return -1;
	}
	return 0;
}

uint8_t scn_ebcdic(char ch)
{
	static const char *const rows[16] = {
		[0x8] = " abcdefghi", [0x9] = " jklmnopqr", [0xa] = "  stuvwxyz",
		[0xc] = " ABCDEFGHI", [0xd] = " JKLMNOPQR", [0xe] = "  STUVWXYZ",
		[0xf] = "0123456789",
	};

	if (ch == ' ')
		return 0x40;
	for (unsigned r = 0; r < 16; r++)
		for (unsigned i = 0; rows[r] && rows[r][i]; i++)
			if (rows[r][i] == ch && rows[r][i] != ' ')
				return (uint8_t)(r << 4 | i);
	return 0x4b;	/* '.' */
}

void scn_pattern_at(uint8_t *b, uint64_t n, uint64_t seed, uint64_t from)
{
	uint64_t x = seed * 0x9e3779b97f4a7c15u + 1;

	for (uint64_t i = 0; i < from + n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		if (i >= from)
			b[i - from] = (uint8_t)x;
	}
}

void scn_pattern(uint8_t *b, uint64_t n, uint64_t seed)
{
	scn_pattern_at(b, n, seed, 0);
}

static const struct { const char *n; uint8_t mask; } ccw_flags[] = {
	{ "cd", CCWA_CCW_FLAG_CD }, { "cc", CCWA_CCW_FLAG_CC },
	{ "sli", CCWA_CCW_FLAG_SLI }, { "skip", CCWA_CCW_FLAG_SKIP },
	{ "pci", CCWA_CCW_FLAG_PCI }, { "ida", CCWA_CCW_FLAG_IDA },
	{ "s", CCWA_CCW_FLAG_SUSPEND }, { "mida", CCWA_CCW_FLAG_MIDA },
};

static int build_ccw(struct ctx *c, struct scn_stmt *s, uint8_t *b, int fmt1)
{
	struct scn_arg *a = arg_pos(s, 0), *x;
	uint8_t cmd = 0, flags = 0;
	uint64_t count = 0, cda = 0;

	if (!a)
		return arg_missing(c, s, "a command code");
	val_cmd(c, a, &cmd);
	for (unsigned i = 1; (x = arg_pos(s, i)); i++) {
		size_t k;

		for (k = 0; k < sizeof(ccw_flags) / sizeof(ccw_flags[0]); k++)
			if (!strcasecmp(x->val, ccw_flags[k].n))
				break;
		if (k == sizeof(ccw_flags) / sizeof(ccw_flags[0])) {
			cx_error(c, x->line, x->col,
				 "'%s' is not a CCW flag (cd cc sli skip pci ida s mida)",
				 x->val);
			continue;
		}
		flags |= ccw_flags[k].mask;
	}
	if ((x = arg_key(s, "count")))
		val_uint(c, x, 0xffff, &count);
	if ((x = arg_key(s, "data")) || (x = arg_key(s, "to")))
		val_uint(c, x, fmt1 ? 0xffffffffu : 0xffffffu, &cda);
	if (fmt1) {
		struct ccwa_ccw1 *w = (struct ccwa_ccw1 *)b;

		ccwa_ccw1_set_cmd_code(w, cmd);
		ccwa_ccw1_set_flags(w, flags);
		ccwa_ccw1_set_count(w, (uint32_t)count);
		ccwa_ccw1_set_cda(w, (uint32_t)cda);
	} else {
		struct ccwa_ccw0 *w = (struct ccwa_ccw0 *)b;

		ccwa_ccw0_set_cmd_code(w, cmd);
		ccwa_ccw0_set_flags(w, flags);
		ccwa_ccw0_set_count(w, (uint32_t)count);
		ccwa_ccw0_set_cda(w, (uint32_t)cda);
	}
	return 0;
}

/* midaw [last] [skip] [dtic] count=N data=ADDR (facts §1.4). */
static int build_midaw(struct ctx *c, struct scn_stmt *s, uint8_t *b)
{
	struct ccwa_midaw *m = (struct ccwa_midaw *)b;
	struct scn_arg *x;
	uint64_t v;

	if ((x = arg_key(s, "count")) && !val_uint(c, x, 0xffff, &v))
		ccwa_midaw_set_count(m, (uint32_t)v);
	if ((x = arg_key(s, "data")) && !val_u64(c, x, &v))
		ccwa_midaw_set_addr(m, v);
	for (unsigned i = 0; (x = arg_pos(s, i)); i++) {
		if (!strcmp(x->val, "last"))
			ccwa_midaw_set_last(m, 1);
		else if (!strcmp(x->val, "skip"))
			ccwa_midaw_set_skip(m, 1);
		else if (!strcmp(x->val, "dtic"))
			ccwa_midaw_set_dtic(m, 1);
		else
			cx_error(c, x->line, x->col,
				 "'%s' is not a MIDAW flag (last skip dtic)", x->val);
	}
	return 0;
}

/* orb: the ORB's fields by their letters and names (facts §1.2). */
static int build_orb(struct ctx *c, struct scn_stmt *s, uint8_t *b)
{
	static const struct {
		const char *n;
		void (*set)(struct ccwa_orb *, uint32_t);
	} bits[] = {
		{ "s", ccwa_orb_set_spnd }, { "c", ccwa_orb_set_str },
		{ "m", ccwa_orb_set_mod }, { "y", ccwa_orb_set_sync },
		{ "p", ccwa_orb_set_pfch }, { "i", ccwa_orb_set_isic },
		{ "a", ccwa_orb_set_alcc }, { "u", ccwa_orb_set_ssic },
		{ "b", ccwa_orb_set_tm }, { "h", ccwa_orb_set_c64 },
		{ "t", ccwa_orb_set_i2k }, { "l", ccwa_orb_set_ils },
		{ "d", ccwa_orb_set_midaw }, { "x", ccwa_orb_set_orbx },
	};
	struct ccwa_orb *orb = (struct ccwa_orb *)b;
	struct scn_arg *x;
	uint64_t v;

	ccwa_orb_set_fmt(orb, 1);
	ccwa_orb_set_lpm(orb, 0xff);
	if ((x = arg_key(s, "intparm")) && !val_uint(c, x, 0xffffffffu, &v))
		ccwa_orb_set_intparm(orb, (uint32_t)v);
	if ((x = arg_key(s, "key")) && !val_uint(c, x, 15, &v))
		ccwa_orb_set_key(orb, (uint32_t)v);
	if ((x = arg_key(s, "fmt")) && !val_uint(c, x, 1, &v))
		ccwa_orb_set_fmt(orb, (uint32_t)v);
	if ((x = arg_key(s, "lpm")) && !val_uint(c, x, 0xff, &v))
		ccwa_orb_set_lpm(orb, (uint32_t)v);
	if ((x = arg_key(s, "cpa")) && !val_uint(c, x, 0xffffffffu, &v))
		ccwa_orb_set_cpa(orb, (uint32_t)v);
	if ((x = arg_key(s, "word1")) && !val_uint(c, x, 0xffffffffu, &v))
		ccwa_put_be32(b + 4, (uint32_t)v);	/* raw, for odd ORBs */
	if ((x = arg_key(s, "cssprio")) && !val_uint(c, x, 0xff, &v))
		ccwa_orb_set_css_prio(orb, (uint32_t)v);
	if ((x = arg_key(s, "cuprio")) && !val_uint(c, x, 0xff, &v))
		ccwa_orb_set_cu_prio(orb, (uint32_t)v);
	for (unsigned i = 0; (x = arg_pos(s, i)); i++) {
		size_t k;

		for (k = 0; k < sizeof(bits) / sizeof(bits[0]); k++)
			if (!strcmp(x->val, bits[k].n))
				break;
		if (k == sizeof(bits) / sizeof(bits[0])) {
			cx_error(c, x->line, x->col,
				 "'%s' is not an ORB flag (s c m y p i a u b h t l d x)",
				 x->val);
			continue;
		}
		bits[k].set(orb, 1);
	}
	return 0;
}

/* schib: a SCHIB image from PMCW field names (as decoded) and mba. */
static int build_schib(struct ctx *c, struct scn_stmt *s, uint8_t *b)
{
	for (unsigned k = 1; k < s->nargs; k++)
		if (!s->args[k].key)
			cx_error(c, s->args[k].line, s->args[k].col,
				 "schib wants field=value");
	schib_fields(c, s, b);
	return 0;
}

int v_store(struct ctx *c, struct scn_stmt *s)
{
	const char *v = s->verb->name;
	uint8_t *b = calloc(1, s->size ? s->size : 1);
	struct scn_arg *a;
	uint64_t n;
	int rc = 0;

	if (!b)
		return -1;
	if (!strcmp(v, "align")) {
		arg_pos(s, 0);
	} else if (!strcmp(v, "orb")) {
		build_orb(c, s, b);
	} else if (!strcmp(v, "ccw0") || !strcmp(v, "ccw1")) {
		build_ccw(c, s, b, v[3] == '1');
	} else if (!strcmp(v, "midaw")) {
		build_midaw(c, s, b);
	} else if (!strcmp(v, "idaw1") || !strcmp(v, "idaw2")) {
		unsigned sz = v[4] == '1' ? 4 : 8;

		for (unsigned i = 0; (a = arg_pos(s, i)); i++) {
			if (val_uint(c, a, sz == 4 ? 0xffffffffu : UINT64_MAX, &n))
				continue;
			if (sz == 4)
				ccwa_put_be32(b + 4 * i, (uint32_t)n);
			else
				ccwa_put_be64(b + 8 * i, n);
		}
	} else if (!strcmp(v, "word")) {
		for (unsigned i = 0; (a = arg_pos(s, i)); i++)
			if (!val_uint(c, a, 0xffffffffu, &n))
				ccwa_put_be32(b + 4 * i, (uint32_t)n);
	} else if (!strcmp(v, "bytes")) {
		size_t len = s->size;

		if ((a = arg_pos(s, 0)))
			val_bytes(c, a, b, &len);
	} else if (!strcmp(v, "fill")) {
		if ((a = arg_pos(s, 0)) && !val_uint(c, a, 0xff, &n))
			memset(b, (int)n, s->size);
		arg_pos(s, 1);
	} else if (!strcmp(v, "space")) {
		arg_pos(s, 0);
	} else if (!strcmp(v, "pattern")) {
		struct scn_arg *f = arg_key(s, "from");
		uint64_t from = 0;

		if (f && !val_u64(c, f, &from) && from > (1ull << 28))
			cx_error(c, f->line, f->col, "from= at most 256M");
		if ((a = arg_pos(s, 0)) && !val_u64(c, a, &n) && from <= (1ull << 28))
			scn_pattern_at(b, s->size, n, from);
		arg_pos(s, 1);
	} else if (!strcmp(v, "ebcdic")) {
		if ((a = arg_pos(s, 0)))
			for (uint64_t i = 0; i < s->size; i++)
				b[i] = scn_ebcdic(a->val[i]);
	} else if (!strcmp(v, "schib")) {
		build_schib(c, s, b);
	}
	if (args_unused(c, s))
		rc = -1;
	if (!c->dry && !rc && s->size &&
	    sim_mem_write(c->mem, s->addr, b, s->size, 0, NULL)) {
		cx_error(c, s->line, s->col,
			 "storage 0x%llx-0x%llx is not all there (storage is 0x%llx)",
			 (unsigned long long)s->addr,
			 (unsigned long long)(s->addr + s->size - 1),
			 (unsigned long long)c->mem_size);
		rc = -1;
	}
	if (c->dry && s->size && s->addr + s->size > c->mem_size) {
		cx_error(c, s->line, s->col,
			 "0x%llx bytes at 0x%llx run past the end of storage (0x%llx)",
			 (unsigned long long)s->size, (unsigned long long)s->addr,
			 (unsigned long long)c->mem_size);
		rc = -1;
	}
	free(b);
	return rc;
}

/* key ADDRESS value=K [fetch] [len=SIZE]: storage keys of the frames. */
int v_key(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *k = arg_key(s, "value"), *x;
	uint64_t addr = 0, key = 0, len = 4096;
	int fetch = 0;

	if (!a || !k)
		return arg_missing(c, s, "an address and value=K");
	val_u64(c, a, &addr);
	val_uint(c, k, 15, &key);
	if ((x = arg_key(s, "len")))
		val_size(c, x, &len);
	if ((x = arg_pos(s, 1))) {
		if (!strcmp(x->val, "fetch"))
			fetch = 1;
		else
			x->used = 0;
	}
	if (args_unused(c, s) || c->dry)
		return 0;
	for (uint64_t p = addr & ~(uint64_t)4095; p < addr + len; p += 4096)
		if (sim_mem_set_key(c->mem, p, (uint8_t)(key << 4 |
							(fetch ? 0x08 : 0)))) {
			cx_error(c, s->line, s->col,
				 "no storage at 0x%llx for a key",
				 (unsigned long long)p);
			return -1;
		}
	return 0;
}
