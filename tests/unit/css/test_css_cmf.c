// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Channel measurement (facts §2.11 SCHM, §1.6 PMCW MM/F/X and MBA, §1.7
 * ESW formats and the EMW, §5): what SCHM accepts, where the blocks are,
 * what each field counts, and what an operation's status carries.
 *
 * Every expected number is worked out by hand from the virtual times each
 * test configures.  The fixture's channel subsystem takes t_start = 500 ns
 * from SSCH/RSCH to offering the first command; the test device accepts a
 * NOP at once and ends it after its delay (channel end), with device end
 * de_delay later when that is set.  So, by the §5.5 definitions:
 *   function pending = 500 ns (plus any busy wait before the command is
 *   accepted), device connect = delay, device-active-only = de_delay,
 *   device busy = the busy wait, disconnect = CU queuing = initial command
 *   response = 0.
 * Block fields count 128-µs units (§5.5) and the sub-unit remainders carry
 * from one operation to the next, so N equal operations give
 * floor(N * t / 128 µs).  Per-operation times (DCTI, EMW) use times that are
 * whole units, so truncating and rounding readings agree.
 */
#include <string.h>

#include <ccwsim/arch/be.h>

#include "check_main.h"
#include "css_fixture.h"

#define UNIT		128000u		/* ns in one 128-µs unit (§5.5) */
#define CE_DE		(CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END)

/* SCHM GR1 (§2.11) */
#define SCHM_M		0x00000002u	/* measurement-block-update mode */
#define SCHM_D		0x00000001u	/* device-connect-time measurement */
#define SCHM_MBK(k)	((uint32_t)(k) << 28)

/* PMCW bits (§1.6) */
#define MM_UPDATE	0x10		/* byte 5: word 1 bit 11 */
#define MM_DCT		0x08		/* byte 5: word 1 bit 12 */
#define PMCW_F		0x04		/* byte 27: word 6 bit 29 */
#define PMCW_X		0x02		/* byte 27: word 6 bit 30 */

#define ORB_S		0x08000000u	/* ORB word 1 bit 4 (§1.2) */
#define SCSW_L		0x04		/* SCSW byte 0: ESW format 0 (§1.5) */

#define MBA1		0x9000u		/* a format-1 block, 64-byte aligned */
#define SENTINEL	0x5a

static void expect_io(struct sim_io r, uint8_t cc)
{
	ck_assert_int_eq(r.err, 0);
	ck_assert_uint_eq(r.pic, 0);
	ck_assert_uint_eq(r.cc, cc);
}

static void schm(struct fx *f, uint32_t gr1, uint64_t gr2)
{
	expect_io(sim_css_schm(f->css, &f->cpu, gr1, gr2), SIM_CC_UNCHANGED);
}

/*
 * MSCH 0.0.0000 from its STSCH image: enabled, ISC 3, and the measurement
 * controls: @mm into PMCW byte 5, MBI into bytes 12-13, @b27 into byte 27,
 * MBA into SCHIB bytes 40-47.
 */
static void msch_meas(struct fx *f, uint8_t mm, uint16_t mbi, uint8_t b27,
		      uint64_t mba)
{
	uint8_t s[52];

	expect_io(sim_css_stsch(f->css, &f->cpu, FX_SID, FX_OP), 0);
	sim_mem_read(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	s[4] = 0x18;					/* ISC 3 */
	s[5] = (uint8_t)((s[5] & ~(MM_UPDATE | MM_DCT)) | 0x80 | mm);
	ccwa_put_be16(s + 12, mbi);
	s[27] = (uint8_t)((s[27] & ~(PMCW_F | PMCW_X | 0x01)) | b27);
	ccwa_put_be64(s + 40, mba);
	sim_mem_write(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	expect_io(sim_css_msch(f->css, &f->cpu, FX_SID, FX_OP), 0);
}

static void nop_takes(struct fx *f, sim_vtime delay, sim_vtime de_delay)
{
	struct sim_testdev_cmd c = { .end = CE_DE, .delay = delay,
				     .de_delay = de_delay };

	ck_assert_int_eq(sim_testdev_set(f->dev, CCWA_CMD_NOP, &c), 0);
}

/* TSCH 0.0.0000 into an IRB area pre-filled with 0xff; 96 bytes back. */
static struct sim_io tsch_ff(struct fx *f, uint8_t irb[96])
{
	struct sim_io r;

	memset(irb, 0xff, 96);
	sim_mem_write(f->mem, FX_OP, irb, 96, 0, NULL);
	r = sim_css_tsch(f->css, &f->cpu, FX_SID, FX_OP);
	sim_mem_read(f->mem, FX_OP, irb, 96, 0, NULL);
	return r;
}

/*
 * One NOP operation: SSCH, run until device end is in (and past any busy
 * window of up to 5 ms), TSCH cc 0.  The IRB comes back in @irb (may be
 * NULL).
 */
static void one_nop(struct fx *f, sim_vtime delay, sim_vtime de_delay,
		    uint8_t *irb)
{
	uint8_t buf[96];

	nop_takes(f, delay, de_delay);
	fx_ccw1(f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(f, 0, 0xff);
	expect_io(fx_ssch(f), 0);
	fx_run(f, delay + de_delay + SIM_MS(5));	/* busy windows too */
	expect_io(tsch_ff(f, buf), 0);
	if (irb)
		memcpy(irb, buf, sizeof(buf));
}

static void fill(struct fx *f, uint64_t addr, uint8_t byte, uint64_t len)
{
	ck_assert_int_eq(sim_mem_fill(f->mem, addr, byte, len, 0, NULL),
			 SIM_MEM_OK);
}

static void expect_filled(struct fx *f, uint64_t addr, uint8_t byte,
			  uint64_t len, const char *what)
{
	for (uint64_t i = 0; i < len; i++) {
		uint8_t b;

		sim_mem_read(f->mem, addr + i, &b, 1, 0, NULL);
		ck_assert_msg(b == byte, "%s: byte at 0x%llx is 0x%02x, want 0x%02x",
			      what, (unsigned long long)(addr + i), b, byte);
	}
}

static uint32_t mem32(struct fx *f, uint64_t addr)
{
	uint8_t b[4];

	sim_mem_read(f->mem, addr, b, 4, 0, NULL);
	return ccwa_get_be32(b);
}

static uint16_t mem16(struct fx *f, uint64_t addr)
{
	uint8_t b[2];

	sim_mem_read(f->mem, addr, b, 2, 0, NULL);
	return ccwa_get_be16(b);
}

/* A format-0 block's fields in storage order (§5.3). */
struct cmb0 {
	uint16_t count, sample;
	uint32_t connect, pending, disconnect, cuq, dao, busy, icr;
};

static void expect_cmb0(struct fx *f, uint64_t a, const struct cmb0 *w,
			const char *what)
{
	const struct {
		const char *name;
		unsigned off, size;
		uint32_t want;
	} fld[] = {
		{ "SSCH+RSCH count", 0, 2, w->count },
		{ "sample count", 2, 2, w->sample },
		{ "device-connect time", 4, 4, w->connect },
		{ "function-pending time", 8, 4, w->pending },
		{ "device-disconnect time", 12, 4, w->disconnect },
		{ "control-unit-queuing time", 16, 4, w->cuq },
		{ "device-active-only time", 20, 4, w->dao },
		{ "device-busy time", 24, 4, w->busy },
		{ "initial-command-response time", 28, 4, w->icr },
	};

	for (unsigned i = 0; i < sizeof(fld) / sizeof(fld[0]); i++) {
		uint32_t got = fld[i].size == 2 ? mem16(f, a + fld[i].off)
						: mem32(f, a + fld[i].off);

		ck_assert_msg(got == fld[i].want,
			      "%s: format-0 %s (offset %u) is %u, want %u",
			      what, fld[i].name, fld[i].off, got, fld[i].want);
	}
}

/* A format-1 block's 32-bit fields at their §5.4 offsets. */
struct cmb1 {
	uint32_t count, sample, connect, pending, disconnect, cuq, dao, busy,
		 icr, intdelay, priodelay;
};

static void expect_cmb1(struct fx *f, uint64_t a, const struct cmb1 *w,
			const char *what)
{
	const uint32_t want[11] = {
		w->count, w->sample, w->connect, w->pending, w->disconnect,
		w->cuq, w->dao, w->busy, w->icr, w->intdelay, w->priodelay,
	};
	static const char *const name[11] = {
		"SSCH+RSCH count", "sample count", "device-connect time",
		"function-pending time", "device-disconnect time",
		"control-unit-queuing time", "device-active-only time",
		"device-busy time", "initial-command-response time",
		"interruption-delay time", "I/O-priority-delay time",
	};

	for (unsigned i = 0; i < 11; i++) {
		uint32_t got = mem32(f, a + 4 * i);

		ck_assert_msg(got == want[i],
			      "%s: format-1 %s (offset %u) is %u, want %u",
			      what, name[i], 4 * i, got, want[i]);
	}
}

/* ---- SCHM (§2.11) ---- */

struct schm_row {
	const char *cite;
	uint8_t problem;
	uint32_t gr1;
	uint64_t gr2;
	uint16_t pic;		/* 0: accepted, cc unchanged */
};

static const struct schm_row schm_rows[] = {
	{ "§2.0 privileged: problem state", 1, SCHM_M, FX_MB,
	  CCWA_PGM_PRIVILEGED },
	{ "§2.11 GR1 bit 36 must be 0", 0, SCHM_M | 0x08000000u, FX_MB,
	  CCWA_PGM_OPERAND },
	{ "§2.11 GR1 bit 48 must be 0", 0, 0x00008000u, FX_MB,
	  CCWA_PGM_OPERAND },
	{ "§2.11 GR1 bit 61 must be 0", 0, SCHM_M | 0x00000004u, FX_MB,
	  CCWA_PGM_OPERAND },
	{ "§2.11 GR1 bits 36-61 all set", 0, 0x0ffffffcu, FX_MB,
	  CCWA_PGM_OPERAND },
	{ "§2.11 reserved bits checked with M=0 too", 0, 0x00000100u, 0,
	  CCWA_PGM_OPERAND },
	{ "§2.11 M=1, MBO bit 63 set", 0, SCHM_M, FX_MB + 1,
	  CCWA_PGM_OPERAND },
	{ "§2.11 M=1, MBO bit 59 set", 0, SCHM_M, FX_MB + 0x10,
	  CCWA_PGM_OPERAND },
	{ "§2.11 M=1, MBO 8-byte aligned only", 0, SCHM_M | SCHM_D,
	  FX_MB + 0x18, CCWA_PGM_OPERAND },
	{ "§2.11 M=1, MBO 32-byte aligned", 0, SCHM_M, FX_MB + 0x20, 0 },
	{ "§2.11 M=0: GR2 not checked", 0, 0, FX_MB + 3, 0 },
	{ "§2.11 M=0 D=1: GR2 not checked", 0, SCHM_D, 0x1fu, 0 },
	{ "§2.11 MBK in bits 32-35 is not reserved", 0, SCHM_MBK(15) | SCHM_M,
	  FX_MB, 0 },
	{ "§2.11 no storage accessed: MBO beyond storage accepted", 0, SCHM_M,
	  (uint64_t)1 << 40, 0 },
	{ "§2.11 M=0 turns measurement off", 0, 0, 0, 0 },
};

/*
 * §2.11: SCHM's checks (privileged; GR1 bits 36-61 zero; MBO 32-byte
 * aligned only when M=1) and its condition code: unchanged when accepted.
 */
START_TEST(test_schm_gr1_gr2_table_pic_or_cc_unchanged)
{
	const struct schm_row *r = &schm_rows[_i];
	struct sim_io io;
	struct fx f;

	fx_init(&f, NULL);
	f.cpu.problem = r->problem;
	io = sim_css_schm(f.css, &f.cpu, r->gr1, r->gr2);
	ck_assert_int_eq(io.err, 0);
	ck_assert_msg(io.pic == r->pic, "row %d (%s): pic 0x%04x, want 0x%04x",
		      _i, r->cite, io.pic, r->pic);
	if (!r->pic)
		ck_assert_msg(io.cc == SIM_CC_UNCHANGED,
			      "row %d (%s): cc %u, want unchanged", _i, r->cite,
			      io.cc);
	fx_fini(&f);
}
END_TEST

/*
 * §2.11, §2.0: an SCHM that ends in an operand exception changes nothing:
 * the mode and MBO of the earlier SCHM stay, so the block is still
 * updated at the old origin.
 */
START_TEST(test_schm_rejected_keeps_old_mode)
{
	struct fx f;
	struct sim_io io;
	const struct cmb0 one = { .count = 1, .sample = 1 };

	fx_init(&f, NULL);
	fill(&f, FX_MB, 0, 32);
	fill(&f, FX_MB + 0x40, SENTINEL, 64);
	schm(&f, SCHM_M, FX_MB);
	io = sim_css_schm(f.css, &f.cpu, SCHM_M, FX_MB + 0x41);
	ck_assert_uint_eq(io.pic, CCWA_PGM_OPERAND);
	io = sim_css_schm(f.css, &f.cpu, 0x00000010u, 0);
	ck_assert_uint_eq(io.pic, CCWA_PGM_OPERAND);
	msch_meas(&f, MM_UPDATE, 0, 0, 0);
	one_nop(&f, SIM_US(10), 0, NULL);
	expect_cmb0(&f, FX_MB, &one, "after the rejected SCHMs");
	expect_filled(&f, FX_MB + 0x40, SENTINEL, 64, "the rejected MBO");
	fx_fini(&f);
}
END_TEST

/* ---- format-0 blocks (§5.2, §5.3, §5.5) ---- */

/*
 * §5.2 block at MBO + 32 * MBI; §5.3 layout; §5.5 semantics: SSCH+RSCH
 * count +1 per SSCH, sample count +1 per completed operation, times in
 * 128-µs units with the remainders carried.  NOP: 1 ms connect, device end
 * 300 µs after channel end, 500 ns function pending; TSCH after each.
 *   after k ops: connect floor(k * 1e6 / 128000)  = 7 15 23 31 39
 *                dao     floor(k * 3e5 / 128000)  = 2  4  7  9 11
 *                pending floor(k * 500 / 128000)  = 0
 */
START_TEST(test_cmf_format0_nops_units_carry)
{
	static const struct cmb0 want[5] = {
		{ .count = 1, .sample = 1, .connect = 7, .dao = 2 },
		{ .count = 2, .sample = 2, .connect = 15, .dao = 4 },
		{ .count = 3, .sample = 3, .connect = 23, .dao = 7 },
		{ .count = 4, .sample = 4, .connect = 31, .dao = 9 },
		{ .count = 5, .sample = 5, .connect = 39, .dao = 11 },
	};
	const uint64_t blk = FX_MB + 2 * 32;
	struct fx f;
	char what[32];

	fx_init(&f, NULL);
	fill(&f, FX_MB, SENTINEL, 128);
	fill(&f, blk, 0, 32);			/* the program clears it */
	schm(&f, SCHM_M, FX_MB);
	msch_meas(&f, MM_UPDATE, 2, 0, 0);
	for (unsigned k = 0; k < 5; k++) {
		one_nop(&f, SIM_MS(1), SIM_US(300), NULL);
		snprintf(what, sizeof(what), "after operation %u", k + 1);
		expect_cmb0(&f, blk, &want[k], what);
	}
	expect_filled(&f, FX_MB, SENTINEL, 64, "MBI 0 and 1");
	expect_filled(&f, FX_MB + 96, SENTINEL, 32, "MBI 3");
	fx_fini(&f);
}
END_TEST

/*
 * §2.1, §5.5: the SSCH+RSCH count goes up when SSCH is carried out (cc 0),
 * before the operation ends; the sample count when it has ended.
 */
START_TEST(test_cmf_ssch_counted_at_start_sampled_at_end)
{
	struct fx f;

	fx_init(&f, NULL);
	fill(&f, FX_MB, 0, 32);
	schm(&f, SCHM_M, FX_MB);
	msch_meas(&f, MM_UPDATE, 0, 0, 0);
	nop_takes(&f, SIM_MS(1), 0);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, 0, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));		/* active, not ended */
	ck_assert_uint_eq(mem16(&f, FX_MB), 1);
	ck_assert_uint_eq(mem16(&f, FX_MB + 2), 0);
	/* SSCH refused with cc 2 (a function in progress): not counted */
	expect_io(fx_ssch(&f), 2);
	ck_assert_uint_eq(mem16(&f, FX_MB), 1);
	fx_run(&f, SIM_MS(2));
	ck_assert_uint_eq(mem16(&f, FX_MB + 2), 1);
	fx_fini(&f);
}
END_TEST

/* ---- format-1 blocks (§1.6 F and MBA, §5.2, §5.4) ---- */

/*
 * §1.6 PMCW F with a 64-byte-aligned MBA; §5.2 one block at MBA, MBO and
 * MBI unused; §5.4 32-bit counters at 0, 4, 8, ... 40.  Three NOPs of
 * 2 ms connect, device end 1 ms later:
 *   connect floor(3 * 2e6 / 128000) = 46, dao floor(3 * 1e6 / 128000) = 23,
 *   pending floor(3 * 500 / 128000) = 0; §9.12 newer fields left 0.
 */
START_TEST(test_cmf_format1_mba_counters_at_offsets)
{
	const struct cmb1 want = { .count = 3, .sample = 3, .connect = 46,
				   .dao = 23 };
	struct fx f;

	fx_init(&f, NULL);
	fill(&f, FX_MB, SENTINEL, 64);
	fill(&f, MBA1, 0, 64);
	fill(&f, MBA1 + 64, SENTINEL, 64);
	schm(&f, SCHM_M, FX_MB);
	msch_meas(&f, MM_UPDATE, 1, PMCW_F, MBA1);
	for (unsigned k = 0; k < 3; k++)
		one_nop(&f, SIM_MS(2), SIM_MS(1), NULL);
	expect_cmb1(&f, MBA1, &want, "three operations");
	expect_filled(&f, MBA1 + 44, 0, 20, "reserved bytes 44-63");
	expect_filled(&f, MBA1 + 64, SENTINEL, 64, "past the block");
	expect_filled(&f, FX_MB, SENTINEL, 64, "MBO + 32 * MBI, unused");
	fx_fini(&f);
}
END_TEST

/* ---- measurement off (§2.11, §5.1, §5.5) ---- */

enum off_case { OFF_SCHM_M0, OFF_MM0, OFF_SCHM_M0_LATER };

static const char *const off_cite[] = {
	"§5.1: SCHM M=0, PMCW MM bit 11 = 1",
	"§5.1: SCHM M=1, PMCW MM bit 11 = 0",
	"§5.5: SCHM M=0 after measuring was on stops all updates",
};

/*
 * §5.1: a subchannel is measured only when SCHM M=1 and its PMCW MM
 * update bit is set; §5.5 SCHM M=0 stops all updates.  The block (and
 * absolute 0, where an MBO of 0 would point) stays untouched.
 */
START_TEST(test_cmf_off_block_untouched)
{
	struct fx f;

	fx_init(&f, NULL);
	fill(&f, 0, SENTINEL, 64);
	fill(&f, FX_MB, SENTINEL, 64);
	switch (_i) {
	case OFF_SCHM_M0:
		schm(&f, 0, FX_MB);
		msch_meas(&f, MM_UPDATE, 0, 0, 0);
		break;
	case OFF_MM0:
		schm(&f, SCHM_M, FX_MB);
		msch_meas(&f, 0, 0, 0, 0);
		break;
	case OFF_SCHM_M0_LATER:
		schm(&f, SCHM_M, FX_MB);
		msch_meas(&f, MM_UPDATE, 0, 0, 0);
		schm(&f, 0, 0);
		break;
	}
	one_nop(&f, SIM_MS(1), SIM_US(200), NULL);
	one_nop(&f, SIM_MS(1), 0, NULL);
	expect_filled(&f, 0, SENTINEL, 64, off_cite[_i]);
	expect_filled(&f, FX_MB, SENTINEL, 64, off_cite[_i]);
	fx_fini(&f);
}
END_TEST

/* ---- RSCH (§2.5, §3.3, §5.5; compat cmf_rsch) ---- */

/*
 * §2.5 "SSCH+RSCH count += 1 if measuring" and §5.5: SSCH and RSCH each
 * count, one operation is one sample.  §11 B: Hercules 3.13 does not count
 * resumes (switch SIM_CMF_NO_RSCH).  The first CCW has S=1 with ORB S=1,
 * so the start suspends (§3.3); its S flag is turned off before RSCH.
 */
START_TEST(test_cmf_rsch_switch_counted_or_not)
{
	static const uint16_t want_count[2] = { 2, 1 };
	struct sim_css_compat c;
	struct fx f;
	uint8_t irb[96];

	memset(&c, 0, sizeof(c));
	c.cmf_rsch = _i ? SIM_CMF_NO_RSCH : SIM_CMF_COUNT_RSCH;
	fx_init(&f, &c);
	fill(&f, FX_MB, 0, 32);
	schm(&f, SCHM_M, FX_MB);
	msch_meas(&f, MM_UPDATE, 0, 0, 0);
	nop_takes(&f, SIM_MS(1), 0);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SUSPEND | CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, ORB_S, 0xff);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	expect_io(tsch_ff(&f, irb), 0);
	ck_assert_uint_eq(irb[3], 0x29);	/* suspended, intermediate */
	ck_assert_uint_eq(mem16(&f, FX_MB + 2), 0);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
	expect_io(sim_css_rsch(f.css, &f.cpu, FX_SID), 0);
	fx_run(&f, SIM_MS(2));
	expect_io(tsch_ff(&f, irb), 0);
	ck_assert_uint_eq(irb[3], 0x07);	/* primary + secondary */
	ck_assert_uint_eq(mem16(&f, FX_MB), want_count[_i]);
	ck_assert_uint_eq(mem16(&f, FX_MB + 2), 1);
	fx_fini(&f);
}
END_TEST

/* ---- block access errors (§5.2, §1.7 ESW format 0) ---- */

struct mbk_row {
	const char *cite;
	uint8_t mbk;
	uint64_t mbo;
	uint8_t esf;		/* 0: the block is updated, ESW format 1 */
};

static const struct mbk_row mbk_rows[] = {
	{ "§5.2 MBK 3 vs storage key 5 (fetch-protected): ESF bit 4",
	  3, FX_PROT, 0x08 },
	{ "§5.2 MBK equal to the storage key: updated", 5, FX_PROT, 0 },
	{ "§5.2 MBK 0 (the master key): updated", 0, FX_PROT, 0 },
	{ "§5.2 block outside storage: ESF bit 2, MB program check",
	  0, (uint64_t)64 << 20, 0x20 },
};

/*
 * §5.2: the channel subsystem accesses the block with key MBK; a failed
 * access is not done and shows as extended-status flags in a format-0 ESW
 * (§1.7: SCSW L=1, ESW word 0 = subchannel logout, ESF in bits 1-7: bit 2
 * MB program check = byte 0 mask 0x20, bit 4 MB protection check = 0x08).
 * The operation itself ends normally (CE+DE).
 */
START_TEST(test_cmf_mbk_mismatch_logout_esf)
{
	const struct mbk_row *r = &mbk_rows[_i];
	struct ccwa_schib s;
	struct fx f;
	uint8_t irb[96];

	fx_init(&f, NULL);
	if (r->mbo < FX_MEM)
		fill(&f, r->mbo, r->esf ? SENTINEL : 0, 32);
	schm(&f, SCHM_MBK(r->mbk) | SCHM_M, r->mbo);
	msch_meas(&f, MM_UPDATE, 0, 0, 0);
	one_nop(&f, SIM_US(10), 0, irb);
	ck_assert_uint_eq(irb[8], CE_DE);
	ck_assert_uint_eq(irb[3], 0x07);
	if (r->esf) {
		ck_assert_msg(irb[0] & SCSW_L, "row %d (%s): SCSW L=0", _i,
			      r->cite);
		ck_assert_msg(irb[12] == r->esf,
			      "row %d (%s): logout byte 0 0x%02x, want 0x%02x",
			      _i, r->cite, irb[12], r->esf);
		/* LPUM in bits 8-15, marked valid by FVF bit 17 (§1.7) */
		ck_assert_int_eq(sim_css_sch_schib(f.css, 0, 0, &s), 0);
		ck_assert_uint_eq(irb[13], s.pmcw.b[10]);
		ck_assert_uint_eq(irb[14] & 0x40, 0x40);
		if (r->mbo < FX_MEM)
			expect_filled(&f, r->mbo, SENTINEL, 32, r->cite);
	} else {
		const struct cmb0 one = { .count = 1, .sample = 1 };

		ck_assert_msg(!(irb[0] & SCSW_L), "row %d (%s): SCSW L=1", _i,
			      r->cite);
		ck_assert_uint_eq(irb[12], 0);
		expect_cmb0(&f, r->mbo, &one, r->cite);
	}
	fx_fini(&f);
}
END_TEST

/* ---- DCTI in ESW format 2 (§1.7, §5.1, §5.5) ---- */

struct dcti_row {
	const char *cite;
	uint32_t schm_gr1;
	uint8_t mm;
	sim_vtime connect;
	uint16_t dcti;
};

static const struct dcti_row dcti_rows[] = {
	{ "§5.5 SCHM D=1, MM bit 12: DCTI = 15 units of 128 µs",
	  SCHM_D, MM_DCT, 15 * (sim_vtime)UNIT, 15 },
	{ "§5.5 with block updates on as well", SCHM_D | SCHM_M,
	  MM_DCT | MM_UPDATE, 15 * (sim_vtime)UNIT, 15 },
	{ "§5.5 DCTI saturates at 0xffff (10 s connect)", SCHM_D, MM_DCT,
	  SIM_S(10), 0xffff },
	{ "§1.7 SCHM D=0: format 1, no DCTI", 0, MM_DCT,
	  15 * (sim_vtime)UNIT, 0 },
	{ "§1.7 PMCW MM bit 12 = 0: format 1, no DCTI", SCHM_D, MM_UPDATE,
	  15 * (sim_vtime)UNIT, 0 },
};

/*
 * §1.7 ESW format 2 when SCHM D=1 and PMCW MM bit 12 = 1 with primary
 * status: word 0 byte 0 = 0, byte 1 = LPUM, bytes 2-3 = the operation's
 * device-connect time (§5.5: 128-µs units, saturating at 0xffff); SCSW
 * L=0.  Otherwise format 1: bytes 2-3 zero.
 */
START_TEST(test_cmf_dct_mode_esw_format2_dcti)
{
	const struct dcti_row *r = &dcti_rows[_i];
	struct fx f;
	uint8_t irb[96];

	fx_init(&f, NULL);
	fill(&f, FX_MB, 0, 32);
	schm(&f, r->schm_gr1, FX_MB);
	msch_meas(&f, r->mm, 0, 0, 0);
	one_nop(&f, r->connect, 0, irb);
	ck_assert_uint_eq(irb[3], 0x07);
	ck_assert_msg(!(irb[0] & SCSW_L), "row %d (%s): SCSW L=1", _i, r->cite);
	ck_assert_uint_eq(irb[12], 0);
	ck_assert_uint_eq(irb[13], 0x80);	/* LPUM: path 0 (PIM 0xc0) */
	ck_assert_msg(ccwa_get_be16(irb + 14) == r->dcti,
		      "row %d (%s): DCTI %u, want %u", _i, r->cite,
		      ccwa_get_be16(irb + 14), r->dcti);
	fx_fini(&f);
}
END_TEST

/* ---- EMW (§1.7, §5.5) ---- */

enum emw_case { EMW_X1, EMW_X1_BUSY, EMW_X0, EMW_X1_NOT_PENDING };

/*
 * §1.7: with PMCW X=1 TSCH stores a 96-byte IRB whose bytes 64-95 are the
 * EMW (words: connect, function pending, disconnect, CU queuing,
 * device-active-only, device busy, initial command response, reserved),
 * in 128-µs units for this one operation; with X=0 it stores 64 bytes.
 * §1.7 recommendation (the [?] reading): 96 bytes whenever X=1, so also
 * for a TSCH with nothing pending (cc 1).
 *   EMW_X1:      connect 8 units (1.024 ms), DE 3 units (384 µs) later
 *   EMW_X1_BUSY: device busy until 1.0245 ms after SSCH: pending 8 units
 *                (1 024 500 ns), busy 8 units (1 024 000 ns from the
 *                first offer at 500 ns); then connect 8 units.
 */
START_TEST(test_cmf_x_bit_irb96_with_emw)
{
	struct fx f;
	uint8_t irb[96];
	uint32_t want[8] = { 0 };

	fx_init(&f, NULL);
	fill(&f, FX_MB, 0, 32);
	schm(&f, SCHM_M, FX_MB);
	msch_meas(&f, MM_UPDATE, 0, _i == EMW_X0 ? 0 : PMCW_X, 0);
	switch (_i) {
	case EMW_X1:
		one_nop(&f, 8 * (sim_vtime)UNIT, 3 * (sim_vtime)UNIT, irb);
		want[0] = 8;
		want[4] = 3;
		break;
	case EMW_X1_BUSY:
		sim_testdev_busy(f.dev, 8 * (sim_vtime)UNIT + SIM_NS(500));
		one_nop(&f, 8 * (sim_vtime)UNIT, 0, irb);
		want[0] = 8;
		want[1] = 8;
		want[5] = 8;
		break;
	case EMW_X0:
		one_nop(&f, 8 * (sim_vtime)UNIT, 3 * (sim_vtime)UNIT, irb);
		for (unsigned i = 64; i < 96; i++)
			ck_assert_msg(irb[i] == 0xff,
				      "X=0: IRB byte %u written (0x%02x)", i,
				      irb[i]);
		fx_fini(&f);
		return;
	case EMW_X1_NOT_PENDING: {
		unsigned stored = 0;

		expect_io(tsch_ff(&f, irb), 1);
		for (unsigned i = 64; i < 96; i++)
			stored += irb[i] != 0xff;
		ck_assert_msg(stored, "X=1, cc 1: bytes 64-95 not stored");
		fx_fini(&f);
		return;
	}
	}
	ck_assert_uint_eq(irb[3], 0x07);
	for (unsigned w = 0; w < 8; w++)
		ck_assert_msg(ccwa_get_be32(irb + 64 + 4 * w) == want[w],
			      "case %d: EMW word %u is 0x%08x, want %u", _i, w,
			      ccwa_get_be32(irb + 64 + 4 * w), want[w]);
	fx_fini(&f);
}
END_TEST

/* ---- a Linux-like session (§5, Linux cmf.c as the facts describe it) ---- */

/*
 * §5.1, §5.2, §5.4, §5.5: what Linux's cmf does with the extended format:
 * SCHM M=1 (GR2 0: the origin is unused for format 1), the block cleared,
 * MSCH MM=2 (update only) with F=1 and the MBA, five operations each
 * taken with TSCH, then every field read.  Operations (connect, DE later):
 *   1: 1 ms, -       2: 2 ms, 256 µs    3: 500 µs, - (device busy 1 ms)
 *   4: 3 ms, 1 ms    5: 1 ms, 100 µs
 * Totals: connect 7.5 ms -> floor(58.59) = 58;  dao 1.356 ms -> 10;
 * pending 4 * 500 ns + 1 ms (op 3 waits for the busy device) = 1.002 ms
 * -> 7;  busy 1 ms - 500 ns (from the first offer) = 999.5 µs -> 7;
 * disconnect, CU queuing, initial command response 0; count 5, sample 5.
 */
START_TEST(test_cmf_linux_session_all_fields_match)
{
	static const struct {
		sim_vtime delay, de, busy;
	} ops[5] = {
		{ SIM_MS(1), 0, 0 },
		{ SIM_MS(2), SIM_US(256), 0 },
		{ SIM_US(500), 0, SIM_MS(1) },
		{ SIM_MS(3), SIM_MS(1), 0 },
		{ SIM_MS(1), SIM_US(100), 0 },
	};
	const struct cmb1 want = {
		.count = 5, .sample = 5, .connect = 58, .pending = 7,
		.dao = 10, .busy = 7,
	};
	struct fx f;
	uint8_t irb[96];

	fx_init(&f, NULL);
	fill(&f, 0, SENTINEL, 32);
	fill(&f, MBA1, 0xee, 64);
	schm(&f, SCHM_M, 0);
	fill(&f, MBA1, 0, 64);				/* cmf_generic_reset */
	msch_meas(&f, MM_UPDATE, 0, PMCW_F, MBA1);
	for (unsigned k = 0; k < 5; k++) {
		if (ops[k].busy)
			sim_testdev_busy(f.dev, ops[k].busy);
		one_nop(&f, ops[k].delay, ops[k].de, irb);
		ck_assert_uint_eq(irb[3], 0x07);
		ck_assert_uint_eq(irb[8], CE_DE);
	}
	expect_cmb1(&f, MBA1, &want, "Linux-like session");
	expect_filled(&f, MBA1 + 44, 0, 20, "reserved bytes 44-63");
	expect_filled(&f, 0, SENTINEL, 32, "absolute 0: MBO unused");
	fx_fini(&f);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("css_cmf");
	TCase *schm_tc = tcase_create("schm");
	TCase *blk = tcase_create("blocks");
	TCase *irb = tcase_create("irb");

	tcase_add_loop_test(schm_tc, test_schm_gr1_gr2_table_pic_or_cc_unchanged, 0,
			    (int)(sizeof(schm_rows) / sizeof(schm_rows[0])));
	tcase_add_test(schm_tc, test_schm_rejected_keeps_old_mode);
	suite_add_tcase(s, schm_tc);

	tcase_add_test(blk, test_cmf_format0_nops_units_carry);
	tcase_add_test(blk, test_cmf_ssch_counted_at_start_sampled_at_end);
	tcase_add_test(blk, test_cmf_format1_mba_counters_at_offsets);
	tcase_add_loop_test(blk, test_cmf_off_block_untouched, 0, 3);
	tcase_add_loop_test(blk, test_cmf_rsch_switch_counted_or_not, 0, 2);
	tcase_add_loop_test(blk, test_cmf_mbk_mismatch_logout_esf, 0,
			    (int)(sizeof(mbk_rows) / sizeof(mbk_rows[0])));
	tcase_add_test(blk, test_cmf_linux_session_all_fields_match);
	suite_add_tcase(s, blk);

	tcase_add_loop_test(irb, test_cmf_dct_mode_esw_format2_dcti, 0,
			    (int)(sizeof(dcti_rows) / sizeof(dcti_rows[0])));
	tcase_add_loop_test(irb, test_cmf_x_bit_irb96_with_emw, 0, 4);
	suite_add_tcase(s, irb);
	return s;
}
