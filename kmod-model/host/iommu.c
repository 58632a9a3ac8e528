// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The vfio type1 IOMMU container: DMA mappings into the VMM's memory and
 * page pins that alias those bytes into host absolute storage (host.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "host/host.h"

#define PIN_BASE	(4ull << 30)	/* pinned pages live above 4 GiB */
#define PIN_END		(1ull << 40)
#define REUSE_AFTER	64

struct mapping {
	uint64_t iova, size;
	uint8_t *vaddr;
	unsigned prot;
};

struct pin {
	uint64_t iova;			/* the exact iova; UINT64_MAX: empty slot */
	uint64_t hpa;
	uint64_t count;
};

struct iommu {
	struct sim_mem *m;
	struct mapping *maps;
	size_t nmaps, capmaps;
	struct pin *pins;		/* open addressing on iova */
	size_t cap, npins;
	uint64_t next_hpa;
	uint64_t *freed;		/* FIFO of pin frames */
	size_t nfreed, capfreed;
	uint64_t warns;
	iommu_unmap_fn *notify;
	void *notify_ctx;
};

struct iommu *iommu_create(struct sim_mem *m)
{
	struct iommu *io = calloc(1, sizeof(*io));

	if (io) {
		io->m = m;
		io->next_hpa = PIN_BASE;
	}
	return io;
}

void iommu_destroy(struct iommu *io)
{
	if (!io)
		return;
	for (size_t i = 0; i < io->cap; i++)
		if (io->pins[i].iova != UINT64_MAX && io->pins[i].count)
			sim_mem_unalias(io->m, io->pins[i].hpa, PAGE_SIZE, 1);
	free(io->maps);
	free(io->pins);
	free(io->freed);
	free(io);
}

void iommu_set_unmap_notifier(struct iommu *io, iommu_unmap_fn *fn, void *ctx)
{
	io->notify = fn;
	io->notify_ctx = ctx;
}

static struct mapping *map_of(const struct iommu *io, uint64_t iova)
{
	for (size_t i = 0; i < io->nmaps; i++)
		if (iova >= io->maps[i].iova &&
		    iova - io->maps[i].iova < io->maps[i].size)
			return &io->maps[i];
	return NULL;
}

int iommu_map(struct iommu *io, uint64_t iova, uint64_t size, void *vaddr,
	      unsigned prot)
{
	if (!size || (iova | size) & (PAGE_SIZE - 1) || iova + size < iova || !vaddr)
		return -EINVAL;
	for (size_t i = 0; i < io->nmaps; i++)
		if (iova < io->maps[i].iova + io->maps[i].size &&
		    io->maps[i].iova < iova + size)
			return -EEXIST;
	if (io->nmaps == io->capmaps) {
		size_t cap = io->capmaps ? 2 * io->capmaps : 8;
		struct mapping *m = realloc(io->maps, cap * sizeof(*m));

		if (!m)
			return -ENOMEM;
		io->maps = m;
		io->capmaps = cap;
	}
	io->maps[io->nmaps++] = (struct mapping){ iova, size, vaddr, prot };
	return 0;
}

/* ---- the pin table ---- */

static size_t slot(const struct iommu *io, uint64_t iova)
{
	return (size_t)(((iova >> 12) * 0x9e3779b97f4a7c15ull) >> 7) &
	       (io->cap - 1);
}

static struct pin *pin_of(const struct iommu *io, uint64_t iova)
{
	if (!io->cap)
		return NULL;
	for (size_t j = slot(io, iova); io->pins[j].iova != UINT64_MAX;
	     j = (j + 1) & (io->cap - 1))
		if (io->pins[j].iova == iova)
			return &io->pins[j];
	return NULL;
}

static int pins_grow(struct iommu *io)
{
	struct pin *old = io->pins;
	size_t oldcap = io->cap;

	io->cap = oldcap ? 2 * oldcap : 256;
	io->pins = malloc(io->cap * sizeof(*io->pins));
	if (!io->pins) {
		io->pins = old;
		io->cap = oldcap;
		return -ENOMEM;
	}
	for (size_t i = 0; i < io->cap; i++)
		io->pins[i].iova = UINT64_MAX;
	for (size_t i = 0; i < oldcap; i++) {
		size_t j;

		if (old[i].iova == UINT64_MAX)
			continue;
		for (j = slot(io, old[i].iova); io->pins[j].iova != UINT64_MAX;
		     j = (j + 1) & (io->cap - 1))
			;
		io->pins[j] = old[i];
	}
	free(old);
	return 0;
}

static void pin_erase(struct iommu *io, struct pin *e)
{
	size_t i = (size_t)(e - io->pins), j = i;

	for (;;) {
		size_t want;

		j = (j + 1) & (io->cap - 1);
		if (io->pins[j].iova == UINT64_MAX)
			break;
		want = slot(io, io->pins[j].iova);
		if ((j > i && (want <= i || want > j)) ||
		    (j < i && (want <= i && want > j))) {
			io->pins[i] = io->pins[j];
			i = j;
		}
	}
	io->pins[i].iova = UINT64_MAX;
	io->npins--;
}

static uint64_t frame(struct iommu *io)
{
	uint64_t hpa;

	if (io->nfreed > REUSE_AFTER) {
		hpa = io->freed[0];
		memmove(io->freed, io->freed + 1,
			(io->nfreed - 1) * sizeof(io->freed[0]));
		io->nfreed--;
		sim_mem_unpoison(io->m, hpa, PAGE_SIZE);
		return hpa;
	}
	if (io->next_hpa >= PIN_END)
		return 0;
	hpa = io->next_hpa;
	io->next_hpa += PAGE_SIZE;
	return hpa;
}

static void frame_free(struct iommu *io, uint64_t hpa)
{
	if (io->nfreed == io->capfreed) {
		size_t cap = io->capfreed ? 2 * io->capfreed : 64;
		uint64_t *f = realloc(io->freed, cap * sizeof(*f));

		if (!f)
			return;
		io->freed = f;
		io->capfreed = cap;
	}
	io->freed[io->nfreed++] = hpa;
}

static void unpin_one(struct iommu *io, uint64_t iova)
{
	struct pin *p = pin_of(io, iova);

	if (!p || !p->count)
		return;			/* no vpfn for it: type1 skips it */
	if (--p->count)
		return;
	sim_mem_unalias(io->m, p->hpa, PAGE_SIZE, 1);	/* stale IDAWs hit poison */
	frame_free(io, p->hpa);
	pin_erase(io, p);
}

int iommu_pin(struct iommu *io, uint64_t iova, unsigned n, uint64_t *hpa)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		uint64_t at = iova + (uint64_t)i * PAGE_SIZE;
		struct mapping *m = map_of(io, at);
		struct pin *p;
		int rc = 0;

		if (!m)
			rc = -EINVAL;
		else if ((m->prot & (IOMMU_READ | IOMMU_WRITE)) !=
			 (IOMMU_READ | IOMMU_WRITE))
			rc = -EPERM;	/* vfio-ccw pins READ|WRITE */
		else if ((io->npins + 1) * 2 > io->cap && pins_grow(io))
			rc = -ENOMEM;
		if (rc) {
			while (i--)
				unpin_one(io, iova + (uint64_t)i * PAGE_SIZE);
			return rc;
		}
		p = pin_of(io, at);
		if (!p) {
			size_t j;
			uint64_t f = frame(io);

			uint64_t page = at & ~(uint64_t)(PAGE_SIZE - 1);

			if (!f || page < m->iova ||
			    sim_mem_alias(io->m, f, m->vaddr + (page - m->iova),
					  PAGE_SIZE)) {
				while (i--)
					unpin_one(io, iova + (uint64_t)i * PAGE_SIZE);
				return -ENOMEM;
			}
			for (j = slot(io, at); io->pins[j].iova != UINT64_MAX;
			     j = (j + 1) & (io->cap - 1))
				;
			p = &io->pins[j];
			p->iova = at;
			p->hpa = f;
			p->count = 0;
			io->npins++;
		}
		p->count++;
		hpa[i] = p->hpa;
	}
	return 0;
}

/*
 * vfio_unpin_pages: page by page while the iova is mapped; one that is
 * not stops the loop, and type1 WARNs once for the call (i != npage).
 */
void iommu_unpin(struct iommu *io, uint64_t iova, unsigned n)
{
	unsigned i;

	for (i = 0; i < n && map_of(io, iova + (uint64_t)i * PAGE_SIZE); i++)
		unpin_one(io, iova + (uint64_t)i * PAGE_SIZE);
	if (i != n)
		io->warns++;
}

int iommu_pinned(const struct iommu *io, uint64_t iova, uint64_t len)
{
	for (size_t i = 0; i < io->cap; i++)
		if (io->pins[i].iova != UINT64_MAX &&
		    io->pins[i].iova - iova < len)
			return 1;
	return 0;
}

int64_t iommu_unmap(struct iommu *io, uint64_t iova, uint64_t size)
{
	int64_t done = 0;

	if (!size || (iova | size) & (PAGE_SIZE - 1))
		return -EINVAL;
	for (size_t i = 0; i < io->nmaps;) {
		struct mapping m = io->maps[i];

		if (m.iova < iova || m.iova + m.size > iova + size) {
			i++;
			continue;
		}
		/* 6.1 type1: the whole mapping, up to 10 tries, then BUG_ON. */
		for (int tries = 0; iommu_pinned(io, m.iova, m.size); tries++) {
			if (tries == 10 || !io->notify) {
				io->warns++;
				break;
			}
			io->notify(io->notify_ctx, m.iova, m.size);
		}
		done += (int64_t)m.size;
		io->maps[i] = io->maps[--io->nmaps];
	}
	return done;
}

int iommu_read(struct iommu *io, uint64_t iova, void *buf, uint64_t len)
{
	uint8_t *out = buf;

	while (len) {
		struct mapping *m = map_of(io, iova);
		uint64_t n;

		if (!m)
			return -EINVAL;
		if (!(m->prot & IOMMU_READ))
			return -EPERM;
		n = m->size - (iova - m->iova);
		if (n > len)
			n = len;
		memcpy(out, m->vaddr + (iova - m->iova), n);
		out += n;
		iova += n;
		len -= n;
	}
	return 0;
}

uint64_t iommu_pins(const struct iommu *io)
{
	uint64_t n = 0;

	for (size_t i = 0; i < io->cap; i++)
		if (io->pins[i].iova != UINT64_MAX)
			n += io->pins[i].count;
	return n;
}

uint64_t iommu_warns(const struct iommu *io)
{
	return io->warns;
}

