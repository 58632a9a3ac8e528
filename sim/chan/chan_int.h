/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The channel-program engine's interface to the channel subsystem.
 *
 * The CSS decides *whether* and *when* a function runs (instructions,
 * path selection, halt and clear); the engine runs the channel program:
 * it fetches and checks CCWs (facts §4.1), offers commands to the device,
 * moves data between the device and storage (stream.c: direct or through
 * IDAWs, data chaining, skip, read backward, keys), decides incorrect
 * length, follows command chaining, and reports back through the sch_*
 * calls in css_int.h (accepted, not initiated, PCI, suspended, primary
 * and secondary status).
 */
#ifndef CCWSIM_CHAN_INT_H
#define CCWSIM_CHAN_INT_H

#include <stddef.h>
#include <stdint.h>

#include <ccwsim/sim/evq.h>

struct sim_sch;

enum chan_phase {
	CHAN_IDLE,
	CHAN_SELECTING,		/* device was busy; waiting for it to be free */
	CHAN_WORKING,		/* command accepted, data may flow */
	CHAN_WAIT_DE,		/* primary presented, device end outstanding */
	CHAN_WAIT_DE_CHAIN,	/* channel end seen; device end decides chaining */
	CHAN_CHAINING,		/* the next CCW is fetched after t_chain */
	CHAN_SUSPENDED,
};

enum chan_selection {
	SEL_NONE,		/* the start function's command was accepted */
	SEL_START,		/* initial selection of a start function */
	SEL_RESUME,		/* reselection after a resume */
};

/* Direction of the current command's data (§4.2). */
enum chan_dir {
	DIR_OUT,		/* write, control: storage → device */
	DIR_IN,			/* read, sense: device → storage */
	DIR_BACK,		/* read backward: device → descending storage */
};

struct chan_state {
	struct sim_event ev;	/* the next step of command chaining */
	struct sim_event stop_ev; /* stop signal to a device, sent later */
	uint64_t next;		/* where command chaining continues */
	uint64_t ccw;		/* address of the current CCW */
	uint64_t tic;		/* the TIC that led to it, 0 if none */
	uint32_t cda;		/* its data address */
	uint16_t count;		/* its count */
	uint16_t left;		/* bytes of its count not yet transferred */
	uint8_t cmd;		/* the command (data chaining keeps it) */
	uint8_t flags;		/* the current CCW's flags */
	uint8_t dir;		/* enum chan_dir */
	uint8_t phase;		/* enum chan_phase */
	uint8_t selection;	/* enum chan_selection */
	uint8_t immediate;	/* channel end in the initial status */
	uint8_t overrun;	/* the device wanted more than the count */
	uint8_t pend_il;	/* IL decided at channel end, for device end */
	uint32_t moved;		/* bytes moved for the current command */
	/* indirect data addressing (§1.4, §4.9) */
	uint64_t ida_list;	/* address of the next IDAW */
	uint64_t ida_ptr;	/* where the current block's data goes */
	uint32_t ida_left;	/* bytes left in the current block */
	uint8_t ida_first;	/* the next IDAW is the CCW's first */
	uint8_t midaw_skip;	/* the current MIDAW says skip */
	uint8_t midaw_last;	/* the current MIDAW is the CCW's last */
};

/* Run the start function's channel program from the ORB's address. */
void chan_start(struct sim_sch *sch);
/* Refetch the suspended CCW and carry on. */
void chan_resume(struct sim_sch *sch);
/* Halt signal: stop the program; returns the device's answer. */
uint8_t chan_halt(struct sim_sch *sch);
/* Clear signal: stop the program and reset the device's allegiance. */
void chan_clear(struct sim_sch *sch);
/* Forget the program without signalling the device (XSCH, path loss). */
void chan_cancel(struct sim_sch *sch);
/* Before sch->io is freed: nothing of the channel may stay queued. */
void chan_release(struct sim_sch *sch);

/* From the device (sim/dev/dev.c). */
void chan_dev_end(struct sim_sch *sch, uint8_t dstat);
void chan_dev_free(struct sim_sch *sch);
/* Move @n bytes: from @src into storage, or from storage into @dst. */
size_t chan_xfer(struct sim_sch *sch, uint8_t *dst, const uint8_t *src,
		 size_t n);
size_t chan_count_left(struct sim_sch *sch);

/* ---- between chan.c and stream.c ---- */

/*
 * End the program with a channel-detected check (program, protection)
 * found at the current CCW: the device, if working, is told to stop.
 */
void chan_check(struct sim_sch *sch, uint8_t cstat, uint64_t cpa);
/* Fetch the CCW at @addr (following one TIC); 0, or -1 after a check. */
int chan_fetch(struct sim_sch *sch, uint64_t addr);
/* Data chaining: the next CCW takes over the transfer; 0 or -1. */
int chan_data_chain(struct sim_sch *sch);
/*
 * Address-limit checking (ORB A with PMCW LM and the SAL limit): does
 * [@addr, @addr + @len) break it?  @data: a data address (always
 * checked); otherwise a CCW or IDAW address (checked by switch).
 */
int chan_limit_violated(struct sim_sch *sch, uint64_t addr, uint64_t len,
			int data);
/* Prepare the data address of a freshly fetched CCW. */
void stream_begin(struct sim_sch *sch);

#endif /* CCWSIM_CHAN_INT_H */
