// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * IDAW and MIDAW field positions (facts §1.4, the bit tables) and
 * decoding of known words.
 */
#include <ccwsim/arch/idaw.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(idaw1, res0, 32)
FV_WRAP(idaw1, addr, 32)
FV_WRAP(idaw2, addr, 64)
FV_WRAP(midaw, res0, 64)
FV_WRAP(midaw, last, 32)
FV_WRAP(midaw, skip, 32)
FV_WRAP(midaw, dtic, 32)
FV_WRAP(midaw, res43, 32)
FV_WRAP(midaw, count, 32)
FV_WRAP(midaw, addr, 64)

/* §1.4 format-1 IDAW: bit 0, bits 1-31. */
static const struct fieldvec idaw1_vec[] = {
	FV(idaw1, res0,  1, 0x80),
	FV(idaw1, addr, 31, 0x7f, 0xff, 0xff, 0xff),
};

/* §1.4 format-2 IDAW: bits 0-63. */
static const struct fieldvec idaw2_vec[] = {
	FV(idaw2, addr, 64, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
};

/* §1.4 MIDAW: bits 0-39, 40, 41, 42, 43-47, 48-63, 64-127. */
static const struct fieldvec midaw_vec[] = {
	FV(midaw, res0,  40, 0xff, 0xff, 0xff, 0xff, 0xff),
	FV(midaw, last,   1, [5] = 0x80),
	FV(midaw, skip,   1, [5] = 0x40),
	FV(midaw, dtic,   1, [5] = 0x20),
	FV(midaw, res43,  5, [5] = 0x1f),
	FV(midaw, count, 16, [6] = 0xff, 0xff),
	FV(midaw, addr,  64, [8] = 0xff, 0xff, 0xff, 0xff,
			     0xff, 0xff, 0xff, 0xff),
};

START_TEST(test_idaw1_field_positions)
{
	check_fieldvec(&idaw1_vec[_i], CCWA_IDAW1_SIZE);
}
END_TEST

START_TEST(test_idaw2_field_positions)
{
	check_fieldvec(&idaw2_vec[_i], CCWA_IDAW2_SIZE);
}
END_TEST

START_TEST(test_midaw_field_positions)
{
	check_fieldvec(&midaw_vec[_i], CCWA_MIDAW_SIZE);
}
END_TEST

/* §1.4: 2 KB blocks (format 1, or format 2 with T=1), 4 KB (format 2, T=0). */
START_TEST(test_idaw_sizes)
{
	ck_assert_uint_eq(CCWA_IDAW_BLOCK_2K, 2048);
	ck_assert_uint_eq(CCWA_IDAW_BLOCK_4K, 4096);
	ck_assert_uint_eq(sizeof(struct ccwa_idaw1), 4);
	ck_assert_uint_eq(sizeof(struct ccwa_idaw2), 8);
	ck_assert_uint_eq(sizeof(struct ccwa_midaw), 16);
}
END_TEST

/* §1.4: 00012800 is a valid format-1 IDAW; 80001000 has bit 0 set. */
START_TEST(test_idaw1_decodes_known_words)
{
	const struct ccwa_idaw1 ok = { { 0x00, 0x01, 0x28, 0x00 } };
	const struct ccwa_idaw1 bad = { { 0x80, 0x00, 0x10, 0x00 } };

	ck_assert_uint_eq(ccwa_idaw1_res0(&ok), 0);
	ck_assert_uint_eq(ccwa_idaw1_addr(&ok), 0x00012800);
	ck_assert_uint_eq(ccwa_idaw1_res0(&bad), 1);
	ck_assert_uint_eq(ccwa_idaw1_addr(&bad), 0x00001000);
}
END_TEST

/* §1.4: format-2 IDAW 00000001 23456000 is a 64-bit address. */
START_TEST(test_idaw2_decodes_known_word)
{
	const struct ccwa_idaw2 i = { { 0x00, 0x00, 0x00, 0x01,
					0x23, 0x45, 0x60, 0x00 } };

	ck_assert_uint_eq(ccwa_idaw2_addr(&i), UINT64_C(0x0000000123456000));
}
END_TEST

/*
 * §1.4: the last MIDAW of a CCW, 2048 bytes at 0x12345000:
 * 00000000 00800800 00000000 12345000.
 */
START_TEST(test_midaw_decodes_last)
{
	const struct ccwa_midaw m = { { 0x00, 0x00, 0x00, 0x00,
					0x00, 0x80, 0x08, 0x00,
					0x00, 0x00, 0x00, 0x00,
					0x12, 0x34, 0x50, 0x00 } };

	ck_assert_uint_eq(ccwa_midaw_res0(&m), 0);
	ck_assert_uint_eq(ccwa_midaw_last(&m), 1);
	ck_assert_uint_eq(ccwa_midaw_skip(&m), 0);
	ck_assert_uint_eq(ccwa_midaw_dtic(&m), 0);
	ck_assert_uint_eq(ccwa_midaw_res43(&m), 0);
	ck_assert_uint_eq(ccwa_midaw_count(&m), 2048);
	ck_assert_uint_eq(ccwa_midaw_addr(&m), UINT64_C(0x12345000));
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_idaw");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_idaw1_field_positions, 0,
			    sizeof(idaw1_vec) / sizeof(idaw1_vec[0]));
	tcase_add_loop_test(tc, test_idaw2_field_positions, 0,
			    sizeof(idaw2_vec) / sizeof(idaw2_vec[0]));
	tcase_add_loop_test(tc, test_midaw_field_positions, 0,
			    sizeof(midaw_vec) / sizeof(midaw_vec[0]));
	tcase_add_test(tc, test_idaw_sizes);
	tcase_add_test(tc, test_idaw1_decodes_known_words);
	tcase_add_test(tc, test_idaw2_decodes_known_word);
	tcase_add_test(tc, test_midaw_decodes_last);
	suite_add_tcase(s, tc);
	return s;
}
