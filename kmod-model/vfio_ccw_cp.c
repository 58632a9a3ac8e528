// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Channel-program translation, as Linux 6.1's vfio_ccw_cp.c does it
 * (vfio-ccw reference §4 and §8), with the older behaviours behind the
 * bug switches of the eras that had them.
 *
 * cp_init copies the guest's segments, 2 KiB of CCWs per read: before
 * 6.3 through a temporary read-write pin, from 6.3 by vfio_dma_rw; format 0
 * converted to format 1, a segment ending at the first CCW without
 * chaining that is not a TIC back into it, at most 256 CCWs, and every TIC
 * target not yet covered fetched as a new segment.  cp_prefetch turns each
 * CCW into a host IDAL of format-2 IDAWs over pinned pages — 4 KiB ones
 * (ccwchain_fetch_direct, up to 6.2), or 2 KiB ones for a format-1 or 2K
 * guest IDAL (ccwchain_fetch_ccw, 6.3) — and each TIC into a pointer at
 * the host copy.  The host copies and IDALs are GFP_DMA allocations.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/orb.h>

#include "vfio_ccw_private.h"

#define TIC_DEPTH_MAX	512	/* the kernel recurses without a bound */

static struct kmodel *km(struct vfio_ccw_private *p)
{
	return p->k;
}

static struct ccwa_orb *orb_of(struct channel_program *cp)
{
	return (struct ccwa_orb *)cp->orb;
}

/* ---- host CCWs, in host storage ---- */

static void ccw_get(struct vfio_ccw_private *p, const struct ccwchain *c,
		    int i, struct ccwa_ccw1 *ccw)
{
	sim_mem_read(km(p)->mem, c->ch_ccw + 8u * (unsigned)i, ccw, 8, 0, NULL);
}

static void ccw_put(struct vfio_ccw_private *p, const struct ccwchain *c,
		    int i, const struct ccwa_ccw1 *ccw)
{
	sim_mem_write(km(p)->mem, c->ch_ccw + 8u * (unsigned)i, ccw, 8, 0, NULL);
}

static int ccw_is_tic(const struct ccwa_ccw1 *c)
{
	return ccwa_ccw1_cmd_code(c) == CCWA_CMD_TIC;
}

static int ccw_is_idal(const struct ccwa_ccw1 *c)
{
	return !!(ccwa_ccw1_flags(c) & CCWA_CCW_FLAG_IDA);
}

static int ccw_is_chain(const struct ccwa_ccw1 *c)
{
	return !!(ccwa_ccw1_flags(c) & (CCWA_CCW_FLAG_CC | CCWA_CCW_FLAG_CD));
}

/* ---- guest memory ---- */

/*
 * copy_from_iova (6.1): pin the pages read-write for a moment, copy
 * through them, unpin.  So the whole range must be mapped, and mapped
 * read-write (-EPERM otherwise).
 */
static int copy_from_iova(struct vfio_ccw_private *p, void *to, uint64_t iova,
			  uint64_t n)
{
	uint64_t first = iova & ~(uint64_t)(PAGE_SIZE - 1);
	unsigned pages = (unsigned)((iova + n - first + PAGE_SIZE - 1) / PAGE_SIZE);
	uint64_t hpa[8];
	uint8_t *out = to;
	int rc;

	/* 6.3 on: vfio_dma_rw through the mapping, no pin */
	if (km(p)->kernel >= KMODEL_KV(6, 3))
		return iommu_read(km(p)->iommu, iova, to, n);
	if (pages > 8)
		return -EINVAL;
	rc = iommu_pin(km(p)->iommu, first, pages, hpa);
	if (rc)
		return rc;
	for (uint64_t done = 0; done < n;) {
		uint64_t at = iova + done;
		unsigned pg = (unsigned)((at - first) / PAGE_SIZE);
		uint64_t in_page = PAGE_SIZE - (at & (PAGE_SIZE - 1));
		uint64_t k = n - done < in_page ? n - done : in_page;

		sim_mem_read(km(p)->mem, hpa[pg] + (at & (PAGE_SIZE - 1)), out + done,
			     k, 0, NULL);
		done += k;
	}
	iommu_unpin(km(p)->iommu, first, pages);
	return 0;
}

/* ---- chains ---- */

static struct ccwchain *chain_alloc(struct vfio_ccw_private *p, int len)
{
	struct ccwchain *c = calloc(1, sizeof(*c)), **tail;

	if (!c)
		return NULL;
	c->ch_ccw = kmodel_dma_alloc(km(p), 8u * (unsigned)len);
	c->ch_pa = calloc((size_t)len, sizeof(*c->ch_pa));
	if (!c->ch_ccw || !c->ch_pa) {
		kmodel_dma_free(km(p), c->ch_ccw);
		free(c->ch_pa);
		free(c);
		return NULL;
	}
	c->ch_len = len;
	for (tail = &p->cp.head; *tail; tail = &(*tail)->next)
		;
	*tail = c;			/* list_add_tail */
	return c;
}

static void chain_free(struct vfio_ccw_private *p, struct ccwchain *c)
{
	struct ccwchain **pp;

	for (pp = &p->cp.head; *pp; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	kmodel_dma_free(km(p), c->ch_ccw);
	free(c->ch_pa);
	free(c);
}

/* INIT_LIST_HEAD over a non-empty list: the chains are lost to the kernel. */
static void chains_orphan(struct channel_program *cp)
{
	struct ccwchain **tail = &cp->orphans;

	while (*tail)
		tail = &(*tail)->next;
	*tail = cp->head;
	cp->head = NULL;
}

void cp_release_orphans(struct vfio_ccw_private *p)
{
	chains_orphan(&p->cp);		/* whatever the kernel still listed */
	while (p->cp.orphans) {
		struct ccwchain *c = p->cp.orphans;

		p->cp.orphans = c->next;
		for (int i = 0; i < c->ch_len; i++) {
			free(c->ch_pa[i].pa_iova);
			free(c->ch_pa[i].pa_hpa);
		}
		free(c->ch_pa);
		free(c);
	}
}

/* Format-0 CCWs become format 1 (all 256 slots, as 5.3 on does). */
static void convert_ccw0_to_ccw1(uint8_t *b, int n)
{
	for (int i = 0; i < n; i++) {
		struct ccwa_ccw0 c0;
		struct ccwa_ccw1 c1;

		memcpy(&c0, b + 8 * i, 8);
		memset(&c1, 0, sizeof(c1));
		if ((ccwa_ccw0_cmd_code(&c0) & 0x0f) == CCWA_CMD_TIC) {
			ccwa_ccw1_set_cmd_code(&c1, CCWA_CMD_TIC);
		} else {
			ccwa_ccw1_set_cmd_code(&c1, ccwa_ccw0_cmd_code(&c0));
			ccwa_ccw1_set_flags(&c1, ccwa_ccw0_flags(&c0));
			ccwa_ccw1_set_count(&c1, ccwa_ccw0_count(&c0));
		}
		ccwa_ccw1_set_cda(&c1, ccwa_ccw0_cda(&c0));
		memcpy(b + 8 * i, &c1, 8);
	}
}

static int is_cpa_within_range(uint32_t cpa, uint32_t head, int len)
{
	uint32_t tail = head + (uint32_t)(len - 1) * 8u;

	return head <= cpa && cpa <= tail;
}

static int is_tic_within_range(const struct ccwa_ccw1 *c, uint32_t head,
			       int len)
{
	return ccw_is_tic(c) && is_cpa_within_range(ccwa_ccw1_cda(c), head, len);
}

/* The CCWs of the segment at @iova in guest_cp; -EINVAL past 256. */
static int ccwchain_calc_length(struct vfio_ccw_private *p, uint32_t iova)
{
	struct ccwa_orb *orb = orb_of(&p->cp);
	const uint8_t *b = p->cp.guest_cp;
	int cnt = 0;

	do {
		struct ccwa_ccw1 c;

		/* cnt 257 looks 8 bytes past the 2 KiB copy, as the kernel does */
		memcpy(&c, b + 8 * cnt, 8);
		cnt++;
		/* 6.1 (since ~4.20): IDA needs format-2, 4 KiB IDAWs */
		if (km(p)->kernel < KMODEL_KV(6, 3) &&
		    km(p)->kernel >= KMODEL_KV(4, 20) &&
		    (!ccwa_orb_c64(orb) || ccwa_orb_i2k(orb)) && ccw_is_idal(&c))
			return -EOPNOTSUPP;
		if (!ccw_is_chain(&c) && !is_tic_within_range(&c, iova, cnt))
			break;
	} while (cnt < CCWCHAIN_LEN_MAX + 1);
	return cnt == CCWCHAIN_LEN_MAX + 1 ? -EINVAL : cnt;
}

static int ccwchain_handle_ccw(struct vfio_ccw_private *p, uint32_t cda,
			       int depth);

static int tic_target_chain_exists(struct vfio_ccw_private *p,
				   const struct ccwa_ccw1 *tic)
{
	for (struct ccwchain *c = p->cp.head; c; c = c->next)
		if (is_cpa_within_range(ccwa_ccw1_cda(tic), (uint32_t)c->ch_iova,
					c->ch_len))
			return 1;
	return 0;
}

static int ccwchain_loop_tic(struct vfio_ccw_private *p, struct ccwchain *chain,
			     int depth)
{
	for (int i = 0; i < chain->ch_len; i++) {
		struct ccwa_ccw1 tic;
		int ret;

		ccw_get(p, chain, i, &tic);
		if (!ccw_is_tic(&tic) || tic_target_chain_exists(p, &tic))
			continue;
		ret = ccwchain_handle_ccw(p, ccwa_ccw1_cda(&tic), depth + 1);
		if (ret)
			return ret;
	}
	return 0;
}

static int ccwchain_handle_ccw(struct vfio_ccw_private *p, uint32_t cda,
			       int depth)
{
	struct ccwchain *chain;
	int len, ret;

	if (depth > TIC_DEPTH_MAX) {
		kmodel_trace(km(p), "cp_tic_depth",
			     "%d nested TIC segments: the kernel's stack would not last",
			     depth);
		return -ENOMEM;
	}
	ret = copy_from_iova(p, p->cp.guest_cp, cda, CCWCHAIN_WINDOW);
	if (ret)
		return ret;
	memset(p->cp.guest_cp + CCWCHAIN_WINDOW, 0, 8);
	if (!ccwa_orb_fmt(orb_of(&p->cp)))
		convert_ccw0_to_ccw1(p->cp.guest_cp, CCWCHAIN_LEN_MAX);
	len = ccwchain_calc_length(p, cda);
	if (len < 0)
		return len;
	chain = chain_alloc(p, len);
	if (!chain)
		return -ENOMEM;
	chain->ch_iova = cda;
	sim_mem_write(km(p)->mem, chain->ch_ccw, p->cp.guest_cp, 8u * (unsigned)len,
		      0, NULL);
	ret = ccwchain_loop_tic(p, chain, depth);
	/*
	 * Only this chain goes: segments an earlier recursion built stay on
	 * the list, and cp_init's caller never frees them (the quirk of
	 * §4.2 step 6); without the quirk they are freed with this one.
	 */
	if (ret) {
		chain_free(p, chain);
		if (!QUIRK(p, CP_INIT_LEAK) && depth == 0)
			while (p->cp.head)
				chain_free(p, p->cp.head);
	}
	return ret;
}

int cp_init(struct vfio_ccw_private *p, const uint8_t orb[ORB_BYTES])
{
	struct channel_program *cp = &p->cp;
	struct ccwa_orb *o, in;
	int ret;

	if (cp->initialized) {
		if (!BUG(p, REINIT_CP))
			return -EBUSY;
		/* before 5.13: the live program's chains are simply dropped */
	}
	memcpy(&in, orb, sizeof(in));	/* checked before the copy (§4.2) */
	if (!ccwa_orb_pfch(&in)) {
		if (km(p)->kernel < KMODEL_KV(5, 8))
			return -EOPNOTSUPP;
		kmodel_trace(km(p), "cp_pfch", "prefetching unconditionally");
	}
	/* ~4.19 and before: no unsupported IDA form at all, IDA or not */
	if (km(p)->kernel < KMODEL_KV(4, 20) &&
	    (!ccwa_orb_c64(&in) || ccwa_orb_i2k(&in)))
		return -EOPNOTSUPP;
	if (cp->head)
		chains_orphan(cp);	/* INIT_LIST_HEAD, after the checks above */
	cp->list_ready = 1;
	memcpy(cp->orb, orb, ORB_BYTES);
	o = orb_of(cp);
	ret = ccwchain_handle_ccw(p, ccwa_orb_cpa(o), 0);
	if (!ret) {
		cp->initialized = 1;
		if (km(p)->kernel < KMODEL_KV(6, 3))
			ccwa_orb_set_c64(o, 1);	/* 6.3 moved it to cp_get_orb */
	}
	return ret;
}

/* ---- prefetch ---- */

static int ccw_does_data_transfer(const struct ccwa_ccw1 *c)
{
	uint8_t cmd = (uint8_t)ccwa_ccw1_cmd_code(c);

	if (!ccwa_ccw1_count(c) || cmd == CCWA_CMD_NOP)
		return 0;
	if (!(ccwa_ccw1_flags(c) & CCWA_CCW_FLAG_SKIP))
		return 1;
	if ((cmd & 3) == 2 || (cmd & 0x0f) == 0x0c || (cmd & 0x0f) == 0x04)
		return 0;		/* skipped read, read backward, sense */
	return 1;
}

static int ccwchain_fetch_tic(struct vfio_ccw_private *p, struct ccwa_ccw1 *c)
{
	uint32_t cda = ccwa_ccw1_cda(c);

	for (struct ccwchain *ch = p->cp.head; ch; ch = ch->next) {
		uint32_t head = (uint32_t)ch->ch_iova;

		if (!is_cpa_within_range(cda, head, ch->ch_len))
			continue;
		/* v4.12 added the offset as a CCW pointer would: ×8 */
		ccwa_ccw1_set_cda(c, (uint32_t)(ch->ch_ccw + (cda - head) *
							 (BUG(p, TIC_X8) ? 8u : 1u)));
		return 0;
	}
	return -EFAULT;
}

/* IDAWs for [iova, iova + n) in blocks of @blk bytes (idal_nr_words). */
static unsigned idal_nr_words(uint64_t iova, uint64_t n, uint64_t blk)
{
	return (unsigned)(((iova & (blk - 1)) + n + blk - 1) / blk);
}

static void page_array_unpin(struct vfio_ccw_private *p, struct page_array *pa,
			     int n)
{
	/* type1 takes its mutex: sleeping under sch->lock is a bug (§8 1.3) */
	int done = 0, npage = 1;

	if (n > 0)
		ks_might_sleep(km(p)->s, "vfio_unpin_pages");
	/* runs of consecutive pages, one call each, as they were pinned */
	while (done < n) {
		uint64_t first = pa->pa_iova[done];

		if (done + npage < n &&
		    first + (uint64_t)npage * PAGE_SIZE == pa->pa_iova[done + npage]) {
			npage++;
			continue;
		}
		iommu_unpin(km(p)->iommu, first, (unsigned)npage);
		done += npage;
		npage = 1;
	}
}

static void page_array_unpin_free(struct vfio_ccw_private *p,
				  struct page_array *pa)
{
	page_array_unpin(p, pa, pa->pa_nr);
	pa->pa_nr = 0;
	free(pa->pa_iova);
	free(pa->pa_hpa);
	pa->pa_iova = pa->pa_hpa = NULL;
}

/* Pin runs of consecutive pages with one call each (6.1). */
static int page_array_pin(struct vfio_ccw_private *p, struct page_array *pa)
{
	int pinned = 0, npage = 1, ret;

	while (pinned < pa->pa_nr) {
		uint64_t first = pa->pa_iova[pinned];

		if (pinned + npage < pa->pa_nr &&
		    first + (uint64_t)npage * PAGE_SIZE == pa->pa_iova[pinned + npage]) {
			npage++;
			continue;
		}
		ret = iommu_pin(km(p)->iommu, first, (unsigned)npage,
				pa->pa_hpa + pinned);
		if (ret) {
			page_array_unpin(p, pa, pinned);
			return ret;
		}
		pinned += npage;
		npage = 1;
	}
	return 0;
}

/* Point the CCW at its host IDAL (the IDA flag set, cda its address). */
static void idal_install(struct ccwa_ccw1 *c, uint64_t idal)
{
	ccwa_ccw1_set_cda(c, (uint32_t)idal);
	ccwa_ccw1_set_flags(c, ccwa_ccw1_flags(c) | CCWA_CCW_FLAG_IDA);
}

/* A failed fetch: its IDAL and page arrays go (nothing is pinned), cda 0. */
static void fetch_undo(struct vfio_ccw_private *p, struct ccwa_ccw1 *c,
		       struct page_array *pa, uint64_t idal)
{
	kmodel_dma_free(km(p), idal);
	free(pa->pa_iova);
	free(pa->pa_hpa);
	pa->pa_iova = pa->pa_hpa = NULL;
	pa->pa_nr = 0;
	ccwa_ccw1_set_cda(c, 0);
}

static int ccwchain_fetch_direct(struct vfio_ccw_private *p,
				 struct ccwchain *chain, int idx,
				 struct ccwa_ccw1 *c)
{
	struct page_array *pa = chain->ch_pa + idx;
	uint64_t iova, idal, bytes = ccwa_ccw1_count(c) ? ccwa_ccw1_count(c) : 1;
	unsigned nr;
	uint64_t *words;
	int ret;

	if (ccw_is_idal(c)) {
		uint8_t w[8];

		/* the first IDAW tells where the data starts */
		ret = copy_from_iova(p, w, ccwa_ccw1_cda(c), 8);
		if (ret)
			return ret;
		iova = ccwa_get_be64(w);
	} else {
		iova = ccwa_ccw1_cda(c);
	}
	nr = idal_nr_words(iova, bytes, PAGE_SIZE);
	idal = kmodel_dma_alloc(km(p), 8u * nr);
	words = calloc(nr, sizeof(*words));
	pa->pa_iova = calloc(nr, sizeof(*pa->pa_iova));
	pa->pa_hpa = calloc(nr, sizeof(*pa->pa_hpa));
	if (!idal || !words || !pa->pa_iova || !pa->pa_hpa) {
		ret = -ENOMEM;
		goto out_free;
	}
	pa->pa_nr = (int)nr;
	pa->pa_iova[0] = iova;
	for (unsigned i = 1; i < nr; i++)
		pa->pa_iova[i] = pa->pa_iova[i - 1] + PAGE_SIZE;
	if (ccw_is_idal(c)) {
		uint8_t *g = malloc(8u * nr);

		ret = g ? copy_from_iova(p, g, ccwa_ccw1_cda(c), 8u * nr) : -ENOMEM;
		if (ret) {
			free(g);
			/*
			 * 6.1 unpins pa_nr iovas it never pinned here: type1
			 * WARNs, and drops another CCW's pin of the same iova.
			 */
			page_array_unpin_free(p, pa);
			goto out_free;
		}
		for (unsigned i = 0; i < nr; i++) {
			words[i] = ccwa_get_be64(g + 8 * i);
			pa->pa_iova[i] = words[i];
		}
		free(g);
	}
	if (ccw_does_data_transfer(c) || BUG(p, PIN_EMPTY)) {
		ret = page_array_pin(p, pa);
		if (ret) {
			pa->pa_nr = 0;	/* the pin undid itself: the arrays go */
			page_array_unpin_free(p, pa);
			goto out_free;
		}
	} else {
		pa->pa_nr = 0;
	}
	/* page_array_idal_create_words: pinned pages, the first offset added */
	for (int i = 0; i < pa->pa_nr; i++)
		words[i] = pa->pa_hpa[i];
	words[0] += pa->pa_iova[0] & (PAGE_SIZE - 1);
	for (unsigned i = 0; i < nr; i++) {
		uint8_t w[8];

		ccwa_put_be64(w, words[i]);
		sim_mem_write(km(p)->mem, idal + 8 * i, w, 8, 0, NULL);
	}
	free(words);
	idal_install(c, idal);
	return 0;
out_free:
	free(words);
	fetch_undo(p, c, pa, idal);
	return ret;
}

/*
 * 6.3 on (the IDA series, §4.3): format-1 and 2 KiB IDAWs too.  The IDAW
 * count follows the guest's IDAW format and block size; a guest IDAL is
 * copied as idaw_nr 8-byte entries whatever its format (so twice a
 * format-1 list is read), a direct CCW gets an IDAL made up from its
 * address; every IDAW is its pinned page plus the guest's offset in it.
 * The host IDAL is format 2 (cp_get_orb sets H, and T for 2 KiB).
 */
static int ccwchain_fetch_ccw(struct vfio_ccw_private *p,
			      struct ccwchain *chain, int idx,
			      struct ccwa_ccw1 *c)
{
	struct ccwa_orb *o = orb_of(&p->cp);
	struct page_array *pa = chain->ch_pa + idx;
	int c64 = (int)ccwa_orb_c64(o), k2 = !c64 || ccwa_orb_i2k(o);
	uint64_t blk = k2 ? 2048 : PAGE_SIZE;
	uint64_t iova, idal = 0, bytes = ccwa_ccw1_count(c) ? ccwa_ccw1_count(c) : 1;
	uint8_t *g = NULL;
	unsigned nr;
	int ret;

	if (ccw_is_idal(c)) {
		uint8_t w[8];

		ret = copy_from_iova(p, w, ccwa_ccw1_cda(c), c64 ? 8 : 4);
		if (ret)
			goto out_init;
		iova = c64 ? ccwa_get_be64(w) : ccwa_get_be32(w);
	} else {
		iova = ccwa_ccw1_cda(c);
	}
	nr = idal_nr_words(iova, bytes, blk);
	idal = kmodel_dma_alloc(km(p), 8u * nr);
	g = calloc(nr, 8);
	pa->pa_iova = calloc(nr, sizeof(*pa->pa_iova));
	pa->pa_hpa = calloc(nr, sizeof(*pa->pa_hpa));
	if (!idal || !g || !pa->pa_iova || !pa->pa_hpa) {
		ret = -ENOMEM;
		goto out_free;
	}
	if (ccw_is_idal(c)) {
		ret = copy_from_iova(p, g, ccwa_ccw1_cda(c), 8u * nr);
		if (ret)
			goto out_free;
	} else {
		/* IDAW 0 = cda, then each next block's start */
		uint64_t a = ccwa_ccw1_cda(c);

		for (unsigned i = 0; i < nr; i++, a = (a + blk) & ~(blk - 1)) {
			if (c64)
				ccwa_put_be64(g + 8 * i, a);
			else
				ccwa_put_be32(g + 4 * i, (uint32_t)a);
		}
	}
	pa->pa_nr = (int)nr;
	for (unsigned i = 0; i < nr; i++)
		pa->pa_iova[i] = c64 ? ccwa_get_be64(g + 8 * i) : ccwa_get_be32(g + 4 * i);
	if (ccw_does_data_transfer(c) || BUG(p, PIN_EMPTY)) {
		/* 2 KiB IDAWs are pinned one by one ("don't group") */
		if (k2) {
			for (int i = 0; i < pa->pa_nr; i++) {
				ret = iommu_pin(km(p)->iommu, pa->pa_iova[i], 1,
						pa->pa_hpa + i);
				if (ret) {
					page_array_unpin(p, pa, i);
					pa->pa_nr = 0;
					goto out_free;
				}
			}
		} else if ((ret = page_array_pin(p, pa))) {
			pa->pa_nr = 0;
			goto out_free;
		}
	} else {
		pa->pa_nr = 0;
	}
	for (int i = 0; i < pa->pa_nr; i++) {
		uint8_t w[8];

		ccwa_put_be64(w, pa->pa_hpa[i] + (pa->pa_iova[i] & (PAGE_SIZE - 1)));
		sim_mem_write(km(p)->mem, idal + 8u * (unsigned)i, w, 8, 0, NULL);
	}
	free(g);
	idal_install(c, idal);
	return 0;
out_free:
	free(g);
out_init:
	fetch_undo(p, c, pa, idal);
	return ret;
}

static int ccwchain_fetch_one(struct vfio_ccw_private *p,
			      struct ccwchain *chain, int idx)
{
	struct ccwa_ccw1 c;
	int ret;

	ccw_get(p, chain, idx, &c);
	if (ccw_is_tic(&c))
		ret = ccwchain_fetch_tic(p, &c);
	else if (km(p)->kernel >= KMODEL_KV(6, 3))
		ret = ccwchain_fetch_ccw(p, chain, idx, &c);
	else
		ret = ccwchain_fetch_direct(p, chain, idx, &c);
	ccw_put(p, chain, idx, &c);
	return ret;
}

int cp_prefetch(struct vfio_ccw_private *p)
{
	struct ccwchain *chain;
	int idx = 0, ret = 0;

	if (!p->cp.initialized && !BUG(p, NO_INITIALIZED))
		return -EINVAL;
	for (chain = p->cp.head; chain; chain = chain->next) {
		for (idx = 0; idx < chain->ch_len; idx++) {
			ret = ccwchain_fetch_one(p, chain, idx);
			if (ret)
				goto out_err;
		}
	}
	return 0;
out_err:
	/*
	 * Only what was translated is undone later (2018 fix); before it,
	 * cp_free walked every CCW as if translated.
	 */
	if (!BUG(p, PREFETCH_CLEANUP)) {
		chain->ch_len = idx;
		for (chain = chain->next; chain; chain = chain->next)
			chain->ch_len = 0;
	}
	return ret;
}

uint64_t cp_get_orb(struct vfio_ccw_private *p, uint32_t intparm, uint8_t lpm)
{
	struct channel_program *cp = &p->cp;
	struct ccwa_orb *o = orb_of(cp);
	uint64_t at = SCH_ORB(p->sch);

	if (!cp->initialized || !cp->head)
		return 0;
	ccwa_orb_set_intparm(o, intparm);
	ccwa_orb_set_fmt(o, 1);
	if (km(p)->kernel < KMODEL_KV(6, 3)) {
		ccwa_orb_set_key(o, 0);		/* PAGE_DEFAULT_KEY >> 4 */
	} else {
		/* a format-1 guest IDAL became 2 KiB format-2 ones */
		if (!ccwa_orb_c64(o))
			ccwa_orb_set_i2k(o, 1);
		ccwa_orb_set_c64(o, 1);
	}
	if (!ccwa_orb_lpm(o))
		ccwa_orb_set_lpm(o, lpm);
	ccwa_orb_set_cpa(o, (uint32_t)cp->head->ch_ccw);
	/* All 32 bytes: with ORB X set, the stale ones are the extension. */
	sim_mem_write(km(p)->mem, at, cp->orb, sizeof(cp->orb), 0, NULL);
	return at;
}

/*
 * Before 5.2 (§6.7) nothing stopped cp_update_scsw and cp_free on a
 * program never built: the kzalloc'ed list head is all zeros until
 * cp_init's INIT_LIST_HEAD, and walking it dereferences NULL.  0: go on.
 */
static int cp_unbuilt(struct vfio_ccw_private *p, const char *fn)
{
	if (p->cp.initialized)
		return 0;
	if (!BUG(p, NO_INITIALIZED))
		return 1;
	if (!p->cp.list_ready) {
		ks_violation(km(p)->s,
			     "%s: NULL pointer dereference walking a ccwchain_list never initialized",
			     fn);
		return 1;
	}
	return 0;			/* an emptied list: the walk finds nothing */
}

void cp_update_scsw(struct vfio_ccw_private *p, struct ccwa_scsw *scsw)
{
	uint32_t cpa = ccwa_scsw_cpa(scsw);

	if (cp_unbuilt(p, "cp_update_scsw"))
		return;
	for (struct ccwchain *c = p->cp.head; c; c = c->next) {
		uint32_t head = (uint32_t)c->ch_ccw;
		/* normal completion points one past the end (5.3 fix) */
		int len = c->ch_len + (BUG(p, SCSW_END_HOST_ADDR) ? 0 : 1);

		if (is_cpa_within_range(cpa, head, len)) {
			cpa = (uint32_t)c->ch_iova + (cpa - head);
			break;
		}
	}
	ccwa_scsw_set_cpa(scsw, cpa);
}

int cp_iova_pinned(struct vfio_ccw_private *p, uint64_t iova, uint64_t len)
{
	uint64_t first = iova / PAGE_SIZE, last = (iova + len - 1) / PAGE_SIZE;

	if (!p->cp.initialized)
		return 0;
	for (struct ccwchain *c = p->cp.head; c; c = c->next)
		for (int i = 0; i < c->ch_len; i++) {
			struct page_array *pa = c->ch_pa + i;

			for (int j = 0; j < pa->pa_nr; j++)
				if (pa->pa_iova[j] / PAGE_SIZE >= first &&
				    pa->pa_iova[j] / PAGE_SIZE <= last)
					return 1;
		}
	return 0;
}

void cp_free(struct vfio_ccw_private *p)
{
	struct channel_program *cp = &p->cp;

	if (cp_unbuilt(p, "cp_free"))
		return;
	cp->initialized = 0;
	while (cp->head) {
		struct ccwchain *c = cp->head;

		for (int i = 0; i < c->ch_len; i++) {
			struct ccwa_ccw1 ccw;

			page_array_unpin_free(p, c->ch_pa + i);
			ccw_get(p, c, i, &ccw);
			if (!ccw_is_tic(&ccw) && ccwa_ccw1_cda(&ccw) &&
			    kmodel_dma_free(km(p), ccwa_ccw1_cda(&ccw)))
				ks_violation(km(p)->s,
					     "cp_free: kfree(0x%08x), never allocated (CCW %d of a chain)",
					     ccwa_ccw1_cda(&ccw), i);
		}
		chain_free(p, c);
	}
}
