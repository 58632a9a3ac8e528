/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef CCWSIM_TESTS_CHECK_MAIN_H
#define CCWSIM_TESTS_CHECK_MAIN_H

#include <check.h>

/* Each suite's source file defines this; tests/helpers/check_main.c runs it. */
Suite *suite(void);

#endif
