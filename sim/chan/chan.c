// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The channel-program engine.  For now it fetches and checks CCWs as
 * facts §4.1 orders it (address, key, TIC, command code, count, flags,
 * suspend, PCI), offers each command to the device, and follows command
 * chaining on clean channel end + device end.  Data transfer, data
 * chaining, IDAWs, incorrect length and prefetch come with the full
 * engine (issue 4); a command that would move data is offered to the
 * device like any other, with nothing transferred.
 */
#include <ccwsim/arch/ccw.h>

#include "css/css_int.h"

#define MAX_24BIT 0x1000000u

static struct sim_css *css_of(struct sim_sch *sch)
{
	return sch->css;
}

static struct chan_state *cs(struct sim_sch *sch)
{
	return &sch->io->chan;
}

static int fmt1(struct sim_sch *sch)
{
	return ccwa_orb_fmt(&sch->io->orb);
}

/* End the channel program with a channel-detected check at @ccw. */
static void check(struct sim_sch *sch, uint8_t cstat, uint64_t cpa)
{
	struct chan_state *c = cs(sch);

	css_trace(css_of(sch), sch, "chan_check", "cstat=0x%02x ccw=0x%08x",
		  cstat, (uint32_t)(cpa - 8));
	c->phase = CHAN_IDLE;
	c->selection = SEL_NONE;
	sch_primary(sch, 0, cstat, cpa, c->count, 1);
}

/* Is @addr a valid CCW address (§4.1 step 1)? */
static int ccw_addr_ok(struct sim_sch *sch, uint64_t addr)
{
	if (addr & 7)
		return 0;
	if (!fmt1(sch) && addr >= MAX_24BIT)
		return 0;
	if (fmt1(sch) && (addr & 0x80000000u))
		return 0;
	return addr + 8 <= sim_mem_size(css_of(sch)->cfg.mem);
}

/*
 * Fetch the CCW at @addr into the channel state, following one TIC.
 * Returns 0, or -1 after ending the program with a program or
 * protection check (§4.10 gives each check's CCW address).
 */
static int fetch(struct sim_sch *sch, uint64_t addr)
{
	struct chan_state *c = cs(sch);
	uint8_t key = (uint8_t)ccwa_orb_key(&sch->io->orb);
	uint64_t tic = 0;	/* address of the TIC that led here */
	uint8_t b[8];

	for (;;) {
		struct sim_mem_fault f;
		enum sim_mem_err e;

		if (!ccw_addr_ok(sch, addr)) {
			check(sch, CCWA_SCH_STAT_PROG_CHECK,
			      (tic ? tic : addr) + 8);
			return -1;
		}
		e = sim_mem_read(css_of(sch)->cfg.mem, addr, b, 8, key, &f);
		if (e) {
			check(sch, e == SIM_MEM_PROTECTION ?
				   CCWA_SCH_STAT_PROT_CHECK :
				   CCWA_SCH_STAT_PROG_CHECK, addr + 8);
			return -1;
		}
		c->ccw = addr;
		if (fmt1(sch)) {
			const struct ccwa_ccw1 *w = (const struct ccwa_ccw1 *)b;

			c->cmd = (uint8_t)ccwa_ccw1_cmd_code(w);
			c->flags = (uint8_t)ccwa_ccw1_flags(w);
			c->count = (uint16_t)ccwa_ccw1_count(w);
			c->cda = ccwa_ccw1_cda(w);
		} else {
			const struct ccwa_ccw0 *w = (const struct ccwa_ccw0 *)b;

			c->cmd = (uint8_t)ccwa_ccw0_cmd_code(w);
			c->flags = (uint8_t)ccwa_ccw0_flags(w);
			c->count = (uint16_t)ccwa_ccw0_count(w);
			c->cda = ccwa_ccw0_cda(w);
		}
		if ((c->cmd & 0x0f) != CCWA_CMD_TIC)
			return 0;
		/* §4.8: a TIC; format 1 wants exactly 0x08 with flags and count 0. */
		if (fmt1(sch) && (c->cmd != CCWA_CMD_TIC || c->flags || c->count)) {
			check(sch, CCWA_SCH_STAT_PROG_CHECK, addr + 8);
			return -1;
		}
		if (tic) {	/* TIC to TIC */
			check(sch, CCWA_SCH_STAT_PROG_CHECK, addr + 8);
			return -1;
		}
		tic = addr;
		addr = c->cda;
	}
}

/* §4.1 steps 4-6: the CCW's own contents. */
static int validate(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);
	const struct ccwa_orb *orb = &sch->io->orb;
	uint8_t fl = c->flags;
	int bad = 0;

	if ((c->cmd & 0x0f) == 0)
		bad = 1;			/* invalid command code */
	else if (!fmt1(sch) && c->count == 0)
		bad = 1;			/* invalid count */
	else if (fmt1(sch) && c->count == 0 && (fl & CCWA_CCW_FLAG_CD))
		bad = 1;
	else if (!fmt1(sch) && (fl & CCWA_CCW_FLAG_MIDA))
		bad = 1;			/* no MIDA bit in format 0 */
	else if ((fl & CCWA_CCW_FLAG_MIDA) &&
		 (!(css_of(sch)->cfg.facilities & SIM_FAC_MIDAW) ||
		  !ccwa_orb_midaw(orb) ||
		  (fl & (CCWA_CCW_FLAG_IDA | CCWA_CCW_FLAG_SKIP))))
		bad = 1;
	else if ((fl & CCWA_CCW_FLAG_SUSPEND) && !ccwa_orb_spnd(orb))
		bad = 1;			/* invalid suspend flag */
	if (bad)
		check(sch, CCWA_SCH_STAT_PROG_CHECK, c->ccw + 8);
	return bad ? -1 : 0;
}

static void offer(struct sim_sch *sch);

/*
 * The CCW is current: suspend if it says so (§3.3), raise PCI (§4.13),
 * then offer its command.  @resumed: this CCW is refetched by a resume,
 * which already used up resume-pending.
 */
static void execute(struct sim_sch *sch, uint64_t addr)
{
	struct chan_state *c = cs(sch);
	struct ccwa_scsw *s = &sch->schib.scsw;

	if (fetch(sch, addr) || validate(sch))
		return;
	if (c->flags & CCWA_CCW_FLAG_SUSPEND) {
		uint32_t ac = ccwa_scsw_actl(s);

		if ((ac & CCWA_ACTL_RESUME_PEND) &&
		    COMPAT(css_of(sch), rsch_early) ==
		    SIM_RSCH_EARLY_SKIPS_SUSPEND) {
			/* An early RSCH: this suspend flag is passed by. */
			ccwa_scsw_set_actl(s, ac & ~(uint32_t)CCWA_ACTL_RESUME_PEND);
		} else {
			if (ac & CCWA_ACTL_RESUME_PEND)	/* refetch reading */
				ccwa_scsw_set_actl(s, ac & ~(uint32_t)
						   CCWA_ACTL_RESUME_PEND);
			c->phase = CHAN_SUSPENDED;
			sch_suspended(sch, c->ccw, c->count);
			return;
		}
	}
	if (c->flags & CCWA_CCW_FLAG_PCI)
		sch_pci(sch, c->ccw);
	offer(sch);
}

/* The command of the current CCW goes to the device. */
static void offer(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);
	struct sim_dev *dev = sch->dev;
	struct sim_dev_cmd cmd = {
		.code = c->cmd,
		.flags = c->flags,
		.count = c->count,
		.chained = c->selection == SEL_NONE,
	};
	uint8_t st;

	c->phase = CHAN_WORKING;
	st = dev->ops->command(dev, &cmd);
	css_trace(css_of(sch), sch, "chan_offer",
		  "ccw=0x%08x cmd=0x%02x count=%u answer=0x%02x",
		  (uint32_t)c->ccw, c->cmd, c->count, st);
	if (st == 0 || (st & CCWA_DEV_STAT_CHN_END)) {
		if (c->selection == SEL_START)
			sch_accepted(sch, c->ccw);
		c->selection = SEL_NONE;
		if (st)
			chan_dev_end(sch, st);
		return;
	}
	if ((st & ~CCWA_DEV_STAT_MOD) == CCWA_DEV_STAT_BUSY &&
	    c->selection != SEL_NONE) {
		/* Busy at initial selection: wait for it to be free (§3.2). */
		c->phase = CHAN_SELECTING;
		sch->io->t_busy = sim_evq_now(css_of(sch)->cfg.evq);
		return;
	}
	c->phase = CHAN_IDLE;
	if (c->selection != SEL_NONE) {
		/* Initial status without channel end: not initiated. */
		c->selection = SEL_NONE;
		sch_not_initiated(sch, st);
		return;
	}
	/* On command chaining the chain ends with that status (§4.4). */
	sch_primary(sch, st, 0, c->ccw + 8, c->count,
		    !!(st & CCWA_DEV_STAT_DEV_END));
}

void chan_start(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);

	c->selection = SEL_START;
	c->phase = CHAN_IDLE;
	execute(sch, ccwa_orb_cpa(&sch->io->orb));
}

void chan_resume(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);

	c->selection = SEL_RESUME;
	execute(sch, c->ccw);
}

void chan_dev_free(struct sim_sch *sch)
{
	if (!sch->io || cs(sch)->phase != CHAN_SELECTING)
		return;
	cmf_busy(sch, sch->io->t_busy);
	offer(sch);
}

/*
 * Chaining takes a little virtual time, so a channel program that loops
 * (a TIC back to a NOP) runs on in time, where HSCH and CSCH reach it,
 * instead of spinning the simulator.
 */
static void chain_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct chan_state *c = sim_container_of(ev, struct chan_state, ev);
	struct sch_io *io = sim_container_of(c, struct sch_io, chan);

	(void)q;
	if (c->phase == CHAN_WORKING)
		execute(io->sch, c->next);
}

static void stop(struct sim_sch *sch)
{
	if (!sch->io)
		return;
	sim_evq_cancel(css_of(sch)->cfg.evq, &cs(sch)->ev);
	cs(sch)->phase = CHAN_IDLE;
	cs(sch)->selection = SEL_NONE;
}

void chan_dev_end(struct sim_sch *sch, uint8_t dstat)
{
	struct chan_state *c;
	uint8_t unusual = CCWA_DEV_STAT_ATTENTION | CCWA_DEV_STAT_UNIT_CHECK |
			  CCWA_DEV_STAT_UNIT_EXCEP | CCWA_DEV_STAT_BUSY;

	if (!sch->io)
		return;
	c = cs(sch);
	css_trace(css_of(sch), sch, "dev_end", "dstat=0x%02x phase=%u", dstat,
		  c->phase);
	if (c->phase == CHAN_WAIT_DE) {
		if (dstat & CCWA_DEV_STAT_DEV_END) {
			c->phase = CHAN_IDLE;
			sch_secondary(sch, dstat);
		}
		return;
	}
	if (c->phase == CHAN_SELECTING) {
		/* The busy device finished its earlier work: it is free. */
		if (dstat & (CCWA_DEV_STAT_DEV_END | CCWA_DEV_STAT_CU_END))
			chan_dev_free(sch);
		return;
	}
	if (c->phase != CHAN_WORKING)
		return;			/* stale: halted or cleared meanwhile */
	if ((dstat & (CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END)) ==
	    (CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END) &&
	    !(dstat & unusual) && (c->flags & CCWA_CCW_FLAG_CC)) {
		/* §4.4: command chaining; status modifier skips one CCW. */
		c->next = c->ccw + ((dstat & CCWA_DEV_STAT_MOD) ? 16 : 8);
		if (!sim_event_pending(&c->ev))
			sim_event_init(&c->ev, chain_fire, "chain");
		sim_evq_after(css_of(sch)->cfg.evq, &c->ev,
			      css_of(sch)->cfg.t_chain, SIM_EVC_CHANNEL);
		return;
	}
	if ((dstat & CCWA_DEV_STAT_CHN_END) &&
	    !(dstat & CCWA_DEV_STAT_DEV_END))
		c->phase = CHAN_WAIT_DE;
	else
		c->phase = CHAN_IDLE;
	sch_primary(sch, dstat, 0, c->ccw + 8, c->count,
		    !!(dstat & CCWA_DEV_STAT_DEV_END));
}

uint8_t chan_halt(struct sim_sch *sch)
{
	struct sim_dev *dev = sch->dev;
	uint8_t st = 0;

	stop(sch);
	if (dev && dev->ops->halt)
		st = dev->ops->halt(dev);
	return st;
}

void chan_clear(struct sim_sch *sch)
{
	struct sim_dev *dev = sch->dev;

	stop(sch);
	if (dev && dev->ops->clear)
		dev->ops->clear(dev);
}

void chan_cancel(struct sim_sch *sch)
{
	stop(sch);
}
