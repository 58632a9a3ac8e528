/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Absolute storage: what the channel subsystem sees at an absolute
 * address.  No DAT and no prefixing happen here; the channel checks
 * every access with the subchannel key.
 *
 * Storage is sparse, in 4 KiB frames.  A frame is in one of four states:
 *   empty     reads as zeros; its data is allocated on the first store
 *   own       it has its own 4 KiB of data
 *   alias     it is someone else's memory, mapped in without a copy (a
 *             pinned guest page); accesses go straight to that memory
 *   poisoned  freed or unpinned: every access fails with
 *             SIM_MEM_POISONED, so a channel access through a stale IDAL
 *             or an unpinned page shows up as the use-after-free it is
 * Every frame has a storage key whatever its state; keys belong to the
 * absolute frame, so they survive alias, unalias and poison.
 *
 * Two error conventions, by audience:
 *  - accesses and storage keys (what the architecture can observe) return
 *    enum sim_mem_err, which the caller maps to a program interruption or
 *    to channel status (program check, protection check);
 *  - management calls (alias, unalias, poison, unpoison) return 0 or a
 *    negative errno: a failure there is a bug in the driver model.
 * Nothing here aborts on bad input.
 */
#ifndef CCWSIM_SIM_MEM_H
#define CCWSIM_SIM_MEM_H

#include <stdint.h>

#define SIM_PAGE_SHIFT 12
#define SIM_PAGE_SIZE ((uint64_t)1 << SIM_PAGE_SHIFT)
#define SIM_PAGE_MASK (SIM_PAGE_SIZE - 1)

/* Largest storage sim_mem_create() accepts: 4 PiB, 2^40 frames. */
#define SIM_MEM_MAX_SIZE ((uint64_t)1 << 52)

/*
 * The storage-key byte in its architected layout (bit 0 is the MSB):
 * bits 0-3 ACC, bit 4 F (fetch protection), bit 5 R (reference),
 * bit 6 C (change), bit 7 unused (always stored as 0).
 */
#define SIM_SKEY_ACC(skey)	((uint8_t)((skey) >> 4 & 0xf))
#define SIM_SKEY_F		0x08u
#define SIM_SKEY_R		0x04u
#define SIM_SKEY_C		0x02u
#define SIM_SKEY_MAKE(acc, f) \
	((uint8_t)(((acc) & 0xfu) << 4 | ((f) ? SIM_SKEY_F : 0u)))

enum sim_mem_err {
	SIM_MEM_OK = 0,
	SIM_MEM_ADDRESSING,	/* byte at or beyond the storage size */
	SIM_MEM_PROTECTION,	/* key-controlled protection */
	SIM_MEM_POISONED,	/* freed or unpinned frame: a model bug */
	SIM_MEM_NOMEM,		/* host allocation failed */
	SIM_MEM_INVAL,		/* NULL argument or access key > 15 */
};

/*
 * Where an access stopped.  On failure, @addr is the first byte that was
 * not transferred, so the bytes done are addr - start.  On success, @err
 * is SIM_MEM_OK and @addr is start + len.
 */
struct sim_mem_fault {
	enum sim_mem_err err;
	uint64_t addr;
};

struct sim_mem;

/*
 * @size: a non-zero multiple of SIM_PAGE_SIZE, at most SIM_MEM_MAX_SIZE.
 * Nothing of the storage itself is allocated here; the top-level table
 * has one pointer per 4 GiB.  Returns NULL on a bad size or no memory.
 */
struct sim_mem *sim_mem_create(uint64_t size);
/* Frees own frames and tables; aliased memory belongs to its owner. */
void sim_mem_destroy(struct sim_mem *m);
uint64_t sim_mem_size(const struct sim_mem *m);

/* Frames with their own data, aliased frames, poisoned frames. */
uint64_t sim_mem_frames_allocated(const struct sim_mem *m);
uint64_t sim_mem_frames_aliased(const struct sim_mem *m);
uint64_t sim_mem_frames_poisoned(const struct sim_mem *m);

const char *sim_mem_strerror(enum sim_mem_err err);

/*
 * Transfers run in ascending address order and stop at the first byte
 * that fails; bytes before it have been transferred (and their frames
 * marked referenced/changed).  Within one byte, the checks come in the
 * order addressing, poisoned, protection.  @key is the access key
 * (0-15); @fault may be NULL.  len == 0 accesses nothing and succeeds
 * at any address.
 *
 * A fetch from an empty frame reads zeros and allocates no data (it may
 * allocate the small table that records its reference bit); a store
 * allocates the frame.
 */
enum sim_mem_err sim_mem_read(struct sim_mem *m, uint64_t addr, void *buf,
			      uint64_t len, uint8_t key,
			      struct sim_mem_fault *fault);
enum sim_mem_err sim_mem_write(struct sim_mem *m, uint64_t addr,
			       const void *buf, uint64_t len, uint8_t key,
			       struct sim_mem_fault *fault);
enum sim_mem_err sim_mem_fill(struct sim_mem *m, uint64_t addr, uint8_t byte,
			      uint64_t len, uint8_t key,
			      struct sim_mem_fault *fault);

/*
 * The checks sim_mem_read() (@store == 0) or sim_mem_write() (@store != 0)
 * would make, without transferring anything or recording reference and
 * change: an all-or-nothing operation checks first, then writes.
 * NOMEM cannot be predicted and is never returned.
 */
enum sim_mem_err sim_mem_check(const struct sim_mem *m, uint64_t addr,
			       uint64_t len, uint8_t key, int store,
			       struct sim_mem_fault *fault);

/*
 * Big-endian loads and stores of 2, 4 and 8 bytes at any alignment (they
 * may cross a frame).  All or nothing: they check first, so on failure
 * *v is unchanged, storage is unchanged and no reference or change bit
 * is set (host memory running out half-way, SIM_MEM_NOMEM, aside).
 */
enum sim_mem_err sim_mem_load_be16(struct sim_mem *m, uint64_t addr,
				   uint8_t key, uint16_t *v,
				   struct sim_mem_fault *fault);
enum sim_mem_err sim_mem_load_be32(struct sim_mem *m, uint64_t addr,
				   uint8_t key, uint32_t *v,
				   struct sim_mem_fault *fault);
enum sim_mem_err sim_mem_load_be64(struct sim_mem *m, uint64_t addr,
				   uint8_t key, uint64_t *v,
				   struct sim_mem_fault *fault);
enum sim_mem_err sim_mem_store_be16(struct sim_mem *m, uint64_t addr,
				    uint8_t key, uint16_t v,
				    struct sim_mem_fault *fault);
enum sim_mem_err sim_mem_store_be32(struct sim_mem *m, uint64_t addr,
				    uint8_t key, uint32_t v,
				    struct sim_mem_fault *fault);
enum sim_mem_err sim_mem_store_be64(struct sim_mem *m, uint64_t addr,
				    uint8_t key, uint64_t v,
				    struct sim_mem_fault *fault);

/*
 * Storage key of the frame holding @addr (any byte of it).  Key-controlled
 * protection: a store is permitted when the access key is 0 or equals
 * ACC; a fetch when F is 0, the access key is 0, or it equals ACC.  A
 * fetch sets R, a store sets R and C.  Setting a key allocates no frame
 * data.  SIM_MEM_ADDRESSING beyond the size.
 */
enum sim_mem_err sim_mem_set_key(struct sim_mem *m, uint64_t addr,
				 uint8_t skey);
enum sim_mem_err sim_mem_get_key(const struct sim_mem *m, uint64_t addr,
				 uint8_t *skey);

/*
 * Management calls.  @addr and @len are multiples of SIM_PAGE_SIZE,
 * @len > 0, and the range lies inside the storage.  Each is all or
 * nothing: on error no frame has changed.  Errors: -EINVAL bad argument,
 * -ERANGE range beyond the size, -ENOMEM, plus those listed.
 */

/*
 * Map @len bytes of caller-owned memory at @host (any alignment) at
 * @addr.  The frames must be empty or poisoned (a new alias clears the
 * poison); -EBUSY when any has own data or is already aliased.  The
 * caller keeps @host valid until it unaliases.
 */
int sim_mem_alias(struct sim_mem *m, uint64_t addr, void *host, uint64_t len);

/*
 * Drop aliases: every frame in the range must be aliased (-ENOENT if
 * not).  The frames become empty, or poisoned when @poison is non-zero.
 */
int sim_mem_unalias(struct sim_mem *m, uint64_t addr, uint64_t len,
		    int poison);

/*
 * Poison empty, own or already poisoned frames (own data is freed); for
 * host allocations the driver model frees.  -EBUSY when any frame is
 * aliased: unalias with poison instead.
 */
int sim_mem_poison(struct sim_mem *m, uint64_t addr, uint64_t len);

/* Poisoned frames in the range become empty; others are left as they are. */
int sim_mem_unpoison(struct sim_mem *m, uint64_t addr, uint64_t len);

#endif /* CCWSIM_SIM_MEM_H */
