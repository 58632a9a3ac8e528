/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Block descriptions, private to the decoder (blocks.c defines them). */
#ifndef CCWSIM_UAPI_BLOCKS_H
#define CCWSIM_UAPI_BLOCKS_H

#include <ccwsim/arch/decode.h>

extern const struct ccwa_block_desc ccwa_desc_scsw;

#endif
