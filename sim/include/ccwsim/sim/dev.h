/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device models: what sits behind a subchannel.
 *
 * The channel offers a device one command at a time: at initial selection,
 * then on command chaining.  The device answers with an initial status
 * byte, as real devices do:
 *
 *   0            accepted; the device works and later ends the command
 *                with sim_dev_end() (channel end, device end, ...)
 *   CE|...       accepted and finished at once (an immediate command)
 *   BUSY         busy; the channel retries after sim_dev_free()
 *   other        not accepted, with that status (e.g. unit check for a
 *                command reject): the start is not initiated
 *
 * While a command is accepted, data flows through sim_dev_put() (device
 * to storage: read, sense, read backward) and sim_dev_get() (storage to
 * device: write, control).  The channel hides the CCW's data address,
 * IDAWs, data chaining and skipping; a short count back means the
 * channel has no more room (the device then ends the command, and the
 * channel decides incorrect length) or ended the program on a check.
 *
 * A device takes time by scheduling its own events on dev->evq, drawing
 * any randomness from dev->rng (seeded from the run's seed and the
 * device number, so a run is reproducible); it must not call back into
 * the channel from inside command().  Unsolicited status (attention, a
 * not-ready-to-ready device end) goes through sim_dev_unsolicited().
 * docs/devices.md walks through a complete device.
 */
#ifndef CCWSIM_SIM_DEV_H
#define CCWSIM_SIM_DEV_H

#include <stddef.h>
#include <stdint.h>

#include <ccwsim/sim/evq.h>
#include <ccwsim/sim/rng.h>

struct sim_dev;
struct sim_css;
struct sim_sch;

struct sim_dev_cmd {
	uint8_t code;		/* command code */
	uint8_t flags;		/* the CCW's flags (CCWA_CCW_FLAG_*) */
	uint16_t count;		/* the CCW's count */
	uint8_t chained;	/* 1: reached by command chaining */
};

struct sim_dev_ops {
	const char *kind;
	/* Offer a command; return the initial status byte (see above). */
	uint8_t (*command)(struct sim_dev *dev, const struct sim_dev_cmd *cmd);
	/*
	 * Halt signal: stop the operation in progress (if any).  Returns the
	 * device status the device presents in answer (often device end),
	 * or 0.
	 */
	uint8_t (*halt)(struct sim_dev *dev);
	/* Clear signal: stop and drop everything; no status is presented. */
	void (*clear)(struct sim_dev *dev);
	/*
	 * Optional: hand the sense bytes kept since the last unit check to
	 * the channel (concurrent sense, facts §4.11); they count as read.
	 * Returns how many were stored in @buf (at most @max).
	 */
	unsigned (*sense)(struct sim_dev *dev, uint8_t *buf, unsigned max);
	/* Free the device (called when its subchannel goes away). */
	void (*destroy)(struct sim_dev *dev);
};

struct sim_dev {
	/* public: set by the device's constructor */
	const struct sim_dev_ops *ops;
	uint16_t devno;
	/* ro: set when the device is attached to a subchannel */
	struct sim_css *css;
	struct sim_sch *sch;
	struct sim_evq *evq;
	struct sim_rng rng;	/* stream (seed, SIM_RNG_DEVICE, devno) */
};

/*
 * Data of the accepted command: put @n bytes into storage (a read or
 * sense command) or get up to @n bytes from storage (write, control).
 * Returns the bytes moved; fewer than @n means the channel stopped.
 */
size_t sim_dev_put(struct sim_dev *dev, const void *buf, size_t n);
size_t sim_dev_get(struct sim_dev *dev, void *buf, size_t n);

/* Bytes left in the current CCW's count (not counting data chaining). */
size_t sim_dev_count_left(struct sim_dev *dev);

/*
 * The command offered last ends with @dstat (channel end and/or device
 * end, plus unit check, unit exception, attention, status modifier...).
 * Device end after an earlier channel end is reported the same way.
 */
void sim_dev_end(struct sim_dev *dev, uint8_t dstat);

/* The device was busy at selection and is free now. */
void sim_dev_free(struct sim_dev *dev);

/*
 * Status not belonging to any start function.  Returns 0 if it was made
 * pending, -EBUSY if the subchannel cannot take it now (busy or already
 * status pending: the device should present it again later), -ENODEV if
 * the subchannel is disabled or gone.
 */
int sim_dev_unsolicited(struct sim_dev *dev, uint8_t dstat);

#endif /* CCWSIM_SIM_DEV_H */
