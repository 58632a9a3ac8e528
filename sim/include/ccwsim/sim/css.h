/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The channel subsystem: subchannels, the I/O instructions, the start,
 * halt, clear, resume and cancel functions, I/O interruptions, channel
 * paths, channel reports (CRWs) and channel measurement.
 *
 * Instructions take their real operands: GR1 (the SID word, or the CHPID
 * for RCHP), the second-operand address, and the CPU's state that matters
 * (PSW key, problem state, CR6, prefix).  Operands are fetched and stored
 * through sim/mem with the PSW key; DAT is off, so a logical address is a
 * real address, turned absolute by the prefix.  Each returns a
 * struct sim_io: a condition code, or a program-interruption code, or (for
 * a malformed C call only) a negative errno.
 *
 * Everything asynchronous (the function performed after SSCH, HSCH, CSCH
 * or RSCH, device status, reports) runs from the event queue in virtual
 * time.  Whoever plays the CPU learns of pending interruptions through
 * the callbacks in struct sim_css_cpu_ops and takes them with
 * sim_css_take_io() / sim_css_take_crw_mcck(), or polls with TPI and
 * STCRW.
 */
#ifndef CCWSIM_SIM_CSS_H
#define CCWSIM_SIM_CSS_H

#include <stdint.h>

#include <ccwsim/arch/crw.h>
#include <ccwsim/arch/insn.h>
#include <ccwsim/arch/intcode.h>
#include <ccwsim/arch/schib.h>
#include <ccwsim/sim/compat.h>
#include <ccwsim/sim/dev.h>
#include <ccwsim/sim/evq.h>
#include <ccwsim/sim/mem.h>
#include <ccwsim/sim/trace.h>

#define SIM_CSS_MAX_SETS 4
#define SIM_CSS_SCH_PER_SET 65536

/* Facilities (struct sim_css_cfg.facilities). */
#define SIM_FAC_MSS	  0x0001 /* multiple subchannel sets (nsets > 1) */
#define SIM_FAC_EMB	  0x0002 /* format-1 measurement blocks (PMCW F) */
#define SIM_FAC_EMW	  0x0004 /* extended-measurement word (PMCW X) */
#define SIM_FAC_CSENSE	  0x0008 /* concurrent sense (PMCW S) */
#define SIM_FAC_ORBX	  0x0010 /* ORB extension (ORB X) */
#define SIM_FAC_ILS	  0x0020 /* incorrect-length suppression (ORB L) */
#define SIM_FAC_MIDAW	  0x0040 /* modified IDAWs (ORB D) */
#define SIM_FAC_DEFAULT	  (SIM_FAC_MSS | SIM_FAC_EMB | SIM_FAC_EMW | \
			   SIM_FAC_CSENSE | SIM_FAC_ORBX | SIM_FAC_ILS)

struct sim_css;

/* The CPU's side of an instruction. */
struct sim_cpu {
	uint8_t key;		/* PSW key: operand accesses */
	uint8_t problem;	/* PSW problem state: privileged operation */
	uint8_t cr6;		/* CR6 bits 32-39: ISC n enabled by 0x80 >> n */
	uint64_t prefix;	/* prefix register (4 KiB aligned) */
};

/* The condition code of an instruction that leaves it alone (SCHM). */
#define SIM_CC_UNCHANGED 0xff

/* The outcome of an instruction. */
struct sim_io {
	int err;		/* 0, or -EINVAL for a malformed call */
	uint16_t pic;		/* program-interruption code, 0 if none */
	uint8_t cc;		/* condition code when err == 0 and pic == 0 */
};

/* How the CSS tells the CPU model that something wants attention. */
struct sim_css_cpu_ops {
	/* An I/O interruption is pending for an enabled ISC. */
	void (*io_pending)(struct sim_css *css, void *ctx);
	/* A channel-report-pending machine check is pending and enabled. */
	void (*crw_pending)(struct sim_css *css, void *ctx);
};

struct sim_css_cfg {
	struct sim_evq *evq;		/* required */
	struct sim_mem *mem;		/* required: absolute storage */
	struct sim_trace *trace;	/* optional */
	uint64_t seed;
	unsigned nsets;			/* installed subchannel sets, 1-4 */
	uint32_t facilities;		/* SIM_FAC_* */
	struct sim_css_compat compat;	/* zeroed = the default readings */
	unsigned crw_capacity;		/* CRW queue entries (0: 64) */
	/* Timing of the channel subsystem itself (0: the defaults). */
	sim_vtime t_start;		/* SSCH/RSCH accepted → path selection */
	sim_vtime t_halt;		/* HSCH accepted → halt signal */
	sim_vtime t_clear;		/* CSCH accepted → clear completes */
	sim_vtime t_rchp;		/* RCHP accepted → reset completes */
	sim_vtime t_chain;		/* channel end → next chained CCW */
};

/*
 * A subchannel's definition: which device and paths sit behind it.  @dev
 * may be NULL (a provided subchannel with no device: V = 0).
 */
struct sim_sch_def {
	uint16_t devno;
	uint8_t pim;			/* path-installed mask */
	uint8_t chpid[8];		/* CHPID of path n (bit 0x80 >> n) */
	struct sim_dev *dev;		/* the css owns it from now on */
};

struct sim_css *sim_css_create(const struct sim_css_cfg *cfg);
void sim_css_destroy(struct sim_css *css);

void sim_css_set_cpu_ops(struct sim_css *css,
			 const struct sim_css_cpu_ops *ops, void *ctx);

/* ---- configuration ---- */

/*
 * Install a channel path.  Returns 0, -EINVAL (bad argument), -EEXIST.
 * A new path is configured (online) and operational.
 */
int sim_css_chp_install(struct sim_css *css, uint8_t chpid, uint8_t type);

/*
 * Define subchannel @schno in set @ssid.  With @report the installation
 * is reported by a CRW (a subchannel appearing after IPL); without, it is
 * part of the initial configuration.  Returns 0, -EINVAL, -EEXIST,
 * -ENOENT (a CHPID in the definition is not installed), -ENOMEM.  The
 * CSS owns def->dev only when this returns 0.
 */
int sim_css_sch_define(struct sim_css *css, unsigned ssid, unsigned schno,
		       const struct sim_sch_def *def, int report);

/* Remove a subchannel (device gone), reported by a CRW. */
int sim_css_sch_remove(struct sim_css *css, unsigned ssid, unsigned schno);

/* The device behind a subchannel, or NULL. */
struct sim_dev *sim_css_sch_dev(struct sim_css *css, unsigned ssid,
				unsigned schno);

/*
 * A copy of a subchannel's SCHIB as STSCH would store it, for tests and
 * traces; returns -ENODEV if the subchannel is not provided.
 */
int sim_css_sch_schib(struct sim_css *css, unsigned ssid, unsigned schno,
		      struct ccwa_schib *out);

/*
 * How often the channel touched a poisoned frame of storage: freed host
 * memory a stale channel program still points into (a use after free).
 */
uint64_t sim_css_poisoned(const struct sim_css *css);

/* Number of defined subchannels. */
uint64_t sim_css_sch_count(const struct sim_css *css);

/* ---- channel paths ---- */

/*
 * Configure a path on or off (what SCLP or the operator does).  Every
 * subchannel using it gains or loses the path in PAM, and a channel-path
 * CRW reports it.  Returns 0, -ENOENT (not installed).
 */
int sim_css_chp_vary(struct sim_css *css, uint8_t chpid, int online);

/*
 * The same as part of the initial configuration (a path defined but not
 * configured at IPL): nothing changed that software saw, so no CRW (§6.2).
 */
int sim_css_chp_configure(struct sim_css *css, uint8_t chpid, int online);

/*
 * A path's hardware stops (or resumes) working, silently: the channel
 * subsystem finds out when it next selects it (PNOM, N, deferred cc 3).
 */
int sim_css_chp_set_operational(struct sim_css *css, uint8_t chpid, int ok);

/* ---- the I/O instructions (facts §2) ---- */

struct sim_io sim_css_ssch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1, uint64_t orb_addr);
struct sim_io sim_css_tsch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1, uint64_t irb_addr);
struct sim_io sim_css_hsch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1);
struct sim_io sim_css_csch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1);
struct sim_io sim_css_rsch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1);
struct sim_io sim_css_xsch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1);
struct sim_io sim_css_msch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1, uint64_t schib_addr);
struct sim_io sim_css_stsch(struct sim_css *css, const struct sim_cpu *cpu,
			    uint32_t gr1, uint64_t schib_addr);
struct sim_io sim_css_tpi(struct sim_css *css, const struct sim_cpu *cpu,
			  uint64_t addr);
struct sim_io sim_css_stcrw(struct sim_css *css, const struct sim_cpu *cpu,
			    uint64_t crw_addr);
struct sim_io sim_css_schm(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1, uint64_t gr2);
struct sim_io sim_css_rchp(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1);
/* SET ADDRESS LIMIT: the limit for ORB A and PMCW LM, from GR1. */
struct sim_io sim_css_sal(struct sim_css *css, const struct sim_cpu *cpu,
			  uint32_t gr1);
/* CHANNEL SUBSYSTEM CALL: the request block at @addr (4 KiB aligned). */
struct sim_io sim_css_chsc(struct sim_css *css, const struct sim_cpu *cpu,
			   uint64_t addr);

/* ---- interruptions (facts §1.9, §3.9, §6.3) ---- */

/* The CPU's PSW I/O mask and CR6 ISC mask, for presenting interruptions. */
void sim_css_set_io_mask(struct sim_css *css, int psw_io, uint8_t cr6);

/*
 * Take the highest-priority I/O interruption the masks allow: the
 * request is cleared and the interruption code stored at real 184-195
 * (through @cpu's prefix) and in *@code.  Returns 1 if one was taken.
 */
int sim_css_take_io(struct sim_css *css, const struct sim_cpu *cpu,
		    struct ccwa_intcode *code);

/* PSW machine-check mask and CR14 channel-report-pending subclass mask. */
void sim_css_set_mc_mask(struct sim_css *css, int psw_mc, int cr14_crw);

/*
 * Take the channel-report-pending machine check: returns 1 (and marks it
 * presented until STCRW finds the queue empty), or 0 if none is pending
 * or the masks of sim_css_set_mc_mask() hold it off (§6.3).  Storing the
 * machine-check interruption code is the CPU's business.
 */
int sim_css_take_crw_mcck(struct sim_css *css);

/* Number of I/O-interruption requests queued for @isc (0-7). */
unsigned sim_css_io_pending(const struct sim_css *css, unsigned isc);

/* Number of CRWs queued. */
unsigned sim_css_crw_pending(const struct sim_css *css);

/* ---- reset (facts §7) ---- */

/* I/O-system reset: every subchannel and the CSS back to initial state. */
void sim_css_reset(struct sim_css *css);

/* ---- helpers ---- */

/* The SID word for (ssid, schno): 0x0001nnnn | ssid << 17. */
static inline uint32_t sim_sid(unsigned ssid, unsigned schno)
{
	return 0x00010000u | (ssid & 3u) << 17 | (schno & 0xffffu);
}

/* Consistency check of the whole CSS; 0 if consistent. */
int sim_css_verify(const struct sim_css *css);

#endif /* CCWSIM_SIM_CSS_H */
