// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SCSW field positions (facts §1.5, the byte.mask column) and decoding of
 * known status words.
 */
#include <ccwsim/arch/scsw.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(scsw, key, 32)
FV_WRAP(scsw, sctl, 32)
FV_WRAP(scsw, eswf, 32)
FV_WRAP(scsw, cc, 32)
FV_WRAP(scsw, fmt, 32)
FV_WRAP(scsw, pfch, 32)
FV_WRAP(scsw, isic, 32)
FV_WRAP(scsw, alcc, 32)
FV_WRAP(scsw, ssi, 32)
FV_WRAP(scsw, zcc, 32)
FV_WRAP(scsw, ectl, 32)
FV_WRAP(scsw, pno, 32)
FV_WRAP(scsw, res16, 32)
FV_WRAP(scsw, fctl, 32)
FV_WRAP(scsw, actl, 32)
FV_WRAP(scsw, stctl, 32)
FV_WRAP(scsw, cpa, 32)
FV_WRAP(scsw, dstat, 32)
FV_WRAP(scsw, cstat, 32)
FV_WRAP(scsw, count, 32)

/* §1.5 word 0 byte.mask, word 1, word 2 bytes 8, 9, 10-11. */
static const struct fieldvec scsw_vec[] = {
	FV(scsw, key,    4, 0xf0),
	FV(scsw, sctl,   1, 0x08),
	FV(scsw, eswf,   1, 0x04),
	FV(scsw, cc,     2, 0x03),
	FV(scsw, fmt,    1, 0, 0x80),
	FV(scsw, pfch,   1, 0, 0x40),
	FV(scsw, isic,   1, 0, 0x20),
	FV(scsw, alcc,   1, 0, 0x10),
	FV(scsw, ssi,    1, 0, 0x08),
	FV(scsw, zcc,    1, 0, 0x04),
	FV(scsw, ectl,   1, 0, 0x02),
	FV(scsw, pno,    1, 0, 0x01),
	FV(scsw, res16,  1, 0, 0, 0x80),
	FV(scsw, fctl,   3, 0, 0, 0x70),
	FV(scsw, actl,   7, 0, 0, 0x0f, 0xe0),
	FV(scsw, stctl,  5, 0, 0, 0, 0x1f),
	FV(scsw, cpa,   32, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff),
	FV(scsw, dstat,  8, 0, 0, 0, 0, 0, 0, 0, 0, 0xff),
	FV(scsw, cstat,  8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff),
	FV(scsw, count, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff),
};

START_TEST(test_scsw_field_positions)
{
	check_fieldvec(&scsw_vec[_i], CCWA_SCSW_SIZE);
}
END_TEST

/*
 * Single bits inside fctl/actl/stctl land where the §1.5 table puts them
 * (bits 17-31, one by one).
 */
START_TEST(test_scsw_control_bits_match_table)
{
	static const struct {
		unsigned byte;
		uint8_t mask;
		uint32_t fctl, actl, stctl;
	} t[] = {
		{ 2, 0x40, CCWA_FCTL_START, 0, 0 },
		{ 2, 0x20, CCWA_FCTL_HALT, 0, 0 },
		{ 2, 0x10, CCWA_FCTL_CLEAR, 0, 0 },
		{ 2, 0x08, 0, CCWA_ACTL_RESUME_PEND, 0 },
		{ 2, 0x04, 0, CCWA_ACTL_START_PEND, 0 },
		{ 2, 0x02, 0, CCWA_ACTL_HALT_PEND, 0 },
		{ 2, 0x01, 0, CCWA_ACTL_CLEAR_PEND, 0 },
		{ 3, 0x80, 0, CCWA_ACTL_SCH_ACTIVE, 0 },
		{ 3, 0x40, 0, CCWA_ACTL_DEV_ACTIVE, 0 },
		{ 3, 0x20, 0, CCWA_ACTL_SUSPENDED, 0 },
		{ 3, 0x10, 0, 0, CCWA_STCTL_ALERT },
		{ 3, 0x08, 0, 0, CCWA_STCTL_INTERMEDIATE },
		{ 3, 0x04, 0, 0, CCWA_STCTL_PRIMARY },
		{ 3, 0x02, 0, 0, CCWA_STCTL_SECONDARY },
		{ 3, 0x01, 0, 0, CCWA_STCTL_PENDING },
	};

	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct ccwa_scsw s = { { 0 } };

		s.b[t[i].byte] = t[i].mask;
		ck_assert_uint_eq(ccwa_scsw_fctl(&s), t[i].fctl);
		ck_assert_uint_eq(ccwa_scsw_actl(&s), t[i].actl);
		ck_assert_uint_eq(ccwa_scsw_stctl(&s), t[i].stctl);
	}
}
END_TEST

/* Byte 8 and 9 constants: §1.5 word 2. */
START_TEST(test_scsw_status_constants)
{
	ck_assert_uint_eq(CCWA_DEV_STAT_ATTENTION, 0x80);
	ck_assert_uint_eq(CCWA_DEV_STAT_MOD, 0x40);
	ck_assert_uint_eq(CCWA_DEV_STAT_CU_END, 0x20);
	ck_assert_uint_eq(CCWA_DEV_STAT_BUSY, 0x10);
	ck_assert_uint_eq(CCWA_DEV_STAT_CHN_END, 0x08);
	ck_assert_uint_eq(CCWA_DEV_STAT_DEV_END, 0x04);
	ck_assert_uint_eq(CCWA_DEV_STAT_UNIT_CHECK, 0x02);
	ck_assert_uint_eq(CCWA_DEV_STAT_UNIT_EXCEP, 0x01);
	ck_assert_uint_eq(CCWA_SCH_STAT_PCI, 0x80);
	ck_assert_uint_eq(CCWA_SCH_STAT_INCORR_LEN, 0x40);
	ck_assert_uint_eq(CCWA_SCH_STAT_PROG_CHECK, 0x20);
	ck_assert_uint_eq(CCWA_SCH_STAT_PROT_CHECK, 0x10);
	ck_assert_uint_eq(CCWA_SCH_STAT_CHN_DATA_CHK, 0x08);
	ck_assert_uint_eq(CCWA_SCH_STAT_CHN_CTRL_CHK, 0x04);
	ck_assert_uint_eq(CCWA_SCH_STAT_INTF_CTRL_CHK, 0x02);
	ck_assert_uint_eq(CCWA_SCH_STAT_CHAIN_CHECK, 0x01);
}
END_TEST

/*
 * A format-1, prefetch start function ended with CE|DE, primary +
 * secondary status: 00c04007 00012348 0c000000.
 */
START_TEST(test_scsw_decodes_normal_ending)
{
	const struct ccwa_scsw s = { { 0x00, 0xc0, 0x40, 0x07,
				       0x00, 0x01, 0x23, 0x48,
				       0x0c, 0x00, 0x00, 0x00 } };

	ck_assert_uint_eq(ccwa_scsw_key(&s), 0);
	ck_assert_uint_eq(ccwa_scsw_fmt(&s), 1);
	ck_assert_uint_eq(ccwa_scsw_pfch(&s), 1);
	ck_assert_uint_eq(ccwa_scsw_fctl(&s), CCWA_FCTL_START);
	ck_assert_uint_eq(ccwa_scsw_actl(&s), 0);
	ck_assert_uint_eq(ccwa_scsw_stctl(&s), CCWA_STCTL_PRIMARY |
			  CCWA_STCTL_SECONDARY | CCWA_STCTL_PENDING);
	ck_assert_uint_eq(ccwa_scsw_cpa(&s), 0x00012348);
	ck_assert_uint_eq(ccwa_scsw_dstat(&s), CCWA_DEV_STAT_CHN_END |
			  CCWA_DEV_STAT_DEV_END);
	ck_assert_uint_eq(ccwa_scsw_cstat(&s), 0);
	ck_assert_uint_eq(ccwa_scsw_count(&s), 0);
}
END_TEST

/*
 * Key 6, deferred cc 1, start+halt functions with a halt pending while the
 * subchannel and device are active, status pending alone, incorrect
 * length, residual 0x0123: 61c062c1 7ffffff8 00400123.
 */
START_TEST(test_scsw_decodes_busy_word)
{
	const struct ccwa_scsw s = { { 0x61, 0xc0, 0x62, 0xc1,
				       0x7f, 0xff, 0xff, 0xf8,
				       0x00, 0x40, 0x01, 0x23 } };

	ck_assert_uint_eq(ccwa_scsw_key(&s), 6);
	ck_assert_uint_eq(ccwa_scsw_cc(&s), 1);
	ck_assert_uint_eq(ccwa_scsw_fctl(&s), CCWA_FCTL_START | CCWA_FCTL_HALT);
	ck_assert_uint_eq(ccwa_scsw_actl(&s), CCWA_ACTL_HALT_PEND |
			  CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE);
	ck_assert_uint_eq(ccwa_scsw_stctl(&s), CCWA_STCTL_PENDING);
	ck_assert_uint_eq(ccwa_scsw_cpa(&s), 0x7ffffff8);
	ck_assert_uint_eq(ccwa_scsw_cstat(&s), CCWA_SCH_STAT_INCORR_LEN);
	ck_assert_uint_eq(ccwa_scsw_count(&s), 0x0123);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_scsw");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_scsw_field_positions, 0,
			    sizeof(scsw_vec) / sizeof(scsw_vec[0]));
	tcase_add_test(tc, test_scsw_control_bits_match_table);
	tcase_add_test(tc, test_scsw_status_constants);
	tcase_add_test(tc, test_scsw_decodes_normal_ending);
	tcase_add_test(tc, test_scsw_decodes_busy_word);
	suite_add_tcase(s, tc);
	return s;
}
