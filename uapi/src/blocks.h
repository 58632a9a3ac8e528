/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Block descriptions, private to the decoder (blocks.c defines them). */
#ifndef CCWSIM_UAPI_BLOCKS_H
#define CCWSIM_UAPI_BLOCKS_H

#include <ccwsim/arch/decode.h>

extern const struct ccwa_block_desc ccwa_desc_scsw;
extern const struct ccwa_block_desc ccwa_desc_sid;
extern const struct ccwa_block_desc ccwa_desc_orb;
extern const struct ccwa_block_desc ccwa_desc_ccw0;
extern const struct ccwa_block_desc ccwa_desc_ccw1;
extern const struct ccwa_block_desc ccwa_desc_idaw1;
extern const struct ccwa_block_desc ccwa_desc_idaw2;
extern const struct ccwa_block_desc ccwa_desc_midaw;
extern const struct ccwa_block_desc ccwa_desc_erw;
extern const struct ccwa_block_desc ccwa_desc_sublog;
extern const struct ccwa_block_desc ccwa_desc_esw;
extern const struct ccwa_block_desc ccwa_desc_esw0;
extern const struct ccwa_block_desc ccwa_desc_ecw;
extern const struct ccwa_block_desc ccwa_desc_emw;
extern const struct ccwa_block_desc ccwa_desc_pmcw;
extern const struct ccwa_block_desc ccwa_desc_schib;
extern const struct ccwa_block_desc ccwa_desc_crw;
extern const struct ccwa_block_desc ccwa_desc_intcode;
extern const struct ccwa_block_desc ccwa_desc_senseid;
extern const struct ccwa_block_desc ccwa_desc_ciw;
extern const struct ccwa_block_desc ccwa_desc_cmb0;
extern const struct ccwa_block_desc ccwa_desc_cmb1;

#endif
