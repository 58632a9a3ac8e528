// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A program built only against the installed headers and library (through
 * ccwsim.pc): it must compile, link and run outside the source tree.
 */
#include <stdio.h>
#include <string.h>

#include <ccwsim/arch/decode.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/sim/evq.h>

static int ran;

static void fire(struct sim_evq *q, struct sim_event *ev)
{
	(void)q;
	(void)ev;
	ran++;
}

int main(void)
{
	struct ccwa_scsw s = { { 0 } };
	struct ccwa_part parts[CCWA_MAX_PARTS];
	struct sim_evq *q = sim_evq_create();
	struct sim_event ev;
	char err[64];

	ccwa_scsw_set_fctl(&s, CCWA_FCTL_START);
	sim_event_init(&ev, fire, "consumer");
	sim_evq_schedule(q, &ev, 10, SIM_EVC_CLIENT);
	sim_evq_run_until(q, 100);
	sim_evq_destroy(q);
	if (s.b[2] != 0x40 || ran != 1 ||
	    ccwa_layout("scsw", s.b, sizeof(s.b), parts, err, sizeof(err)) != 1) {
		fprintf(stderr, "install consumer: wrong results\n");
		return 1;
	}
	printf("install consumer: ok\n");
	return 0;
}
