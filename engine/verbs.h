/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The verbs of the scenario language, one function each (verbs.c lists them). */
#ifndef CCWSIM_SCN_VERBS_H
#define CCWSIM_SCN_VERBS_H

#include "scn_int.h"

/* v_config.c */
int v_scenario(struct ctx *c, struct scn_stmt *s);
int v_cite(struct ctx *c, struct scn_stmt *s);
int v_tags(struct ctx *c, struct scn_stmt *s);
int v_seed(struct ctx *c, struct scn_stmt *s);
int v_skip(struct ctx *c, struct scn_stmt *s);
int v_storage_size(struct ctx *c, struct scn_stmt *s);
int v_sets(struct ctx *c, struct scn_stmt *s);
int v_crw_queue(struct ctx *c, struct scn_stmt *s);
int v_facilities(struct ctx *c, struct scn_stmt *s);
int v_compat(struct ctx *c, struct scn_stmt *s);
int v_timing(struct ctx *c, struct scn_stmt *s);
int v_chpid(struct ctx *c, struct scn_stmt *s);
int v_subchannel(struct ctx *c, struct scn_stmt *s);
int v_answer(struct ctx *c, struct scn_stmt *s);
int v_senseid(struct ctx *c, struct scn_stmt *s);
int v_file(struct ctx *c, struct scn_stmt *s);
int sch_def(struct ctx *c, struct scn_stmt *s, int report);
struct sim_dev *test_dev(struct ctx *c, struct scn_stmt *s,
			 struct scn_arg *a);
int val_cmd(struct ctx *c, struct scn_arg *a, uint8_t *code);

/* v_storage.c */
int v_at(struct ctx *c, struct scn_stmt *s);
int v_store(struct ctx *c, struct scn_stmt *s);	/* every emitting verb */
int v_key(struct ctx *c, struct scn_stmt *s);

/* v_steps.c */
int v_insn(struct ctx *c, struct scn_stmt *s);	/* every instruction */
int v_modify(struct ctx *c, struct scn_stmt *s);	/* modify, enable, disable */
int v_psw(struct ctx *c, struct scn_stmt *s);
int v_mask(struct ctx *c, struct scn_stmt *s);
int v_run(struct ctx *c, struct scn_stmt *s);
int v_take(struct ctx *c, struct scn_stmt *s);
int v_attention(struct ctx *c, struct scn_stmt *s);
int v_busy(struct ctx *c, struct scn_stmt *s);
int v_path(struct ctx *c, struct scn_stmt *s);	/* vary, fail, repair */
int v_install(struct ctx *c, struct scn_stmt *s);
int v_remove(struct ctx *c, struct scn_stmt *s);
int v_reset(struct ctx *c, struct scn_stmt *s);

/* v_vfio.c */
int v_driver(struct ctx *c, struct scn_stmt *s);
int v_mdev(struct ctx *c, struct scn_stmt *s);
int v_invariant(struct ctx *c, struct scn_stmt *s);
int v_vfio(struct ctx *c, struct scn_stmt *s);
int v_concurrent(struct ctx *c, struct scn_stmt *s);

/* v_guest.c */
int v_client(struct ctx *c, struct scn_stmt *s);
int v_guest(struct ctx *c, struct scn_stmt *s);

/* v_expect.c */
int v_expect(struct ctx *c, struct scn_stmt *s);

#endif
