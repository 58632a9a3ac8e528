// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The decoder: how each kind lays block descriptions over input bytes
 * (facts §1, §5.3, §5.4), the length rules, and how field values are put
 * into words.
 */
#include <stdio.h>
#include <string.h>

#include <ccwsim/arch/decode.h>

#include "check_main.h"

struct exp_part {
	const char *name;
	size_t offset, len, size;	/* size: the description's block size */
};

struct layout_case {
	const char *kind;
	size_t len;
	const char *facts;		/* of the first part */
	int nparts;
	struct exp_part p[6];
};

/*
 * §1.1-§1.11, §5.3, §5.4: every kind at every good length, all-zero input
 * (so an IRB has SCSW L=0 and sense-ID data has no CIWs).
 */
static const struct layout_case good[] = {
	{ "sid", 4, "§1.1", 1, { { "sid", 0, 4, 4 } } },
	{ "orb", 12, "§1.2", 1, { { "orb", 0, 12, 32 } } },
	{ "orb", 32, "§1.2", 1, { { "orb", 0, 32, 32 } } },
	{ "ccw0", 8, "§1.3", 1, { { "ccw0", 0, 8, 8 } } },
	{ "ccw1", 8, "§1.3", 1, { { "ccw1", 0, 8, 8 } } },
	{ "idaw", 4, "§1.4", 1, { { "idaw1", 0, 4, 4 } } },
	{ "idaw", 8, "§1.4", 1, { { "idaw2", 0, 8, 8 } } },
	{ "midaw", 16, "§1.4", 1, { { "midaw", 0, 16, 16 } } },
	{ "scsw", 12, "§1.5", 1, { { "scsw", 0, 12, 12 } } },
	{ "esw", 20, "§1.7", 2, { { "esw", 0, 20, 20 }, { "erw", 4, 4, 4 } } },
	{ "esw0", 20, "§1.7", 3, { { "sublog", 0, 4, 4 }, { "erw", 4, 4, 4 },
				    { "esw0", 0, 20, 20 } } },
	{ "erw", 4, "§1.7", 1, { { "erw", 0, 4, 4 } } },
	{ "irb", 64, "§1.5", 4, { { "scsw", 0, 12, 12 }, { "esw", 12, 20, 20 },
				   { "erw", 16, 4, 4 }, { "ecw", 32, 32, 32 } } },
	{ "irb", 96, "§1.5", 5, { { "scsw", 0, 12, 12 }, { "esw", 12, 20, 20 },
				   { "erw", 16, 4, 4 }, { "ecw", 32, 32, 32 },
				   { "emw", 64, 32, 32 } } },
	{ "pmcw", 28, "§1.6", 1, { { "pmcw", 0, 28, 28 } } },
	{ "schib", 52, "§1.6", 3, { { "pmcw", 0, 28, 28 }, { "scsw", 28, 12, 12 },
				     { "schib", 0, 52, 52 } } },
	{ "crw", 4, "§1.8", 1, { { "crw", 0, 4, 4 } } },
	{ "intcode", 12, "§1.9", 1, { { "intcode", 0, 12, 12 } } },
	{ "intcode", 8, "§1.9", 1, { { "intcode", 0, 8, 12 } } },
	{ "senseid", 8, "§1.11", 1, { { "senseid", 0, 8, 8 } } },
	{ "senseid", 16, "§1.11", 1, { { "senseid", 0, 8, 8 } } },
	{ "ciw", 4, "§1.11", 1, { { "ciw", 0, 4, 4 } } },
	{ "cmb0", 32, "§5.3", 1, { { "cmb0", 0, 32, 32 } } },
	{ "cmb1", 64, "§5.4", 1, { { "cmb1", 0, 64, 64 } } },
};

static void check_parts(const char *what, const struct ccwa_part *parts,
			int n, const struct exp_part *want, int nwant)
{
	ck_assert_msg(n == nwant, "%s: %d parts, want %d", what, n, nwant);
	for (int i = 0; i < n; i++) {
		ck_assert_msg(strcmp(parts[i].blk->name, want[i].name) == 0,
			      "%s part %d: %s, want %s", what, i,
			      parts[i].blk->name, want[i].name);
		ck_assert_msg(parts[i].offset == want[i].offset,
			      "%s part %d (%s): offset %zu, want %zu", what, i,
			      want[i].name, parts[i].offset, want[i].offset);
		ck_assert_msg(parts[i].len == want[i].len,
			      "%s part %d (%s): len %zu, want %zu", what, i,
			      want[i].name, parts[i].len, want[i].len);
		ck_assert_msg(parts[i].blk->size == want[i].size,
			      "%s part %d (%s): size %u, want %zu", what, i,
			      want[i].name, parts[i].blk->size, want[i].size);
	}
}

START_TEST(test_layout_good_lengths)
{
	const struct layout_case *c = &good[_i];
	uint8_t b[256] = { 0 };
	struct ccwa_part parts[CCWA_MAX_PARTS];
	char err[128] = "";
	char what[64];
	int n;

	snprintf(what, sizeof(what), "%s/%zu", c->kind, c->len);
	n = ccwa_layout(c->kind, b, c->len, parts, err, sizeof(err));
	ck_assert_msg(n > 0, "%s: %s", what, err);
	check_parts(what, parts, n, c->p, c->nparts);
	ck_assert_str_eq(parts[0].blk->facts, c->facts);
}
END_TEST

/*
 * Every description a kind uses is well formed: fields in bit order, not
 * overlapping, inside the block; FLAGS and ENUM fields have names.
 */
START_TEST(test_layout_descriptions_well_formed)
{
	const struct layout_case *c = &good[_i];
	uint8_t b[256] = { 0 };
	struct ccwa_part parts[CCWA_MAX_PARTS];
	char err[128];
	int n = ccwa_layout(c->kind, b, c->len, parts, err, sizeof(err));

	ck_assert_int_gt(n, 0);
	for (int i = 0; i < n; i++) {
		const struct ccwa_block_desc *d = parts[i].blk;
		unsigned next = 0;

		ck_assert_ptr_nonnull(d->title);
		ck_assert_msg(strncmp(d->facts, "§", strlen("§")) == 0,
			      "%s: facts '%s'", d->name, d->facts);
		ck_assert_uint_gt(d->nfields, 0);
		for (unsigned j = 0; j < d->nfields; j++) {
			const struct ccwa_field *f = &d->fields[j];

			ck_assert_msg(f->bit >= next, "%s.%s overlaps or is out of order",
				      d->name, f->name);
			ck_assert_msg(f->bit + f->width <= d->size * 8u,
				      "%s.%s outside the block", d->name, f->name);
			ck_assert_msg(f->desc && f->desc[0], "%s.%s: no desc",
				      d->name, f->name);
			next = f->bit + f->width;
			if (f->kind == CCWA_FK_FLAGS)
				for (unsigned k = 0; k < f->width; k++)
					ck_assert_ptr_nonnull(f->names[k]);
			else if (f->kind == CCWA_FK_ENUM)
				ck_assert_ptr_nonnull(f->names);
			else if (f->kind == CCWA_FK_CMD0 ||
				 f->kind == CCWA_FK_CMD1)
				ck_assert_str_eq(f->name, "cmd_code");
			else
				ck_assert_ptr_null(f->names);
		}
	}
}
END_TEST

/* The kind list and its size strings. */
START_TEST(test_kinds_list)
{
	static const char *const want[] = {
		"sid", "orb", "ccw0", "ccw1", "idaw", "midaw", "scsw", "esw",
		"esw0", "erw", "irb", "pmcw", "schib", "crw", "intcode",
		"senseid", "ciw", "cmb0", "cmb1",
	};
	const char *const *k = ccwa_kinds();
	size_t n = 0;

	for (; k[n]; n++) {
		ck_assert_uint_lt(n, sizeof(want) / sizeof(want[0]));
		ck_assert_str_eq(k[n], want[n]);
		ck_assert_ptr_nonnull(ccwa_kind_sizes(k[n]));
	}
	ck_assert_uint_eq(n, sizeof(want) / sizeof(want[0]));
	ck_assert_ptr_null(ccwa_kind_sizes("tcw"));
	ck_assert_str_eq(ccwa_kind_sizes("irb"), "64 or 96");
}
END_TEST

struct bad_case {
	const char *kind;
	size_t len;
	const char *msg;
};

/* Lengths the facts sheet does not give each block. */
static const struct bad_case bad[] = {
	{ "sid", 3, "sid is 4 bytes, got 3" },
	{ "sid", 8, "sid is 4 bytes, got 8" },
	{ "orb", 16, "orb is 12 or 32 bytes, got 16" },
	{ "orb", 0, "orb is 12 or 32 bytes, got 0" },
	{ "ccw0", 16, "ccw0 is 8 bytes, got 16" },
	{ "ccw1", 7, "ccw1 is 8 bytes, got 7" },
	{ "idaw", 16, "idaw is 4 or 8 bytes, got 16" },
	{ "midaw", 8, "midaw is 16 bytes, got 8" },
	{ "scsw", 11, "scsw is 12 bytes, got 11" },
	{ "esw", 16, "esw is 20 bytes, got 16" },
	{ "esw0", 24, "esw0 is 20 bytes, got 24" },
	{ "erw", 8, "erw is 4 bytes, got 8" },
	{ "irb", 63, "irb is 64 or 96 bytes, got 63" },
	{ "irb", 80, "irb is 64 or 96 bytes, got 80" },
	{ "irb", 128, "irb is 64 or 96 bytes, got 128" },
	{ "pmcw", 32, "pmcw is 28 bytes, got 32" },
	{ "schib", 48, "schib is 52 bytes, got 48" },
	{ "crw", 2, "crw is 4 bytes, got 2" },
	{ "intcode", 4, "intcode is 12 or 8 bytes, got 4" },
	{ "senseid", 7, "senseid is 8+4n up to 256 bytes, got 7" },
	{ "senseid", 10, "senseid is 8+4n up to 256 bytes, got 10" },
	{ "senseid", 260, "senseid is 8+4n up to 256 bytes, got 260" },
	{ "ciw", 8, "ciw is 4 bytes, got 8" },
	{ "cmb0", 64, "cmb0 is 32 bytes, got 64" },
	{ "cmb1", 32, "cmb1 is 64 bytes, got 32" },
	{ "tcw", 64, "unknown kind 'tcw'" },
};

START_TEST(test_layout_bad_lengths)
{
	uint8_t b[300] = { 0 };
	struct ccwa_part parts[CCWA_MAX_PARTS];
	char err[128] = "";

	ck_assert_int_eq(ccwa_layout(bad[_i].kind, b, bad[_i].len, parts, err,
				     sizeof(err)), -1);
	ck_assert_str_eq(err, bad[_i].msg);
}
END_TEST

/* §1.5 SCSW L (byte 0 mask 0x04) and §1.7: L=1 means a format-0 ESW. */
START_TEST(test_irb_esw_format_follows_l)
{
	static const struct exp_part fmt0[] = {
		{ "scsw", 0, 12, 12 }, { "sublog", 12, 4, 4 },
		{ "erw", 16, 4, 4 }, { "esw0", 12, 20, 20 },
		{ "ecw", 32, 32, 32 },
	};
	static const struct exp_part fmt1[] = {
		{ "scsw", 0, 12, 12 }, { "esw", 12, 20, 20 },
		{ "erw", 16, 4, 4 }, { "ecw", 32, 32, 32 },
	};
	uint8_t b[96] = { 0 };
	struct ccwa_part parts[CCWA_MAX_PARTS];
	char err[128];
	int n;

	b[0] = 0x04;
	n = ccwa_layout("irb", b, 64, parts, err, sizeof(err));
	check_parts("irb L=1", parts, n, fmt0, 5);

	b[0] = 0xfb;		/* every other bit of byte 0 */
	b[1] = 0xff;
	n = ccwa_layout("irb", b, 64, parts, err, sizeof(err));
	check_parts("irb L=0", parts, n, fmt1, 4);
}
END_TEST

/* §1.7: the EMW (bytes 64-95) only when 96 bytes are given. */
START_TEST(test_irb_emw_only_with_96_bytes)
{
	uint8_t b[96] = { 0 };
	struct ccwa_part parts[CCWA_MAX_PARTS];
	char err[128];
	int n;

	b[0] = 0x04;
	n = ccwa_layout("irb", b, 96, parts, err, sizeof(err));
	ck_assert_int_eq(n, 6);
	ck_assert_str_eq(parts[5].blk->name, "emw");
	ck_assert_uint_eq(parts[5].offset, 64);
	ck_assert_uint_eq(parts[5].len, 32);

	n = ccwa_layout("irb", b, 64, parts, err, sizeof(err));
	ck_assert_int_eq(n, 5);
	for (int i = 0; i < n; i++)
		ck_assert_str_ne(parts[i].blk->name, "emw");
}
END_TEST

/*
 * §1.11: CIWs follow the 8 fixed bytes; entry type 01 marks a CIW.  A
 * zero word ends them even if a CIW follows it.
 */
START_TEST(test_senseid_counts_ciws)
{
	const uint8_t b[] = {
		0xff, 0x39, 0x90, 0xe9, 0x33, 0x90, 0x0c, 0x00,
		0x40, 0xfa, 0x00, 0x80,		/* RCD */
		0x41, 0x73, 0x00, 0x04,		/* SII */
		0x00, 0x00, 0x00, 0x00,		/* not a CIW: stop */
		0x42, 0x82, 0x01, 0x00,		/* RNI, not shown */
	};
	static const struct exp_part want[] = {
		{ "senseid", 0, 8, 8 }, { "ciw", 8, 4, 4 }, { "ciw", 12, 4, 4 },
	};
	struct ccwa_part parts[CCWA_MAX_PARTS];
	char err[128];
	int n = ccwa_layout("senseid", b, sizeof(b), parts, err, sizeof(err));

	check_parts("senseid", parts, n, want, 3);
}
END_TEST

/* §1.11: entry types 00, 10, 11 are not CIWs. */
START_TEST(test_senseid_stops_at_other_entry_types)
{
	static const uint8_t et[] = { 0x00, 0x80, 0xc0 };

	for (unsigned i = 0; i < sizeof(et); i++) {
		uint8_t b[16] = { 0xff, 0, 0, 0, 0, 0, 0, 0,
				  0x40, 0xfa, 0x00, 0x80 };
		struct ccwa_part parts[CCWA_MAX_PARTS];
		char err[128];

		b[12] = et[i];
		ck_assert_int_eq(ccwa_layout("senseid", b, sizeof(b), parts,
					     err, sizeof(err)), 2);
	}
}
END_TEST

/* §1.11: 256 bytes of sense-ID data hold up to 62 CIWs. */
START_TEST(test_senseid_full_of_ciws)
{
	uint8_t b[256];
	struct ccwa_part parts[CCWA_MAX_PARTS];
	char err[128];
	int n;

	memset(b, 0x40, sizeof(b));
	b[0] = 0xff;
	n = ccwa_layout("senseid", b, sizeof(b), parts, err, sizeof(err));
	ck_assert_int_eq(n, 63);
	ck_assert_int_le(n, CCWA_MAX_PARTS);
	ck_assert_str_eq(parts[62].blk->name, "ciw");
	ck_assert_uint_eq(parts[62].offset, 252);
}
END_TEST

/* Find field @name of block @blk in the layout of @kind over zeros. */
static const struct ccwa_field *field(const char *kind, size_t len,
				      const char *blk, const char *name)
{
	static uint8_t zero[256];
	struct ccwa_part parts[CCWA_MAX_PARTS];
	char err[128];
	int n = ccwa_layout(kind, zero, len, parts, err, sizeof(err));

	for (int i = 0; i < n; i++) {
		if (strcmp(parts[i].blk->name, blk) != 0)
			continue;
		for (unsigned j = 0; j < parts[i].blk->nfields; j++)
			if (strcmp(parts[i].blk->fields[j].name, name) == 0)
				return &parts[i].blk->fields[j];
	}
	ck_abort_msg("no field %s.%s in kind %s", blk, name, kind);
	return NULL;
}

static const char *text(const struct ccwa_field *f, uint64_t v)
{
	static char buf[256];

	return ccwa_field_text(f, v, buf, sizeof(buf));
}

/* §1.3 flag byte, §1.7 FVF: FLAGS join set bits MSB first, "-" for none. */
START_TEST(test_field_text_flags)
{
	const struct ccwa_field *fl = field("ccw1", 8, "ccw1", "flags");
	const struct ccwa_field *fvf = field("esw0", 20, "sublog", "fvf");

	ck_assert_int_eq(fl->kind, CCWA_FK_FLAGS);
	ck_assert_str_eq(text(fl, 0xc4), "cd|cc|ida");
	ck_assert_str_eq(text(fl, 0x01), "mida");
	ck_assert_str_eq(text(fl, 0), "-");
	ck_assert_str_eq(text(fl, 0xff),
			 "cd|cc|sli|skip|pci|ida|suspend|mida");
	ck_assert_str_eq(text(fvf, 0x11), "lpum-valid|cpa-valid");
	ck_assert_int_eq(ccwa_field_suspect(fl, 0xff), 0);
}
END_TEST

/* §1.8 RSC/ERC, §1.6 LM, §1.11 CIW entry type: named and reserved codes. */
START_TEST(test_field_text_enum)
{
	const struct ccwa_field *rsc = field("crw", 4, "crw", "rsc");
	const struct ccwa_field *erc = field("crw", 4, "crw", "erc");
	const struct ccwa_field *lm = field("pmcw", 28, "pmcw", "lm");
	const struct ccwa_field *et = field("ciw", 4, "ciw", "et");
	const struct ccwa_field *termc = field("esw0", 20, "sublog", "termc");

	ck_assert_int_eq(rsc->kind, CCWA_FK_ENUM);
	ck_assert_str_eq(text(rsc, 3), "subchannel");
	ck_assert_str_eq(text(rsc, 4), "channel-path");
	ck_assert_str_eq(text(rsc, 5), "0x5 (reserved value)");
	ck_assert_int_eq(ccwa_field_suspect(rsc, 4), 0);
	ck_assert_int_eq(ccwa_field_suspect(rsc, 5), 1);
	ck_assert_str_eq(text(erc, 0x0a), "installed-parameters-restored");
	ck_assert_str_eq(text(erc, 0x09), "0x09 (reserved value)");
	ck_assert_str_eq(text(erc, 0x3f), "0x3f (reserved value)");
	ck_assert_int_eq(ccwa_field_suspect(erc, 0), 0);
	ck_assert_int_eq(ccwa_field_suspect(erc, 0x3f), 1);
	ck_assert_str_eq(text(lm, 2), "upper");
	ck_assert_str_eq(text(lm, 3), "0x3 (reserved value)");
	ck_assert_int_eq(ccwa_field_suspect(lm, 3), 1);
	ck_assert_str_eq(text(et, 1), "ciw");
	ck_assert_str_eq(text(et, 0), "0x0 (reserved value)");
	ck_assert_str_eq(text(termc, 1), "normal");
	ck_assert_int_eq(ccwa_field_suspect(termc, 3), 1);
}
END_TEST

/* §1.2 ORB bits 26-30, §1.1 SID bits 8-11: reserved, expected zero. */
START_TEST(test_field_text_reserved)
{
	const struct ccwa_field *r58 = field("orb", 12, "orb", "res58");
	const struct ccwa_field *r8 = field("sid", 4, "sid", "res8");

	ck_assert_int_eq(r58->kind, CCWA_FK_RSVD);
	ck_assert_str_eq(text(r58, 0), "0");
	ck_assert_str_eq(text(r58, 0x1f), "0x1f (reserved, not zero)");
	ck_assert_str_eq(text(r8, 0xf), "0xf (reserved, not zero)");
	ck_assert_int_eq(ccwa_field_suspect(r58, 0), 0);
	ck_assert_int_eq(ccwa_field_suspect(r58, 1), 1);
}
END_TEST

/* §5.3 counts, §1.6 ISC: decimal. */
START_TEST(test_field_text_dec)
{
	const struct ccwa_field *sc = field("cmb0", 32, "cmb0", "sample_count");
	const struct ccwa_field *isc = field("pmcw", 28, "pmcw", "isc");

	ck_assert_int_eq(sc->kind, CCWA_FK_DEC);
	ck_assert_str_eq(text(sc, 65535), "65535");
	ck_assert_str_eq(text(isc, 7), "7");
	ck_assert_int_eq(ccwa_field_suspect(sc, 65535), 0);
}
END_TEST

/* §1.2 CPA, §1.4 IDAW addresses, §1.8 RSID: hex, zero-padded to the width. */
START_TEST(test_field_text_hex)
{
	const struct ccwa_field *cpa = field("orb", 12, "orb", "cpa");
	const struct ccwa_field *a1 = field("idaw", 4, "idaw1", "addr");
	const struct ccwa_field *a2 = field("idaw", 8, "idaw2", "addr");
	const struct ccwa_field *rsid = field("crw", 4, "crw", "rsid");

	ck_assert_int_eq(cpa->kind, CCWA_FK_HEX);
	ck_assert_str_eq(text(cpa, 0x1000), "0x00001000");
	ck_assert_str_eq(text(a1, 0x12800), "0x00012800");
	ck_assert_str_eq(text(a2, UINT64_C(0x123456000)), "0x0000000123456000");
	ck_assert_str_eq(text(rsid, 0x12), "0x0012");
	ck_assert_int_eq(ccwa_field_suspect(cpa, 0xffffffff), 0);
}
END_TEST

/* §1.2 ORB F: one bit. */
START_TEST(test_field_text_bit)
{
	const struct ccwa_field *fmt = field("orb", 12, "orb", "fmt");

	ck_assert_int_eq(fmt->kind, CCWA_FK_BIT);
	ck_assert_str_eq(text(fmt, 1), "1");
	ck_assert_str_eq(text(fmt, 0), "0");
	ck_assert_int_eq(ccwa_field_suspect(fmt, 1), 0);
}
END_TEST

/*
 * §1.3 command-code classes: the low bits give the class; in format 1
 * only 0x08 is a TIC, so 0x18 is an invalid command there.
 */
START_TEST(test_field_text_command_codes)
{
	const struct ccwa_field *c0 = field("ccw0", 8, "ccw0", "cmd_code");
	const struct ccwa_field *c1 = field("ccw1", 8, "ccw1", "cmd_code");

	ck_assert_int_eq(c0->kind, CCWA_FK_CMD0);
	ck_assert_int_eq(c1->kind, CCWA_FK_CMD1);
	ck_assert_str_eq(text(c1, 0x00), "0x00 invalid");
	ck_assert_str_eq(text(c1, 0x01), "0x01 write");
	ck_assert_str_eq(text(c1, 0x02), "0x02 read");
	ck_assert_str_eq(text(c1, 0x03), "0x03 control nop");
	ck_assert_str_eq(text(c1, 0x04), "0x04 sense basic-sense");
	ck_assert_str_eq(text(c1, 0x08), "0x08 tic");
	ck_assert_str_eq(text(c1, 0x0c), "0x0c read-backward");
	ck_assert_str_eq(text(c1, 0xe4), "0xe4 sense sense-id");
	ck_assert_str_eq(text(c1, 0x18), "0x18 invalid (format-1 TIC is 0x08)");
	ck_assert_str_eq(text(c0, 0x18), "0x18 tic");
	ck_assert_str_eq(text(c0, 0x63), "0x63 control");
	ck_assert_str_eq(text(c0, 0x10), "0x10 invalid");
}
END_TEST

/* §1.8: values come from the part's own bytes: CRW 44000012. */
START_TEST(test_field_value_from_part)
{
	const uint8_t b[] = { 0x44, 0x00, 0x00, 0x12 };
	struct ccwa_part parts[CCWA_MAX_PARTS];
	char err[128];
	int n = ccwa_layout("crw", b, sizeof(b), parts, err, sizeof(err));
	const struct ccwa_block_desc *d;
	char buf[64];

	ck_assert_int_eq(n, 1);
	d = parts[0].blk;
	for (unsigned j = 0; j < d->nfields; j++) {
		const struct ccwa_field *f = &d->fields[j];
		uint64_t v = ccwa_field_value(f, b + parts[0].offset);

		if (strcmp(f->name, "rsc") == 0)
			ck_assert_str_eq(ccwa_field_text(f, v, buf, sizeof(buf)),
					 "channel-path");
		else if (strcmp(f->name, "slct") == 0)
			ck_assert_uint_eq(v, 1);
		else if (strcmp(f->name, "erc") == 0)
			ck_assert_str_eq(ccwa_field_text(f, v, buf, sizeof(buf)),
					 "event-information-pending");
		else if (strcmp(f->name, "rsid") == 0)
			ck_assert_uint_eq(v, 0x12);
		else
			ck_assert_uint_eq(v, 0);
	}
}
END_TEST

/*
 * §1.2, §1.9: with the short forms (12-byte ORB, 8-byte TPI operand) only
 * the fields inside the given bytes apply.
 */
START_TEST(test_short_forms_cover_their_fields)
{
	static const struct {
		const char *kind;
		size_t len;
		unsigned inside;
	} t[] = {
		{ "orb", 12, 20 },	/* intparm .. cpa */
		{ "orb", 32, 28 },
		{ "intcode", 8, 2 },	/* SID, intparm */
		{ "intcode", 12, 6 },
	};
	uint8_t b[32] = { 0 };

	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct ccwa_part parts[CCWA_MAX_PARTS];
		char err[128];
		unsigned inside = 0;

		ck_assert_int_eq(ccwa_layout(t[i].kind, b, t[i].len, parts, err,
					     sizeof(err)), 1);
		for (unsigned j = 0; j < parts[0].blk->nfields; j++) {
			const struct ccwa_field *f = &parts[0].blk->fields[j];

			if ((size_t)f->bit + f->width <= parts[0].len * 8)
				inside++;
		}
		ck_assert_msg(inside == t[i].inside, "%s/%zu: %u fields, want %u",
			      t[i].kind, t[i].len, inside, t[i].inside);
	}
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_decode");
	TCase *tc = tcase_create("layout");
	TCase *tf = tcase_create("fields");

	tcase_add_loop_test(tc, test_layout_good_lengths, 0,
			    sizeof(good) / sizeof(good[0]));
	tcase_add_loop_test(tc, test_layout_descriptions_well_formed, 0,
			    sizeof(good) / sizeof(good[0]));
	tcase_add_test(tc, test_kinds_list);
	tcase_add_loop_test(tc, test_layout_bad_lengths, 0,
			    sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, test_irb_esw_format_follows_l);
	tcase_add_test(tc, test_irb_emw_only_with_96_bytes);
	tcase_add_test(tc, test_senseid_counts_ciws);
	tcase_add_test(tc, test_senseid_stops_at_other_entry_types);
	tcase_add_test(tc, test_senseid_full_of_ciws);
	tcase_add_test(tc, test_short_forms_cover_their_fields);
	suite_add_tcase(s, tc);

	tcase_add_test(tf, test_field_text_flags);
	tcase_add_test(tf, test_field_text_enum);
	tcase_add_test(tf, test_field_text_reserved);
	tcase_add_test(tf, test_field_text_dec);
	tcase_add_test(tf, test_field_text_hex);
	tcase_add_test(tf, test_field_text_bit);
	tcase_add_test(tf, test_field_text_command_codes);
	tcase_add_test(tf, test_field_value_from_part);
	suite_add_tcase(s, tf);
	return s;
}
