// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The driver model in scenarios, its configuration and its end: "driver",
 * "mdev" and "invariant" set it up, the machine is built with the model
 * as the host kernel, and every such scenario ends with the invariant that
 * closing the device returns every pinned page and every driver allocation
 * and broke no kernel rule (unless an "invariant" statement says the
 * scenario shows that bug on purpose).
 *
 * With a driver the scenario's storage statements describe the *guest's*
 * memory: a buffer the VMM maps with VFIO_IOMMU_MAP_DMA (at iova 0 when
 * the device is opened), apart from the host's absolute storage where
 * the channel subsystem and the driver's allocations live.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ccwsim/kmodel/kmodel.h>
#include <ccwsim/vfio.h>
#include <ccwsim/vmm/client.h>

#include "vfio_int.h"
#include "verbs.h"

int vfio_configured(const struct ctx *c)
{
	return c->v != NULL;
}

static const struct { const char *n; int e; } errnos[] = {
	{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "EIO", EIO },
	{ "EBADF", EBADF }, { "EAGAIN", EAGAIN }, { "ENOMEM", ENOMEM },
	{ "EFAULT", EFAULT }, { "EBUSY", EBUSY }, { "EEXIST", EEXIST },
	{ "ENODEV", ENODEV }, { "EINVAL", EINVAL }, { "ENOTTY", ENOTTY },
	{ "EACCES", EACCES }, { "EOPNOTSUPP", EOPNOTSUPP },
	{ "EDEADLK", EDEADLK }, { "ETIME", ETIME }, { "ENOSYS", ENOSYS },
};

int scn_errno_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (!strcmp(errnos[i].n, name))
			return errnos[i].e;
	return 0;
}

const char *scn_errno_name(int e)
{
	for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (errnos[i].e == e)
			return errnos[i].n;
	return "E?";
}

struct kmodel *vfio_kmodel(struct ctx *c)
{
	return c->v ? c->v->k : NULL;
}

uint8_t *vfio_ram(struct ctx *c, uint64_t *size)
{
	*size = c->v->ram_size;
	return c->v->ram;
}

const char *vfio_uuid(struct ctx *c)
{
	return c->v->nmdev ? c->v->mdev[0].uuid : "";
}

int vfio_profile(struct ctx *c)
{
	return c->v->profile;
}

/* ---- configuration ---- */

static const struct { const char *era; uint32_t kv; } eras[] = {
	{ "E1", KMODEL_KV(4, 19) }, { "E2", KMODEL_KV(5, 10) },
	{ "E3", KMODEL_KV(6, 1) },
};

static int bug_list(struct ctx *c, struct scn_arg *a, uint64_t *mask)
{
	char buf[512];
	char *save = NULL;

	snprintf(buf, sizeof(buf), "%s", a->val);
	for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int b = kmodel_bug_by_name(t);

		if (b < 0) {
			cx_error(c, a->line, a->col,
				 "no bug or quirk '%s' (docs/driver-model.md lists them)", t);
			return -1;
		}
		*mask |= 1ull << b;
	}
	return 0;
}

/* driver [kernel=X.Y] [era=E1|E2|E3] [profile=...] [bugs=a,b] [fixed=a,b] */
int v_driver(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *x;
	struct vfio_ctx *v = c->v;

	if (!c->dry) {		/* configured by the dry pass */
		for (unsigned k = 1; k < s->nargs; k++)
			s->args[k].used = 1;
		return 0;
	}
	if (v) {
		cx_error(c, s->line, s->col, "one driver per scenario");
		return -1;
	}
	v = c->v = calloc(1, sizeof(*v));
	if (!v)
		return -1;
	v->kernel = KMODEL_KV(6, 1);
	v->line = s->line;
	v->dev = v->cont = -1;
	for (int i = 0; i < Q_NR; i++)
		v->efd[i] = -1;
	if ((x = arg_key(s, "era"))) {
		size_t i;

		for (i = 0; i < sizeof(eras) / sizeof(eras[0]); i++)
			if (!strcmp(x->val, eras[i].era))
				break;
		if (i == sizeof(eras) / sizeof(eras[0]))
			cx_error(c, x->line, x->col, "era= is E1, E2 or E3");
		else
			v->kernel = eras[i].kv;
	}
	if ((x = arg_key(s, "kernel"))) {
		unsigned a, b;
		char tail;

		if (sscanf(x->val, "%u.%u%c", &a, &b, &tail) != 2 || a < 4 ||
		    a > 9 || b > 255 || (a == 4 && b < 12))
			cx_error(c, x->line, x->col,
				 "kernel= is a version from 4.12 on, e.g. 5.10 or 6.1");
		else
			v->kernel = KMODEL_KV(a, b);
	}
	if ((x = arg_key(s, "profile"))) {
		if (!strcmp(x->val, "architected"))
			v->profile = KMODEL_ARCHITECTED;
		else if (!strcmp(x->val, "qemu-le-host"))
			v->profile = KMODEL_QEMU_LE_HOST;
		else
			cx_error(c, x->line, x->col,
				 "profile= is architected or qemu-le-host");
	}
	if ((x = arg_key(s, "wq_latency")))
		val_time(c, x, &v->wq_latency);
	if ((x = arg_key(s, "bugs")))
		bug_list(c, x, &v->bugs_on);
	if ((x = arg_key(s, "fixed")))
		bug_list(c, x, &v->bugs_off);
	return args_unused(c, s);
}

/* mdev SID [uuid=UUID]: bind the subchannel to vfio_ccw and create the mdev. */
int v_mdev(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *u = arg_key(s, "uuid");
	struct scn_arg *f = arg_pos(s, 1);
	struct vfio_ctx *v = c->v;
	unsigned ssid, schno;
	int failing = 0;

	if (!v) {
		cx_error(c, s->line, s->col, "mdev needs a driver statement above it");
		return -1;
	}
	if (!a)
		return arg_missing(c, s, "a subchannel id");
	if (f) {
		if (strcmp(f->val, "register-fails")) {
			cx_error(c, f->line, f->col,
				 "mdev takes a subchannel id, uuid= and register-fails, not '%s'",
				 f->val);
			return -1;
		}
		failing = 1;
	}
	if (val_sid(c, a, &ssid, &schno) || args_unused(c, s))
		return -1;
	if (c->dry) {
		if (v->nmdev == MAX_MDEV) {
			cx_error(c, s->line, s->col, "at most %d mdevs", MAX_MDEV);
			return -1;
		}
		v->mdev[v->nmdev].ssid = ssid;
		v->mdev[v->nmdev].schno = schno;
		if (u)
			snprintf(v->mdev[v->nmdev].uuid, sizeof(v->mdev[0].uuid),
				 "%s", u->val);
		else
			snprintf(v->mdev[v->nmdev].uuid, sizeof(v->mdev[0].uuid),
				 "9f31d5c1-0000-0000-0000-00000%x%06x", ssid, schno);
		v->nmdev++;
		return 0;
	}
	{
		const char *uuid = NULL;
		int rc;

		for (unsigned i = 0; i < v->nmdev; i++)
			if (v->mdev[i].ssid == ssid && v->mdev[i].schno == schno)
				uuid = v->mdev[i].uuid;
		rc = kmodel_sch_bind(v->k, ssid, schno);
		if (!rc && failing) {
			/* the injected fault: creation must fail, and only so */
			rc = kmodel_mdev_create_failing(v->k, ssid, schno, uuid);
			if (rc != -ENOMEM)
				cx_error(c, s->line, s->col,
					 "mdev %s register-fails: expected ENOMEM, got %s",
					 a->val, rc ? scn_errno_name(-rc) : "success");
			return 0;
		}
		if (!rc)
			rc = kmodel_mdev_create(v->k, ssid, schno, uuid);
		if (rc)
			cx_error(c, s->line, s->col,
				 "cannot bind %s to vfio_ccw and create its mdev (%s): is the subchannel defined above?",
				 a->val, scn_errno_name(-rc));
	}
	return 0;
}

/*
 * invariant leak|violation|use-after-free "why": this scenario pins such a
 * bug on purpose, so the final check lets that kind through.
 */
int v_invariant(struct ctx *c, struct scn_stmt *s)
{
	struct scn_arg *a = arg_pos(s, 0), *r = arg_pos(s, 1);

	if (!a || !r || !r->quoted ||
	    (strcmp(a->val, "leak") && strcmp(a->val, "violation") &&
	     strcmp(a->val, "use-after-free"))) {
		cx_error(c, s->line, s->col,
			 "invariant leak|violation|use-after-free \"why this scenario pins it\"");
		return -1;
	}
	if (c->v) {
		if (a->val[0] == 'l')
			c->v->leak_ok = 1;
		else if (a->val[0] == 'v')
			c->v->violation_ok = 1;
		else
			c->v->uaf_ok = 1;
	}
	return args_unused(c, s);
}

/* ---- building ---- */

int vfio_build(struct ctx *c)
{
	struct vfio_ctx *v = c->v;
	struct kmodel_cfg kc = { 0 };

	kc.evq = c->q;
	kc.mem = v->host;
	kc.css = c->css;
	kc.trace = c->tr;
	kc.seed = c->seed;
	kc.kernel = v->kernel;
	kc.profile = (enum kmodel_profile)v->profile;
	kc.bugs_on = v->bugs_on;
	kc.bugs_off = v->bugs_off;
	kc.wq_latency = v->wq_latency;
	v->k = kmodel_create(&kc);
	return v->k ? 0 : -1;
}

/* Called from run.c before the CSS: guest memory over a RAM buffer. */
int vfio_guest_memory(struct ctx *c)
{
	struct vfio_ctx *v = c->v;

	v->ram_size = c->mem_size;
	v->ram = aligned_alloc(4096, c->mem_size);
	v->host = sim_mem_create(HOST_MEM);
	c->mem = sim_mem_create(c->mem_size);
	if (!v->ram || !v->host || !c->mem)
		return -1;
	memset(v->ram, 0, c->mem_size);
	return sim_mem_alias(c->mem, 0, v->ram, c->mem_size) ? -1 : 0;
}

struct sim_mem *vfio_host_mem(struct ctx *c)
{
	return c->v->host;
}

void vfio_teardown(struct ctx *c)
{
	struct vfio_ctx *v = c->v;

	if (!v)
		return;
	if (c->client) {
		vmm_client_destroy(c->client);
		c->client = NULL;
	}
	kmodel_destroy(v->k);
	for (int i = 0; i < Q_NR; i++)
		if (v->efd[i] >= 0)
			close(v->efd[i]);
	if (c->mem)
		sim_mem_unalias(c->mem, 0, v->ram_size, 0);
	if (v->host)
		sim_mem_destroy(v->host);
	free(v->ram);
	free(v);
	c->v = NULL;
}

/* ---- the end of a run ---- */

void vfio_final_check(struct ctx *c)
{
	struct vfio_ctx *v = c->v;
	struct kmodel_counts kc;
	sim_vtime when, end = sim_evq_now(c->q) + SIM_S(10);

	if (!v || !v->k)
		return;
	if (c->client) {
		vmm_client_destroy(c->client);	/* device_del */
		c->client = NULL;
	}
	if (v->dev >= 0 && !kmodel_close(v->k, v->dev))
		v->dev = -1;
	if (v->cont >= 0 && !kmodel_close(v->k, v->cont))
		v->cont = -1;
	while (sim_evq_peek(c->q, &when) && when <= end)
		scn_step(c);
	kmodel_counts(v->k, &kc);
	c->expectations++;
	if (kc.violations && !v->violation_ok)
		cx_error(c, v->line, 1, "invariant: %llu kernel violation%s: %s",
			 (unsigned long long)kc.violations,
			 kc.violations > 1 ? "s" : "", kmodel_first_violation(v->k));
	else if (kc.use_after_free && !v->uaf_ok)
		cx_error(c, v->line, 1,
			 "invariant: the channel touched freed storage %llu time%s (a use after free; see the trace's \"poisoned\")",
			 (unsigned long long)kc.use_after_free,
			 kc.use_after_free > 1 ? "s" : "");
	else if (!v->leak_ok && (kc.pins || kc.allocs))
		cx_error(c, v->line, 1,
			 "invariant: after close, %llu pinned page%s and %llu driver allocation%s remain",
			 (unsigned long long)kc.pins, kc.pins == 1 ? "" : "s",
			 (unsigned long long)kc.allocs, kc.allocs == 1 ? "" : "s");
}
