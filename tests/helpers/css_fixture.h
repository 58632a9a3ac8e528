/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small machine for channel-subsystem tests: 16 MiB of storage, two
 * subchannel sets, channel paths 0x40 and 0x41, and
 *   0.0.0000  the test device 0x1234 on paths 0x40, 0x41 (PIM 0xc0)
 *   0.0.0001  provided, no device (V = 0)
 *   0.1.0000  the test device 0x5678 on path 0x41
 * Storage: ORB at 0x1000, CCWs at 0x2000, IRB/SCHIB/CRW operands at
 * 0x3000, measurement blocks at 0x8000, a fetch-protected key-5 page at
 * 0x10000.
 *
 * fx_reach() drives 0.0.0000 into a named state with real instructions
 * and virtual time, never by writing the SCSW.
 */
#ifndef CCWSIM_TESTS_CSS_FIXTURE_H
#define CCWSIM_TESTS_CSS_FIXTURE_H

#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/irb.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/sim/css.h>
#include <ccwsim/sim/testdev.h>

#define FX_MEM		(16u << 20)
#define FX_ORB		0x1000u
#define FX_CCW		0x2000u
#define FX_OP		0x3000u
#define FX_MB		0x8000u
#define FX_PROT		0x10000u	/* key 5, fetch-protected */
#define FX_SID		0x00010000u	/* 0.0.0000 */
#define FX_SID_NODEV	0x00010001u	/* 0.0.0001 */
#define FX_SID_SET1	0x00030000u	/* 0.1.0000 */

enum fx_state {
	ST_NOTPROV,		/* SID names a number nobody provides */
	ST_NODEV,		/* provided, V = 0 */
	ST_DISABLED,		/* device, E = 0 */
	ST_IDLE,
	ST_START_PEND,		/* SSCH cc 0, no time passed */
	ST_BUSY_SEL,		/* start pending: the device is busy */
	ST_ACTIVE,		/* subchannel and device active */
	ST_DEV_ACTIVE,		/* device active only (CE taken by TSCH) */
	ST_SUSPENDED,		/* suspended, ORB U = 1: no status */
	ST_SUSP_INTERM,		/* suspended with intermediate status */
	ST_RESUME_PEND,		/* suspended + resume pending */
	ST_HALT_PEND,		/* active + HSCH cc 0 */
	ST_CLEAR_PEND,		/* active + CSCH cc 0 */
	ST_PEND_FINAL,		/* primary + secondary status pending */
	ST_PEND_INTERM,		/* PCI intermediate status while active */
	ST_PEND_ALONE,		/* halt of an idle subchannel completed */
	ST_PEND_UNSOL,		/* unsolicited attention */
	ST_PEND_DCC3,		/* deferred cc 3: no path */
	ST_PEND_PRIMARY,	/* channel end pending, device end to come */
	ST_NSTATES
};

extern const char *const fx_state_name[ST_NSTATES];

struct fx {
	struct sim_evq *q;
	struct sim_mem *mem;
	struct sim_css *css;
	struct sim_dev *dev;		/* behind 0.0.0000 */
	struct sim_cpu cpu;
	uint32_t sid;			/* the SID rows act on */
};

/* Build the machine with @compat (NULL: the defaults). */
void fx_init(struct fx *f, const struct sim_css_compat *compat);
void fx_fini(struct fx *f);

/* Run the event queue for @dt of virtual time. */
void fx_run(struct fx *f, sim_vtime dt);

/* Write a format-1 ORB at FX_ORB: program at FX_CCW, LPM 0xff. */
void fx_orb(struct fx *f, uint32_t word1_extra, uint8_t lpm);
/* Write format-1 CCW @i of the program at FX_CCW. */
void fx_ccw1(struct fx *f, unsigned i, uint8_t cmd, uint8_t flags,
	     uint16_t count, uint32_t cda);

/* MSCH 0.0.0000: enabled, ISC 3, intparm 0x0ccc0000 | extra changes. */
void fx_enable(struct fx *f);

struct sim_io fx_ssch(struct fx *f);
struct sim_io fx_tsch(struct fx *f, struct ccwa_irb *irb);
uint32_t fx_scsw_w0(struct fx *f);	/* SCSW word 0 of 0.0.0000 */
struct ccwa_scsw fx_scsw(struct fx *f);

/* Drive 0.0.0000 into @st; fails the test if the way there misbehaves. */
void fx_reach(struct fx *f, enum fx_state st);

#endif
