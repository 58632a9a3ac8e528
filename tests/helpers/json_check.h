/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef CCWSIM_TESTS_JSON_CHECK_H
#define CCWSIM_TESTS_JSON_CHECK_H

#include <stddef.h>

/*
 * Check that @s (length @n) is exactly one well-formed JSON value (RFC 8259
 * syntax) with optional surrounding whitespace.  Returns 0, or the 1-based
 * byte offset of the first error.
 */
size_t json_check(const char *s, size_t n);

#endif
