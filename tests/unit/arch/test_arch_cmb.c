// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Measurement-block field positions (facts §5.3 and §5.4, the offset and
 * size columns) and decoding of known blocks.
 */
#include <ccwsim/arch/cmb.h>

#include "check_main.h"
#include "fieldvec.h"

FV_WRAP(cmb0, ssch_rsch_count, 32)
FV_WRAP(cmb0, sample_count, 32)
FV_WRAP(cmb0, device_connect_time, 32)
FV_WRAP(cmb0, function_pending_time, 32)
FV_WRAP(cmb0, device_disconnect_time, 32)
FV_WRAP(cmb0, control_unit_queuing_time, 32)
FV_WRAP(cmb0, device_active_only_time, 32)
FV_WRAP(cmb0, device_busy_time, 32)
FV_WRAP(cmb0, initial_command_response_time, 32)
FV_WRAP(cmb1, ssch_rsch_count, 32)
FV_WRAP(cmb1, sample_count, 32)
FV_WRAP(cmb1, device_connect_time, 32)
FV_WRAP(cmb1, function_pending_time, 32)
FV_WRAP(cmb1, device_disconnect_time, 32)
FV_WRAP(cmb1, control_unit_queuing_time, 32)
FV_WRAP(cmb1, device_active_only_time, 32)
FV_WRAP(cmb1, device_busy_time, 32)
FV_WRAP(cmb1, initial_command_response_time, 32)
FV_WRAP(cmb1, interruption_delay_time, 32)
FV_WRAP(cmb1, io_priority_delay_time, 32)
FV_WRAP(cmb1, res352, 32)
FV_WRAP(cmb1, res384, 32)
FV_WRAP(cmb1, res416, 32)
FV_WRAP(cmb1, res448, 32)
FV_WRAP(cmb1, res480, 32)

#define W4 0xff, 0xff, 0xff, 0xff

/* §5.3: offsets 0 (2), 2 (2), 4, 8, 12, 16, 20, 24, 28 (4 each). */
static const struct fieldvec cmb0_vec[] = {
	FV(cmb0, ssch_rsch_count,               16, [0] = 0xff, 0xff),
	FV(cmb0, sample_count,                  16, [2] = 0xff, 0xff),
	FV(cmb0, device_connect_time,           32, [4] = W4),
	FV(cmb0, function_pending_time,         32, [8] = W4),
	FV(cmb0, device_disconnect_time,        32, [12] = W4),
	FV(cmb0, control_unit_queuing_time,     32, [16] = W4),
	FV(cmb0, device_active_only_time,       32, [20] = W4),
	FV(cmb0, device_busy_time,              32, [24] = W4),
	FV(cmb0, initial_command_response_time, 32, [28] = W4),
};

/* §5.4: offsets 0, 4, ..., 40 (4 each), 44-63 reserved. */
static const struct fieldvec cmb1_vec[] = {
	FV(cmb1, ssch_rsch_count,               32, [0] = W4),
	FV(cmb1, sample_count,                  32, [4] = W4),
	FV(cmb1, device_connect_time,           32, [8] = W4),
	FV(cmb1, function_pending_time,         32, [12] = W4),
	FV(cmb1, device_disconnect_time,        32, [16] = W4),
	FV(cmb1, control_unit_queuing_time,     32, [20] = W4),
	FV(cmb1, device_active_only_time,       32, [24] = W4),
	FV(cmb1, device_busy_time,              32, [28] = W4),
	FV(cmb1, initial_command_response_time, 32, [32] = W4),
	FV(cmb1, interruption_delay_time,       32, [36] = W4),
	FV(cmb1, io_priority_delay_time,        32, [40] = W4),
	FV(cmb1, res352,                        32, [44] = W4),
	FV(cmb1, res384,                        32, [48] = W4),
	FV(cmb1, res416,                        32, [52] = W4),
	FV(cmb1, res448,                        32, [56] = W4),
	FV(cmb1, res480,                        32, [60] = W4),
};

START_TEST(test_cmb0_field_positions)
{
	check_fieldvec(&cmb0_vec[_i], CCWA_CMB0_SIZE);
}
END_TEST

START_TEST(test_cmb1_field_positions)
{
	check_fieldvec(&cmb1_vec[_i], CCWA_CMB1_SIZE);
}
END_TEST

/* §5.3/§5.4 sizes; §5.5: format-0 counters wrap modulo 2^16. */
START_TEST(test_cmb_sizes_and_wrap)
{
	struct ccwa_cmb0 c = { { 0 } };

	ck_assert_uint_eq(sizeof(struct ccwa_cmb0), 32);
	ck_assert_uint_eq(sizeof(struct ccwa_cmb1), 64);
	ccwa_cmb0_set_ssch_rsch_count(&c, 0x10001);
	ck_assert_uint_eq(ccwa_cmb0_ssch_rsch_count(&c), 1);
	ck_assert_uint_eq(c.b[2], 0);
}
END_TEST

/*
 * §5.3: 3 starts, 2 samples, connect 0x100, pending 0x20, disconnect 0,
 * CU queuing 1, active-only 2, busy 4, ICR 5:
 * 00030002 00000100 00000020 00000000 00000001 00000002 00000004 00000005.
 */
START_TEST(test_cmb0_decodes_known_block)
{
	const struct ccwa_cmb0 c = { {
		0x00, 0x03, 0x00, 0x02, 0x00, 0x00, 0x01, 0x00,
		0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02,
		0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x05,
	} };

	ck_assert_uint_eq(ccwa_cmb0_ssch_rsch_count(&c), 3);
	ck_assert_uint_eq(ccwa_cmb0_sample_count(&c), 2);
	ck_assert_uint_eq(ccwa_cmb0_device_connect_time(&c), 0x100);
	ck_assert_uint_eq(ccwa_cmb0_function_pending_time(&c), 0x20);
	ck_assert_uint_eq(ccwa_cmb0_device_disconnect_time(&c), 0);
	ck_assert_uint_eq(ccwa_cmb0_control_unit_queuing_time(&c), 1);
	ck_assert_uint_eq(ccwa_cmb0_device_active_only_time(&c), 2);
	ck_assert_uint_eq(ccwa_cmb0_device_busy_time(&c), 4);
	ck_assert_uint_eq(ccwa_cmb0_initial_command_response_time(&c), 5);
}
END_TEST

/*
 * §5.4: 0x10000 starts (needs the 32-bit counter), 0xffff samples,
 * interruption delay 7 at byte 36, I/O-priority delay 9 at byte 40.
 */
START_TEST(test_cmb1_decodes_known_block)
{
	const struct ccwa_cmb1 c = { {
		0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff,
		[36] = 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x09,
	} };

	ck_assert_uint_eq(ccwa_cmb1_ssch_rsch_count(&c), 0x10000);
	ck_assert_uint_eq(ccwa_cmb1_sample_count(&c), 0xffff);
	ck_assert_uint_eq(ccwa_cmb1_initial_command_response_time(&c), 0);
	ck_assert_uint_eq(ccwa_cmb1_interruption_delay_time(&c), 7);
	ck_assert_uint_eq(ccwa_cmb1_io_priority_delay_time(&c), 9);
	ck_assert_uint_eq(ccwa_cmb1_res352(&c), 0);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("arch_cmb");
	TCase *tc = tcase_create("fields");

	tcase_add_loop_test(tc, test_cmb0_field_positions, 0,
			    sizeof(cmb0_vec) / sizeof(cmb0_vec[0]));
	tcase_add_loop_test(tc, test_cmb1_field_positions, 0,
			    sizeof(cmb1_vec) / sizeof(cmb1_vec[0]));
	tcase_add_test(tc, test_cmb_sizes_and_wrap);
	tcase_add_test(tc, test_cmb0_decodes_known_block);
	tcase_add_test(tc, test_cmb1_decodes_known_block);
	suite_add_tcase(s, tc);
	return s;
}
