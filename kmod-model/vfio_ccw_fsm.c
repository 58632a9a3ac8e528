// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The vfio-ccw FSM: one [state][event] jump table per era (vfio-ccw
 * reference §1.2), one traced dispatcher, and the actions (§1.3, §8).
 * The state is a plain int read and written without a lock, as in the
 * kernel: both accesses are preemption points, which is how the races
 * the kernel fixed (§6.22, §6.25-27) show up in the model.
 */
#include <errno.h>
#include <string.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/scsw.h>

#include "vfio_ccw_private.h"

typedef void fsm_func_t(struct vfio_ccw_private *p, enum vfio_ccw_event ev);

static const char *const state_names[] = {
	"NOT_OPER", "STANDBY", "IDLE", "CP_PROCESSING", "CP_PENDING",
};
static const char *const e1_state_names[] = {
	"NOT_OPER", "STANDBY", "IDLE", "BOXED", "BUSY",
};
static const char *const event_names[] = {
	"NOT_OPER", "IO_REQ", "INTERRUPT", "ASYNC_REQ", "OPEN", "CLOSE",
};

const char *vfio_ccw_state_name(const struct kmodel *k, int state)
{
	if (state < 0 || state >= VFIO_CCW_STATE_NR)
		return "?";
	return k->era == KMODEL_E1 ? e1_state_names[state] : state_names[state];
}

const char *vfio_ccw_event_name(int event)
{
	return event >= 0 && event < VFIO_CCW_EVENT_NR ? event_names[event] : "?";
}

/* An action's state write: a plain int store other contexts may race. */
static void set_state(struct vfio_ccw_private *p, int state)
{
	vfio_ccw_state_write(p, state, NULL);
	ks_preempt(p->k->s, "state write");
}

/* ---- simple actions ---- */

static void fsm_nop(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	(void)p;
	(void)ev;
}

static void fsm_notoper(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	(void)ev;
	kmodel_trace(p->k, "vfio_ccw_notoper", "0.%x.%04x: unregister scheduled",
		     p->sch->ssid, p->sch->schno);
	set_state(p, VFIO_CCW_STATE_NOT_OPER);
	if (ERA(p) == KMODEL_E3)
		cp_free(p);		/* E1 and E2 left it */
	/* css_sched_sch_todo(UNREG): the mdev goes, asking userspace first */
	vfio_ccw_unregister(p);
}

static void fsm_io_error(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	(void)ev;
	io_set_ret_code(p, -EIO);
}

static void fsm_io_busy(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	(void)ev;
	io_set_ret_code(p, -EBUSY);
}

static void fsm_io_retry(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	(void)ev;
	io_set_ret_code(p, -EAGAIN);
}

static void fsm_async_error(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	(void)ev;
	cmd_set_ret_code(p, -EIO);
}

static void fsm_async_retry(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	(void)ev;
	cmd_set_ret_code(p, -EAGAIN);
}

/* An interrupt in a closed state means a disable that did not take. */
static void fsm_disabled_irq(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	(void)ev;
	kmodel_trace(p->k, "vfio_ccw_disabled_irq", "IRB dropped");
	cio_disable_subchannel(p->sch);
}

/*
 * fsm_irq: the single IRB buffer.  If io_todo has not taken the last one
 * yet, this one overwrites it (§5.3, the lost IRB).
 */
static void fsm_irq(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	(void)ev;
	if (!QUIRK(p, LOST_IRB)) {
		/* a kernel that queued its IRBs would lose none */
		if (p->irbq_n < sizeof(p->irbq) / sizeof(p->irbq[0]))
			cio_irb(p->k, &p->irbq[p->irbq_n++]);
		else
			p->k->counts.lost_irbs++;
	} else {
		if (!p->irb_taken && p->io_work.queued) {
			p->k->counts.lost_irbs++;
			kmodel_trace(p->k, "vfio_ccw_lost_irb",
				     "an IRB not yet delivered is overwritten");
		}
		cio_irb(p->k, &p->irb);
		p->irb_taken = 0;
	}
	ks_queue_work(p->k->s, p->k->wq, &p->io_work);
	if (p->completion)
		ks_complete(p->k->s, p->completion);
}

/* ---- start ---- */

static int fsm_io_helper(struct vfio_ccw_private *p)
{
	struct subchannel *sch = p->sch;
	uint64_t orb;
	int ccode, ret;

	ks_spin_lock(p->k->s, &sch->lock);
	orb = cp_get_orb(p, (uint32_t)sch->addr, sch->lpm);
	if (!orb) {
		ret = -EIO;
		goto out;
	}
	if (BUG(p, SSCH_UNLOCKED)) {
		/* 4.12: the state is set, the lock dropped, then SSCH */
		set_state(p, VFIO_CCW_STATE_CP_PENDING);
		ks_spin_unlock(p->k->s, &sch->lock);
		ccode = cio_ssch(sch, orb);
		ks_spin_lock(p->k->s, &sch->lock);
	} else {
		ccode = cio_ssch(sch, orb);
	}
	switch (ccode) {
	case 0:
		ccwa_scsw_set_actl(&sch->schib.scsw,
				   ccwa_scsw_actl(&sch->schib.scsw) |
				   CCWA_ACTL_START_PEND);
		ret = 0;
		if (!BUG(p, SSCH_UNLOCKED))	/* 4.12 wrote it before */
			set_state(p, VFIO_CCW_STATE_CP_PENDING);
		break;
	case 1:
	case 2:
		ret = -EBUSY;
		break;
	case 3: {
		struct ccwa_orb o;
		uint8_t lpm;

		sim_mem_read(p->k->mem, orb, &o, sizeof(o), 0, NULL);
		lpm = (uint8_t)ccwa_orb_lpm(&o);
		/* ⚠ the path mask shrinks for good (§1.3) */
		if (QUIRK(p, LPM_STICKY))
			sch->lpm = lpm ? (uint8_t)(sch->lpm & ~lpm) : 0;
		if (cio_update_schib(sch))
			ret = -ENODEV;
		else
			ret = sch->lpm ? -EACCES : -ENODEV;
		break;
	}
	default:
		ret = ccode;		/* -EIO: SSCH took a program check */
	}
out:
	ks_spin_unlock(p->k->s, &sch->lock);
	return ret;
}

/*
 * The ORB area as the driver reads it: 32 bytes from the region (the SCSW
 * area and the stale IRB's first bytes follow the ORB), in the profile's
 * layout turned architected.
 */
static void read_orb(struct vfio_ccw_private *p, uint8_t orb[ORB_BYTES])
{
	memcpy(orb, p->io_region + ORB_AREA, ORB_BYTES);
	kmodel_profile_orb(p->k->cfg.profile, orb);
	kmodel_profile_scsw(p->k->cfg.profile, orb + 12);
}

static void fsm_io_request(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	const char *errstr = "request";
	uint8_t orb[ORB_BYTES];
	int32_t rc;

	(void)ev;
	set_state(p, VFIO_CCW_STATE_CP_PROCESSING);
	{
		struct ccwa_scsw sw;

		memcpy(sw.b, p->io_region + SCSW_AREA, sizeof(sw.b));
		kmodel_profile_scsw(p->k->cfg.profile, sw.b);
		p->scsw_fctl = ccwa_scsw_fctl(&sw);
	}
	if (p->scsw_fctl & CCWA_FCTL_START) {
		read_orb(p, orb);
		if (ccwa_orb_tm((const struct ccwa_orb *)orb)) {
			io_set_ret_code(p, -EOPNOTSUPP);
			errstr = "transport mode";
			goto err_out;
		}
		rc = cp_init(p, orb);
		io_set_ret_code(p, rc);
		if (rc) {
			errstr = "cp init";
			goto err_out;
		}
		rc = cp_prefetch(p);
		io_set_ret_code(p, rc);
		if (rc) {
			errstr = "cp prefetch";
			cp_free(p);
			goto err_out;
		}
		rc = fsm_io_helper(p);
		io_set_ret_code(p, rc);
		if (rc) {
			errstr = "cp fsm_io_helper";
			cp_free(p);
			goto err_out;
		}
		return;
	} else if (p->scsw_fctl & (CCWA_FCTL_HALT | CCWA_FCTL_CLEAR)) {
		/* halt and clear go through the async region (or nowhere) */
		io_set_ret_code(p, -EOPNOTSUPP);
		errstr = p->scsw_fctl & CCWA_FCTL_HALT ? "halt" : "clear";
	}
	/* No function bit: ret_code stays whatever the region held. */
err_out:
	/* set before 5.2 and again from 5.13 (§6.26): every way out */
	if (ERA(p) == KMODEL_E1 || !BUG(p, IDLE_ON_ERROR))
		set_state(p, VFIO_CCW_STATE_IDLE);
	kmodel_trace(p->k, "vfio_ccw_fsm_io_request",
		     "fctl=0x%x schid=0.%x.%04x errno=%d (%s)", p->scsw_fctl,
		     p->sch->ssid, p->sch->schno, io_ret_code(p), errstr);
}

/* ---- halt and clear (the async region) ---- */

static int fsm_do_halt(struct vfio_ccw_private *p)
{
	struct subchannel *sch = p->sch;
	int ccode, ret;

	ks_spin_lock(p->k->s, &sch->lock);
	ccode = cio_hsch(sch);
	switch (ccode) {
	case 0:
		ccwa_scsw_set_actl(&sch->schib.scsw,
				   ccwa_scsw_actl(&sch->schib.scsw) |
				   CCWA_ACTL_HALT_PEND);
		ret = 0;
		break;
	case 1:
	case 2:
		ret = -EBUSY;
		break;
	case 3:
		ret = -ENODEV;
		break;
	default:
		ret = ccode;
	}
	ks_spin_unlock(p->k->s, &sch->lock);
	return ret;
}

static int fsm_do_clear(struct vfio_ccw_private *p)
{
	struct subchannel *sch = p->sch;
	int ccode, ret;

	ks_spin_lock(p->k->s, &sch->lock);
	ccode = cio_csch(sch);
	switch (ccode) {
	case 0:
		/* overwrites activity control (cio_clear ORs it in) */
		ccwa_scsw_set_actl(&sch->schib.scsw, CCWA_ACTL_CLEAR_PEND);
		ret = 0;
		break;
	case 3:
		ret = -ENODEV;
		break;
	default:
		ret = ccode;	/* not architected: a positive "byte count" */
	}
	ks_spin_unlock(p->k->s, &sch->lock);
	return ret;
}

static void fsm_async_request(struct vfio_ccw_private *p,
			      enum vfio_ccw_event ev)
{
	uint32_t command = region_word(p->k, p->cmd_region + CMD_COMMAND);

	(void)ev;
	switch (command) {
	case VFIO_CCW_ASYNC_CMD_HSCH:
		cmd_set_ret_code(p, fsm_do_halt(p));
		break;
	case VFIO_CCW_ASYNC_CMD_CSCH:
		cmd_set_ret_code(p, fsm_do_clear(p));
		break;
	default:
		cmd_set_ret_code(p, -EINVAL);
	}
	kmodel_trace(p->k, "vfio_ccw_fsm_async_request",
		     "schid=0.%x.%04x command=%u ret_code=%d", p->sch->ssid,
		     p->sch->schno, command, cmd_ret_code(p));
}

/* ---- open and close (E3) ---- */

static void fsm_open(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	struct subchannel *sch = p->sch;
	int ret;

	(void)ev;
	ks_spin_lock(p->k->s, &sch->lock);
	sch->isc = VFIO_CCW_ISC;
	ret = cio_enable_subchannel(sch, (uint32_t)sch->addr);
	if (!ret)
		set_state(p, VFIO_CCW_STATE_IDLE);
	ks_spin_unlock(p->k->s, &sch->lock);
	if (ret)
		vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_NOT_OPER);
}

static void fsm_close(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	struct subchannel *sch = p->sch;
	int ret;

	(void)ev;
	ks_spin_lock(p->k->s, &sch->lock);
	if (!ccwa_pmcw_ena(&sch->schib.pmcw))	/* the cached SCHIB */
		goto err_unlock;
	ret = cio_disable_subchannel(sch);
	if (ret == -EBUSY) {
		int q = vfio_ccw_sch_quiesce(sch);

		/* before 6.0 the quiesce's result was not looked at */
		if (!BUG(p, QUIESCE_RC))
			ret = q;
	}
	if (ret)
		goto err_unlock;
	set_state(p, VFIO_CCW_STATE_STANDBY);
	ks_spin_unlock(p->k->s, &sch->lock);
	cp_free(p);
	return;
err_unlock:
	ks_spin_unlock(p->k->s, &sch->lock);
	vfio_ccw_fsm_event(p, VFIO_CCW_EVENT_NOT_OPER);
}

/* ---- the jump tables (§1.2) ---- */

#define N VFIO_CCW_STATE_NR
#define E VFIO_CCW_EVENT_NR

/* One row: the action for each event, by the event's name. */
#define ROW3(notoper, io_req, irq)                                             \
	[VFIO_CCW_EVENT_NOT_OPER] = notoper, [VFIO_CCW_EVENT_IO_REQ] = io_req, \
	[VFIO_CCW_EVENT_INTERRUPT] = irq
#define ROW4(notoper, io_req, irq, async)                                      \
	ROW3(notoper, io_req, irq), [VFIO_CCW_EVENT_ASYNC_REQ] = async
#define ROW6(notoper, io_req, irq, async, open, close)                         \
	ROW4(notoper, io_req, irq, async), [VFIO_CCW_EVENT_OPEN] = open,       \
	[VFIO_CCW_EVENT_CLOSE] = close

/*            NOT_OPER     IO_REQ          INTERRUPT         ASYNC_REQ          OPEN         CLOSE */
static fsm_func_t *const e3[N][E] = {
	[VFIO_CCW_STATE_NOT_OPER] =
		{ ROW6(fsm_nop, fsm_io_error, fsm_disabled_irq, fsm_async_error, fsm_nop, fsm_nop) },
	[VFIO_CCW_STATE_STANDBY] =
		{ ROW6(fsm_notoper, fsm_io_error, fsm_disabled_irq, fsm_async_error, fsm_open, fsm_notoper) },
	[VFIO_CCW_STATE_IDLE] =
		{ ROW6(fsm_notoper, fsm_io_request, fsm_irq, fsm_async_request, fsm_notoper, fsm_close) },
	[VFIO_CCW_STATE_CP_PROCESSING] =
		{ ROW6(fsm_notoper, fsm_io_retry, fsm_irq, fsm_async_retry, fsm_notoper, fsm_close) },
	[VFIO_CCW_STATE_CP_PENDING] =
		{ ROW6(fsm_notoper, fsm_io_busy, fsm_irq, fsm_async_request, fsm_notoper, fsm_close) },
};

/* E2: no OPEN/CLOSE events (open and close act outside the FSM), and
 * STANDBY takes interrupts. */
static fsm_func_t *const e2[N][E] = {
	[VFIO_CCW_STATE_NOT_OPER] =
		{ ROW4(fsm_nop, fsm_io_error, fsm_disabled_irq, fsm_async_error) },
	[VFIO_CCW_STATE_STANDBY] =
		{ ROW4(fsm_notoper, fsm_io_error, fsm_irq, fsm_async_error) },
	[VFIO_CCW_STATE_IDLE] =
		{ ROW4(fsm_notoper, fsm_io_request, fsm_irq, fsm_async_request) },
	[VFIO_CCW_STATE_CP_PROCESSING] =
		{ ROW4(fsm_notoper, fsm_io_retry, fsm_irq, fsm_async_retry) },
	[VFIO_CCW_STATE_CP_PENDING] =
		{ ROW4(fsm_notoper, fsm_io_busy, fsm_irq, fsm_async_request) },
};

/* E1: BOXED and BUSY (the two CP_ rows), three events. */
static fsm_func_t *const e1[N][E] = {
	[VFIO_CCW_STATE_NOT_OPER] = { ROW3(fsm_nop, fsm_io_error, fsm_disabled_irq) },
	[VFIO_CCW_STATE_STANDBY] = { ROW3(fsm_notoper, fsm_io_error, fsm_irq) },
	[VFIO_CCW_STATE_IDLE] = { ROW3(fsm_notoper, fsm_io_request, fsm_irq) },
	[VFIO_CCW_STATE_CP_PROCESSING] = { ROW3(fsm_notoper, fsm_io_busy, fsm_irq) },
	[VFIO_CCW_STATE_CP_PENDING] = { ROW3(fsm_notoper, fsm_io_busy, fsm_irq) },
};

static fsm_func_t *vfio_ccw_fsm_cell(enum kmodel_era era, int state, int event)
{
	fsm_func_t *const (*t)[E] = era == KMODEL_E1 ? e1 :
				    era == KMODEL_E2 ? e2 : e3;

	if (state < 0 || state >= N || event < 0 || event >= E)
		return NULL;
	return t[state][event];
}

static const struct {
	fsm_func_t *fn;
	const char *name;
} action_names[] = {
	{ fsm_nop, "nop" }, { fsm_notoper, "notoper" },
	{ fsm_io_error, "io_error" }, { fsm_io_busy, "io_busy" },
	{ fsm_io_retry, "io_retry" }, { fsm_async_error, "async_error" },
	{ fsm_async_retry, "async_retry" }, { fsm_disabled_irq, "disabled_irq" },
	{ fsm_irq, "irq" }, { fsm_io_request, "io_request" },
	{ fsm_async_request, "async_request" }, { fsm_open, "open" },
	{ fsm_close, "close" },
};

const char *vfio_ccw_fsm_action(enum kmodel_era era, int state, int event)
{
	fsm_func_t *f = vfio_ccw_fsm_cell(era, state, event);

	for (size_t i = 0; f && i < sizeof(action_names) / sizeof(action_names[0]); i++)
		if (action_names[i].fn == f)
			return action_names[i].name;
	return NULL;
}

int vfio_ccw_state_by_name(const struct kmodel *k, const char *name)
{
	for (int i = 0; i < VFIO_CCW_STATE_NR; i++)
		if (!strcmp(vfio_ccw_state_name(k, i), name))
			return i;
	return -1;
}

int vfio_ccw_event_by_name(const char *name)
{
	for (int i = 0; i < VFIO_CCW_EVENT_NR; i++)
		if (!strcmp(event_names[i], name))
			return i;
	return -1;
}

void vfio_ccw_fsm_event(struct vfio_ccw_private *p, enum vfio_ccw_event ev)
{
	fsm_func_t *f;
	int state;

	ks_preempt(p->k->s, "state read");
	state = p->state;
	f = vfio_ccw_fsm_cell(ERA(p), state, (int)ev);
	kmodel_trace(p->k, "vfio_ccw_fsm_event", "0.%x.%04x %s %s",
		     p->sch->ssid, p->sch->schno,
		     vfio_ccw_state_name(p->k, state), vfio_ccw_event_name(ev));
	if (f)
		f(p, ev);
	else	/* an event the era does not have: a caller's mistake */
		ks_violation(p->k->s, "vfio_ccw_fsm_event: no %s cell for %s in this era",
			     vfio_ccw_event_name(ev), vfio_ccw_state_name(p->k, state));
}
