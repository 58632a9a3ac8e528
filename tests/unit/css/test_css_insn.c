// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The I/O instructions state by state (facts §2, §3).  One row per
 * (instruction, subchannel state, operand condition): the program
 * exception or condition code expected, SCSW word 0 of 0.0.0000 right
 * after the instruction, and, for functions that run later, SCSW word 0
 * once everything has settled.  Every expected value is written here by
 * hand from the facts sheet section the row cites; states are reached
 * with real instructions (tests/helpers/css_fixture.c).
 *
 * SCSW word 0 of each state, ORB format 1, key 0, LPM 0xff:
 *   idle 00000000            start pending 00804400   active 008040c0
 *   device active 00800040   suspended U=1 08884020   susp.+interm 08804029
 *   resume pending 08884820  halt pending 008062c0    clear pending 00801100
 *   primary+secondary 00804007   PCI intermediate 008040c9
 *   pending alone (halt) 00002001   unsolicited 00000011
 *   deferred cc 3 03804011   primary only 00804045
 */
#include <string.h>

#include <ccwsim/arch/be.h>

#include "check_main.h"
#include "css_fixture.h"

enum insn { I_SSCH, I_TSCH, I_HSCH, I_CSCH, I_RSCH, I_XSCH, I_MSCH, I_STSCH };
static const char *const insn_name[] = {
	"SSCH", "TSCH", "HSCH", "CSCH", "RSCH", "XSCH", "MSCH", "STSCH",
};

enum opnd {
	O_OK,
	O_PROBLEM,		/* problem state */
	O_MISALIGNED,		/* operand not on a word boundary */
	O_ADDRESSING,		/* operand runs past the end of storage */
	O_PROTECTED,		/* operand in a key-5 fetch-protected page, PSW key 3 */
	O_SID_NO_ONE,		/* GR1 bit 47 zero */
	O_SID_RSV,		/* GR1 bit 43 set */
	O_SID_M,		/* GR1 M bit without MCSS-E */
	O_SID_SSID3,		/* subchannel set 3 of 2 installed */
	O_SID_SET1,		/* 0.1.0000: device there, disabled */
	O_ORB_RSV,		/* ORB word 1 bit 30 */
	O_ORB_CPA0,		/* ORB word 2 bit 0 */
	O_ORB_TM,		/* ORB B: transport mode */
	O_ORB_FF,		/* an all-ones ORB */
	O_ORB_X_RSV,		/* X = 1, a nonzero reserved extension byte */
	O_ORB_X_OK,		/* X = 1, clean extension */
	O_ORB_L,		/* L = 1, facility installed */
	O_ORB_D,		/* D = 1, no MIDAW facility */
	O_ORB_LPM0,		/* LPM 0: no path for the start */
	O_MISALIGNED_BADSID,
	O_ADDRESSING_BADSID,
	O_MISALIGNED_NOTPROV,
	O_ADDRESSING_NOTPROV,
	O_PMCW_RES32,		/* word 1 bit 0 */
	O_PMCW_RES37,		/* word 1 bit 5: ignored */
	O_PMCW_RES38,		/* word 1 bit 6 */
	O_PMCW_LM3,		/* limit mode 11 */
	O_PMCW_W6,		/* word 6 bit 11 */
	O_PMCW_F_BADMBA,	/* F = 1, MBA not 64-byte aligned */
	O_PMCW_F_OK,		/* F = 1, MBA aligned */
	O_PMCW_X,		/* X = 1, facility installed */
	O_PMCW_S,		/* S = 1, facility installed */
};

enum prof { P_POPS, P_QEMU, P_HERC, P_SSID_OPERAND, P_XSCH_CC2 };

#define NONE 0xffffffffu

struct row {
	const char *cite;
	uint8_t prof;
	uint8_t insn;
	uint8_t state;
	uint8_t opnd;
	uint16_t pic;
	uint8_t cc;
	uint32_t w0;		/* SCSW word 0 right after */
	uint32_t w0_done;	/* SCSW word 0 once settled, or NONE */
};

#define R(cite, i, st, cc, w0) \
	{ cite, P_POPS, I_##i, ST_##st, O_OK, 0, cc, w0, NONE }
#define RD(cite, i, st, cc, w0, done) \
	{ cite, P_POPS, I_##i, ST_##st, O_OK, 0, cc, w0, done }
#define RO(cite, i, st, o, pic, cc, w0) \
	{ cite, P_POPS, I_##i, ST_##st, O_##o, pic, cc, w0, NONE }
#define ROD(cite, i, st, o, cc, w0, done) \
	{ cite, P_POPS, I_##i, ST_##st, O_##o, 0, cc, w0, done }
#define RP(cite, p, i, st, o, pic, cc, w0) \
	{ cite, P_##p, I_##i, ST_##st, O_##o, pic, cc, w0, NONE }

#define PGM_PRIV CCWA_PGM_PRIVILEGED
#define PGM_SPEC CCWA_PGM_SPECIFICATION
#define PGM_ADDR CCWA_PGM_ADDRESSING
#define PGM_PROT CCWA_PGM_PROTECTION
#define PGM_OPND CCWA_PGM_OPERAND

static const struct row rows[] = {
	/* SSCH: cc 3 not operational, cc 1 status pending, cc 2 FC != 0 */
	R("§2.1 cc3 not provided", SSCH, NOTPROV, 3, 0),
	R("§2.1 cc3 V=0", SSCH, NODEV, 3, 0),
	R("§2.1 cc3 E=0", SSCH, DISABLED, 3, 0),
	RD("§2.1 cc0 FC start, AC start pending; §3.2 CE+DE ends x'07'", SSCH, IDLE, 0, 0x00804400, 0x00804007),
	R("§2.1 cc2 start in progress", SSCH, START_PEND, 2, 0x00804400),
	R("§2.1 cc2 start pending, device busy (§3.2 step 4)", SSCH, BUSY_SEL, 2, 0x00804400),
	R("§2.1 cc2 active", SSCH, ACTIVE, 2, 0x008040c0),
	RD("§2.1 cc0 FC 0 while device active only; busy device waited for", SSCH, DEV_ACTIVE, 0, 0x00804400, 0x00804007),
	R("§2.1 cc2 suspended", SSCH, SUSPENDED, 2, 0x08884020),
	R("§2.1 cc1 suspension status pending", SSCH, SUSP_INTERM, 1, 0x08804029),
	R("§2.1 cc2 resume pending", SSCH, RESUME_PEND, 2, 0x08884820),
	R("§2.1 cc2 halt pending", SSCH, HALT_PEND, 2, 0x008062c0),
	R("§2.1 cc2 clear pending", SSCH, CLEAR_PEND, 2, 0x00801100),
	R("§2.1 cc1 primary+secondary pending", SSCH, PEND_FINAL, 1, 0x00804007),
	R("§2.1 cc1 intermediate counts as status pending", SSCH, PEND_INTERM, 1, 0x008040c9),
	R("§2.1 cc1 status pending alone", SSCH, PEND_ALONE, 1, 0x00002001),
	R("§2.1 cc1 unsolicited status", SSCH, PEND_UNSOL, 1, 0x00000011),
	R("§2.1 cc1 deferred cc 3 status", SSCH, PEND_DCC3, 1, 0x03804011),
	R("§2.1 cc1 primary only", SSCH, PEND_PRIMARY, 1, 0x00804045),

	/* TSCH: cc 0 stores and clears (§3.10), cc 1 stores only */
	R("§2.2 cc3 not provided", TSCH, NOTPROV, 3, 0),
	R("§2.2 cc3 V=0", TSCH, NODEV, 3, 0),
	R("§2.2 cc3 E=0", TSCH, DISABLED, 3, 0),
	R("§2.2 cc1 nothing pending", TSCH, IDLE, 1, 0),
	R("§2.2 cc1 changes nothing", TSCH, START_PEND, 1, 0x00804400),
	R("§2.2 cc1 changes nothing", TSCH, BUSY_SEL, 1, 0x00804400),
	R("§2.2 cc1 changes nothing", TSCH, ACTIVE, 1, 0x008040c0),
	R("§2.2 cc1 changes nothing", TSCH, DEV_ACTIVE, 1, 0x00800040),
	R("§2.2 cc1 U=1 suspension has no status", TSCH, SUSPENDED, 1, 0x08884020),
	R("§3.10 case A: SC, resume pending, Z cleared; suspended kept", TSCH, SUSP_INTERM, 0, 0x08804020),
	R("§2.2 cc1 changes nothing", TSCH, RESUME_PEND, 1, 0x08884820),
	R("§2.2 cc1 changes nothing", TSCH, HALT_PEND, 1, 0x008062c0),
	R("§2.2 cc1 changes nothing", TSCH, CLEAR_PEND, 1, 0x00801100),
	R("§3.10 case B: FC, SC cleared", TSCH, PEND_FINAL, 0, 0x00800000),
	R("§3.10 case A: SC cleared, still active (§4.13)", TSCH, PEND_INTERM, 0, 0x008040c0),
	R("§3.10 case B: halt completion cleared", TSCH, PEND_ALONE, 0, 0),
	R("§3.10 case B: unsolicited status cleared", TSCH, PEND_UNSOL, 0, 0),
	R("§3.10 case B: deferred cc cleared too", TSCH, PEND_DCC3, 0, 0x00800000),
	R("§3.10 case B: device-active kept after primary", TSCH, PEND_PRIMARY, 0, 0x00800040),

	/* HSCH: cc 1 unless intermediate-only, cc 2 halt/clear in progress */
	R("§2.3 cc3 not provided", HSCH, NOTPROV, 3, 0),
	R("§2.3 cc3 V=0", HSCH, NODEV, 3, 0),
	R("§2.3 cc3 E=0", HSCH, DISABLED, 3, 0),
	RD("§3.4 idle: halt signal, pending alone", HSCH, IDLE, 0, 0x00002200, 0x00002001),
	RD("§3.4 start pending: not initiated, deferred cc 1", HSCH, START_PEND, 0, 0x00806600, 0x01806001),
	RD("§3.4 start pending on a busy device: deferred cc 1", HSCH, BUSY_SEL, 0, 0x00806600, 0x01806001),
	RD("§3.4 active: device halted, FC start kept (§2.3)", HSCH, ACTIVE, 0, 0x008062c0, 0x00806001),
	RD("§3.4 device active only: secondary with device end", HSCH, DEV_ACTIVE, 0, 0x00802240, 0x00802003),
	RD("§3.4 suspended: program ends, pending", HSCH, SUSPENDED, 0, 0x08886220, 0x08886001),
	RD("§2.3 suspension status does not block; §3.4 ends it", HSCH, SUSP_INTERM, 0, 0x08806229, 0x08806001),
	RD("§3.4 suspended + resume pending", HSCH, RESUME_PEND, 0, 0x08886a20, 0x08886001),
	R("§2.3 cc2 halt in progress", HSCH, HALT_PEND, 2, 0x008062c0),
	R("§2.3 cc2 clear in progress", HSCH, CLEAR_PEND, 2, 0x00801100),
	R("§2.3 cc1 primary status", HSCH, PEND_FINAL, 1, 0x00804007),
	RD("§2.3 intermediate-only status discarded, then halted", HSCH, PEND_INTERM, 0, 0x008062c0, 0x00806001),
	R("§2.3 cc1 status pending alone", HSCH, PEND_ALONE, 1, 0x00002001),
	R("§2.3 cc1 alert status", HSCH, PEND_UNSOL, 1, 0x00000011),
	R("§2.3 cc1 alert (deferred cc 3)", HSCH, PEND_DCC3, 1, 0x03804011),
	R("§2.3 cc1 primary only", HSCH, PEND_PRIMARY, 1, 0x00804045),

	/* CSCH: cc 3 or cc 0; FC := clear, AC := clear pending, SC := 0 */
	R("§2.4 cc3 not provided", CSCH, NOTPROV, 3, 0),
	R("§2.4 cc3 V=0", CSCH, NODEV, 3, 0),
	R("§2.4 cc3 E=0", CSCH, DISABLED, 3, 0),
	RD("§2.4/§3.5 idle", CSCH, IDLE, 0, 0x00001100, 0x00001001),
	RD("§2.4/§3.5 start pending", CSCH, START_PEND, 0, 0x00801100, 0x00001001),
	RD("§2.4/§3.5 busy device", CSCH, BUSY_SEL, 0, 0x00801100, 0x00001001),
	RD("§2.4/§3.5 active", CSCH, ACTIVE, 0, 0x00801100, 0x00001001),
	RD("§2.4/§3.5 device active", CSCH, DEV_ACTIVE, 0, 0x00801100, 0x00001001),
	RD("§2.4/§3.5 suspended", CSCH, SUSPENDED, 0, 0x08881100, 0x00001001),
	RD("§2.4 pending status discarded", CSCH, SUSP_INTERM, 0, 0x08801100, 0x00001001),
	RD("§2.4/§3.5 resume pending", CSCH, RESUME_PEND, 0, 0x08881100, 0x00001001),
	RD("§2.4/§3.5 over a halt", CSCH, HALT_PEND, 0, 0x00801100, 0x00001001),
	RD("§2.4/§3.5 clear again", CSCH, CLEAR_PEND, 0, 0x00801100, 0x00001001),
	RD("§2.4 primary status discarded", CSCH, PEND_FINAL, 0, 0x00801100, 0x00001001),
	RD("§2.4 intermediate discarded", CSCH, PEND_INTERM, 0, 0x00801100, 0x00001001),
	RD("§2.4 pending alone discarded", CSCH, PEND_ALONE, 0, 0x00001100, 0x00001001),
	RD("§2.4 unsolicited discarded", CSCH, PEND_UNSOL, 0, 0x00001100, 0x00001001),
	RD("§2.4 deferred cc 3 discarded, §3.5 CC cleared", CSCH, PEND_DCC3, 0, 0x03801100, 0x00001001),
	RD("§2.4 primary only discarded", CSCH, PEND_PRIMARY, 0, 0x00801100, 0x00001001),

	/* RSCH: cc 1 pending, cc 2 resume not applicable */
	R("§2.5 cc3 not provided", RSCH, NOTPROV, 3, 0),
	R("§2.5 cc3 V=0", RSCH, NODEV, 3, 0),
	R("§2.5 cc3 E=0", RSCH, DISABLED, 3, 0),
	R("§2.5 cc2 no function", RSCH, IDLE, 2, 0),
	R("§2.5 cc2 ORB S=0", RSCH, START_PEND, 2, 0x00804400),
	R("§2.5 cc2 ORB S=0", RSCH, BUSY_SEL, 2, 0x00804400),
	R("§2.5 cc2 ORB S=0", RSCH, ACTIVE, 2, 0x008040c0),
	R("§2.5 cc2 FC not start", RSCH, DEV_ACTIVE, 2, 0x00800040),
	RD("§2.5 cc0; §3.3 S still 1: suspends again", RSCH, SUSPENDED, 0, 0x08884820, 0x08884020),
	R("§2.5 cc1 status pending", RSCH, SUSP_INTERM, 1, 0x08804029),
	R("§2.5 cc2 already resume pending", RSCH, RESUME_PEND, 2, 0x08884820),
	R("§2.5 cc2 FC start+halt", RSCH, HALT_PEND, 2, 0x008062c0),
	R("§2.5 cc2 FC clear", RSCH, CLEAR_PEND, 2, 0x00801100),
	R("§2.5 cc1", RSCH, PEND_FINAL, 1, 0x00804007),
	R("§2.5 cc1", RSCH, PEND_INTERM, 1, 0x008040c9),
	R("§2.5 cc1", RSCH, PEND_ALONE, 1, 0x00002001),
	R("§2.5 cc1", RSCH, PEND_UNSOL, 1, 0x00000011),
	R("§2.5 cc1", RSCH, PEND_DCC3, 1, 0x03804011),
	R("§2.5 cc1", RSCH, PEND_PRIMARY, 1, 0x00804045),

	/* XSCH: cc 1 any SC, cc 2 not applicable; cc 0 is synchronous */
	R("§2.6 cc3 not provided", XSCH, NOTPROV, 3, 0),
	R("§2.6 cc3 V=0", XSCH, NODEV, 3, 0),
	R("§2.6 cc3 E=0", XSCH, DISABLED, 3, 0),
	R("§2.6 cc2 no start function", XSCH, IDLE, 2, 0),
	RD("§2.6 cc0 start cancelled, no interruption", XSCH, START_PEND, 0, 0x00800000, 0x00800000),
	RD("§2.6 cc0 start still pending on a busy device", XSCH, BUSY_SEL, 0, 0x00800000, 0x00800000),
	R("§2.6 cc2 subchannel active", XSCH, ACTIVE, 2, 0x008040c0),
	R("§2.6 cc2 FC not start", XSCH, DEV_ACTIVE, 2, 0x00800040),
	RD("§2.6 cc0 suspended program cancelled", XSCH, SUSPENDED, 0, 0x08880000, 0x08880000),
	R("§2.6 cc1 SC bits set", XSCH, SUSP_INTERM, 1, 0x08804029),
	RD("§2.6 cc0 resume pending cancelled", XSCH, RESUME_PEND, 0, 0x08880000, 0x08880000),
	R("§2.6 cc2 FC start+halt", XSCH, HALT_PEND, 2, 0x008062c0),
	R("§2.6 cc2 FC clear", XSCH, CLEAR_PEND, 2, 0x00801100),
	R("§2.6 cc1", XSCH, PEND_FINAL, 1, 0x00804007),
	R("§2.6 cc1", XSCH, PEND_INTERM, 1, 0x008040c9),
	R("§2.6 cc1", XSCH, PEND_ALONE, 1, 0x00002001),
	R("§2.6 cc1", XSCH, PEND_UNSOL, 1, 0x00000011),
	R("§2.6 cc1", XSCH, PEND_DCC3, 1, 0x03804011),
	R("§2.6 cc1", XSCH, PEND_PRIMARY, 1, 0x00804045),

	/* MSCH with the STSCH image, E=1: cc 1 pending, cc 2 FC != 0 */
	R("§2.7 cc3 not provided", MSCH, NOTPROV, 3, 0),
	R("§2.7 cc0 V=0, nothing changed", MSCH, NODEV, 0, 0),
	R("§2.7 cc0 enables", MSCH, DISABLED, 0, 0),
	R("§2.7 cc0", MSCH, IDLE, 0, 0),
	R("§2.7 cc2", MSCH, START_PEND, 2, 0x00804400),
	R("§2.7 cc2", MSCH, BUSY_SEL, 2, 0x00804400),
	R("§2.7 cc2", MSCH, ACTIVE, 2, 0x008040c0),
	R("§2.7 cc0 FC 0", MSCH, DEV_ACTIVE, 0, 0x00800040),
	R("§2.7 cc2", MSCH, SUSPENDED, 2, 0x08884020),
	R("§2.7 cc1 any status pending", MSCH, SUSP_INTERM, 1, 0x08804029),
	R("§2.7 cc2", MSCH, RESUME_PEND, 2, 0x08884820),
	R("§2.7 cc2", MSCH, HALT_PEND, 2, 0x008062c0),
	R("§2.7 cc2", MSCH, CLEAR_PEND, 2, 0x00801100),
	R("§2.7 cc1", MSCH, PEND_FINAL, 1, 0x00804007),
	R("§2.7 cc1 intermediate too (§9.2)", MSCH, PEND_INTERM, 1, 0x008040c9),
	R("§2.7 cc1", MSCH, PEND_ALONE, 1, 0x00002001),
	R("§2.7 cc1", MSCH, PEND_UNSOL, 1, 0x00000011),
	R("§2.7 cc1", MSCH, PEND_DCC3, 1, 0x03804011),
	R("§2.7 cc1", MSCH, PEND_PRIMARY, 1, 0x00804045),

	/* STSCH: cc 3 only when not provided; never changes anything */
	R("§2.8 cc3 not provided", STSCH, NOTPROV, 3, 0),
	R("§2.8 cc0 V=0 stored", STSCH, NODEV, 0, 0),
	R("§2.8 cc0", STSCH, DISABLED, 0, 0),
	R("§2.8 cc0", STSCH, IDLE, 0, 0),
	R("§2.8 cc0", STSCH, START_PEND, 0, 0x00804400),
	R("§2.8 cc0", STSCH, BUSY_SEL, 0, 0x00804400),
	R("§2.8 cc0", STSCH, ACTIVE, 0, 0x008040c0),
	R("§2.8 cc0", STSCH, DEV_ACTIVE, 0, 0x00800040),
	R("§2.8 cc0", STSCH, SUSPENDED, 0, 0x08884020),
	R("§2.8 cc0", STSCH, SUSP_INTERM, 0, 0x08804029),
	R("§2.8 cc0", STSCH, RESUME_PEND, 0, 0x08884820),
	R("§2.8 cc0", STSCH, HALT_PEND, 0, 0x008062c0),
	R("§2.8 cc0", STSCH, CLEAR_PEND, 0, 0x00801100),
	R("§2.8 cc0", STSCH, PEND_FINAL, 0, 0x00804007),
	R("§2.8 cc0", STSCH, PEND_INTERM, 0, 0x008040c9),
	R("§2.8 cc0", STSCH, PEND_ALONE, 0, 0x00002001),
	R("§2.8 cc0", STSCH, PEND_UNSOL, 0, 0x00000011),
	R("§2.8 cc0", STSCH, PEND_DCC3, 0, 0x03804011),
	R("§2.8 cc0", STSCH, PEND_PRIMARY, 0, 0x00804045),

	/* Operand conditions (§2.0 order: priv, spec, access, operand, cc) */
	RO("§2.0 privileged", SSCH, IDLE, PROBLEM, PGM_PRIV, 0, 0),
	RO("§2.0 ORB not word-aligned", SSCH, IDLE, MISALIGNED, PGM_SPEC, 0, 0),
	RO("§2.0 ORB past storage", SSCH, IDLE, ADDRESSING, PGM_ADDR, 0, 0),
	RO("§0 ORB fetch-protected", SSCH, IDLE, PROTECTED, PGM_PROT, 0, 0),
	RO("§1.1 bit 47 zero", SSCH, IDLE, SID_NO_ONE, PGM_OPND, 0, 0),
	RO("§1.1 reserved bit 43", SSCH, IDLE, SID_RSV, PGM_OPND, 0, 0),
	RO("§1.1 M without MCSS-E", SSCH, IDLE, SID_M, PGM_OPND, 0, 0),
	RO("§1.1 uninstalled set: cc3 (§11 A9)", SSCH, IDLE, SID_SSID3, 0, 3, 0),
	RO("§2.1 cc3 0.1.0000 disabled", SSCH, IDLE, SID_SET1, 0, 3, 0),
	RO("§2.1 ORB bits 26-30", SSCH, IDLE, ORB_RSV, PGM_OPND, 0, 0),
	RO("§2.1 ORB word 2 bit 0", SSCH, IDLE, ORB_CPA0, PGM_OPND, 0, 0),
	RO("§2.1 ORB B without FCX", SSCH, IDLE, ORB_TM, PGM_OPND, 0, 0),
	RO("§2.1 all-ones ORB (kvm-unit-tests)", SSCH, IDLE, ORB_FF, PGM_OPND, 0, 0),
	RO("§1.2 ORB extension reserved byte", SSCH, IDLE, ORB_X_RSV, PGM_OPND, 0, 0),
	ROD("§1.2 32-byte ORB accepted", SSCH, IDLE, ORB_X_OK, 0, 0x00804400, 0x00804007),
	ROD("§2.1 L with the facility", SSCH, IDLE, ORB_L, 0, 0x00804400, 0x00804007),
	RO("§2.1 D without MIDAW facility", SSCH, IDLE, ORB_D, PGM_OPND, 0, 0),
	ROD("§3.2 step 1 no path: deferred cc 3", SSCH, IDLE, ORB_LPM0, 0, 0x00804400, 0x03804011),
	RO("§2.0 specification before operand", SSCH, IDLE, MISALIGNED_BADSID, PGM_SPEC, 0, 0),
	RO("§2.0 access before operand", SSCH, IDLE, ADDRESSING_BADSID, PGM_ADDR, 0, 0),

	RO("§2.0 privileged", TSCH, PEND_FINAL, PROBLEM, PGM_PRIV, 0, 0x00804007),
	RO("§2.2 IRB not word-aligned", TSCH, PEND_FINAL, MISALIGNED, PGM_SPEC, 0, 0x00804007),
	RO("§2.0 store past storage: nothing cleared", TSCH, PEND_FINAL, ADDRESSING, PGM_ADDR, 0, 0x00804007),
	RO("§2.0 store-protected IRB: nothing cleared", TSCH, PEND_FINAL, PROTECTED, PGM_PROT, 0, 0x00804007),
	RO("§1.1 bit 47 zero", TSCH, PEND_FINAL, SID_NO_ONE, PGM_OPND, 0, 0x00804007),
	RO("§2.0 specification before operand", TSCH, IDLE, MISALIGNED_BADSID, PGM_SPEC, 0, 0),
	RO("§2.0 access before cc 3", TSCH, IDLE, ADDRESSING_NOTPROV, PGM_ADDR, 0, 0),
	RO("§2.0 specification before cc 3", TSCH, IDLE, MISALIGNED_NOTPROV, PGM_SPEC, 0, 0),

	RO("§2.0 privileged", HSCH, ACTIVE, PROBLEM, PGM_PRIV, 0, 0x008040c0),
	RO("§1.1 bit 47 zero", HSCH, ACTIVE, SID_NO_ONE, PGM_OPND, 0, 0x008040c0),
	RO("§1.1 reserved bit 43", HSCH, ACTIVE, SID_RSV, PGM_OPND, 0, 0x008040c0),
	RO("§2.0 privileged", CSCH, ACTIVE, PROBLEM, PGM_PRIV, 0, 0x008040c0),
	RO("§1.1 bit 47 zero", CSCH, ACTIVE, SID_NO_ONE, PGM_OPND, 0, 0x008040c0),
	RO("§1.1 reserved bit 43", CSCH, ACTIVE, SID_RSV, PGM_OPND, 0, 0x008040c0),
	RO("§2.0 privileged", RSCH, SUSPENDED, PROBLEM, PGM_PRIV, 0, 0x08884020),
	RO("§1.1 bit 47 zero", RSCH, SUSPENDED, SID_NO_ONE, PGM_OPND, 0, 0x08884020),
	RO("§1.1 reserved bit 43", RSCH, SUSPENDED, SID_RSV, PGM_OPND, 0, 0x08884020),
	RO("§2.0 privileged", XSCH, START_PEND, PROBLEM, PGM_PRIV, 0, 0x00804400),
	RO("§1.1 bit 47 zero", XSCH, START_PEND, SID_NO_ONE, PGM_OPND, 0, 0x00804400),
	RO("§1.1 reserved bit 43", XSCH, START_PEND, SID_RSV, PGM_OPND, 0, 0x00804400),

	RO("§2.0 privileged", MSCH, IDLE, PROBLEM, PGM_PRIV, 0, 0),
	RO("§2.7 SCHIB not word-aligned", MSCH, IDLE, MISALIGNED, PGM_SPEC, 0, 0),
	RO("§2.7 SCHIB past storage", MSCH, IDLE, ADDRESSING, PGM_ADDR, 0, 0),
	RO("§2.7 SCHIB fetch-protected", MSCH, IDLE, PROTECTED, PGM_PROT, 0, 0),
	RO("§1.1 bit 47 zero", MSCH, IDLE, SID_NO_ONE, PGM_OPND, 0, 0),
	RO("§1.6 word 1 bit 0 must be zero", MSCH, IDLE, PMCW_RES32, PGM_OPND, 0, 0),
	RO("§1.6 word 1 bit 5 ignored", MSCH, IDLE, PMCW_RES37, 0, 0, 0),
	RO("§1.6 word 1 bit 6 must be zero", MSCH, IDLE, PMCW_RES38, PGM_OPND, 0, 0),
	RO("§1.6 LM 11 reserved", MSCH, IDLE, PMCW_LM3, PGM_OPND, 0, 0),
	RO("§1.6 word 6 reserved bit", MSCH, IDLE, PMCW_W6, PGM_OPND, 0, 0),
	RO("§1.6 F with unaligned MBA", MSCH, IDLE, PMCW_F_BADMBA, PGM_OPND, 0, 0),
	RO("§1.6 F with aligned MBA", MSCH, IDLE, PMCW_F_OK, 0, 0, 0),
	RO("§1.6 X with the facility", MSCH, IDLE, PMCW_X, 0, 0, 0),
	RO("§1.6 S with the facility", MSCH, IDLE, PMCW_S, 0, 0, 0),

	RO("§2.0 privileged", STSCH, IDLE, PROBLEM, PGM_PRIV, 0, 0),
	RO("§2.8 SCHIB not word-aligned", STSCH, IDLE, MISALIGNED, PGM_SPEC, 0, 0),
	RO("§2.8 SCHIB past storage", STSCH, IDLE, ADDRESSING, PGM_ADDR, 0, 0),
	RO("§2.8 SCHIB store-protected", STSCH, IDLE, PROTECTED, PGM_PROT, 0, 0),
	RO("§2.8 SID 0x0000ffff (kvm-unit-tests)", STSCH, IDLE, SID_NO_ONE, PGM_OPND, 0, 0),
	RO("§2.0 specification before cc 3", STSCH, IDLE, MISALIGNED_NOTPROV, PGM_SPEC, 0, 0),
	RO("§2.0 access before cc 3", STSCH, IDLE, ADDRESSING_NOTPROV, PGM_ADDR, 0, 0),

	/* The same rules under the peers' switches (docs/css.md) */
	RP("§11 A10 QEMU: TSCH checks the SID first", QEMU, TSCH, IDLE, MISALIGNED_BADSID, PGM_OPND, 0, 0),
	RP("§11 A10 Hercules: STSCH cc 3 before alignment", HERC, STSCH, IDLE, MISALIGNED_NOTPROV, 0, 3, 0),
	RP("§11 A10 Hercules: STSCH cc 3 before access", HERC, STSCH, IDLE, ADDRESSING_NOTPROV, 0, 3, 0),
	RP("§11 A10 Hercules: TSCH cc 3 before access", HERC, TSCH, IDLE, ADDRESSING_NOTPROV, 0, 3, 0),
	RP("§11 A10 Hercules: TSCH alignment still first", HERC, TSCH, IDLE, MISALIGNED_NOTPROV, PGM_SPEC, 0, 0),
	RP("§2.1 Hercules: LPM AND PAM zero is cc 3", HERC, SSCH, IDLE, ORB_LPM0, 0, 3, 0),
	RP("§2.3 QEMU: HSCH clears FC start", QEMU, HSCH, ACTIVE, OK, 0, 0, 0x008022c0),
	RP("§11 A14 QEMU: intermediate status kept", QEMU, HSCH, PEND_INTERM, OK, 0, 0, 0x008022c9),
	RP("§11 A14 Hercules: only the pending bit cleared", HERC, HSCH, PEND_INTERM, OK, 0, 0, 0x008062c8),
	RP("§11 A4 QEMU: CSCH keeps the SC bits", QEMU, CSCH, PEND_FINAL, OK, 0, 0, 0x00801107),
	RP("§11 A11 switch: XSCH of suspended is cc 2", XSCH_CC2, XSCH, SUSPENDED, OK, 0, 2, 0x08884020),
	RP("§9.2 Hercules: MSCH with intermediate status is cc 2", HERC, MSCH, PEND_INTERM, OK, 0, 2, 0x008040c9),
	RP("§11 A18 QEMU: the deferred cc stays", QEMU, TSCH, PEND_DCC3, OK, 0, 0, 0x03800000),
	RP("§1.1 switch: uninstalled set is an operand exception", SSID_OPERAND, SSCH, IDLE, SID_SSID3, PGM_OPND, 0, 0),
	RP("§11 A9 QEMU: SID bits 40-43 ignored", QEMU, SSCH, IDLE, SID_RSV, 0, 0, 0x00804400),
	RP("§11 A9 QEMU: M without MCSS-E is cc 3", QEMU, SSCH, IDLE, SID_M, 0, 3, 0),
	RP("§11 A15 Hercules: word 1 bit 5 rejected", HERC, MSCH, IDLE, PMCW_RES37, PGM_OPND, 0, 0),
	RP("§11 A15 Hercules: word 6 bits accepted", HERC, MSCH, IDLE, PMCW_W6, 0, 0, 0),
	RP("§11 A15 Hercules: F rejected", HERC, MSCH, IDLE, PMCW_F_OK, PGM_OPND, 0, 0),
	RP("§11 A15 Hercules: X rejected", HERC, MSCH, IDLE, PMCW_X, PGM_OPND, 0, 0),
	RP("§11 A17 peers: ORB X ignored, reserved bytes too", QEMU, SSCH, IDLE, ORB_X_RSV, 0, 0, 0x00804400),
};

#define NROWS (sizeof(rows) / sizeof(rows[0]))

static void put_orb_word(struct fx *f, uint64_t addr, unsigned word,
			 uint32_t v)
{
	uint8_t b[4];

	ccwa_put_be32(b, v);
	sim_mem_write(f->mem, addr + 4 * word, b, 4, 0, NULL);
}

/* The SCHIB image MSCH gets: what STSCH stores, with E = 1. */
static void msch_image(struct fx *f, uint64_t addr)
{
	uint8_t s[52] = { 0 };
	struct sim_io r = sim_css_stsch(f->css, &f->cpu, f->sid, FX_OP);

	if (r.cc == 0 && !r.pic)
		sim_mem_read(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	s[5] |= 0x80;
	sim_mem_write(f->mem, addr, s, sizeof(s), 0, NULL);
}

static void msch_patch(struct fx *f, uint64_t addr, unsigned byte,
		       uint8_t set)
{
	uint8_t b;

	sim_mem_read(f->mem, addr + byte, &b, 1, 0, NULL);
	b |= set;
	sim_mem_write(f->mem, addr + byte, &b, 1, 0, NULL);
}

static void setup_profile(const struct row *r, struct sim_css_compat *c)
{
	switch (r->prof) {
	case P_QEMU:
		sim_css_compat_profile(c, SIM_COMPAT_QEMU72);
		break;
	case P_HERC:
		sim_css_compat_profile(c, SIM_COMPAT_HERCULES313);
		break;
	case P_SSID_OPERAND:
		sim_css_compat_profile(c, SIM_COMPAT_POPS);
		c->bad_ssid = SIM_BAD_SSID_OPERAND;
		break;
	case P_XSCH_CC2:
		sim_css_compat_profile(c, SIM_COMPAT_POPS);
		c->xsch_susp = SIM_XSCH_SUSP_CC2;
		break;
	default:
		sim_css_compat_profile(c, SIM_COMPAT_POPS);
		break;
	}
}

START_TEST(test_css_insn_table)
{
	const struct row *r = &rows[_i];
	struct sim_css_compat compat;
	struct fx f;
	struct sim_io io = { 0 };
	uint32_t gr1;
	uint64_t addr;

	setup_profile(r, &compat);
	fx_init(&f, &compat);
	fx_reach(&f, r->state);
	gr1 = f.sid;
	addr = r->insn == I_SSCH ? FX_ORB : FX_OP;
	if (r->insn == I_MSCH)
		msch_image(&f, FX_OP);
	if (r->insn == I_SSCH) {
		/* The plain program; operand cases below change it. */
		fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
		fx_orb(&f, 0, 0xff);
	}

	switch (r->opnd) {
	case O_OK:
		break;
	case O_PROBLEM:
		f.cpu.problem = 1;
		break;
	case O_MISALIGNED:
		addr += 2;
		break;
	case O_ADDRESSING:
		addr = FX_MEM - 4;
		break;
	case O_PROTECTED:
		if (r->insn == I_SSCH)
			fx_orb(&f, 0, 0xff);
		sim_mem_write(f.mem, FX_PROT, (uint8_t[12]){ 0 }, 12, 0, NULL);
		if (r->insn == I_SSCH || r->insn == I_MSCH) {
			uint8_t b[52];

			sim_mem_read(f.mem, addr, b, sizeof(b), 0, NULL);
			sim_mem_write(f.mem, FX_PROT, b, sizeof(b), 0, NULL);
		}
		addr = FX_PROT;
		f.cpu.key = 3;
		break;
	case O_SID_NO_ONE:
		gr1 = r->insn == I_STSCH ? 0x0000ffff : 0;
		break;
	case O_SID_RSV:
		gr1 |= 0x00100000;
		break;
	case O_SID_M:
		gr1 |= 0x00080000;
		break;
	case O_SID_SSID3:
		gr1 |= 0x00060000;
		break;
	case O_SID_SET1:
		gr1 = FX_SID_SET1;
		break;
	case O_ORB_RSV:
		fx_orb(&f, 0x00000002, 0xff);
		break;
	case O_ORB_CPA0:
		fx_orb(&f, 0, 0xff);
		put_orb_word(&f, FX_ORB, 2, 0x80000000u | FX_CCW);
		break;
	case O_ORB_TM:
		fx_orb(&f, 0x00040000, 0xff);
		break;
	case O_ORB_FF:
		for (unsigned w = 0; w < 8; w++)
			put_orb_word(&f, FX_ORB, w, 0xffffffffu);
		break;
	case O_ORB_X_RSV:
		fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
		fx_orb(&f, 0x00000001, 0xff);
		put_orb_word(&f, FX_ORB, 3, 0);
		put_orb_word(&f, FX_ORB, 4, 0x00000100);
		break;
	case O_ORB_X_OK:
		fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
		fx_orb(&f, 0x00000001, 0xff);
		put_orb_word(&f, FX_ORB, 3, 0x05000700);	/* priorities */
		for (unsigned w = 4; w < 8; w++)
			put_orb_word(&f, FX_ORB, w, 0);
		break;
	case O_ORB_L:
		fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
		fx_orb(&f, 0x00000080, 0xff);
		break;
	case O_ORB_D:
		fx_orb(&f, 0x00000040, 0xff);
		break;
	case O_ORB_LPM0:
		fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
		fx_orb(&f, 0, 0x00);
		break;
	case O_MISALIGNED_BADSID:
		addr += 2;
		gr1 = 0;
		break;
	case O_ADDRESSING_BADSID:
		addr = FX_MEM - 4;
		gr1 = 0;
		break;
	case O_MISALIGNED_NOTPROV:
		addr += 2;
		gr1 = 0x0001ffff;
		break;
	case O_ADDRESSING_NOTPROV:
		addr = FX_MEM - 4;
		gr1 = 0x0001ffff;
		break;
	case O_PMCW_RES32:
		msch_patch(&f, addr, 4, 0x80);
		break;
	case O_PMCW_RES37:
		msch_patch(&f, addr, 4, 0x04);
		break;
	case O_PMCW_RES38:
		msch_patch(&f, addr, 4, 0x02);
		break;
	case O_PMCW_LM3:
		msch_patch(&f, addr, 5, 0x60);
		break;
	case O_PMCW_W6:
		msch_patch(&f, addr, 25, 0x10);
		break;
	case O_PMCW_F_BADMBA:
		msch_patch(&f, addr, 27, 0x04);
		msch_patch(&f, addr, 47, 0x20);
		break;
	case O_PMCW_F_OK:
		msch_patch(&f, addr, 27, 0x04);
		msch_patch(&f, addr, 46, 0x80);
		break;
	case O_PMCW_X:
		msch_patch(&f, addr, 27, 0x02);
		break;
	case O_PMCW_S:
		msch_patch(&f, addr, 27, 0x01);
		break;
	}

	switch (r->insn) {
	case I_SSCH:
		io = sim_css_ssch(f.css, &f.cpu, gr1, addr);
		break;
	case I_TSCH:
		io = sim_css_tsch(f.css, &f.cpu, gr1, addr);
		break;
	case I_HSCH:
		io = sim_css_hsch(f.css, &f.cpu, gr1);
		break;
	case I_CSCH:
		io = sim_css_csch(f.css, &f.cpu, gr1);
		break;
	case I_RSCH:
		io = sim_css_rsch(f.css, &f.cpu, gr1);
		break;
	case I_XSCH:
		io = sim_css_xsch(f.css, &f.cpu, gr1);
		break;
	case I_MSCH:
		io = sim_css_msch(f.css, &f.cpu, gr1, addr);
		break;
	case I_STSCH:
		io = sim_css_stsch(f.css, &f.cpu, gr1, addr);
		break;
	}
	f.cpu.problem = 0;
	f.cpu.key = 0;

	ck_assert_msg(io.err == 0, "row %d: err %d", _i, io.err);
	ck_assert_msg(io.pic == r->pic,
		      "row %d (%s %s, %s): program exception 0x%04x, want 0x%04x",
		      _i, insn_name[r->insn], fx_state_name[r->state], r->cite,
		      io.pic, r->pic);
	if (!r->pic)
		ck_assert_msg(io.cc == r->cc,
			      "row %d (%s %s, %s): cc %u, want %u", _i,
			      insn_name[r->insn], fx_state_name[r->state],
			      r->cite, io.cc, r->cc);
	ck_assert_msg(fx_scsw_w0(&f) == r->w0,
		      "row %d (%s %s, %s): SCSW word 0 %08x, want %08x", _i,
		      insn_name[r->insn], fx_state_name[r->state], r->cite,
		      fx_scsw_w0(&f), r->w0);
	ck_assert_int_eq(sim_css_verify(f.css), 0);
	if (r->w0_done != NONE) {
		fx_run(&f, SIM_MS(10));
		ck_assert_msg(fx_scsw_w0(&f) == r->w0_done,
			      "row %d (%s %s, %s): settled SCSW word 0 %08x, want %08x",
			      _i, insn_name[r->insn], fx_state_name[r->state],
			      r->cite, fx_scsw_w0(&f), r->w0_done);
	}
	fx_fini(&f);
}
END_TEST

/* Every state the fixture names is reached, and reached as tabled. */
START_TEST(test_css_states_reached_as_tabled)
{
	static const uint32_t want[ST_NSTATES] = {
		[ST_IDLE] = 0, [ST_START_PEND] = 0x00804400,
		[ST_BUSY_SEL] = 0x00804400, [ST_ACTIVE] = 0x008040c0,
		[ST_DEV_ACTIVE] = 0x00800040, [ST_SUSPENDED] = 0x08884020,
		[ST_SUSP_INTERM] = 0x08804029, [ST_RESUME_PEND] = 0x08884820,
		[ST_HALT_PEND] = 0x008062c0, [ST_CLEAR_PEND] = 0x00801100,
		[ST_PEND_FINAL] = 0x00804007, [ST_PEND_INTERM] = 0x008040c9,
		[ST_PEND_ALONE] = 0x00002001, [ST_PEND_UNSOL] = 0x00000011,
		[ST_PEND_DCC3] = 0x03804011, [ST_PEND_PRIMARY] = 0x00804045,
	};
	struct fx f;

	fx_init(&f, NULL);
	fx_reach(&f, (enum fx_state)_i);
	ck_assert_msg(fx_scsw_w0(&f) == want[_i], "%s: %08x, want %08x",
		      fx_state_name[_i], fx_scsw_w0(&f), want[_i]);
	fx_fini(&f);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("css_insn");
	TCase *tc = tcase_create("table");

	tcase_add_loop_test(tc, test_css_states_reached_as_tabled, 0,
			    ST_NSTATES);
	tcase_add_loop_test(tc, test_css_insn_table, 0, NROWS);
	suite_add_tcase(s, tc);
	return s;
}
