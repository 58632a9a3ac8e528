// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A line printer, the example device of docs/devices.md.
 *
 * Commands: WRITE 0x01 (print a line), NOP 0x03, SENSE 0x04, SENSE ID 0xE4;
 * anything else is rejected with unit check, sense byte 0 = command reject.
 * A line takes 10 µs to start and 100 ns per byte; the device is busy
 * meanwhile.
 */
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/arch/senseid.h>
#include <ccwsim/sim/printer.h>

#define LINE_MAX_BYTES	132
#define CMD_WRITE	0x01
#define CE_DE		(CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END)

struct printer {
	struct sim_dev dev;		/* first: the device API's part */
	FILE *out;
	struct sim_event ev;		/* the command in progress */
	uint8_t cmd;
	uint8_t sense;			/* sense byte 0, kept until read */
	unsigned long lines;
};

static struct printer *pr(struct sim_dev *dev)
{
	return sim_container_of(dev, struct printer, dev);
}

/* The EBCDIC letters, digits and blank a print train carries. */
static char ascii(uint8_t e)
{
	static const char *const rows[] = {
		[0xc] = " ABCDEFGHI", [0xd] = " JKLMNOPQR",
		[0xe] = "  STUVWXYZ", [0xf] = "0123456789",
	};
	const char *row = rows[e >> 4];

	if (e == 0x40)
		return ' ';
	if (row && (e & 15) <= 9 && row[e & 15] != ' ')
		return row[e & 15];
	return '.';
}

/* The command's time is up: move its data, then end it. */
static void done(struct sim_evq *q, struct sim_event *ev)
{
	struct printer *p = sim_container_of(ev, struct printer, ev);
	uint8_t buf[LINE_MAX_BYTES];
	size_t n;

	(void)q;
	switch (p->cmd) {
	case CMD_WRITE:
		/* A line is as long as the count says, up to 132 bytes. */
		n = sim_dev_count_left(&p->dev);
		n = sim_dev_get(&p->dev, buf, n < sizeof(buf) ? n : sizeof(buf));
		for (size_t i = 0; p->out && i < n; i++)
			fputc(ascii(buf[i]), p->out);
		if (p->out)
			fputc('\n', p->out);
		p->lines++;
		break;
	case CCWA_CMD_SENSE:
		sim_dev_put(&p->dev, &p->sense, 1);
		p->sense = 0;
		break;
	case CCWA_CMD_SENSE_ID: {
		static const uint8_t id[7] = { 0xff, 0x38, 0x11, 0x01,
					       0x32, 0x11, 0x01 };

		sim_dev_put(&p->dev, id, sizeof(id));
		break;
	}
	}
	sim_dev_end(&p->dev, CE_DE);
}

static uint8_t command(struct sim_dev *dev, const struct sim_dev_cmd *cmd)
{
	struct printer *p = pr(dev);
	sim_vtime t = SIM_US(1);

	if (sim_event_pending(&p->ev))
		return CCWA_DEV_STAT_BUSY;
	switch (cmd->code) {
	case CCWA_CMD_NOP:
		p->sense = 0;
		return CE_DE;		/* immediate: done at selection */
	case CMD_WRITE:
		t = SIM_US(10) + SIM_NS(100) * (cmd->count < LINE_MAX_BYTES ?
						cmd->count : LINE_MAX_BYTES);
		break;
	case CCWA_CMD_SENSE:
	case CCWA_CMD_SENSE_ID:
		break;
	default:
		p->sense = CCWA_SNS0_CMD_REJECT;
		return CCWA_DEV_STAT_UNIT_CHECK;
	}
	if (cmd->code != CCWA_CMD_SENSE)
		p->sense = 0;	/* a new command resets the sense */
	p->cmd = cmd->code;
	sim_evq_after(dev->evq, &p->ev, t, SIM_EVC_DEVICE);
	return 0;		/* accepted; done() ends it */
}

static uint8_t halt(struct sim_dev *dev)
{
	sim_evq_cancel(dev->evq, &pr(dev)->ev);
	return CCWA_DEV_STAT_DEV_END;
}

static void clear(struct sim_dev *dev)
{
	sim_evq_cancel(dev->evq, &pr(dev)->ev);
	pr(dev)->sense = 0;
}

static unsigned sense(struct sim_dev *dev, uint8_t *buf, unsigned max)
{
	if (!max)
		return 0;
	buf[0] = pr(dev)->sense;
	pr(dev)->sense = 0;
	return 1;
}

static void destroy(struct sim_dev *dev)
{
	if (dev->evq)
		sim_evq_cancel(dev->evq, &pr(dev)->ev);
	free(pr(dev));
}

static const struct sim_dev_ops printer_ops = {
	.kind = "printer",
	.command = command,
	.halt = halt,
	.clear = clear,
	.sense = sense,
	.destroy = destroy,
};

struct sim_dev *sim_printer_create(uint16_t devno, FILE *out)
{
	struct printer *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->dev.ops = &printer_ops;
	p->dev.devno = devno;
	p->out = out;
	sim_event_init(&p->ev, done, "printer");
	return &p->dev;
}

unsigned long sim_printer_lines(struct sim_dev *dev)
{
	return pr(dev)->lines;
}
