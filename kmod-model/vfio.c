// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The vfio core and the syscall surface (kmodel.h): the container
 * (/dev/vfio/vfio, type1), groups (/dev/vfio/N) and device fds, each call
 * run as a syscall task until it returns to userspace.  The model's fds
 * are its own numbers, starting at KMODEL_FD_BASE so they never look like
 * the process's real ones.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/vfio.h>

#include "vfio_ccw_private.h"

#define KMODEL_FD_BASE	1000
#define CALL_LIMIT	SIM_S(60)	/* a syscall longer than this is stuck */

enum kf_kind { KF_CONTAINER, KF_GROUP, KF_DEVICE };

struct kfile {
	enum kf_kind kind;
	int group;			/* KF_GROUP: its number */
	int container;			/* KF_GROUP: the container's fd, or -1 */
	int iommu_set;			/* KF_CONTAINER */
	struct vfio_ccw_private *dev;	/* KF_DEVICE */
};

static struct kfile *file(struct kmodel *k, int fd)
{
	int i = fd - KMODEL_FD_BASE;

	return i >= 0 && i < k->nfiles ? k->files[i] : NULL;
}

static int fd_alloc(struct kmodel *k, struct kfile *f)
{
	int i;

	for (i = 0; i < k->nfiles && k->files[i]; i++)
		;
	if (i == k->nfiles) {
		struct kfile **n = realloc(k->files, (size_t)(i + 8) * sizeof(*n));

		if (!n)
			return -ENOMEM;
		memset(n + i, 0, 8 * sizeof(*n));
		k->files = n;
		k->nfiles = i + 8;
	}
	k->files[i] = f;
	return KMODEL_FD_BASE + i;
}

static int device_opens(struct kmodel *k, struct vfio_ccw_private *p)
{
	int n = 0;

	for (int i = 0; i < k->nfiles; i++)
		n += k->files[i] && k->files[i]->kind == KF_DEVICE &&
		     k->files[i]->dev == p;
	return n;
}

static int group_has_devices(struct kmodel *k, int group)
{
	for (int i = 0; i < k->nfiles; i++)
		if (k->files[i] && k->files[i]->kind == KF_DEVICE &&
		    k->files[i]->dev->group == group)
			return 1;
	return 0;
}

static int ret_errno(int64_t r)
{
	if (r < 0) {
		errno = (int)-r;
		return -1;
	}
	return (int)r;
}

/* ---- calls as tasks ---- */

/* What a syscall task does. */
enum call_op {
	CALL_READ, CALL_WRITE, CALL_IOCTL, CALL_OPEN, CALL_CLOSE,
	CALL_CONTAINER_IOCTL,
};

struct call {
	struct kmodel *k;
	int done;
	int fd;
	unsigned long req;
	void *arg;
	uint8_t *buf;
	const uint8_t *cbuf;
	uint64_t n, off;
	int64_t ret;
	enum call_op op;
	struct vfio_ccw_private *p;
	struct kfile *f;		/* op 5 */
};

static int64_t container_ioctl(struct kmodel *k, struct kfile *f,
			       unsigned long req, void *arg);

static void call_task(void *arg)
{
	struct call *c = arg;

	switch (c->op) {
	case CALL_READ:
		c->ret = vfio_ccw_mdev_read(c->p, c->buf, c->n, c->off);
		break;
	case CALL_WRITE:
		c->ret = vfio_ccw_mdev_write(c->p, c->cbuf, c->n, c->off);
		break;
	case CALL_IOCTL:
		c->ret = vfio_ccw_mdev_ioctl(c->p, c->req, c->arg);
		break;
	case CALL_OPEN:
		c->ret = vfio_ccw_mdev_open_device(c->p);
		break;
	case CALL_CLOSE:
		vfio_ccw_mdev_close_device(c->p);
		c->ret = 0;
		break;
	case CALL_CONTAINER_IOCTL:
		c->ret = container_ioctl(c->k, c->f, c->req, c->arg);
		break;
	}
	/* the return value, in the task's name (a race's reader wants it) */
	kmodel_trace(c->k, "syscall_return", "%lld", (long long)c->ret);
	c->done = 1;
}

static int64_t run_call(struct kmodel *k, struct call *c, const char *name)
{
	int rc = ks_call(k->s, KS_CTX_SYSCALL, name, call_task, c, CALL_LIMIT);

	return rc ? rc : c->ret;
}

/* ---- container and group ioctls ---- */

static int64_t container_ioctl(struct kmodel *k, struct kfile *f,
			       unsigned long req, void *arg)
{
	switch (req) {
	case VFIO_GET_API_VERSION:
		return VFIO_API_VERSION;
	case VFIO_CHECK_EXTENSION: {
		uintptr_t t = (uintptr_t)arg;

		return t == VFIO_TYPE1_IOMMU || t == VFIO_TYPE1v2_IOMMU;
	}
	case VFIO_SET_IOMMU: {
		uintptr_t t = (uintptr_t)arg;
		int attached = 0;

		for (int i = 0; i < k->nfiles; i++)
			attached |= k->files[i] && k->files[i]->kind == KF_GROUP &&
				    file(k, k->files[i]->container) == f;
		if (!attached || f->iommu_set ||
		    (t != VFIO_TYPE1_IOMMU && t != VFIO_TYPE1v2_IOMMU))
			return -EINVAL;
		f->iommu_set = 1;
		return 0;
	}
	case VFIO_IOMMU_GET_INFO: {
		struct vfio_iommu_type1_info info;

		if (!arg)
			return -EFAULT;
		memcpy(&info, arg, 16);
		if (!f->iommu_set || info.argsz < 16)
			return -EINVAL;
		info.flags = VFIO_IOMMU_INFO_PGSIZES;
		info.iova_pgsizes = PAGE_SIZE;
		memcpy(arg, &info, 16);
		return 0;
	}
	case VFIO_IOMMU_MAP_DMA: {
		struct vfio_iommu_type1_dma_map m;
		unsigned prot = 0;

		if (!arg)
			return -EFAULT;
		memcpy(&m, arg, sizeof(m));
		if (!f->iommu_set || m.argsz < sizeof(m) ||
		    m.flags & ~(uint32_t)(VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE))
			return -EINVAL;
		if (m.flags & VFIO_DMA_MAP_FLAG_READ)
			prot |= IOMMU_READ;
		if (m.flags & VFIO_DMA_MAP_FLAG_WRITE)
			prot |= IOMMU_WRITE;
		return iommu_map(k->iommu, m.iova, m.size,
				 (void *)(uintptr_t)m.vaddr, prot);
	}
	case VFIO_IOMMU_UNMAP_DMA: {
		struct vfio_iommu_type1_dma_unmap u;
		int64_t done;

		if (!arg)
			return -EFAULT;
		memcpy(&u, arg, 24);
		if (!f->iommu_set || u.argsz < 24 || u.flags)
			return -EINVAL;
		done = iommu_unmap(k->iommu, u.iova, u.size);
		if (done < 0)
			return done;
		u.size = (uint64_t)done;
		memcpy(arg, &u, 24);
		return 0;
	}
	default:
		return -ENOTTY;
	}
}

static struct vfio_ccw_private *mdev_of(struct kmodel *k, int group,
					const char *uuid)
{
	struct vfio_ccw_private *p;

	if (uuid) {
		p = kmodel_find_mdev(k, uuid);
		return p && p->group == group ? p : NULL;
	}
	for (p = k->privs; p; p = p->next)	/* any mdev of the group */
		if (p->mdev && p->group == group)
			return p;
	return NULL;
}

static int64_t group_ioctl(struct kmodel *k, struct kfile *f, unsigned long req,
			   void *arg)
{
	switch (req) {
	case VFIO_GROUP_GET_STATUS: {
		struct vfio_group_status st;

		if (!arg)
			return -EFAULT;
		memcpy(&st, arg, sizeof(st));
		if (st.argsz < sizeof(st))
			return -EINVAL;
		st.flags = VFIO_GROUP_FLAGS_VIABLE |
			   (f->container >= 0 ? VFIO_GROUP_FLAGS_CONTAINER_SET : 0);
		memcpy(arg, &st, sizeof(st));
		return 0;
	}
	case VFIO_GROUP_SET_CONTAINER: {
		int cfd;
		struct kfile *c;

		if (!arg)
			return -EFAULT;
		memcpy(&cfd, arg, sizeof(cfd));
		c = file(k, cfd);
		if (f->container >= 0)
			return -EINVAL;
		if (!c || c->kind != KF_CONTAINER)
			return -EBADF;
		f->container = cfd;
		return 0;
	}
	case VFIO_GROUP_UNSET_CONTAINER:
		if (f->container < 0)
			return -EINVAL;
		if (group_has_devices(k, f->group))
			return -EBUSY;
		f->container = -1;
		return 0;
	case VFIO_GROUP_GET_DEVICE_FD: {
		struct kfile *c = file(k, f->container), *d;
		struct vfio_ccw_private *p;
		struct call call = { .k = k, .op = CALL_OPEN };
		int64_t r;
		int fd, first;

		if (!arg)
			return -EFAULT;
		if (!c || !c->iommu_set)
			return -EINVAL;
		p = mdev_of(k, f->group, arg);
		if (!p || p->removing)
			return -ENODEV;
		first = !device_opens(k, p);
		if (first) {
			call.p = p;
			r = run_call(k, &call, "open_device");
			if (r < 0)
				return r;
			p->open = 1;
		}
		d = calloc(1, sizeof(*d));
		fd = d ? fd_alloc(k, d) : -ENOMEM;
		if (fd < 0) {
			/* no fd after all: the first open is undone */
			free(d);
			if (first) {
				call.op = CALL_CLOSE;
				run_call(k, &call, "close_device");
				p->open = 0;
				ks_complete(k->s, &p->released);
			}
			return fd;
		}
		d->kind = KF_DEVICE;
		d->dev = p;
		return fd;
	}
	default:
		return -ENOTTY;
	}
}

/* ---- the syscalls ---- */

int kmodel_open(struct kmodel *k, const char *path, int flags)
{
	struct kfile *f;
	int group = -1, fd;

	(void)flags;
	if (!path)
		return ret_errno(-EFAULT);
	if (strcmp(path, "/dev/vfio/vfio")) {
		char tail;

		if (sscanf(path, "/dev/vfio/%d%c", &group, &tail) != 1 || group < 0)
			return ret_errno(-ENOENT);
		if (!mdev_of(k, group, NULL))
			return ret_errno(-ENOENT);
		for (int i = 0; i < k->nfiles; i++)
			if (k->files[i] && k->files[i]->kind == KF_GROUP &&
			    k->files[i]->group == group)
				return ret_errno(-EBUSY);	/* one opener */
	}
	f = calloc(1, sizeof(*f));
	if (!f)
		return ret_errno(-ENOMEM);
	f->kind = group < 0 ? KF_CONTAINER : KF_GROUP;
	f->group = group;
	f->container = -1;
	fd = fd_alloc(k, f);
	if (fd < 0)
		free(f);
	return ret_errno(fd);
}

int kmodel_close(struct kmodel *k, int fd)
{
	struct kfile *f = file(k, fd);
	int rc = 0;

	if (!f)
		return ret_errno(-EBADF);
	k->files[fd - KMODEL_FD_BASE] = NULL;
	if (f->kind == KF_DEVICE && !device_opens(k, f->dev)) {
		struct call call = { .k = k, .op = CALL_CLOSE, .p = f->dev };

		/*
		 * The release callback cannot fail, but it can hang: close(2)
		 * would never return.  The fd is gone either way; the hang
		 * is reported as the call's budget error (ETIME, EDEADLK).
		 */
		rc = (int)run_call(k, &call, "close_device");
		f->dev->open = 0;
		ks_complete(k->s, &f->dev->released);	/* a removal may wait */
	}
	if (f->kind == KF_CONTAINER) {
		/* the last container reference: every mapping goes */
		iommu_unmap(k->iommu, 0, UINT64_MAX & ~(uint64_t)4095);
		for (int i = 0; i < k->nfiles; i++)
			if (k->files[i] && k->files[i]->kind == KF_GROUP &&
			    k->files[i]->container == fd)
				k->files[i]->container = -1;
	}
	free(f);
	return rc == -ETIME || rc == -EDEADLK ? ret_errno(rc) : 0;
}

int kmodel_ioctl(struct kmodel *k, int fd, unsigned long req, void *arg)
{
	struct kfile *f = file(k, fd);
	struct call call = { .k = k, .op = CALL_IOCTL, .req = req, .arg = arg };

	if (!f)
		return ret_errno(-EBADF);
	switch (f->kind) {
	case KF_CONTAINER:
		if (req != VFIO_IOMMU_UNMAP_DMA)
			return ret_errno(container_ioctl(k, f, req, arg));
		/* the unmap notifier resets devices, which sleeps: a task */
		call.op = CALL_CONTAINER_IOCTL;
		call.f = f;
		return ret_errno(run_call(k, &call, "ioctl"));
	case KF_GROUP:
		return ret_errno(group_ioctl(k, f, req, arg));
	default:
		call.p = f->dev;
		return ret_errno(run_call(k, &call, "ioctl"));
	}
}

/* pread and pwrite: only device fds, at a non-negative offset. */
static ssize_t device_rw(struct kmodel *k, int fd, struct call *call,
			 off_t off, const char *name)
{
	struct kfile *f = file(k, fd);

	if (!f)
		return ret_errno(-EBADF);
	if (f->kind != KF_DEVICE || off < 0)
		return ret_errno(-EINVAL);
	call->k = k;
	call->p = f->dev;
	call->off = (uint64_t)off;
	return ret_errno(run_call(k, call, name));
}

ssize_t kmodel_pread(struct kmodel *k, int fd, void *buf, size_t n, off_t off)
{
	struct call call = { .op = CALL_READ, .buf = buf, .n = n };

	return device_rw(k, fd, &call, off, "pread");
}

ssize_t kmodel_pwrite(struct kmodel *k, int fd, const void *buf, size_t n,
		      off_t off)
{
	struct call call = { .op = CALL_WRITE, .cbuf = buf, .n = n };

	return device_rw(k, fd, &call, off, "pwrite");
}

int kmodel_open_device(struct kmodel *k, const char *uuid, int *container)
{
	char path[32], name[64];
	int group = kmodel_mdev_group(k, uuid), g, c, d, saved;

	if (group < 0)
		return ret_errno(group);
	snprintf(path, sizeof(path), "/dev/vfio/%d", group);
	c = kmodel_open(k, "/dev/vfio/vfio", 0);
	if (c < 0)
		return -1;
	g = kmodel_open(k, path, 0);
	if (g < 0 || kmodel_ioctl(k, g, VFIO_GROUP_SET_CONTAINER, &c) ||
	    kmodel_ioctl(k, c, VFIO_SET_IOMMU, (void *)(uintptr_t)VFIO_TYPE1v2_IOMMU)) {
		saved = errno;
		if (g >= 0)
			kmodel_close(k, g);
		kmodel_close(k, c);
		errno = saved;
		return -1;
	}
	snprintf(name, sizeof(name), "%s", uuid);
	d = kmodel_ioctl(k, g, VFIO_GROUP_GET_DEVICE_FD, name);
	saved = errno;
	/* the device fd keeps the group; a VMM may close the group fd */
	kmodel_close(k, g);
	if (d < 0) {
		kmodel_close(k, c);
		errno = saved;
		return -1;
	}
	if (container)
		*container = c;
	return d;
}

void vfio_close_all(struct kmodel *k)
{
	for (int i = 0; i < k->nfiles; i++)
		free(k->files[i]);
	free(k->files);
	k->files = NULL;
	k->nfiles = 0;
}

/* ---- calls that do not wait ---- */

static struct kmodel_call *start(struct kmodel *k, int fd, struct call *proto,
				 const char *name)
{
	struct kfile *f = file(k, fd);
	struct call *c;

	if (!f || f->kind != KF_DEVICE)
		return NULL;
	c = malloc(sizeof(*c));
	if (!c)
		return NULL;
	*c = *proto;
	c->k = k;
	c->p = f->dev;
	c->done = 0;
	if (!ks_spawn(k->s, KS_CTX_SYSCALL, name, call_task, c)) {
		free(c);
		return NULL;
	}
	return (struct kmodel_call *)c;
}

struct kmodel_call *kmodel_start_pread(struct kmodel *k, int fd, void *buf,
				       size_t n, off_t off)
{
	struct call c = { .op = CALL_READ, .buf = buf, .n = n, .off = (uint64_t)off };

	return start(k, fd, &c, "pread");
}

struct kmodel_call *kmodel_start_pwrite(struct kmodel *k, int fd,
					const void *buf, size_t n, off_t off)
{
	struct call c = { .op = CALL_WRITE, .cbuf = buf, .n = n, .off = (uint64_t)off };

	return start(k, fd, &c, "pwrite");
}

struct kmodel_call *kmodel_start_ioctl(struct kmodel *k, int fd,
				       unsigned long req, void *arg)
{
	struct call c = { .op = CALL_IOCTL, .req = req, .arg = arg };

	return start(k, fd, &c, "ioctl");
}

int kmodel_call_done(const struct kmodel_call *kc)
{
	return ((const struct call *)kc)->done;
}

ssize_t kmodel_call_finish(struct kmodel_call *kc, int *err)
{
	struct call *c = (struct call *)kc;
	int64_t r = c->ret;

	free(c);
	if (r < 0) {
		*err = (int)-r;
		return -1;
	}
	*err = 0;
	return (ssize_t)r;
}

struct inject {
	struct vfio_ccw_private *p;
	int state, event;
};

static void inject_task(void *arg)
{
	struct inject *in = arg;

	if (in->state >= 0) {
		in->p->state = in->state;
		kmodel_trace(in->p->k, "vfio_ccw_inject", "state %s",
			     vfio_ccw_state_name(in->p->k, in->state));
	}
	vfio_ccw_fsm_event(in->p, (enum vfio_ccw_event)in->event);
}

int kmodel_fsm_inject(struct kmodel *k, const char *uuid, const char *state,
		      const char *event)
{
	struct inject in = { kmodel_find_mdev(k, uuid), -1,
			     event ? vfio_ccw_event_by_name(event) : -1 };

	if (state)
		in.state = vfio_ccw_state_by_name(k, state);
	if (!in.p || in.event < 0 || (state && in.state < 0) ||
	    !vfio_ccw_fsm_action(k->era, VFIO_CCW_STATE_IDLE, in.event))
		return -EINVAL;		/* no such event in this era either */
	return ks_call(k->s, KS_CTX_EVENT, "fsm_inject", inject_task, &in,
		       SIM_S(60));
}
