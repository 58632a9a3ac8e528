/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An FBA DASD backed by a host file, as Linux's dasd_fba expects it:
 * SENSE ID as CU 6310 / device 9336 (or CU 3880 / device 3370), NOP,
 * SENSE, READ DEVICE CHARACTERISTICS (0x64, 32 bytes), DEFINE EXTENT
 * (0x63), LOCATE (0x43), READ (0x42) and WRITE (0x41), including the
 * count-0 WRITE with SLI that zeroes the located blocks (discard and
 * write-zeroes).  Extent, sequence and permission errors end with unit
 * check and sense; host I/O errors with equipment check.  Writes reach
 * the file.  docs/devices.md has the details.
 */
#ifndef CCWSIM_SIM_FBA_H
#define CCWSIM_SIM_FBA_H

#include <stddef.h>
#include <stdint.h>

#include <ccwsim/sim/dev.h>

struct sim_fba_cfg {
	const char *path;	/* backing file; created sparse if missing */
	uint64_t blocks;	/* size in blocks; 0: the file's size */
	uint16_t blk_size;	/* 512 (default), 1024, 2048 or 4096 */
	uint8_t model_3370;	/* CU 3880 / 3370 instead of 6310 / 9336 */
	uint8_t no_data_chain;	/* RDC says no data chaining: LOCATE per block */
	uint8_t read_only;	/* every write is refused (file protected) */
	sim_vtime t_cmd;	/* per command (default 5 µs) */
	sim_vtime t_block;	/* per block moved (default 2 µs) */
};

/*
 * Open (or create) the backing file and make the device.  Returns NULL
 * with a message in @err (naming the file) on any error.
 */
struct sim_dev *sim_fba_create(uint16_t devno, const struct sim_fba_cfg *cfg,
			       char *err, size_t errlen);

struct sim_fba_stats {
	uint64_t blocks_read, blocks_written, blocks_zeroed;
	uint64_t rejects;	/* commands ended with unit check */
};
void sim_fba_stats(struct sim_dev *dev, struct sim_fba_stats *st);

/* Sense bytes the device keeps after a unit check (24 are kept). */
#define SIM_FBA_SENSE_BYTES 24

#endif /* CCWSIM_SIM_FBA_H */
