// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * "expect vfio ...": the FSM state, the last region reads (IRB, ret_code,
 * SCHIB, CRW), the last ioctl answers, the model's counters and the
 * eventfds.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <ccwsim/kmodel/kmodel.h>


#include "vfio_int.h"

/* The model's counters by name, for "expect vfio counts". */
static const struct {
	const char *name;
	size_t off;
} counts[] = {
#define COUNT(f) { #f, offsetof(struct kmodel_counts, f) }
	COUNT(pins), COUNT(allocs), COUNT(alloc_bytes), COUNT(iommu_warns),
	COUNT(violations), COUNT(irqs), COUNT(lost_irbs), COUNT(signals),
	COUNT(use_after_free),
#undef COUNT
};

static int expect_counts(struct ctx *c, struct scn_stmt *s)
{
	struct kmodel_counts kc;
	char all[200] = "";

	if (!c->dry)
		kmodel_counts(c->v->k, &kc);
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		snprintf(all + strlen(all), sizeof(all) - strlen(all), "%s%s",
			 i ? " " : "", counts[i].name);
	for (unsigned k = 2; k < s->nargs; k++) {
		struct scn_arg *a = &s->args[k];
		uint64_t want, got;
		size_t i;
		char name[32];
		enum scn_cmp op;

		if (!a->key)
			continue;
		a->used = 1;
		op = scn_split_cmp(a->key, name, sizeof(name));
		for (i = 0; i < sizeof(counts) / sizeof(counts[0]) &&
			    strcmp(counts[i].name, name); i++)
			;
		if (i == sizeof(counts) / sizeof(counts[0]) || op == CMP_HAS) {
			cx_error(c, a->line, a->col,
				 "no count '%s' (%s; compared with = <= >= !=)",
				 a->key, all);
			continue;
		}
		if (val_u64(c, a, &want) || c->dry)
			continue;
		memcpy(&got, (const char *)&kc + counts[i].off, sizeof(got));
		c->expectations++;
		if (!scn_cmp_holds(op, got, want))
			cx_error(c, a->line, a->col,
				 "vfio counts: %s expected %s%llu, got %llu%s%s", name,
				 scn_cmp_words[op], (unsigned long long)want,
				 (unsigned long long)got,
				 !strcmp(name, "violations") && got ? ": " : "",
				 !strcmp(name, "violations") && got ?
					 kmodel_first_violation(c->v->k) : "");
	}
	return args_unused(c, s);
}

/* Named numbers of a struct the last ioctl filled. */
struct num_field {
	const char *name;
	unsigned off, size;
};

static void num_checks(struct ctx *c, struct scn_stmt *s, const uint8_t *b,
		       const struct num_field *f, size_t nf, const char *what)
{
	for (unsigned k = 2; k < s->nargs; k++) {
		struct scn_arg *a = &s->args[k];
		uint64_t v, actual = 0;
		size_t i;

		if (!a->key)
			continue;
		a->used = 1;
		for (i = 0; i < nf && strcmp(f[i].name, a->key); i++)
			;
		if (i == nf) {
			cx_error(c, a->line, a->col, "%s has no '%s'", what, a->key);
			continue;
		}
		if (val_u64(c, a, &v) || c->dry)
			continue;
		memcpy(&actual, b + f[i].off, f[i].size);	/* host order */
		c->expectations++;
		if (actual != v)
			cx_error(c, a->line, a->col, "%s: %s expected %llu, got %llu",
				 what, a->key, (unsigned long long)v,
				 (unsigned long long)actual);
	}
}

int vfio_expect(struct ctx *c, struct scn_stmt *s)
{
	static const struct num_field info[] = {
		{ "argsz", 0, 4 }, { "flags", 4, 4 }, { "num_regions", 8, 4 },
		{ "num_irqs", 12, 4 },
	};
	static const struct num_field reg[] = {
		{ "argsz", 0, 4 }, { "flags", 4, 4 }, { "index", 8, 4 },
		{ "cap_offset", 12, 4 }, { "size", 16, 8 }, { "offset", 24, 8 },
		{ "cap.id", 32, 2 }, { "cap.version", 34, 2 }, { "cap.next", 36, 4 },
		{ "cap.type", 40, 4 }, { "cap.subtype", 44, 4 },
	};
	static const struct num_field irq[] = {
		{ "argsz", 0, 4 }, { "flags", 4, 4 }, { "index", 8, 4 },
		{ "count", 12, 4 },
	};
	struct vfio_ctx *v = c->v;
	struct scn_arg *w = arg_pos(s, 1);

	if (!v) {
		cx_error(c, s->line, s->col, "expect vfio needs a driver statement");
		return -1;
	}
	if (!w)
		return arg_missing(c, s, "state, irb, ret, schib, crw, info, region, irqinfo, counts or eventfd");
	if (!strcmp(w->val, "state")) {
		struct scn_arg *n = arg_pos(s, 2);
		const char *got;

		if (!n)
			return arg_missing(c, s, "a state name");
		if (args_unused(c, s) || c->dry)
			return 0;
		got = kmodel_sch_fsm_state(v->k, v->mdev[0].ssid,
					   v->mdev[0].schno);
		c->expectations++;
		if (!got || strcmp(got, n->val))
			cx_error(c, n->line, n->col, "vfio state: expected %s, got %s",
				 n->val, got ? got : "(none)");
		return 0;
	}
	if (!strcmp(w->val, "irb")) {
		scn_check_fields(c, s, "irb", v->rbuf[R_IO] + 24, 96, "vfio irb");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "schib")) {
		scn_check_fields(c, s, "schib", v->rbuf[R_SCHIB], 52, "vfio schib");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "crw")) {
		uint8_t b[4];

		/* the profile's order back to the architected one */
		memcpy(b, v->rbuf[R_CRW], 4);
		kmodel_profile_crw(v->profile, b);
		scn_check_fields(c, s, "crw", b, 4, "vfio crw");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "ret")) {
		for (unsigned k = 2; k < s->nargs; k++) {
			struct scn_arg *a = &s->args[k];
			int32_t got;
			int want = 0;

			if (!a->key)
				continue;
			a->used = 1;
			if (strcmp(a->key, "io") && strcmp(a->key, "cmd")) {
				cx_error(c, a->line, a->col, "ret io= or ret cmd=");
				continue;
			}
			if (!strcmp(a->val, "0")) {
				want = 0;
			} else {
				int e = scn_errno_by_name(a->val + (a->val[0] == '-'));

				if (!e) {
					cx_error(c, a->line, a->col,
						 "0 or an errno name (-EBUSY or EBUSY)");
					continue;
				}
				want = -e;
			}
			if (c->dry)
				continue;
			got = (int32_t)get_word(v, a->key[0] == 'i' ? v->rbuf[R_IO] + 120
								     : v->rbuf[R_CMD] + 4);
			c->expectations++;
			if (got != want)
				cx_error(c, a->line, a->col,
					 "ret_code of the %s region: expected %d (%s), got %d (%s)",
					 a->key, want, want ? scn_errno_name(-want) : "0", got,
					 got < 0 ? scn_errno_name(-got) : "-");
		}
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "info")) {
		num_checks(c, s, v->info, info, 4, "vfio info");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "region")) {
		num_checks(c, s, v->reg, reg, 11, "vfio region info");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "irqinfo")) {
		num_checks(c, s, v->irq, irq, 4, "vfio irq info");
		return args_unused(c, s);
	}
	if (!strcmp(w->val, "counts"))
		return expect_counts(c, s);
	if (!strcmp(w->val, "eventfd")) {
		for (unsigned k = 2; k < s->nargs; k++) {
			struct scn_arg *a = &s->args[k];
			uint64_t want, val;
			int q = -1;

			if (!a->key)
				continue;
			a->used = 1;
			for (int i = 0; i < Q_NR; i++)
				if (!strcmp(a->key, irq_names[i]))
					q = i;
			if (q < 0) {
				cx_error(c, a->line, a->col, "eventfd io=, crw= or req=");
				continue;
			}
			if (val_u64(c, a, &want) || c->dry)
				continue;
			if (v->efd[q] >= 0 && read(v->efd[q], &val, 8) == 8)
				v->signals[q] += val;
			c->expectations++;
			if (v->signals[q] != want)
				cx_error(c, a->line, a->col,
					 "eventfd %s signalled %llu times, expected %llu",
					 irq_names[q], (unsigned long long)v->signals[q],
					 (unsigned long long)want);
		}
		return args_unused(c, s);
	}
	cx_error(c, w->line, w->col,
		 "expect vfio what? state, irb, ret, schib, crw, info, region, irqinfo, counts, eventfd");
	return -1;
}

