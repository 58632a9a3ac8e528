/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Channel-report word (CRW): 4 bytes, stored by STCRW (facts §1.8).
 *
 *   bit 0 - | 1 S | 2 R | 3 C | 4-7 RSC | 8 A | 9 - | 10-15 ERC | 16-31 RSID
 *
 * Names follow Linux's struct crw.  RSID is the subchannel number (RSC 3),
 * the CHPID in bits 24-31 (RSC 4) or the CSSID (RSC 0xB).  A chained second
 * CRW for a subchannel holds cssid << 8 | ssid << 4.
 */
#ifndef CCWSIM_ARCH_CRW_H
#define CCWSIM_ARCH_CRW_H

#include <ccwsim/arch/field.h>

#define CCWA_CRW_SIZE 4

struct ccwa_crw {
	uint8_t b[CCWA_CRW_SIZE];
};
_Static_assert(sizeof(struct ccwa_crw) == CCWA_CRW_SIZE, "CRW size");

#define CCWA_CRW_FIELDS(X)						\
	X(crw, res0,  0,  1, 32, RSVD, NULL, "reserved") \
	X(crw, slct,  1,  1, 32, BIT,  NULL, "S: solicited") \
	X(crw, oflw,  2,  1, 32, BIT,  NULL, "R: overflow, reports were lost") \
	X(crw, chn,   3,  1, 32, BIT,  NULL, "C: chaining, the next CRW continues") \
	X(crw, rsc,   4,  4, 32, ENUM, ccwa_crw_rsc_names, "RSC: reporting-source code") \
	X(crw, anc,   8,  1, 32, BIT,  NULL, "A: ancillary report") \
	X(crw, res9,  9,  1, 32, RSVD, NULL, "reserved") \
	X(crw, erc,  10,  6, 32, ENUM, ccwa_crw_erc_names, "ERC: error-recovery code") \
	X(crw, rsid, 16, 16, 32, HEX,  NULL, "RSID: reporting-source id")

CCWA_CRW_FIELDS(CCWA_ACCESSORS)

/* rsc; other values are reserved */
#define CCWA_CRW_RSC_MONITOR	0x2	/* monitoring facility */
#define CCWA_CRW_RSC_SCH	0x3	/* subchannel */
#define CCWA_CRW_RSC_CHP	0x4	/* channel path */
#define CCWA_CRW_RSC_CONFIG	0x9	/* configuration-alert facility */
#define CCWA_CRW_RSC_CSS	0xB	/* channel subsystem */

/* erc; other values are reserved */
#define CCWA_CRW_ERC_EVENT	0x00	/* event-information pending */
#define CCWA_CRW_ERC_AVAIL	0x01	/* available */
#define CCWA_CRW_ERC_INIT	0x02	/* initialized */
#define CCWA_CRW_ERC_TERROR	0x03	/* temporary error */
#define CCWA_CRW_ERC_IPARM	0x04	/* installed parameters initialized */
#define CCWA_CRW_ERC_TERM	0x05	/* terminal */
#define CCWA_CRW_ERC_PERRN	0x06	/* permanent error, not initialized */
#define CCWA_CRW_ERC_PERRI	0x07	/* permanent error, initialized */
#define CCWA_CRW_ERC_PMOD	0x08	/* installed parameters modified */
#define CCWA_CRW_ERC_IPR	0x0A	/* installed parameters restored (QEMU) */

#endif /* CCWSIM_ARCH_CRW_H */
