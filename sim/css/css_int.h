/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to the channel subsystem (sim/css) and the channel-program
 * engine (sim/chan).
 *
 * A subchannel's architected state lives in its SCHIB image (PMCW, SCSW,
 * MBA) and is read and written only through the ccwa_ accessors, so
 * STSCH is a copy and nothing can drift between "the model" and "what
 * the program sees".  What a subchannel needs only while it does I/O
 * (the ORB, IRB extras, the channel program's position, timing) sits in
 * struct sch_io, allocated on its first start: a quarter of a million
 * idle subchannels then cost about 100 bytes each.
 */
#ifndef CCWSIM_CSS_INT_H
#define CCWSIM_CSS_INT_H

#include <ccwsim/arch/esw.h>
#include <ccwsim/arch/irb.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/pmcw.h>
#include <ccwsim/arch/schib.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/sim/css.h>
#include <ccwsim/sim/rng.h>

#include "chan/chan_int.h"

struct sim_sch;

/* An I/O-interruption request, queued under its ISC (§3.9). */
struct io_req {
	struct io_req *next, *prev;
	struct sim_sch *sch;
	uint8_t isc;
	uint8_t queued;
	uint8_t owned;		/* allocated (pile-up mode), not embedded */
};

/* The CSS's own pending step for a subchannel (§3.2-§3.5). */
enum sch_step {
	STEP_NONE,
	STEP_START,		/* path selection, then the channel program */
	STEP_RESUME,
	STEP_HALT,
	STEP_CLEAR,
};

/* Accumulated channel-measurement times, ns (§5.5). */
enum cmf_time {
	CMF_CONNECT, CMF_PENDING, CMF_DISCONNECT, CMF_CUQ, CMF_DAO,
	CMF_BUSY, CMF_ICR, CMF_NTIMES
};

struct sch_io {
	struct sim_sch *sch;
	struct ccwa_orb orb;		/* the current start function's ORB */
	struct ccwa_esw esw;		/* ESW for the pending status */
	struct ccwa_ecw ecw;		/* concurrent sense (E=1) */
	struct sim_event step_ev;
	uint8_t step;			/* enum sch_step */
	uint8_t held_pci;		/* PCI waiting for the next status */
	uint8_t esf;			/* extended-status flags for a logout */
	struct chan_state chan;		/* the channel program's position */
	/* measurement of the current operation */
	sim_vtime t_start, t_accept, t_ce, t_busy;
	sim_vtime op[CMF_NTIMES];	/* this operation's times (EMW, DCTI) */
	sim_vtime rem[CMF_NTIMES];	/* sub-unit remainders carried over */
	uint8_t measuring;		/* the operation is being measured */
};

struct sim_sch {
	struct sim_css *css;
	struct ccwa_schib schib;
	uint8_t ssid;
	uint16_t schno;
	struct sim_dev *dev;
	struct sch_io *io;		/* NULL until the first start */
	struct io_req req;		/* the subchannel's one request */
	uint32_t track;			/* trace track, 0 until first traced */
	uint32_t dev_track;		/* the device's track, likewise */
};

struct chp {
	struct sim_css *css;
	uint8_t chpid;
	uint8_t installed;
	uint8_t type;
	uint8_t online;			/* configured: contributes to PAM */
	uint8_t operational;		/* hardware works */
	uint8_t resetting;		/* RCHP in progress */
	struct sim_event reset_ev;
};

struct sim_css {
	struct sim_css_cfg cfg;
	struct sim_rng rng;
	struct sim_sch **set[SIM_CSS_MAX_SETS];	/* 65536 pointers each */
	int highest[SIM_CSS_MAX_SETS];		/* highest defined, -1 none */
	uint64_t nsch;
	struct chp chp[256];
	const struct sim_css_cpu_ops *cpu_ops;
	void *cpu_ctx;
	uint32_t track;
	uint64_t poisoned;		/* accesses to poisoned frames */

	/* I/O interruptions (irq.c) */
	struct io_req isc[8];		/* list heads */
	unsigned isc_n[8];
	int psw_io;
	uint8_t cr6;
	struct sim_event io_ev;

	/* channel reports (crw.c) */
	struct ccwa_crw *crw;
	unsigned crw_cap, crw_head, crw_n;
	uint8_t crw_lost;		/* CRWs were lost since the last R */
	uint8_t crw_presented;		/* machine check taken, not re-armed */
	int psw_mc, cr14_crw;
	struct sim_event crw_ev;

	uint32_t address_limit;		/* SAL */

	/* channel measurement (cmf.c) */
	uint8_t cmf_m, cmf_d, cmf_mbk;
	uint64_t cmf_mbo;
};

#define COMPAT(css, sw) ((css)->cfg.compat.sw)

/* The lowest-numbered path in @mask (path n is bit 0x80 >> n), or 0. */
static inline uint8_t path_first(uint8_t mask)
{
	for (unsigned n = 0; n < 8; n++)
		if (mask & (0x80u >> n))
			return (uint8_t)(0x80u >> n);
	return 0;
}

/* ---- css.c ---- */
struct sim_sch *css_sch(const struct sim_css *css, unsigned ssid,
			unsigned schno);
int css_provided(const struct sim_css *css, unsigned ssid, unsigned schno);
struct sch_io *sch_io(struct sim_sch *sch);
void css_trace(struct sim_css *css, struct sim_sch *sch, const char *ev,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The channel touched a poisoned frame: freed memory (a use after free). */
void css_poisoned(struct sim_css *css, struct sim_sch *sch, uint64_t addr);
/* The same on the track of the device behind @sch. */
void css_trace_dev(struct sim_css *css, struct sim_sch *sch, const char *ev,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Visit every defined subchannel, in (ssid, schno) order. */
void css_for_each_sch(struct sim_css *css,
		      void (*fn)(struct sim_sch *sch, void *arg), void *arg);

/* ---- sch.c: functions and status (§3) ---- */
int sch_operational(const struct sim_sch *sch);
int sch_status_pending(const struct sim_sch *sch);
void sch_start(struct sim_sch *sch, const struct ccwa_orb *orb);
						/* after SSCH cc 0 */
void sch_resume(struct sim_sch *sch);		/* after RSCH cc 0 */
void sch_halt(struct sim_sch *sch);		/* after HSCH cc 0 */
void sch_clear(struct sim_sch *sch);		/* after CSCH cc 0 */
void sch_cancel(struct sim_sch *sch);		/* XSCH cc 0 */
void sch_tsch_clear(struct sim_sch *sch);	/* TSCH cc 0, §3.10 */
void sch_build_irb(struct sim_sch *sch, struct ccwa_irb *irb,
		   unsigned *len);
void sch_path_reset(struct sim_sch *sch, uint8_t pathbit);
void sch_reset(struct sim_sch *sch);		/* I/O-system reset */

/* called by the channel-program engine */
void sch_accepted(struct sim_sch *sch, uint64_t first_ccw);
void sch_not_initiated(struct sim_sch *sch, uint8_t dstat);
void sch_pci(struct sim_sch *sch, uint64_t ccw);
void sch_suspended(struct sim_sch *sch, uint64_t ccw, uint16_t count);
/*
 * Primary status: the channel program ended with @dstat/@cstat at @cpa
 * with residual @count.  @secondary: the device is finished too (device
 * end came with channel end, or the channel ended the operation itself).
 */
void sch_primary(struct sim_sch *sch, uint8_t dstat, uint8_t cstat,
		 uint64_t cpa, uint16_t count, int secondary);
/* Device end after channel end. */
void sch_secondary(struct sim_sch *sch, uint8_t dstat);
int sch_unsolicited(struct sim_sch *sch, uint8_t dstat);
/* Concurrent sense for the status about to be made pending. */
void sch_concurrent_sense(struct sim_sch *sch, const uint8_t *sense,
			  unsigned n);

/* ---- irq.c: interruption requests (§3.9) ---- */
void irq_init(struct sim_css *css);
void irq_request(struct sim_sch *sch);
void irq_withdraw(struct sim_sch *sch);
void irq_drop_sch(struct sim_sch *sch);
/* Dequeue the best request the CR6 mask @cr6 allows; NULL if none. */
struct io_req *irq_peek(const struct sim_css *css, uint8_t cr6);
void irq_dequeue(struct sim_css *css, struct io_req *r);
void irq_drop_all(struct sim_css *css);

/* ---- crw.c: channel reports (§6) ---- */
void crw_init(struct sim_css *css);
/* Queue a report of @n CRWs (chained when n > 1). */
void crw_report(struct sim_css *css, const struct ccwa_crw *crw, unsigned n);
/* Pop the oldest CRW into *out: 1, or 0 when the queue is empty. */
int crw_pop(struct sim_css *css, struct ccwa_crw *out);
void crw_rearm(struct sim_css *css);
void crw_reset(struct sim_css *css);
void crw_sch_report(struct sim_css *css, unsigned ssid, unsigned schno,
		    unsigned erc);

/* ---- chp.c: channel paths ---- */
/* Path bits of @sch usable for selection: LPM & PIM & PAM & POM. */
uint8_t chp_usable(const struct sim_sch *sch);
/* Pick a path for a start or resume: the mask bit, or 0 (PNOM updated). */
uint8_t chp_select(struct sim_sch *sch);
/* RCHP's condition code; cc 0 schedules the reset (§2.12). */
int chp_rchp(struct sim_css *css, uint8_t chpid);

/* ---- cmf.c: channel measurement (§5) ---- */
int cmf_measuring(const struct sim_sch *sch);
void cmf_start(struct sim_sch *sch);	/* SSCH/RSCH cc 0 */
void cmf_accepted(struct sim_sch *sch);
void cmf_channel_end(struct sim_sch *sch);
void cmf_suspended(struct sim_sch *sch);
void cmf_end(struct sim_sch *sch);	/* the operation is over */
void cmf_busy(struct sim_sch *sch, sim_vtime since);
void cmf_reset(struct sim_css *css);

/* ---- insn.c helpers shared with chsc.c ---- */
uint64_t css_real_to_abs(const struct sim_cpu *cpu, uint64_t addr);

#endif /* CCWSIM_CSS_INT_H */
