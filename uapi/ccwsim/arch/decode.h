/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Describing architected blocks by their fields: what `ccwsim decode`
 * prints, and what traces use to show a block in words.
 *
 * A *block description* is the field table of one block (expanded from
 * the same X-macro list that generates its accessors).  A *kind* is what
 * the user names on the command line ("irb", "schib"); it lays one or more
 * block descriptions over the input bytes, for example an IRB is an SCSW
 * at 0, an ESW at 12 (format 0 or 1-3, chosen by SCSW L), its ERW at 16,
 * the ECW at 32 and, when 96 bytes are given, the EMW at 64.
 */
#ifndef CCWSIM_ARCH_DECODE_H
#define CCWSIM_ARCH_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include <ccwsim/arch/field.h>

struct ccwa_block_desc {
	const char *name;		/* "scsw" */
	const char *title;		/* "subchannel-status word" */
	const char *facts;		/* facts-sheet section, "§1.5" */
	uint16_t size;			/* bytes */
	uint16_t nfields;
	const struct ccwa_field *fields;
};

/* One block description placed at a byte offset of the input. */
struct ccwa_part {
	const struct ccwa_block_desc *blk;
	size_t offset;
	size_t len;			/* bytes of the input this part covers */
};

/* Enough for sense-ID data with the largest number of CIWs. */
#define CCWA_MAX_PARTS 72

/* NULL-terminated list of the kinds ccwa_layout() knows. */
const char *const *ccwa_kinds(void);

/* A one-line summary of a kind's accepted lengths, e.g. "64 or 96". */
const char *ccwa_kind_sizes(const char *kind);

/*
 * Lay @kind over @len bytes at @b.  Returns the number of parts (>= 1),
 * or -1 with a message in @err: unknown kind, or a length the kind does
 * not have.
 */
int ccwa_layout(const char *kind, const uint8_t *b, size_t len,
		struct ccwa_part *parts, char *err, size_t errlen);

/* The value of field @f of the block whose first byte is @blk. */
uint64_t ccwa_field_value(const struct ccwa_field *f, const uint8_t *blk);

/*
 * The value in words: "start|halt", "-" for no flag set, an enum's name,
 * a hex or decimal number, or "0x3 (reserved, not zero)".  Returns @buf.
 */
char *ccwa_field_text(const struct ccwa_field *f, uint64_t v, char *buf,
		      size_t len);

/* Whether a field holds its defined value space (reserved bits zero etc.). */
int ccwa_field_suspect(const struct ccwa_field *f, uint64_t v);

#endif /* CCWSIM_ARCH_DECODE_H */
