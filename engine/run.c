// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A run of a parsed scenario: read the machine's configuration from the
 * header and config statements, build it (event queue, storage, channel
 * subsystem, trace), then perform every statement in order.  The first
 * statement with a failed expectation ends the run: what follows it
 * would be reasoning from a wrong state.
 *
 * The CPU starts in supervisor state, key 0, prefix 0, enabled for I/O
 * interruptions of every ISC and for channel-report machine checks.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scn_int.h"

static void crw_pending(struct sim_css *css, void *ctx)
{
	(void)css;
	((struct ctx *)ctx)->crw_pending_flag = 1;
}

static const struct sim_css_cpu_ops cpu_ops = {
	.crw_pending = crw_pending,
};

static void reset_used(struct scn_stmt *st)
{
	for (unsigned k = 0; k < st->nargs; k++)
		st->args[k].used = 0;
	for (unsigned k = 0; k < st->nwant; k++)
		st->want[k].used = 0;
	st->args[0].used = 1;
}

/* The temporary directory of a run, and everything in it. */
static char *make_tmpdir(const char *base)
{
	char *dir = malloc(strlen(base) + 32);

	if (!dir)
		return NULL;
	sprintf(dir, "%s/ccwsim-run-XXXXXX", base);
	if (!mkdtemp(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

static void remove_tmpdir(char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d) {
		while ((e = readdir(d))) {
			char *p;

			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			p = malloc(strlen(dir) + strlen(e->d_name) + 2);
			if (!p)
				continue;
			sprintf(p, "%s/%s", dir, e->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
	free(dir);
}

static int build(struct ctx *c, const struct scn_run_opts *o)
{
	struct sim_css_cfg cfg = c->timing;

	c->q = sim_evq_create();
	if (vfio_configured(c)) {
		if (vfio_guest_memory(c))
			return -1;
	} else {
		c->mem = sim_mem_create(c->mem_size);
	}
	c->tr = sim_trace_create(0);
	c->trace = open_memstream(&c->trace_buf, &c->trace_len);
	if (!c->q || !c->mem || !c->tr || !c->trace)
		return -1;
	sim_trace_set_text(c->tr, c->trace);
	if (o && o->trace_json)
		sim_trace_join_json(c->tr, o->trace_json,
				    (unsigned)o->json_pid, c->s->file);
	cfg.evq = c->q;
	cfg.mem = vfio_configured(c) ? vfio_host_mem(c) : c->mem;
	cfg.trace = c->tr;
	cfg.seed = c->seed;
	cfg.nsets = c->nsets;
	cfg.crw_capacity = c->crw_capacity;
	cfg.facilities = c->facilities;
	cfg.compat = c->compat;
	c->css = sim_css_create(&cfg);
	if (!c->css)
		return -1;
	sim_css_set_cpu_ops(c->css, &cpu_ops, c);
	c->psw_io = 1;
	c->psw_mc = 1;
	c->cr14_crw = 1;
	c->cpu.cr6 = 0xff;
	sim_css_set_io_mask(c->css, 1, 0xff);
	sim_css_set_mc_mask(c->css, 1, 1);
	/* the driver model takes over the CPU's side of interruptions */
	return vfio_configured(c) ? vfio_build(c) : 0;
}

static void teardown(struct ctx *c)
{
	vfio_teardown(c);
	if (c->css)
		sim_css_destroy(c->css);
	if (c->tr)
		sim_trace_destroy(c->tr);
	if (c->trace)
		fclose(c->trace);
	free(c->trace_buf);
	if (c->mem)
		sim_mem_destroy(c->mem);
	if (c->q)
		sim_evq_destroy(c->q);
}

void scn_run(struct scn *s, const struct scn_run_opts *o,
	     struct scn_result *r)
{
	struct ctx c = { .s = s, .dry = 1 };
	char *tmpdir;

	memset(r, 0, sizeof(*r));
	r->seed = o && o->have_seed ? o->seed : s->seed;
	if (s->skip) {
		r->outcome = SCN_SKIP;
		r->skip_reason = strdup(s->skip_reason ? s->skip_reason : "");
		return;
	}
	c.ds = &r->failures;
	c.seed = r->seed;
	c.mem_size = 16u << 20;
	c.nsets = 1;
	c.facilities = SIM_FAC_DEFAULT;
	/* The machine: what the header and config statements say. */
	for (unsigned i = 0; i < s->nst; i++) {
		struct scn_stmt *st = &s->st[i];

		if (st->verb->phase != PH_HEADER && st->verb->phase != PH_CONFIG)
			continue;
		reset_used(st);
		st->verb->fn(&c, st);
	}
	tmpdir = make_tmpdir(o && o->tmpdir ? o->tmpdir : "/tmp");
	if (c.errors || !tmpdir) {
		vfio_teardown(&c);
		if (!tmpdir)
			scn_diag_add(c.ds, s->file, 0, 0,
				     "cannot make a temporary directory");
		r->outcome = SCN_ERROR;
		free(tmpdir);
		return;
	}
	c.tmpdir = tmpdir;
	c.dry = 0;
	if (build(&c, o)) {
		scn_diag_add(c.ds, s->file, 0, 0,
			     "cannot build the machine (out of memory?)");
		r->outcome = SCN_ERROR;
	} else {
		for (unsigned i = 0; i < s->nst && !c.errors; i++) {
			reset_used(&s->st[i]);
			s->st[i].verb->fn(&c, &s->st[i]);
		}
		if (!c.errors)
			vfio_final_check(&c);
		r->outcome = c.errors ? SCN_FAIL : SCN_PASS;
		r->vtime = sim_evq_now(c.q);
		if (sim_css_verify(c.css)) {
			scn_diag_add(c.ds, s->file, 0, 0,
				     "the channel subsystem is inconsistent after the run (a ccwsim bug)");
			r->outcome = SCN_FAIL;
		}
	}
	r->expectations = c.expectations;
	if (c.trace) {
		fflush(c.trace);
		if (o && o->trace && c.trace_buf)
			fwrite(c.trace_buf, 1, c.trace_len, o->trace);
	}
	teardown(&c);
	remove_tmpdir(tmpdir);
}

void scn_result_free(struct scn_result *r)
{
	scn_diags_free(&r->failures);
	free(r->skip_reason);
	memset(r, 0, sizeof(*r));
}
