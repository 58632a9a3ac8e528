// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The channel-program engine: CCW fetch and checks in the order of facts
 * §4.1, TIC (§4.8), suspend (§3.3), PCI (§4.13), the command offered to
 * the device, incorrect length (§4.5), command chaining and the status
 * modifier skip (§4.4), concurrent sense (§4.11), and the ending status.
 * The data itself moves in stream.c.
 *
 * The engine never prefetches: every CCW is fetched when it becomes
 * current, which meets both ORB P settings and the C/M/Y hints (§4.12).
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

static void stop_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct chan_state *c = sim_container_of(ev, struct chan_state, stop_ev);
	struct sch_io *io = sim_container_of(c, struct sch_io, chan);
	struct sim_dev *dev = io->sch->dev;

	(void)q;
	if (dev && dev->ops->halt)
		dev->ops->halt(dev);
}

static void stop(struct sim_sch *sch)
{
	if (!sch->io)
		return;
	sim_evq_cancel(css_of(sch)->cfg.evq, &cs(sch)->ev);
	cs(sch)->phase = CHAN_IDLE;
	cs(sch)->selection = SEL_NONE;
}

void chan_check(struct sim_sch *sch, uint8_t cstat, uint64_t cpa)
{
	struct chan_state *c = cs(sch);
	int started = c->phase == CHAN_WORKING ||
		      c->phase == CHAN_WAIT_DE_CHAIN;

	css_trace(css_of(sch), sch, "chan_check", "cstat=0x%02x ccw=0x%08x",
		  cstat, (uint32_t)(cpa - 8));
	stop(sch);
	if (started) {
		/*
		 * The device had been started: it is told to stop (§4.10),
		 * from the queue, since it may be the one calling us now.
		 */
		if (!sim_event_pending(&c->stop_ev))
			sim_event_init(&c->stop_ev, stop_fire, "chan_stop");
		sim_evq_after(css_of(sch)->cfg.evq, &c->stop_ev, 0,
			      SIM_EVC_DEVICE);
	}
	sch_primary(sch, 0, cstat, cpa, c->left, 1);
}

int chan_limit_violated(struct sim_sch *sch, uint64_t addr, uint64_t len,
			int data)
{
	uint32_t limit = sch->css->address_limit;

	if (!ccwa_orb_alcc(&sch->io->orb) || !len ||
	    (!data && COMPAT(css_of(sch), alimit) != SIM_ALIMIT_ALL))
		return 0;
	switch (ccwa_pmcw_lm(&sch->schib.pmcw)) {
	case CCWA_PMCW_LM_LOWER:	/* addresses below the limit are out */
		return addr < limit;
	case CCWA_PMCW_LM_UPPER:	/* addresses at or above it are out */
		return addr + len - 1 >= limit;
	default:
		return 0;
	}
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
	if (chan_limit_violated(sch, addr, 8, 0))
		return 0;
	return addr + 8 <= sim_mem_size(css_of(sch)->cfg.mem);
}

int chan_fetch(struct sim_sch *sch, uint64_t addr)
{
	struct chan_state *c = cs(sch);
	uint8_t key = (uint8_t)ccwa_orb_key(&sch->io->orb);
	uint8_t b[8];

	c->tic = 0;
	for (;;) {
		struct sim_mem_fault f;
		enum sim_mem_err e;

		if (!ccw_addr_ok(sch, addr)) {
			/* §4.10, §11 A12: after a TIC, the TIC's address + 8. */
			uint64_t at = c->tic && COMPAT(css_of(sch), ticbad) ==
						SIM_TICBAD_TIC_PLUS8 ? c->tic : addr;

			chan_check(sch, CCWA_SCH_STAT_PROG_CHECK, at + 8);
			return -1;
		}
		e = sim_mem_read(css_of(sch)->cfg.mem, addr, b, 8, key, &f);
		if (e == SIM_MEM_POISONED)
			css_poisoned(css_of(sch), sch, f.addr);
		if (e) {
			chan_check(sch, e == SIM_MEM_PROTECTION ?
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
			chan_check(sch, CCWA_SCH_STAT_PROG_CHECK, addr + 8);
			return -1;
		}
		if (c->tic) {	/* TIC to TIC */
			chan_check(sch, CCWA_SCH_STAT_PROG_CHECK, addr + 8);
			return -1;
		}
		c->tic = addr;
		addr = c->cda;
	}
}

/*
 * §4.1 steps 4-6 for the CCW just fetched; @dc: it was reached by data
 * chaining, so its command code does not count.
 */
static int validate(struct sim_sch *sch, int dc)
{
	struct chan_state *c = cs(sch);
	const struct ccwa_orb *orb = &sch->io->orb;
	struct sim_css *css = css_of(sch);
	uint8_t fl = c->flags;
	int bad = 0;

	if (!dc && (c->cmd & 0x0f) == 0 &&
	    COMPAT(css, cmdchk) == SIM_CMDCHK_EARLY)
		bad = 1;			/* invalid command code */
	else if (!fmt1(sch) && c->count == 0)
		bad = 1;			/* invalid count */
	else if (fmt1(sch) && c->count == 0 &&
		 (dc || ((fl & CCWA_CCW_FLAG_CD) &&
			 COMPAT(css, cd_count0) == SIM_CD_COUNT0_PGM)))
		bad = 1;
	else if (!fmt1(sch) && (fl & CCWA_CCW_FLAG_MIDA))
		bad = 1;			/* no MIDA bit in format 0 */
	else if ((fl & CCWA_CCW_FLAG_MIDA) &&
		 (!(css->cfg.facilities & SIM_FAC_MIDAW) ||
		  !ccwa_orb_midaw(orb) ||
		  (fl & (CCWA_CCW_FLAG_IDA | CCWA_CCW_FLAG_SKIP))))
		bad = 1;
	else if ((fl & CCWA_CCW_FLAG_SUSPEND) &&
		 (dc || !ccwa_orb_spnd(orb)))
		bad = 1;			/* invalid suspend flag */
	if (bad)
		chan_check(sch, CCWA_SCH_STAT_PROG_CHECK, c->ccw + 8);
	return bad ? -1 : 0;
}

static void offer(struct sim_sch *sch);
static void concurrent_sense(struct sim_sch *sch);

/* The CCW is the command's first: set up its transfer (§4.2). */
static void begin_command(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);

	switch (ccwa_cmd_class(c->cmd)) {
	case CCWA_CMD_READ:
	case CCWA_CMD_SENSE_CLASS:
		c->dir = DIR_IN;
		break;
	case CCWA_CMD_READ_BACKWARD:
		c->dir = DIR_BACK;
		break;
	default:
		c->dir = DIR_OUT;
		break;
	}
	c->left = c->count;
	c->moved = 0;
	c->overrun = 0;
	c->immediate = 0;
	stream_begin(sch);
}

/*
 * Fetch the CCW at @addr as the next command (first CCW, command
 * chaining, or the refetch after a resume): suspend if it says so,
 * raise PCI, then offer its command.
 */
static void execute(struct sim_sch *sch, uint64_t addr)
{
	struct chan_state *c = cs(sch);
	struct ccwa_scsw *s = &sch->schib.scsw;

	if (chan_fetch(sch, addr) || validate(sch, 0))
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
			c->left = c->count;
			sch_suspended(sch, c->ccw, c->count);
			return;
		}
	}
	if ((c->cmd & 0x0f) == 0) {	/* checked late (§11 A19) */
		chan_check(sch, CCWA_SCH_STAT_PROG_CHECK, c->ccw + 8);
		return;
	}
	if (c->flags & CCWA_CCW_FLAG_PCI)
		sch_pci(sch, c->ccw);
	begin_command(sch);
	offer(sch);
}

int chan_data_chain(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);
	uint8_t cmd = c->cmd, dir = c->dir;

	if (chan_fetch(sch, c->ccw + 8) || validate(sch, 1))
		return -1;
	/* The command stays; the new CCW's flags, count and address apply. */
	c->cmd = cmd;
	c->dir = dir;
	c->left = c->count;
	if (c->flags & CCWA_CCW_FLAG_PCI)
		sch_pci(sch, c->ccw);
	stream_begin(sch);
	css_trace(css_of(sch), sch, "data_chain", "ccw=0x%08x count=%u",
		  (uint32_t)c->ccw, c->count);
	return 0;
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
	css_trace_dev(css_of(sch), sch, "chan_offer",
		  "ccw=0x%08x cmd=0x%02x count=%u answer=0x%02x",
		  (uint32_t)c->ccw, c->cmd, c->count, st);
	if (c->phase != CHAN_WORKING)
		return;		/* not expected: the device reached back */
	if (st == 0 || (st & CCWA_DEV_STAT_CHN_END)) {
		if (c->selection == SEL_START)
			sch_accepted(sch, c->ccw);
		else if (c->selection == SEL_RESUME)
			cmf_accepted(sch);	/* connected again (§5.5) */
		c->selection = SEL_NONE;
		if (st) {
			c->immediate = 1;
			chan_dev_end(sch, st);
		}
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
	if (st & CCWA_DEV_STAT_UNIT_CHECK)
		concurrent_sense(sch);
	if (c->selection != SEL_NONE) {
		/* Initial status without channel end: not initiated. */
		c->selection = SEL_NONE;
		sch_not_initiated(sch, st);
		return;
	}
	/*
	 * On command chaining the chain ends with that status (§4.4); the
	 * device refused the command, so it is not busy with it either.
	 */
	sch_primary(sch, st, 0, c->ccw + 8, c->count, 1);
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
	if (c->phase == CHAN_CHAINING)
		execute(io->sch, c->next);
}

static void chain(struct sim_sch *sch, uint8_t dstat)
{
	struct chan_state *c = cs(sch);

	/* §4.4: status modifier skips one CCW. */
	c->next = c->ccw + ((dstat & CCWA_DEV_STAT_MOD) ? 16 : 8);
	c->phase = CHAN_CHAINING;
	if (!sim_event_pending(&c->ev))
		sim_event_init(&c->ev, chain_fire, "chain");
	sim_evq_after(css_of(sch)->cfg.evq, &c->ev, css_of(sch)->cfg.t_chain,
		      SIM_EVC_CHANNEL);
}

/* §4.5: was the count wrong for what the device did? */
static int incorrect_length(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);
	int il;

	if (c->immediate)	/* no data: format 1 only, unless L or SLI */
		return fmt1(sch) && c->count &&
		       !(c->flags & CCWA_CCW_FLAG_SLI) &&
		       !ccwa_orb_ils(&sch->io->orb) &&
		       COMPAT(css_of(sch), imm_il) == SIM_IMM_IL_FMT1;
	il = c->left || c->overrun || (c->flags & CCWA_CCW_FLAG_CD);
	/* SLI counts only in a CCW without CD. */
	if ((c->flags & CCWA_CCW_FLAG_SLI) && !(c->flags & CCWA_CCW_FLAG_CD))
		il = 0;
	return il;
}

/* §4.11: with PMCW S the channel reads the sense into the ECW itself. */
static void concurrent_sense(struct sim_sch *sch)
{
	struct sim_dev *dev = sch->dev;
	uint8_t sense[32];
	unsigned n;

	if (!ccwa_pmcw_csense(&sch->schib.pmcw) || !dev->ops->sense)
		return;
	n = dev->ops->sense(dev, sense, sizeof(sense));
	sch_concurrent_sense(sch, sense, n);
}

void chan_dev_end(struct sim_sch *sch, uint8_t dstat)
{
	struct chan_state *c;
	const uint8_t clean = CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END |
			      CCWA_DEV_STAT_MOD;
	uint8_t cstat, flags;
	int il;

	if (!sch->io)
		return;
	c = cs(sch);
	css_trace_dev(css_of(sch), sch, "dev_end", "dstat=0x%02x phase=%u left=%u",
		  dstat, c->phase, c->left);
	switch (c->phase) {
	case CHAN_SELECTING:
		/* The busy device finished its earlier work: it is free. */
		if (dstat & (CCWA_DEV_STAT_DEV_END | CCWA_DEV_STAT_CU_END))
			chan_dev_free(sch);
		return;
	case CHAN_WAIT_DE:
		if (dstat & CCWA_DEV_STAT_DEV_END) {
			c->phase = CHAN_IDLE;
			sch_secondary(sch, dstat);
		}
		return;
	case CHAN_WAIT_DE_CHAIN:
		if (!(dstat & CCWA_DEV_STAT_DEV_END))
			return;
		if (!(dstat & ~clean)) {
			chain(sch, dstat);
			return;
		}
		/* §4.4: device end with unusual status ends the chain. */
		if (dstat & CCWA_DEV_STAT_UNIT_CHECK)
			concurrent_sense(sch);
		c->phase = CHAN_IDLE;
		sch_primary(sch, dstat, 0, c->ccw + 8, c->left, 1);
		return;
	case CHAN_WORKING:
		break;
	default:
		return;		/* stale: halted or cleared meanwhile */
	}

	flags = c->flags;
	if (c->immediate)	/* data chaining is ignored (§4.2) */
		flags &= (uint8_t)~CCWA_CCW_FLAG_CD;
	il = incorrect_length(sch);
	cstat = il ? CCWA_SCH_STAT_INCORR_LEN : 0;
	if ((dstat & CCWA_DEV_STAT_CHN_END) && !(dstat & ~clean) && !il &&
	    (flags & CCWA_CCW_FLAG_CC) && !(flags & CCWA_CCW_FLAG_CD)) {
		if (dstat & CCWA_DEV_STAT_DEV_END)
			chain(sch, dstat);
		else
			c->phase = CHAN_WAIT_DE_CHAIN;
		return;
	}
	if (dstat & CCWA_DEV_STAT_UNIT_CHECK)
		concurrent_sense(sch);
	if ((dstat & CCWA_DEV_STAT_CHN_END) &&
	    !(dstat & CCWA_DEV_STAT_DEV_END)) {
		c->phase = CHAN_WAIT_DE;
		sch_primary(sch, dstat, cstat, c->ccw + 8, c->left, 0);
		return;
	}
	c->phase = CHAN_IDLE;
	sch_primary(sch, dstat, cstat, c->ccw + 8, c->left,
		    !!(dstat & CCWA_DEV_STAT_DEV_END));
}

size_t chan_count_left(struct sim_sch *sch)
{
	return sch->io && cs(sch)->phase == CHAN_WORKING ? cs(sch)->left : 0;
}

uint8_t chan_halt(struct sim_sch *sch)
{
	struct sim_dev *dev = sch->dev;
	uint8_t answer;

	stop(sch);
	answer = dev && dev->ops->halt ? dev->ops->halt(dev) : 0;
	if (dev)
		css_trace_dev(css_of(sch), sch, "halt_signal", "answer=0x%02x",
			      answer);
	return answer;
}

void chan_clear(struct sim_sch *sch)
{
	struct sim_dev *dev = sch->dev;

	stop(sch);
	if (dev && dev->ops->clear)
		dev->ops->clear(dev);
	if (dev)
		css_trace_dev(css_of(sch), sch, "clear_signal", "%s", "");
}

void chan_cancel(struct sim_sch *sch)
{
	stop(sch);
}

void chan_release(struct sim_sch *sch)
{
	if (!sch->io)
		return;
	stop(sch);
	sim_evq_cancel(css_of(sch)->cfg.evq, &cs(sch)->stop_ev);
}
