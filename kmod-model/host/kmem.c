// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Kernel allocations in host absolute storage (host.h says why each has
 * pages of its own and how freed pages come back).
 */
#include <stdlib.h>
#include <string.h>

#include "host/host.h"

#define DMA_BASE	(16ull << 20)	/* below: lowcore and fixed areas */
#define DMA_END		(2ull << 30)
#define NORMAL_END	(4ull << 30)
#define REUSE_AFTER	64		/* freed chunks kept poisoned first */

struct chunk {
	uint64_t addr, pages;
};

struct pool {
	uint64_t next, end;
	struct chunk *freed;		/* FIFO */
	size_t nfreed, capfreed;
};

struct live {
	uint64_t addr, size;		/* addr 0: empty slot */
};

struct kmem {
	struct sim_mem *m;
	struct pool dma, normal;
	struct live *tab;		/* open addressing on addr */
	size_t cap, n;
};

static size_t slot(const struct kmem *k, uint64_t addr)
{
	uint64_t h = (addr >> 12) * 0x9e3779b97f4a7c15ull;

	return (size_t)(h >> 7) & (k->cap - 1);
}

static int grow(struct kmem *k)
{
	struct live *old = k->tab;
	size_t oldcap = k->cap;

	k->cap = oldcap ? 2 * oldcap : 256;
	k->tab = calloc(k->cap, sizeof(*k->tab));
	if (!k->tab) {
		k->tab = old;
		k->cap = oldcap;
		return -1;
	}
	for (size_t i = 0; i < oldcap; i++) {
		size_t j;

		if (!old[i].addr)
			continue;
		for (j = slot(k, old[i].addr); k->tab[j].addr;
		     j = (j + 1) & (k->cap - 1))
			;
		k->tab[j] = old[i];
	}
	free(old);
	return 0;
}

static struct live *find(const struct kmem *k, uint64_t addr)
{
	if (!k->cap)
		return NULL;
	for (size_t j = slot(k, addr); k->tab[j].addr;
	     j = (j + 1) & (k->cap - 1))
		if (k->tab[j].addr == addr)
			return &k->tab[j];
	return NULL;
}

/* Remove by backward-shift deletion, keeping probe chains whole. */
static void erase(struct kmem *k, struct live *e)
{
	size_t i = (size_t)(e - k->tab), j = i;

	for (;;) {
		size_t want;

		j = (j + 1) & (k->cap - 1);
		if (!k->tab[j].addr)
			break;
		want = slot(k, k->tab[j].addr);
		if ((j > i && (want <= i || want > j)) ||
		    (j < i && (want <= i && want > j))) {
			k->tab[i] = k->tab[j];
			i = j;
		}
	}
	k->tab[i].addr = 0;
	k->n--;
}

struct kmem *kmem_create(struct sim_mem *m)
{
	struct kmem *k = calloc(1, sizeof(*k));

	if (!k)
		return NULL;
	k->m = m;
	k->dma.next = DMA_BASE;
	k->dma.end = DMA_END;
	k->normal.next = DMA_END;
	k->normal.end = NORMAL_END;
	return k;
}

void kmem_destroy(struct kmem *k)
{
	if (!k)
		return;
	free(k->dma.freed);
	free(k->normal.freed);
	free(k->tab);
	free(k);
}

static uint64_t take(struct pool *p, uint64_t pages)
{
	uint64_t addr;

	if (p->nfreed > REUSE_AFTER) {
		for (size_t i = 0; i < p->nfreed - REUSE_AFTER; i++) {
			if (p->freed[i].pages < pages)
				continue;
			addr = p->freed[i].addr;
			p->freed[i].addr += pages * PAGE_SIZE;
			p->freed[i].pages -= pages;
			if (!p->freed[i].pages) {
				memmove(&p->freed[i], &p->freed[i + 1],
					(p->nfreed - i - 1) * sizeof(p->freed[0]));
				p->nfreed--;
			}
			return addr;
		}
	}
	if (p->next + pages * PAGE_SIZE > p->end)
		return 0;
	addr = p->next;
	p->next += pages * PAGE_SIZE;
	return addr;
}

uint64_t kmem_alloc(struct kmem *k, uint64_t size, int dma)
{
	struct pool *p = dma ? &k->dma : &k->normal;
	uint64_t pages = (size ? size + PAGE_SIZE - 1 : PAGE_SIZE) / PAGE_SIZE, addr;
	struct live *e;
	size_t j;

	if ((k->n + 1) * 2 > k->cap && grow(k))
		return 0;
	addr = take(p, pages);
	if (!addr)
		return 0;
	sim_mem_unpoison(k->m, addr, pages * PAGE_SIZE);
	if (sim_mem_fill(k->m, addr, 0, pages * PAGE_SIZE, 0, NULL))
		return 0;
	for (j = slot(k, addr); k->tab[j].addr; j = (j + 1) & (k->cap - 1))
		;
	e = &k->tab[j];
	e->addr = addr;
	e->size = size;
	k->n++;
	return addr;
}

int kmem_free(struct kmem *k, uint64_t addr)
{
	struct live *e = addr ? find(k, addr) : NULL;
	struct pool *p;
	uint64_t pages;

	if (!addr)
		return 0;
	if (!e)
		return -1;
	pages = (e->size ? e->size + PAGE_SIZE - 1 : PAGE_SIZE) / PAGE_SIZE;
	p = addr < DMA_END ? &k->dma : &k->normal;
	sim_mem_poison(k->m, addr, pages * PAGE_SIZE);
	erase(k, e);
	if (p->nfreed == p->capfreed) {
		size_t cap = p->capfreed ? 2 * p->capfreed : 64;
		struct chunk *c = realloc(p->freed, cap * sizeof(*c));

		if (!c)
			return 0;	/* the pages are simply not reused */
		p->freed = c;
		p->capfreed = cap;
	}
	p->freed[p->nfreed].addr = addr;
	p->freed[p->nfreed++].pages = pages;
	return 0;
}

uint64_t kmem_size(const struct kmem *k, uint64_t addr)
{
	const struct live *e = find(k, addr);

	return e ? e->size : 0;
}
