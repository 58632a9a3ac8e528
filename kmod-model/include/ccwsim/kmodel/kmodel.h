/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Linux vfio-ccw driver, modelled on the simulated channel subsystem,
 * and the syscall surface a VMM uses to drive it.
 *
 * A struct kmodel is the host kernel: the vfio-ccw driver bound to some
 * subchannels of a struct sim_css, a type1 IOMMU container, and the
 * kernel primitives its contexts run on.  Userspace talks to it through
 * calls shaped like the system calls — open, ioctl, pread, pwrite, close
 * — with the kernel's errno semantics: -1 and errno set on failure.  The
 * file descriptors are the model's own small numbers; the eventfds given
 * to VFIO_DEVICE_SET_IRQS are real eventfd(2) descriptors, signalled with
 * write(2) as the kernel signals them.
 *
 * A call runs the simulation (batch mode) until the kernel returns to
 * userspace: hardware, interrupts and the workqueue go on meanwhile.
 *
 * Behaviour follows a kernel version: the three eras of
 * docs/driver-model.md (E1 4.12-5.1, E2 5.2-5.19, E3 6.0 on), with the
 * historical bugs of the version present unless switched, and the
 * latent quirks of current kernels present unless switched off.
 */
#ifndef CCWSIM_KMODEL_KMODEL_H
#define CCWSIM_KMODEL_KMODEL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <ccwsim/sim/css.h>
#include <ccwsim/sim/evq.h>
#include <ccwsim/sim/mem.h>
#include <ccwsim/sim/trace.h>

/* A kernel version as a number: KMODEL_KV(6, 1) = 0x060100. */
#define KMODEL_KV(a, b) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8)

enum kmodel_era { KMODEL_E1 = 1, KMODEL_E2, KMODEL_E3 };

/* How the region areas are laid out in bytes (../shared/DESIGN.md, "Byte order"). */
enum kmodel_profile {
	KMODEL_ARCHITECTED,	/* ORB, SCSW, IRB, CRW big-endian (s390 host) */
	KMODEL_QEMU_LE_HOST,	/* ORB, SCSW, CRW in x86 order; IRB big-endian */
};

/*
 * Historical bugs (a switch on restores the old behaviour) and latent
 * quirks of current kernels.  docs/driver-model.md lists each with its
 * kernel commit; kmodel_bug_name() gives the scenario spelling.
 */
enum kmodel_bug {
	KMODEL_BUG_TIC_X8,		/* §6.1 TIC cda offset scaled by 8 */
	KMODEL_BUG_SSCH_UNLOCKED,	/* §6.2 SSCH issued after dropping sch->lock */
	KMODEL_BUG_PREFETCH_CLEANUP,	/* §6.3 cp_prefetch failure frees what was never translated */
	KMODEL_BUG_FREE_ON_INTERMEDIATE,/* §6.6 cp freed, IDLE set on any IRB */
	KMODEL_BUG_NO_INITIALIZED,	/* §6.7 cp_* act on a freed or unbuilt cp */
	KMODEL_BUG_QUIESCE_LOOP,	/* §6.12 quiesce retries forever */
	KMODEL_BUG_FLUSH_UNDER_LOCK,	/* §6.11 flush_workqueue under sch->lock */
	KMODEL_BUG_RELEASE_KEEPS_CP,	/* §6.13 close leaves the cp pinned */
	KMODEL_BUG_SCSW_END_HOST_ADDR,	/* §6.15 cpa one past the end not translated */
	KMODEL_BUG_SIGNAL_BEFORE_IDLE,	/* §6.16 eventfd before state IDLE */
	KMODEL_BUG_PIN_EMPTY,		/* §6.17 empty transfers pinned */
	KMODEL_BUG_FREE_WHILE_PROCESSING,/* §6.22 IRQ frees the cp being built */
	KMODEL_BUG_REINIT_CP,		/* §6.25 cp_init on a live cp drops it */
	KMODEL_BUG_IDLE_ON_ERROR,	/* §6.26 write handler forces IDLE on any error
					 * (and fctl 0 leaves CP_PROCESSING, §1.3) */
	KMODEL_BUG_IDLE_ANY_FINAL,	/* §6.27 io_todo sets IDLE for any final IRB */
	KMODEL_BUG_PROBE_IDLE,		/* §6.28 failed mdev probe leaves IDLE */
	KMODEL_BUG_NOTOPER_REVIVE,	/* §6.29 sch_event revives NOT_OPER */
	KMODEL_BUG_DOUBLE_CLOSE,	/* §6.32 remove closes twice */
	KMODEL_BUG_QUIESCE_RC,		/* §6.33 quiesce's success read as failure */
	KMODEL_BUG_UNMAP_FIRST_PAGE,	/* §6.31 DMA unmap checks only its first page */
	/* latent in current kernels (⚠), on by default where they exist */
	KMODEL_QUIRK_LOST_IRB,		/* §5.3 one IRB buffer: a second IRQ overwrites */
	KMODEL_QUIRK_LPM_STICKY,	/* §1.3 SSCH cc 3 shrinks sch->lpm for good */
	KMODEL_QUIRK_CP_INIT_LEAK,	/* §4.2.6 earlier chains leak after a TIC failure */
	KMODEL_QUIRK_XSCH_NO_IRQ,	/* §8 5.7 path loss XSCH cc 0: CP_PENDING forever */
	KMODEL_BUG_COUNT
};

struct kmodel_cfg {
	struct sim_evq *evq;		/* required */
	struct sim_mem *mem;		/* host absolute storage, required */
	struct sim_css *css;		/* required; the model takes its CPU role */
	struct sim_trace *trace;	/* optional */
	uint64_t seed;			/* the scheduler's interleavings */
	uint32_t kernel;		/* KMODEL_KV(6, 1) when 0 */
	enum kmodel_profile profile;
	/* Bugs and quirks: the version's defaults, then these applied. */
	uint64_t bugs_on, bugs_off;	/* bit 1 << enum kmodel_bug */
	/*
	 * How long queued work waits for the worker (a busy machine's
	 * kworker latency); 0: it runs at the next scheduler step.
	 */
	sim_vtime wq_latency;
};

struct kmodel;

/*
 * QEMU on x86 writes the ORB and SCSW areas as its own structs in host
 * order: ORB {u32 intparm; u16 ctrl0; u8 lpm; u8 ctrl1; u32 cpa}, SCSW
 * {u16 flags; u16 ctrl; u32 cpa; u8 dstat; u8 cstat; u16 count}.  With
 * KMODEL_QEMU_LE_HOST these swap each such field between that layout and
 * the architected one (either way: the swaps undo themselves); with
 * KMODEL_ARCHITECTED they do nothing.
 */
void kmodel_profile_orb(enum kmodel_profile p, uint8_t orb[12]);
void kmodel_profile_scsw(enum kmodel_profile p, uint8_t scsw[12]);
/* The CRW region's word: QEMU's {u16 flags; u16 rsid} in host order. */
void kmodel_profile_crw(enum kmodel_profile p, uint8_t crw[4]);
/* A 32-bit region word (ret_code, command) in the profile's order. */
uint32_t kmodel_profile_get32(enum kmodel_profile p, const uint8_t b[4]);
void kmodel_profile_put32(enum kmodel_profile p, uint8_t b[4], uint32_t v);

struct kmodel *kmodel_create(const struct kmodel_cfg *cfg);
void kmodel_destroy(struct kmodel *k);

enum kmodel_era kmodel_era(const struct kmodel *k);
int kmodel_bug(const struct kmodel *k, enum kmodel_bug b);
const char *kmodel_bug_name(enum kmodel_bug b);
int kmodel_bug_by_name(const char *name);	/* -1 if none */

/* ---- the host side: what the administrator and the hardware do ---- */

/* Bind subchannel (ssid, schno) to vfio_ccw (driverctl; css probe). */
int kmodel_sch_bind(struct kmodel *k, unsigned ssid, unsigned schno);
/* Create the mdev @uuid on it ("echo UUID > .../create"): 0 or -errno. */
int kmodel_mdev_create(struct kmodel *k, unsigned ssid, unsigned schno,
		       const char *uuid);
/*
 * The same, with vfio_register_group_dev failing (-ENOMEM), as a fault to
 * inject: the probe's error path runs (§6.28) and no mdev exists after.
 */
int kmodel_mdev_create_failing(struct kmodel *k, unsigned ssid,
			       unsigned schno, const char *uuid);
/*
 * Start removing it and return: the REQ eventfd asks userspace to close
 * the device, and the mdev goes once it has (in virtual time).
 */
int kmodel_mdev_remove(struct kmodel *k, const char *uuid);
/* What sysfs shows of the mdev's parent subchannel (pimpampom, chpids). */
struct kmodel_sch_paths {
	uint8_t pim, pam, pom;
	uint8_t chpid[8];
};
int kmodel_mdev_paths(struct kmodel *k, const char *uuid,
		      struct kmodel_sch_paths *out);
/* The IOMMU group number of the mdev, for /dev/vfio/N. */
int kmodel_mdev_group(struct kmodel *k, const char *uuid);
/* Operator vary of a channel path (chchp -v): CHP_VARY_ON/OFF events. */
int kmodel_chp_vary(struct kmodel *k, uint8_t chpid, int on);

/* ---- the user side: the syscall surface ---- */

int kmodel_open(struct kmodel *k, const char *path, int flags);
int kmodel_close(struct kmodel *k, int fd);
int kmodel_ioctl(struct kmodel *k, int fd, unsigned long req, void *arg);
ssize_t kmodel_pread(struct kmodel *k, int fd, void *buf, size_t n, off_t off);
ssize_t kmodel_pwrite(struct kmodel *k, int fd, const void *buf, size_t n,
		      off_t off);

/*
 * Convenience: a container with the type1 IOMMU, the mdev's group in it,
 * and the device fd (VFIO_GROUP_GET_DEVICE_FD), in one call.  *container
 * gets the container fd for VFIO_IOMMU_MAP_DMA.  Returns the device fd.
 */
int kmodel_open_device(struct kmodel *k, const char *uuid, int *container);

/*
 * Calls that do not wait: each starts a syscall task and returns at once;
 * the call runs as the simulation runs (with other calls, interrupts and
 * the workqueue interleaved by the seeded scheduler).  That is how two
 * threads of a VMM race.  Device fds only.
 */
struct kmodel_call;
struct kmodel_call *kmodel_start_pread(struct kmodel *k, int fd, void *buf,
				       size_t n, off_t off);
struct kmodel_call *kmodel_start_pwrite(struct kmodel *k, int fd,
					const void *buf, size_t n, off_t off);
struct kmodel_call *kmodel_start_ioctl(struct kmodel *k, int fd,
				       unsigned long req, void *arg);
int kmodel_call_done(const struct kmodel_call *c);
/* The call's return value (-1 and *err on failure); frees @c. */
ssize_t kmodel_call_finish(struct kmodel_call *c, int *err);

/*
 * For tests of the FSM itself: set the device's state as a racing context
 * would have (if @state is not NULL), then dispatch @event, in a task of
 * its own run to its end.  0, or -EINVAL for an unknown name.
 */
int kmodel_fsm_inject(struct kmodel *k, const char *uuid, const char *state,
		      const char *event);

/* ---- observation, for tests and scenario expectations ---- */

struct kmodel_counts {
	uint64_t pins;			/* pinned page references */
	uint64_t allocs;		/* live driver allocations */
	uint64_t alloc_bytes;
	uint64_t iommu_warns;		/* unpin of unpinned pages, BUG_ON */
	uint64_t violations;		/* sleeping in atomic, deadlocks, ... */
	uint64_t irqs;			/* vfio-ccw interrupts taken */
	uint64_t lost_irbs;		/* IRBs overwritten before io_todo ran */
	uint64_t signals;		/* IO eventfd signals */
	uint64_t use_after_free;	/* channel accesses to freed storage */
};
void kmodel_counts(const struct kmodel *k, struct kmodel_counts *c);
const char *kmodel_first_violation(const struct kmodel *k);

/* The FSM state of the device on the mdev, by name ("IDLE"...), or NULL. */
const char *kmodel_fsm_state(struct kmodel *k, const char *uuid);
/* The same by subchannel (the state lives with it, mdev or not), or NULL. */
const char *kmodel_sch_fsm_state(struct kmodel *k, unsigned ssid,
				 unsigned schno);

#endif /* CCWSIM_KMODEL_KMODEL_H */
