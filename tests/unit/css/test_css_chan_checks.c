// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The channel-program engine's checks and endings, condition by condition
 * (facts §3.2-§3.5, §4.1, §4.4, §4.8, §4.10, §4.11, §4.13, §4.14, §1.7,
 * §11 A2/A5/A6/A7/A12/A13/A19): program and protection checks with their
 * CCW address, the device status that ends a chain, unit check and sense
 * (kept, or concurrent in the ECW), PCI, suspend and resume, and a walk of
 * HSCH and CSCH over every point of a five-CCW program.
 *
 * Every expected word is typed here from the cited section; nothing is
 * computed by the code under test.  SCSW word 0 values used throughout
 * (ORB format 1, key 0 unless the row says otherwise):
 *   0x00804400  start pending            0x008040c0  subchannel+device active
 *   0x00804007  primary+secondary        0x00804017  ... + alert
 *   0x00804045  primary only, device active (channel end, device end to come)
 *   0x01804011  deferred cc 1, alert     0x008040c9  PCI intermediate, active
 *   0x08804029  suspended + intermediate (ORB S)
 *   0x00806001  halt completion, status pending alone (FC start+halt)
 *   0x00001001  clear completion (bytes 0-1 zero, FC clear, SC pending)
 */
#include <string.h>

#include <ccwsim/arch/be.h>

#include "check_main.h"
#include "css_fixture.h"

#define ORB_F	0x00800000u		/* format-1 CCWs */
#define ORB_S	0x08000000u
#define ORB_I	0x00200000u
#define ORB_U	0x00080000u
#define ORB_D	0x00000040u
#define KEY(k)	((uint32_t)(k) << 28)
#define CCW(i)	(FX_CCW + 8u * (i))
#define ANY	0xffffffffu		/* not meaningful: not asserted */

#define CD	CCWA_CCW_FLAG_CD
#define CC	CCWA_CCW_FLAG_CC
#define SLI	CCWA_CCW_FLAG_SLI
#define PCI	CCWA_CCW_FLAG_PCI
#define SUS	CCWA_CCW_FLAG_SUSPEND
#define MIDA	CCWA_CCW_FLAG_MIDA
#define NOP	CCWA_CMD_NOP
#define TIC	CCWA_CMD_TIC

#define CE	CCWA_DEV_STAT_CHN_END
#define DE	CCWA_DEV_STAT_DEV_END
#define UC	CCWA_DEV_STAT_UNIT_CHECK
#define UE	CCWA_DEV_STAT_UNIT_EXCEP
#define ATTN	CCWA_DEV_STAT_ATTENTION
#define CUE	CCWA_DEV_STAT_CU_END
#define BUSY	CCWA_DEV_STAT_BUSY
#define SM	CCWA_DEV_STAT_MOD

/* Device status << 8 | subchannel status (IRB word 2 bits 0-15). */
#define ST_PGM	0x0020u
#define ST_PROT	0x0010u
#define ST_OK	0x0c00u

#define BIG_MEM	(32u << 20)		/* a machine past 16 MiB (format 0) */
#define BUF	0x20000u		/* data areas */
#define SBUF	0x30000u		/* sense data */

/* ---- helpers ---- */

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

static uint32_t scsw_word(struct fx *f, unsigned w)
{
	struct ccwa_scsw s = fx_scsw(f);

	return ccwa_get_be32(s.b + 4 * w);
}

static struct sim_testdev_stats stats(struct fx *f)
{
	struct sim_testdev_stats st;

	sim_testdev_stats(f->dev, &st);
	return st;
}

static uint8_t byte_at(struct fx *f, uint32_t addr)
{
	uint8_t b = 0;

	sim_mem_read(f->mem, addr, &b, 1, 0, NULL);
	return b;
}

/* The ORB at FX_ORB: word 1 = @w1 with LPM 0xff, channel program at @cpa. */
static void put_orb(struct fx *f, uint32_t w1, uint32_t cpa)
{
	uint8_t orb[12];

	ccwa_put_be32(orb, 0x0ccc0001);
	ccwa_put_be32(orb + 4, w1 | 0x0000ff00u);
	ccwa_put_be32(orb + 8, cpa);
	ck_assert_int_eq(sim_mem_write(f->mem, FX_ORB, orb, 12, 0, NULL), 0);
}

static void put_ccw(struct fx *f, uint32_t at, const uint8_t b[8])
{
	ck_assert_int_eq(sim_mem_write(f->mem, at, b, 8, 0, NULL), 0);
}

static void set_cmd(struct fx *f, uint8_t code, const struct sim_testdev_cmd *c)
{
	ck_assert_int_eq(sim_testdev_set(f->dev, code, c), 0);
}

static void nop_takes(struct fx *f, sim_vtime delay, sim_vtime de_delay,
		      uint8_t end)
{
	struct sim_testdev_cmd c = { .end = end, .delay = delay,
				     .de_delay = de_delay };

	set_cmd(f, NOP, &c);
}

/*
 * The fixture's machine with 32 MiB instead of 16, so that "format 0
 * above 16 MiB" is not also "outside storage": 0.0.0000 with the test
 * device 0x1234 on paths 0x40 and 0x41, as in css_fixture.c.
 */
static void big_init(struct fx *f, const struct sim_css_compat *compat)
{
	struct sim_css_cfg cfg = { .nsets = 1, .facilities = SIM_FAC_DEFAULT };
	struct sim_sch_def d0 = {
		.devno = 0x1234, .pim = 0xc0, .chpid = { 0x40, 0x41 },
	};

	memset(f, 0, sizeof(*f));
	f->q = sim_evq_create();
	f->mem = sim_mem_create(BIG_MEM);
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
	ck_assert_int_eq(sim_css_sch_define(f->css, 0, 0, &d0, 0), 0);
	f->cpu.cr6 = 0xff;
	f->sid = FX_SID;
}

/* fx_enable() plus PMCW S (concurrent sense): SCHIB byte 27 mask 0x01. */
static void enable_csense(struct fx *f)
{
	struct sim_io r;
	uint8_t s[52];

	r = sim_css_stsch(f->css, &f->cpu, FX_SID, FX_OP);
	expect_io(r, 0);
	sim_mem_read(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	ccwa_put_be32(s, 0x0ccc0000);
	s[4] = 0x18;				/* ISC 3 */
	s[5] |= 0x80;				/* E */
	s[27] |= 0x01;				/* S */
	sim_mem_write(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	expect_io(sim_css_msch(f->css, &f->cpu, FX_SID, FX_OP), 0);
}

/* CCW images: format 1 and format 0 (§1.3). */
struct ccw_img {
	uint32_t at;			/* 0: no CCW */
	uint8_t b[8];
};

#define C1(at, cmd, fl, cnt, cda)					\
	{ at, { cmd, fl, (cnt) >> 8 & 0xff, (cnt) & 0xff,		\
		(cda) >> 24 & 0xff, (cda) >> 16 & 0xff,			\
		(cda) >> 8 & 0xff, (cda) & 0xff } }
#define C0(at, cmd, fl, cnt, cda)					\
	{ at, { cmd, (cda) >> 16 & 0xff, (cda) >> 8 & 0xff,		\
		(cda) & 0xff, fl, 0, (cnt) >> 8 & 0xff, (cnt) & 0xff } }

/* ======================================================================
 * 1 and 2. Program checks (§4.10) and protection checks on the CCW fetch
 * (§4.1 step 2).  After either, §4.10 and §3.2 step 2: SC primary +
 * secondary + alert + pending (x'17'), AC 0, device status 0, the CCW
 * address the §4.10 table gives; the residual count is unpredictable
 * (§4.10, §11 B) and is never asserted for a check.  A check found on
 * command chaining comes after the device ended the previous command
 * with CE+DE, so the device status is 0 there too.
 *
 * Note on "invalid CCW-address specification from command chaining":
 * command chaining continues at the CCW + 8 (§4.4), which is doubleword
 * aligned whenever the CCW was, so chaining cannot produce a misaligned
 * address; the chaining rows instead run off the end of storage and off
 * the 24-bit range of format 0 (§4.1 step 1, "invalid CCW address").
 * The fixture has exactly 16 MiB, so there "format 0, at or above 16 MiB"
 * and "outside storage" coincide; the rows marked big use a 32 MiB
 * machine where only the format-0 rule applies.
 * ====================================================================== */

struct pgm_row {
	const char *cite;
	uint8_t big;			/* 32 MiB machine */
	uint8_t ticbad, cmdchk;		/* compat switches */
	uint32_t orb1;			/* ORB word 1 without LPM */
	uint32_t cpa;			/* ORB channel-program address */
	uint32_t w0, w1;		/* SCSW words 0 and 1 */
	uint16_t st;			/* device << 8 | subchannel status */
	uint32_t count;			/* residual, or ANY */
	unsigned commands;		/* commands offered to the device */
	struct ccw_img ccw[4];
};

#define TB_T	SIM_TICBAD_TARGET_PLUS8
#define LATE	SIM_CMDCHK_LATE

#define P(cite, big, tb, ck, orb1, cpa, w0, w1, st, cnt, cmds, ...)	\
	{ cite, big, tb, ck, orb1, cpa, w0, w1, st, cnt, cmds, { __VA_ARGS__ } }

static const struct pgm_row pgm_rows[] = {
	/* §4.10 row 1: invalid CCW-address specification */
	P("§4.10 ORB CCW address not doubleword aligned (+4): address + 8",
	  0, 0, 0, ORB_F, CCW(0) + 4, 0x00804017, 0x0000200c, ST_PGM, ANY, 0,
	  C1(CCW(0), NOP, SLI, 1, 0)),
	P("§4.10 ORB CCW address odd (+1): address + 8",
	  0, 0, 0, ORB_F, CCW(0) + 1, 0x00804017, 0x00002009, ST_PGM, ANY, 0,
	  C1(CCW(0), NOP, SLI, 1, 0)),
	P("§4.8, §4.10 TIC to a misaligned address: TIC + 8 (§11 A12 default)",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), TIC, 0, 0, 0x2104)),
	P("§11 A12 ticbad target+8: TIC to a misaligned address",
	  0, TB_T, 0, ORB_F, CCW(0), 0x00804017, 0x0000210c, ST_PGM, ANY, 0,
	  C1(CCW(0), TIC, 0, 0, 0x2104)),
	P("§4.8, §4.10 chained TIC to a misaligned address: TIC + 8",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002010, ST_PGM, ANY, 1,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), TIC, 0, 0, 0x2104)),
	P("§11 A12 ticbad target+8: chained TIC to a misaligned address",
	  0, TB_T, 0, ORB_F, CCW(0), 0x00804017, 0x0000210c, ST_PGM, ANY, 1,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), TIC, 0, 0, 0x2104)),
	/* §4.10 row 2: invalid CCW address */
	P("§4.1 step 1 ORB CCW address outside storage: address + 8",
	  0, 0, 0, ORB_F, FX_MEM, 0x00804017, 0x01000008, ST_PGM, ANY, 0,
	  C1(CCW(0), NOP, SLI, 1, 0)),
	P("§4.1 step 1 command chaining off the end of storage",
	  0, 0, 0, ORB_F, FX_MEM - 8, 0x00804017, 0x01000008, ST_PGM, ANY, 1,
	  C1(FX_MEM - 8, NOP, CC | SLI, 1, 0)),
	P("§4.8, §4.10 TIC to outside storage: TIC + 8",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), TIC, 0, 0, 0x02000000)),
	P("§11 A12 ticbad target+8: TIC to outside storage",
	  0, TB_T, 0, ORB_F, CCW(0), 0x00804017, 0x02000008, ST_PGM, ANY, 0,
	  C1(CCW(0), TIC, 0, 0, 0x02000000)),
	P("§1.2, §4.1 format-0 ORB at 16 MiB (16 MiB fixture: also outside)",
	  0, 0, 0, 0, FX_MEM, 0x00004017, 0x01000008, ST_PGM, ANY, 0,
	  C0(CCW(0), NOP, SLI, 1, 0)),
	P("§1.2 format-0 ORB address bits 1-7 nonzero (in storage)",
	  1, 0, 0, 0, 0x01002000, 0x00004017, 0x01002008, ST_PGM, ANY, 0,
	  C0(0x01002000, NOP, SLI, 1, 0)),
	P("§1.2 the same address with format 1 is valid (control)",
	  1, 0, 0, ORB_F, 0x01002000, 0x00804007, 0x01002008, ST_OK, 1, 1,
	  C1(0x01002000, NOP, SLI, 1, 0)),
	P("§4.1 step 1 format-0 command chaining across 16 MiB",
	  1, 0, 0, 0, 0x00fffff8, 0x00004017, 0x01000008, ST_PGM, ANY, 1,
	  C0(0x00fffff8, NOP, CC | SLI, 1, 0), C0(0x01000000, NOP, SLI, 1, 0)),
	P("§4.1 step 1 format-1 command chaining across 16 MiB (control)",
	  1, 0, 0, ORB_F, 0x00fffff8, 0x00804007, 0x01000008, ST_OK, 1, 2,
	  C1(0x00fffff8, NOP, CC | SLI, 1, 0), C1(0x01000000, NOP, SLI, 1, 0)),
	/* §4.10 row 3: invalid command code */
	P("§4.10 first CCW command code 0x00: CCW + 8, device not selected",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), 0x00, SLI, 1, 0)),
	P("§4.10 first CCW command code 0xf0",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), 0xf0, SLI, 1, 0)),
	P("§4.10 format-0 first CCW command code 0x00",
	  0, 0, 0, 0, CCW(0), 0x00004017, 0x00002008, ST_PGM, ANY, 0,
	  C0(CCW(0), 0x00, SLI, 1, 0)),
	P("§4.10 chained CCW command code 0x00: device status 0",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002010, ST_PGM, ANY, 1,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), 0x00, SLI, 1, 0)),
	P("§4.10 format-0 chained CCW command code 0x40",
	  0, 0, 0, 0, CCW(0), 0x00004017, 0x00002010, ST_PGM, ANY, 1,
	  C0(CCW(0), NOP, CC | SLI, 1, 0), C0(CCW(1), 0x40, SLI, 1, 0)),
	P("§1.3, §4.10 format-1 code 0x18 (xxxx1000 not 0x08)",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), 0x18, 0, 0, CCW(2)), C1(CCW(2), NOP, SLI, 1, 0)),
	P("§1.3, §4.10 format-1 code 0xf8",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), 0xf8, 0, 0, CCW(2)), C1(CCW(2), NOP, SLI, 1, 0)),
	P("§1.3, §4.10 format-1 code 0x28 on command chaining",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002010, ST_PGM, ANY, 1,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), 0x28, 0, 0, CCW(3)),
	  C1(CCW(3), NOP, SLI, 1, 0)),
	/* §4.10 row 5: invalid CCW format (format-1 TIC) */
	P("§4.8, §4.10 format-1 TIC with flags (CC): TIC + 8",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), TIC, CC, 0, CCW(2)), C1(CCW(2), NOP, SLI, 1, 0)),
	P("§4.8, §4.10 format-1 TIC with count 8",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), TIC, 0, 8, CCW(2)), C1(CCW(2), NOP, SLI, 1, 0)),
	P("§4.8, §4.10 chained format-1 TIC with the PCI flag",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002010, ST_PGM, ANY, 1,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), TIC, PCI, 0, CCW(3)),
	  C1(CCW(3), NOP, SLI, 1, 0)),
	P("§1.3, §4.8 format-0 TIC: flags and count ignored",
	  0, 0, 0, 0, CCW(0), 0x00004007, 0x00002018, ST_OK, 1, 1,
	  C0(CCW(0), TIC, CC, 5, CCW(2)), C0(CCW(2), NOP, SLI, 1, 0)),
	P("§1.3 format-0 code 0x18 is a TIC (high nibble ignored)",
	  0, 0, 0, 0, CCW(0), 0x00004007, 0x00002018, ST_OK, 1, 1,
	  C0(CCW(0), 0x18, 0, 0, CCW(2)), C0(CCW(2), NOP, SLI, 1, 0)),
	P("§1.3 format-0 code 0xf8 is a TIC",
	  0, 0, 0, 0, CCW(0), 0x00004007, 0x00002018, ST_OK, 1, 1,
	  C0(CCW(0), 0xf8, 0, 0, CCW(2)), C0(CCW(2), NOP, SLI, 1, 0)),
	/* §4.10 row 4: invalid count */
	P("§4.7, §4.10 format-0 count 0",
	  0, 0, 0, 0, CCW(0), 0x00004017, 0x00002008, ST_PGM, ANY, 0,
	  C0(CCW(0), NOP, SLI, 0, 0)),
	P("§4.7, §4.10 format-0 count 0 on command chaining",
	  0, 0, 0, 0, CCW(0), 0x00004017, 0x00002010, ST_PGM, ANY, 1,
	  C0(CCW(0), NOP, CC | SLI, 1, 0), C0(CCW(1), NOP, SLI, 0, 0)),
	P("§4.7, §4.10 format-1 count 0 with CD",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), NOP, CD, 0, 0), C1(CCW(1), NOP, SLI, 1, 0)),
	P("§4.7, §4.10 format-1 count 0 with CD on command chaining",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002010, ST_PGM, ANY, 1,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), NOP, CD, 0, 0),
	  C1(CCW(2), NOP, SLI, 1, 0)),
	P("§4.7 format-1 count 0 without CD is allowed, residual 0",
	  0, 0, 0, ORB_F, CCW(0), 0x00804007, 0x00002008, ST_OK, 0, 1,
	  C1(CCW(0), NOP, 0, 0, 0)),
	/* §4.10 row 5: MIDA */
	P("§1.3, §4.10 format-0 CCW with the MIDA bit (flag bit 39)",
	  0, 0, 0, 0, CCW(0), 0x00004017, 0x00002008, ST_PGM, ANY, 0,
	  C0(CCW(0), NOP, SLI | MIDA, 1, 0)),
	P("§4.1 step 6, §4.10 MIDA without the facility (ORB D=0)",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), NOP, SLI | MIDA, 1, 0)),
	P("§4.1 step 6, §4.10 MIDA without the facility, chained",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002010, ST_PGM, ANY, 1,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), NOP, SLI | MIDA, 1, 0)),
	/* §4.10 row 6: invalid suspend flag */
	P("§3.3, §4.10 S flag with ORB S=0, first CCW",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), NOP, SUS | SLI, 1, 0)),
	P("§3.3, §4.10 S flag with ORB S=0, chained CCW",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002010, ST_PGM, ANY, 1,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), NOP, SUS | SLI, 1, 0)),
	/* §4.10 row 7: invalid sequence */
	P("§4.8, §4.10 TIC to TIC: second TIC + 8",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002018, ST_PGM, ANY, 0,
	  C1(CCW(0), TIC, 0, 0, CCW(2)), C1(CCW(2), TIC, 0, 0, CCW(4)),
	  C1(CCW(4), NOP, SLI, 1, 0)),
	P("§4.8, §4.10 TIC to TIC on command chaining: second TIC + 8",
	  0, 0, 0, ORB_F, CCW(0), 0x00804017, 0x00002028, ST_PGM, ANY, 1,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), TIC, 0, 0, CCW(4)),
	  C1(CCW(4), TIC, 0, 0, CCW(0))),
	P("§4.8, §4.10 format-0 TIC to TIC (0x08 then 0x18)",
	  0, 0, 0, 0, CCW(0), 0x00004017, 0x00002018, ST_PGM, ANY, 0,
	  C0(CCW(0), TIC, 0, 0, CCW(2)), C0(CCW(2), 0x18, 0, 0, CCW(4)),
	  C0(CCW(4), NOP, SLI, 1, 0)),
	/* §4.8, §9.8: TIC accepted */
	P("§4.8 a TIC as the first CCW is accepted",
	  0, 0, 0, ORB_F, CCW(0), 0x00804007, 0x00002018, ST_OK, 1, 1,
	  C1(CCW(0), TIC, 0, 0, CCW(2)), C1(CCW(2), NOP, SLI, 1, 0)),
	P("§4.8 a TIC carries command chaining on",
	  0, 0, 0, ORB_F, CCW(0), 0x00804007, 0x00002028, ST_OK, 1, 2,
	  C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), TIC, 0, 0, CCW(4)),
	  C1(CCW(4), NOP, SLI, 1, 0)),
	/* §4.1 step 4 vs step 7, §11 A19: when the command code is checked */
	P("§4.1 order: invalid code with S (ORB S=1) is a program check",
	  0, 0, 0, ORB_F | ORB_S, CCW(0), 0x08804017, 0x00002008, ST_PGM, ANY,
	  0, C1(CCW(0), 0x00, SUS | SLI, 1, 0)),
	P("§11 A19 cmdchk late: invalid code with S suspends (x'29')",
	  0, 0, LATE, ORB_F | ORB_S, CCW(0), 0x08804029, 0x00002008, 0x0000,
	  1, 0, C1(CCW(0), 0x00, SUS | SLI, 1, 0)),
	P("§11 A19 cmdchk late: invalid code without S, program check",
	  0, 0, LATE, ORB_F, CCW(0), 0x00804017, 0x00002008, ST_PGM, ANY, 0,
	  C1(CCW(0), 0x00, SLI, 1, 0)),
	P("§11 A19 cmdchk late: chained invalid code with S suspends",
	  0, 0, LATE, ORB_F | ORB_S, CCW(0), 0x08804029, 0x00002010, 0x0000,
	  3, 1, C1(CCW(0), NOP, CC | SLI, 1, 0), C1(CCW(1), 0x00, SUS | SLI, 3, 0)),
	/* §4.1 step 2, §0: the ORB key on the CCW fetch (FX_PROT: key 5, F) */
	P("§4.1 step 2 CCW in a fetch-protected page, ORB key 3: CCW + 8",
	  0, 0, 0, ORB_F | KEY(3), FX_PROT, 0x30804017, FX_PROT + 8, ST_PROT,
	  ANY, 0, C1(FX_PROT, NOP, SLI, 1, 0)),
	P("§4.1 step 2 the same CCW with ORB key 5 (matching)",
	  0, 0, 0, ORB_F | KEY(5), FX_PROT, 0x50804007, FX_PROT + 8, ST_OK,
	  1, 1, C1(FX_PROT, NOP, SLI, 1, 0)),
	P("§4.1 step 2 the same CCW with ORB key 0 (master key)",
	  0, 0, 0, ORB_F, FX_PROT, 0x00804007, FX_PROT + 8, ST_OK, 1, 1,
	  C1(FX_PROT, NOP, SLI, 1, 0)),
	P("§4.1 step 2 format-0, ORB key 3, fetch-protected CCW",
	  0, 0, 0, KEY(3), FX_PROT, 0x30004017, FX_PROT + 8, ST_PROT, ANY, 0,
	  C0(FX_PROT, NOP, SLI, 1, 0)),
	P("§4.1 step 2 ORB key 3, chained into the protected page",
	  0, 0, 0, ORB_F | KEY(3), FX_PROT - 8, 0x30804017, FX_PROT + 8,
	  ST_PROT, ANY, 1, C1(FX_PROT - 8, NOP, CC | SLI, 1, 0),
	  C1(FX_PROT, NOP, SLI, 1, 0)),
	P("§4.1 step 2 ORB key 5, chained into the protected page",
	  0, 0, 0, ORB_F | KEY(5), FX_PROT - 8, 0x50804007, FX_PROT + 8, ST_OK,
	  1, 2, C1(FX_PROT - 8, NOP, CC | SLI, 1, 0),
	  C1(FX_PROT, NOP, SLI, 1, 0)),
	P("§4.1 step 2 ORB key 3 on an unprotected key-0 page (control)",
	  0, 0, 0, ORB_F | KEY(3), CCW(0), 0x30804007, 0x00002008, ST_OK, 1, 1,
	  C1(CCW(0), NOP, SLI, 1, 0)),
};

START_TEST(test_ccw_check_each_condition_scsw)
{
	const struct pgm_row *r = &pgm_rows[_i];
	struct sim_css_compat c;
	struct fx f;
	struct ccwa_irb irb;
	uint32_t w2;

	sim_css_compat_profile(&c, SIM_COMPAT_POPS);
	c.ticbad = r->ticbad;
	c.cmdchk = r->cmdchk;
	if (r->big)
		big_init(&f, &c);
	else
		fx_init(&f, &c);
	fx_enable(&f);
	for (unsigned k = 0; k < 4; k++)
		if (r->ccw[k].at)
			put_ccw(&f, r->ccw[k].at, r->ccw[k].b);
	put_orb(&f, r->orb1, r->cpa);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	w2 = irb_word(&irb, 2);
	ck_assert_msg(irb_word(&irb, 0) == r->w0, "%s: SCSW word 0 %08x, want %08x",
		      r->cite, irb_word(&irb, 0), r->w0);
	ck_assert_msg(irb_word(&irb, 1) == r->w1, "%s: CCW address %08x, want %08x",
		      r->cite, irb_word(&irb, 1), r->w1);
	ck_assert_msg((w2 >> 16) == r->st, "%s: status %04x, want %04x",
		      r->cite, w2 >> 16, r->st);
	if (r->count != ANY)
		ck_assert_msg((w2 & 0xffff) == r->count, "%s: count %u, want %u",
			      r->cite, w2 & 0xffff, r->count);
	ck_assert_msg(stats(&f).commands == r->commands,
		      "%s: %u commands, want %u", r->cite,
		      (unsigned)stats(&f).commands, r->commands);
	fx_fini(&f);
}
END_TEST

/* §2.1: ORB D without the MIDAW facility is an operand exception. */
START_TEST(test_orb_d_without_midaw_facility_operand_exception)
{
	struct fx f;
	struct sim_io r;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, NOP, SLI | MIDA, 1, 0);
	put_orb(&f, ORB_F | ORB_D, CCW(0));
	r = fx_ssch(&f);
	ck_assert_int_eq(r.err, 0);
	ck_assert_uint_eq(r.pic, CCWA_PGM_OPERAND);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0);
	fx_fini(&f);
}
END_TEST

/*
 * §11 A19 with resume: the late check lets the S flag suspend first; once
 * the program clears S and resumes, the refetched CCW still has the
 * invalid code, and now it is a program check at that CCW + 8 (§3.3
 * refetch, §4.10).
 */
START_TEST(test_cmdchk_late_resume_program_check)
{
	struct sim_css_compat c;
	struct fx f;
	struct ccwa_irb irb;

	sim_css_compat_profile(&c, SIM_COMPAT_POPS);
	c.cmdchk = SIM_CMDCHK_LATE;
	fx_init(&f, &c);
	fx_enable(&f);
	fx_ccw1(&f, 0, 0x00, SUS | SLI, 1, 0);
	put_orb(&f, ORB_F | ORB_S, CCW(0));
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804029);
	fx_ccw1(&f, 0, 0x00, SLI, 1, 0);
	expect_io(sim_css_rsch(f.css, &f.cpu, FX_SID), 0);
	fx_run(&f, SIM_US(10));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804017);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 16, ST_PGM);
	ck_assert_uint_eq(stats(&f).commands, 0);
	fx_fini(&f);
}
END_TEST

/* ======================================================================
 * 3. Device status (§4.11, §4.4, §3.7).  The program: CCW 0 a NOP with
 * CC, CCW 1 a command (NOP, or one set per row) without CC, count 1;
 * CCW 2 a NOP count 2, reached only by the status-modifier skip.  Every
 * NOP ends with the row's status (the device's answer is per command
 * code).  All with SLI; the count is meaningful (§1.5: primary status,
 * no subchannel status).
 * ====================================================================== */

struct dev_row {
	const char *cite;
	uint8_t end;			/* CCW 0's ending status */
	sim_vtime de_delay;		/* device end this much after CE */
	uint8_t cmd1;			/* CCW 1's command */
	uint8_t answer1;		/* its initial status, 0 = accepted */
	uint32_t w0, w1, w2;
	unsigned commands;
};

static const struct dev_row dev_rows[] = {
	{ "§3.2, §4.4 CE+DE: chaining goes on to the end",
	  CE | DE, 0, NOP, 0, 0x00804007, CCW(1) + 8, 0x0c000001, 2 },
	/* CCW 2, without CC, ends with CE+DE+SM too: no skip there, so the
	 * SM is presented (§4.4: hidden only when it causes the skip), not
	 * alert (§3.7), and the CCW address is CCW 2 + 8 (§4.14). */
	{ "§4.4 CE+DE+SM: the next CCW is skipped",
	  CE | DE | SM, 0, NOP, 0, 0x00804007, CCW(2) + 8, 0x4c000002, 2 },
	{ "§4.4, §4.11 unit check ends the chain, alert",
	  CE | DE | UC, 0, NOP, 0, 0x00804017, CCW(0) + 8, 0x0e000001, 1 },
	{ "§4.4, §4.11 unit exception ends the chain, alert",
	  CE | DE | UE, 0, NOP, 0, 0x00804017, CCW(0) + 8, 0x0d000001, 1 },
	{ "§4.4, §4.11 attention with CE+DE ends the chain, alert (§3.7)",
	  CE | DE | ATTN, 0, NOP, 0, 0x00804017, CCW(0) + 8, 0x8c000001, 1 },
	{ "§4.4 control-unit end with CE+DE ends the chain, no alert (§3.7)",
	  CE | DE | CUE, 0, NOP, 0, 0x00804007, CCW(0) + 8, 0x2c000001, 1 },
	{ "§4.4 CE alone: chaining waits for DE, then goes on",
	  CE | DE, SIM_US(5), NOP, 0, 0x00804007, CCW(1) + 8, 0x0c000001, 2 },
	{ "§4.4 CE, then DE with unit check: chain suppressed, DE+UC no CE",
	  CE | DE | UC, SIM_US(5), NOP, 0, 0x00804017, CCW(0) + 8, 0x06000001, 1 },
	{ "§4.4 CE, then DE with unit exception: DE+UE no CE",
	  CE | DE | UE, SIM_US(5), NOP, 0, 0x00804017, CCW(0) + 8, 0x05000001, 1 },
	/*
	 * A command the device refuses on command chaining ends the chain
	 * with the refusing status (§4.4); the device never took the command,
	 * so no device end follows: primary + secondary, AC 0 (§3.7; the
	 * engine's documented reading in docs/chan.md).  The CCW was not
	 * executed, so its residual is its whole count.
	 */
	{ "§4.4 busy on a chained command ends the chain, busy + alert",
	  CE | DE, 0, 0x07, BUSY, 0x00804017, CCW(1) + 8, 0x10000001, 2 },
	{ "§4.4 busy + SM (control unit busy) on a chained command",
	  CE | DE, 0, 0x07, BUSY | SM, 0x00804017, CCW(1) + 8, 0x50000001, 2 },
	{ "§4.11 command reject (unit check) on a chained command",
	  CE | DE, 0, 0x13, 0, 0x00804017, CCW(1) + 8, 0x02000001, 2 },
};

START_TEST(test_devstat_chain_end_conditions_scsw)
{
	const struct dev_row *r = &dev_rows[_i];
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	nop_takes(&f, SIM_US(1), r->de_delay, r->end);
	if (r->answer1) {
		struct sim_testdev_cmd c = { .answer = r->answer1 };

		set_cmd(&f, r->cmd1, &c);
	}
	fx_ccw1(&f, 1, r->cmd1, SLI, 1, 0);
	fx_ccw1(&f, 2, NOP, SLI, 2, 0);
	fx_ccw1(&f, 0, NOP, CC | SLI, 1, 0);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_msg(irb_word(&irb, 0) == r->w0, "%s: SCSW word 0 %08x, want %08x",
		      r->cite, irb_word(&irb, 0), r->w0);
	ck_assert_msg(irb_word(&irb, 1) == r->w1, "%s: CCW address %08x, want %08x",
		      r->cite, irb_word(&irb, 1), r->w1);
	ck_assert_msg(irb_word(&irb, 2) == r->w2, "%s: word 2 %08x, want %08x",
		      r->cite, irb_word(&irb, 2), r->w2);
	ck_assert_msg(stats(&f).commands == r->commands,
		      "%s: %u commands, want %u", r->cite,
		      (unsigned)stats(&f).commands, r->commands);
	/* §3.10 case B: nothing is left active; no more status arrives. */
	ck_assert_msg(fx_scsw_w0(&f) == 0x00800000, "%s: after TSCH %08x",
		      r->cite, fx_scsw_w0(&f));
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, NULL), 1);
	fx_fini(&f);
}
END_TEST

/*
 * §3.2 step 4: a device busy at initial selection keeps the start
 * pending (x'0400' in AC), unseen by the program: no status, no
 * interruption; when it is free the start goes on to a normal end.
 */
START_TEST(test_busy_at_selection_start_stays_pending)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	sim_testdev_busy(f.dev, SIM_US(5));
	fx_ccw1(&f, 0, NOP, SLI, 1, 0);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(3));
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00804400);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 0);
	expect_io(fx_tsch(&f, NULL), 1);
	fx_run(&f, SIM_US(20));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000001);
	ck_assert_uint_eq(stats(&f).commands, 2);	/* busy, then accepted */
	fx_fini(&f);
}
END_TEST

/*
 * §3.2 steps 6-7, §3.7: channel end first (primary, device still active:
 * x'45'), device end 10 µs later.  _i = 0: TSCH between them, so the
 * device end comes as secondary status alone (x'03', FC 0 as TSCH left
 * it, device status DE); _i = 1: no TSCH, the device end joins the
 * pending primary (x'07', CE+DE) without a second request (§3.9).
 */
START_TEST(test_ce_then_de_primary_then_secondary)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	nop_takes(&f, SIM_US(1), SIM_US(10), CE | DE);
	fx_ccw1(&f, 0, NOP, SLI, 1, 0);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(5));
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00804045);
	ck_assert_uint_eq(scsw_word(&f, 1), CCW(0) + 8);
	ck_assert_uint_eq(scsw_word(&f, 2), 0x08000001);
	if (_i == 0) {
		expect_io(fx_tsch(&f, &irb), 0);
		ck_assert_uint_eq(irb_word(&irb, 0), 0x00804045);
		ck_assert_uint_eq(fx_scsw_w0(&f), 0x00800040);
		fx_run(&f, SIM_US(20));
		ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
		expect_io(fx_tsch(&f, &irb), 0);
		/* Bits 0-15 not meaningful without FC start (§1.5). */
		ck_assert_uint_eq(irb_word(&irb, 0) & 0x0401ffff, 0x00000003);
		ck_assert_uint_eq(irb_word(&irb, 2) >> 16, 0x0400);
	} else {
		fx_run(&f, SIM_US(20));
		ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
		expect_io(fx_tsch(&f, &irb), 0);
		ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
		ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
		ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000001);
	}
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00800000);
	fx_fini(&f);
}
END_TEST

/*
 * §4.11, §1.7, §1.11: a unit check at the end of a command, with the
 * device keeping 24 sense bytes (byte 0 = 0x10, equipment check).
 *   CCW 0 NOP or READ (0x02, 16 bytes) ending CE+DE+UC, with CC: the chain
 *   stops there: x'17', device status x'0E', CCW address CCW 0 + 8.
 * Without concurrent sense (PMCW S=0): E=0, ERW 0; a following SSCH of
 *   SENSE (0x04) count 32 with SLI returns the 24 kept bytes, residual 8,
 *   CE+DE, no IL (SLI).
 * With concurrent sense (PMCW S=1): E=1 (x'0002' in word 0), ERW S=1 and
 *   SCNT=24 in bits 10-15 (IRB word 4 = 0x01180000), ECW bytes 0-23 = the
 *   sense, format-1 ESW word 0 LPUM 0x80.  The sense now counts as read
 *   (§1.11: kept until read; dev.h: what the channel takes "counts as
 *   read"), so the device has no unit-check sense left: the following
 *   SENSE gets the device's no-error sense, byte 0 = 0x00 (no error
 *   bits).  How many bytes a device returns then is device-dependent;
 *   the test device gives one (testdev.c), so residual 31; the point
 *   pinned is that none of the 24 old bytes come back.
 */
static const uint8_t sense24[24] = {
	0x10, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
};

static const struct {
	const char *cite;
	uint8_t read;			/* CCW 0 is a READ, else a NOP */
	uint8_t csense;
} uc_rows[] = {
	{ "§4.11 NOP ends with unit check, sense kept", 0, 0 },
	{ "§4.11 NOP ends with unit check, concurrent sense", 0, 1 },
	{ "§4.11 READ ends with unit check, sense kept", 1, 0 },
	{ "§4.11 READ ends with unit check, concurrent sense", 1, 1 },
};

START_TEST(test_unit_check_sense_kept_or_concurrent)
{
	const char *cite = uc_rows[_i].cite;
	static const uint8_t data16[16] = { 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5,
					    0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb,
					    0xdc, 0xdd, 0xde, 0xdf };
	struct sim_testdev_cmd c = {
		.end = CE | DE | UC, .delay = SIM_US(1),
		.sense = sense24, .nsense = sizeof(sense24),
	};
	struct fx f;
	struct ccwa_irb irb;
	uint8_t ecw[32], buf[32];

	fx_init(&f, NULL);
	if (uc_rows[_i].csense)
		enable_csense(&f);
	else
		fx_enable(&f);
	if (uc_rows[_i].read) {
		c.data = data16;
		c.len = sizeof(data16);
		set_cmd(&f, 0x02, &c);
		fx_ccw1(&f, 0, 0x02, CC | SLI, 16, BUF);
	} else {
		set_cmd(&f, NOP, &c);
		fx_ccw1(&f, 0, NOP, CC | SLI, 1, 0);
	}
	fx_ccw1(&f, 1, 0x0b, SLI, 1, 0);	/* never reached */
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_msg(irb_word(&irb, 0) ==
		      (uc_rows[_i].csense ? 0x00824017u : 0x00804017u),
		      "%s: SCSW word 0 %08x", cite, irb_word(&irb, 0));
	ck_assert_msg(irb_word(&irb, 1) == CCW(0) + 8, "%s: CCW address %08x",
		      cite, irb_word(&irb, 1));
	ck_assert_msg(irb_word(&irb, 2) ==
		      (uc_rows[_i].read ? 0x0e000000u : 0x0e000001u),
		      "%s: word 2 %08x", cite, irb_word(&irb, 2));
	ck_assert_msg(irb_word(&irb, 3) == 0x00800000, "%s: ESW word 0 %08x",
		      cite, irb_word(&irb, 3));
	ck_assert_uint_eq(stats(&f).commands, 1);
	if (uc_rows[_i].csense) {
		ck_assert_msg(irb_word(&irb, 4) == 0x01180000,
			      "%s: ERW %08x", cite, irb_word(&irb, 4));
		memcpy(ecw, (const uint8_t *)&irb + 32, sizeof(ecw));
		ck_assert_msg(memcmp(ecw, sense24, sizeof(sense24)) == 0,
			      "%s: ECW %02x %02x %02x", cite, ecw[0], ecw[1],
			      ecw[2]);
	} else {
		ck_assert_msg(irb_word(&irb, 4) == 0, "%s: ERW %08x", cite,
			      irb_word(&irb, 4));
	}
	if (uc_rows[_i].read)
		ck_assert_uint_eq(byte_at(&f, BUF + 15), 0xdf);
	/* §2.2: TSCH cc 0 discarded the concurrent sense; E is off now. */
	expect_io(fx_tsch(&f, &irb), 1);
	ck_assert_msg((irb_word(&irb, 0) & 0x00020000) == 0, "%s: E after TSCH",
		      cite);

	/* Basic sense. */
	memset(buf, 0xee, sizeof(buf));
	sim_mem_write(f.mem, SBUF, buf, sizeof(buf), 0, NULL);
	fx_ccw1(&f, 0, CCWA_CMD_SENSE, SLI, 32, SBUF);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_msg(irb_word(&irb, 0) == 0x00804007, "%s: SENSE word 0 %08x",
		      cite, irb_word(&irb, 0));
	sim_mem_read(f.mem, SBUF, buf, sizeof(buf), 0, NULL);
	if (uc_rows[_i].csense) {
		ck_assert_msg(irb_word(&irb, 2) == 0x0c00001f,
			      "%s: SENSE word 2 %08x", cite, irb_word(&irb, 2));
		ck_assert_msg(buf[0] == 0x00, "%s: SENSE byte 0 %02x, want 00",
			      cite, buf[0]);
		for (unsigned k = 1; k < sizeof(buf); k++)
			ck_assert_msg(buf[k] == 0xee, "%s: SENSE byte %u %02x",
				      cite, k, buf[k]);
	} else {
		ck_assert_msg(irb_word(&irb, 2) == 0x0c000008,
			      "%s: SENSE word 2 %08x", cite, irb_word(&irb, 2));
		ck_assert_msg(memcmp(buf, sense24, sizeof(sense24)) == 0,
			      "%s: SENSE bytes %02x %02x %02x", cite, buf[0],
			      buf[1], buf[2]);
		for (unsigned k = sizeof(sense24); k < sizeof(buf); k++)
			ck_assert_msg(buf[k] == 0xee, "%s: SENSE byte %u %02x",
				      cite, k, buf[k]);
	}
	fx_fini(&f);
}
END_TEST

/*
 * §3.2 step 4, §3.8, §4.11: the device refuses the first command with
 * unit check (command reject): the start is not initiated, deferred
 * cc 1, SC alert + pending (the default dcc1 reading, §9.4), device
 * status UC, AC 0; CCW address not meaningful (§4.14).  _i = 0: the
 * sense (byte 0 = 0x80, command reject) stays with the device and basic
 * sense returns it; _i = 1, PMCW S=1: the channel takes it into the ECW
 * (E, ERW S, SCNT 1) — E is meaningful here (status pending, alert).
 */
START_TEST(test_refused_at_selection_deferred_cc1_sense)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	if (_i)
		enable_csense(&f);
	else
		fx_enable(&f);
	fx_ccw1(&f, 0, 0x13, SLI, 1, 0);	/* not set up: command reject */
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	if (_i) {
		ck_assert_uint_eq(irb_word(&irb, 0), 0x01824011);
		ck_assert_uint_eq(irb_word(&irb, 4), 0x01010000);
		ck_assert_uint_eq(irb_word(&irb, 8) >> 24, 0x80);
	} else {
		ck_assert_uint_eq(irb_word(&irb, 0), 0x01804011);
		ck_assert_uint_eq(irb_word(&irb, 4), 0);
	}
	ck_assert_uint_eq(irb_word(&irb, 2) >> 16, 0x0200);
	ck_assert_uint_eq(stats(&f).commands, 1);

	sim_mem_fill(f.mem, SBUF, 0xee, 32, 0, NULL);
	fx_ccw1(&f, 0, CCWA_CMD_SENSE, SLI, 32, SBUF);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c00001f);
	ck_assert_uint_eq(byte_at(&f, SBUF), (_i ? 0x00 : 0x80));
	ck_assert_uint_eq(byte_at(&f, SBUF + 1), 0xee);
	fx_fini(&f);
}
END_TEST

/*
 * §4.4, §4.11: a command rejected on command chaining ends the chain
 * (dev_rows has its SCSW); the command-reject sense stays with the
 * device and a basic sense returns it.
 */
START_TEST(test_chained_reject_sense_kept)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, NOP, CC | SLI, 1, 0);
	fx_ccw1(&f, 1, 0x13, SLI, 1, 0);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(1) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 16, 0x0200);
	sim_mem_fill(f.mem, SBUF, 0xee, 32, 0, NULL);
	fx_ccw1(&f, 0, CCWA_CMD_SENSE, SLI, 32, SBUF);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c00001f);
	ck_assert_uint_eq(byte_at(&f, SBUF), 0x80);
	fx_fini(&f);
}
END_TEST

/* ======================================================================
 * 4. PCI (§4.13) with ORB I and U.  The NOPs take 10 µs each: CCW 0 is
 * offered at 0.5 µs, CCW 1 at 10.6 µs, CCW 2 at 20.7 µs, the end at
 * 30.7 µs.
 * ====================================================================== */

static void pci_program(struct fx *f, uint8_t fl0, uint8_t fl1, uint32_t orb1)
{
	nop_takes(f, SIM_US(10), 0, CE | DE);
	fx_ccw1(f, 0, NOP, (uint8_t)(CC | SLI | fl0), 1, 0);
	fx_ccw1(f, 1, NOP, (uint8_t)(CC | SLI | fl1), 1, 0);
	fx_ccw1(f, 2, NOP, SLI, 1, 0);
	fx_orb(f, orb1, 0xff);
	expect_io(fx_ssch(f), 0);
}

/*
 * §4.13: PCI on the first of three CCWs: intermediate status (SC x'09'),
 * AC subchannel + device active, subchannel status PCI, device status 0,
 * CCW address = PCI CCW + 8 (count not meaningful); TSCH clears the SC
 * only (§3.10 case A) and the program runs on to its normal end.
 */
START_TEST(test_pci_first_of_three_intermediate_then_final)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	pci_program(&f, PCI, 0, 0);
	fx_run(&f, SIM_US(5));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x008040c9);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 16, 0x0080);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x008040c0);
	ck_assert_uint_eq(stats(&f).commands, 1);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(2) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000001);
	ck_assert_uint_eq(stats(&f).commands, 3);
	fx_fini(&f);
}
END_TEST

/*
 * §4.13: a PCI on CCW 1 after the program took CCW 0's PCI status is a
 * new intermediate status at CCW 1 + 8; the final status has no PCI.
 */
START_TEST(test_pci_second_after_tsch_new_intermediate)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	pci_program(&f, PCI, PCI, 0);
	fx_run(&f, SIM_US(5));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
	fx_run(&f, SIM_US(10));			/* now 15 µs: CCW 1 current */
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x008040c9);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(1) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 16, 0x0080);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(2) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000001);
	fx_fini(&f);
}
END_TEST

/*
 * §4.13, §3.9: PCI on CCW 0 and CCW 1, the program never taking the
 * status: the second PCI is held while the first status is pending and
 * shows in the final status next to primary and secondary; the final
 * status joins the still-pending intermediate one (SC x'0F'), count
 * meaningful (only PCI in the subchannel status, §1.5), one request.
 */
START_TEST(test_pci_held_merged_into_final)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	pci_program(&f, PCI, PCI, 0);
	fx_run(&f, SIM_US(100));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x0080400f);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(2) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c800001);
	expect_io(fx_tsch(&f, NULL), 1);
	fx_fini(&f);
}
END_TEST

/*
 * §3.2 step 4, §4.13, §4.14: ORB I and a PCI on the first CCW.  Both are
 * intermediate conditions of the same CCW; neither may be lost.  The
 * first status presented is the initial-status one: Z = 1 (x'0004' in
 * word 0), SC x'09', AC active, CCW address = first CCW + 8.  The PCI is
 * either in that same status (both recognised together) or, if it was
 * held while the Z status was pending, in the next status presented,
 * here the final one (§4.13 "held ... appears in the next status").
 * Each branch is exact.  TSCH resets Z (§3.10 case A).
 */
START_TEST(test_isic_with_pci_one_intermediate_z_and_pci)
{
	struct fx f;
	struct ccwa_irb irb;
	int pci_first;

	fx_init(&f, NULL);
	fx_enable(&f);
	nop_takes(&f, SIM_US(100), 0, CE | DE);
	fx_ccw1(&f, 0, NOP, PCI | SLI, 1, 0);
	fx_orb(&f, ORB_I, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00a440c9);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
	pci_first = (irb_word(&irb, 2) >> 16) == 0x0080;
	ck_assert_msg(pci_first || (irb_word(&irb, 2) >> 16) == 0x0000,
		      "Z status: status %04x", irb_word(&irb, 2) >> 16);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00a040c0);
	fx_run(&f, SIM_US(200));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00a04007);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), pci_first ? 0x0c000001 : 0x0c800001);
	fx_fini(&f);
}
END_TEST

/* ======================================================================
 * 5. Suspend and resume (§3.3, §3.10, §11 A2/A5).  Suspension at a CCW
 * with S (ORB S=1): AC suspended only (subchannel and device active
 * reset), the command not sent; with U=0 intermediate status x'29',
 * CCW address = S-CCW + 8, count = its count, device and subchannel
 * status 0.
 * ====================================================================== */

/*
 * §3.3, §11 A5, §9.5: ORB U and the two switches.  CCW 0 NOP S, count 7.
 *   U=0: x'29', one request; susp_alert: x'39' (alert added).
 *   U=1 (default): no status, no request, TSCH cc 1: word 0 08884020.
 *   U=1, susp_u = STATUS_NO_REQUEST (Hercules 3.13): x'29' pending, no
 *   request, TSCH cc 0.
 */
static const struct {
	const char *cite;
	uint32_t u;
	uint8_t susp_u, susp_alert;
	uint32_t w0;			/* SCSW word 0 once suspended */
	unsigned requests;
	uint8_t tsch_cc;
	uint32_t after;			/* SCSW word 0 after that TSCH */
} susp_rows[] = {
	{ "§3.3 U=0: intermediate x'29' and a request",
	  0, SIM_SUSP_U_NO_STATUS, SIM_SUSP_NO_ALERT, 0x08804029, 1, 0,
	  0x08804020 },
	{ "§3.3, §9.5 U=0, susp_alert: x'39'",
	  0, SIM_SUSP_U_NO_STATUS, SIM_SUSP_ALERT, 0x08804039, 1, 0,
	  0x08804020 },
	{ "§3.3, §11 A5 U=1: no status, no request",
	  ORB_U, SIM_SUSP_U_NO_STATUS, SIM_SUSP_NO_ALERT, 0x08884020, 0, 1,
	  0x08884020 },
	{ "§11 A5 U=1, susp_u status-no-request: x'29', no request",
	  ORB_U, SIM_SUSP_U_STATUS_NO_REQUEST, SIM_SUSP_NO_ALERT, 0x08884029,
	  0, 0, 0x08884020 },
	{ "§11 A5 U=1, status-no-request and susp_alert: x'39'",
	  ORB_U, SIM_SUSP_U_STATUS_NO_REQUEST, SIM_SUSP_ALERT, 0x08884039, 0, 0,
	  0x08884020 },
	{ "§3.3 U=1 with susp_alert: still no status",
	  ORB_U, SIM_SUSP_U_NO_STATUS, SIM_SUSP_ALERT, 0x08884020, 0, 1,
	  0x08884020 },
};

START_TEST(test_suspend_u_and_alert_switches_status)
{
	struct sim_css_compat c;
	struct fx f;
	struct ccwa_irb irb;
	const char *cite = susp_rows[_i].cite;

	sim_css_compat_profile(&c, SIM_COMPAT_POPS);
	c.susp_u = susp_rows[_i].susp_u;
	c.susp_alert = susp_rows[_i].susp_alert;
	fx_init(&f, &c);
	fx_enable(&f);
	fx_ccw1(&f, 0, NOP, SUS | SLI, 7, 0);
	fx_orb(&f, ORB_S | susp_rows[_i].u, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_msg(fx_scsw_w0(&f) == susp_rows[_i].w0, "%s: word 0 %08x",
		      cite, fx_scsw_w0(&f));
	ck_assert_msg(sim_css_io_pending(f.css, 3) == susp_rows[_i].requests,
		      "%s: %u requests", cite, sim_css_io_pending(f.css, 3));
	expect_io(fx_tsch(&f, &irb), susp_rows[_i].tsch_cc);
	if (!susp_rows[_i].tsch_cc) {
		ck_assert_msg(irb_word(&irb, 1) == CCW(0) + 8,
			      "%s: CCW address %08x", cite, irb_word(&irb, 1));
		ck_assert_msg(irb_word(&irb, 2) == 0x00000007, "%s: word 2 %08x",
			      cite, irb_word(&irb, 2));
	}
	ck_assert_msg(fx_scsw_w0(&f) == susp_rows[_i].after,
		      "%s: after TSCH %08x", cite, fx_scsw_w0(&f));
	ck_assert_uint_eq(stats(&f).commands, 0);
	fx_fini(&f);
}
END_TEST

/*
 * §3.3: suspension on a command-chained CCW: x'29', CCW address = that
 * CCW + 8, its count; after TSCH the SCSW keeps both while suspended.
 */
START_TEST(test_suspend_chained_ccw_intermediate)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, NOP, CC | SLI, 1, 0);
	fx_ccw1(&f, 1, NOP, SUS | SLI, 9, 0);
	fx_orb(&f, ORB_S, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804029);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(1) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x00000009);
	ck_assert_uint_eq(stats(&f).commands, 1);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x08804020);
	ck_assert_uint_eq(scsw_word(&f, 1), CCW(1) + 8);
	ck_assert_uint_eq(scsw_word(&f, 2) & 0xffff, 9);
	fx_fini(&f);
}
END_TEST

/*
 * §3.3: a PCI status still pending when the program suspends stays in
 * the suspension status ("subchannel status 0, or PCI if still
 * pending"): CCW 0 NOP CC+PCI (its PCI status never taken), CCW 1 NOP S
 * count 9: x'29', CCW address CCW 1 + 8, count 9, subchannel status PCI.
 */
START_TEST(test_suspend_pci_still_pending_kept)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, NOP, CC | PCI | SLI, 1, 0);
	fx_ccw1(&f, 1, NOP, SUS | SLI, 9, 0);
	fx_orb(&f, ORB_S, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804029);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(1) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x00800009);
	fx_fini(&f);
}
END_TEST

/*
 * §3.3, §4.3, §4.10: S in a CCW reached by data chaining is a program
 * check at that CCW + 8, not a suspension.  READ 0x02 CD count 8, then
 * a data-chained CCW with S, count 8; the device sends 16 bytes at once.
 * The first 8 bytes stay, none go to the second area; the device, which
 * was started, is told to stop (§4.10).
 */
START_TEST(test_suspend_data_chained_ccw_program_check)
{
	static const uint8_t data[16] = { 1, 2, 3, 4, 5, 6, 7, 8,
					  9, 10, 11, 12, 13, 14, 15, 16 };
	struct sim_testdev_cmd rd = { .end = CE | DE, .delay = SIM_US(1),
				      .data = data, .len = sizeof(data) };
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	set_cmd(&f, 0x02, &rd);
	sim_mem_fill(f.mem, BUF, 0xee, 0x200, 0, NULL);
	fx_ccw1(&f, 0, 0x02, CD, 8, BUF);
	fx_ccw1(&f, 1, 0x02, SUS | SLI, 8, BUF + 0x100);
	fx_orb(&f, ORB_S, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804017);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(1) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 16, ST_PGM);
	ck_assert_uint_eq(byte_at(&f, BUF), 1);
	ck_assert_uint_eq(byte_at(&f, BUF + 7), 8);
	ck_assert_uint_eq(byte_at(&f, BUF + 8), 0xee);
	ck_assert_uint_eq(byte_at(&f, BUF + 0x100), 0xee);
	ck_assert_uint_eq(stats(&f).halts, 1);
	fx_fini(&f);
}
END_TEST

/*
 * §3.3 refetch, §11 A2: RSCH of a suspended program whose CCW still has
 * S: resume pending (x'0800' in AC) after RSCH, then the refetched CCW
 * suspends again: with U=0 (_i = 0) a new intermediate status x'29',
 * same CCW address and count; with U=1 (_i = 1) no status.
 */
START_TEST(test_resume_s_still_set_suspends_again)
{
	struct fx f;
	struct ccwa_irb irb;
	uint32_t u = _i ? ORB_U : 0;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, NOP, SUS | SLI, 7, 0);
	fx_orb(&f, ORB_S | u, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	if (!u)
		expect_io(fx_tsch(&f, NULL), 0);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x08804020 | u);
	expect_io(sim_css_rsch(f.css, &f.cpu, FX_SID), 0);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x08804820 | u);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(stats(&f).commands, 0);
	if (!u) {
		ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
		expect_io(fx_tsch(&f, &irb), 0);
		ck_assert_uint_eq(irb_word(&irb, 0), 0x08804029);
		ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
		ck_assert_uint_eq(irb_word(&irb, 2), 0x00000007);
	} else {
		ck_assert_uint_eq(fx_scsw_w0(&f), 0x08884020);
		ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 0);
		expect_io(fx_tsch(&f, NULL), 1);
	}
	fx_fini(&f);
}
END_TEST

/*
 * §3.3: the program changes the suspended CCW (S off, another command,
 * another count) before RSCH; the refetch executes the changed CCW.
 * While suspended: CCW address = CCW 1 + 8, count 9.  After: READ 0x02
 * count 16 SLI of a 12-byte record: x'07', CCW address CCW 1 + 8,
 * residual 4, the 12 bytes in storage and nothing after them.
 */
START_TEST(test_resume_changed_ccw_executes)
{
	static const uint8_t rec[12] = { 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5,
					 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab };
	struct sim_testdev_cmd rd = { .end = CE | DE, .delay = SIM_US(1),
				      .data = rec, .len = sizeof(rec) };
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	set_cmd(&f, 0x02, &rd);
	sim_mem_fill(f.mem, BUF, 0xee, 32, 0, NULL);
	fx_ccw1(&f, 0, NOP, CC | SLI, 1, 0);
	fx_ccw1(&f, 1, NOP, SUS | SLI, 9, 0);
	fx_orb(&f, ORB_S, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(10));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804029);
	ck_assert_uint_eq(scsw_word(&f, 1), CCW(1) + 8);
	ck_assert_uint_eq(scsw_word(&f, 2) & 0xffff, 9);
	fx_ccw1(&f, 1, 0x02, SLI, 16, BUF);
	expect_io(sim_css_rsch(f.css, &f.cpu, FX_SID), 0);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804007);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(1) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000004);
	ck_assert_uint_eq(byte_at(&f, BUF), 0xa0);
	ck_assert_uint_eq(byte_at(&f, BUF + 11), 0xab);
	ck_assert_uint_eq(byte_at(&f, BUF + 12), 0xee);
	ck_assert_uint_eq(stats(&f).commands, 2);
	ck_assert_uint_eq(stats(&f).last_cmd, 0x02);
	fx_fini(&f);
}
END_TEST

/*
 * §4.13 "or on resume", §3.3: a suspended CCW is not current, so its PCI
 * flag does nothing at suspension (subchannel status 0); after the
 * program clears S and resumes, the CCW becomes current and its PCI
 * gives intermediate status x'09' with AC active, CCW address + 8.
 */
START_TEST(test_resume_pci_on_resumed_ccw)
{
	struct fx f;
	struct ccwa_irb irb;

	fx_init(&f, NULL);
	fx_enable(&f);
	nop_takes(&f, SIM_US(10), 0, CE | DE);
	fx_ccw1(&f, 0, NOP, SUS | PCI | SLI, 7, 0);
	fx_orb(&f, ORB_S, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(5));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804029);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x00000007);
	fx_ccw1(&f, 0, NOP, PCI | SLI, 7, 0);
	expect_io(sim_css_rsch(f.css, &f.cpu, FX_SID), 0);
	fx_run(&f, SIM_US(3));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x088040c9);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2) >> 16, 0x0080);
	fx_run(&f, SIM_US(100));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x08804007);
	ck_assert_uint_eq(irb_word(&irb, 1), CCW(0) + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000007);
	fx_fini(&f);
}
END_TEST

/* ======================================================================
 * 6. HSCH and CSCH at every point of a five-CCW program (§3.4, §3.5,
 * §2.3, §2.4).
 *
 * The program: CCW i (i = 0..4) reads 64 bytes into BUF + 64 i, CC on
 * CCWs 0-3.  CCWs 0, 1, 3 are READ 0x02; CCWs 2 and 4 are READ 0x06,
 * whose device entry has de_delay 2 µs (channel end first, device end
 * 2 µs later): CCW 2 gives the "after channel end, before device end"
 * window inside the chain, CCW 4 gives primary status with device end
 * outstanding, and then "device active only".  The test device sends
 * 8-byte chunks: the first 1 µs after it accepts the command, each next
 * one chunk x per_byte = 8 x 100 ns = 800 ns later; with the 8th chunk
 * (the count is exhausted) it ends the command at once.
 *
 * Timing by hand (ns; SSCH at 0; cfg defaults t_start = t_halt = t_clear
 * = 500, t_chain = 100):
 *   A0 = 500        path selection, CCW 0 offered and accepted
 *   chunk j of CCW i at Ai + 1000 + 800 j   (j = 0..7)
 *   CE(+DE) of CCW i at Ai + 6600, next CCW offered 100 later
 *   A1 = 7200   A2 = 13900
 *   CCW 2: CE at 20500, DE at 22500, A3 = 22600
 *   A4 = 29300, CCW 4: CE at 35900 (primary x'45'), DE at 37900 (x'07')
 *
 * The halt or clear signal goes out t_halt / t_clear = 500 ns after the
 * instruction; that moment is the point the row names, so the
 * instruction is issued 500 ns before it.  Issue times (effect = +500):
 *   delay before CCW i's data: Ai + 200          (effect before Ai + 1000)
 *   middle of CCW i's data:    Ai + 3450 (after chunk 3: 32 bytes; effect
 *                              Ai + 3950, before chunk 4 at Ai + 4200)
 *   chaining gap after CCW i:  Ai + 6150 (56 bytes at issue; effect at
 *                              Ai + 6650, between CE+DE and the next offer)
 *                              after CCW 2: 22050 (effect 22550, between
 *                              DE 22500 and A3 22600)
 *   CCW 2 after CE, before DE: 21000 (effect 21500)
 *   CCW 4 primary pending:     36400 (HSCH cc 1, §2.3; CSCH effect 36900)
 *   CCW 4 device active only:  36400 after TSCH of the primary
 *   after the end:             40000
 * At the issue time the row asserts SCSW word 0, the commands the device
 * was offered and the bytes stored per CCW; just before the effect, the
 * bytes and commands again (they prove the point the function reaches).
 *
 * Results (§3.4, §3.5):
 *   start pending: status pending alone with deferred CC 1 (default
 *     halt_sp reading), FC start+halt, AC 0: 01806001; device not
 *     signalled.
 *   active (every point from CCW 0 accepted to the last device end,
 *     including the chaining gaps and CCW 2's CE-to-DE window, where the
 *     subchannel is still subchannel-active): FC start+halt, AC 0, SC
 *     status pending alone (00806001); device status = the device's
 *     answer to the halt signal (the test device: device end); CCW
 *     address = current CCW + 8 (in a gap, the CCW that just ended);
 *     count unpredictable (not asserted); the device got the halt signal.
 *   primary pending / after the end: HSCH cc 1, nothing changes; the
 *     program ends normally (00804007, CCW 4 + 8).
 *   device active only: FC halt (TSCH reset start), SC secondary +
 *     pending, device end; bits 0-15 are not meaningful without FC start
 *     except L and N (mask 0x0401ffff); CCW address not meaningful.
 *   clear, everywhere: 00001001, CCW address 0, device and subchannel
 *     status 0 (§3.5 step 3); the device got the clear signal wherever it
 *     may be active (not asserted at start pending and after the end,
 *     where §3.5 step 2 leaves it open).
 * Storage, for both: the bytes moved before the signal stay; none after.
 * ====================================================================== */

struct walk_pt {
	const char *what;
	sim_vtime issue;
	uint32_t w0_issue;		/* SCSW word 0 at issue time */
	uint8_t tsch_first;		/* TSCH the pending primary first */
	uint8_t cmds;			/* commands offered at the effect */
	uint8_t at_issue[5];		/* bytes per CCW at issue */
	uint8_t at_effect[5];		/* bytes per CCW when it takes effect */
	uint8_t active;			/* device may be active: signalled */
	/* HSCH */
	uint8_t h_cc;
	uint32_t h_w0, h_mask, h_ccw;
	uint8_t h_dstat;
	uint8_t h_halts;
};

#define ALL64	{ 64, 64, 64, 64, 64 }
#define HALT_ACTIVE(ccw) 0, 0x00806001, 0xffffffffu, ccw, DE, 1

static const struct walk_pt walk[] = {
	{ "start pending", 100, 0x00804400, 0, 0, { 0 }, { 0 }, 0,
	  0, 0x01806001, 0xffffffffu, ANY, 0, 0 },
	{ "CCW 0 delay before data", 700, 0x008040c0, 0, 1, { 0 }, { 0 }, 1,
	  HALT_ACTIVE(CCW(0) + 8) },
	{ "CCW 1 delay before data", 7400, 0x008040c0, 0, 2, { 64 }, { 64 },
	  1, HALT_ACTIVE(CCW(1) + 8) },
	{ "CCW 2 delay before data", 14100, 0x008040c0, 0, 3, { 64, 64 },
	  { 64, 64 }, 1, HALT_ACTIVE(CCW(2) + 8) },
	{ "CCW 3 delay before data", 22800, 0x008040c0, 0, 4, { 64, 64, 64 },
	  { 64, 64, 64 }, 1, HALT_ACTIVE(CCW(3) + 8) },
	{ "CCW 4 delay before data", 29500, 0x008040c0, 0, 5,
	  { 64, 64, 64, 64 }, { 64, 64, 64, 64 }, 1, HALT_ACTIVE(CCW(4) + 8) },
	{ "CCW 0 middle of data", 3950, 0x008040c0, 0, 1, { 32 }, { 32 }, 1,
	  HALT_ACTIVE(CCW(0) + 8) },
	{ "CCW 1 middle of data", 10650, 0x008040c0, 0, 2, { 64, 32 },
	  { 64, 32 }, 1, HALT_ACTIVE(CCW(1) + 8) },
	{ "CCW 2 middle of data", 17350, 0x008040c0, 0, 3, { 64, 64, 32 },
	  { 64, 64, 32 }, 1, HALT_ACTIVE(CCW(2) + 8) },
	{ "CCW 3 middle of data", 26050, 0x008040c0, 0, 4, { 64, 64, 64, 32 },
	  { 64, 64, 64, 32 }, 1, HALT_ACTIVE(CCW(3) + 8) },
	{ "CCW 4 middle of data", 32750, 0x008040c0, 0, 5,
	  { 64, 64, 64, 64, 32 }, { 64, 64, 64, 64, 32 }, 1,
	  HALT_ACTIVE(CCW(4) + 8) },
	{ "chaining gap after CCW 0", 6650, 0x008040c0, 0, 1, { 56 }, { 64 },
	  1, HALT_ACTIVE(CCW(0) + 8) },
	{ "chaining gap after CCW 1", 13350, 0x008040c0, 0, 2, { 64, 56 },
	  { 64, 64 }, 1, HALT_ACTIVE(CCW(1) + 8) },
	{ "chaining gap after CCW 2 (after its DE)", 22050, 0x008040c0, 0, 3,
	  { 64, 64, 64 }, { 64, 64, 64 }, 1, HALT_ACTIVE(CCW(2) + 8) },
	{ "chaining gap after CCW 3", 28750, 0x008040c0, 0, 4,
	  { 64, 64, 64, 56 }, { 64, 64, 64, 64 }, 1, HALT_ACTIVE(CCW(3) + 8) },
	{ "CCW 2 after CE, before DE (chaining waits)", 21000, 0x008040c0, 0, 3,
	  { 64, 64, 64 }, { 64, 64, 64 }, 1, HALT_ACTIVE(CCW(2) + 8) },
	{ "CCW 4 after CE, primary pending, before DE", 36400, 0x00804045, 0,
	  5, ALL64, ALL64, 1,
	  1, 0x00804007, 0xffffffffu, CCW(4) + 8, CE | DE, 0 },
	{ "CCW 4 device active only (primary taken)", 36400, 0x00804045, 1, 5,
	  ALL64, ALL64, 1,
	  0, 0x00002003, 0x0401ffffu, ANY, DE, 1 },
	{ "after the end", 40000, 0x00804007, 0, 5, ALL64, ALL64, 0,
	  1, 0x00804007, 0xffffffffu, CCW(4) + 8, CE | DE, 0 },
};

static uint8_t walk_data[64];

static void walk_setup(struct fx *f)
{
	struct sim_testdev_cmd rd = {
		.end = CE | DE, .delay = SIM_US(1), .per_byte = SIM_NS(100),
		.chunk = 8, .data = walk_data, .len = sizeof(walk_data),
	};

	for (unsigned k = 0; k < sizeof(walk_data); k++)
		walk_data[k] = (uint8_t)(k + 1);
	fx_enable(f);
	set_cmd(f, 0x02, &rd);
	rd.de_delay = SIM_US(2);
	set_cmd(f, 0x06, &rd);
	ck_assert_int_eq(sim_mem_fill(f->mem, BUF, 0xee, 6 * 64, 0, NULL),
			 SIM_MEM_OK);
	for (unsigned i = 0; i < 5; i++)
		fx_ccw1(f, i, (uint8_t)((i == 2 || i == 4) ? 0x06 : 0x02),
			(uint8_t)(i < 4 ? CC : 0), 64, BUF + 64 * i);
	fx_orb(f, 0, 0xff);
	ck_assert_uint_eq(sim_evq_now(f->q), 0);
	expect_io(fx_ssch(f), 0);
}

/*
 * Bytes of CCW @i's area that hold the device's data, in order from the
 * start; the rest must still be the 0xee fill (else 0xff is returned).
 */
static unsigned stored(struct fx *f, unsigned i)
{
	uint8_t b[64];
	unsigned n = 0;

	sim_mem_read(f->mem, BUF + 64 * i, b, sizeof(b), 0, NULL);
	while (n < sizeof(b) && b[n] == walk_data[n])
		n++;
	for (unsigned k = n; k < sizeof(b); k++)
		if (b[k] != 0xee)
			return 0xff;
	return n;
}

static void expect_stored(struct fx *f, const struct walk_pt *p,
			  const uint8_t want[5], const char *when)
{
	for (unsigned i = 0; i < 5; i++)
		ck_assert_msg(stored(f, i) == want[i],
			      "%s, %s: CCW %u has %u bytes, want %u", p->what,
			      when, i, stored(f, i), want[i]);
	ck_assert_msg(byte_at(f, BUF + 5 * 64) == 0xee, "%s, %s: past the end",
		      p->what, when);
}

/* Run to the point, check it, TSCH if the row says so; returns the
 * effect time. */
static sim_vtime walk_to(struct fx *f, const struct walk_pt *p)
{
	fx_run(f, p->issue);
	ck_assert_msg(fx_scsw_w0(f) == p->w0_issue, "%s: word 0 at issue %08x",
		      p->what, fx_scsw_w0(f));
	expect_stored(f, p, p->at_issue, "at issue");
	if (p->tsch_first) {
		expect_io(fx_tsch(f, NULL), 0);
		ck_assert_msg(fx_scsw_w0(f) == 0x00800040,
			      "%s: after TSCH %08x", p->what, fx_scsw_w0(f));
	}
	return p->issue + SIM_NS(500);
}

START_TEST(test_hsch_walk_every_point_architected_status)
{
	const struct walk_pt *p = &walk[_i];
	struct fx f;
	struct ccwa_irb irb;
	sim_vtime t;

	fx_init(&f, NULL);
	walk_setup(&f);
	t = walk_to(&f, p);
	expect_io(sim_css_hsch(f.css, &f.cpu, FX_SID), p->h_cc);
	if (p->h_cc == 0) {
		fx_run(&f, t - 1 - sim_evq_now(f.q));
		expect_stored(&f, p, p->at_effect, "just before the halt");
		ck_assert_msg(stats(&f).commands == p->cmds,
			      "%s: %u commands before the halt", p->what,
			      (unsigned)stats(&f).commands);
	} else {
		ck_assert_msg(fx_scsw_w0(&f) == p->w0_issue,
			      "%s: HSCH cc 1 changed word 0 to %08x", p->what,
			      fx_scsw_w0(&f));
	}
	fx_run(&f, SIM_US(100) - sim_evq_now(f.q));
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_msg((irb_word(&irb, 0) & p->h_mask) == p->h_w0,
		      "%s: SCSW word 0 %08x, want %08x", p->what,
		      irb_word(&irb, 0), p->h_w0);
	if (p->h_ccw != ANY)
		ck_assert_msg(irb_word(&irb, 1) == p->h_ccw,
			      "%s: CCW address %08x, want %08x", p->what,
			      irb_word(&irb, 1), p->h_ccw);
	ck_assert_msg((irb_word(&irb, 2) >> 16) == (uint32_t)p->h_dstat << 8,
		      "%s: status %04x, want %02x00", p->what,
		      irb_word(&irb, 2) >> 16, p->h_dstat);
	ck_assert_msg(stats(&f).halts == p->h_halts, "%s: %u halt signals",
		      p->what, (unsigned)stats(&f).halts);
	expect_stored(&f, p, p->at_effect, "at the end");
	ck_assert_msg(stats(&f).commands == p->cmds, "%s: %u commands",
		      p->what, (unsigned)stats(&f).commands);
	/* Nothing more arrives. */
	expect_io(fx_tsch(&f, NULL), 1);
	fx_fini(&f);
}
END_TEST

START_TEST(test_csch_walk_every_point_clear_status)
{
	const struct walk_pt *p = &walk[_i];
	struct fx f;
	struct ccwa_irb irb;
	sim_vtime t;

	fx_init(&f, NULL);
	walk_setup(&f);
	t = walk_to(&f, p);
	expect_io(sim_css_csch(f.css, &f.cpu, FX_SID), 0);
	fx_run(&f, t - 1 - sim_evq_now(f.q));
	expect_stored(&f, p, p->at_effect, "just before the clear");
	ck_assert_msg(stats(&f).commands == p->cmds,
		      "%s: %u commands before the clear", p->what,
		      (unsigned)stats(&f).commands);
	fx_run(&f, SIM_US(100) - sim_evq_now(f.q));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(fx_tsch(&f, &irb), 0);
	ck_assert_msg(irb_word(&irb, 0) == 0x00001001,
		      "%s: SCSW word 0 %08x", p->what, irb_word(&irb, 0));
	ck_assert_msg(irb_word(&irb, 1) == 0, "%s: CCW address %08x", p->what,
		      irb_word(&irb, 1));
	ck_assert_msg((irb_word(&irb, 2) >> 16) == 0, "%s: status %04x",
		      p->what, irb_word(&irb, 2) >> 16);
	if (p->active)
		ck_assert_msg(stats(&f).clears == 1, "%s: %u clear signals",
			      p->what, (unsigned)stats(&f).clears);
	ck_assert_uint_eq(stats(&f).halts, 0);
	expect_stored(&f, p, p->at_effect, "at the end");
	ck_assert_msg(stats(&f).commands == p->cmds, "%s: %u commands",
		      p->what, (unsigned)stats(&f).commands);
	expect_io(fx_tsch(&f, NULL), 1);
	fx_fini(&f);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *suite(void)
{
	Suite *s = suite_create("chan_checks");
	TCase *ck = tcase_create("checks");
	TCase *ds = tcase_create("device_status");
	TCase *pc = tcase_create("pci");
	TCase *sr = tcase_create("suspend_resume");
	TCase *hc = tcase_create("halt_clear_walk");

	tcase_add_loop_test(ck, test_ccw_check_each_condition_scsw, 0,
			    N(pgm_rows));
	tcase_add_test(ck, test_orb_d_without_midaw_facility_operand_exception);
	tcase_add_test(ck, test_cmdchk_late_resume_program_check);
	tcase_add_loop_test(ds, test_devstat_chain_end_conditions_scsw, 0,
			    N(dev_rows));
	tcase_add_test(ds, test_busy_at_selection_start_stays_pending);
	tcase_add_loop_test(ds, test_ce_then_de_primary_then_secondary, 0, 2);
	tcase_add_loop_test(ds, test_unit_check_sense_kept_or_concurrent, 0,
			    N(uc_rows));
	tcase_add_loop_test(ds, test_refused_at_selection_deferred_cc1_sense,
			    0, 2);
	tcase_add_test(ds, test_chained_reject_sense_kept);
	tcase_add_test(pc, test_pci_first_of_three_intermediate_then_final);
	tcase_add_test(pc, test_pci_second_after_tsch_new_intermediate);
	tcase_add_test(pc, test_pci_held_merged_into_final);
	tcase_add_test(pc, test_isic_with_pci_one_intermediate_z_and_pci);
	tcase_add_loop_test(sr, test_suspend_u_and_alert_switches_status, 0,
			    N(susp_rows));
	tcase_add_test(sr, test_suspend_chained_ccw_intermediate);
	tcase_add_test(sr, test_suspend_pci_still_pending_kept);
	tcase_add_test(sr, test_suspend_data_chained_ccw_program_check);
	tcase_add_loop_test(sr, test_resume_s_still_set_suspends_again, 0, 2);
	tcase_add_test(sr, test_resume_changed_ccw_executes);
	tcase_add_test(sr, test_resume_pci_on_resumed_ccw);
	tcase_add_loop_test(hc, test_hsch_walk_every_point_architected_status,
			    0, N(walk));
	tcase_add_loop_test(hc, test_csch_walk_every_point_clear_status, 0,
			    N(walk));
	suite_add_tcase(s, ck);
	suite_add_tcase(s, ds);
	suite_add_tcase(s, pc);
	suite_add_tcase(s, sr);
	suite_add_tcase(s, hc);
	return s;
}
