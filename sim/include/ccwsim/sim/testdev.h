/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The test device: a device whose answer to each command code is set from
 * C (and, later, from scenario files), for conformance and fault work.
 *
 * By default it accepts NOP (0x03) and ends it with channel end + device
 * end 1 µs later, answers every other command with unit check (command
 * reject), and answers a halt signal with device end.
 */
#ifndef CCWSIM_SIM_TESTDEV_H
#define CCWSIM_SIM_TESTDEV_H

#include <ccwsim/sim/dev.h>

struct sim_testdev_cmd {
	/*
	 * Initial status byte at selection: 0 accepts the command; CE|DE
	 * accepts and ends it at once; anything else refuses it with that
	 * status (busy, unit check, ...).
	 */
	uint8_t answer;
	uint8_t end;		/* ending status of an accepted command */
	sim_vtime delay;	/* accepted → ending status (channel end) */
	sim_vtime de_delay;	/* >0: device end comes this much later */
};

struct sim_dev *sim_testdev_create(uint16_t devno);

/* How the device answers command @code; 0 or -ENOMEM. */
int sim_testdev_set(struct sim_dev *dev, uint8_t code,
		    const struct sim_testdev_cmd *c);

/* The device status answering a halt signal (default device end). */
void sim_testdev_set_halt(struct sim_dev *dev, uint8_t dstat);

/*
 * Busy at selection until @duration from now; then it signals free.  The
 * device must be attached to a subchannel.
 */
void sim_testdev_busy(struct sim_dev *dev, sim_vtime duration);

/* Present unsolicited status now (see sim_dev_unsolicited()). */
int sim_testdev_attention(struct sim_dev *dev, uint8_t dstat);

struct sim_testdev_stats {
	uint64_t commands, halts, clears;
	uint8_t last_cmd;
};
void sim_testdev_stats(struct sim_dev *dev, struct sim_testdev_stats *st);

#endif /* CCWSIM_SIM_TESTDEV_H */
