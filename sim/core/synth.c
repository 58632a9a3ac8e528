// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The synthetic workload.  Each entity owns one event and one RNG stream
 * (kind WORKLOAD, id = entity number).  When its event runs it may move
 * or cancel another entity's event, wakes cancelled entities again later,
 * and reschedules itself.  Delays are often zero or equal, so the
 * (time, class, sequence) order decides a lot.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <ccwsim/sim/rng.h>
#include <ccwsim/sim/synth.h>

struct entity {
	struct sim_event ev;
	struct sim_rng rng;
	struct synth *s;
	unsigned id;
	uint32_t track;
	uint64_t value;
};

struct synth {
	struct entity *ent;
	unsigned n;
	struct sim_trace *tr;
	struct sim_synth_stats *st;
};

static const uint32_t classes[] = {
	SIM_EVC_DEVICE, SIM_EVC_CHANNEL, SIM_EVC_INTERRUPT, SIM_EVC_DRIVER,
};

static sim_vtime pick_delay(struct sim_rng *r)
{
	switch (sim_rng_below(r, 4)) {
	case 0:
		return 0;			/* same instant: a tie */
	case 1:
		return SIM_NS(100);		/* a popular value: more ties */
	default:
		return sim_rng_range(r, 1, SIM_US(2));
	}
}

#define trace(s, q, e, ev, ...)						\
	do {								\
		if ((s)->tr)						\
			sim_trace_emit((s)->tr, sim_evq_now(q), (e)->track, \
				       SIM_TRACE_INSTANT, ev, __VA_ARGS__); \
	} while (0)

static void entity_fire(struct sim_evq *q, struct sim_event *ev)
{
	struct entity *e = sim_container_of(ev, struct entity, ev);
	struct synth *s = e->s;
	struct entity *other = &s->ent[sim_rng_below(&e->rng, s->n)];
	uint32_t cls = classes[sim_rng_below(&e->rng, 4)];

	s->st->events++;
	e->value = e->value * 31 + sim_rng_below(&e->rng, 1000);
	trace(s, q, e, "fire", "cls=%u value=%" PRIu64, ev->cls, e->value);

	switch (sim_rng_below(&e->rng, 8)) {
	case 0:
		if (other != e && sim_evq_cancel(q, &other->ev)) {
			s->st->cancelled++;
			trace(s, q, e, "cancel", "entity=%u seq=%" PRIu64,
			      other->id, other->ev.seq);
		}
		break;
	case 1:
		if (other != e && sim_event_pending(&other->ev)) {
			s->st->moved++;
			sim_evq_after(q, &other->ev, pick_delay(&e->rng), cls);
			trace(s, q, e, "move", "entity=%u to=%" PRIu64,
			      other->id, other->ev.when);
		}
		break;
	case 2:
		if (other != e && !sim_event_pending(&other->ev)) {
			sim_evq_after(q, &other->ev, pick_delay(&e->rng), cls);
			trace(s, q, e, "wake", "entity=%u at=%" PRIu64,
			      other->id, other->ev.when);
		}
		break;
	default:
		break;
	}
	sim_evq_after(q, &e->ev, pick_delay(&e->rng), cls);
}

int sim_synth_run(const struct sim_synth_cfg *cfg, struct sim_evq *q,
		  struct sim_trace *tr, struct sim_synth_stats *st)
{
	struct synth s = { .n = cfg->entities, .tr = tr, .st = st };

	if (!cfg->entities || !q || !st)
		return -EINVAL;
	s.ent = calloc(cfg->entities, sizeof(*s.ent));
	if (!s.ent)
		return -ENOMEM;
	*st = (struct sim_synth_stats){ 0 };
	for (unsigned i = 0; i < s.n; i++) {
		struct entity *e = &s.ent[i];
		char name[32];

		e->s = &s;
		e->id = i;
		sim_rng_init(&e->rng, cfg->seed, SIM_RNG_WORKLOAD, i);
		snprintf(name, sizeof(name), "entity %u", i);
		e->track = tr ? sim_trace_track(tr, name) : 0;
		sim_event_init(&e->ev, entity_fire, "synth");
		sim_evq_after(q, &e->ev, pick_delay(&e->rng),
			      classes[sim_rng_below(&e->rng, 4)]);
	}
	sim_evq_run_until(q, cfg->until);
	for (unsigned i = 0; i < s.n; i++)
		sim_evq_cancel(q, &s.ent[i].ev);
	free(s.ent);
	return 0;
}
