/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The part of Linux include/uapi/linux/vfio.h (as of 6.1) that ccwsim
 * models: the container, group and device ioctls QEMU's vfio-ccw uses,
 * their argument structs, and the vfio-ccw region and IRQ indexes.
 * Names and values are upstream's; <stdint.h> types replace __u32 and
 * friends.  tests/unit/abi proves every item identical to the system's
 * header.
 *
 * Do not include this header and <linux/vfio.h> in the same translation
 * unit: they define the same names.
 *
 * Left out, because neither vfio-ccw nor QEMU's vfio-ccw path uses them:
 * the PCI, platform, GFX, migration, device-feature, ioeventfd and
 * SPAPR/EEH interfaces; VFIO_TYPE1_NESTING_IOMMU and the other container
 * extensions; the sparse-mmap region capability; the type1 info
 * capabilities (IOVA ranges, migration, DMA avail); dirty-page tracking
 * (struct vfio_bitmap, VFIO_IOMMU_DIRTY_PAGES); VFIO_DMA_MAP_FLAG_VADDR
 * and the VFIO_DMA_UNMAP_FLAG_* flags.
 */
#ifndef CCWSIM_VFIO_H
#define CCWSIM_VFIO_H

#include <stddef.h>
#include <stdint.h>

/*
 * The VFIO ioctls are all _IO(type, nr): direction "none", size 0, so the
 * number is (type << 8) | nr.  That is the asm-generic encoding, which
 * x86, s390, arm64 and riscv use (tests/unit/abi confirms it against
 * <linux/ioctl.h>).  Alpha, MIPS, PowerPC and SPARC give "none" a
 * non-zero direction code, so the numbers below would be wrong there.
 */
#if defined(__alpha__) || defined(__mips__) || defined(__powerpc__) || \
	defined(__sparc__)
#error "ccwsim/vfio.h: this host's _IO encoding is not the asm-generic one"
#endif
#define CCWSIM_VFIO_IO(type, nr)	(((type) << 8) | (nr))

#define VFIO_API_VERSION	0

/* Container extensions (VFIO_CHECK_EXTENSION) and IOMMU types. */
#define VFIO_TYPE1_IOMMU	1
#define VFIO_TYPE1v2_IOMMU	3

#define VFIO_TYPE	(';')
#define VFIO_BASE	100

/*
 * Header of every capability in an INFO reply's chain.  next is the
 * offset of the following capability from the start of the INFO struct,
 * 0 at the end of the chain.
 */
struct vfio_info_cap_header {
	uint16_t	id;
	uint16_t	version;
	uint32_t	next;
};

_Static_assert(sizeof(struct vfio_info_cap_header) == 8,
	       "vfio_info_cap_header size");
_Static_assert(offsetof(struct vfio_info_cap_header, id) == 0,
	       "vfio_info_cap_header.id");
_Static_assert(offsetof(struct vfio_info_cap_header, version) == 2,
	       "vfio_info_cap_header.version");
_Static_assert(offsetof(struct vfio_info_cap_header, next) == 4,
	       "vfio_info_cap_header.next");

/* ---- container (/dev/vfio/vfio) ---- */

/* Returns VFIO_API_VERSION. */
#define VFIO_GET_API_VERSION	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 0)
/* Argument: an extension or IOMMU type; returns > 0 if supported. */
#define VFIO_CHECK_EXTENSION	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 1)
/* Argument: the IOMMU type; needs a group attached to the container. */
#define VFIO_SET_IOMMU		CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 2)

/* ---- group (/dev/vfio/$GROUP) ---- */

struct vfio_group_status {
	uint32_t	argsz;
	uint32_t	flags;
#define VFIO_GROUP_FLAGS_VIABLE		(1 << 0)
#define VFIO_GROUP_FLAGS_CONTAINER_SET	(1 << 1)
};

_Static_assert(sizeof(struct vfio_group_status) == 8,
	       "vfio_group_status size");
_Static_assert(offsetof(struct vfio_group_status, argsz) == 0,
	       "vfio_group_status.argsz");
_Static_assert(offsetof(struct vfio_group_status, flags) == 4,
	       "vfio_group_status.flags");

/* Argument: struct vfio_group_status *. */
#define VFIO_GROUP_GET_STATUS		CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 3)
/* Argument: int * holding the container fd. */
#define VFIO_GROUP_SET_CONTAINER	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 4)
#define VFIO_GROUP_UNSET_CONTAINER	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 5)
/* Argument: the device name string; returns a new device fd. */
#define VFIO_GROUP_GET_DEVICE_FD	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 6)

/* ---- device (from VFIO_GROUP_GET_DEVICE_FD) ---- */

struct vfio_device_info {
	uint32_t	argsz;
	uint32_t	flags;
#define VFIO_DEVICE_FLAGS_RESET		(1 << 0)
#define VFIO_DEVICE_FLAGS_PCI		(1 << 1)
#define VFIO_DEVICE_FLAGS_PLATFORM	(1 << 2)
#define VFIO_DEVICE_FLAGS_AMBA		(1 << 3)
#define VFIO_DEVICE_FLAGS_CCW		(1 << 4)
#define VFIO_DEVICE_FLAGS_AP		(1 << 5)
#define VFIO_DEVICE_FLAGS_FSL_MC	(1 << 6)
#define VFIO_DEVICE_FLAGS_CAPS		(1 << 7)
	uint32_t	num_regions;
	uint32_t	num_irqs;
	uint32_t	cap_offset;
};

_Static_assert(sizeof(struct vfio_device_info) == 20,
	       "vfio_device_info size");
_Static_assert(offsetof(struct vfio_device_info, argsz) == 0,
	       "vfio_device_info.argsz");
_Static_assert(offsetof(struct vfio_device_info, flags) == 4,
	       "vfio_device_info.flags");
_Static_assert(offsetof(struct vfio_device_info, num_regions) == 8,
	       "vfio_device_info.num_regions");
_Static_assert(offsetof(struct vfio_device_info, num_irqs) == 12,
	       "vfio_device_info.num_irqs");
_Static_assert(offsetof(struct vfio_device_info, cap_offset) == 16,
	       "vfio_device_info.cap_offset");

/* Argument: struct vfio_device_info *. */
#define VFIO_DEVICE_GET_INFO		CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 7)

struct vfio_region_info {
	uint32_t	argsz;
	uint32_t	flags;
#define VFIO_REGION_INFO_FLAG_READ	(1 << 0)
#define VFIO_REGION_INFO_FLAG_WRITE	(1 << 1)
#define VFIO_REGION_INFO_FLAG_MMAP	(1 << 2)
#define VFIO_REGION_INFO_FLAG_CAPS	(1 << 3)
	uint32_t	index;
	uint32_t	cap_offset;
	uint64_t	size;
	uint64_t	offset;
};

_Static_assert(sizeof(struct vfio_region_info) == 32,
	       "vfio_region_info size");
_Static_assert(offsetof(struct vfio_region_info, argsz) == 0,
	       "vfio_region_info.argsz");
_Static_assert(offsetof(struct vfio_region_info, flags) == 4,
	       "vfio_region_info.flags");
_Static_assert(offsetof(struct vfio_region_info, index) == 8,
	       "vfio_region_info.index");
_Static_assert(offsetof(struct vfio_region_info, cap_offset) == 12,
	       "vfio_region_info.cap_offset");
_Static_assert(offsetof(struct vfio_region_info, size) == 16,
	       "vfio_region_info.size");
_Static_assert(offsetof(struct vfio_region_info, offset) == 24,
	       "vfio_region_info.offset");

/* Argument: struct vfio_region_info * with argsz and index set. */
#define VFIO_DEVICE_GET_REGION_INFO	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 8)

/* Region capability: a bus-specific type/subtype pair (version 1). */
#define VFIO_REGION_INFO_CAP_TYPE	2

struct vfio_region_info_cap_type {
	struct vfio_info_cap_header	header;
	uint32_t			type;
	uint32_t			subtype;
};

_Static_assert(sizeof(struct vfio_region_info_cap_type) == 16,
	       "vfio_region_info_cap_type size");
_Static_assert(offsetof(struct vfio_region_info_cap_type, header) == 0,
	       "vfio_region_info_cap_type.header");
_Static_assert(offsetof(struct vfio_region_info_cap_type, type) == 8,
	       "vfio_region_info_cap_type.type");
_Static_assert(offsetof(struct vfio_region_info_cap_type, subtype) == 12,
	       "vfio_region_info_cap_type.subtype");

#define VFIO_REGION_TYPE_CCW			(2)
#define VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD	(1)
#define VFIO_REGION_SUBTYPE_CCW_SCHIB		(2)
#define VFIO_REGION_SUBTYPE_CCW_CRW		(3)

struct vfio_irq_info {
	uint32_t	argsz;
	uint32_t	flags;
#define VFIO_IRQ_INFO_EVENTFD		(1 << 0)
#define VFIO_IRQ_INFO_MASKABLE		(1 << 1)
#define VFIO_IRQ_INFO_AUTOMASKED	(1 << 2)
#define VFIO_IRQ_INFO_NORESIZE		(1 << 3)
	uint32_t	index;
	uint32_t	count;
};

_Static_assert(sizeof(struct vfio_irq_info) == 16, "vfio_irq_info size");
_Static_assert(offsetof(struct vfio_irq_info, argsz) == 0,
	       "vfio_irq_info.argsz");
_Static_assert(offsetof(struct vfio_irq_info, flags) == 4,
	       "vfio_irq_info.flags");
_Static_assert(offsetof(struct vfio_irq_info, index) == 8,
	       "vfio_irq_info.index");
_Static_assert(offsetof(struct vfio_irq_info, count) == 12,
	       "vfio_irq_info.count");

/* Argument: struct vfio_irq_info * with argsz and index set. */
#define VFIO_DEVICE_GET_IRQ_INFO	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 9)

/*
 * count elements of data follow the header: none, one uint8_t each
 * (DATA_BOOL) or one int32_t eventfd each (DATA_EVENTFD, -1 detaches).
 */
struct vfio_irq_set {
	uint32_t	argsz;
	uint32_t	flags;
#define VFIO_IRQ_SET_DATA_NONE		(1 << 0)
#define VFIO_IRQ_SET_DATA_BOOL		(1 << 1)
#define VFIO_IRQ_SET_DATA_EVENTFD	(1 << 2)
#define VFIO_IRQ_SET_ACTION_MASK	(1 << 3)
#define VFIO_IRQ_SET_ACTION_UNMASK	(1 << 4)
#define VFIO_IRQ_SET_ACTION_TRIGGER	(1 << 5)
	uint32_t	index;
	uint32_t	start;
	uint32_t	count;
	uint8_t		data[];
};

_Static_assert(sizeof(struct vfio_irq_set) == 20, "vfio_irq_set size");
_Static_assert(offsetof(struct vfio_irq_set, argsz) == 0,
	       "vfio_irq_set.argsz");
_Static_assert(offsetof(struct vfio_irq_set, flags) == 4,
	       "vfio_irq_set.flags");
_Static_assert(offsetof(struct vfio_irq_set, index) == 8,
	       "vfio_irq_set.index");
_Static_assert(offsetof(struct vfio_irq_set, start) == 12,
	       "vfio_irq_set.start");
_Static_assert(offsetof(struct vfio_irq_set, count) == 16,
	       "vfio_irq_set.count");
_Static_assert(offsetof(struct vfio_irq_set, data) == 20,
	       "vfio_irq_set.data");

/* Argument: struct vfio_irq_set * followed by its data. */
#define VFIO_DEVICE_SET_IRQS		CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 10)

#define VFIO_IRQ_SET_DATA_TYPE_MASK	(VFIO_IRQ_SET_DATA_NONE | \
					 VFIO_IRQ_SET_DATA_BOOL | \
					 VFIO_IRQ_SET_DATA_EVENTFD)
#define VFIO_IRQ_SET_ACTION_TYPE_MASK	(VFIO_IRQ_SET_ACTION_MASK | \
					 VFIO_IRQ_SET_ACTION_UNMASK | \
					 VFIO_IRQ_SET_ACTION_TRIGGER)

#define VFIO_DEVICE_RESET		CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 11)

/*
 * vfio-ccw's fixed indexes.  Only the I/O region has a fixed index; the
 * async, SCHIB and CRW regions follow it and are found by their
 * capability (VFIO_REGION_TYPE_CCW / VFIO_REGION_SUBTYPE_CCW_*).
 */
enum {
	VFIO_CCW_CONFIG_REGION_INDEX,
	VFIO_CCW_NUM_REGIONS
};

enum {
	VFIO_CCW_IO_IRQ_INDEX,
	VFIO_CCW_CRW_IRQ_INDEX,
	VFIO_CCW_REQ_IRQ_INDEX,
	VFIO_CCW_NUM_IRQS
};

/* ---- type1 IOMMU (container, after VFIO_SET_IOMMU) ---- */

struct vfio_iommu_type1_info {
	uint32_t	argsz;
	uint32_t	flags;
#define VFIO_IOMMU_INFO_PGSIZES	(1 << 0)
#define VFIO_IOMMU_INFO_CAPS	(1 << 1)
	uint64_t	iova_pgsizes;
	uint32_t	cap_offset;
};

#if defined(__i386__)
/* i386 aligns 64-bit members to 4 bytes: no tail padding. */
_Static_assert(sizeof(struct vfio_iommu_type1_info) == 20,
	       "vfio_iommu_type1_info size");
#else
_Static_assert(sizeof(struct vfio_iommu_type1_info) == 24,
	       "vfio_iommu_type1_info size");
#endif
_Static_assert(offsetof(struct vfio_iommu_type1_info, argsz) == 0,
	       "vfio_iommu_type1_info.argsz");
_Static_assert(offsetof(struct vfio_iommu_type1_info, flags) == 4,
	       "vfio_iommu_type1_info.flags");
_Static_assert(offsetof(struct vfio_iommu_type1_info, iova_pgsizes) == 8,
	       "vfio_iommu_type1_info.iova_pgsizes");
_Static_assert(offsetof(struct vfio_iommu_type1_info, cap_offset) == 16,
	       "vfio_iommu_type1_info.cap_offset");

/* Argument: struct vfio_iommu_type1_info *. */
#define VFIO_IOMMU_GET_INFO	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 12)

struct vfio_iommu_type1_dma_map {
	uint32_t	argsz;
	uint32_t	flags;
#define VFIO_DMA_MAP_FLAG_READ	(1 << 0)
#define VFIO_DMA_MAP_FLAG_WRITE	(1 << 1)
	uint64_t	vaddr;
	uint64_t	iova;
	uint64_t	size;
};

_Static_assert(sizeof(struct vfio_iommu_type1_dma_map) == 32,
	       "vfio_iommu_type1_dma_map size");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_map, argsz) == 0,
	       "vfio_iommu_type1_dma_map.argsz");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_map, flags) == 4,
	       "vfio_iommu_type1_dma_map.flags");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_map, vaddr) == 8,
	       "vfio_iommu_type1_dma_map.vaddr");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_map, iova) == 16,
	       "vfio_iommu_type1_dma_map.iova");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_map, size) == 24,
	       "vfio_iommu_type1_dma_map.size");

/* Argument: struct vfio_iommu_type1_dma_map *. */
#define VFIO_IOMMU_MAP_DMA	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 13)

/* size is written back with the number of bytes unmapped. */
struct vfio_iommu_type1_dma_unmap {
	uint32_t	argsz;
	uint32_t	flags;
	uint64_t	iova;
	uint64_t	size;
	uint8_t		data[];
};

_Static_assert(sizeof(struct vfio_iommu_type1_dma_unmap) == 24,
	       "vfio_iommu_type1_dma_unmap size");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_unmap, argsz) == 0,
	       "vfio_iommu_type1_dma_unmap.argsz");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_unmap, flags) == 4,
	       "vfio_iommu_type1_dma_unmap.flags");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_unmap, iova) == 8,
	       "vfio_iommu_type1_dma_unmap.iova");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_unmap, size) == 16,
	       "vfio_iommu_type1_dma_unmap.size");
_Static_assert(offsetof(struct vfio_iommu_type1_dma_unmap, data) == 24,
	       "vfio_iommu_type1_dma_unmap.data");

/* Argument: struct vfio_iommu_type1_dma_unmap *. */
#define VFIO_IOMMU_UNMAP_DMA	CCWSIM_VFIO_IO(VFIO_TYPE, VFIO_BASE + 14)

#endif
