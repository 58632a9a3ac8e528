/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Operation-request block (ORB), command mode (facts §1.2).
 *
 *   word 0    interruption parameter
 *   word 1    key S C M Y | F P I A U B H T | LPM | L D ----- X
 *   word 2    channel-program address (bit 0 zero)
 *   words 3-7 only with X=1: CSS priority | - | CU priority | - , 16 reserved
 *
 * 12 bytes when X=0, 32 when X=1.  The struct is always 32 bytes so one
 * type holds either form; code that fetches an ORB reads 12 bytes first and
 * the rest only when X=1.  Field names follow Linux's struct cmd_orb; B is
 * "tm" (transport mode), which command mode rejects.
 */
#ifndef CCWSIM_ARCH_ORB_H
#define CCWSIM_ARCH_ORB_H

#include <ccwsim/arch/field.h>

#define CCWA_ORB_SIZE		12	/* X = 0 */
#define CCWA_ORB_EXT_SIZE	32	/* X = 1 */

struct ccwa_orb {
	uint8_t b[CCWA_ORB_EXT_SIZE];
};
_Static_assert(sizeof(struct ccwa_orb) == CCWA_ORB_EXT_SIZE, "ORB size");

#define CCWA_ORB_FIELDS(X)						\
	X(orb, intparm,    0, 32, 32, HEX,  NULL, "interruption parameter") \
	X(orb, key,       32,  4, 32, HEX,  NULL, "KEY: subchannel key") \
	X(orb, spnd,      36,  1, 32, BIT,  NULL, "S: suspend control") \
	X(orb, str,       37,  1, 32, BIT,  NULL, "C: streaming-mode control") \
	X(orb, mod,       38,  1, 32, BIT,  NULL, "M: modification control") \
	X(orb, sync,      39,  1, 32, BIT,  NULL, "Y: synchronization control") \
	X(orb, fmt,       40,  1, 32, BIT,  NULL, "F: CCW format, 1 = format-1") \
	X(orb, pfch,      41,  1, 32, BIT,  NULL, "P: prefetch control") \
	X(orb, isic,      42,  1, 32, BIT,  NULL, "I: initial-status-interruption control") \
	X(orb, alcc,      43,  1, 32, BIT,  NULL, "A: address-limit-checking control") \
	X(orb, ssic,      44,  1, 32, BIT,  NULL, "U: suppress-suspended-interruption control") \
	X(orb, tm,        45,  1, 32, BIT,  NULL, "B: transport mode, must be 0 here") \
	X(orb, c64,       46,  1, 32, BIT,  NULL, "H: format-2 IDAWs") \
	X(orb, i2k,       47,  1, 32, BIT,  NULL, "T: 2K format-2 IDAW blocks") \
	X(orb, lpm,       48,  8, 32, HEX,  NULL, "LPM: logical-path mask") \
	X(orb, ils,       56,  1, 32, BIT,  NULL, "L: incorrect-length-suppression mode") \
	X(orb, midaw,     57,  1, 32, BIT,  NULL, "D: MIDA control") \
	X(orb, res58,     58,  5, 32, RSVD, NULL, "reserved, must be zero") \
	X(orb, orbx,      63,  1, 32, BIT,  NULL, "X: ORB extension, 32-byte ORB") \
	X(orb, cpa,       64, 32, 32, HEX,  NULL, "channel-program address") \
	X(orb, css_prio,  96,  8, 32, DEC,  NULL, "channel-subsystem priority (X=1)") \
	X(orb, res104,   104,  8, 32, RSVD, NULL, "reserved (X=1)") \
	X(orb, cu_prio,  112,  8, 32, DEC,  NULL, "control-unit priority (X=1)") \
	X(orb, res120,   120,  8, 32, RSVD, NULL, "reserved (X=1)") \
	X(orb, res128,   128, 32, 32, RSVD, NULL, "reserved (X=1)") \
	X(orb, res160,   160, 32, 32, RSVD, NULL, "reserved (X=1)") \
	X(orb, res192,   192, 32, 32, RSVD, NULL, "reserved (X=1)") \
	X(orb, res224,   224, 32, 32, RSVD, NULL, "reserved (X=1)")

CCWA_ORB_FIELDS(CCWA_ACCESSORS)

#endif /* CCWSIM_ARCH_ORB_H */
