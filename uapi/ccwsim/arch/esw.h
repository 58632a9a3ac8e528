/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Extended-status word (ESW): 20 bytes, IRB bytes 12-31 (facts §1.7).
 *
 *   format 0 (SCSW L=1)    word 0 subchannel logout | word 1 ERW |
 *                          words 2-3 failing-storage address | word 4
 *                          secondary-CCW address
 *   formats 1-3 (SCSW L=0) word 0 zero | LPUM | DCTI (format 2) |
 *                          word 1 ERW | words 2-4 zero
 *
 * struct ccwa_esw carries two field lists: CCWA_ESW_FIELDS is the formats
 * 1-3 view of words 0 and 2-4, CCWA_ESW0_FIELDS the format-0 words 2-4.
 * Word 0 in format 0 and word 1 in every format are blocks of their own
 * (struct ccwa_sublog, struct ccwa_erw); ccwa_esw_sublog() and
 * ccwa_esw_erw() point at them.  Names follow Linux's struct sublog/erw.
 */
#ifndef CCWSIM_ARCH_ESW_H
#define CCWSIM_ARCH_ESW_H

#include <ccwsim/arch/field.h>

#define CCWA_ESW_SIZE		20
#define CCWA_ERW_SIZE		4
#define CCWA_SUBLOG_SIZE	4

struct ccwa_erw {
	uint8_t b[CCWA_ERW_SIZE];
};
_Static_assert(sizeof(struct ccwa_erw) == CCWA_ERW_SIZE, "ERW size");

struct ccwa_sublog {
	uint8_t b[CCWA_SUBLOG_SIZE];
};
_Static_assert(sizeof(struct ccwa_sublog) == CCWA_SUBLOG_SIZE, "sublog size");

struct ccwa_esw {
	uint8_t b[CCWA_ESW_SIZE];
};
_Static_assert(sizeof(struct ccwa_esw) == CCWA_ESW_SIZE, "ESW size");

/* SCNT is bits 10-15; QEMU's SCNT << 8 is a bug (facts §1.7). */
#define CCWA_ERW_FIELDS(X)						\
	X(erw, res0,   0,  1, 32, RSVD, NULL, "reserved") \
	X(erw, log,    1,  1, 32, BIT,  NULL, "L: request logging only") \
	X(erw, eslp,   2,  1, 32, BIT,  NULL, "E: extended subchannel logout pending") \
	X(erw, auth,   3,  1, 32, BIT,  NULL, "A: authorization check") \
	X(erw, pvrf,   4,  1, 32, BIT,  NULL, "P: path-verification required") \
	X(erw, cpt,    5,  1, 32, BIT,  NULL, "T: channel-path timeout") \
	X(erw, fsavf,  6,  1, 32, BIT,  NULL, "F: failing-storage address valid") \
	X(erw, cons,   7,  1, 32, BIT,  NULL, "S: concurrent sense, the ECW holds sense") \
	X(erw, scavf,  8,  1, 32, BIT,  NULL, "C: secondary-CCW address valid") \
	X(erw, fsaf,   9,  1, 32, BIT,  NULL, "R: failing-storage address format, 1 = 64-bit") \
	X(erw, scnt,  10,  6, 32, DEC,  NULL, "SCNT: sense bytes in the ECW") \
	X(erw, res16, 16, 16, 32, RSVD, NULL, "reserved")

#define CCWA_SUBLOG_FIELDS(X)						\
	X(sublog, res0,   0, 1, 32, RSVD,  NULL, "reserved") \
	X(sublog, esf,    1, 7, 32, FLAGS, ccwa_sublog_esf_names, "ESF: extended-status flags") \
	X(sublog, lpum,   8, 8, 32, HEX,   NULL, "LPUM: last-path-used mask") \
	X(sublog, arep,  16, 1, 32, BIT,   NULL, "A: ancillary report") \
	X(sublog, fvf,   17, 5, 32, FLAGS, ccwa_sublog_fvf_names, "FVF: field-validity flags") \
	X(sublog, sacc,  22, 2, 32, ENUM,  ccwa_sublog_sacc_names, "SA: storage-access code") \
	X(sublog, termc, 24, 2, 32, ENUM,  ccwa_sublog_termc_names, "TC: termination code") \
	X(sublog, devsc, 26, 1, 32, BIT,   NULL, "D: device-status check") \
	X(sublog, serr,  27, 1, 32, BIT,   NULL, "E: secondary error") \
	X(sublog, ioerr, 28, 1, 32, BIT,   NULL, "A: I/O-error alert") \
	X(sublog, seqc,  29, 3, 32, DEC,   NULL, "SC: sequence code")

/* Formats 1-3: word 0 and the zero words 2-4 (word 1 is the ERW). */
#define CCWA_ESW_FIELDS(X)						\
	X(esw, res0,     0,  8, 32, RSVD, NULL, "reserved") \
	X(esw, lpum,     8,  8, 32, HEX,  NULL, "LPUM: last-path-used mask") \
	X(esw, dcti,    16, 16, 32, DEC,  NULL, "format 2: device-connect-time interval; reserved in formats 1, 3") \
	X(esw, res64,   64, 32, 32, RSVD, NULL, "reserved") \
	X(esw, res96,   96, 32, 32, RSVD, NULL, "reserved") \
	X(esw, res128, 128, 32, 32, RSVD, NULL, "reserved")

/* Format 0: words 2-4 (word 0 is the logout, word 1 the ERW). */
#define CCWA_ESW0_FIELDS(X)						\
	X(esw, faddr,  64, 64, 64, HEX, NULL, "failing-storage address (ERW F; 31-bit in word 2 unless ERW R)") \
	X(esw, saddr, 128, 32, 32, HEX, NULL, "secondary-CCW address (ERW C)")

CCWA_ERW_FIELDS(CCWA_ACCESSORS)
CCWA_SUBLOG_FIELDS(CCWA_ACCESSORS)
CCWA_ESW_FIELDS(CCWA_ACCESSORS)
CCWA_ESW0_FIELDS(CCWA_ACCESSORS)

/* ESF bits 1-6 (the field's value, bit 7 is reserved) */
#define CCWA_SUBLOG_ESF_KEY	0x40
#define CCWA_SUBLOG_ESF_MBPGM	0x20
#define CCWA_SUBLOG_ESF_MBDATA	0x10
#define CCWA_SUBLOG_ESF_MBPROT	0x08
#define CCWA_SUBLOG_ESF_CCW	0x04
#define CCWA_SUBLOG_ESF_IDAW	0x02

/* FVF bits 17-21 */
#define CCWA_SUBLOG_FVF_LPUM	0x10
#define CCWA_SUBLOG_FVF_TERMC	0x08
#define CCWA_SUBLOG_FVF_SEQC	0x04
#define CCWA_SUBLOG_FVF_DEVSC	0x02
#define CCWA_SUBLOG_FVF_CPA	0x01

/* The blocks are byte arrays (alignment 1), so these casts are safe. */
static inline struct ccwa_sublog *ccwa_esw_sublog(struct ccwa_esw *esw)
{
	return (struct ccwa_sublog *)esw->b;
}

static inline const struct ccwa_sublog *
ccwa_esw_sublog_const(const struct ccwa_esw *esw)
{
	return (const struct ccwa_sublog *)esw->b;
}

static inline struct ccwa_erw *ccwa_esw_erw(struct ccwa_esw *esw)
{
	return (struct ccwa_erw *)(esw->b + 4);
}

static inline const struct ccwa_erw *ccwa_esw_erw_const(const struct ccwa_esw *esw)
{
	return (const struct ccwa_erw *)(esw->b + 4);
}

#endif /* CCWSIM_ARCH_ESW_H */
