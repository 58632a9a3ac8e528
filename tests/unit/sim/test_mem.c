// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Absolute storage: sparse allocation, transfers across frames and up to
 * the size, big-endian byte images, storage keys and key-controlled
 * protection, reference and change recording, partial transfers, alias
 * frames, poisoning, and refusal of bad arguments.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/sim/mem.h>
#include <ccwsim/sim/rng.h>

#include "check_main.h"

#define PG SIM_PAGE_SIZE
#define GIB ((uint64_t)1 << 30)

static uint8_t pattern_byte(uint64_t i)
{
	return (uint8_t)(i * 131 + 7);
}

static void pattern(uint8_t *b, uint64_t len, uint64_t seed)
{
	for (uint64_t i = 0; i < len; i++)
		b[i] = pattern_byte(i + seed);
}

static int all_zero(const uint8_t *b, uint64_t len)
{
	for (uint64_t i = 0; i < len; i++)
		if (b[i])
			return 0;
	return 1;
}

static uint8_t key_of(struct sim_mem *m, uint64_t addr)
{
	uint8_t k = 0xff;

	ck_assert_int_eq(sim_mem_get_key(m, addr, &k), SIM_MEM_OK);
	return k;
}

/* ---- create ---------------------------------------------------------- */

static const struct {
	uint64_t size;
	int ok;
} create_rows[] = {
	{ 0, 0 },
	{ 1, 0 },
	{ 4095, 0 },
	{ 4097, 0 },
	{ 3 * 4096 + 512, 0 },
	{ SIM_MEM_MAX_SIZE + 4096, 0 },
	{ UINT64_MAX, 0 },
	{ UINT64_MAX & ~(uint64_t)4095, 0 },
	{ 4096, 1 },
	{ 5 * 4096, 1 },
	{ 2 * GIB, 1 },
	{ 64 * GIB, 1 },
	{ 64 * GIB + 4096, 1 },
	{ SIM_MEM_MAX_SIZE, 1 },
};

START_TEST(test_mem_create_size_table)
{
	struct sim_mem *m = sim_mem_create(create_rows[_i].size);

	ck_assert_msg(!!m == create_rows[_i].ok, "size %llu",
		      (unsigned long long)create_rows[_i].size);
	if (m) {
		ck_assert_uint_eq(sim_mem_size(m), create_rows[_i].size);
		ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
		ck_assert_uint_eq(sim_mem_frames_aliased(m), 0);
		ck_assert_uint_eq(sim_mem_frames_poisoned(m), 0);
	}
	sim_mem_destroy(m);
}
END_TEST

/* ---- sparse allocation ----------------------------------------------- */

START_TEST(test_mem_sparse_64gib_touch_allocates_only_those)
{
	uint64_t size = 64 * GIB;
	struct sim_mem *m = sim_mem_create(size);
	static const uint64_t at[] = { 0, 64 * GIB - 1, 32 * GIB + 12345 };
	static uint8_t buf[1 << 20];
	uint8_t b;

	ck_assert_ptr_nonnull(m);
	for (unsigned int i = 0; i < 3; i++) {
		b = (uint8_t)(0xa0 + i);
		ck_assert_int_eq(sim_mem_write(m, at[i], &b, 1, 0, NULL),
				 SIM_MEM_OK);
	}
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 3);
	for (unsigned int i = 0; i < 3; i++) {
		b = 0;
		ck_assert_int_eq(sim_mem_read(m, at[i], &b, 1, 0, NULL),
				 SIM_MEM_OK);
		ck_assert_uint_eq(b, 0xa0 + i);
	}
	/* A neighbour of a touched byte in the same frame reads zero. */
	ck_assert_int_eq(sim_mem_read(m, 32 * GIB + 12344, &b, 1, 0, NULL),
			 SIM_MEM_OK);
	ck_assert_uint_eq(b, 0);
	/* A megabyte of untouched storage reads zero and stays untouched. */
	memset(buf, 0x55, sizeof(buf));
	ck_assert_int_eq(sim_mem_read(m, 17 * GIB, buf, sizeof(buf), 0, NULL),
			 SIM_MEM_OK);
	ck_assert(all_zero(buf, sizeof(buf)));
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 3);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_sparse_max_size_last_byte_round_trips)
{
	struct sim_mem *m = sim_mem_create(SIM_MEM_MAX_SIZE);
	uint64_t v = 0;

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(sim_mem_store_be64(m, SIM_MEM_MAX_SIZE - 8, 0,
					    0x1122334455667788ull, NULL),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_load_be64(m, SIM_MEM_MAX_SIZE - 8, 0, &v,
					   NULL), SIM_MEM_OK);
	ck_assert_uint_eq(v, 0x1122334455667788ull);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 1);
	ck_assert_int_eq(sim_mem_store_be16(m, SIM_MEM_MAX_SIZE - 1, 0, 1,
					    NULL), SIM_MEM_ADDRESSING);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_fetch_untouched_allocates_nothing)
{
	struct sim_mem *m = sim_mem_create(GIB);
	static uint8_t buf[64 * 1024];
	uint32_t w = 0xffffffff;

	memset(buf, 0xee, sizeof(buf));
	ck_assert_int_eq(sim_mem_read(m, 300 * 1024 * 1024 + 17, buf,
				      sizeof(buf), 0, NULL), SIM_MEM_OK);
	ck_assert(all_zero(buf, sizeof(buf)));
	ck_assert_int_eq(sim_mem_load_be32(m, 4 * PG - 2, 0, &w, NULL),
			 SIM_MEM_OK);
	ck_assert_uint_eq(w, 0);
	ck_assert_int_eq(sim_mem_check(m, 0, GIB, 0, 1, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 0);
	sim_mem_destroy(m);
}
END_TEST

/* ---- transfers ------------------------------------------------------- */

START_TEST(test_mem_cross_frame_write_read_round_trips)
{
	struct sim_mem *m = sim_mem_create(16 * PG);
	static uint8_t in[3 * 4096 + 200], out[8 * 4096];
	struct sim_mem_fault f;
	uint64_t start = PG - 100;

	pattern(in, sizeof(in), 0);
	ck_assert_int_eq(sim_mem_write(m, start, in, sizeof(in), 0, &f),
			 SIM_MEM_OK);
	ck_assert_int_eq(f.err, SIM_MEM_OK);
	ck_assert_uint_eq(f.addr, start + sizeof(in));
	/* [PG-100, 4PG+100) touches frames 0 to 4. */
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 5);
	ck_assert_int_eq(sim_mem_read(m, 0, out, sizeof(out), 0, &f),
			 SIM_MEM_OK);
	ck_assert_uint_eq(f.addr, sizeof(out));
	ck_assert(all_zero(out, start));
	ck_assert(memcmp(out + start, in, sizeof(in)) == 0);
	ck_assert(all_zero(out + start + sizeof(in),
			   sizeof(out) - start - sizeof(in)));
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 5);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_fill_crosses_frames_and_stops_at_protection)
{
	struct sim_mem *m = sim_mem_create(4 * PG);
	static uint8_t out[4 * 4096];
	struct sim_mem_fault f;

	ck_assert_int_eq(sim_mem_fill(m, PG - 10, 0xaa, 20, 0, &f), SIM_MEM_OK);
	ck_assert_uint_eq(f.addr, PG + 10);
	/* Frame 2 belongs to key 1, frame 3 to key 2. */
	ck_assert_int_eq(sim_mem_set_key(m, 2 * PG, SIM_SKEY_MAKE(1, 0)),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_set_key(m, 3 * PG, SIM_SKEY_MAKE(2, 0)),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_fill(m, 3 * PG - 5, 0x11, 10, 0, &f),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_fill(m, 3 * PG - 50, 0x77, 100, 1, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_int_eq(f.err, SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, 3 * PG);
	ck_assert_int_eq(sim_mem_read(m, 0, out, sizeof(out), 0, NULL),
			 SIM_MEM_OK);
	for (uint64_t i = 0; i < sizeof(out); i++) {
		uint8_t want = 0;

		if (i >= PG - 10 && i < PG + 10)
			want = 0xaa;
		if (i >= 3 * PG - 5 && i < 3 * PG + 5)
			want = 0x11;
		if (i >= 3 * PG - 50 && i < 3 * PG)
			want = 0x77;
		ck_assert_msg(out[i] == want, "byte %llu",
			      (unsigned long long)i);
	}
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_zero_length_access_succeeds_anywhere)
{
	struct sim_mem *m = sim_mem_create(PG);
	struct sim_mem_fault f;

	ck_assert_int_eq(sim_mem_read(m, UINT64_MAX, NULL, 0, 0, &f),
			 SIM_MEM_OK);
	ck_assert_uint_eq(f.addr, UINT64_MAX);
	ck_assert_int_eq(sim_mem_write(m, PG, NULL, 0, 0, &f), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_fill(m, 5 * PG, 1, 0, 0, &f), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_check(m, UINT64_MAX, 0, 9, 1, &f),
			 SIM_MEM_OK);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	sim_mem_destroy(m);
}
END_TEST

/* ---- addressing ------------------------------------------------------ */

START_TEST(test_mem_addressing_write_across_size_stops_at_size)
{
	uint64_t size = 4 * PG;
	struct sim_mem *m = sim_mem_create(size);
	static const uint8_t in[4] = { 1, 2, 3, 4 };
	uint8_t out[2];
	struct sim_mem_fault f;

	ck_assert_int_eq(sim_mem_write(m, size - 2, in, 4, 0, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_int_eq(f.err, SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, size);
	ck_assert_int_eq(sim_mem_read(m, size - 2, out, 2, 0, NULL),
			 SIM_MEM_OK);
	ck_assert_uint_eq(out[0], 1);
	ck_assert_uint_eq(out[1], 2);
	ck_assert_int_eq(sim_mem_read(m, size, out, 1, 0, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, size);
	ck_assert_int_eq(sim_mem_check(m, size - 1, 2, 0, 0, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, size);
	ck_assert_int_eq(sim_mem_check(m, size - 1, 1, 0, 0, &f), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_fill(m, size + PG, 0, 1, 0, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, size + PG);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_addressing_overflowing_range_faults_not_wraps)
{
	uint64_t size = 2 * PG;
	struct sim_mem *m = sim_mem_create(size);
	static uint8_t buf[2 * 4096];
	uint8_t b = 0;
	struct sim_mem_fault f;

	/* addr + len wraps to a small value: must not read address 0. */
	ck_assert_int_eq(sim_mem_write(m, 0, "\x42", 1, 0, NULL), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_read(m, UINT64_MAX - 3, buf, 8, 0, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, UINT64_MAX - 3);
	ck_assert_int_eq(sim_mem_write(m, UINT64_MAX, &b, 1, 0, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, UINT64_MAX);
	ck_assert_int_eq(sim_mem_check(m, UINT64_MAX - PG, 2 * PG, 0, 1, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, UINT64_MAX - PG);
	/* A length far beyond the storage transfers it all, then faults. */
	ck_assert_int_eq(sim_mem_read(m, 0, buf, UINT64_MAX, 0, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, size);
	ck_assert_uint_eq(buf[0], 0x42);
	ck_assert_int_eq(sim_mem_fill(m, PG, 9, UINT64_MAX, 0, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, size);
	ck_assert_int_eq(sim_mem_read(m, size - 1, &b, 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(b, 9);
	sim_mem_destroy(m);
}
END_TEST

/* ---- big-endian helpers ---------------------------------------------- */

START_TEST(test_mem_be_store_writes_big_endian_byte_images)
{
	struct sim_mem *m = sim_mem_create(2 * PG);
	static const uint8_t want[] = {
		0x01, 0x02, 0, 0, 0, 0, 0, 0,
		0x01, 0x02, 0x03, 0x04, 0, 0, 0, 0,
		0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
	};
	uint8_t got[sizeof(want)];

	ck_assert_int_eq(sim_mem_store_be16(m, 0, 0, 0x0102, NULL), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_store_be32(m, 8, 0, 0x01020304, NULL),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_store_be64(m, 16, 0, 0x0102030405060708ull,
					    NULL), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_read(m, 0, got, sizeof(got), 0, NULL),
			 SIM_MEM_OK);
	ck_assert(memcmp(got, want, sizeof(want)) == 0);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_be_load_reads_big_endian_byte_images)
{
	struct sim_mem *m = sim_mem_create(2 * PG);
	static const uint8_t img[] = { 0xde, 0xad, 0xbe, 0xef,
				       0x01, 0x23, 0x45, 0x67 };
	uint16_t h = 0;
	uint32_t w = 0;
	uint64_t d = 0;

	ck_assert_int_eq(sim_mem_write(m, 40, img, sizeof(img), 0, NULL),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_load_be16(m, 40, 0, &h, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(h, 0xdead);
	ck_assert_int_eq(sim_mem_load_be32(m, 40, 0, &w, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(w, 0xdeadbeef);
	ck_assert_int_eq(sim_mem_load_be64(m, 40, 0, &d, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(d, 0xdeadbeef01234567ull);
	/* Unaligned, odd address. */
	ck_assert_int_eq(sim_mem_load_be32(m, 41, 0, &w, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(w, 0xadbeef01);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_be_across_frame_boundary_round_trips)
{
	struct sim_mem *m = sim_mem_create(2 * PG);
	uint8_t lo[3], hi[5];
	uint64_t d = 0;

	ck_assert_int_eq(sim_mem_store_be64(m, PG - 3, 0, 0xa1a2a3a4a5a6a7a8ull,
					    NULL), SIM_MEM_OK);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 2);
	ck_assert_int_eq(sim_mem_read(m, PG - 3, lo, 3, 0, NULL), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_read(m, PG, hi, 5, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(lo[0], 0xa1);
	ck_assert_uint_eq(lo[2], 0xa3);
	ck_assert_uint_eq(hi[0], 0xa4);
	ck_assert_uint_eq(hi[4], 0xa8);
	ck_assert_int_eq(sim_mem_load_be64(m, PG - 3, 0, &d, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(d, 0xa1a2a3a4a5a6a7a8ull);
	sim_mem_destroy(m);
}
END_TEST

/* A be store or load that fails anywhere changes nothing at all. */
START_TEST(test_mem_be_failure_is_all_or_nothing)
{
	uint64_t size = 2 * PG;
	struct sim_mem *m = sim_mem_create(size);
	struct sim_mem_fault f;
	uint32_t w = 0x5a5a5a5a;
	uint8_t b[2] = { 9, 9 };

	ck_assert_int_eq(sim_mem_store_be32(m, size - 2, 0, 0x01020304, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, size);
	ck_assert_int_eq(sim_mem_read(m, size - 2, b, 2, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(b[0], 0);
	ck_assert_uint_eq(b[1], 0);

	/* Frame 1 belongs to key 4 and is fetch-protected. */
	ck_assert_int_eq(sim_mem_set_key(m, PG, SIM_SKEY_MAKE(4, 1)),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_set_key(m, 0, SIM_SKEY_MAKE(6, 0)),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_store_be32(m, PG - 2, 6, 0x01020304, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, PG);
	ck_assert_int_eq(sim_mem_load_be32(m, PG - 2, 6, &w, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, PG);
	ck_assert_uint_eq(w, 0x5a5a5a5a);
	/* Not even the reference bit of frame 0 was set. */
	ck_assert_uint_eq(key_of(m, 0), SIM_SKEY_MAKE(6, 0));
	ck_assert_uint_eq(key_of(m, PG), SIM_SKEY_MAKE(4, 1));
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	sim_mem_destroy(m);
}
END_TEST

/* ---- storage keys and protection ------------------------------------- */

static const struct prot_row {
	uint8_t acc, f, key;
	int store;
	enum sim_mem_err want;
} prot_rows[] = {
	/* stores: key 0 or key == ACC; F does not matter */
	{ 0, 0, 0, 1, SIM_MEM_OK },
	{ 0, 1, 0, 1, SIM_MEM_OK },
	{ 0, 0, 6, 1, SIM_MEM_PROTECTION },
	{ 5, 0, 0, 1, SIM_MEM_OK },
	{ 5, 1, 0, 1, SIM_MEM_OK },
	{ 5, 0, 5, 1, SIM_MEM_OK },
	{ 5, 1, 5, 1, SIM_MEM_OK },
	{ 5, 0, 6, 1, SIM_MEM_PROTECTION },
	{ 5, 1, 6, 1, SIM_MEM_PROTECTION },
	{ 15, 0, 15, 1, SIM_MEM_OK },
	{ 15, 0, 14, 1, SIM_MEM_PROTECTION },
	{ 1, 1, 15, 1, SIM_MEM_PROTECTION },
	/* fetches: F = 0, or key 0, or key == ACC */
	{ 0, 0, 0, 0, SIM_MEM_OK },
	{ 0, 0, 9, 0, SIM_MEM_OK },
	{ 0, 1, 0, 0, SIM_MEM_OK },
	{ 0, 1, 1, 0, SIM_MEM_PROTECTION },
	{ 5, 0, 6, 0, SIM_MEM_OK },
	{ 5, 0, 5, 0, SIM_MEM_OK },
	{ 5, 1, 5, 0, SIM_MEM_OK },
	{ 5, 1, 0, 0, SIM_MEM_OK },
	{ 5, 1, 6, 0, SIM_MEM_PROTECTION },
	{ 15, 1, 15, 0, SIM_MEM_OK },
	{ 15, 1, 14, 0, SIM_MEM_PROTECTION },
	{ 14, 1, 15, 0, SIM_MEM_PROTECTION },
};

START_TEST(test_mem_protection_table)
{
	const struct prot_row *r = &prot_rows[_i];
	struct sim_mem *m = sim_mem_create(3 * PG);
	uint8_t skey = SIM_SKEY_MAKE(r->acc, r->f), after;
	uint8_t b = 0x99;
	uint16_t h = 0x1234;
	struct sim_mem_fault f;
	enum sim_mem_err err;

	/* Frame 1 holds data (written with key 0) before its key is set. */
	ck_assert_int_eq(sim_mem_write(m, PG + 7, "\xc3\x3c", 2, 0, NULL),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_set_key(m, PG, skey), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_check(m, PG + 7, 1, r->key, r->store, &f),
			 r->want);
	if (r->store)
		err = sim_mem_store_be16(m, PG + 7, r->key, 0xabcd, &f);
	else
		err = sim_mem_load_be16(m, PG + 7, r->key, &h, &f);
	ck_assert_msg(err == r->want, "acc %u f %u key %u %s: got %s",
		      r->acc, r->f, r->key, r->store ? "store" : "fetch",
		      sim_mem_strerror(err));
	after = key_of(m, PG);
	if (err) {
		ck_assert_uint_eq(f.addr, PG + 7);
		ck_assert_uint_eq(after, skey);
		ck_assert_uint_eq(h, 0x1234);
	} else if (r->store) {
		ck_assert_uint_eq(after, skey | SIM_SKEY_R | SIM_SKEY_C);
	} else {
		ck_assert_uint_eq(after, skey | SIM_SKEY_R);
		ck_assert_uint_eq(h, 0xc33c);
	}
	/* The plain transfer calls agree with check and the be helpers. */
	if (r->store)
		err = sim_mem_write(m, PG + 100, &b, 1, r->key, NULL);
	else
		err = sim_mem_read(m, PG + 100, &b, 1, r->key, NULL);
	ck_assert_int_eq(err, r->want);
	ck_assert_int_eq(sim_mem_read(m, PG + 7, &b, 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(b, r->store && !r->want ? 0xab : 0xc3);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_key_refuses_bad_access_key)
{
	struct sim_mem *m = sim_mem_create(PG);
	uint8_t b = 0;
	uint32_t w;
	struct sim_mem_fault f;

	ck_assert_int_eq(sim_mem_read(m, 0, &b, 1, 16, &f), SIM_MEM_INVAL);
	ck_assert_int_eq(f.err, SIM_MEM_INVAL);
	ck_assert_uint_eq(f.addr, 0);
	ck_assert_int_eq(sim_mem_write(m, 0, &b, 1, 0xff, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_fill(m, 0, 0, 1, 16, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_check(m, 0, 1, 16, 0, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_load_be32(m, 0, 16, &w, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_store_be32(m, 0, 16, 1, NULL), SIM_MEM_INVAL);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	sim_mem_destroy(m);
}
END_TEST

/* An untouched frame has storage key 0: only key 0 may store into it. */
START_TEST(test_mem_key_untouched_frame_has_key_zero)
{
	struct sim_mem *m = sim_mem_create(64 * GIB);
	uint8_t b = 0x5a;
	struct sim_mem_fault f;

	ck_assert_uint_eq(key_of(m, 40 * GIB), 0);
	ck_assert_int_eq(sim_mem_write(m, 40 * GIB + 3, &b, 1, 5, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, 40 * GIB + 3);
	ck_assert_int_eq(sim_mem_check(m, 40 * GIB, 1, 5, 1, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_int_eq(sim_mem_fill(m, 40 * GIB, 0, 1, 15, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_int_eq(sim_mem_store_be32(m, 40 * GIB, 1, 1, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_int_eq(sim_mem_read(m, 40 * GIB + 3, &b, 1, 5, &f),
			 SIM_MEM_OK);
	ck_assert_uint_eq(b, 0);
	ck_assert_uint_eq(key_of(m, 40 * GIB), SIM_SKEY_R);
	ck_assert_int_eq(sim_mem_write(m, 40 * GIB + 3, &b, 1, 0, &f),
			 SIM_MEM_OK);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 1);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_key_set_get_round_trip_without_allocation)
{
	uint64_t size = 64 * GIB;
	struct sim_mem *m = sim_mem_create(size);
	uint8_t k;

	for (uint64_t a = 0; a < size; a += GIB + 3 * PG + 5)
		ck_assert_int_eq(sim_mem_set_key(m, a, (uint8_t)(a >> 20)),
				 SIM_MEM_OK);
	for (uint64_t a = 0; a < size; a += GIB + 3 * PG + 5) {
		/* Any byte of the frame names the frame. */
		uint64_t other = (a & ~SIM_PAGE_MASK) + PG - 1;

		ck_assert_uint_eq(key_of(m, other), (uint8_t)(a >> 20) & 0xfe);
	}
	ck_assert_int_eq(sim_mem_set_key(m, size - 1, 0xff), SIM_MEM_OK);
	/* Bit 7 is not part of the key. */
	ck_assert_uint_eq(key_of(m, size - PG), 0xfe);
	ck_assert_uint_eq(key_of(m, 5 * GIB + 77 * PG), 0);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	ck_assert_int_eq(sim_mem_set_key(m, size, 0x10), SIM_MEM_ADDRESSING);
	ck_assert_int_eq(sim_mem_set_key(m, UINT64_MAX, 0x10),
			 SIM_MEM_ADDRESSING);
	k = 0x77;
	ck_assert_int_eq(sim_mem_get_key(m, size, &k), SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(k, 0x77);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_key_records_reference_and_change)
{
	struct sim_mem *m = sim_mem_create(4 * PG);
	uint8_t buf[16];

	ck_assert_int_eq(sim_mem_set_key(m, 0, 0x30), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_set_key(m, PG, 0x30), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_set_key(m, 2 * PG, 0x38), SIM_MEM_OK);
	/* check records nothing */
	ck_assert_int_eq(sim_mem_check(m, 0, 2 * PG, 3, 1, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(key_of(m, 0), 0x30);
	/* a fetch from an untouched frame sets R, allocating no data */
	ck_assert_int_eq(sim_mem_read(m, 10, buf, 4, 3, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(key_of(m, 0), 0x34);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	/* a store sets R and C */
	ck_assert_int_eq(sim_mem_write(m, PG + 1, buf, 1, 3, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(key_of(m, PG), 0x36);
	/* a fetch spanning two frames sets R on both, C on neither */
	ck_assert_int_eq(sim_mem_set_key(m, PG, 0x30), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_read(m, 2 * PG - 8, buf, 16, 3, NULL),
			 SIM_MEM_OK);
	ck_assert_uint_eq(key_of(m, PG), 0x34);
	ck_assert_uint_eq(key_of(m, 2 * PG), 0x3c);
	/* a refused access records nothing */
	ck_assert_int_eq(sim_mem_set_key(m, 2 * PG, 0x38), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_read(m, 2 * PG, buf, 1, 4, NULL),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(key_of(m, 2 * PG), 0x38);
	/* a key-0 store records too; frame 3 was never keyed */
	ck_assert_int_eq(sim_mem_fill(m, 3 * PG, 1, 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(key_of(m, 3 * PG), SIM_SKEY_R | SIM_SKEY_C);
	sim_mem_destroy(m);
}
END_TEST

/* ---- partial transfers ----------------------------------------------- */

/* Frames 1 and 3 belong to key 5, frame 2 to key 3 (fetch-protected). */
static struct sim_mem *three_frames(void)
{
	struct sim_mem *m = sim_mem_create(8 * PG);

	ck_assert_int_eq(sim_mem_set_key(m, PG, 0x50), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_set_key(m, 2 * PG, 0x38), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_set_key(m, 3 * PG, 0x50), SIM_MEM_OK);
	return m;
}

START_TEST(test_mem_partial_write_stops_at_protected_middle_frame)
{
	struct sim_mem *m = three_frames();
	static uint8_t in[3 * 4096], out[3 * 4096];
	struct sim_mem_fault f;

	pattern(in, sizeof(in), 1);
	ck_assert_int_eq(sim_mem_write(m, PG, in, sizeof(in), 5, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_int_eq(f.err, SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, 2 * PG);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 1);
	ck_assert_uint_eq(key_of(m, PG), 0x56);
	ck_assert_uint_eq(key_of(m, 2 * PG), 0x38);
	ck_assert_uint_eq(key_of(m, 3 * PG), 0x50);
	ck_assert_int_eq(sim_mem_read(m, PG, out, sizeof(out), 0, NULL),
			 SIM_MEM_OK);
	ck_assert(memcmp(out, in, PG) == 0);
	ck_assert(all_zero(out + PG, 2 * PG));
	/* From mid-frame: bytes done = fault.addr - start. */
	ck_assert_int_eq(sim_mem_write(m, PG + 100, in, 2 * PG, 5, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr - (PG + 100), PG - 100);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_partial_read_stops_at_fetch_protected_frame)
{
	struct sim_mem *m = three_frames();
	static uint8_t in[4096], out[3 * 4096];
	struct sim_mem_fault f;

	pattern(in, sizeof(in), 2);
	ck_assert_int_eq(sim_mem_write(m, PG, in, PG, 0, NULL), SIM_MEM_OK);
	memset(out, 0xee, sizeof(out));
	ck_assert_int_eq(sim_mem_read(m, PG, out, sizeof(out), 5, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, 2 * PG);
	ck_assert(memcmp(out, in, PG) == 0);
	/* Nothing written to the buffer past the failing byte. */
	ck_assert_uint_eq(out[PG], 0xee);
	ck_assert_uint_eq(out[3 * PG - 1], 0xee);
	ck_assert_uint_eq(key_of(m, 3 * PG), 0x50);
	/* Key 3 owns frame 2 and may fetch the unprotected frames 1 and 3. */
	ck_assert_int_eq(sim_mem_read(m, PG, out, sizeof(out), 3, &f),
			 SIM_MEM_OK);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_check_finds_first_failure_no_side_effects)
{
	struct sim_mem *m = three_frames();
	struct sim_mem_fault f;

	ck_assert_int_eq(sim_mem_check(m, PG + 9, 3 * PG, 5, 1, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_int_eq(f.err, SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, 2 * PG);
	ck_assert_int_eq(sim_mem_check(m, PG + 9, 3 * PG, 5, 0, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, 2 * PG);
	/* Key 3 fetches everything (frames 1 and 3 are not F) ... */
	ck_assert_int_eq(sim_mem_check(m, PG, 3 * PG, 3, 0, &f), SIM_MEM_OK);
	ck_assert_uint_eq(f.addr, 4 * PG);
	/* ... but may store only into frame 2. */
	ck_assert_int_eq(sim_mem_check(m, PG, PG, 3, 1, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, PG);
	ck_assert_int_eq(sim_mem_check(m, 2 * PG, 2 * PG, 3, 1, &f),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(f.addr, 3 * PG);
	ck_assert_int_eq(sim_mem_check(m, 0, 8 * PG, 0, 1, &f), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_check(m, 0, 8 * PG + 1, 0, 1, &f),
			 SIM_MEM_ADDRESSING);
	ck_assert_uint_eq(f.addr, 8 * PG);
	ck_assert_uint_eq(key_of(m, PG), 0x50);
	ck_assert_uint_eq(key_of(m, 2 * PG), 0x38);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	sim_mem_destroy(m);
}
END_TEST

/* ---- alias frames ---------------------------------------------------- */

START_TEST(test_mem_alias_both_directions_share_bytes)
{
	struct sim_mem *m = sim_mem_create(8 * PG);
	uint8_t *raw = calloc(1, 3 * PG + 1);
	uint8_t *host = raw + 1;	/* any alignment will do */
	uint8_t out[5];
	uint32_t w = 0;

	ck_assert_int_eq(sim_mem_alias(m, 2 * PG, host, 3 * PG), 0);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 3);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	/* sim_mem -> host, across an aliased frame boundary */
	ck_assert_int_eq(sim_mem_write(m, 3 * PG - 2, "hello", 5, 0, NULL),
			 SIM_MEM_OK);
	ck_assert(memcmp(host + PG - 2, "hello", 5) == 0);
	ck_assert_int_eq(sim_mem_store_be32(m, 4 * PG + 8, 0, 0x01020304,
					    NULL), SIM_MEM_OK);
	ck_assert_uint_eq(host[2 * PG + 8], 0x01);
	ck_assert_uint_eq(host[2 * PG + 11], 0x04);
	/* host -> sim_mem */
	memcpy(host + 2 * PG + 100, "\xca\xfe\xf0\x0d", 4);
	ck_assert_int_eq(sim_mem_load_be32(m, 4 * PG + 100, 0, &w, NULL),
			 SIM_MEM_OK);
	ck_assert_uint_eq(w, 0xcafef00d);
	host[0] = 'x';
	ck_assert_int_eq(sim_mem_read(m, 2 * PG, out, 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(out[0], 'x');
	/* Stores into aliased frames allocate nothing and set R and C. */
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	ck_assert_uint_eq(key_of(m, 2 * PG), SIM_SKEY_R | SIM_SKEY_C);
	ck_assert_uint_eq(raw[0], 0);
	ck_assert_int_eq(sim_mem_unalias(m, 2 * PG, 3 * PG, 0), 0);
	sim_mem_destroy(m);
	free(raw);
}
END_TEST

START_TEST(test_mem_alias_refuses_used_frames_and_changes_nothing)
{
	struct sim_mem *m = sim_mem_create(8 * PG);
	static uint8_t host[4 * 4096], other[4096];
	uint8_t b = 0;

	ck_assert_int_eq(sim_mem_write(m, 3 * PG + 5, "\x11", 1, 0, NULL),
			 SIM_MEM_OK);
	/* Frame 3 has own data: the whole alias is refused. */
	ck_assert_int_eq(sim_mem_alias(m, PG, host, 4 * PG), -EBUSY);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 0);
	ck_assert_int_eq(sim_mem_write(m, PG, "\x22", 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(host[0], 0);
	ck_assert_int_eq(sim_mem_read(m, 3 * PG + 5, &b, 1, 0, NULL),
			 SIM_MEM_OK);
	ck_assert_uint_eq(b, 0x11);
	/* An aliased frame cannot be aliased again. */
	ck_assert_int_eq(sim_mem_alias(m, 5 * PG, host, 2 * PG), 0);
	ck_assert_int_eq(sim_mem_alias(m, 6 * PG, other, PG), -EBUSY);
	ck_assert_int_eq(sim_mem_alias(m, 4 * PG, other, 2 * PG), -EBUSY);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 2);
	ck_assert_int_eq(sim_mem_alias(m, 4 * PG, other, PG), 0);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 3);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_alias_bad_arguments_are_refused)
{
	uint64_t size = 8 * PG;
	struct sim_mem *m = sim_mem_create(size);
	static uint8_t host[2 * 4096];

	ck_assert_int_eq(sim_mem_alias(NULL, 0, host, PG), -EINVAL);
	ck_assert_int_eq(sim_mem_alias(m, 0, NULL, PG), -EINVAL);
	ck_assert_int_eq(sim_mem_alias(m, 1, host, PG), -EINVAL);
	ck_assert_int_eq(sim_mem_alias(m, PG + 2048, host, PG), -EINVAL);
	ck_assert_int_eq(sim_mem_alias(m, 0, host, PG + 1), -EINVAL);
	ck_assert_int_eq(sim_mem_alias(m, 0, host, 100), -EINVAL);
	ck_assert_int_eq(sim_mem_alias(m, 0, host, 0), -EINVAL);
	ck_assert_int_eq(sim_mem_alias(m, size, host, PG), -ERANGE);
	ck_assert_int_eq(sim_mem_alias(m, size - PG, host, 2 * PG), -ERANGE);
	ck_assert_int_eq(sim_mem_alias(m, size - PG, host,
				       UINT64_MAX & ~SIM_PAGE_MASK), -ERANGE);
	ck_assert_int_eq(sim_mem_alias(m, UINT64_MAX & ~SIM_PAGE_MASK, host,
				       PG), -ERANGE);
	/* Host memory that would wrap around the address space. */
	ck_assert_int_eq(sim_mem_alias(m, 0, (void *)(UINTPTR_MAX - 100), PG),
			 -EINVAL);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 0);
	ck_assert_int_eq(sim_mem_unalias(NULL, 0, PG, 0), -EINVAL);
	ck_assert_int_eq(sim_mem_unalias(m, 3, PG, 0), -EINVAL);
	ck_assert_int_eq(sim_mem_unalias(m, 0, 0, 0), -EINVAL);
	ck_assert_int_eq(sim_mem_unalias(m, size, PG, 1), -ERANGE);
	ck_assert_int_eq(sim_mem_poison(NULL, 0, PG), -EINVAL);
	ck_assert_int_eq(sim_mem_poison(m, 0, 5), -EINVAL);
	ck_assert_int_eq(sim_mem_poison(m, 0, size + PG), -ERANGE);
	ck_assert_int_eq(sim_mem_unpoison(NULL, 0, PG), -EINVAL);
	ck_assert_int_eq(sim_mem_unpoison(m, PG - 1, PG), -EINVAL);
	ck_assert_int_eq(sim_mem_unpoison(m, 0, size + PG), -ERANGE);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 0);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_unalias_without_poison_leaves_empty_frames)
{
	struct sim_mem *m = sim_mem_create(4 * PG);
	static uint8_t host[2 * 4096];
	uint8_t b = 0xff;

	memset(host, 0x66, sizeof(host));
	ck_assert_int_eq(sim_mem_alias(m, PG, host, 2 * PG), 0);
	/* Only part of the range aliased: refused, alias intact. */
	ck_assert_int_eq(sim_mem_unalias(m, 0, 2 * PG, 0), -ENOENT);
	ck_assert_int_eq(sim_mem_unalias(m, PG, 3 * PG, 0), -ENOENT);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 2);
	ck_assert_int_eq(sim_mem_unalias(m, PG, 2 * PG, 0), 0);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 0);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 0);
	ck_assert_int_eq(sim_mem_read(m, PG, &b, 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(b, 0);
	/* A store now gets an own frame; the host memory is left alone. */
	ck_assert_int_eq(sim_mem_fill(m, PG, 0x77, 2 * PG, 0, NULL),
			 SIM_MEM_OK);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 2);
	ck_assert_uint_eq(host[0], 0x66);
	ck_assert_uint_eq(host[2 * PG - 1], 0x66);
	ck_assert_int_eq(sim_mem_unalias(m, PG, PG, 0), -ENOENT);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_unalias_with_poison_makes_every_access_fail)
{
	struct sim_mem *m = sim_mem_create(4 * PG);
	static uint8_t host[2 * 4096];
	uint8_t buf[64];
	uint32_t w = 7;
	struct sim_mem_fault f;

	ck_assert_int_eq(sim_mem_alias(m, 2 * PG, host, 2 * PG), 0);
	ck_assert_int_eq(sim_mem_unalias(m, 2 * PG, 2 * PG, 1), 0);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 0);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 2);
	ck_assert_int_eq(sim_mem_read(m, 2 * PG + 3, buf, 1, 0, &f),
			 SIM_MEM_POISONED);
	ck_assert_int_eq(f.err, SIM_MEM_POISONED);
	ck_assert_uint_eq(f.addr, 2 * PG + 3);
	ck_assert_int_eq(sim_mem_write(m, 3 * PG, buf, 1, 0, &f),
			 SIM_MEM_POISONED);
	ck_assert_int_eq(sim_mem_fill(m, 3 * PG, 0, 1, 0, &f),
			 SIM_MEM_POISONED);
	ck_assert_int_eq(sim_mem_check(m, 2 * PG, 1, 0, 0, &f),
			 SIM_MEM_POISONED);
	ck_assert_int_eq(sim_mem_load_be32(m, 2 * PG, 0, &w, &f),
			 SIM_MEM_POISONED);
	ck_assert_uint_eq(w, 7);
	ck_assert_int_eq(sim_mem_store_be64(m, 4 * PG - 8, 0, 1, &f),
			 SIM_MEM_POISONED);
	/* A transfer from a healthy frame stops at the poisoned one. */
	memset(buf, 0xab, sizeof(buf));
	ck_assert_int_eq(sim_mem_write(m, 2 * PG - 32, buf, 64, 0, &f),
			 SIM_MEM_POISONED);
	ck_assert_uint_eq(f.addr, 2 * PG);
	/* Poisoned wins over protection: the model bug is what matters. */
	ck_assert_int_eq(sim_mem_set_key(m, 2 * PG, 0x98), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_read(m, 2 * PG, buf, 1, 1, &f),
			 SIM_MEM_POISONED);
	ck_assert(all_zero(host, sizeof(host)));
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 1);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_unpoison_and_realias_clear_poison)
{
	struct sim_mem *m = sim_mem_create(4 * PG);
	static uint8_t host[2 * 4096];
	uint8_t b = 0xff;

	ck_assert_int_eq(sim_mem_alias(m, 0, host, 2 * PG), 0);
	ck_assert_int_eq(sim_mem_unalias(m, 0, 2 * PG, 1), 0);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 2);
	/* unpoison: an empty frame again */
	ck_assert_int_eq(sim_mem_unpoison(m, 0, PG), 0);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 1);
	ck_assert_int_eq(sim_mem_read(m, 5, &b, 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(b, 0);
	ck_assert_int_eq(sim_mem_write(m, 5, "\x01", 1, 0, NULL), SIM_MEM_OK);
	/* a new alias over a poisoned frame */
	host[PG + 9] = 0x42;
	ck_assert_int_eq(sim_mem_alias(m, PG, host + PG, PG), 0);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 0);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 1);
	ck_assert_int_eq(sim_mem_read(m, PG + 9, &b, 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(b, 0x42);
	/* unpoison leaves own and aliased frames as they are */
	ck_assert_int_eq(sim_mem_unpoison(m, 0, 4 * PG), 0);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 1);
	ck_assert_uint_eq(sim_mem_frames_aliased(m), 1);
	ck_assert_int_eq(sim_mem_read(m, 5, &b, 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(b, 1);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_poison_own_frames_frees_data)
{
	struct sim_mem *m = sim_mem_create(8 * PG);
	static uint8_t host[4096];
	uint8_t b = 0xff;
	struct sim_mem_fault f;

	ck_assert_int_eq(sim_mem_fill(m, 0, 0x33, 2 * PG, 0, NULL), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_alias(m, 5 * PG, host, PG), 0);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 2);
	/* An aliased frame in the range: refused, nothing changes. */
	ck_assert_int_eq(sim_mem_poison(m, 0, 6 * PG), -EBUSY);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 2);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 0);
	/* Own frames 0-1 and never-touched frames 2-3. */
	ck_assert_int_eq(sim_mem_poison(m, 0, 4 * PG), 0);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 4);
	ck_assert_int_eq(sim_mem_read(m, PG + 1, &b, 1, 0, &f),
			 SIM_MEM_POISONED);
	ck_assert_uint_eq(f.addr, PG + 1);
	ck_assert_int_eq(sim_mem_write(m, 3 * PG, &b, 1, 0, &f),
			 SIM_MEM_POISONED);
	/* Poisoning again is harmless. */
	ck_assert_int_eq(sim_mem_poison(m, PG, PG), 0);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 4);
	ck_assert_int_eq(sim_mem_unpoison(m, 0, 4 * PG), 0);
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), 0);
	ck_assert_int_eq(sim_mem_read(m, PG + 1, &b, 1, 0, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(b, 0);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	sim_mem_destroy(m);
}
END_TEST

/* Keys belong to the absolute frame, not to the memory mapped there. */
START_TEST(test_mem_alias_keys_survive_alias_and_unalias)
{
	struct sim_mem *m = sim_mem_create(4 * PG);
	static uint8_t host[4096];

	ck_assert_int_eq(sim_mem_set_key(m, PG, 0x50), SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_alias(m, PG, host, PG), 0);
	ck_assert_uint_eq(key_of(m, PG), 0x50);
	ck_assert_int_eq(sim_mem_write(m, PG, "\x01", 1, 6, NULL),
			 SIM_MEM_PROTECTION);
	ck_assert_uint_eq(host[0], 0);
	ck_assert_int_eq(sim_mem_write(m, PG, "\x01", 1, 5, NULL), SIM_MEM_OK);
	ck_assert_uint_eq(host[0], 1);
	ck_assert_uint_eq(key_of(m, PG), 0x56);
	ck_assert_int_eq(sim_mem_unalias(m, PG, PG, 1), 0);
	ck_assert_uint_eq(key_of(m, PG), 0x56);
	ck_assert_int_eq(sim_mem_unpoison(m, PG, PG), 0);
	ck_assert_uint_eq(key_of(m, PG), 0x56);
	ck_assert_int_eq(sim_mem_write(m, PG, "\x01", 1, 6, NULL),
			 SIM_MEM_PROTECTION);
	ck_assert_int_eq(sim_mem_poison(m, PG, PG), 0);
	ck_assert_uint_eq(key_of(m, PG), 0x56);
	sim_mem_destroy(m);
}
END_TEST

/* ---- bad arguments --------------------------------------------------- */

START_TEST(test_mem_null_arguments_are_refused)
{
	struct sim_mem *m = sim_mem_create(PG);
	struct sim_mem_fault f = { SIM_MEM_OK, 0 };
	uint8_t k = 0;
	uint16_t h;
	uint32_t w;
	uint64_t d;

	ck_assert_int_eq(sim_mem_read(NULL, 3, &k, 1, 0, &f), SIM_MEM_INVAL);
	ck_assert_int_eq(f.err, SIM_MEM_INVAL);
	ck_assert_uint_eq(f.addr, 3);
	ck_assert_int_eq(sim_mem_write(NULL, 0, &k, 1, 0, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_fill(NULL, 0, 0, 1, 0, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_check(NULL, 0, 1, 0, 0, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_read(m, 0, NULL, 1, 0, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_write(m, 0, NULL, 1, 0, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_load_be16(m, 0, 0, NULL, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_load_be32(m, 0, 0, NULL, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_load_be64(m, 0, 0, NULL, NULL), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_load_be16(NULL, 0, 0, &h, NULL),
			 SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_load_be32(NULL, 0, 0, &w, NULL),
			 SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_load_be64(NULL, 0, 0, &d, NULL),
			 SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_store_be16(NULL, 0, 0, 1, NULL),
			 SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_store_be32(NULL, 0, 0, 1, NULL),
			 SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_store_be64(NULL, 0, 0, 1, NULL),
			 SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_set_key(NULL, 0, 0), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_get_key(NULL, 0, &k), SIM_MEM_INVAL);
	ck_assert_int_eq(sim_mem_get_key(m, 0, NULL), SIM_MEM_INVAL);
	ck_assert_uint_eq(sim_mem_size(NULL), 0);
	ck_assert_uint_eq(sim_mem_frames_allocated(NULL), 0);
	ck_assert_uint_eq(sim_mem_frames_aliased(NULL), 0);
	ck_assert_uint_eq(sim_mem_frames_poisoned(NULL), 0);
	ck_assert_uint_eq(sim_mem_frames_allocated(m), 0);
	sim_mem_destroy(NULL);
	sim_mem_destroy(m);
}
END_TEST

START_TEST(test_mem_strerror_names_every_error)
{
	static const enum sim_mem_err all[] = {
		SIM_MEM_OK, SIM_MEM_ADDRESSING, SIM_MEM_PROTECTION,
		SIM_MEM_POISONED, SIM_MEM_NOMEM, SIM_MEM_INVAL,
	};
	const unsigned int n = sizeof(all) / sizeof(all[0]);

	for (unsigned int i = 0; i < n; i++) {
		const char *s = sim_mem_strerror(all[i]);

		ck_assert_ptr_nonnull(s);
		ck_assert_uint_gt(strlen(s), 0);
		for (unsigned int j = 0; j < i; j++)
			ck_assert_str_ne(s, sim_mem_strerror(all[j]));
	}
	ck_assert_ptr_nonnull(sim_mem_strerror((enum sim_mem_err)99));
}
END_TEST

/* ---- random operations against a flat reference model ------------------ */

#define RF 8
#define RSIZE (RF * 4096)

struct model {
	uint8_t data[RSIZE];
	uint8_t skey[RF];
	int poisoned[RF];
};

static int model_permits(uint8_t skey, uint8_t key, int store)
{
	int owner = key == 0 || key == SIM_SKEY_ACC(skey);

	return store ? owner : owner || !(skey & SIM_SKEY_F);
}

/*
 * Byte by byte, the way the architecture states it: the first byte that
 * fails stops the transfer.  Returns the error; *stop is the failing byte.
 */
static enum sim_mem_err model_access(struct model *md, uint64_t addr,
				     uint64_t len, uint8_t key, int store,
				     const uint8_t *src, uint8_t *dst,
				     uint64_t *stop)
{
	for (uint64_t b = addr; b < addr + len; b++) {
		uint64_t fr = b / PG;

		*stop = b;
		if (b >= RSIZE)
			return SIM_MEM_ADDRESSING;
		if (md->poisoned[fr])
			return SIM_MEM_POISONED;
		if (!model_permits(md->skey[fr], key, store))
			return SIM_MEM_PROTECTION;
		if (store) {
			md->data[b] = src[b - addr];
			md->skey[fr] |= SIM_SKEY_R | SIM_SKEY_C;
		} else {
			dst[b - addr] = md->data[b];
			md->skey[fr] |= SIM_SKEY_R;
		}
	}
	*stop = addr + len;
	return SIM_MEM_OK;
}

START_TEST(test_mem_random_ops_match_flat_model)
{
	static struct model md;
	static uint8_t src[3 * 4096], got[3 * 4096], want[3 * 4096];
	static const uint8_t keys[] = { 0, 3, 5, 7 };
	struct sim_mem *m = sim_mem_create(RSIZE);
	struct sim_rng rng;
	uint64_t npoisoned = 0;

	memset(&md, 0, sizeof(md));
	sim_rng_init(&rng, 7, SIM_RNG_WORKLOAD, 1);
	for (int round = 0; round < 3000; round++) {
		uint64_t op = sim_rng_below(&rng, 10);
		uint64_t addr = sim_rng_below(&rng, RSIZE + 2 * PG);
		uint64_t len = sim_rng_below(&rng, 3 * PG);
		uint8_t key = keys[sim_rng_below(&rng, 4)];
		uint64_t fr = sim_rng_below(&rng, RF), stop;
		struct sim_mem_fault f;
		enum sim_mem_err err, exp;

		if (op < 4) {
			pattern(src, len, (uint64_t)round);
			exp = model_access(&md, addr, len, key, 1, src, NULL,
					   &stop);
			err = sim_mem_write(m, addr, src, len, key, &f);
		} else if (op < 8) {
			memset(got, 0xee, sizeof(got));
			exp = model_access(&md, addr, len, key, 0, NULL, want,
					   &stop);
			err = sim_mem_read(m, addr, got, len, key, &f);
			ck_assert(memcmp(got, want, stop - addr) == 0);
		} else if (op == 8) {
			uint8_t acc = keys[sim_rng_below(&rng, 4)];
			uint8_t sk = SIM_SKEY_MAKE(acc,
						   sim_rng_below(&rng, 2));

			md.skey[fr] = sk;
			ck_assert_int_eq(sim_mem_set_key(m, fr * PG, sk),
					 SIM_MEM_OK);
			continue;
		} else {
			uint64_t n = 1 + sim_rng_below(&rng, RF - fr);
			int poison = (int)sim_rng_below(&rng, 2);

			for (uint64_t i = fr; i < fr + n; i++) {
				if (poison)
					memset(md.data + i * PG, 0, PG);
				md.poisoned[i] = poison;
			}
			if (poison)
				ck_assert_int_eq(sim_mem_poison(m, fr * PG,
								n * PG), 0);
			else
				ck_assert_int_eq(sim_mem_unpoison(m, fr * PG,
								  n * PG), 0);
			continue;
		}
		ck_assert_msg(err == exp, "round %d: %s, model %s", round,
			      sim_mem_strerror(err), sim_mem_strerror(exp));
		ck_assert_uint_eq(f.err, exp);
		ck_assert_uint_eq(f.addr, stop);
		for (uint64_t i = 0; i < RF; i++)
			ck_assert_uint_eq(key_of(m, i * PG), md.skey[i]);
	}
	for (uint64_t i = 0; i < RF; i++) {
		if (md.poisoned[i]) {
			npoisoned++;
			continue;
		}
		ck_assert_int_eq(sim_mem_read(m, i * PG, got, PG, 0, NULL),
				 SIM_MEM_OK);
		ck_assert(memcmp(got, md.data + i * PG, PG) == 0);
	}
	ck_assert_uint_eq(sim_mem_frames_poisoned(m), npoisoned);
	ck_assert_uint_le(sim_mem_frames_allocated(m) + npoisoned, RF);
	sim_mem_destroy(m);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("sim_mem");
	TCase *sparse = tcase_create("sparse");
	TCase *xfer = tcase_create("transfer");
	TCase *be = tcase_create("big_endian");
	TCase *keys = tcase_create("keys");
	TCase *alias = tcase_create("alias");
	TCase *args = tcase_create("arguments");

	tcase_add_loop_test(sparse, test_mem_create_size_table, 0,
			    sizeof(create_rows) / sizeof(create_rows[0]));
	tcase_add_test(sparse,
		       test_mem_sparse_64gib_touch_allocates_only_those);
	tcase_add_test(sparse, test_mem_sparse_max_size_last_byte_round_trips);
	tcase_add_test(sparse, test_mem_fetch_untouched_allocates_nothing);
	tcase_add_test(xfer, test_mem_cross_frame_write_read_round_trips);
	tcase_add_test(xfer,
		       test_mem_fill_crosses_frames_and_stops_at_protection);
	tcase_add_test(xfer, test_mem_zero_length_access_succeeds_anywhere);
	tcase_add_test(xfer,
		       test_mem_addressing_write_across_size_stops_at_size);
	tcase_add_test(xfer,
		       test_mem_addressing_overflowing_range_faults_not_wraps);
	tcase_add_test(xfer,
		       test_mem_partial_write_stops_at_protected_middle_frame);
	tcase_add_test(xfer,
		       test_mem_partial_read_stops_at_fetch_protected_frame);
	tcase_add_test(xfer,
		       test_mem_check_finds_first_failure_no_side_effects);
	tcase_add_test(xfer, test_mem_random_ops_match_flat_model);
	tcase_add_test(be, test_mem_be_store_writes_big_endian_byte_images);
	tcase_add_test(be, test_mem_be_load_reads_big_endian_byte_images);
	tcase_add_test(be, test_mem_be_across_frame_boundary_round_trips);
	tcase_add_test(be, test_mem_be_failure_is_all_or_nothing);
	tcase_add_loop_test(keys, test_mem_protection_table, 0,
			    sizeof(prot_rows) / sizeof(prot_rows[0]));
	tcase_add_test(keys, test_mem_key_refuses_bad_access_key);
	tcase_add_test(keys, test_mem_key_untouched_frame_has_key_zero);
	tcase_add_test(keys,
		       test_mem_key_set_get_round_trip_without_allocation);
	tcase_add_test(keys, test_mem_key_records_reference_and_change);
	tcase_add_test(alias, test_mem_alias_both_directions_share_bytes);
	tcase_add_test(alias,
		       test_mem_alias_refuses_used_frames_and_changes_nothing);
	tcase_add_test(alias, test_mem_alias_bad_arguments_are_refused);
	tcase_add_test(alias,
		       test_mem_unalias_without_poison_leaves_empty_frames);
	tcase_add_test(alias,
		       test_mem_unalias_with_poison_makes_every_access_fail);
	tcase_add_test(alias, test_mem_unpoison_and_realias_clear_poison);
	tcase_add_test(alias, test_mem_poison_own_frames_frees_data);
	tcase_add_test(alias, test_mem_alias_keys_survive_alias_and_unalias);
	tcase_add_test(args, test_mem_null_arguments_are_refused);
	tcase_add_test(args, test_mem_strerror_names_every_error);
	suite_add_tcase(s, sparse);
	suite_add_tcase(s, xfer);
	suite_add_tcase(s, be);
	suite_add_tcase(s, keys);
	suite_add_tcase(s, alias);
	suite_add_tcase(s, args);
	return s;
}
