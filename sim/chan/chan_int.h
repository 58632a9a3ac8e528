/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The channel-program engine's interface to the channel subsystem.
 *
 * The CSS decides *whether* and *when* a function runs (instructions,
 * path selection, halt and clear); the engine runs the channel program:
 * it fetches and checks CCWs (facts §4.1), offers commands to the device,
 * follows command chaining, and reports back through the sch_* calls in
 * css_int.h (accepted, not initiated, PCI, suspended, primary and
 * secondary status).
 */
#ifndef CCWSIM_CHAN_INT_H
#define CCWSIM_CHAN_INT_H

#include <stdint.h>

#include <ccwsim/sim/evq.h>

struct sim_sch;

enum chan_phase {
	CHAN_IDLE,
	CHAN_SELECTING,		/* device was busy; waiting for it to be free */
	CHAN_WORKING,		/* command accepted, waiting for its ending */
	CHAN_WAIT_DE,		/* channel end seen, device end outstanding */
	CHAN_SUSPENDED,
};

enum chan_selection {
	SEL_NONE,		/* the start function's command was accepted */
	SEL_START,		/* initial selection of a start function */
	SEL_RESUME,		/* reselection after a resume */
};

struct chan_state {
	struct sim_event ev;	/* the next step of command chaining */
	uint64_t next;		/* where chaining continues */
	uint64_t ccw;		/* address of the current CCW */
	uint32_t cda;
	uint16_t count;
	uint8_t cmd;
	uint8_t flags;
	uint8_t phase;		/* enum chan_phase */
	uint8_t selection;	/* enum chan_selection */
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

/* From the device (sim/dev/dev.c). */
void chan_dev_end(struct sim_sch *sch, uint8_t dstat);
void chan_dev_free(struct sim_sch *sch);

#endif /* CCWSIM_CHAN_INT_H */
