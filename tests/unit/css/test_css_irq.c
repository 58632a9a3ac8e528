// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * I/O interruptions (facts §1.9, §2.9, §3.9): the requests a subchannel
 * queues when it becomes status pending, how TPI and the CPU model take
 * them, in which order, and what withdraws them.  Interruption codes are
 * compared byte for byte with words written here by hand from §1.1 and
 * §1.9:
 *
 *   word 0  SID: 0x0001nnnn | ssid << 17  (0.0.0000 = 00010000,
 *           0.1.0000 = 00030000)
 *   word 1  the PMCW interruption parameter (MSCH, or SSCH's ORB word 0)
 *   word 2  ISC in bits 2-4: ISC n = n << 27 (ISC 3 = 18000000)
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <ccwsim/arch/be.h>

#include "check_main.h"
#include "css_fixture.h"

#define SID0		0x00010000u	/* 0.0.0000 */
#define SID1		0x00030000u	/* 0.1.0000 */
/* Interruption parameters set by MSCH. */
#define PARM0		0xaaaa0000u
#define PARM1		0xbbbb0000u
#define LC_IOCODE	0xb8u		/* real 184 */
#define TPI_OP		0x3800u		/* a nonzero TPI operand */
#define ATTN		0x80u		/* device status: attention */

static void expect_io(struct sim_io r, uint8_t cc)
{
	ck_assert_int_eq(r.err, 0);
	ck_assert_int_eq(r.pic, 0);
	ck_assert_int_eq(r.cc, cc);
}

/*
 * MSCH @sid from its STSCH image with interruption parameter @parm, ISC
 * @isc and E = @ena (the way fx_enable does it for 0.0.0000).
 */
static void msch_sch(struct fx *f, uint32_t sid, uint32_t parm, unsigned isc,
		     int ena)
{
	uint8_t s[52];

	expect_io(sim_css_stsch(f->css, &f->cpu, sid, FX_OP), 0);
	sim_mem_read(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	ccwa_put_be32(s, parm);
	s[4] = (uint8_t)(isc << 3);
	s[5] = (uint8_t)(ena ? s[5] | 0x80 : s[5] & ~0x80);
	sim_mem_write(f->mem, FX_OP, s, sizeof(s), 0, NULL);
	expect_io(sim_css_msch(f->css, &f->cpu, sid, FX_OP), 0);
}

static struct sim_dev *dev_of(struct fx *f, uint32_t sid)
{
	return sid == SID0 ? f->dev : sim_css_sch_dev(f->css, 1, 0);
}

/* Unsolicited attention from the device behind @sid (§3.7). */
static void attention(struct fx *f, uint32_t sid)
{
	ck_assert_int_eq(sim_testdev_attention(dev_of(f, sid), ATTN), 0);
}

/* The 3-word interruption code, from hand-written words. */
static void code3(uint8_t out[12], uint32_t sid, uint32_t parm, unsigned isc)
{
	ccwa_put_be32(out, sid);
	ccwa_put_be32(out + 4, parm);
	ccwa_put_be32(out + 8, (uint32_t)isc << 27);
}

static void fill(struct fx *f, uint64_t abs, unsigned len)
{
	ck_assert_int_eq(sim_mem_fill(f->mem, abs, 0xff, len, 0, NULL), 0);
}

/* @len bytes at absolute @abs must be @want. */
static void expect_bytes(struct fx *f, uint64_t abs, const uint8_t *want,
			 unsigned len, const char *what)
{
	uint8_t got[16];
	char g[40] = "", w[40] = "";

	ck_assert_uint_le(len, sizeof(got));
	sim_mem_read(f->mem, abs, got, len, 0, NULL);
	if (!memcmp(got, want, len))
		return;
	for (unsigned i = 0; i < len; i++) {
		snprintf(g + 2 * i, 3, "%02x", got[i]);
		snprintf(w + 2 * i, 3, "%02x", want[i]);
	}
	ck_abort_msg("%s at 0x%llx: %s, want %s", what,
		     (unsigned long long)abs, g, w);
}

static void expect_untouched(struct fx *f, uint64_t abs, unsigned len,
			     const char *what)
{
	uint8_t ff[16];

	memset(ff, 0xff, sizeof(ff));
	expect_bytes(f, abs, ff, len, what);
}

static unsigned pending_all(struct fx *f)
{
	unsigned n = 0;

	for (unsigned i = 0; i < 8; i++)
		n += sim_css_io_pending(f->css, i);
	return n;
}

static struct ccwa_irb tsch_sid(struct fx *f, uint32_t sid, uint8_t cc)
{
	struct ccwa_irb irb;

	expect_io(sim_css_tsch(f->css, &f->cpu, sid, FX_OP), cc);
	sim_mem_read(f->mem, FX_OP, &irb, sizeof(irb), 0, NULL);
	return irb;
}

/* ---- TPI: operands, prefixing, what it stores (§2.9, §1.9, §2.0) ---- */

enum { NONE_PENDING, ATTN_PENDING };

struct tpi_row {
	const char *cite;
	uint8_t pending;	/* attention made pending on 0.0.0000 */
	uint8_t problem, key, cr6;
	uint64_t prefix;
	uint64_t addr;		/* TPI's second-operand address */
	uint16_t pic;
	uint8_t cc;
	uint64_t stored;	/* absolute address of the code, if cc 1 */
	uint8_t len;		/* bytes stored: 0, 8 or 12 */
};

/* Every place a code could land, 16 bytes each, pre-filled with 0xff. */
static const uint64_t tpi_places[] = {
	LC_IOCODE, 0x200b8, TPI_OP, 0x20000 + TPI_OP, 0x100, 0x20100,
	FX_PROT,
};
#define NPLACES (sizeof(tpi_places) / sizeof(tpi_places[0]))

static const struct tpi_row tpi_rows[] = {
	{ "§2.9 cc0: no request pending; nothing stored",
	  NONE_PENDING, 0, 0, 0xff, 0, 0, 0, 0, 0, 0 },
	{ "§2.9 cc0: nothing pending, nonzero operand; nothing stored",
	  NONE_PENDING, 0, 0, 0xff, 0, TPI_OP, 0, 0, 0, 0 },
	{ "§2.9 cc0: the only request is for ISC 3, disabled in CR6",
	  ATTN_PENDING, 0, 0, 0xef, 0, 0, 0, 0, 0, 0 },
	{ "§2.9 cc0: ISC 3 disabled, nonzero operand",
	  ATTN_PENDING, 0, 0, 0x00, 0, TPI_OP, 0, 0, 0, 0 },
	{ "§2.9 cc1: operand 0 stores 3 words at real 184",
	  ATTN_PENDING, 0, 0, 0xff, 0, 0, 0, 1, LC_IOCODE, 12 },
	{ "§2.9 cc1: CR6 enabling ISC 3 alone is enough",
	  ATTN_PENDING, 0, 0, 0x10, 0, 0, 0, 1, LC_IOCODE, 12 },
	{ "§2.9 cc1: nonzero operand gets 2 words, no identification word",
	  ATTN_PENDING, 0, 0, 0xff, 0, TPI_OP, 0, 1, TPI_OP, 8 },
	{ "§1.9 real 184 is prefixed: absolute prefix + 0xb8",
	  ATTN_PENDING, 0, 0, 0xff, 0x20000, 0, 0, 1, 0x200b8, 12 },
	{ "§0 a nonzero operand below 8 KiB is prefixed too",
	  ATTN_PENDING, 0, 0, 0xff, 0x20000, 0x100, 0, 1, 0x20100, 8 },
	{ "§0 the prefix area maps to absolute 0",
	  ATTN_PENDING, 0, 0, 0xff, 0x20000, 0x20100, 0, 1, 0x100, 8 },
	{ "§2.9 operand 0: no key protection for real 184",
	  ATTN_PENDING, 0, 3, 0xff, 0, 0, 0, 1, LC_IOCODE, 12 },
	{ "§2.0 privileged operation; the request stays",
	  ATTN_PENDING, 1, 0, 0xff, 0, 0, 0x0002, 0, 0, 0 },
	{ "§2.9 specification: operand not word-aligned; the request stays",
	  ATTN_PENDING, 0, 0, 0xff, 0, TPI_OP + 2, 0x0006, 0, 0, 0 },
	{ "§2.9 specification: halfword-aligned operand",
	  ATTN_PENDING, 0, 0, 0xff, 0, TPI_OP + 1, 0x0006, 0, 0, 0 },
	{ "§2.0 addressing: store beyond storage; the request stays",
	  ATTN_PENDING, 0, 0, 0xff, 0, FX_MEM - 4, 0x0005, 0, 0, 0 },
	{ "§2.0 protection: key-5 page, PSW key 3; the request stays",
	  ATTN_PENDING, 0, 3, 0xff, 0, FX_PROT, 0x0004, 0, 0, 0 },
};

/*
 * §2.9, §1.9, §2.0 "no partial execution": one TPI per row against an
 * attention pending on 0.0.0000 (ISC 3, parameter 0x0ccc0000 from
 * fx_enable).  cc 1 stores exactly the words §1.9 lists at the prefixed
 * address and dequeues the request; cc 0 and exceptions store nothing and
 * leave it queued; either way the subchannel stays status pending (§2.2).
 */
START_TEST(test_tpi_operand_table)
{
	const struct tpi_row *r = &tpi_rows[_i];
	uint8_t want[12];
	struct sim_io io;
	struct fx f;

	fx_init(&f, NULL);
	fx_reach(&f, r->pending == ATTN_PENDING ? ST_PEND_UNSOL : ST_IDLE);
	for (unsigned i = 0; i < NPLACES; i++)
		fill(&f, tpi_places[i], 16);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3),
			  r->pending == ATTN_PENDING);

	f.cpu.problem = r->problem;
	f.cpu.key = r->key;
	f.cpu.cr6 = r->cr6;
	f.cpu.prefix = r->prefix;
	io = sim_css_tpi(f.css, &f.cpu, r->addr);
	f.cpu.problem = 0;
	f.cpu.key = 0;
	f.cpu.cr6 = 0xff;
	f.cpu.prefix = 0;

	ck_assert_int_eq(io.err, 0);
	ck_assert_msg(io.pic == r->pic, "row %d (%s): pic 0x%04x, want 0x%04x",
		      _i, r->cite, io.pic, r->pic);
	if (!r->pic)
		ck_assert_msg(io.cc == r->cc, "row %d (%s): cc %u, want %u", _i,
			      r->cite, io.cc, r->cc);

	code3(want, 0x00010000, 0x0ccc0000, 3);
	for (unsigned i = 0; i < NPLACES; i++) {
		uint64_t a = tpi_places[i];

		if (r->len && a == r->stored) {
			expect_bytes(&f, a, want, r->len, r->cite);
			expect_untouched(&f, a + r->len, 16u - r->len, r->cite);
		} else {
			expect_untouched(&f, a, 16, r->cite);
		}
	}
	/* Dequeued only by a cc-1 TPI (§3.9); status pending either way. */
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3),
			  r->pending == ATTN_PENDING &&
			  !(r->cc == 1 && !r->pic));
	if (r->pending == ATTN_PENDING)
		tsch_sid(&f, SID0, 0);
	ck_assert_uint_eq(pending_all(&f), 0);
	fx_fini(&f);
}
END_TEST

/* ---- priority and order (§2.9, §3.9, §11 B) ---- */

struct order_row {
	const char *cite;
	uint8_t lifo;		/* compat isc_order = SIM_ISC_LIFO */
	uint8_t isc0, isc1;	/* ISCs of 0.0.0000 and 0.1.0000 */
	uint8_t first1;		/* 0.1.0000 presents its status first */
	uint8_t cr6;
	uint32_t want[2];	/* SIDs of the 1st and 2nd TPI, 0: cc 0 */
};

static const struct order_row order_rows[] = {
	{ "§2.9 FIFO within an ISC", 0, 3, 3, 0, 0xff, { SID0, SID1 } },
	{ "§2.9 FIFO within an ISC", 0, 3, 3, 1, 0xff, { SID1, SID0 } },
	{ "§11 B QEMU: LIFO within an ISC", 1, 3, 3, 0, 0xff, { SID1, SID0 } },
	{ "§11 B QEMU: LIFO within an ISC", 1, 3, 3, 1, 0xff, { SID0, SID1 } },
	{ "§2.9 ISC 0 before ISC 3, though later", 0, 3, 0, 0, 0xff,
	  { SID1, SID0 } },
	{ "§2.9 ISC 0 before ISC 3, already first", 0, 0, 3, 0, 0xff,
	  { SID0, SID1 } },
	{ "§2.9 priority beats LIFO", 1, 0, 3, 0, 0xff, { SID0, SID1 } },
	{ "§2.9 ISC 2 before ISC 7", 0, 7, 2, 0, 0xff, { SID1, SID0 } },
	{ "§1.9 CR6: ISC 0 disabled, ISC 3 taken", 0, 3, 0, 0, 0x10,
	  { SID0, 0 } },
	{ "§1.9 CR6: only ISC 7 enabled", 0, 7, 2, 1, 0x01, { SID0, 0 } },
	{ "§2.9 CR6 all off: cc 0", 0, 3, 0, 0, 0x00, { 0, 0 } },
};

/*
 * §2.9, §3.9: attention on both devices, TPI with operand 0 twice: the
 * highest-priority ISC enabled in CR6 first, FIFO (or QEMU's LIFO) within
 * one ISC; each code checked byte for byte at real 184.  A third TPI
 * finds nothing; both subchannels are still status pending.
 */
START_TEST(test_tpi_priority_and_order_table)
{
	const struct order_row *r = &order_rows[_i];
	struct sim_css_compat c;
	uint8_t want[12];
	struct fx f;

	sim_css_compat_profile(&c, SIM_COMPAT_POPS);
	c.isc_order = r->lifo ? SIM_ISC_LIFO : SIM_ISC_FIFO;
	fx_init(&f, &c);
	msch_sch(&f, SID0, PARM0, r->isc0, 1);
	msch_sch(&f, SID1, PARM1, r->isc1, 1);
	attention(&f, r->first1 ? SID1 : SID0);
	attention(&f, r->first1 ? SID0 : SID1);
	ck_assert_uint_eq(pending_all(&f), 2);

	f.cpu.cr6 = r->cr6;
	for (unsigned k = 0; k < 3; k++) {
		uint32_t sid = k < 2 ? r->want[k] : 0;

		fill(&f, LC_IOCODE, 12);
		if (!sid) {
			expect_io(sim_css_tpi(f.css, &f.cpu, 0), 0);
			expect_untouched(&f, LC_IOCODE, 12, r->cite);
			continue;
		}
		expect_io(sim_css_tpi(f.css, &f.cpu, 0), 1);
		code3(want, sid, sid == SID0 ? PARM0 : PARM1,
		      sid == SID0 ? r->isc0 : r->isc1);
		expect_bytes(&f, LC_IOCODE, want, 12, r->cite);
	}
	f.cpu.cr6 = 0xff;
	/* §2.9: taking the request leaves the status pending (§2.2). */
	tsch_sid(&f, SID0, 0);
	tsch_sid(&f, SID1, 0);
	ck_assert_uint_eq(pending_all(&f), 0);
	fx_fini(&f);
}
END_TEST

/* ---- one request per subchannel (§3.9, §11 A3) ---- */

/*
 * §3.9: merging secondary status (device end after channel end, §3.2
 * step 7) into the pending primary status adds no second request.
 */
START_TEST(test_irq_status_merge_one_request)
{
	struct fx f;
	uint8_t want[12];

	fx_init(&f, NULL);
	fx_reach(&f, ST_PEND_PRIMARY);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00804045);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	fx_run(&f, SIM_MS(2));
	/* Secondary joined the primary status: SC primary+secondary+pending. */
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00804007);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	ck_assert_uint_eq(pending_all(&f), 1);
	/* The one request carries the ORB's parameter (SSCH, §2.1). */
	expect_io(sim_css_tpi(f.css, &f.cpu, 0), 1);
	code3(want, 0x00010000, 0x0ccc0001, 3);
	expect_bytes(&f, LC_IOCODE, want, 12, "merged status");
	expect_io(sim_css_tpi(f.css, &f.cpu, 0), 0);
	tsch_sid(&f, SID0, 0);
	fx_fini(&f);
}
END_TEST

/* §3.9, §2.2: TSCH cc 0 withdraws the request not yet taken. */
START_TEST(test_irq_tsch_cc0_withdraws_request)
{
	struct fx f;

	fx_init(&f, NULL);
	fx_reach(&f, ST_PEND_FINAL);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(fx_tsch(&f, NULL), 0);
	ck_assert_uint_eq(pending_all(&f), 0);
	expect_io(sim_css_tpi(f.css, &f.cpu, 0), 0);
	fx_fini(&f);
}
END_TEST

/*
 * §3.9, §2.4: CSCH withdraws the queued request at once; the clear
 * function's own completion (§3.5) then queues a new one.
 */
START_TEST(test_irq_csch_withdraws_request)
{
	struct fx f;
	struct ccwa_irb irb;
	uint8_t want[12];

	fx_init(&f, NULL);
	fx_reach(&f, ST_PEND_FINAL);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	expect_io(sim_css_csch(f.css, &f.cpu, FX_SID), 0);
	ck_assert_uint_eq(pending_all(&f), 0);
	expect_io(sim_css_tpi(f.css, &f.cpu, 0), 0);
	fx_run(&f, SIM_US(100));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	fill(&f, LC_IOCODE, 12);
	expect_io(sim_css_tpi(f.css, &f.cpu, 0), 1);
	code3(want, 0x00010000, 0x0ccc0001, 3);
	expect_bytes(&f, LC_IOCODE, want, 12, "clear completion");
	irb = tsch_sid(&f, SID0, 0);
	ck_assert_uint_eq(ccwa_get_be32(irb.scsw.b), 0x00001001);
	fx_fini(&f);
}
END_TEST

/*
 * §11 A3 (QEMU TCG, compat irq = SIM_IRQ_PILE_UP): every status adds a
 * request, primary and secondary alike, and TSCH withdraws none; each one
 * is taken by TPI.
 */
START_TEST(test_irq_pile_up_keeps_requests)
{
	struct sim_css_compat c;
	struct sim_testdev_cmd nop = { .end = 0x0c, .delay = SIM_US(1) };
	uint8_t want[12];
	struct fx f;

	sim_css_compat_profile(&c, SIM_COMPAT_POPS);
	c.irq = SIM_IRQ_PILE_UP;
	fx_init(&f, &c);
	fx_reach(&f, ST_PEND_PRIMARY);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	fx_run(&f, SIM_MS(2));		/* device end: one more */
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 2);
	expect_io(fx_tsch(&f, NULL), 0);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 2);
	/* A new operation's status adds a third. */
	sim_testdev_set(f.dev, 0x03, &nop);
	expect_io(fx_ssch(&f), 0);
	fx_run(&f, SIM_US(100));
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 3);
	expect_io(fx_tsch(&f, NULL), 0);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 3);
	code3(want, 0x00010000, 0x0ccc0001, 3);
	for (unsigned k = 0; k < 3; k++) {
		fill(&f, LC_IOCODE, 12);
		expect_io(sim_css_tpi(f.css, &f.cpu, 0), 1);
		expect_bytes(&f, LC_IOCODE, want, 12, "piled-up request");
	}
	expect_io(sim_css_tpi(f.css, &f.cpu, 0), 0);
	ck_assert_uint_eq(pending_all(&f), 0);
	fx_fini(&f);
}
END_TEST

/*
 * §2.2, §2.9, §3.9: taking the interruption, or TPI, clears the request
 * but not status pending: TSCH still gives cc 0 with the same SCSW.
 * Row 0 takes it with TPI, row 1 with sim_css_take_io().
 */
START_TEST(test_irq_taken_status_still_pending)
{
	struct fx f;
	struct ccwa_irb irb;
	struct ccwa_intcode code;

	fx_init(&f, NULL);
	fx_reach(&f, ST_PEND_FINAL);
	if (_i == 0) {
		expect_io(sim_css_tpi(f.css, &f.cpu, TPI_OP), 1);
	} else {
		sim_css_set_io_mask(f.css, 1, 0xff);
		ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 1);
	}
	ck_assert_uint_eq(pending_all(&f), 0);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00804007);
	irb = tsch_sid(&f, SID0, 0);
	ck_assert_uint_eq(ccwa_get_be32(irb.scsw.b), 0x00804007);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00800000);
	fx_fini(&f);
}
END_TEST

/* ---- enablement and unsolicited status (§3.1, §3.7, §3.9, §2.7) ---- */

/*
 * §3.1, §3.9, §2.7: a disabled subchannel (E = 0) is never made status
 * pending and never gets a request: the device's unsolicited status is
 * refused (-ENODEV), before MSCH enables it and after MSCH disables it.
 */
START_TEST(test_irq_disabled_subchannel_no_request)
{
	struct fx f;

	fx_init(&f, NULL);
	ck_assert_int_eq(sim_testdev_attention(f.dev, ATTN), -ENODEV);
	ck_assert_int_eq(sim_testdev_attention(dev_of(&f, SID1), ATTN),
			 -ENODEV);
	ck_assert_uint_eq(pending_all(&f), 0);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0);
	expect_io(sim_css_tpi(f.css, &f.cpu, 0), 0);

	msch_sch(&f, SID0, PARM0, 3, 1);
	msch_sch(&f, SID0, PARM0, 3, 0);
	ck_assert_int_eq(sim_testdev_attention(f.dev, ATTN), -ENODEV);
	ck_assert_uint_eq(pending_all(&f), 0);
	ck_assert_uint_eq(fx_scsw_w0(&f), 0);
	expect_io(sim_css_tpi(f.css, &f.cpu, 0), 0);
	fx_fini(&f);
}
END_TEST

struct unsol_row {
	const char *cite;
	uint8_t state;
	int ret;		/* sim_testdev_attention() */
	uint32_t w0;		/* SCSW word 0 after */
	unsigned reqs;		/* requests queued after */
};

static const struct unsol_row unsol_rows[] = {
	{ "§3.7 idle: alert + pending, FC 0", ST_IDLE, 0, 0x00000011, 1 },
	{ "§3.7 not while status pending", ST_PEND_FINAL, -EBUSY,
	  0x00804007, 1 },
	{ "§3.7 not while unsolicited status is pending", ST_PEND_UNSOL,
	  -EBUSY, 0x00000011, 1 },
	{ "§3.7, §11 B: not while the operation runs", ST_ACTIVE, -EBUSY,
	  0x008040c0, 0 },
	{ "§3.7, §11 B: not while the device is active", ST_DEV_ACTIVE,
	  -EBUSY, 0x00800040, 0 },
	{ "§3.1 not when disabled", ST_DISABLED, -ENODEV, 0, 0 },
};

/*
 * §3.7: unsolicited status is made pending only when the subchannel is
 * neither status pending nor busy; otherwise the device keeps it (-EBUSY)
 * and nothing changes.  Accepted status queues one request (§3.1) whose
 * code carries the MSCH parameter.
 */
START_TEST(test_irq_unsolicited_table)
{
	const struct unsol_row *r = &unsol_rows[_i];
	uint8_t want[12];
	struct fx f;

	fx_init(&f, NULL);
	fx_reach(&f, r->state);
	ck_assert_msg(sim_testdev_attention(f.dev, ATTN) == r->ret,
		      "row %d (%s): wrong answer", _i, r->cite);
	ck_assert_msg(fx_scsw_w0(&f) == r->w0,
		      "row %d (%s): SCSW %08x, want %08x", _i, r->cite,
		      fx_scsw_w0(&f), r->w0);
	ck_assert_uint_eq(pending_all(&f), r->reqs);
	if (r->state == ST_IDLE) {
		struct ccwa_irb irb;

		expect_io(sim_css_tpi(f.css, &f.cpu, 0), 1);
		code3(want, 0x00010000, 0x0ccc0000, 3);
		expect_bytes(&f, LC_IOCODE, want, 12, r->cite);
		irb = tsch_sid(&f, SID0, 0);
		ck_assert_uint_eq(irb.scsw.b[8], 0x80);	/* attention */
	}
	fx_fini(&f);
}
END_TEST

/* ---- presenting interruptions to the CPU model (§3.9, §1.9) ---- */

struct cpu_model {
	struct fx *f;
	unsigned calls;
	int take;			/* take the interruption when told */
	unsigned taken;
	struct ccwa_intcode code[4];
};

static void io_pending_cb(struct sim_css *css, void *ctx)
{
	struct cpu_model *m = ctx;

	ck_assert_ptr_eq(css, m->f->css);
	m->calls++;
	if (m->take && m->taken < 4 &&
	    sim_css_take_io(css, &m->f->cpu, &m->code[m->taken]))
		m->taken++;
}

static const struct sim_css_cpu_ops io_ops = { .io_pending = io_pending_cb };

/*
 * §3.9: a CPU accepts a request only when PSW bit 6 and the CR6 bit of
 * its ISC are both 1.  The CPU model hears of it from the event queue
 * (never inside the call that changed the state), once per chance: again
 * after each mask change while the request is still there, never when the
 * masks forbid it at the time the event runs.
 */
START_TEST(test_io_pending_callback_follows_masks)
{
	struct cpu_model m = { 0 };
	struct ccwa_intcode code;
	uint8_t want[12];
	struct fx f;

	fx_init(&f, NULL);
	m.f = &f;
	sim_css_set_cpu_ops(f.css, &io_ops, &m);
	fx_reach(&f, ST_IDLE);
	sim_css_set_io_mask(f.css, 0, 0xff);	/* PSW I/O mask off */
	attention(&f, SID0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(m.calls, 0);

	sim_css_set_io_mask(f.css, 1, 0xef);	/* ISC 3 off in CR6 */
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(m.calls, 0);

	sim_css_set_io_mask(f.css, 1, 0x10);	/* ISC 3 alone */
	ck_assert_uint_eq(m.calls, 0);		/* from the event queue */
	fx_run(&f, 0);
	ck_assert_uint_eq(m.calls, 1);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(m.calls, 1);		/* once per chance */

	sim_css_set_io_mask(f.css, 0, 0x10);
	sim_css_set_io_mask(f.css, 1, 0xff);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(m.calls, 2);		/* again after the change */

	/* Enabled, then disabled before the event runs: not told. */
	sim_css_set_io_mask(f.css, 1, 0xff);
	sim_css_set_io_mask(f.css, 0, 0xff);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(m.calls, 2);

	/* Disabled for I/O: nothing can be taken. */
	sim_css_set_io_mask(f.css, 0, 0xff);
	ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 0);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);
	sim_css_set_io_mask(f.css, 1, 0xef);
	ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 0);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);

	sim_css_set_io_mask(f.css, 1, 0xff);
	fill(&f, LC_IOCODE, 12);
	ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 1);
	code3(want, 0x00010000, 0x0ccc0000, 3);
	ck_assert_msg(!memcmp(code.b, want, 12), "*code differs");
	expect_bytes(&f, LC_IOCODE, want, 12, "take_io");
	ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 0);
	fx_run(&f, SIM_US(10));
	ck_assert_uint_eq(m.calls, 2);		/* nothing left to present */
	ck_assert_uint_eq(pending_all(&f), 0);
	tsch_sid(&f, SID0, 0);
	fx_fini(&f);
}
END_TEST

/*
 * §3.9, §1.9: sim_css_take_io() takes the best request the masks allow
 * (ISC 0 before ISC 3), stores the 3-word code at real 184 through the
 * prefix and returns it in *code; a CR6 without ISC 0 takes ISC 3.
 */
START_TEST(test_take_io_best_request_code_at_184)
{
	struct ccwa_intcode code;
	uint8_t want[12];
	struct fx f;

	fx_init(&f, NULL);
	msch_sch(&f, SID0, PARM0, 3, 1);
	msch_sch(&f, SID1, PARM1, 0, 1);
	attention(&f, SID0);
	attention(&f, SID1);
	fill(&f, LC_IOCODE, 16);
	fill(&f, 0x200b8, 16);
	f.cpu.prefix = 0x20000;

	sim_css_set_io_mask(f.css, 1, 0xff);
	memset(&code, 0, sizeof(code));
	ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 1);
	code3(want, 0x00030000, PARM1, 0);
	ck_assert_msg(!memcmp(code.b, want, 12), "*code: not 0.1.0000's");
	expect_bytes(&f, 0x200b8, want, 12, "ISC 0 first, prefixed");
	expect_untouched(&f, 0x200b8 + 12, 4, "beyond the code");
	expect_untouched(&f, LC_IOCODE, 16, "absolute 184 under a prefix");
	ck_assert_uint_eq(sim_css_io_pending(f.css, 0), 0);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 3), 1);

	ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 1);
	code3(want, 0x00010000, PARM0, 3);
	ck_assert_msg(!memcmp(code.b, want, 12), "*code: not 0.0.0000's");
	expect_bytes(&f, 0x200b8, want, 12, "then ISC 3");
	ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 0);
	f.cpu.prefix = 0;
	tsch_sid(&f, SID0, 0);
	tsch_sid(&f, SID1, 0);

	/* CR6 without ISC 0: the ISC 3 request comes first. */
	attention(&f, SID1);
	attention(&f, SID0);
	sim_css_set_io_mask(f.css, 1, 0x10);
	ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 1);
	code3(want, 0x00010000, PARM0, 3);
	ck_assert_msg(!memcmp(code.b, want, 12), "*code: ISC 3 expected");
	expect_bytes(&f, LC_IOCODE, want, 12, "CR6 ISC 3 only");
	ck_assert_int_eq(sim_css_take_io(f.css, &f.cpu, &code), 0);
	ck_assert_uint_eq(sim_css_io_pending(f.css, 0), 1);
	tsch_sid(&f, SID0, 0);
	tsch_sid(&f, SID1, 0);
	fx_fini(&f);
}
END_TEST

/*
 * §3.9: an enabled CPU takes the interruption as soon as the subchannel
 * becomes status pending (the code holds SSCH's parameter, §2.1); merged
 * secondary status brings no second interruption; TSCH then clears it.
 */
START_TEST(test_io_cpu_takes_interruption_when_told)
{
	struct cpu_model m = { 0 };
	uint8_t want[12];
	struct fx f;

	fx_init(&f, NULL);
	m.f = &f;
	m.take = 1;
	sim_css_set_cpu_ops(f.css, &io_ops, &m);
	sim_css_set_io_mask(f.css, 1, 0xff);
	fx_reach(&f, ST_PEND_PRIMARY);
	ck_assert_uint_eq(m.taken, 1);
	code3(want, 0x00010000, 0x0ccc0001, 3);
	ck_assert_msg(!memcmp(m.code[0].b, want, 12), "interruption code");
	expect_bytes(&f, LC_IOCODE, want, 12, "I/O interruption");
	fx_run(&f, SIM_MS(2));
	ck_assert_uint_eq(fx_scsw_w0(&f), 0x00804007);
	ck_assert_uint_eq(m.taken, 1);
	ck_assert_uint_eq(m.calls, 1);
	tsch_sid(&f, SID0, 0);
	fx_fini(&f);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("css_irq");
	TCase *tpi = tcase_create("tpi");
	TCase *req = tcase_create("requests");
	TCase *cpu = tcase_create("cpu");

	tcase_add_loop_test(tpi, test_tpi_operand_table, 0,
			    sizeof(tpi_rows) / sizeof(tpi_rows[0]));
	tcase_add_loop_test(tpi, test_tpi_priority_and_order_table, 0,
			    sizeof(order_rows) / sizeof(order_rows[0]));
	tcase_add_test(req, test_irq_status_merge_one_request);
	tcase_add_test(req, test_irq_tsch_cc0_withdraws_request);
	tcase_add_test(req, test_irq_csch_withdraws_request);
	tcase_add_test(req, test_irq_pile_up_keeps_requests);
	tcase_add_loop_test(req, test_irq_taken_status_still_pending, 0, 2);
	tcase_add_test(req, test_irq_disabled_subchannel_no_request);
	tcase_add_loop_test(req, test_irq_unsolicited_table, 0,
			    sizeof(unsol_rows) / sizeof(unsol_rows[0]));
	tcase_add_test(cpu, test_io_pending_callback_follows_masks);
	tcase_add_test(cpu, test_take_io_best_request_code_at_184);
	tcase_add_test(cpu, test_io_cpu_takes_interruption_when_told);
	suite_add_tcase(s, tpi);
	suite_add_tcase(s, req);
	suite_add_tcase(s, cpu);
	return s;
}
