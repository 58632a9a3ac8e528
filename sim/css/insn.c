// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The I/O instructions (facts §2): privileged-operation, specification,
 * access and operand checks in the order §2.0 recommends (or a peer's,
 * by switch), then the condition code, then the effect.  An instruction
 * that ends in a program exception changes nothing (§2.0 "no partial
 * execution"); the functions it starts run later from the event queue
 * (sch.c).
 */
#include <errno.h>
#include <string.h>

#include "css/css_int.h"

static struct sim_io cc(int c)
{
	return (struct sim_io){ .cc = (uint8_t)c };
}

static struct sim_io pgm(uint16_t pic)
{
	return (struct sim_io){ .pic = pic };
}

static struct sim_io bad_call(void)
{
	return (struct sim_io){ .err = -EINVAL };
}

static struct sim_io done(struct sim_css *css, struct sim_sch *sch,
			  const char *insn, uint32_t gr1, struct sim_io r)
{
	if (r.pic)
		css_trace(css, sch, insn, "gr1=0x%08x program exception 0x%04x",
			  gr1, r.pic);
	else
		css_trace(css, sch, insn, "gr1=0x%08x cc=%u", gr1, r.cc);
	return r;
}

/* Prefixing: real 0-8191 and the prefix area swap places. */
uint64_t css_real_to_abs(const struct sim_cpu *cpu, uint64_t addr)
{
	uint64_t pfx = cpu->prefix & ~(uint64_t)0x1fff;

	if (addr < 0x2000)
		return addr + pfx;
	if (addr >= pfx && addr < pfx + 0x2000)
		return addr - pfx;
	return addr;
}

/* Access exception for the operand, or 0. */
static uint16_t access(struct sim_css *css, const struct sim_cpu *cpu,
		       uint64_t addr, uint64_t len, int store)
{
	enum sim_mem_err e = sim_mem_check(css->cfg.mem,
					   css_real_to_abs(cpu, addr), len,
					   cpu->key, store, NULL);

	switch (e) {
	case SIM_MEM_OK:
		return 0;
	case SIM_MEM_PROTECTION:
		return CCWA_PGM_PROTECTION;
	default:
		return CCWA_PGM_ADDRESSING;
	}
}

static void fetch(struct sim_css *css, const struct sim_cpu *cpu,
		  uint64_t addr, void *buf, uint64_t len)
{
	sim_mem_read(css->cfg.mem, css_real_to_abs(cpu, addr), buf, len,
		     cpu->key, NULL);
}

static void store(struct sim_css *css, const struct sim_cpu *cpu,
		  uint64_t addr, const void *buf, uint64_t len)
{
	sim_mem_write(css->cfg.mem, css_real_to_abs(cpu, addr), buf, len,
		      cpu->key, NULL);
}

enum sid_result { SID_OK, SID_OPERAND, SID_NOT_OPER };

/*
 * §1.1: the SID word in GR1.  On SID_OK *sch is the subchannel (NULL if
 * none is there) and *provided says whether the number exists at all.
 */
static enum sid_result sid(struct sim_css *css, uint32_t gr1,
			   struct sim_sch **sch, int *provided)
{
	unsigned ssid = (gr1 >> 17) & 3, schno = gr1 & 0xffff;
	int rsv = (gr1 & 0x00f00000) != 0;
	int mcss = (gr1 & 0xff080000) != 0;	/* CSSID or M: no MCSS-E */

	*sch = NULL;
	*provided = 0;
	if (!(gr1 & 0x00010000))
		return SID_OPERAND;
	if (COMPAT(css, sid_reserved) == SIM_SID_RSV_OPERAND) {
		if (rsv || mcss)
			return SID_OPERAND;
	} else if (mcss) {
		return SID_NOT_OPER;	/* QEMU: an unknown CSS image */
	}
	if (ssid && !(css->cfg.facilities & SIM_FAC_MSS))
		return SID_OPERAND;
	if (ssid >= css->cfg.nsets)
		return COMPAT(css, bad_ssid) == SIM_BAD_SSID_OPERAND ?
		       SID_OPERAND : SID_NOT_OPER;
	*provided = css_provided(css, ssid, schno);
	*sch = css_sch(css, ssid, schno);
	return SID_OK;
}

/* Every I/O instruction is privileged (§2.0). */
#define CHECK_CALL(css, cpu, name)					\
	do {								\
		if (!(css) || !(cpu))					\
			return bad_call();				\
		if ((cpu)->problem)					\
			return done(css, NULL, name, 0,			\
				    pgm(CCWA_PGM_PRIVILEGED));		\
	} while (0)

/* The SID check of the instructions without a storage operand. */
#define CHECK_SID(css, gr1, sch, provided, name)			\
	do {								\
		switch (sid(css, gr1, &(sch), &(provided))) {		\
		case SID_OPERAND:					\
			return done(css, NULL, name, gr1,		\
				    pgm(CCWA_PGM_OPERAND));		\
		case SID_NOT_OPER:					\
			return done(css, NULL, name, gr1,		\
				    cc(CCWA_CC_NOT_OPER));		\
		case SID_OK:						\
			break;						\
		}							\
	} while (0)

/* ---- SSCH (§2.1) ---- */

/* ORB content that makes SSCH an operand exception. */
static int orb_invalid(struct sim_css *css, const struct ccwa_orb *orb)
{
	uint32_t fac = css->cfg.facilities;

	if (ccwa_orb_res58(orb) || (ccwa_orb_cpa(orb) & 0x80000000u) ||
	    ccwa_orb_tm(orb))
		return 1;
	if (ccwa_orb_ils(orb) && !(fac & SIM_FAC_ILS))
		return 1;
	if (ccwa_orb_midaw(orb) && !(fac & SIM_FAC_MIDAW))
		return 1;
	if (ccwa_orb_orbx(orb) && COMPAT(css, orbx) == SIM_ORBX_FACILITY) {
		if (!(fac & SIM_FAC_ORBX))
			return 1;
		if (ccwa_orb_res104(orb) || ccwa_orb_res120(orb) ||
		    ccwa_orb_res128(orb) || ccwa_orb_res160(orb) ||
		    ccwa_orb_res192(orb) || ccwa_orb_res224(orb))
			return 1;
	}
	return 0;
}

struct sim_io sim_css_ssch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1, uint64_t addr)
{
	struct ccwa_orb orb = { { 0 } };
	struct sim_sch *sch;
	uint16_t pic;
	int provided;

	CHECK_CALL(css, cpu, "ssch");
	if (addr & 3)
		return done(css, NULL, "ssch", gr1, pgm(CCWA_PGM_SPECIFICATION));
	pic = access(css, cpu, addr, CCWA_ORB_SIZE, 0);
	if (pic)
		return done(css, NULL, "ssch", gr1, pgm(pic));
	fetch(css, cpu, addr, orb.b, CCWA_ORB_SIZE);
	if (ccwa_orb_orbx(&orb) && COMPAT(css, orbx) == SIM_ORBX_FACILITY &&
	    (css->cfg.facilities & SIM_FAC_ORBX)) {
		pic = access(css, cpu, addr, CCWA_ORB_EXT_SIZE, 0);
		if (pic)
			return done(css, NULL, "ssch", gr1, pgm(pic));
		fetch(css, cpu, addr, orb.b, CCWA_ORB_EXT_SIZE);
	}
	CHECK_SID(css, gr1, sch, provided, "ssch");
	if (orb_invalid(css, &orb))
		return done(css, sch, "ssch", gr1, pgm(CCWA_PGM_OPERAND));
	if (!sch_operational(sch))
		return done(css, sch, "ssch", gr1, cc(CCWA_CC_NOT_OPER));
	if (COMPAT(css, nopath) == SIM_NOPATH_CC3 &&
	    !(ccwa_orb_lpm(&orb) & ccwa_pmcw_pam(&sch->schib.pmcw)))
		return done(css, sch, "ssch", gr1, cc(CCWA_CC_NOT_OPER));
	if (sch_status_pending(sch))
		return done(css, sch, "ssch", gr1, cc(CCWA_CC_STATUS));
	if (ccwa_scsw_fctl(&sch->schib.scsw))
		return done(css, sch, "ssch", gr1, cc(CCWA_CC_BUSY));
	if (!sch_io(sch))
		return done(css, sch, "ssch", gr1, cc(CCWA_CC_BUSY));
	sch_start(sch, &orb);
	return done(css, sch, "ssch", gr1, cc(CCWA_CC_OK));
}

/* ---- TSCH (§2.2) ---- */

struct sim_io sim_css_tsch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1, uint64_t addr)
{
	struct ccwa_irb irb;
	struct sim_sch *sch = NULL;
	enum sid_result sr = SID_OK;
	unsigned len = CCWA_IRB_SIZE_NO_EMW;
	uint8_t order;
	uint16_t pic;
	int provided = 0, pending;

	CHECK_CALL(css, cpu, "tsch");
	order = COMPAT(css, order);
	if (order == SIM_ORDER_QEMU) {		/* QEMU: SID first */
		sr = sid(css, gr1, &sch, &provided);
		if (sr == SID_OPERAND)
			return done(css, NULL, "tsch", gr1,
				    pgm(CCWA_PGM_OPERAND));
	}
	if (addr & 3)
		return done(css, NULL, "tsch", gr1, pgm(CCWA_PGM_SPECIFICATION));
	if (order != SIM_ORDER_QEMU)
		sr = sid(css, gr1, &sch, &provided);
	if (order == SIM_ORDER_HERCULES) {	/* Hercules: cc 3 before access */
		if (sr == SID_OPERAND)
			return done(css, NULL, "tsch", gr1,
				    pgm(CCWA_PGM_OPERAND));
		if (sr == SID_NOT_OPER || !sch_operational(sch))
			return done(css, sch, "tsch", gr1,
				    cc(CCWA_CC_NOT_OPER));
	}
	if (sch_operational(sch))
		sch_build_irb(sch, &irb, &len);
	pic = access(css, cpu, addr, len, 1);
	if (pic)
		return done(css, sch, "tsch", gr1, pgm(pic));
	if (sr == SID_OPERAND)
		return done(css, NULL, "tsch", gr1, pgm(CCWA_PGM_OPERAND));
	if (sr == SID_NOT_OPER || !sch_operational(sch))
		return done(css, sch, "tsch", gr1, cc(CCWA_CC_NOT_OPER));
	pending = sch_status_pending(sch);
	store(css, cpu, addr, &irb, len);
	if (!pending)
		return done(css, sch, "tsch", gr1, cc(CCWA_CC_STATUS));
	sch_tsch_clear(sch);
	return done(css, sch, "tsch", gr1, cc(CCWA_CC_OK));
}

/* ---- HSCH (§2.3) ---- */

struct sim_io sim_css_hsch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1)
{
	struct sim_sch *sch;
	uint32_t sc;
	int provided;

	CHECK_CALL(css, cpu, "hsch");
	CHECK_SID(css, gr1, sch, provided, "hsch");
	if (!sch_operational(sch))
		return done(css, sch, "hsch", gr1, cc(CCWA_CC_NOT_OPER));
	sc = ccwa_scsw_stctl(&sch->schib.scsw);
	/* Intermediate-only status does not block a halt. */
	if ((sc & CCWA_STCTL_PENDING) &&
	    ((sc & (CCWA_STCTL_ALERT | CCWA_STCTL_PRIMARY |
		    CCWA_STCTL_SECONDARY)) || sc == CCWA_STCTL_PENDING))
		return done(css, sch, "hsch", gr1, cc(CCWA_CC_STATUS));
	if (ccwa_scsw_fctl(&sch->schib.scsw) &
	    (CCWA_FCTL_HALT | CCWA_FCTL_CLEAR))
		return done(css, sch, "hsch", gr1, cc(CCWA_CC_BUSY));
	if (!sch_io(sch))
		return done(css, sch, "hsch", gr1, cc(CCWA_CC_BUSY));
	sch_halt(sch);
	return done(css, sch, "hsch", gr1, cc(CCWA_CC_OK));
}

/* ---- CSCH (§2.4) ---- */

struct sim_io sim_css_csch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1)
{
	struct sim_sch *sch;
	int provided;

	CHECK_CALL(css, cpu, "csch");
	CHECK_SID(css, gr1, sch, provided, "csch");
	if (!sch_operational(sch))
		return done(css, sch, "csch", gr1, cc(CCWA_CC_NOT_OPER));
	if (!sch_io(sch))
		return done(css, sch, "csch", gr1, cc(CCWA_CC_NOT_OPER));
	sch_clear(sch);
	return done(css, sch, "csch", gr1, cc(CCWA_CC_OK));
}

/* ---- RSCH (§2.5) ---- */

struct sim_io sim_css_rsch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1)
{
	struct sim_sch *sch;
	uint32_t fc, ac;
	int provided;

	CHECK_CALL(css, cpu, "rsch");
	CHECK_SID(css, gr1, sch, provided, "rsch");
	if (!sch_operational(sch))
		return done(css, sch, "rsch", gr1, cc(CCWA_CC_NOT_OPER));
	if (sch_status_pending(sch))
		return done(css, sch, "rsch", gr1, cc(CCWA_CC_STATUS));
	fc = ccwa_scsw_fctl(&sch->schib.scsw);
	ac = ccwa_scsw_actl(&sch->schib.scsw);
	/* "Resume not applicable". */
	if (fc != CCWA_FCTL_START || (ac & CCWA_ACTL_RESUME_PEND) ||
	    !sch->io || !ccwa_orb_spnd(&sch->io->orb) ||
	    (!(ac & CCWA_ACTL_SUSPENDED) &&
	     COMPAT(css, rsch_early) == SIM_RSCH_EARLY_CC2))
		return done(css, sch, "rsch", gr1, cc(CCWA_CC_BUSY));
	sch_resume(sch);
	return done(css, sch, "rsch", gr1, cc(CCWA_CC_OK));
}

/* ---- XSCH (§2.6) ---- */

struct sim_io sim_css_xsch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1)
{
	struct sim_sch *sch;
	uint32_t fc, ac;
	int provided;

	CHECK_CALL(css, cpu, "xsch");
	CHECK_SID(css, gr1, sch, provided, "xsch");
	if (!sch_operational(sch))
		return done(css, sch, "xsch", gr1, cc(CCWA_CC_NOT_OPER));
	if (ccwa_scsw_stctl(&sch->schib.scsw))
		return done(css, sch, "xsch", gr1, cc(CCWA_CC_STATUS));
	fc = ccwa_scsw_fctl(&sch->schib.scsw);
	ac = ccwa_scsw_actl(&sch->schib.scsw);
	/* "Function not applicable": nothing left to cancel. */
	if (fc != CCWA_FCTL_START ||
	    !(ac & (CCWA_ACTL_START_PEND | CCWA_ACTL_RESUME_PEND |
		    CCWA_ACTL_SUSPENDED)) ||
	    (ac & CCWA_ACTL_SCH_ACTIVE) ||
	    ((ac & CCWA_ACTL_SUSPENDED) &&
	     COMPAT(css, xsch_susp) == SIM_XSCH_SUSP_CC2))
		return done(css, sch, "xsch", gr1, cc(CCWA_CC_BUSY));
	sch_cancel(sch);
	return done(css, sch, "xsch", gr1, cc(CCWA_CC_OK));
}

/* ---- MSCH (§2.7) ---- */

/* PMCW content that makes MSCH an operand exception (§1.6, §11 A15). */
static int pmcw_invalid(struct sim_css *css, const struct ccwa_schib *s)
{
	const struct ccwa_pmcw *p = &s->pmcw;
	uint32_t fac = css->cfg.facilities;

	if (COMPAT(css, msch_rsv) == SIM_MSCH_RSV_HERCULES) {
		/* Word 1 bit 1, bit 5 and bit 6; LM 11; X and F always. */
		return (ccwa_pmcw_res32(p) & 1) || ccwa_pmcw_res37(p) ||
		       (ccwa_pmcw_res38(p) & 2) ||
		       ccwa_pmcw_lm(p) == 3 || ccwa_pmcw_xmwme(p) ||
		       ccwa_pmcw_mbfc(p) ||
		       (ccwa_pmcw_csense(p) && !(fac & SIM_FAC_CSENSE));
	}
	if (ccwa_pmcw_res32(p) || ccwa_pmcw_res38(p) || ccwa_pmcw_lm(p) == 3 ||
	    ccwa_pmcw_res192(p) || ccwa_pmcw_res203(p))
		return 1;
	if ((ccwa_pmcw_mbfc(p) && !(fac & SIM_FAC_EMB)) ||
	    (ccwa_pmcw_xmwme(p) && !(fac & SIM_FAC_EMW)) ||
	    (ccwa_pmcw_csense(p) && !(fac & SIM_FAC_CSENSE)))
		return 1;
	return ccwa_pmcw_mbfc(p) && (ccwa_schib_mba(s) & 63);
}

struct sim_io sim_css_msch(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1, uint64_t addr)
{
	struct ccwa_schib in;
	struct ccwa_pmcw *p;
	struct sim_sch *sch;
	uint32_t sc;
	uint16_t pic;
	int provided;

	CHECK_CALL(css, cpu, "msch");
	if (addr & 3)
		return done(css, NULL, "msch", gr1, pgm(CCWA_PGM_SPECIFICATION));
	pic = access(css, cpu, addr, CCWA_SCHIB_SIZE, 0);
	if (pic)
		return done(css, NULL, "msch", gr1, pgm(pic));
	fetch(css, cpu, addr, &in, CCWA_SCHIB_SIZE);
	CHECK_SID(css, gr1, sch, provided, "msch");
	if (pmcw_invalid(css, &in))
		return done(css, sch, "msch", gr1, pgm(CCWA_PGM_OPERAND));
	if (!provided)
		return done(css, sch, "msch", gr1, cc(CCWA_CC_NOT_OPER));
	if (!sch || !ccwa_pmcw_dnv(&sch->schib.pmcw))
		return done(css, sch, "msch", gr1, cc(CCWA_CC_OK)); /* V = 0 */
	sc = ccwa_scsw_stctl(&sch->schib.scsw);
	if ((sc & CCWA_STCTL_PENDING) &&
	    (COMPAT(css, msch_pending) == SIM_MSCH_PENDING_ANY_CC1 ||
	     sc != (CCWA_STCTL_INTERMEDIATE | CCWA_STCTL_PENDING)))
		return done(css, sch, "msch", gr1, cc(CCWA_CC_STATUS));
	if (ccwa_scsw_fctl(&sch->schib.scsw) || (sc & CCWA_STCTL_PENDING))
		return done(css, sch, "msch", gr1, cc(CCWA_CC_BUSY));
	/* The program-modifiable fields, and only those. */
	p = &sch->schib.pmcw;
	ccwa_pmcw_set_intparm(p, ccwa_pmcw_intparm(&in.pmcw));
	ccwa_pmcw_set_isc(p, ccwa_pmcw_isc(&in.pmcw));
	ccwa_pmcw_set_ena(p, ccwa_pmcw_ena(&in.pmcw));
	ccwa_pmcw_set_lm(p, ccwa_pmcw_lm(&in.pmcw));
	ccwa_pmcw_set_mme(p, ccwa_pmcw_mme(&in.pmcw));
	ccwa_pmcw_set_mp(p, ccwa_pmcw_mp(&in.pmcw));
	ccwa_pmcw_set_lpm(p, ccwa_pmcw_lpm(&in.pmcw));
	ccwa_pmcw_set_mbi(p, ccwa_pmcw_mbi(&in.pmcw));
	ccwa_pmcw_set_pom(p, ccwa_pmcw_pom(&in.pmcw));
	ccwa_pmcw_set_mbfc(p, ccwa_pmcw_mbfc(&in.pmcw));
	ccwa_pmcw_set_xmwme(p, ccwa_pmcw_xmwme(&in.pmcw));
	ccwa_pmcw_set_csense(p, ccwa_pmcw_csense(&in.pmcw));
	ccwa_schib_set_mba(&sch->schib, ccwa_schib_mba(&in));
	return done(css, sch, "msch", gr1, cc(CCWA_CC_OK));
}

/* ---- STSCH (§2.8) ---- */

struct sim_io sim_css_stsch(struct sim_css *css, const struct sim_cpu *cpu,
			    uint32_t gr1, uint64_t addr)
{
	struct ccwa_schib out;
	struct sim_sch *sch;
	enum sid_result sr;
	uint16_t pic;
	int provided;

	CHECK_CALL(css, cpu, "stsch");
	if (COMPAT(css, order) == SIM_ORDER_HERCULES) {
		/* Hercules: the SID and cc 3 come before alignment and access. */
		CHECK_SID(css, gr1, sch, provided, "stsch");
		if (!provided)
			return done(css, sch, "stsch", gr1,
				    cc(CCWA_CC_NOT_OPER));
	}
	if (addr & 3)
		return done(css, NULL, "stsch", gr1,
			    pgm(CCWA_PGM_SPECIFICATION));
	pic = access(css, cpu, addr, CCWA_SCHIB_SIZE, 1);
	if (pic)
		return done(css, NULL, "stsch", gr1, pgm(pic));
	sr = sid(css, gr1, &sch, &provided);
	if (sr == SID_OPERAND)
		return done(css, NULL, "stsch", gr1, pgm(CCWA_PGM_OPERAND));
	if (sr == SID_NOT_OPER || !provided)
		return done(css, sch, "stsch", gr1, cc(CCWA_CC_NOT_OPER));
	if (sch) {
		out = sch->schib;
		ccwa_pmcw_set_res37(&out.pmcw, 0);
	} else {
		memset(&out, 0, sizeof(out));	/* provided, nothing there */
	}
	store(css, cpu, addr, &out, sizeof(out));
	return done(css, sch, "stsch", gr1, cc(CCWA_CC_OK));
}

/* ---- TPI (§2.9) ---- */

struct sim_io sim_css_tpi(struct sim_css *css, const struct sim_cpu *cpu,
			  uint64_t addr)
{
	struct ccwa_intcode code = { { 0 } };
	struct io_req *r;
	uint16_t pic;

	CHECK_CALL(css, cpu, "tpi");
	if (addr) {
		if (addr & 3)
			return done(css, NULL, "tpi", 0,
				    pgm(CCWA_PGM_SPECIFICATION));
		pic = access(css, cpu, addr, CCWA_TPI_OPERAND_SIZE, 1);
		if (pic)
			return done(css, NULL, "tpi", 0, pgm(pic));
	}
	r = irq_peek(css, cpu->cr6);
	if (!r)
		return done(css, NULL, "tpi", 0, cc(0));
	ccwa_intcode_set_schid(&code, sim_sid(r->sch->ssid, r->sch->schno));
	ccwa_intcode_set_intparm(&code,
				 ccwa_pmcw_intparm(&r->sch->schib.pmcw));
	ccwa_intcode_set_isc(&code, r->isc);
	if (addr)
		store(css, cpu, addr, code.b, CCWA_TPI_OPERAND_SIZE);
	else	/* real 184-195, without key checking */
		sim_mem_write(css->cfg.mem,
			      css_real_to_abs(cpu, CCWA_LC_SUBCHANNEL_ID),
			      code.b, CCWA_INTCODE_SIZE, 0, NULL);
	css_trace(css, r->sch, "tpi", "cc=1 intparm=0x%08x isc=%u",
		  ccwa_intcode_intparm(&code), r->isc);
	irq_dequeue(css, r);
	return cc(1);
}

/* ---- STCRW (§2.10) ---- */

struct sim_io sim_css_stcrw(struct sim_css *css, const struct sim_cpu *cpu,
			    uint64_t addr)
{
	struct ccwa_crw crw = { { 0 } };
	uint16_t pic;

	CHECK_CALL(css, cpu, "stcrw");
	if (addr & 3)
		return done(css, NULL, "stcrw", 0, pgm(CCWA_PGM_SPECIFICATION));
	pic = access(css, cpu, addr, CCWA_CRW_SIZE, 1);
	if (pic)	/* suppressing: the CRW stays queued */
		return done(css, NULL, "stcrw", 0, pgm(pic));
	if (crw_pop(css, &crw)) {
		store(css, cpu, addr, crw.b, sizeof(crw.b));
		return done(css, NULL, "stcrw", 0, cc(0));
	}
	store(css, cpu, addr, crw.b, sizeof(crw.b));	/* zeros */
	crw_rearm(css);
	return done(css, NULL, "stcrw", 0, cc(1));
}

/* ---- SCHM (§2.11) ---- */

struct sim_io sim_css_schm(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1, uint64_t gr2)
{
	int m = !!(gr1 & 2), d = gr1 & 1;

	CHECK_CALL(css, cpu, "schm");
	if ((gr1 & 0x0ffffffcu) || (m && (gr2 & 0x1f)))
		return done(css, NULL, "schm", gr1, pgm(CCWA_PGM_OPERAND));
	css->cmf_mbk = (uint8_t)(gr1 >> 28);
	css->cmf_m = (uint8_t)m;
	css->cmf_d = (uint8_t)d;
	if (m)
		css->cmf_mbo = gr2;
	css_trace(css, NULL, "schm", "m=%d d=%d mbk=%u mbo=0x%llx", m, d,
		  css->cmf_mbk, (unsigned long long)css->cmf_mbo);
	return (struct sim_io){ .cc = SIM_CC_UNCHANGED };
}

/* ---- RCHP (§2.12) ---- */

struct sim_io sim_css_rchp(struct sim_css *css, const struct sim_cpu *cpu,
			   uint32_t gr1)
{
	CHECK_CALL(css, cpu, "rchp");
	if (gr1 & 0xffffff00u)
		return done(css, NULL, "rchp", gr1, pgm(CCWA_PGM_OPERAND));
	return done(css, NULL, "rchp", gr1, cc(chp_rchp(css, (uint8_t)gr1)));
}

/*
 * ---- SAL (B237) ----
 * GR1 bits 33-47 give the limit in 64 KiB units; bit 32 and bits 48-63
 * must be zero (Hercules and QEMU agree).  The condition code stays.
 */
struct sim_io sim_css_sal(struct sim_css *css, const struct sim_cpu *cpu,
			  uint32_t gr1)
{
	CHECK_CALL(css, cpu, "sal");
	if (gr1 & 0x8000ffffu)
		return done(css, NULL, "sal", gr1, pgm(CCWA_PGM_OPERAND));
	css->address_limit = gr1;
	css_trace(css, NULL, "sal", "limit=0x%08x", gr1);
	return (struct sim_io){ .cc = SIM_CC_UNCHANGED };
}
