// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ccwsim's vfio ABI mirror (uapi/ccwsim/vfio.h, vfio_ccw.h) against the
 * kernel's headers, item by item (abi_items.h), and a few items against
 * literal numbers, so that a drift of both headers still fails.
 *
 * Without usable kernel headers on the build machine, CMake builds this
 * without abi_linux.c (CCWSIM_ABI_HAVE_LINUX 0): the literal checks still
 * run, then the executable exits 77, which CTest reports as skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ccwsim/vfio.h>
#include <ccwsim/vfio_ccw.h>

#include "abi_items.h"
#include "check_main.h"

/* CTest's SKIP_RETURN_CODE for this test (tests/unit/abi/CMakeLists.txt). */
#define ABI_EXIT_SKIP 77

#if CCWSIM_ABI_HAVE_LINUX
START_TEST(test_abi_item_matches_linux)
{
	const struct abi_item *ours = &abi_ours[_i];
	const struct abi_item *linux_ = &abi_linux[_i];

	/* Both tables come from one list; a differing name is a test bug. */
	ck_assert_str_eq(ours->name, linux_->name);
	ck_assert_msg(ours->value == linux_->value,
		      "%s: ccwsim %lld (%#llx), linux %lld (%#llx)",
		      ours->name, ours->value, (unsigned long long)ours->value,
		      linux_->value, (unsigned long long)linux_->value);
}
END_TEST
#endif

/*
 * Numbers of the kernel ABI written out by hand: the region sizes and
 * capability values of vfio-ccw-driver.md §2.1/§2.4, and the ioctl
 * numbers ((';' << 8) | (100 + n)) as <linux/vfio.h> on x86_64 (Linux
 * 6.1) yields them.
 */
static const struct {
	const char *name;
	long long value;
	long long expect;
} literal[] = {
#define LIT(expr, n)	{ #expr, (long long)(expr), (n) }
	LIT(sizeof(struct ccw_io_region), 124),
	LIT(offsetof(struct ccw_io_region, irb_area), 24),
	LIT(offsetof(struct ccw_io_region, ret_code), 120),
	LIT(sizeof(struct ccw_cmd_region), 8),
	LIT(sizeof(struct ccw_schib_region), 52),
	LIT(sizeof(struct ccw_crw_region), 8),
	LIT(sizeof(struct vfio_device_info), 20),
	LIT(sizeof(struct vfio_region_info), 32),
	LIT(sizeof(struct vfio_region_info_cap_type), 16),
	LIT(sizeof(struct vfio_irq_set), 20),
	LIT(VFIO_CCW_ASYNC_CMD_HSCH, 1),
	LIT(VFIO_CCW_ASYNC_CMD_CSCH, 2),
	LIT(VFIO_TYPE1v2_IOMMU, 3),
	LIT(VFIO_DEVICE_FLAGS_CCW | VFIO_DEVICE_FLAGS_RESET, 0x11),
	LIT(VFIO_REGION_INFO_CAP_TYPE, 2),
	LIT(VFIO_REGION_TYPE_CCW, 2),
	LIT(VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD, 1),
	LIT(VFIO_REGION_SUBTYPE_CCW_SCHIB, 2),
	LIT(VFIO_REGION_SUBTYPE_CCW_CRW, 3),
	LIT(VFIO_CCW_NUM_REGIONS, 1),
	LIT(VFIO_CCW_CRW_IRQ_INDEX, 1),
	LIT(VFIO_CCW_REQ_IRQ_INDEX, 2),
	LIT(VFIO_CCW_NUM_IRQS, 3),
	LIT(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, 0x24),
	LIT(VFIO_GET_API_VERSION, 0x3b64),
	LIT(VFIO_CHECK_EXTENSION, 0x3b65),
	LIT(VFIO_SET_IOMMU, 0x3b66),
	LIT(VFIO_GROUP_GET_STATUS, 0x3b67),
	LIT(VFIO_GROUP_SET_CONTAINER, 0x3b68),
	LIT(VFIO_GROUP_UNSET_CONTAINER, 0x3b69),
	LIT(VFIO_GROUP_GET_DEVICE_FD, 0x3b6a),
	LIT(VFIO_DEVICE_GET_INFO, 0x3b6b),
	LIT(VFIO_DEVICE_GET_REGION_INFO, 0x3b6c),
	LIT(VFIO_DEVICE_GET_IRQ_INFO, 0x3b6d),
	LIT(VFIO_DEVICE_SET_IRQS, 0x3b6e),
	LIT(VFIO_DEVICE_RESET, 0x3b6f),
	LIT(VFIO_IOMMU_GET_INFO, 0x3b70),
	LIT(VFIO_IOMMU_MAP_DMA, 0x3b71),
	LIT(VFIO_IOMMU_UNMAP_DMA, 0x3b72),
#undef LIT
};

START_TEST(test_abi_literal)
{
	ck_assert_msg(literal[_i].value == literal[_i].expect,
		      "%s: ccwsim %lld (%#llx), kernel ABI %lld (%#llx)",
		      literal[_i].name, literal[_i].value,
		      (unsigned long long)literal[_i].value, literal[_i].expect,
		      (unsigned long long)literal[_i].expect);
}
END_TEST

/* The ours table is filled: the X-macro expanded to every row. */
START_TEST(test_abi_table_complete)
{
	for (int i = 0; i < ABI_NITEMS; i++)
		ck_assert_msg(abi_ours[i].name != NULL, "row %d empty", i);
}
END_TEST

#if !CCWSIM_ABI_HAVE_LINUX
/*
 * Nothing to compare against: run the checks that need no kernel header,
 * then leave with the skip code (or the failure) instead of letting
 * check_main.c report a pass.
 */
static void abi_run_then_skip(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (failed)
		exit(EXIT_FAILURE);
	printf("SKIPPED: ccwsim vs kernel ABI comparison: %s\n",
	       CCWSIM_ABI_SKIP_REASON);
	fflush(stdout);
	exit(ABI_EXIT_SKIP);
}
#endif

Suite *suite(void)
{
	Suite *s = suite_create("abi");
	TCase *tc = tcase_create("abi");

	tcase_add_test(tc, test_abi_table_complete);
	tcase_add_loop_test(tc, test_abi_literal, 0,
			    sizeof(literal) / sizeof(literal[0]));
#if CCWSIM_ABI_HAVE_LINUX
	tcase_add_loop_test(tc, test_abi_item_matches_linux, 0, ABI_NITEMS);
#endif
	suite_add_tcase(s, tc);
#if !CCWSIM_ABI_HAVE_LINUX
	abi_run_then_skip(s);
#endif
	return s;
}
