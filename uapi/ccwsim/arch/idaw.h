/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Indirect data address words (facts §1.4).
 *
 *   format-1 IDAW (ORB H=0)  4 bytes: bit 0 zero | 31-bit address; 2K blocks
 *   format-2 IDAW (ORB H=1)  8 bytes: 64-bit address; 4K blocks, 2K if T=1
 *   MIDAW (CCW MIDA, ORB D=1) 16 bytes:
 *       bits 0-39 reserved | L skip DTI | reserved | count | 64-bit address
 *
 * All addresses are absolute.
 */
#ifndef CCWSIM_ARCH_IDAW_H
#define CCWSIM_ARCH_IDAW_H

#include <ccwsim/arch/field.h>

#define CCWA_IDAW1_SIZE		4
#define CCWA_IDAW2_SIZE		8
#define CCWA_MIDAW_SIZE		16

#define CCWA_IDAW_BLOCK_2K	2048
#define CCWA_IDAW_BLOCK_4K	4096

struct ccwa_idaw1 {
	uint8_t b[CCWA_IDAW1_SIZE];
};
_Static_assert(sizeof(struct ccwa_idaw1) == CCWA_IDAW1_SIZE, "IDAW1 size");

struct ccwa_idaw2 {
	uint8_t b[CCWA_IDAW2_SIZE];
};
_Static_assert(sizeof(struct ccwa_idaw2) == CCWA_IDAW2_SIZE, "IDAW2 size");

struct ccwa_midaw {
	uint8_t b[CCWA_MIDAW_SIZE];
};
_Static_assert(sizeof(struct ccwa_midaw) == CCWA_MIDAW_SIZE, "MIDAW size");

#define CCWA_IDAW1_FIELDS(X)						\
	X(idaw1, res0, 0,  1, 32, RSVD, NULL, "must be zero (invalid IDAW)") \
	X(idaw1, addr, 1, 31, 32, HEX,  NULL, "data address (31-bit absolute)")

#define CCWA_IDAW2_FIELDS(X)						\
	X(idaw2, addr, 0, 64, 64, HEX,  NULL, "data address (64-bit absolute)")

#define CCWA_MIDAW_FIELDS(X)						\
	X(midaw, res0,   0, 40, 64, RSVD, NULL, "reserved, must be zero") \
	X(midaw, last,  40,  1, 32, BIT,  NULL, "L: last MIDAW of the CCW") \
	X(midaw, skip,  41,  1, 32, BIT,  NULL, "skip: suppress transfer to storage") \
	X(midaw, dtic,  42,  1, 32, BIT,  NULL, "data-transfer-interruption control") \
	X(midaw, res43, 43,  5, 32, RSVD, NULL, "reserved") \
	X(midaw, count, 48, 16, 32, DEC,  NULL, "count, nonzero") \
	X(midaw, addr,  64, 64, 64, HEX,  NULL, "data address (64-bit absolute)")

CCWA_IDAW1_FIELDS(CCWA_ACCESSORS)
CCWA_IDAW2_FIELDS(CCWA_ACCESSORS)
CCWA_MIDAW_FIELDS(CCWA_ACCESSORS)

#endif /* CCWSIM_ARCH_IDAW_H */
