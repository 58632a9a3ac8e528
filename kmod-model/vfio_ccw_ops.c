// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The mdev device ops of vfio-ccw (vfio_ccw_ops.c): open and close, the
 * I/O region's read and write, the ioctls, reset and DMA unmap, era by
 * era (vfio-ccw reference §1.5, §2, §8).  Userspace buffers are plain
 * pointers here; a NULL one is the -EFAULT a bad user address gives.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <ccwsim/vfio.h>

#include "vfio_ccw_private.h"

/* ---- region words in the profile's byte order ---- */

uint32_t region_word(const struct kmodel *k, const uint8_t *b)
{
	return kmodel_profile_get32(k->cfg.profile, b);
}

static void put_word(const struct kmodel *k, uint8_t *b, uint32_t v)
{
	kmodel_profile_put32(k->cfg.profile, b, v);
}

int32_t io_ret_code(const struct vfio_ccw_private *p)
{
	return (int32_t)region_word(p->k, p->io_region + RET_CODE);
}

void io_set_ret_code(struct vfio_ccw_private *p, int32_t rc)
{
	put_word(p->k, p->io_region + RET_CODE, (uint32_t)rc);
}

int32_t cmd_ret_code(const struct vfio_ccw_private *p)
{
	return (int32_t)region_word(p->k, p->cmd_region + CMD_RET_CODE);
}

void cmd_set_ret_code(struct vfio_ccw_private *p, int32_t rc)
{
	put_word(p->k, p->cmd_region + CMD_RET_CODE, (uint32_t)rc);
}

#define NUM_REGIONS 1			/* VFIO_CCW_NUM_REGIONS: the I/O region */

static unsigned extra_regions(const struct kmodel *k)
{
	if (k->kernel < KMODEL_KV(5, 2))
		return 0;
	return k->kernel < KMODEL_KV(5, 8) ? 1 : 3;
}

static unsigned num_irqs(const struct kmodel *k)
{
	if (k->kernel < KMODEL_KV(5, 8))
		return 1;
	return k->kernel < KMODEL_KV(5, 11) ? 2 : 3;
}

/* ---- the I/O region ---- */

static int64_t read_io_region(struct vfio_ccw_private *p, uint8_t *buf,
			      uint64_t count, uint64_t pos)
{
	int64_t ret;

	if (!region_fits(pos, count, IO_REGION_SIZE))
		return -EINVAL;
	if (ERA(p) != KMODEL_E1)
		ks_mutex_lock(p->k->s, &p->io_mutex);
	if (!buf) {
		ret = -EFAULT;
	} else {
		memcpy(buf, p->io_region + pos, count);
		ret = (int64_t)count;
	}
	if (ERA(p) != KMODEL_E1)
		ks_mutex_unlock(p->k->s, &p->io_mutex);
	return ret;
}

static int64_t write_io_region(struct vfio_ccw_private *p, const uint8_t *buf,
			       uint64_t count, uint64_t pos)
{
	int64_t ret;
	int32_t rc;

	if (!region_fits(pos, count, IO_REGION_SIZE))
		return -EINVAL;
	if (ERA(p) == KMODEL_E1) {
		/* no lock yet: anything but IDLE is refused outright */
		ks_preempt(p->k->s, "state read");
		if (p->state != VFIO_CCW_STATE_IDLE)
			return -EACCES;
	} else if (!ks_mutex_trylock(p->k->s, &p->io_mutex)) {
		return -EAGAIN;
	}
	if (!buf) {
		ret = -EFAULT;
		goto out;
	}
	memcpy(p->io_region + pos, buf, count);	/* merges with what was there */
	vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_IO_REQ);
	rc = io_ret_code(p);
	/* ≤5.12: any error sends the state to IDLE, CP_PENDING too (§6.26) */
	if (BUG(p, IDLE_ON_ERROR) && rc) {
		vfio_ccw_state_write(p, VFIO_CCW_STATE_IDLE, "write error");
		ks_preempt(p->k->s, "state write");
	}
	ret = rc ? rc : (int64_t)count;
out:
	if (ERA(p) != KMODEL_E1)
		ks_mutex_unlock(p->k->s, &p->io_mutex);
	return ret;
}

int64_t vfio_ccw_mdev_read(struct vfio_ccw_private *p, uint8_t *buf,
			   uint64_t count, uint64_t pos)
{
	uint64_t index = pos >> VFIO_CCW_OFFSET_SHIFT;

	if (ERA(p) == KMODEL_E1)	/* the offset used raw */
		return read_io_region(p, buf, count, pos);
	if (index >= NUM_REGIONS + p->num_regions)
		return -EINVAL;
	pos &= VFIO_CCW_OFFSET_MASK;
	switch (index) {
	case 0:
		return read_io_region(p, buf, count, pos);
	case 1:
		return vfio_ccw_async_region_read(p, buf, count, pos);
	case 2:
		return vfio_ccw_schib_region_read(p, buf, count, pos);
	default:
		return vfio_ccw_crw_region_read(p, buf, count, pos);
	}
}

int64_t vfio_ccw_mdev_write(struct vfio_ccw_private *p, const uint8_t *buf,
			    uint64_t count, uint64_t pos)
{
	uint64_t index = pos >> VFIO_CCW_OFFSET_SHIFT;

	if (ERA(p) == KMODEL_E1)
		return write_io_region(p, buf, count, pos);
	if (index >= NUM_REGIONS + p->num_regions)
		return -EINVAL;
	pos &= VFIO_CCW_OFFSET_MASK;
	switch (index) {
	case 0:
		return write_io_region(p, buf, count, pos);
	case 1:
		return vfio_ccw_async_region_write(p, buf, count, pos);
	default:
		return -EINVAL;		/* SCHIB and CRW regions are read-only */
	}
}

/* ---- ioctls ---- */

static const struct {
	uint32_t size, flags, subtype;
} extra[] = {
	{ CMD_REGION_SIZE, VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE,
	  VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD },
	{ SCHIB_REGION_SIZE, VFIO_REGION_INFO_FLAG_READ,
	  VFIO_REGION_SUBTYPE_CCW_SCHIB },
	{ CRW_REGION_SIZE, VFIO_REGION_INFO_FLAG_READ,
	  VFIO_REGION_SUBTYPE_CCW_CRW },
};

static int64_t get_region_info(struct vfio_ccw_private *p,
			       struct vfio_region_info *info, uint8_t *arg)
{
	struct vfio_region_info_cap_type cap;
	unsigned i;

	if (info->index == VFIO_CCW_CONFIG_REGION_INDEX) {
		info->offset = 0;
		info->size = IO_REGION_SIZE;
		info->flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
		return 0;	/* cap_offset goes back as userspace wrote it */
	}
	if (ERA(p) == KMODEL_E1 || info->index >= NUM_REGIONS + p->num_regions)
		return -EINVAL;
	i = info->index - NUM_REGIONS;
	info->offset = (uint64_t)info->index << VFIO_CCW_OFFSET_SHIFT;
	info->size = extra[i].size;
	info->flags = extra[i].flags | VFIO_REGION_INFO_FLAG_CAPS;
	memset(&cap, 0, sizeof(cap));
	cap.header.id = VFIO_REGION_INFO_CAP_TYPE;
	cap.header.version = 1;
	cap.header.next = 0;
	cap.type = VFIO_REGION_TYPE_CCW;
	cap.subtype = extra[i].subtype;
	if (info->argsz < sizeof(*info) + sizeof(cap)) {
		info->argsz = sizeof(*info) + sizeof(cap);
		info->cap_offset = 0;
	} else {
		memcpy(arg + sizeof(*info), &cap, sizeof(cap));
		info->cap_offset = sizeof(*info);
	}
	return 0;
}

static int eventfd_ref(int fd)
{
	char link[64], target[64];
	ssize_t n;

	if (fcntl(fd, F_GETFD) < 0)
		return -EBADF;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0)
		return -EBADF;
	target[n] = 0;
	if (strcmp(target, "anon_inode:[eventfd]"))
		return -EINVAL;
	/* the kernel holds the eventfd context: closing the fd keeps it */
	fd = dup(fd);
	return fd < 0 ? -errno : fd;
}

static int64_t set_irqs(struct vfio_ccw_private *p, const struct vfio_irq_set *hdr,
			const uint8_t *data)
{
	int *ctx;
	int32_t fd;

	if (!(hdr->flags & VFIO_IRQ_SET_ACTION_TRIGGER))
		return -EINVAL;
	if (hdr->index >= VFIO_CCW_NUM_IRQS)
		return -EINVAL;
	ctx = &p->trigger[hdr->index];
	switch (hdr->flags & VFIO_IRQ_SET_DATA_TYPE_MASK) {
	case VFIO_IRQ_SET_DATA_NONE:
		if (*ctx >= 0)
			vfio_ccw_signal(p, *ctx);
		return 0;
	case VFIO_IRQ_SET_DATA_BOOL:
		if (data[0] && *ctx >= 0)
			vfio_ccw_signal(p, *ctx);
		return 0;
	case VFIO_IRQ_SET_DATA_EVENTFD:
		memcpy(&fd, data, sizeof(fd));	/* one element, whatever count says */
		if (fd == -1) {
			if (*ctx >= 0)
				close(*ctx);
			*ctx = -1;
		} else if (fd >= 0) {
			int ref = eventfd_ref(fd);

			if (ref < 0)
				return ref;
			if (*ctx >= 0)
				close(*ctx);
			*ctx = ref;
		} else {
			return -EINVAL;
		}
		return 0;
	default:
		return -EINVAL;
	}
}

/* vfio_set_irqs_validate_and_prepare(hdr, num_irqs 1, max 3). */
static int64_t validate_irq_set(const struct vfio_irq_set *hdr, unsigned max)
{
	const uint32_t minsz = 20;
	uint32_t size;

	if (hdr->argsz < minsz || hdr->index >= max ||
	    hdr->count >= UINT32_MAX - hdr->start ||
	    hdr->flags & ~(uint32_t)(VFIO_IRQ_SET_DATA_TYPE_MASK |
				     VFIO_IRQ_SET_ACTION_TYPE_MASK))
		return -EINVAL;
	if (hdr->start >= 1 || hdr->start + hdr->count > 1)
		return -EINVAL;
	switch (hdr->flags & VFIO_IRQ_SET_DATA_TYPE_MASK) {
	case VFIO_IRQ_SET_DATA_NONE: size = 0; break;
	case VFIO_IRQ_SET_DATA_BOOL: size = 1; break;
	case VFIO_IRQ_SET_DATA_EVENTFD: size = 4; break;
	default: return -EINVAL;
	}
	if (size && hdr->argsz - minsz < hdr->count * size)
		return -EINVAL;
	return 0;
}

int64_t vfio_ccw_mdev_ioctl(struct vfio_ccw_private *p, unsigned long cmd,
			    void *arg)
{
	uint8_t *a = arg;
	int64_t ret;

	switch (cmd) {
	case VFIO_DEVICE_GET_INFO: {
		struct vfio_device_info info;
		const uint32_t minsz = 16;	/* offsetofend(num_irqs) */

		if (!a)
			return -EFAULT;
		memcpy(&info, a, minsz);
		if (info.argsz < minsz)
			return -EINVAL;
		info.flags = VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET;
		info.num_regions = NUM_REGIONS + p->num_regions;
		info.num_irqs = num_irqs(p->k);
		memcpy(a, &info, minsz);
		return 0;
	}
	case VFIO_DEVICE_GET_REGION_INFO: {
		struct vfio_region_info info;
		const uint32_t minsz = 32;	/* offsetofend(offset) */

		if (!a)
			return -EFAULT;
		memcpy(&info, a, minsz);
		if (info.argsz < minsz)
			return -EINVAL;
		ret = get_region_info(p, &info, a);
		if (ret)
			return ret;
		memcpy(a, &info, minsz);
		return 0;
	}
	case VFIO_DEVICE_GET_IRQ_INFO: {
		struct vfio_irq_info info;
		const uint32_t minsz = 16;	/* offsetofend(count) */

		if (!a)
			return -EFAULT;
		memcpy(&info, a, minsz);
		if (info.argsz < minsz || info.index >= num_irqs(p->k))
			return -EINVAL;
		info.count = 1;
		info.flags = VFIO_IRQ_INFO_EVENTFD;
		memcpy(a, &info, minsz);
		return 0;
	}
	case VFIO_DEVICE_SET_IRQS: {
		struct vfio_irq_set hdr;

		if (!a)
			return -EFAULT;
		memcpy(&hdr, a, 20);
		ret = validate_irq_set(&hdr, num_irqs(p->k));
		if (ret)
			return ret;
		return set_irqs(p, &hdr, a + 20);
	}
	case VFIO_DEVICE_RESET:
		return vfio_ccw_mdev_reset(p);
	default:
		return -ENOTTY;
	}
}

/* ---- open, close, reset ---- */

int vfio_ccw_mdev_open_device(struct vfio_ccw_private *p)
{
	if (ERA(p) != KMODEL_E3) {
		/* E1/E2: the subchannel is enabled since probe; only the
		 * extra regions appear (E2) */
		p->num_regions = extra_regions(p->k);
		return 0;
	}
	if (p->state == VFIO_CCW_STATE_NOT_OPER)
		return -EINVAL;
	p->num_regions = extra_regions(p->k);
	vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_OPEN);
	if (p->state == VFIO_CCW_STATE_NOT_OPER) {
		p->num_regions = 0;
		return -EINVAL;
	}
	return 0;
}

/* E1/E2 reset: quiesce (which leaves NOT_OPER), enable again, IDLE. */
static int old_reset(struct vfio_ccw_private *p)
{
	struct subchannel *sch = p->sch;
	int ret;

	ks_spin_lock(p->k->s, &sch->lock);
	ret = vfio_ccw_sch_quiesce(sch);	/* leaves NOT_OPER */
	ks_spin_unlock(p->k->s, &sch->lock);
	if (ret)
		return ret;
	ks_spin_lock(p->k->s, &sch->lock);
	ret = cio_enable_subchannel(sch, (uint32_t)sch->addr);
	if (!ret)
		vfio_ccw_state_write(p, VFIO_CCW_STATE_IDLE, "reset");
	ks_spin_unlock(p->k->s, &sch->lock);
	return ret;
}

void vfio_ccw_mdev_close_device(struct vfio_ccw_private *p)
{
	if (ERA(p) == KMODEL_E3) {
		vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_CLOSE);
	} else if (!BUG(p, RELEASE_KEEPS_CP)) {
		/*
		 * 5.2: release resets a device in use and frees the program
		 * (§6.13); STANDBY after, NOT_OPER if the reset failed (§1.4).
		 */
		if (p->state != VFIO_CCW_STATE_NOT_OPER &&
		    p->state != VFIO_CCW_STATE_STANDBY && !old_reset(p))
			vfio_ccw_state_write(p, VFIO_CCW_STATE_STANDBY, "release");
		cp_free(p);
	}
	p->num_regions = 0;
}

/*
 * vfio_ccw_mdev_probe: the mdev on its subchannel (max_instances 1; the
 * caller checked that).  E1/E2 make the device usable at once.  A failing
 * registration (an injected fault) takes the error path of §6.28.
 */
int vfio_ccw_mdev_probe(struct vfio_ccw_private *p, const char *uuid,
			int register_fails)
{
	struct kmodel *k = p->k;

	if (p->state == VFIO_CCW_STATE_NOT_OPER)
		return -ENODEV;
	snprintf(p->uuid, sizeof(p->uuid), "%s", uuid);
	p->mdev = 1;
	p->removing = 0;
	p->group = k->next_group++;
	if (ERA(p) != KMODEL_E3)
		vfio_ccw_state_write(p, VFIO_CCW_STATE_IDLE, "mdev create");
	if (register_fails) {
		/* the error path: before 6.0 it left IDLE (§6.28) */
		if (ERA(p) != KMODEL_E3 && !BUG(p, PROBE_IDLE))
			vfio_ccw_state_write(p, VFIO_CCW_STATE_STANDBY, "probe error");
		p->mdev = 0;
		p->uuid[0] = 0;
		kmodel_trace(k, "vfio_ccw_mdev_create",
			     "%s on 0.%x.%04x: vfio_register_group_dev failed (injected)",
			     uuid, p->sch->ssid, p->sch->schno);
		return -ENOMEM;
	}
	kmodel_trace(k, "vfio_ccw_mdev_create", "%s on 0.%x.%04x group %d", uuid,
		     p->sch->ssid, p->sch->schno, p->group);
	return 0;
}

/*
 * E1/E2 mdev remove (§1.4): E1 resets (the subchannel stays enabled), E2
 * only quiesces (it ends disabled); either way STANDBY on success, the
 * state left as it was on failure.  5.2 also frees the program (§6.13).
 */
void vfio_ccw_mdev_remove_quiesce(struct vfio_ccw_private *p)
{
	int ret;

	if (ERA(p) == KMODEL_E1) {
		ret = old_reset(p);
	} else {
		ks_spin_lock(p->k->s, &p->sch->lock);
		ret = vfio_ccw_sch_quiesce(p->sch);
		ks_spin_unlock(p->k->s, &p->sch->lock);
	}
	if (!ret)
		vfio_ccw_state_write(p, VFIO_CCW_STATE_STANDBY, "remove");
	if (!BUG(p, RELEASE_KEEPS_CP))
		cp_free(p);
}

int vfio_ccw_mdev_reset(struct vfio_ccw_private *p)
{
	if (ERA(p) != KMODEL_E3)
		return old_reset(p);
	vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_CLOSE);
	vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_OPEN);
	return p->state == VFIO_CCW_STATE_NOT_OPER ? -EINVAL : 0;
}

/* The IOMMU notifier: pinned pages must go, so the device is reset. */
void vfio_ccw_dma_unmap(void *ctx, uint64_t iova, uint64_t len)
{
	struct kmodel *k = ctx;

	for (struct vfio_ccw_private *p = k->privs; p; p = p->next) {
		/* before 6.0 only the range's first page was looked at */
		uint64_t span = BUG(p, UNMAP_FIRST_PAGE) ? PAGE_SIZE : len;

		if (!p->open || !cp_iova_pinned(p, iova, span))
			continue;
		kmodel_trace(k, "vfio_ccw_dma_unmap", "0.%x.%04x iova=0x%llx",
			     p->sch->ssid, p->sch->schno, (unsigned long long)iova);
		/* E1/E2: a failed reset is NOTIFY_BAD, the program stays */
		if (!vfio_ccw_mdev_reset(p) && ERA(p) != KMODEL_E3)
			cp_free(p);
	}
}

/*
 * Removal: vfio_unregister_group_dev asks userspace to let go (the REQ
 * eventfd) and waits for the last close; then vfio_ccw_mdev_remove.  The
 * kernel asks again every 10 s; the model asks once, so a run can go idle
 * meanwhile.
 */
static void remove_task(void *arg)
{
	struct vfio_ccw_private *p = arg;

	if (p->open) {
		ks_reinit_completion(&p->released);
		if (p->trigger[VFIO_CCW_REQ_IRQ_INDEX] >= 0)
			vfio_ccw_signal(p, p->trigger[VFIO_CCW_REQ_IRQ_INDEX]);
		else
			kmodel_trace(p->k, "vfio_ccw_request",
				     "no REQ eventfd: blocked until released");
		while (p->open)
			ks_wait_for_completion(p->k->s, &p->released);
	}
	if (p->k->era == KMODEL_E3) {
		if (BUG(p, DOUBLE_CLOSE))
			vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_CLOSE);
	} else if (p->state != VFIO_CCW_STATE_NOT_OPER &&
		   p->state != VFIO_CCW_STATE_STANDBY) {
		vfio_ccw_mdev_remove_quiesce(p);
	}
	p->mdev = 0;
	p->removing = 0;
	kmodel_trace(p->k, "vfio_ccw_mdev_remove", "%s removed", p->uuid);
}

void vfio_ccw_unregister(struct vfio_ccw_private *p)
{
	if (!p->mdev || p->removing)
		return;
	p->removing = 1;
	ks_spawn(p->k->s, KS_CTX_EVENT, "mdev_remove", remove_task, p);
}
