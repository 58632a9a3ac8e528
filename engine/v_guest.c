// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The VMM and its guest in scenarios: "client" realizes QEMU's vfio-ccw
 * device (ccwsim/vmm/client.h) on the first mdev, and "guest ..." steps are
 * the guest's I/O instructions on that subchannel, with the condition
 * code the guest gets.  Between steps, whenever time passes, the client
 * handles its eventfds as QEMU's main loop does.
 */
#include <errno.h>
#include <string.h>

#include <ccwsim/arch/schib.h>
#include <ccwsim/vmm/client.h>

#include "scn_int.h"
#include "verbs.h"

/* client [old] [force-pfch] [-> ok|errno NAME] */
int v_client(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *x;
	struct vmm_client_cfg cfg = { 0 };
	int old = 0, pfch = 0, rc;
	uint64_t size;

	if (!c->v) {
		cx_error(c, s->line, s->col, "client needs driver and mdev statements above it");
		return -1;
	}
	for (unsigned i = 0; (x = arg_pos(s, i)); i++) {
		if (!strcmp(x->val, "old"))
			old = 1;
		else if (!strcmp(x->val, "force-pfch"))
			pfch = 1;
		else
			cx_error(c, x->line, x->col, "client takes old and force-pfch");
	}
	if (s->nwant && (s->nwant != 2 || strcmp(s->want[0].val, "errno")))
		cx_error(c, s->line, s->arrow_col, "after '->' only errno NAME");
	if (args_unused(c, s) || c->dry) {
		c->client_old = old;
		c->client_pfch = pfch;
		c->client_line = s->line;
		return 0;
	}
	cfg.k = vfio_kmodel(c);
	cfg.ram = vfio_ram(c, &size);
	cfg.ram_size = size;
	cfg.uuid = vfio_uuid(c);
	cfg.old = old;
	cfg.force_pfch = pfch;
	cfg.profile = (enum kmodel_profile)vfio_profile(c);
	cfg.sid = 0x00010000;
	rc = vmm_client_create(&cfg, &c->client);
	c->expectations++;
	if (s->nwant) {
		if (!rc || strcmp(scn_errno_name(-rc), s->want[1].val))
			cx_error(c, s->line, s->col,
				 "client: realize expected to fail with %s, got %s",
				 s->want[1].val, rc ? scn_errno_name(-rc) : "success");
	} else if (rc) {
		cx_error(c, s->line, s->col, "client: realize failed with %s",
			 scn_errno_name(-rc));
	}
	return 0;
}

static int want_cc(struct ctx *c, struct scn_stmt *s, uint64_t *cc)
{
	*cc = 0;
	if (!s->nwant)
		return 0;
	if (s->nwant == 2 && !strcmp(s->want[0].val, "cc"))
		return val_uint(c, &s->want[1], 3, cc);
	cx_error(c, s->line, s->arrow_col, "after '->' say cc N");
	return -1;
}

/*
 * guest ssch ORB | rsch | hsch | csch | tsch IRB | stsch SCHIB | msch SCHIB
 *       | stcrw ADDR [-> cc N]
 * guest enable [isc=N] [intparm=N] [csense]
 * guest take io [-> intparm=N | none]
 * guest wait io [within=T]
 */
int v_guest(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *op = NULL, *x;
	const char *n;
	uint64_t addr = 0, cc;
	int got = 0;

	if (!a)
		return arg_missing(c, s, "an instruction (ssch rsch hsch csch tsch stsch msch stcrw), enable, take or wait");
	n = a->val;
	if (!c->v) {
		cx_error(c, s->line, s->col, "guest steps need driver, mdev and client statements");
		return -1;
	}
	if (!strcmp(n, "take")) {
		uint32_t sid, parm;
		uint64_t want = 0;
		int none = 0, have = 0;

		if (!(op = arg_pos(s, 1)) || strcmp(op->val, "io"))
			return arg_missing(c, s, "io");
		for (unsigned k = 0; k < s->nwant; k++) {
			if (!s->want[k].key && !strcmp(s->want[k].val, "none"))
				none = 1;
			else if (s->want[k].key && !strcmp(s->want[k].key, "intparm"))
				have = !val_uint(c, &s->want[k], 0xffffffffu, &want);
			else
				cx_error(c, s->want[k].line, s->want[k].col,
					 "after '->' intparm=N or none");
		}
		if (args_unused(c, s) || c->dry || !c->client)
			return 0;
		got = vmm_guest_take_io(c->client, &sid, &parm);
		c->expectations++;
		if (got && none)
			cx_error(c, s->line, s->col,
				 "guest take io: expected none, but one was pending (intparm 0x%08x)",
				 parm);
		else if (!got && !none)
			cx_error(c, s->line, s->col,
				 "guest take io: no I/O interruption is pending for the guest");
		else if (got && have && parm != want)
			cx_error(c, s->line, s->col,
				 "guest take io: intparm expected 0x%08llx, got 0x%08x",
				 (unsigned long long)want, parm);
		return 0;
	}
	if (!strcmp(n, "wait")) {
		sim_vtime within = SIM_S(1), end, when;

		if (!(op = arg_pos(s, 1)) || strcmp(op->val, "io"))
			return arg_missing(c, s, "io");
		if ((x = arg_key(s, "within")))
			val_time(c, x, &within);
		if (args_unused(c, s) || c->dry || !c->client)
			return 0;
		c->expectations++;
		end = sim_evq_now(c->q) + within;
		while (!vmm_guest_io_pending(c->client)) {
			if (!sim_evq_peek(c->q, &when) || when > end) {
				cx_error(c, s->line, s->col,
					 "guest wait io: no interruption for the guest within %llu ns",
					 (unsigned long long)within);
				return 0;
			}
			scn_step(c);
		}
		return 0;
	}
	if (!strcmp(n, "enable")) {
		struct ccwa_schib sch;
		uint64_t isc = 0, parm = 0;
		uint64_t size;
		uint8_t *ram;

		if ((x = arg_key(s, "isc")))
			val_uint(c, x, 7, &isc);
		if ((x = arg_key(s, "intparm")))
			val_uint(c, x, 0xffffffffu, &parm);
		if ((x = arg_pos(s, 1))) {
			if (strcmp(x->val, "csense"))
				x->used = 0;
		}
		if (args_unused(c, s) || c->dry || !c->client)
			return 0;
		/* STSCH into the last 4K of guest memory, change, MSCH */
		ram = vfio_ram(c, &size);
		addr = size - 4096;
		vmm_guest_stsch(c->client, addr);
		memcpy(&sch, ram + addr, sizeof(sch));
		ccwa_pmcw_set_ena(&sch.pmcw, 1);
		ccwa_pmcw_set_isc(&sch.pmcw, (uint32_t)isc);
		ccwa_pmcw_set_intparm(&sch.pmcw, (uint32_t)parm);
		ccwa_pmcw_set_csense(&sch.pmcw, x && !strcmp(x->val, "csense"));
		memcpy(ram + addr, &sch, sizeof(sch));
		c->expectations++;
		if (vmm_guest_msch(c->client, addr))
			cx_error(c, s->line, s->col, "guest enable: MSCH did not end cc 0");
		return 0;
	}
	if (strcmp(n, "ssch") && strcmp(n, "rsch") && strcmp(n, "hsch") &&
	    strcmp(n, "csch") && strcmp(n, "tsch") && strcmp(n, "stsch") &&
	    strcmp(n, "msch") && strcmp(n, "stcrw")) {
		cx_error(c, a->line, a->col,
			 "guest %s? (ssch rsch hsch csch tsch stsch msch stcrw enable take wait)",
			 n);
		return -1;
	}
	if (strcmp(n, "rsch") && strcmp(n, "hsch") && strcmp(n, "csch")) {
		if (!(op = arg_pos(s, 1)))
			return arg_missing(c, s, "an operand address");
		if (val_u64(c, op, &addr))
			return -1;
	}
	if (want_cc(c, s, &cc) || args_unused(c, s) || c->dry)
		return 0;
	if (!c->client) {
		cx_error(c, s->line, s->col, "no client: put a client statement before the steps");
		return -1;
	}
	if (!strcmp(n, "ssch"))
		got = vmm_guest_ssch(c->client, addr);
	else if (!strcmp(n, "rsch"))
		got = vmm_guest_rsch(c->client);
	else if (!strcmp(n, "hsch"))
		got = vmm_guest_hsch(c->client);
	else if (!strcmp(n, "csch"))
		got = vmm_guest_csch(c->client);
	else if (!strcmp(n, "tsch"))
		got = vmm_guest_tsch(c->client, addr);
	else if (!strcmp(n, "stsch"))
		got = vmm_guest_stsch(c->client, addr);
	else if (!strcmp(n, "msch"))
		got = vmm_guest_msch(c->client, addr);
	else
		got = vmm_guest_stcrw(c->client, addr);
	c->expectations++;
	if (got == -EFAULT && op)
		cx_error(c, op->line, op->col,
			 "guest %s: operand 0x%llx is outside guest storage (an addressing exception)",
			 n, (unsigned long long)addr);
	else if ((uint64_t)got != cc)
		cx_error(c, s->line, s->col, "guest %s: expected cc %llu, got cc %d", n,
			 (unsigned long long)cc, got);
	return 0;
}
