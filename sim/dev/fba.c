// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * An FBA DASD on a host file (ccwsim/sim/fba.h).
 *
 * A channel program is DEFINE EXTENT, then LOCATE + READ/WRITE: the
 * extent says where and what is allowed, LOCATE names blocks relative to
 * it, READ and WRITE move them (one data-chained command for all of them,
 * or one LOCATE per block when RDC says the device does not data-chain).
 * The sequence is per chain: a command reached by initial selection
 * starts a new one.  Layouts and checks follow what Linux's dasd_fba sends
 * and what Hercules' FBA device accepts (docs/devices.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/arch/senseid.h>
#include <ccwsim/sim/fba.h>

#define CMD_WRITE	0x41
#define CMD_READ	0x42
#define CMD_LOCATE	0x43
#define CMD_DEFINE_EXT	0x63
#define CMD_RDC		0x64
#define CE_DE		(CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END)
#define CE_DE_UC	(CE_DE | CCWA_DEV_STAT_UNIT_CHECK)

/* Sense byte 1 */
#define SNS1_FILE_PROTECTED 0x04

struct fba {
	struct sim_dev dev;
	struct sim_fba_cfg cfg;
	int fd;
	uint64_t blocks;
	uint16_t bs;
	uint8_t *blk;			/* one block of buffer */
	/* the chain */
	uint8_t have_de, have_loc, prev;
	uint8_t perm;			/* DE mask & 0xc0 */
	uint32_t ext_loc, ext_beg, ext_end;
	uint8_t loc_write;
	uint32_t loc_ct, loc_nr;
	/* the command in progress */
	struct sim_event ev;
	uint8_t cmd;
	uint16_t count;
	uint32_t done;			/* blocks moved */
	uint8_t sense[SIM_FBA_SENSE_BYTES];
	struct sim_fba_stats st;
};

static struct fba *fb(struct sim_dev *dev)
{
	return sim_container_of(dev, struct fba, dev);
}

/* End the command with unit check and the given sense. */
static uint8_t reject(struct fba *f, uint8_t s0, uint8_t s1)
{
	memset(f->sense, 0, sizeof(f->sense));
	f->sense[0] = s0;
	f->sense[1] = s1;
	f->st.rejects++;
	f->have_loc = 0;
	return CE_DE_UC;
}

/* DEFINE EXTENT: mask, zero, block size, extent location, begin, end. */
static uint8_t define_extent(struct fba *f)
{
	uint8_t de[16];
	uint32_t loc, beg, end;

	if (sim_dev_get(&f->dev, de, sizeof(de)) != sizeof(de) || f->have_de)
		return reject(f, CCWA_SNS0_CMD_REJECT, 0);
	loc = ccwa_get_be32(de + 4);
	beg = ccwa_get_be32(de + 8);
	end = ccwa_get_be32(de + 12);
	/* Reserved mask bits, and permissions 10 and 11, are rejected. */
	if ((de[0] & 0x3b) || (de[0] & 0x80) ||
	    ccwa_get_be16(de + 2) != f->bs || end < beg ||
	    (uint64_t)loc + (end - beg) >= f->blocks)
		return reject(f, CCWA_SNS0_CMD_REJECT, 0);
	f->have_de = 1;
	f->perm = de[0] & 0xc0;
	f->ext_loc = loc;
	f->ext_beg = beg;
	f->ext_end = end;
	return CE_DE;
}

/* LOCATE: operation, auxiliary, block count, block number in the extent. */
static uint8_t locate(struct fba *f)
{
	uint8_t lo[8];
	uint8_t op;
	uint32_t ct, nr;

	if (sim_dev_get(&f->dev, lo, sizeof(lo)) != sizeof(lo) || !f->have_de)
		return reject(f, CCWA_SNS0_CMD_REJECT, 0);
	op = lo[0] & 0x0f;
	ct = ccwa_get_be16(lo + 2);
	nr = ccwa_get_be32(lo + 4);
	/* 1 and 5 write, 2 and 6 read; bit 0x10 (suppress) is ignored. */
	if ((lo[0] & 0xe0) || (op != 1 && op != 5 && op != 2 && op != 6) ||
	    !ct || nr < f->ext_beg || (uint64_t)nr + ct - 1 > f->ext_end)
		return reject(f, CCWA_SNS0_CMD_REJECT, 0);
	f->loc_write = op == 1 || op == 5;
	if (f->loc_write && (f->perm == 0x40 || f->cfg.read_only))
		return reject(f, CCWA_SNS0_CMD_REJECT, SNS1_FILE_PROTECTED);
	f->have_loc = 1;
	f->loc_ct = ct;
	f->loc_nr = nr;
	return CE_DE;
}

static off_t block_offset(struct fba *f, uint32_t i)
{
	return (off_t)(f->ext_loc + (f->loc_nr - f->ext_beg) + i) * f->bs;
}

/*
 * READ and WRITE move one block per step.  Returns 0 while blocks are
 * left, else the ending status.
 */
static uint8_t block_step(struct fba *f)
{
	off_t at = block_offset(f, f->done);
	size_t n;

	if (f->cmd == CMD_READ) {
		if (pread(f->fd, f->blk, f->bs, at) != f->bs)
			return reject(f, CCWA_SNS0_EQUIPMENT_CHECK, 0);
		n = sim_dev_put(&f->dev, f->blk, f->bs);
		if (!n)
			return CE_DE;		/* the channel has no more */
		f->st.blocks_read++;
	} else if (!f->count) {
		/* A WRITE without data zeroes the located blocks. */
		memset(f->blk, 0, f->bs);
		n = f->bs;
		if (pwrite(f->fd, f->blk, f->bs, at) != f->bs)
			return reject(f, CCWA_SNS0_EQUIPMENT_CHECK, 0);
		f->st.blocks_zeroed++;
	} else {
		n = sim_dev_get(&f->dev, f->blk, f->bs);
		if (!n)
			return CE_DE;		/* the channel has no more */
		memset(f->blk + n, 0, f->bs - n);	/* pad a short block */
		if (pwrite(f->fd, f->blk, f->bs, at) != f->bs)
			return reject(f, CCWA_SNS0_EQUIPMENT_CHECK, 0);
		f->st.blocks_written++;
	}
	f->done++;
	if (n < f->bs || f->done == f->loc_ct) {
		f->have_loc = 0;	/* a LOCATE serves one command */
		return CE_DE;
	}
	return 0;
}

static void fire(struct sim_evq *q, struct sim_event *ev)
{
	struct fba *f = sim_container_of(ev, struct fba, ev);
	uint8_t st = CE_DE;

	switch (f->cmd) {
	case CMD_DEFINE_EXT:
		st = define_extent(f);
		break;
	case CMD_LOCATE:
		st = locate(f);
		break;
	case CMD_READ:
	case CMD_WRITE:
		st = block_step(f);
		if (!st) {
			sim_evq_after(q, ev, f->cfg.t_block, SIM_EVC_DEVICE);
			return;
		}
		break;
	case CMD_RDC: {
		uint8_t rdc[32] = { 0 };

		rdc[0] = f->cfg.no_data_chain ? 0x20 : 0x30;	/* mode */
		rdc[1] = 0x08;					/* features */
		rdc[2] = 0x21;					/* class */
		rdc[3] = f->cfg.model_3370 ? 0x02 : 0x11;	/* unit type */
		ccwa_put_be16(rdc + 4, f->bs);
		ccwa_put_be32(rdc + 6, 1);		/* blocks per cyclical group */
		ccwa_put_be32(rdc + 10, 1);		/* blocks per access position */
		ccwa_put_be32(rdc + 14, (uint32_t)f->blocks);
		sim_dev_put(&f->dev, rdc, sizeof(rdc));
		break;
	}
	case CCWA_CMD_SENSE_ID: {
		uint8_t id[7] = { 0xff, 0x63, 0x10, 0x01, 0x93, 0x36, 0x10 };

		if (f->cfg.model_3370) {
			ccwa_put_be16(id + 1, 0x3880);
			ccwa_put_be16(id + 4, 0x3370);
			id[6] = 0x04;
		}
		sim_dev_put(&f->dev, id, sizeof(id));
		break;
	}
	case CCWA_CMD_SENSE:
		sim_dev_put(&f->dev, f->sense, sizeof(f->sense));
		memset(f->sense, 0, sizeof(f->sense));
		break;
	}
	f->prev = f->cmd;
	sim_dev_end(&f->dev, st);
}

static uint8_t fba_command(struct sim_dev *dev, const struct sim_dev_cmd *cmd)
{
	struct fba *f = fb(dev);

	if (sim_event_pending(&f->ev))
		return CCWA_DEV_STAT_BUSY;
	if (!cmd->chained)		/* a new channel program */
		f->have_de = f->have_loc = f->prev = 0;
	if (cmd->code != CCWA_CMD_SENSE)
		memset(f->sense, 0, sizeof(f->sense));
	switch (cmd->code) {
	case CCWA_CMD_NOP:
		f->prev = cmd->code;
		return CE_DE;
	case CMD_READ:
	case CMD_WRITE:
		/* Only right after a LOCATE of the same direction. */
		if (f->prev != CMD_LOCATE || !f->have_loc ||
		    f->loc_write != (cmd->code == CMD_WRITE)) {
			reject(f, CCWA_SNS0_CMD_REJECT, 0);
			return CCWA_DEV_STAT_UNIT_CHECK;
		}
		break;
	case CMD_DEFINE_EXT:
	case CMD_LOCATE:
	case CMD_RDC:
	case CCWA_CMD_SENSE:
	case CCWA_CMD_SENSE_ID:
		break;
	default:
		reject(f, CCWA_SNS0_CMD_REJECT, 0);
		return CCWA_DEV_STAT_UNIT_CHECK;
	}
	f->cmd = cmd->code;
	f->count = cmd->count;
	f->done = 0;
	sim_evq_after(dev->evq, &f->ev, f->cfg.t_cmd, SIM_EVC_DEVICE);
	return 0;
}

static uint8_t fba_halt(struct sim_dev *dev)
{
	sim_evq_cancel(dev->evq, &fb(dev)->ev);
	fb(dev)->have_loc = 0;
	return CCWA_DEV_STAT_DEV_END;
}

static void fba_clear(struct sim_dev *dev)
{
	struct fba *f = fb(dev);

	sim_evq_cancel(dev->evq, &f->ev);
	f->have_de = f->have_loc = f->prev = 0;
	memset(f->sense, 0, sizeof(f->sense));
}

static unsigned fba_sense(struct sim_dev *dev, uint8_t *buf, unsigned max)
{
	struct fba *f = fb(dev);
	unsigned n = max < sizeof(f->sense) ? max : sizeof(f->sense);

	memcpy(buf, f->sense, n);
	memset(f->sense, 0, sizeof(f->sense));
	return n;
}

static void fba_destroy(struct sim_dev *dev)
{
	struct fba *f = fb(dev);

	if (dev->evq)
		sim_evq_cancel(dev->evq, &f->ev);
	if (f->fd >= 0)
		close(f->fd);
	free(f->blk);
	free(f);
}

static const struct sim_dev_ops fba_ops = {
	.kind = "fba",
	.command = fba_command,
	.halt = fba_halt,
	.clear = fba_clear,
	.sense = fba_sense,
	.destroy = fba_destroy,
};

struct sim_dev *sim_fba_create(uint16_t devno, const struct sim_fba_cfg *cfg,
			       char *err, size_t errlen)
{
	struct fba *f;
	struct stat sb;
	uint16_t bs = cfg && cfg->blk_size ? cfg->blk_size : 512;

	if (!cfg || !cfg->path || !*cfg->path) {
		snprintf(err, errlen, "fba: no backing file given");
		return NULL;
	}
	if (bs != 512 && bs != 1024 && bs != 2048 && bs != 4096) {
		snprintf(err, errlen, "fba %s: block size %u (512, 1024, 2048 or 4096)",
			 cfg->path, bs);
		return NULL;
	}
	f = calloc(1, sizeof(*f));
	if (!f || !(f->blk = malloc(bs))) {
		free(f);
		snprintf(err, errlen, "fba %s: out of memory", cfg->path);
		return NULL;
	}
	f->cfg = *cfg;
	f->cfg.path = NULL;	/* not kept: the caller's string */
	f->bs = bs;
	if (!f->cfg.t_cmd)
		f->cfg.t_cmd = SIM_US(5);
	if (!f->cfg.t_block)
		f->cfg.t_block = SIM_US(2);
	f->fd = open(cfg->path, cfg->read_only ? O_RDONLY : O_RDWR | O_CREAT,
		     0644);
	if (f->fd < 0 || fstat(f->fd, &sb)) {
		snprintf(err, errlen, "fba %s: %s", cfg->path, strerror(errno));
		fba_destroy(&f->dev);
		return NULL;
	}
	f->blocks = cfg->blocks ? cfg->blocks : (uint64_t)sb.st_size / bs;
	if (!f->blocks || f->blocks > UINT32_MAX) {
		snprintf(err, errlen, "fba %s: %llu blocks of %u bytes (1 to 2^32-1)",
			 cfg->path, (unsigned long long)f->blocks, bs);
		fba_destroy(&f->dev);
		return NULL;
	}
	/* A new or short file grows sparse to the size asked for. */
	if ((uint64_t)sb.st_size < f->blocks * bs && !cfg->read_only &&
	    ftruncate(f->fd, (off_t)(f->blocks * bs))) {
		snprintf(err, errlen, "fba %s: %s", cfg->path, strerror(errno));
		fba_destroy(&f->dev);
		return NULL;
	}
	f->dev.ops = &fba_ops;
	f->dev.devno = devno;
	sim_event_init(&f->ev, fire, "fba");
	return &f->dev;
}

void sim_fba_stats(struct sim_dev *dev, struct sim_fba_stats *st)
{
	*st = fb(dev)->st;
}
