// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The channel subsystem object: configuration, subchannel sets and
 * lookup, subchannel installation and removal, tracing, reset.
 *
 * Each installed subchannel set is a table of 65536 pointers, allocated
 * when the set gets its first subchannel.  A subchannel number up to the
 * highest one defined in its set is "provided" (STSCH cc 0, V = 0 when
 * nothing is there), as QEMU does, so Linux's scan that stops at the
 * first cc 3 finds a sparse configuration (facts §2.8).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "css/css_int.h"

/* Default timing of the channel subsystem itself (virtual ns). */
#define T_START		SIM_NS(500)
#define T_HALT		SIM_NS(500)
#define T_CLEAR		SIM_NS(500)
#define T_RCHP		SIM_US(10)
#define T_CHAIN		SIM_NS(100)

struct sim_css *sim_css_create(const struct sim_css_cfg *cfg)
{
	struct sim_css *css;

	if (!cfg || !cfg->evq || !cfg->mem || cfg->nsets < 1 ||
	    cfg->nsets > SIM_CSS_MAX_SETS)
		return NULL;
	if (cfg->nsets > 1 && !(cfg->facilities & SIM_FAC_MSS))
		return NULL;
	css = calloc(1, sizeof(*css));
	if (!css)
		return NULL;
	css->cfg = *cfg;
	if (!css->cfg.t_start)
		css->cfg.t_start = T_START;
	if (!css->cfg.t_halt)
		css->cfg.t_halt = T_HALT;
	if (!css->cfg.t_clear)
		css->cfg.t_clear = T_CLEAR;
	if (!css->cfg.t_rchp)
		css->cfg.t_rchp = T_RCHP;
	if (!css->cfg.t_chain)
		css->cfg.t_chain = T_CHAIN;
	sim_rng_init(&css->rng, cfg->seed, SIM_RNG_CHANNEL, 0);
	for (unsigned i = 0; i < SIM_CSS_MAX_SETS; i++)
		css->highest[i] = -1;
	for (unsigned i = 0; i < 256; i++) {
		css->chp[i].css = css;
		css->chp[i].chpid = (uint8_t)i;
	}
	irq_init(css);
	crw_init(css);
	if (!css->crw) {
		free(css);
		return NULL;
	}
	if (css->cfg.trace)
		css->track = sim_trace_track(css->cfg.trace, "css");
	return css;
}

static void free_sch(struct sim_sch *sch)
{
	sch_reset(sch);
	if (sch->dev && sch->dev->ops->destroy)
		sch->dev->ops->destroy(sch->dev);
	free(sch);
}

void sim_css_destroy(struct sim_css *css)
{
	if (!css)
		return;
	for (unsigned s = 0; s < SIM_CSS_MAX_SETS; s++) {
		if (!css->set[s])
			continue;
		for (unsigned n = 0; n < SIM_CSS_SCH_PER_SET; n++)
			if (css->set[s][n])
				free_sch(css->set[s][n]);
		free(css->set[s]);
	}
	for (unsigned i = 0; i < 256; i++)
		sim_evq_cancel(css->cfg.evq, &css->chp[i].reset_ev);
	sim_evq_cancel(css->cfg.evq, &css->io_ev);
	sim_evq_cancel(css->cfg.evq, &css->crw_ev);
	free(css->crw);
	free(css);
}

void sim_css_set_cpu_ops(struct sim_css *css,
			 const struct sim_css_cpu_ops *ops, void *ctx)
{
	css->cpu_ops = ops;
	css->cpu_ctx = ctx;
}

struct sim_sch *css_sch(const struct sim_css *css, unsigned ssid,
			unsigned schno)
{
	if (ssid >= css->cfg.nsets || schno >= SIM_CSS_SCH_PER_SET ||
	    !css->set[ssid])
		return NULL;
	return css->set[ssid][schno];
}

int css_provided(const struct sim_css *css, unsigned ssid, unsigned schno)
{
	return ssid < css->cfg.nsets && schno < SIM_CSS_SCH_PER_SET &&
	       (int)schno <= css->highest[ssid];
}

static void vtrace(struct sim_css *css, uint32_t track, const char *ev,
		   const char *fmt, va_list ap)
{
	char msg[SIM_TRACE_MSG_MAX];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	sim_trace_emit(css->cfg.trace, sim_evq_now(css->cfg.evq), track,
		       SIM_TRACE_INSTANT, ev, "%s", msg);
}

void css_trace(struct sim_css *css, struct sim_sch *sch, const char *ev,
	       const char *fmt, ...)
{
	struct sim_trace *tr = css->cfg.trace;
	va_list ap;

	if (!tr)
		return;
	if (sch && !sch->track) {
		char name[32];

		snprintf(name, sizeof(name), "sch 0.%x.%04x", sch->ssid,
			 sch->schno);
		sch->track = sim_trace_track(tr, name);
	}
	va_start(ap, fmt);
	vtrace(css, sch ? sch->track : css->track, ev, fmt, ap);
	va_end(ap);
}

/* What passes between channel and device goes on the device's own track. */
void css_trace_dev(struct sim_css *css, struct sim_sch *sch, const char *ev,
		   const char *fmt, ...)
{
	struct sim_trace *tr = css->cfg.trace;
	va_list ap;

	if (!tr)
		return;
	if (!sch->dev_track) {
		char name[32];

		snprintf(name, sizeof(name), "dev 0x%04x (0.%x.%04x)",
			 sch->dev ? sch->dev->devno : 0, sch->ssid, sch->schno);
		sch->dev_track = sim_trace_track(tr, name);
	}
	va_start(ap, fmt);
	vtrace(css, sch->dev_track, ev, fmt, ap);
	va_end(ap);
}

void css_for_each_sch(struct sim_css *css,
		      void (*fn)(struct sim_sch *sch, void *arg), void *arg)
{
	for (unsigned s = 0; s < css->cfg.nsets; s++) {
		if (!css->set[s])
			continue;
		for (int n = 0; n <= css->highest[s]; n++)
			if (css->set[s][n])
				fn(css->set[s][n], arg);
	}
}

/* The PMCW of a newly installed subchannel (§7, §1.6). */
static void init_pmcw(struct sim_css *css, struct sim_sch *sch,
		      const struct sim_sch_def *def)
{
	struct ccwa_pmcw *p = &sch->schib.pmcw;
	uint8_t pam = 0;

	ccwa_pmcw_set_dnv(p, def->dev != NULL);
	ccwa_pmcw_set_dev(p, def->devno);
	ccwa_pmcw_set_pim(p, def->pim);
	for (unsigned n = 0; n < 8; n++) {
		ccwa_pmcw_set_chpid(p, n, def->chpid[n]);
		if ((def->pim & (0x80u >> n)) && css->chp[def->chpid[n]].online)
			pam |= (uint8_t)(0x80u >> n);
	}
	ccwa_pmcw_set_pam(p, pam);
	ccwa_pmcw_set_pom(p, 0xff);
	ccwa_pmcw_set_lpm(p, def->pim);
	ccwa_pmcw_set_tf(p, (css->cfg.facilities & SIM_FAC_EMW) != 0);
	ccwa_pmcw_set_st(p, CCWA_PMCW_ST_IO);
}

int sim_css_sch_define(struct sim_css *css, unsigned ssid, unsigned schno,
		       const struct sim_sch_def *def, int report)
{
	struct sim_sch *sch;

	if (!css || !def || ssid >= css->cfg.nsets ||
	    schno >= SIM_CSS_SCH_PER_SET)
		return -EINVAL;
	for (unsigned n = 0; n < 8; n++)
		if ((def->pim & (0x80u >> n)) &&
		    !css->chp[def->chpid[n]].installed)
			return -ENOENT;
	if (!css->set[ssid]) {
		css->set[ssid] = calloc(SIM_CSS_SCH_PER_SET,
					sizeof(*css->set[ssid]));
		if (!css->set[ssid])
			return -ENOMEM;
	}
	if (css->set[ssid][schno])
		return -EEXIST;
	sch = calloc(1, sizeof(*sch));
	if (!sch)
		return -ENOMEM;
	sch->css = css;
	sch->ssid = (uint8_t)ssid;
	sch->schno = (uint16_t)schno;
	sch->dev = def->dev;
	init_pmcw(css, sch, def);
	if (def->dev) {
		def->dev->css = css;
		def->dev->sch = sch;
		def->dev->evq = css->cfg.evq;
		sim_rng_init(&def->dev->rng, css->cfg.seed, SIM_RNG_DEVICE,
			     def->devno);
	}
	css->set[ssid][schno] = sch;
	if ((int)schno > css->highest[ssid])
		css->highest[ssid] = (int)schno;
	css->nsch++;
	if (report)
		crw_sch_report(css, ssid, schno, CCWA_CRW_ERC_IPARM);
	return 0;
}

int sim_css_sch_remove(struct sim_css *css, unsigned ssid, unsigned schno)
{
	struct sim_sch *sch;

	if (!css)
		return -EINVAL;
	sch = css_sch(css, ssid, schno);
	if (!sch)
		return -ENOENT;
	css_trace(css, sch, "sch_remove", "devno=0x%04x",
		  ccwa_pmcw_dev(&sch->schib.pmcw));
	css->set[ssid][schno] = NULL;
	css->nsch--;
	free_sch(sch);
	/* The number stays provided (V = 0); the program learns by CRW. */
	crw_sch_report(css, ssid, schno, CCWA_CRW_ERC_IPARM);
	return 0;
}

struct sim_dev *sim_css_sch_dev(struct sim_css *css, unsigned ssid,
				unsigned schno)
{
	struct sim_sch *sch = css ? css_sch(css, ssid, schno) : NULL;

	return sch ? sch->dev : NULL;
}

int sim_css_sch_schib(struct sim_css *css, unsigned ssid, unsigned schno,
		      struct ccwa_schib *out)
{
	struct sim_sch *sch;

	if (!css || !out)
		return -EINVAL;
	if (!css_provided(css, ssid, schno))
		return -ENODEV;
	sch = css_sch(css, ssid, schno);
	if (!sch)
		memset(out, 0, sizeof(*out));
	else
		*out = sch->schib;
	return 0;
}

void css_poisoned(struct sim_css *css, struct sim_sch *sch, uint64_t addr)
{
	css->poisoned++;
	if (addr)
		css_trace(css, sch, "poisoned",
			  "the channel touched freed storage at 0x%llx: a use after free",
			  (unsigned long long)addr);
	else			/* a data transfer: the stream knows no address */
		css_trace(css, sch, "poisoned",
			  "the channel touched freed storage: a use after free");
}

uint64_t sim_css_poisoned(const struct sim_css *css)
{
	return css->poisoned;
}

uint64_t sim_css_sch_count(const struct sim_css *css)
{
	return css ? css->nsch : 0;
}

static void reset_one(struct sim_sch *sch, void *arg)
{
	(void)arg;
	sch_reset(sch);
}

void sim_css_reset(struct sim_css *css)
{
	if (!css)
		return;
	css_for_each_sch(css, reset_one, NULL);
	irq_drop_all(css);
	crw_reset(css);
	cmf_reset(css);
	for (unsigned i = 0; i < 256; i++) {
		sim_evq_cancel(css->cfg.evq, &css->chp[i].reset_ev);
		css->chp[i].resetting = 0;
	}
	css_trace(css, NULL, "reset", "I/O-system reset");
}

/* The invariants every subchannel keeps; 0 if it keeps them. */
static int verify_sch(const struct sim_sch *sch)
{
	const struct ccwa_scsw *s = &sch->schib.scsw;

	/* Only a valid subchannel can be status pending (§3.1). */
	if (sch_status_pending(sch) && !ccwa_pmcw_dnv(&sch->schib.pmcw))
		return -1;
	/* A queued request belongs to a status-pending subchannel (§3.9). */
	if (sch->req.queued && !sch_status_pending(sch) &&
	    COMPAT(sch->css, irq) == SIM_IRQ_ONE_PER_SCH)
		return -1;
	/* Activity without a function is only device-active (§3.1). */
	if (!ccwa_scsw_fctl(s) &&
	    (ccwa_scsw_actl(s) & ~(uint32_t)CCWA_ACTL_DEV_ACTIVE))
		return -1;
	return 0;
}

int sim_css_verify(const struct sim_css *css)
{
	if (!css)
		return -1;
	for (unsigned s = 0; s < css->cfg.nsets; s++)
		for (int n = 0; css->set[s] && n <= css->highest[s]; n++)
			if (css->set[s][n] && verify_sch(css->set[s][n]))
				return -1;
	for (unsigned i = 0; i < 8; i++) {
		const struct io_req *r;
		unsigned k = 0;

		for (r = css->isc[i].next; r != &css->isc[i]; r = r->next)
			if (r->isc != i || ++k > css->isc_n[i])
				return -1;
		if (k != css->isc_n[i])
			return -1;
	}
	return 0;
}
