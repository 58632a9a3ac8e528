// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SID field positions (facts §1.1, the mask column) and the SID words
 * subchannel instructions use.
 */
#include <ccwsim/arch/sid.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(sid, cssid, 32)
FV_WRAP(sid, res8, 32)
FV_WRAP(sid, m, 32)
FV_WRAP(sid, ssid, 32)
FV_WRAP(sid, one, 32)
FV_WRAP(sid, schno, 32)

/* §1.1: masks 0xFF000000, 0x00F00000, 0x00080000, 0x00060000, 0x00010000, 0x0000FFFF. */
static const struct fieldvec sid_vec[] = {
	FV(sid, cssid,  8, 0xff),
	FV(sid, res8,   4, 0, 0xf0),
	FV(sid, m,      1, 0, 0x08),
	FV(sid, ssid,   2, 0, 0x06),
	FV(sid, one,    1, 0, 0x01),
	FV(sid, schno, 16, 0, 0, 0xff, 0xff),
};

START_TEST(test_sid_field_positions)
{
	check_fieldvec(&sid_vec[_i], CCWA_SID_SIZE);
}
END_TEST

/* §1.1: without MCSS-E and MSS the only valid pattern is 0x0001nnnn. */
START_TEST(test_sid_make_basic)
{
	const struct ccwa_sid s = ccwa_sid_make(0, 0x1234);
	const uint8_t want[] = { 0x00, 0x01, 0x12, 0x34 };

	ck_assert_mem_eq(s.b, want, sizeof(want));
}
END_TEST

/* §1.1: SSID in bits 13-14 (halfword 0 = 0x0001 | ssid << 1). */
START_TEST(test_sid_make_subchannel_set)
{
	const struct ccwa_sid s = ccwa_sid_make(3, 0xffff);
	const uint8_t want[] = { 0x00, 0x07, 0xff, 0xff };

	ck_assert_mem_eq(s.b, want, sizeof(want));
}
END_TEST

/*
 * §1.1: 0x0001000a is subchannel 0xa in set 0; 0x0000ffff (the
 * kvm-unit-tests operand-exception case) has the one bit clear.
 */
START_TEST(test_sid_decodes_known_words)
{
	const struct ccwa_sid ok = { { 0x00, 0x01, 0x00, 0x0a } };
	const struct ccwa_sid bad = { { 0x00, 0x00, 0xff, 0xff } };
	const struct ccwa_sid mcss = { { 0xfe, 0x0b, 0x00, 0x05 } };

	ck_assert_uint_eq(ccwa_sid_one(&ok), 1);
	ck_assert_uint_eq(ccwa_sid_schno(&ok), 0x000a);
	ck_assert_uint_eq(ccwa_sid_ssid(&ok), 0);
	ck_assert_uint_eq(ccwa_sid_m(&ok), 0);
	ck_assert_uint_eq(ccwa_sid_cssid(&ok), 0);
	ck_assert_uint_eq(ccwa_sid_res8(&ok), 0);

	ck_assert_uint_eq(ccwa_sid_one(&bad), 0);
	ck_assert_uint_eq(ccwa_sid_schno(&bad), 0xffff);

	/* CSSID 0xfe, M=1, SSID 1, one=1: 0xfe0b0005. */
	ck_assert_uint_eq(ccwa_sid_cssid(&mcss), 0xfe);
	ck_assert_uint_eq(ccwa_sid_m(&mcss), 1);
	ck_assert_uint_eq(ccwa_sid_ssid(&mcss), 1);
	ck_assert_uint_eq(ccwa_sid_one(&mcss), 1);
	ck_assert_uint_eq(ccwa_sid_schno(&mcss), 5);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_sid");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_sid_field_positions, 0,
			    sizeof(sid_vec) / sizeof(sid_vec[0]));
	tcase_add_test(tc, test_sid_make_basic);
	tcase_add_test(tc, test_sid_make_subchannel_set);
	tcase_add_test(tc, test_sid_decodes_known_words);
	suite_add_tcase(s, tc);
	return s;
}
