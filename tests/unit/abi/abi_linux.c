// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The ABI table as the build machine's kernel headers define it.  Must
 * not include ccwsim's <ccwsim/vfio*.h>: abi_ours.c does that.  Built
 * only when CMake found <linux/vfio_ccw.h> (CCWSIM_ABI_HAVE_LINUX).
 */
#include <linux/vfio.h>
#include <linux/vfio_ccw.h>

#include "abi_items.h"

const struct abi_item abi_linux[ABI_NITEMS] = { ABI_TABLE };
