// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Kinds: how `ccwsim decode KIND` lays block descriptions over input bytes,
 * and how a field value is put into words.
 */
#include <stdio.h>
#include <string.h>

#include <ccwsim/arch/decode.h>
#include <ccwsim/arch/scsw.h>

#include "blocks.h"

struct kind {
	const char *name;
	const char *sizes;	/* accepted lengths, for messages */
	/* Fill parts; return their number, or 0 when @len does not fit. */
	int (*layout)(const uint8_t *b, size_t len, struct ccwa_part *p);
};

static int part(struct ccwa_part *p, const struct ccwa_block_desc *blk,
		size_t offset, size_t len)
{
	p->blk = blk;
	p->offset = offset;
	p->len = len;
	return 1;
}

static int lay_scsw(const uint8_t *b, size_t len, struct ccwa_part *p)
{
	(void)b;
	return len == CCWA_SCSW_SIZE ? part(p, &ccwa_desc_scsw, 0, len) : 0;
}

static const struct kind kinds[] = {
	{ "scsw", "12", lay_scsw },
};

#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

const char *const *ccwa_kinds(void)
{
	static const char *names[NKINDS + 1];

	if (!names[0])
		for (size_t i = 0; i < NKINDS; i++)
			names[i] = kinds[i].name;
	return names;
}

static const struct kind *find_kind(const char *name)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

const char *ccwa_kind_sizes(const char *kind)
{
	const struct kind *k = find_kind(kind);

	return k ? k->sizes : NULL;
}

int ccwa_layout(const char *kind, const uint8_t *b, size_t len,
		struct ccwa_part *parts, char *err, size_t errlen)
{
	const struct kind *k = find_kind(kind);
	int n;

	if (!k) {
		snprintf(err, errlen, "unknown kind '%s'", kind);
		return -1;
	}
	n = k->layout(b, len, parts);
	if (n <= 0) {
		snprintf(err, errlen, "%s is %s bytes, got %zu", kind, k->sizes,
			 len);
		return -1;
	}
	return n;
}

uint64_t ccwa_field_value(const struct ccwa_field *f, const uint8_t *blk)
{
	return ccwa_get_bits(blk, f->bit, f->width);
}

int ccwa_field_suspect(const struct ccwa_field *f, uint64_t v)
{
	switch (f->kind) {
	case CCWA_FK_RSVD:
		return v != 0;
	case CCWA_FK_ENUM:
		return f->names[v] == NULL;
	default:
		return 0;
	}
}

static char *flags_text(const struct ccwa_field *f, uint64_t v, char *buf,
			size_t len)
{
	size_t used = 0;

	buf[0] = 0;
	for (unsigned i = 0; i < f->width; i++) {
		if (!(v >> (f->width - 1 - i) & 1))
			continue;
		int n = snprintf(buf + used, len - used, "%s%s",
				 used ? "|" : "", f->names[i]);
		if (n < 0 || (size_t)n >= len - used)
			break;
		used += (size_t)n;
	}
	if (!used)
		snprintf(buf, len, "-");
	return buf;
}

char *ccwa_field_text(const struct ccwa_field *f, uint64_t v, char *buf,
		      size_t len)
{
	int digits = (f->width + 3) / 4;

	switch (f->kind) {
	case CCWA_FK_DEC:
		snprintf(buf, len, "%llu", (unsigned long long)v);
		break;
	case CCWA_FK_BIT:
		snprintf(buf, len, "%u", (unsigned)v);
		break;
	case CCWA_FK_FLAGS:
		return flags_text(f, v, buf, len);
	case CCWA_FK_ENUM:
		if (f->names[v])
			snprintf(buf, len, "%s", f->names[v]);
		else
			snprintf(buf, len, "0x%0*llx (reserved value)", digits,
				 (unsigned long long)v);
		break;
	case CCWA_FK_RSVD:
		if (v)
			snprintf(buf, len, "0x%0*llx (reserved, not zero)",
				 digits, (unsigned long long)v);
		else
			snprintf(buf, len, "0");
		break;
	default:
		snprintf(buf, len, "0x%0*llx", digits, (unsigned long long)v);
		break;
	}
	return buf;
}
