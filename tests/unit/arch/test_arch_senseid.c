// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Sense-ID and CIW field positions (facts §1.11, the byte and bit
 * tables), CIW codes and basic-sense byte 0.
 */
#include <ccwsim/arch/senseid.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(senseid, reserved, 32)
FV_WRAP(senseid, cu_type, 32)
FV_WRAP(senseid, cu_model, 32)
FV_WRAP(senseid, dev_type, 32)
FV_WRAP(senseid, dev_model, 32)
FV_WRAP(senseid, unused, 32)
FV_WRAP(ciw, et, 32)
FV_WRAP(ciw, res2, 32)
FV_WRAP(ciw, ct, 32)
FV_WRAP(ciw, cmd, 32)
FV_WRAP(ciw, count, 32)

/* §1.11: bytes 0, 1-2, 3, 4-5, 6, 7. */
static const struct fieldvec senseid_vec[] = {
	FV(senseid, reserved,   8, 0xff),
	FV(senseid, cu_type,   16, 0, 0xff, 0xff),
	FV(senseid, cu_model,   8, 0, 0, 0, 0xff),
	FV(senseid, dev_type,  16, 0, 0, 0, 0, 0xff, 0xff),
	FV(senseid, dev_model,  8, 0, 0, 0, 0, 0, 0, 0xff),
	FV(senseid, unused,     8, 0, 0, 0, 0, 0, 0, 0, 0xff),
};

/* §1.11 CIW: bits 0-1, 2-3, 4-7, 8-15, 16-31. */
static const struct fieldvec ciw_vec[] = {
	FV(ciw, et,     2, 0xc0),
	FV(ciw, res2,   2, 0x30),
	FV(ciw, ct,     4, 0x0f),
	FV(ciw, cmd,    8, 0, 0xff),
	FV(ciw, count, 16, 0, 0, 0xff, 0xff),
};

START_TEST(test_senseid_field_positions)
{
	check_fieldvec(&senseid_vec[_i], CCWA_SENSEID_SIZE);
}
END_TEST

START_TEST(test_ciw_field_positions)
{
	check_fieldvec(&ciw_vec[_i], CCWA_CIW_SIZE);
}
END_TEST

/* §1.11: up to 256 bytes; command types 0-2; first CIW byte 0x40 | type. */
START_TEST(test_ciw_constants)
{
	ck_assert_uint_eq(CCWA_SENSEID_MAX, 256);
	ck_assert_uint_eq(CCWA_CIW_TYPE_RCD, 0);
	ck_assert_uint_eq(CCWA_CIW_TYPE_SII, 1);
	ck_assert_uint_eq(CCWA_CIW_TYPE_RNI, 2);
	for (uint8_t t = 0; t < 3; t++) {
		const struct ccwa_ciw c = { { (uint8_t)(0x40 | t), 0, 0, 0 } };

		ck_assert_uint_eq(ccwa_ciw_et(&c), CCWA_CIW_ET_CIW);
		ck_assert_uint_eq(ccwa_ciw_res2(&c), 0);
		ck_assert_uint_eq(ccwa_ciw_ct(&c), t);
	}
}
END_TEST

/* §1.11 basic sense byte 0, bits 0-5. */
START_TEST(test_sense_byte0_constants)
{
	ck_assert_uint_eq(CCWA_SNS0_CMD_REJECT, 0x80);
	ck_assert_uint_eq(CCWA_SNS0_INTERVENTION_REQ, 0x40);
	ck_assert_uint_eq(CCWA_SNS0_BUS_OUT_CHECK, 0x20);
	ck_assert_uint_eq(CCWA_SNS0_EQUIPMENT_CHECK, 0x10);
	ck_assert_uint_eq(CCWA_SNS0_DATA_CHECK, 0x08);
	ck_assert_uint_eq(CCWA_SNS0_OVERRUN, 0x04);
}
END_TEST

/* §1.11: a 3990-E9 control unit with a 3390-0C device: ff3990e9 33900c00. */
START_TEST(test_senseid_decodes_dasd)
{
	const struct ccwa_senseid s = { { 0xff, 0x39, 0x90, 0xe9,
					  0x33, 0x90, 0x0c, 0x00 } };

	ck_assert_uint_eq(ccwa_senseid_reserved(&s), CCWA_SENSEID_BYTE0);
	ck_assert_uint_eq(ccwa_senseid_cu_type(&s), 0x3990);
	ck_assert_uint_eq(ccwa_senseid_cu_model(&s), 0xe9);
	ck_assert_uint_eq(ccwa_senseid_dev_type(&s), 0x3390);
	ck_assert_uint_eq(ccwa_senseid_dev_model(&s), 0x0c);
	ck_assert_uint_eq(ccwa_senseid_unused(&s), 0);
}
END_TEST

/*
 * §1.11: RCD CIW with command 0xfa, count 128 (40fa0080); an RNI CIW with
 * command 0x82, count 256 (42820100).
 */
START_TEST(test_ciw_decodes_known_words)
{
	const struct ccwa_ciw rcd = { { 0x40, 0xfa, 0x00, 0x80 } };
	const struct ccwa_ciw rni = { { 0x42, 0x82, 0x01, 0x00 } };

	ck_assert_uint_eq(ccwa_ciw_et(&rcd), CCWA_CIW_ET_CIW);
	ck_assert_uint_eq(ccwa_ciw_ct(&rcd), CCWA_CIW_TYPE_RCD);
	ck_assert_uint_eq(ccwa_ciw_cmd(&rcd), 0xfa);
	ck_assert_uint_eq(ccwa_ciw_count(&rcd), 128);
	ck_assert_uint_eq(ccwa_ciw_et(&rni), CCWA_CIW_ET_CIW);
	ck_assert_uint_eq(ccwa_ciw_ct(&rni), CCWA_CIW_TYPE_RNI);
	ck_assert_uint_eq(ccwa_ciw_cmd(&rni), 0x82);
	ck_assert_uint_eq(ccwa_ciw_count(&rni), 256);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_senseid");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_senseid_field_positions, 0,
			    sizeof(senseid_vec) / sizeof(senseid_vec[0]));
	tcase_add_loop_test(tc, test_ciw_field_positions, 0,
			    sizeof(ciw_vec) / sizeof(ciw_vec[0]));
	tcase_add_test(tc, test_ciw_constants);
	tcase_add_test(tc, test_sense_byte0_constants);
	tcase_add_test(tc, test_senseid_decodes_dasd);
	tcase_add_test(tc, test_ciw_decodes_known_words);
	suite_add_tcase(s, tc);
	return s;
}
