// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Steps: the I/O instructions with their operands and expected outcome,
 * the CPU's state (PSW key, problem state, prefix, masks), virtual time,
 * interruptions, and what happens on the device side (attention, busy,
 * paths, devices installed and removed, reset).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/insn.h>
#include <ccwsim/arch/intcode.h>
#include <ccwsim/arch/schib.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/sim/testdev.h>

#include "scn_int.h"
#include "verbs.h"

/* How far "run" (to idle) and "run until interrupt" look by default. */
#define IDLE_LIMIT SIM_S(10)
#define INTERRUPT_WITHIN SIM_S(1)

int val_gr1_sid(struct ctx *c, struct scn_arg *a, uint32_t *gr1)
{
	unsigned ssid, schno;
	uint64_t v;

	if (strchr(a->val, '.')) {
		if (val_sid(c, a, &ssid, &schno))
			return -1;
		*gr1 = sim_sid(ssid, schno);
		return 0;
	}
	if (val_uint(c, a, 0xffffffffu, &v))
		return -1;
	*gr1 = (uint32_t)v;
	return 0;
}

static const struct { const char *n; uint16_t code; } pgm_names[] = {
	{ "privileged", CCWA_PGM_PRIVILEGED },
	{ "protection", CCWA_PGM_PROTECTION },
	{ "addressing", CCWA_PGM_ADDRESSING },
	{ "specification", CCWA_PGM_SPECIFICATION },
	{ "operand", CCWA_PGM_OPERAND },
};

static const char *pgm_name(uint16_t code)
{
	for (size_t i = 0; i < sizeof(pgm_names) / sizeof(pgm_names[0]); i++)
		if (pgm_names[i].code == code)
			return pgm_names[i].n;
	return "?";
}

static void outcome_text(struct sim_io r, char *buf, size_t len)
{
	if (r.err)
		snprintf(buf, len, "a malformed call (%d)", r.err);
	else if (r.pic)
		snprintf(buf, len, "program %s (0x%04x)", pgm_name(r.pic), r.pic);
	else if (r.cc == SIM_CC_UNCHANGED)
		snprintf(buf, len, "completion (cc unchanged)");
	else
		snprintf(buf, len, "cc %u", r.cc);
}

/*
 * The expected outcome after "->": "cc N" or "program NAME".  No arrow
 * means cc 0 (or, for SCHM and SAL, which set no cc, completion).
 */
static int want_outcome(struct ctx *c, struct scn_stmt *s, struct sim_io *w)
{
	struct scn_arg *k = s->nwant > 0 ? &s->want[0] : NULL;
	struct scn_arg *v = s->nwant > 1 ? &s->want[1] : NULL;
	uint64_t n;

	memset(w, 0, sizeof(*w));
	if (!k)
		return 0;
	if (s->nwant != 2 || k->key || v->key)
		goto bad;
	if (!strcmp(k->val, "cc")) {
		if (val_uint(c, v, 3, &n))
			return -1;
		w->cc = (uint8_t)n;
		return 0;
	}
	if (!strcmp(k->val, "program")) {
		for (size_t i = 0; i < sizeof(pgm_names) / sizeof(pgm_names[0]); i++)
			if (!strcmp(v->val, pgm_names[i].n)) {
				w->pic = pgm_names[i].code;
				return 0;
			}
		cx_error(c, v->line, v->col,
			 "'%s' is not a program exception (privileged protection addressing specification operand)",
			 v->val);
		return -1;
	}
bad:
	cx_error(c, s->line, s->arrow_col,
		 "after '->' say 'cc N' or 'program NAME'");
	return -1;
}

static void check_outcome(struct ctx *c, struct scn_stmt *s, struct sim_io r,
			  struct sim_io w, int sets_cc)
{
	char got[64], want[64];

	if (!sets_cc && !w.pic && !s->nwant)
		w.cc = SIM_CC_UNCHANGED;
	c->expectations++;
	if (r.err == w.err && r.pic == w.pic && (r.pic || r.cc == w.cc))
		return;
	outcome_text(r, got, sizeof(got));
	outcome_text(w, want, sizeof(want));
	cx_error(c, s->line, s->col, "%s: expected %s, got %s", s->args[0].val,
		 want, got);
}

/* An address operand: a number or label expression. */
static int addr_arg(struct ctx *c, struct scn_stmt *s, unsigned i,
		    uint64_t *v, const char *what)
{
	struct scn_arg *a = arg_pos(s, i);

	if (!a)
		return arg_missing(c, s, what);
	return val_u64(c, a, v);
}

/* schm [m] [d] [mbk=K] [mbo=ADDR], or schm gr1=N gr2=N (raw operands). */
static int schm_operands(struct ctx *c, struct scn_stmt *s, uint32_t *gr1,
			 uint64_t *gr2)
{
	struct scn_arg *x;
	uint64_t v;

	*gr1 = 0;
	*gr2 = 0;
	if ((x = arg_key(s, "gr1")) && !val_uint(c, x, 0xffffffffu, &v))
		*gr1 = (uint32_t)v;
	if ((x = arg_key(s, "gr2")) && !val_u64(c, x, &v))
		*gr2 = v;
	if ((x = arg_key(s, "mbk")) && !val_uint(c, x, 15, &v))
		*gr1 |= (uint32_t)v << 28;
	if ((x = arg_key(s, "mbo")) && !val_u64(c, x, &v))
		*gr2 = v;
	for (unsigned i = 0; (x = arg_pos(s, i)); i++) {
		if (!strcmp(x->val, "m"))
			*gr1 |= 2;
		else if (!strcmp(x->val, "d"))
			*gr1 |= 1;
		else
			cx_error(c, x->line, x->col, "schm takes m and d");
	}
	return 0;
}

int v_insn(struct ctx *c, struct scn_stmt *s)
{
	const char *n = s->args[0].val;
	struct scn_arg *a;
	struct sim_io r = { 0 }, w;
	uint32_t gr1 = 0;
	uint64_t addr = 0, gr2 = 0;
	int sets_cc = 1, e = 0;

	if (c->v) {
		cx_error(c, s->line, s->col,
			 "with a driver the host CPU is the driver model's: the guest's I/O goes through vfio steps");
		return -1;
	}
	if (!strcmp(n, "schm")) {
		schm_operands(c, s, &gr1, &gr2);
		sets_cc = 0;
	} else if (!strcmp(n, "tpi") || !strcmp(n, "stcrw") ||
		   !strcmp(n, "chsc")) {
		e = addr_arg(c, s, 0, &addr, "an operand address");
	} else if (!strcmp(n, "rchp") || !strcmp(n, "sal")) {
		uint64_t v = 0;

		sets_cc = n[0] == 'r';
		if ((a = arg_key(s, "gr1")) || (a = arg_pos(s, 0))) {
			if (!a->key && sets_cc) {
				uint8_t id;

				e = val_chpid(c, a, &id);
				v = id;
			} else {
				e = val_uint(c, a, 0xffffffffu, &v);
			}
		} else {
			e = arg_missing(c, s, sets_cc ? "a CHPID" : "a limit");
		}
		gr1 = (uint32_t)v;
	} else {
		if (!(a = arg_pos(s, 0)))
			return arg_missing(c, s, "a subchannel id");
		e = val_gr1_sid(c, a, &gr1);
		if (!strcmp(n, "ssch") || !strcmp(n, "tsch") ||
		    !strcmp(n, "msch") || !strcmp(n, "stsch"))
			e |= addr_arg(c, s, 1, &addr, "an operand address");
	}
	if (want_outcome(c, s, &w) || args_unused(c, s) || e || c->dry)
		return 0;
	if (!strcmp(n, "ssch"))
		r = sim_css_ssch(c->css, &c->cpu, gr1, addr);
	else if (!strcmp(n, "tsch"))
		r = sim_css_tsch(c->css, &c->cpu, gr1, addr);
	else if (!strcmp(n, "hsch"))
		r = sim_css_hsch(c->css, &c->cpu, gr1);
	else if (!strcmp(n, "csch"))
		r = sim_css_csch(c->css, &c->cpu, gr1);
	else if (!strcmp(n, "rsch"))
		r = sim_css_rsch(c->css, &c->cpu, gr1);
	else if (!strcmp(n, "xsch"))
		r = sim_css_xsch(c->css, &c->cpu, gr1);
	else if (!strcmp(n, "msch"))
		r = sim_css_msch(c->css, &c->cpu, gr1, addr);
	else if (!strcmp(n, "stsch"))
		r = sim_css_stsch(c->css, &c->cpu, gr1, addr);
	else if (!strcmp(n, "tpi"))
		r = sim_css_tpi(c->css, &c->cpu, addr);
	else if (!strcmp(n, "stcrw"))
		r = sim_css_stcrw(c->css, &c->cpu, addr);
	else if (!strcmp(n, "schm"))
		r = sim_css_schm(c->css, &c->cpu, gr1, gr2);
	else if (!strcmp(n, "rchp"))
		r = sim_css_rchp(c->css, &c->cpu, gr1);
	else if (!strcmp(n, "sal"))
		r = sim_css_sal(c->css, &c->cpu, gr1);
	else if (!strcmp(n, "chsc"))
		r = sim_css_chsc(c->css, &c->cpu, addr);
	check_outcome(c, s, r, w, sets_cc);
	return 0;
}

/*
 * modify SID field=value...: STSCH into scratch storage, change the named
 * PMCW fields, MSCH.  "enable" is modify with ena=1.  Both must end cc 0.
 */
int v_modify(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);
	uint8_t schib[CCWA_SCHIB_SIZE];
	uint64_t scratch = c->mem_size - 4096;
	struct sim_io r;
	/* Supervisor state, key 0: the steps work whatever the PSW says. */
	struct sim_cpu cpu = { .cr6 = c->cpu.cr6, .prefix = c->cpu.prefix };
	uint32_t gr1;
	int enable = !strcmp(s->args[0].val, "enable");
	int disable = !strcmp(s->args[0].val, "disable");

	if (!a)
		return arg_missing(c, s, "a subchannel id");
	if (val_gr1_sid(c, a, &gr1))
		return -1;
	/* Checked against an empty SCHIB; applied to the real one below. */
	memset(schib, 0, sizeof(schib));
	schib_fields(c, s, schib);
	if (args_unused(c, s) || c->dry)
		return 0;
	c->expectations++;
	r = sim_css_stsch(c->css, &cpu, gr1, scratch);
	if (r.pic || r.cc) {
		cx_error(c, s->line, s->col, "%s %s: STSCH ended %s %u",
			 s->args[0].val, a->val, r.pic ? "with program" : "cc",
			 r.pic ? r.pic : r.cc);
		return -1;
	}
	sim_mem_read(c->mem, scratch, schib, sizeof(schib), 0, NULL);
	if (enable)
		ccwa_pmcw_set_ena((struct ccwa_pmcw *)schib, 1);
	if (disable)
		ccwa_pmcw_set_ena((struct ccwa_pmcw *)schib, 0);
	schib_fields(c, s, schib);
	sim_mem_write(c->mem, scratch, schib, sizeof(schib), 0, NULL);
	r = sim_css_msch(c->css, &cpu, gr1, scratch);
	if (r.pic || r.cc) {
		cx_error(c, s->line, s->col, "%s %s: MSCH ended %s %u",
			 s->args[0].val, a->val, r.pic ? "with program" : "cc",
			 r.pic ? r.pic : r.cc);
		return -1;
	}
	return 0;
}

/* psw [key=K] [problem|supervisor] [prefix=ADDR] */
int v_psw(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *x;
	uint64_t v;
	struct sim_cpu cpu = c->cpu;

	if ((x = arg_key(s, "key")) && !val_uint(c, x, 15, &v))
		cpu.key = (uint8_t)v;
	if ((x = arg_key(s, "prefix")) && !val_u64(c, x, &v)) {
		if (v & 4095 || v + 8192 > c->mem_size)
			cx_error(c, x->line, x->col,
				 "the prefix is 4K-aligned and leaves 8K in storage");
		cpu.prefix = v;
	}
	for (unsigned i = 0; (x = arg_pos(s, i)); i++) {
		if (!strcmp(x->val, "problem"))
			cpu.problem = 1;
		else if (!strcmp(x->val, "supervisor"))
			cpu.problem = 0;
		else
			x->used = 0;
	}
	if (args_unused(c, s) || c->dry)
		return 0;
	c->cpu.key = cpu.key;
	c->cpu.problem = cpu.problem;
	c->cpu.prefix = cpu.prefix;
	return 0;
}

static int on_off(struct ctx *c, struct scn_arg *a, int *v)
{
	if (!strcmp(a->val, "on"))
		return *v = 1, 0;
	if (!strcmp(a->val, "off"))
		return *v = 0, 0;
	cx_error(c, a->line, a->col, "say on or off");
	return -1;
}

/* mask [io=on|off] [cr6=MASK] [mc=on|off] [crw=on|off] */
int v_mask(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *x;
	int io = c->psw_io, mc = c->psw_mc, crw = c->cr14_crw;
	uint64_t cr6 = c->cpu.cr6;

	if ((x = arg_key(s, "io")))
		on_off(c, x, &io);
	if ((x = arg_key(s, "mc")))
		on_off(c, x, &mc);
	if ((x = arg_key(s, "crw")))
		on_off(c, x, &crw);
	if ((x = arg_key(s, "cr6")))
		val_uint(c, x, 0xff, &cr6);
	if (s->nargs == 1)
		arg_missing(c, s, "io=, cr6=, mc= or crw=");
	if (args_unused(c, s) || c->dry)
		return 0;
	c->psw_io = io;
	c->psw_mc = mc;
	c->cr14_crw = crw;
	c->cpu.cr6 = (uint8_t)cr6;
	sim_css_set_io_mask(c->css, io, c->cpu.cr6);
	sim_css_set_mc_mask(c->css, mc, crw);
	return 0;
}

/* An I/O interruption the masks let through, or a CRW machine check. */
static int interrupt_ready(struct ctx *c)
{
	if (c->psw_io)
		for (unsigned isc = 0; isc < 8; isc++)
			if ((c->cpu.cr6 & (0x80u >> isc)) &&
			    sim_css_io_pending(c->css, isc))
				return 1;
	return c->crw_pending_flag && c->psw_mc && c->cr14_crw;
}

/*
 * run                    until nothing is left to happen
 * run T | run for T      T of virtual time
 * run until T            to virtual time T
 * run until interrupt [within=T]
 */
int v_run(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *b = NULL, *w;
	sim_vtime t = 0, within = INTERRUPT_WITHIN, now, when;
	enum { IDLE, FOR, UNTIL, INTERRUPT } mode = IDLE;

	if (a && (!strcmp(a->val, "until") || !strcmp(a->val, "for"))) {
		b = arg_pos(s, 1);
		if (!b)
			return arg_missing(c, s, "what to run until, or for how long");
		if (a->val[0] == 'f')
			mode = FOR, val_time(c, b, &t);
		else if (!strcmp(b->val, "interrupt"))
			mode = INTERRUPT;
		else if (!strcmp(b->val, "idle"))
			mode = IDLE;
		else
			mode = UNTIL, val_time(c, b, &t);
	} else if (a && !strcmp(a->val, "idle")) {
		mode = IDLE;
	} else if (a) {
		mode = FOR;
		val_time(c, a, &t);
	}
	if ((w = arg_key(s, "within"))) {
		if (mode != INTERRUPT)
			cx_error(c, w->line, w->col,
				 "within= goes with 'run until interrupt'");
		val_time(c, w, &within);
	}
	if (args_unused(c, s) || c->dry)
		return 0;
	now = sim_evq_now(c->q);
	switch (mode) {
	case FOR:
		scn_run_until(c, now + t < now ? SIM_VTIME_MAX : now + t);
		break;
	case UNTIL:
		if (t < now) {
			cx_error(c, s->line, s->col,
				 "run until %s: the time is already %llu ns",
				 b->val, (unsigned long long)now);
			return -1;
		}
		scn_run_until(c, t);
		break;
	case IDLE:
		while (sim_evq_peek(c->q, &when)) {
			if (when - now > IDLE_LIMIT) {
				cx_error(c, s->line, s->col,
					 "still busy after %llu s of virtual time (something repeats forever?)",
					 (unsigned long long)(IDLE_LIMIT / SIM_S(1)));
				return -1;
			}
			scn_step(c);
		}
		break;
	case INTERRUPT:
		c->expectations++;
		while (!interrupt_ready(c)) {
			if (!sim_evq_peek(c->q, &when) || when - now > within) {
				cx_error(c, s->line, s->col,
					 "no interruption became pending within %llu ns%s",
					 (unsigned long long)within,
					 sim_evq_size(c->q) ? "" : " (nothing left to happen)");
				return -1;
			}
			scn_step(c);
		}
		break;
	}
	return 0;
}

/*
 * take io [-> sid=SID intparm=N isc=N | none]
 * take mcck [-> none]
 * The I/O interruption stores its code at real 0xB8 (through the prefix).
 */
int v_take(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);
	int io, none = 0;
	uint32_t want_sid = 0;
	uint64_t want_parm = 0, want_isc = 0;
	int have_sid = 0, have_parm = 0, have_isc = 0;

	if (!a)
		return arg_missing(c, s, "io or mcck");
	io = !strcmp(a->val, "io");
	if (!io && strcmp(a->val, "mcck")) {
		cx_error(c, a->line, a->col, "take io or take mcck");
		return -1;
	}
	for (unsigned k = 0; k < s->nwant; k++) {
		struct scn_arg *x = &s->want[k];

		if (!x->key && !strcmp(x->val, "none") && s->nwant == 1)
			none = 1;
		else if (io && x->key && !strcmp(x->key, "sid"))
			have_sid = !val_gr1_sid(c, x, &want_sid);
		else if (io && x->key && !strcmp(x->key, "intparm"))
			have_parm = !val_uint(c, x, 0xffffffffu, &want_parm);
		else if (io && x->key && !strcmp(x->key, "isc"))
			have_isc = !val_uint(c, x, 7, &want_isc);
		else
			cx_error(c, x->line, x->col,
				 io ? "after '->' say sid=, intparm=, isc= or none"
				    : "after '->' only 'none'");
	}
	if (args_unused(c, s) || c->dry)
		return 0;
	c->expectations++;
	if (!io) {
		int got = sim_css_take_crw_mcck(c->css);

		if (got) {
			/* The CPU stores the interruption code: CP, bit 9. */
			uint8_t mcic[8] = { 0x00, 0x40 };

			c->crw_pending_flag = 0;
			sim_mem_write(c->mem, c->cpu.prefix + CCWA_LC_MCCK_CODE,
				      mcic, sizeof(mcic), 0, NULL);
		}
		if (got == none)
			cx_error(c, s->line, s->col,
				 none ? "take mcck: expected none, but a channel-report-pending machine check was pending"
				      : "take mcck: no channel-report-pending machine check is pending");
		return 0;
	}
	{
		struct ccwa_intcode code;
		int got = sim_css_take_io(c->css, &c->cpu, &code);

		if (!got) {
			if (!none)
				cx_error(c, s->line, s->col,
					 "take io: no I/O interruption is pending for an enabled ISC");
			return 0;
		}
		if (none) {
			cx_error(c, s->line, s->col,
				 "take io: expected none, took sid=0x%08x intparm=0x%08x isc=%u",
				 ccwa_intcode_schid(&code),
				 ccwa_intcode_intparm(&code),
				 ccwa_intcode_isc(&code));
			return 0;
		}
		if (have_sid && ccwa_intcode_schid(&code) != want_sid)
			cx_error(c, s->line, s->col,
				 "take io: sid expected 0x%08x, got 0x%08x",
				 want_sid, ccwa_intcode_schid(&code));
		if (have_parm && ccwa_intcode_intparm(&code) != want_parm)
			cx_error(c, s->line, s->col,
				 "take io: intparm expected 0x%08llx, got 0x%08x",
				 (unsigned long long)want_parm,
				 ccwa_intcode_intparm(&code));
		if (have_isc && ccwa_intcode_isc(&code) != want_isc)
			cx_error(c, s->line, s->col,
				 "take io: isc expected %llu, got %u",
				 (unsigned long long)want_isc,
				 ccwa_intcode_isc(&code));
	}
	return 0;
}

static struct sim_dev *sch_dev(struct ctx *c, struct scn_stmt *s,
			       struct scn_arg *a)
{
	unsigned ssid, schno;
	struct sim_dev *dev;

	if (val_sid(c, a, &ssid, &schno) || c->dry)
		return NULL;
	dev = sim_css_sch_dev(c->css, ssid, schno);
	if (!dev)
		cx_error(c, s->line, s->col, "%s has no device", a->val);
	return dev;
}

/* attention SID [status=DSTAT] [-> ok|busy|nodev]: unsolicited status. */
int v_attention(struct ctx *c, struct scn_stmt *s)
{
	static const char *const outcome[] = { "ok", "busy", "nodev" };
	struct scn_arg *a = arg_pos(s, 0), *x;
	uint8_t dstat = CCWA_DEV_STAT_ATTENTION;
	unsigned want = 0, got;
	struct sim_dev *dev;
	int rc;

	if (!a)
		return arg_missing(c, s, "a subchannel id");
	if ((x = arg_key(s, "status")))
		val_dstat(c, x, &dstat);
	if (s->nwant) {
		for (want = 0; want < 3; want++)
			if (!strcmp(s->want[0].val, outcome[want]))
				break;
		if (want == 3 || s->nwant > 1 || s->want[0].key)
			cx_error(c, s->want[0].line, s->want[0].col,
				 "after '->' say ok, busy or nodev");
	}
	if (args_unused(c, s) || c->dry || !(dev = sch_dev(c, s, a)))
		return 0;
	rc = sim_dev_unsolicited(dev, dstat);
	got = rc == 0 ? 0 : rc == -EBUSY ? 1 : 2;
	c->expectations++;
	if (got != want)
		cx_error(c, s->line, s->col, "attention: expected %s, got %s",
			 outcome[want], outcome[got]);
	return 0;
}

/* busy SID for=T: the test device answers busy, then signals free. */
int v_busy(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *f = arg_key(s, "for");
	sim_vtime t = 0;
	struct sim_dev *dev;

	if (!a || !f)
		return arg_missing(c, s, "a subchannel id and for=T");
	if (val_time(c, f, &t) || args_unused(c, s) || c->dry)
		return 0;
	dev = test_dev(c, s, a);
	if (dev)
		sim_testdev_busy(dev, t);
	return 0;
}

/* vary XX on|off, fail XX, repair XX. */
int v_path(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *o = NULL;
	const char *n = s->args[0].val;
	uint8_t id;
	int on = 0, rc;

	if (!a)
		return arg_missing(c, s, "a CHPID");
	if (val_chpid(c, a, &id))
		return -1;
	if (!strcmp(n, "vary")) {
		o = arg_pos(s, 1);
		if (!o)
			return arg_missing(c, s, "on or off");
		if (on_off(c, o, &on))
			return -1;
	}
	if (args_unused(c, s) || c->dry)
		return 0;
	if (!strcmp(n, "vary"))
		rc = sim_css_chp_vary(c->css, id, on);
	else
		rc = sim_css_chp_set_operational(c->css, id, n[0] == 'r');
	if (rc)
		cx_error(c, s->line, s->col, "CHPID %02x is not installed", id);
	return 0;
}

int v_install(struct ctx *c, struct scn_stmt *s)
{
	return sch_def(c, s, 1);
}

int v_remove(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);
	unsigned ssid, schno;

	if (!a)
		return arg_missing(c, s, "a subchannel id");
	if (val_sid(c, a, &ssid, &schno) || args_unused(c, s) || c->dry)
		return 0;
	if (sim_css_sch_remove(c->css, ssid, schno))
		cx_error(c, s->line, s->col, "%s is not defined", a->val);
	return 0;
}

int v_reset(struct ctx *c, struct scn_stmt *s)
{
	if (args_unused(c, s) || c->dry)
		return 0;
	sim_css_reset(c->css);
	c->crw_pending_flag = 0;
	return 0;
}
