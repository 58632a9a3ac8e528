// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Channel measurement (facts §5): SCHM's global modes, the SSCH+RSCH
 * count, and the per-operation times accumulated in 128-µs units into
 * format-0 (MBO + 32 * MBI) or format-1 (MBA) blocks with the MBK key.
 *
 * What the model can know of each measured interval, per §5.5:
 *   function pending   SSCH/RSCH accepted → the device accepts the command
 *   device busy        the part of that spent waiting for a busy device
 *   device connect     command accepted (after a start or a resume) →
 *                      channel end or suspension
 *   device-active-only channel end → device end, when they come apart
 *   disconnect, CU queuing, initial command response: 0 (no device in
 *   this model disconnects or queues at the control unit yet).
 * Sub-unit remainders carry over per subchannel, so many short
 * operations add up to the right total.
 */
#include <string.h>

#include <ccwsim/arch/cmb.h>

#include "css/css_int.h"

#define UNIT_NS 128000u

int cmf_measuring(const struct sim_sch *sch)
{
	return sch->css->cmf_m &&
	       (ccwa_pmcw_mme(&sch->schib.pmcw) & CCWA_PMCW_MME_UPDATE);
}

static sim_vtime now(const struct sim_sch *sch)
{
	return sim_evq_now(sch->css->cfg.evq);
}

/*
 * Read-modify-write of the block.  A failing access is not an error of
 * the instruction: it shows later as extended-status flags (§5.2).
 */
static int mb_access(struct sim_sch *sch, uint8_t *blk, int store)
{
	struct sim_css *css = sch->css;
	const struct ccwa_pmcw *p = &sch->schib.pmcw;
	int fmt1 = ccwa_pmcw_mbfc(p);
	uint64_t addr = fmt1 ? ccwa_schib_mba(&sch->schib)
			     : css->cmf_mbo + 32u * ccwa_pmcw_mbi(p);
	uint64_t len = fmt1 ? CCWA_CMB1_SIZE : CCWA_CMB0_SIZE;
	struct sim_mem_fault f;
	enum sim_mem_err e;

	e = sim_mem_check(css->cfg.mem, addr, len, css->cmf_mbk, store, &f);
	if (!e)
		e = store ? sim_mem_write(css->cfg.mem, addr, blk, len,
					  css->cmf_mbk, &f)
			  : sim_mem_read(css->cfg.mem, addr, blk, len,
					 css->cmf_mbk, &f);
	if (!e)
		return 0;
	sch->io->esf |= e == SIM_MEM_PROTECTION ? CCWA_SUBLOG_ESF_MBPROT
						: CCWA_SUBLOG_ESF_MBPGM;
	css_trace(css, sch, "cmf_error", "%s at 0x%llx", sim_mem_strerror(e),
		  (unsigned long long)f.addr);
	return -1;
}

void cmf_start(struct sim_sch *sch)
{
	struct sch_io *io = sch->io;
	uint8_t blk[CCWA_CMB1_SIZE];
	int resume = ccwa_scsw_actl(&sch->schib.scsw) & CCWA_ACTL_RESUME_PEND;

	if (!resume) {
		memset(io->op, 0, sizeof(io->op));
		io->t_accept = io->t_ce = 0;
	}
	io->t_start = now(sch);
	io->measuring = (uint8_t)cmf_measuring(sch);
	if (!io->measuring ||
	    (resume && COMPAT(sch->css, cmf_rsch) == SIM_CMF_NO_RSCH) ||
	    mb_access(sch, blk, 0))
		return;
	if (ccwa_pmcw_mbfc(&sch->schib.pmcw)) {
		struct ccwa_cmb1 *b = (struct ccwa_cmb1 *)blk;

		ccwa_cmb1_set_ssch_rsch_count(b, ccwa_cmb1_ssch_rsch_count(b) + 1);
	} else {
		struct ccwa_cmb0 *b = (struct ccwa_cmb0 *)blk;

		ccwa_cmb0_set_ssch_rsch_count(b, ccwa_cmb0_ssch_rsch_count(b) + 1);
	}
	mb_access(sch, blk, 1);
}

void cmf_accepted(struct sim_sch *sch)
{
	struct sch_io *io = sch->io;

	io->op[CMF_PENDING] += now(sch) - io->t_start;
	io->t_accept = now(sch);
}

void cmf_channel_end(struct sim_sch *sch)
{
	struct sch_io *io = sch->io;

	if (io->t_accept)
		io->op[CMF_CONNECT] += now(sch) - io->t_accept;
	io->t_accept = 0;
	io->t_ce = now(sch);
}

/* §3.3: at suspension the device disconnects; connect time stops. */
void cmf_suspended(struct sim_sch *sch)
{
	struct sch_io *io = sch->io;

	if (io->t_accept)
		io->op[CMF_CONNECT] += now(sch) - io->t_accept;
	io->t_accept = 0;
}

/* Add @ns to a 128-µs counter, carrying the remainder in @rem. */
static uint32_t units(uint32_t counter, sim_vtime ns, sim_vtime *rem)
{
	sim_vtime total = *rem + ns;

	*rem = total % UNIT_NS;
	return counter + (uint32_t)(total / UNIT_NS);
}

void cmf_end(struct sim_sch *sch)
{
	struct sch_io *io = sch->io;
	uint8_t blk[CCWA_CMB1_SIZE];
	sim_vtime *op = io->op, *rem = io->rem;

	if (io->t_ce && now(sch) > io->t_ce &&
	    !(ccwa_scsw_actl(&sch->schib.scsw) & CCWA_ACTL_DEV_ACTIVE))
		op[CMF_DAO] += now(sch) - io->t_ce;
	io->t_ce = 0;
	/* SCHM M=0 stops every update, an operation's in progress too (§5.5). */
	if (!io->measuring || !sch->css->cmf_m) {
		io->measuring = 0;
		return;
	}
	io->measuring = 0;
	if (mb_access(sch, blk, 0))
		return;
	if (ccwa_pmcw_mbfc(&sch->schib.pmcw)) {
		struct ccwa_cmb1 *b = (struct ccwa_cmb1 *)blk;

		ccwa_cmb1_set_sample_count(b, ccwa_cmb1_sample_count(b) + 1);
		ccwa_cmb1_set_device_connect_time(b, units(ccwa_cmb1_device_connect_time(b), op[CMF_CONNECT], &rem[CMF_CONNECT]));
		ccwa_cmb1_set_function_pending_time(b, units(ccwa_cmb1_function_pending_time(b), op[CMF_PENDING], &rem[CMF_PENDING]));
		ccwa_cmb1_set_device_disconnect_time(b, units(ccwa_cmb1_device_disconnect_time(b), op[CMF_DISCONNECT], &rem[CMF_DISCONNECT]));
		ccwa_cmb1_set_control_unit_queuing_time(b, units(ccwa_cmb1_control_unit_queuing_time(b), op[CMF_CUQ], &rem[CMF_CUQ]));
		ccwa_cmb1_set_device_active_only_time(b, units(ccwa_cmb1_device_active_only_time(b), op[CMF_DAO], &rem[CMF_DAO]));
		ccwa_cmb1_set_device_busy_time(b, units(ccwa_cmb1_device_busy_time(b), op[CMF_BUSY], &rem[CMF_BUSY]));
		ccwa_cmb1_set_initial_command_response_time(b, units(ccwa_cmb1_initial_command_response_time(b), op[CMF_ICR], &rem[CMF_ICR]));
	} else {
		struct ccwa_cmb0 *b = (struct ccwa_cmb0 *)blk;

		ccwa_cmb0_set_sample_count(b, ccwa_cmb0_sample_count(b) + 1);
		ccwa_cmb0_set_device_connect_time(b, units(ccwa_cmb0_device_connect_time(b), op[CMF_CONNECT], &rem[CMF_CONNECT]));
		ccwa_cmb0_set_function_pending_time(b, units(ccwa_cmb0_function_pending_time(b), op[CMF_PENDING], &rem[CMF_PENDING]));
		ccwa_cmb0_set_device_disconnect_time(b, units(ccwa_cmb0_device_disconnect_time(b), op[CMF_DISCONNECT], &rem[CMF_DISCONNECT]));
		ccwa_cmb0_set_control_unit_queuing_time(b, units(ccwa_cmb0_control_unit_queuing_time(b), op[CMF_CUQ], &rem[CMF_CUQ]));
		ccwa_cmb0_set_device_active_only_time(b, units(ccwa_cmb0_device_active_only_time(b), op[CMF_DAO], &rem[CMF_DAO]));
		ccwa_cmb0_set_device_busy_time(b, units(ccwa_cmb0_device_busy_time(b), op[CMF_BUSY], &rem[CMF_BUSY]));
		ccwa_cmb0_set_initial_command_response_time(b, units(ccwa_cmb0_initial_command_response_time(b), op[CMF_ICR], &rem[CMF_ICR]));
	}
	mb_access(sch, blk, 1);
}

/* Device busy at selection: that wait is part of function pending (§5.5). */
void cmf_busy(struct sim_sch *sch, sim_vtime since)
{
	sch->io->op[CMF_BUSY] += now(sch) - since;
}

void cmf_reset(struct sim_css *css)
{
	css->cmf_m = css->cmf_d = 0;
	css->cmf_mbk = 0;
	css->cmf_mbo = 0;
}
