// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The ABI table as ccwsim's mirror headers define it.  Must not include
 * <linux/vfio.h> or <linux/vfio_ccw.h>: abi_linux.c does that.
 */
#include <ccwsim/vfio.h>
#include <ccwsim/vfio_ccw.h>

#include "abi_items.h"

const struct abi_item abi_ours[ABI_NITEMS] = { ABI_TABLE };
