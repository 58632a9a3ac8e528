/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Subchannel-information block (SCHIB): 52 bytes (facts §1.6).
 *
 *   bytes  0-27  PMCW
 *   bytes 28-39  SCSW
 *   bytes 40-47  MBA: format-1 measurement-block address (extended-
 *                measurement-block facility), else model-dependent
 *   bytes 48-51  model-dependent area
 *
 * The field list covers the two tail fields; PMCW and SCSW have their own.
 */
#ifndef CCWSIM_ARCH_SCHIB_H
#define CCWSIM_ARCH_SCHIB_H

#include <stddef.h>

#include <ccwsim/arch/field.h>
#include <ccwsim/arch/pmcw.h>
#include <ccwsim/arch/scsw.h>

#define CCWA_SCHIB_SIZE 52

struct ccwa_schib {
	struct ccwa_pmcw pmcw;
	struct ccwa_scsw scsw;
	uint8_t mba[8];
	uint8_t mda[4];
};
_Static_assert(sizeof(struct ccwa_schib) == CCWA_SCHIB_SIZE, "SCHIB size");
_Static_assert(offsetof(struct ccwa_schib, pmcw) == 0, "SCHIB PMCW offset");
_Static_assert(offsetof(struct ccwa_schib, scsw) == 28, "SCHIB SCSW offset");
_Static_assert(offsetof(struct ccwa_schib, mba) == 40, "SCHIB MBA offset");
_Static_assert(offsetof(struct ccwa_schib, mda) == 48, "SCHIB MDA offset");

#define CCWA_SCHIB_FIELDS(X)						\
	X(schib, mba, 320, 64, 64, HEX, NULL, "MBA: measurement-block address (format 1)") \
	X(schib, mda, 384, 32, 32, HEX, NULL, "model-dependent area")

CCWA_SCHIB_FIELDS(CCWA_ACCESSORS)

#endif /* CCWSIM_ARCH_SCHIB_H */
