// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The driver model in scenarios: "driver" and "mdev" configure it,
 * "vfio ..." makes the VMM's system calls, "expect vfio ..." looks at
 * what they returned and at the model, and every such scenario ends with
 * the invariant that closing the device returns every pinned page and
 * every driver allocation (unless "invariant leak" says the scenario pins
 * a leak on purpose).
 *
 * With a driver the scenario's storage statements describe the *guest's*
 * memory: a buffer the VMM maps with VFIO_IOMMU_MAP_DMA (at iova 0 when
 * the device is opened), apart from the host's absolute storage where
 * the channel subsystem and the driver's allocations live.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/decode.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/kmodel/kmodel.h>
#include <ccwsim/vfio.h>
#include <ccwsim/vfio_ccw.h>
#include <ccwsim/vmm/client.h>

#include "scn_int.h"
#include "verbs.h"

#define HOST_MEM (64ull << 30)
#define MAX_MDEV 8

enum { R_IO, R_CMD, R_SCHIB, R_CRW, R_NR };
static const char *const region_names[R_NR] = { "io", "cmd", "schib", "crw" };
static const unsigned region_sizes[R_NR] = { 124, 8, 52, 8 };
enum { Q_IO, Q_CRW, Q_REQ, Q_NR };
static const char *const irq_names[Q_NR] = { "io", "crw", "req" };

struct vfio_ctx {
	/* the configuration */
	uint32_t kernel;
	int profile;
	uint64_t bugs_on, bugs_off;
	sim_vtime wq_latency;
	int leak_ok, violation_ok, uaf_ok;
	int line;			/* of "driver": where the invariant fails */
	struct {
		unsigned ssid, schno;
		char uuid[40];
	} mdev[MAX_MDEV];
	unsigned nmdev;
	/* the run */
	struct kmodel *k;
	struct sim_mem *host;
	uint8_t *ram;
	uint64_t ram_size;
	int dev, cont;			/* model fds, -1 when closed */
	int efd[Q_NR];			/* real eventfds */
	uint64_t signals[Q_NR];		/* counted by waits and expectations */
	uint8_t rbuf[R_NR][124];	/* the last read of each region */
	uint8_t info[20];		/* the last GET_INFO answer */
	uint8_t reg[48];		/* the last GET_REGION_INFO answer */
	uint8_t irq[16];		/* the last GET_IRQ_INFO answer */
};

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

/* ---- outcomes ---- */

/* After "->": ok, a number, or errno NAME.  No arrow: success. */
struct want {
	int kind;			/* 0 success, 1 value, 2 errno */
	int64_t value;
	int err;
};

static int want_of(struct ctx *c, struct scn_stmt *s, struct want *w)
{
	struct scn_arg *a = s->nwant ? &s->want[0] : NULL;
	uint64_t n;

	memset(w, 0, sizeof(*w));
	if (!a)
		return 0;
	if (!strcmp(a->val, "ok") && s->nwant == 1)
		return 0;
	if (!strcmp(a->val, "errno") && s->nwant == 2) {
		for (size_t i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
			if (!strcmp(s->want[1].val, errnos[i].n)) {
				w->kind = 2;
				w->err = errnos[i].e;
				return 0;
			}
		cx_error(c, s->want[1].line, s->want[1].col,
			 "'%s' is not an errno this model returns", s->want[1].val);
		return -1;
	}
	if (s->nwant == 1 && !a->key && !val_uint(c, a, INT64_MAX, &n)) {
		w->kind = 1;
		w->value = (int64_t)n;
		return 0;
	}
	cx_error(c, a->line, a->col, "after '->' say ok, a number, or errno NAME");
	return -1;
}

static void check(struct ctx *c, struct scn_stmt *s, const struct want *w,
		  int64_t ret, int err)
{
	char got[64], want[64];

	c->expectations++;
	if (ret < 0)
		snprintf(got, sizeof(got), "errno %s", scn_errno_name(err));
	else
		snprintf(got, sizeof(got), "%lld", (long long)ret);
	switch (w->kind) {
	case 0:
		if (ret >= 0)
			return;
		snprintf(want, sizeof(want), "success");
		break;
	case 1:
		if (ret == w->value)
			return;
		snprintf(want, sizeof(want), "%lld", (long long)w->value);
		break;
	default:
		if (ret < 0 && err == w->err)
			return;
		snprintf(want, sizeof(want), "errno %s", scn_errno_name(w->err));
	}
	cx_error(c, s->line, s->col, "vfio %s: expected %s, got %s",
		 s->args[1].val, want, got);
}

/* ---- the subcommands ---- */

static void put_word(const struct vfio_ctx *v, uint8_t *b, uint32_t x)
{
	kmodel_profile_put32(v->profile, b, x);
}

static uint32_t get_word(const struct vfio_ctx *v, const uint8_t *b)
{
	return kmodel_profile_get32(v->profile, b);
}

static int open_device(struct ctx *c, const char *uuid, int map)
{
	struct vfio_ctx *v = c->v;
	struct vfio_iommu_type1_dma_map m = {
		sizeof(m), VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		(uint64_t)(uintptr_t)v->ram, 0, v->ram_size,
	};
	int fd = kmodel_open_device(v->k, uuid, &v->cont);

	if (fd < 0)
		return -errno;
	v->dev = fd;
	if (map && kmodel_ioctl(v->k, v->cont, VFIO_IOMMU_MAP_DMA, &m))
		return -errno;
	return 0;
}

static int parse_fctl(struct ctx *c, struct scn_arg *a, uint32_t *fctl)
{
	static const struct { const char *n; uint32_t f; } names[] = {
		{ "start", CCWA_FCTL_START }, { "halt", CCWA_FCTL_HALT },
		{ "clear", CCWA_FCTL_CLEAR }, { "-", 0 },
	};
	char buf[64];
	char *save = NULL;

	*fctl = 0;
	snprintf(buf, sizeof(buf), "%s", a->val);
	for (char *t = strtok_r(buf, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
		size_t i;

		for (i = 0; i < 4 && strcmp(t, names[i].n); i++)
			;
		if (i == 4) {
			cx_error(c, a->line, a->col, "fctl= is start, halt, clear (or a mix with |), or -");
			return -1;
		}
		*fctl |= names[i].f;
	}
	return 0;
}

/* The 124 bytes an SSCH or a raw I/O-region write sends. */
static void io_bytes(struct ctx *c, struct scn_stmt *s, uint8_t *b,
		     uint64_t *off, uint64_t *count)
{
	struct vfio_ctx *v = c->v;
	struct scn_arg *x;
	uint64_t addr = 0, n;
	uint32_t fctl = CCWA_FCTL_START;

	memset(b, 0, 124);
	*off = 0;
	*count = 124;
	if ((x = arg_key(s, "orb")) && !val_u64(c, x, &addr) && !c->dry) {
		sim_mem_read(c->mem, addr, b, 12, 0, NULL);
		kmodel_profile_orb((enum kmodel_profile)v->profile, b);
	}
	if ((x = arg_key(s, "fctl")))
		parse_fctl(c, x, &fctl);
	{
		struct ccwa_scsw scsw = { { 0 } };

		ccwa_scsw_set_fctl(&scsw, fctl);
		if (fctl & CCWA_FCTL_START)
			ccwa_scsw_set_actl(&scsw, CCWA_ACTL_START_PEND);
		kmodel_profile_scsw((enum kmodel_profile)v->profile, scsw.b);
		memcpy(b + 12, scsw.b, 12);
	}
	if ((x = arg_key(s, "ret")) && !val_uint(c, x, 0xffffffffu, &n))
		put_word(v, b + offsetof(struct ccw_io_region, ret_code), (uint32_t)n);
	if ((x = arg_key(s, "off")) && !val_uint(c, x, 4095, &n))
		*off = n;
	if ((x = arg_pos(s, 2)) && x->quoted) {
		size_t len = 124;

		memset(b, 0, 124);
		if (!val_bytes(c, x, b, &len))
			*count = len;
	} else if (x) {
		x->used = 0;
	}
	if ((x = arg_key(s, "count")) && !val_uint(c, x, 4096, &n))
		*count = n;
}

static int region_index(struct ctx *c, struct scn_arg *a)
{
	for (int i = 0; i < R_NR; i++)
		if (!strcmp(a->val, region_names[i]))
			return i;
	cx_error(c, a->line, a->col, "a region: io, cmd, schib or crw");
	return -1;
}

static int irq_index(struct ctx *c, struct scn_arg *a)
{
	for (int i = 0; i < Q_NR; i++)
		if (!strcmp(a->val, irq_names[i]))
			return i;
	cx_error(c, a->line, a->col, "an interrupt: io, crw or req");
	return -1;
}

/* Run until the eventfd has counted (or @within passes). */
static int wait_signal(struct ctx *c, int q, sim_vtime within)
{
	struct vfio_ctx *v = c->v;
	sim_vtime end = sim_evq_now(c->q) + within, when;
	uint64_t val;

	if (v->efd[q] < 0)
		return -1;
	for (;;) {
		if (read(v->efd[q], &val, sizeof(val)) == sizeof(val)) {
			v->signals[q] += val;
			return 0;
		}
		if (!sim_evq_peek(c->q, &when) || when > end)
			return -1;
		scn_step(c);
	}
}

static int64_t do_irq(struct ctx *c, struct scn_stmt *s, int q, int *err)
{
	struct vfio_ctx *v = c->v;
	struct {
		struct vfio_irq_set h;
		int32_t fd;
	} __attribute__((packed)) set;
	struct scn_arg *x;
	uint64_t n;
	int rc;

	memset(&set, 0, sizeof(set));
	set.h.argsz = sizeof(set);
	set.h.flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
	set.h.index = (uint32_t)q;
	set.h.count = 1;
	if ((x = arg_pos(s, 2))) {
		if (!strcmp(x->val, "release")) {
			set.fd = -1;
		} else if (!strcmp(x->val, "trigger")) {
			set.h.flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER;
			set.h.count = 0;
		} else if (!strcmp(x->val, "eventfd")) {
			x->used = 1;
		} else {
			x->used = 0;
		}
	}
	if ((x = arg_key(s, "bool")) && !val_uint(c, x, 255, &n)) {
		set.h.flags = VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_ACTION_TRIGGER;
		memcpy(&set.fd, &(uint8_t){ (uint8_t)n }, 1);
	}
	if ((x = arg_key(s, "fd"))) {
		uint64_t f;

		if (!strcmp(x->val, "-1"))
			set.fd = -1;
		else if (!strcmp(x->val, "-2"))
			set.fd = -2;
		else if (!val_uint(c, x, 1u << 20, &f))
			set.fd = (int32_t)f;	/* a number, not ours: EBADF */
	}
	if ((x = arg_key(s, "flags")) && !val_uint(c, x, 0xffffffffu, &n))
		set.h.flags = (uint32_t)n;
	if ((x = arg_key(s, "argsz")) && !val_uint(c, x, 0xffffffffu, &n))
		set.h.argsz = (uint32_t)n;
	if ((x = arg_key(s, "start")) && !val_uint(c, x, 0xffffffffu, &n))
		set.h.start = (uint32_t)n;
	if ((x = arg_key(s, "count")) && !val_uint(c, x, 0xffffffffu, &n))
		set.h.count = (uint32_t)n;
	if ((x = arg_key(s, "index")) && !val_uint(c, x, 0xffffffffu, &n))
		set.h.index = (uint32_t)n;
	if (c->dry)
		return 0;
	if ((set.h.flags & VFIO_IRQ_SET_DATA_EVENTFD) && !arg_key(s, "fd") &&
	    set.fd != -1) {
		if (v->efd[q] < 0)
			v->efd[q] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		set.fd = v->efd[q];
	}
	rc = kmodel_ioctl(v->k, v->dev, VFIO_DEVICE_SET_IRQS, &set);
	*err = errno;
	return rc;
}


/* ---- requests: the calls that may also run concurrently ---- */

struct vreq {
	int op;				/* 0 pread, 1 pwrite, 2 ioctl */
	int region;			/* pread: the region its bytes belong to */
	uint64_t off;			/* within the region */
	size_t n;
	off_t pos;
	unsigned long req;
	uint8_t buf[4096];
	struct kmodel_call *call;
};

/*
 * ssch, hsch, csch, write io|cmd|schib|crw, read REGION, ioctl
 * info|region|irqinfo|reset|bogus: parse into @r.  1 when @s is one of
 * them, 0 when not, -1 after an error.
 */
/* The model's counters by name, for "expect vfio counts". */
static const struct {
	const char *name;
	size_t off;
} counts[] = {
#define COUNT(f) { #f, offsetof(struct kmodel_counts, f) }
	COUNT(pins), COUNT(allocs), COUNT(alloc_bytes), COUNT(iommu_warns),
	COUNT(violations), COUNT(irqs), COUNT(lost_irbs), COUNT(signals),
	COUNT(use_after_free),
#undef COUNT
};

static int expect_counts(struct ctx *c, struct scn_stmt *s)
{
	struct kmodel_counts kc;
	char all[200] = "";

	if (!c->dry)
		kmodel_counts(c->v->k, &kc);
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		snprintf(all + strlen(all), sizeof(all) - strlen(all), "%s%s",
			 i ? " " : "", counts[i].name);
	for (unsigned k = 2; k < s->nargs; k++) {
		struct scn_arg *a = &s->args[k];
		uint64_t want, got;
		size_t i;
		char name[32];
		enum scn_cmp op;

		if (!a->key)
			continue;
		a->used = 1;
		op = scn_split_cmp(a->key, name, sizeof(name));
		for (i = 0; i < sizeof(counts) / sizeof(counts[0]) &&
			    strcmp(counts[i].name, name); i++)
			;
		if (i == sizeof(counts) / sizeof(counts[0]) || op == CMP_HAS) {
			cx_error(c, a->line, a->col,
				 "no count '%s' (%s; compared with = <= >= !=)",
				 a->key, all);
			continue;
		}
		if (val_u64(c, a, &want) || c->dry)
			continue;
		memcpy(&got, (const char *)&kc + counts[i].off, sizeof(got));
		c->expectations++;
		if (!scn_cmp_holds(op, got, want))
			cx_error(c, a->line, a->col,
				 "vfio counts: %s expected %s%llu, got %llu%s%s", name,
				 scn_cmp_words[op], (unsigned long long)want,
				 (unsigned long long)got,
				 !strcmp(name, "violations") && got ? ": " : "",
				 !strcmp(name, "violations") && got ?
					 kmodel_first_violation(c->v->k) : "");
	}
	return args_unused(c, s);
}

static int prepare(struct ctx *c, struct scn_stmt *s, struct vreq *r)
{
	struct vfio_ctx *v = c->v;
	const char *cmd = s->args[1].val;
	struct scn_arg *x;
	int rg;

	memset(r, 0, offsetof(struct vreq, buf));
	if (!strcmp(cmd, "ssch")) {
		struct scn_arg *o = arg_pos(s, 1);
		uint64_t addr;

		if (!o)
			return arg_missing(c, s, "the guest ORB's address");
		if (val_u64(c, o, &addr))
			return -1;
		r->op = 1;
		r->n = 124;
		memset(r->buf, 0, 124);
		if (!c->dry) {
			struct ccwa_scsw scsw = { { 0 } };

			sim_mem_read(c->mem, addr, r->buf, 12, 0, NULL);
			kmodel_profile_orb((enum kmodel_profile)v->profile, r->buf);
			ccwa_scsw_set_fctl(&scsw, CCWA_FCTL_START);
			ccwa_scsw_set_actl(&scsw, CCWA_ACTL_START_PEND);
			kmodel_profile_scsw((enum kmodel_profile)v->profile, scsw.b);
			memcpy(r->buf + 12, scsw.b, 12);
		}
		return 1;
	}
	if (!strcmp(cmd, "hsch") || !strcmp(cmd, "csch")) {
		r->op = 1;
		r->n = 8;
		r->pos = 1 << 10;
		memset(r->buf, 0, 8);
		put_word(v, r->buf, cmd[0] == 'h' ? VFIO_CCW_ASYNC_CMD_HSCH
						  : VFIO_CCW_ASYNC_CMD_CSCH);
		return 1;
	}
	if (!strcmp(cmd, "write")) {
		if (!(x = arg_pos(s, 1)))
			return arg_missing(c, s, "a region");
		if ((rg = region_index(c, x)) < 0)
			return -1;
		r->op = 1;
		if (rg == R_IO) {
			uint64_t off, count;

			io_bytes(c, s, r->buf, &off, &count);
			r->n = count;
			r->pos = (off_t)off;
		} else if (rg == R_CMD) {
			uint64_t command = 0, off = 0, count = 8;

			if ((x = arg_key(s, "command")))
				val_uint(c, x, 0xffffffffu, &command);
			if ((x = arg_key(s, "off")))
				val_uint(c, x, 4095, &off);
			if ((x = arg_key(s, "count")))
				val_uint(c, x, 8, &count);
			memset(r->buf, 0, 8);
			put_word(v, r->buf, (uint32_t)command);
			r->n = count;
			r->pos = (off_t)((1u << 10) + off);
		} else {
			size_t len = sizeof(r->buf);

			memset(r->buf, 0, region_sizes[rg]);
			if ((x = arg_pos(s, 2)) && x->quoted)
				val_bytes(c, x, r->buf, &len);
			else
				len = region_sizes[rg];
			r->n = len;
			r->pos = (off_t)((unsigned)rg << 10);
		}
		return 1;
	}
	if (!strcmp(cmd, "read")) {
		uint64_t off = 0, count;

		if (!(x = arg_pos(s, 1)))
			return arg_missing(c, s, "a region");
		if ((rg = region_index(c, x)) < 0)
			return -1;
		count = region_sizes[rg];
		if ((x = arg_key(s, "off")))
			val_uint(c, x, 4095, &off);
		if ((x = arg_key(s, "count")))
			val_uint(c, x, 4096, &count);
		r->op = 0;
		r->region = rg;
		r->off = off;
		r->n = count;
		r->pos = (off_t)(((uint64_t)rg << 10) + off);
		return 1;
	}
	if (!strcmp(cmd, "ioctl")) {
		struct scn_arg *what = arg_pos(s, 1);
		uint64_t argsz = 0, index = 0;
		int have_argsz = 0;

		if (!what)
			return arg_missing(c, s, "info, region, irqinfo, reset or bogus");
		if ((x = arg_key(s, "argsz")) && !val_uint(c, x, 4096, &argsz))
			have_argsz = 1;
		if ((x = arg_key(s, "index")))
			val_uint(c, x, 0xffffffffu, &index);
		r->op = 2;
		memset(r->buf, 0, 64);
		if (!strcmp(what->val, "info")) {
			struct vfio_device_info *i = (void *)r->buf;

			r->req = VFIO_DEVICE_GET_INFO;
			i->argsz = have_argsz ? (uint32_t)argsz : sizeof(*i);
		} else if (!strcmp(what->val, "region")) {
			struct vfio_region_info *i = (void *)r->buf;

			r->req = VFIO_DEVICE_GET_REGION_INFO;
			i->argsz = have_argsz ? (uint32_t)argsz : 48;
			i->index = (uint32_t)index;
		} else if (!strcmp(what->val, "irqinfo")) {
			struct vfio_irq_info *i = (void *)r->buf;

			r->req = VFIO_DEVICE_GET_IRQ_INFO;
			i->argsz = have_argsz ? (uint32_t)argsz : sizeof(*i);
			i->index = (uint32_t)index;
		} else if (!strcmp(what->val, "reset")) {
			r->req = VFIO_DEVICE_RESET;
		} else if (!strcmp(what->val, "bogus")) {
			r->req = VFIO_BASE + 0x7f;	/* no such ioctl: ENOTTY */
		} else {
			cx_error(c, what->line, what->col,
				 "ioctl info, region, irqinfo, reset or bogus");
			return -1;
		}
		return 1;
	}
	return 0;
}

static int64_t issue(struct ctx *c, struct vreq *r, int *err)
{
	struct vfio_ctx *v = c->v;
	int64_t ret;

	switch (r->op) {
	case 0:
		ret = kmodel_pread(v->k, v->dev, r->buf, r->n, r->pos);
		break;
	case 1:
		ret = kmodel_pwrite(v->k, v->dev, r->n <= sizeof(r->buf) ? r->buf : NULL,
				    r->n, r->pos);
		break;
	default:
		ret = kmodel_ioctl(v->k, v->dev, r->req,
				   r->req == VFIO_DEVICE_RESET ? NULL : r->buf);
	}
	*err = errno;
	return ret;
}

static struct kmodel_call *issue_async(struct ctx *c, struct vreq *r)
{
	struct vfio_ctx *v = c->v;

	switch (r->op) {
	case 0:
		return kmodel_start_pread(v->k, v->dev, r->buf, r->n, r->pos);
	case 1:
		return kmodel_start_pwrite(v->k, v->dev, r->buf, r->n, r->pos);
	default:
		return kmodel_start_ioctl(v->k, v->dev, r->req,
					  r->req == VFIO_DEVICE_RESET ? NULL : r->buf);
	}
}

/* Keep what came back for "expect vfio", then check the outcome. */
static void complete(struct ctx *c, struct scn_stmt *s, struct vreq *r,
		     int64_t ret, int err)
{
	struct vfio_ctx *v = c->v;
	struct want w;

	if (r->op == 0 && ret > 0 && r->off < 124)
		memcpy(v->rbuf[r->region] + r->off, r->buf,
		       (size_t)ret < 124 - r->off ? (size_t)ret : 124 - r->off);
	if (r->op == 2 && ret >= 0) {
		if (r->req == VFIO_DEVICE_GET_INFO)
			memcpy(v->info, r->buf, sizeof(v->info));
		else if (r->req == VFIO_DEVICE_GET_REGION_INFO)
			memcpy(v->reg, r->buf, sizeof(v->reg));
		else if (r->req == VFIO_DEVICE_GET_IRQ_INFO)
			memcpy(v->irq, r->buf, sizeof(v->irq));
	}
	if (!want_of(c, s, &w))
		check(c, s, &w, ret < 0 ? -1 : ret, err);
}

/*
 * concurrent, then indented vfio requests: all start at once, as threads
 * of the VMM, and run interleaved by the seed; each line's "->" is
 * checked when all have returned.
 */
int v_concurrent(struct ctx *c, struct scn_stmt *s)
{
	struct vreq *r;
	sim_vtime when, end;
	int err;

	if (!c->v) {
		cx_error(c, s->line, s->col, "concurrent needs a driver statement");
		return -1;
	}
	if (s->nsub < 2)
		cx_error(c, s->line, s->col,
			 "concurrent wants two or more indented vfio requests below it");
	r = calloc(s->nsub ? s->nsub : 1, sizeof(*r));
	if (!r)
		return -1;
	for (unsigned i = 0; i < s->nsub; i++) {
		struct scn_stmt *sub = &s->sub[i];
		struct want w;

		for (unsigned k = 0; k < sub->nargs; k++)
			sub->args[k].used = 0;
		sub->args[0].used = 1;
		if (strcmp(sub->args[0].val, "vfio") || sub->nargs < 2) {
			cx_error(c, sub->line, sub->col,
				 "in a concurrent block, vfio requests only");
			continue;
		}
		sub->args[1].used = 1;
		if (prepare(c, sub, &r[i]) != 1) {
			if (!c->errors)
				cx_error(c, sub->args[1].line, sub->args[1].col,
					 "vfio %s cannot run concurrently (ssch, hsch, csch, write, read, ioctl can)",
					 sub->args[1].val);
			continue;
		}
		want_of(c, sub, &w);
		args_unused(c, sub);
	}
	if (c->dry || c->errors) {
		free(r);
		return 0;
	}
	for (unsigned i = 0; i < s->nsub; i++)
		r[i].call = issue_async(c, &r[i]);
	end = sim_evq_now(c->q) + SIM_S(60);
	for (;;) {
		unsigned done = 0;

		for (unsigned i = 0; i < s->nsub; i++)
			done += !r[i].call || kmodel_call_done(r[i].call);
		if (done == s->nsub || !sim_evq_peek(c->q, &when) || when > end)
			break;
		scn_step(c);
	}
	for (unsigned i = 0; i < s->nsub; i++) {
		int64_t ret;

		if (!r[i].call || !kmodel_call_done(r[i].call)) {
			cx_error(c, s->sub[i].line, s->sub[i].col,
				 "this request never returned (a deadlock in the model?)");
			continue;
		}
		ret = kmodel_call_finish(r[i].call, &err);
		complete(c, &s->sub[i], &r[i], ret, err);
	}
	free(r);
	return 0;
}

int v_vfio(struct ctx *c, struct scn_stmt *s)
{
	struct vfio_ctx *v = c->v;
	struct scn_arg *a = arg_pos(s, 0), *x;
	struct want w;
	int64_t ret = 0;
	int err = 0, q;
	const char *cmd;

	if (!v) {
		cx_error(c, s->line, s->col, "vfio steps need a driver statement");
		return -1;
	}
	if (!a)
		return arg_missing(c, s, "what to do (open, ssch, hsch, csch, read, write, ioctl, irq, wait, map, unmap, close, remove, vary)");
	cmd = a->val;
	if (want_of(c, s, &w))
		return -1;
	{
		struct vreq *rq = malloc(sizeof(*rq));
		int rr = rq ? prepare(c, s, rq) : -1;

		if (rr) {
			if (rr > 0 && !args_unused(c, s) && !c->dry) {
				ret = issue(c, rq, &err);
				complete(c, s, rq, ret, err);
			}
			free(rq);
			return rr > 0 ? 0 : -1;
		}
		free(rq);
	}
	if (!strcmp(cmd, "open")) {
		struct scn_arg *u = arg_key(s, "uuid");
		int map = 1;

		if ((x = arg_pos(s, 1))) {
			if (!strcmp(x->val, "nomap"))
				map = 0;
			else
				x->used = 0;
		}
		if (args_unused(c, s) || c->dry)
			return 0;
		ret = open_device(c, u ? u->val : v->mdev[0].uuid, map);
		err = (int)-ret;
	} else if (!strcmp(cmd, "close")) {
		if (args_unused(c, s) || c->dry)
			return 0;
		ret = kmodel_close(v->k, v->dev);
		err = errno;
		if (!ret || err != EBADF)
			v->dev = -1;	/* a hung release still loses the fd */
		if (v->cont >= 0 && !kmodel_close(v->k, v->cont))
			v->cont = -1;
	} else if (!strcmp(cmd, "fsm")) {
		struct scn_arg *st = arg_key(s, "state"), *ev = arg_key(s, "event");

		if (!ev)
			return arg_missing(c, s, "event=NAME");
		if (args_unused(c, s) || c->dry)
			return 0;
		ret = kmodel_fsm_inject(v->k, v->mdev[0].uuid, st ? st->val : NULL,
					ev->val);
		if (ret == -EINVAL)
			cx_error(c, s->line, s->col,
				 "no such state or event (states of the era: NOT_OPER STANDBY IDLE CP_PROCESSING CP_PENDING, or BOXED BUSY in E1; events NOT_OPER IO_REQ INTERRUPT ASYNC_REQ OPEN CLOSE)");
		err = (int)-ret;
	} else if (!strcmp(cmd, "irq")) {
		if (!(x = arg_pos(s, 1)))
			return arg_missing(c, s, "io, crw or req");
		if ((q = irq_index(c, x)) < 0)
			return -1;
		ret = do_irq(c, s, q, &err);
		if (args_unused(c, s) || c->dry)
			return 0;
	} else if (!strcmp(cmd, "wait")) {
		sim_vtime within = SIM_S(1);

		if (!(x = arg_pos(s, 1)))
			return arg_missing(c, s, "io, crw or req");
		if ((q = irq_index(c, x)) < 0)
			return -1;
		if ((x = arg_key(s, "within")))
			val_time(c, x, &within);
		if (args_unused(c, s) || c->dry)
			return 0;
		c->expectations++;
		if (wait_signal(c, q, within))
			cx_error(c, s->line, s->col,
				 "vfio wait %s: no signal within %llu ns%s", irq_names[q],
				 (unsigned long long)within,
				 v->efd[q] < 0 ? " (no eventfd set: vfio irq first)" : "");
		return 0;
	} else if (!strcmp(cmd, "map") || !strcmp(cmd, "unmap")) {
		uint64_t iova = 0, size = v->ram_size;
		unsigned flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;

		if ((x = arg_key(s, "iova")))
			val_u64(c, x, &iova);
		if ((x = arg_key(s, "size")))
			val_size(c, x, &size);
		if ((x = arg_key(s, "perm"))) {
			if (!strcmp(x->val, "r"))
				flags = VFIO_DMA_MAP_FLAG_READ;
			else if (!strcmp(x->val, "w"))
				flags = VFIO_DMA_MAP_FLAG_WRITE;
			else if (strcmp(x->val, "rw"))
				cx_error(c, x->line, x->col, "perm= is r, w or rw");
		}
		if (args_unused(c, s) || c->dry)
			return 0;
		if (cmd[0] == 'm') {
			struct vfio_iommu_type1_dma_map m = {
				sizeof(m), flags,
				(uint64_t)(uintptr_t)(v->ram + (iova < v->ram_size ? iova : 0)),
				iova, size,
			};

			if (iova + size > v->ram_size) {
				cx_error(c, s->line, s->col,
					 "the guest has 0x%llx bytes of memory to map",
					 (unsigned long long)v->ram_size);
				return -1;
			}
			ret = kmodel_ioctl(v->k, v->cont, VFIO_IOMMU_MAP_DMA, &m);
		} else {
			struct vfio_iommu_type1_dma_unmap u = { 24, 0, iova, size };

			ret = kmodel_ioctl(v->k, v->cont, VFIO_IOMMU_UNMAP_DMA, &u);
			if (!ret)
				ret = (int64_t)u.size;
		}
		err = errno;
	} else if (!strcmp(cmd, "remove")) {
		if (args_unused(c, s) || c->dry)
			return 0;
		ret = kmodel_mdev_remove(v->k, v->mdev[0].uuid);
		err = (int)-ret;
	} else if (!strcmp(cmd, "vary")) {
		struct scn_arg *id = arg_pos(s, 1), *o = arg_pos(s, 2);
		uint8_t chpid;

		if (!id || !o)
			return arg_missing(c, s, "a CHPID and on or off");
		if (val_chpid(c, id, &chpid))
			return -1;
		if (strcmp(o->val, "on") && strcmp(o->val, "off")) {
			cx_error(c, o->line, o->col, "on or off");
			return -1;
		}
		if (args_unused(c, s) || c->dry)
			return 0;
		ret = kmodel_chp_vary(v->k, chpid, o->val[1] == 'n');
		err = (int)-ret;
	} else {
		cx_error(c, a->line, a->col,
			 "vfio %s? (open, close, ssch, hsch, csch, read, write, ioctl, irq, wait, map, unmap, remove, vary)",
			 cmd);
		return -1;
	}
	check(c, s, &w, ret < 0 ? -1 : ret, err);
	return 0;
}

/* ---- expect vfio ... ---- */

/* Named numbers of a struct the last ioctl filled. */
struct num_field {
	const char *name;
	unsigned off, size;
};

static void num_checks(struct ctx *c, struct scn_stmt *s, const uint8_t *b,
		       const struct num_field *f, size_t nf, const char *what)
{
	for (unsigned k = 2; k < s->nargs; k++) {
		struct scn_arg *a = &s->args[k];
		uint64_t v, actual = 0;
		size_t i;

		if (!a->key)
			continue;
		a->used = 1;
		for (i = 0; i < nf && strcmp(f[i].name, a->key); i++)
			;
		if (i == nf) {
			cx_error(c, a->line, a->col, "%s has no '%s'", what, a->key);
			continue;
		}
		if (val_u64(c, a, &v) || c->dry)
			continue;
		memcpy(&actual, b + f[i].off, f[i].size);	/* host order */
		c->expectations++;
		if (actual != v)
			cx_error(c, a->line, a->col, "%s: %s expected %llu, got %llu",
				 what, a->key, (unsigned long long)v,
				 (unsigned long long)actual);
	}
}

int vfio_expect(struct ctx *c, struct scn_stmt *s)
{
	static const struct num_field info[] = {
		{ "argsz", 0, 4 }, { "flags", 4, 4 }, { "num_regions", 8, 4 },
		{ "num_irqs", 12, 4 },
	};
	static const struct num_field reg[] = {
		{ "argsz", 0, 4 }, { "flags", 4, 4 }, { "index", 8, 4 },
		{ "cap_offset", 12, 4 }, { "size", 16, 8 }, { "offset", 24, 8 },
		{ "cap.id", 32, 2 }, { "cap.version", 34, 2 }, { "cap.next", 36, 4 },
		{ "cap.type", 40, 4 }, { "cap.subtype", 44, 4 },
	};
	static const struct num_field irq[] = {
		{ "argsz", 0, 4 }, { "flags", 4, 4 }, { "index", 8, 4 },
		{ "count", 12, 4 },
	};
	struct vfio_ctx *v = c->v;
	struct scn_arg *w = arg_pos(s, 1);

	if (!v) {
		cx_error(c, s->line, s->col, "expect vfio needs a driver statement");
		return -1;
	}
	if (!w)
		return arg_missing(c, s, "state, irb, ret, schib, crw, info, region, irqinfo, counts or eventfd");
	if (!strcmp(w->val, "state")) {
		struct scn_arg *n = arg_pos(s, 2);
		const char *got;

		if (!n)
			return arg_missing(c, s, "a state name");
		if (args_unused(c, s) || c->dry)
			return 0;
		got = kmodel_sch_fsm_state(v->k, v->mdev[0].ssid,
					   v->mdev[0].schno);
		c->expectations++;
		if (!got || strcmp(got, n->val))
			cx_error(c, n->line, n->col, "vfio state: expected %s, got %s",
				 n->val, got ? got : "(none)");
		return 0;
	}
	if (!strcmp(w->val, "irb")) {
		scn_check_fields(c, s, "irb", v->rbuf[R_IO] + 24, 96, "vfio irb");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "schib")) {
		scn_check_fields(c, s, "schib", v->rbuf[R_SCHIB], 52, "vfio schib");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "crw")) {
		uint8_t b[4];

		/* the profile's order back to the architected one */
		memcpy(b, v->rbuf[R_CRW], 4);
		kmodel_profile_crw(v->profile, b);
		scn_check_fields(c, s, "crw", b, 4, "vfio crw");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "ret")) {
		for (unsigned k = 2; k < s->nargs; k++) {
			struct scn_arg *a = &s->args[k];
			int32_t got;
			int want = 0;

			if (!a->key)
				continue;
			a->used = 1;
			if (strcmp(a->key, "io") && strcmp(a->key, "cmd")) {
				cx_error(c, a->line, a->col, "ret io= or ret cmd=");
				continue;
			}
			if (!strcmp(a->val, "0")) {
				want = 0;
			} else {
				size_t i;

				for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
					if (!strcmp(a->val + (a->val[0] == '-'), errnos[i].n))
						break;
				if (i == sizeof(errnos) / sizeof(errnos[0])) {
					cx_error(c, a->line, a->col,
						 "0 or an errno name (-EBUSY or EBUSY)");
					continue;
				}
				want = -errnos[i].e;
			}
			if (c->dry)
				continue;
			got = (int32_t)get_word(v, a->key[0] == 'i' ? v->rbuf[R_IO] + 120
								     : v->rbuf[R_CMD] + 4);
			c->expectations++;
			if (got != want)
				cx_error(c, a->line, a->col,
					 "ret_code of the %s region: expected %d (%s), got %d (%s)",
					 a->key, want, want ? scn_errno_name(-want) : "0", got,
					 got < 0 ? scn_errno_name(-got) : "-");
		}
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "info")) {
		num_checks(c, s, v->info, info, 4, "vfio info");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "region")) {
		num_checks(c, s, v->reg, reg, 11, "vfio region info");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "irqinfo")) {
		num_checks(c, s, v->irq, irq, 4, "vfio irq info");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "counts"))
		return expect_counts(c, s);
	if (!strcmp(w->val, "eventfd")) {
		for (unsigned k = 2; k < s->nargs; k++) {
			struct scn_arg *a = &s->args[k];
			uint64_t want, val;
			int q = -1;

			if (!a->key)
				continue;
			a->used = 1;
			for (int i = 0; i < Q_NR; i++)
				if (!strcmp(a->key, irq_names[i]))
					q = i;
			if (q < 0) {
				cx_error(c, a->line, a->col, "eventfd io=, crw= or req=");
				continue;
			}
			if (val_u64(c, a, &want) || c->dry)
				continue;
			if (v->efd[q] >= 0 && read(v->efd[q], &val, 8) == 8)
				v->signals[q] += val;
			c->expectations++;
			if (v->signals[q] != want)
				cx_error(c, a->line, a->col,
					 "eventfd %s signalled %llu times, expected %llu",
					 irq_names[q], (unsigned long long)v->signals[q],
					 (unsigned long long)want);
		}
		return args_unused(c, s);
	}
	cx_error(c, w->line, w->col,
		 "expect vfio what? state, irb, ret, schib, crw, info, region, irqinfo, counts, eventfd");
	return -1;
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
