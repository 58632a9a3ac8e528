/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to the scenario library.
 *
 * A scenario is a list of statements, one per line: a verb, positional and
 * key=value arguments, optionally "-> expected outcome", optionally an
 * indented block (expect trace).  Every verb is one function that runs
 * twice: once "dry", when the file is checked (arguments parsed, labels
 * resolved, every error reported), and once for real.  So what is checked
 * is exactly what runs.
 */
#ifndef CCWSIM_SCN_INT_H
#define CCWSIM_SCN_INT_H

#include <stdarg.h>
#include <stdint.h>

#include <ccwsim/scenario.h>
#include <ccwsim/sim/css.h>
#include <ccwsim/sim/evq.h>
#include <ccwsim/sim/mem.h>
#include <ccwsim/sim/trace.h>

struct scn_arg {
	char *key;		/* NULL for a positional argument */
	char *val;
	int line, col;
	int vcol;		/* column of the value's first character */
	uint8_t quoted;		/* the value was a "string" */
	uint8_t used;		/* consumed by the verb (unused ones are errors) */
};

struct ctx;
struct scn_stmt;
struct vfio_ctx;
struct vmm_client;
struct kmodel;

enum phase {
	PH_HEADER,		/* scenario, cite, seed, tags */
	PH_CONFIG,		/* the machine: before the first step */
	PH_STORAGE,		/* laid out before the run, written in order */
	PH_STEP,		/* instructions, time, events, expectations */
	PH_ANY,			/* device answers, storage keys: anywhere */
};

struct verb {
	const char *name;
	uint8_t phase;
	int (*fn)(struct ctx *c, struct scn_stmt *s);
	const char *usage;
};

struct scn_stmt {
	int line, col;
	const struct verb *verb;
	char *label;			/* "name:" in front */
	int label_col;
	struct scn_arg *args;		/* before "->" */
	unsigned nargs;
	struct scn_arg *want;		/* after "->" */
	unsigned nwant;
	int arrow_col;			/* 0: no "->" */
	char **block;			/* indented lines that follow */
	int *block_line;
	int *block_col;			/* where each block line's text starts */
	unsigned nblock;
	struct scn_stmt *sub;		/* "concurrent": its lines as statements */
	unsigned nsub;
	uint64_t addr, size;		/* storage statements: where, how much */
};

struct label {
	char *name;
	uint64_t addr;
	int line;
};

struct scn {
	char *file;
	char *title;
	uint64_t seed;
	int skip;
	char *skip_reason;
	struct scn_stmt *st;
	unsigned nst;
	struct label *labels;
	unsigned nlabels;
};

/* The device behind a subchannel, as the scenario configured it. */
enum dev_kind { DK_NONE, DK_TEST, DK_FBA, DK_PRINTER };

struct scn_sch {
	unsigned ssid, schno;
	struct sim_sch_def def;
	uint8_t kind;			/* enum dev_kind */
	char *file;			/* FBA backing file */
};

/* The machine a run builds and the state of the run. */
struct ctx {
	struct scn *s;
	int dry;			/* checking, not running */
	struct scn_diags *ds;		/* where errors (dry) or failures go */
	int errors;
	/* configuration (filled in the dry pass, used to build) */
	uint64_t mem_size;
	unsigned nsets;
	int sets_line, sets_col;	/* where "sets" said it */
	unsigned crw_capacity;		/* 0: the CSS's default */
	uint32_t facilities;
	struct sim_css_compat compat;
	struct sim_css_cfg timing;	/* only the t_* fields */
	uint64_t seed;
	/* the machine */
	struct sim_evq *q;
	struct sim_mem *mem;
	struct sim_css *css;
	struct sim_trace *tr;
	struct sim_cpu cpu;
	int psw_io, psw_mc, cr14_crw;	/* the interruption masks */
	int crw_pending_flag;		/* a CRW machine check is pending */
	unsigned expectations;
	const char *tmpdir;
	unsigned nfiles;
	char **files;			/* temporary files to remove */
	FILE *trace;			/* the text trace, captured */
	char *trace_buf;
	size_t trace_len;
	size_t trace_seen;		/* "expect trace" matched up to here */
	struct vfio_ctx *v;		/* the driver model, when configured */
	struct vmm_client *client;	/* the VMM's side, when configured */
	int client_old, client_pfch;	/* its configuration */
	int client_line;
};

/* ---- lex.c ---- */
int scn_lex(struct scn *s, const char *text, size_t len, struct scn_diags *ds);
/* One line of text (a block line) as a statement; its columns from @col. */
int scn_lex_stmt(struct scn *s, const char *text, int line, int col,
		 struct scn_stmt *st, struct scn_diags *ds);
void scn_stmt_free(struct scn_stmt *st);

/* ---- diag ---- */
void scn_diag_add(struct scn_diags *ds, const char *file, int line, int col,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* An error (dry) or a failure (run) at @line:@col. */
void cx_error(struct ctx *c, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* ---- value.c: argument values ---- */
struct scn_arg *arg_pos(struct scn_stmt *s, unsigned i);
struct scn_arg *arg_key(struct scn_stmt *s, const char *key);
/* A required positional or keyed argument that is missing: an error. */
int arg_missing(struct ctx *c, struct scn_stmt *s, const char *what);
/* Report every argument the verb did not use. */
int args_unused(struct ctx *c, struct scn_stmt *s);

int val_u64(struct ctx *c, struct scn_arg *a, uint64_t *v);	/* expr */
int val_uint(struct ctx *c, struct scn_arg *a, uint64_t max, uint64_t *v);
int val_size(struct ctx *c, struct scn_arg *a, uint64_t *v);	/* 16M */
int val_time(struct ctx *c, struct scn_arg *a, sim_vtime *v);	/* 10us */
int val_sid(struct ctx *c, struct scn_arg *a, unsigned *ssid,
	    unsigned *schno);					/* 0.0.1234 */
/* Bytes: "f1 f2 f3" (hex) as quoted, or hex:f1f2; *n in, out. */
int val_bytes(struct ctx *c, struct scn_arg *a, uint8_t *buf, size_t *n);
/* Device status names: CE|DE|UC... or a number. */
int val_dstat(struct ctx *c, struct scn_arg *a, uint8_t *v);
int val_bool(struct ctx *c, struct scn_arg *a, int *v);
uint64_t label_addr(const struct scn *s, const char *name, int *found);

/* The deterministic bytes "pattern SEED LEN" makes (and expect checks). */
void scn_pattern(uint8_t *b, uint64_t n, uint64_t seed);
/* Bytes @from .. @from + @n of that stream. */
void scn_pattern_at(uint8_t *b, uint64_t n, uint64_t seed, uint64_t from);
/* A character of text in EBCDIC (code page 037), '.' if none. */
uint8_t scn_ebcdic(char ch);
/* A SID operand: 0.s.nnnn, or a number taken as the raw GR1. */
int val_gr1_sid(struct ctx *c, struct scn_arg *a, uint32_t *gr1);
/* A CHPID: two hex digits, with or without 0x. */
int val_chpid(struct ctx *c, struct scn_arg *a, uint8_t *id);

/* ---- verbs ---- */
const struct verb *verb_find(const char *name);
/* Storage statements: size for the layout pass, bytes for the run. */
int storage_size(struct ctx *c, struct scn_stmt *s, uint64_t *size);
/* The boundary a storage statement's block goes on (1: any). */
uint64_t storage_align(const struct scn_stmt *s);

/* ---- v_expect.c ---- */
/*
 * Every key=value of @s as a field of @kind over @len bytes at @b, with
 * the comparisons (=, &=, <=, >=, !=); one failure lists each that differs.
 */
/* Comparisons in expectations: KEY=, KEY&=, KEY<=, KEY>=, KEY!=. */
enum scn_cmp { CMP_EQ, CMP_HAS, CMP_LE, CMP_GE, CMP_NE };
enum scn_cmp scn_split_cmp(const char *key, char *name, size_t len);
int scn_cmp_holds(enum scn_cmp op, uint64_t actual, uint64_t v);
extern const char *const scn_cmp_words[];

void scn_check_fields(struct ctx *c, struct scn_stmt *s, const char *kind,
		      const uint8_t *b, size_t len, const char *what);

/* ---- v_vfio.c: the driver model's machine ---- */
/* Configured by "driver": guest memory apart from host storage. */
int vfio_configured(const struct ctx *c);
/* Guest memory (c->mem) over the VMM's buffer, and host storage apart. */
int vfio_guest_memory(struct ctx *c);
struct sim_mem *vfio_host_mem(struct ctx *c);
/* Build the host kernel after the CSS exists; tear it down before it goes. */
int vfio_build(struct ctx *c);
void vfio_teardown(struct ctx *c);
int vfio_expect(struct ctx *c, struct scn_stmt *s);
/* What the VMM's side needs of the driver configuration. */
struct kmodel *vfio_kmodel(struct ctx *c);
uint8_t *vfio_ram(struct ctx *c, uint64_t *size);
const char *vfio_uuid(struct ctx *c);
int vfio_profile(struct ctx *c);
/* "EBUSY" for EBUSY. */
const char *scn_errno_name(int e);

/* ---- clock.c: time goes on, and the VMM's main loop with it ---- */
/* One event of the queue, then the VMM looks at its eventfds. */
int scn_step(struct ctx *c);
/* Run every event up to @t (the VMM polling after each), clock to @t. */
void scn_run_until(struct ctx *c, sim_vtime t);
/* The end-of-run invariant: close, then no pins, allocations, violations. */
void vfio_final_check(struct ctx *c);

/* ---- fields.c: block fields by name, as `ccwsim decode` names them ---- */
struct ccwa_field;
/*
 * Find "[part.]name" in @kind laid over @len bytes at @b; *off is the byte
 * offset of the field's part.  NULL (and a message in @why) if none.
 */
const struct ccwa_field *field_find(const char *kind, const uint8_t *b,
				    size_t len, const char *name, size_t *off,
				    char *why, size_t whylen);
/* A field's value: flag names a|b, a code's name, '-', or a number. */
int field_value(struct ctx *c, struct scn_arg *a, const struct ccwa_field *f,
		uint64_t *v);
/* Every key=value of @s as a SCHIB field ("isc", "pmcw.lpm", "mba"), into @b. */
void schib_fields(struct ctx *c, struct scn_stmt *s, uint8_t *b);

#endif /* CCWSIM_SCN_INT_H */
