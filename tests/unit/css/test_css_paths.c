// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Channel paths (facts §1.6 PMCW masks, §2.12 RCHP, §3.2 step 1 path
 * selection, §3.5 clear, §6.2 path reports).  The fixture's 0.0.0000 has
 * PIM 0xc0: path 0 (mask 0x80) is CHPID 0x40, path 1 (mask 0x40) is
 * CHPID 0x41; 0.1.0000 has PIM 0x80 on CHPID 0x41.  Expected words are
 * written by hand from the cited sections:
 *
 *   SCSW word 0 (§1.5): L 04000000, CC 3 03000000, F 00800000,
 *   N 00010000, FC start 00004000, AC 00000080 subchannel active +
 *   00000040 device active, SC alert 10 primary 04 secondary 02 pending 01
 *   ESW format 1 word 0 (§1.7): LPUM << 16
 *   CRW (§1.8): S 40000000, RSC << 24, ERC << 16, RSID
 */
#include <string.h>

#include <ccwsim/arch/be.h>

#include "check_main.h"
#include "css_fixture.h"

#define SID0	0x00010000u	/* 0.0.0000 */
#define SID1	0x00030000u	/* 0.1.0000 */
#define ORB1	0x1040u		/* a second ORB, for 0.1.0000 */
#define CRW_OP	0x3800u

static void expect_io(struct sim_io r, uint8_t cc)
{
	ck_assert_int_eq(r.err, 0);
	ck_assert_int_eq(r.pic, 0);
	ck_assert_int_eq(r.cc, cc);
}

/* The 52-byte SCHIB STSCH stores for @sid. */
static void stsch(struct fx *f, uint32_t sid, uint8_t s[52])
{
	expect_io(sim_css_stsch(f->css, &f->cpu, sid, FX_OP), 0);
	sim_mem_read(f->mem, FX_OP, s, 52, 0, NULL);
}

/* PMCW bytes (§1.6). */
#define LPM(s)		((s)[8])
#define PNOM(s)		((s)[9])
#define LPUM(s)		((s)[10])
#define PIM(s)		((s)[11])
#define POM(s)		((s)[14])
#define PAM(s)		((s)[15])
#define SCSW_W0(s)	ccwa_get_be32((s) + 28)

static uint32_t irb_word(const struct ccwa_irb *irb, unsigned w)
{
	return ccwa_get_be32((const uint8_t *)irb + 4 * w);
}

static struct ccwa_irb tsch_sid(struct fx *f, uint32_t sid, uint8_t cc)
{
	struct ccwa_irb irb;

	expect_io(sim_css_tsch(f->css, &f->cpu, sid, FX_OP), cc);
	sim_mem_read(f->mem, FX_OP, &irb, sizeof(irb), 0, NULL);
	return irb;
}

static void expect_crw(struct fx *f, uint8_t cc, uint32_t want)
{
	uint8_t b[4];

	expect_io(sim_css_stcrw(f->css, &f->cpu, CRW_OP), cc);
	sim_mem_read(f->mem, CRW_OP, b, 4, 0, NULL);
	ck_assert_msg(ccwa_get_be32(b) == want, "CRW %08x, want %08x",
		      ccwa_get_be32(b), want);
}

/* MSCH @sid: enabled, ISC 3, its STSCH image otherwise. */
static void enable_sid(struct fx *f, uint32_t sid)
{
	uint8_t s[52];

	stsch(f, sid, s);
	s[4] = 0x18;
	s[5] |= 0x80;
	sim_mem_write(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	expect_io(sim_css_msch(f->css, &f->cpu, sid, FX_OP), 0);
}

/* A format-1 ORB at @addr for the NOP at FX_CCW, with LPM @lpm. */
static void put_orb(struct fx *f, uint64_t addr, uint8_t lpm)
{
	uint8_t orb[12];

	ccwa_put_be32(orb, 0x0ccc0001);
	ccwa_put_be32(orb + 4, 0x00800000u | (uint32_t)lpm << 8);
	ccwa_put_be32(orb + 8, FX_CCW);
	sim_mem_write(f->mem, addr, orb, sizeof(orb), 0, NULL);
}

/* Both devices answer NOP with CE+DE after @delay. */
static void nop_takes(struct fx *f, sim_vtime delay)
{
	struct sim_testdev_cmd c = { .end = 0x0c, .delay = delay };

	sim_testdev_set(f->dev, 0x03, &c);
	sim_testdev_set(sim_css_sch_dev(f->css, 1, 0), 0x03, &c);
	fx_ccw1(f, 0, 0x03, CCWA_CCW_FLAG_SLI, 1, 0);
}

/* ---- the masks (§1.6, §7) ---- */

/*
 * §1.6, §7: STSCH of 0.0.0000 right after configuration and after MSCH
 * (fx_enable: the STSCH image back with E = 1, ISC 3): LPM = PIM = PAM =
 * 0xc0, POM 0xff, PNOM and LPUM 0, CHPIDs 0x40 0x41; MSCH keeps them.
 */
START_TEST(test_paths_initial_masks_stsch)
{
	static const uint8_t want[16] = {
		0xc0, 0x00, 0x00, 0xc0,			/* LPM PNOM LPUM PIM */
		0x00, 0x00, 0xff, 0xc0,			/* MBI POM PAM */
		0x40, 0x41, 0, 0, 0, 0, 0, 0,		/* CHPIDs */
	};
	uint8_t s[52];
	struct fx f;

	fx_init(&f, NULL);
	for (int pass = 0; pass < 2; pass++) {
		if (pass)
			fx_enable(&f);
		stsch(&f, SID0, s);
		ck_assert_msg(!memcmp(s + 8, want, sizeof(want)),
			      "pass %d: PMCW words 2-5 %08x %08x %08x %08x",
			      pass, ccwa_get_be32(s + 8), ccwa_get_be32(s + 12),
			      ccwa_get_be32(s + 16), ccwa_get_be32(s + 20));
		/* E and V; ISC. */
		ck_assert_uint_eq(s[5] & 0x81, pass ? 0x81 : 0x01);
		ck_assert_uint_eq(s[4], pass ? 0x18 : 0x00);
		ck_assert_uint_eq(ccwa_get_be16(s + 6), 0x1234);
	}
	stsch(&f, SID1, s);
	ck_assert_uint_eq(PIM(s), 0x80);
	ck_assert_uint_eq(PAM(s), 0x80);
	ck_assert_uint_eq(POM(s), 0xff);
	ck_assert_uint_eq(LPM(s), 0x80);
	ck_assert_uint_eq(s[16], 0x41);
	fx_fini(&f);
}
END_TEST

/* ---- configuring paths off and on (§6.2, §1.6 PAM) ---- */

struct vary_row {
	const char *cite;
	uint8_t chpid;
	uint8_t pam0, pam2, pam1;	/* 0.0.0000, 0.0.0002, 0.1.0000 */
};

static const struct vary_row vary_rows[] = {
	{ "§6.2 CHPID 0x40: path 0 of 0.0.0000, path 2 of 0.0.0002", 0x40,
	  0x40, 0x80, 0x80 },
	{ "§6.2 CHPID 0x41: path 1 of 0.0.0000, path 0 of the others", 0x41,
	  0x80, 0x20, 0x00 },
};

/*
 * §6.2, §1.6: configuring a path off clears its PAM bit in every
 * subchannel using it (whatever path number it has there) and queues
 * RSC 4, ERC 7, RSID = CHPID; on again restores PAM with ERC 4.
 * 0.0.0002 is defined here: PIM 0xa0, path 0 CHPID 0x41, path 2 0x40.
 */
START_TEST(test_chp_vary_pam_and_crw)
{
	const struct vary_row *r = &vary_rows[_i];
	struct sim_sch_def d = {
		.devno = 0x2222, .pim = 0xa0, .chpid = { 0x41, 0x00, 0x40 },
	};
	uint8_t s0[52], s2[52], s1[52];
	struct fx f;

	fx_init(&f, NULL);
	d.dev = sim_testdev_create(0x2222);
	ck_assert_int_eq(sim_css_sch_define(f.css, 0, 2, &d, 0), 0);
	stsch(&f, 0x00010002, s2);
	ck_assert_uint_eq(PAM(s2), 0xa0);

	ck_assert_int_eq(sim_css_chp_vary(f.css, r->chpid, 0), 0);
	stsch(&f, SID0, s0);
	stsch(&f, 0x00010002, s2);
	stsch(&f, SID1, s1);
	ck_assert_msg(PAM(s0) == r->pam0 && PAM(s2) == r->pam2 &&
		      PAM(s1) == r->pam1,
		      "row %d (%s): PAMs %02x %02x %02x", _i, r->cite,
		      PAM(s0), PAM(s2), PAM(s1));
	ck_assert_uint_eq(PIM(s0), 0xc0);	/* still installed */
	expect_crw(&f, 0, 0x04070000u | r->chpid);
	expect_crw(&f, 1, 0);

	ck_assert_int_eq(sim_css_chp_vary(f.css, r->chpid, 1), 0);
	stsch(&f, SID0, s0);
	stsch(&f, 0x00010002, s2);
	stsch(&f, SID1, s1);
	ck_assert_uint_eq(PAM(s0), 0xc0);
	ck_assert_uint_eq(PAM(s2), 0xa0);
	ck_assert_uint_eq(PAM(s1), 0x80);
	expect_crw(&f, 0, 0x04040000u | r->chpid);
	expect_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

/* ---- path selection at the start (§3.2 step 1, §2.1, §1.7) ---- */

#define NOCHK 0xffffffffu

struct sel_row {
	const char *cite;
	uint8_t lpm;		/* ORB LPM */
	uint8_t off;		/* configured off: bit 0 is 0x40, bit 1 0x41 */
	uint8_t dead;		/* CHPIDs not operational: same bits */
	uint32_t w0;		/* SCSW word 0 of the ending status */
	uint8_t lpum, pnom, pom;
	uint32_t esw0;		/* ESW word 0, or NOCHK */
};

static const struct sel_row sel_rows[] = {
	{ "§3.2.1 first usable path: 0x80 (CHPID 0x40)", 0xff, 0, 0,
	  0x00804007, 0x80, 0x00, 0xff, 0x00800000 },
	{ "§3.2.1 LPM 0x40 selects path 1 alone", 0x40, 0, 0,
	  0x00804007, 0x40, 0x00, 0xff, 0x00400000 },
	{ "§3.2.1 PAM: path 0 configured off, path 1 used; N = 0", 0xff, 1, 0,
	  0x00804007, 0x40, 0x00, 0xff, 0x00400000 },
	{ "§3.2.1 path 0 not operational: PNOM 0x80, POM 0x7f, N", 0xff, 0, 1,
	  0x00814007, 0x40, 0x80, 0x7f, 0x00400000 },
	{ "§3.2.1 path 1 dead, path 0 works first: nothing noted", 0xff, 0, 2,
	  0x00804007, 0x80, 0x00, 0xff, 0x00800000 },
	{ "§3.2.1 LPM 0x40: the dead path 0 is not tried", 0x40, 0, 1,
	  0x00804007, 0x40, 0x00, 0xff, 0x00400000 },
	{ "§3.2.1 both dead: deferred cc 3, N, PNOM 0xc0", 0xff, 0, 3,
	  0x03814011, 0, 0xc0, 0x3f, NOCHK },
	{ "§3.2.1 LPM selects only a configured-off path: deferred cc 3, N 0",
	  0x80, 1, 0, 0x03804011, 0, 0x00, 0xff, NOCHK },
	{ "§3.2.1 LPM selects only a dead path: deferred cc 3, N", 0x80, 0, 1,
	  0x03814011, 0, 0x80, 0x7f, NOCHK },
	{ "§3.2.1 LPM 0: no path at all, deferred cc 3", 0x00, 0, 0,
	  0x03804011, 0, 0x00, 0xff, NOCHK },
	{ "§3.2.1 both configured off: deferred cc 3", 0xff, 3, 0,
	  0x03804011, 0, 0x00, 0xff, NOCHK },
};

/*
 * §3.2 step 1, §2.1, §1.7, §3.8: a NOP started on 0.0.0000 with the
 * row's LPM, paths configured off (PAM) and paths silently broken
 * (sim_css_chp_set_operational).  The ending status shows the path used
 * (STSCH LPUM, IRB ESW format 1 LPUM), each path found not operational
 * (PNOM, POM loses it, SCSW N) and deferred cc 3 when no path works.
 * STSCH shows the ORB's LPM (§2.1).  TSCH resets N (§3.10).
 */
START_TEST(test_start_path_selection_table)
{
	const struct sel_row *r = &sel_rows[_i];
	struct ccwa_irb irb;
	uint8_t s[52];
	struct fx f;

	fx_init(&f, NULL);
	fx_enable(&f);
	for (unsigned k = 0; k < 2; k++) {
		if (r->off & (1u << k))
			ck_assert_int_eq(sim_css_chp_vary(f.css,
						(uint8_t)(0x40 + k), 0), 0);
		if (r->dead & (1u << k))
			ck_assert_int_eq(sim_css_chp_set_operational(f.css,
						(uint8_t)(0x40 + k), 0), 0);
	}
	fx_ccw1(&f, 0, 0x03, CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, 0, r->lpm);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));

	stsch(&f, SID0, s);
	ck_assert_msg(SCSW_W0(s) == r->w0, "row %d (%s): SCSW %08x, want %08x",
		      _i, r->cite, SCSW_W0(s), r->w0);
	ck_assert_msg(PNOM(s) == r->pnom && POM(s) == r->pom,
		      "row %d (%s): PNOM %02x POM %02x, want %02x %02x", _i,
		      r->cite, PNOM(s), POM(s), r->pnom, r->pom);
	if (r->esw0 != NOCHK)
		ck_assert_msg(LPUM(s) == r->lpum, "row %d (%s): LPUM %02x",
			      _i, r->cite, LPUM(s));
	ck_assert_uint_eq(LPM(s), r->lpm);
	ck_assert_uint_eq(PIM(s), 0xc0);

	irb = tsch_sid(&f, SID0, 0);
	ck_assert_uint_eq(irb_word(&irb, 0), r->w0);
	if (r->esw0 != NOCHK)
		ck_assert_msg(irb_word(&irb, 3) == r->esw0,
			      "row %d (%s): ESW word 0 %08x, want %08x", _i,
			      r->cite, irb_word(&irb, 3), r->esw0);
	ck_assert_uint_eq(fx_scsw_w0(&f) & 0x00010000, 0);	/* N reset */
	fx_fini(&f);
}
END_TEST

/*
 * §3.5 step 1: the clear function resets POM to 0xff and PNOM to 0 (and
 * N), so a path found not operational is tried again by the next start.
 * Row 0: path 0 broken, TSCH, then CSCH; row 1: both broken, CSCH over
 * the pending deferred cc 3.
 */
START_TEST(test_csch_resets_pom_pnom)
{
	uint8_t dead = _i == 0 ? 1 : 3;
	uint8_t s[52];
	struct fx f;

	fx_init(&f, NULL);
	fx_enable(&f);
	for (unsigned k = 0; k < 2; k++)
		if (dead & (1u << k))
			ck_assert_int_eq(sim_css_chp_set_operational(f.css,
						(uint8_t)(0x40 + k), 0), 0);
	fx_ccw1(&f, 0, 0x03, CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	stsch(&f, SID0, s);
	ck_assert_uint_eq(PNOM(s), _i == 0 ? 0x80 : 0xc0);
	ck_assert_uint_eq(POM(s), _i == 0 ? 0x7f : 0x3f);
	if (_i == 0)
		tsch_sid(&f, SID0, 0);

	expect_io(sim_css_csch(f.css, &f.cpu, SID0), 0);
	fx_run(&f, SIM_US(100));
	stsch(&f, SID0, s);
	ck_assert_uint_eq(POM(s), 0xff);
	ck_assert_uint_eq(PNOM(s), 0x00);
	ck_assert_uint_eq(SCSW_W0(s), 0x00001001);	/* §3.5 step 3 */
	tsch_sid(&f, SID0, 0);

	/* Paths repaired: the start uses path 0 again. */
	for (unsigned k = 0; k < 2; k++)
		ck_assert_int_eq(sim_css_chp_set_operational(f.css,
					(uint8_t)(0x40 + k), 1), 0);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	stsch(&f, SID0, s);
	ck_assert_uint_eq(SCSW_W0(s), 0x00804007);
	ck_assert_uint_eq(LPUM(s), 0x80);
	ck_assert_uint_eq(PNOM(s), 0x00);
	ck_assert_uint_eq(POM(s), 0xff);
	tsch_sid(&f, SID0, 0);
	fx_fini(&f);
}
END_TEST

/* ---- RCHP (§2.12, §2.0) ---- */

struct rchp_row {
	const char *cite;
	uint8_t problem;
	uint32_t gr1;
	uint16_t pic;
	uint8_t cc;
};

static const struct rchp_row rchp_rows[] = {
	{ "§2.0 privileged operation", 1, 0x00000040, 0x0002, 0 },
	{ "§2.12 GR1 bit 55 set: operand", 0, 0x00000140, 0x0015, 0 },
	{ "§2.12 GR1 bit 47 set: operand", 0, 0x00010040, 0x0015, 0 },
	{ "§2.12 GR1 bit 32 set: operand", 0, 0x80000040, 0x0015, 0 },
	{ "§2.12 GR1 bits 40-47 (MCSS-E CSSID, not installed): operand", 0,
	  0x00ff0040, 0x0015, 0 },
	{ "§2.12 CHPID not installed: cc 3", 0, 0x00000042, 0, 3 },
	{ "§2.12 CHPID 0 not installed: cc 3", 0, 0x00000000, 0, 3 },
	{ "§2.12 CHPID 0xff not installed: cc 3", 0, 0x000000ff, 0, 3 },
	{ "§2.12 installed: cc 0", 0, 0x00000040, 0, 0 },
	{ "§2.12 installed: cc 0", 0, 0x00000041, 0, 0 },
};

/*
 * §2.12, §2.0: RCHP's checks.  Only an initiated reset (cc 0) ends in a
 * CRW: solicited, RSC 4, ERC 2 "initialized", RSID = CHPID; the others
 * change nothing.
 */
START_TEST(test_rchp_checks_table)
{
	const struct rchp_row *r = &rchp_rows[_i];
	struct sim_io io;
	struct fx f;

	fx_init(&f, NULL);
	f.cpu.problem = r->problem;
	io = sim_css_rchp(f.css, &f.cpu, r->gr1);
	f.cpu.problem = 0;
	ck_assert_int_eq(io.err, 0);
	ck_assert_msg(io.pic == r->pic, "row %d (%s): pic 0x%04x, want 0x%04x",
		      _i, r->cite, io.pic, r->pic);
	if (!r->pic)
		ck_assert_msg(io.cc == r->cc, "row %d (%s): cc %u, want %u", _i,
			      r->cite, io.cc, r->cc);
	fx_run(&f, SIM_US(100));
	if (!r->pic && r->cc == 0)
		expect_crw(&f, 0, 0x44020000u | (r->gr1 & 0xff));
	expect_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

/*
 * §2.12, §6.2: the reset runs asynchronously (cfg.t_rchp, 10 µs by
 * default): no CRW at once; a second RCHP for the same path meanwhile is
 * cc 2 (another path is not busy); on completion the solicited CRWs come
 * in order and the path takes RCHP again.
 */
START_TEST(test_rchp_busy_then_solicited_crw)
{
	struct fx f;

	fx_init(&f, NULL);
	expect_io(sim_css_rchp(f.css, &f.cpu, 0x40), 0);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 0);
	expect_io(sim_css_rchp(f.css, &f.cpu, 0x40), 2);
	expect_io(sim_css_rchp(f.css, &f.cpu, 0x41), 0);
	expect_io(sim_css_rchp(f.css, &f.cpu, 0x41), 2);
	fx_run(&f, SIM_US(100));
	expect_crw(&f, 0, 0x44020040);
	expect_crw(&f, 0, 0x44020041);
	expect_crw(&f, 1, 0);
	expect_io(sim_css_rchp(f.css, &f.cpu, 0x40), 0);
	fx_run(&f, SIM_US(100));
	expect_crw(&f, 0, 0x44020040);
	expect_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

struct reset_row {
	const char *cite;
	uint8_t lpm0;		/* ORB LPM of 0.0.0000's operation */
	uint8_t chpid;		/* RCHP */
	uint8_t path0;		/* 0.0.0000's path ended by it, or 0 */
	uint8_t path1;		/* 0.1.0000's (on CHPID 0x41), or 0 */
};

static const struct reset_row reset_rows[] = {
	{ "0.0.0000 on 0x40 ended, 0.1.0000 on 0x41 untouched", 0xff, 0x40,
	  0x80, 0 },
	{ "0.1.0000 on 0x41 ended, 0.0.0000 on 0x40 untouched", 0xff, 0x41,
	  0, 0x80 },
	{ "0.0.0000 runs on 0x41 (path 1): a reset of 0x40 leaves it", 0x40,
	  0x40, 0, 0 },
	{ "both run on 0x41: both ended, each with its own path bit", 0x40,
	  0x41, 0x40, 0x80 },
};

/*
 * The subchannel @sid after the reset: ended by it (@path != 0) with
 * interface-control check and a format-0 ESW, or still active and then
 * ending normally.
 */
static void check_after_reset(struct fx *f, uint32_t sid, uint8_t path,
			      uint8_t used, const char *cite)
{
	struct ccwa_irb irb;
	struct ccwa_schib sc;

	ck_assert_int_eq(sim_css_sch_schib(f->css, (sid >> 17) & 3, 0, &sc),
			 0);
	if (!path) {
		/* Untouched: still subchannel and device active (§3.1). */
		ck_assert_msg(ccwa_get_be32(sc.scsw.b) == 0x008040c0,
			      "%s: %x.%x.0000 SCSW %08x, want 008040c0", cite,
			      0, (sid >> 17) & 3, ccwa_get_be32(sc.scsw.b));
		return;
	}
	irb = tsch_sid(f, sid, 0);
	/*
	 * §2.12, docs/css.md: L (format-0 ESW), FC start, AC 0, SC alert +
	 * primary + secondary + pending.
	 */
	ck_assert_msg(irb_word(&irb, 0) == 0x04804017,
		      "%s: SCSW %08x, want 04804017", cite, irb_word(&irb, 0));
	/* §4.14 (as for a halt signal): the current CCW + 8. */
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 8);
	/* §1.5: subchannel status interface-control check. */
	ck_assert_uint_eq(irb.scsw.b[9], 0x02);
	/*
	 * §1.7 subchannel logout: LPUM = the path (bits 8-15), FVF LPUM
	 * valid (bit 17, 0x4000) and TC valid (bit 18, 0x2000), TC 00 "halt
	 * signal issued" (bits 24-25), I/O-error alert (bit 28, 0x08).
	 */
	ck_assert_msg(irb_word(&irb, 3) == ((uint32_t)path << 16 | 0x6008),
		      "%s: logout %08x, want %08x", cite, irb_word(&irb, 3),
		      (uint32_t)path << 16 | 0x6008);
	ck_assert_uint_eq(irb_word(&irb, 4), 0);	/* ERW */
	ck_assert_uint_eq(irb_word(&irb, 5), 0);
	ck_assert_uint_eq(irb_word(&irb, 6), 0);
	ck_assert_uint_eq(irb_word(&irb, 7), 0);
	ck_assert_uint_eq(used, path);
}

/*
 * §2.12, §9.11, docs/css.md "RCHP and I/O in progress on the path": the
 * reset ends every operation using that path with interface-control
 * check, alert + primary + secondary and a format-0 ESW whose logout
 * names the path; operations on other paths go on and end normally.  The
 * device is stopped: no status follows.  The solicited CRW comes last.
 */
START_TEST(test_rchp_ends_operations_on_path)
{
	const struct reset_row *r = &reset_rows[_i];
	struct ccwa_schib sc;
	uint8_t lpum0, lpum1;
	struct fx f;

	fx_init(&f, NULL);
	enable_sid(&f, SID1);
	if (r->lpm0 == 0xff) {
		fx_reach(&f, ST_ACTIVE);	/* a 1 ms NOP on path 0 */
		nop_takes(&f, SIM_MS(1));
	} else {
		fx_enable(&f);
		nop_takes(&f, SIM_MS(1));
		fx_orb(&f, 0, r->lpm0);
		expect_io(fx_ssch(&f), 0);
	}
	put_orb(&f, ORB1, 0xff);
	expect_io(sim_css_ssch(f.css, &f.cpu, SID1, ORB1), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x008040c0);
	ck_assert_int_eq(sim_css_sch_schib(f.css, 0, 0, &sc), 0);
	lpum0 = sc.pmcw.b[10];
	ck_assert_uint_eq(lpum0, r->lpm0 == 0xff ? 0x80 : 0x40);
	ck_assert_int_eq(sim_css_sch_schib(f.css, 1, 0, &sc), 0);
	lpum1 = sc.pmcw.b[10];
	ck_assert_uint_eq(lpum1, 0x80);

	expect_io(sim_css_rchp(f.css, &f.cpu, r->chpid), 0);
	fx_run(&f, SIM_US(100));
	check_after_reset(&f, SID0, r->path0, lpum0, r->cite);
	check_after_reset(&f, SID1, r->path1, lpum1, r->cite);
	expect_crw(&f, 0, 0x44020000u | r->chpid);
	expect_crw(&f, 1, 0);

	/* Later: untouched operations end normally, ended ones stay ended. */
	fx_run(&f, SIM_MS(2));
	if (r->path0) {
		tsch_sid(&f, SID0, 1);
	} else {
		struct ccwa_irb irb = tsch_sid(&f, SID0, 0);

		ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
		ck_assert_uint_eq(irb_word(&irb, 3), (uint32_t)lpum0 << 16);
	}
	if (r->path1) {
		tsch_sid(&f, SID1, 1);
	} else {
		struct ccwa_irb irb = tsch_sid(&f, SID1, 0);

		ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
		ck_assert_uint_eq(irb_word(&irb, 3), 0x00800000);
	}
	fx_fini(&f);
}
END_TEST

/*
 * §2.12: RCHP of a path with no operation on it, while another subchannel
 * idles on it, changes no subchannel: 0.0.0000 stays idle, not status
 * pending, masks unchanged.
 */
START_TEST(test_rchp_idle_path_no_status)
{
	uint8_t s[52];
	struct fx f;

	fx_init(&f, NULL);
	fx_enable(&f);
	expect_io(sim_css_rchp(f.css, &f.cpu, 0x40), 0);
	fx_run(&f, SIM_US(100));
	stsch(&f, SID0, s);
	ck_assert_uint_eq(SCSW_W0(s), 0);
	ck_assert_uint_eq(PAM(s), 0xc0);
	ck_assert_uint_eq(POM(s), 0xff);
	ck_assert_uint_eq(PNOM(s), 0x00);
	ck_assert_uint_eq(s[5] & 0x80, 0x80);	/* still enabled */
	tsch_sid(&f, SID0, 1);
	expect_crw(&f, 0, 0x44020040);
	fx_fini(&f);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("css_paths");
	TCase *m = tcase_create("masks");
	TCase *rc = tcase_create("rchp");

	tcase_add_test(m, test_paths_initial_masks_stsch);
	tcase_add_loop_test(m, test_chp_vary_pam_and_crw, 0,
			    sizeof(vary_rows) / sizeof(vary_rows[0]));
	tcase_add_loop_test(m, test_start_path_selection_table, 0,
			    sizeof(sel_rows) / sizeof(sel_rows[0]));
	tcase_add_loop_test(m, test_csch_resets_pom_pnom, 0, 2);
	tcase_add_loop_test(rc, test_rchp_checks_table, 0,
			    sizeof(rchp_rows) / sizeof(rchp_rows[0]));
	tcase_add_test(rc, test_rchp_busy_then_solicited_crw);
	tcase_add_loop_test(rc, test_rchp_ends_operations_on_path, 0,
			    sizeof(reset_rows) / sizeof(reset_rows[0]));
	tcase_add_test(rc, test_rchp_idle_path_no_status);
	suite_add_tcase(s, m);
	suite_add_tcase(s, rc);
	return s;
}
