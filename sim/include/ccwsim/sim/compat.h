/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where the architecture is unsettled (facts sheet rules tagged [?], and
 * the points §11 finds QEMU 7.2 and Hercules 3.13 disagreeing on), the
 * channel subsystem follows the reading the Principles of Operation most
 * plausibly intend, and each peer's behaviour is a named switch here.
 * docs/css.md lists every switch with its reasons.
 *
 * Every switch's value 0 is the default reading.  A profile sets them all
 * to one peer's behaviour, so a run can be compared with that peer.
 */
#ifndef CCWSIM_SIM_COMPAT_H
#define CCWSIM_SIM_COMPAT_H

#include <stdint.h>

enum sim_compat_profile {
	SIM_COMPAT_POPS,	/* the default readings */
	SIM_COMPAT_QEMU72,	/* QEMU 7.2 (TCG) */
	SIM_COMPAT_HERCULES313,	/* Hercules 3.13 */
};

/* §1.1, §9.1: an SSID naming a subchannel set that is not installed. */
enum { SIM_BAD_SSID_CC3, SIM_BAD_SSID_OPERAND };
/* §1.1: SID bits 40-43 nonzero, or M=1 without MCSS-E. */
enum { SIM_SID_RSV_OPERAND, SIM_SID_RSV_IGNORE };
/* §2.0: exception priority among spec/access/operand/cc 3. */
enum { SIM_ORDER_POPS, SIM_ORDER_QEMU, SIM_ORDER_HERCULES };
/* §1.2, §9.10: ORB X (extension). */
enum { SIM_ORBX_FACILITY, SIM_ORBX_IGNORE };
/* §2.1: SSCH when LPM AND PAM selects no path. */
enum { SIM_NOPATH_DEFERRED_CC3, SIM_NOPATH_CC3 };
/* §2.3: does HSCH keep FC start? */
enum { SIM_HSCH_KEEP_START, SIM_HSCH_CLEAR_START };
/* §2.3, §11 A14: HSCH and an intermediate-only pending status. */
enum { SIM_HSCH_INTERM_DISCARD, SIM_HSCH_INTERM_KEEP,
       SIM_HSCH_INTERM_CLEAR_PENDING };
/* §2.4, §11 A4: CSCH and pending status. */
enum { SIM_CSCH_DISCARD_STATUS, SIM_CSCH_KEEP_SC };
/* §2.5, §9.3, §11 A2: RSCH while start function active, not suspended. */
enum { SIM_RSCH_EARLY_SKIPS_SUSPEND, SIM_RSCH_EARLY_REFETCH,
       SIM_RSCH_EARLY_CC2 };
/* §2.6, §11 A11: XSCH on a suspended subchannel. */
enum { SIM_XSCH_SUSP_CANCEL, SIM_XSCH_SUSP_CC2 };
/* §2.7, §9.2: MSCH with intermediate-only status pending. */
enum { SIM_MSCH_PENDING_ANY_CC1, SIM_MSCH_PENDING_FINAL_CC1 };
/* §2.7, §11 A15: which PMCW reserved bits MSCH rejects. */
enum { SIM_MSCH_RSV_POPS, SIM_MSCH_RSV_HERCULES };
/* §2.9: order of requests within one ISC. */
enum { SIM_ISC_FIFO, SIM_ISC_LIFO };
/* §3.9, §11 A3: interruption requests per subchannel. */
enum { SIM_IRQ_ONE_PER_SCH, SIM_IRQ_PILE_UP };
/* §3.2 step 4, §11 A7: initial-status interruption (ORB I). */
enum { SIM_ISIC_AFTER_ACCEPT, SIM_ISIC_BEFORE_FETCH, SIM_ISIC_IGNORE };
/* §3.2, §9.4: shape of deferred cc 1 when the device presents status. */
enum { SIM_DCC1_ALERT_PENDING, SIM_DCC1_PENDING_ALONE };
/* §3.3, §9.5: alert bit with the suspension's intermediate status. */
enum { SIM_SUSP_NO_ALERT, SIM_SUSP_ALERT };
/* §3.3, §11 A5: suspension with ORB U=1. */
enum { SIM_SUSP_U_NO_STATUS, SIM_SUSP_U_STATUS_NO_REQUEST };
/* §3.4, §11 A13: halt of a start-pending subchannel. */
enum { SIM_HALT_SP_DEFERRED_CC1, SIM_HALT_SP_CC0 };
/* §3.10, §11 A16: TSCH's "intermediate only" test. */
enum { SIM_TSCH_INTERM_NO_PRIM_SEC, SIM_TSCH_INTERM_EXACT };
/* §3.10, §11 A16: does TSCH reset Z and the deferred CC? */
enum { SIM_TSCH_RESET_Z_CC, SIM_TSCH_KEEP_Z_CC };
/* §6.1: which CRW carries R after an overflow. */
enum { SIM_CRW_OFLW_NEXT, SIM_CRW_OFLW_LAST };
/* §1.7: when TSCH stores a 96-byte IRB. */
enum { SIM_IRB_96_WHEN_X, SIM_IRB_96_WHEN_EMW_MEANINGFUL };
/* §2.5, §11 B: RSCH counted in the measurement block. */
enum { SIM_CMF_COUNT_RSCH, SIM_CMF_NO_RSCH };

/* §4.5, §11 A1: incorrect length on a format-1 immediate command. */
enum { SIM_IMM_IL_FMT1, SIM_IMM_IL_NEVER };
/* §4.1 step 10, §11 A8: a protection check on data. */
enum { SIM_PROT_UP_TO_BLOCK, SIM_PROT_CHECK_FIRST };
/* §4.8, §11 A12: CCW address after a TIC to an invalid address. */
enum { SIM_TICBAD_TIC_PLUS8, SIM_TICBAD_TARGET_PLUS8 };
/* §4.6, §11 A22: IDAWs of a CCW that skips. */
enum { SIM_SKIP_IDA_FETCH, SIM_SKIP_IDA_NO_FETCH };
/* §4.1 step 4, §11 A19: when the command code is checked. */
enum { SIM_CMDCHK_EARLY, SIM_CMDCHK_LATE };
/* §4.7, §11 A21: format-1 count 0 with CD. */
enum { SIM_CD_COUNT0_PGM, SIM_CD_COUNT0_ACCEPT };

/* §1.2 ORB A, SAL: which addresses the limit applies to. */
enum { SIM_ALIMIT_DATA, SIM_ALIMIT_ALL };

struct sim_css_compat {
	uint8_t bad_ssid;
	uint8_t sid_reserved;
	uint8_t order;
	uint8_t orbx;
	uint8_t nopath;
	uint8_t hsch_start;
	uint8_t hsch_interm;
	uint8_t csch_status;
	uint8_t rsch_early;
	uint8_t xsch_susp;
	uint8_t msch_pending;
	uint8_t msch_rsv;
	uint8_t isc_order;
	uint8_t irq;
	uint8_t isic;
	uint8_t dcc1;
	uint8_t susp_alert;
	uint8_t susp_u;
	uint8_t halt_sp;
	uint8_t tsch_interm;
	uint8_t tsch_zcc;
	uint8_t crw_oflw;
	uint8_t irb96;
	uint8_t cmf_rsch;
	uint8_t imm_il;
	uint8_t prot;
	uint8_t ticbad;
	uint8_t skip_ida;
	uint8_t cmdchk;
	uint8_t cd_count0;
	uint8_t alimit;
};

/* Fill @c with @p's choices; returns -1 for an unknown profile. */
int sim_css_compat_profile(struct sim_css_compat *c,
			   enum sim_compat_profile p);

/* Profile by name: "pops", "qemu72", "hercules313"; -1 if unknown. */
int sim_css_compat_by_name(struct sim_css_compat *c, const char *name);

#endif /* CCWSIM_SIM_COMPAT_H */
