// SPDX-License-Identifier: GPL-2.0-or-later
/* What a device model calls to reach its channel (ccwsim/sim/dev.h). */
#include <errno.h>

#include "css/css_int.h"

size_t sim_dev_put(struct sim_dev *dev, const void *buf, size_t n)
{
	if (!dev || !dev->sch || !buf)
		return 0;
	return chan_xfer(dev->sch, NULL, buf, n);
}

size_t sim_dev_get(struct sim_dev *dev, void *buf, size_t n)
{
	if (!dev || !dev->sch || !buf)
		return 0;
	return chan_xfer(dev->sch, buf, NULL, n);
}

size_t sim_dev_count_left(struct sim_dev *dev)
{
	return dev && dev->sch ? chan_count_left(dev->sch) : 0;
}

void sim_dev_end(struct sim_dev *dev, uint8_t dstat)
{
	if (dev && dev->sch)
		chan_dev_end(dev->sch, dstat);
}

void sim_dev_free(struct sim_dev *dev)
{
	if (dev && dev->sch)
		chan_dev_free(dev->sch);
}

int sim_dev_unsolicited(struct sim_dev *dev, uint8_t dstat)
{
	if (!dev || !dev->sch)
		return -ENODEV;
	return sch_unsolicited(dev->sch, dstat);
}
