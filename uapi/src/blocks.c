// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Field tables of every architected block, expanded from the X-macro lists
 * in the block headers, plus the names of flag bits and code values.
 */
#include <ccwsim/arch/scsw.h>

#include "blocks.h"

#define DESC(blk, title_, facts_)					\
	const struct ccwa_block_desc ccwa_desc_##blk = {		\
		.name = #blk, .title = title_, .facts = facts_,	\
		.size = sizeof(struct ccwa_##blk),			\
		.nfields = sizeof(blk##_fields) / sizeof(blk##_fields[0]), \
		.fields = blk##_fields,					\
	}

/* SCSW, §1.5 */
static const char *const ccwa_scsw_fctl_names[] = { "start", "halt", "clear" };
static const char *const ccwa_scsw_actl_names[] = {
	"resume-pending", "start-pending", "halt-pending", "clear-pending",
	"subchannel-active", "device-active", "suspended",
};
static const char *const ccwa_scsw_stctl_names[] = {
	"alert", "intermediate", "primary", "secondary", "pending",
};
static const char *const ccwa_dstat_names[] = {
	"ATTN", "SM", "CUE", "BUSY", "CE", "DE", "UC", "UE",
};
static const char *const ccwa_cstat_names[] = {
	"PCI", "IL", "PGM-CHK", "PROT-CHK", "CHN-DATA-CHK", "CHN-CTRL-CHK",
	"INTF-CTRL-CHK", "CHAIN-CHK",
};
static const struct ccwa_field scsw_fields[] = {
	CCWA_SCSW_FIELDS(CCWA_FIELD_DESC)
};
DESC(scsw, "subchannel-status word", "§1.5");
