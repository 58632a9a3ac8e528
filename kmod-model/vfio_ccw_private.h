/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The vfio-ccw driver's state (private to kmod-model): what Linux keeps in
 * struct vfio_ccw_private, its regions, FSM states and events, and the
 * channel program.  Names are the kernel's.
 */
#ifndef CCWSIM_VFIO_CCW_PRIVATE_H
#define CCWSIM_VFIO_CCW_PRIVATE_H

#include <stdint.h>

#include <ccwsim/arch/irb.h>
#include <ccwsim/vfio.h>
#include <ccwsim/vfio_ccw.h>

#include "cio.h"
#include "kmodel_int.h"
#include "vfio_ccw_cp.h"

/* FSM states (E1 names BOXED and BUSY for the two CP_ ones). */
enum vfio_ccw_state {
	VFIO_CCW_STATE_NOT_OPER,
	VFIO_CCW_STATE_STANDBY,
	VFIO_CCW_STATE_IDLE,
	VFIO_CCW_STATE_CP_PROCESSING,
	VFIO_CCW_STATE_CP_PENDING,
	VFIO_CCW_STATE_NR
};

enum vfio_ccw_event {
	VFIO_CCW_EVENT_NOT_OPER,
	VFIO_CCW_EVENT_IO_REQ,
	VFIO_CCW_EVENT_INTERRUPT,
	VFIO_CCW_EVENT_ASYNC_REQ,	/* E2 on */
	VFIO_CCW_EVENT_OPEN,		/* E3 */
	VFIO_CCW_EVENT_CLOSE,		/* E3 */
	VFIO_CCW_EVENT_NR
};

/* The regions of <ccwsim/vfio_ccw.h>, kept as bytes (the profile orders them). */
#define IO_REGION_SIZE		sizeof(struct ccw_io_region)
#define ORB_AREA		offsetof(struct ccw_io_region, orb_area)
#define SCSW_AREA		offsetof(struct ccw_io_region, scsw_area)
#define IRB_AREA		offsetof(struct ccw_io_region, irb_area)
#define RET_CODE		offsetof(struct ccw_io_region, ret_code)
#define CMD_REGION_SIZE		sizeof(struct ccw_cmd_region)
#define CMD_COMMAND		offsetof(struct ccw_cmd_region, command)
#define CMD_RET_CODE		offsetof(struct ccw_cmd_region, ret_code)
#define SCHIB_REGION_SIZE	sizeof(struct ccw_schib_region)
#define CRW_REGION_SIZE		sizeof(struct ccw_crw_region)

/* [pos, pos + count) inside a region of @size, without overflowing. */
static inline int region_fits(uint64_t pos, uint64_t count, uint64_t size)
{
	return pos <= size && count <= size - pos;
}

#define VFIO_CCW_OFFSET_SHIFT		10
#define VFIO_CCW_OFFSET_MASK		0x3ffu

struct vfio_ccw_crw {
	uint32_t crw;			/* as the CSS stored it (big-endian value) */
	struct vfio_ccw_crw *next;
};

struct vfio_ccw_private {
	struct kmodel *k;
	struct subchannel *sch;
	int state;			/* a plain int, as in the kernel */
	struct ks_completion *completion;	/* quiesce waits on it */
	struct ks_mutex io_mutex;

	/* The regions: persistent buffers (6.1: per subchannel). */
	uint8_t io_region[IO_REGION_SIZE];
	uint8_t cmd_region[CMD_REGION_SIZE];
	uint8_t schib_region[SCHIB_REGION_SIZE];
	uint8_t crw_region[CRW_REGION_SIZE];
	unsigned num_regions;		/* extra regions registered (0-3) */

	struct channel_program cp;
	struct ccwa_irb irb;		/* the single IRB buffer */
	uint8_t irb_taken;		/* io_todo has consumed it */
	struct ccwa_irb irbq[8];	/* without the lost_irb quirk: a queue */
	unsigned irbq_n;
	uint32_t scsw_fctl;		/* of the SCSW userspace wrote */

	int trigger[VFIO_CCW_NUM_IRQS];	/* eventfds by IRQ index, -1: none */
	struct ks_work io_work, crw_work;
	struct ks_work cancel_work;	/* without the xsch_no_irq quirk */
	struct vfio_ccw_crw *crw_head, *crw_tail;

	/* the mdev on this subchannel (max_instances 1) */
	char uuid[40];
	uint8_t mdev;			/* created */
	uint8_t open;			/* the vfio device is open */
	uint8_t removing;
	struct ks_completion released;	/* the last close, for a removal */
	int group;			/* IOMMU group number */
	struct vfio_ccw_private *next;
};

/* ---- vfio_ccw_fsm.c ---- */
void vfio_ccw_fsm_event(struct vfio_ccw_private *p, enum vfio_ccw_event ev);
const char *vfio_ccw_state_name(const struct kmodel *k, int state);
const char *vfio_ccw_event_name(int event);
int vfio_ccw_state_by_name(const struct kmodel *k, const char *name);
int vfio_ccw_event_by_name(const char *name);
/* The action in a cell of the era's jump table ("io_request"), or NULL. */
const char *vfio_ccw_fsm_action(enum kmodel_era era, int state, int event);

/* ---- vfio_ccw_drv.c ---- */
extern const struct css_driver vfio_ccw_sch_driver;
struct vfio_ccw_private *vfio_ccw_alloc_private(struct subchannel *sch);
void vfio_ccw_free_private(struct vfio_ccw_private *p);
/* css probe: the private state and, in E1/E2, the enabled subchannel. */
int vfio_ccw_sch_probe(struct subchannel *sch);
int vfio_ccw_sch_quiesce(struct subchannel *sch);
void vfio_ccw_sch_io_todo(struct ks_work *w);
void vfio_ccw_crw_todo(struct ks_work *w);
/* The IO eventfd, with the preemption point the signal is. */
void vfio_ccw_signal(struct vfio_ccw_private *p, int fd);
/* Every state write, traced; @where names one made outside the FSM. */
void vfio_ccw_state_write(struct vfio_ccw_private *p, int state,
			  const char *where);


/* ---- vfio_ccw_ops.c: the mdev's device ops ---- */
/* The ret_code the io or cmd region says, in the profile's byte order. */
int32_t io_ret_code(const struct vfio_ccw_private *p);
void io_set_ret_code(struct vfio_ccw_private *p, int32_t rc);
int32_t cmd_ret_code(const struct vfio_ccw_private *p);
void cmd_set_ret_code(struct vfio_ccw_private *p, int32_t rc);
/* A 32-bit word of a region area in the profile's order. */
uint32_t region_word(const struct kmodel *k, const uint8_t *b);
int vfio_ccw_mdev_open_device(struct vfio_ccw_private *p);
void vfio_ccw_mdev_close_device(struct vfio_ccw_private *p);
int64_t vfio_ccw_mdev_read(struct vfio_ccw_private *p, uint8_t *buf,
			   uint64_t count, uint64_t pos);
int64_t vfio_ccw_mdev_write(struct vfio_ccw_private *p, const uint8_t *buf,
			    uint64_t count, uint64_t pos);
int64_t vfio_ccw_mdev_ioctl(struct vfio_ccw_private *p, unsigned long cmd,
			    void *arg);
int vfio_ccw_mdev_reset(struct vfio_ccw_private *p);
void vfio_ccw_mdev_remove_quiesce(struct vfio_ccw_private *p);
/* Create the mdev on @p's subchannel: 0, -ENODEV, or the injected -ENOMEM. */
int vfio_ccw_mdev_probe(struct vfio_ccw_private *p, const char *uuid,
			int register_fails);
/* The mdev's unregistration (after NOT_OPER, or an administrator's remove). */
void vfio_ccw_unregister(struct vfio_ccw_private *p);
void vfio_ccw_dma_unmap(void *ctx, uint64_t iova, uint64_t len);

/* ---- vfio_ccw_async.c, vfio_ccw_chp.c: the extra regions ---- */
int64_t vfio_ccw_async_region_read(struct vfio_ccw_private *p, uint8_t *buf,
				   uint64_t count, uint64_t pos);
int64_t vfio_ccw_async_region_write(struct vfio_ccw_private *p,
				    const uint8_t *buf, uint64_t count,
				    uint64_t pos);
int64_t vfio_ccw_schib_region_read(struct vfio_ccw_private *p, uint8_t *buf,
				   uint64_t count, uint64_t pos);
int64_t vfio_ccw_crw_region_read(struct vfio_ccw_private *p, uint8_t *buf,
				 uint64_t count, uint64_t pos);

/* The era, and whether a bug or quirk switch is on for this kernel. */
#define ERA(p)		((p)->k->era)
#define BUG(p, b)	kmodel_bug((p)->k, KMODEL_BUG_##b)
#define QUIRK(p, b)	kmodel_bug((p)->k, KMODEL_QUIRK_##b)

#endif
