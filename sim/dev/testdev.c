// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The test device (ccwsim/sim/testdev.h).  An accepted command runs as a
 * job: after its delay, data moves in chunks, each taking per_byte time,
 * then the ending status.  The device is busy while a job runs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/arch/senseid.h>
#include <ccwsim/sim/testdev.h>

#define MAX_SENSE 32
#define MAX_BUF 65536

/* A command code's answer; devices set few, so a short list does. */
struct answer {
	uint8_t code;
	struct sim_testdev_cmd c;	/* .data and .sense point at: */
	uint8_t *data, *sense;		/* owned copies */
};

struct testdev {
	struct sim_dev dev;
	struct answer *ans;
	unsigned nans;
	uint8_t halt_answer;
	uint8_t senseid[256];
	unsigned nsenseid;
	uint8_t sense[MAX_SENSE];	/* kept since the last unit check */
	unsigned nsense;
	uint8_t sense_out[MAX_SENSE];	/* what SENSE is handing over */
	uint8_t *buf;			/* what the last write brought */
	uint32_t nbuf, capbuf;
	uint8_t *zero;			/* a read of len= zero bytes */
	uint32_t capzero;
	/* the job of the command being executed */
	const struct sim_testdev_cmd *job;
	const uint8_t *out;		/* read: the bytes going out */
	uint32_t want, pos;		/* bytes to move, moved */
	int in;				/* device → storage */
	struct sim_event step_ev, end_ev, free_ev;
	uint8_t end_status;
	sim_vtime de_delay, busy_until;
	struct sim_testdev_stats st;
};

static struct testdev *td(struct sim_dev *dev)
{
	return sim_container_of(dev, struct testdev, dev);
}

static const uint8_t reject_sense[1] = { CCWA_SNS0_CMD_REJECT };
static const struct sim_testdev_cmd reject = {
	.answer = CCWA_DEV_STAT_UNIT_CHECK,
	.sense = reject_sense, .nsense = 1,
};
/* Built in: SENSE and SENSE ID move their bytes like any read. */
static const struct sim_testdev_cmd builtin_input = {
	.end = CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END,
	.delay = SIM_US(1),
};

static void keep_sense(struct testdev *t, const struct sim_testdev_cmd *c,
		       uint8_t status)
{
	if (!(status & CCWA_DEV_STAT_UNIT_CHECK))
		return;
	t->nsense = c->nsense < MAX_SENSE ? c->nsense : MAX_SENSE;
	memset(t->sense, 0, sizeof(t->sense));
	if (c->sense)
		memcpy(t->sense, c->sense, t->nsense);
}

static void end_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct testdev *t = sim_container_of(ev, struct testdev, end_ev);
	uint8_t st = t->end_status;

	if (t->de_delay && (st & CCWA_DEV_STAT_DEV_END)) {
		/* Channel end now, device end later (device-active only). */
		t->end_status = CCWA_DEV_STAT_DEV_END |
				(st & (uint8_t)~(CCWA_DEV_STAT_CHN_END |
						 CCWA_DEV_STAT_DEV_END));
		sim_dev_end(&t->dev, CCWA_DEV_STAT_CHN_END);
		sim_evq_after(q, &t->end_ev, t->de_delay, SIM_EVC_DEVICE);
		t->de_delay = 0;
		return;
	}
	sim_dev_end(&t->dev, st);
}

static void finish(struct testdev *t, const struct sim_testdev_cmd *c,
		   uint8_t status)
{
	keep_sense(t, c, status);
	t->job = NULL;
	t->end_status = status;
	sim_evq_after(t->dev.evq, &t->end_ev, 0, SIM_EVC_DEVICE);
}

static void step_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct testdev *t = sim_container_of(ev, struct testdev, step_ev);
	const struct sim_testdev_cmd *c = t->job;
	uint32_t k = t->want - t->pos;
	size_t moved;

	if (c->chunk && k > c->chunk)
		k = c->chunk;
	if (t->in) {
		moved = sim_dev_put(&t->dev, t->out + t->pos, k);
		t->st.bytes_in += moved;
	} else {
		moved = sim_dev_get(&t->dev, t->buf + t->pos, k);
		t->st.bytes_out += moved;
		t->nbuf = t->pos + (uint32_t)moved;
	}
	t->pos += (uint32_t)moved;
	if (moved == k && t->pos < t->want) {
		sim_evq_after(q, ev, c->per_byte * k, SIM_EVC_DEVICE);
		return;
	}
	/* Done, or the channel has no more room: end the command. */
	if (!t->in && c->data && !c->echo &&
	    (t->nbuf != c->len || memcmp(t->buf, c->data, c->len))) {
		static const uint8_t data_check[1] = { CCWA_SNS0_DATA_CHECK };
		struct sim_testdev_cmd dc = { .sense = data_check, .nsense = 1 };

		t->st.mismatches++;
		finish(t, &dc, c->end | CCWA_DEV_STAT_UNIT_CHECK);
		return;
	}
	finish(t, c, c->end);
}

static const struct sim_testdev_cmd *lookup(struct testdev *t, uint8_t code)
{
	for (unsigned i = 0; i < t->nans; i++)
		if (t->ans[i].code == code)
			return &t->ans[i].c;
	if (code == CCWA_CMD_SENSE || code == CCWA_CMD_SENSE_ID)
		return &builtin_input;
	return &reject;
}

static uint8_t td_command(struct sim_dev *dev, const struct sim_dev_cmd *cmd)
{
	struct testdev *t = td(dev);
	const struct sim_testdev_cmd *c = lookup(t, cmd->code);
	int in = ccwa_cmd_class(cmd->code) == CCWA_CMD_READ ||
		 ccwa_cmd_class(cmd->code) == CCWA_CMD_SENSE_CLASS ||
		 ccwa_cmd_class(cmd->code) == CCWA_CMD_READ_BACKWARD;
	sim_vtime delay;

	t->st.commands++;
	t->st.last_cmd = cmd->code;
	/* Busy while an operation is outstanding or a busy window lasts. */
	if (t->job || sim_event_pending(&t->end_ev) ||
	    sim_evq_now(dev->evq) < t->busy_until)
		return CCWA_DEV_STAT_BUSY;
	if (c->answer) {
		keep_sense(t, c, c->answer);
		return c->answer;
	}
	t->job = c;
	t->in = in;
	t->pos = 0;
	t->de_delay = c->de_delay;
	if (c == &builtin_input && cmd->code == CCWA_CMD_SENSE) {
		/* Basic sense hands over what was kept, then forgets it. */
		memcpy(t->sense_out, t->sense, MAX_SENSE);
		t->out = t->sense_out;
		t->want = t->nsense ? t->nsense : 1;
		memset(t->sense, 0, sizeof(t->sense));
	} else if (c == &builtin_input) {
		t->out = t->senseid;
		t->want = t->nsenseid;
	} else if (in && !c->data && !c->echo && c->len) {
		/* len= without data: that many zero bytes. */
		if (c->len > t->capzero) {
			uint8_t *z = realloc(t->zero, c->len);

			if (!z) {
				t->job = NULL;
				return CCWA_DEV_STAT_BUSY;
			}
			t->zero = z;
			t->capzero = c->len;
		}
		memset(t->zero, 0, c->len);
		t->out = t->zero;
		t->want = c->len;
	} else if (in) {
		t->out = c->echo ? t->buf : c->data;
		t->want = c->echo ? t->nbuf : c->len;
	} else if (cmd->code == CCWA_CMD_NOP) {
		t->want = 0;		/* no-operation moves no data */
	} else {
		t->want = c->len ? c->len : cmd->count;
		if (t->want > MAX_BUF)
			t->want = MAX_BUF;
		if (t->want > t->capbuf) {
			uint8_t *b = realloc(t->buf, t->want);

			if (!b) {
				t->job = NULL;
				return CCWA_DEV_STAT_BUSY;
			}
			t->buf = b;
			t->capbuf = t->want;
		}
	}
	/* Sense lives until a sense command reads it or a command is accepted. */
	t->nsense = 0;
	memset(t->sense, 0, sizeof(t->sense));
	delay = c->delay + (c->jitter ? sim_rng_below(&dev->rng, c->jitter + 1)
				      : 0);
	if (t->want)
		sim_evq_after(dev->evq, &t->step_ev, delay, SIM_EVC_DEVICE);
	else {
		t->job = NULL;
		t->end_status = c->end;
		keep_sense(t, c, c->end);
		sim_evq_after(dev->evq, &t->end_ev, delay, SIM_EVC_DEVICE);
	}
	return 0;
}

static void stop(struct testdev *t)
{
	sim_evq_cancel(t->dev.evq, &t->step_ev);
	sim_evq_cancel(t->dev.evq, &t->end_ev);
	t->job = NULL;
}

static uint8_t td_halt(struct sim_dev *dev)
{
	struct testdev *t = td(dev);

	t->st.halts++;
	stop(t);
	return t->halt_answer;
}

static void td_clear(struct sim_dev *dev)
{
	struct testdev *t = td(dev);

	t->st.clears++;
	stop(t);
	t->nsense = 0;
}

static unsigned td_sense(struct sim_dev *dev, uint8_t *buf, unsigned max)
{
	struct testdev *t = td(dev);
	unsigned n = t->nsense < max ? t->nsense : max;

	memcpy(buf, t->sense, n);
	t->nsense = 0;			/* read: nothing is kept any more */
	memset(t->sense, 0, sizeof(t->sense));
	return n;
}

static void td_destroy(struct sim_dev *dev)
{
	struct testdev *t = td(dev);

	if (dev->evq) {
		stop(t);
		sim_evq_cancel(dev->evq, &t->free_ev);
	}
	for (unsigned i = 0; i < t->nans; i++) {
		free(t->ans[i].data);
		free(t->ans[i].sense);
	}
	free(t->ans);
	free(t->buf);
	free(t->zero);
	free(t);
}

static const struct sim_dev_ops testdev_ops = {
	.kind = "test",
	.command = td_command,
	.halt = td_halt,
	.clear = td_clear,
	.sense = td_sense,
	.destroy = td_destroy,
};

static void free_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct testdev *t = sim_container_of(ev, struct testdev, free_ev);

	(void)q;
	sim_dev_free(&t->dev);
}

struct sim_dev *sim_testdev_create(uint16_t devno)
{
	static const uint8_t id[] = { 0xff, 0x38, 0x32, 0x01, 0x38, 0x32,
				      0x01, 0x00 };
	/* NOP is an immediate command: CE and DE at once (facts §1.11). */
	static const struct sim_testdev_cmd nop = {
		.answer = CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END,
	};
	struct testdev *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->dev.ops = &testdev_ops;
	t->dev.devno = devno;
	t->halt_answer = CCWA_DEV_STAT_DEV_END;
	memcpy(t->senseid, id, sizeof(id));
	t->nsenseid = sizeof(id);
	sim_event_init(&t->step_ev, step_fire, "testdev_data");
	sim_event_init(&t->end_ev, end_fire, "testdev_end");
	sim_event_init(&t->free_ev, free_fire, "testdev_free");
	if (sim_testdev_set(&t->dev, CCWA_CMD_NOP, &nop)) {
		td_destroy(&t->dev);
		return NULL;
	}
	return &t->dev;
}

static uint8_t *dup(const uint8_t *p, size_t n)
{
	uint8_t *q;

	if (!p || !n)
		return NULL;
	q = malloc(n);
	if (q)
		memcpy(q, p, n);
	return q;
}

int sim_testdev_set(struct sim_dev *dev, uint8_t code,
		    const struct sim_testdev_cmd *c)
{
	struct testdev *t = td(dev);
	uint8_t *data = dup(c->data, c->len), *sense = dup(c->sense, c->nsense);
	struct answer *a = NULL;

	if (t->job) {		/* its answer is in use */
		free(data);
		free(sense);
		return -EBUSY;
	}
	if ((c->data && c->len && !data) || (c->sense && c->nsense && !sense))
		goto nomem;
	for (unsigned i = 0; i < t->nans; i++)
		if (t->ans[i].code == code)
			a = &t->ans[i];
	if (!a) {
		a = realloc(t->ans, (t->nans + 1) * sizeof(*a));
		if (!a)
			goto nomem;
		t->ans = a;
		a = &t->ans[t->nans++];
	} else {
		free(a->data);
		free(a->sense);
	}
	a->code = code;
	a->c = *c;
	a->c.data = a->data = data;
	a->c.sense = a->sense = sense;
	return 0;
nomem:
	free(data);
	free(sense);
	return -ENOMEM;
}

int sim_testdev_set_senseid(struct sim_dev *dev, const uint8_t *id,
			    unsigned len)
{
	if (!id || len > sizeof(td(dev)->senseid))
		return -EINVAL;
	memcpy(td(dev)->senseid, id, len);
	td(dev)->nsenseid = len;
	return 0;
}

void sim_testdev_set_halt(struct sim_dev *dev, uint8_t dstat)
{
	td(dev)->halt_answer = dstat;
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

const uint8_t *sim_testdev_received(struct sim_dev *dev, uint32_t *len)
{
	*len = td(dev)->nbuf;
	return td(dev)->buf;
}

void sim_testdev_stats(struct sim_dev *dev, struct sim_testdev_stats *st)
{
	*st = td(dev)->st;
}
