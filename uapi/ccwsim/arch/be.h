/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Big-endian loads and stores on byte arrays.
 *
 * Every architected block in ccwsim is a byte array in storage order, so
 * these work the same on a little-endian x86 host and a big-endian s390x
 * host.  Compilers turn them into a single load plus bswap (or nothing).
 */
#ifndef CCWSIM_ARCH_BE_H
#define CCWSIM_ARCH_BE_H

#include <stdint.h>

static inline uint16_t ccwa_get_be16(const void *p)
{
	const uint8_t *b = (const uint8_t *)p;

	return (uint16_t)(b[0] << 8 | b[1]);
}

static inline uint32_t ccwa_get_be32(const void *p)
{
	const uint8_t *b = (const uint8_t *)p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | (uint32_t)b[3];
}

static inline uint64_t ccwa_get_be64(const void *p)
{
	const uint8_t *b = (const uint8_t *)p;

	return (uint64_t)ccwa_get_be32(b) << 32 | ccwa_get_be32(b + 4);
}

static inline void ccwa_put_be16(void *p, uint16_t v)
{
	uint8_t *b = (uint8_t *)p;

	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static inline void ccwa_put_be32(void *p, uint32_t v)
{
	uint8_t *b = (uint8_t *)p;

	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

static inline void ccwa_put_be64(void *p, uint64_t v)
{
	uint8_t *b = (uint8_t *)p;

	ccwa_put_be32(b, (uint32_t)(v >> 32));
	ccwa_put_be32(b + 4, (uint32_t)v);
}

#endif /* CCWSIM_ARCH_BE_H */
