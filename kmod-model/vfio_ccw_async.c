// SPDX-License-Identifier: GPL-2.0-or-later
/* The async command region (vfio_ccw_async.c): HSCH and CSCH requests. */
#include <errno.h>
#include <string.h>

#include "vfio_ccw_private.h"

int64_t vfio_ccw_async_region_read(struct vfio_ccw_private *p, uint8_t *buf,
				   uint64_t count, uint64_t pos)
{
	int64_t ret;

	if (!region_fits(pos, count, CMD_REGION_SIZE))
		return -EINVAL;
	ks_mutex_lock(p->k->s, &p->io_mutex);
	if (buf) {
		memcpy(buf, p->cmd_region + pos, count);
		ret = (int64_t)count;
	} else {
		ret = -EFAULT;
	}
	ks_mutex_unlock(p->k->s, &p->io_mutex);
	return ret;
}

int64_t vfio_ccw_async_region_write(struct vfio_ccw_private *p,
				    const uint8_t *buf, uint64_t count,
				    uint64_t pos)
{
	int64_t ret;
	int32_t rc;

	if (!region_fits(pos, count, CMD_REGION_SIZE))
		return -EINVAL;
	if (!ks_mutex_trylock(p->k->s, &p->io_mutex))
		return -EAGAIN;
	if (!buf) {
		ret = -EFAULT;
	} else {
		memcpy(p->cmd_region + pos, buf, count);
		vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_ASYNC_REQ);
		rc = cmd_ret_code(p);
		ret = rc ? rc : (int64_t)count;
	}
	ks_mutex_unlock(p->k->s, &p->io_mutex);
	return ret;
}
