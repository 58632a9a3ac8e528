/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The I/O instructions' opcodes and the program-interruption codes they
 * can raise (facts §0, §2.0).
 */
#ifndef CCWSIM_ARCH_INSN_H
#define CCWSIM_ARCH_INSN_H

/* Opcodes (S format B2xx, except CHSC which is RRE). */
#define CCWA_OP_CSCH	0xb230
#define CCWA_OP_HSCH	0xb231
#define CCWA_OP_MSCH	0xb232
#define CCWA_OP_SSCH	0xb233
#define CCWA_OP_STSCH	0xb234
#define CCWA_OP_TSCH	0xb235
#define CCWA_OP_TPI	0xb236
#define CCWA_OP_RSCH	0xb238
#define CCWA_OP_STCRW	0xb239
#define CCWA_OP_RCHP	0xb23b
#define CCWA_OP_SCHM	0xb23c
#define CCWA_OP_CHSC	0xb25f
#define CCWA_OP_XSCH	0xb276

/* Program-interruption codes. */
#define CCWA_PGM_PRIVILEGED	0x0002
#define CCWA_PGM_PROTECTION	0x0004
#define CCWA_PGM_ADDRESSING	0x0005
#define CCWA_PGM_SPECIFICATION	0x0006
#define CCWA_PGM_OPERAND	0x0015

/* Condition codes. */
#define CCWA_CC_OK		0	/* function initiated / stored */
#define CCWA_CC_STATUS		1	/* status pending (or: nothing stored) */
#define CCWA_CC_BUSY		2	/* function in progress / not applicable */
#define CCWA_CC_NOT_OPER	3	/* not operational */

#endif /* CCWSIM_ARCH_INSN_H */
