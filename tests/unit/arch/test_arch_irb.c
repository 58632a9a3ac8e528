// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * IRB layout (facts §1.7: SCSW 0-11, ESW 12-31, ECW 32-63, EMW 64-95),
 * ECW and EMW word positions, and a known unit-check IRB.
 */
#include <stddef.h>
#include <string.h>

#include <ccwsim/arch/irb.h>
#include <ccwsim/arch/senseid.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(ecw, w0, 32)
FV_WRAP(ecw, w1, 32)
FV_WRAP(ecw, w2, 32)
FV_WRAP(ecw, w3, 32)
FV_WRAP(ecw, w4, 32)
FV_WRAP(ecw, w5, 32)
FV_WRAP(ecw, w6, 32)
FV_WRAP(ecw, w7, 32)
FV_WRAP(emw, dct, 32)
FV_WRAP(emw, fpt, 32)
FV_WRAP(emw, ddt, 32)
FV_WRAP(emw, cuqt, 32)
FV_WRAP(emw, daot, 32)
FV_WRAP(emw, dbt, 32)
FV_WRAP(emw, icrt, 32)
FV_WRAP(emw, res224, 32)

/* §1.7: the ECW is 8 words. */
static const struct fieldvec ecw_vec[] = {
	FV(ecw, w0, 32, [0] = 0xff, 0xff, 0xff, 0xff),
	FV(ecw, w1, 32, [4] = 0xff, 0xff, 0xff, 0xff),
	FV(ecw, w2, 32, [8] = 0xff, 0xff, 0xff, 0xff),
	FV(ecw, w3, 32, [12] = 0xff, 0xff, 0xff, 0xff),
	FV(ecw, w4, 32, [16] = 0xff, 0xff, 0xff, 0xff),
	FV(ecw, w5, 32, [20] = 0xff, 0xff, 0xff, 0xff),
	FV(ecw, w6, 32, [24] = 0xff, 0xff, 0xff, 0xff),
	FV(ecw, w7, 32, [28] = 0xff, 0xff, 0xff, 0xff),
};

/* §1.7 EMW table: words 0-7. */
static const struct fieldvec emw_vec[] = {
	FV(emw, dct,    32, [0] = 0xff, 0xff, 0xff, 0xff),
	FV(emw, fpt,    32, [4] = 0xff, 0xff, 0xff, 0xff),
	FV(emw, ddt,    32, [8] = 0xff, 0xff, 0xff, 0xff),
	FV(emw, cuqt,   32, [12] = 0xff, 0xff, 0xff, 0xff),
	FV(emw, daot,   32, [16] = 0xff, 0xff, 0xff, 0xff),
	FV(emw, dbt,    32, [20] = 0xff, 0xff, 0xff, 0xff),
	FV(emw, icrt,   32, [24] = 0xff, 0xff, 0xff, 0xff),
	FV(emw, res224, 32, [28] = 0xff, 0xff, 0xff, 0xff),
};

START_TEST(test_ecw_field_positions)
{
	check_fieldvec(&ecw_vec[_i], CCWA_ECW_SIZE);
}
END_TEST

START_TEST(test_emw_field_positions)
{
	check_fieldvec(&emw_vec[_i], CCWA_EMW_SIZE);
}
END_TEST

/* §1.7 IRB table: 64 bytes without an EMW, 96 with one. */
START_TEST(test_irb_layout)
{
	ck_assert_uint_eq(sizeof(struct ccwa_irb), 96);
	ck_assert_uint_eq(CCWA_IRB_SIZE, 96);
	ck_assert_uint_eq(CCWA_IRB_SIZE_NO_EMW, 64);
	ck_assert_uint_eq(offsetof(struct ccwa_irb, scsw), 0);
	ck_assert_uint_eq(offsetof(struct ccwa_irb, esw), 12);
	ck_assert_uint_eq(offsetof(struct ccwa_irb, ecw), 32);
	ck_assert_uint_eq(offsetof(struct ccwa_irb, emw), 64);
	ck_assert_uint_eq(sizeof(struct ccwa_scsw), 12);
	ck_assert_uint_eq(sizeof(struct ccwa_esw), 20);
	ck_assert_uint_eq(sizeof(struct ccwa_ecw), 32);
	ck_assert_uint_eq(sizeof(struct ccwa_emw), 32);
}
END_TEST

/*
 * §1.5, §1.7: a command reject with concurrent sense.  SCSW: F, E, start,
 * alert|primary|secondary|pending, CCW address 0x1008, CE|DE|UC
 * (00824017 00001008 0e000000).  ESW format 1: LPUM 0x80, ERW S=1 with
 * SCNT 24 (00800000 01180000, words 2-4 zero).  ECW: sense byte 0 =
 * command reject (80000000 ...).  EMW: connect time 0x10, function
 * pending 0x20, ICR time 3.
 */
START_TEST(test_irb_decodes_unit_check_with_sense)
{
	const uint8_t raw[CCWA_IRB_SIZE] = {
		0x00, 0x82, 0x40, 0x17, 0x00, 0x00, 0x10, 0x08,
		0x0e, 0x00, 0x00, 0x00,
		[12] = 0x00, 0x80, 0x00, 0x00, 0x01, 0x18, 0x00, 0x00,
		[32] = 0x80,
		[64] = 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x20,
		[88] = 0x00, 0x00, 0x00, 0x03,
	};
	struct ccwa_irb irb;
	const struct ccwa_erw *erw;

	memcpy(&irb, raw, sizeof(irb));
	erw = ccwa_esw_erw_const(&irb.esw);

	ck_assert_uint_eq(ccwa_scsw_eswf(&irb.scsw), 0);
	ck_assert_uint_eq(ccwa_scsw_ectl(&irb.scsw), 1);
	ck_assert_uint_eq(ccwa_scsw_cpa(&irb.scsw), 0x1008);
	ck_assert_uint_eq(ccwa_scsw_dstat(&irb.scsw), CCWA_DEV_STAT_CHN_END |
			  CCWA_DEV_STAT_DEV_END | CCWA_DEV_STAT_UNIT_CHECK);
	ck_assert_uint_eq(ccwa_esw_lpum(&irb.esw), 0x80);
	ck_assert_uint_eq(ccwa_erw_cons(erw), 1);
	ck_assert_uint_eq(ccwa_erw_scnt(erw), 24);
	ck_assert_uint_eq(irb.ecw.b[0], CCWA_SNS0_CMD_REJECT);
	ck_assert_uint_eq(ccwa_ecw_w0(&irb.ecw), 0x80000000);
	ck_assert_uint_eq(ccwa_ecw_w1(&irb.ecw), 0);
	ck_assert_uint_eq(ccwa_emw_dct(&irb.emw), 0x10);
	ck_assert_uint_eq(ccwa_emw_fpt(&irb.emw), 0x20);
	ck_assert_uint_eq(ccwa_emw_ddt(&irb.emw), 0);
	ck_assert_uint_eq(ccwa_emw_icrt(&irb.emw), 3);
	ck_assert_uint_eq(ccwa_emw_res224(&irb.emw), 0);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_irb");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_ecw_field_positions, 0,
			    sizeof(ecw_vec) / sizeof(ecw_vec[0]));
	tcase_add_loop_test(tc, test_emw_field_positions, 0,
			    sizeof(emw_vec) / sizeof(emw_vec[0]));
	tcase_add_test(tc, test_irb_layout);
	tcase_add_test(tc, test_irb_decodes_unit_check_with_sense);
	suite_add_tcase(s, tc);
	return s;
}
