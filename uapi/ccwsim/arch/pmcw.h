/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Path-management-control word (PMCW): 28 bytes, SCHIB bytes 0-27
 * (facts §1.6).
 *
 *   word 0  interruption parameter
 *   word 1  -- ISC - -- | E LM MM D T V | device number
 *   word 2  LPM | PNOM | LPUM | PIM
 *   word 3  MBI | POM | PAM
 *   words 4-5  CHPID 0-7
 *   word 6  reserved | ST --- | reserved ... F X S
 *
 * The MSCH column of §1.6 says which fields MSCH sets, checks or ignores;
 * that is the instruction's business, not this header's.  Names follow
 * Linux's struct pmcw.
 */
#ifndef CCWSIM_ARCH_PMCW_H
#define CCWSIM_ARCH_PMCW_H

#include <ccwsim/arch/field.h>

#define CCWA_PMCW_SIZE 28

struct ccwa_pmcw {
	uint8_t b[CCWA_PMCW_SIZE];
};
_Static_assert(sizeof(struct ccwa_pmcw) == CCWA_PMCW_SIZE, "PMCW size");

#define CCWA_PMCW_FIELDS(X)						\
	X(pmcw, intparm,   0, 32, 32, HEX,   NULL, "interruption parameter") \
	X(pmcw, res32,    32,  2, 32, RSVD,  NULL, "reserved, must be zero") \
	X(pmcw, isc,      34,  3, 32, DEC,   NULL, "ISC: interruption subclass") \
	X(pmcw, res37,    37,  1, 32, RSVD,  NULL, "reserved: ignored by MSCH, stored as zero") \
	X(pmcw, res38,    38,  2, 32, RSVD,  NULL, "reserved, must be zero") \
	X(pmcw, ena,      40,  1, 32, BIT,   NULL, "E: enabled") \
	X(pmcw, lm,       41,  2, 32, ENUM,  ccwa_pmcw_lm_names, "LM: limit mode") \
	X(pmcw, mme,      43,  2, 32, FLAGS, ccwa_pmcw_mme_names, "MM: measurement-mode enable") \
	X(pmcw, mp,       45,  1, 32, BIT,   NULL, "D: multipath mode") \
	X(pmcw, tf,       46,  1, 32, BIT,   NULL, "T: timing facility available") \
	X(pmcw, dnv,      47,  1, 32, BIT,   NULL, "V: device number valid") \
	X(pmcw, dev,      48, 16, 32, HEX,   NULL, "device number") \
	X(pmcw, lpm,      64,  8, 32, HEX,   NULL, "LPM: logical-path mask") \
	X(pmcw, pnom,     72,  8, 32, HEX,   NULL, "PNOM: path-not-operational mask") \
	X(pmcw, lpum,     80,  8, 32, HEX,   NULL, "LPUM: last-path-used mask") \
	X(pmcw, pim,      88,  8, 32, HEX,   NULL, "PIM: path-installed mask") \
	X(pmcw, mbi,      96, 16, 32, HEX,   NULL, "MBI: measurement-block index") \
	X(pmcw, pom,     112,  8, 32, HEX,   NULL, "POM: path-operational mask") \
	X(pmcw, pam,     120,  8, 32, HEX,   NULL, "PAM: path-available mask") \
	X(pmcw, chpid0,  128,  8, 32, HEX,   NULL, "CHPID of path 0") \
	X(pmcw, chpid1,  136,  8, 32, HEX,   NULL, "CHPID of path 1") \
	X(pmcw, chpid2,  144,  8, 32, HEX,   NULL, "CHPID of path 2") \
	X(pmcw, chpid3,  152,  8, 32, HEX,   NULL, "CHPID of path 3") \
	X(pmcw, chpid4,  160,  8, 32, HEX,   NULL, "CHPID of path 4") \
	X(pmcw, chpid5,  168,  8, 32, HEX,   NULL, "CHPID of path 5") \
	X(pmcw, chpid6,  176,  8, 32, HEX,   NULL, "CHPID of path 6") \
	X(pmcw, chpid7,  184,  8, 32, HEX,   NULL, "CHPID of path 7") \
	X(pmcw, res192,  192,  8, 32, RSVD,  NULL, "reserved") \
	X(pmcw, st,      200,  3, 32, ENUM,  ccwa_pmcw_st_names, "ST: subchannel type") \
	X(pmcw, res203,  203, 18, 32, RSVD,  NULL, "reserved") \
	X(pmcw, mbfc,    221,  1, 32, BIT,   NULL, "F: measurement-block format control") \
	X(pmcw, xmwme,   222,  1, 32, BIT,   NULL, "X: extended-measurement-word mode") \
	X(pmcw, csense,  223,  1, 32, BIT,   NULL, "S: concurrent sense")

CCWA_PMCW_FIELDS(CCWA_ACCESSORS)

/* lm */
#define CCWA_PMCW_LM_NONE	0
#define CCWA_PMCW_LM_LOWER	1
#define CCWA_PMCW_LM_UPPER	2

/* mme */
#define CCWA_PMCW_MME_UPDATE	0x2	/* measurement-block update */
#define CCWA_PMCW_MME_DCT	0x1	/* device-connect-time measurement */

/* st */
#define CCWA_PMCW_ST_IO		0
#define CCWA_PMCW_ST_CHSC	1
#define CCWA_PMCW_ST_MESSAGE	2
#define CCWA_PMCW_ST_ADM	3

/* Path n (bit n of each path mask) uses CHPID byte n; n must be 0-7. */
static inline uint8_t ccwa_pmcw_chpid(const struct ccwa_pmcw *p, unsigned n)
{
	return p->b[16 + n];
}

static inline void ccwa_pmcw_set_chpid(struct ccwa_pmcw *p, unsigned n,
				       uint8_t chpid)
{
	p->b[16 + n] = chpid;
}

#endif /* CCWSIM_ARCH_PMCW_H */
