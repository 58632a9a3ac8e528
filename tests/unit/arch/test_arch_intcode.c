// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * I/O-interruption code field positions (facts §1.9: three words, the
 * identification-word bit table), the TPI operand form and the lowcore
 * addresses.
 */
#include <ccwsim/arch/intcode.h>
#include <ccwsim/arch/sid.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(intcode, schid, 32)
FV_WRAP(intcode, intparm, 32)
FV_WRAP(intcode, adapter, 32)
FV_WRAP(intcode, dir, 32)
FV_WRAP(intcode, isc, 32)
FV_WRAP(intcode, res69, 32)

/* §1.9: bytes 0-3 SID, 4-7 intparm, word 2 bits 0, 1, 2-4, 5-31. */
static const struct fieldvec intcode_vec[] = {
	FV(intcode, schid,   32, 0xff, 0xff, 0xff, 0xff),
	FV(intcode, intparm, 32, [4] = 0xff, 0xff, 0xff, 0xff),
	FV(intcode, adapter,  1, [8] = 0x80),
	FV(intcode, dir,      1, [8] = 0x40),
	FV(intcode, isc,      3, [8] = 0x38),
	FV(intcode, res69,   27, [8] = 0x07, 0xff, 0xff, 0xff),
};

START_TEST(test_intcode_field_positions)
{
	check_fieldvec(&intcode_vec[_i], CCWA_INTCODE_SIZE);
}
END_TEST

/* §1.9: lowcore real addresses. */
START_TEST(test_intcode_lowcore_constants)
{
	ck_assert_uint_eq(CCWA_LC_SUBCHANNEL_ID, 184);
	ck_assert_uint_eq(CCWA_LC_IO_INT_PARM, 188);
	ck_assert_uint_eq(CCWA_LC_IO_INT_WORD, 192);
	ck_assert_uint_eq(CCWA_LC_MCCK_CODE, 232);
	ck_assert_uint_eq(CCWA_LC_MCCK_OLD_PSW, 0x160);
	ck_assert_uint_eq(CCWA_LC_IO_OLD_PSW, 0x170);
	ck_assert_uint_eq(CCWA_LC_MCCK_NEW_PSW, 0x1e0);
	ck_assert_uint_eq(CCWA_LC_IO_NEW_PSW, 0x1f0);
	/* The three words are contiguous from 0xB8. */
	ck_assert_uint_eq(CCWA_LC_IO_INT_WORD + 4 - CCWA_LC_SUBCHANNEL_ID,
			  CCWA_INTCODE_SIZE);
}
END_TEST

/*
 * §1.9: TPI with an operand stores 8 bytes (SID, intparm), so both fields
 * lie in the first 8 bytes.
 */
START_TEST(test_intcode_tpi_operand_form)
{
	const struct ccwa_intcode ic = { { 0x00, 0x01, 0x00, 0x07,
					   0x00, 0x00, 0xbe, 0xef } };

	ck_assert_uint_eq(CCWA_TPI_OPERAND_SIZE, 8);
	ck_assert_uint_eq(ccwa_intcode_schid(&ic), 0x00010007);
	ck_assert_uint_eq(ccwa_intcode_intparm(&ic), 0x0000beef);
}
END_TEST

/*
 * §1.9, §1.1: subchannel 1 in set 0, intparm 0xcafe0001, ISC 3:
 * 00010001 cafe0001 18000000.
 */
START_TEST(test_intcode_decodes_io_interruption)
{
	const struct ccwa_intcode ic = { { 0x00, 0x01, 0x00, 0x01,
					   0xca, 0xfe, 0x00, 0x01,
					   0x18, 0x00, 0x00, 0x00 } };
	const struct ccwa_sid sid = ccwa_sid_make(0, 1);

	ck_assert_mem_eq(ic.b, sid.b, sizeof(sid.b));
	ck_assert_uint_eq(ccwa_intcode_schid(&ic), 0x00010001);
	ck_assert_uint_eq(ccwa_intcode_intparm(&ic), 0xcafe0001);
	ck_assert_uint_eq(ccwa_intcode_adapter(&ic), 0);
	ck_assert_uint_eq(ccwa_intcode_dir(&ic), 0);
	ck_assert_uint_eq(ccwa_intcode_isc(&ic), 3);
	ck_assert_uint_eq(ccwa_intcode_res69(&ic), 0);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_intcode");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_intcode_field_positions, 0,
			    sizeof(intcode_vec) / sizeof(intcode_vec[0]));
	tcase_add_test(tc, test_intcode_lowcore_constants);
	tcase_add_test(tc, test_intcode_tpi_operand_form);
	tcase_add_test(tc, test_intcode_decodes_io_interruption);
	suite_add_tcase(s, tc);
	return s;
}
