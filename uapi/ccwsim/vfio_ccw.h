/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vfio-ccw region layouts: a mirror of Linux include/uapi/linux/vfio_ccw.h
 * (as of 6.1) with <stdint.h> types.  Names and values are upstream's, so
 * the driver model reads like the kernel; tests/unit/abi proves the layout
 * identical to the system's header.
 *
 * Do not include this header and <linux/vfio_ccw.h> in the same
 * translation unit: they define the same names.
 *
 * Region index / file offset / size (vfio-ccw-driver.md §2.1):
 *
 *   0  0x000  struct ccw_io_region     124  R|W   always present
 *   1  0x400  struct ccw_cmd_region      8  R|W   HSCH/CSCH (5.2+)
 *   2  0x800  struct ccw_schib_region   52  R     STSCH on read (5.8+)
 *   3  0xc00  struct ccw_crw_region      8  R     one queued CRW (5.8+)
 *
 * The byte areas hold architected blocks; read them with the ccwa_
 * accessors, never through a host struct.  Byte order differs by block
 * and host: QEMU 7.2 on x86 writes the ORB and SCSW little-endian and
 * reads the IRB big-endian (qemu-vfio-ccw-on-x86.md, region I/O).
 */
#ifndef CCWSIM_VFIO_CCW_H
#define CCWSIM_VFIO_CCW_H

#include <stddef.h>
#include <stdint.h>

/* Region 0: START SUBCHANNEL in, IRB out. */
struct ccw_io_region {
#define ORB_AREA_SIZE 12
	uint8_t		orb_area[ORB_AREA_SIZE];
#define SCSW_AREA_SIZE 12
	uint8_t		scsw_area[SCSW_AREA_SIZE];
#define IRB_AREA_SIZE 96
	uint8_t		irb_area[IRB_AREA_SIZE];
	uint32_t	ret_code;
} __attribute__((packed));

_Static_assert(sizeof(struct ccw_io_region) == 124, "ccw_io_region size");
_Static_assert(_Alignof(struct ccw_io_region) == 1, "ccw_io_region packed");
_Static_assert(offsetof(struct ccw_io_region, orb_area) == 0,
	       "ccw_io_region.orb_area");
_Static_assert(offsetof(struct ccw_io_region, scsw_area) == 12,
	       "ccw_io_region.scsw_area");
_Static_assert(offsetof(struct ccw_io_region, irb_area) == 24,
	       "ccw_io_region.irb_area");
_Static_assert(offsetof(struct ccw_io_region, ret_code) == 120,
	       "ccw_io_region.ret_code");

/* Region 1 (capability ASYNC_CMD): command is one of these. */
#define VFIO_CCW_ASYNC_CMD_HSCH (1 << 0)
#define VFIO_CCW_ASYNC_CMD_CSCH (1 << 1)
struct ccw_cmd_region {
	uint32_t	command;
	uint32_t	ret_code;
} __attribute__((packed));

_Static_assert(sizeof(struct ccw_cmd_region) == 8, "ccw_cmd_region size");
_Static_assert(_Alignof(struct ccw_cmd_region) == 1, "ccw_cmd_region packed");
_Static_assert(offsetof(struct ccw_cmd_region, command) == 0,
	       "ccw_cmd_region.command");
_Static_assert(offsetof(struct ccw_cmd_region, ret_code) == 4,
	       "ccw_cmd_region.ret_code");

/* Region 2 (capability SCHIB): reading it refreshes the SCHIB by STSCH. */
struct ccw_schib_region {
#define SCHIB_AREA_SIZE 52
	uint8_t		schib_area[SCHIB_AREA_SIZE];
} __attribute__((packed));

_Static_assert(sizeof(struct ccw_schib_region) == 52, "ccw_schib_region size");
_Static_assert(_Alignof(struct ccw_schib_region) == 1,
	       "ccw_schib_region packed");
_Static_assert(offsetof(struct ccw_schib_region, schib_area) == 0,
	       "ccw_schib_region.schib_area");

/* Region 3 (capability CRW): reading it pops one channel-report word. */
struct ccw_crw_region {
	uint32_t	crw;
	uint32_t	pad;
} __attribute__((packed));

_Static_assert(sizeof(struct ccw_crw_region) == 8, "ccw_crw_region size");
_Static_assert(_Alignof(struct ccw_crw_region) == 1, "ccw_crw_region packed");
_Static_assert(offsetof(struct ccw_crw_region, crw) == 0,
	       "ccw_crw_region.crw");
_Static_assert(offsetof(struct ccw_crw_region, pad) == 4,
	       "ccw_crw_region.pad");

#endif
