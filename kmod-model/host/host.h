/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The host machine's memory as the driver sees it (private to kmod-model).
 *
 * kmem: kernel allocations in host absolute storage.  GFP_DMA ones lie
 * below 2 GiB (channel programs and IDALs hold 31-bit addresses); each
 * allocation has pages of its own, so a freed one can be poisoned and a
 * channel access through it is caught as a use-after-free.  Freed pages
 * are reused first-in first-out, after a delay, so late accesses land on
 * poison for as long as possible and reuse still happens (one of the
 * kernel's bugs needs it).
 *
 * iommu: the vfio type1 container.  DMA mappings point at the VMM's
 * memory (a pointer in this process); pinning a guest page maps those
 * same bytes into host absolute storage as an alias frame, above 4 GiB,
 * with a reference count per exact iova (type1's vpfn), so two iovas in
 * one page are two pins aliasing the same frame.
 */
#ifndef CCWSIM_KMODEL_HOST_H
#define CCWSIM_KMODEL_HOST_H

/* The host's page: pins, IDAW blocks (4K), kernel allocations. */
#define PAGE_SIZE	4096u

#include <stddef.h>
#include <stdint.h>

#include <ccwsim/sim/mem.h>

struct kmem;

struct kmem *kmem_create(struct sim_mem *m);
void kmem_destroy(struct kmem *k);
/*
 * Allocate @size bytes (zeroed): GFP_DMA below 2 GiB when @dma, else
 * anywhere below 4 GiB.  Returns the host absolute address, 0 when out of
 * room.
 */
uint64_t kmem_alloc(struct kmem *k, uint64_t size, int dma);
/* Free (poisons the pages); 0 does nothing; -1 if @addr is not allocated. */
int kmem_free(struct kmem *k, uint64_t addr);
/* Size of the live allocation at @addr, 0 if none. */
uint64_t kmem_size(const struct kmem *k, uint64_t addr);

/* ---- the type1 IOMMU container ---- */

struct iommu;

/* The driver's answer to an unmap of a range it may have pinned. */
typedef void iommu_unmap_fn(void *ctx, uint64_t iova, uint64_t len);

struct iommu *iommu_create(struct sim_mem *m);
void iommu_destroy(struct iommu *io);
void iommu_set_unmap_notifier(struct iommu *io, iommu_unmap_fn *fn, void *ctx);

#define IOMMU_READ  1
#define IOMMU_WRITE 2

/* VFIO_IOMMU_MAP_DMA: 0, -EINVAL (alignment, zero size), -EEXIST (overlap). */
int iommu_map(struct iommu *io, uint64_t iova, uint64_t size, void *vaddr,
	      unsigned prot);
/*
 * VFIO_IOMMU_UNMAP_DMA: mappings wholly inside the range go; the notifier
 * is told first while pins remain (the driver resets and unpins); pins
 * still there after 10 tries are a bug (the kernel's BUG_ON).  Returns the
 * bytes unmapped, or -errno.
 */
int64_t iommu_unmap(struct iommu *io, uint64_t iova, uint64_t size);

/*
 * vfio_pin_pages for @n pages at @iova, @iova + 4K, ...: each pin is kept
 * under its exact iova (type1's vpfn list does the same, so the same page
 * pinned at two offsets is two pins) and aliases the page holding it.  On
 * success the host absolute address of each page goes to @hpa[i] and 0
 * is returned (all or nothing).  -EINVAL when a page is not mapped,
 * -EPERM when the mapping lacks READ or WRITE.
 */
int iommu_pin(struct iommu *io, uint64_t iova, unsigned n, uint64_t *hpa);
/* vfio_unpin_pages, by the same iovas; unpinning what is not pinned is a WARN, counted. */
void iommu_unpin(struct iommu *io, uint64_t iova, unsigned n);
/* Is any page of [iova, iova + len) pinned? */
int iommu_pinned(const struct iommu *io, uint64_t iova, uint64_t len);

/* vfio_dma_rw: read guest memory through the mappings (no pin); -EINVAL
 * unmapped, -EPERM a mapping without READ. */
int iommu_read(struct iommu *io, uint64_t iova, void *buf, uint64_t len);

uint64_t iommu_pins(const struct iommu *io);	/* pinned pages now */
uint64_t iommu_warns(const struct iommu *io);	/* type1 WARNs (unmapped iovas, BUG_ON) */

#endif
