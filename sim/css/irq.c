// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * I/O-interruption requests (facts §3.9, §1.9, §2.9): eight queues, one
 * per ISC, ISC 0 first; FIFO within an ISC (LIFO as QEMU does, by
 * switch).  A subchannel has one request, embedded in it, queued when it
 * becomes status pending and withdrawn by TSCH and CSCH; in pile-up mode
 * (QEMU) every status adds a request and none is withdrawn.
 *
 * The CPU model hears of a request it can take through cpu_ops->io_pending,
 * called from an INTERRUPT-class event so that it runs after the hardware
 * has settled at that instant (docs/determinism.md).
 */
#include <stdlib.h>

#include "css/css_int.h"

void irq_init(struct sim_css *css)
{
	for (unsigned i = 0; i < 8; i++) {
		css->isc[i].next = css->isc[i].prev = &css->isc[i];
		css->isc_n[i] = 0;
	}
}

static void present_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct sim_css *css = sim_container_of(ev, struct sim_css, io_ev);

	(void)q;
	if (css->psw_io && irq_peek(css, css->cr6) && css->cpu_ops &&
	    css->cpu_ops->io_pending)
		css->cpu_ops->io_pending(css, css->cpu_ctx);
}

/* Tell the CPU model, at this instant, if it can take a request now. */
static void present(struct sim_css *css)
{
	if (!css->cpu_ops || !css->cpu_ops->io_pending || !css->psw_io ||
	    !irq_peek(css, css->cr6) || sim_event_pending(&css->io_ev))
		return;
	sim_event_init(&css->io_ev, present_fire, "io_present");
	sim_evq_after(css->cfg.evq, &css->io_ev, 0, SIM_EVC_INTERRUPT);
}

void irq_request(struct sim_sch *sch)
{
	struct sim_css *css = sch->css;
	struct io_req *r = &sch->req, *head;

	if (r->queued) {
		if (COMPAT(css, irq) != SIM_IRQ_PILE_UP)
			return;
		r = calloc(1, sizeof(*r));
		if (!r)
			return;
		r->owned = 1;
	}
	r->sch = sch;
	r->isc = (uint8_t)ccwa_pmcw_isc(&sch->schib.pmcw);
	r->queued = 1;
	head = &css->isc[r->isc];
	r->next = head;
	r->prev = head->prev;
	head->prev->next = r;
	head->prev = r;
	css->isc_n[r->isc]++;
	css_trace(css, sch, "irq_request", "isc=%u queued=%u", r->isc,
		  css->isc_n[r->isc]);
	present(css);
}

void irq_dequeue(struct sim_css *css, struct io_req *r)
{
	if (!r->queued)
		return;
	r->prev->next = r->next;
	r->next->prev = r->prev;
	r->next = r->prev = NULL;
	r->queued = 0;
	css->isc_n[r->isc]--;
	if (r->owned)
		free(r);
}

void irq_withdraw(struct sim_sch *sch)
{
	if (COMPAT(sch->css, irq) == SIM_IRQ_PILE_UP)
		return;
	irq_dequeue(sch->css, &sch->req);
}

/* Every request of @sch, whatever the mode: the subchannel is going. */
void irq_drop_sch(struct sim_sch *sch)
{
	struct sim_css *css = sch->css;

	for (unsigned i = 0; i < 8; i++) {
		struct io_req *r = css->isc[i].next;

		while (r != &css->isc[i]) {
			struct io_req *next = r->next;

			if (r->sch == sch)
				irq_dequeue(css, r);
			r = next;
		}
	}
}

struct io_req *irq_peek(const struct sim_css *css, uint8_t cr6)
{
	for (unsigned i = 0; i < 8; i++) {
		const struct io_req *head = &css->isc[i];

		if (!(cr6 & (0x80u >> i)) || head->next == head)
			continue;
		return COMPAT(css, isc_order) == SIM_ISC_LIFO ? head->prev
							      : head->next;
	}
	return NULL;
}

void irq_drop_all(struct sim_css *css)
{
	for (unsigned i = 0; i < 8; i++)
		while (css->isc[i].next != &css->isc[i])
			irq_dequeue(css, css->isc[i].next);
}

void sim_css_set_io_mask(struct sim_css *css, int psw_io, uint8_t cr6)
{
	css->psw_io = !!psw_io;
	css->cr6 = cr6;
	present(css);
}

int sim_css_take_io(struct sim_css *css, const struct sim_cpu *cpu,
		    struct ccwa_intcode *code)
{
	struct io_req *r;
	struct ccwa_intcode c = { { 0 } };
	struct sim_sch *sch;

	if (!css || !cpu || !css->psw_io)
		return 0;
	r = irq_peek(css, css->cr6);
	if (!r)
		return 0;
	sch = r->sch;
	ccwa_intcode_set_schid(&c, sim_sid(sch->ssid, sch->schno));
	ccwa_intcode_set_intparm(&c, ccwa_pmcw_intparm(&sch->schib.pmcw));
	ccwa_intcode_set_isc(&c, r->isc);
	irq_dequeue(css, r);
	/* Real 184-195; the CPU stores it without key checking. */
	sim_mem_write(css->cfg.mem, css_real_to_abs(cpu, CCWA_LC_SUBCHANNEL_ID),
		      c.b, sizeof(c.b), 0, NULL);
	if (code)
		*code = c;
	css_trace(css, sch, "io_interrupt", "intparm=0x%08x isc=%u",
		  ccwa_intcode_intparm(&c), ccwa_intcode_isc(&c));
	present(css);
	return 1;
}

unsigned sim_css_io_pending(const struct sim_css *css, unsigned isc)
{
	return css && isc < 8 ? css->isc_n[isc] : 0;
}
