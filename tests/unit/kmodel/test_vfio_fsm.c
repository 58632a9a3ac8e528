// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The FSM jump tables: every cell of every era holds an action (no empty
 * cell where the era has the event), and each equals the table of the
 * vfio-ccw reference §1.2 (E3 confirmed against 6.1 in §8), typed in
 * here from the reference, not from the model's source.
 */
#include <string.h>

#include "check_main.h"
#include "vfio_ccw_private.h"

/* rows: NOT_OPER STANDBY IDLE CP_PROCESSING CP_PENDING */
static const char *const e3[5][6] = {
	{ "nop", "io_error", "disabled_irq", "async_error", "nop", "nop" },
	{ "notoper", "io_error", "disabled_irq", "async_error", "open", "notoper" },
	{ "notoper", "io_request", "irq", "async_request", "notoper", "close" },
	{ "notoper", "io_retry", "irq", "async_retry", "notoper", "close" },
	{ "notoper", "io_busy", "irq", "async_request", "notoper", "close" },
};

/* E2 = E3 minus OPEN/CLOSE, except STANDBY + INTERRUPT = irq. */
static const char *const e2[5][4] = {
	{ "nop", "io_error", "disabled_irq", "async_error" },
	{ "notoper", "io_error", "irq", "async_error" },
	{ "notoper", "io_request", "irq", "async_request" },
	{ "notoper", "io_retry", "irq", "async_retry" },
	{ "notoper", "io_busy", "irq", "async_request" },
};

/* E1: NOT_OPER STANDBY IDLE BOXED BUSY × NOT_OPER IO_REQ INTERRUPT */
static const char *const e1[5][3] = {
	{ "nop", "io_error", "disabled_irq" },
	{ "notoper", "io_error", "irq" },
	{ "notoper", "io_request", "irq" },
	{ "notoper", "io_busy", "irq" },
	{ "notoper", "io_busy", "irq" },
};

static void check_era(enum kmodel_era era, int nevents, const char *const *t)
{
	for (int st = 0; st < VFIO_CCW_STATE_NR; st++) {
		for (int ev = 0; ev < VFIO_CCW_EVENT_NR; ev++) {
			const char *got = vfio_ccw_fsm_action(era, st, ev);

			if (ev >= nevents) {
				ck_assert_msg(got == NULL, "E%d [%d][%d] should not exist",
					      era, st, ev);
				continue;
			}
			ck_assert_msg(got != NULL, "E%d [%d][%d] is empty", era, st,
				      ev);
			ck_assert_msg(!strcmp(got, t[st * nevents + ev]),
				      "E%d state %d, event %s: %s, the reference says %s",
				      era, st, vfio_ccw_event_name(ev), got,
				      t[st * nevents + ev]);
		}
	}
}

START_TEST(test_e3_table)
{
	check_era(KMODEL_E3, 6, &e3[0][0]);
}
END_TEST

START_TEST(test_e2_table)
{
	check_era(KMODEL_E2, 4, &e2[0][0]);
}
END_TEST

START_TEST(test_e1_table)
{
	check_era(KMODEL_E1, 3, &e1[0][0]);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("vfio_fsm");
	TCase *tc = tcase_create("tables");

	tcase_add_test(tc, test_e3_table);
	tcase_add_test(tc, test_e2_table);
	tcase_add_test(tc, test_e1_table);
	suite_add_tcase(s, tc);
	return s;
}
