// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The driver model's cost: one I/O operation as a VMM does it through
 * vfio-ccw (pwrite of the I/O region, the kernel's translation and SSCH,
 * the interrupt, io_todo, the eventfd, pread of the IRB) against the same
 * channel program started directly on the channel subsystem (SSCH, the
 * events, TSCH), measured in the same run.  Two programs: a NOP (nothing
 * pinned) and an 8-byte READ (one page pinned and unpinned per operation).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/kmodel/kmodel.h>
#include <ccwsim/sim/css.h>
#include <ccwsim/sim/testdev.h>
#include <ccwsim/vfio.h>

#include "bench_util.h"

#define UUID "9f31d5c1-bbbb-0000-0000-000000000313"
#define RAM (1u << 20)
#define OPS 20000u

struct rig {
	struct sim_evq *q;
	struct sim_mem *mem;
	struct sim_css *css;
	struct kmodel *k;
	uint8_t *ram;
	int dev, cont, efd;
	struct sim_cpu cpu;
	uint8_t cmd;		/* the program's one CCW */
	unsigned long done;
};

static int rig_up(struct rig *r, int vfio)
{
	static const uint8_t data[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct sim_testdev_cmd rd = { .end = 0x0c, .data = data, .len = 8 };
	struct sim_css_cfg cc = { .nsets = 1, .facilities = SIM_FAC_DEFAULT };
	struct sim_sch_def def = { .devno = 0x0150, .pim = 0x80,
				   .chpid = { 0x40 } };

	r->q = sim_evq_create();
	r->mem = sim_mem_create(16ull << 30);
	cc.evq = r->q;
	cc.mem = r->mem;
	r->css = r->q && r->mem ? sim_css_create(&cc) : NULL;
	if (!r->css || sim_css_chp_install(r->css, 0x40, 0x1a))
		return -1;
	def.dev = sim_testdev_create(0x0150);
	if (!def.dev || sim_testdev_set(def.dev, 0x02, &rd) ||
	    sim_css_sch_define(r->css, 0, 0x313, &def, 0))
		return -1;
	if (!vfio)
		return 0;
	{
		struct kmodel_cfg kc = { .evq = r->q, .mem = r->mem,
					 .css = r->css, .seed = 1 };
		struct vfio_iommu_type1_dma_map map = { sizeof(map),
			VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE, 0, 0, RAM };
		struct {
			struct vfio_irq_set s;
			int32_t fd;
		} irq = { { sizeof(irq), VFIO_IRQ_SET_DATA_EVENTFD |
			    VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_CCW_IO_IRQ_INDEX, 0, 1 },
			  -1 };

		r->k = kmodel_create(&kc);
		r->ram = aligned_alloc(4096, RAM);
		if (!r->k || !r->ram || kmodel_sch_bind(r->k, 0, 0x313) ||
		    kmodel_mdev_create(r->k, 0, 0x313, UUID))
			return -1;
		memset(r->ram, 0, RAM);
		r->dev = kmodel_open_device(r->k, UUID, &r->cont);
		map.vaddr = (uint64_t)(uintptr_t)r->ram;
		r->efd = eventfd(0, EFD_NONBLOCK);
		irq.fd = r->efd;
		if (r->dev < 0 || r->efd < 0 ||
		    kmodel_ioctl(r->k, r->cont, VFIO_IOMMU_MAP_DMA, &map) ||
		    kmodel_ioctl(r->k, r->dev, VFIO_DEVICE_SET_IRQS, &irq))
			return -1;
	}
	return 0;
}

static void rig_down(struct rig *r)
{
	if (r->k) {
		kmodel_close(r->k, r->dev);
		kmodel_close(r->k, r->cont);
		kmodel_destroy(r->k);
		close(r->efd);
		free(r->ram);
	}
	sim_css_destroy(r->css);
	sim_mem_destroy(r->mem);
	sim_evq_destroy(r->q);
	memset(r, 0, sizeof(*r));
}

/* The ORB (format 1, prefetch, 64-bit IDAWs, path 0x80) and its CCW. */
static void program(uint8_t *orb, uint8_t *ccw, uint8_t cmd, uint32_t cpa)
{
	struct ccwa_ccw1 c = { { 0 } };

	memset(orb, 0, 12);
	ccwa_orb_set_fmt((struct ccwa_orb *)orb, 1);
	ccwa_orb_set_pfch((struct ccwa_orb *)orb, 1);
	ccwa_orb_set_c64((struct ccwa_orb *)orb, 1);
	ccwa_orb_set_lpm((struct ccwa_orb *)orb, 0x80);
	ccwa_orb_set_cpa((struct ccwa_orb *)orb, cpa);
	ccwa_ccw1_set_cmd_code(&c, cmd);
	ccwa_ccw1_set_flags(&c, CCWA_CCW_FLAG_SLI);
	ccwa_ccw1_set_count(&c, cmd == 0x02 ? 8 : 1);
	ccwa_ccw1_set_cda(&c, 0x3000);
	memcpy(ccw, c.b, 8);
}

static void direct_ops(void *arg)
{
	struct rig *r = arg;
	uint8_t orb[12], ccw[8];

	program(orb, ccw, r->cmd, 0x2000);
	sim_mem_write(r->mem, 0x1000, orb, 12, 0, NULL);
	sim_mem_write(r->mem, 0x2000, ccw, 8, 0, NULL);
	for (unsigned i = 0; i < OPS; i++) {
		sim_css_ssch(r->css, &r->cpu, sim_sid(0, 0x313), 0x1000);
		sim_evq_run_until(r->q, sim_evq_now(r->q) + SIM_US(50));
		r->done += sim_css_tsch(r->css, &r->cpu, sim_sid(0, 0x313),
					0x4000).cc == 0;
	}
}

static void vfio_ops(void *arg)
{
	struct rig *r = arg;
	uint8_t region[124];
	uint64_t v;

	for (unsigned i = 0; i < OPS; i++) {
		memset(region, 0, sizeof(region));
		program(region, r->ram + 0x2000, r->cmd, 0x2000);
		ccwa_scsw_set_fctl((struct ccwa_scsw *)(region + 12),
				   CCWA_FCTL_START);
		if (kmodel_pwrite(r->k, r->dev, region, 124, 0) != 124)
			continue;
		while (read(r->efd, &v, 8) != 8)
			if (!sim_evq_step(r->q))
				break;
		r->done += kmodel_pread(r->k, r->dev, region, 124, 0) == 124;
	}
}

/* An enabled subchannel for the direct runs (ISC 3). */
static void enable(struct rig *r)
{
	uint8_t s[52];

	sim_css_stsch(r->css, &r->cpu, sim_sid(0, 0x313), 0x5000);
	sim_mem_read(r->mem, 0x5000, s, sizeof(s), 0, NULL);
	s[4] = 0x18;
	s[5] |= 0x80;
	sim_mem_write(r->mem, 0x5000, s, sizeof(s), 0, NULL);
	sim_css_msch(r->css, &r->cpu, sim_sid(0, 0x313), 0x5000);
}

int main(void)
{
	static const struct {
		const char *name;
		uint8_t cmd;
	} progs[] = { { "NOP", 0x03 }, { "READ 8", 0x02 } };

	printf("%-8s %14s %14s %10s\n", "program", "direct ns/op",
	       "vfio ns/op", "vfio/direct");
	for (unsigned p = 0; p < 2; p++) {
		struct rig d = { .cpu = { .cr6 = 0xff }, .cmd = progs[p].cmd };
		struct rig v = { .cmd = progs[p].cmd };
		double td, tv;

		if (rig_up(&d, 0) || rig_up(&v, 1)) {
			fprintf(stderr, "bench_vfio: setup failed: %s\n",
				strerror(errno));
			return 1;
		}
		enable(&d);
		td = bench_best(3, direct_ops, &d) / OPS;
		tv = bench_best(3, vfio_ops, &v) / OPS;
		printf("%-8s %14.0f %14.0f %9.1fx\n", progs[p].name, td * 1e9,
		       tv * 1e9, tv / td);
		if (d.done != 3ul * OPS || v.done != 3ul * OPS) {
			fprintf(stderr, "bench_vfio: %lu and %lu of %lu operations ended\n",
				d.done, v.done, 3ul * OPS);
			return 1;
		}
		rig_down(&d);
		rig_down(&v);
	}
	return 0;
}
