// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Compatibility profiles: every [?] switch set to one peer's behaviour
 * (facts §11; docs/css.md gives each choice).  Hercules 3.13 bugs that
 * would wedge a subchannel (a halt of a start-pending subchannel that
 * never completes, hidden suspended state after CSCH) are not modelled.
 */
#include <string.h>

#include <ccwsim/sim/compat.h>

int sim_css_compat_profile(struct sim_css_compat *c,
			   enum sim_compat_profile p)
{
	memset(c, 0, sizeof(*c));
	switch (p) {
	case SIM_COMPAT_POPS:
		return 0;
	case SIM_COMPAT_QEMU72:
		c->sid_reserved = SIM_SID_RSV_IGNORE;
		c->order = SIM_ORDER_QEMU;
		c->orbx = SIM_ORBX_IGNORE;
		c->hsch_start = SIM_HSCH_CLEAR_START;
		c->hsch_interm = SIM_HSCH_INTERM_KEEP;
		c->csch_status = SIM_CSCH_KEEP_SC;
		c->rsch_early = SIM_RSCH_EARLY_CC2;
		c->isc_order = SIM_ISC_LIFO;
		c->irq = SIM_IRQ_PILE_UP;
		c->isic = SIM_ISIC_IGNORE;
		c->halt_sp = SIM_HALT_SP_CC0;
		c->tsch_interm = SIM_TSCH_INTERM_EXACT;
		c->tsch_zcc = SIM_TSCH_KEEP_Z_CC;
		c->irb96 = SIM_IRB_96_WHEN_EMW_MEANINGFUL;
		c->ticbad = SIM_TICBAD_TARGET_PLUS8;
		c->cd_count0 = SIM_CD_COUNT0_ACCEPT;
		return 0;
	case SIM_COMPAT_HERCULES313:
		c->order = SIM_ORDER_HERCULES;
		c->orbx = SIM_ORBX_IGNORE;
		c->nopath = SIM_NOPATH_CC3;
		c->hsch_interm = SIM_HSCH_INTERM_CLEAR_PENDING;
		c->rsch_early = SIM_RSCH_EARLY_REFETCH;
		c->xsch_susp = SIM_XSCH_SUSP_CC2;
		c->msch_pending = SIM_MSCH_PENDING_FINAL_CC1;
		c->msch_rsv = SIM_MSCH_RSV_HERCULES;
		c->isic = SIM_ISIC_BEFORE_FETCH;
		c->susp_u = SIM_SUSP_U_STATUS_NO_REQUEST;
		c->tsch_interm = SIM_TSCH_INTERM_EXACT;
		c->tsch_zcc = SIM_TSCH_KEEP_Z_CC;
		c->crw_oflw = SIM_CRW_OFLW_LAST;
		c->cmf_rsch = SIM_CMF_NO_RSCH;
		c->imm_il = SIM_IMM_IL_NEVER;
		c->prot = SIM_PROT_CHECK_FIRST;
		c->skip_ida = SIM_SKIP_IDA_NO_FETCH;
		c->cmdchk = SIM_CMDCHK_LATE;
		c->alimit = SIM_ALIMIT_ALL;
		return 0;
	}
	return -1;
}

int sim_css_compat_by_name(struct sim_css_compat *c, const char *name)
{
	static const struct {
		const char *name;
		enum sim_compat_profile p;
	} names[] = {
		{ "pops", SIM_COMPAT_POPS },
		{ "qemu72", SIM_COMPAT_QEMU72 },
		{ "hercules313", SIM_COMPAT_HERCULES313 },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (name && !strcmp(name, names[i].name))
			return sim_css_compat_profile(c, names[i].p);
	return -1;
}
