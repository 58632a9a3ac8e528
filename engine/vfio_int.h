/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The driver model's statements, private to the engine: the state a
 * scenario with a "driver" keeps (v_driver.c configures and checks it,
 * v_vfio.c makes the VMM's calls, v_vfio_expect.c looks at the results).
 */
#ifndef CCWSIM_ENGINE_VFIO_INT_H
#define CCWSIM_ENGINE_VFIO_INT_H

#include <stdint.h>

#include <ccwsim/kmodel/kmodel.h>
#include <ccwsim/vfio_ccw.h>

#include "scn_int.h"

#define HOST_MEM (64ull << 30)
#define MAX_MDEV 8

enum { R_IO, R_CMD, R_SCHIB, R_CRW, R_NR };
static const char *const region_names[R_NR] = { "io", "cmd", "schib", "crw" };
static const unsigned region_sizes[R_NR] = {
	sizeof(struct ccw_io_region), sizeof(struct ccw_cmd_region),
	sizeof(struct ccw_schib_region), sizeof(struct ccw_crw_region),
};
enum { Q_IO, Q_CRW, Q_REQ, Q_NR };
static const char *const irq_names[Q_NR] = { "io", "crw", "req" };

struct vfio_ctx {
	/* the configuration */
	uint32_t kernel;
	int profile;
	uint64_t bugs_on, bugs_off;
	sim_vtime wq_latency;
	int leak_ok, violation_ok, uaf_ok;
	int line;			/* of "driver": where the invariant fails */
	struct {
		unsigned ssid, schno;
		char uuid[40];
	} mdev[MAX_MDEV];
	unsigned nmdev;
	/* the run */
	struct kmodel *k;
	struct sim_mem *host;
	uint8_t *ram;
	uint64_t ram_size;
	int dev, cont;			/* model fds, -1 when closed */
	int efd[Q_NR];			/* real eventfds */
	uint64_t signals[Q_NR];		/* counted by waits and expectations */
	uint8_t rbuf[R_NR][124];	/* the last read of each region */
	uint8_t info[20];		/* the last GET_INFO answer */
	uint8_t reg[48];		/* the last GET_REGION_INFO answer */
	uint8_t irq[16];		/* the last GET_IRQ_INFO answer */
};

/* Region words in the scenario's profile order (the ret_code, a command). */
static inline void put_word(const struct vfio_ctx *v, uint8_t *b, uint32_t x)
{
	kmodel_profile_put32((enum kmodel_profile)v->profile, b, x);
}

static inline uint32_t get_word(const struct vfio_ctx *v, const uint8_t *b)
{
	return kmodel_profile_get32((enum kmodel_profile)v->profile, b);
}

/* An errno this model returns, by name ("EBUSY"); 0 if none. */
int scn_errno_by_name(const char *name);

#endif
