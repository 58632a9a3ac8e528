// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Subchannel functions and status (facts §3): what happens after SSCH,
 * HSCH, CSCH, RSCH and XSCH are accepted, how status from the channel
 * program and the device becomes status pending, and what TSCH clears.
 *
 * The state is the SCSW's function, activity and status control bits
 * (§3.1); every change goes through the accessors on sch->schib.scsw.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "css/css_int.h"

static struct ccwa_scsw *scsw(struct sim_sch *sch)
{
	return &sch->schib.scsw;
}

static struct ccwa_pmcw *pmcw(struct sim_sch *sch)
{
	return &sch->schib.pmcw;
}

static void actl_set(struct sim_sch *sch, uint32_t bits)
{
	ccwa_scsw_set_actl(scsw(sch), ccwa_scsw_actl(scsw(sch)) | bits);
}

static void actl_clr(struct sim_sch *sch, uint32_t bits)
{
	ccwa_scsw_set_actl(scsw(sch), ccwa_scsw_actl(scsw(sch)) & ~bits);
}

int sch_operational(const struct sim_sch *sch)
{
	return sch && ccwa_pmcw_dnv(&sch->schib.pmcw) &&
	       ccwa_pmcw_ena(&sch->schib.pmcw);
}

int sch_status_pending(const struct sim_sch *sch)
{
	return !!(ccwa_scsw_stctl(&sch->schib.scsw) & CCWA_STCTL_PENDING);
}

/* §3.7: status the program must look at. */
static int unusual(uint8_t dstat, uint8_t cstat)
{
	return (dstat & (CCWA_DEV_STAT_ATTENTION | CCWA_DEV_STAT_UNIT_CHECK |
			 CCWA_DEV_STAT_UNIT_EXCEP | CCWA_DEV_STAT_BUSY)) ||
	       (cstat & ~CCWA_SCH_STAT_PCI);
}

/*
 * Add @sc to the status control and make the subchannel status pending.
 * Becoming status pending queues the one interruption request (§3.9);
 * status merged into pending status does not queue another.
 */
static void make_pending_req(struct sim_sch *sch, uint32_t sc, int request)
{
	struct ccwa_scsw *s = scsw(sch);
	int was = sch_status_pending(sch);

	ccwa_scsw_set_stctl(s, ccwa_scsw_stctl(s) | sc | CCWA_STCTL_PENDING);
	css_trace(sch->css, sch, "status",
		  "scsw=%02x%02x%02x%02x %02x%02x%02x%02x %02x%02x%02x%02x",
		  s->b[0], s->b[1], s->b[2], s->b[3], s->b[4], s->b[5],
		  s->b[6], s->b[7], s->b[8], s->b[9], s->b[10], s->b[11]);
	if (request && (!was || COMPAT(sch->css, irq) == SIM_IRQ_PILE_UP))
		irq_request(sch);
}

static void make_pending(struct sim_sch *sch, uint32_t sc)
{
	make_pending_req(sch, sc, 1);
}

/*
 * A measurement-block access failed during this operation: its ending
 * status carries a format-0 ESW with the extended-status flags (§5.2).
 */
static void logout_esf(struct sim_sch *sch)
{
	struct ccwa_sublog *log;

	if (!sch->io || !sch->io->esf)
		return;
	log = ccwa_esw_sublog(&sch->io->esw);
	ccwa_sublog_set_esf(log, sch->io->esf);
	ccwa_sublog_set_lpum(log, ccwa_pmcw_lpum(&sch->schib.pmcw));
	ccwa_sublog_set_fvf(log, CCWA_SUBLOG_FVF_LPUM);
	ccwa_scsw_set_eswf(&sch->schib.scsw, 1);
	sch->io->esf = 0;
}

/* The PCI held while status was pending joins the next status (§4.13). */
static uint8_t take_held_pci(struct sim_sch *sch)
{
	if (!sch->io || !sch->io->held_pci)
		return 0;
	sch->io->held_pci = 0;
	return CCWA_SCH_STAT_PCI;
}

static void set_status(struct sim_sch *sch, uint8_t dstat, uint8_t cstat)
{
	ccwa_scsw_set_dstat(scsw(sch), dstat);
	ccwa_scsw_set_cstat(scsw(sch), cstat);
}

struct sch_io *sch_io(struct sim_sch *sch)
{
	if (!sch->io) {
		sch->io = calloc(1, sizeof(*sch->io));
		if (!sch->io)
			return NULL;
		sch->io->sch = sch;
	}
	return sch->io;
}

/* ---- the CSS's own steps, run from the event queue ---- */

static void do_start(struct sim_sch *sch);
static void do_resume(struct sim_sch *sch);
static void do_halt(struct sim_sch *sch);
static void do_clear(struct sim_sch *sch);

static void step_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct sch_io *io = sim_container_of(ev, struct sch_io, step_ev);
	uint8_t step = io->step;

	(void)q;
	io->step = STEP_NONE;
	switch (step) {
	case STEP_START:
		do_start(io->sch);
		break;
	case STEP_RESUME:
		do_resume(io->sch);
		break;
	case STEP_HALT:
		do_halt(io->sch);
		break;
	case STEP_CLEAR:
		do_clear(io->sch);
		break;
	}
}

static void schedule_step(struct sim_sch *sch, enum sch_step step,
			  sim_vtime delay)
{
	struct sch_io *io = sch->io;

	if (!sim_event_pending(&io->step_ev))
		sim_event_init(&io->step_ev, step_fire, "sch_step");
	io->step = (uint8_t)step;
	sim_evq_after(sch->css->cfg.evq, &io->step_ev, delay, SIM_EVC_CHANNEL);
}

static void cancel_step(struct sim_sch *sch)
{
	if (sch->io) {
		sim_evq_cancel(sch->css->cfg.evq, &sch->io->step_ev);
		sch->io->step = STEP_NONE;
	}
}

/* ---- start (§2.1 effects, §3.2) ---- */

void sch_start(struct sim_sch *sch, const struct ccwa_orb *orb)
{
	struct sch_io *io = sch->io;
	struct ccwa_scsw *s = scsw(sch);

	chan_cancel(sch);	/* nothing of an earlier program may linger */
	io->orb = *orb;
	memset(&io->esw, 0, sizeof(io->esw));
	memset(&io->ecw, 0, sizeof(io->ecw));
	io->held_pci = 0;
	io->esf = 0;

	/* The SCSW starts afresh with the ORB's controls. */
	memset(s, 0, sizeof(*s));
	ccwa_scsw_set_key(s, ccwa_orb_key(orb));
	ccwa_scsw_set_sctl(s, ccwa_orb_spnd(orb));
	ccwa_scsw_set_fmt(s, ccwa_orb_fmt(orb));
	ccwa_scsw_set_pfch(s, ccwa_orb_pfch(orb));
	ccwa_scsw_set_isic(s, ccwa_orb_isic(orb));
	ccwa_scsw_set_alcc(s, ccwa_orb_alcc(orb));
	ccwa_scsw_set_ssi(s, ccwa_orb_ssic(orb));
	ccwa_scsw_set_fctl(s, CCWA_FCTL_START);
	ccwa_scsw_set_actl(s, CCWA_ACTL_START_PEND);

	ccwa_pmcw_set_intparm(pmcw(sch), ccwa_orb_intparm(orb));
	ccwa_pmcw_set_lpm(pmcw(sch), ccwa_orb_lpm(orb));
	ccwa_pmcw_set_pnom(pmcw(sch), 0);

	cmf_start(sch);
	schedule_step(sch, STEP_START, sch->css->cfg.t_start);
}

/* Deferred condition code 3: no path could be used (§3.2 step 1). */
static void deferred_cc3(struct sim_sch *sch)
{
	actl_clr(sch, CCWA_ACTL_START_PEND | CCWA_ACTL_RESUME_PEND);
	ccwa_scsw_set_cc(scsw(sch), 3);
	cmf_end(sch);
	make_pending(sch, CCWA_STCTL_ALERT);
}

static void do_start(struct sim_sch *sch)
{
	struct ccwa_scsw *s = scsw(sch);
	uint8_t path;

	if (!(ccwa_scsw_fctl(s) & CCWA_FCTL_START) ||
	    !(ccwa_scsw_actl(s) & CCWA_ACTL_START_PEND))
		return;
	path = chp_select(sch);
	if (!path) {
		deferred_cc3(sch);
		return;
	}
	ccwa_pmcw_set_lpum(pmcw(sch), path);
	if (ccwa_orb_isic(&sch->io->orb) &&
	    COMPAT(sch->css, isic) == SIM_ISIC_BEFORE_FETCH) {
		/* Hercules 3.13: Z status before the first CCW is fetched. */
		actl_set(sch, CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE);
		ccwa_scsw_set_zcc(s, 1);
		ccwa_scsw_set_cpa(s, ccwa_orb_cpa(&sch->io->orb));
		make_pending(sch, CCWA_STCTL_INTERMEDIATE);
	}
	chan_start(sch);
}

void sch_accepted(struct sim_sch *sch, uint64_t first_ccw)
{
	struct ccwa_scsw *s = scsw(sch);

	actl_clr(sch, CCWA_ACTL_START_PEND);
	actl_set(sch, CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE);
	cmf_accepted(sch);
	/*
	 * §3.2 step 4: ISIC reports "operation initiated", like SIO cc 0.  A
	 * PCI of the first CCW already pending is the same intermediate
	 * status: Z joins it.
	 */
	if (ccwa_orb_isic(&sch->io->orb) &&
	    COMPAT(sch->css, isic) == SIM_ISIC_AFTER_ACCEPT &&
	    (!sch_status_pending(sch) ||
	     ccwa_scsw_stctl(s) == (CCWA_STCTL_INTERMEDIATE |
				    CCWA_STCTL_PENDING))) {
		if (!sch_status_pending(sch))
			set_status(sch, 0, 0);
		ccwa_scsw_set_zcc(s, 1);
		ccwa_scsw_set_cc(s, 0);
		ccwa_scsw_set_cpa(s, (uint32_t)(first_ccw + 8));
		make_pending(sch, CCWA_STCTL_INTERMEDIATE);
	}
}

/* §3.2 step 4, §3.8: the device presented status instead of accepting. */
void sch_not_initiated(struct sim_sch *sch, uint8_t dstat)
{
	actl_clr(sch, CCWA_ACTL_START_PEND | CCWA_ACTL_RESUME_PEND |
		      CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE);
	ccwa_scsw_set_cc(scsw(sch), 1);
	set_status(sch, dstat, take_held_pci(sch));
	cmf_end(sch);
	make_pending(sch, COMPAT(sch->css, dcc1) == SIM_DCC1_ALERT_PENDING ?
			  CCWA_STCTL_ALERT : 0);
}

/* §4.13: a CCW with the PCI flag became current. */
void sch_pci(struct sim_sch *sch, uint64_t ccw)
{
	if (sch_status_pending(sch)) {
		sch->io->held_pci = 1;
		return;
	}
	ccwa_scsw_set_cpa(scsw(sch), (uint32_t)(ccw + 8));
	set_status(sch, 0, CCWA_SCH_STAT_PCI);
	make_pending(sch, CCWA_STCTL_INTERMEDIATE);
}

/* §3.3: the channel program is suspended at @ccw. */
void sch_suspended(struct sim_sch *sch, uint64_t ccw, uint16_t count)
{
	struct ccwa_scsw *s = scsw(sch);
	int u = ccwa_orb_ssic(&sch->io->orb);
	uint32_t sc = CCWA_STCTL_INTERMEDIATE;

	actl_clr(sch, CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE |
		      CCWA_ACTL_START_PEND);
	actl_set(sch, CCWA_ACTL_SUSPENDED);
	cmf_suspended(sch);
	css_trace(sch->css, sch, "suspended", "ccw=0x%08x u=%d",
		  (uint32_t)ccw, u);
	if (u && COMPAT(sch->css, susp_u) == SIM_SUSP_U_NO_STATUS)
		return;
	if (COMPAT(sch->css, susp_alert) == SIM_SUSP_ALERT)
		sc |= CCWA_STCTL_ALERT;
	ccwa_scsw_set_cpa(s, (uint32_t)(ccw + 8));
	ccwa_scsw_set_count(s, count);
	/* "0, or PCI if still pending" (§3.3): a held or a pending PCI. */
	set_status(sch, 0, (uint8_t)(take_held_pci(sch) |
				     (sch_status_pending(sch) ?
				      ccwa_scsw_cstat(s) & CCWA_SCH_STAT_PCI : 0)));
	make_pending_req(sch, sc, !u);
}

void sch_primary(struct sim_sch *sch, uint8_t dstat, uint8_t cstat,
		 uint64_t cpa, uint16_t count, int secondary)
{
	struct ccwa_scsw *s = scsw(sch);
	uint32_t sc = CCWA_STCTL_PRIMARY;

	/* A PCI held, or still pending untested, joins the final status (§4.13). */
	cstat |= take_held_pci(sch);
	if (sch_status_pending(sch))
		cstat |= ccwa_scsw_cstat(s) & CCWA_SCH_STAT_PCI;
	actl_clr(sch, CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_START_PEND |
		      CCWA_ACTL_RESUME_PEND);
	if (secondary) {
		actl_clr(sch, CCWA_ACTL_DEV_ACTIVE);
		sc |= CCWA_STCTL_SECONDARY;
	}
	if (unusual(dstat, cstat))
		sc |= CCWA_STCTL_ALERT;
	ccwa_scsw_set_cpa(s, (uint32_t)cpa);
	ccwa_scsw_set_count(s, count);
	set_status(sch, dstat, cstat);
	cmf_channel_end(sch);
	if (secondary)
		cmf_end(sch);
	logout_esf(sch);
	make_pending(sch, sc);
}

/* §3.2 step 7: device end after channel end. */
void sch_secondary(struct sim_sch *sch, uint8_t dstat)
{
	struct ccwa_scsw *s = scsw(sch);
	uint32_t sc = CCWA_STCTL_SECONDARY;

	actl_clr(sch, CCWA_ACTL_DEV_ACTIVE);
	if (sch_status_pending(sch) &&
	    (ccwa_scsw_stctl(s) & CCWA_STCTL_PRIMARY)) {
		/* Joins the primary status still pending. */
		dstat |= (uint8_t)ccwa_scsw_dstat(s);
	} else {
		ccwa_scsw_set_cc(s, 0);
		ccwa_scsw_set_cstat(s, 0);
	}
	ccwa_scsw_set_dstat(s, dstat);
	if (unusual(dstat, (uint8_t)ccwa_scsw_cstat(s)))
		sc |= CCWA_STCTL_ALERT;
	cmf_end(sch);
	logout_esf(sch);
	make_pending(sch, sc);
}

/* §3.7: status of a device that has no start function running. */
int sch_unsolicited(struct sim_sch *sch, uint8_t dstat)
{
	struct ccwa_scsw *s = scsw(sch);

	if (!sch_operational(sch))
		return -ENODEV;		/* disabled or no device */
	if (sch_status_pending(sch) || ccwa_scsw_fctl(s) || ccwa_scsw_actl(s))
		return -EBUSY;		/* present it again later */
	ccwa_scsw_set_cc(s, 0);
	ccwa_scsw_set_zcc(s, 0);
	set_status(sch, dstat, 0);
	make_pending(sch, CCWA_STCTL_ALERT);
	return 0;
}

void sch_concurrent_sense(struct sim_sch *sch, const uint8_t *sense,
			  unsigned n)
{
	struct ccwa_erw *erw = ccwa_esw_erw(&sch->io->esw);

	if (!ccwa_pmcw_csense(pmcw(sch)) || !n)
		return;
	if (n > sizeof(sch->io->ecw.b))
		n = sizeof(sch->io->ecw.b);
	memset(&sch->io->ecw, 0, sizeof(sch->io->ecw));
	memcpy(sch->io->ecw.b, sense, n);
	ccwa_erw_set_cons(erw, 1);
	ccwa_erw_set_scnt(erw, n);
	ccwa_scsw_set_ectl(scsw(sch), 1);
}

/* ---- resume (§2.5, §3.3) ---- */

void sch_resume(struct sim_sch *sch)
{
	actl_set(sch, CCWA_ACTL_RESUME_PEND);
	cmf_start(sch);
	if (ccwa_scsw_actl(scsw(sch)) & CCWA_ACTL_SUSPENDED)
		schedule_step(sch, STEP_RESUME, sch->css->cfg.t_start);
	/*
	 * Otherwise the program is still running: the engine sees
	 * resume-pending when it reaches the next suspend flag.
	 */
}

static void do_resume(struct sim_sch *sch)
{
	uint32_t actl = ccwa_scsw_actl(scsw(sch));
	uint8_t path;

	if (!(actl & CCWA_ACTL_SUSPENDED) || !(actl & CCWA_ACTL_RESUME_PEND))
		return;
	actl_clr(sch, CCWA_ACTL_SUSPENDED | CCWA_ACTL_RESUME_PEND);
	path = chp_select(sch);
	if (!path) {
		deferred_cc3(sch);
		return;
	}
	ccwa_pmcw_set_lpum(pmcw(sch), path);
	actl_set(sch, CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE);
	chan_resume(sch);
}

/* ---- halt (§2.3 effects, §3.4) ---- */

void sch_halt(struct sim_sch *sch)
{
	struct ccwa_scsw *s = scsw(sch);
	uint32_t fc = ccwa_scsw_fctl(s);
	uint32_t ac = ccwa_scsw_actl(s);
	uint32_t sc = ccwa_scsw_stctl(s);

	if (COMPAT(sch->css, hsch_start) == SIM_HSCH_CLEAR_START)
		fc &= ~(uint32_t)CCWA_FCTL_START;
	ccwa_scsw_set_fctl(s, fc | CCWA_FCTL_HALT);
	actl_set(sch, CCWA_ACTL_HALT_PEND);

	/* An intermediate status of a running operation is overtaken. */
	if (sc == (CCWA_STCTL_INTERMEDIATE | CCWA_STCTL_PENDING) &&
	    (ac & CCWA_ACTL_SCH_ACTIVE) && (ac & CCWA_ACTL_DEV_ACTIVE)) {
		switch (COMPAT(sch->css, hsch_interm)) {
		case SIM_HSCH_INTERM_DISCARD:
			ccwa_scsw_set_stctl(s, 0);
			irq_withdraw(sch);
			break;
		case SIM_HSCH_INTERM_CLEAR_PENDING:
			ccwa_scsw_set_stctl(s, CCWA_STCTL_INTERMEDIATE);
			irq_withdraw(sch);
			break;
		default:
			break;
		}
	}
	if (!sch_io(sch))
		return;
	/*
	 * HSCH found the start pending: the start function ends there, so a
	 * start step not yet taken is never taken (§3.4 "start pending").
	 */
	if ((ac & CCWA_ACTL_START_PEND) && sch->io->step == STEP_START)
		cancel_step(sch);
	schedule_step(sch, STEP_HALT, sch->css->cfg.t_halt);
}

static void do_halt(struct sim_sch *sch)
{
	struct ccwa_scsw *s = scsw(sch);
	uint32_t ac = ccwa_scsw_actl(s);
	uint8_t dstat = 0;
	uint32_t sc = 0;

	if (!(ac & CCWA_ACTL_HALT_PEND))
		return;
	actl_clr(sch, CCWA_ACTL_HALT_PEND);
	if (sch_status_pending(sch) &&
	    (ccwa_scsw_stctl(s) & (CCWA_STCTL_PRIMARY | CCWA_STCTL_SECONDARY |
				   CCWA_STCTL_ALERT))) {
		/* The operation ended on its own before the signal went out. */
		return;
	}
	if (ac & CCWA_ACTL_START_PEND) {
		/* The start was never initiated; the device is not signalled. */
		chan_cancel(sch);
		actl_clr(sch, CCWA_ACTL_START_PEND);
		if (COMPAT(sch->css, halt_sp) == SIM_HALT_SP_DEFERRED_CC1)
			ccwa_scsw_set_cc(s, 1);
		cmf_end(sch);
	} else if (ac & CCWA_ACTL_SUSPENDED) {
		/* The suspended program ends; the device is already free. */
		chan_cancel(sch);
		actl_clr(sch, CCWA_ACTL_SUSPENDED | CCWA_ACTL_RESUME_PEND);
		ccwa_scsw_set_cpa(s, (uint32_t)(sch->io->chan.ccw + 8));
		cmf_end(sch);
	} else if (ac & (CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE)) {
		/* The halt signal stops the device (§3.4 "active" rows). */
		uint64_t ccw = sch->io->chan.ccw;

		uint16_t left = sch->io->chan.left;

		dstat = chan_halt(sch);
		if (ac & CCWA_ACTL_SCH_ACTIVE) {
			ccwa_scsw_set_cpa(s, (uint32_t)(ccw + 8));
			ccwa_scsw_set_count(s, left);	/* unpredictable */
		}
		else if (dstat & CCWA_DEV_STAT_DEV_END)
			sc |= CCWA_STCTL_SECONDARY;
		actl_clr(sch, CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE |
			      CCWA_ACTL_RESUME_PEND);
		cmf_end(sch);
	} else if (sch->dev) {
		/* Idle: the halt signal goes to the device anyway. */
		dstat = sch->dev->ops->halt ? sch->dev->ops->halt(sch->dev) : 0;
		css_trace_dev(sch->css, sch, "halt_signal",
			      "answer=0x%02x (idle)", dstat);
	}
	/*
	 * The halt's status ends the operation: no intermediate status stays,
	 * except in Hercules 3.13's reading, where HSCH left the bit on and
	 * the completion keeps it (§11 A14, run P#34).
	 */
	if (COMPAT(sch->css, hsch_interm) != SIM_HSCH_INTERM_CLEAR_PENDING)
		ccwa_scsw_set_stctl(s, ccwa_scsw_stctl(s) &
				    ~(uint32_t)CCWA_STCTL_INTERMEDIATE);
	set_status(sch, dstat, take_held_pci(sch));
	make_pending(sch, sc);
}

/* ---- clear (§2.4 effects, §3.5) ---- */

void sch_clear(struct sim_sch *sch)
{
	struct ccwa_scsw *s = scsw(sch);

	if (COMPAT(sch->css, csch_status) == SIM_CSCH_DISCARD_STATUS) {
		ccwa_scsw_set_stctl(s, 0);
		irq_withdraw(sch);
	}
	ccwa_scsw_set_fctl(s, CCWA_FCTL_CLEAR);
	ccwa_scsw_set_actl(s, CCWA_ACTL_CLEAR_PEND);
	if (!sch_io(sch))
		return;
	cancel_step(sch);
	schedule_step(sch, STEP_CLEAR, sch->css->cfg.t_clear);
}

static void do_clear(struct sim_sch *sch)
{
	struct ccwa_scsw *s = scsw(sch);
	struct ccwa_pmcw *p = pmcw(sch);
	uint8_t usable;

	if (!(ccwa_scsw_actl(s) & CCWA_ACTL_CLEAR_PEND))
		return;
	/* Path management is reset first (§3.5 step 1). */
	ccwa_pmcw_set_pom(p, 0xff);
	ccwa_pmcw_set_pnom(p, 0);
	ccwa_pmcw_set_lpum(p, 0);
	/* The clear signal goes out on a usable path, if any is left. */
	usable = (uint8_t)(ccwa_pmcw_pim(p) & ccwa_pmcw_pam(p));
	if (usable) {
		ccwa_pmcw_set_lpum(p, path_first(usable));
		chan_clear(sch);
	} else {
		chan_cancel(sch);
	}
	sch->io->held_pci = 0;
	cmf_end(sch);
	/* Only FC clear and SC status pending remain (§3.5 step 3). */
	s->b[0] = 0;
	s->b[1] = 0;
	ccwa_scsw_set_fctl(s, CCWA_FCTL_CLEAR);
	ccwa_scsw_set_actl(s, 0);
	ccwa_scsw_set_cpa(s, 0);
	ccwa_scsw_set_count(s, 0);
	set_status(sch, 0, 0);
	make_pending(sch, 0);
}

/* ---- cancel (§2.6): synchronous, no interruption ---- */

void sch_cancel(struct sim_sch *sch)
{
	struct ccwa_scsw *s = scsw(sch);

	cancel_step(sch);
	chan_cancel(sch);
	ccwa_scsw_set_fctl(s, ccwa_scsw_fctl(s) & ~(uint32_t)CCWA_FCTL_START);
	actl_clr(sch, CCWA_ACTL_START_PEND | CCWA_ACTL_RESUME_PEND |
		      CCWA_ACTL_SUSPENDED);
	set_status(sch, 0, 0);
	if (sch->io) {
		sch->io->held_pci = 0;
		cmf_end(sch);
	}
}

/* ---- TSCH (§2.2, §3.10) ---- */

void sch_tsch_clear(struct sim_sch *sch)
{
	struct ccwa_scsw *s = scsw(sch);
	uint32_t sc = ccwa_scsw_stctl(s);
	uint32_t fc = ccwa_scsw_fctl(s);
	uint32_t ac = ccwa_scsw_actl(s);
	int reset_zcc = COMPAT(sch->css, tsch_zcc) == SIM_TSCH_RESET_Z_CC;
	int interm_only;

	if (COMPAT(sch->css, tsch_interm) == SIM_TSCH_INTERM_EXACT)
		interm_only = sc == (CCWA_STCTL_INTERMEDIATE |
				     CCWA_STCTL_PENDING);
	else
		interm_only = (sc & CCWA_STCTL_INTERMEDIATE) &&
			      !(sc & (CCWA_STCTL_PRIMARY |
				      CCWA_STCTL_SECONDARY));

	irq_withdraw(sch);
	ccwa_scsw_set_stctl(s, 0);
	if (interm_only) {
		/* Case A: the operation goes on (PCI, ISIC, suspension). */
		if (reset_zcc)
			ccwa_scsw_set_zcc(s, 0);
		if ((fc & CCWA_FCTL_START) && (ac & CCWA_ACTL_SUSPENDED)) {
			if (fc & CCWA_FCTL_HALT) {
				ccwa_scsw_set_fctl(s, 0);
				actl_clr(sch, CCWA_ACTL_RESUME_PEND |
					      CCWA_ACTL_START_PEND |
					      CCWA_ACTL_HALT_PEND |
					      CCWA_ACTL_CLEAR_PEND |
					      CCWA_ACTL_SUSPENDED);
			} else {
				actl_clr(sch, CCWA_ACTL_RESUME_PEND);
			}
			ccwa_scsw_set_pno(s, 0);
		}
		return;
	}
	/* Case B: the function is over as far as the program is concerned. */
	ccwa_scsw_set_fctl(s, 0);
	actl_clr(sch, CCWA_ACTL_RESUME_PEND | CCWA_ACTL_START_PEND |
		      CCWA_ACTL_HALT_PEND | CCWA_ACTL_CLEAR_PEND |
		      CCWA_ACTL_SUSPENDED);
	ccwa_scsw_set_pno(s, 0);
	if (reset_zcc) {
		ccwa_scsw_set_zcc(s, 0);
		ccwa_scsw_set_cc(s, 0);
	}
	if (sch->io) {
		ccwa_scsw_set_ectl(s, 0);
		ccwa_scsw_set_eswf(s, 0);
		memset(&sch->io->esw, 0, sizeof(sch->io->esw));
		memset(&sch->io->ecw, 0, sizeof(sch->io->ecw));
	}
}

/*
 * The IRB as TSCH stores it (§1.7).  The ESW is format 0 when a logout
 * was stored (SCSW L), else format 1, or format 2 when device-connect
 * time is measured; 96 bytes when the EMW is stored.
 */
void sch_build_irb(struct sim_sch *sch, struct ccwa_irb *irb, unsigned *len)
{
	struct sch_io *io = sch->io;
	const struct ccwa_scsw *s = &sch->schib.scsw;
	int x = ccwa_pmcw_xmwme(&sch->schib.pmcw);

	memset(irb, 0, sizeof(*irb));
	irb->scsw = *s;
	if (sch_status_pending(sch) && io) {
		uint32_t sc = ccwa_scsw_stctl(s);

		if (ccwa_scsw_eswf(s)) {
			irb->esw = io->esw;
		} else {
			*ccwa_esw_erw(&irb->esw) = *ccwa_esw_erw(&io->esw);
			ccwa_esw_set_lpum(&irb->esw,
					  ccwa_pmcw_lpum(&sch->schib.pmcw));
			if ((sc & CCWA_STCTL_PRIMARY) && sch->css->cmf_d &&
			    (ccwa_pmcw_mme(&sch->schib.pmcw) &
			     CCWA_PMCW_MME_DCT)) {
				sim_vtime u = io->op[CMF_CONNECT] / 128000;

				ccwa_esw_set_dcti(&irb->esw,
						  (uint32_t)(u > 0xffff ? 0xffff : u));
			}
		}
		if (ccwa_scsw_ectl(s))
			irb->ecw = io->ecw;
		if (x && ccwa_pmcw_tf(&sch->schib.pmcw) &&
		    !ccwa_scsw_eswf(s)) {
			struct ccwa_emw *e = &irb->emw;

			ccwa_emw_set_dct(e, (uint32_t)(io->op[CMF_CONNECT] / 128000));
			ccwa_emw_set_fpt(e, (uint32_t)(io->op[CMF_PENDING] / 128000));
			ccwa_emw_set_ddt(e, (uint32_t)(io->op[CMF_DISCONNECT] / 128000));
			ccwa_emw_set_cuqt(e, (uint32_t)(io->op[CMF_CUQ] / 128000));
			ccwa_emw_set_daot(e, (uint32_t)(io->op[CMF_DAO] / 128000));
			ccwa_emw_set_dbt(e, (uint32_t)(io->op[CMF_BUSY] / 128000));
			ccwa_emw_set_icrt(e, (uint32_t)(io->op[CMF_ICR] / 128000));
		}
	}
	if (COMPAT(sch->css, irb96) == SIM_IRB_96_WHEN_X)
		*len = x ? CCWA_IRB_SIZE : CCWA_IRB_SIZE_NO_EMW;
	else
		*len = x && sch_status_pending(sch) ? CCWA_IRB_SIZE :
						      CCWA_IRB_SIZE_NO_EMW;
}

/*
 * RCHP completed on a path this subchannel's operation uses: the
 * operation is terminated with interface-control check (docs/css.md).
 */
void sch_path_reset(struct sim_sch *sch, uint8_t pathbit)
{
	struct ccwa_scsw *s = scsw(sch);
	uint32_t ac = ccwa_scsw_actl(s);
	struct ccwa_sublog *log;

	if (!sch->io || !(ac & (CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE)) ||
	    !(ccwa_pmcw_lpum(pmcw(sch)) & pathbit))
		return;
	chan_halt(sch);
	log = ccwa_esw_sublog(&sch->io->esw);
	memset(&sch->io->esw, 0, sizeof(sch->io->esw));
	ccwa_sublog_set_lpum(log, pathbit);
	ccwa_sublog_set_fvf(log, CCWA_SUBLOG_FVF_LPUM | CCWA_SUBLOG_FVF_TERMC);
	ccwa_sublog_set_termc(log, 0);	/* halt signal issued */
	ccwa_sublog_set_ioerr(log, 1);
	ccwa_scsw_set_eswf(s, 1);
	sch_primary(sch, 0, CCWA_SCH_STAT_INTF_CTRL_CHK,
		    sch->io->chan.ccw + 8, 0, 1);
}

/* §7: the subchannel after an I/O-system reset. */
void sch_reset(struct sim_sch *sch)
{
	struct ccwa_pmcw *p = pmcw(sch);

	cancel_step(sch);
	if (sch->io) {
		chan_release(sch);
		free(sch->io);
		sch->io = NULL;
	}
	/* §7: device-level state (sense data, the operation) is reset too. */
	if (sch->dev && sch->dev->ops->clear)
		sch->dev->ops->clear(sch->dev);
	irq_drop_sch(sch);	/* in every mode: reset discards requests (§7) */
	ccwa_pmcw_set_intparm(p, 0);
	ccwa_pmcw_set_isc(p, 0);
	ccwa_pmcw_set_ena(p, 0);
	ccwa_pmcw_set_lm(p, 0);
	ccwa_pmcw_set_mme(p, 0);
	ccwa_pmcw_set_mp(p, 0);
	ccwa_pmcw_set_lpm(p, ccwa_pmcw_pim(p));
	ccwa_pmcw_set_pnom(p, 0);
	ccwa_pmcw_set_lpum(p, 0);
	ccwa_pmcw_set_mbi(p, 0);
	ccwa_pmcw_set_pom(p, 0xff);
	ccwa_pmcw_set_mbfc(p, 0);
	ccwa_pmcw_set_xmwme(p, 0);
	ccwa_pmcw_set_csense(p, 0);
	memset(&sch->schib.scsw, 0, sizeof(sch->schib.scsw));
	ccwa_schib_set_mba(&sch->schib, 0);
}
