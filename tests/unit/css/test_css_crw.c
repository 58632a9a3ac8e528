// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Channel reports (facts §1.8, §2.10, §6): STCRW, the CRW queue, chained
 * subchannel reports, overflow and the channel-report-pending machine
 * check.  Every CRW is compared as a whole word, written here by hand
 * from §1.8:
 *
 *   S 0x40000000  R 0x20000000  C 0x10000000  RSC << 24  ERC << 16  RSID
 *
 *   channel path 0x40 gone (RSC 4, ERC 7)        04070040
 *   channel path 0x40 come (RSC 4, ERC 4)        04040040
 *   subchannel 0x0002 installed (RSC 3, ERC 4)   03040002, with C: 13040002
 *   its chained second CRW, set 1 (ssid << 4)    03040010
 *   RCHP 0x40 done (S, RSC 4, ERC 2)             44020040
 */
#include <errno.h>
#include <string.h>

#include <ccwsim/arch/be.h>

#include "check_main.h"
#include "css_fixture.h"

#define CRW_OP	0x3800u		/* STCRW operand */

static void expect_io(struct sim_io r, uint8_t cc)
{
	ck_assert_int_eq(r.err, 0);
	ck_assert_int_eq(r.pic, 0);
	ck_assert_int_eq(r.cc, cc);
}

/* A small machine of our own: @nsets sets, @cap CRWs, CHPIDs 0x40-0x47. */
struct mach {
	struct sim_evq *q;
	struct sim_mem *mem;
	struct sim_css *css;
	struct sim_cpu cpu;
};

static void mach_init(struct mach *m, unsigned nsets, unsigned cap,
		      uint8_t oflw)
{
	struct sim_css_cfg cfg = {
		.nsets = nsets,
		.facilities = SIM_FAC_DEFAULT,
		.crw_capacity = cap,
	};

	memset(m, 0, sizeof(*m));
	m->q = sim_evq_create();
	m->mem = sim_mem_create(1u << 20);
	ck_assert_ptr_nonnull(m->q);
	ck_assert_ptr_nonnull(m->mem);
	cfg.evq = m->q;
	cfg.mem = m->mem;
	sim_css_compat_profile(&cfg.compat, SIM_COMPAT_POPS);
	cfg.compat.crw_oflw = oflw;
	m->css = sim_css_create(&cfg);
	ck_assert_ptr_nonnull(m->css);
	for (unsigned c = 0x40; c < 0x48; c++)
		ck_assert_int_eq(sim_css_chp_install(m->css, (uint8_t)c, 0x1a),
				 0);
	m->cpu.cr6 = 0xff;
}

static void mach_fini(struct mach *m)
{
	ck_assert_int_eq(sim_css_verify(m->css), 0);
	sim_css_destroy(m->css);
	sim_mem_destroy(m->mem);
	sim_evq_destroy(m->q);
}

/*
 * STCRW at @addr of the machine (@css, @cpu, @mem): expect @cc and, for
 * both cc 0 and cc 1 (zeros), the stored word @want.
 */
static void stcrw_is(struct sim_css *css, struct sim_cpu *cpu,
		     struct sim_mem *mem, uint8_t cc, uint32_t want)
{
	uint8_t b[4] = { 0xff, 0xff, 0xff, 0xff };
	struct sim_io r;

	sim_mem_write(mem, CRW_OP, b, 4, 0, NULL);
	r = sim_css_stcrw(css, cpu, CRW_OP);
	ck_assert_int_eq(r.err, 0);
	ck_assert_uint_eq(r.pic, 0);
	ck_assert_msg(r.cc == cc, "STCRW cc %u, want %u", r.cc, cc);
	sim_mem_read(mem, CRW_OP, b, 4, 0, NULL);
	ck_assert_msg(ccwa_get_be32(b) == want, "CRW %08x, want %08x",
		      ccwa_get_be32(b), want);
}

static void fx_crw(struct fx *f, uint8_t cc, uint32_t want)
{
	stcrw_is(f->css, &f->cpu, f->mem, cc, want);
}

static void m_crw(struct mach *m, uint8_t cc, uint32_t want)
{
	stcrw_is(m->css, &m->cpu, m->mem, cc, want);
}

/* A subchannel definition with a test device on CHPID 0x40 (path 0). */
static struct sim_sch_def def40(uint16_t devno)
{
	struct sim_sch_def d = { .devno = devno, .pim = 0x80,
				 .chpid = { 0x40 } };

	d.dev = sim_testdev_create(devno);
	ck_assert_ptr_nonnull(d.dev);
	return d;
}

/* ---- STCRW (§2.10) ---- */

/* §2.10: with no CRW pending STCRW gives cc 1 and stores zeros. */
START_TEST(test_stcrw_empty_queue_cc1_stores_zeros)
{
	struct fx f;

	fx_init(&f, NULL);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 0);
	fx_crw(&f, 1, 0);
	fx_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

/* §6.1, §2.10: STCRW removes CRWs one at a time, oldest first. */
START_TEST(test_stcrw_fifo_order)
{
	struct fx f;

	fx_init(&f, NULL);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 0), 0);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x41, 0), 0);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 1), 0);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 3);
	fx_crw(&f, 0, 0x04070040);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 2);
	fx_crw(&f, 0, 0x04070041);
	fx_crw(&f, 0, 0x04040040);
	fx_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

struct stcrw_exc_row {
	const char *cite;
	uint8_t problem, key;
	uint64_t addr;
	uint16_t pic;
};

static const struct stcrw_exc_row stcrw_exc_rows[] = {
	{ "§2.0 privileged operation", 1, 0, CRW_OP, 0x0002 },
	{ "§2.10 specification: not word-aligned", 0, 0, CRW_OP + 2, 0x0006 },
	{ "§2.10 specification: odd address", 0, 0, CRW_OP + 1, 0x0006 },
	{ "§2.10 protection: key-5 page, PSW key 3", 0, 3, FX_PROT, 0x0004 },
	{ "§2.10 addressing: beyond storage", 0, 0, FX_MEM, 0x0005 },
	{ "§2.10 addressing: far beyond storage", 0, 0, 0x7ffff000u,
	  0x0005 },
};

/*
 * §2.10, §2.0 "no partial execution": STCRW is suppressing.  After a
 * program exception nothing is stored and the CRW stays queued: the next
 * good STCRW gets it.
 */
START_TEST(test_stcrw_exception_crw_stays_queued)
{
	const struct stcrw_exc_row *r = &stcrw_exc_rows[_i];
	uint8_t b[4];
	struct sim_io io;
	struct fx f;

	fx_init(&f, NULL);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 0), 0);
	ck_assert_int_eq(sim_mem_fill(f.mem, FX_PROT, 0xff, 16, 0, NULL), 0);
	ck_assert_int_eq(sim_mem_fill(f.mem, CRW_OP, 0xff, 16, 0, NULL), 0);
	f.cpu.problem = r->problem;
	f.cpu.key = r->key;
	io = sim_css_stcrw(f.css, &f.cpu, r->addr);
	f.cpu.problem = 0;
	f.cpu.key = 0;
	ck_assert_int_eq(io.err, 0);
	ck_assert_msg(io.pic == r->pic, "row %d (%s): pic 0x%04x, want 0x%04x",
		      _i, r->cite, io.pic, r->pic);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 1);
	sim_mem_read(f.mem, FX_PROT, b, 4, 0, NULL);
	ck_assert_uint_eq(ccwa_get_be32(b), 0xffffffffu);
	sim_mem_read(f.mem, CRW_OP, b, 4, 0, NULL);
	ck_assert_uint_eq(ccwa_get_be32(b), 0xffffffffu);
	fx_crw(&f, 0, 0x04070040);
	fx_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

/* ---- subchannel reports (§6.2, §1.8) ---- */

struct inst_row {
	const char *cite;
	unsigned ssid, schno;
	uint32_t crw0, crw1;
};

static const struct inst_row inst_rows[] = {
	{ "§6.2 set 0: RSID = subchannel number, then ssid 0", 0, 2,
	  0x13040002, 0x03040000 },
	{ "§6.2 set 0, a high number", 0, 0x1234, 0x13041234, 0x03040000 },
	{ "§1.8 set 1: second CRW RSID = 1 << 4", 1, 5, 0x13040005,
	  0x03040010 },
	{ "§1.8 set 1, number 0xffff", 1, 0xffff, 0x1304ffff, 0x03040010 },
};

/*
 * §6.2, §1.8, §6.1: a subchannel installed after IPL is reported by
 * RSC 3, ERC 4, RSID = subchannel number; with more than one subchannel
 * set (the fixture has two) C = 1 chains a second CRW whose RSID holds
 * ssid << 4.  C is set on the first only.  STSCH then finds the device.
 */
START_TEST(test_sch_install_report_chained_crws)
{
	const struct inst_row *r = &inst_rows[_i];
	struct sim_sch_def d = def40(0x4444);
	uint8_t s[52];
	struct fx f;

	fx_init(&f, NULL);
	ck_assert_int_eq(sim_css_sch_define(f.css, r->ssid, r->schno, &d, 1),
			 0);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 2);
	fx_crw(&f, 0, r->crw0);
	fx_crw(&f, 0, r->crw1);
	fx_crw(&f, 1, 0);
	expect_io(sim_css_stsch(f.css, &f.cpu, sim_sid(r->ssid, r->schno),
				FX_OP), 0);
	sim_mem_read(f.mem, FX_OP, s, sizeof(s), 0, NULL);
	ck_assert_uint_eq(s[5] & 0x01, 0x01);		/* V */
	ck_assert_uint_eq(ccwa_get_be16(s + 6), 0x4444);	/* devno */
	fx_fini(&f);
}
END_TEST

/* §6.2, §1.8: without MSS (one subchannel set) a single CRW, C = 0. */
START_TEST(test_sch_install_one_set_single_crw)
{
	struct sim_sch_def d = def40(0x0777);
	struct mach m;

	mach_init(&m, 1, 0, SIM_CRW_OFLW_NEXT);
	ck_assert_int_eq(sim_css_sch_define(m.css, 0, 7, &d, 1), 0);
	ck_assert_uint_eq(sim_css_crw_pending(m.css), 1);
	m_crw(&m, 0, 0x03040007);
	m_crw(&m, 1, 0);
	mach_fini(&m);
}
END_TEST

/* §6.2: the initial configuration (report = 0) queues nothing. */
START_TEST(test_sch_define_initial_no_crw)
{
	struct sim_sch_def d = def40(0x0888);
	struct fx f;

	fx_init(&f, NULL);
	ck_assert_int_eq(sim_css_sch_define(f.css, 0, 9, &d, 0), 0);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 0);
	fx_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

/*
 * §6.2, §2.8, §2.0: removing 0.1.0000 is reported like an installation
 * (RSC 3, ERC 4, chained set CRW).  The number stays provided: STSCH cc 0
 * with V = 0; TSCH and SSCH give cc 3 (not operational: V = 0).
 */
START_TEST(test_sch_remove_report_number_stays_provided)
{
	uint8_t s[52];
	struct fx f;

	fx_init(&f, NULL);
	ck_assert_int_eq(sim_css_sch_remove(f.css, 1, 0), 0);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 2);
	fx_crw(&f, 0, 0x13040000);
	fx_crw(&f, 0, 0x03040010);
	fx_crw(&f, 1, 0);

	memset(s, 0xff, sizeof(s));
	sim_mem_write(f.mem, FX_OP, s, sizeof(s), 0, NULL);
	expect_io(sim_css_stsch(f.css, &f.cpu, FX_SID_SET1, FX_OP), 0);
	sim_mem_read(f.mem, FX_OP, s, sizeof(s), 0, NULL);
	ck_assert_uint_eq(s[5] & 0x01, 0);		/* V = 0 */
	ck_assert_uint_eq(s[5] & 0x80, 0);		/* E = 0 */
	ck_assert_uint_eq(ccwa_get_be32(s + 28), 0);	/* SCSW word 0 */
	expect_io(sim_css_tsch(f.css, &f.cpu, FX_SID_SET1, FX_OP), 3);
	fx_orb(&f, 0, 0xff);
	expect_io(sim_css_ssch(f.css, &f.cpu, FX_SID_SET1, FX_ORB), 3);
	/* The number above it was never provided. */
	expect_io(sim_css_stsch(f.css, &f.cpu, FX_SID_SET1 + 1, FX_OP), 3);
	fx_fini(&f);
}
END_TEST

/*
 * §6.2 (QEMU withdraws any interruption request pending for the removed
 * subchannel), §3.9: a request never outlives its subchannel, whichever
 * request bookkeeping is in force.  Row 0: the default (one request per
 * subchannel); row 1: QEMU's pile-up mode (§11 A3).
 */
START_TEST(test_sch_remove_withdraws_request)
{
	struct sim_css_compat c;
	struct fx f;

	sim_css_compat_profile(&c, SIM_COMPAT_POPS);
	if (_i == 1)
		c.irq = SIM_IRQ_PILE_UP;
	fx_init(&f, &c);
	fx_reach(&f, ST_PEND_FINAL);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	ck_assert_int_eq(sim_css_sch_remove(f.css, 0, 0), 0);
	ck_assert_msg(sim_css_io_pending(f.css, 3) == 0,
		      "row %d: %u requests left for a removed subchannel", _i,
		      sim_css_io_pending(f.css, 3));
	expect_io(sim_css_tpi(f.css, &f.cpu, 0), 0);
	fx_crw(&f, 0, 0x13040000);
	fx_crw(&f, 0, 0x03040000);
	fx_fini(&f);
}
END_TEST

/* ---- overflow (§6.1) ---- */

/*
 * §6.1: a queue of 2 CRWs gets a third report, which is lost.  Default
 * (QEMU): the next CRW queued after the loss has R = 1.  Hercules
 * (crw_oflw = SIM_CRW_OFLW_LAST): the last CRW queued gets R = 1 and the
 * next one has R = 0.
 */
START_TEST(test_crw_overflow_r_bit)
{
	int last = _i == 1;
	struct mach m;

	mach_init(&m, 1, 2, last ? SIM_CRW_OFLW_LAST : SIM_CRW_OFLW_NEXT);
	ck_assert_int_eq(sim_css_chp_vary(m.css, 0x40, 0), 0);
	ck_assert_int_eq(sim_css_chp_vary(m.css, 0x41, 0), 0);
	ck_assert_int_eq(sim_css_chp_vary(m.css, 0x42, 0), 0);	/* lost */
	ck_assert_uint_eq(sim_css_crw_pending(m.css), 2);
	m_crw(&m, 0, 0x04070040);
	m_crw(&m, 0, last ? 0x24070041 : 0x04070041);
	m_crw(&m, 1, 0);
	ck_assert_int_eq(sim_css_chp_vary(m.css, 0x43, 0), 0);
	ck_assert_int_eq(sim_css_chp_vary(m.css, 0x44, 0), 0);
	m_crw(&m, 0, last ? 0x04070043 : 0x24070043);
	m_crw(&m, 0, 0x04070044);
	m_crw(&m, 1, 0);
	mach_fini(&m);
}
END_TEST

/*
 * §6.1: a chained report that does not fit is lost whole (never half a
 * chain); the report after it carries R = 1 (default).
 */
START_TEST(test_crw_overflow_chain_lost_whole)
{
	struct sim_sch_def d = def40(0x0001);
	struct mach m;

	mach_init(&m, 2, 2, SIM_CRW_OFLW_NEXT);
	ck_assert_int_eq(sim_css_chp_vary(m.css, 0x40, 0), 0);
	ck_assert_int_eq(sim_css_sch_define(m.css, 1, 3, &d, 1), 0);
	ck_assert_uint_eq(sim_css_crw_pending(m.css), 1);
	m_crw(&m, 0, 0x04070040);
	m_crw(&m, 1, 0);
	ck_assert_int_eq(sim_css_chp_vary(m.css, 0x40, 1), 0);
	m_crw(&m, 0, 0x24040040);
	m_crw(&m, 1, 0);
	mach_fini(&m);
}
END_TEST

/* ---- the channel-report-pending machine check (§6.3) ---- */

struct mc_model {
	unsigned calls;
	int take;		/* take the machine check when told */
	unsigned taken;
};

static void crw_pending_cb(struct sim_css *css, void *ctx)
{
	struct mc_model *m = ctx;

	m->calls++;
	if (m->take)
		m->taken += (unsigned)sim_css_take_crw_mcck(css);
}

static const struct sim_css_cpu_ops mc_ops = { .crw_pending = crw_pending_cb };

/*
 * §6.3: one machine check per batch.  Queuing CRWs makes it pending; the
 * CPU model is told from the event queue; sim_css_take_crw_mcck() gives 1
 * once, then 0, however many CRWs follow, until an STCRW finds the queue
 * empty (cc 1), which re-arms it.  Draining to empty with cc 0 alone does
 * not re-arm it.
 */
START_TEST(test_crw_mcck_once_per_batch)
{
	struct mc_model mc = { 0 };
	struct fx f;

	fx_init(&f, NULL);
	sim_css_set_cpu_ops(f.css, &mc_ops, &mc);
	sim_css_set_mc_mask(f.css, 1, 1);
	/* Nothing queued yet. */
	ck_assert_int_eq(sim_css_take_crw_mcck(f.css), 0);

	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 0), 0);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x41, 0), 0);
	ck_assert_uint_eq(mc.calls, 0);		/* from the event queue */
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(mc.calls, 1);
	ck_assert_int_eq(sim_css_take_crw_mcck(f.css), 1);
	ck_assert_int_eq(sim_css_take_crw_mcck(f.css), 0);

	/* More CRWs in the same batch: no new machine check. */
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 1), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(mc.calls, 1);
	ck_assert_int_eq(sim_css_take_crw_mcck(f.css), 0);
	fx_crw(&f, 0, 0x04070040);
	fx_crw(&f, 0, 0x04070041);
	fx_crw(&f, 0, 0x04040040);
	/* Empty, but no cc-1 STCRW yet: a new CRW belongs to the batch. */
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x41, 1), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(mc.calls, 1);
	ck_assert_int_eq(sim_css_take_crw_mcck(f.css), 0);
	fx_crw(&f, 0, 0x04040041);
	fx_crw(&f, 1, 0);			/* re-armed */
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(mc.calls, 1);		/* nothing queued */
	ck_assert_int_eq(sim_css_take_crw_mcck(f.css), 0);

	/* The next batch. */
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 0), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(mc.calls, 2);
	ck_assert_int_eq(sim_css_take_crw_mcck(f.css), 1);
	ck_assert_int_eq(sim_css_take_crw_mcck(f.css), 0);
	fx_crw(&f, 0, 0x04070040);
	fx_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

struct mask_row {
	const char *cite;
	int psw_mc, cr14;
};

static const struct mask_row mask_rows[] = {
	{ "§6.3 PSW bit 13 off", 0, 1 },
	{ "§6.3 CR14 bit 35 off", 1, 0 },
	{ "§6.3 both off", 0, 0 },
};

/*
 * §6.3: the condition is repressible: with either mask off the CPU model
 * is not told; it stays pending and is presented once both are on.
 */
START_TEST(test_crw_mcck_masked_no_callback)
{
	const struct mask_row *r = &mask_rows[_i];
	struct mc_model mc = { .take = 1 };
	struct fx f;

	fx_init(&f, NULL);
	sim_css_set_cpu_ops(f.css, &mc_ops, &mc);
	sim_css_set_mc_mask(f.css, r->psw_mc, r->cr14);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 0), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_msg(mc.calls == 0, "row %d (%s): told while masked", _i,
		      r->cite);
	sim_css_set_mc_mask(f.css, 1, 1);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(mc.calls, 1);
	ck_assert_uint_eq(mc.taken, 1);
	fx_crw(&f, 0, 0x04070040);
	fx_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

/*
 * §6.3, §7: I/O-system reset empties the CRW queue (the CRWs queued
 * before it are gone) and re-arms the machine check: the next CRW is a
 * new batch, without an STCRW in between.
 */
START_TEST(test_css_reset_empties_crw_queue)
{
	struct mc_model mc = { .take = 1 };
	struct fx f;

	fx_init(&f, NULL);
	sim_css_set_cpu_ops(f.css, &mc_ops, &mc);
	sim_css_set_mc_mask(f.css, 1, 1);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 0), 0);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x41, 0), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(mc.taken, 1);
	sim_css_reset(f.css);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 0);
	ck_assert_int_eq(sim_css_take_crw_mcck(f.css), 0);
	/* Re-armed by the reset itself, before any STCRW. */
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 1), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(mc.calls, 2);
	ck_assert_uint_eq(mc.taken, 2);
	fx_crw(&f, 0, 0x04040040);
	fx_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

/*
 * §6.1-§6.3, §2.10, §2.12: what Linux's crw_collect_info sees.  Path 0x40
 * goes and comes, subchannel 0.1.0007 is installed, RCHP 0x41 completes;
 * one machine check is taken, and STCRW is repeated until cc 1, every
 * CRW checked; the machine check is then re-armed for the next event.
 */
START_TEST(test_crw_linux_collect_sequence)
{
	static const uint32_t want[] = {
		0x04070040,	/* path 0x40 gone */
		0x04040040,	/* path 0x40 come */
		0x13040007,	/* 0.1.0007 installed, chained */
		0x03040010,	/* ... in subchannel set 1 */
		0x44020041,	/* RCHP 0x41 done, solicited */
	};
	struct mc_model mc = { .take = 1 };
	struct sim_sch_def d = def40(0x0707);
	unsigned n = 0;
	struct fx f;

	fx_init(&f, NULL);
	sim_css_set_cpu_ops(f.css, &mc_ops, &mc);
	sim_css_set_mc_mask(f.css, 1, 1);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 0), 0);
	ck_assert_int_eq(sim_css_chp_vary(f.css, 0x40, 1), 0);
	ck_assert_int_eq(sim_css_sch_define(f.css, 1, 7, &d, 1), 0);
	expect_io(sim_css_rchp(f.css, &f.cpu, 0x41), 0);
	fx_run(&f, SIM_US(100));
	ck_assert_uint_eq(mc.calls, 1);
	ck_assert_uint_eq(mc.taken, 1);

	/* crw_collect_info: STCRW until cc 1. */
	for (;;) {
		uint8_t b[4];
		struct sim_io r = sim_css_stcrw(f.css, &f.cpu, FX_OP);

		ck_assert_int_eq(r.err, 0);
		ck_assert_uint_eq(r.pic, 0);
		sim_mem_read(f.mem, FX_OP, b, 4, 0, NULL);
		if (r.cc == 1) {
			ck_assert_uint_eq(ccwa_get_be32(b), 0);
			break;
		}
		ck_assert_uint_eq(r.cc, 0);
		ck_assert_uint_lt(n, sizeof(want) / sizeof(want[0]));
		ck_assert_msg(ccwa_get_be32(b) == want[n],
			      "CRW %u: %08x, want %08x", n, ccwa_get_be32(b),
			      want[n]);
		n++;
	}
	ck_assert_uint_eq(n, sizeof(want) / sizeof(want[0]));

	/* Re-armed: the next report is a new machine check. */
	ck_assert_int_eq(sim_css_sch_remove(f.css, 1, 7), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(mc.calls, 2);
	ck_assert_uint_eq(mc.taken, 2);
	fx_crw(&f, 0, 0x13040007);
	fx_crw(&f, 0, 0x03040010);
	fx_crw(&f, 1, 0);
	fx_fini(&f);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("css_crw");
	TCase *st = tcase_create("stcrw");
	TCase *rep = tcase_create("reports");
	TCase *mc = tcase_create("mcck");

	tcase_add_test(st, test_stcrw_empty_queue_cc1_stores_zeros);
	tcase_add_test(st, test_stcrw_fifo_order);
	tcase_add_loop_test(st, test_stcrw_exception_crw_stays_queued, 0,
			    sizeof(stcrw_exc_rows) / sizeof(stcrw_exc_rows[0]));
	tcase_add_loop_test(rep, test_sch_install_report_chained_crws, 0,
			    sizeof(inst_rows) / sizeof(inst_rows[0]));
	tcase_add_test(rep, test_sch_install_one_set_single_crw);
	tcase_add_test(rep, test_sch_define_initial_no_crw);
	tcase_add_test(rep, test_sch_remove_report_number_stays_provided);
	tcase_add_loop_test(rep, test_sch_remove_withdraws_request, 0, 2);
	tcase_add_loop_test(rep, test_crw_overflow_r_bit, 0, 2);
	tcase_add_test(rep, test_crw_overflow_chain_lost_whole);
	tcase_add_test(mc, test_crw_mcck_once_per_batch);
	tcase_add_loop_test(mc, test_crw_mcck_masked_no_callback, 0,
			    sizeof(mask_rows) / sizeof(mask_rows[0]));
	tcase_add_test(mc, test_css_reset_empties_crw_queue);
	tcase_add_test(mc, test_crw_linux_collect_sequence);
	suite_add_tcase(s, st);
	suite_add_tcase(s, rep);
	suite_add_tcase(s, mc);
	return s;
}
