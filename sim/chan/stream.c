// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The data stream between a device and storage for the current command.
 *
 * The device sees one continuous stream of bytes; this file maps it onto
 * storage: the CCW's data area, or its IDAWs (format 1, or format 2 with
 * 2 KiB or 4 KiB blocks, §1.4, §4.9), or its MIDAWs (§1.4), across
 * data-chained CCWs (§4.3),
 * skipping (§4.6), descending for read backward (§4.2), with the ORB key
 * on every access and the 16 MiB / 2 GiB limits of the CCW format.  A
 * check ends the program at the failing byte (§4.1 steps 9-10, §4.10):
 * the bytes before it were moved and the residual count says so.
 */
#include <string.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/idaw.h>

#include "css/css_int.h"

#define MAX_24BIT 0x1000000u
#define MAX_31BIT 0x80000000u

static struct chan_state *cs(struct sim_sch *sch)
{
	return &sch->io->chan;
}

static int fmt1(struct sim_sch *sch)
{
	return ccwa_orb_fmt(&sch->io->orb);
}

static uint8_t key(struct sim_sch *sch)
{
	return (uint8_t)ccwa_orb_key(&sch->io->orb);
}

static struct sim_mem *mem(struct sim_sch *sch)
{
	return sch->css->cfg.mem;
}

/* ORB H: format-2 (8-byte) IDAWs; ORB T with H: 2 KiB blocks. */
static unsigned idaw_size(struct sim_sch *sch)
{
	return ccwa_orb_c64(&sch->io->orb) ? 8 : 4;
}

static uint32_t block_size(struct sim_sch *sch)
{
	const struct ccwa_orb *orb = &sch->io->orb;

	return ccwa_orb_c64(orb) && !ccwa_orb_i2k(orb) ? 4096 : 2048;
}

void stream_begin(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);

	c->ida_list = c->cda;
	c->ida_left = 0;
	c->ida_first = 1;
	c->midaw_skip = 0;
	c->midaw_last = 0;
}

static void prog_check(struct sim_sch *sch)
{
	chan_check(sch, CCWA_SCH_STAT_PROG_CHECK, cs(sch)->ccw + 8);
}

static void access_check(struct sim_sch *sch, enum sim_mem_err e)
{
	if (e == SIM_MEM_POISONED)
		css_poisoned(sch->css, sch, 0);
	chan_check(sch, e == SIM_MEM_PROTECTION ? CCWA_SCH_STAT_PROT_CHECK
						: CCWA_SCH_STAT_PROG_CHECK,
		   cs(sch)->ccw + 8);
}

/* Fetch the next IDAW and open its block; 0, or -1 after a check. */
static int next_idaw(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);
	unsigned sz = idaw_size(sch);
	uint32_t blk = block_size(sch);
	int back = c->dir == DIR_BACK;
	uint8_t b[8];
	uint64_t addr;
	enum sim_mem_err e;

	/* The list: word-aligned (format 1) or doubleword (format 2). */
	if (c->ida_list % sz || (!fmt1(sch) && c->ida_list + sz > MAX_24BIT) ||
	    chan_limit_violated(sch, c->ida_list, sz, 0)) {
		prog_check(sch);
		return -1;
	}
	e = sim_mem_read(mem(sch), c->ida_list, b, sz, key(sch), NULL);
	if (e) {
		access_check(sch, e);
		return -1;
	}
	if (sz == 4) {
		uint32_t w = ccwa_get_be32(b);

		if (w & 0x80000000u) {	/* format-1 bit 0 must be zero */
			prog_check(sch);
			return -1;
		}
		addr = w;
	} else {
		addr = ccwa_get_be64(b);
	}
	if (c->ida_first) {
		/* The first IDAW may point anywhere in its block. */
		c->ida_left = back ? (uint32_t)(addr % blk) + 1
				   : blk - (uint32_t)(addr % blk);
	} else {
		/* Later ones start (end, backward) a block exactly. */
		if (addr % blk != (back ? blk - 1 : 0)) {
			prog_check(sch);
			return -1;
		}
		c->ida_left = blk;
	}
	c->ida_ptr = addr;
	c->ida_list += sz;
	c->ida_first = 0;
	return 0;
}

/*
 * Fetch the next MIDAW (§1.4): a quadword-aligned list of 16-byte entries,
 * each a count and a 64-bit address, the last one flagged L.  Reserved
 * bits, the data-transfer-interruption bit (command mode), a zero count,
 * an unskipped area crossing 4 KiB, or a need for data after the last
 * MIDAW are program checks.  Returns 0, or -1 after a check.
 */
static int next_midaw(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);
	struct ccwa_midaw m;
	enum sim_mem_err e;
	uint64_t addr;
	uint32_t count;

	if (c->midaw_last || c->ida_list % CCWA_MIDAW_SIZE ||
	    chan_limit_violated(sch, c->ida_list, CCWA_MIDAW_SIZE, 0)) {
		prog_check(sch);
		return -1;
	}
	e = sim_mem_read(mem(sch), c->ida_list, m.b, sizeof(m.b), key(sch),
			 NULL);
	if (e) {
		access_check(sch, e);
		return -1;
	}
	count = ccwa_midaw_count(&m);
	addr = ccwa_midaw_addr(&m);
	if (ccwa_midaw_res0(&m) || ccwa_midaw_res43(&m) || ccwa_midaw_dtic(&m) ||
	    !count ||
	    (!ccwa_midaw_skip(&m) &&
	     (c->dir == DIR_BACK ? addr % 4096 + 1 < count
				 : addr % 4096 + count > 4096))) {
		prog_check(sch);
		return -1;
	}
	c->ida_ptr = addr;
	c->ida_left = count;
	c->midaw_skip = (uint8_t)ccwa_midaw_skip(&m);
	c->midaw_last = (uint8_t)ccwa_midaw_last(&m);
	c->ida_list += CCWA_MIDAW_SIZE;
	return 0;
}

/*
 * Where the next @*n bytes go: an absolute address (the lowest of the
 * area for read backward), with *n cut to what is contiguous.  Returns 0,
 * or -1 after a check.
 */
static int data_address(struct sim_sch *sch, size_t *n, uint64_t *addr)
{
	struct chan_state *c = cs(sch);
	uint64_t limit = fmt1(sch) ? MAX_31BIT : MAX_24BIT;
	uint32_t off = c->count - c->left;

	if (c->flags & (CCWA_CCW_FLAG_IDA | CCWA_CCW_FLAG_MIDA)) {
		if (!c->ida_left && ((c->flags & CCWA_CCW_FLAG_MIDA)
				     ? next_midaw(sch) : next_idaw(sch)))
			return -1;
		if (*n > c->ida_left)
			*n = c->ida_left;
		*addr = c->dir == DIR_BACK ? c->ida_ptr - (*n - 1) : c->ida_ptr;
		goto limit;
	}
	if (c->dir == DIR_BACK) {
		/* The data address names the last byte of the area. */
		uint64_t top = (uint64_t)c->cda - off;

		if (off > c->cda || top + 1 < *n) {
			prog_check(sch);
			return -1;
		}
		*addr = top - (*n - 1);
		goto limit;
	}
	*addr = (uint64_t)c->cda + off;
	/* No wrapping past 16 MiB (format 0) or 2 GiB (format 1). */
	if (*addr >= limit) {
		prog_check(sch);
		return -1;
	}
	if (*addr + *n > limit)
		*n = (size_t)(limit - *addr);
limit:
	/* Address-limit checking (ORB A, PMCW LM, SAL) is a program check. */
	if (chan_limit_violated(sch, *addr, *n, 1)) {
		prog_check(sch);
		return -1;
	}
	return 0;
}

/*
 * Hercules 3.13 checks the key of the whole direct data area before it
 * moves anything (§11 A8); by default a transfer stops at the block that
 * fails.
 */
static int check_area_first(struct sim_sch *sch)
{
	struct chan_state *c = cs(sch);
	enum sim_mem_err e;

	if (COMPAT(sch->css, prot) != SIM_PROT_CHECK_FIRST || c->moved ||
	    (c->flags & (CCWA_CCW_FLAG_IDA | CCWA_CCW_FLAG_MIDA)) ||
	    c->dir == DIR_BACK || !c->count)
		return 0;
	e = sim_mem_check(mem(sch), c->cda, c->count, key(sch),
			  c->dir != DIR_OUT, NULL);
	if (e == SIM_MEM_PROTECTION) {
		access_check(sch, e);
		return -1;
	}
	return 0;
}

/*
 * Move one contiguous piece; returns the bytes moved, with *err set when
 * an access failed at the byte after them.
 */
static size_t move(struct sim_sch *sch, uint8_t *dst, const uint8_t *src,
		   size_t n, uint64_t addr, enum sim_mem_err *err)
{
	struct chan_state *c = cs(sch);
	struct sim_mem_fault f;

	*err = SIM_MEM_OK;
	if (c->dir == DIR_BACK) {
		/*
		 * The device's first byte lands on the highest address: walk
		 * down a page at a time, so a check stops at the failing page.
		 */
		uint8_t tmp[SIM_PAGE_SIZE];
		size_t done = 0;

		while (done < n) {
			uint64_t top = addr + n - 1 - done;
			uint64_t lo = top & ~(uint64_t)SIM_PAGE_MASK;
			size_t k;

			if (lo < addr)
				lo = addr;
			k = (size_t)(top - lo + 1);
			*err = sim_mem_check(mem(sch), lo, k, key(sch), 1, NULL);
			if (*err)
				break;
			for (size_t i = 0; i < k; i++)
				tmp[k - 1 - i] = src[done + i];
			sim_mem_write(mem(sch), lo, tmp, k, key(sch), NULL);
			done += k;
		}
		return done;
	}
	if (c->dir == DIR_IN)
		*err = sim_mem_write(mem(sch), addr, src, n, key(sch), &f);
	else
		*err = sim_mem_read(mem(sch), addr, dst, n, key(sch), &f);
	return *err ? (size_t)(f.addr - addr) : n;
}

size_t chan_xfer(struct sim_sch *sch, uint8_t *dst, const uint8_t *src,
		 size_t n)
{
	struct chan_state *c;
	size_t done = 0;
	int in = src != NULL;

	if (!sch->io || cs(sch)->phase != CHAN_WORKING)
		return 0;
	c = cs(sch);
	if (in != (c->dir != DIR_OUT)) {
		css_trace(sch->css, sch, "xfer_wrong_way", "cmd=0x%02x in=%d",
			  c->cmd, in);
		return 0;
	}
	while (done < n && c->phase == CHAN_WORKING) {
		size_t k = n - done, got;
		int skip = c->dir != DIR_OUT && (c->flags & CCWA_CCW_FLAG_SKIP);
		enum sim_mem_err err = SIM_MEM_OK;
		uint64_t addr = 0;

		if (!c->left) {
			if (!(c->flags & CCWA_CCW_FLAG_CD)) {
				c->overrun = 1;	/* more than the count (§4.5) */
				break;
			}
			if (chan_data_chain(sch))
				break;
			continue;
		}
		if (k > c->left)
			k = c->left;
		if (skip && (!(c->flags & CCWA_CCW_FLAG_IDA) ||
			     COMPAT(sch->css, skip_ida) == SIM_SKIP_IDA_NO_FETCH)) {
			got = k;	/* discarded, but counted (§4.6) */
		} else {
			if (data_address(sch, &k, &addr) ||
			    (!skip && check_area_first(sch)))
				break;
			/* A MIDAW's skip bit skips its own area (§1.4). */
			if ((c->flags & CCWA_CCW_FLAG_MIDA) && c->midaw_skip &&
			    c->dir != DIR_OUT)
				skip = 1;
			got = skip ? k : move(sch, dst ? dst + done : NULL,
					      src ? src + done : NULL, k, addr,
					      &err);
		}
		done += got;
		c->left = (uint16_t)(c->left - got);
		c->moved += (uint32_t)got;
		if (c->flags & (CCWA_CCW_FLAG_IDA | CCWA_CCW_FLAG_MIDA)) {
			c->ida_left -= (uint32_t)got;
			if (c->dir == DIR_BACK)
				c->ida_ptr -= got;
			else
				c->ida_ptr += got;
		}
		if (err) {
			/* The residual now counts exactly what was moved. */
			access_check(sch, err);
			break;
		}
	}
	/*
	 * §4.3: the next CCW of a data chain is fetched as soon as the count
	 * runs out, so a device ending right there ends on the new CCW (and
	 * an error in it is reported).
	 */
	if (c->phase == CHAN_WORKING && !c->left && (c->flags & CCWA_CCW_FLAG_CD))
		chan_data_chain(sch);
	if (n)
		css_trace_dev(sch->css, sch, in ? "data_in" : "data_out",
			      "n=%zu moved=%zu left=%u", n, done, c->left);
	return done;
}
