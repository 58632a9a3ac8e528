// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The VMM's side of vfio-ccw for one guest subchannel, as QEMU 7.2 does it
 * (ccwsim/vmm/client.h; reference qemu-vfio-ccw-on-x86.md §1-§3, §4).
 * The guest's subchannel is QEMU's image of it: a SCHIB, the ESW and
 * sense it last got, and one pending I/O interruption.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/crw.h>
#include <ccwsim/arch/irb.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/schib.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/vfio.h>
#include <ccwsim/vfio_ccw.h>
#include <ccwsim/vmm/client.h>

#define EAGAIN_MAX 100000	/* QEMU loops for ever; we report instead */
#define CRW_MAX 64

struct vmm_client {
	struct vmm_client_cfg cfg;
	struct kmodel *k;
	int dev, cont;
	int efd[VFIO_CCW_NUM_IRQS];	/* our eventfds by IRQ index, -1: none */
	uint64_t io_off, cmd_off, schib_off, crw_off;	/* UINT64_MAX: absent */
	unsigned regions;
	struct ccwa_schib schib;	/* the guest's subchannel */
	uint8_t orb[12];		/* the last ORB (for RSCH) */
	uint32_t channel_prog;		/* its CCW address, for made-up status */
	uint8_t esw[20], sense[32];
	int pending;			/* an I/O interruption for the guest */
	uint32_t crws[CRW_MAX];
	unsigned ncrw;
	uint64_t eagain;
	int unplugged;
};

/* ---- bytes in QEMU's host order (the profile) ---- */

static void put_host(const struct vmm_client *c, uint8_t *b, uint32_t v)
{
	kmodel_profile_put32(c->cfg.profile, b, v);
}

static struct ccwa_scsw *scsw(struct vmm_client *c)
{
	return &c->schib.scsw;
}

static struct ccwa_pmcw *pmcw(struct vmm_client *c)
{
	return &c->schib.pmcw;
}

/* ---- realize ---- */

static int find_region(struct vmm_client *c, unsigned nregions,
		       uint32_t subtype, uint32_t size, uint64_t *off)
{
	for (unsigned i = 1; i < nregions; i++) {
		uint8_t buf[64] = { 0 };
		struct vfio_region_info *ri = (struct vfio_region_info *)buf;
		struct vfio_region_info_cap_type cap;

		ri->argsz = 32;		/* QEMU starts small and grows */
		ri->index = i;
		if (kmodel_ioctl(c->k, c->dev, VFIO_DEVICE_GET_REGION_INFO, buf))
			continue;
		if (ri->argsz > 32) {
			uint32_t want = ri->argsz;

			memset(buf, 0, sizeof(buf));
			ri->argsz = want;
			ri->index = i;
			if (want > sizeof(buf) ||
			    kmodel_ioctl(c->k, c->dev, VFIO_DEVICE_GET_REGION_INFO, buf))
				continue;
		}
		if (!(ri->flags & VFIO_REGION_INFO_FLAG_CAPS) || !ri->cap_offset ||
		    ri->cap_offset + sizeof(cap) > sizeof(buf))
			continue;
		memcpy(&cap, buf + ri->cap_offset, sizeof(cap));
		if (cap.header.id != VFIO_REGION_INFO_CAP_TYPE ||
		    cap.type != VFIO_REGION_TYPE_CCW || cap.subtype != subtype)
			continue;
		if (ri->size != size)
			return -EINVAL;		/* any other size is fatal */
		*off = ri->offset;
		return 0;
	}
	return -ENOENT;
}

static int set_irq(struct vmm_client *c, unsigned index, int fd)
{
	struct {
		struct vfio_irq_set h;
		int32_t fd;
	} __attribute__((packed)) s = {
		{ sizeof(s), VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
		  index, 0, 1 }, fd,
	};

	return kmodel_ioctl(c->k, c->dev, VFIO_DEVICE_SET_IRQS, &s) ? -errno : 0;
}

static int irq(struct vmm_client *c, unsigned index, int *fd)
{
	struct vfio_irq_info ii = { .argsz = sizeof(ii), .index = index };

	if (kmodel_ioctl(c->k, c->dev, VFIO_DEVICE_GET_IRQ_INFO, &ii))
		return -errno;
	if (ii.count < 1)
		return -ENODEV;
	*fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (*fd < 0)
		return -errno;
	return set_irq(c, index, *fd);
}

int vmm_client_create(const struct vmm_client_cfg *cfg, struct vmm_client **out)
{
	struct vmm_client *c = calloc(1, sizeof(*c));
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct vfio_region_info ri = { .argsz = sizeof(ri) };
	struct kmodel_sch_paths paths;
	struct vfio_iommu_type1_dma_map map = {
		sizeof(map), VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		(uint64_t)(uintptr_t)cfg->ram, 0, cfg->ram_size,
	};
	int rc;

	*out = NULL;
	if (!c)
		return -ENOMEM;
	c->cfg = *cfg;
	c->k = cfg->k;
	for (unsigned i = 0; i < VFIO_CCW_NUM_IRQS; i++)
		c->efd[i] = -1;
	c->cmd_off = c->schib_off = c->crw_off = UINT64_MAX;
	c->dev = kmodel_open_device(c->k, cfg->uuid, &c->cont);
	if (c->dev < 0) {
		rc = -errno;
		free(c);
		return rc;
	}
	if (kmodel_ioctl(c->k, c->cont, VFIO_IOMMU_MAP_DMA, &map) ||
	    kmodel_ioctl(c->k, c->dev, VFIO_DEVICE_GET_INFO, &info)) {
		rc = -errno;
		goto fail;
	}
	rc = -EINVAL;
	if (!(info.flags & VFIO_DEVICE_FLAGS_CCW) || info.num_regions < 1)
		goto fail;
	ri.index = VFIO_CCW_CONFIG_REGION_INDEX;
	if (kmodel_ioctl(c->k, c->dev, VFIO_DEVICE_GET_REGION_INFO, &ri) ||
	    ri.size != sizeof(struct ccw_io_region))
		goto fail;
	c->io_off = ri.offset;
	if (!cfg->old && !find_region(c, info.num_regions,
				      VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD,
				      sizeof(struct ccw_cmd_region),
				      &c->cmd_off))
		c->regions |= 1u << VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD;
	if (!find_region(c, info.num_regions, VFIO_REGION_SUBTYPE_CCW_SCHIB,
			 sizeof(struct ccw_schib_region), &c->schib_off))
		c->regions |= 1u << VFIO_REGION_SUBTYPE_CCW_SCHIB;
	if (!find_region(c, info.num_regions, VFIO_REGION_SUBTYPE_CCW_CRW,
			 sizeof(struct ccw_crw_region), &c->crw_off))
		c->regions |= 1u << VFIO_REGION_SUBTYPE_CCW_CRW;
	/* the IO and CRW IRQs are needed; REQ only warns */
	if ((rc = irq(c, VFIO_CCW_IO_IRQ_INDEX, &c->efd[VFIO_CCW_IO_IRQ_INDEX])))
		goto fail;
	if (c->crw_off != UINT64_MAX &&
	    (rc = irq(c, VFIO_CCW_CRW_IRQ_INDEX, &c->efd[VFIO_CCW_CRW_IRQ_INDEX])))
		goto fail;
	irq(c, VFIO_CCW_REQ_IRQ_INDEX, &c->efd[VFIO_CCW_REQ_IRQ_INDEX]);
	kmodel_ioctl(c->k, c->dev, VFIO_DEVICE_RESET, NULL);	/* ignored */
	/*
	 * css_sch_build_schib: a valid device, the path masks and CHPIDs
	 * from the host's sysfs (QEMU notes §1b); LPM as PIM.
	 */
	if ((rc = kmodel_mdev_paths(c->k, cfg->uuid, &paths)))
		goto fail;
	ccwa_pmcw_set_dnv(pmcw(c), 1);
	ccwa_pmcw_set_dev(pmcw(c), cfg->sid & 0xffff);
	ccwa_pmcw_set_pim(pmcw(c), paths.pim);
	ccwa_pmcw_set_pam(pmcw(c), paths.pam);
	ccwa_pmcw_set_pom(pmcw(c), paths.pom);
	ccwa_pmcw_set_lpm(pmcw(c), paths.pim);
	for (unsigned i = 0; i < 8; i++)
		ccwa_pmcw_set_chpid(pmcw(c), i, paths.chpid[i]);
	*out = c;
	return 0;
fail:
	vmm_client_destroy(c);
	return rc;
}

/* device_del / qdev_unplug: REQ, CRW, IO released, device, container. */
static void unplug(struct vmm_client *c)
{
	if (c->dev >= 0) {
		set_irq(c, VFIO_CCW_REQ_IRQ_INDEX, -1);
		if (c->crw_off != UINT64_MAX)
			set_irq(c, VFIO_CCW_CRW_IRQ_INDEX, -1);
		set_irq(c, VFIO_CCW_IO_IRQ_INDEX, -1);
		kmodel_close(c->k, c->dev);
	}
	if (c->cont >= 0)
		kmodel_close(c->k, c->cont);
	c->dev = c->cont = -1;
}

void vmm_client_destroy(struct vmm_client *c)
{
	if (!c)
		return;
	unplug(c);
	for (int *fd = c->efd; fd < c->efd + VFIO_CCW_NUM_IRQS; fd++)
		if (*fd >= 0)
			close(*fd);
	free(c);
}

unsigned vmm_client_regions(const struct vmm_client *c)
{
	return c->regions;
}

uint64_t vmm_client_eagain(const struct vmm_client *c)
{
	return c->eagain;
}

/* ---- interrupts ---- */

static void inject(struct vmm_client *c)
{
	c->pending = 1;
}

/* QEMU's channel-side errors when the IRB cannot be read. */
static void read_error(struct vmm_client *c, int err)
{
	struct ccwa_scsw *s = scsw(c);

	if (err == ENODEV) {
		ccwa_scsw_set_cc(s, 3);
		ccwa_scsw_set_stctl(s, CCWA_STCTL_ALERT | CCWA_STCTL_PENDING);
	} else {
		ccwa_scsw_set_actl(s, ccwa_scsw_actl(s) & ~(uint32_t)CCWA_ACTL_START_PEND);
		ccwa_scsw_set_cstat(s, err == EFAULT ? CCWA_SCH_STAT_CHN_DATA_CHK
					     : err ? CCWA_SCH_STAT_PROG_CHECK
						   : CCWA_SCH_STAT_CHN_CTRL_CHK);
		ccwa_scsw_set_stctl(s, CCWA_STCTL_PRIMARY | CCWA_STCTL_SECONDARY |
				       CCWA_STCTL_ALERT | CCWA_STCTL_PENDING);
	}
}

static void io_notifier(struct vmm_client *c)
{
	uint8_t region[sizeof(struct ccw_io_region)];
	struct ccwa_irb irb;
	ssize_t n = kmodel_pread(c->k, c->dev, region, sizeof(region),
				 (off_t)c->io_off);

	if (n < 0) {
		read_error(c, errno);
	} else if (n != (ssize_t)sizeof(region)) {
		read_error(c, 0);		/* a short read: channel-control check */
	} else {
		/* the IRB is big-endian in every profile */
		memcpy(&irb, region + offsetof(struct ccw_io_region, irb_area),
		       sizeof(irb));
		c->schib.scsw = irb.scsw;
		memcpy(c->esw, &irb.esw, sizeof(c->esw));
		if ((ccwa_scsw_dstat(&irb.scsw) & CCWA_DEV_STAT_UNIT_CHECK) &&
		    ccwa_pmcw_csense(pmcw(c)))
			memcpy(c->sense, &irb.ecw, sizeof(c->sense));
	}
	inject(c);
}

static void crw_notifier(struct vmm_client *c)
{
	for (;;) {
		uint8_t b[8];
		uint32_t crw;

		if (kmodel_pread(c->k, c->dev, b, sizeof(b), (off_t)c->crw_off) !=
		    (ssize_t)sizeof(b))
			return;
		kmodel_profile_crw(c->cfg.profile, b);	/* to architected */
		crw = ccwa_get_be32(b);
		if (!crw)
			return;		/* QEMU reads until a zero CRW */
		if (c->ncrw < CRW_MAX)
			c->crws[c->ncrw++] = crw;
	}
}

/* event_notifier_test_and_clear */
static int fired(struct vmm_client *c, unsigned index)
{
	uint64_t v;

	return c->efd[index] >= 0 && read(c->efd[index], &v, 8) == 8;
}

int vmm_client_poll(struct vmm_client *c)
{
	int handled = 0;

	if (c->unplugged)
		return 0;
	if (fired(c, VFIO_CCW_IO_IRQ_INDEX)) {
		io_notifier(c);		/* any number of signals: one read */
		handled++;
	}
	if (fired(c, VFIO_CCW_CRW_IRQ_INDEX)) {
		crw_notifier(c);
		handled++;
	}
	if (fired(c, VFIO_CCW_REQ_IRQ_INDEX)) {
		unplug(c);		/* the device goes away from the guest */
		c->unplugged = 1;
		handled++;
	}
	return handled;
}

int vmm_guest_io_pending(const struct vmm_client *c)
{
	return c->pending;
}

int vmm_guest_take_io(struct vmm_client *c, uint32_t *sid, uint32_t *intparm)
{
	if (!c->pending)
		return 0;
	c->pending = 0;
	*sid = c->cfg.sid;
	*intparm = ccwa_pmcw_intparm(pmcw(c));
	return 1;
}

/* ---- the guest's instructions ---- */

static int status_pending(struct vmm_client *c)
{
	return !!(ccwa_scsw_stctl(scsw(c)) & CCWA_STCTL_PENDING);
}

static int operational(struct vmm_client *c)
{
	return !c->unplugged && ccwa_pmcw_dnv(pmcw(c)) && ccwa_pmcw_ena(pmcw(c));
}

/* pwrite with QEMU's retry on EAGAIN; 0 or -errno. */
static int write_region(struct vmm_client *c, const void *b, size_t n,
			uint64_t off)
{
	for (unsigned i = 0; i < EAGAIN_MAX; i++) {
		if (kmodel_pwrite(c->k, c->dev, b, n, (off_t)off) == (ssize_t)n)
			return 0;
		if (errno != EAGAIN)
			return -errno;
		c->eagain++;
	}
	return -EAGAIN;
}

/*
 * sch_gen_unit_exception (QEMU 6.1 on): the device and subchannel are no
 * longer active, the status is made up; the pending bits stay for TSCH.
 */
static void unit_exception(struct vmm_client *c)
{
	struct ccwa_scsw *s = scsw(c);

	ccwa_scsw_set_actl(s, ccwa_scsw_actl(s) &
			      ~(uint32_t)(CCWA_ACTL_DEV_ACTIVE | CCWA_ACTL_SCH_ACTIVE));
	ccwa_scsw_set_stctl(s, ccwa_scsw_stctl(s) | CCWA_STCTL_PRIMARY |
			       CCWA_STCTL_SECONDARY | CCWA_STCTL_ALERT |
			       CCWA_STCTL_PENDING);
	ccwa_scsw_set_cpa(s, c->channel_prog + 8);
	ccwa_scsw_set_dstat(s, CCWA_DEV_STAT_UNIT_EXCEP);
	inject(c);
}

/* css_do_*: a cc other than 0 puts the SCSW back as it was. */
static int revert_unless_0(struct vmm_client *c, const struct ccwa_scsw *old,
			   int cc)
{
	if (cc)
		*scsw(c) = *old;
	return cc;
}

static int start(struct vmm_client *c)
{
	struct ccw_io_region r;
	int rc;

	/* QEMU's structs, in its host order (the profile) */
	memset(&r, 0, sizeof(r));
	memcpy(r.orb_area, c->orb, sizeof(r.orb_area));
	kmodel_profile_orb(c->cfg.profile, r.orb_area);
	memcpy(r.scsw_area, scsw(c)->b, sizeof(r.scsw_area));
	kmodel_profile_scsw(c->cfg.profile, r.scsw_area);
	rc = write_region(c, &r, sizeof(r), c->io_off);
	switch (rc) {
	case 0:
		return 0;
	case -EBUSY:
		return 2;
	case -ENODEV:
	case -EACCES:
		return 3;
	default:
		unit_exception(c);	/* and cc 0 */
		return 0;
	}
}

/* Does [addr, addr + len) lie in guest memory? */
static int in_ram(const struct vmm_client *c, uint64_t addr, uint64_t len)
{
	return addr <= c->cfg.ram_size && len <= c->cfg.ram_size - addr;
}

int vmm_guest_ssch(struct vmm_client *c, uint64_t orb)
{
	struct ccwa_scsw *s = scsw(c), old;

	if (!operational(c))
		return 3;
	if (status_pending(c))
		return 1;
	if (ccwa_scsw_fctl(s))
		return 2;
	if (!in_ram(c, orb, sizeof(c->orb)))
		return -EFAULT;
	memcpy(c->orb, c->cfg.ram + orb, sizeof(c->orb));
	if (c->cfg.force_pfch)
		ccwa_orb_set_pfch((struct ccwa_orb *)c->orb, 1);
	c->channel_prog = ccwa_orb_cpa((struct ccwa_orb *)c->orb);
	old = *s;
	ccwa_scsw_set_fctl(s, ccwa_scsw_fctl(s) | CCWA_FCTL_START);
	ccwa_scsw_set_actl(s, ccwa_scsw_actl(s) | CCWA_ACTL_START_PEND);
	ccwa_scsw_set_pno(s, 0);
	ccwa_pmcw_set_intparm(pmcw(c), ccwa_orb_intparm((struct ccwa_orb *)c->orb));
	return revert_unless_0(c, &old, start(c));
}

int vmm_guest_rsch(struct vmm_client *c)
{
	struct ccwa_scsw *s = scsw(c);
	uint32_t a = ccwa_scsw_actl(s);

	if (!operational(c))
		return 3;
	if (status_pending(c))
		return 1;
	if (ccwa_scsw_fctl(s) != CCWA_FCTL_START || (a & CCWA_ACTL_RESUME_PEND) ||
	    !(a & CCWA_ACTL_SUSPENDED))
		return 2;
	ccwa_scsw_set_actl(s, a | CCWA_ACTL_RESUME_PEND);
	return start(c);	/* the same path as a start (§2 of the QEMU notes) */
}

/*
 * What QEMU makes up when there is no async region (sch_handle_halt_func,
 * sch_handle_clear_func): status pending at once, the device never told —
 * and, on the passthrough path, no interruption injected: the guest finds
 * the status only by TSCH or STSCH.
 */
static void emulated_halt(struct vmm_client *c)
{
	struct ccwa_scsw *s = scsw(c);
	uint32_t a = ccwa_scsw_actl(s) & ~(uint32_t)CCWA_ACTL_HALT_PEND;
	int active = !!(a & (CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE));

	ccwa_scsw_set_actl(s, a);
	ccwa_scsw_set_stctl(s, ccwa_scsw_stctl(s) | CCWA_STCTL_PENDING);
	if (active || !(a & (CCWA_ACTL_START_PEND | CCWA_ACTL_SUSPENDED)))
		ccwa_scsw_set_dstat(s, CCWA_DEV_STAT_DEV_END);
	if (active || (a & CCWA_ACTL_SUSPENDED))
		ccwa_scsw_set_cpa(s, c->channel_prog + 8);
	ccwa_scsw_set_cstat(s, 0);
	ccwa_pmcw_set_lpum(pmcw(c), 0x80);
	c->channel_prog = 0;
}

static void emulated_clear(struct vmm_client *c)
{
	struct ccwa_scsw *s = scsw(c);

	ccwa_pmcw_set_pom(pmcw(c), 0xff);
	ccwa_scsw_set_pno(s, 0);
	ccwa_scsw_set_actl(s, ccwa_scsw_actl(s) & ~(uint32_t)CCWA_ACTL_CLEAR_PEND);
	ccwa_scsw_set_stctl(s, ccwa_scsw_stctl(s) | CCWA_STCTL_PENDING);
	ccwa_scsw_set_dstat(s, 0);
	ccwa_scsw_set_cstat(s, 0);
	ccwa_pmcw_set_lpum(pmcw(c), 0x80);
	c->channel_prog = 0;
}

static int async_cmd(struct vmm_client *c, uint32_t command)
{
	uint8_t b[8] = { 0 };

	put_host(c, b, command);
	return write_region(c, b, sizeof(b), c->cmd_off);
}

/*
 * The async region's answer as css.c takes it: HSCH passes EBUSY (cc 2),
 * ENODEV and EACCES (cc 3) through; CSCH only the last two.  Any other
 * error becomes a unit exception with an interruption, and cc 0.
 */
static int async_cc(struct vmm_client *c, int rc, int busy_ok)
{
	switch (rc) {
	case 0:
		return 0;
	case -EBUSY:
		if (busy_ok)
			return 2;
		break;
	case -ENODEV:
	case -EACCES:
		return 3;
	default:
		break;
	}
	unit_exception(c);
	return 0;
}

int vmm_guest_hsch(struct vmm_client *c)
{
	struct ccwa_scsw *s = scsw(c), old;
	uint32_t sc = ccwa_scsw_stctl(s);

	if (!operational(c))
		return 3;
	if (sc == CCWA_STCTL_PENDING ||
	    (sc & (CCWA_STCTL_PRIMARY | CCWA_STCTL_SECONDARY | CCWA_STCTL_ALERT)))
		return 1;
	if (ccwa_scsw_fctl(s) & (CCWA_FCTL_HALT | CCWA_FCTL_CLEAR))
		return 2;
	old = *s;
	/* css_do_hsch: QEMU drops the start function bit (POPS keeps it) */
	ccwa_scsw_set_fctl(s, (ccwa_scsw_fctl(s) | CCWA_FCTL_HALT) &
			      ~(uint32_t)CCWA_FCTL_START);
	if (ccwa_scsw_actl(s) == (CCWA_ACTL_SCH_ACTIVE | CCWA_ACTL_DEV_ACTIVE) &&
	    sc == CCWA_STCTL_INTERMEDIATE)
		ccwa_scsw_set_stctl(s, sc & ~(uint32_t)CCWA_STCTL_PENDING);
	ccwa_scsw_set_actl(s, ccwa_scsw_actl(s) | CCWA_ACTL_HALT_PEND);
	if (c->cmd_off == UINT64_MAX) {
		emulated_halt(c);	/* the real program may go on (§3) */
		return 0;
	}
	return revert_unless_0(c, &old,
			       async_cc(c, async_cmd(c, VFIO_CCW_ASYNC_CMD_HSCH), 1));
}

int vmm_guest_csch(struct vmm_client *c)
{
	struct ccwa_scsw *s = scsw(c), old;

	if (!operational(c))
		return 3;
	old = *s;
	ccwa_scsw_set_fctl(s, CCWA_FCTL_CLEAR);
	ccwa_scsw_set_actl(s, CCWA_ACTL_CLEAR_PEND);
	if (c->cmd_off == UINT64_MAX) {
		emulated_clear(c);
		return 0;
	}
	return revert_unless_0(c, &old,
			       async_cc(c, async_cmd(c, VFIO_CCW_ASYNC_CMD_CSCH), 0));
}

/* QEMU's TSCH: the IRB, then the clearing of §3.10 as css.c does it. */
int vmm_guest_tsch(struct vmm_client *c, uint64_t irb_addr)
{
	struct ccwa_scsw *s = scsw(c);
	uint32_t sc = ccwa_scsw_stctl(s), fc = ccwa_scsw_fctl(s);
	uint32_t ac = ccwa_scsw_actl(s);
	struct ccwa_irb irb;

	if (!in_ram(c, irb_addr, 64))
		return -EFAULT;
	if (!operational(c))		/* DNV and ENA both */
		return 3;
	memset(&irb, 0, sizeof(irb));
	irb.scsw = *s;
	memcpy(&irb.esw, c->esw, sizeof(c->esw));
	if ((ccwa_scsw_dstat(s) & CCWA_DEV_STAT_UNIT_CHECK) &&
	    ccwa_pmcw_csense(pmcw(c)))
		memcpy(&irb.ecw, c->sense, sizeof(c->sense));
	memcpy(c->cfg.ram + irb_addr, &irb, 64);
	if (!(sc & CCWA_STCTL_PENDING))
		return 1;
	ccwa_scsw_set_stctl(s, 0);
	if (sc != (CCWA_STCTL_INTERMEDIATE | CCWA_STCTL_PENDING) ||
	    ((fc & CCWA_FCTL_HALT) && (ac & CCWA_ACTL_SUSPENDED)))
		ccwa_scsw_set_fctl(s, 0);
	if (sc != (CCWA_STCTL_INTERMEDIATE | CCWA_STCTL_PENDING)) {
		ccwa_scsw_set_pno(s, 0);
		ccwa_scsw_set_actl(s, ac & ~(uint32_t)(CCWA_ACTL_RESUME_PEND |
						      CCWA_ACTL_START_PEND |
						      CCWA_ACTL_HALT_PEND |
						      CCWA_ACTL_CLEAR_PEND |
						      CCWA_ACTL_SUSPENDED));
	} else if ((ac & CCWA_ACTL_SUSPENDED) && (fc & CCWA_FCTL_START)) {
		ccwa_scsw_set_pno(s, 0);
		ccwa_scsw_set_actl(s, ac & ~(uint32_t)CCWA_ACTL_RESUME_PEND);
	}
	memset(c->sense, 0, sizeof(c->sense));
	c->pending = 0;
	return 0;
}

/*
 * QEMU tests PNO as a host-order u16 of the SCSW flags (QEMU notes §4): on
 * x86 the mask 0x0008 lands in byte 0 (the S bit) of the big-endian
 * SCHIB the kernel wrote, not in byte 1 where PNO is.
 */
static int host_pno(const struct vmm_client *c, const struct ccwa_scsw *sw)
{
	if (c->cfg.profile == KMODEL_QEMU_LE_HOST)
		return !!(sw->b[0] & 0x08);
	return (int)ccwa_scsw_pno(sw);
}

int vmm_guest_stsch(struct vmm_client *c, uint64_t addr)
{
	if (!in_ram(c, addr, sizeof(c->schib)))
		return -EFAULT;
	if (c->unplugged)
		return 3;
	if (c->schib_off != UINT64_MAX) {
		struct ccwa_schib host;

		/* every STSCH: PNOM, LPUM, PAM, POM and N from the host */
		if (kmodel_pread(c->k, c->dev, &host, sizeof(host),
				 (off_t)c->schib_off) == (ssize_t)sizeof(host)) {
			ccwa_pmcw_set_pnom(pmcw(c), ccwa_pmcw_pnom(&host.pmcw));
			ccwa_pmcw_set_lpum(pmcw(c), ccwa_pmcw_lpum(&host.pmcw));
			ccwa_pmcw_set_pam(pmcw(c), ccwa_pmcw_pam(&host.pmcw));
			ccwa_pmcw_set_pom(pmcw(c), ccwa_pmcw_pom(&host.pmcw));
			if (host_pno(c, &host.scsw))
				ccwa_scsw_set_pno(scsw(c), 1);	/* only ever set */
		}
	}
	memcpy(c->cfg.ram + addr, &c->schib, sizeof(c->schib));
	return 0;
}

int vmm_guest_msch(struct vmm_client *c, uint64_t addr)
{
	struct ccwa_schib in;

	if (!in_ram(c, addr, sizeof(in)))
		return -EFAULT;
	if (c->unplugged)
		return 3;
	if (!ccwa_pmcw_dnv(pmcw(c)))
		return 0;		/* css_do_msch: nothing to modify, cc 0 */
	if (status_pending(c))
		return 1;
	if (ccwa_scsw_fctl(scsw(c)))
		return 2;
	memcpy(&in, c->cfg.ram + addr, sizeof(in));
	ccwa_pmcw_set_intparm(pmcw(c), ccwa_pmcw_intparm(&in.pmcw));
	ccwa_pmcw_set_isc(pmcw(c), ccwa_pmcw_isc(&in.pmcw));
	ccwa_pmcw_set_ena(pmcw(c), ccwa_pmcw_ena(&in.pmcw));
	ccwa_pmcw_set_lpm(pmcw(c), ccwa_pmcw_lpm(&in.pmcw));
	ccwa_pmcw_set_csense(pmcw(c), ccwa_pmcw_csense(&in.pmcw));
	return 0;
}

int vmm_guest_stcrw(struct vmm_client *c, uint64_t addr)
{
	uint8_t b[4] = { 0 };

	if (!in_ram(c, addr, sizeof(b)))
		return -EFAULT;
	if (!c->ncrw) {
		memcpy(c->cfg.ram + addr, b, 4);
		return 1;
	}
	ccwa_put_be32(b, c->crws[0]);
	memmove(c->crws, c->crws + 1, (--c->ncrw) * sizeof(c->crws[0]));
	memcpy(c->cfg.ram + addr, b, 4);
	return 0;
}
