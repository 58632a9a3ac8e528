// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * PMCW and SCHIB field positions (facts §1.6: the PMCW word/bit/byte/mask
 * table and the SCHIB byte table) and a known STSCH image.
 */
#include <stddef.h>
#include <string.h>

#include <ccwsim/arch/schib.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(pmcw, intparm, 32)
FV_WRAP(pmcw, res32, 32)
FV_WRAP(pmcw, isc, 32)
FV_WRAP(pmcw, res37, 32)
FV_WRAP(pmcw, res38, 32)
FV_WRAP(pmcw, ena, 32)
FV_WRAP(pmcw, lm, 32)
FV_WRAP(pmcw, mme, 32)
FV_WRAP(pmcw, mp, 32)
FV_WRAP(pmcw, tf, 32)
FV_WRAP(pmcw, dnv, 32)
FV_WRAP(pmcw, dev, 32)
FV_WRAP(pmcw, lpm, 32)
FV_WRAP(pmcw, pnom, 32)
FV_WRAP(pmcw, lpum, 32)
FV_WRAP(pmcw, pim, 32)
FV_WRAP(pmcw, mbi, 32)
FV_WRAP(pmcw, pom, 32)
FV_WRAP(pmcw, pam, 32)
FV_WRAP(pmcw, chpid0, 32)
FV_WRAP(pmcw, chpid1, 32)
FV_WRAP(pmcw, chpid2, 32)
FV_WRAP(pmcw, chpid3, 32)
FV_WRAP(pmcw, chpid4, 32)
FV_WRAP(pmcw, chpid5, 32)
FV_WRAP(pmcw, chpid6, 32)
FV_WRAP(pmcw, chpid7, 32)
FV_WRAP(pmcw, res192, 32)
FV_WRAP(pmcw, st, 32)
FV_WRAP(pmcw, res203, 32)
FV_WRAP(pmcw, mbfc, 32)
FV_WRAP(pmcw, xmwme, 32)
FV_WRAP(pmcw, csense, 32)
FV_WRAP(schib, mba, 64)
FV_WRAP(schib, mda, 32)

/* §1.6 PMCW: word 1 masks at byte 4-7, words 2-3 bytes, word 6 masks. */
static const struct fieldvec pmcw_vec[] = {
	FV(pmcw, intparm, 32, 0xff, 0xff, 0xff, 0xff),
	FV(pmcw, res32,    2, [4] = 0xc0),
	FV(pmcw, isc,      3, [4] = 0x38),
	FV(pmcw, res37,    1, [4] = 0x04),
	FV(pmcw, res38,    2, [4] = 0x03),
	FV(pmcw, ena,      1, [5] = 0x80),
	FV(pmcw, lm,       2, [5] = 0x60),
	FV(pmcw, mme,      2, [5] = 0x18),
	FV(pmcw, mp,       1, [5] = 0x04),
	FV(pmcw, tf,       1, [5] = 0x02),
	FV(pmcw, dnv,      1, [5] = 0x01),
	FV(pmcw, dev,     16, [6] = 0xff, 0xff),
	FV(pmcw, lpm,      8, [8] = 0xff),
	FV(pmcw, pnom,     8, [9] = 0xff),
	FV(pmcw, lpum,     8, [10] = 0xff),
	FV(pmcw, pim,      8, [11] = 0xff),
	FV(pmcw, mbi,     16, [12] = 0xff, 0xff),
	FV(pmcw, pom,      8, [14] = 0xff),
	FV(pmcw, pam,      8, [15] = 0xff),
	FV(pmcw, chpid0,   8, [16] = 0xff),
	FV(pmcw, chpid1,   8, [17] = 0xff),
	FV(pmcw, chpid2,   8, [18] = 0xff),
	FV(pmcw, chpid3,   8, [19] = 0xff),
	FV(pmcw, chpid4,   8, [20] = 0xff),
	FV(pmcw, chpid5,   8, [21] = 0xff),
	FV(pmcw, chpid6,   8, [22] = 0xff),
	FV(pmcw, chpid7,   8, [23] = 0xff),
	FV(pmcw, res192,   8, [24] = 0xff),
	FV(pmcw, st,       3, [25] = 0xe0),
	FV(pmcw, res203,  18, [25] = 0x1f, 0xff, 0xf8),
	FV(pmcw, mbfc,     1, [27] = 0x04),
	FV(pmcw, xmwme,    1, [27] = 0x02),
	FV(pmcw, csense,   1, [27] = 0x01),
};

/* §1.6 SCHIB: bytes 40-47 MBA, 48-51 model-dependent. */
static const struct fieldvec schib_vec[] = {
	FV(schib, mba, 64, [40] = 0xff, 0xff, 0xff, 0xff,
			   0xff, 0xff, 0xff, 0xff),
	FV(schib, mda, 32, [48] = 0xff, 0xff, 0xff, 0xff),
};

START_TEST(test_pmcw_field_positions)
{
	check_fieldvec(&pmcw_vec[_i], CCWA_PMCW_SIZE);
}
END_TEST

START_TEST(test_schib_field_positions)
{
	check_fieldvec(&schib_vec[_i], CCWA_SCHIB_SIZE);
}
END_TEST

/* §1.6 SCHIB table: PMCW 0-27, SCSW 28-39, MBA 40-47, 48-51. */
START_TEST(test_schib_layout)
{
	ck_assert_uint_eq(sizeof(struct ccwa_pmcw), 28);
	ck_assert_uint_eq(sizeof(struct ccwa_schib), 52);
	ck_assert_uint_eq(offsetof(struct ccwa_schib, pmcw), 0);
	ck_assert_uint_eq(offsetof(struct ccwa_schib, scsw), 28);
	ck_assert_uint_eq(offsetof(struct ccwa_schib, mba), 40);
	ck_assert_uint_eq(offsetof(struct ccwa_schib, mda), 48);
}
END_TEST

/* §1.6: CHPID n is PMCW byte 16+n. */
START_TEST(test_pmcw_chpid_helpers)
{
	for (unsigned n = 0; n < 8; n++) {
		struct ccwa_pmcw p;

		memset(&p, 0, sizeof(p));
		ccwa_pmcw_set_chpid(&p, n, (uint8_t)(0x40 + n));
		for (unsigned i = 0; i < sizeof(p.b); i++)
			ck_assert_uint_eq(p.b[i], i == 16 + n ? 0x40 + n : 0);
		ck_assert_uint_eq(ccwa_pmcw_chpid(&p, n), 0x40 + n);
	}
}
END_TEST

/*
 * §1.6: LM 01 lower, MM bit 11 (update); ST 1 CHSC; word 1 byte 5 =
 * E|LM=01|MM bit 11 = 0xb0, byte 25 = 0x20.
 */
START_TEST(test_pmcw_codes)
{
	struct ccwa_pmcw p;

	memset(&p, 0, sizeof(p));
	p.b[5] = 0xb0;
	p.b[25] = 0x20;
	ck_assert_uint_eq(ccwa_pmcw_ena(&p), 1);
	ck_assert_uint_eq(ccwa_pmcw_lm(&p), CCWA_PMCW_LM_LOWER);
	ck_assert_uint_eq(ccwa_pmcw_mme(&p), CCWA_PMCW_MME_UPDATE);
	ck_assert_uint_eq(ccwa_pmcw_st(&p), CCWA_PMCW_ST_CHSC);

	p.b[5] = 0x48;		/* LM 10 upper, MM bit 12 (DCT) */
	ck_assert_uint_eq(ccwa_pmcw_ena(&p), 0);
	ck_assert_uint_eq(ccwa_pmcw_lm(&p), CCWA_PMCW_LM_UPPER);
	ck_assert_uint_eq(ccwa_pmcw_mme(&p), CCWA_PMCW_MME_DCT);
}
END_TEST

/*
 * §1.6: STSCH of an enabled I/O subchannel, ISC 3, device 0x0100 valid,
 * one path 0x80 on CHPID 0x12, all paths operational, MBA 0x10000:
 * 00000000 18810100 80008080 0000ff80 12000000 00000000 00000000,
 * SCSW zero, 00000000 00010000 00000000.
 */
START_TEST(test_schib_decodes_stsch_image)
{
	const uint8_t raw[CCWA_SCHIB_SIZE] = {
		0x00, 0x00, 0x00, 0x00, 0x18, 0x81, 0x01, 0x00,
		0x80, 0x00, 0x80, 0x80, 0x00, 0x00, 0xff, 0x80,
		0x12, 0, 0, 0, 0, 0, 0, 0,
		[44] = 0x00, 0x01, 0x00, 0x00,
	};
	struct ccwa_schib s;

	memcpy(&s, raw, sizeof(s));
	ck_assert_uint_eq(ccwa_pmcw_intparm(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_res32(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_isc(&s.pmcw), 3);
	ck_assert_uint_eq(ccwa_pmcw_res37(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_ena(&s.pmcw), 1);
	ck_assert_uint_eq(ccwa_pmcw_lm(&s.pmcw), CCWA_PMCW_LM_NONE);
	ck_assert_uint_eq(ccwa_pmcw_mme(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_dnv(&s.pmcw), 1);
	ck_assert_uint_eq(ccwa_pmcw_dev(&s.pmcw), 0x0100);
	ck_assert_uint_eq(ccwa_pmcw_lpm(&s.pmcw), 0x80);
	ck_assert_uint_eq(ccwa_pmcw_pnom(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_lpum(&s.pmcw), 0x80);
	ck_assert_uint_eq(ccwa_pmcw_pim(&s.pmcw), 0x80);
	ck_assert_uint_eq(ccwa_pmcw_mbi(&s.pmcw), 0);
	ck_assert_uint_eq(ccwa_pmcw_pom(&s.pmcw), 0xff);
	ck_assert_uint_eq(ccwa_pmcw_pam(&s.pmcw), 0x80);
	ck_assert_uint_eq(ccwa_pmcw_chpid0(&s.pmcw), 0x12);
	ck_assert_uint_eq(ccwa_pmcw_chpid(&s.pmcw, 0), 0x12);
	ck_assert_uint_eq(ccwa_pmcw_st(&s.pmcw), CCWA_PMCW_ST_IO);
	ck_assert_uint_eq(ccwa_scsw_stctl(&s.scsw), 0);
	ck_assert_uint_eq(ccwa_schib_mba(&s), UINT64_C(0x10000));
	ck_assert_uint_eq(ccwa_schib_mda(&s), 0);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_pmcw_schib");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_pmcw_field_positions, 0,
			    sizeof(pmcw_vec) / sizeof(pmcw_vec[0]));
	tcase_add_loop_test(tc, test_schib_field_positions, 0,
			    sizeof(schib_vec) / sizeof(schib_vec[0]));
	tcase_add_test(tc, test_schib_layout);
	tcase_add_test(tc, test_pmcw_chpid_helpers);
	tcase_add_test(tc, test_pmcw_codes);
	tcase_add_test(tc, test_schib_decodes_stsch_image);
	suite_add_tcase(s, tc);
	return s;
}
