/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * I/O-interruption code (facts §1.9).
 *
 *   word 0  SID word (§1.1)
 *   word 1  interruption parameter
 *   word 2  interruption-identification word: A | dir | ISC | zeros
 *
 * An I/O interruption, and TPI with a zero operand address, store all
 * three words at real 0xB8; TPI with a nonzero operand stores only words
 * 0-1 there.  The lowcore addresses of the PSWs the I/O and machine-check
 * interruptions swap are here too.
 */
#ifndef CCWSIM_ARCH_INTCODE_H
#define CCWSIM_ARCH_INTCODE_H

#include <ccwsim/arch/field.h>

#define CCWA_INTCODE_SIZE	12
#define CCWA_TPI_OPERAND_SIZE	8

struct ccwa_intcode {
	uint8_t b[CCWA_INTCODE_SIZE];
};
_Static_assert(sizeof(struct ccwa_intcode) == CCWA_INTCODE_SIZE,
	       "interruption-code size");

#define CCWA_INTCODE_FIELDS(X)						\
	X(intcode, schid,    0, 32, 32, HEX,  NULL, "subsystem-identification word") \
	X(intcode, intparm, 32, 32, 32, HEX,  NULL, "interruption parameter") \
	X(intcode, adapter, 64,  1, 32, BIT,  NULL, "A: adapter interruption") \
	X(intcode, dir,     65,  1, 32, BIT,  NULL, "directed interruption") \
	X(intcode, isc,     66,  3, 32, DEC,  NULL, "ISC: interruption subclass") \
	X(intcode, res69,   69, 27, 32, RSVD, NULL, "zero for subchannel interruptions")

CCWA_INTCODE_FIELDS(CCWA_ACCESSORS)

/* Real (prefixed) lowcore addresses, z/Architecture. */
#define CCWA_LC_SUBCHANNEL_ID	0xB8	/* I/O-interruption code word 0 */
#define CCWA_LC_IO_INT_PARM	0xBC	/* word 1 */
#define CCWA_LC_IO_INT_WORD	0xC0	/* word 2 */
#define CCWA_LC_MCCK_CODE	0xE8	/* machine-check interruption code, 8 bytes */
#define CCWA_LC_MCCK_OLD_PSW	0x160
#define CCWA_LC_IO_OLD_PSW	0x170
#define CCWA_LC_MCCK_NEW_PSW	0x1E0
#define CCWA_LC_IO_NEW_PSW	0x1F0

#endif /* CCWSIM_ARCH_INTCODE_H */
