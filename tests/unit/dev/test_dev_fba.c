// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The FBA DASD driven with the channel programs Linux's dasd_fba builds:
 * SENSE ID, RDC, then DEFINE EXTENT + LOCATE + data-chained WRITE or READ
 * (or a LOCATE per block), with and without IDAWs (format 1, format 2
 * with 2 KiB and 4 KiB blocks), the count-0 WRITE that zeroes blocks, and
 * the errors.  Every written pattern is read back through the channel and
 * compared with the backing file itself.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/arch/senseid.h>
#include <ccwsim/sim/css.h>
#include <ccwsim/sim/fba.h>

#include "check_main.h"

#define MEM	(32u << 20)
#define ORB	0x1000u
#define CCWS	0x2000u
#define PARAMS	0x3000u		/* DE at +0, LOCATEs from +0x40 */
#define IDAL	0x4000u
#define IRB	0x5000u
#define BUF	0x100000u	/* data: 1 MiB in, crosses pages */
#define BS	512u
#define BLOCKS	2048u		/* 1 MiB device */

#define CMD_WRITE	0x41
#define CMD_READ	0x42
#define CMD_LOCATE	0x43
#define CMD_DE		0x63
#define CMD_RDC		0x64

#define ORB_H	0x00020000u	/* format-2 IDAWs */
#define ORB_T	0x00010000u	/* 2 KiB IDAW blocks */

struct m {
	struct sim_evq *q;
	struct sim_mem *mem;
	struct sim_css *css;
	struct sim_dev *fba;
	struct sim_cpu cpu;
	char path[64];
	unsigned nccw;
};

static void setup_cfg(struct m *m, const struct sim_fba_cfg *base)
{
	struct sim_css_cfg cfg = { .nsets = 1, .facilities = SIM_FAC_DEFAULT };
	struct sim_sch_def d = { .devno = 0x0100, .pim = 0x80,
				 .chpid = { 0x20 } };
	struct sim_fba_cfg fc = *base;
	char err[160];
	uint8_t s[52];
	int fd;

	memset(m, 0, sizeof(*m));
	snprintf(m->path, sizeof(m->path), "/tmp/ccwsim-fba-XXXXXX");
	fd = mkstemp(m->path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	m->q = sim_evq_create();
	m->mem = sim_mem_create(MEM);
	cfg.evq = m->q;
	cfg.mem = m->mem;
	m->css = sim_css_create(&cfg);
	ck_assert_int_eq(sim_css_chp_install(m->css, 0x20, 0x11), 0);
	fc.path = m->path;
	if (!fc.blocks)
		fc.blocks = BLOCKS;
	d.dev = m->fba = sim_fba_create(0x0100, &fc, err, sizeof(err));
	ck_assert_msg(m->fba != NULL, "%s", err);
	ck_assert_int_eq(sim_css_sch_define(m->css, 0, 0, &d, 0), 0);
	m->cpu.cr6 = 0xff;
	/* Enabled with concurrent sense, as Linux's cio asks (PMCW S). */
	sim_css_stsch(m->css, &m->cpu, sim_sid(0, 0), IRB);
	sim_mem_read(m->mem, IRB, s, sizeof(s), 0, NULL);
	s[5] |= 0x80;
	s[27] |= 0x01;
	sim_mem_write(m->mem, IRB, s, sizeof(s), 0, NULL);
	ck_assert_int_eq(sim_css_msch(m->css, &m->cpu, sim_sid(0, 0), IRB).cc, 0);
}

static void setup(struct m *m)
{
	struct sim_fba_cfg fc = { .blk_size = BS };

	setup_cfg(m, &fc);
}

static void teardown(struct m *m)
{
	ck_assert_int_eq(sim_css_verify(m->css), 0);
	sim_css_destroy(m->css);
	sim_mem_destroy(m->mem);
	sim_evq_destroy(m->q);
	unlink(m->path);
}

static void ccw(struct m *m, uint8_t cmd, uint8_t flags, uint16_t count,
		uint32_t cda)
{
	uint8_t c[8] = { cmd, flags };

	ccwa_put_be16(c + 2, count);
	ccwa_put_be32(c + 4, cda);
	sim_mem_write(m->mem, CCWS + 8 * m->nccw++, c, 8, 0, NULL);
}

/* DE with Linux's values: perm (0x00 write, 0x40 read), blocks [loc, loc+n). */
static void de(struct m *m, uint8_t mask, uint32_t loc, uint32_t n)
{
	uint8_t d[16] = { mask };

	ccwa_put_be16(d + 2, BS);
	ccwa_put_be32(d + 4, loc);
	ccwa_put_be32(d + 12, n - 1);
	sim_mem_write(m->mem, PARAMS, d, sizeof(d), 0, NULL);
	ccw(m, CMD_DE, CCWA_CCW_FLAG_CC, 16, PARAMS);
}

static uint32_t lo(struct m *m, unsigned i, uint8_t op, uint16_t ct,
		   uint32_t nr)
{
	uint8_t l[8] = { op };
	uint32_t at = PARAMS + 0x40 + 8 * i;

	ccwa_put_be16(l + 2, ct);
	ccwa_put_be32(l + 4, nr);
	sim_mem_write(m->mem, at, l, sizeof(l), 0, NULL);
	return at;
}

/* Start the program at CCWS and run it; returns IRB words 0-4. */
static void run(struct m *m, uint32_t orb_extra, uint32_t w[5])
{
	uint8_t orb[12] = { 0 }, irb[96];

	ccwa_put_be32(orb + 4, 0x00c0ff00u | orb_extra);	/* F, P, LPM */
	ccwa_put_be32(orb + 8, CCWS);
	sim_mem_write(m->mem, ORB, orb, 12, 0, NULL);
	ck_assert_int_eq(sim_css_ssch(m->css, &m->cpu, sim_sid(0, 0), ORB).cc, 0);
	sim_evq_run_until(m->q, sim_evq_now(m->q) + SIM_MS(50));
	ck_assert_int_eq(sim_css_tsch(m->css, &m->cpu, sim_sid(0, 0), IRB).cc, 0);
	sim_mem_read(m->mem, IRB, irb, sizeof(irb), 0, NULL);
	for (int i = 0; i < 5; i++)
		w[i] = ccwa_get_be32(irb + 4 * i);
	m->nccw = 0;
}

static void pattern(uint8_t *b, size_t n, uint32_t seed)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)((i * 131 + seed * 7 + (i >> 9)) ^ (i >> 3));
}

static void file_blocks(struct m *m, uint32_t first, uint32_t n, uint8_t *out)
{
	int fd = open(m->path, O_RDONLY);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pread(fd, out, n * BS, (off_t)first * BS),
			 (ssize_t)(n * BS));
	close(fd);
}

/*
 * The data CCWs of a transfer of @n blocks at BUF (+@skew): one per block,
 * data-chained (Linux with data_chain), optionally through IDAWs.
 */
enum ida { IDA_NONE, IDA_F1, IDA_F2_2K, IDA_F2_4K };

static uint32_t data_ccws(struct m *m, uint8_t cmd, uint32_t n, uint32_t buf,
			  enum ida ida)
{
	uint32_t idal = IDAL, blk = ida == IDA_F2_4K ? 4096 : 2048;
	unsigned sz = ida == IDA_F1 ? 4 : 8;

	for (uint32_t k = 0; k < n; k++) {
		uint8_t fl = k + 1 < n ? CCWA_CCW_FLAG_CD : 0;
		uint32_t a = buf + k * BS;

		if (ida == IDA_NONE) {
			ccw(m, cmd, fl, BS, a);
			continue;
		}
		/* First IDAW: the exact address; later: block starts. */
		ccw(m, cmd, fl | CCWA_CCW_FLAG_IDA, BS, idal);
		for (uint32_t p = a; p < a + BS; p = (p / blk + 1) * blk) {
			uint8_t w[8] = { 0 };

			if (sz == 4)
				ccwa_put_be32(w, p);
			else
				ccwa_put_be64(w, p);
			sim_mem_write(m->mem, idal, w, sz, 0, NULL);
			idal += sz;
		}
	}
	switch (ida) {
	case IDA_F2_2K:
		return ORB_H | ORB_T;
	case IDA_F2_4K:
		return ORB_H;
	default:
		return 0;
	}
}

/* §1.11 (SENSE ID), qemu-vfio-ccw-on-x86 §7: what dasd_fba binds to. */
START_TEST(test_fba_sense_id_and_rdc)
{
	struct m m;
	uint32_t w[5];
	uint8_t b[40];

	setup(&m);
	ccw(&m, CCWA_CMD_SENSE_ID, CCWA_CCW_FLAG_SLI, 40, BUF);
	run(&m, 0, w);
	ck_assert_uint_eq(w[0], 0x00c04007);
	ck_assert_uint_eq(w[2], 0x0c000021);	/* 7 of 40: residual 33 */
	sim_mem_read(m.mem, BUF, b, 7, 0, NULL);
	ck_assert_int_eq(memcmp(b, "\xff\x63\x10\x01\x93\x36\x10", 7), 0);

	/* RDC: exactly 32 bytes, no SLI, so no IL (§4.5). */
	ccw(&m, CMD_RDC, 0, 32, BUF);
	run(&m, 0, w);
	ck_assert_uint_eq(w[0], 0x00c04007);
	ck_assert_uint_eq(w[2], 0x0c000000);
	sim_mem_read(m.mem, BUF, b, 32, 0, NULL);
	ck_assert_uint_eq(b[0], 0x30);			/* data chaining */
	ck_assert_uint_eq(ccwa_get_be16(b + 4), BS);
	ck_assert_uint_eq(ccwa_get_be32(b + 14), BLOCKS);
	teardown(&m);
}
END_TEST

/*
 * §4.3, §4.9: write 24 blocks of a pattern at block 100 with DE +
 * LOCATE(op 5) + data-chained WRITEs, read them back with DE + LOCATE(op
 * 6) + data-chained READs into another buffer, compare with the pattern
 * and with the file.  Rows: no IDAWs, format-1 IDAWs (2 KiB), format-2
 * with 2 KiB and with 4 KiB blocks; the data starts off a page boundary.
 */
START_TEST(test_fba_write_read_back_pattern)
{
	const uint32_t n = 24, first = 100, skew = 0x300;
	enum ida ida = (enum ida)_i;
	uint8_t *pat = malloc(n * BS), *got = malloc(n * BS);
	struct m m;
	uint32_t w[5], extra;

	setup(&m);
	pattern(pat, n * BS, (uint32_t)_i);
	sim_mem_write(m.mem, BUF + skew, pat, n * BS, 0, NULL);
	de(&m, 0x00, first, n);
	ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x05, (uint16_t)n, 0));
	extra = data_ccws(&m, CMD_WRITE, n, BUF + skew, ida);
	run(&m, extra, w);
	ck_assert_msg((w[0] & 0xffff) == 0x4007 && w[2] == 0x0c000000,
		      "write: %08x %08x %08x", w[0], w[1], w[2]);
	file_blocks(&m, first, n, got);
	ck_assert_int_eq(memcmp(got, pat, n * BS), 0);

	memset(got, 0, n * BS);
	de(&m, 0x40, first, n);
	ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x06, (uint16_t)n, 0));
	extra = data_ccws(&m, CMD_READ, n, BUF + 0x80000 + skew, ida);
	run(&m, extra, w);
	ck_assert_msg((w[0] & 0xffff) == 0x4007 && w[2] == 0x0c000000,
		      "read: %08x %08x %08x", w[0], w[1], w[2]);
	sim_mem_read(m.mem, BUF + 0x80000 + skew, got, n * BS, 0, NULL);
	ck_assert_int_eq(memcmp(got, pat, n * BS), 0);
	teardown(&m);
	free(pat);
	free(got);
}
END_TEST

/* RDC without data chaining: Linux then sends a LOCATE per block. */
START_TEST(test_fba_locate_per_block)
{
	struct sim_fba_cfg fc = { .blk_size = BS, .no_data_chain = 1 };
	const uint32_t n = 5, first = 7;
	uint8_t pat[5 * 512], got[5 * 512], rdc[32];
	struct m m;
	uint32_t w[5];

	setup_cfg(&m, &fc);
	ccw(&m, CMD_RDC, 0, 32, BUF);
	run(&m, 0, w);
	sim_mem_read(m.mem, BUF, rdc, sizeof(rdc), 0, NULL);
	ck_assert_uint_eq(rdc[0] & 0x10, 0);
	pattern(pat, sizeof(pat), 9);
	sim_mem_write(m.mem, BUF, pat, sizeof(pat), 0, NULL);
	de(&m, 0x00, first, n);
	for (uint32_t k = 0; k < n; k++) {
		ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, k, 0x05, 1, k));
		ccw(&m, CMD_WRITE, k + 1 < n ? CCWA_CCW_FLAG_CC : 0, BS,
		    BUF + k * BS);
	}
	run(&m, 0, w);
	ck_assert_uint_eq(w[0] & 0xffff, 0x4007);
	ck_assert_uint_eq(w[1], CCWS + 8 * (1 + 2 * n));
	file_blocks(&m, first, n, got);
	ck_assert_int_eq(memcmp(got, pat, sizeof(pat)), 0);
	teardown(&m);
}
END_TEST

/*
 * Discard and write-zeroes: LOCATE(op 5, n blocks) then a WRITE with
 * count 0 and SLI zeroes the n blocks; no incorrect length (§4.5, §4.7).
 */
START_TEST(test_fba_count0_write_zeroes_blocks)
{
	uint8_t ones[16 * 512], got[16 * 512], zero[8 * 512] = { 0 };
	struct sim_fba_stats st;
	struct m m;
	uint32_t w[5];

	setup(&m);
	memset(ones, 0xa5, sizeof(ones));
	sim_mem_write(m.mem, BUF, ones, sizeof(ones), 0, NULL);
	de(&m, 0x00, 40, 16);
	ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x05, 16, 0));
	data_ccws(&m, CMD_WRITE, 16, BUF, IDA_NONE);
	run(&m, 0, w);
	de(&m, 0x00, 40, 16);
	ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x05, 8, 4));
	ccw(&m, CMD_WRITE, CCWA_CCW_FLAG_SLI, 0, 0);
	run(&m, 0, w);
	ck_assert_uint_eq(w[0], 0x00c04007);
	ck_assert_uint_eq(w[2], 0x0c000000);
	file_blocks(&m, 40, 16, got);
	ck_assert_int_eq(memcmp(got, ones, 4 * 512), 0);
	ck_assert_int_eq(memcmp(got + 4 * 512, zero, 8 * 512), 0);
	ck_assert_int_eq(memcmp(got + 12 * 512, ones, 4 * 512), 0);
	sim_fba_stats(m.fba, &st);
	ck_assert_uint_eq(st.blocks_zeroed, 8);
	teardown(&m);
}
END_TEST

/*
 * Errors end with unit check; with PMCW S the sense is in the ECW
 * (§1.7 ERW S, SCNT; §4.11).  Rows give the program and sense bytes 0-1.
 */
struct err_case {
	const char *what;
	int kind;
	uint8_t s0, s1;
	uint32_t ccw_addr;		/* SCSW word 1 */
};

enum { E_OUTSIDE, E_WRITE_READONLY_EXTENT, E_READ_NO_LOCATE, E_SECOND_DE,
       E_UNKNOWN_CMD, E_LOCATE_NO_DE, E_DE_PAST_END, E_LOCATE_ZERO };

static const struct err_case errs[] = {
	{ "LOCATE past the extent", E_OUTSIDE, 0x80, 0, CCWS + 16 },
	{ "write LOCATE in a read-only extent", E_WRITE_READONLY_EXTENT, 0x80,
	  0x04, CCWS + 16 },
	{ "READ without LOCATE", E_READ_NO_LOCATE, 0x80, 0, CCWS + 16 },
	{ "a second DEFINE EXTENT", E_SECOND_DE, 0x80, 0, CCWS + 16 },
	{ "unknown command 0x86", E_UNKNOWN_CMD, 0x80, 0, CCWS + 16 },
	{ "LOCATE without DEFINE EXTENT", E_LOCATE_NO_DE, 0x80, 0, CCWS + 16 },
	{ "extent past the end of the device", E_DE_PAST_END, 0x80, 0,
	  CCWS + 16 },
	{ "LOCATE of zero blocks", E_LOCATE_ZERO, 0x80, 0, CCWS + 16 },
};

START_TEST(test_fba_errors_unit_check_with_sense)
{
	const struct err_case *e = &errs[_i];
	struct m m;
	uint32_t w[5];
	uint8_t ecw[32];

	setup(&m);
	switch (e->kind) {
	case E_OUTSIDE:
		de(&m, 0x40, 10, 4);
		ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x06, 2, 3));
		ccw(&m, CMD_READ, 0, BS, BUF);
		break;
	case E_WRITE_READONLY_EXTENT:
		de(&m, 0x40, 10, 4);
		ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x05, 1, 0));
		ccw(&m, CMD_WRITE, 0, BS, BUF);
		break;
	case E_READ_NO_LOCATE:
		de(&m, 0x40, 10, 4);
		ccw(&m, CMD_READ, 0, BS, BUF);
		break;
	case E_SECOND_DE:
		de(&m, 0x40, 10, 4);
		ccw(&m, CMD_DE, 0, 16, PARAMS);
		break;
	case E_UNKNOWN_CMD:
		ccw(&m, CCWA_CMD_NOP, CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_SLI, 0, 0);
		ccw(&m, 0x86, 0, 8, BUF);
		break;
	case E_LOCATE_NO_DE:
		ccw(&m, CCWA_CMD_NOP, CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_SLI, 0, 0);
		ccw(&m, CMD_LOCATE, 0, 8, lo(&m, 0, 0x06, 1, 0));
		break;
	case E_DE_PAST_END:
		ccw(&m, CCWA_CMD_NOP, CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_SLI, 0, 0);
		de(&m, 0x40, BLOCKS - 2, 4);
		break;
	case E_LOCATE_ZERO:
		de(&m, 0x40, 10, 4);
		ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x06, 0, 0));
		ccw(&m, CMD_READ, 0, BS, BUF);
		break;
	}
	run(&m, 0, w);
	/* Unit check: alert + primary + secondary, E (ECW valid). */
	ck_assert_msg((w[0] & 0x0002ffff) == 0x00024017,
		      "%s: SCSW word 0 %08x", e->what, w[0]);
	ck_assert_msg(w[1] == e->ccw_addr, "%s: CCW address %08x", e->what,
		      w[1]);
	ck_assert_msg((w[2] >> 24) & CCWA_DEV_STAT_UNIT_CHECK,
		      "%s: device status %02x", e->what, w[2] >> 24);
	/* ERW: S = 1, SCNT = 24 (bits 10-15). */
	ck_assert_msg(w[4] == 0x01180000, "%s: ERW %08x", e->what, w[4]);
	sim_mem_read(m.mem, IRB + 32, ecw, sizeof(ecw), 0, NULL);
	ck_assert_msg(ecw[0] == e->s0 && ecw[1] == e->s1,
		      "%s: sense %02x %02x", e->what, ecw[0], ecw[1]);
	teardown(&m);
}
END_TEST

/* A read-only device refuses every write LOCATE: file protected. */
START_TEST(test_fba_read_only_device)
{
	struct m m;
	uint32_t w[5];
	uint8_t ecw[2];

	/* A second, read-only device over the file the first one made. */
	setup(&m);
	{
		struct sim_fba_cfg ro = { .path = m.path, .blk_size = BS,
					  .read_only = 1 };
		struct sim_sch_def d = { .devno = 0x0101, .pim = 0x80,
					 .chpid = { 0x20 } };
		char err[160];
		uint8_t s[52];

		d.dev = sim_fba_create(0x0101, &ro, err, sizeof(err));
		ck_assert_msg(d.dev != NULL, "%s", err);
		ck_assert_int_eq(sim_css_sch_define(m.css, 0, 1, &d, 0), 0);
		sim_css_stsch(m.css, &m.cpu, sim_sid(0, 1), IRB);
		sim_mem_read(m.mem, IRB, s, sizeof(s), 0, NULL);
		s[5] |= 0x80;
		s[27] |= 0x01;
		sim_mem_write(m.mem, IRB, s, sizeof(s), 0, NULL);
		ck_assert_int_eq(sim_css_msch(m.css, &m.cpu, sim_sid(0, 1), IRB).cc, 0);
	}
	de(&m, 0x00, 0, 8);
	ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x05, 1, 0));
	ccw(&m, CMD_WRITE, 0, BS, BUF);
	{
		uint8_t orb[12] = { 0 }, irb[64];

		ccwa_put_be32(orb + 4, 0x00c0ff00u);
		ccwa_put_be32(orb + 8, CCWS);
		sim_mem_write(m.mem, ORB, orb, 12, 0, NULL);
		ck_assert_int_eq(sim_css_ssch(m.css, &m.cpu, sim_sid(0, 1), ORB).cc, 0);
		sim_evq_run_until(m.q, sim_evq_now(m.q) + SIM_MS(5));
		ck_assert_int_eq(sim_css_tsch(m.css, &m.cpu, sim_sid(0, 1), IRB).cc, 0);
		sim_mem_read(m.mem, IRB, irb, sizeof(irb), 0, NULL);
		w[2] = ccwa_get_be32(irb + 8);
		memcpy(ecw, irb + 32, 2);
	}
	ck_assert_uint_eq((w[2] >> 24) & CCWA_DEV_STAT_UNIT_CHECK,
			  CCWA_DEV_STAT_UNIT_CHECK);
	ck_assert_uint_eq(ecw[0], CCWA_SNS0_CMD_REJECT);
	ck_assert_uint_eq(ecw[1], 0x04);
	teardown(&m);
}
END_TEST

/*
 * §3.4: a halt in the middle of a 32-block read: the blocks before the
 * halt are in storage, none after; the file is untouched.
 */
START_TEST(test_fba_halt_mid_transfer)
{
	const uint32_t n = 32;
	uint8_t pat[32 * 512], got[32 * 512];
	struct m m;
	uint32_t w[5];
	uint8_t orb[12] = { 0 }, irb[64];
	unsigned whole = 0;

	setup(&m);
	pattern(pat, sizeof(pat), 3);
	sim_mem_write(m.mem, BUF, pat, sizeof(pat), 0, NULL);
	de(&m, 0x00, 0, n);
	ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x05, (uint16_t)n, 0));
	data_ccws(&m, CMD_WRITE, n, BUF, IDA_NONE);
	run(&m, 0, w);
	memset(got, 0xee, sizeof(got));
	sim_mem_write(m.mem, BUF + 0x80000, got, sizeof(got), 0, NULL);
	de(&m, 0x40, 0, n);
	ccw(&m, CMD_LOCATE, CCWA_CCW_FLAG_CC, 8, lo(&m, 0, 0x06, (uint16_t)n, 0));
	data_ccws(&m, CMD_READ, n, BUF + 0x80000, IDA_NONE);
	ccwa_put_be32(orb + 4, 0x00c0ff00u);
	ccwa_put_be32(orb + 8, CCWS);
	sim_mem_write(m.mem, ORB, orb, 12, 0, NULL);
	ck_assert_int_eq(sim_css_ssch(m.css, &m.cpu, sim_sid(0, 0), ORB).cc, 0);
	/* 0.5 µs start, 5 µs + 0.1 µs chain per DE/LOCATE, then 2 µs a block. */
	sim_evq_run_until(m.q, sim_evq_now(m.q) + SIM_US(30));
	ck_assert_int_eq(sim_css_hsch(m.css, &m.cpu, sim_sid(0, 0)).cc, 0);
	sim_evq_run_until(m.q, sim_evq_now(m.q) + SIM_MS(1));
	ck_assert_int_eq(sim_css_tsch(m.css, &m.cpu, sim_sid(0, 0), IRB).cc, 0);
	sim_mem_read(m.mem, IRB, irb, sizeof(irb), 0, NULL);
	ck_assert_uint_eq(ccwa_get_be32(irb), 0x00c06001);
	sim_mem_read(m.mem, BUF + 0x80000, got, sizeof(got), 0, NULL);
	while (whole < n && !memcmp(got + whole * BS, pat + whole * BS, BS))
		whole++;
	ck_assert_uint_gt(whole, 0);
	ck_assert_uint_lt(whole, n);
	for (uint32_t k = whole; k < n; k++)
		ck_assert_uint_eq(got[k * BS], 0xee);
	teardown(&m);
}
END_TEST

/* A bad backing file gives a clear error naming it, not a crash. */
START_TEST(test_fba_bad_backing_file_errors)
{
	struct sim_fba_cfg fc = { .path = "/nonexistent-dir/disk.img",
				  .blocks = 8 };
	char err[160];

	ck_assert_ptr_null(sim_fba_create(1, &fc, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent-dir/disk.img"));
	fc.path = "/tmp/ccwsim-fba-never";
	fc.blk_size = 520;
	ck_assert_ptr_null(sim_fba_create(1, &fc, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "block size 520"));
	fc.path = NULL;
	ck_assert_ptr_null(sim_fba_create(1, &fc, err, sizeof(err)));
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("dev_fba");
	TCase *tc = tcase_create("fba");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_fba_sense_id_and_rdc);
	tcase_add_loop_test(tc, test_fba_write_read_back_pattern, IDA_NONE,
			    IDA_F2_4K + 1);
	tcase_add_test(tc, test_fba_locate_per_block);
	tcase_add_test(tc, test_fba_count0_write_zeroes_blocks);
	tcase_add_loop_test(tc, test_fba_errors_unit_check_with_sense, 0,
			    sizeof(errs) / sizeof(errs[0]));
	tcase_add_test(tc, test_fba_read_only_device);
	tcase_add_test(tc, test_fba_halt_mid_transfer);
	tcase_add_test(tc, test_fba_bad_backing_file_errors);
	suite_add_tcase(s, tc);
	return s;
}
