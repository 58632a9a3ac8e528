// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * "vfio ..." steps: the VMM's system calls on the model (open, close,
 * region reads and writes, ioctls, IRQ eventfds, DMA maps, removal,
 * path varies, FSM injection) and "concurrent" blocks of them, each
 * checked against what follows "->".
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <ccwsim/arch/scsw.h>
#include <ccwsim/kmodel/kmodel.h>
#include <ccwsim/vfio.h>
#include <ccwsim/vfio_ccw.h>

#include "vfio_int.h"
#include "verbs.h"

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
		w->err = scn_errno_by_name(s->want[1].val);
		if (w->err) {
			w->kind = 2;
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

