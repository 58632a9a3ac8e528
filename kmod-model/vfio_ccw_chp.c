// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The SCHIB and CRW regions (vfio_ccw_chp.c).  A SCHIB read refreshes it
 * by STSCH.  A CRW read pops one queued CRW — before the mutex and with
 * no lock at all in 6.1 — whatever offset and length it asks for, and
 * signals the CRW eventfd again while more are queued.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/be.h>

#include "vfio_ccw_private.h"

int64_t vfio_ccw_schib_region_read(struct vfio_ccw_private *p, uint8_t *buf,
				   uint64_t count, uint64_t pos)
{
	int64_t ret;

	if (!region_fits(pos, count, SCHIB_REGION_SIZE))
		return -EINVAL;
	ks_mutex_lock(p->k->s, &p->io_mutex);
	if (cio_update_schib(p->sch)) {
		ret = -ENODEV;
		goto out;
	}
	memcpy(p->schib_region, &p->sch->schib, SCHIB_REGION_SIZE);
	if (!buf) {
		ret = -EFAULT;
		goto out;
	}
	memcpy(buf, p->schib_region + pos, count);
	ret = (int64_t)count;
out:
	ks_mutex_unlock(p->k->s, &p->io_mutex);
	return ret;
}

int64_t vfio_ccw_crw_region_read(struct vfio_ccw_private *p, uint8_t *buf,
				 uint64_t count, uint64_t pos)
{
	struct vfio_ccw_crw *c;
	int64_t ret;

	if (!region_fits(pos, count, CRW_REGION_SIZE))
		return -EINVAL;
	c = p->crw_head;
	if (c) {
		p->crw_head = c->next;
		if (!p->crw_head)
			p->crw_tail = NULL;
	}
	ks_preempt(p->k->s, "crw list");
	ks_mutex_lock(p->k->s, &p->io_mutex);
	if (c) {
		/* the profile decides the order userspace reads it in */
		ccwa_put_be32(p->crw_region, c->crw);
		kmodel_profile_crw(p->k->cfg.profile, p->crw_region);
	}
	if (buf) {
		memcpy(buf, p->crw_region + pos, count);
		ret = (int64_t)count;
	} else {
		ret = -EFAULT;		/* and the popped CRW is lost */
	}
	memset(p->crw_region, 0, 4);
	ks_mutex_unlock(p->k->s, &p->io_mutex);
	free(c);
	if (p->crw_head)
		vfio_ccw_signal(p, p->trigger[VFIO_CCW_CRW_IRQ_INDEX]);
	return ret;
}
