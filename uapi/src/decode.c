// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Kinds: how `ccwsim decode KIND` lays block descriptions over input bytes,
 * and how a field value is put into words.
 */
#include <stdio.h>
#include <string.h>

#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/cmb.h>
#include <ccwsim/arch/crw.h>
#include <ccwsim/arch/decode.h>
#include <ccwsim/arch/esw.h>
#include <ccwsim/arch/idaw.h>
#include <ccwsim/arch/intcode.h>
#include <ccwsim/arch/irb.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/pmcw.h>
#include <ccwsim/arch/schib.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/arch/senseid.h>
#include <ccwsim/arch/sid.h>

#include "blocks.h"

struct kind {
	const char *name;
	const char *sizes;	/* accepted lengths, for messages */
	/* Fill parts; return their number, or 0 when @len does not fit. */
	int (*layout)(const uint8_t *b, size_t len, struct ccwa_part *p);
};

static int part(struct ccwa_part *p, const struct ccwa_block_desc *blk,
		size_t offset, size_t len)
{
	p->blk = blk;
	p->offset = offset;
	p->len = len;
	return 1;
}

/* Kinds that are exactly one block of a fixed size. */
#define LAY_ONE(kind, desc, size)					\
	static int lay_##kind(const uint8_t *b, size_t len,		\
			      struct ccwa_part *p)			\
	{								\
		(void)b;						\
		return len == (size) ? part(p, &(desc), 0, len) : 0;	\
	}

LAY_ONE(sid, ccwa_desc_sid, CCWA_SID_SIZE)
LAY_ONE(ccw0, ccwa_desc_ccw0, CCWA_CCW_SIZE)
LAY_ONE(ccw1, ccwa_desc_ccw1, CCWA_CCW_SIZE)
LAY_ONE(midaw, ccwa_desc_midaw, CCWA_MIDAW_SIZE)
LAY_ONE(scsw, ccwa_desc_scsw, CCWA_SCSW_SIZE)
LAY_ONE(erw, ccwa_desc_erw, CCWA_ERW_SIZE)
LAY_ONE(pmcw, ccwa_desc_pmcw, CCWA_PMCW_SIZE)
LAY_ONE(crw, ccwa_desc_crw, CCWA_CRW_SIZE)
LAY_ONE(ciw, ccwa_desc_ciw, CCWA_CIW_SIZE)
LAY_ONE(cmb0, ccwa_desc_cmb0, CCWA_CMB0_SIZE)
LAY_ONE(cmb1, ccwa_desc_cmb1, CCWA_CMB1_SIZE)

/* 12 bytes (X=0) or 32 (X=1); with 12 the extension fields are not shown. */
static int lay_orb(const uint8_t *b, size_t len, struct ccwa_part *p)
{
	(void)b;
	if (len != CCWA_ORB_SIZE && len != CCWA_ORB_EXT_SIZE)
		return 0;
	return part(p, &ccwa_desc_orb, 0, len);
}

/* The length says the format: 4 bytes format-1, 8 bytes format-2. */
static int lay_idaw(const uint8_t *b, size_t len, struct ccwa_part *p)
{
	(void)b;
	if (len == CCWA_IDAW1_SIZE)
		return part(p, &ccwa_desc_idaw1, 0, len);
	if (len == CCWA_IDAW2_SIZE)
		return part(p, &ccwa_desc_idaw2, 0, len);
	return 0;
}

/* ESW formats 1-3 at @off: word 0 and words 2-4, then the ERW. */
static int esw_parts(size_t off, struct ccwa_part *p)
{
	int n = 0;

	n += part(&p[n], &ccwa_desc_esw, off, CCWA_ESW_SIZE);
	n += part(&p[n], &ccwa_desc_erw, off + 4, CCWA_ERW_SIZE);
	return n;
}

/* ESW format 0 at @off: logout, ERW, then words 2-4. */
static int esw0_parts(size_t off, struct ccwa_part *p)
{
	int n = 0;

	n += part(&p[n], &ccwa_desc_sublog, off, CCWA_SUBLOG_SIZE);
	n += part(&p[n], &ccwa_desc_erw, off + 4, CCWA_ERW_SIZE);
	n += part(&p[n], &ccwa_desc_esw0, off, CCWA_ESW_SIZE);
	return n;
}

static int lay_esw(const uint8_t *b, size_t len, struct ccwa_part *p)
{
	(void)b;
	return len == CCWA_ESW_SIZE ? esw_parts(0, p) : 0;
}

static int lay_esw0(const uint8_t *b, size_t len, struct ccwa_part *p)
{
	(void)b;
	return len == CCWA_ESW_SIZE ? esw0_parts(0, p) : 0;
}

/* SCSW L (bit 5) says which ESW format follows; 96 bytes add the EMW. */
static int lay_irb(const uint8_t *b, size_t len, struct ccwa_part *p)
{
	const size_t esw = offsetof(struct ccwa_irb, esw);
	int n = 0;

	if (len != CCWA_IRB_SIZE_NO_EMW && len != CCWA_IRB_SIZE)
		return 0;
	n += part(&p[n], &ccwa_desc_scsw, 0, CCWA_SCSW_SIZE);
	if (ccwa_scsw_eswf((const struct ccwa_scsw *)b))
		n += esw0_parts(esw, &p[n]);
	else
		n += esw_parts(esw, &p[n]);
	n += part(&p[n], &ccwa_desc_ecw, offsetof(struct ccwa_irb, ecw),
		  CCWA_ECW_SIZE);
	if (len == CCWA_IRB_SIZE)
		n += part(&p[n], &ccwa_desc_emw, offsetof(struct ccwa_irb, emw),
			  CCWA_EMW_SIZE);
	return n;
}

static int lay_schib(const uint8_t *b, size_t len, struct ccwa_part *p)
{
	int n = 0;

	(void)b;
	if (len != CCWA_SCHIB_SIZE)
		return 0;
	n += part(&p[n], &ccwa_desc_pmcw, offsetof(struct ccwa_schib, pmcw),
		  CCWA_PMCW_SIZE);
	n += part(&p[n], &ccwa_desc_scsw, offsetof(struct ccwa_schib, scsw),
		  CCWA_SCSW_SIZE);
	n += part(&p[n], &ccwa_desc_schib, 0, len);
	return n;
}

/* 12 bytes as stored by an interruption, 8 as stored by TPI to an operand. */
static int lay_intcode(const uint8_t *b, size_t len, struct ccwa_part *p)
{
	(void)b;
	if (len != CCWA_INTCODE_SIZE && len != CCWA_TPI_OPERAND_SIZE)
		return 0;
	return part(p, &ccwa_desc_intcode, 0, len);
}

/*
 * The fixed 8 bytes, then one part per CIW.  A word whose entry type is
 * not 01 ends the CIWs (devices pad with zeros), so later words are not
 * shown as CIWs.
 */
static int lay_senseid(const uint8_t *b, size_t len, struct ccwa_part *p)
{
	int n = 0;

	if (len < CCWA_SENSEID_SIZE || len > CCWA_SENSEID_MAX ||
	    (len - CCWA_SENSEID_SIZE) % CCWA_CIW_SIZE)
		return 0;
	n += part(&p[n], &ccwa_desc_senseid, 0, CCWA_SENSEID_SIZE);
	for (size_t off = CCWA_SENSEID_SIZE; off < len; off += CCWA_CIW_SIZE) {
		if (ccwa_ciw_et((const struct ccwa_ciw *)(b + off)) !=
		    CCWA_CIW_ET_CIW)
			break;
		n += part(&p[n], &ccwa_desc_ciw, off, CCWA_CIW_SIZE);
	}
	return n;
}

_Static_assert(1 + (CCWA_SENSEID_MAX - CCWA_SENSEID_SIZE) / CCWA_CIW_SIZE <=
	       CCWA_MAX_PARTS, "CCWA_MAX_PARTS too small for sense-ID data");

static const struct kind kinds[] = {
	{ "sid",     "4",               lay_sid },
	{ "orb",     "12 or 32",        lay_orb },
	{ "ccw0",    "8",               lay_ccw0 },
	{ "ccw1",    "8",               lay_ccw1 },
	{ "idaw",    "4 or 8",          lay_idaw },
	{ "midaw",   "16",              lay_midaw },
	{ "scsw",    "12",              lay_scsw },
	{ "esw",     "20",              lay_esw },
	{ "esw0",    "20",              lay_esw0 },
	{ "erw",     "4",               lay_erw },
	{ "irb",     "64 or 96",        lay_irb },
	{ "pmcw",    "28",              lay_pmcw },
	{ "schib",   "52",              lay_schib },
	{ "crw",     "4",               lay_crw },
	{ "intcode", "12 or 8",         lay_intcode },
	{ "senseid", "8+4n up to 256",  lay_senseid },
	{ "ciw",     "4",               lay_ciw },
	{ "cmb0",    "32",              lay_cmb0 },
	{ "cmb1",    "64",              lay_cmb1 },
};

#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

const char *const *ccwa_kinds(void)
{
	static const char *names[NKINDS + 1];

	if (!names[0])
		for (size_t i = 0; i < NKINDS; i++)
			names[i] = kinds[i].name;
	return names;
}

static const struct kind *find_kind(const char *name)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

const char *ccwa_kind_sizes(const char *kind)
{
	const struct kind *k = find_kind(kind);

	return k ? k->sizes : NULL;
}

int ccwa_layout(const char *kind, const uint8_t *b, size_t len,
		struct ccwa_part *parts, char *err, size_t errlen)
{
	const struct kind *k = find_kind(kind);
	int n;

	if (!k) {
		snprintf(err, errlen, "unknown kind '%s'", kind);
		return -1;
	}
	n = k->layout(b, len, parts);
	if (n <= 0) {
		snprintf(err, errlen, "%s is %s bytes, got %zu", kind, k->sizes,
			 len);
		return -1;
	}
	return n;
}

uint64_t ccwa_field_value(const struct ccwa_field *f, const uint8_t *blk)
{
	return ccwa_get_bits(blk, f->bit, f->width);
}

int ccwa_field_suspect(const struct ccwa_field *f, uint64_t v)
{
	switch (f->kind) {
	case CCWA_FK_RSVD:
		return v != 0;
	case CCWA_FK_ENUM:
		return f->names[v] == NULL;
	default:
		return 0;
	}
}

static char *flags_text(const struct ccwa_field *f, uint64_t v, char *buf,
			size_t len)
{
	size_t used = 0;

	buf[0] = 0;
	for (unsigned i = 0; i < f->width; i++) {
		if (!(v >> (f->width - 1 - i) & 1))
			continue;
		int n = snprintf(buf + used, len - used, "%s%s",
				 used ? "|" : "", f->names[i]);
		if (n < 0 || (size_t)n >= len - used)
			break;
		used += (size_t)n;
	}
	if (!used)
		snprintf(buf, len, "-");
	return buf;
}

/* §1.3: the command-code class, and the common commands by name. */
static char *cmd_text(int fmt1, uint8_t code, char *buf, size_t len)
{
	static const char *const cls[] = {
		[CCWA_CMD_INVALID] = "invalid",
		[CCWA_CMD_WRITE] = "write",
		[CCWA_CMD_READ] = "read",
		[CCWA_CMD_READ_BACKWARD] = "read-backward",
		[CCWA_CMD_CONTROL] = "control",
		[CCWA_CMD_SENSE_CLASS] = "sense",
		[CCWA_CMD_TIC_CLASS] = "tic",
	};
	const char *name = code == CCWA_CMD_NOP ? " nop" :
			   code == CCWA_CMD_SENSE ? " basic-sense" :
			   code == CCWA_CMD_SENSE_ID ? " sense-id" : "";

	if (fmt1 && ccwa_cmd_class(code) == CCWA_CMD_TIC_CLASS &&
	    !ccwa_ccw1_is_tic(code))
		snprintf(buf, len, "0x%02x invalid (format-1 TIC is 0x08)",
			 code);
	else
		snprintf(buf, len, "0x%02x %s%s", code, cls[ccwa_cmd_class(code)],
			 name);
	return buf;
}

char *ccwa_field_text(const struct ccwa_field *f, uint64_t v, char *buf,
		      size_t len)
{
	int digits = (f->width + 3) / 4;

	switch (f->kind) {
	case CCWA_FK_DEC:
		snprintf(buf, len, "%llu", (unsigned long long)v);
		break;
	case CCWA_FK_BIT:
		snprintf(buf, len, "%u", (unsigned)v);
		break;
	case CCWA_FK_FLAGS:
		return flags_text(f, v, buf, len);
	case CCWA_FK_ENUM:
		if (f->names[v])
			snprintf(buf, len, "%s", f->names[v]);
		else
			snprintf(buf, len, "0x%0*llx (reserved value)", digits,
				 (unsigned long long)v);
		break;
	case CCWA_FK_CMD0:
	case CCWA_FK_CMD1:
		return cmd_text(f->kind == CCWA_FK_CMD1, (uint8_t)v, buf, len);
	case CCWA_FK_RSVD:
		if (v)
			snprintf(buf, len, "0x%0*llx (reserved, not zero)",
				 digits, (unsigned long long)v);
		else
			snprintf(buf, len, "0");
		break;
	default:
		snprintf(buf, len, "0x%0*llx", digits, (unsigned long long)v);
		break;
	}
	return buf;
}
