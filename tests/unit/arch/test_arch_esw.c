// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ESW, ERW and subchannel-logout field positions (facts §1.7: the ESW
 * format tables, the logout bit table, the ERW mask column) and decoding
 * of known status.
 */
#include <ccwsim/arch/esw.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(erw, res0, 32)
FV_WRAP(erw, log, 32)
FV_WRAP(erw, eslp, 32)
FV_WRAP(erw, auth, 32)
FV_WRAP(erw, pvrf, 32)
FV_WRAP(erw, cpt, 32)
FV_WRAP(erw, fsavf, 32)
FV_WRAP(erw, cons, 32)
FV_WRAP(erw, scavf, 32)
FV_WRAP(erw, fsaf, 32)
FV_WRAP(erw, scnt, 32)
FV_WRAP(erw, res16, 32)
FV_WRAP(sublog, res0, 32)
FV_WRAP(sublog, esf, 32)
FV_WRAP(sublog, lpum, 32)
FV_WRAP(sublog, arep, 32)
FV_WRAP(sublog, fvf, 32)
FV_WRAP(sublog, sacc, 32)
FV_WRAP(sublog, termc, 32)
FV_WRAP(sublog, devsc, 32)
FV_WRAP(sublog, serr, 32)
FV_WRAP(sublog, ioerr, 32)
FV_WRAP(sublog, seqc, 32)
FV_WRAP(esw, res0, 32)
FV_WRAP(esw, lpum, 32)
FV_WRAP(esw, dcti, 32)
FV_WRAP(esw, res64, 32)
FV_WRAP(esw, res96, 32)
FV_WRAP(esw, res128, 32)
FV_WRAP(esw, faddr, 64)
FV_WRAP(esw, saddr, 32)

/* §1.7 ERW masks 0x80000000 ... 0x00800000, 0x00400000, 0x003F0000, bits 16-31. */
static const struct fieldvec erw_vec[] = {
	FV(erw, res0,   1, 0x80),
	FV(erw, log,    1, 0x40),
	FV(erw, eslp,   1, 0x20),
	FV(erw, auth,   1, 0x10),
	FV(erw, pvrf,   1, 0x08),
	FV(erw, cpt,    1, 0x04),
	FV(erw, fsavf,  1, 0x02),
	FV(erw, cons,   1, 0x01),
	FV(erw, scavf,  1, 0, 0x80),
	FV(erw, fsaf,   1, 0, 0x40),
	FV(erw, scnt,   6, 0, 0x3f),
	FV(erw, res16, 16, 0, 0, 0xff, 0xff),
};

/*
 * §1.7 logout bits: 0 | 1-7 | 8-15 | 16 | 17-21 | 22-23 | 24-25 | 26 | 27 |
 * 28 | 29-31.
 */
static const struct fieldvec sublog_vec[] = {
	FV(sublog, res0,  1, 0x80),
	FV(sublog, esf,   7, 0x7f),
	FV(sublog, lpum,  8, 0, 0xff),
	FV(sublog, arep,  1, 0, 0, 0x80),
	FV(sublog, fvf,   5, 0, 0, 0x7c),
	FV(sublog, sacc,  2, 0, 0, 0x03),
	FV(sublog, termc, 2, 0, 0, 0, 0xc0),
	FV(sublog, devsc, 1, 0, 0, 0, 0x20),
	FV(sublog, serr,  1, 0, 0, 0, 0x10),
	FV(sublog, ioerr, 1, 0, 0, 0, 0x08),
	FV(sublog, seqc,  3, 0, 0, 0, 0x07),
};

/*
 * §1.7 formats 1-3: word 0 byte 0, byte 1, bytes 2-3; words 2, 3, 4.
 * Format 0: words 2-3 (failing-storage address), word 4 (secondary CCW).
 */
static const struct fieldvec esw_vec[] = {
	FV(esw, res0,    8, 0xff),
	FV(esw, lpum,    8, 0, 0xff),
	FV(esw, dcti,   16, 0, 0, 0xff, 0xff),
	FV(esw, res64,  32, [8] = 0xff, 0xff, 0xff, 0xff),
	FV(esw, res96,  32, [12] = 0xff, 0xff, 0xff, 0xff),
	FV(esw, res128, 32, [16] = 0xff, 0xff, 0xff, 0xff),
	FV(esw, faddr,  64, [8] = 0xff, 0xff, 0xff, 0xff,
			    0xff, 0xff, 0xff, 0xff),
	FV(esw, saddr,  32, [16] = 0xff, 0xff, 0xff, 0xff),
};

START_TEST(test_erw_field_positions)
{
	check_fieldvec(&erw_vec[_i], CCWA_ERW_SIZE);
}
END_TEST

START_TEST(test_sublog_field_positions)
{
	check_fieldvec(&sublog_vec[_i], CCWA_SUBLOG_SIZE);
}
END_TEST

START_TEST(test_esw_field_positions)
{
	check_fieldvec(&esw_vec[_i], CCWA_ESW_SIZE);
}
END_TEST

/*
 * §1.7: SCNT is ERW bits 10-15.  Concurrent sense with 32 sense bytes is
 * 01200000; QEMU's (32 << 8) would give 01002000, which must not decode
 * as SCNT 32.
 */
START_TEST(test_erw_scnt_is_bits_10_15)
{
	const struct ccwa_erw good = { { 0x01, 0x20, 0x00, 0x00 } };
	const struct ccwa_erw qemu = { { 0x01, 0x00, 0x20, 0x00 } };
	struct ccwa_erw e = { { 0 } };
	const uint8_t want[] = { 0x00, 0x20, 0x00, 0x00 };

	ck_assert_uint_eq(ccwa_erw_cons(&good), 1);
	ck_assert_uint_eq(ccwa_erw_scnt(&good), 32);
	ck_assert_uint_eq(ccwa_erw_res16(&good), 0);
	ck_assert_uint_eq(ccwa_erw_scnt(&qemu), 0);
	ck_assert_uint_ne(ccwa_erw_res16(&qemu), 0);

	ccwa_erw_set_scnt(&e, 32);
	ck_assert_mem_eq(e.b, want, sizeof(want));
}
END_TEST

/* §1.7: ESF bits 1-6 and FVF bits 17-21, one at a time. */
START_TEST(test_sublog_flag_constants)
{
	static const struct {
		unsigned byte;
		uint8_t mask;
		uint32_t esf, fvf;
	} t[] = {
		{ 0, 0x40, CCWA_SUBLOG_ESF_KEY, 0 },
		{ 0, 0x20, CCWA_SUBLOG_ESF_MBPGM, 0 },
		{ 0, 0x10, CCWA_SUBLOG_ESF_MBDATA, 0 },
		{ 0, 0x08, CCWA_SUBLOG_ESF_MBPROT, 0 },
		{ 0, 0x04, CCWA_SUBLOG_ESF_CCW, 0 },
		{ 0, 0x02, CCWA_SUBLOG_ESF_IDAW, 0 },
		{ 2, 0x40, 0, CCWA_SUBLOG_FVF_LPUM },
		{ 2, 0x20, 0, CCWA_SUBLOG_FVF_TERMC },
		{ 2, 0x10, 0, CCWA_SUBLOG_FVF_SEQC },
		{ 2, 0x08, 0, CCWA_SUBLOG_FVF_DEVSC },
		{ 2, 0x04, 0, CCWA_SUBLOG_FVF_CPA },
	};

	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct ccwa_sublog s = { { 0 } };

		s.b[t[i].byte] = t[i].mask;
		ck_assert_uint_eq(ccwa_sublog_esf(&s), t[i].esf);
		ck_assert_uint_eq(ccwa_sublog_fvf(&s), t[i].fvf);
	}
}
END_TEST

/*
 * §1.7: a channel-data-check logout: LPUM 0x80, all five FVF bits, SA
 * read, TC normal, sequence code 101 (Hercules): 00807d45.
 */
START_TEST(test_sublog_decodes_channel_data_check)
{
	const struct ccwa_sublog s = { { 0x00, 0x80, 0x7d, 0x45 } };

	ck_assert_uint_eq(ccwa_sublog_res0(&s), 0);
	ck_assert_uint_eq(ccwa_sublog_esf(&s), 0);
	ck_assert_uint_eq(ccwa_sublog_lpum(&s), 0x80);
	ck_assert_uint_eq(ccwa_sublog_arep(&s), 0);
	ck_assert_uint_eq(ccwa_sublog_fvf(&s), 0x1f);
	ck_assert_uint_eq(ccwa_sublog_sacc(&s), 1);
	ck_assert_uint_eq(ccwa_sublog_termc(&s), 1);
	ck_assert_uint_eq(ccwa_sublog_devsc(&s), 0);
	ck_assert_uint_eq(ccwa_sublog_serr(&s), 0);
	ck_assert_uint_eq(ccwa_sublog_ioerr(&s), 0);
	ck_assert_uint_eq(ccwa_sublog_seqc(&s), 5);
}
END_TEST

/*
 * §1.7 format 2: LPUM 0x80, DCTI 300, ERW zero, words 2-4 zero:
 * 0080012c 00000000 00000000 00000000 00000000.
 */
START_TEST(test_esw_decodes_format2)
{
	const struct ccwa_esw e = { { 0x00, 0x80, 0x01, 0x2c } };

	ck_assert_uint_eq(ccwa_esw_res0(&e), 0);
	ck_assert_uint_eq(ccwa_esw_lpum(&e), 0x80);
	ck_assert_uint_eq(ccwa_esw_dcti(&e), 300);
	ck_assert_uint_eq(ccwa_esw_res64(&e), 0);
	ck_assert_uint_eq(ccwa_esw_res96(&e), 0);
	ck_assert_uint_eq(ccwa_esw_res128(&e), 0);
	ck_assert_uint_eq(ccwa_erw_scnt(ccwa_esw_erw_const(&e)), 0);
}
END_TEST

/*
 * §1.7 format 0: logout 00807d45, ERW F and C (02800000), a 31-bit failing
 * address 0x00012340 in word 2, secondary CCW at 0x00001010 in word 4.
 */
START_TEST(test_esw_decodes_format0)
{
	const struct ccwa_esw e = { { 0x00, 0x80, 0x7d, 0x45,
				      0x02, 0x80, 0x00, 0x00,
				      0x00, 0x01, 0x23, 0x40,
				      0x00, 0x00, 0x00, 0x00,
				      0x00, 0x00, 0x10, 0x10 } };
	const struct ccwa_erw *erw = ccwa_esw_erw_const(&e);

	ck_assert_uint_eq(ccwa_sublog_seqc(ccwa_esw_sublog_const(&e)), 5);
	ck_assert_uint_eq(ccwa_erw_fsavf(erw), 1);
	ck_assert_uint_eq(ccwa_erw_scavf(erw), 1);
	ck_assert_uint_eq(ccwa_erw_fsaf(erw), 0);
	/* R=0: the address is word 2 alone, the top half of faddr. */
	ck_assert_uint_eq(ccwa_esw_faddr(&e) >> 32, 0x00012340);
	ck_assert_uint_eq(ccwa_esw_saddr(&e), 0x00001010);
}
END_TEST

/* §1.7: the logout is ESW word 0, the ERW word 1 (bytes 4-7). */
START_TEST(test_esw_word_pointers)
{
	struct ccwa_esw e = { { 0 } };

	ck_assert_ptr_eq((void *)ccwa_esw_sublog(&e), (void *)e.b);
	ck_assert_ptr_eq((void *)ccwa_esw_erw(&e), (void *)(e.b + 4));
	ck_assert_ptr_eq((const void *)ccwa_esw_sublog_const(&e),
			 (const void *)e.b);
	ck_assert_ptr_eq((const void *)ccwa_esw_erw_const(&e),
			 (const void *)(e.b + 4));

	ccwa_sublog_set_lpum(ccwa_esw_sublog(&e), 0x40);
	ccwa_erw_set_cons(ccwa_esw_erw(&e), 1);
	ck_assert_uint_eq(e.b[1], 0x40);
	ck_assert_uint_eq(e.b[4], 0x01);
	ck_assert_uint_eq(ccwa_esw_lpum(&e), 0x40);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_esw");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_erw_field_positions, 0,
			    sizeof(erw_vec) / sizeof(erw_vec[0]));
	tcase_add_loop_test(tc, test_sublog_field_positions, 0,
			    sizeof(sublog_vec) / sizeof(sublog_vec[0]));
	tcase_add_loop_test(tc, test_esw_field_positions, 0,
			    sizeof(esw_vec) / sizeof(esw_vec[0]));
	tcase_add_test(tc, test_erw_scnt_is_bits_10_15);
	tcase_add_test(tc, test_sublog_flag_constants);
	tcase_add_test(tc, test_sublog_decodes_channel_data_check);
	tcase_add_test(tc, test_esw_decodes_format2);
	tcase_add_test(tc, test_esw_decodes_format0);
	tcase_add_test(tc, test_esw_word_pointers);
	suite_add_tcase(s, tc);
	return s;
}
