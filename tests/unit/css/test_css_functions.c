// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Subchannel functions over time (facts §3, §4.4, §4.8, §4.10, §4.13):
 * what the start, halt, clear, resume and cancel functions leave in the
 * SCSW and the IRB, sequence by sequence.  Expected words are written by
 * hand from the cited sections.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/esw.h>

#include "check_main.h"
#include "css_fixture.h"

#define ORB_S	0x08000000u
#define ORB_I	0x00200000u
#define ORB_U	0x00080000u
#define CE_DE	(CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END)

static void nop_takes(struct fx *f, sim_vtime delay, sim_vtime de_delay,
		      uint8_t end)
{
	struct sim_testdev_cmd c = { .end = end, .delay = delay,
				     .de_delay = de_delay };

	sim_testdev_set(f->dev, CCWA_CMD_NOP, &c);
}

static void expect_io(struct sim_io r, uint8_t cc)
{
	ck_assert_int_eq(r.err, 0);
	ck_assert_int_eq(r.pic, 0);
	ck_assert_int_eq(r.cc, cc);
}

static uint32_t irb_word(const struct ccwa_irb *irb, unsigned w)
{
	return ccwa_get_be32((const uint8_t *)irb + 4 * w);
}

static struct sim_testdev_stats stats(struct fx *f)
{
	struct sim_testdev_stats st;

	sim_testdev_stats(f->dev, &st);
	return st;
}

/*
 * §3.2 step 6, §4.14: a chain ending with CE+DE: SC x'07', device status
 * x'0C', CCW address last + 8, residual count of the last CCW; ESW format 1
 * with LPUM (§1.7); a 64-byte IRB when PMCW X = 0.
 */
START_TEST(test_start_normal_ending_irb)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 5, 0);
	fx_orb(&f, 0, 0xff);
	memset(&irb, 0xff, sizeof(irb));
	sim_mem_write(f.mem, FX_OP, &irb, sizeof(irb), 0, NULL);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000005);
	ck_assert_uint_eq(irb_word(&irb, 3), 0x00800000);	/* LPUM path 0 */
	ck_assert_uint_eq(irb_word(&irb, 4), 0);		/* ERW */
	ck_assert_uint_eq(irb_word(&irb, 8), 0);		/* ECW */
	ck_assert_uint_eq(irb_word(&irb, 16), 0xffffffffu);	/* no EMW */
	fx_fini(&f);
}
END_TEST

/* §4.4: command chaining on CE+DE; the CCW address moves along. */
START_TEST(test_start_command_chaining)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_SLI, 1, 0);
	fx_ccw1(&f, 1, CCWA_CMD_NOP, CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_SLI, 1, 0);
	fx_ccw1(&f, 2, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 3, 0);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 24);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000003);
	ck_assert_uint_eq(stats(&f).commands, 3);
	fx_fini(&f);
}
END_TEST

/* §4.4: device end with status modifier skips one CCW. */
START_TEST(test_start_status_modifier_skips_a_ccw)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	nop_takes(&f, SIM_US(1), 0, CE_DE | CCWA_DEV_STAT_MOD);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_SLI, 1, 0);
	fx_ccw1(&f, 1, 0x00, 0, 1, 0);	/* skipped: would be a program check */
	fx_ccw1(&f, 2, 0x13, 0, 1, 0);	/* not set up: command reject */
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	/* CCW 2 reached and rejected by the device on chaining (§4.11). */
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 24);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 24, CCWA_DEV_STAT_UNIT_CHECK);
	ck_assert_uint_eq(stats(&f).last_cmd, 0x13);
	fx_fini(&f);
}
END_TEST

/*
 * §3.2 step 2, §4.10: an invalid first CCW ends the start function with
 * program check, primary + secondary + alert, device status 0, CCW
 * address = failing CCW + 8; the device is never selected.
 */
struct pgm_case {
	const char *cite;
	uint32_t cpa;		/* ORB CCW address */
	uint8_t cmd, flags;
	uint16_t count;
	uint8_t cstat;
	uint32_t ccw_addr;	/* SCSW word 1 */
	uint32_t extra;		/* ORB word 1 extras */
};

static const struct pgm_case pgm_cases[] = {
	{ "§4.10 invalid command code xxxx0000", FX_CCW, 0x00, 0, 1,
	  CCWA_SCH_STAT_PROG_CHECK, FX_CCW + 8, 0 },
	{ "§4.10 format-1 xxxx1000 other than 0x08", FX_CCW, 0x18, 0, 1,
	  CCWA_SCH_STAT_PROG_CHECK, FX_CCW + 8, 0 },
	{ "§4.10 CCW address not doubleword aligned", FX_CCW + 4, 0x03, 0, 1,
	  CCWA_SCH_STAT_PROG_CHECK, FX_CCW + 12, 0 },
	{ "§4.10 CCW address outside storage", FX_MEM, 0x03, 0, 1,
	  CCWA_SCH_STAT_PROG_CHECK, FX_MEM + 8, 0 },
	{ "§4.10 suspend flag with ORB S=0", FX_CCW, 0x03,
	  CCWA_CCW_FLAG_SUSPEND, 1, CCWA_SCH_STAT_PROG_CHECK, FX_CCW + 8, 0 },
	{ "§4.10 MIDA without the facility", FX_CCW, 0x03, CCWA_CCW_FLAG_MIDA,
	  1, CCWA_SCH_STAT_PROG_CHECK, FX_CCW + 8, 0 },
	{ "§4.10 format-1 zero count with CD", FX_CCW, 0x03, CCWA_CCW_FLAG_CD,
	  0, CCWA_SCH_STAT_PROG_CHECK, FX_CCW + 8, 0 },
	{ "§4.1 step 2 CCW in a fetch-protected block (key 5, ORB key 3)",
	  FX_PROT, 0x03, 0, 1, CCWA_SCH_STAT_PROT_CHECK, FX_PROT + 8,
	  0x30000000 },
};

START_TEST(test_start_first_ccw_checks)
{
	const struct pgm_case *c = &pgm_cases[_i];
	uint8_t ccw[8] = { c->cmd, c->flags };
	struct fx f;
	struct ccwa_irb irb;
	uint8_t orb[12];

	fx_init(&f, NULL);
	fx_enable(&f);
	ccwa_put_be16(ccw + 2, c->count);
	sim_mem_write(f.mem, c->cpa & ~7u, ccw, 8, 0, NULL);
	fx_orb(&f, c->extra, 0xff);
	sim_mem_read(f.mem, FX_ORB, orb, 12, 0, NULL);
	ccwa_put_be32(orb + 8, c->cpa);
	sim_mem_write(f.mem, FX_ORB, orb, 12, 0, NULL);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_msg((irb_word(&irb, 0) & 0xffff) == 0x4017,
		      "%s: SCSW word 0 %08x", c->cite, irb_word(&irb, 0));
	ck_assert_msg(irb_word(&irb, 1) == c->ccw_addr, "%s: CCW address %08x",
		      c->cite, irb_word(&irb, 1));
	ck_assert_msg((irb_word(&irb, 2) >> 16) == c->cstat,
		      "%s: status %04x", c->cite, irb_word(&irb, 2) >> 16);
	ck_assert_uint_eq(stats(&f).commands, 0);
	fx_fini(&f);
}
END_TEST

/* §4.8: TIC to TIC is a program check at the second TIC + 8. */
START_TEST(test_start_tic_to_tic)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, CCWA_CMD_TIC, 0, 0, FX_CCW + 16);
	fx_ccw1(&f, 2, CCWA_CMD_TIC, 0, 0, FX_CCW + 32);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0) & 0xffff, 0x4017);
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 24);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 16, CCWA_SCH_STAT_PROG_CHECK);
	fx_fini(&f);
}
END_TEST

/*
 * A channel program that loops (NOP, TIC back) runs on in virtual time and
 * never stalls the simulator; HSCH ends it (§3.4 active row).
 */
START_TEST(test_start_looping_program_is_halted)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_SLI, 1, 0);
	fx_ccw1(&f, 1, CCWA_CMD_TIC, 0, 0, FX_CCW);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_MS(1));
	ck_assert_uint_gt(stats(&f).commands, 100);
	ck_assert_uint_eq(fx_scsw_w0(&f) & 0xffff, 0x40c0);
	expect_io(sim_css_hsch(f.css, &f.cpu, FX_SID), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0) & 0xffff, 0x6001);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 24, CCWA_DEV_STAT_DEV_END);
	ck_assert_uint_eq(stats(&f).halts, 1);
	fx_fini(&f);
}
END_TEST

/*
 * §3.2 step 4, §3.8: the device presents status instead of accepting:
 * deferred cc 1, SC alert + pending (default) or pending alone (switch).
 */
START_TEST(test_start_not_initiated_deferred_cc1)
{
	struct sim_css_compat c;
	struct fx f;
	struct ccwa_irb irb;
	struct sim_testdev_cmd uc = { .answer = CCWA_DEV_STAT_UNIT_CHECK };

	sim_css_compat_profile(&c, SIM_COMPAT_POPS);
	c.dcc1 = (uint8_t)_i;
	fx_init(&f, &c);
	fx_enable(&f);
	sim_testdev_set(f.dev, CCWA_CMD_NOP, &uc);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0),
			  _i == SIM_DCC1_ALERT_PENDING ? 0x01804011 : 0x01804001);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 24, CCWA_DEV_STAT_UNIT_CHECK);
	fx_fini(&f);
}
END_TEST

/*
 * §3.2 step 4: a busy device keeps the start pending, unseen by the
 * program, until it signals it is free; then the start goes on.
 */
START_TEST(test_start_waits_for_busy_device)
{
	struct fx f;

	fx_init(&f, NULL);
	fx_reach(&f, ST_BUSY_SEL);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00804400);
	fx_run(&f, SIM_MS(2));
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00804007);
	ck_assert_uint_eq(stats(&f).commands, 2);	/* busy, then accepted */
	fx_fini(&f);
}
END_TEST

/*
 * §3.2 steps 6-7: channel end and device end apart.  Primary first (AC
 * keeps device active), TSCH, then device end alone makes the subchannel
 * status pending again with secondary status and a new request.
 */
START_TEST(test_start_device_end_after_tsch)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_reach(&f, ST_DEV_ACTIVE);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 0);
	fx_run(&f, SIM_MS(2));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00800003);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 24, CCWA_DEV_STAT_DEV_END);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00800000);
	fx_fini(&f);
}
END_TEST

/* §3.2 step 7: device end while the primary is still pending joins it. */
START_TEST(test_start_device_end_joins_pending_primary)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_reach(&f, ST_PEND_PRIMARY);
	fx_run(&f, SIM_MS(2));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 24, 0x0c);
	fx_fini(&f);
}
END_TEST

/*
 * §3.2 step 4, §3.10 case A: ISIC gives Z intermediate status at the first
 * CCW + 8 once the command is accepted; TSCH clears SC and Z and the
 * operation goes on to its normal end.
 */
START_TEST(test_isic_intermediate_then_final)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	nop_takes(&f, SIM_US(100), 0, CE_DE);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, ORB_I, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00a440c9);
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 8);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00a040c0);
	fx_run(&f, SIM_US(200));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00a04007);
	fx_fini(&f);
}
END_TEST

/* §11 A7: the peers' ISIC. */
START_TEST(test_isic_peer_switches)
{
	struct sim_css_compat c;
	struct fx f;
	struct ccwa_irb irb;

	sim_css_compat_profile(&c, SIM_COMPAT_POPS);
	c.isic = _i == 0 ? SIM_ISIC_BEFORE_FETCH : SIM_ISIC_IGNORE;
	fx_init(&f, &c);
	fx_enable(&f);
	nop_takes(&f, SIM_US(100), 0, CE_DE);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, ORB_I, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	if (_i == 0) {
		/* Hercules 3.13: the first CCW's own address, no + 8. */
		expect_io(fx_tsch(&f, &irb), 0);
		ck_assert_uint_eq(irb_word(&irb, 0), 0x00a440c9);
		ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW);
	} else {
		/* QEMU: no status at all until the end. */
		expect_io(fx_tsch(&f, &irb), 1);
	}
	fx_fini(&f);
}
END_TEST

/*
 * §4.13: PCI on CCW 0 gives intermediate status (CCW + 8, PCI); a second
 * PCI while that status is still pending is held and shows in the final
 * status next to primary and secondary.
 */
START_TEST(test_pci_held_and_merged)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	nop_takes(&f, SIM_US(10), 0, CE_DE);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_PCI | CCWA_CCW_FLAG_SLI, 1, 0);
	fx_ccw1(&f, 1, CCWA_CMD_NOP, CCWA_CCW_FLAG_PCI | CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(5));
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x008040c9);
	fx_run(&f, SIM_US(100));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x0080400f);
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 16);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 16, 0x0c80);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00800000);
	fx_fini(&f);
}
END_TEST

/*
 * §3.3: suspend at a CCW with S (ORB S=1, U=0): intermediate x'29', CCW
 * address = S-CCW + 8, its count.  The program clears S, TSCH clears the
 * status, RSCH resumes: the CCW is refetched and executed.
 */
START_TEST(test_suspend_resume_protocol)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SUSPEND | CCWA_CCW_FLAG_SLI, 7, 0);
	fx_orb(&f, ORB_S, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804029);
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 7);
	ck_assert_uint_eq(stats(&f).commands, 0);	/* not sent */
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x08804020);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 7, 0);
	expect_io(sim_css_rsch(f.css, &f.cpu, FX_SID), 0);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x08804820);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804007);
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 8);
	ck_assert_uint_eq(stats(&f).commands, 1);
	fx_fini(&f);
}
END_TEST

/*
 * §2.5, §9.3, §11 A2: RSCH while the program runs, before it reaches the
 * suspend flag on CCW 1.  Default: cc 0, and the flag is passed by;
 * Hercules 3.13: cc 0, but CCW 1 suspends anyway; QEMU: cc 2.
 */
START_TEST(test_rsch_early)
{
	static const struct {
		uint8_t sw;
		uint8_t cc;
		uint32_t w0;		/* after everything settled */
		unsigned commands;
	} t[] = {
		{ SIM_RSCH_EARLY_SKIPS_SUSPEND, 0, 0x08804007, 2 },
		{ SIM_RSCH_EARLY_REFETCH, 0, 0x08804029, 1 },
		{ SIM_RSCH_EARLY_CC2, 2, 0x08804029, 1 },
	};
	struct sim_css_compat c;
	struct fx f;

	sim_css_compat_profile(&c, SIM_COMPAT_POPS);
	c.rsch_early = t[_i].sw;
	fx_init(&f, &c);
	fx_enable(&f);
	nop_takes(&f, SIM_US(20), 0, CE_DE);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_SLI, 1, 0);
	fx_ccw1(&f, 1, CCWA_CMD_NOP, CCWA_CCW_FLAG_SUSPEND | CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, ORB_S, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(5));
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x088040c0);
	expect_io(sim_css_rsch(f.css, &f.cpu, FX_SID), t[_i].cc);
	fx_run(&f, SIM_US(200));
	ck_assert_uint_eq(fx_scsw_w0(&f), t[_i].w0);
	ck_assert_uint_eq(stats(&f).commands, t[_i].commands);
	fx_fini(&f);
}
END_TEST

/* §3.3: suspension with U=1 makes nothing pending (default). */
START_TEST(test_suspend_u1_no_status)
{
	struct fx f;

	fx_init(&f, NULL);
	fx_reach(&f, ST_SUSPENDED);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 0);
	expect_io(fx_tsch(&f, NULL), 1);
	fx_fini(&f);
}
END_TEST

/* §3.5: clear signals the device and resets path management. */
START_TEST(test_clear_signals_device_and_resets_paths)
{
	struct fx f;
	struct ccwa_schib s;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_reach(&f, ST_ACTIVE);
	expect_io(sim_css_csch(f.css, &f.cpu, FX_SID), 0);
	fx_run(&f, SIM_US(100));
	ck_assert_uint_eq(stats(&f).clears, 1);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00001001);
	ck_assert_uint_eq(irb_word(&irb, 1), 0);
	ck_assert_uint_eq(irb_word(&irb, 2), 0);
	ck_assert_int_eq(sim_css_sch_schib(f.css, 0, 0, &s), 0);
	ck_assert_uint_eq(ccwa_pmcw_pom(&s.pmcw), 0xff);
	ck_assert_uint_eq(ccwa_pmcw_pnom(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_lpum(&s.pmcw), 0x80);
	/* The device's own operation was stopped: nothing more arrives. */
	fx_run(&f, SIM_MS(5));
	expect_io(fx_tsch(&f, NULL), 1);
	fx_fini(&f);
}
END_TEST

/* §2.6, §3.6: cancel is synchronous: no interruption, device untouched. */
START_TEST(test_cancel_no_interruption)
{
	struct fx f;

	fx_init(&f, NULL);
	fx_reach(&f, ST_START_PEND);
	expect_io(sim_css_xsch(f.css, &f.cpu, FX_SID), 0);
	fx_run(&f, SIM_MS(1));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 0);
	ck_assert_uint_eq(stats(&f).commands, 0);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00800000);
	expect_io(fx_tsch(&f, NULL), 1);
	fx_fini(&f);
}
END_TEST

/* §3.4: a halt of a start-pending subchannel never signals the device. */
START_TEST(test_halt_start_pending_no_device_signal)
{
	struct fx f;

	fx_init(&f, NULL);
	fx_reach(&f, ST_START_PEND);
	expect_io(sim_css_hsch(f.css, &f.cpu, FX_SID), 0);
	fx_run(&f, SIM_US(100));
	ck_assert_uint_eq(stats(&f).commands, 0);
	ck_assert_uint_eq(stats(&f).halts, 0);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x01806001);
	fx_fini(&f);
}
END_TEST

/*
 * §3.7: unsolicited status: SC alert + pending with CC 0 is what marks
 * it unsolicited; FC 0; the device's bits in the device status.
 */
START_TEST(test_unsolicited_attention)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_reach(&f, ST_PEND_UNSOL);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00000011);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 24, CCWA_DEV_STAT_ATTENTION);
	/* A second attention while status is pending is refused. */
	ck_assert_int_eq(sim_testdev_attention(f.dev, CCWA_DEV_STAT_ATTENTION), 0);
	ck_assert_int_lt(sim_testdev_attention(f.dev, CCWA_DEV_STAT_ATTENTION), 0);
	fx_fini(&f);
}
END_TEST

/* §7: I/O-system reset returns every subchannel to its initial state. */
START_TEST(test_reset_returns_initial_state)
{
	struct fx f;
	struct ccwa_schib s;

	fx_init(&f, NULL);
	fx_reach(&f, ST_PEND_FINAL);
	sim_css_reset(f.css);
	ck_assert_int_eq(sim_css_sch_schib(f.css, 0, 0, &s), 0);
	ck_assert_uint_eq(ccwa_get_be32(s.scsw.b), 0);
	ck_assert_uint_eq(ccwa_pmcw_ena(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_isc(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_intparm(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_lpm(&s.pmcw), ccwa_pmcw_pim(&s.pmcw));
	ck_assert_uint_eq(ccwa_pmcw_pom(&s.pmcw), 0xff);
	ck_assert_uint_eq(ccwa_pmcw_dnv(&s.pmcw), 1);
	ck_assert_uint_eq(ccwa_pmcw_dev(&s.pmcw), 0x1234);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 0);
	fx_fini(&f);
}
END_TEST

/*
 * Determinism (DESIGN.md): the same instruction sequence traces the same
 * bytes, on a track per subchannel, with virtual times only.
 */
static char *traced_run(size_t *len)
{
	struct sim_evq *q = sim_evq_create();
	struct sim_mem *mem = sim_mem_create(FX_MEM);
	struct sim_trace *tr = sim_trace_create(0);
	struct sim_css_cfg cfg = { .evq = q, .mem = mem, .trace = tr,
				   .nsets = 1, .facilities = SIM_FAC_DEFAULT };
	struct sim_sch_def d = { .devno = 0x1234, .pim = 0x80,
				 .chpid = { 0x40 } };
	struct sim_cpu cpu = { .cr6 = 0xff };
	struct sim_css *css;
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	uint8_t orb[12] = { 0 }, ccw[8] = { 0x03, 0x60, 0, 1 },
		ccw2[8] = { 0x03, 0x20, 0, 1 }, s[52];

	sim_trace_set_text(tr, f);
	css = sim_css_create(&cfg);
	sim_css_chp_install(css, 0x40, 0x1a);
	d.dev = sim_testdev_create(0x1234);
	sim_css_sch_define(css, 0, 0, &d, 0);
	sim_css_stsch(css, &cpu, sim_sid(0, 0), FX_OP);
	sim_mem_read(mem, FX_OP, s, sizeof(s), 0, NULL);
	s[4] = 0x18;
	s[5] |= 0x80;
	sim_mem_write(mem, FX_OP, s, sizeof(s), 0, NULL);
	sim_css_msch(css, &cpu, sim_sid(0, 0), FX_OP);
	ccwa_put_be32(orb + 4, 0x0080ff00);
	ccwa_put_be32(orb + 8, FX_CCW);
	sim_mem_write(mem, FX_ORB, orb, 12, 0, NULL);
	sim_mem_write(mem, FX_CCW, ccw, 8, 0, NULL);
	sim_mem_write(mem, FX_CCW + 8, ccw2, 8, 0, NULL);
	sim_css_ssch(css, &cpu, sim_sid(0, 0), FX_ORB);
	sim_evq_run_until(q, SIM_US(100));
	sim_css_tsch(css, &cpu, sim_sid(0, 0), FX_OP);
	sim_css_chp_vary(css, 0x40, 0);
	sim_css_stcrw(css, &cpu, FX_OP);
	sim_css_destroy(css);
	sim_trace_destroy(tr);
	sim_mem_destroy(mem);
	sim_evq_destroy(q);
	fclose(f);
	return buf;
}

START_TEST(test_trace_same_sequence_same_bytes)
{
	size_t na, nb;
	char *a = traced_run(&na), *b = traced_run(&nb);

	ck_assert_uint_eq(na, nb);
	ck_assert_int_eq(memcmp(a, b, na), 0);
	ck_assert_ptr_nonnull(strstr(a, " sch 0.0.0000 ssch: gr1=0x00010000 cc=0\n"));
	ck_assert_ptr_nonnull(strstr(a, " sch 0.0.0000 status: scsw=00804007 00002010 0c000001\n"));
	ck_assert_ptr_nonnull(strstr(a, " css chp_vary: chpid=0x40 offline\n"));
	free(a);
	free(b);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("css_functions");
	TCase *st = tcase_create("start");
	TCase *fn = tcase_create("functions");

	tcase_add_test(st, test_start_normal_ending_irb);
	tcase_add_test(st, test_start_command_chaining);
	tcase_add_test(st, test_start_status_modifier_skips_a_ccw);
	tcase_add_loop_test(st, test_start_first_ccw_checks, 0,
			    sizeof(pgm_cases) / sizeof(pgm_cases[0]));
	tcase_add_test(st, test_start_tic_to_tic);
	tcase_add_test(st, test_start_looping_program_is_halted);
	tcase_add_loop_test(st, test_start_not_initiated_deferred_cc1, 0, 2);
	tcase_add_test(st, test_start_waits_for_busy_device);
	tcase_add_test(st, test_start_device_end_after_tsch);
	tcase_add_test(st, test_start_device_end_joins_pending_primary);
	tcase_add_test(st, test_isic_intermediate_then_final);
	tcase_add_loop_test(st, test_isic_peer_switches, 0, 2);
	tcase_add_test(st, test_pci_held_and_merged);
	tcase_add_test(fn, test_suspend_resume_protocol);
	tcase_add_loop_test(fn, test_rsch_early, 0, 3);
	tcase_add_test(fn, test_suspend_u1_no_status);
	tcase_add_test(fn, test_clear_signals_device_and_resets_paths);
	tcase_add_test(fn, test_cancel_no_interruption);
	tcase_add_test(fn, test_halt_start_pending_no_device_signal);
	tcase_add_test(fn, test_unsolicited_attention);
	tcase_add_test(fn, test_reset_returns_initial_state);
	tcase_add_test(fn, test_trace_same_sequence_same_bytes);
	suite_add_tcase(s, st);
	suite_add_tcase(s, fn);
	return s;
}
