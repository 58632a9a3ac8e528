/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Channel-command words (CCWs): 8 bytes, doubleword-aligned (facts §1.3).
 *
 *   format 0  cmd | data address (24) | flags | ignored | count
 *   format 1  cmd | flags | count | data address (31, bit 32 zero)
 *
 * The flag byte has the same layout in both formats.  Field names follow
 * Linux's struct ccw0/ccw1.
 */
#ifndef CCWSIM_ARCH_CCW_H
#define CCWSIM_ARCH_CCW_H

#include <ccwsim/arch/field.h>

#define CCWA_CCW_SIZE 8

struct ccwa_ccw0 {
	uint8_t b[CCWA_CCW_SIZE];
};
_Static_assert(sizeof(struct ccwa_ccw0) == CCWA_CCW_SIZE, "CCW0 size");

struct ccwa_ccw1 {
	uint8_t b[CCWA_CCW_SIZE];
};
_Static_assert(sizeof(struct ccwa_ccw1) == CCWA_CCW_SIZE, "CCW1 size");

#define CCWA_CCW0_FIELDS(X)						\
	X(ccw0, cmd_code,  0,  8, 32, CMD0,  NULL, "command code") \
	X(ccw0, cda,       8, 24, 32, HEX,   NULL, "data address (24-bit absolute)") \
	X(ccw0, flags,    32,  8, 32, FLAGS, ccwa_ccw_flag_names, "flags") \
	X(ccw0, res40,    40,  8, 32, HEX,   NULL, "ignored") \
	X(ccw0, count,    48, 16, 32, DEC,   NULL, "count")

#define CCWA_CCW1_FIELDS(X)						\
	X(ccw1, cmd_code,  0,  8, 32, CMD1,  NULL, "command code") \
	X(ccw1, flags,     8,  8, 32, FLAGS, ccwa_ccw_flag_names, "flags") \
	X(ccw1, count,    16, 16, 32, DEC,   NULL, "count") \
	X(ccw1, cda,      32, 32, 32, HEX,   NULL, "data address (31-bit absolute, bit 0 zero)")

CCWA_CCW0_FIELDS(CCWA_ACCESSORS)
CCWA_CCW1_FIELDS(CCWA_ACCESSORS)

/* flags */
#define CCWA_CCW_FLAG_CD	0x80	/* chain data */
#define CCWA_CCW_FLAG_CC	0x40	/* chain command */
#define CCWA_CCW_FLAG_SLI	0x20	/* suppress length indication */
#define CCWA_CCW_FLAG_SKIP	0x10	/* suppress transfer to storage */
#define CCWA_CCW_FLAG_PCI	0x08	/* program-controlled interruption */
#define CCWA_CCW_FLAG_IDA	0x04	/* data address names an IDAW list */
#define CCWA_CCW_FLAG_SUSPEND	0x02	/* S: suspend */
#define CCWA_CCW_FLAG_MIDA	0x01	/* MIDAW list: format 1, ORB D=1 only */

/* Commands every device knows (SA22-7204). */
#define CCWA_CMD_NOP		0x03
#define CCWA_CMD_SENSE		0x04
#define CCWA_CMD_TIC		0x08
#define CCWA_CMD_SENSE_ID	0xE4

/* What the channel makes of a command code; modifier bits are the device's. */
enum ccwa_cmd_class {
	CCWA_CMD_INVALID,	/* xxxx0000: program check */
	CCWA_CMD_WRITE,		/* xxxxxx01 */
	CCWA_CMD_READ,		/* xxxxxx10 */
	CCWA_CMD_READ_BACKWARD,	/* xxxx1100 */
	CCWA_CMD_CONTROL,	/* xxxxxx11 */
	CCWA_CMD_SENSE_CLASS,	/* xxxx0100 */
	CCWA_CMD_TIC_CLASS,	/* xxxx1000 */
};

/*
 * The low-nibble classes of §1.3.  Any xxxx1000 is a TIC here, which is
 * the format-0 rule; format-1 callers must test ccwa_ccw1_is_tic() first.
 */
static inline enum ccwa_cmd_class ccwa_cmd_class(uint8_t code)
{
	switch (code & 0x0f) {
	case 0x0:
		return CCWA_CMD_INVALID;
	case 0x8:
		return CCWA_CMD_TIC_CLASS;
	case 0xc:
		return CCWA_CMD_READ_BACKWARD;
	case 0x4:
		return CCWA_CMD_SENSE_CLASS;
	}
	switch (code & 0x03) {
	case 0x1:
		return CCWA_CMD_WRITE;
	case 0x2:
		return CCWA_CMD_READ;
	default:
		return CCWA_CMD_CONTROL;
	}
}

/*
 * Format-1 TIC is exactly 0x08: a code x8 with a nonzero high nibble is an
 * invalid command code, and a format-1 TIC must have flags and count zero.
 */
static inline int ccwa_ccw1_is_tic(uint8_t code)
{
	return code == CCWA_CMD_TIC;
}

#endif /* CCWSIM_ARCH_CCW_H */
