/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Channel-measurement blocks (facts §5.3, §5.4).
 *
 *   format 0, 32 bytes:  SSCH+RSCH count (16) | sample count (16) |
 *                        seven 32-bit times
 *   format 1, 64 bytes, 64-byte aligned: SSCH+RSCH count | sample count |
 *                        nine 32-bit times | 20 bytes reserved
 *
 * Times count 128-microsecond units and wrap.  Bytes 24-31 of format 0
 * and 36-43 of format 1 are reserved in older POPS and in Linux; the
 * newer assignments are used here (facts §5.3/§5.4 notes).
 */
#ifndef CCWSIM_ARCH_CMB_H
#define CCWSIM_ARCH_CMB_H

#include <ccwsim/arch/field.h>

#define CCWA_CMB0_SIZE	32
#define CCWA_CMB1_SIZE	64

struct ccwa_cmb0 {
	uint8_t b[CCWA_CMB0_SIZE];
};
_Static_assert(sizeof(struct ccwa_cmb0) == CCWA_CMB0_SIZE, "CMB format-0 size");

struct ccwa_cmb1 {
	uint8_t b[CCWA_CMB1_SIZE];
};
_Static_assert(sizeof(struct ccwa_cmb1) == CCWA_CMB1_SIZE, "CMB format-1 size");

#define CCWA_CMB0_FIELDS(X)						\
	X(cmb0, ssch_rsch_count,                 0, 16, 32, DEC, NULL, "SSCH + RSCH count") \
	X(cmb0, sample_count,                   16, 16, 32, DEC, NULL, "sample count") \
	X(cmb0, device_connect_time,            32, 32, 32, DEC, NULL, "device-connect time (128 us)") \
	X(cmb0, function_pending_time,          64, 32, 32, DEC, NULL, "function-pending time (128 us)") \
	X(cmb0, device_disconnect_time,         96, 32, 32, DEC, NULL, "device-disconnect time (128 us)") \
	X(cmb0, control_unit_queuing_time,     128, 32, 32, DEC, NULL, "control-unit-queuing time (128 us)") \
	X(cmb0, device_active_only_time,       160, 32, 32, DEC, NULL, "device-active-only time (128 us)") \
	X(cmb0, device_busy_time,              192, 32, 32, DEC, NULL, "device-busy time (128 us)") \
	X(cmb0, initial_command_response_time, 224, 32, 32, DEC, NULL, "initial-command-response time (128 us)")

#define CCWA_CMB1_FIELDS(X)						\
	X(cmb1, ssch_rsch_count,                 0, 32, 32, DEC,  NULL, "SSCH + RSCH count") \
	X(cmb1, sample_count,                   32, 32, 32, DEC,  NULL, "sample count") \
	X(cmb1, device_connect_time,            64, 32, 32, DEC,  NULL, "device-connect time (128 us)") \
	X(cmb1, function_pending_time,          96, 32, 32, DEC,  NULL, "function-pending time (128 us)") \
	X(cmb1, device_disconnect_time,        128, 32, 32, DEC,  NULL, "device-disconnect time (128 us)") \
	X(cmb1, control_unit_queuing_time,     160, 32, 32, DEC,  NULL, "control-unit-queuing time (128 us)") \
	X(cmb1, device_active_only_time,       192, 32, 32, DEC,  NULL, "device-active-only time (128 us)") \
	X(cmb1, device_busy_time,              224, 32, 32, DEC,  NULL, "device-busy time (128 us)") \
	X(cmb1, initial_command_response_time, 256, 32, 32, DEC,  NULL, "initial-command-response time (128 us)") \
	X(cmb1, interruption_delay_time,       288, 32, 32, DEC,  NULL, "interruption-delay time (128 us)") \
	X(cmb1, io_priority_delay_time,        320, 32, 32, DEC,  NULL, "I/O-priority-delay time (128 us)") \
	X(cmb1, res352,                        352, 32, 32, RSVD, NULL, "reserved") \
	X(cmb1, res384,                        384, 32, 32, RSVD, NULL, "reserved") \
	X(cmb1, res416,                        416, 32, 32, RSVD, NULL, "reserved") \
	X(cmb1, res448,                        448, 32, 32, RSVD, NULL, "reserved") \
	X(cmb1, res480,                        480, 32, 32, RSVD, NULL, "reserved")

CCWA_CMB0_FIELDS(CCWA_ACCESSORS)
CCWA_CMB1_FIELDS(CCWA_ACCESSORS)

#endif /* CCWSIM_ARCH_CMB_H */
