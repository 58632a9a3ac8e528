// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Expectations.  Every form states what must hold now; fields not named
 * are don't-care.  A failure names every field that differs, expected
 * against actual, in the words `ccwsim decode` uses.
 *
 *   expect scsw|pmcw|schib SID field=value...  the subchannel as STSCH sees it
 *   expect KIND ADDR [len=N] field=value...    a block in storage (any decode kind)
 *   expect storage ADDR "hex" | fill=B len=N | pattern=SEED len=N | ebcdic="T"
 *   expect key ADDR [acc=K] [fetch=0|1] [ref=0|1] [change=0|1]
 *   expect pending [io=N] [isc=N] [crw=N]
 *   expect device SID counter=N...             test-device or FBA counters
 *   expect received SID "hex"                  what the last write brought
 *   expect file NAME [offset=N|block=N] "hex" | pattern=SEED len=N | fill=B len=N
 *   expect time T | expect time [min=T] [max=T]
 *   expect trace                               then indented lines, in order
 */
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/decode.h>
#include <ccwsim/arch/schib.h>
#include <ccwsim/sim/fba.h>
#include <ccwsim/sim/testdev.h>

#include "scn_int.h"
#include "verbs.h"

/* How many bytes a kind is read as, unless len= says otherwise. */
static const struct { const char *kind; unsigned len; } kind_len[] = {
	{ "sid", 4 }, { "orb", 12 }, { "ccw0", 8 }, { "ccw1", 8 },
	{ "idaw", 8 }, { "midaw", 16 }, { "scsw", 12 }, { "esw", 20 },
	{ "esw0", 20 }, { "erw", 4 }, { "irb", 96 }, { "pmcw", 28 },
	{ "schib", 52 }, { "crw", 4 }, { "intcode", 12 }, { "senseid", 8 },
	{ "ciw", 4 }, { "cmb0", 32 }, { "cmb1", 64 },
};

static int kind_default_len(const char *kind)
{
	for (size_t i = 0; i < sizeof(kind_len) / sizeof(kind_len[0]); i++)
		if (!strcmp(kind_len[i].kind, kind))
			return (int)kind_len[i].len;
	return -1;
}

/*
 * How a value is compared: "f=v" exactly; "f&=v" has every flag of v set
 * (others don't care); "f<=v", "f>=v" bounds; "f!=v" anything but v.
 * The lexer splits at the first '=', so the operator ends the key.
 */
enum scn_cmp scn_split_cmp(const char *key, char *name, size_t len)
{
	size_t n = strlen(key);
	enum scn_cmp op = CMP_EQ;

	if (n > 1) {
		switch (key[n - 1]) {
		case '&': op = CMP_HAS; break;
		case '<': op = CMP_LE; break;
		case '>': op = CMP_GE; break;
		case '!': op = CMP_NE; break;
		default: break;
		}
	}
	snprintf(name, len, "%.*s", (int)(n - (op != CMP_EQ)), key);
	return op;
}

int scn_cmp_holds(enum scn_cmp op, uint64_t actual, uint64_t v)
{
	switch (op) {
	case CMP_HAS: return (actual & v) == v;
	case CMP_LE: return actual <= v;
	case CMP_GE: return actual >= v;
	case CMP_NE: return actual != v;
	default: return actual == v;
	}
}

const char *const scn_cmp_words[] = {
	"", "flags including ", "at most ", "at least ", "anything but ",
};

/*
 * Check field=value arguments against a block of @kind.  In the dry pass
 * there are no bytes yet: a name counts if some layout of the kind has it
 * (an IRB's ESW is format 0 or not by its SCSW), so zeros and ones both
 * get a try.
 */
void scn_check_fields(struct ctx *c, struct scn_stmt *s, const char *kind,
		      const uint8_t *b, size_t len, const char *what)
{
	char fails[1024];
	size_t used = 0;
	int nfail = 0;

	fails[0] = 0;
	for (unsigned k = 1; k < s->nargs; k++) {
		struct scn_arg *a = &s->args[k];
		const struct ccwa_field *f;
		char why[200], want[64], got[64], name[64];
		size_t off;
		uint64_t v, actual;
		enum scn_cmp op;

		if (!a->key || !strcmp(a->key, "len"))
			continue;
		a->used = 1;
		op = scn_split_cmp(a->key, name, sizeof(name));
		if (c->dry) {
			uint8_t *t = malloc(len);

			if (!t)
				return;
			memset(t, 0, len);
			f = field_find(kind, t, len, name, &off, why, sizeof(why));
			if (!f) {
				memset(t, 0xff, len);
				f = field_find(kind, t, len, name, &off, why,
					       sizeof(why));
			}
			free(t);
			if (!f)
				cx_error(c, a->line, a->col, "%s", why);
			else if (!field_value(c, a, f, &v) && op == CMP_HAS &&
				 f->kind != CCWA_FK_FLAGS && f->kind != CCWA_FK_BIT)
				cx_error(c, a->line, a->col,
					 "'&=' is for flag fields; %s is not one", name);
			continue;
		}
		f = field_find(kind, b, len, name, &off, why, sizeof(why));
		c->expectations++;
		if (!f) {
			/*
			 * The bytes chose another layout: an IRB's ESW is
			 * format 0 only when its SCSW says L = 1.
			 */
			nfail++;
			used += (size_t)snprintf(fails + used,
						 used < sizeof(fails) ? sizeof(fails) - used : 0,
						 "\n    %s: not in the %s stored (its layout depends on the bytes: `ccwsim decode %s` them)",
						 name, kind, kind);
			if (used >= sizeof(fails))
				used = sizeof(fails) - 1;
			continue;
		}
		if (field_value(c, a, f, &v))
			continue;
		actual = ccwa_field_value(f, b + off);
		if (scn_cmp_holds(op, actual, v))
			continue;
		ccwa_field_text(f, v, want, sizeof(want));
		ccwa_field_text(f, actual, got, sizeof(got));
		nfail++;
		used += (size_t)snprintf(fails + used,
					 used < sizeof(fails) ? sizeof(fails) - used : 0,
					 "\n    %s: expected %s%s, got %s", name,
					 scn_cmp_words[op], want, got);
		if (used >= sizeof(fails))
			used = sizeof(fails) - 1;
	}
	if (nfail)
		cx_error(c, s->line, s->col, "%s: %d field%s differ%s:%s", what,
			 nfail, nfail > 1 ? "s" : "", nfail > 1 ? "" : "s", fails);
}

/* expect scsw|pmcw|schib SID ...: the subchannel's own SCHIB. */
static int expect_sch(struct ctx *c, struct scn_stmt *s, const char *kind,
		      struct scn_arg *a)
{
	struct ccwa_schib schib;
	uint8_t b[CCWA_SCHIB_SIZE];
	unsigned ssid, schno;
	size_t off = 0, len = sizeof(b);
	char what[64];

	if (val_sid(c, a, &ssid, &schno))
		return -1;
	memset(&schib, 0, sizeof(schib));
	if (!strcmp(kind, "pmcw"))
		len = CCWA_PMCW_SIZE;
	else if (!strcmp(kind, "scsw"))
		off = offsetof(struct ccwa_schib, scsw), len = CCWA_SCSW_SIZE;
	snprintf(what, sizeof(what), "%s of %s", kind, a->val);
	if (!c->dry && sim_css_sch_schib(c->css, ssid, schno, &schib)) {
		cx_error(c, s->line, s->col, "%s is not provided", a->val);
		return -1;
	}
	memcpy(b, &schib, sizeof(b));
	scn_check_fields(c, s, kind, b + off, len, what);
	return args_unused(c, s);
}

/* expect KIND ADDR [len=N] field=value...: a block in storage. */
static int expect_block(struct ctx *c, struct scn_stmt *s, const char *kind,
			struct scn_arg *a)
{
	struct scn_arg *l = arg_key(s, "len");
	int dl = kind_default_len(kind);
	uint64_t addr = 0, len = (uint64_t)dl;
	uint8_t b[256];
	char what[96], why[160];
	struct ccwa_part parts[CCWA_MAX_PARTS];

	if (val_u64(c, a, &addr))
		return -1;
	if (l && val_uint(c, l, sizeof(b), &len))
		return -1;
	memset(b, 0, sizeof(b));
	if (ccwa_layout(kind, b, len, parts, why, sizeof(why)) < 0 &&
	    strcmp(kind, "senseid")) {
		cx_error(c, l ? l->line : s->line, l ? l->col : s->col, "%s", why);
		return -1;
	}
	snprintf(what, sizeof(what), "%s at 0x%llx", kind,
		 (unsigned long long)addr);
	if (!c->dry && sim_mem_read(c->mem, addr, b, len, 0, NULL)) {
		cx_error(c, s->line, s->col, "%s: not in storage", what);
		return -1;
	}
	scn_check_fields(c, s, kind, b, len, what);
	return args_unused(c, s);
}

/*
 * The bytes an expectation describes: "hex", fill=B len=N,
 * pattern=SEED len=N or ebcdic="TEXT".  Returns a malloc'd buffer.
 */
static uint8_t *want_bytes(struct ctx *c, struct scn_stmt *s, unsigned pos,
			   size_t *n)
{
	struct scn_arg *h = arg_pos(s, pos), *f = arg_key(s, "fill");
	struct scn_arg *p = arg_key(s, "pattern"), *l = arg_key(s, "len");
	struct scn_arg *e = arg_key(s, "ebcdic"), *fl = arg_key(s, "file");
	uint64_t len = 0, v = 0;
	uint8_t *b;

	if ((!!h + !!f + !!p + !!e + !!fl) != 1) {
		cx_error(c, s->line, s->col,
			 "say what to expect: \"hex\", fill=B len=N, pattern=SEED len=N, ebcdic=\"TEXT\" or file=NAME len=N");
		return NULL;
	}
	if ((f || p || fl) && (!l || val_size(c, l, &len)))  {
		if (!l)
			arg_missing(c, s, "len=N");
		return NULL;
	}
	if (len > (16u << 20)) {
		cx_error(c, l->line, l->col, "at most 16M at once");
		return NULL;
	}
	if (h)
		len = strlen(h->val) / 2 + 1;
	if (e)
		len = strlen(e->val);
	b = malloc(len ? len : 1);
	if (!b)
		return NULL;
	if (h) {
		size_t got = len;

		if (val_bytes(c, h, b, &got)) {
			free(b);
			return NULL;
		}
		len = got;
	} else if (f) {
		if (val_uint(c, f, 0xff, &v)) {
			free(b);
			return NULL;
		}
		memset(b, (int)v, len);
	} else if (fl) {
		/* Bytes of a run file, from= its offset (zeros past its end). */
		struct scn_arg *fr = arg_key(s, "from");
		uint64_t from = 0;
		char path[512];
		FILE *file;

		memset(b, 0, len);
		if ((fr && val_u64(c, fr, &from)) || strchr(fl->val, '/')) {
			if (strchr(fl->val, '/'))
				cx_error(c, fl->line, fl->col,
					 "a file of the run is named without a directory");
			free(b);
			return NULL;
		}
		if (!c->dry) {
			snprintf(path, sizeof(path), "%s/%s", c->tmpdir, fl->val);
			file = fopen(path, "rb");
			if (!file || fseeko(file, (off_t)from, SEEK_SET)) {
				cx_error(c, fl->line, fl->col, "cannot read file %s",
					 fl->val);
				if (file)
					fclose(file);
				free(b);
				return NULL;
			}
			if (fread(b, 1, len, file) != len)
				cx_error(c, fl->line, fl->col,
					 "file %s has fewer than %llu bytes at %llu",
					 fl->val, (unsigned long long)len,
					 (unsigned long long)from);
			fclose(file);
		}
	} else if (p) {
		struct scn_arg *fr = arg_key(s, "from");
		uint64_t from = 0;

		if (val_u64(c, p, &v) || (fr && val_uint(c, fr, 1ull << 28, &from))) {
			free(b);
			return NULL;
		}
		scn_pattern_at(b, len, v, from);
	} else {
		for (uint64_t i = 0; i < len; i++)
			b[i] = scn_ebcdic(e->val[i]);
	}
	*n = len;
	return b;
}

/* Report the first difference with a little context. */
static void compare(struct ctx *c, struct scn_stmt *s, const char *what,
		    uint64_t base, const uint8_t *want, const uint8_t *got,
		    size_t n)
{
	size_t i, ndiff = 0, first = 0;
	char w[64] = "", g[64] = "";

	c->expectations++;
	for (i = 0; i < n; i++)
		if (want[i] != got[i] && !ndiff++)
			first = i;
	if (!ndiff)
		return;
	for (i = first; i < n && i < first + 16; i++) {
		snprintf(w + 3 * (i - first), 4, "%02x ", want[i]);
		snprintf(g + 3 * (i - first), 4, "%02x ", got[i]);
	}
	cx_error(c, s->line, s->col,
		 "%s: %zu of %zu bytes differ, first at 0x%llx:\n    expected %s\n    got      %s",
		 what, ndiff, n, (unsigned long long)(base + first), w, g);
}

static int expect_storage(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 1);
	uint64_t addr = 0;
	uint8_t *want, *got;
	size_t n = 0;
	char what[64];

	if (!a)
		return arg_missing(c, s, "an address");
	val_u64(c, a, &addr);
	want = want_bytes(c, s, 2, &n);
	if (args_unused(c, s) || !want || c->dry) {
		free(want);
		return 0;
	}
	got = malloc(n ? n : 1);
	if (got && !sim_mem_read(c->mem, addr, got, n, 0, NULL)) {
		snprintf(what, sizeof(what), "storage at 0x%llx",
			 (unsigned long long)addr);
		compare(c, s, what, addr, want, got, n);
	} else {
		cx_error(c, s->line, s->col, "0x%zx bytes at 0x%llx are not in storage",
			 n, (unsigned long long)addr);
	}
	free(got);
	free(want);
	return 0;
}

static int expect_key(struct ctx *c, struct scn_stmt *s)
{
	static const struct { const char *n; unsigned shift, width; } f[] = {
		{ "acc", 4, 4 }, { "fetch", 3, 1 }, { "ref", 2, 1 },
		{ "change", 1, 1 },
	};
	struct scn_arg *a = arg_pos(s, 1), *x;
	uint64_t addr = 0, v;
	uint8_t key = 0;

	if (!a)
		return arg_missing(c, s, "an address");
	val_u64(c, a, &addr);
	if (!c->dry && sim_mem_get_key(c->mem, addr, &key)) {
		cx_error(c, s->line, s->col, "no storage at 0x%llx",
			 (unsigned long long)addr);
		return -1;
	}
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		unsigned got = (key >> f[i].shift) & ((1u << f[i].width) - 1);

		if (!(x = arg_key(s, f[i].n)) ||
		    val_uint(c, x, (1u << f[i].width) - 1, &v) || c->dry)
			continue;
		c->expectations++;
		if (got != v)
			cx_error(c, x->line, x->col,
				 "key of 0x%llx: %s expected %llu, got %u",
				 (unsigned long long)addr, f[i].n,
				 (unsigned long long)v, got);
	}
	return args_unused(c, s);
}

static int expect_pending(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *io = arg_key(s, "io"), *isc = arg_key(s, "isc");
	struct scn_arg *crw = arg_key(s, "crw");
	uint64_t n_io = 0, n_isc = 8, n_crw = 0;
	unsigned got = 0;

	if (!io && !crw)
		return arg_missing(c, s, "io=N or crw=N");
	if (io)
		val_uint(c, io, 1u << 20, &n_io);
	if (isc && (!io || val_uint(c, isc, 7, &n_isc)))
		cx_error(c, isc->line, isc->col, "isc= counts io= of one ISC (0-7)");
	if (crw)
		val_uint(c, crw, 1u << 20, &n_crw);
	if (args_unused(c, s) || c->dry)
		return 0;
	if (io) {
		for (unsigned i = 0; i < 8; i++)
			if (n_isc == 8 || n_isc == i)
				got += sim_css_io_pending(c->css, i);
		c->expectations++;
		if (got != n_io)
			cx_error(c, io->line, io->col,
				 "I/O-interruption requests%s: expected %llu, got %u",
				 isc ? " of that ISC" : "", (unsigned long long)n_io,
				 got);
	}
	if (crw) {
		got = sim_css_crw_pending(c->css);
		c->expectations++;
		if (got != n_crw)
			cx_error(c, crw->line, crw->col,
				 "CRWs queued: expected %llu, got %u",
				 (unsigned long long)n_crw, got);
	}
	return 0;
}

static int expect_device(struct ctx *c, struct scn_stmt *s)
{
	static const char *const tnames[] = { "commands", "halts", "clears",
		"mismatches", "bytes_in", "bytes_out", "last_cmd" };
	static const char *const fnames[] = { "blocks_read", "blocks_written",
		"blocks_zeroed", "rejects" };
	struct scn_arg *a = arg_pos(s, 1);
	uint64_t tv[7] = { 0 }, fv[4] = { 0 };
	unsigned ssid, schno;
	struct sim_dev *dev = NULL;

	if (!a)
		return arg_missing(c, s, "a subchannel id");
	if (val_sid(c, a, &ssid, &schno))
		return -1;
	if (!c->dry) {
		dev = sim_css_sch_dev(c->css, ssid, schno);
		if (!dev) {
			cx_error(c, s->line, s->col, "%s has no device", a->val);
			return -1;
		}
		if (!strcmp(dev->ops->kind, "test")) {
			struct sim_testdev_stats st;

			sim_testdev_stats(dev, &st);
			tv[0] = st.commands, tv[1] = st.halts, tv[2] = st.clears;
			tv[3] = st.mismatches, tv[4] = st.bytes_in;
			tv[5] = st.bytes_out, tv[6] = st.last_cmd;
		} else if (!strcmp(dev->ops->kind, "fba")) {
			struct sim_fba_stats st;

			sim_fba_stats(dev, &st);
			fv[0] = st.blocks_read, fv[1] = st.blocks_written;
			fv[2] = st.blocks_zeroed, fv[3] = st.rejects;
		}
	}
	for (unsigned k = 2; k < s->nargs; k++) {
		struct scn_arg *x = &s->args[k];
		const uint64_t *vals = NULL;
		unsigned i = 0;
		uint64_t v;
		char name[64];
		enum scn_cmp op;

		if (!x->key)
			continue;
		x->used = 1;
		op = scn_split_cmp(x->key, name, sizeof(name));
		for (i = 0; i < 7 && strcmp(name, tnames[i]); i++)
			;
		if (i < 7) {
			vals = tv;
		} else {
			for (i = 0; i < 4 && strcmp(name, fnames[i]); i++)
				;
			if (i < 4)
				vals = fv;
		}
		if (!vals) {
			cx_error(c, x->line, x->col,
				 "no counter '%s' (test: commands halts clears mismatches bytes_in bytes_out last_cmd; fba: blocks_read blocks_written blocks_zeroed rejects)",
				 name);
			continue;
		}
		if (op == CMP_HAS) {
			cx_error(c, x->line, x->col,
				 "'&=' is for flag fields; the counter %s is a number", name);
			continue;
		}
		if (vals == tv && i == 6) {
			uint8_t code;

			if (val_cmd(c, x, &code))
				continue;
			v = code;
		} else if (val_u64(c, x, &v)) {
			continue;
		}
		if (c->dry)
			continue;
		if (strcmp(dev->ops->kind, vals == tv ? "test" : "fba")) {
			cx_error(c, x->line, x->col, "%s is a %s device, without '%s'",
				 a->val, dev->ops->kind, x->key);
			continue;
		}
		c->expectations++;
		if (!scn_cmp_holds(op, vals[i], v))
			cx_error(c, x->line, x->col,
				 "device %s: %s expected %s%llu, got %llu", a->val,
				 name, scn_cmp_words[op], (unsigned long long)v,
				 (unsigned long long)vals[i]);
	}
	return args_unused(c, s);
}

static int expect_received(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 1);
	struct sim_dev *dev;
	const uint8_t *got;
	uint8_t *want;
	uint32_t n;
	size_t wn = 0;

	if (!a)
		return arg_missing(c, s, "a subchannel id");
	want = want_bytes(c, s, 2, &wn);
	if (args_unused(c, s) || !want || c->dry) {
		free(want);
		return 0;
	}
	dev = test_dev(c, s, a);
	if (dev) {
		got = sim_testdev_received(dev, &n);
		if (n != wn) {
			c->expectations++;
			cx_error(c, s->line, s->col,
				 "the device received %u bytes, expected %zu", n,
				 wn);
		} else {
			compare(c, s, "received", 0, want, got, wn);
		}
	}
	free(want);
	return 0;
}

static int expect_file(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 1), *o = arg_key(s, "offset");
	struct scn_arg *bl = arg_key(s, "block"), *bs = arg_key(s, "blksize");
	uint64_t off = 0, blk = 0, bsize = 512;
	uint8_t *want, *got = NULL;
	size_t n = 0;
	char path[512], what[300];
	FILE *f;

	if (!a)
		return arg_missing(c, s, "a file name");
	if (o)
		val_u64(c, o, &off);
	if (bs)
		val_uint(c, bs, 4096, &bsize);
	if (bl && !val_u64(c, bl, &blk))
		off += blk * bsize;
	if (strchr(a->val, '/'))
		cx_error(c, a->line, a->col,
			 "a file of the run is named without a directory");
	want = want_bytes(c, s, 2, &n);
	if (args_unused(c, s) || !want || c->dry) {
		free(want);
		return 0;
	}
	snprintf(path, sizeof(path), "%s/%s", c->tmpdir, a->val);
	snprintf(what, sizeof(what), "file %s", a->val);
	f = fopen(path, "rb");
	got = calloc(1, n ? n : 1);
	if (!f || !got || fseeko(f, (off_t)off, SEEK_SET)) {
		cx_error(c, s->line, s->col, "cannot read %s", what);
	} else {
		size_t r = fread(got, 1, n, f);

		if (r < n) {
			c->expectations++;
			cx_error(c, s->line, s->col,
				 "%s has %zu bytes at offset %llu, expected %zu",
				 what, r, (unsigned long long)off, n);
		} else {
			compare(c, s, what, off, want, got, n);
		}
	}
	if (f)
		fclose(f);
	free(got);
	free(want);
	return 0;
}

static int expect_time(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 1), *lo = arg_key(s, "min");
	struct scn_arg *hi = arg_key(s, "max");
	sim_vtime t = 0, tmin = 0, tmax = SIM_VTIME_MAX, now;

	if (!a && !lo && !hi)
		return arg_missing(c, s, "a time, or min= and/or max=");
	if (a && !val_time(c, a, &t))
		tmin = tmax = t;
	if (lo)
		val_time(c, lo, &tmin);
	if (hi)
		val_time(c, hi, &tmax);
	if (args_unused(c, s) || c->dry)
		return 0;
	now = sim_evq_now(c->q);
	c->expectations++;
	if (now < tmin || now > tmax)
		cx_error(c, s->line, s->col,
			 "the time is %llu ns, expected %s%llu ns", (unsigned long long)now,
			 tmin == tmax ? "" : "a time in ", (unsigned long long)tmin);
	return 0;
}

/*
 * expect trace, then indented lines: each must appear in the text trace,
 * in order, after what the previous "expect trace" matched.
 */
static int expect_trace(struct ctx *c, struct scn_stmt *s)
{
	const char *p;

	if (!s->nblock)
		cx_error(c, s->line, s->col,
			 "expect trace wants indented lines below it, one text each");
	if (args_unused(c, s) || c->dry)
		return 0;
	fflush(c->trace);
	p = c->trace_buf ? c->trace_buf + c->trace_seen : "";
	for (unsigned i = 0; i < s->nblock; i++) {
		const char *hit = strstr(p, s->block[i]);

		c->expectations++;
		if (!hit) {
			cx_error(c, s->block_line[i], 1,
				 "expect trace: '%s' does not follow in the trace%s",
				 s->block[i],
				 i ? "" : " (after what earlier expectations matched)");
			return 0;
		}
		p = strchr(hit, '\n');
		p = p ? p + 1 : hit + strlen(hit);
	}
	c->trace_seen = (size_t)(p - c->trace_buf);
	return 0;
}

int v_expect(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *w = arg_pos(s, 0), *a;
	const char *const *k;

	if (!w)
		return arg_missing(c, s, "what to expect");
	if (!strcmp(w->val, "storage"))
		return expect_storage(c, s);
	if (!strcmp(w->val, "key"))
		return expect_key(c, s);
	if (!strcmp(w->val, "pending"))
		return expect_pending(c, s);
	if (!strcmp(w->val, "device"))
		return expect_device(c, s);
	if (!strcmp(w->val, "received"))
		return expect_received(c, s);
	if (!strcmp(w->val, "file"))
		return expect_file(c, s);
	if (!strcmp(w->val, "time"))
		return expect_time(c, s);
	if (!strcmp(w->val, "trace"))
		return expect_trace(c, s);
	if (!strcmp(w->val, "vfio"))
		return vfio_expect(c, s);
	for (k = ccwa_kinds(); *k; k++)
		if (!strcmp(*k, w->val))
			break;
	if (!*k) {
		cx_error(c, w->line, w->col,
			 "expect what? '%s' is not storage, key, pending, device, received, file, time, trace or a block kind (irb scsw schib pmcw crw orb ccw1 ...)",
			 w->val);
		return -1;
	}
	a = arg_pos(s, 1);
	if (!a)
		return arg_missing(c, s, "an address (or, for scsw/pmcw/schib, a subchannel id)");
	if (strchr(a->val, '.') && (!strcmp(*k, "scsw") || !strcmp(*k, "pmcw") ||
				    !strcmp(*k, "schib")))
		return expect_sch(c, s, *k, a);
	return expect_block(c, s, *k, a);
}
