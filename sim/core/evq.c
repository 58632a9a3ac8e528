// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Event queue: a binary min-heap of event pointers ordered by
 * (when, cls, seq).  Each event keeps its heap slot so cancel is
 * O(log n) without a search.
 */
#include <errno.h>
#include <stdlib.h>

#include <ccwsim/sim/evq.h>

struct sim_evq {
	sim_vtime now;
	uint64_t next_seq;
	uint64_t dispatched;
	struct sim_event **heap;
	size_t n, cap;
};

static int before(const struct sim_event *a, const struct sim_event *b)
{
	if (a->when != b->when)
		return a->when < b->when;
	if (a->cls != b->cls)
		return a->cls < b->cls;
	return a->seq < b->seq;
}

static void place(struct sim_evq *q, size_t i, struct sim_event *ev)
{
	q->heap[i] = ev;
	ev->slot = (uint32_t)(i + 1);
}

static void sift_up(struct sim_evq *q, size_t i)
{
	struct sim_event *ev = q->heap[i];

	while (i > 0) {
		size_t parent = (i - 1) / 2;

		if (!before(ev, q->heap[parent]))
			break;
		place(q, i, q->heap[parent]);
		i = parent;
	}
	place(q, i, ev);
}

static void sift_down(struct sim_evq *q, size_t i)
{
	struct sim_event *ev = q->heap[i];

	for (;;) {
		size_t child = 2 * i + 1;

		if (child >= q->n)
			break;
		if (child + 1 < q->n && before(q->heap[child + 1], q->heap[child]))
			child++;
		if (!before(q->heap[child], ev))
			break;
		place(q, i, q->heap[child]);
		i = child;
	}
	place(q, i, ev);
}

static void remove_at(struct sim_evq *q, size_t i)
{
	struct sim_event *gone = q->heap[i];
	struct sim_event *last = q->heap[--q->n];

	gone->slot = 0;
	if (i == q->n)
		return;
	place(q, i, last);
	if (i > 0 && before(last, q->heap[(i - 1) / 2]))
		sift_up(q, i);
	else
		sift_down(q, i);
}

struct sim_evq *sim_evq_create(void)
{
	return calloc(1, sizeof(struct sim_evq));
}

void sim_evq_destroy(struct sim_evq *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->n; i++)
		q->heap[i]->slot = 0;
	free(q->heap);
	free(q);
}

sim_vtime sim_evq_now(const struct sim_evq *q)
{
	return q->now;
}

size_t sim_evq_size(const struct sim_evq *q)
{
	return q->n;
}

uint64_t sim_evq_dispatched(const struct sim_evq *q)
{
	return q->dispatched;
}

int sim_evq_schedule(struct sim_evq *q, struct sim_event *ev, sim_vtime when,
		     uint32_t cls)
{
	if (when < q->now)
		return -EINVAL;
	if (ev->slot)
		remove_at(q, ev->slot - 1);
	if (q->n == q->cap) {
		size_t cap = q->cap ? 2 * q->cap : 64;
		struct sim_event **h;

		if (cap > UINT32_MAX)
			return -ENOMEM;
		h = realloc(q->heap, cap * sizeof(*h));
		if (!h)
			return -ENOMEM;
		q->heap = h;
		q->cap = cap;
	}
	ev->when = when;
	ev->cls = cls;
	ev->seq = q->next_seq++;
	place(q, q->n++, ev);
	sift_up(q, q->n - 1);
	return 0;
}

int sim_evq_after(struct sim_evq *q, struct sim_event *ev, sim_vtime delay,
		  uint32_t cls)
{
	sim_vtime when = q->now + delay;

	if (when < q->now)
		when = SIM_VTIME_MAX;
	return sim_evq_schedule(q, ev, when, cls);
}

int sim_evq_cancel(struct sim_evq *q, struct sim_event *ev)
{
	if (!ev->slot)
		return 0;
	remove_at(q, ev->slot - 1);
	return 1;
}

int sim_evq_peek(const struct sim_evq *q, sim_vtime *when)
{
	if (!q->n)
		return 0;
	*when = q->heap[0]->when;
	return 1;
}

int sim_evq_step(struct sim_evq *q)
{
	struct sim_event *ev;

	if (!q->n)
		return 0;
	ev = q->heap[0];
	remove_at(q, 0);
	q->now = ev->when;
	q->dispatched++;
	ev->fn(q, ev);
	return 1;
}

uint64_t sim_evq_run_until(struct sim_evq *q, sim_vtime until)
{
	uint64_t ran = 0;

	while (q->n && q->heap[0]->when <= until)
		ran += (uint64_t)sim_evq_step(q);
	if (until > q->now)
		q->now = until;
	return ran;
}

int sim_evq_verify(const struct sim_evq *q)
{
	for (size_t i = 0; i < q->n; i++) {
		if (q->heap[i]->slot != i + 1)
			return -1;
		if (i > 0 && before(q->heap[i], q->heap[(i - 1) / 2]))
			return -1;
		if (q->heap[i]->when < q->now || q->heap[i]->seq >= q->next_seq)
			return -1;
	}
	return 0;
}
