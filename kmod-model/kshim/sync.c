// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Mutexes, spinlocks and completions.  Acquiring and releasing a lock are
 * preemption points.  A task waiting for a lock is blocked, not spinning:
 * on a real machine the spinning CPU does nothing else either.  A mutex
 * goes to its first waiter on unlock.
 */
#include "ks_int.h"

void ks_waitq_push(struct ks_waitq *w, struct ks_task *t)
{
	t->next_wait = NULL;
	if (w->tail)
		w->tail->next_wait = t;
	else
		w->head = t;
	w->tail = t;
}

struct ks_task *ks_waitq_pop(struct ks_waitq *w)
{
	struct ks_task *t = w->head;

	if (t) {
		w->head = t->next_wait;
		if (!w->head)
			w->tail = NULL;
		t->next_wait = NULL;
	}
	return t;
}

void ks_waitq_remove(struct ks_waitq *w, struct ks_task *t)
{
	struct ks_task *prev = NULL;

	for (struct ks_task *p = w->head; p; prev = p, p = p->next_wait) {
		if (p != t)
			continue;
		if (prev)
			prev->next_wait = p->next_wait;
		else
			w->head = p->next_wait;
		if (w->tail == p)
			w->tail = prev;
		p->next_wait = NULL;
		return;
	}
}

/* ---- mutex ---- */

static uint64_t id_of(struct ks_task *t)
{
	return t ? t->id : UINT64_MAX;	/* outside any task: "someone" */
}

void ks_mutex_init(struct ks_mutex *m, const char *name)
{
	m->name = name;
	m->owner = 0;
	m->waiters.head = m->waiters.tail = NULL;
}

void ks_mutex_lock(struct ks_sched *s, struct ks_mutex *m)
{
	struct ks_task *t = s->current;

	ks_might_sleep(s, m->name);
	ks_preempt(s, m->name);
	if (t && m->owner == t->id) {
		ks_violation(s, "%s locked twice by %s (deadlock)", m->name,
			     t->name);
		return;
	}
	if (t)
		t->mutex_held++;
	if (!m->owner) {
		m->owner = id_of(t);
		return;
	}
	ks_waitq_push(&m->waiters, t);
	ks_block(s);		/* unlock hands the mutex over */
}

int ks_mutex_trylock(struct ks_sched *s, struct ks_mutex *m)
{
	ks_preempt(s, m->name);
	if (m->owner)
		return 0;
	m->owner = id_of(s->current);
	if (s->current)
		s->current->mutex_held++;
	return 1;
}

void ks_mutex_unlock(struct ks_sched *s, struct ks_mutex *m)
{
	struct ks_task *next;

	if (m->owner != id_of(s->current))
		ks_violation(s, "%s unlocked by a task that does not hold it",
			     m->name);
	else if (s->current)
		s->current->mutex_held--;
	next = ks_waitq_pop(&m->waiters);
	m->owner = next ? next->id : 0;	/* handed over */
	if (next)
		ks_wake(s, next);
	ks_preempt(s, m->name);
}

/* ---- spinlock ---- */

void ks_spin_init(struct ks_spinlock *l, const char *name)
{
	l->name = name;
	l->owner = 0;
	l->waiters.head = l->waiters.tail = NULL;
}

void ks_spin_lock(struct ks_sched *s, struct ks_spinlock *l)
{
	struct ks_task *t = s->current;

	ks_preempt(s, l->name);
	if (t && l->owner == t->id) {
		ks_violation(s, "%s taken twice by %s (deadlock)", l->name,
			     t->name);
		return;
	}
	if (l->owner) {
		ks_waitq_push(&l->waiters, t);
		ks_block(s);	/* unlock hands it over */
	} else {
		l->owner = id_of(t);
	}
	if (t)
		t->spin_held++;
}

void ks_spin_unlock(struct ks_sched *s, struct ks_spinlock *l)
{
	struct ks_task *t = s->current, *next;

	if (l->owner != id_of(t))
		ks_violation(s, "%s unlocked by a task that does not hold it",
			     l->name);
	else if (t)
		t->spin_held--;
	next = ks_waitq_pop(&l->waiters);
	l->owner = next ? next->id : 0;
	if (next)
		ks_wake(s, next);
	ks_preempt(s, l->name);
}

/* ---- completion ---- */

void ks_init_completion(struct ks_completion *c)
{
	c->done = 0;
	c->waiters.head = c->waiters.tail = NULL;
}

void ks_reinit_completion(struct ks_completion *c)
{
	c->done = 0;
}

void ks_complete(struct ks_sched *s, struct ks_completion *c)
{
	struct ks_task *t = ks_waitq_pop(&c->waiters);

	c->done++;
	if (t) {
		sim_evq_cancel(s->q, &t->wake_ev);
		t->timed_out = 0;
		ks_wake(s, t);
	}
}

void ks_wait_for_completion(struct ks_sched *s, struct ks_completion *c)
{
	struct ks_task *t = s->current;

	ks_might_sleep(s, "wait_for_completion");
	if (!c->done && t) {
		t->timed_out = 0;
		ks_waitq_push(&c->waiters, t);
		ks_block(s);
	}
	if (c->done)
		c->done--;
}

sim_vtime ks_wait_for_completion_timeout(struct ks_sched *s,
					 struct ks_completion *c,
					 sim_vtime timeout)
{
	struct ks_task *t = s->current;
	sim_vtime start = sim_evq_now(s->q), used;

	ks_might_sleep(s, "wait_for_completion");
	if (!c->done && t) {
		t->timed_out = 0;
		ks_waitq_push(&c->waiters, t);
		sim_evq_after(s->q, &t->wake_ev, timeout, SIM_EVC_DRIVER);
		ks_block(s);
		if (t->timed_out) {
			ks_waitq_remove(&c->waiters, t);
			return 0;
		}
	}
	if (!c->done)
		return 0;
	c->done--;
	used = sim_evq_now(s->q) - start;
	return used < timeout ? timeout - used : 1;
}
