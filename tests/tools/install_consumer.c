// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A program built only against the installed headers and library (through
 * ccwsim.pc): it must compile, link and run outside the source tree.
 */
#include <stdio.h>
#include <string.h>

#include <ccwsim/arch/decode.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/kmodel/kmodel.h>
#include <ccwsim/sim/css.h>
#include <ccwsim/sim/evq.h>
#include <ccwsim/sim/mem.h>
#include <ccwsim/sim/testdev.h>
#include <ccwsim/vfio.h>

static int ran;

static void fire(struct sim_evq *q, struct sim_event *ev)
{
	(void)q;
	(void)ev;
	ran++;
}

/* The driver model through the installed C API: a device with four regions. */
static int vfio_device(void)
{
	struct sim_evq *q = sim_evq_create();
	struct sim_mem *mem = sim_mem_create(16ull << 30);
	struct sim_css_cfg cc = { .evq = q, .mem = mem, .nsets = 1,
				  .facilities = SIM_FAC_DEFAULT };
	struct sim_css *css = sim_css_create(&cc);
	struct sim_sch_def def = { .devno = 0x150, .pim = 0x80, .chpid = { 0x40 } };
	struct kmodel_cfg kc = { .evq = q, .mem = mem, .css = css, .seed = 1 };
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct kmodel *k;
	int dev, cont, ok;

	def.dev = sim_testdev_create(0x150);
	if (!css || sim_css_chp_install(css, 0x40, 0x11) ||
	    sim_css_sch_define(css, 0, 0x313, &def, 0))
		return 0;
	k = kmodel_create(&kc);
	ok = k && !kmodel_sch_bind(k, 0, 0x313) &&
	     !kmodel_mdev_create(k, 0, 0x313, "9f31d5c1-0000-0000-0000-000000000313");
	dev = ok ? kmodel_open_device(k, "9f31d5c1-0000-0000-0000-000000000313",
				      &cont) : -1;
	ok = dev >= 0 && !kmodel_ioctl(k, dev, VFIO_DEVICE_GET_INFO, &info) &&
	     info.num_regions == 4 && (info.flags & VFIO_DEVICE_FLAGS_CCW) &&
	     !kmodel_close(k, dev) && !kmodel_close(k, cont);
	kmodel_destroy(k);
	sim_css_destroy(css);
	sim_mem_destroy(mem);
	sim_evq_destroy(q);
	return ok;
}

int main(void)
{
	struct ccwa_scsw s = { { 0 } };
	struct ccwa_part parts[CCWA_MAX_PARTS];
	struct sim_evq *q = sim_evq_create();
	struct sim_event ev;
	char err[64];

	ccwa_scsw_set_fctl(&s, CCWA_FCTL_START);
	sim_event_init(&ev, fire, "consumer");
	sim_evq_schedule(q, &ev, 10, SIM_EVC_CLIENT);
	sim_evq_run_until(q, 100);
	sim_evq_destroy(q);
	if (!vfio_device()) {
		fprintf(stderr, "install consumer: the vfio-ccw device did not open\n");
		return 1;
	}
	if (s.b[2] != 0x40 || ran != 1 ||
	    ccwa_layout("scsw", s.b, sizeof(s.b), parts, err, sizeof(err)) != 1) {
		fprintf(stderr, "install consumer: wrong results\n");
		return 1;
	}
	printf("install consumer: ok\n");
	return 0;
}
