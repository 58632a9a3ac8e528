// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The example device of docs/devices.md, driven through the channel
 * subsystem like any device: a printed line, an immediate NOP, SENSE ID,
 * and a rejected command whose sense SENSE returns (facts §1.11, §4.11).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/senseid.h>
#include <ccwsim/sim/css.h>
#include <ccwsim/sim/printer.h>

#include "check_main.h"

#define ORB 0x1000u
#define CCW 0x2000u
#define DATA 0x3000u
#define IRB 0x4000u

struct m {
	struct sim_evq *q;
	struct sim_mem *mem;
	struct sim_css *css;
	struct sim_dev *prt;
	struct sim_cpu cpu;
	char *text;
	size_t ntext;
	FILE *out;
};

static void setup(struct m *m)
{
	struct sim_css_cfg cfg = { .nsets = 1, .facilities = SIM_FAC_DEFAULT };
	struct sim_sch_def d = { .devno = 0x000e, .pim = 0x80,
				 .chpid = { 0x10 } };
	uint8_t s[52];

	memset(m, 0, sizeof(*m));
	m->q = sim_evq_create();
	m->mem = sim_mem_create(1u << 20);
	cfg.evq = m->q;
	cfg.mem = m->mem;
	m->css = sim_css_create(&cfg);
	ck_assert_ptr_nonnull(m->css);
	ck_assert_int_eq(sim_css_chp_install(m->css, 0x10, 0x11), 0);
	m->out = open_memstream(&m->text, &m->ntext);
	d.dev = m->prt = sim_printer_create(0x000e, m->out);
	ck_assert_int_eq(sim_css_sch_define(m->css, 0, 0, &d, 0), 0);
	m->cpu.cr6 = 0xff;
	sim_css_stsch(m->css, &m->cpu, sim_sid(0, 0), IRB);
	sim_mem_read(m->mem, IRB, s, sizeof(s), 0, NULL);
	s[5] |= 0x80;
	sim_mem_write(m->mem, IRB, s, sizeof(s), 0, NULL);
	ck_assert_int_eq(sim_css_msch(m->css, &m->cpu, sim_sid(0, 0), IRB).cc, 0);
}

static void teardown(struct m *m)
{
	sim_css_destroy(m->css);
	fclose(m->out);
	free(m->text);
	sim_mem_destroy(m->mem);
	sim_evq_destroy(m->q);
}

/* Run one CCW (format 1) to its end; returns IRB words 0-2. */
static void run1(struct m *m, uint8_t cmd, uint8_t flags, uint16_t count,
		 uint32_t w[3])
{
	uint8_t orb[12] = { 0 }, ccw[8] = { cmd, flags }, irb[64];

	ccwa_put_be16(ccw + 2, count);
	ccwa_put_be32(ccw + 4, DATA);
	sim_mem_write(m->mem, CCW, ccw, 8, 0, NULL);
	ccwa_put_be32(orb + 4, 0x0080ff00);
	ccwa_put_be32(orb + 8, CCW);
	sim_mem_write(m->mem, ORB, orb, 12, 0, NULL);
	ck_assert_int_eq(sim_css_ssch(m->css, &m->cpu, sim_sid(0, 0), ORB).cc, 0);
	sim_evq_run_until(m->q, sim_evq_now(m->q) + SIM_MS(1));
	ck_assert_int_eq(sim_css_tsch(m->css, &m->cpu, sim_sid(0, 0), IRB).cc, 0);
	sim_mem_read(m->mem, IRB, irb, sizeof(irb), 0, NULL);
	for (int i = 0; i < 3; i++)
		w[i] = ccwa_get_be32(irb + 4 * i);
}

START_TEST(test_printer_prints_a_line)
{
	/* "HELLO 42" in EBCDIC */
	static const uint8_t line[8] = { 0xc8, 0xc5, 0xd3, 0xd3, 0xd6, 0x40,
					 0xf4, 0xf2 };
	struct m m;
	uint32_t w[3];

	setup(&m);
	sim_mem_write(m.mem, DATA, line, sizeof(line), 0, NULL);
	run1(&m, 0x01, 0, sizeof(line), w);
	ck_assert_uint_eq(w[0], 0x00804007);
	ck_assert_uint_eq(w[2], 0x0c000000);	/* count exhausted: no IL */
	fflush(m.out);
	ck_assert_str_eq(m.text, "HELLO 42\n");
	ck_assert_uint_eq(sim_printer_lines(m.prt), 1);
	teardown(&m);
}
END_TEST

/* §1.11: NOP is immediate; with SLI no incorrect length (§4.5). */
START_TEST(test_printer_nop_immediate)
{
	struct m m;
	uint32_t w[3];

	setup(&m);
	run1(&m, 0x03, CCWA_CCW_FLAG_SLI, 1, w);
	ck_assert_uint_eq(w[0], 0x00804007);
	ck_assert_uint_eq(w[2], 0x0c000001);
	teardown(&m);
}
END_TEST

/* §1.11: sense-ID data: FF, CU 3811-01, device 3211-01. */
START_TEST(test_printer_sense_id)
{
	struct m m;
	uint32_t w[3];
	uint8_t id[8];

	setup(&m);
	run1(&m, 0xe4, CCWA_CCW_FLAG_SLI, 8, w);
	ck_assert_uint_eq(w[2], 0x0c000001);	/* 7 of 8 bytes */
	sim_mem_read(m.mem, DATA, id, sizeof(id), 0, NULL);
	ck_assert_int_eq(memcmp(id, "\xff\x38\x11\x01\x32\x11\x01\x00", 8), 0);
	teardown(&m);
}
END_TEST

/*
 * §4.11: an unknown command is refused with unit check (deferred cc 1,
 * §3.8); basic sense then returns byte 0 = command reject.
 */
START_TEST(test_printer_reject_then_sense)
{
	struct m m;
	uint32_t w[3];
	uint8_t b;

	setup(&m);
	run1(&m, 0x02, 0, 1, w);
	ck_assert_uint_eq(w[0], 0x01804011);
	ck_assert_uint_eq(w[2] >> 24, CCWA_DEV_STAT_UNIT_CHECK);
	run1(&m, 0x04, 0, 1, w);
	ck_assert_uint_eq(w[0], 0x00804007);
	sim_mem_read(m.mem, DATA, &b, 1, 0, NULL);
	ck_assert_uint_eq(b, CCWA_SNS0_CMD_REJECT);
	teardown(&m);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("dev_printer");
	TCase *tc = tcase_create("printer");

	tcase_add_test(tc, test_printer_prints_a_line);
	tcase_add_test(tc, test_printer_nop_immediate);
	tcase_add_test(tc, test_printer_sense_id);
	tcase_add_test(tc, test_printer_reject_then_sense);
	suite_add_tcase(s, tc);
	return s;
}
