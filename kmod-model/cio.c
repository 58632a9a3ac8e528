// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The common I/O layer under vfio-ccw (cio.h): what drivers/s390/cio/cio.c
 * and the interrupt and channel-report entry do, on sim/css.  The I/O
 * instructions are preemption points.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/crw.h>
#include <ccwsim/arch/intcode.h>
#include <ccwsim/arch/scsw.h>

#include "cio.h"
#include "kmodel_int.h"

static struct sim_css *css(struct subchannel *sch)
{
	return sch->k->css;
}

static int io_result(struct sim_io r)
{
	return r.pic || r.err ? -EIO : r.cc;
}

static void load_schib(struct subchannel *sch, struct ccwa_schib *out)
{
	sim_mem_read(sch->k->mem, SCH_SCHIB(sch), out, sizeof(*out), 0, NULL);
}

struct subchannel *cio_sch_create(struct kmodel *k, unsigned ssid,
				  unsigned schno)
{
	struct subchannel *sch = calloc(1, sizeof(*sch));

	if (!sch)
		return NULL;
	sch->k = k;
	sch->ssid = ssid;
	sch->schno = schno;
	sch->schid = sim_sid(ssid, schno);
	sch->isc = VFIO_CCW_ISC;
	ks_spin_init(&sch->lock, "sch->lock");
	sch->addr = kmem_alloc(k->kmem, 512, 0);	/* struct subchannel */
	sch->area = kmem_alloc(k->kmem, PAGE_SIZE, 1);
	if (!sch->addr || !sch->area || cio_update_schib(sch)) {
		kmem_free(k->kmem, sch->addr);
		kmem_free(k->kmem, sch->area);
		free(sch);
		return NULL;
	}
	sch->lpm = (uint8_t)(ccwa_pmcw_pim(&sch->schib.pmcw) &
			     ccwa_pmcw_pam(&sch->schib.pmcw) &
			     ccwa_pmcw_pom(&sch->schib.pmcw));
	sch->opm = sch->lpm;
	sch->next = k->schs;
	k->schs = sch;
	return sch;
}

void cio_sch_destroy(struct subchannel *sch)
{
	struct subchannel **p;

	for (p = &sch->k->schs; *p; p = &(*p)->next)
		if (*p == sch) {
			*p = sch->next;
			break;
		}
	kmem_free(sch->k->kmem, sch->addr);
	kmem_free(sch->k->kmem, sch->area);
	free(sch);
}

struct subchannel *cio_sch_find(struct kmodel *k, unsigned ssid,
				unsigned schno)
{
	for (struct subchannel *s = k->schs; s; s = s->next)
		if (s->ssid == ssid && s->schno == schno)
			return s;
	return NULL;
}

static struct subchannel *by_intparm(struct kmodel *k, uint32_t intparm)
{
	for (struct subchannel *s = k->schs; s; s = s->next)
		if ((uint32_t)s->addr == intparm)
			return s;
	return NULL;
}

/* ---- instructions ---- */

int cio_ssch(struct subchannel *sch, uint64_t orb_addr)
{
	ks_preempt(sch->k->s, "ssch");
	return io_result(sim_css_ssch(css(sch), &sch->k->cpu, sch->schid,
				      orb_addr));
}

int cio_hsch(struct subchannel *sch)
{
	ks_preempt(sch->k->s, "hsch");
	return io_result(sim_css_hsch(css(sch), &sch->k->cpu, sch->schid));
}

int cio_csch(struct subchannel *sch)
{
	ks_preempt(sch->k->s, "csch");
	return io_result(sim_css_csch(css(sch), &sch->k->cpu, sch->schid));
}

int cio_xsch(struct subchannel *sch)
{
	ks_preempt(sch->k->s, "xsch");
	return io_result(sim_css_xsch(css(sch), &sch->k->cpu, sch->schid));
}

int cio_tsch(struct subchannel *sch, uint64_t irb_addr)
{
	return io_result(sim_css_tsch(css(sch), &sch->k->cpu, sch->schid,
				      irb_addr));
}

static int stsch(struct subchannel *sch, struct ccwa_schib *out)
{
	int cc = io_result(sim_css_stsch(css(sch), &sch->k->cpu, sch->schid,
					 SCH_SCHIB(sch)));

	if (cc)
		return cc;
	load_schib(sch, out);
	return 0;
}

/* css_sch_is_valid: an I/O subchannel needs a valid device number. */
static int valid(const struct ccwa_schib *s)
{
	return ccwa_pmcw_st(&s->pmcw) != 0 || ccwa_pmcw_dnv(&s->pmcw);
}

int cio_update_schib(struct subchannel *sch)
{
	struct ccwa_schib s;

	if (stsch(sch, &s))
		return -ENODEV;
	if (!valid(&s))
		return -EACCES;
	sch->schib = s;
	return 0;
}

/* ---- cio_commit_config ---- */

struct config {
	uint8_t ena, isc, csense;
	uint32_t intparm;
};

static void apply(const struct config *c, struct ccwa_schib *s)
{
	ccwa_pmcw_set_ena(&s->pmcw, c->ena);
	ccwa_pmcw_set_isc(&s->pmcw, c->isc);
	ccwa_pmcw_set_intparm(&s->pmcw, c->intparm);
	ccwa_pmcw_set_csense(&s->pmcw, c->csense);
}

static int applied(const struct config *c, const struct ccwa_schib *s)
{
	return ccwa_pmcw_ena(&s->pmcw) == c->ena &&
	       ccwa_pmcw_isc(&s->pmcw) == c->isc &&
	       ccwa_pmcw_intparm(&s->pmcw) == c->intparm &&
	       ccwa_pmcw_csense(&s->pmcw) == c->csense;
}

/*
 * Up to 5 MSCH tries.  Status pending (cc 1) is TSCHed away into a local
 * IRB and thrown out — so disabling a status-pending subchannel normally
 * succeeds and that status never reaches the driver (vfio-ccw §8, §7).
 * Busy (cc 2) waits 100 us.
 */
static int commit_config(struct subchannel *sch, const struct config *c)
{
	struct ccwa_schib s;
	int ret = -EBUSY;

	for (int retry = 0; retry < 5; retry++) {
		int cc;

		if (stsch(sch, &s))
			return -ENODEV;
		apply(c, &s);
		sim_mem_write(sch->k->mem, SCH_SCHIB(sch), &s, sizeof(s), 0, NULL);
		ks_preempt(sch->k->s, "msch");
		cc = io_result(sim_css_msch(css(sch), &sch->k->cpu, sch->schid,
					    SCH_SCHIB(sch)));
		switch (cc) {
		case 0:
			if (stsch(sch, &s) || !valid(&s))
				return -ENODEV;
			if (applied(c, &s)) {
				sch->schib = s;
				return 0;
			}
			ret = -EAGAIN;
			break;
		case 1:
			ret = -EBUSY;
			if (cio_tsch(sch, SCH_IRB(sch)))
				return ret;
			kmodel_trace(sch->k, "cio_tsch_discard",
				     "0.%x.%04x status thrown away by commit_config",
				     sch->ssid, sch->schno);
			break;
		case 2:
			ks_delay(sch->k->s, SIM_US(100));
			ret = -EBUSY;
			break;
		case 3:
			return -ENODEV;
		default:
			return -EIO;	/* a program check in MSCH */
		}
	}
	return ret;
}

int cio_enable_subchannel(struct subchannel *sch, uint32_t intparm)
{
	struct config c = { .ena = 1, .isc = sch->isc, .intparm = intparm };
	int ret;

	if (cio_update_schib(sch))
		return -ENODEV;
	ret = commit_config(sch, &c);
	kmodel_trace(sch->k, "cio_enable", "0.%x.%04x intparm=0x%08x ret=%d",
		     sch->ssid, sch->schno, intparm, ret);
	return ret;
}

int cio_disable_subchannel(struct subchannel *sch)
{
	struct config c = { .ena = 0 };
	int ret;

	if (cio_update_schib(sch))
		return -ENODEV;
	c.isc = (uint8_t)ccwa_pmcw_isc(&sch->schib.pmcw);
	c.intparm = ccwa_pmcw_intparm(&sch->schib.pmcw);
	c.csense = (uint8_t)ccwa_pmcw_csense(&sch->schib.pmcw);
	ret = commit_config(sch, &c);
	kmodel_trace(sch->k, "cio_disable", "0.%x.%04x ret=%d", sch->ssid,
		     sch->schno, ret);
	return ret;
}

/* ---- cio_cancel_halt_clear ---- */

static uint32_t actl(struct subchannel *sch)
{
	return ccwa_scsw_actl(&sch->schib.scsw);
}

int cio_cancel_halt_clear(struct subchannel *sch, int *iretry)
{
	if (cio_update_schib(sch))
		return -ENODEV;		/* whatever stsch said (§8 §7) */
	if (!ccwa_pmcw_ena(&sch->schib.pmcw))
		return 0;
	/* Stage 1: cancel, unless a halt or clear is already pending. */
	if (!(actl(sch) & (CCWA_ACTL_HALT_PEND | CCWA_ACTL_CLEAR_PEND))) {
		switch (cio_xsch(sch)) {
		case 0:
			return cio_update_schib(sch) ? -ENODEV : 0;
		case 1:
			return -EBUSY;
		case 2:
			break;		/* not applicable: halt instead */
		default:
			return -ENODEV;
		}
		*iretry = 3;
	}
	/* Stage 2: halt, unless a clear is pending. */
	if (!(actl(sch) & CCWA_ACTL_CLEAR_PEND)) {
		if (*iretry) {
			int cc;

			*iretry -= 1;
			cc = cio_hsch(sch);
			if (cc == 0) {
				ccwa_scsw_set_actl(&sch->schib.scsw,
						   actl(sch) | CCWA_ACTL_HALT_PEND);
				return -EBUSY;	/* an interrupt is coming */
			}
			if (cc != 1 && cc != 2)
				return -ENODEV;
		}
		*iretry = 255;
	}
	/* Stage 3: clear. */
	if (*iretry) {
		*iretry -= 1;
		if (cio_csch(sch))
			return -ENODEV;
		ccwa_scsw_set_actl(&sch->schib.scsw,
				   actl(sch) | CCWA_ACTL_CLEAR_PEND);
		return -EBUSY;
	}
	return -EIO;
}

/* ---- the interrupt entry ---- */

void cio_irb(struct kmodel *k, struct ccwa_irb *irb)
{
	sim_mem_read(k->mem, k->cio_irb, irb, sizeof(*irb), 0, NULL);
}

/* do_cio_interrupt, for each I/O interruption the CPU can take. */
static void io_interrupts(void *arg)
{
	struct kmodel *k = arg;
	struct ccwa_intcode code;

	while (sim_css_take_io(k->css, &k->cpu, &code)) {
		struct subchannel *sch = by_intparm(k, ccwa_intcode_intparm(&code));
		uint32_t schid = ccwa_intcode_schid(&code);

		if (!sch) {
			/* intparm 0 (or unknown): clear the condition, drop it */
			sim_css_tsch(k->css, &k->cpu, schid, k->cio_irb);
			continue;
		}
		ks_spin_lock(k->s, &sch->lock);
		if (cio_tsch(sch, k->cio_irb) == 0) {
			struct ccwa_irb irb;

			cio_irb(k, &irb);
			sch->schib.scsw = irb.scsw;
			if (sch->drv && sch->drv->irq)
				sch->drv->irq(sch);
		}
		ks_spin_unlock(k->s, &sch->lock);
	}
	k->irq_task = 0;
}

static void io_pending(struct sim_css *c, void *ctx)
{
	struct kmodel *k = ctx;

	(void)c;
	if (k->irq_task)
		return;		/* the running handler takes this one too */
	k->irq_task = 1;
	ks_spawn(k->s, KS_CTX_IRQ, "do_IRQ", io_interrupts, k);
}

/*
 * A channel-path event for every subchannel with a path through @chpid
 * (chp.c's per-subchannel walk), the driver called under sch->lock.
 */
void cio_chp_event(struct kmodel *k, uint8_t chpid, int event)
{
	for (struct subchannel *s = k->schs; s; s = s->next) {
		uint8_t pim = (uint8_t)ccwa_pmcw_pim(&s->schib.pmcw);

		for (unsigned n = 0; n < 8; n++) {
			uint8_t mask = (uint8_t)(0x80u >> n);

			if (!(pim & mask) || ccwa_pmcw_chpid(&s->schib.pmcw, n) !=
						     chpid)
				continue;
			ks_spin_lock(k->s, &s->lock);
			if (s->drv && s->drv->chp_event &&
			    s->drv->chp_event(s, mask, event) &&
			    event == CHP_OFFLINE) {
				/*
				 * s390_subchannel_remove_chpid: a driver that
				 * could not look gives up the paths; the
				 * subchannel is evaluated (sch_event).
				 */
				s->lpm = 0;
				ks_spin_unlock(k->s, &s->lock);
				if (s->drv->sch_event)
					s->drv->sch_event(s);
				continue;
			}
			ks_spin_unlock(k->s, &s->lock);
		}
	}
}

static int stcrw(struct kmodel *k, struct ccwa_crw *crw)
{
	struct sim_io r = sim_css_stcrw(k->css, &k->cpu, k->crw_area);

	if (r.pic || r.cc)
		return -1;
	sim_mem_read(k->mem, k->crw_area, crw, sizeof(*crw), 0, NULL);
	return 0;
}

static void crw_interrupts(void *arg)
{
	struct kmodel *k = arg;
	struct ccwa_crw crw0, crw1;

	while (sim_css_take_crw_mcck(k->css)) {
		while (!stcrw(k, &crw0)) {
			unsigned ssid = 0;

			/* A chained pair: the second CRW gives the set (§6.1). */
			if (ccwa_crw_chn(&crw0) && !stcrw(k, &crw1))
				ssid = ccwa_crw_rsid(&crw1) >> 4 & 3;
			if (ccwa_crw_rsc(&crw0) == CCWA_CRW_RSC_CHP) {
				unsigned erc = ccwa_crw_erc(&crw0);
				uint8_t id = (uint8_t)ccwa_crw_rsid(&crw0);

				if (erc == CCWA_CRW_ERC_INIT || erc == CCWA_CRW_ERC_IPARM)
					cio_chp_event(k, id, CHP_ONLINE);
				else if (erc == CCWA_CRW_ERC_PERRI ||
					 erc == CCWA_CRW_ERC_PERRN)
					cio_chp_event(k, id, CHP_OFFLINE);
			} else if (ccwa_crw_rsc(&crw0) == CCWA_CRW_RSC_SCH) {
				struct subchannel *s =
					cio_sch_find(k, ssid, ccwa_crw_rsid(&crw0));

				if (s && s->drv && s->drv->sch_event)
					s->drv->sch_event(s);
			}
		}
	}
	k->crw_task = 0;
}

static void crw_pending(struct sim_css *c, void *ctx)
{
	struct kmodel *k = ctx;

	(void)c;
	if (k->crw_task)
		return;
	k->crw_task = 1;
	ks_spawn(k->s, KS_CTX_EVENT, "crw_handler", crw_interrupts, k);
}

void cio_init(struct kmodel *k)
{
	static const struct sim_css_cpu_ops ops = {
		.io_pending = io_pending,
		.crw_pending = crw_pending,
	};

	k->cpu = (struct sim_cpu){ .key = 0, .problem = 0, .cr6 = 0xff };
	sim_css_set_cpu_ops(k->css, &ops, k);
	sim_css_set_io_mask(k->css, 1, 0xff);
	sim_css_set_mc_mask(k->css, 1, 1);
}
