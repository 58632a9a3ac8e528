/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device-level data from SA22-7204 (facts §1.11).
 *
 * Sense-ID data (command 0xE4, up to 256 bytes):
 *   byte 0 0xFF | 1-2 CU type | 3 CU model | 4-5 device type |
 *   6 device model | 7 reserved | 8+ zero or more 4-byte CIWs
 *
 * CIW (command-information word):
 *   bits 0-1 entry type (01 = CIW) | 2-3 reserved | 4-7 command type |
 *   8-15 command code | 16-31 count
 *
 * struct ccwa_senseid is the fixed 8-byte part; the CIWs follow it.
 * Names follow Linux's struct senseid and struct ciw.
 */
#ifndef CCWSIM_ARCH_SENSEID_H
#define CCWSIM_ARCH_SENSEID_H

#include <ccwsim/arch/field.h>

#define CCWA_SENSEID_SIZE	8	/* fixed part */
#define CCWA_SENSEID_MAX	256
#define CCWA_CIW_SIZE		4

struct ccwa_senseid {
	uint8_t b[CCWA_SENSEID_SIZE];
};
_Static_assert(sizeof(struct ccwa_senseid) == CCWA_SENSEID_SIZE,
	       "sense-ID size");

struct ccwa_ciw {
	uint8_t b[CCWA_CIW_SIZE];
};
_Static_assert(sizeof(struct ccwa_ciw) == CCWA_CIW_SIZE, "CIW size");

#define CCWA_SENSEID_FIELDS(X)						\
	X(senseid, reserved,   0,  8, 32, HEX,  NULL, "0xFF") \
	X(senseid, cu_type,    8, 16, 32, HEX,  NULL, "control-unit type") \
	X(senseid, cu_model,  24,  8, 32, HEX,  NULL, "control-unit model") \
	X(senseid, dev_type,  32, 16, 32, HEX,  NULL, "device type") \
	X(senseid, dev_model, 48,  8, 32, HEX,  NULL, "device model") \
	X(senseid, unused,    56,  8, 32, RSVD, NULL, "reserved, zero")

#define CCWA_CIW_FIELDS(X)						\
	X(ciw, et,    0,  2, 32, ENUM, ccwa_ciw_et_names, "entry type, 01 = CIW") \
	X(ciw, res2,  2,  2, 32, RSVD, NULL, "reserved") \
	X(ciw, ct,    4,  4, 32, ENUM, ccwa_ciw_ct_names, "command type") \
	X(ciw, cmd,   8,  8, 32, HEX,  NULL, "command code") \
	X(ciw, count, 16, 16, 32, DEC, NULL, "count")

CCWA_SENSEID_FIELDS(CCWA_ACCESSORS)
CCWA_CIW_FIELDS(CCWA_ACCESSORS)

#define CCWA_SENSEID_BYTE0	0xFF

/* et: the only entry type defined */
#define CCWA_CIW_ET_CIW		1

/* ct; 3-7 reserved */
#define CCWA_CIW_TYPE_RCD	0	/* read configuration data */
#define CCWA_CIW_TYPE_SII	1	/* set interface identifier */
#define CCWA_CIW_TYPE_RNI	2	/* read node identifier */

/* Basic sense (0x04), standard meanings of byte 0; bits 6-7 are the device's. */
#define CCWA_SNS0_CMD_REJECT		0x80
#define CCWA_SNS0_INTERVENTION_REQ	0x40
#define CCWA_SNS0_BUS_OUT_CHECK		0x20
#define CCWA_SNS0_EQUIPMENT_CHECK	0x10
#define CCWA_SNS0_DATA_CHECK		0x08
#define CCWA_SNS0_OVERRUN		0x04

#endif /* CCWSIM_ARCH_SENSEID_H */
