/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every ABI fact that ccwsim's <ccwsim/vfio.h> and <ccwsim/vfio_ccw.h>
 * share with Linux's <linux/vfio.h> and <linux/vfio_ccw.h>, as one
 * X-macro list.  abi_ours.c expands it against ccwsim's headers,
 * abi_linux.c against the kernel's (the two sets cannot meet in one
 * translation unit: same names), and test_abi.c compares the two tables
 * entry by entry.
 *
 * ABI_ITEMS(S, M, F, V):
 *   S(s)     struct s: sizeof and _Alignof (alignment 1 = packed)
 *   M(s, m)  member m of struct s: offsetof and sizeof
 *   F(s, m)  flexible array member m of struct s: offsetof
 *   V(c)     constant, enumerator or ioctl number c
 */
#ifndef CCWSIM_TESTS_ABI_ITEMS_H
#define CCWSIM_TESTS_ABI_ITEMS_H

#include <stddef.h>

#define ABI_ITEMS(S, M, F, V)						\
	/* vfio_ccw.h */						\
	S(ccw_io_region)						\
	M(ccw_io_region, orb_area)					\
	M(ccw_io_region, scsw_area)					\
	M(ccw_io_region, irb_area)					\
	M(ccw_io_region, ret_code)					\
	V(ORB_AREA_SIZE)						\
	V(SCSW_AREA_SIZE)						\
	V(IRB_AREA_SIZE)						\
	V(VFIO_CCW_ASYNC_CMD_HSCH)					\
	V(VFIO_CCW_ASYNC_CMD_CSCH)					\
	S(ccw_cmd_region)						\
	M(ccw_cmd_region, command)					\
	M(ccw_cmd_region, ret_code)					\
	S(ccw_schib_region)						\
	M(ccw_schib_region, schib_area)					\
	V(SCHIB_AREA_SIZE)						\
	S(ccw_crw_region)						\
	M(ccw_crw_region, crw)						\
	M(ccw_crw_region, pad)						\
	/* vfio.h: container */						\
	V(VFIO_API_VERSION)						\
	V(VFIO_TYPE1_IOMMU)						\
	V(VFIO_TYPE1v2_IOMMU)						\
	V(VFIO_TYPE)							\
	V(VFIO_BASE)							\
	S(vfio_info_cap_header)						\
	M(vfio_info_cap_header, id)					\
	M(vfio_info_cap_header, version)				\
	M(vfio_info_cap_header, next)					\
	V(VFIO_GET_API_VERSION)						\
	V(VFIO_CHECK_EXTENSION)						\
	V(VFIO_SET_IOMMU)						\
	/* vfio.h: group */						\
	S(vfio_group_status)						\
	M(vfio_group_status, argsz)					\
	M(vfio_group_status, flags)					\
	V(VFIO_GROUP_FLAGS_VIABLE)					\
	V(VFIO_GROUP_FLAGS_CONTAINER_SET)				\
	V(VFIO_GROUP_GET_STATUS)					\
	V(VFIO_GROUP_SET_CONTAINER)					\
	V(VFIO_GROUP_UNSET_CONTAINER)					\
	V(VFIO_GROUP_GET_DEVICE_FD)					\
	/* vfio.h: device */						\
	S(vfio_device_info)						\
	M(vfio_device_info, argsz)					\
	M(vfio_device_info, flags)					\
	M(vfio_device_info, num_regions)				\
	M(vfio_device_info, num_irqs)					\
	M(vfio_device_info, cap_offset)					\
	V(VFIO_DEVICE_FLAGS_RESET)					\
	V(VFIO_DEVICE_FLAGS_PCI)					\
	V(VFIO_DEVICE_FLAGS_PLATFORM)					\
	V(VFIO_DEVICE_FLAGS_AMBA)					\
	V(VFIO_DEVICE_FLAGS_CCW)					\
	V(VFIO_DEVICE_FLAGS_AP)						\
	V(VFIO_DEVICE_FLAGS_FSL_MC)					\
	V(VFIO_DEVICE_FLAGS_CAPS)					\
	V(VFIO_DEVICE_GET_INFO)						\
	S(vfio_region_info)						\
	M(vfio_region_info, argsz)					\
	M(vfio_region_info, flags)					\
	M(vfio_region_info, index)					\
	M(vfio_region_info, cap_offset)					\
	M(vfio_region_info, size)					\
	M(vfio_region_info, offset)					\
	V(VFIO_REGION_INFO_FLAG_READ)					\
	V(VFIO_REGION_INFO_FLAG_WRITE)					\
	V(VFIO_REGION_INFO_FLAG_MMAP)					\
	V(VFIO_REGION_INFO_FLAG_CAPS)					\
	V(VFIO_DEVICE_GET_REGION_INFO)					\
	V(VFIO_REGION_INFO_CAP_TYPE)					\
	S(vfio_region_info_cap_type)					\
	M(vfio_region_info_cap_type, header)				\
	M(vfio_region_info_cap_type, type)				\
	M(vfio_region_info_cap_type, subtype)				\
	V(VFIO_REGION_TYPE_CCW)						\
	V(VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD)				\
	V(VFIO_REGION_SUBTYPE_CCW_SCHIB)				\
	V(VFIO_REGION_SUBTYPE_CCW_CRW)					\
	S(vfio_irq_info)						\
	M(vfio_irq_info, argsz)						\
	M(vfio_irq_info, flags)						\
	M(vfio_irq_info, index)						\
	M(vfio_irq_info, count)						\
	V(VFIO_IRQ_INFO_EVENTFD)					\
	V(VFIO_IRQ_INFO_MASKABLE)					\
	V(VFIO_IRQ_INFO_AUTOMASKED)					\
	V(VFIO_IRQ_INFO_NORESIZE)					\
	V(VFIO_DEVICE_GET_IRQ_INFO)					\
	S(vfio_irq_set)							\
	M(vfio_irq_set, argsz)						\
	M(vfio_irq_set, flags)						\
	M(vfio_irq_set, index)						\
	M(vfio_irq_set, start)						\
	M(vfio_irq_set, count)						\
	F(vfio_irq_set, data)						\
	V(VFIO_IRQ_SET_DATA_NONE)					\
	V(VFIO_IRQ_SET_DATA_BOOL)					\
	V(VFIO_IRQ_SET_DATA_EVENTFD)					\
	V(VFIO_IRQ_SET_ACTION_MASK)					\
	V(VFIO_IRQ_SET_ACTION_UNMASK)					\
	V(VFIO_IRQ_SET_ACTION_TRIGGER)					\
	V(VFIO_IRQ_SET_DATA_TYPE_MASK)					\
	V(VFIO_IRQ_SET_ACTION_TYPE_MASK)				\
	V(VFIO_DEVICE_SET_IRQS)						\
	V(VFIO_DEVICE_RESET)						\
	V(VFIO_CCW_CONFIG_REGION_INDEX)					\
	V(VFIO_CCW_NUM_REGIONS)						\
	V(VFIO_CCW_IO_IRQ_INDEX)					\
	V(VFIO_CCW_CRW_IRQ_INDEX)					\
	V(VFIO_CCW_REQ_IRQ_INDEX)					\
	V(VFIO_CCW_NUM_IRQS)						\
	/* vfio.h: type1 IOMMU */					\
	S(vfio_iommu_type1_info)					\
	M(vfio_iommu_type1_info, argsz)					\
	M(vfio_iommu_type1_info, flags)					\
	M(vfio_iommu_type1_info, iova_pgsizes)				\
	M(vfio_iommu_type1_info, cap_offset)				\
	V(VFIO_IOMMU_INFO_PGSIZES)					\
	V(VFIO_IOMMU_INFO_CAPS)						\
	V(VFIO_IOMMU_GET_INFO)						\
	S(vfio_iommu_type1_dma_map)					\
	M(vfio_iommu_type1_dma_map, argsz)				\
	M(vfio_iommu_type1_dma_map, flags)				\
	M(vfio_iommu_type1_dma_map, vaddr)				\
	M(vfio_iommu_type1_dma_map, iova)				\
	M(vfio_iommu_type1_dma_map, size)				\
	V(VFIO_DMA_MAP_FLAG_READ)					\
	V(VFIO_DMA_MAP_FLAG_WRITE)					\
	V(VFIO_IOMMU_MAP_DMA)						\
	S(vfio_iommu_type1_dma_unmap)					\
	M(vfio_iommu_type1_dma_unmap, argsz)				\
	M(vfio_iommu_type1_dma_unmap, flags)				\
	M(vfio_iommu_type1_dma_unmap, iova)				\
	M(vfio_iommu_type1_dma_unmap, size)				\
	F(vfio_iommu_type1_dma_unmap, data)				\
	V(VFIO_IOMMU_UNMAP_DMA)

struct abi_item {
	const char *name;
	long long value;
};

/* Table rows: S and M give two rows each, F and V one. */
#define ABI_ROWS_S(s)		+ 2
#define ABI_ROWS_M(s, m)	+ 2
#define ABI_ROWS_F(s, m)	+ 1
#define ABI_ROWS_V(c)		+ 1
enum {
	ABI_NITEMS = 0 ABI_ITEMS(ABI_ROWS_S, ABI_ROWS_M, ABI_ROWS_F, ABI_ROWS_V)
};

/* The initializers, the same text in both tables. */
#define ABI_ROW_S(s)							\
	{ "sizeof(struct " #s ")", (long long)sizeof(struct s) },	\
	{ "_Alignof(struct " #s ")", (long long)_Alignof(struct s) },
#define ABI_ROW_M(s, m)							\
	{ "offsetof(struct " #s ", " #m ")",				\
	  (long long)offsetof(struct s, m) },				\
	{ "sizeof(struct " #s "." #m ")",				\
	  (long long)sizeof(((struct s *)0)->m) },
#define ABI_ROW_F(s, m)							\
	{ "offsetof(struct " #s ", " #m "[])",				\
	  (long long)offsetof(struct s, m) },
#define ABI_ROW_V(c)		{ #c, (long long)(c) },
#define ABI_TABLE	ABI_ITEMS(ABI_ROW_S, ABI_ROW_M, ABI_ROW_F, ABI_ROW_V)

/* abi_ours.c, built from ccwsim's headers. */
extern const struct abi_item abi_ours[ABI_NITEMS];

#if CCWSIM_ABI_HAVE_LINUX
/* abi_linux.c, built from the kernel's headers. */
extern const struct abi_item abi_linux[ABI_NITEMS];
#endif

#endif
