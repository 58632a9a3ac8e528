// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The subchannel driver half of vfio-ccw (vfio_ccw_drv.c): the private
 * state per subchannel, the interrupt handler, the I/O and CRW work,
 * quiesce, and the subchannel and channel-path events.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ccwsim/arch/crw.h>
#include <ccwsim/arch/scsw.h>

#include "vfio_ccw_private.h"

void vfio_ccw_signal(struct vfio_ccw_private *p, int fd)
{
	uint64_t one = 1;

	ks_preempt(p->k->s, "eventfd_signal");
	if (fd < 0)
		return;
	kmodel_trace(p->k, "eventfd_signal", "%s",
		     fd == p->trigger[VFIO_CCW_IO_IRQ_INDEX] ? "io" :
		     fd == p->trigger[VFIO_CCW_CRW_IRQ_INDEX] ? "crw" : "req");
	if (fd == p->trigger[VFIO_CCW_IO_IRQ_INDEX])
		p->k->counts.signals++;
	if (write(fd, &one, sizeof(one)) != sizeof(one))
		kmodel_trace(p->k, "eventfd_signal", "fd %d: write failed", fd);
}

/* ---- the I/O work: hand the IRB to userspace (§5.4) ---- */

static int scsw_is_solicited(const struct ccwa_scsw *s)
{
	return ccwa_scsw_cc(s) != 0 ||
	       ccwa_scsw_stctl(s) != (CCWA_STCTL_PENDING | CCWA_STCTL_ALERT);
}

static void io_todo_one(struct vfio_ccw_private *p, struct ccwa_irb *irb)
{
	int is_final, finished = 0, state;

	is_final = !(ccwa_scsw_actl(&irb->scsw) &
		     (CCWA_ACTL_DEV_ACTIVE | CCWA_ACTL_SCH_ACTIVE));
	if (BUG(p, FREE_ON_INTERMEDIATE)) {
		/* before the 2019 fix: every solicited IRB ends the program */
		if (scsw_is_solicited(&irb->scsw)) {
			cp_update_scsw(p, &irb->scsw);
			cp_free(p);
		}
	} else if (scsw_is_solicited(&irb->scsw)) {
		cp_update_scsw(p, &irb->scsw);
		ks_preempt(p->k->s, "state read");
		state = p->state;
		if (is_final && (state == VFIO_CCW_STATE_CP_PENDING ||
				 BUG(p, FREE_WHILE_PROCESSING))) {
			cp_free(p);
			finished = 1;
		}
	}
	if (ERA(p) != KMODEL_E1)
		ks_mutex_lock(p->k->s, &p->io_mutex);
	memcpy(p->io_region + IRB_AREA, irb, sizeof(*irb));
	if (ERA(p) != KMODEL_E1)
		ks_mutex_unlock(p->k->s, &p->io_mutex);
	/* which IRBs reset the state to IDLE, era by era (§1.4) */
	if (BUG(p, FREE_ON_INTERMEDIATE))
		finished = 1;
	else if (BUG(p, IDLE_ANY_FINAL))
		finished = is_final;
	/* E1/E2: no IDLE once the mdev is gone (it stays STANDBY) */
	if (ERA(p) != KMODEL_E3 && !p->mdev)
		finished = 0;
	if (BUG(p, SIGNAL_BEFORE_IDLE)) {
		vfio_ccw_signal(p, p->trigger[VFIO_CCW_IO_IRQ_INDEX]);
		if (finished) {
			/* the woken VMM may run before this store */
			ks_preempt(p->k->s, "state write");
			vfio_ccw_state_write(p, VFIO_CCW_STATE_IDLE, "io_todo");
		}
		return;
	}
	if (finished) {
		vfio_ccw_state_write(p, VFIO_CCW_STATE_IDLE, "io_todo");
		ks_preempt(p->k->s, "state write");
	}
	vfio_ccw_signal(p, p->trigger[VFIO_CCW_IO_IRQ_INDEX]);
}

void vfio_ccw_sch_io_todo(struct ks_work *w)
{
	struct vfio_ccw_private *p =
		sim_container_of(w, struct vfio_ccw_private, io_work);

	if (QUIRK(p, LOST_IRB)) {
		p->irb_taken = 1;
		io_todo_one(p, &p->irb);
		return;
	}
	while (p->irbq_n) {
		struct ccwa_irb irb = p->irbq[0];

		memmove(p->irbq, p->irbq + 1, (--p->irbq_n) * sizeof(irb));
		io_todo_one(p, &irb);
	}
}

/* Without the xsch_no_irq quirk: a cancelled start ends like a final IRB. */
static void cancel_todo(struct ks_work *w)
{
	struct vfio_ccw_private *p =
		sim_container_of(w, struct vfio_ccw_private, cancel_work);

	if (p->state != VFIO_CCW_STATE_CP_PENDING)
		return;
	cp_free(p);
	vfio_ccw_state_write(p, VFIO_CCW_STATE_IDLE, "cancelled");
	ks_preempt(p->k->s, "state write");
}

void vfio_ccw_crw_todo(struct ks_work *w)
{
	struct vfio_ccw_private *p =
		sim_container_of(w, struct vfio_ccw_private, crw_work);

	if (p->crw_head)
		vfio_ccw_signal(p, p->trigger[VFIO_CCW_CRW_IRQ_INDEX]);
}

/* ---- the subchannel driver ---- */

static void vfio_ccw_sch_irq(struct subchannel *sch)
{
	struct vfio_ccw_private *p = sch->drv_data;

	p->k->counts.irqs++;
	vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_INTERRUPT);
}

/* A subchannel event: STSCH failing takes the device away (6.1). */
static int vfio_ccw_sch_event(struct subchannel *sch)
{
	struct vfio_ccw_private *p = sch->drv_data;

	ks_spin_lock(p->k->s, &sch->lock);
	if (cio_update_schib(sch))
		vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_NOT_OPER);
	else if (BUG(p, NOTOPER_REVIVE) && p->state == VFIO_CCW_STATE_NOT_OPER)
		vfio_ccw_state_write(p, p->mdev ? VFIO_CCW_STATE_IDLE :
					 VFIO_CCW_STATE_STANDBY, "sch_event");
	ks_spin_unlock(p->k->s, &sch->lock);
	return 0;
}

static void queue_crw(struct vfio_ccw_private *p, unsigned rsc, unsigned erc,
		      unsigned rsid)
{
	struct vfio_ccw_crw *c = calloc(1, sizeof(*c));
	struct ccwa_crw crw = { { 0 } };

	if (!c)
		return;		/* GFP_ATOMIC failed: the event is dropped */
	ccwa_crw_set_rsc(&crw, rsc);
	ccwa_crw_set_erc(&crw, erc);
	ccwa_crw_set_rsid(&crw, rsid);
	c->crw = ccwa_get_be32(crw.b);
	if (p->crw_tail)
		p->crw_tail->next = c;
	else
		p->crw_head = c;
	p->crw_tail = c;
	ks_queue_work(p->k->s, p->k->wq, &p->crw_work);
}

/*
 * One cio_cancel_halt_clear, no wait.  An XSCH that cancels a start still
 * pending (0) leaves no interrupt: the kernel stays CP_PENDING for good
 * (the xsch_no_irq quirk); without it, the program ends in the workqueue.
 */
static void cancel(struct vfio_ccw_private *p, int *retry)
{
	if (!cio_cancel_halt_clear(p->sch, retry) && !QUIRK(p, XSCH_NO_IRQ))
		ks_queue_work(p->k->s, p->k->wq, &p->cancel_work);
}

/* Under sch->lock (the caller holds it), as in 6.1. */
static int vfio_ccw_chp_event(struct subchannel *sch, uint8_t mask, int event)
{
	struct vfio_ccw_private *p = sch->drv_data;
	uint8_t chpid = 0;
	int retry = 255;

	if (!p || !mask)
		return 0;
	if (p->k->kernel < KMODEL_KV(5, 8))
		return 0;	/* no chp_event callback before 5.8: nothing */
	for (unsigned n = 0; n < 8; n++)
		if (mask == (0x80u >> n))
			chpid = (uint8_t)ccwa_pmcw_chpid(&sch->schib.pmcw, n);
	kmodel_trace(p->k, "vfio_ccw_chp_event", "0.%x.%04x mask=0x%02x event=%d",
		     sch->ssid, sch->schno, mask, event);
	if (cio_update_schib(sch))
		return -ENODEV;
	switch (event) {
	case CHP_VARY_OFF:
		sch->opm &= (uint8_t)~mask;
		sch->lpm &= (uint8_t)~mask;
		if (ccwa_pmcw_lpum(&sch->schib.pmcw) & mask)
			cancel(p, &retry);
		break;
	case CHP_OFFLINE:
		if (ccwa_pmcw_lpum(&sch->schib.pmcw) & mask)
			cancel(p, &retry);
		queue_crw(p, CCWA_CRW_RSC_CHP, CCWA_CRW_ERC_PERRN, chpid);
		break;
	case CHP_VARY_ON:
		sch->opm |= mask;
		sch->lpm |= mask;
		break;
	case CHP_ONLINE:
		sch->lpm |= mask & sch->opm;
		queue_crw(p, CCWA_CRW_RSC_CHP, CCWA_CRW_ERC_INIT, chpid);
		break;
	}
	return 0;
}

const struct css_driver vfio_ccw_sch_driver = {
	.name = "vfio_ccw",
	.irq = vfio_ccw_sch_irq,
	.sch_event = vfio_ccw_sch_event,
	.chp_event = vfio_ccw_chp_event,
};

struct vfio_ccw_private *vfio_ccw_alloc_private(struct subchannel *sch)
{
	struct vfio_ccw_private *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->k = sch->k;
	p->sch = sch;
	p->state = VFIO_CCW_STATE_STANDBY;
	for (unsigned i = 0; i < VFIO_CCW_NUM_IRQS; i++)
		p->trigger[i] = -1;
	p->irb_taken = 1;
	ks_mutex_init(&p->io_mutex, "io_mutex");
	ks_init_completion(&p->released);
	ks_init_work(&p->io_work, vfio_ccw_sch_io_todo, "io_work");
	ks_init_work(&p->crw_work, vfio_ccw_crw_todo, "crw_work");
	ks_init_work(&p->cancel_work, cancel_todo, "cancel_work");
	sch->drv = &vfio_ccw_sch_driver;
	sch->drv_data = p;
	return p;
}

/* E1/E2 probe enabled the subchannel at once (isc 3). */
static void probe_enable(void *arg)
{
	struct vfio_ccw_private *p = arg;

	ks_spin_lock(p->k->s, &p->sch->lock);
	if (cio_enable_subchannel(p->sch, (uint32_t)p->sch->addr))
		vfio_ccw_state_write(p, VFIO_CCW_STATE_NOT_OPER, "probe");
	ks_spin_unlock(p->k->s, &p->sch->lock);
}

/* vfio_ccw_sch_probe: the private state; E1/E2 enable at once. */
int vfio_ccw_sch_probe(struct subchannel *sch)
{
	struct kmodel *k = sch->k;
	struct vfio_ccw_private *p = vfio_ccw_alloc_private(sch);

	if (!p)
		return -ENOMEM;
	p->next = k->privs;
	k->privs = p;
	kmodel_trace(k, "vfio_ccw_sch_probe", "0.%x.%04x", sch->ssid, sch->schno);
	if (k->era != KMODEL_E3)
		ks_call(k->s, KS_CTX_EVENT, "sch_probe", probe_enable, p, SIM_S(1));
	return 0;
}

void vfio_ccw_state_write(struct vfio_ccw_private *p, int state,
			  const char *where)
{
	p->state = state;
	kmodel_trace(p->k, "vfio_ccw_state", "0.%x.%04x %s%s%s%s", p->sch->ssid,
		     p->sch->schno, vfio_ccw_state_name(p->k, state),
		     where ? " (" : "", where ? where : "", where ? ")" : "");
}

void vfio_ccw_free_private(struct vfio_ccw_private *p)
{
	while (p->crw_head) {
		struct vfio_ccw_crw *c = p->crw_head;

		p->crw_head = c->next;
		free(c);
	}
	for (unsigned i = 0; i < VFIO_CCW_NUM_IRQS; i++)
		if (p->trigger[i] >= 0)
			close(p->trigger[i]);
	cp_release_orphans(p);
	free(p);
}

/* ---- quiesce: cancel, halt, clear, wait, disable (§7) ---- */

/*
 * After the wait: io_todo must have run before the disable.  5.1 took
 * sch->lock back first and flushed under it, sleeping in atomic context
 * (§6.11); the fix flushes, then locks.
 */
static void flush_and_relock(struct vfio_ccw_private *p)
{
	struct ks_sched *s = p->k->s;

	if (BUG(p, FLUSH_UNDER_LOCK)) {
		ks_spin_lock(s, &p->sch->lock);
		ks_flush_workqueue(s, p->k->wq);
	} else {
		ks_flush_workqueue(s, p->k->wq);
		ks_spin_lock(s, &p->sch->lock);
	}
}

static int quiesce(struct subchannel *sch)
{
	struct vfio_ccw_private *p = sch->drv_data;
	struct ks_completion done;
	struct ks_sched *s = p->k->s;
	int iretry = 255, ret;

	ks_init_completion(&done);
	if (ERA(p) != KMODEL_E3) {
		/* before 6.0 quiesce tried the disable itself first */
		if (!ccwa_pmcw_ena(&sch->schib.pmcw))
			return 0;
		ret = cio_disable_subchannel(sch);
		if (ret != -EBUSY)
			return ret;
	}
	if (BUG(p, QUIESCE_LOOP)) {
		/* 5.1 and before: the counter starts over, and the ladder
		 * is climbed again after every wait (§6.12) */
		do {
			iretry = 255;
			ret = cio_cancel_halt_clear(sch, &iretry);
			while (ret == -EBUSY) {
				p->completion = &done;
				ks_spin_unlock(s, &sch->lock);
				ks_wait_for_completion_timeout(s, &done, SIM_S(3));
				p->completion = NULL;
				flush_and_relock(p);
				ret = cio_cancel_halt_clear(sch, &iretry);
			}
			ret = cio_disable_subchannel(sch);
		} while (ret == -EBUSY);
		return ret;
	}
	do {
		ret = cio_cancel_halt_clear(sch, &iretry);
		if (ret == -EIO) {
			kmodel_trace(p->k, "vfio_ccw_quiesce",
				     "could not quiesce subchannel 0.%x.%04x",
				     sch->ssid, sch->schno);
			break;
		}
		p->completion = &done;
		ks_spin_unlock(s, &sch->lock);
		if (ret == -EBUSY)
			ks_wait_for_completion_timeout(s, &done, SIM_S(3));
		p->completion = NULL;
		flush_and_relock(p);
		ret = cio_disable_subchannel(sch);
	} while (ret == -EBUSY);
	return ret;
}

int vfio_ccw_sch_quiesce(struct subchannel *sch)
{
	struct vfio_ccw_private *p = sch->drv_data;
	int ret = quiesce(sch);

	/* before 6.0 every way out of quiesce set NOT_OPER (§1.4) */
	if (ERA(p) != KMODEL_E3)
		vfio_ccw_state_write(p, VFIO_CCW_STATE_NOT_OPER, "quiesce");
	return ret;
}
