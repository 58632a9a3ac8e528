/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A line printer (device type 3211 behind a 3811 control unit): WRITE
 * (0x01) prints one line of up to 132 bytes, EBCDIC, to a host stream.
 * The worked example of docs/devices.md: a complete device model in the
 * device API, in well under 200 lines.
 */
#ifndef CCWSIM_SIM_PRINTER_H
#define CCWSIM_SIM_PRINTER_H

#include <stdio.h>

#include <ccwsim/sim/dev.h>

/* Lines go to @out (ASCII, one per WRITE); NULL prints nowhere. */
struct sim_dev *sim_printer_create(uint16_t devno, FILE *out);

/* Lines printed so far. */
unsigned long sim_printer_lines(struct sim_dev *dev);

#endif /* CCWSIM_SIM_PRINTER_H */
