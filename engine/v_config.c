// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Header and machine statements: scenario, cite, seed, tags, skip;
 * storage, sets, facilities, compat, timing, chpid, subchannel, answer,
 * senseid.  The machine itself is built from them in cfg_build().
 */
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/sim/fba.h>
#include <ccwsim/sim/printer.h>
#include <ccwsim/sim/testdev.h>

#include "scn_int.h"
#include "verbs.h"

int v_scenario(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);

	if (!a || !a->quoted)
		return arg_missing(c, s, "a \"title\"");
	if (c->dry && !c->s->title)
		c->s->title = strdup(a->val);
	return args_unused(c, s);
}

int v_cite(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a;

	if (!arg_pos(s, 0))
		return arg_missing(c, s, "what it pins, in \"quotes\"");
	for (unsigned i = 0; (a = arg_pos(s, i)); i++)
		if (!a->quoted)
			cx_error(c, a->line, a->col, "put the citation in \"quotes\"");
	return 0;
}

int v_tags(struct ctx *c, struct scn_stmt *s)
{
	for (unsigned i = 0; arg_pos(s, i); i++)
		;
	(void)c;
	return 0;
}

int v_seed(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);
	uint64_t v;

	if (!a)
		return arg_missing(c, s, "a number");
	if (val_u64(c, a, &v))
		return -1;
	if (c->dry)
		c->s->seed = v;
	return args_unused(c, s);
}

int v_skip(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);

	if (!a || !a->quoted)
		return arg_missing(c, s, "a \"reason\"");
	if (c->dry && !c->s->skip) {
		c->s->skip = 1;
		c->s->skip_reason = strdup(a->val);
	}
	return args_unused(c, s);
}

int v_storage_size(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);
	uint64_t v;

	if (!a)
		return arg_missing(c, s, "a size");
	if (val_size(c, a, &v))
		return -1;
	if (!v || v % 4096 || v > SIM_MEM_MAX_SIZE) {
		cx_error(c, a->line, a->col,
			 "storage must be a multiple of 4K up to 4P");
		return -1;
	}
	c->mem_size = v;
	return args_unused(c, s);
}

int v_sets(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);
	uint64_t v;

	if (!a)
		return arg_missing(c, s, "a number 1-4");
	if (val_uint(c, a, 4, &v))
		return -1;
	if (!v) {
		cx_error(c, a->line, a->col, "at least one subchannel set");
		return -1;
	}
	c->nsets = (unsigned)v;
	c->sets_line = a->line;
	c->sets_col = a->col;
	return args_unused(c, s);
}

/* crw_queue N: how many CRWs the channel subsystem can hold (§6.1). */
int v_crw_queue(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);
	uint64_t v;

	if (!a)
		return arg_missing(c, s, "a number of CRWs");
	if (val_uint(c, a, 65536, &v))
		return -1;
	if (!v) {
		cx_error(c, a->line, a->col, "the queue holds at least one CRW");
		return -1;
	}
	c->crw_capacity = (unsigned)v;
	return args_unused(c, s);
}

static const struct {
	const char *name;
	uint32_t bit;
} facility_names[] = {
	{ "mss", SIM_FAC_MSS }, { "emb", SIM_FAC_EMB }, { "emw", SIM_FAC_EMW },
	{ "csense", SIM_FAC_CSENSE }, { "orbx", SIM_FAC_ORBX },
	{ "ils", SIM_FAC_ILS }, { "midaw", SIM_FAC_MIDAW },
};

int v_facilities(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a;

	for (unsigned i = 0; (a = arg_pos(s, i)); i++) {
		const char *n = a->val + (a->val[0] == '+' || a->val[0] == '-');
		size_t k;

		if (!strcmp(a->val, "default")) {
			c->facilities = SIM_FAC_DEFAULT;
			continue;
		}
		if (!strcmp(a->val, "none")) {
			c->facilities = 0;
			continue;
		}
		for (k = 0; k < sizeof(facility_names) / sizeof(facility_names[0]); k++)
			if (!strcmp(n, facility_names[k].name))
				break;
		if (k == sizeof(facility_names) / sizeof(facility_names[0]) ||
		    n == a->val) {
			cx_error(c, a->line, a->col,
				 "'%s': say default, none, +name or -name (mss emb emw csense orbx ils midaw)",
				 a->val);
			continue;
		}
		if (a->val[0] == '+')
			c->facilities |= facility_names[k].bit;
		else
			c->facilities &= ~facility_names[k].bit;
	}
	return 0;
}

/* Each compat switch by name, and its values by name (value 0 first). */
#define SW(field, ...) { #field, offsetof(struct sim_css_compat, field), \
			 { __VA_ARGS__, NULL } }
static const struct {
	const char *name;
	size_t off;
	const char *values[5];
} switches[] = {
	SW(bad_ssid, "cc3", "operand"),
	SW(sid_reserved, "operand", "ignore"),
	SW(order, "pops", "qemu", "hercules"),
	SW(orbx, "facility", "ignore"),
	SW(nopath, "deferred-cc3", "cc3"),
	SW(hsch_start, "keep", "clear"),
	SW(hsch_interm, "discard", "keep", "clear-pending"),
	SW(csch_status, "discard", "keep-sc"),
	SW(rsch_early, "skips-suspend", "refetch", "cc2"),
	SW(xsch_susp, "cancel", "cc2"),
	SW(msch_pending, "any-cc1", "final-cc1"),
	SW(msch_rsv, "pops", "hercules"),
	SW(isc_order, "fifo", "lifo"),
	SW(irq, "one-per-sch", "pile-up"),
	SW(isic, "after-accept", "before-fetch", "ignore"),
	SW(dcc1, "alert-pending", "pending-alone"),
	SW(susp_alert, "no-alert", "alert"),
	SW(susp_u, "no-status", "status-no-request"),
	SW(halt_sp, "deferred-cc1", "cc0"),
	SW(tsch_interm, "no-primary-secondary", "exact"),
	SW(tsch_zcc, "reset", "keep"),
	SW(crw_oflw, "next", "last"),
	SW(irb96, "when-x", "when-emw-meaningful"),
	SW(cmf_rsch, "count", "no"),
	SW(imm_il, "fmt1", "never"),
	SW(prot, "up-to-block", "check-first"),
	SW(ticbad, "tic-plus8", "target-plus8"),
	SW(skip_ida, "fetch", "no-fetch"),
	SW(cmdchk, "early", "late"),
	SW(cd_count0, "pgm", "accept"),
	SW(alimit, "data", "all"),
};

int v_compat(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0);

	if (a && sim_css_compat_by_name(&c->compat, a->val))
		cx_error(c, a->line, a->col,
			 "'%s' is not a profile (pops, qemu72, hercules313)",
			 a->val);
	for (unsigned k = 1; k < s->nargs; k++) {
		struct scn_arg *sw = &s->args[k];
		size_t i, v;

		if (!sw->key)
			continue;
		sw->used = 1;
		for (i = 0; i < sizeof(switches) / sizeof(switches[0]); i++)
			if (!strcmp(sw->key, switches[i].name))
				break;
		if (i == sizeof(switches) / sizeof(switches[0])) {
			cx_error(c, sw->line, sw->col,
				 "no switch '%s' (docs/css.md and docs/chan.md list them)",
				 sw->key);
			continue;
		}
		for (v = 0; switches[i].values[v]; v++)
			if (!strcmp(sw->val, switches[i].values[v]))
				break;
		if (!switches[i].values[v]) {
			char list[128] = "";

			for (v = 0; switches[i].values[v]; v++)
				snprintf(list + strlen(list), sizeof(list) - strlen(list),
					 "%s%s", v ? ", " : "", switches[i].values[v]);
			cx_error(c, sw->line, sw->col,
				 "'%s' is not a value of %s (%s)", sw->val, sw->key,
				 list);
			continue;
		}
		((uint8_t *)&c->compat)[switches[i].off] = (uint8_t)v;
	}
	return args_unused(c, s);
}

int v_timing(struct ctx *c, struct scn_stmt *s)
{
	static const struct { const char *k; size_t off; } t[] = {
		{ "start", offsetof(struct sim_css_cfg, t_start) },
		{ "halt", offsetof(struct sim_css_cfg, t_halt) },
		{ "clear", offsetof(struct sim_css_cfg, t_clear) },
		{ "rchp", offsetof(struct sim_css_cfg, t_rchp) },
		{ "chain", offsetof(struct sim_css_cfg, t_chain) },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct scn_arg *a = arg_key(s, t[i].k);
		sim_vtime v;

		if (a && !val_time(c, a, &v))
			memcpy((char *)&c->timing + t[i].off, &v, sizeof(v));
	}
	return args_unused(c, s);
}

/* chpid XX [type=N] [offline]: a channel path of the configuration. */
int v_chpid(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *t = arg_key(s, "type"), *o;
	uint64_t type = 0x11;
	uint8_t id;
	int off = 0;

	if (!a)
		return arg_missing(c, s, "a CHPID");
	if (val_chpid(c, a, &id) || (t && val_uint(c, t, 0xff, &type)))
		return -1;
	o = arg_pos(s, 1);
	if (o && !strcmp(o->val, "offline"))
		off = 1;
	else if (o)
		o->used = 0;
	if (args_unused(c, s) || c->dry)
		return 0;
	if (sim_css_chp_install(c->css, id, (uint8_t)type)) {
		cx_error(c, s->line, s->col, "CHPID %02x installed twice", id);
		return -1;
	}
	if (off)
		sim_css_chp_configure(c->css, id, 0);
	return 0;
}

/* Parse "40,41": CHPIDs of paths 0, 1, ...; fills pim and chpid[]. */
static int paths(struct ctx *c, struct scn_arg *a, struct sim_sch_def *d)
{
	const char *p = a->val;

	for (unsigned n = 0; *p; n++) {
		char *e;
		unsigned long v = strtoul(p, &e, 16);

		if (n == 8 || e == p || v > 0xff || (*e && *e != ',')) {
			cx_error(c, a->line, a->col,
				 "paths= wants up to 8 CHPIDs in hex, e.g. 40,41");
			return -1;
		}
		d->pim |= (uint8_t)(0x80u >> n);
		d->chpid[n] = (uint8_t)v;
		p = *e ? e + 1 : e;
	}
	return 0;
}

static const char *const dev_names[] = { "none", "test", "fba", "printer" };

/*
 * subchannel SID [devno=N] [paths=40,41] [device=none|test|fba|printer]
 *            [file=PATH] [blocks=N] [blksize=N] [model=3370] [nodc]
 *            [readonly] [report]
 * Shared by the configuration and by the "install" step.
 */
int sch_def(struct ctx *c, struct scn_stmt *s, int report)
{
	struct scn_arg *a = arg_pos(s, 0), *x;
	struct sim_sch_def d = { 0 };
	struct sim_fba_cfg fc = { 0 };
	unsigned ssid, schno, kind = DK_TEST;
	uint64_t v;
	char err[200], path[256];

	if (!a)
		return arg_missing(c, s, "a subchannel id");
	if (val_sid(c, a, &ssid, &schno))
		return -1;
	if ((x = arg_key(s, "devno")) && !val_uint(c, x, 0xffff, &v))
		d.devno = (uint16_t)v;
	if ((x = arg_key(s, "paths")))
		paths(c, x, &d);
	if ((x = arg_key(s, "device"))) {
		for (kind = 0; kind < 4; kind++)
			if (!strcmp(x->val, dev_names[kind]))
				break;
		if (kind == 4) {
			cx_error(c, x->line, x->col,
				 "device= is none, test, fba or printer");
			return -1;
		}
	}
	if ((x = arg_key(s, "blocks")) && !val_u64(c, x, &v))
		fc.blocks = v;
	if ((x = arg_key(s, "blksize")) && !val_uint(c, x, 4096, &v))
		fc.blk_size = (uint16_t)v;
	if ((x = arg_key(s, "model")))
		fc.model_3370 = !strcmp(x->val, "3370");
	for (unsigned i = 1; (x = arg_pos(s, i)); i++) {
		if (!strcmp(x->val, "nodc"))
			fc.no_data_chain = 1;
		else if (!strcmp(x->val, "readonly"))
			fc.read_only = 1;
		else
			x->used = 0;
	}
	x = arg_key(s, "file");
	if (kind == DK_FBA && !x) {
		cx_error(c, s->line, s->col,
			 "an fba device needs file=NAME (made in the run's temporary directory)");
		return -1;
	}
	if (args_unused(c, s) || c->dry)
		return 0;
	if (kind == DK_FBA) {
		snprintf(path, sizeof(path), "%s/%s", c->tmpdir, x->val);
		fc.path = path;
		if (!fc.blocks)
			fc.blocks = 2048;
	}
	switch (kind) {
	case DK_TEST:
		d.dev = sim_testdev_create(d.devno);
		break;
	case DK_FBA:
		d.dev = sim_fba_create(d.devno, &fc, err, sizeof(err));
		if (!d.dev) {
			cx_error(c, s->line, s->col, "%s", err);
			return -1;
		}
		break;
	case DK_PRINTER:
		d.dev = sim_printer_create(d.devno, NULL);
		break;
	default:
		break;
	}
	if (sim_css_sch_define(c->css, ssid, schno, &d, report)) {
		cx_error(c, s->line, s->col,
			 "cannot define %s (set not installed, defined twice, or a CHPID missing)",
			 a->val);
		if (d.dev && d.dev->ops->destroy)
			d.dev->ops->destroy(d.dev);
		return -1;
	}
	return 0;
}

int v_subchannel(struct ctx *c, struct scn_stmt *s)
{
	return sch_def(c, s, 0);
}

/* The test device behind SID; an error if it is another kind. */
struct sim_dev *test_dev(struct ctx *c, struct scn_stmt *s, struct scn_arg *a)
{
	unsigned ssid, schno;
	struct sim_dev *dev;

	if (val_sid(c, a, &ssid, &schno) || c->dry)
		return NULL;
	dev = sim_css_sch_dev(c->css, ssid, schno);
	if (!dev || strcmp(dev->ops->kind, "test")) {
		cx_error(c, s->line, s->col, "%s has no test device", a->val);
		return NULL;
	}
	return dev;
}

/* Command codes by name; devices' own ones by number. */
static const struct { const char *n; uint8_t code; } cmd_names[] = {
	{ "NOP", CCWA_CMD_NOP }, { "SENSE", CCWA_CMD_SENSE },
	{ "TIC", CCWA_CMD_TIC }, { "SENSE_ID", CCWA_CMD_SENSE_ID },
	{ "READ", 0x02 }, { "WRITE", 0x01 }, { "READ_BACKWARD", 0x0c },
	{ "CONTROL", 0x07 }, { "FBA_WRITE", 0x41 }, { "FBA_READ", 0x42 },
	{ "LOCATE", 0x43 }, { "DEFINE_EXTENT", 0x63 }, { "RDC", 0x64 },
};

int val_cmd(struct ctx *c, struct scn_arg *a, uint8_t *code)
{
	uint64_t v;

	for (size_t i = 0; i < sizeof(cmd_names) / sizeof(cmd_names[0]); i++)
		if (!strcasecmp(a->val, cmd_names[i].n)) {
			*code = cmd_names[i].code;
			return 0;
		}
	if (a->val[0] >= '0' && a->val[0] <= '9') {
		if (val_uint(c, a, 0xff, &v))
			return -1;
		*code = (uint8_t)v;
		return 0;
	}
	cx_error(c, a->line, a->col,
		 "'%s' is not a command code (a number, or NOP SENSE TIC SENSE_ID READ WRITE READ_BACKWARD CONTROL FBA_READ FBA_WRITE LOCATE DEFINE_EXTENT RDC)",
		 a->val);
	return -1;
}

/* answer SID halt status=DSTAT: how the test device answers a halt signal. */
static int answer_halt(struct ctx *c, struct scn_stmt *s, struct scn_arg *a)
{
	struct scn_arg *x = arg_key(s, "status");
	uint8_t dstat = CCWA_DEV_STAT_DEV_END;
	struct sim_dev *dev;

	if (x && val_dstat(c, x, &dstat))
		return -1;
	if (args_unused(c, s) || c->dry)
		return 0;
	dev = test_dev(c, s, a);
	if (dev)
		sim_testdev_set_halt(dev, dstat);
	return 0;
}

/*
 * answer SID CMD [status=DSTAT] [data="hex"] [expect="hex"] [len=N]
 *        [end=DSTAT] [delay=T] [per_byte=T] [jitter=T] [de_delay=T]
 *        [chunk=N] [sense="hex"] [echo]
 */
int v_answer(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *cmd = arg_pos(s, 1), *x;
	struct sim_testdev_cmd tc = {
		.end = CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END,
		.delay = SIM_US(1),
	};
	uint8_t code = 0, data[4096], sense[32];
	size_t nd = sizeof(data), ns = sizeof(sense);
	uint64_t v;
	struct sim_dev *dev;

	if (!a || !cmd)
		return arg_missing(c, s, "a subchannel id and a command code");
	if (!strcmp(cmd->val, "halt"))
		return answer_halt(c, s, a);
	val_cmd(c, cmd, &code);
	if ((x = arg_key(s, "status")))
		val_dstat(c, x, &tc.answer);
	if ((x = arg_key(s, "end")))
		val_dstat(c, x, &tc.end);
	if ((x = arg_key(s, "data")) || (x = arg_key(s, "expect"))) {
		if (!val_bytes(c, x, data, &nd)) {
			tc.data = data;
			tc.len = (uint32_t)nd;
		}
	}
	if ((x = arg_key(s, "len")) && !val_uint(c, x, 65536, &v))
		tc.len = (uint32_t)v;
	if ((x = arg_key(s, "sense")) && !val_bytes(c, x, sense, &ns)) {
		tc.sense = sense;
		tc.nsense = (uint8_t)ns;
	}
	if ((x = arg_key(s, "delay")))
		val_time(c, x, &tc.delay);
	if ((x = arg_key(s, "per_byte")))
		val_time(c, x, &tc.per_byte);
	if ((x = arg_key(s, "jitter")))
		val_time(c, x, &tc.jitter);
	if ((x = arg_key(s, "de_delay")))
		val_time(c, x, &tc.de_delay);
	if ((x = arg_key(s, "chunk")) && !val_uint(c, x, 65536, &v))
		tc.chunk = (uint32_t)v;
	if ((x = arg_pos(s, 2))) {
		if (!strcmp(x->val, "echo"))
			tc.echo = 1;
		else
			x->used = 0;
	}
	if (args_unused(c, s) || c->dry)
		return 0;
	dev = test_dev(c, s, a);
	if (dev && sim_testdev_set(dev, code, &tc)) {
		cx_error(c, s->line, s->col,
			 "the device is in the middle of a command: answers change between commands");
		return -1;
	}
	return 0;
}

int v_senseid(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *b = arg_pos(s, 1);
	uint8_t id[256];
	size_t n = sizeof(id);
	struct sim_dev *dev;

	if (!a || !b)
		return arg_missing(c, s, "a subchannel id and \"hex bytes\"");
	if (val_bytes(c, b, id, &n) || args_unused(c, s) || c->dry)
		return 0;
	dev = test_dev(c, s, a);
	if (dev)
		sim_testdev_set_senseid(dev, id, (unsigned)n);
	return 0;
}

/*
 * file NAME [size=N] [fill=B|pattern=SEED]: a file in the run's temporary
 * directory, for a device to use (fba file=NAME) and "expect file" to read.
 */
int v_file(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *x;
	uint64_t size = 0, fill = 0, seed = 0;
	int pattern = 0;
	char path[512];
	uint8_t buf[4096];
	FILE *f;

	if (!a)
		return arg_missing(c, s, "a file name");
	if (!a->val[0] || strchr(a->val, '/') || a->val[0] == '.')
		cx_error(c, a->line, a->col,
			 "'%s': a plain file name (it is made in the run's temporary directory)",
			 a->val);
	if ((x = arg_key(s, "size")) && !val_size(c, x, &size) &&
	    size > (256u << 20))
		cx_error(c, x->line, x->col, "at most 256M");
	if ((x = arg_key(s, "fill")))
		val_uint(c, x, 0xff, &fill);
	if ((x = arg_key(s, "pattern"))) {
		pattern = 1;
		val_u64(c, x, &seed);
	}
	if (args_unused(c, s) || c->dry)
		return 0;
	snprintf(path, sizeof(path), "%s/%s", c->tmpdir, a->val);
	f = fopen(path, "wb");
	if (!f) {
		cx_error(c, s->line, s->col, "cannot create %s", path);
		return -1;
	}
	/* The pattern runs over the whole file, as "expect file" reads it. */
	if (pattern) {
		uint8_t *all = malloc(size ? size : 1);

		if (!all) {
			fclose(f);
			return -1;
		}
		scn_pattern(all, size, seed);
		if (fwrite(all, 1, size, f) != size)
			cx_error(c, s->line, s->col, "cannot write %s", path);
		free(all);
	} else {
		memset(buf, (int)fill, sizeof(buf));
		for (uint64_t done = 0; done < size;) {
			size_t n = size - done < sizeof(buf) ? (size_t)(size - done)
							     : sizeof(buf);

			if (fwrite(buf, 1, n, f) != n) {
				cx_error(c, s->line, s->col, "cannot write %s", path);
				break;
			}
			done += n;
		}
	}
	if (fclose(f))
		cx_error(c, s->line, s->col, "cannot write %s", path);
	return 0;
}
