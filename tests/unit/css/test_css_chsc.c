// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CHANNEL SUBSYSTEM CALL (B25F) through sim_css_chsc(): the instruction's
 * checks and the commands a Linux guest issues at boot.  The facts are
 * /work/chsc-facts.md ("CHSC facts: <part>" below): (a) instruction rules,
 * (b) the request and response headers and the response codes, (c) the
 * commands, (d) the SCSC characteristic bits.  Bits are MSB-0: bit n of an
 * array is byte n/8, mask 0x80 >> (n%8).
 *
 * Each request block is built by hand at the 4 KiB-aligned address AREA:
 * the request (length L) is zero past its parameters, every byte from L to
 * the end of the page and the first bytes of the next page hold a sentinel,
 * so a test sees exactly what the response wrote and that nothing was
 * written past its length.
 *
 * The fixture: CHPIDs 0x40 and 0x41 of type 0x1a; 0.0.0000 device 0x1234
 * on 0x40/0x41 (PIM 0xc0); 0.0.0001 provided, no device; 0.1.0000 device
 * 0x5678 on 0x41 (PIM 0x80); two subchannel sets, MSS and the default
 * facilities (format-1 blocks, concurrent sense, ...).
 */
#include <string.h>

#include <ccwsim/arch/be.h>

#include "check_main.h"
#include "css_fixture.h"

#define AREA		0x20000u	/* 4 KiB aligned, inside storage */
#define PAGE		4096u
#define SENTINEL	0xa5
#define SPILL		64u		/* bytes of the next page checked */

/* Command and response codes (CHSC facts: (b), (c)). */
#define CMD_SCPD	0x0002
#define CMD_SSD		0x0004
#define CMD_SEI		0x000e
#define CMD_SCSC	0x0010
#define CMD_SDA		0x0031
#define RC_OK		0x0001
#define RC_REQ_ERR	0x0003
#define RC_NOT_SUPP	0x0004
#define RC_NO_DATA	0x0005
#define RC_FORMAT	0x0007
#define RC_CSSID	0x0008
#define RC_SSID		0x000a
#define RC_FACILITY	0x0101

struct req {
	uint16_t len;		/* L */
	uint16_t code;
	uint8_t p[12];		/* bytes 4-15 */
};

/* The page as it is before the call, for comparing afterwards. */
static uint8_t before[PAGE + SPILL];

static void put_req(struct fx *f, uint64_t addr, const struct req *r)
{
	uint8_t *b = before;
	unsigned l = r->len;

	memset(b, SENTINEL, sizeof(before));
	if (l > PAGE)
		l = PAGE;
	if (l >= 16)
		memset(b, 0, l);
	ccwa_put_be16(b, r->len);
	ccwa_put_be16(b + 2, r->code);
	memcpy(b + 4, r->p, sizeof(r->p));
	sim_mem_write(f->mem, addr, b, sizeof(before), 0, NULL);
}

static struct sim_io chsc(struct fx *f, const struct req *r)
{
	put_req(f, AREA, r);
	return sim_css_chsc(f->css, &f->cpu, AREA);
}

static uint8_t after[PAGE + SPILL];

static const uint8_t *read_area(struct fx *f)
{
	sim_mem_read(f->mem, AREA, after, sizeof(after), 0, NULL);
	return after;
}

/* Nothing at all was written (a program exception). */
static void expect_untouched(struct fx *f, const char *what)
{
	const uint8_t *a = read_area(f);

	for (unsigned i = 0; i < sizeof(before); i++)
		ck_assert_msg(a[i] == before[i],
			      "%s: byte %u changed to 0x%02x", what, i, a[i]);
}

/*
 * CHSC facts (a) "Response write", (b): cc 0, the response header at
 * AREA + L (length, code), the request unchanged, and nothing written
 * past AREA + L + length.  Returns the response.
 */
static const uint8_t *expect_rsp(struct fx *f, struct sim_io io,
				 uint16_t len, uint16_t rlen, uint16_t rc,
				 const char *what)
{
	const uint8_t *a;

	ck_assert_msg(io.err == 0 && io.pic == 0 && io.cc == 0,
		      "%s: err %d pic 0x%04x cc %u, want cc 0", what, io.err,
		      io.pic, io.cc);
	a = read_area(f);
	for (unsigned i = 0; i < len; i++)
		ck_assert_msg(a[i] == before[i],
			      "%s: request byte %u changed", what, i);
	ck_assert_msg(ccwa_get_be16(a + len + 2) == rc,
		      "%s: response code 0x%04x, want 0x%04x", what,
		      ccwa_get_be16(a + len + 2), rc);
	ck_assert_msg(ccwa_get_be16(a + len) == rlen,
		      "%s: response length %u, want %u", what,
		      ccwa_get_be16(a + len), rlen);
	for (unsigned i = len + rlen; i < sizeof(after); i++)
		ck_assert_msg(a[i] == SENTINEL,
			      "%s: byte %u past the response written (0x%02x)",
			      what, i, a[i]);
	return a + len;
}

/* ---- the instruction (CHSC facts: (a)) ---- */

/* CHSC facts: (a) Privilege: problem state → privileged operation. */
START_TEST(test_chsc_problem_state_privileged)
{
	const struct req r = { 16, CMD_SCSC, { 0 } };
	struct sim_io io;
	struct fx f;

	fx_init(&f, NULL);
	f.cpu.problem = 1;
	io = chsc(&f, &r);
	ck_assert_int_eq(io.err, 0);
	ck_assert_uint_eq(io.pic, CCWA_PGM_PRIVILEGED);
	expect_untouched(&f, "problem state");
	fx_fini(&f);
}
END_TEST

static const uint64_t unaligned[] = {
	AREA + 8, AREA + 0x800, AREA + 1, AREA + 0xff8, AREA + 4,
};

/* CHSC facts: (a) Alignment: any of the low 12 bits set → 0x0006. */
START_TEST(test_chsc_unaligned_area_specification)
{
	const struct req r = { 16, CMD_SCSC, { 0 } };
	struct sim_io io;
	struct fx f;

	fx_init(&f, NULL);
	put_req(&f, AREA, &r);		/* a good request around the address */
	io = sim_css_chsc(f.css, &f.cpu, unaligned[_i]);
	ck_assert_int_eq(io.err, 0);
	ck_assert_msg(io.pic == CCWA_PGM_SPECIFICATION,
		      "address 0x%llx: pic 0x%04x",
		      (unsigned long long)unaligned[_i], io.pic);
	expect_untouched(&f, "unaligned");
	fx_fini(&f);
}
END_TEST

static const uint16_t bad_len[] = { 0, 8, 15, 20, 4092, 4096, 4095, 0xfff8,
				    0xffff, 4090 };

/*
 * CHSC facts: (a) Length check: L < 16, L > 4088 or L not a multiple of
 * 8 → operand exception (QEMU; the multiple-of-8 check is QEMU's).
 */
START_TEST(test_chsc_bad_request_length_operand)
{
	const struct req r = { bad_len[_i], CMD_SCSC, { 0 } };
	struct sim_io io;
	struct fx f;

	fx_init(&f, NULL);
	io = chsc(&f, &r);
	ck_assert_int_eq(io.err, 0);
	ck_assert_msg(io.pic == CCWA_PGM_OPERAND, "L %u: pic 0x%04x",
		      bad_len[_i], io.pic);
	expect_untouched(&f, "bad length");
	fx_fini(&f);
}
END_TEST

static const uint64_t beyond[] = {
	FX_MEM, FX_MEM + PAGE, (uint64_t)1 << 32, (uint64_t)1 << 40,
	0xfffffffffffff000ull, 0x8000000000000000ull,
};

/*
 * CHSC facts: (a) Fetch: an access exception on the request is the
 * program interruption, no cc: an area beyond storage → addressing.
 */
START_TEST(test_chsc_area_beyond_storage_addressing)
{
	struct sim_io io;
	struct fx f;

	fx_init(&f, NULL);
	io = sim_css_chsc(f.css, &f.cpu, beyond[_i]);
	ck_assert_int_eq(io.err, 0);
	ck_assert_msg(io.pic == CCWA_PGM_ADDRESSING, "address 0x%llx: pic 0x%04x",
		      (unsigned long long)beyond[_i], io.pic);
	fx_fini(&f);
}
END_TEST

/* ---- command dispatch (CHSC facts: (a), (b), (c)) ---- */

static const struct {
	uint16_t len, code;
} unknown[] = {
	{ 16, 0x0022 },		/* SCMC */
	{ 32, 0x0034 },		/* SDCAL, L = 0x20 as Linux sends it */
	{ 16, 0x0024 },		/* SSQD */
	{ 16, 0x0021 },		/* SADC */
	{ 16, 0x0000 },
	{ 16, 0xffff },
	{ 1024, 0x0022 },	/* the response sits at L wherever L is */
	{ 4088, 0x0022 },	/* the last place an 8-byte response fits */
};

/*
 * CHSC facts: (a) Command dispatch: any other command → response code
 * 0x0004 (command not installed), length 8; (b) the response block starts
 * at the request address + L.
 */
START_TEST(test_chsc_unknown_command_rc4_len8)
{
	const struct req r = { unknown[_i].len, unknown[_i].code, { 0 } };
	struct fx f;
	const uint8_t *rsp;

	fx_init(&f, NULL);
	rsp = expect_rsp(&f, chsc(&f, &r), r.len, 8, RC_NOT_SUPP,
			 "unknown command");
	ck_assert_uint_eq(ccwa_get_be32(rsp + 4), 0);
	fx_fini(&f);
}
END_TEST

/*
 * CHSC facts: (c) C4 SEI: with nothing pending, response code 0x0005 (no
 * event), length 8; Linux asks with NTSM = NT0 | NT2.
 */
START_TEST(test_chsc_sei_nothing_pending_rc5)
{
	const struct req r = { 16, CMD_SEI,
			       { 0, 0, 0, 0, 0xa0, 0, 0, 0, 0, 0, 0, 0 } };
	struct fx f;

	fx_init(&f, NULL);
	expect_rsp(&f, chsc(&f, &r), 16, 8, RC_NO_DATA, "SEI");
	fx_fini(&f);
}
END_TEST

/* ---- SCSC (CHSC facts: (c) C3, (d)) ---- */

struct bit_row {
	const char *name;
	uint8_t array;		/* 0: general (rsp + 8), 1: CHSC (rsp + 2048) */
	unsigned bit, byte;
	uint8_t mask, set;
};

/*
 * The documented bits and what this channel subsystem is: XSCH (6),
 * concurrent sense installed (7), fmt-1 path descriptions given for C=1
 * (46), format-1 measurement blocks installed (48), SCPD supported (CHSC
 * bit 1).  Not: anything it does not provide (no MCSS-E, transport mode,
 * EADM, adapter interruptions, QDIO, CHSC subchannels, SCPD rfmt 2/3,
 * channel-measurement commands).
 */
static const struct bit_row bits[] = {
	{ "6 cancel (XSCH)", 0, 6, 0, 0x02, 1 },
	{ "7 concurrent sense", 0, 7, 0, 0x01, 1 },
	{ "12 dynio", 0, 12, 1, 0x08, 0 },
	{ "17 eadm", 0, 17, 2, 0x40, 0 },
	{ "41 aif", 0, 41, 5, 0x40, 0 },
	{ "45 mcss", 0, 45, 5, 0x04, 0 },
	{ "46 fcs", 0, 46, 5, 0x02, 1 },
	{ "48 ext_mb", 0, 48, 6, 0x80, 1 },
	{ "56 aif_tdd", 0, 56, 7, 0x80, 0 },
	{ "58 qebsm", 0, 58, 7, 0x20, 0 },
	{ "61 aiv", 0, 61, 7, 0x04, 0 },
	{ "67 aif_osa", 0, 67, 8, 0x10, 0 },
	{ "82 cib", 0, 82, 10, 0x20, 0 },
	{ "88 fcx", 0, 88, 11, 0x80, 0 },
	{ "123 util_str", 0, 123, 15, 0x10, 0 },
	{ "chsc 1 SCPD", 1, 1, 0, 0x40, 1 },
	{ "chsc 84 secm", 1, 84, 10, 0x08, 0 },
	{ "chsc 86 scmc", 1, 86, 10, 0x02, 0 },
	{ "chsc 116 pnso", 1, 116, 14, 0x08, 0 },
};

/*
 * CHSC facts: (c) C3 response: length 4080 (0x0ff0), code 1, general
 * characteristics at response + 8, CHSC characteristics at response +
 * 2048; (d) each bit at its byte / mask.
 */
START_TEST(test_chsc_scsc_characteristic_bit_as_documented)
{
	const struct bit_row *b = &bits[_i];
	const struct req r = { 16, CMD_SCSC, { 0 } };
	struct fx f;
	const uint8_t *rsp, *arr;

	ck_assert_uint_eq(b->byte, b->bit / 8);
	ck_assert_uint_eq(b->mask, 0x80u >> (b->bit % 8));
	fx_init(&f, NULL);
	rsp = expect_rsp(&f, chsc(&f, &r), 16, 4080, RC_OK, "SCSC");
	ck_assert_uint_eq(ccwa_get_be32(rsp + 4), 0);
	arr = rsp + (b->array ? 2048 : 8);
	ck_assert_msg(!!(arr[b->byte] & b->mask) == b->set,
		      "bit %s: %s, want %s", b->name,
		      (arr[b->byte] & b->mask) ? "set" : "clear",
		      b->set ? "set" : "clear");
	fx_fini(&f);
}
END_TEST

/*
 * §5.1: format-1 blocks need the extended-measurement-block facility,
 * reported in SCSC general characteristic bit 48 (CHSC facts: (d) ext_mb):
 * without the facility the bit is 0.
 */
START_TEST(test_chsc_scsc_without_emb_bit48_clear)
{
	struct sim_css_cfg cfg = {
		.nsets = 1,
		.facilities = SIM_FAC_DEFAULT & ~(uint32_t)(SIM_FAC_EMB |
							    SIM_FAC_MSS),
	};
	struct sim_cpu cpu = { 0 };
	struct sim_evq *q = sim_evq_create();
	struct sim_mem *m = sim_mem_create(FX_MEM);
	struct sim_css *css;
	uint8_t b[16 + 4080] = { 0 };
	struct sim_io io;

	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_nonnull(m);
	cfg.evq = q;
	cfg.mem = m;
	css = sim_css_create(&cfg);
	ck_assert_ptr_nonnull(css);
	ccwa_put_be16(b, 16);
	ccwa_put_be16(b + 2, CMD_SCSC);
	sim_mem_write(m, AREA, b, 16, 0, NULL);
	io = sim_css_chsc(css, &cpu, AREA);
	ck_assert_uint_eq(io.pic, 0);
	ck_assert_uint_eq(io.cc, 0);
	sim_mem_read(m, AREA, b, sizeof(b), 0, NULL);
	ck_assert_uint_eq(ccwa_get_be16(b + 18), RC_OK);
	ck_assert_uint_eq(b[16 + 8 + 6] & 0x80, 0);	/* bit 48 */
	ck_assert_uint_eq(b[16 + 8 + 5] & 0x02, 0x02);	/* bit 46 still */
	sim_css_destroy(css);
	sim_mem_destroy(m);
	sim_evq_destroy(q);
}
END_TEST

struct err_row {
	const char *cite;
	struct req r;
	uint16_t rc;
};

#define P(...) { __VA_ARGS__ }

static const struct err_row scsc_errs[] = {
	{ "C3 fmt nibble (byte 5 & 0x0f) != 0 → rc 7",
	  { 16, CMD_SCSC, P(0, 0x01) }, RC_FORMAT },
	{ "C3 fmt nibble 0xf → rc 7", { 16, CMD_SCSC, P(0, 0x0f) }, RC_FORMAT },
	{ "C3 CSSID != 0 without M → rc 8",
	  { 16, CMD_SCSC, P(0, 0, 0x01) }, RC_CSSID },
	{ "C3 CSSID != 0 with M, no such image → rc 8",
	  { 16, CMD_SCSC, P(0x20, 0, 0xfe) }, RC_CSSID },
	{ "C3 reserved byte 4 bit 0x80 → rc 3",
	  { 16, CMD_SCSC, P(0x80) }, RC_REQ_ERR },
	{ "C3 reserved byte 5 high nibble → rc 3",
	  { 16, CMD_SCSC, P(0, 0x10) }, RC_REQ_ERR },
	{ "C3 reserved byte 7 → rc 3",
	  { 16, CMD_SCSC, P(0, 0, 0, 0x01) }, RC_REQ_ERR },
	{ "C3 reserved bytes 8-11 → rc 3",
	  { 16, CMD_SCSC, P(0, 0, 0, 0, 0, 0, 0, 0x01) }, RC_REQ_ERR },
	{ "C3 reserved bytes 12-15 → rc 3",
	  { 16, CMD_SCSC, P(0, 0, 0, 0, 0, 0, 0, 0, 0x80) }, RC_REQ_ERR },
	{ "C3 L must be 16 → rc 3", { 24, CMD_SCSC, P(0) }, RC_REQ_ERR },
};

/*
 * CHSC facts: (c) C3 request checks (QEMU's order: L, fmt, CSSID,
 * reserved); an error response is 8 bytes.
 */
START_TEST(test_chsc_scsc_bad_request_rc)
{
	const struct err_row *e = &scsc_errs[_i];
	struct fx f;

	fx_init(&f, NULL);
	expect_rsp(&f, chsc(&f, &e->r), e->r.len, 8, e->rc, e->cite);
	fx_fini(&f);
}
END_TEST

/*
 * CHSC facts: (c) C3: M=1 with CSSID 0 names the one image: a normal
 * 4080-byte answer (M is not a reserved bit, mask 0xdff000ff).
 */
START_TEST(test_chsc_scsc_m_bit_cssid0_ok)
{
	const struct req r = { 16, CMD_SCSC, P(0x20) };
	struct fx f;

	fx_init(&f, NULL);
	expect_rsp(&f, chsc(&f, &r), 16, 4080, RC_OK, "SCSC M=1 CSSID 0");
	fx_fini(&f);
}
END_TEST

/* ---- SCPD (CHSC facts: (c) C2) ---- */

/* Byte 4: M 0x20, C 0x10, fmt 0x0f; byte 6 rfmt; byte 7 first; 11 last. */
#define SCPD(b4, rfmt, first, last) \
	{ 16, CMD_SCPD, P(b4, 0, rfmt, first, 0, 0, 0, last) }

/* A descriptor as CHSC facts C2 lays it out for an installed CHPID. */
static void expect_desc(const uint8_t *d, unsigned size, uint8_t chpid,
			int installed)
{
	for (unsigned i = 0; i < size; i++) {
		uint8_t want = 0;

		if (installed && i == 0)
			want = 0x80;		/* valid */
		else if (installed && i == 2)
			want = 0x1a;		/* channel-path type */
		else if (installed && i == 3)
			want = chpid;
		ck_assert_msg(d[i] == want,
			      "CHPID 0x%02x fmt-%d descriptor byte %u: 0x%02x, want 0x%02x",
			      chpid, size == 8 ? 0 : 1, i, d[i], want);
	}
}

/*
 * CHSC facts: (c) C2 fmt 0 (C=0, rfmt 0): one 8-byte descriptor per CHPID
 * in [first, last]: flags 0x80, LSN 0, type, CHPID, zeros; response
 * length 8 + 16; the parameter word holds rfmt (0).
 */
START_TEST(test_chsc_scpd_fmt0_two_valid_descriptors)
{
	const struct req r = SCPD(0, 0, 0x40, 0x41);
	struct fx f;
	const uint8_t *rsp;

	fx_init(&f, NULL);
	rsp = expect_rsp(&f, chsc(&f, &r), 16, 8 + 2 * 8, RC_OK, "SCPD fmt 0");
	ck_assert_uint_eq(ccwa_get_be32(rsp + 4), 0);
	expect_desc(rsp + 8, 8, 0x40, 1);
	expect_desc(rsp + 16, 8, 0x41, 1);
	fx_fini(&f);
}
END_TEST

/*
 * CHSC facts: (c) C2 and (e) 3: a CHPID in the range that is not
 * installed gets an entry with flags 0 (Hercules' reading, which Linux
 * sees the same way as QEMU's omission).
 */
START_TEST(test_chsc_scpd_uninstalled_chpid_flags0)
{
	const struct req r = SCPD(0, 0, 0x3f, 0x42);
	struct fx f;
	const uint8_t *rsp;

	fx_init(&f, NULL);
	rsp = expect_rsp(&f, chsc(&f, &r), 16, 8 + 4 * 8, RC_OK,
			 "SCPD 0x3f-0x42");
	expect_desc(rsp + 8, 8, 0x3f, 0);
	expect_desc(rsp + 16, 8, 0x40, 1);
	expect_desc(rsp + 24, 8, 0x41, 1);
	expect_desc(rsp + 32, 8, 0x42, 0);
	fx_fini(&f);
}
END_TEST

/*
 * CHSC facts: (c) C2: C=1 with rfmt 0 or 1 selects the 32-byte fmt-1
 * descriptor (bytes 0-3 as fmt 0, the rest 0 here); param word = rfmt 1.
 */
START_TEST(test_chsc_scpd_c1_fmt1_descriptors)
{
	static const uint8_t rfmt[2] = { 0, 1 };
	const struct req r = SCPD(0x10, rfmt[_i], 0x40, 0x41);
	struct fx f;
	const uint8_t *rsp;

	fx_init(&f, NULL);
	rsp = expect_rsp(&f, chsc(&f, &r), 16, 8 + 2 * 32, RC_OK, "SCPD C=1");
	ck_assert_uint_eq(ccwa_get_be32(rsp + 4), 1);
	expect_desc(rsp + 8, 32, 0x40, 1);
	expect_desc(rsp + 40, 32, 0x41, 1);
	fx_fini(&f);
}
END_TEST

/*
 * CHSC facts: (c) C2, (e) 4: the whole range 0x00-0xff in fmt 1 does not
 * fit in the page (256 * 32 bytes): the answer is capped so that it ends
 * inside the page, whole descriptors only.
 */
START_TEST(test_chsc_scpd_full_range_capped_to_page)
{
	const struct req r = SCPD(0x10, 1, 0x00, 0xff);
	struct fx f;
	const uint8_t *a;
	unsigned rlen;

	fx_init(&f, NULL);
	ck_assert_int_eq(chsc(&f, &r).cc, 0);
	a = read_area(&f);
	ck_assert_uint_eq(ccwa_get_be16(a + 18), RC_OK);
	rlen = ccwa_get_be16(a + 16);
	ck_assert_uint_le(16 + rlen, PAGE);
	ck_assert_uint_eq((rlen - 8) % 32, 0);
	ck_assert_uint_gt(rlen, 8 + 0x42 * 32);	/* reaches CHPID 0x41 */
	expect_desc(a + 24 + 0x40 * 32, 32, 0x40, 1);
	expect_desc(a + 24 + 0x41 * 32, 32, 0x41, 1);
	expect_rsp(&f, (struct sim_io){ 0 }, 16, (uint16_t)rlen, RC_OK,
		   "SCPD capped");
	fx_fini(&f);
}
END_TEST

static const struct err_row scpd_errs[] = {
	{ "C2 last < first → rc 3", SCPD(0, 0, 0x41, 0x40), RC_REQ_ERR },
	{ "C2 fmt nibble != 0 → rc 7", SCPD(0x01, 0, 0x40, 0x41), RC_FORMAT },
	{ "C2 reserved byte 4 bits 0xc0 → rc 3", SCPD(0x80, 0, 0x40, 0x41),
	  RC_REQ_ERR },
	{ "C2 reserved byte 6 high nibble → rc 3", SCPD(0, 0x10, 0x40, 0x41),
	  RC_REQ_ERR },
	{ "C2 reserved bytes 8-10 → rc 3",
	  { 16, CMD_SCPD, P(0, 0, 0, 0x40, 0, 0x01, 0, 0x41) }, RC_REQ_ERR },
	{ "C2 reserved bytes 12-15 → rc 3",
	  { 16, CMD_SCPD, P(0, 0, 0, 0x40, 0, 0, 0, 0x41, 0, 0, 0, 1) },
	  RC_REQ_ERR },
	{ "C2 CSSID != 0 → rc 8",
	  { 16, CMD_SCPD, P(0, 0x01, 0, 0x40, 0, 0, 0, 0x41) }, RC_CSSID },
	{ "C2 L must be 16 → rc 3",
	  { 24, CMD_SCPD, P(0, 0, 0, 0x40, 0, 0, 0, 0x41) }, RC_REQ_ERR },
};

/* CHSC facts: (c) C2 request checks; an error response is 8 bytes. */
START_TEST(test_chsc_scpd_bad_request_rc)
{
	const struct err_row *e = &scpd_errs[_i];
	struct fx f;

	fx_init(&f, NULL);
	expect_rsp(&f, chsc(&f, &e->r), e->r.len, 8, e->rc, e->cite);
	fx_fini(&f);
}
END_TEST

/*
 * CHSC facts: (c) C2 fmt3 note: QEMU answers rfmt >= 2 with rc 1, length
 * 8 and no data (the characteristics do not offer cib or util_str).
 */
START_TEST(test_chsc_scpd_rfmt3_no_data)
{
	const struct req r = SCPD(0, 3, 0x40, 0x41);
	struct fx f;

	fx_init(&f, NULL);
	expect_rsp(&f, chsc(&f, &r), 16, 8, RC_OK, "SCPD rfmt 3");
	fx_fini(&f);
}
END_TEST

/* ---- SSD (CHSC facts: (c) C1) ---- */

/* Byte 5 mask 0x30 SSID; bytes 6-7 first; bytes 10-11 last. */
#define SSD(ssid, first, last) \
	{ 16, CMD_SSD, P(0, (ssid) << 4, (first) >> 8, (first) & 0xff, \
			 0, 0, (last) >> 8, (last) & 0xff) }

/*
 * CHSC facts: (c) C1: one 32-byte entry per subchannel from response + 8:
 * byte 0 flags (0x80 valid, 0x40 device number valid, type I/O 0 in
 * 0x38), bytes 2-3 device number, 4 path mask, 5 FLA-valid mask (no full
 * link addresses), 6-7 subchannel number, 8-15 CHPIDs, 16-31 FLAs.
 * 0.0.0001 is provided with no device: valid, device number not valid.
 */
START_TEST(test_chsc_ssd_sch0_and_sch1_entries)
{
	const struct req r = SSD(0, 0, 1);
	struct fx f;
	const uint8_t *rsp, *e;

	fx_init(&f, NULL);
	rsp = expect_rsp(&f, chsc(&f, &r), 16, 8 + 2 * 32, RC_OK, "SSD");
	e = rsp + 8;
	ck_assert_uint_eq(e[0], 0xc0);
	ck_assert_uint_eq(ccwa_get_be16(e + 2), 0x1234);
	ck_assert_uint_eq(e[4], 0xc0);
	ck_assert_uint_eq(e[5], 0);
	ck_assert_uint_eq(ccwa_get_be16(e + 6), 0x0000);
	ck_assert_uint_eq(e[8], 0x40);
	ck_assert_uint_eq(e[9], 0x41);
	for (unsigned i = 10; i < 32; i++)
		ck_assert_msg(e[i] == 0, "0.0.0000 byte %u: 0x%02x", i, e[i]);
	e = rsp + 40;
	ck_assert_uint_eq(e[0], 0x80);
	ck_assert_uint_eq(e[4], 0);
	ck_assert_uint_eq(e[5], 0);
	ck_assert_uint_eq(ccwa_get_be16(e + 6), 0x0001);
	for (unsigned i = 8; i < 32; i++)
		ck_assert_msg(e[i] == 0, "0.0.0001 byte %u: 0x%02x", i, e[i]);
	fx_fini(&f);
}
END_TEST

/*
 * CHSC facts: (c) C1: the SSID field (byte 5 mask 0x30) selects the set;
 * an absent subchannel's entry is all zeros (Hercules).
 */
START_TEST(test_chsc_ssd_set1_and_absent_zero)
{
	const struct req r = SSD(1, 0, 1);
	struct fx f;
	const uint8_t *rsp, *e;

	fx_init(&f, NULL);
	rsp = expect_rsp(&f, chsc(&f, &r), 16, 8 + 2 * 32, RC_OK, "SSD set 1");
	e = rsp + 8;
	ck_assert_uint_eq(e[0], 0xc0);
	ck_assert_uint_eq(ccwa_get_be16(e + 2), 0x5678);
	ck_assert_uint_eq(e[4], 0x80);
	ck_assert_uint_eq(ccwa_get_be16(e + 6), 0x0000);
	ck_assert_uint_eq(e[8], 0x41);
	e = rsp + 40;
	for (unsigned i = 0; i < 32; i++)
		ck_assert_msg(e[i] == 0, "0.1.0001 byte %u: 0x%02x", i, e[i]);
	fx_fini(&f);
}
END_TEST

static const struct err_row ssd_errs[] = {
	{ "C1/(b) SSID 2 of 2 installed sets → rc 0x000a",
	  SSD(2, 0, 1), RC_SSID },
	{ "C1/(b) SSID 3 → rc 0x000a", SSD(3, 0, 0), RC_SSID },
	{ "C1 last < first → rc 3", SSD(0, 1, 0), RC_REQ_ERR },
	{ "C1 format nibble → rc 7",
	  { 16, CMD_SSD, P(0, 0x01, 0, 0, 0, 0, 0, 1) }, RC_FORMAT },
	{ "C1 reserved bytes 8-9 → rc 3",
	  { 16, CMD_SSD, P(0, 0, 0, 0, 0, 1, 0, 1) }, RC_REQ_ERR },
};

/* CHSC facts: (c) C1 request and (b) response codes; 8-byte error answer. */
START_TEST(test_chsc_ssd_bad_request_rc)
{
	const struct err_row *e = &ssd_errs[_i];
	struct fx f;

	fx_init(&f, NULL);
	expect_rsp(&f, chsc(&f, &e->r), e->r.len, 8, e->rc, e->cite);
	fx_fini(&f);
}
END_TEST

/* ---- SDA (CHSC facts: Linux boot sequence step 2, (b) 0x0101) ---- */

static const struct {
	const char *cite;
	uint16_t oc, rc;
} sda_rows[] = {
	{ "boot step 2: oc 2 (enable MSS) → rc 1", 2, RC_OK },
	{ "(b) 0x0101: oc 3 (MCSS-E) not provided", 3, RC_FACILITY },
	{ "(b) 0x0003: SDA with an unknown operation code", 7, RC_REQ_ERR },
};

/*
 * CHSC facts: (c) "Linux boot sequence" step 2: SDA 0x0031 with L = 0x400
 * and operation code 2 → rc 1; (b): 0x0101 facility not supported; QEMU
 * answers an unknown operation code with 0x0003.  The response sits at
 * + 0x400.
 */
START_TEST(test_chsc_sda_operation_rc)
{
	struct req r = { 0x400, CMD_SDA, { 0 } };
	struct fx f;

	ccwa_put_be16(r.p + 2, sda_rows[_i].oc);	/* byte 6 */
	fx_init(&f, NULL);
	expect_rsp(&f, chsc(&f, &r), 0x400, 8, sda_rows[_i].rc,
		   sda_rows[_i].cite);
	fx_fini(&f);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *suite(void)
{
	Suite *s = suite_create("css_chsc");
	TCase *insn = tcase_create("instruction");
	TCase *cmd = tcase_create("commands");

	tcase_add_test(insn, test_chsc_problem_state_privileged);
	tcase_add_loop_test(insn, test_chsc_unaligned_area_specification, 0,
			    N(unaligned));
	tcase_add_loop_test(insn, test_chsc_bad_request_length_operand, 0,
			    N(bad_len));
	tcase_add_loop_test(insn, test_chsc_area_beyond_storage_addressing, 0,
			    N(beyond));
	tcase_add_loop_test(insn, test_chsc_unknown_command_rc4_len8, 0,
			    N(unknown));
	suite_add_tcase(s, insn);

	tcase_add_test(cmd, test_chsc_sei_nothing_pending_rc5);
	tcase_add_loop_test(cmd, test_chsc_scsc_characteristic_bit_as_documented,
			    0, N(bits));
	tcase_add_test(cmd, test_chsc_scsc_without_emb_bit48_clear);
	tcase_add_loop_test(cmd, test_chsc_scsc_bad_request_rc, 0,
			    N(scsc_errs));
	tcase_add_test(cmd, test_chsc_scsc_m_bit_cssid0_ok);
	tcase_add_test(cmd, test_chsc_scpd_fmt0_two_valid_descriptors);
	tcase_add_test(cmd, test_chsc_scpd_uninstalled_chpid_flags0);
	tcase_add_loop_test(cmd, test_chsc_scpd_c1_fmt1_descriptors, 0, 2);
	tcase_add_test(cmd, test_chsc_scpd_full_range_capped_to_page);
	tcase_add_loop_test(cmd, test_chsc_scpd_bad_request_rc, 0,
			    N(scpd_errs));
	tcase_add_test(cmd, test_chsc_scpd_rfmt3_no_data);
	tcase_add_test(cmd, test_chsc_ssd_sch0_and_sch1_entries);
	tcase_add_test(cmd, test_chsc_ssd_set1_and_absent_zero);
	tcase_add_loop_test(cmd, test_chsc_ssd_bad_request_rc, 0,
			    N(ssd_errs));
	tcase_add_loop_test(cmd, test_chsc_sda_operation_rc, 0, N(sda_rows));
	suite_add_tcase(s, cmd);
	return s;
}
