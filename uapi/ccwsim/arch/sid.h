/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Subsystem-identification word (SID): 4 bytes (facts §1.1).
 *
 *   bits 0-7 CSSID | 8-11 reserved | 12 M | 13-14 SSID | 15 one | 16-31 schno
 *
 * It is GR1 bits 32-63 for the subchannel instructions and the first word
 * of the I/O-interruption code (§1.9).  Without MCSS-E and MSS the only
 * valid pattern is 0x0001nnnn; a zero "one" bit or nonzero reserved bits
 * is an operand exception.
 */
#ifndef CCWSIM_ARCH_SID_H
#define CCWSIM_ARCH_SID_H

#include <ccwsim/arch/field.h>

#define CCWA_SID_SIZE 4

struct ccwa_sid {
	uint8_t b[CCWA_SID_SIZE];
};
_Static_assert(sizeof(struct ccwa_sid) == CCWA_SID_SIZE, "SID size");

#define CCWA_SID_FIELDS(X)						\
	X(sid, cssid,  0,  8, 32, HEX,  NULL, "CSSID: channel-subsystem id (M=1 with MCSS-E only)") \
	X(sid, res8,   8,  4, 32, RSVD, NULL, "reserved, must be zero") \
	X(sid, m,     12,  1, 32, BIT,  NULL, "M: bits 0-7 hold a CSSID (MCSS-E)") \
	X(sid, ssid,  13,  2, 32, DEC,  NULL, "SSID: subchannel-set id") \
	X(sid, one,   15,  1, 32, BIT,  NULL, "must be one") \
	X(sid, schno, 16, 16, 32, HEX,  NULL, "subchannel number")

CCWA_SID_FIELDS(CCWA_ACCESSORS)

/* The SID of subchannel @schno in set @ssid, CSSID 0, M=0. */
static inline struct ccwa_sid ccwa_sid_make(unsigned ssid, unsigned schno)
{
	struct ccwa_sid s = { { 0 } };

	ccwa_sid_set_ssid(&s, ssid);
	ccwa_sid_set_one(&s, 1);
	ccwa_sid_set_schno(&s, schno);
	return s;
}

#endif /* CCWSIM_ARCH_SID_H */
