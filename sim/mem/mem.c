// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Absolute storage as a three-level radix table over frame numbers:
 *
 *   top[fn >> 20] -> mid (2048 pointers, 4 GiB) -> leaf (512 frames, 2 MiB)
 *
 * The top level is sized to the storage (16 pointers for 64 GiB, 1 Mi for
 * the 4 PiB maximum); mids and leaves appear on first use.  A leaf keeps
 * its frames as parallel arrays so a frame costs 10 bytes of table before
 * it has data, which keeps keys on untouched frames and reference
 * recording on fetches cheap.  The hot path is one walk of the table and
 * a memcpy per frame.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/be.h>
#include <ccwsim/sim/mem.h>

#define LEAF_BITS 9
#define MID_BITS 11
#define LEAF_N (1u << LEAF_BITS)
#define MID_N (1u << MID_BITS)
#define TOP_SHIFT (LEAF_BITS + MID_BITS)

enum frame_state {
	FRAME_EMPTY = 0,	/* calloc'd leaves start here */
	FRAME_OWN,
	FRAME_ALIAS,
	FRAME_POISON,
};

struct leaf {
	/* own data or aliased host memory; NULL when empty or poisoned */
	uint8_t *data[LEAF_N];
	uint8_t skey[LEAF_N];
	uint8_t state[LEAF_N];
};

struct mid {
	struct leaf *leaf[MID_N];
};

struct sim_mem {
	uint64_t size;
	uint64_t nframes;
	uint64_t ntop;
	uint64_t n_own, n_alias, n_poison;
	struct mid **top;
};

struct sim_mem *sim_mem_create(uint64_t size)
{
	struct sim_mem *m;

	if (!size || size & SIM_PAGE_MASK || size > SIM_MEM_MAX_SIZE)
		return NULL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->size = size;
	m->nframes = size >> SIM_PAGE_SHIFT;
	m->ntop = (m->nframes + ((uint64_t)1 << TOP_SHIFT) - 1) >> TOP_SHIFT;
	m->top = calloc((size_t)m->ntop, sizeof(*m->top));
	if (!m->top) {
		free(m);
		return NULL;
	}
	return m;
}

void sim_mem_destroy(struct sim_mem *m)
{
	if (!m)
		return;
	for (uint64_t t = 0; t < m->ntop; t++) {
		struct mid *mid = m->top[t];

		if (!mid)
			continue;
		for (unsigned int j = 0; j < MID_N; j++) {
			struct leaf *lf = mid->leaf[j];

			if (!lf)
				continue;
			for (unsigned int i = 0; i < LEAF_N; i++)
				if (lf->state[i] == FRAME_OWN)
					free(lf->data[i]);
			free(lf);
		}
		free(mid);
	}
	free(m->top);
	free(m);
}

uint64_t sim_mem_size(const struct sim_mem *m)
{
	return m ? m->size : 0;
}

uint64_t sim_mem_frames_allocated(const struct sim_mem *m)
{
	return m ? m->n_own : 0;
}

uint64_t sim_mem_frames_aliased(const struct sim_mem *m)
{
	return m ? m->n_alias : 0;
}

uint64_t sim_mem_frames_poisoned(const struct sim_mem *m)
{
	return m ? m->n_poison : 0;
}

const char *sim_mem_strerror(enum sim_mem_err err)
{
	switch (err) {
	case SIM_MEM_OK:
		return "success";
	case SIM_MEM_ADDRESSING:
		return "addressing exception (beyond storage size)";
	case SIM_MEM_PROTECTION:
		return "protection exception (storage key)";
	case SIM_MEM_POISONED:
		return "access to a poisoned frame (freed or unpinned)";
	case SIM_MEM_NOMEM:
		return "out of host memory";
	case SIM_MEM_INVAL:
		return "invalid argument";
	}
	return "unknown storage error";
}

/* Leaf holding frame @fn, or NULL if it was never needed. */
static struct leaf *leaf_of(const struct sim_mem *m, uint64_t fn)
{
	const struct mid *mid = m->top[fn >> TOP_SHIFT];

	return mid ? mid->leaf[fn >> LEAF_BITS & (MID_N - 1)] : NULL;
}

/* Leaf holding frame @fn, created if missing; NULL on no memory. */
static struct leaf *leaf_get(struct sim_mem *m, uint64_t fn)
{
	struct mid **mid = &m->top[fn >> TOP_SHIFT];
	struct leaf **lf;

	if (!*mid) {
		*mid = calloc(1, sizeof(**mid));
		if (!*mid)
			return NULL;
	}
	lf = &(*mid)->leaf[fn >> LEAF_BITS & (MID_N - 1)];
	if (!*lf)
		*lf = calloc(1, sizeof(**lf));
	return *lf;
}

static int key_permits(uint8_t skey, uint8_t key, int store)
{
	if (key == 0 || SIM_SKEY_ACC(skey) == key)
		return 1;
	return !store && !(skey & SIM_SKEY_F);
}

/*
 * May frame @fn be accessed with @key?  *lfp gets its leaf, NULL when
 * there is none: an empty frame whose storage key is 0.
 */
static enum sim_mem_err frame_check(const struct sim_mem *m, uint64_t fn,
				    uint8_t key, int store,
				    struct leaf **lfp)
{
	struct leaf *lf;
	unsigned int i;

	*lfp = NULL;
	if (fn >= m->nframes)
		return SIM_MEM_ADDRESSING;
	lf = leaf_of(m, fn);
	if (!lf)
		return key_permits(0, key, store) ? SIM_MEM_OK :
						    SIM_MEM_PROTECTION;
	*lfp = lf;
	i = (unsigned int)(fn & (LEAF_N - 1));
	if (lf->state[i] == FRAME_POISON)
		return SIM_MEM_POISONED;
	if (!key_permits(lf->skey[i], key, store))
		return SIM_MEM_PROTECTION;
	return SIM_MEM_OK;
}

static enum sim_mem_err report(struct sim_mem_fault *fault,
			       enum sim_mem_err err, uint64_t addr)
{
	if (fault) {
		fault->err = err;
		fault->addr = addr;
	}
	return err;
}

enum xfer_op { OP_FETCH, OP_STORE, OP_FILL };

/*
 * The one transfer loop: frame by frame in ascending order, stopping at
 * the first frame that fails.  Every byte of a frame shares its state,
 * key and addressability (the size is a whole number of frames), so the
 * first failing byte is always max(start, frame start).
 */
static enum sim_mem_err xfer(struct sim_mem *m, uint64_t addr, uint64_t len,
			     uint8_t key, enum xfer_op op, uint8_t *dst,
			     const uint8_t *src, uint8_t byte,
			     struct sim_mem_fault *fault)
{
	int store = op != OP_FETCH;
	uint64_t a = addr;

	if (!m || key > 15 || (len && op == OP_FETCH && !dst) ||
	    (len && op == OP_STORE && !src))
		return report(fault, SIM_MEM_INVAL, addr);
	while (len) {
		uint64_t fn = a >> SIM_PAGE_SHIFT;
		uint64_t off = a & SIM_PAGE_MASK;
		uint64_t n = SIM_PAGE_SIZE - off;
		unsigned int i = (unsigned int)(fn & (LEAF_N - 1));
		struct leaf *lf;
		enum sim_mem_err err;
		uint8_t *d;

		if (n > len)
			n = len;
		err = frame_check(m, fn, key, store, &lf);
		if (err)
			return report(fault, err, a);
		/* The leaf records R (and C), so get it before moving data. */
		if (!lf || !(lf->skey[i] & SIM_SKEY_R) ||
		    (store && !lf->data[i])) {
			lf = leaf_get(m, fn);
			if (!lf)
				return report(fault, SIM_MEM_NOMEM, a);
		}
		d = lf->data[i];
		if (store && !d) {
			/* A whole-frame store needs no zeroing first. */
			d = n == SIM_PAGE_SIZE ? malloc(SIM_PAGE_SIZE) :
						 calloc(1, SIM_PAGE_SIZE);
			if (!d)
				return report(fault, SIM_MEM_NOMEM, a);
			lf->data[i] = d;
			lf->state[i] = FRAME_OWN;
			m->n_own++;
		}
		switch (op) {
		case OP_FETCH:
			if (d)
				memcpy(dst, d + off, (size_t)n);
			else
				memset(dst, 0, (size_t)n);
			dst += n;
			lf->skey[i] |= SIM_SKEY_R;
			break;
		case OP_STORE:
			memcpy(d + off, src, (size_t)n);
			src += n;
			lf->skey[i] |= SIM_SKEY_R | SIM_SKEY_C;
			break;
		case OP_FILL:
			memset(d + off, byte, (size_t)n);
			lf->skey[i] |= SIM_SKEY_R | SIM_SKEY_C;
			break;
		}
		a += n;
		len -= n;
	}
	return report(fault, SIM_MEM_OK, a);
}

enum sim_mem_err sim_mem_read(struct sim_mem *m, uint64_t addr, void *buf,
			      uint64_t len, uint8_t key,
			      struct sim_mem_fault *fault)
{
	return xfer(m, addr, len, key, OP_FETCH, buf, NULL, 0, fault);
}

enum sim_mem_err sim_mem_write(struct sim_mem *m, uint64_t addr,
			       const void *buf, uint64_t len, uint8_t key,
			       struct sim_mem_fault *fault)
{
	return xfer(m, addr, len, key, OP_STORE, NULL, buf, 0, fault);
}

enum sim_mem_err sim_mem_fill(struct sim_mem *m, uint64_t addr, uint8_t byte,
			      uint64_t len, uint8_t key,
			      struct sim_mem_fault *fault)
{
	return xfer(m, addr, len, key, OP_FILL, NULL, NULL, byte, fault);
}

enum sim_mem_err sim_mem_check(const struct sim_mem *m, uint64_t addr,
			       uint64_t len, uint8_t key, int store,
			       struct sim_mem_fault *fault)
{
	uint64_t a = addr;

	if (!m || key > 15)
		return report(fault, SIM_MEM_INVAL, addr);
	while (len) {
		uint64_t n = SIM_PAGE_SIZE - (a & SIM_PAGE_MASK);
		struct leaf *lf;
		enum sim_mem_err err;

		if (n > len)
			n = len;
		err = frame_check(m, a >> SIM_PAGE_SHIFT, key, store, &lf);
		if (err)
			return report(fault, err, a);
		a += n;
		len -= n;
	}
	return report(fault, SIM_MEM_OK, a);
}

/*
 * The big-endian helpers check first so that they are all or nothing;
 * the byte images go through be.h, which never depends on host order.
 */
static enum sim_mem_err load_n(struct sim_mem *m, uint64_t addr, uint8_t key,
			       uint8_t *b, uint64_t n,
			       struct sim_mem_fault *fault)
{
	enum sim_mem_err err = sim_mem_check(m, addr, n, key, 0, fault);

	if (err)
		return err;
	return sim_mem_read(m, addr, b, n, key, fault);
}

static enum sim_mem_err store_n(struct sim_mem *m, uint64_t addr, uint8_t key,
				const uint8_t *b, uint64_t n,
				struct sim_mem_fault *fault)
{
	enum sim_mem_err err = sim_mem_check(m, addr, n, key, 1, fault);

	if (err)
		return err;
	return sim_mem_write(m, addr, b, n, key, fault);
}

enum sim_mem_err sim_mem_load_be16(struct sim_mem *m, uint64_t addr,
				   uint8_t key, uint16_t *v,
				   struct sim_mem_fault *fault)
{
	uint8_t b[2];
	enum sim_mem_err err;

	if (!v)
		return report(fault, SIM_MEM_INVAL, addr);
	err = load_n(m, addr, key, b, sizeof(b), fault);
	if (!err)
		*v = ccwa_get_be16(b);
	return err;
}

enum sim_mem_err sim_mem_load_be32(struct sim_mem *m, uint64_t addr,
				   uint8_t key, uint32_t *v,
				   struct sim_mem_fault *fault)
{
	uint8_t b[4];
	enum sim_mem_err err;

	if (!v)
		return report(fault, SIM_MEM_INVAL, addr);
	err = load_n(m, addr, key, b, sizeof(b), fault);
	if (!err)
		*v = ccwa_get_be32(b);
	return err;
}

enum sim_mem_err sim_mem_load_be64(struct sim_mem *m, uint64_t addr,
				   uint8_t key, uint64_t *v,
				   struct sim_mem_fault *fault)
{
	uint8_t b[8];
	enum sim_mem_err err;

	if (!v)
		return report(fault, SIM_MEM_INVAL, addr);
	err = load_n(m, addr, key, b, sizeof(b), fault);
	if (!err)
		*v = ccwa_get_be64(b);
	return err;
}

enum sim_mem_err sim_mem_store_be16(struct sim_mem *m, uint64_t addr,
				    uint8_t key, uint16_t v,
				    struct sim_mem_fault *fault)
{
	uint8_t b[2];

	ccwa_put_be16(b, v);
	return store_n(m, addr, key, b, sizeof(b), fault);
}

enum sim_mem_err sim_mem_store_be32(struct sim_mem *m, uint64_t addr,
				    uint8_t key, uint32_t v,
				    struct sim_mem_fault *fault)
{
	uint8_t b[4];

	ccwa_put_be32(b, v);
	return store_n(m, addr, key, b, sizeof(b), fault);
}

enum sim_mem_err sim_mem_store_be64(struct sim_mem *m, uint64_t addr,
				    uint8_t key, uint64_t v,
				    struct sim_mem_fault *fault)
{
	uint8_t b[8];

	ccwa_put_be64(b, v);
	return store_n(m, addr, key, b, sizeof(b), fault);
}

enum sim_mem_err sim_mem_set_key(struct sim_mem *m, uint64_t addr,
				 uint8_t skey)
{
	uint64_t fn;
	struct leaf *lf;

	if (!m)
		return SIM_MEM_INVAL;
	if (addr >= m->size)
		return SIM_MEM_ADDRESSING;
	fn = addr >> SIM_PAGE_SHIFT;
	skey &= 0xfe;
	lf = leaf_of(m, fn);
	/* Key 0 on a frame without a leaf is already what it reads as. */
	if (!lf && !skey)
		return SIM_MEM_OK;
	if (!lf) {
		lf = leaf_get(m, fn);
		if (!lf)
			return SIM_MEM_NOMEM;
	}
	lf->skey[fn & (LEAF_N - 1)] = skey;
	return SIM_MEM_OK;
}

enum sim_mem_err sim_mem_get_key(const struct sim_mem *m, uint64_t addr,
				 uint8_t *skey)
{
	const struct leaf *lf;
	uint64_t fn;

	if (!m || !skey)
		return SIM_MEM_INVAL;
	if (addr >= m->size)
		return SIM_MEM_ADDRESSING;
	fn = addr >> SIM_PAGE_SHIFT;
	lf = leaf_of(m, fn);
	*skey = lf ? lf->skey[fn & (LEAF_N - 1)] : 0;
	return SIM_MEM_OK;
}

static int check_range(const struct sim_mem *m, uint64_t addr, uint64_t len)
{
	if (!m || !len || (addr | len) & SIM_PAGE_MASK)
		return -EINVAL;
	if (addr >= m->size || len > m->size - addr)
		return -ERANGE;
	return 0;
}

static enum frame_state state_of(const struct sim_mem *m, uint64_t fn)
{
	const struct leaf *lf = leaf_of(m, fn);

	return lf ? (enum frame_state)lf->state[fn & (LEAF_N - 1)] :
		    FRAME_EMPTY;
}

/* Create a range's leaves first, so the pass that changes it cannot fail. */
static int get_leaves(struct sim_mem *m, uint64_t fn, uint64_t end)
{
	for (; fn < end; fn++)
		if (!leaf_get(m, fn))
			return -ENOMEM;
	return 0;
}

/* Put frame @fn in @state with @data, keeping the counters right. */
static void set_state(struct sim_mem *m, uint64_t fn, enum frame_state state,
		      uint8_t *data)
{
	struct leaf *lf = leaf_of(m, fn);
	unsigned int i = (unsigned int)(fn & (LEAF_N - 1));

	switch (lf->state[i]) {
	case FRAME_OWN:
		free(lf->data[i]);
		m->n_own--;
		break;
	case FRAME_ALIAS:
		m->n_alias--;
		break;
	case FRAME_POISON:
		m->n_poison--;
		break;
	}
	switch (state) {
	case FRAME_OWN:
		m->n_own++;
		break;
	case FRAME_ALIAS:
		m->n_alias++;
		break;
	case FRAME_POISON:
		m->n_poison++;
		break;
	case FRAME_EMPTY:
		break;
	}
	lf->state[i] = (uint8_t)state;
	lf->data[i] = data;
}

int sim_mem_alias(struct sim_mem *m, uint64_t addr, void *host, uint64_t len)
{
	uint64_t fn = addr >> SIM_PAGE_SHIFT, end;
	uint8_t *h = host;
	int ret = check_range(m, addr, len);

	if (ret)
		return ret;
	if (!host || len > UINTPTR_MAX - (uintptr_t)host)
		return -EINVAL;
	end = fn + (len >> SIM_PAGE_SHIFT);
	for (uint64_t f = fn; f < end; f++) {
		enum frame_state st = state_of(m, f);

		if (st == FRAME_OWN || st == FRAME_ALIAS)
			return -EBUSY;
	}
	ret = get_leaves(m, fn, end);
	if (ret)
		return ret;
	for (uint64_t f = fn; f < end; f++, h += SIM_PAGE_SIZE)
		set_state(m, f, FRAME_ALIAS, h);
	return 0;
}

int sim_mem_unalias(struct sim_mem *m, uint64_t addr, uint64_t len,
		    int poison)
{
	uint64_t fn = addr >> SIM_PAGE_SHIFT, end;
	int ret = check_range(m, addr, len);

	if (ret)
		return ret;
	end = fn + (len >> SIM_PAGE_SHIFT);
	for (uint64_t f = fn; f < end; f++)
		if (state_of(m, f) != FRAME_ALIAS)
			return -ENOENT;
	for (uint64_t f = fn; f < end; f++)
		set_state(m, f, poison ? FRAME_POISON : FRAME_EMPTY, NULL);
	return 0;
}

int sim_mem_poison(struct sim_mem *m, uint64_t addr, uint64_t len)
{
	uint64_t fn = addr >> SIM_PAGE_SHIFT, end;
	int ret = check_range(m, addr, len);

	if (ret)
		return ret;
	end = fn + (len >> SIM_PAGE_SHIFT);
	for (uint64_t f = fn; f < end; f++)
		if (state_of(m, f) == FRAME_ALIAS)
			return -EBUSY;
	ret = get_leaves(m, fn, end);
	if (ret)
		return ret;
	for (uint64_t f = fn; f < end; f++)
		set_state(m, f, FRAME_POISON, NULL);
	return 0;
}

int sim_mem_unpoison(struct sim_mem *m, uint64_t addr, uint64_t len)
{
	uint64_t fn = addr >> SIM_PAGE_SHIFT, end;
	int ret = check_range(m, addr, len);

	if (ret)
		return ret;
	end = fn + (len >> SIM_PAGE_SHIFT);
	for (uint64_t f = fn; f < end; f++)
		if (state_of(m, f) == FRAME_POISON)
			set_state(m, f, FRAME_EMPTY, NULL);
	return 0;
}
