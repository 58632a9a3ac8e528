// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * main() for every Check suite: each test source defines suite() and this
 * runs it, forked per test, and exits non-zero on any failure.  CTest runs
 * each suite executable as its own test.
 */
#include <stdlib.h>

#include <check.h>

#include "check_main.h"

int main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
