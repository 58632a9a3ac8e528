// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Time goes on: one event at a time, and after each the VMM's main loop
 * (when the scenario has a client) looks at its eventfds, as QEMU's does
 * while the guest runs.
 */
#include <ccwsim/vmm/client.h>

#include "scn_int.h"

int scn_step(struct ctx *c)
{
	int ran = sim_evq_step(c->q);

	if (c->client)
		vmm_client_poll(c->client);
	return ran;
}

void scn_run_until(struct ctx *c, sim_vtime t)
{
	sim_vtime when;

	while (sim_evq_peek(c->q, &when) && when <= t)
		scn_step(c);
	sim_evq_run_until(c->q, t);	/* nothing left before t: the clock moves */
}
