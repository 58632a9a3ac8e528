/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Named fields of architected blocks.
 *
 * Each block header lists its fields once, as a table:
 *
 *     #define CCWA_SCSW_FIELDS(X) \
 *         X(scsw, fctl, 17, 3, 32, FLAGS, ccwa_scsw_fctl_names, "function control") \
 *         ...
 *
 * columns: block, field name, first bit, width in bits, C type width (32 or
 * 64), how the decoder shows it, the names of its flag bits or values, and
 * a short meaning.  Bits are numbered as in the Principles of Operation:
 * bit 0 is the most significant bit of byte 0 of the block, so "bit n of
 * word w" is bit 32*w+n.
 *
 * CCWA_ACCESSORS turns each row into a getter and a setter,
 *
 *     uint32_t ccwa_scsw_fctl(const struct ccwa_scsw *);
 *     void     ccwa_scsw_set_fctl(struct ccwa_scsw *, uint32_t);
 *
 * plus compile-time checks that the field lies inside the block.  The same
 * table, expanded with CCWA_FIELD_DESC in uapi/src, is what `ccwsim decode`
 * prints, so the layout is written down in exactly one place.  The tests
 * pin every field with byte vectors written independently from the facts
 * sheet, not from these tables.
 *
 * Setters drop value bits that do not fit the field.
 */
#ifndef CCWSIM_ARCH_FIELD_H
#define CCWSIM_ARCH_FIELD_H

#include <stdint.h>

#include <ccwsim/arch/be.h>

/*
 * Read @width bits starting at POPS bit @bit of the byte array @blk.
 * A field may span at most 8 bytes (checked at compile time per field).
 */
static inline uint64_t ccwa_get_bits(const void *blk, unsigned bit,
				     unsigned width)
{
	const uint8_t *b = (const uint8_t *)blk + bit / 8;
	unsigned end = bit % 8 + width;	/* bits counted from b[0]'s MSB */
	unsigned n = (end + 7) / 8;	/* bytes touched */
	uint64_t acc = 0;

	for (unsigned i = 0; i < n; i++)
		acc = acc << 8 | b[i];
	acc >>= n * 8 - end;
	return width == 64 ? acc : acc & ((UINT64_C(1) << width) - 1);
}

static inline void ccwa_put_bits(void *blk, unsigned bit, unsigned width,
				 uint64_t v)
{
	uint8_t *b = (uint8_t *)blk + bit / 8;
	unsigned end = bit % 8 + width;
	unsigned n = (end + 7) / 8;
	unsigned shift = n * 8 - end;
	uint64_t mask = width == 64 ? ~UINT64_C(0)
				    : ((UINT64_C(1) << width) - 1) << shift;
	uint64_t acc = 0;

	for (unsigned i = 0; i < n; i++)
		acc = acc << 8 | b[i];
	acc = (acc & ~mask) | ((v << shift) & mask);
	for (unsigned i = n; i-- > 0;) {
		b[i] = (uint8_t)acc;
		acc >>= 8;
	}
}

#define CCWA_ACCESSORS(blk, name, bit, width, T, kind, names, desc)	\
	_Static_assert((bit) + (width) <= 8 * sizeof(struct ccwa_##blk), \
		       #blk "." #name " lies outside the block");	\
	_Static_assert((bit) % 8 + (width) <= 64 && (width) <= (T),	\
		       #blk "." #name " is too wide");			\
	static inline uint##T##_t					\
	ccwa_##blk##_##name(const struct ccwa_##blk *p)			\
	{								\
		return (uint##T##_t)ccwa_get_bits(p, bit, width);	\
	}								\
	static inline void						\
	ccwa_##blk##_set_##name(struct ccwa_##blk *p, uint##T##_t v)	\
	{								\
		ccwa_put_bits(p, bit, width, v);			\
	}

/* How `ccwsim decode` shows a field. */
enum ccwa_field_kind {
	CCWA_FK_HEX,	/* a number or an address, in hex */
	CCWA_FK_DEC,	/* a count, in decimal */
	CCWA_FK_BIT,	/* a one-bit control or indicator */
	CCWA_FK_FLAGS,	/* several one-bit flags, names[] MSB first */
	CCWA_FK_ENUM,	/* a code, names[value] (NULL: reserved value) */
	CCWA_FK_RSVD,	/* reserved: expected zero */
	CCWA_FK_CMD0,	/* a format-0 CCW command code, shown with its class */
	CCWA_FK_CMD1,	/* a format-1 CCW command code (TIC is exactly 0x08) */
};

struct ccwa_field {
	const char *name;
	uint16_t bit;
	uint8_t width;
	uint8_t kind;			/* enum ccwa_field_kind */
	const char *const *names;	/* FLAGS: width entries; ENUM: 1<<width */
	const char *desc;
};

#define CCWA_FIELD_DESC(blk, name, bit, width, T, kind, names, desc)	\
	{ #name, bit, width, CCWA_FK_##kind, names, desc },

#endif /* CCWSIM_ARCH_FIELD_H */
