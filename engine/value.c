// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Argument values: numbers and label expressions (buf+0x10), sizes (16M),
 * durations (10us), subchannel ids (0.0.1234), byte strings ("f1 f2"),
 * device-status names (CE|DE).  Each parser reports a bad value at its
 * own line and column.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/scsw.h>

#include "scn_int.h"

struct scn_arg *arg_pos(struct scn_stmt *s, unsigned i)
{
	/* args[0] is the verb itself. */
	for (unsigned k = 1; k < s->nargs; k++) {
		if (s->args[k].key)
			continue;
		if (i-- == 0) {
			s->args[k].used = 1;
			return &s->args[k];
		}
	}
	return NULL;
}

struct scn_arg *arg_key(struct scn_stmt *s, const char *key)
{
	for (unsigned k = 1; k < s->nargs; k++) {
		if (s->args[k].key && !strcmp(s->args[k].key, key)) {
			s->args[k].used = 1;
			return &s->args[k];
		}
	}
	return NULL;
}

int arg_missing(struct ctx *c, struct scn_stmt *s, const char *what)
{
	cx_error(c, s->line, s->col, "'%s' needs %s (%s)",
		 s->args[0].val, what, s->verb ? s->verb->usage : "");
	return -1;
}

int args_unused(struct ctx *c, struct scn_stmt *s)
{
	int bad = 0;

	for (unsigned k = 1; k < s->nargs; k++) {
		struct scn_arg *a = &s->args[k];

		if (a->used)
			continue;
		if (a->key)
			cx_error(c, a->line, a->col, "'%s' takes no '%s=' (%s)",
				 s->args[0].val, a->key, s->verb->usage);
		else
			cx_error(c, a->line, a->col, "unexpected '%s' (%s)",
				 a->val, s->verb->usage);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* A plain number: 0x hex, 0b binary, or decimal; no octal surprises. */
static int number(const char *p, const char **end, uint64_t *v)
{
	int base = 10;
	char *e;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		base = 16, p += 2;
	else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
		base = 2, p += 2;
	if (!isxdigit((unsigned char)*p))
		return -1;
	errno = 0;
	*v = strtoull(p, &e, base);
	if (errno || e == p)
		return -1;
	*end = e;
	return 0;
}

uint64_t label_addr(const struct scn *s, const char *name, int *found)
{
	for (unsigned i = 0; i < s->nlabels; i++)
		if (!strcmp(s->labels[i].name, name)) {
			*found = 1;
			return s->labels[i].addr;
		}
	*found = 0;
	return 0;
}

/* One operand of an expression: a label or a number. */
static int operand(struct ctx *c, struct scn_arg *a, const char **pp,
		   uint64_t *v)
{
	const char *p = *pp;

	if (isalpha((unsigned char)*p) || *p == '_') {
		char name[64];
		size_t n = 0;
		int found;

		while (isalnum((unsigned char)p[n]) || p[n] == '_')
			n++;
		if (n >= sizeof(name))
			return -1;
		memcpy(name, p, n);
		name[n] = 0;
		*v = label_addr(c->s, name, &found);
		if (!found) {
			cx_error(c, a->line, a->vcol + (int)(p - a->val),
				 "no label '%s'", name);
			return -2;
		}
		*pp = p + n;
		return 0;
	}
	return number(p, pp, v);
}

/*
 * An expression: operands joined by + and -, and * binding tighter
 * (cmbs+32*3).  Arithmetic wraps modulo 2^64, as address arithmetic does.
 */
int val_u64(struct ctx *c, struct scn_arg *a, uint64_t *v)
{
	const char *p = a->val;
	uint64_t acc = 0;
	int sign = 1, rc;

	if (!*p)
		goto bad;
	for (;;) {
		uint64_t term, f;

		if ((rc = operand(c, a, &p, &term)))
			goto fail;
		while (*p == '*') {
			p++;
			if ((rc = operand(c, a, &p, &f)))
				goto fail;
			term *= f;
		}
		acc = sign > 0 ? acc + term : acc - term;
		if (!*p)
			break;
		if (*p != '+' && *p != '-')
			goto bad;
		sign = *p == '+' ? 1 : -1;
		p++;
	}
	*v = acc;
	return 0;
fail:
	if (rc == -2)
		return -1;
bad:
	cx_error(c, a->line, a->col, "'%s' is not a number or label expression",
		 a->val);
	return -1;
}

int val_uint(struct ctx *c, struct scn_arg *a, uint64_t max, uint64_t *v)
{
	if (val_u64(c, a, v))
		return -1;
	if (*v > max) {
		cx_error(c, a->line, a->col, "%s is more than %llu", a->val,
			 (unsigned long long)max);
		return -1;
	}
	return 0;
}

int val_size(struct ctx *c, struct scn_arg *a, uint64_t *v)
{
	const char *e;
	uint64_t n, mult = 1;

	if (number(a->val, &e, &n))
		goto bad;
	switch (*e) {
	case 'K': mult = 1ull << 10; e++; break;
	case 'M': mult = 1ull << 20; e++; break;
	case 'G': mult = 1ull << 30; e++; break;
	case 'T': mult = 1ull << 40; e++; break;
	default: break;
	}
	if (*e || n > UINT64_MAX / mult)
		goto bad;
	*v = n * mult;
	return 0;
bad:
	cx_error(c, a->line, a->col, "'%s' is not a size (e.g. 4096, 64K, 16M)",
		 a->val);
	return -1;
}

int val_time(struct ctx *c, struct scn_arg *a, sim_vtime *v)
{
	static const struct { const char *u; sim_vtime m; } units[] = {
		{ "ns", 1 }, { "us", 1000 }, { "ms", 1000000 },
		{ "s", 1000000000 },
	};
	const char *e;
	uint64_t n;

	if (number(a->val, &e, &n))
		goto bad;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (!strcmp(e, units[i].u)) {
			if (n > SIM_VTIME_MAX / units[i].m)
				goto bad;
			*v = n * units[i].m;
			return 0;
		}
	}
bad:
	cx_error(c, a->line, a->col,
		 "'%s' is not a duration (e.g. 250ns, 10us, 5ms, 1s)", a->val);
	return -1;
}

int val_sid(struct ctx *c, struct scn_arg *a, unsigned *ssid, unsigned *schno)
{
	unsigned long css, set, no;
	char tail;

	if (sscanf(a->val, "%lx.%lx.%lx%c", &css, &set, &no, &tail) != 3 ||
	    css != 0 || set > 3 || no > 0xffff || strlen(a->val) > 11) {
		cx_error(c, a->line, a->col,
			 "'%s' is not a subchannel id 0.s.nnnn (set 0-3)",
			 a->val);
		return -1;
	}
	*ssid = (unsigned)set;
	*schno = (unsigned)no;
	return 0;
}

int val_bytes(struct ctx *c, struct scn_arg *a, uint8_t *buf, size_t *n)
{
	const char *p = a->val;
	size_t max = *n, got = 0;
	int half = -1;

	if (!strncmp(p, "hex:", 4))
		p += 4;
	for (; *p; p++) {
		int d;

		if (isspace((unsigned char)*p) || *p == '_' || *p == ':')
			continue;
		if (!isxdigit((unsigned char)*p)) {
			cx_error(c, a->line, a->vcol + (int)(p - a->val),
				 "'%c' is not a hex digit", *p);
			return -1;
		}
		d = isdigit((unsigned char)*p) ? *p - '0'
					       : tolower((unsigned char)*p) - 'a' + 10;
		if (half < 0) {
			half = d;
			continue;
		}
		if (got == max) {
			cx_error(c, a->line, a->col, "more than %zu bytes", max);
			return -1;
		}
		buf[got++] = (uint8_t)(half << 4 | d);
		half = -1;
	}
	if (half >= 0) {
		cx_error(c, a->line, a->col, "an odd number of hex digits");
		return -1;
	}
	*n = got;
	return 0;
}

int val_dstat(struct ctx *c, struct scn_arg *a, uint8_t *v)
{
	static const struct { const char *n; uint8_t m; } names[] = {
		{ "ATTN", CCWA_DEV_STAT_ATTENTION }, { "SM", CCWA_DEV_STAT_MOD },
		{ "CUE", CCWA_DEV_STAT_CU_END }, { "BUSY", CCWA_DEV_STAT_BUSY },
		{ "CE", CCWA_DEV_STAT_CHN_END }, { "DE", CCWA_DEV_STAT_DEV_END },
		{ "UC", CCWA_DEV_STAT_UNIT_CHECK },
		{ "UE", CCWA_DEV_STAT_UNIT_EXCEP },
	};
	const char *p = a->val;
	uint64_t n;

	*v = 0;
	if (!strcmp(p, "-"))
		return 0;
	if (isdigit((unsigned char)*p)) {
		const char *e;

		if (number(p, &e, &n) || *e || n > 0xff)
			goto bad;
		*v = (uint8_t)n;
		return 0;
	}
	while (*p) {
		size_t len = strcspn(p, "|");
		size_t i;

		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strlen(names[i].n) == len &&
			    !strncasecmp(p, names[i].n, len))
				break;
		if (i == sizeof(names) / sizeof(names[0]))
			goto bad;
		*v |= names[i].m;
		p += len;
		if (*p == '|')
			p++;
	}
	return 0;
bad:
	cx_error(c, a->line, a->col,
		 "'%s' is not device status (CE|DE|UC|UE|ATTN|SM|CUE|BUSY, or a number)",
		 a->val);
	return -1;
}

int val_bool(struct ctx *c, struct scn_arg *a, int *v)
{
	static const char *const yes[] = { "1", "yes", "on", "true" };
	static const char *const no[] = { "0", "no", "off", "false" };

	for (size_t i = 0; i < 4; i++) {
		if (!strcmp(a->val, yes[i]))
			return *v = 1, 0;
		if (!strcmp(a->val, no[i]))
			return *v = 0, 0;
	}
	cx_error(c, a->line, a->col, "'%s' is not yes or no", a->val);
	return -1;
}

int val_chpid(struct ctx *c, struct scn_arg *a, uint8_t *id)
{
	const char *p = a->val;
	char *e;
	unsigned long v;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	v = strtoul(p, &e, 16);
	if (e == p || *e || v > 0xff) {
		cx_error(c, a->line, a->col, "'%s' is not a CHPID (hex, e.g. 40)",
			 a->val);
		return -1;
	}
	*id = (uint8_t)v;
	return 0;
}
