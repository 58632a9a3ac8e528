/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Subchannel-status word (SCSW), command mode: 12 bytes (facts §1.5).
 *
 *   word 0  key S L CC | F P I A U Z E N | - FC(3) AC(4 of 7) | AC(3) SC(5)
 *   word 1  CCW address
 *   word 2  device status | subchannel status | residual count
 *
 * Field names follow Linux's struct cmd_scsw, which s390 developers know;
 * the description column gives the Principles of Operation letter.
 * Which fields are meaningful in which state is tabled in facts §1.5.
 */
#ifndef CCWSIM_ARCH_SCSW_H
#define CCWSIM_ARCH_SCSW_H

#include <ccwsim/arch/field.h>

#define CCWA_SCSW_SIZE 12

struct ccwa_scsw {
	uint8_t b[CCWA_SCSW_SIZE];
};
_Static_assert(sizeof(struct ccwa_scsw) == CCWA_SCSW_SIZE, "SCSW size");

#define CCWA_SCSW_FIELDS(X)						\
	X(scsw, key,    0,  4, 32, HEX,   NULL, "KEY: subchannel key, from the ORB") \
	X(scsw, sctl,   4,  1, 32, BIT,   NULL, "S: suspend control, from the ORB") \
	X(scsw, eswf,   5,  1, 32, BIT,   NULL, "L: ESW format, 1 = format-0 ESW (logout) stored") \
	X(scsw, cc,     6,  2, 32, DEC,   NULL, "CC: deferred condition code") \
	X(scsw, fmt,    8,  1, 32, BIT,   NULL, "F: CCW format, from the ORB") \
	X(scsw, pfch,   9,  1, 32, BIT,   NULL, "P: prefetch, from the ORB") \
	X(scsw, isic,  10,  1, 32, BIT,   NULL, "I: initial-status-interruption control") \
	X(scsw, alcc,  11,  1, 32, BIT,   NULL, "A: address-limit-checking control") \
	X(scsw, ssi,   12,  1, 32, BIT,   NULL, "U: suppress-suspended-interruption control") \
	X(scsw, zcc,   13,  1, 32, BIT,   NULL, "Z: zero condition code") \
	X(scsw, ectl,  14,  1, 32, BIT,   NULL, "E: extended control, the ECW is valid") \
	X(scsw, pno,   15,  1, 32, BIT,   NULL, "N: path not operational") \
	X(scsw, res16, 16,  1, 32, RSVD,  NULL, "reserved in command mode") \
	X(scsw, fctl,  17,  3, 32, FLAGS, ccwa_scsw_fctl_names, "FC: function control") \
	X(scsw, actl,  20,  7, 32, FLAGS, ccwa_scsw_actl_names, "AC: activity control") \
	X(scsw, stctl, 27,  5, 32, FLAGS, ccwa_scsw_stctl_names, "SC: status control") \
	X(scsw, cpa,   32, 32, 32, HEX,   NULL, "CCW address") \
	X(scsw, dstat, 64,  8, 32, FLAGS, ccwa_dstat_names, "device status") \
	X(scsw, cstat, 72,  8, 32, FLAGS, ccwa_cstat_names, "subchannel status") \
	X(scsw, count, 80, 16, 32, DEC,   NULL, "residual count")

CCWA_SCSW_FIELDS(CCWA_ACCESSORS)

/* fctl */
#define CCWA_FCTL_START		0x4
#define CCWA_FCTL_HALT		0x2
#define CCWA_FCTL_CLEAR		0x1

/* actl */
#define CCWA_ACTL_RESUME_PEND	0x40
#define CCWA_ACTL_START_PEND	0x20
#define CCWA_ACTL_HALT_PEND	0x10
#define CCWA_ACTL_CLEAR_PEND	0x08
#define CCWA_ACTL_SCH_ACTIVE	0x04
#define CCWA_ACTL_DEV_ACTIVE	0x02
#define CCWA_ACTL_SUSPENDED	0x01

/* stctl */
#define CCWA_STCTL_ALERT	0x10
#define CCWA_STCTL_INTERMEDIATE	0x08
#define CCWA_STCTL_PRIMARY	0x04
#define CCWA_STCTL_SECONDARY	0x02
#define CCWA_STCTL_PENDING	0x01

/* dstat: device (unit) status, SCSW byte 8 */
#define CCWA_DEV_STAT_ATTENTION	0x80
#define CCWA_DEV_STAT_MOD	0x40	/* status modifier */
#define CCWA_DEV_STAT_CU_END	0x20
#define CCWA_DEV_STAT_BUSY	0x10
#define CCWA_DEV_STAT_CHN_END	0x08
#define CCWA_DEV_STAT_DEV_END	0x04
#define CCWA_DEV_STAT_UNIT_CHECK 0x02
#define CCWA_DEV_STAT_UNIT_EXCEP 0x01

/* cstat: subchannel status, SCSW byte 9 */
#define CCWA_SCH_STAT_PCI	0x80
#define CCWA_SCH_STAT_INCORR_LEN 0x40
#define CCWA_SCH_STAT_PROG_CHECK 0x20
#define CCWA_SCH_STAT_PROT_CHECK 0x10
#define CCWA_SCH_STAT_CHN_DATA_CHK 0x08
#define CCWA_SCH_STAT_CHN_CTRL_CHK 0x04
#define CCWA_SCH_STAT_INTF_CTRL_CHK 0x02
#define CCWA_SCH_STAT_CHAIN_CHECK 0x01

#endif /* CCWSIM_ARCH_SCSW_H */
