/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Channel-program translation (vfio_ccw_cp.c; private to kmod-model): the
 * guest's CCWs are copied into host storage below 2 GiB, every data
 * address becomes a host IDAL over pinned guest pages, TICs point into
 * the host copies, and the ORB is rewritten to start the host program.
 */
#ifndef CCWSIM_VFIO_CCW_CP_H
#define CCWSIM_VFIO_CCW_CP_H

#include <stdint.h>

#include <ccwsim/arch/scsw.h>

#define CCWCHAIN_LEN_MAX 256
/* One fetch window: 256 CCWs (2 KiB). */
#define CCWCHAIN_WINDOW (CCWCHAIN_LEN_MAX * 8)
/* sizeof(union orb): the 12-byte ORB and what follows it in the region. */
#define ORB_BYTES 32

struct vfio_ccw_private;

/* The pages one CCW's data covers, and their pins. */
struct page_array {
	uint64_t *pa_iova;		/* guest addresses, one per IDAW */
	uint64_t *pa_hpa;		/* host page of each, once pinned */
	int pa_nr;			/* 0: nothing pinned */
};

struct ccwchain {
	struct ccwchain *next;
	uint64_t ch_ccw;		/* host address of the CCW copies */
	uint64_t ch_iova;		/* guest address of the segment head */
	int ch_len;
	struct page_array *ch_pa;	/* one per CCW */
};

struct channel_program {
	struct ccwchain *head;
	/*
	 * Chains the kernel lost track of (a failed TIC segment, a re-init):
	 * their kernel memory and pins stay counted as leaked; only the
	 * simulator's own bookkeeping is kept here, to be released at unbind.
	 */
	struct ccwchain *orphans;
	uint8_t orb[ORB_BYTES];		/* the stale bytes too */
	int initialized;
	int list_ready;			/* INIT_LIST_HEAD ran: cp_init was called */
	uint8_t guest_cp[CCWCHAIN_WINDOW + 8];	/* and the CCW beyond it */
};

/* 0, or -errno (every rejection of vfio-ccw §4.5 for the era). */
int cp_init(struct vfio_ccw_private *p, const uint8_t orb[ORB_BYTES]);
int cp_prefetch(struct vfio_ccw_private *p);
/* Write the host ORB into the subchannel's ORB area: its address, or 0. */
uint64_t cp_get_orb(struct vfio_ccw_private *p, uint32_t intparm, uint8_t lpm);
void cp_update_scsw(struct vfio_ccw_private *p, struct ccwa_scsw *scsw);
int cp_iova_pinned(struct vfio_ccw_private *p, uint64_t iova, uint64_t len);
void cp_free(struct vfio_ccw_private *p);
/* At unbind: the bookkeeping of every chain left (not its kernel memory). */
void cp_release_orphans(struct vfio_ccw_private *p);

#endif
