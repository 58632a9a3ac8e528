// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ORB field positions (facts §1.2: word 0, the word-1 byte.mask column,
 * word 2, and the byte table of words 3-7) and decoding of known ORBs.
 */
#include <ccwsim/arch/orb.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(orb, intparm, 32)
FV_WRAP(orb, key, 32)
FV_WRAP(orb, spnd, 32)
FV_WRAP(orb, str, 32)
FV_WRAP(orb, mod, 32)
FV_WRAP(orb, sync, 32)
FV_WRAP(orb, fmt, 32)
FV_WRAP(orb, pfch, 32)
FV_WRAP(orb, isic, 32)
FV_WRAP(orb, alcc, 32)
FV_WRAP(orb, ssic, 32)
FV_WRAP(orb, tm, 32)
FV_WRAP(orb, c64, 32)
FV_WRAP(orb, i2k, 32)
FV_WRAP(orb, lpm, 32)
FV_WRAP(orb, ils, 32)
FV_WRAP(orb, midaw, 32)
FV_WRAP(orb, res58, 32)
FV_WRAP(orb, orbx, 32)
FV_WRAP(orb, cpa, 32)
FV_WRAP(orb, css_prio, 32)
FV_WRAP(orb, res104, 32)
FV_WRAP(orb, cu_prio, 32)
FV_WRAP(orb, res120, 32)
FV_WRAP(orb, res128, 32)
FV_WRAP(orb, res160, 32)
FV_WRAP(orb, res192, 32)
FV_WRAP(orb, res224, 32)

static const struct fieldvec orb_vec[] = {
	/* word 0, bytes 0-3 */
	FV(orb, intparm, 32, 0xff, 0xff, 0xff, 0xff),
	/* word 1: 4.F0 4.08 4.04 4.02 4.01 */
	FV(orb, key,      4, [4] = 0xf0),
	FV(orb, spnd,     1, [4] = 0x08),
	FV(orb, str,      1, [4] = 0x04),
	FV(orb, mod,      1, [4] = 0x02),
	FV(orb, sync,     1, [4] = 0x01),
	/* 5.80 ... 5.01 */
	FV(orb, fmt,      1, [5] = 0x80),
	FV(orb, pfch,     1, [5] = 0x40),
	FV(orb, isic,     1, [5] = 0x20),
	FV(orb, alcc,     1, [5] = 0x10),
	FV(orb, ssic,     1, [5] = 0x08),
	FV(orb, tm,       1, [5] = 0x04),
	FV(orb, c64,      1, [5] = 0x02),
	FV(orb, i2k,      1, [5] = 0x01),
	/* byte 6; 7.80 7.40 7.3E 7.01 */
	FV(orb, lpm,      8, [6] = 0xff),
	FV(orb, ils,      1, [7] = 0x80),
	FV(orb, midaw,    1, [7] = 0x40),
	FV(orb, res58,    5, [7] = 0x3e),
	FV(orb, orbx,     1, [7] = 0x01),
	/* word 2, bytes 8-11 */
	FV(orb, cpa,     32, [8] = 0xff, 0xff, 0xff, 0xff),
	/* bytes 12, 13, 14, 15, 16-31 */
	FV(orb, css_prio, 8, [12] = 0xff),
	FV(orb, res104,   8, [13] = 0xff),
	FV(orb, cu_prio,  8, [14] = 0xff),
	FV(orb, res120,   8, [15] = 0xff),
	FV(orb, res128,  32, [16] = 0xff, 0xff, 0xff, 0xff),
	FV(orb, res160,  32, [20] = 0xff, 0xff, 0xff, 0xff),
	FV(orb, res192,  32, [24] = 0xff, 0xff, 0xff, 0xff),
	FV(orb, res224,  32, [28] = 0xff, 0xff, 0xff, 0xff),
};

START_TEST(test_orb_field_positions)
{
	check_fieldvec(&orb_vec[_i], CCWA_ORB_EXT_SIZE);
}
END_TEST

/* §1.2: 3 words when X=0, 8 when X=1. */
START_TEST(test_orb_sizes)
{
	ck_assert_uint_eq(CCWA_ORB_SIZE, 12);
	ck_assert_uint_eq(CCWA_ORB_EXT_SIZE, 32);
	ck_assert_uint_eq(sizeof(struct ccwa_orb), 32);
}
END_TEST

/*
 * §1.2: the ORB a Linux guest typically builds: intparm 0x12345678,
 * format-1 CCWs, LPM 0xff, channel program at 0x1000:
 * 12345678 0080ff00 00001000.
 */
START_TEST(test_orb_decodes_format1_orb)
{
	const struct ccwa_orb o = { { 0x12, 0x34, 0x56, 0x78,
				      0x00, 0x80, 0xff, 0x00,
				      0x00, 0x00, 0x10, 0x00 } };

	ck_assert_uint_eq(ccwa_orb_intparm(&o), 0x12345678);
	ck_assert_uint_eq(ccwa_orb_key(&o), 0);
	ck_assert_uint_eq(ccwa_orb_spnd(&o), 0);
	ck_assert_uint_eq(ccwa_orb_fmt(&o), 1);
	ck_assert_uint_eq(ccwa_orb_pfch(&o), 0);
	ck_assert_uint_eq(ccwa_orb_tm(&o), 0);
	ck_assert_uint_eq(ccwa_orb_c64(&o), 0);
	ck_assert_uint_eq(ccwa_orb_lpm(&o), 0xff);
	ck_assert_uint_eq(ccwa_orb_ils(&o), 0);
	ck_assert_uint_eq(ccwa_orb_midaw(&o), 0);
	ck_assert_uint_eq(ccwa_orb_res58(&o), 0);
	ck_assert_uint_eq(ccwa_orb_orbx(&o), 0);
	ck_assert_uint_eq(ccwa_orb_cpa(&o), 0x00001000);
}
END_TEST

/*
 * §1.2: key 6, S, F, P, I, H, T, LPM 0x80, L, D, X, CSS priority 5,
 * CU priority 10: 00000001 68e380c1 7ffffff8 05000a00 00000000 x4.
 */
START_TEST(test_orb_decodes_extended_orb)
{
	const struct ccwa_orb o = { { 0x00, 0x00, 0x00, 0x01,
				      0x68, 0xe3, 0x80, 0xc1,
				      0x7f, 0xff, 0xff, 0xf8,
				      0x05, 0x00, 0x0a, 0x00 } };

	ck_assert_uint_eq(ccwa_orb_intparm(&o), 1);
	ck_assert_uint_eq(ccwa_orb_key(&o), 6);
	ck_assert_uint_eq(ccwa_orb_spnd(&o), 1);
	ck_assert_uint_eq(ccwa_orb_str(&o), 0);
	ck_assert_uint_eq(ccwa_orb_mod(&o), 0);
	ck_assert_uint_eq(ccwa_orb_sync(&o), 0);
	ck_assert_uint_eq(ccwa_orb_fmt(&o), 1);
	ck_assert_uint_eq(ccwa_orb_pfch(&o), 1);
	ck_assert_uint_eq(ccwa_orb_isic(&o), 1);
	ck_assert_uint_eq(ccwa_orb_alcc(&o), 0);
	ck_assert_uint_eq(ccwa_orb_ssic(&o), 0);
	ck_assert_uint_eq(ccwa_orb_tm(&o), 0);
	ck_assert_uint_eq(ccwa_orb_c64(&o), 1);
	ck_assert_uint_eq(ccwa_orb_i2k(&o), 1);
	ck_assert_uint_eq(ccwa_orb_lpm(&o), 0x80);
	ck_assert_uint_eq(ccwa_orb_ils(&o), 1);
	ck_assert_uint_eq(ccwa_orb_midaw(&o), 1);
	ck_assert_uint_eq(ccwa_orb_res58(&o), 0);
	ck_assert_uint_eq(ccwa_orb_orbx(&o), 1);
	ck_assert_uint_eq(ccwa_orb_cpa(&o), 0x7ffffff8);
	ck_assert_uint_eq(ccwa_orb_css_prio(&o), 5);
	ck_assert_uint_eq(ccwa_orb_res104(&o), 0);
	ck_assert_uint_eq(ccwa_orb_cu_prio(&o), 10);
	ck_assert_uint_eq(ccwa_orb_res120(&o), 0);
	ck_assert_uint_eq(ccwa_orb_res128(&o), 0);
}
END_TEST

/* §1.2: transport mode (B) is word 1 mask 0x00040000. */
START_TEST(test_orb_transport_mode_bit)
{
	const struct ccwa_orb o = { { 0, 0, 0, 0, 0x00, 0x04, 0x00, 0x00 } };

	ck_assert_uint_eq(ccwa_orb_tm(&o), 1);
	ck_assert_uint_eq(ccwa_orb_c64(&o), 0);
	ck_assert_uint_eq(ccwa_orb_ssic(&o), 0);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_orb");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_orb_field_positions, 0,
			    sizeof(orb_vec) / sizeof(orb_vec[0]));
	tcase_add_test(tc, test_orb_sizes);
	tcase_add_test(tc, test_orb_decodes_format1_orb);
	tcase_add_test(tc, test_orb_decodes_extended_orb);
	tcase_add_test(tc, test_orb_transport_mode_bit);
	suite_add_tcase(s, tc);
	return s;
}
