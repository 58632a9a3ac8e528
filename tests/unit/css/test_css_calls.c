// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Bad calls from C, operands nobody should pass, and scale.
 *
 * docs/style.md "Errors": anything a caller can cause ends in an
 * architected outcome or a negative errno, never a crash.  The C-level
 * contracts are the ones ccwsim/sim/css.h states (NULL objects → -EINVAL,
 * sim_css_sch_define's -EINVAL/-EEXIST/-ENOENT, ...); the architected ones
 * cite the facts sheet: §1.1 (SID), §2.0 (access exceptions, no partial
 * execution), §2.9 (TPI), §2.10 (STCRW).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ccwsim/arch/be.h>

#include "check_main.h"
#include "css_fixture.h"

#define AREA	0x20000u	/* a CHSC request block */
#define N(a)	((int)(sizeof(a) / sizeof((a)[0])))

enum call {
	C_SSCH, C_TSCH, C_HSCH, C_CSCH, C_RSCH, C_XSCH, C_MSCH, C_STSCH,
	C_TPI, C_STCRW, C_SCHM, C_RCHP, C_CHSC, C_NCALLS
};

static const char *const call_name[C_NCALLS] = {
	"SSCH", "TSCH", "HSCH", "CSCH", "RSCH", "XSCH", "MSCH", "STSCH",
	"TPI", "STCRW", "SCHM", "RCHP", "CHSC",
};

/* Every instruction with good operands for the fixture's 0.0.0000. */
static struct sim_io call(enum call c, struct sim_css *css,
			  const struct sim_cpu *cpu, uint32_t sid,
			  uint64_t addr)
{
	switch (c) {
	case C_SSCH:
		return sim_css_ssch(css, cpu, sid, addr ? addr : FX_ORB);
	case C_TSCH:
		return sim_css_tsch(css, cpu, sid, addr ? addr : FX_OP);
	case C_HSCH:
		return sim_css_hsch(css, cpu, sid);
	case C_CSCH:
		return sim_css_csch(css, cpu, sid);
	case C_RSCH:
		return sim_css_rsch(css, cpu, sid);
	case C_XSCH:
		return sim_css_xsch(css, cpu, sid);
	case C_MSCH:
		return sim_css_msch(css, cpu, sid, addr ? addr : FX_OP);
	case C_STSCH:
		return sim_css_stsch(css, cpu, sid, addr ? addr : FX_OP);
	case C_TPI:
		return sim_css_tpi(css, cpu, addr ? addr : FX_OP);
	case C_STCRW:
		return sim_css_stcrw(css, cpu, addr ? addr : FX_OP);
	case C_SCHM:
		return sim_css_schm(css, cpu, 0x00000002u, FX_MB);
	case C_RCHP:
		return sim_css_rchp(css, cpu, 0x40);
	case C_CHSC:
		return sim_css_chsc(css, cpu, AREA);
	default:
		break;
	}
	return (struct sim_io){ .err = 1 };
}

/* What the tests compare before and after a call that must do nothing. */
struct snap {
	struct ccwa_schib schib;
	unsigned io[8];
	unsigned crws;
	uint8_t orb[32], op[96], area[64], mb[64], lowcore[512];
};

static void snap(struct fx *f, struct snap *s)
{
	memset(s, 0, sizeof(*s));
	ck_assert_int_eq(sim_css_sch_schib(f->css, 0, 0, &s->schib), 0);
	for (unsigned i = 0; i < 8; i++)
		s->io[i] = sim_css_io_pending(f->css, i);
	s->crws = sim_css_crw_pending(f->css);
	sim_mem_read(f->mem, FX_ORB, s->orb, sizeof(s->orb), 0, NULL);
	sim_mem_read(f->mem, FX_OP, s->op, sizeof(s->op), 0, NULL);
	sim_mem_read(f->mem, AREA, s->area, sizeof(s->area), 0, NULL);
	sim_mem_read(f->mem, FX_MB, s->mb, sizeof(s->mb), 0, NULL);
	sim_mem_read(f->mem, 0, s->lowcore, sizeof(s->lowcore), 0, NULL);
}

static void expect_same(struct fx *f, const struct snap *a, const char *what)
{
	struct snap b;

	snap(f, &b);
	ck_assert_msg(!memcmp(&a->schib, &b.schib, sizeof(a->schib)),
		      "%s: the SCHIB of 0.0.0000 changed", what);
	ck_assert_msg(!memcmp(a->io, b.io, sizeof(a->io)),
		      "%s: interruption requests changed", what);
	ck_assert_msg(a->crws == b.crws, "%s: CRWs %u → %u", what, a->crws,
		      b.crws);
	ck_assert_msg(!memcmp(a->orb, b.orb, sizeof(a->orb)) &&
		      !memcmp(a->op, b.op, sizeof(a->op)) &&
		      !memcmp(a->area, b.area, sizeof(a->area)) &&
		      !memcmp(a->mb, b.mb, sizeof(a->mb)) &&
		      !memcmp(a->lowcore, b.lowcore, sizeof(a->lowcore)),
		      "%s: storage changed", what);
	ck_assert_int_eq(sim_css_verify(f->css), 0);
}

/*
 * A machine with something to lose: 0.0.0000 status pending (one request
 * on ISC 3), one CRW queued, good ORB, SCHIB image (E=0) and CHSC request
 * in storage, so any instruction that did run would change something.
 */
static void busy_machine(struct fx *f)
{
	const struct sim_sch_def d = { .devno = 0x9999 };
	struct ccwa_schib s;
	uint8_t b[16];

	fx_init(f, NULL);
	fx_reach(f, ST_PEND_FINAL);
	ck_assert_int_eq(sim_css_sch_define(f->css, 0, 5, &d, 1), 0);
	ck_assert_uint_gt(sim_css_crw_pending(f->css), 0);
	ck_assert_uint_eq(sim_css_io_pending(f->css, 3), 1);
	ck_assert_int_eq(sim_css_sch_schib(f->css, 0, 0, &s), 0);
	s.pmcw.b[5] &= 0x7f;				/* E = 0 */
	sim_mem_write(f->mem, FX_OP, &s, sizeof(s), 0, NULL);
	memset(b, 0, sizeof(b));
	ccwa_put_be16(b, 16);
	ccwa_put_be16(b + 2, 0x0010);
	sim_mem_write(f->mem, AREA, b, 16, 0, NULL);
}

/*
 * css.h "a negative errno for a malformed C call (NULL objects)": every
 * instruction with css NULL or cpu NULL returns err -EINVAL and changes
 * nothing, not even later (nothing was scheduled).
 */
START_TEST(test_calls_null_css_or_cpu_einval)
{
	enum call c = (enum call)(_i / 2);
	int null_css = _i % 2;
	struct sim_io io;
	struct snap s;
	struct fx f;
	char what[48];

	busy_machine(&f);
	snap(&f, &s);
	io = call(c, null_css ? NULL : f.css, null_css ? &f.cpu : NULL,
		  FX_SID, 0);
	snprintf(what, sizeof(what), "%s with %s NULL", call_name[c],
		 null_css ? "css" : "cpu");
	ck_assert_msg(io.err == -EINVAL, "%s: err %d", what, io.err);
	ck_assert_msg(io.pic == 0, "%s: pic 0x%04x", what, io.pic);
	expect_same(&f, &s, what);
	fx_run(&f, SIM_MS(1));
	expect_same(&f, &s, what);
	fx_fini(&f);
}
END_TEST

/* ---- sim_css_create ---- */

enum cfg_case {
	CFG_NULL, CFG_NO_EVQ, CFG_NO_MEM, CFG_NSETS0, CFG_NSETS5,
	CFG_NSETS_HUGE, CFG_NSETS2_NO_MSS, CFG_NSETS4_NO_MSS,
	CFG_OK_1_NO_MSS, CFG_OK_4_MSS,
};

static const struct {
	const char *what;
	int ok;
} cfg_rows[] = {
	[CFG_NULL] = { "NULL cfg", 0 },
	[CFG_NO_EVQ] = { "no event queue", 0 },
	[CFG_NO_MEM] = { "no storage", 0 },
	[CFG_NSETS0] = { "nsets 0", 0 },
	[CFG_NSETS5] = { "nsets 5", 0 },
	[CFG_NSETS_HUGE] = { "nsets UINT_MAX", 0 },
	[CFG_NSETS2_NO_MSS] = { "nsets 2 without SIM_FAC_MSS", 0 },
	[CFG_NSETS4_NO_MSS] = { "nsets 4 without SIM_FAC_MSS", 0 },
	[CFG_OK_1_NO_MSS] = { "nsets 1 without MSS (control)", 1 },
	[CFG_OK_4_MSS] = { "nsets 4 with MSS (control)", 1 },
};

/*
 * css.h struct sim_css_cfg: evq and mem required, nsets 1-4; §1.1: SSIDs
 * other than 0 need the MSS facility, so nsets > 1 without it is a bad
 * configuration: NULL.
 */
START_TEST(test_calls_create_bad_cfg_null)
{
	struct sim_evq *q = sim_evq_create();
	struct sim_mem *m = sim_mem_create(FX_MEM);
	struct sim_css_cfg cfg = { .evq = q, .mem = m, .nsets = 1,
				   .facilities = SIM_FAC_DEFAULT };
	struct sim_css *css;

	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_nonnull(m);
	switch (_i) {
	case CFG_NO_EVQ:
		cfg.evq = NULL;
		break;
	case CFG_NO_MEM:
		cfg.mem = NULL;
		break;
	case CFG_NSETS0:
		cfg.nsets = 0;
		break;
	case CFG_NSETS5:
		cfg.nsets = 5;
		break;
	case CFG_NSETS_HUGE:
		cfg.nsets = UINT_MAX;
		break;
	case CFG_NSETS2_NO_MSS:
		cfg.nsets = 2;
		cfg.facilities &= ~(uint32_t)SIM_FAC_MSS;
		break;
	case CFG_NSETS4_NO_MSS:
		cfg.nsets = 4;
		cfg.facilities &= ~(uint32_t)SIM_FAC_MSS;
		break;
	case CFG_OK_1_NO_MSS:
		cfg.facilities &= ~(uint32_t)SIM_FAC_MSS;
		break;
	case CFG_OK_4_MSS:
		cfg.nsets = 4;
		break;
	}
	css = sim_css_create(_i == CFG_NULL ? NULL : &cfg);
	ck_assert_msg(!!css == cfg_rows[_i].ok, "%s: %s", cfg_rows[_i].what,
		      css ? "created" : "NULL");
	sim_css_destroy(css);
	sim_mem_destroy(m);
	sim_evq_destroy(q);
}
END_TEST

/* ---- sim_css_sch_define ---- */

enum def_kind { DEF_OK, DEF_NULL, DEF_BAD_CHPID, DEF_BAD_SECOND_CHPID };

static const struct define_row {
	const char *what;
	int null_css;
	unsigned ssid, schno;
	uint8_t def;
	int rc;
} define_rows[] = {
	{ "ssid 2 of 2 sets", 0, 2, 5, DEF_OK, -EINVAL },
	{ "ssid 4", 0, 4, 5, DEF_OK, -EINVAL },
	{ "ssid UINT_MAX", 0, UINT_MAX, 5, DEF_OK, -EINVAL },
	{ "schno 0x10000", 0, 0, 0x10000, DEF_OK, -EINVAL },
	{ "schno UINT_MAX", 0, 0, UINT_MAX, DEF_OK, -EINVAL },
	{ "NULL definition", 0, 0, 5, DEF_NULL, -EINVAL },
	{ "NULL css", 1, 0, 5, DEF_OK, -EINVAL },
	{ "CHPID 0x50 not installed", 0, 0, 5, DEF_BAD_CHPID, -ENOENT },
	{ "path 1's CHPID 0x99 not installed", 0, 0, 5, DEF_BAD_SECOND_CHPID,
	  -ENOENT },
	{ "0.0.0000 defined twice", 0, 0, 0, DEF_OK, -EEXIST },
	{ "0.0.0001 (no device) defined twice", 0, 0, 1, DEF_OK, -EEXIST },
	{ "0.1.0000 defined twice", 0, 1, 0, DEF_OK, -EEXIST },
};

/*
 * css.h sim_css_sch_define: -EINVAL for a bad argument (§1.1: a set id
 * below the installed sets, a 16-bit subchannel number), -ENOENT for an
 * uninstalled CHPID, -EEXIST for a number already defined.  A refused
 * definition changes nothing: no subchannel, no CRW, the number not
 * provided, the old definition intact.
 */
START_TEST(test_calls_sch_define_bad_args_errno)
{
	static const struct sim_sch_def defs[] = {
		[DEF_OK] = { .devno = 0x4321, .pim = 0x80,
			     .chpid = { 0x40 } },
		[DEF_BAD_CHPID] = { .devno = 0x4321, .pim = 0x80,
				    .chpid = { 0x50 } },
		[DEF_BAD_SECOND_CHPID] = { .devno = 0x4321, .pim = 0xc0,
					   .chpid = { 0x40, 0x99 } },
	};
	const struct define_row *r = &define_rows[_i];
	struct ccwa_schib s;
	struct fx f;
	int rc;

	fx_init(&f, NULL);
	rc = sim_css_sch_define(r->null_css ? NULL : f.css, r->ssid, r->schno,
				r->def == DEF_NULL ? NULL : &defs[r->def], 1);
	ck_assert_msg(rc == r->rc, "%s: %d, want %d", r->what, rc, r->rc);
	ck_assert_uint_eq(sim_css_sch_count(f.css), 3);
	ck_assert_uint_eq(sim_css_crw_pending(f.css), 0);
	ck_assert_int_eq(sim_css_sch_schib(f.css, 0, 5, &s), -ENODEV);
	ck_assert_int_eq(sim_css_sch_schib(f.css, 0, 0, &s), 0);
	ck_assert_uint_eq(ccwa_get_be16(s.pmcw.b + 6), 0x1234);
	ck_assert_int_eq(sim_css_sch_schib(f.css, 1, 0, &s), 0);
	ck_assert_uint_eq(ccwa_get_be16(s.pmcw.b + 6), 0x5678);
	fx_fini(&f);
}
END_TEST

/* ---- channel paths ---- */

enum chp_case {
	CHP_INSTALL_TWICE, CHP_INSTALL_NULL, CHP_VARY_ON, CHP_VARY_OFF,
	CHP_VARY_00, CHP_VARY_FF, CHP_OPER_0, CHP_OPER_1, CHP_VARY_NULL,
	CHP_OPER_NULL,
};

static const struct {
	const char *what;
	int rc;
} chp_rows[] = {
	[CHP_INSTALL_TWICE] = { "install 0x40 again", -EEXIST },
	[CHP_INSTALL_NULL] = { "install with css NULL", -EINVAL },
	[CHP_VARY_ON] = { "vary 0x50 online", -ENOENT },
	[CHP_VARY_OFF] = { "vary 0x50 offline", -ENOENT },
	[CHP_VARY_00] = { "vary 0x00", -ENOENT },
	[CHP_VARY_FF] = { "vary 0xff", -ENOENT },
	[CHP_OPER_0] = { "0x50 stops working", -ENOENT },
	[CHP_OPER_1] = { "0x50 works again", -ENOENT },
	[CHP_VARY_NULL] = { "vary with css NULL", -EINVAL },
	[CHP_OPER_NULL] = { "set_operational with css NULL", -EINVAL },
};

/*
 * css.h: sim_css_chp_install → -EEXIST when installed already;
 * sim_css_chp_vary and sim_css_chp_set_operational → -ENOENT for a CHPID
 * not installed.  Nothing changes: no CRW (§6.2 reports only real path
 * changes), 0.0.0000's paths as they were.
 */
START_TEST(test_calls_chp_bad_chpid_errno)
{
	struct snap s;
	struct fx f;
	int rc = 0;

	fx_init(&f, NULL);
	snap(&f, &s);
	switch (_i) {
	case CHP_INSTALL_TWICE:
		rc = sim_css_chp_install(f.css, 0x40, 0x22);
		break;
	case CHP_INSTALL_NULL:
		rc = sim_css_chp_install(NULL, 0x40, 0x1a);
		break;
	case CHP_VARY_ON:
		rc = sim_css_chp_vary(f.css, 0x50, 1);
		break;
	case CHP_VARY_OFF:
		rc = sim_css_chp_vary(f.css, 0x50, 0);
		break;
	case CHP_VARY_00:
		rc = sim_css_chp_vary(f.css, 0x00, 0);
		break;
	case CHP_VARY_FF:
		rc = sim_css_chp_vary(f.css, 0xff, 1);
		break;
	case CHP_OPER_0:
		rc = sim_css_chp_set_operational(f.css, 0x50, 0);
		break;
	case CHP_OPER_1:
		rc = sim_css_chp_set_operational(f.css, 0x50, 1);
		break;
	case CHP_VARY_NULL:
		rc = sim_css_chp_vary(NULL, 0x40, 0);
		break;
	case CHP_OPER_NULL:
		rc = sim_css_chp_set_operational(NULL, 0x40, 0);
		break;
	}
	ck_assert_msg(rc == chp_rows[_i].rc, "%s: %d, want %d",
		      chp_rows[_i].what, rc, chp_rows[_i].rc);
	expect_same(&f, &s, chp_rows[_i].what);
	fx_fini(&f);
}
END_TEST

static const struct {
	unsigned ssid, schno;
} not_provided[] = {
	{ 0, 2 }, { 0, 0xffff }, { 0, 0x10000 }, { 1, 1 }, { 1, 0xffff },
	{ 2, 0 }, { 3, 0 }, { 4, 0 }, { UINT_MAX, 0 }, { 0, UINT_MAX },
};

/*
 * css.h sim_css_sch_schib: -ENODEV when the number is not provided (§2.8:
 * numbers above the highest defined one, sets not installed); -EINVAL for
 * NULL objects.
 */
START_TEST(test_calls_sch_schib_not_provided_enodev)
{
	struct ccwa_schib s;
	struct fx f;

	fx_init(&f, NULL);
	ck_assert_msg(sim_css_sch_schib(f.css, not_provided[_i].ssid,
					not_provided[_i].schno, &s) == -ENODEV,
		      "%u/0x%x", not_provided[_i].ssid,
		      not_provided[_i].schno);
	ck_assert_int_eq(sim_css_sch_schib(f.css, 0, 0, NULL), -EINVAL);
	ck_assert_int_eq(sim_css_sch_schib(NULL, 0, 0, &s), -EINVAL);
	ck_assert_ptr_null(sim_css_sch_dev(f.css, not_provided[_i].ssid,
					   not_provided[_i].schno));
	fx_fini(&f);
}
END_TEST

/* ---- operands outside storage ---- */

static const enum call addr_calls[] = {
	C_SSCH, C_TSCH, C_MSCH, C_STSCH, C_TPI, C_STCRW,
};

static const uint64_t far_addr[] = {
	FX_MEM, FX_MEM + 0x1000, (uint64_t)1 << 32, (uint64_t)1 << 40,
	0x8000000000000000ull, 0xfffffffffffffffcull,
};

/*
 * §2.0: operands are checked for access before anything happens
 * (addressing exception, 0x0005, for an address at or beyond the end of
 * storage, however far: no wrap, no crash), and an instruction that ends
 * in an exception changes nothing: TSCH leaves the status pending, TPI the
 * request queued (§2.9), STCRW the CRW queued (§2.10, suppressing).
 */
START_TEST(test_calls_operand_outside_storage_addressing)
{
	enum call c = addr_calls[_i / N(far_addr)];
	uint64_t addr = far_addr[_i % N(far_addr)];
	struct sim_io io;
	struct snap s;
	struct fx f;
	char what[64];

	busy_machine(&f);
	if (c == C_SSCH || c == C_MSCH) {
		/* idle and enabled, so only the operand can stop them */
		ck_assert_int_eq(fx_tsch(&f, NULL).cc, 0);
		fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
		fx_orb(&f, 0, 0xff);
	}
	snap(&f, &s);
	io = call(c, f.css, &f.cpu, FX_SID, addr);
	snprintf(what, sizeof(what), "%s at 0x%llx", call_name[c],
		 (unsigned long long)addr);
	ck_assert_msg(io.err == 0 && io.pic == CCWA_PGM_ADDRESSING,
		      "%s: err %d pic 0x%04x cc %u", what, io.err, io.pic,
		      io.cc);
	expect_same(&f, &s, what);
	fx_run(&f, SIM_MS(1));
	expect_same(&f, &s, what);
	fx_fini(&f);
}
END_TEST

/* ---- SID patterns (§1.1) ---- */

static const enum call sid_calls[] = {
	C_SSCH, C_TSCH, C_HSCH, C_CSCH, C_RSCH, C_XSCH, C_MSCH, C_STSCH,
};

#define WANT_VALID	0
#define WANT_CC3	1
#define WANT_OPERAND	2

/*
 * §1.1 for this machine (two sets installed, MSS, no MCSS-E; the default
 * readings): bit 47 zero, CSSID, bits 40-43 or M nonzero → operand
 * exception; an SSID naming a set that is not installed → cc 3 (§11 A9);
 * a number not provided in an installed set → cc 3 (§2.0, §2.7, §2.8).
 */
static int sid_want(uint32_t sid)
{
	uint32_t hi = sid >> 16, schno = sid & 0xffff;
	unsigned ssid = (hi >> 1) & 3;

	if (!(hi & 0x0001) || (hi & 0xfff8))
		return WANT_OPERAND;
	if (ssid >= 2)
		return WANT_CC3;
	if ((ssid == 0 && schno <= 1) || (ssid == 1 && schno == 0))
		return WANT_VALID;
	return WANT_CC3;
}

static void sid_try(struct fx *f, enum call c, uint32_t sid)
{
	int want = sid_want(sid);
	struct sim_io io;

	if (want == WANT_VALID)
		return;
	io = call(c, f->css, &f->cpu, sid, 0);
	if (want == WANT_OPERAND)
		ck_assert_msg(io.err == 0 && io.pic == CCWA_PGM_OPERAND,
			      "%s SID 0x%08x: err %d pic 0x%04x cc %u, want operand",
			      call_name[c], sid, io.err, io.pic, io.cc);
	else
		ck_assert_msg(io.err == 0 && io.pic == 0 && io.cc == 3,
			      "%s SID 0x%08x: err %d pic 0x%04x cc %u, want cc 3",
			      call_name[c], sid, io.err, io.pic, io.cc);
}

/*
 * §1.1: every pattern of GR1 bits 32-47 (with subchannel number 0 and
 * 0xffff), and every subchannel number in both installed sets, on each
 * instruction that takes a SID: an operand exception or cc 3, never
 * anything else, and 0.0.0000 untouched.
 */
START_TEST(test_calls_sid_every_bad_pattern_operand_or_cc3)
{
	enum call c = sid_calls[_i];
	struct snap s;
	struct fx f;

	fx_init(&f, NULL);
	fx_enable(&f);
	fx_ccw1(&f, 0, CCWA_CMD_NOP, CCWA_CCW_FLAG_SLI, 1, 0);
	fx_orb(&f, 0, 0xff);
	/* MSCH's operand: 0.0.0000's own image, so a wrong hit shows */
	ck_assert_int_eq(sim_css_stsch(f.css, &f.cpu, FX_SID, FX_OP).cc, 0);
	snap(&f, &s);
	for (uint32_t hi = 0; hi <= 0xffff; hi++) {
		sid_try(&f, c, hi << 16);
		sid_try(&f, c, hi << 16 | 0xffff);
	}
	for (uint32_t n = 0; n <= 0xffff; n++) {
		sid_try(&f, c, 0x00010000u | n);
		sid_try(&f, c, 0x00030000u | n);
	}
	expect_same(&f, &s, call_name[c]);
	fx_fini(&f);
}
END_TEST

/* ---- scale ---- */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long rss_bytes(void)
{
	long size = 0, resident = 0;
	FILE *fp = fopen("/proc/self/statm", "r");

	if (!fp)
		return -1;
	if (fscanf(fp, "%ld %ld", &size, &resident) != 2)
		resident = -1;
	fclose(fp);
	return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

/* Each set its own device numbers; the set shows in the top two bits. */
static uint16_t scale_devno(unsigned ssid, unsigned schno)
{
	return (uint16_t)(schno ^ (ssid << 14));
}

static const struct {
	unsigned ssid, schno;
	uint16_t devno;		/* schno ^ ssid << 14, worked by hand */
} scale_sample[] = {
	{ 0, 0x0000, 0x0000 }, { 0, 0xffff, 0xffff }, { 1, 0x0000, 0x4000 },
	{ 1, 0x8000, 0xc000 }, { 2, 0x7fff, 0xffff }, { 2, 0x1234, 0x9234 },
	{ 3, 0x0000, 0xc000 }, { 3, 0x8000, 0x4000 }, { 3, 0xffff, 0x3fff },
};

/*
 * §1.1 (four subchannel sets with MSS, 16-bit numbers), §2.8 STSCH, §2.1,
 * §3.2 and §2.2: a machine with all 4 x 65536 = 262,144 subchannels
 * defined, each with its own device, answers STSCH for any of them (V=1,
 * its device number, PIM, CHPID) and runs I/O on the very last one,
 * 0.3.ffff: SSCH cc 0, CE+DE ends it (SC x'07'), TSCH cc 0.  Time and
 * memory go to the log, never into an assertion.
 */
START_TEST(test_calls_scale_262144_defined_all_reachable)
{
	struct sim_css_cfg cfg = { .nsets = 4, .facilities = SIM_FAC_DEFAULT };
	struct sim_evq *q = sim_evq_create();
	struct sim_mem *m = sim_mem_create(FX_MEM);
	struct sim_cpu cpu = { .cr6 = 0xff };
	const uint32_t last = sim_sid(3, 0xffff);
	struct sim_css *css;
	uint8_t b[96];
	struct sim_io io;
	double t0, t1, t2, t3;
	long r0, r1;

	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_nonnull(m);
	cfg.evq = q;
	cfg.mem = m;
	r0 = rss_bytes();
	t0 = now_s();
	css = sim_css_create(&cfg);
	ck_assert_ptr_nonnull(css);
	ck_assert_int_eq(sim_css_chp_install(css, 0x40, 0x1a), 0);
	for (unsigned ssid = 0; ssid < 4; ssid++) {
		for (unsigned n = 0; n < SIM_CSS_SCH_PER_SET; n++) {
			struct sim_sch_def d = {
				.devno = scale_devno(ssid, n), .pim = 0x80,
				.chpid = { 0x40 },
			};
			int rc;

			d.dev = sim_testdev_create(d.devno);
			if (!d.dev)
				ck_abort_msg("no device for 0.%x.%04x", ssid, n);
			rc = sim_css_sch_define(css, ssid, n, &d, 0);
			if (rc)
				ck_abort_msg("0.%x.%04x: %d", ssid, n, rc);
		}
	}
	t1 = now_s();
	r1 = rss_bytes();
	ck_assert_uint_eq(sim_css_sch_count(css), 262144);

	for (int i = 0; i < N(scale_sample); i++) {
		uint32_t sid = sim_sid(scale_sample[i].ssid,
				       scale_sample[i].schno);

		io = sim_css_stsch(css, &cpu, sid, FX_OP);
		ck_assert_msg(io.pic == 0 && io.cc == 0, "STSCH 0x%08x", sid);
		sim_mem_read(m, FX_OP, b, 52, 0, NULL);
		ck_assert_msg(b[5] & 0x01, "0x%08x: V=0", sid);
		ck_assert_msg(!(b[5] & 0x80), "0x%08x: E=1", sid);
		ck_assert_msg(ccwa_get_be16(b + 6) == scale_sample[i].devno,
			      "0x%08x: device number 0x%04x, want 0x%04x", sid,
			      ccwa_get_be16(b + 6), scale_sample[i].devno);
		ck_assert_uint_eq(b[11], 0x80);		/* PIM */
		ck_assert_uint_eq(b[16], 0x40);		/* CHPID 0 */
	}

	/* I/O on 0.3.ffff: MSCH E=1, a NOP, TSCH. */
	io = sim_css_stsch(css, &cpu, last, FX_OP);
	ck_assert_uint_eq(io.cc, 0);
	sim_mem_read(m, FX_OP, b, 52, 0, NULL);
	b[4] = 0x18;
	b[5] |= 0x80;
	sim_mem_write(m, FX_OP, b, 52, 0, NULL);
	io = sim_css_msch(css, &cpu, last, FX_OP);
	ck_assert_uint_eq(io.pic, 0);
	ck_assert_uint_eq(io.cc, 0);
	memset(b, 0, 16);
	b[0] = CCWA_CMD_NOP;
	b[1] = CCWA_CCW_FLAG_SLI;
	ccwa_put_be16(b + 2, 1);
	sim_mem_write(m, FX_CCW, b, 8, 0, NULL);
	ccwa_put_be32(b, 0x12345678);
	ccwa_put_be32(b + 4, 0x0080ff00);	/* format-1 CCWs, LPM 0xff */
	ccwa_put_be32(b + 8, FX_CCW);
	sim_mem_write(m, FX_ORB, b, 12, 0, NULL);
	io = sim_css_ssch(css, &cpu, last, FX_ORB);
	ck_assert_uint_eq(io.pic, 0);
	ck_assert_uint_eq(io.cc, 0);
	sim_evq_run_until(q, sim_evq_now(q) + SIM_MS(1));
	ck_assert_uint_eq(sim_css_io_pending(css, 3), 1);
	io = sim_css_tsch(css, &cpu, last, FX_OP);
	ck_assert_uint_eq(io.pic, 0);
	ck_assert_uint_eq(io.cc, 0);
	sim_mem_read(m, FX_OP, b, 12, 0, NULL);
	ck_assert_uint_eq(ccwa_get_be32(b), 0x00804007);
	ck_assert_uint_eq(ccwa_get_be32(b + 4), FX_CCW + 8);
	ck_assert_uint_eq(b[8], CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END);
	ck_assert_int_eq(sim_css_verify(css), 0);

	t2 = now_s();
	sim_css_destroy(css);
	t3 = now_s();
	fprintf(stderr,
		"scale: 262144 subchannels with test devices defined in %.3f s; "
		"resident memory +%.1f MiB (%.0f bytes per subchannel); "
		"samples and I/O on 0.3.ffff %.3f s; destroy %.3f s\n",
		t1 - t0, (double)(r1 - r0) / (1024.0 * 1024.0),
		(double)(r1 - r0) / 262144.0, t2 - t1, t3 - t2);
	sim_mem_destroy(m);
	sim_evq_destroy(q);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("css_calls");
	TCase *api = tcase_create("api");
	TCase *opnd = tcase_create("operands");
	TCase *scale = tcase_create("scale");

	tcase_add_loop_test(api, test_calls_null_css_or_cpu_einval, 0,
			    2 * C_NCALLS);
	tcase_add_loop_test(api, test_calls_create_bad_cfg_null, 0,
			    N(cfg_rows));
	tcase_add_loop_test(api, test_calls_sch_define_bad_args_errno, 0,
			    N(define_rows));
	tcase_add_loop_test(api, test_calls_chp_bad_chpid_errno, 0,
			    N(chp_rows));
	tcase_add_loop_test(api, test_calls_sch_schib_not_provided_enodev, 0,
			    N(not_provided));
	suite_add_tcase(s, api);

	tcase_add_loop_test(opnd, test_calls_operand_outside_storage_addressing,
			    0, N(addr_calls) * N(far_addr));
	tcase_add_loop_test(opnd, test_calls_sid_every_bad_pattern_operand_or_cc3,
			    0, N(sid_calls));
	tcase_set_timeout(opnd, 120);
	suite_add_tcase(s, opnd);

	tcase_add_test(scale, test_calls_scale_262144_defined_all_reachable);
	tcase_set_timeout(scale, 300);
	suite_add_tcase(s, scale);
	return s;
}
