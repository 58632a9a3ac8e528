// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The host kernel object (kmodel.h): versions, eras and bug switches; the
 * administrator's side (bind a subchannel, create and remove the mdev,
 * vary a path); and what tests observe.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfio_ccw_private.h"

/*
 * Each bug: its scenario spelling, the first kernel without it (@fixed; 0:
 * a quirk, present in every version) and the first with it (@since; 0:
 * from the start).  On by default when since <= kernel < fixed.  Versions
 * of the 2018 fixes are the first mainline release after their mails, as
 * near as the record allows.
 */
static const struct {
	const char *name;
	uint32_t fixed;
	uint32_t since;
} bugs[KMODEL_BUG_COUNT] = {
	[KMODEL_BUG_TIC_X8] = { "tic_x8", KMODEL_KV(4, 13), 0 },
	[KMODEL_BUG_SSCH_UNLOCKED] = { "ssch_unlocked", KMODEL_KV(4, 18), 0 },
	[KMODEL_BUG_PREFETCH_CLEANUP] = { "prefetch_cleanup", KMODEL_KV(4, 19), 0 },
	[KMODEL_BUG_FREE_ON_INTERMEDIATE] = { "free_on_intermediate", KMODEL_KV(5, 0), 0 },
	[KMODEL_BUG_NO_INITIALIZED] = { "no_initialized", KMODEL_KV(5, 2), 0 },
	[KMODEL_BUG_QUIESCE_LOOP] = { "quiesce_loop", KMODEL_KV(5, 2), 0 },
	[KMODEL_BUG_FLUSH_UNDER_LOCK] = { "flush_under_lock", KMODEL_KV(5, 2), 0 },
	[KMODEL_BUG_RELEASE_KEEPS_CP] = { "release_keeps_cp", KMODEL_KV(5, 2), 0 },
	[KMODEL_BUG_SCSW_END_HOST_ADDR] = { "scsw_end_host_addr", KMODEL_KV(5, 3), 0 },
	[KMODEL_BUG_SIGNAL_BEFORE_IDLE] = { "signal_before_idle", KMODEL_KV(5, 3), 0 },
	[KMODEL_BUG_PIN_EMPTY] = { "pin_empty", KMODEL_KV(5, 3), 0 },
	[KMODEL_BUG_FREE_WHILE_PROCESSING] = { "free_while_processing", KMODEL_KV(5, 3), 0 },
	[KMODEL_BUG_REINIT_CP] = { "reinit_cp", KMODEL_KV(5, 13), 0 },
	[KMODEL_BUG_IDLE_ON_ERROR] = { "idle_on_error", KMODEL_KV(5, 13), 0 },
	[KMODEL_BUG_IDLE_ANY_FINAL] = { "idle_any_final", KMODEL_KV(5, 13), KMODEL_KV(5, 0) },
	/* a registration that can fail came with 5.16's vfio_register_emulated_iommu_dev */
	[KMODEL_BUG_PROBE_IDLE] = { "probe_idle", KMODEL_KV(6, 0), KMODEL_KV(5, 16) },
	[KMODEL_BUG_NOTOPER_REVIVE] = { "notoper_revive", KMODEL_KV(6, 0), 0 },
	/* these two came and went inside the 6.0 merge window: bugs= only */
	[KMODEL_BUG_DOUBLE_CLOSE] = { "double_close", KMODEL_KV(6, 0), KMODEL_KV(6, 0) },
	[KMODEL_BUG_QUIESCE_RC] = { "quiesce_rc", KMODEL_KV(6, 0), KMODEL_KV(6, 0) },
	[KMODEL_BUG_UNMAP_FIRST_PAGE] = { "unmap_first_page", KMODEL_KV(6, 0), 0 },
	[KMODEL_QUIRK_LOST_IRB] = { "lost_irb", 0, 0 },
	[KMODEL_QUIRK_LPM_STICKY] = { "lpm_sticky", 0, 0 },
	[KMODEL_QUIRK_CP_INIT_LEAK] = { "cp_init_leak", 0, 0 },
	[KMODEL_QUIRK_XSCH_NO_IRQ] = { "xsch_no_irq", 0, KMODEL_KV(5, 8) },
};

static void swap(uint8_t *b, unsigned n)
{
	for (unsigned i = 0; i < n / 2; i++) {
		uint8_t t = b[i];

		b[i] = b[n - 1 - i];
		b[n - 1 - i] = t;
	}
}

void kmodel_profile_orb(enum kmodel_profile p, uint8_t orb[12])
{
	if (p != KMODEL_QEMU_LE_HOST)
		return;
	swap(orb, 4);		/* intparm */
	swap(orb + 4, 2);	/* ctrl0; lpm and ctrl1 are bytes */
	swap(orb + 8, 4);	/* cpa */
}

void kmodel_profile_scsw(enum kmodel_profile p, uint8_t scsw[12])
{
	if (p != KMODEL_QEMU_LE_HOST)
		return;
	swap(scsw, 2);		/* flags */
	swap(scsw + 2, 2);	/* ctrl */
	swap(scsw + 4, 4);	/* cpa; dstat and cstat are bytes */
	swap(scsw + 10, 2);	/* count */
}

void kmodel_profile_crw(enum kmodel_profile p, uint8_t crw[4])
{
	if (p != KMODEL_QEMU_LE_HOST)
		return;
	swap(crw, 2);		/* flags */
	swap(crw + 2, 2);	/* rsid */
}

uint32_t kmodel_profile_get32(enum kmodel_profile p, const uint8_t b[4])
{
	uint8_t w[4];

	memcpy(w, b, 4);
	if (p == KMODEL_QEMU_LE_HOST)
		swap(w, 4);
	return ccwa_get_be32(w);
}

void kmodel_profile_put32(enum kmodel_profile p, uint8_t b[4], uint32_t v)
{
	ccwa_put_be32(b, v);
	if (p == KMODEL_QEMU_LE_HOST)
		swap(b, 4);
}

const char *kmodel_bug_name(enum kmodel_bug b)
{
	return (unsigned)b < KMODEL_BUG_COUNT ? bugs[b].name : "?";
}

int kmodel_bug_by_name(const char *name)
{
	for (int i = 0; i < KMODEL_BUG_COUNT; i++)
		if (!strcmp(bugs[i].name, name))
			return i;
	return -1;
}

int kmodel_bug(const struct kmodel *k, enum kmodel_bug b)
{
	return (unsigned)b < KMODEL_BUG_COUNT && (k->bugs >> b & 1);
}

enum kmodel_era kmodel_era(const struct kmodel *k)
{
	return k->era;
}

void kmodel_trace(struct kmodel *k, const char *ev, const char *fmt, ...)
{
	char msg[SIM_TRACE_MSG_MAX];
	va_list ap;

	if (!k->tr)
		return;
	const char *task = ks_current_name(k->s);

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* which context did it: what a race's reader needs */
	sim_trace_emit(k->tr, sim_evq_now(k->q), k->track, SIM_TRACE_INSTANT, ev,
		       task ? "%s [%s]" : "%s", msg, task);
}

uint64_t kmodel_dma_alloc(struct kmodel *k, uint64_t size)
{
	uint64_t a = kmem_alloc(k->kmem, size, 1);

	if (a) {
		k->cp_allocs++;
		k->cp_bytes += size;
	}
	return a;
}

int kmodel_dma_free(struct kmodel *k, uint64_t addr)
{
	uint64_t size = addr ? kmem_size(k->kmem, addr) : 0;

	if (!addr)
		return 0;
	if (kmem_free(k->kmem, addr))
		return -1;
	k->cp_allocs--;
	k->cp_bytes -= size;
	return 0;
}

struct kmodel *kmodel_create(const struct kmodel_cfg *cfg)
{
	struct kmodel *k;

	if (!cfg || !cfg->evq || !cfg->mem || !cfg->css)
		return NULL;
	k = calloc(1, sizeof(*k));
	if (!k)
		return NULL;
	k->cfg = *cfg;
	k->kernel = cfg->kernel ? cfg->kernel : KMODEL_KV(6, 1);
	k->era = k->kernel < KMODEL_KV(5, 2) ? KMODEL_E1 :
		 k->kernel < KMODEL_KV(6, 0) ? KMODEL_E2 : KMODEL_E3;
	for (int b = 0; b < KMODEL_BUG_COUNT; b++)
		if (k->kernel >= bugs[b].since &&
		    (!bugs[b].fixed || k->kernel < bugs[b].fixed))
			k->bugs |= 1ull << b;
	k->bugs = (k->bugs | cfg->bugs_on) & ~cfg->bugs_off;
	k->q = cfg->evq;
	k->mem = cfg->mem;
	k->css = cfg->css;
	k->tr = cfg->trace;
	if (k->tr)
		k->track = sim_trace_track(k->tr, "vfio-ccw");
	k->s = ks_sched_create(k->q, k->tr, cfg->seed);
	k->kmem = kmem_create(k->mem);
	k->iommu = iommu_create(k->mem);
	k->wq = k->s ? ks_alloc_workqueue(k->s, "vfio-ccw") : NULL;
	if (!k->s || !k->kmem || !k->iommu || !k->wq) {
		kmodel_destroy(k);
		return NULL;
	}
	iommu_set_unmap_notifier(k->iommu, vfio_ccw_dma_unmap, k);
	ks_workqueue_latency(k->wq, cfg->wq_latency);
	k->cio_irb = kmem_alloc(k->kmem, 96, 0);
	k->crw_area = kmem_alloc(k->kmem, 4, 0);
	k->next_group = 10;
	cio_init(k);
	return k;
}


void kmodel_destroy(struct kmodel *k)
{
	if (!k)
		return;
	if (k->css)
		sim_css_set_cpu_ops(k->css, NULL, NULL);
	vfio_close_all(k);
	while (k->privs) {
		struct vfio_ccw_private *p = k->privs;

		k->privs = p->next;
		vfio_ccw_free_private(p);
	}
	while (k->schs)
		cio_sch_destroy(k->schs);
	ks_sched_destroy(k->s);
	ks_destroy_workqueue(k->wq);
	iommu_destroy(k->iommu);
	kmem_destroy(k->kmem);
	free(k);
}

/* ---- the administrator ---- */

struct vfio_ccw_private *kmodel_find_mdev(struct kmodel *k, const char *uuid)
{
	if (!uuid)
		return NULL;
	for (struct vfio_ccw_private *p = k->privs; p; p = p->next)
		if (p->mdev && !strcmp(p->uuid, uuid))
			return p;
	return NULL;
}

int kmodel_sch_bind(struct kmodel *k, unsigned ssid, unsigned schno)
{
	struct subchannel *sch;

	if (cio_sch_find(k, ssid, schno))
		return -EEXIST;
	sch = cio_sch_create(k, ssid, schno);
	if (!sch)
		return -ENODEV;
	if (vfio_ccw_sch_probe(sch)) {
		cio_sch_destroy(sch);
		return -ENOMEM;
	}
	return 0;
}

static int mdev_create(struct kmodel *k, unsigned ssid, unsigned schno,
		       const char *uuid, int register_fails)
{
	struct subchannel *sch = cio_sch_find(k, ssid, schno);
	struct vfio_ccw_private *p = sch ? sch->drv_data : NULL;

	if (!p || !uuid || strlen(uuid) >= sizeof(p->uuid))
		return -EINVAL;
	if (p->mdev || kmodel_find_mdev(k, uuid))
		return -EEXIST;			/* max_instances 1 */
	return vfio_ccw_mdev_probe(p, uuid, register_fails);
}

int kmodel_mdev_create(struct kmodel *k, unsigned ssid, unsigned schno,
		       const char *uuid)
{
	return mdev_create(k, ssid, schno, uuid, 0);
}

int kmodel_mdev_create_failing(struct kmodel *k, unsigned ssid,
			       unsigned schno, const char *uuid)
{
	return mdev_create(k, ssid, schno, uuid, 1);
}

int kmodel_mdev_paths(struct kmodel *k, const char *uuid,
		      struct kmodel_sch_paths *out)
{
	struct vfio_ccw_private *p = uuid ? kmodel_find_mdev(k, uuid) : NULL;
	const struct ccwa_pmcw *pm;

	if (!p)
		return -ENODEV;
	pm = &p->sch->schib.pmcw;	/* the cached SCHIB, as sysfs shows it */
	out->pim = (uint8_t)ccwa_pmcw_pim(pm);
	out->pam = (uint8_t)ccwa_pmcw_pam(pm);
	out->pom = (uint8_t)ccwa_pmcw_pom(pm);
	for (unsigned i = 0; i < 8; i++)
		out->chpid[i] = (uint8_t)ccwa_pmcw_chpid(pm, i);
	return 0;
}

int kmodel_mdev_group(struct kmodel *k, const char *uuid)
{
	struct vfio_ccw_private *p = uuid ? kmodel_find_mdev(k, uuid) : NULL;

	return p ? p->group : -ENODEV;
}


int kmodel_mdev_remove(struct kmodel *k, const char *uuid)
{
	struct vfio_ccw_private *p = uuid ? kmodel_find_mdev(k, uuid) : NULL;

	if (!p)
		return -ENODEV;
	if (p->removing)
		return -EBUSY;
	vfio_ccw_unregister(p);
	return 0;
}

struct vary {
	struct kmodel *k;
	uint8_t chpid;
	int on;
};

static void vary_task(void *arg)
{
	struct vary *v = arg;

	cio_chp_event(v->k, v->chpid, v->on ? CHP_VARY_ON : CHP_VARY_OFF);
}

int kmodel_chp_vary(struct kmodel *k, uint8_t chpid, int on)
{
	struct vary v = { k, chpid, on };

	return ks_call(k->s, KS_CTX_EVENT, "chp_vary", vary_task, &v, SIM_S(10));
}

/* ---- observation ---- */

void kmodel_counts(const struct kmodel *k, struct kmodel_counts *c)
{
	*c = k->counts;
	c->pins = iommu_pins(k->iommu);
	c->allocs = k->cp_allocs;
	c->alloc_bytes = k->cp_bytes;
	c->iommu_warns = iommu_warns(k->iommu);
	c->violations = ks_violations(k->s);
	c->use_after_free = sim_css_poisoned(k->css);
}

const char *kmodel_first_violation(const struct kmodel *k)
{
	return ks_first_violation(k->s);
}

const char *kmodel_fsm_state(struct kmodel *k, const char *uuid)
{
	struct vfio_ccw_private *p = kmodel_find_mdev(k, uuid);

	return p ? vfio_ccw_state_name(k, p->state) : NULL;
}

const char *kmodel_sch_fsm_state(struct kmodel *k, unsigned ssid,
				 unsigned schno)
{
	struct subchannel *sch = cio_sch_find(k, ssid, schno);
	struct vfio_ccw_private *p = sch ? sch->drv_data : NULL;

	return p ? vfio_ccw_state_name(k, p->state) : NULL;
}
