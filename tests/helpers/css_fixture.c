// SPDX-License-Identifier: GPL-2.0-or-later
/* The channel-subsystem test machine (css_fixture.h). */
#include <string.h>

#include <check.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/scsw.h>

#include "css_fixture.h"

const char *const fx_state_name[ST_NSTATES] = {
	[ST_NOTPROV] = "not-provided",
	[ST_NODEV] = "no-device",
	[ST_DISABLED] = "disabled",
	[ST_IDLE] = "idle",
	[ST_START_PEND] = "start-pending",
	[ST_BUSY_SEL] = "start-pending-device-busy",
	[ST_ACTIVE] = "active",
	[ST_DEV_ACTIVE] = "device-active-only",
	[ST_SUSPENDED] = "suspended",
	[ST_SUSP_INTERM] = "suspended-intermediate",
	[ST_RESUME_PEND] = "resume-pending",
	[ST_HALT_PEND] = "halt-pending",
	[ST_CLEAR_PEND] = "clear-pending",
	[ST_PEND_FINAL] = "pending-primary-secondary",
	[ST_PEND_INTERM] = "pending-intermediate",
	[ST_PEND_ALONE] = "pending-alone",
	[ST_PEND_UNSOL] = "pending-unsolicited",
	[ST_PEND_DCC3] = "pending-deferred-cc3",
	[ST_PEND_PRIMARY] = "pending-primary-only",
};

void fx_init(struct fx *f, const struct sim_css_compat *compat)
{
	struct sim_css_cfg cfg = {
		.nsets = 2,
		.facilities = SIM_FAC_DEFAULT,
	};
	struct sim_sch_def d0 = {
		.devno = 0x1234, .pim = 0xc0, .chpid = { 0x40, 0x41 },
	};
	struct sim_sch_def d1 = { .devno = 0 };
	struct sim_sch_def d2 = {
		.devno = 0x5678, .pim = 0x80, .chpid = { 0x41 },
	};

	memset(f, 0, sizeof(*f));
	f->q = sim_evq_create();
	f->mem = sim_mem_create(FX_MEM);
	ck_assert_ptr_nonnull(f->q);
	ck_assert_ptr_nonnull(f->mem);
	cfg.evq = f->q;
	cfg.mem = f->mem;
	if (compat)
		cfg.compat = *compat;
	f->css = sim_css_create(&cfg);
	ck_assert_ptr_nonnull(f->css);
	ck_assert_int_eq(sim_css_chp_install(f->css, 0x40, 0x1a), 0);
	ck_assert_int_eq(sim_css_chp_install(f->css, 0x41, 0x1a), 0);
	f->dev = d0.dev = sim_testdev_create(0x1234);
	d2.dev = sim_testdev_create(0x5678);
	ck_assert_int_eq(sim_css_sch_define(f->css, 0, 0, &d0, 0), 0);
	ck_assert_int_eq(sim_css_sch_define(f->css, 0, 1, &d1, 0), 0);
	ck_assert_int_eq(sim_css_sch_define(f->css, 1, 0, &d2, 0), 0);
	ck_assert_int_eq(sim_mem_set_key(f->mem, FX_PROT, 0x58), SIM_MEM_OK);
	f->cpu.cr6 = 0xff;
	f->sid = FX_SID;
}

void fx_fini(struct fx *f)
{
	ck_assert_int_eq(sim_css_verify(f->css), 0);
	sim_css_destroy(f->css);
	sim_mem_destroy(f->mem);
	sim_evq_destroy(f->q);
}

void fx_run(struct fx *f, sim_vtime dt)
{
	sim_evq_run_until(f->q, sim_evq_now(f->q) + dt);
}

void fx_orb(struct fx *f, uint32_t word1_extra, uint8_t lpm)
{
	uint8_t orb[12];

	ccwa_put_be32(orb, 0x0ccc0001);
	ccwa_put_be32(orb + 4, 0x00800000u | (uint32_t)lpm << 8 | word1_extra);
	ccwa_put_be32(orb + 8, FX_CCW);
	ck_assert_int_eq(sim_mem_write(f->mem, FX_ORB, orb, 12, 0, NULL), 0);
}

void fx_ccw1(struct fx *f, unsigned i, uint8_t cmd, uint8_t flags,
	     uint16_t count, uint32_t cda)
{
	uint8_t ccw[8] = { cmd, flags };

	ccwa_put_be16(ccw + 2, count);
	ccwa_put_be32(ccw + 4, cda);
	ck_assert_int_eq(sim_mem_write(f->mem, FX_CCW + 8 * i, ccw, 8, 0,
				       NULL), 0);
}

void fx_enable(struct fx *f)
{
	struct sim_io r;
	uint8_t s[52];

	r = sim_css_stsch(f->css, &f->cpu, FX_SID, FX_OP);
	ck_assert_int_eq(r.pic, 0);
	ck_assert_int_eq(r.cc, 0);
	sim_mem_read(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	ccwa_put_be32(s, 0x0ccc0000);		/* interruption parameter */
	s[4] = 0x18;				/* ISC 3 */
	s[5] |= 0x80;				/* E */
	sim_mem_write(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	r = sim_css_msch(f->css, &f->cpu, FX_SID, FX_OP);
	ck_assert_int_eq(r.pic, 0);
	ck_assert_int_eq(r.cc, 0);
}

struct sim_io fx_ssch(struct fx *f)
{
	return sim_css_ssch(f->css, &f->cpu, FX_SID, FX_ORB);
}

struct sim_io fx_tsch(struct fx *f, struct ccwa_irb *irb)
{
	struct sim_io r = sim_css_tsch(f->css, &f->cpu, FX_SID, FX_OP);

	if (irb)
		sim_mem_read(f->mem, FX_OP, irb, sizeof(*irb), 0, NULL);
	return r;
}

struct ccwa_scsw fx_scsw(struct fx *f)
{
	struct ccwa_schib s;

	ck_assert_int_eq(sim_css_sch_schib(f->css, 0, 0, &s), 0);
	return s.scsw;
}

uint32_t fx_scsw_w0(struct fx *f)
{
	struct ccwa_scsw s = fx_scsw(f);

	return ccwa_get_be32(s.b);
}

static void expect_cc(struct sim_io r, int cc, const char *what)
{
	ck_assert_msg(r.err == 0 && r.pic == 0 && r.cc == cc,
		      "reaching the state: %s gave err %d pic 0x%x cc %d",
		      what, r.err, r.pic, r.cc);
}

/* Start a NOP that takes @delay, device end @de_delay after that. */
static void start_nop(struct fx *f, uint32_t orb_extra, uint8_t lpm,
		      uint8_t flags, sim_vtime delay, sim_vtime de_delay)
{
	struct sim_testdev_cmd nop = {
		.end = CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END,
		.delay = delay,
		.de_delay = de_delay,
	};

	sim_testdev_set(f->dev, CCWA_CMD_NOP, &nop);
	fx_orb(f, orb_extra, lpm);
	fx_ccw1(f, 0, CCWA_CMD_NOP, flags | CCWA_CCW_FLAG_SLI, 1, 0);
	expect_cc(fx_ssch(f), 0, "ssch");
}

#define ORB_S	0x08000000u
#define ORB_U	0x00080000u

void fx_reach(struct fx *f, enum fx_state st)
{
	switch (st) {
	case ST_NOTPROV:
		f->sid = 0x0001ffff;
		return;
	case ST_NODEV:
		f->sid = FX_SID_NODEV;
		return;
	case ST_DISABLED:
		return;
	default:
		break;
	}
	fx_enable(f);
	switch (st) {
	case ST_IDLE:
		break;
	case ST_START_PEND:
		start_nop(f, 0, 0xff, 0, SIM_US(1), 0);
		break;
	case ST_BUSY_SEL:
		sim_testdev_busy(f->dev, SIM_MS(1));
		start_nop(f, 0, 0xff, 0, SIM_US(1), 0);
		fx_run(f, SIM_US(10));
		break;
	case ST_ACTIVE:
		start_nop(f, 0, 0xff, 0, SIM_MS(1), 0);
		fx_run(f, SIM_US(10));
		break;
	case ST_DEV_ACTIVE:
		start_nop(f, 0, 0xff, 0, SIM_US(10), SIM_MS(1));
		fx_run(f, SIM_US(50));
		expect_cc(fx_tsch(f, NULL), 0, "tsch of channel end");
		break;
	case ST_SUSPENDED:
		start_nop(f, ORB_S | ORB_U, 0xff, CCWA_CCW_FLAG_SUSPEND,
			  SIM_US(1), 0);
		fx_run(f, SIM_US(10));
		break;
	case ST_SUSP_INTERM:
		start_nop(f, ORB_S, 0xff, CCWA_CCW_FLAG_SUSPEND, SIM_US(1), 0);
		fx_run(f, SIM_US(10));
		break;
	case ST_RESUME_PEND:
		start_nop(f, ORB_S | ORB_U, 0xff, CCWA_CCW_FLAG_SUSPEND,
			  SIM_US(1), 0);
		fx_run(f, SIM_US(10));
		expect_cc(sim_css_rsch(f->css, &f->cpu, FX_SID), 0, "rsch");
		break;
	case ST_HALT_PEND:
		start_nop(f, 0, 0xff, 0, SIM_MS(1), 0);
		fx_run(f, SIM_US(10));
		expect_cc(sim_css_hsch(f->css, &f->cpu, FX_SID), 0, "hsch");
		break;
	case ST_CLEAR_PEND:
		start_nop(f, 0, 0xff, 0, SIM_MS(1), 0);
		fx_run(f, SIM_US(10));
		expect_cc(sim_css_csch(f->css, &f->cpu, FX_SID), 0, "csch");
		break;
	case ST_PEND_FINAL:
		start_nop(f, 0, 0xff, 0, SIM_US(1), 0);
		fx_run(f, SIM_US(100));
		break;
	case ST_PEND_INTERM:
		start_nop(f, 0, 0xff, CCWA_CCW_FLAG_PCI, SIM_MS(1), 0);
		fx_run(f, SIM_US(10));
		break;
	case ST_PEND_ALONE:
		expect_cc(sim_css_hsch(f->css, &f->cpu, FX_SID), 0, "hsch");
		fx_run(f, SIM_US(10));
		break;
	case ST_PEND_UNSOL:
		ck_assert_int_eq(sim_testdev_attention(f->dev,
					CCWA_DEV_STAT_ATTENTION), 0);
		break;
	case ST_PEND_DCC3:
		start_nop(f, 0, 0x00, 0, SIM_US(1), 0);
		fx_run(f, SIM_US(10));
		break;
	case ST_PEND_PRIMARY:
		start_nop(f, 0, 0xff, 0, SIM_US(10), SIM_MS(1));
		fx_run(f, SIM_US(50));
		break;
	default:
		ck_abort_msg("no way to reach state %d", st);
	}
}
