// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The test device (ccwsim/sim/testdev.h): a table of answers by command
 * code, a timer for the ending status, and a busy window.
 */
#include <errno.h>
#include <stdlib.h>

#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/sim/testdev.h>

/* A command code's answer; devices set few, so a short list does. */
struct answer {
	uint8_t code;
	struct sim_testdev_cmd c;
};

struct testdev {
	struct sim_dev dev;
	struct answer *ans;
	unsigned nans;
	uint8_t halt_answer;
	struct sim_event end_ev;	/* ending status of the current command */
	uint8_t end_status;
	sim_vtime de_delay;
	struct sim_event free_ev;	/* end of a busy window */
	sim_vtime busy_until;
	struct sim_testdev_stats st;
};

static struct testdev *td(struct sim_dev *dev)
{
	return sim_container_of(dev, struct testdev, dev);
}

static const struct sim_testdev_cmd reject = {
	.answer = CCWA_DEV_STAT_UNIT_CHECK,
};

static void end_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct testdev *t = sim_container_of(ev, struct testdev, end_ev);
	uint8_t st = t->end_status;

	if (t->de_delay && (st & CCWA_DEV_STAT_DEV_END)) {
		/* Channel end now, device end later (device-active only). */
		sim_dev_end(&t->dev, st & (uint8_t)~CCWA_DEV_STAT_DEV_END);
		t->end_status = CCWA_DEV_STAT_DEV_END;
		sim_evq_after(q, &t->end_ev, t->de_delay, SIM_EVC_DEVICE);
		t->de_delay = 0;
		return;
	}
	sim_dev_end(&t->dev, st);
}

static uint8_t td_command(struct sim_dev *dev, const struct sim_dev_cmd *cmd)
{
	struct testdev *t = td(dev);
	const struct sim_testdev_cmd *c = &reject;

	for (unsigned i = 0; i < t->nans; i++)
		if (t->ans[i].code == cmd->code)
			c = &t->ans[i].c;

	t->st.commands++;
	t->st.last_cmd = cmd->code;
	/* Busy while an operation is outstanding or a busy window lasts. */
	if (sim_event_pending(&t->end_ev) ||
	    sim_evq_now(dev->evq) < t->busy_until)
		return CCWA_DEV_STAT_BUSY;
	if (c->answer)
		return c->answer;
	t->end_status = c->end;
	t->de_delay = c->de_delay;
	sim_evq_after(dev->evq, &t->end_ev, c->delay, SIM_EVC_DEVICE);
	return 0;
}

static uint8_t td_halt(struct sim_dev *dev)
{
	struct testdev *t = td(dev);

	t->st.halts++;
	sim_evq_cancel(dev->evq, &t->end_ev);
	return t->halt_answer;
}

static void td_clear(struct sim_dev *dev)
{
	struct testdev *t = td(dev);

	t->st.clears++;
	sim_evq_cancel(dev->evq, &t->end_ev);
}

static void td_destroy(struct sim_dev *dev)
{
	struct testdev *t = td(dev);

	if (dev->evq) {
		sim_evq_cancel(dev->evq, &t->end_ev);
		sim_evq_cancel(dev->evq, &t->free_ev);
	}
	free(t->ans);
	free(t);
}

static void free_fire(struct sim_evq *q, struct sim_event *ev);

static const struct sim_dev_ops testdev_ops = {
	.kind = "test",
	.command = td_command,
	.halt = td_halt,
	.clear = td_clear,
	.destroy = td_destroy,
};

struct sim_dev *sim_testdev_create(uint16_t devno)
{
	struct testdev *t = calloc(1, sizeof(*t));
	static const struct sim_testdev_cmd nop = {
		.end = CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END,
		.delay = SIM_US(1),
	};

	if (!t)
		return NULL;
	t->dev.ops = &testdev_ops;
	t->dev.devno = devno;
	t->halt_answer = CCWA_DEV_STAT_DEV_END;
	sim_event_init(&t->end_ev, end_fire, "testdev_end");
	sim_event_init(&t->free_ev, free_fire, "testdev_free");
	if (sim_testdev_set(&t->dev, CCWA_CMD_NOP, &nop)) {
		free(t);
		return NULL;
	}
	return &t->dev;
}

int sim_testdev_set(struct sim_dev *dev, uint8_t code,
		    const struct sim_testdev_cmd *c)
{
	struct testdev *t = td(dev);
	struct answer *a;

	for (unsigned i = 0; i < t->nans; i++) {
		if (t->ans[i].code == code) {
			t->ans[i].c = *c;
			return 0;
		}
	}
	a = realloc(t->ans, (t->nans + 1) * sizeof(*a));
	if (!a)
		return -ENOMEM;
	t->ans = a;
	t->ans[t->nans].code = code;
	t->ans[t->nans++].c = *c;
	return 0;
}

void sim_testdev_set_halt(struct sim_dev *dev, uint8_t dstat)
{
	td(dev)->halt_answer = dstat;
}

static void free_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct testdev *t = sim_container_of(ev, struct testdev, free_ev);

	(void)q;
	sim_dev_free(&t->dev);
}

void sim_testdev_busy(struct sim_dev *dev, sim_vtime duration)
{
	struct testdev *t = td(dev);

	t->busy_until = sim_evq_now(dev->evq) + duration;
	sim_evq_schedule(dev->evq, &t->free_ev, t->busy_until, SIM_EVC_DEVICE);
}

int sim_testdev_attention(struct sim_dev *dev, uint8_t dstat)
{
	return sim_dev_unsolicited(dev, dstat);
}

void sim_testdev_stats(struct sim_dev *dev, struct sim_testdev_stats *st)
{
	*st = td(dev)->st;
}
