// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CCW field positions (facts §1.3, the byte/bit tables of both formats and
 * the flag byte), the command-code classes and the TIC rules.
 */
#include <ccwsim/arch/ccw.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(ccw0, cmd_code, 32)
FV_WRAP(ccw0, cda, 32)
FV_WRAP(ccw0, flags, 32)
FV_WRAP(ccw0, res40, 32)
FV_WRAP(ccw0, count, 32)
FV_WRAP(ccw1, cmd_code, 32)
FV_WRAP(ccw1, flags, 32)
FV_WRAP(ccw1, count, 32)
FV_WRAP(ccw1, cda, 32)

/* §1.3 format 0: byte 0, bytes 1-3, byte 4, byte 5, bytes 6-7. */
static const struct fieldvec ccw0_vec[] = {
	FV(ccw0, cmd_code,  8, 0xff),
	FV(ccw0, cda,      24, 0, 0xff, 0xff, 0xff),
	FV(ccw0, flags,     8, 0, 0, 0, 0, 0xff),
	FV(ccw0, res40,     8, 0, 0, 0, 0, 0, 0xff),
	FV(ccw0, count,    16, 0, 0, 0, 0, 0, 0, 0xff, 0xff),
};

/* §1.3 format 1: byte 0, byte 1, bytes 2-3, bytes 4-7. */
static const struct fieldvec ccw1_vec[] = {
	FV(ccw1, cmd_code,  8, 0xff),
	FV(ccw1, flags,     8, 0, 0xff),
	FV(ccw1, count,    16, 0, 0, 0xff, 0xff),
	FV(ccw1, cda,      32, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff),
};

START_TEST(test_ccw0_field_positions)
{
	check_fieldvec(&ccw0_vec[_i], CCWA_CCW_SIZE);
}
END_TEST

START_TEST(test_ccw1_field_positions)
{
	check_fieldvec(&ccw1_vec[_i], CCWA_CCW_SIZE);
}
END_TEST

/* §1.3 flag byte: masks 0x80 CD ... 0x01 MIDA, at byte 4 (fmt 0) / 1 (fmt 1). */
START_TEST(test_ccw_flag_constants)
{
	static const struct {
		unsigned flag;
		uint8_t mask;
	} t[] = {
		{ CCWA_CCW_FLAG_CD, 0x80 },
		{ CCWA_CCW_FLAG_CC, 0x40 },
		{ CCWA_CCW_FLAG_SLI, 0x20 },
		{ CCWA_CCW_FLAG_SKIP, 0x10 },
		{ CCWA_CCW_FLAG_PCI, 0x08 },
		{ CCWA_CCW_FLAG_IDA, 0x04 },
		{ CCWA_CCW_FLAG_SUSPEND, 0x02 },
		{ CCWA_CCW_FLAG_MIDA, 0x01 },
	};

	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct ccwa_ccw0 c0 = { { 0 } };
		struct ccwa_ccw1 c1 = { { 0 } };

		ck_assert_uint_eq(t[i].flag, t[i].mask);
		ccwa_ccw0_set_flags(&c0, t[i].flag);
		ccwa_ccw1_set_flags(&c1, t[i].flag);
		ck_assert_uint_eq(c0.b[4], t[i].mask);
		ck_assert_uint_eq(c1.b[1], t[i].mask);
	}
}
END_TEST

/* §1.3: common commands 0x03, 0x04, 0x08, 0xE4. */
START_TEST(test_ccw_command_constants)
{
	ck_assert_uint_eq(CCWA_CMD_NOP, 0x03);
	ck_assert_uint_eq(CCWA_CMD_SENSE, 0x04);
	ck_assert_uint_eq(CCWA_CMD_TIC, 0x08);
	ck_assert_uint_eq(CCWA_CMD_SENSE_ID, 0xe4);
}
END_TEST

/* §1.3 command-code classes, by low-order bits. */
START_TEST(test_ccw_command_classes)
{
	static const struct {
		uint8_t code;
		enum ccwa_cmd_class cls;
	} t[] = {
		{ 0x00, CCWA_CMD_INVALID },		/* xxxx 0000 */
		{ 0xf0, CCWA_CMD_INVALID },
		{ 0x01, CCWA_CMD_WRITE },		/* xxxx xx01 */
		{ 0x05, CCWA_CMD_WRITE },
		{ 0x09, CCWA_CMD_WRITE },
		{ 0x0d, CCWA_CMD_WRITE },
		{ 0x02, CCWA_CMD_READ },		/* xxxx xx10 */
		{ 0x06, CCWA_CMD_READ },
		{ 0x0a, CCWA_CMD_READ },
		{ 0x0e, CCWA_CMD_READ },
		{ 0x0c, CCWA_CMD_READ_BACKWARD },	/* xxxx 1100 */
		{ 0x8c, CCWA_CMD_READ_BACKWARD },
		{ 0x03, CCWA_CMD_CONTROL },		/* xxxx xx11, NOP */
		{ 0x07, CCWA_CMD_CONTROL },
		{ 0x0b, CCWA_CMD_CONTROL },
		{ 0x0f, CCWA_CMD_CONTROL },
		{ 0x04, CCWA_CMD_SENSE_CLASS },		/* xxxx 0100 */
		{ 0x14, CCWA_CMD_SENSE_CLASS },
		{ 0xe4, CCWA_CMD_SENSE_CLASS },		/* sense ID */
		{ 0x08, CCWA_CMD_TIC_CLASS },		/* xxxx 1000 */
		{ 0x18, CCWA_CMD_TIC_CLASS },
		{ 0xf8, CCWA_CMD_TIC_CLASS },
	};

	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ck_assert_msg(ccwa_cmd_class(t[i].code) == t[i].cls,
			      "code 0x%02x: class %d, want %d", t[i].code,
			      ccwa_cmd_class(t[i].code), t[i].cls);
}
END_TEST

/* §1.3: a format-1 TIC is exactly 0x08; x8 with a high nibble is invalid. */
START_TEST(test_ccw1_tic_rule)
{
	ck_assert_int_eq(ccwa_ccw1_is_tic(0x08), 1);
	ck_assert_int_eq(ccwa_ccw1_is_tic(0x18), 0);
	ck_assert_int_eq(ccwa_ccw1_is_tic(0x88), 0);
	ck_assert_int_eq(ccwa_ccw1_is_tic(0x00), 0);
	ck_assert_int_eq(ccwa_ccw1_is_tic(0x0c), 0);
}
END_TEST

/*
 * §1.3 format 1: sense ID with SLI, count 256, data at 0x2000:
 * e4200100 00002000.
 */
START_TEST(test_ccw1_decodes_sense_id)
{
	const struct ccwa_ccw1 c = { { 0xe4, 0x20, 0x01, 0x00,
				       0x00, 0x00, 0x20, 0x00 } };

	ck_assert_uint_eq(ccwa_ccw1_cmd_code(&c), CCWA_CMD_SENSE_ID);
	ck_assert_uint_eq(ccwa_ccw1_flags(&c), CCWA_CCW_FLAG_SLI);
	ck_assert_uint_eq(ccwa_ccw1_count(&c), 256);
	ck_assert_uint_eq(ccwa_ccw1_cda(&c), 0x00002000);
}
END_TEST

/*
 * §1.3 format 0: read (0x02), data at 0x012345, CC|SLI, ignored byte 0xaa,
 * count 0x50: 02012345 60aa0050.
 */
START_TEST(test_ccw0_decodes_read)
{
	const struct ccwa_ccw0 c = { { 0x02, 0x01, 0x23, 0x45,
				       0x60, 0xaa, 0x00, 0x50 } };

	ck_assert_uint_eq(ccwa_ccw0_cmd_code(&c), 0x02);
	ck_assert_uint_eq(ccwa_ccw0_cda(&c), 0x012345);
	ck_assert_uint_eq(ccwa_ccw0_flags(&c), CCWA_CCW_FLAG_CC |
			  CCWA_CCW_FLAG_SLI);
	ck_assert_uint_eq(ccwa_ccw0_res40(&c), 0xaa);
	ck_assert_uint_eq(ccwa_ccw0_count(&c), 0x50);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_ccw");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_ccw0_field_positions, 0,
			    sizeof(ccw0_vec) / sizeof(ccw0_vec[0]));
	tcase_add_loop_test(tc, test_ccw1_field_positions, 0,
			    sizeof(ccw1_vec) / sizeof(ccw1_vec[0]));
	tcase_add_test(tc, test_ccw_flag_constants);
	tcase_add_test(tc, test_ccw_command_constants);
	tcase_add_test(tc, test_ccw_command_classes);
	tcase_add_test(tc, test_ccw1_tic_rule);
	tcase_add_test(tc, test_ccw1_decodes_sense_id);
	tcase_add_test(tc, test_ccw0_decodes_read);
	suite_add_tcase(s, tc);
	return s;
}
