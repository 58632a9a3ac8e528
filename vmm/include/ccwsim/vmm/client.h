/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A model of the VMM side of vfio-ccw: what QEMU's hw/vfio/ccw.c and the
 * passthrough paths of hw/s390x/css.c do for one guest subchannel
 * (reference qemu-vfio-ccw-on-x86.md §1-§3; vfio-ccw-driver.md §3).
 *
 * The client opens the device through the driver model's syscalls, maps
 * the guest's memory, finds the optional regions through the capability
 * chain (GET_REGION_INFO with the argsz handshake), and registers the IO,
 * CRW and REQ eventfds.  The guest's I/O instructions then become region
 * writes and reads: SSCH (and RSCH) write the I/O region and map the errno
 * to a condition code as QEMU does (EBUSY cc 2, ENODEV and EACCES cc 3,
 * EAGAIN retried, anything else a unit exception); HSCH and CSCH go to the
 * async region, or are emulated when there is none (an old kernel, or an
 * "old" client that predates the region); STSCH copies the path masks of
 * the SCHIB region.  MSCH, TSCH, TPI and STCRW are QEMU's own.  When an
 * eventfd fires (vmm_client_poll), the IRB is read from the I/O region and
 * replaces the guest's SCSW, and a guest I/O interruption is made pending.
 */
#ifndef CCWSIM_VMM_CLIENT_H
#define CCWSIM_VMM_CLIENT_H

#include <stdint.h>

#include <ccwsim/kmodel/kmodel.h>

struct vmm_client;

struct vmm_client_cfg {
	struct kmodel *k;
	uint8_t *ram;			/* guest memory, mapped at iova 0 */
	uint64_t ram_size;
	const char *uuid;		/* the mdev */
	uint32_t sid;			/* the guest's SID word for it */
	int old;			/* predates the async region: emulates halt/clear */
	int force_pfch;			/* QEMU's force-orb-pfch option */
	enum kmodel_profile profile;	/* the host order QEMU writes in */
};

/* Realize: 0, or -errno of the step that failed (*client stays NULL). */
int vmm_client_create(const struct vmm_client_cfg *cfg,
		      struct vmm_client **client);
/* Unrealize: IRQs released, device closed, memory unmapped. */
void vmm_client_destroy(struct vmm_client *c);

/* QEMU's main loop: handle the eventfds that fired; how many. */
int vmm_client_poll(struct vmm_client *c);

/* Which optional regions realize found (bit n: region subtype n). */
unsigned vmm_client_regions(const struct vmm_client *c);

/*
 * The guest's instructions on its subchannel: the condition code, as the
 * guest sees it.  Operands are guest addresses; one outside guest memory
 * gives -EFAULT (the guest would take an addressing exception).
 */
int vmm_guest_ssch(struct vmm_client *c, uint64_t orb);
int vmm_guest_rsch(struct vmm_client *c);
int vmm_guest_hsch(struct vmm_client *c);
int vmm_guest_csch(struct vmm_client *c);
int vmm_guest_tsch(struct vmm_client *c, uint64_t irb);
int vmm_guest_stsch(struct vmm_client *c, uint64_t schib);
int vmm_guest_msch(struct vmm_client *c, uint64_t schib);
int vmm_guest_stcrw(struct vmm_client *c, uint64_t crw);

/* Is a guest I/O interruption pending (not taken)? */
int vmm_guest_io_pending(const struct vmm_client *c);
/* A guest I/O interruption: 1 and its code if one was pending. */
int vmm_guest_take_io(struct vmm_client *c, uint32_t *sid, uint32_t *intparm);

/* How often the client retried a write on EAGAIN (QEMU's busy loop). */
uint64_t vmm_client_eagain(const struct vmm_client *c);

#endif
