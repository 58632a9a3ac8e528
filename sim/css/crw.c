// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Channel reports (facts §6): a bounded FIFO of CRWs, chained reports,
 * overflow, and the channel-report-pending machine check, which is
 * pending while the queue holds CRWs and it has not been presented since
 * the last STCRW that found the queue empty (§6.3).
 */
#include <stdlib.h>

#include "css/css_int.h"

#define CRW_DEFAULT_CAPACITY 64

void crw_init(struct sim_css *css)
{
	css->crw_cap = css->cfg.crw_capacity ? css->cfg.crw_capacity
					     : CRW_DEFAULT_CAPACITY;
	css->crw = calloc(css->crw_cap, sizeof(*css->crw));
	if (!css->crw)
		css->crw_cap = 0;
}

static void mc_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct sim_css *css = sim_container_of(ev, struct sim_css, crw_ev);

	(void)q;
	if (css->crw_n && !css->crw_presented && css->psw_mc &&
	    css->cr14_crw && css->cpu_ops && css->cpu_ops->crw_pending)
		css->cpu_ops->crw_pending(css, css->cpu_ctx);
}

static void mc_present(struct sim_css *css)
{
	if (!css->crw_n || css->crw_presented || !css->psw_mc ||
	    !css->cr14_crw || !css->cpu_ops || !css->cpu_ops->crw_pending ||
	    sim_event_pending(&css->crw_ev))
		return;
	sim_event_init(&css->crw_ev, mc_fire, "crw_present");
	sim_evq_after(css->cfg.evq, &css->crw_ev, 0, SIM_EVC_INTERRUPT);
}

static struct ccwa_crw *slot(struct sim_css *css, unsigned i)
{
	return &css->crw[(css->crw_head + i) % css->crw_cap];
}

void crw_report(struct sim_css *css, const struct ccwa_crw *crw, unsigned n)
{
	if (css->crw_n + n > css->crw_cap) {
		/* The whole report is lost; say so in a CRW (§6.1). */
		css->crw_lost = 1;
		if (COMPAT(css, crw_oflw) == SIM_CRW_OFLW_LAST && css->crw_n)
			ccwa_crw_set_oflw(slot(css, css->crw_n - 1), 1);
		css_trace(css, NULL, "crw_lost", "rsc=%u rsid=0x%04x",
			  ccwa_crw_rsc(&crw[0]), ccwa_crw_rsid(&crw[0]));
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		struct ccwa_crw *c = slot(css, css->crw_n);

		*c = crw[i];
		ccwa_crw_set_chn(c, i + 1 < n);
		if (i == 0 && css->crw_lost &&
		    COMPAT(css, crw_oflw) == SIM_CRW_OFLW_NEXT) {
			ccwa_crw_set_oflw(c, 1);
			css->crw_lost = 0;
		}
		css->crw_n++;
		css_trace(css, NULL, "crw", "%02x%02x%02x%02x queued=%u",
			  c->b[0], c->b[1], c->b[2], c->b[3], css->crw_n);
	}
	mc_present(css);
}

int crw_pop(struct sim_css *css, struct ccwa_crw *out)
{
	if (!css->crw_n)
		return 0;
	*out = *slot(css, 0);
	css->crw_head = (css->crw_head + 1) % css->crw_cap;
	css->crw_n--;
	return 1;
}

void crw_rearm(struct sim_css *css)
{
	css->crw_presented = 0;
	mc_present(css);
}

void crw_reset(struct sim_css *css)
{
	css->crw_head = css->crw_n = 0;
	css->crw_lost = 0;
	css->crw_presented = 0;
}

/*
 * §6.2: a subchannel appeared, went, or changed.  With more than one
 * subchannel set a chained second CRW names the set (§1.8).
 */
void crw_sch_report(struct sim_css *css, unsigned ssid, unsigned schno,
		    unsigned erc)
{
	struct ccwa_crw crw[2] = { { { 0 } } };

	ccwa_crw_set_rsc(&crw[0], CCWA_CRW_RSC_SCH);
	ccwa_crw_set_erc(&crw[0], erc);
	ccwa_crw_set_rsid(&crw[0], schno);
	crw[1] = crw[0];
	ccwa_crw_set_rsid(&crw[1], ssid << 4);
	crw_report(css, crw, css->cfg.nsets > 1 ? 2 : 1);
}

void sim_css_set_mc_mask(struct sim_css *css, int psw_mc, int cr14_crw)
{
	css->psw_mc = !!psw_mc;
	css->cr14_crw = !!cr14_crw;
	mc_present(css);
}

int sim_css_take_crw_mcck(struct sim_css *css)
{
	if (!css || !css->crw_n || css->crw_presented || !css->psw_mc ||
	    !css->cr14_crw)
		return 0;
	css->crw_presented = 1;
	return 1;
}

unsigned sim_css_crw_pending(const struct sim_css *css)
{
	return css ? css->crw_n : 0;
}
