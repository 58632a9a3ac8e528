// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A single-threaded workqueue (alloc_ordered_workqueue): works run one at
 * a time, in the order queued, in a worker task of their own.  Queueing
 * a work that is already queued does nothing, which is how the real
 * driver loses an IRB when two interrupts beat the worker (vfio-ccw §5).
 */
#include <stdlib.h>

#include "ks_int.h"

struct ks_workqueue {
	struct ks_sched *s;
	const char *name;
	struct ks_work *head, *tail;
	struct ks_task *worker;		/* alive while there is work */
	struct ks_waitq flushers;
	sim_vtime latency;
};

struct ks_workqueue *ks_alloc_workqueue(struct ks_sched *s, const char *name)
{
	struct ks_workqueue *wq = calloc(1, sizeof(*wq));

	if (wq) {
		wq->s = s;
		wq->name = name;
	}
	return wq;
}

void ks_workqueue_latency(struct ks_workqueue *wq, sim_vtime latency)
{
	wq->latency = latency;
}

void ks_destroy_workqueue(struct ks_workqueue *wq)
{
	free(wq);
}

void ks_init_work(struct ks_work *w, ks_work_fn *fn, const char *name)
{
	w->fn = fn;
	w->name = name;
	w->queued = 0;
	w->next = NULL;
}

static void wake_flushers(struct ks_workqueue *wq)
{
	struct ks_task *t;

	while ((t = ks_waitq_pop(&wq->flushers)))
		ks_wake(wq->s, t);
}

static void worker(void *arg)
{
	struct ks_workqueue *wq = arg;
	struct ks_work *w;

	while ((w = wq->head)) {
		if (wq->latency) {
			ks_sleep(wq->s, wq->latency);	/* the kworker is late */
			w = wq->head;
			if (!w)
				break;
		}
		wq->head = w->next;
		if (!wq->head)
			wq->tail = NULL;
		w->next = NULL;
		w->queued = 0;	/* may be queued again while it runs */
		ks_trace(wq->s, "work_run", "%s %s", wq->name, w->name);
		w->fn(w);
		ks_preempt(wq->s, "work done");
	}
	wq->worker = NULL;
	wake_flushers(wq);
}

int ks_queue_work(struct ks_sched *s, struct ks_workqueue *wq,
		  struct ks_work *w)
{
	ks_preempt(s, "queue_work");
	if (w->queued) {
		ks_trace(s, "work_queued_already", "%s %s", wq->name, w->name);
		return 0;
	}
	w->queued = 1;
	if (wq->tail)
		wq->tail->next = w;
	else
		wq->head = w;
	wq->tail = w;
	if (!wq->worker)
		wq->worker = ks_spawn(s, KS_CTX_WORK, wq->name, worker, wq);
	return 1;
}

void ks_flush_workqueue(struct ks_sched *s, struct ks_workqueue *wq)
{
	ks_might_sleep(s, "flush_workqueue");
	while (wq->worker && s->current && s->current != wq->worker) {
		ks_waitq_push(&wq->flushers, s->current);
		ks_block(s);
	}
}

