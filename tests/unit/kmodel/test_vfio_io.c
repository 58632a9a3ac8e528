// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The driver model end to end, as a VMM drives it: bind, mdev, container
 * and DMA map, IRQ eventfd, an SSCH through the I/O region, the IRB back
 * through the region after the eventfd fires — with the data in guest
 * memory, the CCW address translated back, and every pin and allocation
 * returned (vfio-ccw reference §2.2, §4, §5; 6.1).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/irb.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/kmodel/kmodel.h>
#include <ccwsim/sim/rng.h>
#include <ccwsim/sim/testdev.h>
#include <ccwsim/vfio.h>
#include <ccwsim/vfio_ccw.h>

#include "check_main.h"

#define UUID "9f31d5c1-1111-2222-3333-444455556666"
#define RAM (1u << 20)

struct host {
	struct sim_evq *q;
	struct sim_mem *mem;
	struct sim_css *css;
	struct kmodel *k;
	struct sim_dev *dev;
	uint8_t *ram;			/* the guest's memory, in this process */
	int dev_fd, cont, efd;
};

static void setup_with(struct host *h, uint32_t kernel, uint64_t seed,
		       struct sim_trace *tr, uint64_t bugs_off)
{
	struct sim_css_cfg cc = { 0 };
	struct sim_sch_def def = { .devno = 0x1234, .pim = 0x80,
				   .chpid = { 0x40 } };
	struct kmodel_cfg kc = { 0 };
	struct vfio_iommu_type1_dma_map map = { sizeof(map),
		VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE, 0, 0, RAM };
	struct {
		struct vfio_irq_set s;
		int32_t fd;
	} irq;
	static const uint8_t data[8] = { 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6,
					 0xc7, 0xc8 };
	struct sim_testdev_cmd rd = { .end = 0x0c, .delay = SIM_US(5),
				      .data = data, .len = 8 };

	memset(h, 0, sizeof(*h));
	h->q = sim_evq_create();
	h->mem = sim_mem_create(16ull << 30);
	cc.evq = h->q;
	cc.mem = h->mem;
	cc.nsets = 1;
	cc.facilities = SIM_FAC_DEFAULT;
	cc.trace = tr;
	h->css = sim_css_create(&cc);
	ck_assert_int_eq(sim_css_chp_install(h->css, 0x40, 0x11), 0);
	def.dev = h->dev = sim_testdev_create(0x1234);
	ck_assert_int_eq(sim_testdev_set(h->dev, 0x02, &rd), 0);
	ck_assert_int_eq(sim_css_sch_define(h->css, 0, 0x313, &def, 0), 0);
	kc.evq = h->q;
	kc.mem = h->mem;
	kc.css = h->css;
	kc.kernel = kernel;
	kc.seed = seed;
	kc.trace = tr;
	kc.bugs_off = bugs_off;
	h->k = kmodel_create(&kc);
	ck_assert_ptr_nonnull(h->k);
	ck_assert_int_eq(kmodel_sch_bind(h->k, 0, 0x313), 0);
	ck_assert_int_eq(kmodel_mdev_create(h->k, 0, 0x313, UUID), 0);
	h->ram = aligned_alloc(4096, RAM);
	memset(h->ram, 0, RAM);
	h->dev_fd = kmodel_open_device(h->k, UUID, &h->cont);
	ck_assert_msg(h->dev_fd >= 0, "open_device: %s", strerror(errno));
	map.vaddr = (uint64_t)(uintptr_t)h->ram;
	ck_assert_int_eq(kmodel_ioctl(h->k, h->cont, VFIO_IOMMU_MAP_DMA, &map), 0);
	h->efd = eventfd(0, EFD_NONBLOCK);
	irq.s = (struct vfio_irq_set){ sizeof(irq),
		VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
		VFIO_CCW_IO_IRQ_INDEX, 0, 1 };
	irq.fd = h->efd;
	ck_assert_int_eq(kmodel_ioctl(h->k, h->dev_fd, VFIO_DEVICE_SET_IRQS, &irq), 0);
}

static void setup(struct host *h, uint32_t kernel)
{
	setup_with(h, kernel, 1, NULL, 0);
}

static void teardown(struct host *h)
{
	kmodel_destroy(h->k);
	sim_css_destroy(h->css);
	sim_mem_destroy(h->mem);
	sim_evq_destroy(h->q);
	close(h->efd);
	free(h->ram);
}

/* A READ of 8 bytes into guest 0x3000, the program at guest 0x2000. */
static void guest_program(struct host *h)
{
	struct ccwa_ccw1 c = { { 0 } };

	ccwa_ccw1_set_cmd_code(&c, 0x02);
	ccwa_ccw1_set_count(&c, 8);
	ccwa_ccw1_set_cda(&c, 0x3000);
	memcpy(h->ram + 0x2000, &c, 8);
	memset(h->ram + 0x3000, 0xee, 16);
}

static ssize_t ssch(struct host *h, uint32_t cpa)
{
	uint8_t region[124] = { 0 };
	struct ccwa_orb *orb = (struct ccwa_orb *)region;
	struct ccwa_scsw *scsw = (struct ccwa_scsw *)(region + 12);

	ccwa_orb_set_intparm(orb, 0xcafe);
	ccwa_orb_set_fmt(orb, 1);
	ccwa_orb_set_pfch(orb, 1);
	ccwa_orb_set_c64(orb, 1);
	ccwa_orb_set_lpm(orb, 0x80);
	ccwa_orb_set_cpa(orb, cpa);
	ccwa_scsw_set_fctl(scsw, CCWA_FCTL_START);
	ccwa_scsw_set_actl(scsw, CCWA_ACTL_START_PEND);
	return kmodel_pwrite(h->k, h->dev_fd, region, sizeof(region), 0);
}

/* Run the machine until the IO eventfd counts; its value. */
static uint64_t wait_irq(struct host *h)
{
	uint64_t v = 0;

	for (int i = 0; i < 100000 && read(h->efd, &v, 8) != 8; i++)
		if (!sim_evq_step(h->q))
			break;
	return v;
}

START_TEST(test_read_through_vfio_ccw)
{
	struct host h;
	struct kmodel_counts c;
	uint8_t region[124];
	struct ccwa_irb irb;
	static const uint8_t want[16] = { 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6,
					  0xc7, 0xc8, 0xee, 0xee, 0xee, 0xee,
					  0xee, 0xee, 0xee, 0xee };

	setup(&h, 0);
	ck_assert_str_eq(kmodel_fsm_state(h.k, UUID), "IDLE");
	guest_program(&h);
	ck_assert_int_eq(ssch(&h, 0x2000), 124);
	ck_assert_str_eq(kmodel_fsm_state(h.k, UUID), "CP_PENDING");
	kmodel_counts(h.k, &c);
	ck_assert_uint_eq(c.pins, 1);		/* the data page */
	ck_assert_uint_eq(c.allocs, 2);		/* CCW copy and its IDAL */
	ck_assert_uint_eq(wait_irq(&h), 1);
	ck_assert_str_eq(kmodel_fsm_state(h.k, UUID), "IDLE");
	ck_assert_int_eq(kmodel_pread(h.k, h.dev_fd, region, 124, 0), 124);
	memcpy(&irb, region + 24, sizeof(irb));
	ck_assert_uint_eq(ccwa_scsw_fctl(&irb.scsw), CCWA_FCTL_START);
	ck_assert_uint_eq(ccwa_scsw_dstat(&irb.scsw), 0x0c);
	ck_assert_uint_eq(ccwa_scsw_count(&irb.scsw), 0);
	/* the host CCW address is translated back to the guest's (+8) */
	ck_assert_uint_eq(ccwa_scsw_cpa(&irb.scsw), 0x2008);
	ck_assert_mem_eq(h.ram + 0x3000, want, sizeof(want));
	kmodel_counts(h.k, &c);
	ck_assert_uint_eq(c.pins, 0);
	ck_assert_uint_eq(c.allocs, 0);
	ck_assert_uint_eq(c.violations, 0);
	ck_assert_int_eq(kmodel_close(h.k, h.dev_fd), 0);
	ck_assert_str_eq(kmodel_fsm_state(h.k, UUID), "STANDBY");
	teardown(&h);
}
END_TEST

START_TEST(test_halt_via_io_region_is_eopnotsupp)
{
	struct host h;
	uint8_t region[124] = { 0 };

	setup(&h, 0);
	ccwa_scsw_set_fctl((struct ccwa_scsw *)(region + 12), CCWA_FCTL_HALT);
	ck_assert_int_eq(kmodel_pwrite(h.k, h.dev_fd, region, 124, 0), -1);
	ck_assert_int_eq(errno, EOPNOTSUPP);
	ck_assert_str_eq(kmodel_fsm_state(h.k, UUID), "IDLE");
	teardown(&h);
}
END_TEST

/*
 * An SSCH and a CSCH from two VMM threads at once (vfio-ccw §7 locking:
 * the trylock of the I/O mutex makes the loser EAGAIN).  One seed is one
 * interleaving, the same every time, down to the last trace byte; other
 * seeds give others.  *out gets the whole trace, *rets both returns.
 */
static void race(uint64_t seed, char **out, int rets[2])
{
	struct host h;
	struct sim_trace *tr = sim_trace_create(0);
	size_t len;
	FILE *f = open_memstream(out, &len);
	uint8_t io[124] = { 0 }, cmd[8] = { 0 };
	struct ccwa_orb *orb = (struct ccwa_orb *)io;
	struct kmodel_call *a, *b;
	int err;

	ck_assert_ptr_nonnull(f);
	sim_trace_set_text(tr, f);
	setup_with(&h, 0, seed, tr, 0);
	guest_program(&h);
	ccwa_orb_set_fmt(orb, 1);
	ccwa_orb_set_pfch(orb, 1);
	ccwa_orb_set_c64(orb, 1);
	ccwa_orb_set_lpm(orb, 0x80);
	ccwa_orb_set_cpa(orb, 0x2000);
	ccwa_scsw_set_fctl((struct ccwa_scsw *)(io + 12), CCWA_FCTL_START);
	ccwa_put_be32(cmd, VFIO_CCW_ASYNC_CMD_CSCH);
	a = kmodel_start_pwrite(h.k, h.dev_fd, io, sizeof(io), 0);
	b = kmodel_start_pwrite(h.k, h.dev_fd, cmd, sizeof(cmd), 0x400);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	for (int i = 0; i < 1000000 && !(kmodel_call_done(a) &&
					 kmodel_call_done(b)); i++)
		ck_assert(sim_evq_step(h.q));
	rets[0] = (int)kmodel_call_finish(a, &err);
	if (rets[0] < 0)
		rets[0] = -err;
	rets[1] = (int)kmodel_call_finish(b, &err);
	if (rets[1] < 0)
		rets[1] = -err;
	while (sim_evq_step(h.q))	/* let every interrupt land */
		;
	ck_assert_int_eq(kmodel_close(h.k, h.dev_fd), 0);
	teardown(&h);
	sim_trace_set_text(tr, NULL);
	fclose(f);
	sim_trace_destroy(tr);
}

START_TEST(test_race_is_reproducible_by_seed)
{
	char *first[12], *again;
	int r[2], r2[2], distinct = 1;

	for (uint64_t seed = 1; seed <= 12; seed++) {
		race(seed, &first[seed - 1], r);
		race(seed, &again, r2);
		ck_assert_msg(!strcmp(first[seed - 1], again),
			      "seed %llu: two runs differ", (unsigned long long)seed);
		ck_assert_int_eq(r[0], r2[0]);
		ck_assert_int_eq(r[1], r2[1]);
		/* each side either went through or lost the trylock */
		ck_assert(r[0] == 124 || r[0] == -EAGAIN);
		ck_assert(r[1] == 8 || r[1] == -EAGAIN);
		free(again);
	}
	for (int i = 1; i < 12; i++) {
		int seen = 0;

		for (int j = 0; j < i; j++)
			seen |= !strcmp(first[i], first[j]);
		distinct += !seen;
	}
	/* the seed really chooses among interleavings */
	ck_assert_msg(distinct >= 2, "12 seeds gave %d interleaving(s)", distinct);
	for (int i = 0; i < 12; i++)
		free(first[i]);
}
END_TEST

/*
 * Hostile userspace (bad input must never crash, hang or lose track):
 * guest memory full of random CCWs — every format, flag and address, TICs
 * and IDALs pointing anywhere — random ORBs, region writes and reads of
 * random length and offset, async commands, resets, unmaps and remaps,
 * with the machine running in between.  After each round the device is
 * closed and nothing may stay pinned or allocated, and no kernel rule may
 * have been broken.  The switches that leak or break a rule by design
 * (docs/driver-model.md) are off.  Seeded: a failure names its round.
 */
/* The switches whose documented effect is a leak or a broken kernel rule. */
#define LEAKS_OR_BREAKS_RULES                                                \
	(1ull << KMODEL_QUIRK_CP_INIT_LEAK | 1ull << KMODEL_BUG_REINIT_CP |   \
	 1ull << KMODEL_BUG_RELEASE_KEEPS_CP |                                 \
	 1ull << KMODEL_BUG_UNMAP_FIRST_PAGE |                                 \
	 1ull << KMODEL_BUG_FLUSH_UNDER_LOCK |                                 \
	 1ull << KMODEL_BUG_PREFETCH_CLEANUP |                                 \
	 1ull << KMODEL_BUG_NO_INITIALIZED | 1ull << KMODEL_BUG_QUIESCE_LOOP)

static unsigned long hostile_starts;	/* SSCHs the driver accepted */

static void hostile_round(uint64_t round, uint32_t kernel)
{
	struct host h;
	struct sim_rng r;
	struct kmodel_counts c;
	uint8_t buf[256];

	setup_with(&h, kernel, round, NULL, LEAKS_OR_BREAKS_RULES);
	sim_rng_init(&r, round, SIM_RNG_WORKLOAD, kernel);
	/*
	 * 64 KiB of guest memory: random doublewords, or format-1 CCWs of
	 * plausible commands and flags whose addresses stay inside it (the
	 * same words double as IDAWs and data).
	 */
	for (unsigned i = 0; i < 0x10000; i += 8) {
		static const uint8_t cmds[] = { 0x02, 0x01, 0x03, 0x08, 0x07,
						0x04, 0x0c, 0xe4 };
		struct ccwa_ccw1 ccw;

		ccwa_put_be64(ccw.b, sim_rng_u64(&r));
		if (sim_rng_chance(&r, 3, 4)) {
			ccwa_ccw1_set_cmd_code(&ccw, cmds[sim_rng_below(&r, 8)]);
			ccwa_ccw1_set_flags(&ccw, (uint32_t)sim_rng_u64(&r) & 0xfe);
			ccwa_ccw1_set_count(&ccw, (uint32_t)sim_rng_below(&r, 0x3000));
			ccwa_ccw1_set_cda(&ccw, (uint32_t)sim_rng_below(&r, 0x10000) &
						~(sim_rng_chance(&r, 1, 2) ? 7u : 0u));
		}
		memcpy(h.ram + i, ccw.b, 8);
	}
	for (unsigned op = 0; op < 40; op++) {
		uint64_t off = 0, n = sim_rng_range(&r, 1, sizeof(buf));
		unsigned kind = (unsigned)sim_rng_below(&r, 8);

		for (unsigned i = 0; i < n; i++)
			buf[i] = (uint8_t)sim_rng_u64(&r);
		switch (kind) {
		case 0: case 1: case 2:		/* a start, mostly well formed */
			n = 124;
			if (sim_rng_chance(&r, 2, 3)) {	/* as QEMU sends them */
				memset(buf, 0, 12);
				ccwa_orb_set_fmt((struct ccwa_orb *)buf, 1);
				ccwa_orb_set_pfch((struct ccwa_orb *)buf, 1);
				ccwa_orb_set_c64((struct ccwa_orb *)buf, 1);
				ccwa_orb_set_lpm((struct ccwa_orb *)buf, 0x80);
			}
			ccwa_orb_set_cpa((struct ccwa_orb *)buf,
					 (uint32_t)sim_rng_below(&r, 0x10000) & ~7u);
			if (sim_rng_chance(&r, 3, 4))
				ccwa_scsw_set_fctl((struct ccwa_scsw *)(buf + 12),
						   CCWA_FCTL_START);
			break;
		case 3:				/* anywhere in the regions */
			off = sim_rng_below(&r, 5) << 10 | sim_rng_below(&r, 140);
			break;
		case 4:				/* an async command */
			off = 0x400;
			n = 8;
			ccwa_put_be32(buf, (uint32_t)sim_rng_below(&r, 4));
			break;
		default:
			break;
		}
		switch (kind) {
		case 5:
			kmodel_pread(h.k, h.dev_fd, buf,
				     (size_t)sim_rng_range(&r, 1, 124),
				     (off_t)(sim_rng_below(&r, 5) << 10));
			break;
		case 6:
			kmodel_ioctl(h.k, h.dev_fd, VFIO_DEVICE_RESET, NULL);
			break;
		case 7: {
			/* take a page away and give it back */
			uint64_t iova = sim_rng_below(&r, 16) << 12;
			struct vfio_iommu_type1_dma_unmap um = {
				sizeof(um), 0, iova, 4096 };
			struct vfio_iommu_type1_dma_map map = { sizeof(map),
				VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
				(uint64_t)(uintptr_t)h.ram + iova, iova, 4096 };

			kmodel_ioctl(h.k, h.cont, VFIO_IOMMU_UNMAP_DMA, &um);
			kmodel_ioctl(h.k, h.cont, VFIO_IOMMU_MAP_DMA, &map);
			break;
		}
		default:
			if (kmodel_pwrite(h.k, h.dev_fd, buf, (size_t)n,
					  (off_t)off) == 124 && kind < 3)
				hostile_starts++;
		}
		for (uint64_t t = sim_rng_below(&r, 2000); t && sim_evq_step(h.q); t--)
			;
	}
	if (sim_rng_chance(&r, 1, 2)) {
		/* the guest dies with a READ in flight: close at once */
		guest_program(&h);
		ssch(&h, 0x2000);
	}
	kmodel_close(h.k, h.dev_fd);
	kmodel_close(h.k, h.cont);
	while (sim_evq_step(h.q))
		;
	kmodel_counts(h.k, &c);
	ck_assert_msg(c.pins == 0 && c.allocs == 0,
		      "kernel %x round %llu: %llu pins, %llu allocations left",
		      kernel, (unsigned long long)round,
		      (unsigned long long)c.pins, (unsigned long long)c.allocs);
	ck_assert_msg(c.violations == 0, "kernel %x round %llu: %s", kernel,
		      (unsigned long long)round, kmodel_first_violation(h.k));
	teardown(&h);
}

START_TEST(test_hostile_userspace)
{
	static const uint32_t kernels[] = {
		KMODEL_KV(4, 19), KMODEL_KV(5, 10), KMODEL_KV(6, 1), KMODEL_KV(6, 3),
	};

	for (unsigned k = 0; k < 4; k++)
		for (uint64_t round = 1; round <= 150; round++)
			hostile_round(round, kernels[k]);
	/* not vacuous: many of those programs really ran */
	ck_assert_uint_ge(hostile_starts, 600);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("vfio_io");
	TCase *tc = tcase_create("io");

	tcase_add_test(tc, test_read_through_vfio_ccw);
	tcase_add_test(tc, test_halt_via_io_region_is_eopnotsupp);
	tcase_add_test(tc, test_race_is_reproducible_by_seed);
	tcase_add_test(tc, test_hostile_userspace);
	tcase_set_timeout(tc, 300);
	suite_add_tcase(s, tc);
	return s;
}
