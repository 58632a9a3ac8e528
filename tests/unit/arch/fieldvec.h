/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pinning architected field positions with byte vectors.
 *
 * A row names one field, its accessors, and the block image expected after
 * setting that field to all ones in an all-zero block.  The image is typed
 * in from the facts sheet's byte.mask columns, independently of the field
 * tables in the headers.  check_fieldvec() then verifies:
 *   1. zero block, set all ones  -> exactly the expected image, get() = max;
 *   2. 0xff block, set zero      -> exactly the complement, get() = 0;
 *   3. zero block, set an alternating pattern -> get() returns it, and no
 *      byte outside the expected mask changes.
 * Together these fix the field's first bit, width and byte order.
 */
#ifndef CCWSIM_TESTS_FIELDVEC_H
#define CCWSIM_TESTS_FIELDVEC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <check.h>

#define FV_MAXBLK 128

struct fieldvec {
	const char *name;
	void (*set)(void *blk, uint64_t v);
	uint64_t (*get)(const void *blk);
	unsigned width;
	uint8_t expect[FV_MAXBLK];
};

/* Wrap a generated accessor pair in the untyped form a table can hold. */
#define FV_WRAP(blk, fld, T)						\
	static void fv_set_##blk##_##fld(void *p, uint64_t v)		\
	{								\
		ccwa_##blk##_set_##fld(p, (uint##T##_t)v);		\
	}								\
	static uint64_t fv_get_##blk##_##fld(const void *p)		\
	{								\
		return ccwa_##blk##_##fld(p);				\
	}

/* A table row: field, width in bits, then the expected image bytes. */
#define FV(blk, fld, width, ...)					\
	{ #blk "." #fld, fv_set_##blk##_##fld, fv_get_##blk##_##fld,	\
	  width, { __VA_ARGS__ } }

static inline uint64_t fv_ones(unsigned width)
{
	return width == 64 ? ~UINT64_C(0) : (UINT64_C(1) << width) - 1;
}

static inline void fv_hexdump(char *out, const uint8_t *b, size_t n)
{
	static const char hex[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		*out++ = hex[b[i] >> 4];
		*out++ = hex[b[i] & 15];
		if (i % 4 == 3 && i + 1 < n)
			*out++ = ' ';
	}
	*out = 0;
}

static inline void fv_assert_image(const struct fieldvec *v, const char *step,
				   const uint8_t *got, const uint8_t *want,
				   size_t size)
{
	char g[FV_MAXBLK * 3], w[FV_MAXBLK * 3];

	if (memcmp(got, want, size) == 0)
		return;
	fv_hexdump(g, got, size);
	fv_hexdump(w, want, size);
	ck_abort_msg("%s (%s):\n  got  %s\n  want %s", v->name, step, g, w);
}

static inline void check_fieldvec(const struct fieldvec *v, size_t size)
{
	uint8_t blk[FV_MAXBLK], want[FV_MAXBLK];
	uint64_t ones = fv_ones(v->width);
	uint64_t alt = UINT64_C(0xa5c3a5c3a5c3a5c3) & ones;

	ck_assert_uint_le(size, FV_MAXBLK);

	memset(blk, 0, size);
	v->set(blk, ones);
	fv_assert_image(v, "set all ones in a zero block", blk, v->expect, size);
	ck_assert_msg(v->get(blk) == ones, "%s: get after set all ones", v->name);

	memset(blk, 0xff, size);
	v->set(blk, 0);
	for (size_t i = 0; i < size; i++)
		want[i] = (uint8_t)~v->expect[i];
	fv_assert_image(v, "set zero in a 0xff block", blk, want, size);
	ck_assert_msg(v->get(blk) == 0, "%s: get after set zero", v->name);

	memset(blk, 0, size);
	v->set(blk, alt);
	ck_assert_msg(v->get(blk) == alt, "%s: get after set pattern", v->name);
	for (size_t i = 0; i < size; i++)
		ck_assert_msg((blk[i] & ~v->expect[i]) == 0,
			      "%s: pattern leaked into byte %zu", v->name, i);
}

#endif
