/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The common I/O layer, narrowed to what vfio-ccw calls (private to
 * kmod-model): the host's struct subchannel, the I/O instructions on it,
 * enabling and disabling, cio_cancel_halt_clear, and the interrupt entry
 * that TSCHes into the per-CPU IRB and calls the driver.  This is the
 * only place the driver model touches sim/css.
 *
 * Everything here runs inside a kshim task.  Operands live in host
 * absolute storage: each subchannel has a page for its ORB, SCHIB and
 * scratch IRB, and the CPU has the per-CPU IRB.
 */
#ifndef CCWSIM_KMODEL_CIO_H
#define CCWSIM_KMODEL_CIO_H

#include <stdint.h>

#include <ccwsim/arch/irb.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/schib.h>

#include "kshim/kshim.h"

struct kmodel;
struct subchannel;

/* What a subchannel driver (vfio_ccw) provides (struct css_driver). */
struct css_driver {
	const char *name;
	void (*irq)(struct subchannel *sch);
	int (*sch_event)(struct subchannel *sch);
	/* @mask: the path bits of the CHPID; @event: CHP_* below. */
	int (*chp_event)(struct subchannel *sch, uint8_t mask, int event);
};

enum { CHP_VARY_OFF, CHP_VARY_ON, CHP_OFFLINE, CHP_ONLINE };

struct subchannel {
	struct kmodel *k;
	unsigned ssid, schno;
	uint32_t schid;			/* the SID word */
	struct ccwa_schib schib;	/* cached, as cio keeps it */
	struct ks_spinlock lock;	/* sch->lock */
	uint8_t lpm, opm;		/* sch->lpm, sch->opm */
	uint8_t isc;
	uint64_t addr;			/* host address of the struct: intparm */
	uint64_t area;			/* host page: ORB +0, SCHIB +64, IRB +128 */
	const struct css_driver *drv;
	void *drv_data;			/* dev_get_drvdata */
	struct subchannel *next;
};

#define SCH_ORB(sch)	((sch)->area)
#define SCH_SCHIB(sch)	((sch)->area + 64)
#define SCH_IRB(sch)	((sch)->area + 128)

/* Make the host's view of subchannel (ssid, schno); NULL if not there. */
struct subchannel *cio_sch_create(struct kmodel *k, unsigned ssid,
				  unsigned schno);
void cio_sch_destroy(struct subchannel *sch);
/* CHP_VARY_ON/OFF, CHP_ONLINE/OFFLINE to the drivers of every subchannel
 * with a path through @chpid. */
void cio_chp_event(struct kmodel *k, uint8_t chpid, int event);
struct subchannel *cio_sch_find(struct kmodel *k, unsigned ssid,
				unsigned schno);

/*
 * The I/O instructions, under sch->lock by the caller where the driver
 * holds it.  They return the condition code, or -EIO when the
 * instruction took a program exception (ioasm.c catches them).
 */
int cio_ssch(struct subchannel *sch, uint64_t orb_addr);
int cio_hsch(struct subchannel *sch);
int cio_csch(struct subchannel *sch);
int cio_xsch(struct subchannel *sch);
int cio_tsch(struct subchannel *sch, uint64_t irb_addr);

/* cio_update_schib: STSCH into sch->schib; -ENODEV (cc 3), -EACCES (no device). */
int cio_update_schib(struct subchannel *sch);
/* vfio-ccw's interruption subclass (VFIO_CCW_ISC = IO_SCH_ISC). */
#define VFIO_CCW_ISC	3

/* Enable with ISC sch->isc and @intparm (no concurrent sense: vfio-ccw never asks); 0 or -errno. */
int cio_enable_subchannel(struct subchannel *sch, uint32_t intparm);
int cio_disable_subchannel(struct subchannel *sch);
/* The XSCH → HSCH → CSCH ladder with its retry budget (*iretry). */
int cio_cancel_halt_clear(struct subchannel *sch, int *iretry);

/* The per-CPU IRB the interrupt handler TSCHed into. */
void cio_irb(struct kmodel *k, struct ccwa_irb *irb);

/* Install the interrupt and machine-check entry on the CSS. */
void cio_init(struct kmodel *k);

#endif
