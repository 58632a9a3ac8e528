/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The test device: a device whose answer to each command code is set from
 * C (and from scenario files), for conformance and fault work.
 *
 * Each command code gets an entry: the initial status byte, the data to
 * return (read, sense) or to expect (write, control), how fast the data
 * moves and in what pieces, the ending status, and the sense bytes kept
 * with a unit check.  Defaults: NOP (0x03) is immediate, CE+DE at
 * selection (facts §1.11); SENSE (0x04) returns the sense kept since the last
 * unit check; SENSE ID (0xE4) returns the sense-ID data; every other
 * command is rejected with unit check, sense byte 0 = command reject.  A
 * halt signal is answered with device end.
 */
#ifndef CCWSIM_SIM_TESTDEV_H
#define CCWSIM_SIM_TESTDEV_H

#include <stdint.h>

#include <ccwsim/sim/dev.h>

struct sim_testdev_cmd {
	/*
	 * Initial status byte at selection: 0 accepts the command; CE|DE
	 * accepts and ends it at once (an immediate command); anything else
	 * refuses it with that status (busy, unit check, ...).
	 */
	uint8_t answer;
	uint8_t end;		/* ending status of an accepted command */
	sim_vtime delay;	/* accepted → first data (or the end) */
	sim_vtime per_byte;	/* transfer time of one byte */
	sim_vtime jitter;	/* up to this much more delay, per seed */
	sim_vtime de_delay;	/* >0: device end this much after CE */
	uint32_t chunk;		/* bytes per transfer step, 0: all at once */
	/*
	 * Read/sense: the bytes returned.  Write/control: the bytes
	 * expected (a mismatch ends with unit check, data check), or NULL
	 * to take whatever comes, @len bytes or, if 0, the CCW's count
	 * (NOP never moves data).  Copied.
	 */
	const uint8_t *data;
	uint32_t len;
	uint8_t echo;		/* read returns what the last write brought */
	const uint8_t *sense;	/* kept with a unit check (copied) */
	uint8_t nsense;
};

struct sim_dev *sim_testdev_create(uint16_t devno);

/*
 * How the device answers command @code; 0, -ENOMEM, or -EBUSY while the
 * device is executing a command (answers are not changed under it).
 */
int sim_testdev_set(struct sim_dev *dev, uint8_t code,
		    const struct sim_testdev_cmd *c);

/* The sense-ID data (at most 256 bytes); 0 or -EINVAL. */
int sim_testdev_set_senseid(struct sim_dev *dev, const uint8_t *id,
			    unsigned len);

/* The device status answering a halt signal (default device end). */
void sim_testdev_set_halt(struct sim_dev *dev, uint8_t dstat);

/*
 * Busy at selection until @duration from now; then it signals free.  The
 * device must be attached to a subchannel.
 */
void sim_testdev_busy(struct sim_dev *dev, sim_vtime duration);

/* Present unsolicited status now (see sim_dev_unsolicited()). */
int sim_testdev_attention(struct sim_dev *dev, uint8_t dstat);

/* The bytes the last write or control command brought. */
const uint8_t *sim_testdev_received(struct sim_dev *dev, uint32_t *len);

struct sim_testdev_stats {
	uint64_t commands, halts, clears, mismatches;
	uint64_t bytes_in;	/* device → storage */
	uint64_t bytes_out;	/* storage → device */
	uint8_t last_cmd;
};
void sim_testdev_stats(struct sim_dev *dev, struct sim_testdev_stats *st);

#endif /* CCWSIM_SIM_TESTDEV_H */
