// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Channel paths: installation, configuring on and off (PAM and channel-
 * path CRWs, facts §6.2), silent hardware failure (found at selection:
 * PNOM, POM, SCSW N, §3.2 step 1), path selection, and the channel-path
 * reset of RCHP (§2.12).
 */
#include <errno.h>

#include "css/css_int.h"

uint8_t chp_usable(const struct sim_sch *sch)
{
	const struct ccwa_pmcw *p = &sch->schib.pmcw;

	return (uint8_t)(ccwa_pmcw_lpm(p) & ccwa_pmcw_pim(p) &
			 ccwa_pmcw_pam(p) & ccwa_pmcw_pom(p));
}

/*
 * The first usable path that works.  Each one found not operational is
 * recorded in PNOM and dropped from POM, and sets SCSW N.
 */
uint8_t chp_select(struct sim_sch *sch)
{
	struct ccwa_pmcw *p = &sch->schib.pmcw;
	uint8_t usable = chp_usable(sch);

	for (unsigned n = 0; n < 8; n++) {
		uint8_t bit = (uint8_t)(0x80u >> n);
		const struct chp *c;

		if (!(usable & bit))
			continue;
		c = &sch->css->chp[ccwa_pmcw_chpid(p, n)];
		if (c->installed && c->online && c->operational)
			return bit;
		ccwa_pmcw_set_pnom(p, ccwa_pmcw_pnom(p) | bit);
		ccwa_pmcw_set_pom(p, ccwa_pmcw_pom(p) & ~(uint32_t)bit);
		ccwa_scsw_set_pno(&sch->schib.scsw, 1);
	}
	return 0;
}

int sim_css_chp_install(struct sim_css *css, uint8_t chpid, uint8_t type)
{
	struct chp *c;

	if (!css)
		return -EINVAL;
	c = &css->chp[chpid];
	if (c->installed)
		return -EEXIST;
	c->installed = 1;
	c->type = type;
	c->online = 1;
	c->operational = 1;
	return 0;
}

struct vary {
	uint8_t chpid;
	int online;
};

static void vary_sch(struct sim_sch *sch, void *arg)
{
	const struct vary *v = arg;
	struct ccwa_pmcw *p = &sch->schib.pmcw;

	for (unsigned n = 0; n < 8; n++) {
		uint8_t bit = (uint8_t)(0x80u >> n);

		if (!(ccwa_pmcw_pim(p) & bit) || ccwa_pmcw_chpid(p, n) != v->chpid)
			continue;
		if (v->online)
			ccwa_pmcw_set_pam(p, ccwa_pmcw_pam(p) | bit);
		else
			ccwa_pmcw_set_pam(p, ccwa_pmcw_pam(p) & ~(uint32_t)bit);
	}
}

static int set_online(struct sim_css *css, uint8_t chpid, int online,
		      int report)
{
	struct vary v = { chpid, !!online };
	struct ccwa_crw crw = { { 0 } };
	struct chp *c;

	if (!css)
		return -EINVAL;
	c = &css->chp[chpid];
	if (!c->installed)
		return -ENOENT;
	if (c->online == v.online)
		return 0;
	c->online = (uint8_t)v.online;
	css_for_each_sch(css, vary_sch, &v);
	css_trace(css, NULL, "chp_vary", "chpid=0x%02x %s%s", chpid,
		  online ? "online" : "offline", report ? "" : " (configuration)");
	if (!report)
		return 0;
	/* Linux reads ERC 4 as "path has come", ERC 7 as "path has gone". */
	ccwa_crw_set_rsc(&crw, CCWA_CRW_RSC_CHP);
	ccwa_crw_set_erc(&crw, online ? CCWA_CRW_ERC_IPARM : CCWA_CRW_ERC_PERRI);
	ccwa_crw_set_rsid(&crw, chpid);
	crw_report(css, &crw, 1);
	return 0;
}

int sim_css_chp_vary(struct sim_css *css, uint8_t chpid, int online)
{
	return set_online(css, chpid, online, 1);
}

int sim_css_chp_configure(struct sim_css *css, uint8_t chpid, int online)
{
	return set_online(css, chpid, online, 0);
}

int sim_css_chp_set_operational(struct sim_css *css, uint8_t chpid, int ok)
{
	if (!css)
		return -EINVAL;
	if (!css->chp[chpid].installed)
		return -ENOENT;
	css->chp[chpid].operational = !!ok;
	css_trace(css, NULL, "chp_operational", "chpid=0x%02x %d", chpid, !!ok);
	return 0;
}

struct reset {
	uint8_t chpid;
};

static void reset_sch(struct sim_sch *sch, void *arg)
{
	const struct reset *r = arg;
	const struct ccwa_pmcw *p = &sch->schib.pmcw;

	for (unsigned n = 0; n < 8; n++)
		if ((ccwa_pmcw_pim(p) & (0x80u >> n)) &&
		    ccwa_pmcw_chpid(p, n) == r->chpid)
			sch_path_reset(sch, (uint8_t)(0x80u >> n));
}

/* §2.12: the reset is done; operations on the path end, and a solicited CRW says so. */
static void reset_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct chp *c = sim_container_of(ev, struct chp, reset_ev);
	struct sim_css *css = c->css;
	struct reset r = { c->chpid };
	struct ccwa_crw crw = { { 0 } };

	(void)q;
	c->resetting = 0;
	css_trace(css, NULL, "rchp_done", "chpid=0x%02x", c->chpid);
	css_for_each_sch(css, reset_sch, &r);
	ccwa_crw_set_slct(&crw, 1);
	ccwa_crw_set_rsc(&crw, CCWA_CRW_RSC_CHP);
	ccwa_crw_set_erc(&crw, CCWA_CRW_ERC_INIT);
	ccwa_crw_set_rsid(&crw, c->chpid);
	crw_report(css, &crw, 1);
}

int chp_rchp(struct sim_css *css, uint8_t chpid)
{
	struct chp *c = &css->chp[chpid];

	if (!c->installed || !c->online)
		return CCWA_CC_NOT_OPER;
	if (c->resetting)
		return CCWA_CC_BUSY;
	c->resetting = 1;
	sim_event_init(&c->reset_ev, reset_fire, "rchp");
	sim_evq_after(css->cfg.evq, &c->reset_ev, css->cfg.t_rchp,
		      SIM_EVC_CHANNEL);
	return CCWA_CC_OK;
}
