/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interruption-response block (IRB), stored by TEST SUBCHANNEL (facts §1.7).
 *
 *   bytes  0-11  SCSW
 *   bytes 12-31  ESW (format chosen by SCSW L)
 *   bytes 32-63  ECW: concurrent sense (ERW S=1) or model-dependent
 *   bytes 64-95  EMW: per-operation times, only with PMCW X=1
 *
 * 64 bytes without an EMW, 96 with one.  The IRB itself has no field
 * list: its parts are the blocks below.
 */
#ifndef CCWSIM_ARCH_IRB_H
#define CCWSIM_ARCH_IRB_H

#include <stddef.h>

#include <ccwsim/arch/esw.h>
#include <ccwsim/arch/field.h>
#include <ccwsim/arch/scsw.h>

#define CCWA_ECW_SIZE		32
#define CCWA_EMW_SIZE		32
#define CCWA_IRB_SIZE		96
#define CCWA_IRB_SIZE_NO_EMW	64

struct ccwa_ecw {
	uint8_t b[CCWA_ECW_SIZE];
};
_Static_assert(sizeof(struct ccwa_ecw) == CCWA_ECW_SIZE, "ECW size");

struct ccwa_emw {
	uint8_t b[CCWA_EMW_SIZE];
};
_Static_assert(sizeof(struct ccwa_emw) == CCWA_EMW_SIZE, "EMW size");

struct ccwa_irb {
	struct ccwa_scsw scsw;
	struct ccwa_esw esw;
	struct ccwa_ecw ecw;
	struct ccwa_emw emw;
};
_Static_assert(sizeof(struct ccwa_irb) == CCWA_IRB_SIZE, "IRB size");
_Static_assert(offsetof(struct ccwa_irb, scsw) == 0, "IRB SCSW offset");
_Static_assert(offsetof(struct ccwa_irb, esw) == 12, "IRB ESW offset");
_Static_assert(offsetof(struct ccwa_irb, ecw) == 32, "IRB ECW offset");
_Static_assert(offsetof(struct ccwa_irb, emw) == CCWA_IRB_SIZE_NO_EMW,
	       "IRB EMW offset");

#define CCWA_ECW_FIELDS(X)						\
	X(ecw, w0,   0, 32, 32, HEX, NULL, "word 0") \
	X(ecw, w1,  32, 32, 32, HEX, NULL, "word 1") \
	X(ecw, w2,  64, 32, 32, HEX, NULL, "word 2") \
	X(ecw, w3,  96, 32, 32, HEX, NULL, "word 3") \
	X(ecw, w4, 128, 32, 32, HEX, NULL, "word 4") \
	X(ecw, w5, 160, 32, 32, HEX, NULL, "word 5") \
	X(ecw, w6, 192, 32, 32, HEX, NULL, "word 6") \
	X(ecw, w7, 224, 32, 32, HEX, NULL, "word 7")

/* All times in 128-microsecond units, for this one I/O operation. */
#define CCWA_EMW_FIELDS(X)						\
	X(emw, dct,      0, 32, 32, DEC,  NULL, "device-connect time (128 us)") \
	X(emw, fpt,     32, 32, 32, DEC,  NULL, "function-pending time (128 us)") \
	X(emw, ddt,     64, 32, 32, DEC,  NULL, "device-disconnect time (128 us)") \
	X(emw, cuqt,    96, 32, 32, DEC,  NULL, "control-unit-queuing time (128 us)") \
	X(emw, daot,   128, 32, 32, DEC,  NULL, "device-active-only time (128 us)") \
	X(emw, dbt,    160, 32, 32, DEC,  NULL, "device-busy time (128 us)") \
	X(emw, icrt,   192, 32, 32, DEC,  NULL, "initial-command-response time (128 us)") \
	X(emw, res224, 224, 32, 32, RSVD, NULL, "reserved")

CCWA_ECW_FIELDS(CCWA_ACCESSORS)
CCWA_EMW_FIELDS(CCWA_ACCESSORS)

#endif /* CCWSIM_ARCH_IRB_H */
