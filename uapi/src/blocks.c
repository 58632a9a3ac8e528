// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Field tables of every architected block, expanded from the X-macro lists
 * in the block headers, plus the names of flag bits and code values.
 */
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/cmb.h>
#include <ccwsim/arch/crw.h>
#include <ccwsim/arch/esw.h>
#include <ccwsim/arch/idaw.h>
#include <ccwsim/arch/intcode.h>
#include <ccwsim/arch/irb.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/pmcw.h>
#include <ccwsim/arch/schib.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/arch/senseid.h>
#include <ccwsim/arch/sid.h>

#include "blocks.h"

/* A description named @name whose fields are @name_fields on struct @type. */
#define DESC_OF(name_, type, title_, facts_)				\
	const struct ccwa_block_desc ccwa_desc_##name_ = {		\
		.name = #name_, .title = title_, .facts = facts_,	\
		.size = sizeof(struct ccwa_##type),			\
		.nfields = sizeof(name_##_fields) / sizeof(name_##_fields[0]), \
		.fields = name_##_fields,				\
	}
#define DESC(blk, title_, facts_) DESC_OF(blk, blk, title_, facts_)

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

/* SID, §1.1 */
static const struct ccwa_field sid_fields[] = {
	CCWA_SID_FIELDS(CCWA_FIELD_DESC)
};
DESC(sid, "subsystem-identification word", "§1.1");

/* ORB, §1.2 */
static const struct ccwa_field orb_fields[] = {
	CCWA_ORB_FIELDS(CCWA_FIELD_DESC)
};
DESC(orb, "operation-request block", "§1.2");

/* CCWs, §1.3 */
static const char *const ccwa_ccw_flag_names[] = {
	"cd", "cc", "sli", "skip", "pci", "ida", "suspend", "mida",
};
static const struct ccwa_field ccw0_fields[] = {
	CCWA_CCW0_FIELDS(CCWA_FIELD_DESC)
};
DESC(ccw0, "format-0 channel-command word", "§1.3");
static const struct ccwa_field ccw1_fields[] = {
	CCWA_CCW1_FIELDS(CCWA_FIELD_DESC)
};
DESC(ccw1, "format-1 channel-command word", "§1.3");

/* IDAWs and MIDAWs, §1.4 */
static const struct ccwa_field idaw1_fields[] = {
	CCWA_IDAW1_FIELDS(CCWA_FIELD_DESC)
};
DESC(idaw1, "format-1 indirect data address word", "§1.4");
static const struct ccwa_field idaw2_fields[] = {
	CCWA_IDAW2_FIELDS(CCWA_FIELD_DESC)
};
DESC(idaw2, "format-2 indirect data address word", "§1.4");
static const struct ccwa_field midaw_fields[] = {
	CCWA_MIDAW_FIELDS(CCWA_FIELD_DESC)
};
DESC(midaw, "modified indirect data address word", "§1.4");

/* ESW, ERW, subchannel logout, §1.7 */
static const struct ccwa_field erw_fields[] = {
	CCWA_ERW_FIELDS(CCWA_FIELD_DESC)
};
DESC(erw, "extended-report word", "§1.7");
static const char *const ccwa_sublog_esf_names[] = {
	"key-check", "mb-prog-check", "mb-data-check", "mb-prot-check",
	"ccw-check", "idaw-check", "reserved",
};
static const char *const ccwa_sublog_fvf_names[] = {
	"lpum-valid", "termc-valid", "seqc-valid", "devsc-valid", "cpa-valid",
};
static const char *const ccwa_sublog_sacc_names[4] = {
	"unknown", "read", "write", "read-backward",
};
static const char *const ccwa_sublog_termc_names[4] = {
	"halt-signal", "normal", "clear-signal", NULL,
};
static const struct ccwa_field sublog_fields[] = {
	CCWA_SUBLOG_FIELDS(CCWA_FIELD_DESC)
};
DESC(sublog, "subchannel logout (format-0 ESW word 0)", "§1.7");
static const struct ccwa_field esw_fields[] = {
	CCWA_ESW_FIELDS(CCWA_FIELD_DESC)
};
DESC(esw, "extended-status word, formats 1-3", "§1.7");
static const struct ccwa_field esw0_fields[] = {
	CCWA_ESW0_FIELDS(CCWA_FIELD_DESC)
};
DESC_OF(esw0, esw, "extended-status word format 0, words 2-4", "§1.7");

/* ECW and EMW, §1.7 */
static const struct ccwa_field ecw_fields[] = {
	CCWA_ECW_FIELDS(CCWA_FIELD_DESC)
};
DESC(ecw, "extended-control word", "§1.7");
static const struct ccwa_field emw_fields[] = {
	CCWA_EMW_FIELDS(CCWA_FIELD_DESC)
};
DESC(emw, "extended-measurement word", "§1.7");

/* PMCW and SCHIB, §1.6 */
static const char *const ccwa_pmcw_lm_names[4] = {
	"none", "lower", "upper", NULL,
};
static const char *const ccwa_pmcw_mme_names[] = { "update", "dct" };
static const char *const ccwa_pmcw_st_names[8] = {
	"io", "chsc", "message", "adm",
};
static const struct ccwa_field pmcw_fields[] = {
	CCWA_PMCW_FIELDS(CCWA_FIELD_DESC)
};
DESC(pmcw, "path-management-control word", "§1.6");
static const struct ccwa_field schib_fields[] = {
	CCWA_SCHIB_FIELDS(CCWA_FIELD_DESC)
};
DESC(schib, "subchannel-information block, bytes 40-51", "§1.6");

/* CRW, §1.8 */
static const char *const ccwa_crw_rsc_names[16] = {
	[CCWA_CRW_RSC_MONITOR] = "monitor",
	[CCWA_CRW_RSC_SCH] = "subchannel",
	[CCWA_CRW_RSC_CHP] = "channel-path",
	[CCWA_CRW_RSC_CONFIG] = "config-alert",
	[CCWA_CRW_RSC_CSS] = "css",
};
static const char *const ccwa_crw_erc_names[64] = {
	[CCWA_CRW_ERC_EVENT] = "event-information-pending",
	[CCWA_CRW_ERC_AVAIL] = "available",
	[CCWA_CRW_ERC_INIT] = "initialized",
	[CCWA_CRW_ERC_TERROR] = "temporary-error",
	[CCWA_CRW_ERC_IPARM] = "installed-parameters-initialized",
	[CCWA_CRW_ERC_TERM] = "terminal",
	[CCWA_CRW_ERC_PERRN] = "permanent-error-not-initialized",
	[CCWA_CRW_ERC_PERRI] = "permanent-error-initialized",
	[CCWA_CRW_ERC_PMOD] = "installed-parameters-modified",
	[CCWA_CRW_ERC_IPR] = "installed-parameters-restored",
};
static const struct ccwa_field crw_fields[] = {
	CCWA_CRW_FIELDS(CCWA_FIELD_DESC)
};
DESC(crw, "channel-report word", "§1.8");

/* I/O-interruption code, §1.9 */
static const struct ccwa_field intcode_fields[] = {
	CCWA_INTCODE_FIELDS(CCWA_FIELD_DESC)
};
DESC(intcode, "I/O-interruption code", "§1.9");

/* Sense-ID data and CIWs, §1.11 */
static const struct ccwa_field senseid_fields[] = {
	CCWA_SENSEID_FIELDS(CCWA_FIELD_DESC)
};
DESC(senseid, "sense-ID data, fixed part", "§1.11");
static const char *const ccwa_ciw_et_names[4] = { NULL, "ciw", NULL, NULL };
static const char *const ccwa_ciw_ct_names[16] = {
	[CCWA_CIW_TYPE_RCD] = "rcd",
	[CCWA_CIW_TYPE_SII] = "sii",
	[CCWA_CIW_TYPE_RNI] = "rni",
};
static const struct ccwa_field ciw_fields[] = {
	CCWA_CIW_FIELDS(CCWA_FIELD_DESC)
};
DESC(ciw, "command-information word", "§1.11");

/* Measurement blocks, §5.3 and §5.4 */
static const struct ccwa_field cmb0_fields[] = {
	CCWA_CMB0_FIELDS(CCWA_FIELD_DESC)
};
DESC(cmb0, "format-0 channel-measurement block", "§5.3");
static const struct ccwa_field cmb1_fields[] = {
	CCWA_CMB1_FIELDS(CCWA_FIELD_DESC)
};
DESC(cmb1, "format-1 channel-measurement block", "§5.4");
