// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CRW field positions (facts §1.8, the mask column), the RSC and ERC
 * codes, and known channel reports.
 */
#include <ccwsim/arch/crw.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(crw, res0, 32)
FV_WRAP(crw, slct, 32)
FV_WRAP(crw, oflw, 32)
FV_WRAP(crw, chn, 32)
FV_WRAP(crw, rsc, 32)
FV_WRAP(crw, anc, 32)
FV_WRAP(crw, res9, 32)
FV_WRAP(crw, erc, 32)
FV_WRAP(crw, rsid, 32)

/* §1.8: 0x80000000 ... 0x0F000000, 0x00800000, 0x00400000, 0x003F0000, 0x0000FFFF. */
static const struct fieldvec crw_vec[] = {
	FV(crw, res0,  1, 0x80),
	FV(crw, slct,  1, 0x40),
	FV(crw, oflw,  1, 0x20),
	FV(crw, chn,   1, 0x10),
	FV(crw, rsc,   4, 0x0f),
	FV(crw, anc,   1, 0, 0x80),
	FV(crw, res9,  1, 0, 0x40),
	FV(crw, erc,   6, 0, 0x3f),
	FV(crw, rsid, 16, 0, 0, 0xff, 0xff),
};

START_TEST(test_crw_field_positions)
{
	check_fieldvec(&crw_vec[_i], CCWA_CRW_SIZE);
}
END_TEST

/* §1.8 RSC and ERC tables. */
START_TEST(test_crw_code_constants)
{
	ck_assert_uint_eq(CCWA_CRW_RSC_MONITOR, 0x2);
	ck_assert_uint_eq(CCWA_CRW_RSC_SCH, 0x3);
	ck_assert_uint_eq(CCWA_CRW_RSC_CHP, 0x4);
	ck_assert_uint_eq(CCWA_CRW_RSC_CONFIG, 0x9);
	ck_assert_uint_eq(CCWA_CRW_RSC_CSS, 0xb);
	ck_assert_uint_eq(CCWA_CRW_ERC_EVENT, 0x00);
	ck_assert_uint_eq(CCWA_CRW_ERC_AVAIL, 0x01);
	ck_assert_uint_eq(CCWA_CRW_ERC_INIT, 0x02);
	ck_assert_uint_eq(CCWA_CRW_ERC_TERROR, 0x03);
	ck_assert_uint_eq(CCWA_CRW_ERC_IPARM, 0x04);
	ck_assert_uint_eq(CCWA_CRW_ERC_TERM, 0x05);
	ck_assert_uint_eq(CCWA_CRW_ERC_PERRN, 0x06);
	ck_assert_uint_eq(CCWA_CRW_ERC_PERRI, 0x07);
	ck_assert_uint_eq(CCWA_CRW_ERC_PMOD, 0x08);
	ck_assert_uint_eq(CCWA_CRW_ERC_IPR, 0x0a);
}
END_TEST

/*
 * §1.8: 0x44000012 is a solicited channel-path report (RSC 4), ERC 0
 * (event information pending), CHPID 0x12 in bits 24-31.
 */
START_TEST(test_crw_decodes_channel_path)
{
	const struct ccwa_crw c = { { 0x44, 0x00, 0x00, 0x12 } };

	ck_assert_uint_eq(ccwa_crw_res0(&c), 0);
	ck_assert_uint_eq(ccwa_crw_slct(&c), 1);
	ck_assert_uint_eq(ccwa_crw_oflw(&c), 0);
	ck_assert_uint_eq(ccwa_crw_chn(&c), 0);
	ck_assert_uint_eq(ccwa_crw_rsc(&c), CCWA_CRW_RSC_CHP);
	ck_assert_uint_eq(ccwa_crw_anc(&c), 0);
	ck_assert_uint_eq(ccwa_crw_erc(&c), CCWA_CRW_ERC_EVENT);
	ck_assert_uint_eq(ccwa_crw_rsid(&c), 0x0012);
}
END_TEST

/*
 * §1.8: a chained subchannel report (C, RSC 3), ancillary, ERC 1
 * (available), subchannel 0x42: 13810042; its second CRW for CSSID 0xfe,
 * SSID 1 has RSID 0xfe10, SSID in CRW bits 26-27: 0301fe10.
 */
START_TEST(test_crw_decodes_chained_subchannel)
{
	const struct ccwa_crw c1 = { { 0x13, 0x81, 0x00, 0x42 } };
	const struct ccwa_crw c2 = { { 0x03, 0x01, 0xfe, 0x10 } };

	ck_assert_uint_eq(ccwa_crw_slct(&c1), 0);
	ck_assert_uint_eq(ccwa_crw_chn(&c1), 1);
	ck_assert_uint_eq(ccwa_crw_rsc(&c1), CCWA_CRW_RSC_SCH);
	ck_assert_uint_eq(ccwa_crw_anc(&c1), 1);
	ck_assert_uint_eq(ccwa_crw_res9(&c1), 0);
	ck_assert_uint_eq(ccwa_crw_erc(&c1), CCWA_CRW_ERC_AVAIL);
	ck_assert_uint_eq(ccwa_crw_rsid(&c1), 0x0042);

	ck_assert_uint_eq(ccwa_crw_chn(&c2), 0);
	ck_assert_uint_eq(ccwa_crw_rsc(&c2), CCWA_CRW_RSC_SCH);
	ck_assert_uint_eq(ccwa_crw_erc(&c2), CCWA_CRW_ERC_AVAIL);
	ck_assert_uint_eq(ccwa_crw_rsid(&c2) >> 8, 0xfe);
	ck_assert_uint_eq(ccwa_crw_rsid(&c2) >> 4 & 3, 1);
	ck_assert_uint_eq(ccwa_get_bits(c2.b, 26, 2), 1);
}
END_TEST

/* §1.8: overflow (R) with ERC 0x0A installed parameters restored: 2b0a0000. */
START_TEST(test_crw_decodes_overflow)
{
	const struct ccwa_crw c = { { 0x2b, 0x0a, 0x00, 0x00 } };

	ck_assert_uint_eq(ccwa_crw_oflw(&c), 1);
	ck_assert_uint_eq(ccwa_crw_rsc(&c), CCWA_CRW_RSC_CSS);
	ck_assert_uint_eq(ccwa_crw_erc(&c), CCWA_CRW_ERC_IPR);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_crw");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_crw_field_positions, 0,
			    sizeof(crw_vec) / sizeof(crw_vec[0]));
	tcase_add_test(tc, test_crw_code_constants);
	tcase_add_test(tc, test_crw_decodes_channel_path);
	tcase_add_test(tc, test_crw_decodes_chained_subchannel);
	tcase_add_test(tc, test_crw_decodes_overflow);
	suite_add_tcase(s, tc);
	return s;
}
