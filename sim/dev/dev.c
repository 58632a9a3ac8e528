// SPDX-License-Identifier: GPL-2.0-or-later
/* What a device model calls to reach its channel (ccwsim/sim/dev.h). */
#include <errno.h>

#include "css/css_int.h"

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
