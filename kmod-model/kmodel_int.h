/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The host kernel as a whole (private to kmod-model). */
#ifndef CCWSIM_KMODEL_INT_H
#define CCWSIM_KMODEL_INT_H

#include <ccwsim/kmodel/kmodel.h>

#include "host/host.h"
#include "kshim/kshim.h"

struct subchannel;
struct vfio_ccw_private;
struct kfile;

struct kmodel {
	struct kmodel_cfg cfg;
	uint32_t kernel;
	enum kmodel_era era;
	uint64_t bugs;			/* bit per enum kmodel_bug */
	struct sim_evq *q;
	struct sim_mem *mem;
	struct sim_css *css;
	struct sim_trace *tr;
	uint32_t track;			/* "vfio-ccw" trace track */
	struct ks_sched *s;
	struct kmem *kmem;
	struct iommu *iommu;		/* the one type1 container */
	struct sim_cpu cpu;		/* the host CPU's side of instructions */
	uint64_t cio_irb;		/* the per-CPU IRB */
	uint64_t crw_area;		/* STCRW operand */
	struct subchannel *schs;
	struct vfio_ccw_private *privs;
	struct ks_workqueue *wq;	/* "vfio-ccw", single-threaded */
	uint8_t irq_task, crw_task;	/* interrupt handlers alive */
	struct kfile **files;		/* fd table */
	int nfiles;
	int next_group;
	struct kmodel_counts counts;
	uint64_t cp_allocs, cp_bytes;	/* the driver's own allocations */
};

/* The driver's GFP_DMA allocations, counted for the invariants. */
uint64_t kmodel_dma_alloc(struct kmodel *k, uint64_t size);
/* 0, or -1 when @addr was never allocated (a kfree of garbage). */
int kmodel_dma_free(struct kmodel *k, uint64_t addr);

/* The device on mdev @uuid (NULL: none, or no such mdev). */
struct vfio_ccw_private *kmodel_find_mdev(struct kmodel *k, const char *uuid);
/* vfio.c: close every fd still open (the VMM's exit). */
void vfio_close_all(struct kmodel *k);

/* Trace a driver event on the "vfio-ccw" track. */
void kmodel_trace(struct kmodel *k, const char *ev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
