// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The data-transfer rules of the channel-program engine (facts §1.3,
 * §1.4, §4.1-§4.9, §4.14, §11 A1 A8 A20-A22): incorrect length and SLI,
 * immediate commands, data and command chaining, skip, count zero, read
 * backward, IDAWs of both formats and block sizes, data-address and key
 * checks, and chunked transfers in virtual time.
 *
 * Each row runs one channel program on 0.0.0000 of the test machine
 * (tests/helpers/css_fixture.c) against the test device, then states by
 * hand, from the section it cites, the whole SCSW TSCH stores (word 0,
 * the CCW address, word 2 = device status, subchannel status, residual
 * count), every byte of the watched storage (filled with the sentinel
 * 0xEE first, so any stray store shows), the bytes a write brought to the
 * device and how many commands the device was offered.
 *
 * SCSW word 0 values used (§1.5): format-1 ORB, key 0, start function,
 * primary + secondary + status pending = 00804007; with alert (IL or a
 * channel-detected check, §3.7, §4.5) = 00804017.  Format-0 ORB:
 * 00004007 / 00004017.  ORB key k shows in bits 0-3 (k0804007); ORB S
 * in bit 4 (08804017).
 *
 * Readings taken where the sheet leaves a value open:
 *  - After a program or protection check found while data moves, the
 *    channel ends the operation (§4.10) and the device's own ending
 *    status is not part of it: device status 0.  The residual count is
 *    the CCW count minus the bytes moved for that CCW (§4.1 step 10,
 *    §4.10 protection row; the same rule for program checks found in
 *    the transfer, as stream.c documents).  Where §4.10 calls the count
 *    unpredictable (a check on fetching or validating a CCW, no byte of
 *    it moved) the row says RESID_ANY and the count is not compared.
 *  - A read or write moves no byte before the device asks for it, so a
 *    data-chained CCW becomes current only when the device moves past
 *    the previous CCW's count (§4.3).
 */
#include <stdlib.h>
#include <string.h>

#include <ccwsim/arch/be.h>

#include "check_main.h"
#include "css_fixture.h"

/* Storage the rows use (16 MiB machine, fixture areas below 0x20000). */
#define BUF	0x20000u	/* direct data areas */
#define BUF2	0x20100u
#define BUF3	0x20200u
#define LIST	0x30000u	/* IDAW lists */
#define BLK	0x40000u	/* IDAW data blocks, 0x40000-0x45fff */
#define KEY3	0x50000u	/* page with storage key 3 */
#define KEY5	0x51000u	/* page with key 5, not fetch-protected */
#define KEY3B	0x52000u	/* page with storage key 3 */
#define SENT	0xeeu		/* sentinel */

/* ORB word-1 bits (§1.2). */
#define ORB_KEY3 0x30000000u
#define ORB_KEY5 0x50000000u
#define ORB_S	0x08000000u
#define ORB_F	0x00800000u
#define ORB_H	0x00020000u
#define ORB_T	0x00010000u
#define ORB_L	0x00000080u

/* CCW flags (§1.3). */
#define CD	CCWA_CCW_FLAG_CD
#define CC	CCWA_CCW_FLAG_CC
#define SLI	CCWA_CCW_FLAG_SLI
#define SKP	CCWA_CCW_FLAG_SKIP
#define IDA	CCWA_CCW_FLAG_IDA
#define SUS	CCWA_CCW_FLAG_SUSPEND

#define CE_DE	(CCWA_DEV_STAT_CHN_END | CCWA_DEV_STAT_DEV_END)
#define SM	CCWA_DEV_STAT_MOD

/* Switch settings a row runs with (compat.h). */
enum { C_DEFAULT, C_IMM_NEVER, C_PROT_FIRST, C_SKIP_NOFETCH };

struct ccwd {
	uint8_t cmd, flags;
	uint16_t count;
	uint32_t cda;
};

/* The test device's answer to one command code. */
struct devd {
	uint8_t code, answer, end;
	const char *data;	/* read: the bytes returned */
	uint32_t len;		/* write: bytes wanted, 0 = the CCW count */
};

struct memd {
	uint32_t addr;
	const char *bytes;
};

struct win {
	uint32_t addr, len;
};

/* An IDAW list; format 2 (8 bytes) when the row's ORB has H. */
struct idal {
	uint32_t addr;
	uint8_t n;
	uint64_t v[3];
};

struct row {
	const char *cite;
	uint8_t fmt0;		/* format-0 ORB and CCWs */
	uint8_t compat;
	uint32_t orb;		/* ORB word-1 extras */
	struct ccwd ccw[5];
	struct devd dev[3];
	struct idal idal[1];
	struct memd pre[3];	/* stored before the start */
	struct memd mem[3];	/* expected to be stored by the program */
	struct win win[2];	/* watched besides BUF - 0x10 .. BUF3 + 0x110 */
	uint32_t w0, w1, w2;	/* SCSW words after TSCH */
	uint8_t resid_any;	/* §4.10: residual count unpredictable */
	uint8_t commands;	/* commands offered to the device */
	const char *recv;	/* the last write's bytes; NULL: unchecked */
};

#define RESID_ANY 1
#define C(cmd, fl, cnt, cda)	{ cmd, fl, cnt, cda }
#define RD(code, s)		{ code, 0, CE_DE, s, 0 }
#define RDE(code, s, e)		{ code, 0, e, s, 0 }
#define WR(code, n)		{ code, 0, CE_DE, NULL, n }
#define IMM(code)		{ code, CE_DE, 0, NULL, 0 }
#define DEFWIN			{ BUF - 0x10, 0x320 }

/* ---------------------------------------------------------------- */
/* §4.5 incorrect length, §4.2 immediate commands, §4.7 count zero   */
/* ---------------------------------------------------------------- */

static const struct row length_rows[] = {
	{ "§4.5 input short block: IL + alert, residual = count - moved",
	  .ccw = { C(0x02, 0, 20, BUF) }, .dev = { RD(0x02, "ABCDEFGHIJ") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c40000a,
	  .commands = 1 },
	{ "§4.5 input long block: IL, residual 0, stored up to the count",
	  .ccw = { C(0x02, 0, 10, BUF) },
	  .dev = { RD(0x02, "ABCDEFGHIJKLMNOPQRST") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400000,
	  .commands = 1 },
	{ "§4.5 input, count matches: no IL, no alert",
	  .ccw = { C(0x02, 0, 10, BUF) }, .dev = { RD(0x02, "ABCDEFGHIJ") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.5 SLI with CD=0 suppresses IL of a short block",
	  .ccw = { C(0x02, SLI, 20, BUF) }, .dev = { RD(0x02, "ABCDEFGHIJ") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c00000a,
	  .commands = 1 },
	{ "§4.5 SLI with CD=0 suppresses IL of a long block",
	  .ccw = { C(0x02, SLI, 10, BUF) },
	  .dev = { RD(0x02, "ABCDEFGHIJKLMNOPQRST") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.5 output short block (device wants fewer): IL, residual 4",
	  .ccw = { C(0x01, 0, 10, BUF) }, .dev = { WR(0x01, 6) },
	  .pre = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400004,
	  .commands = 1, .recv = "ABCDEF" },
	{ "§4.5 output long block (device wants more): IL, residual 0",
	  .ccw = { C(0x01, 0, 10, BUF) }, .dev = { WR(0x01, 20) },
	  .pre = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400000,
	  .commands = 1, .recv = "ABCDEFGHIJ" },
	{ "§4.5 output, count matches: no IL",
	  .ccw = { C(0x01, 0, 10, BUF) }, .dev = { WR(0x01, 10) },
	  .pre = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1, .recv = "ABCDEFGHIJ" },
	{ "§4.5 output short block with SLI: no IL",
	  .ccw = { C(0x01, SLI, 10, BUF) }, .dev = { WR(0x01, 6) },
	  .pre = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000004,
	  .commands = 1, .recv = "ABCDEF" },
	{ "§4.5 output long block with SLI: no IL",
	  .ccw = { C(0x01, SLI, 10, BUF) }, .dev = { WR(0x01, 20) },
	  .pre = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1, .recv = "ABCDEFGHIJ" },
	{ "§4.5 format-0 input short block: IL as in format 1",
	  .fmt0 = 1, .ccw = { C(0x02, 0, 20, BUF) },
	  .dev = { RD(0x02, "ABCDEFGHIJ") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00004017, .w1 = FX_CCW + 8, .w2 = 0x0c40000a,
	  .commands = 1 },
	{ "§4.5 format-0 input short block with SLI: no IL",
	  .fmt0 = 1, .ccw = { C(0x02, SLI, 20, BUF) },
	  .dev = { RD(0x02, "ABCDEFGHIJ") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00004007, .w1 = FX_CCW + 8, .w2 = 0x0c00000a,
	  .commands = 1 },
	{ "§4.5 format-0 input long block: IL",
	  .fmt0 = 1, .ccw = { C(0x02, 0, 10, BUF) },
	  .dev = { RD(0x02, "ABCDEFGHIJKLMNOPQRST") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00004017, .w1 = FX_CCW + 8, .w2 = 0x0c400000,
	  .commands = 1 },
	{ "§4.5, §11 A1 P#15: ORB L concerns immediate commands only; "
	  "a short block still has IL",
	  .orb = ORB_L, .ccw = { C(0x02, 0, 20, BUF) },
	  .dev = { RD(0x02, "ABCDEFGHIJ") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c40000a,
	  .commands = 1 },
	{ "§4.5, §4.3: SLI with CD=1 is ignored: the device ends in the "
	  "CD CCW, IL at that CCW",
	  .ccw = { C(0x02, CD | SLI, 10, BUF), C(0x00, SLI, 4, BUF2) },
	  .dev = { RD(0x02, "ABCD") },
	  .mem = { { BUF, "ABCD" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400006,
	  .commands = 1 },
	{ "§4.5, §4.2: format-1 immediate command, count 5, no SLI, L=0: "
	  "IL; data address not used",
	  .ccw = { C(0x07, 0, 5, 0x7ffffff8) }, .dev = { IMM(0x07) },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400005,
	  .commands = 1 },
	{ "§4.5: format-1 immediate command with SLI: no IL",
	  .ccw = { C(0x07, SLI, 5, 0x7ffffff8) }, .dev = { IMM(0x07) },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000005,
	  .commands = 1 },
	{ "§4.5: format-1 immediate command with ORB L: no IL",
	  .orb = ORB_L, .ccw = { C(0x07, 0, 5, 0x7ffffff8) },
	  .dev = { IMM(0x07) },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000005,
	  .commands = 1 },
	{ "§4.5, §4.7: format-1 immediate command with count 0: no IL",
	  .ccw = { C(0x07, 0, 0, 0x7ffffff8) }, .dev = { IMM(0x07) },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.5: format-0 immediate command, count 5: never IL",
	  .fmt0 = 1, .ccw = { C(0x07, 0, 5, 0xfffff8) }, .dev = { IMM(0x07) },
	  .w0 = 0x00004007, .w1 = FX_CCW + 8, .w2 = 0x0c000005,
	  .commands = 1 },
	{ "§11 A1 (Hercules 3.13), imm_il = NEVER: format-1 immediate, "
	  "count 5: no IL",
	  .compat = C_IMM_NEVER, .ccw = { C(0x07, 0, 5, 0x7ffffff8) },
	  .dev = { IMM(0x07) },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000005,
	  .commands = 1 },
	{ "§4.5, §4.4: IL on an immediate command stops command chaining",
	  .ccw = { C(0x07, CC, 5, 0x7ffffff8), C(0x03, SLI, 1, 0) },
	  .dev = { IMM(0x07) },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400005,
	  .commands = 1 },
	{ "§4.2: CD in an immediate CCW is ignored, so SLI counts and CC "
	  "chains the next command",
	  .ccw = { C(0x07, CD | CC | SLI, 5, 0x7ffffff8),
		   C(0x03, SLI, 1, 0) },
	  .dev = { IMM(0x07) },
	  .w0 = 0x00804007, .w1 = FX_CCW + 16, .w2 = 0x0c000001,
	  .commands = 2 },
	{ "§4.5, §4.4: IL on a short read stops command chaining; the "
	  "chained write is never offered",
	  .ccw = { C(0x02, CC, 20, BUF), C(0x01, 0, 4, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGHIJ"), WR(0x01, 4) },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c40000a,
	  .commands = 1, .recv = "" },
	{ "§4.5: IL suppressed by SLI: chaining proceeds normally",
	  .ccw = { C(0x02, CC | SLI, 20, BUF), C(0x03, SLI, 1, 0) },
	  .dev = { RD(0x02, "ABCDEFGHIJ") },
	  .mem = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 16, .w2 = 0x0c000001,
	  .commands = 2 },
	{ "§4.7: format-1 read, count 0, device has data: long block IL; "
	  "nothing stored; data address outside storage not checked",
	  .ccw = { C(0x02, 0, 0, 0x7ffffff0) }, .dev = { RD(0x02, "ABCD") },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400000,
	  .commands = 1 },
	{ "§4.7: format-1 read, count 0, SLI: no IL",
	  .ccw = { C(0x02, SLI, 0, 0x7ffffff0) }, .dev = { RD(0x02, "ABCD") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.7: format-1 read, count 0, device has no data: no IL",
	  .ccw = { C(0x02, 0, 0, 0x7ffffff0) }, .dev = { RD(0x02, NULL) },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.7: format-1 write, count 0, device wants 4: IL, nothing "
	  "fetched",
	  .ccw = { C(0x01, 0, 0, 0x7ffffff0) }, .dev = { WR(0x01, 4) },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400000,
	  .commands = 1, .recv = "" },
	{ "§4.7 [S]: count 0 with IDA: no IDAW checks (list misaligned)",
	  .ccw = { C(0x02, IDA | SLI, 0, LIST + 2) },
	  .dev = { RD(0x02, "ABCD") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.7, §4.10: format-0 count 0: program check, device never "
	  "selected",
	  .fmt0 = 1, .ccw = { C(0x02, 0, 0, BUF) },
	  .dev = { RD(0x02, "ABCD") },
	  .w0 = 0x00004017, .w1 = FX_CCW + 8, .w2 = 0x00200000,
	  .resid_any = RESID_ANY, .commands = 0 },
};

/* ---------------------------------------------------------------- */
/* §4.3 data chaining, §4.4 command chaining with data               */
/* ---------------------------------------------------------------- */

static const struct row chain_rows[] = {
	{ "§4.3: one read over three data-chained CCWs; the chained "
	  "command codes (0x00) are ignored",
	  .ccw = { C(0x02, CD, 8, BUF), C(0x00, CD, 8, BUF2),
		   C(0x00, 0, 8, BUF3) },
	  .dev = { RD(0x02, "ABCDEFGHIJKLMNOPQRSTUVWX") },
	  .mem = { { BUF, "ABCDEFGH" }, { BUF2, "IJKLMNOP" },
		   { BUF3, "QRSTUVWX" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 24, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.3, §4.5: short block ending in the last CCW of the chain "
	  "(CD=0, no SLI): IL there",
	  .ccw = { C(0x02, CD, 8, BUF), C(0x00, 0, 8, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGHIJKL") },
	  .mem = { { BUF, "ABCDEFGH" }, { BUF2, "IJKL" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 16, .w2 = 0x0c400004,
	  .commands = 1 },
	{ "§4.3: the data-chained CCW's SLI applies (CD=0 there): no IL",
	  .ccw = { C(0x02, CD, 8, BUF), C(0x00, SLI, 8, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGHIJKL") },
	  .mem = { { BUF, "ABCDEFGH" }, { BUF2, "IJKL" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 16, .w2 = 0x0c000004,
	  .commands = 1 },
	{ "§4.3, §4.5: long block over a data chain: IL at the last CCW",
	  .ccw = { C(0x02, CD, 4, BUF), C(0x00, 0, 4, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGHIJ") },
	  .mem = { { BUF, "ABCD" }, { BUF2, "EFGH" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 16, .w2 = 0x0c400000,
	  .commands = 1 },
	{ "§4.3: device ends inside the chain: status of the CCW current "
	  "then (+8), IL although it has SLI",
	  .ccw = { C(0x02, CD | SLI, 4, BUF), C(0x00, CD | SLI, 8, BUF2),
		   C(0x00, SLI, 4, BUF3) },
	  .dev = { RD(0x02, "ABCDEF") },
	  .mem = { { BUF, "ABCD" }, { BUF2, "EF" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 16, .w2 = 0x0c400006,
	  .commands = 1 },
	{ "§4.3: a write code (0x01) in the data-chained CCW is ignored: "
	  "the read goes on, no write is offered",
	  .ccw = { C(0x02, CD, 4, BUF), C(0x01, 0, 4, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGH"), WR(0x01, 4) },
	  .mem = { { BUF, "ABCD" }, { BUF2, "EFGH" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 16, .w2 = 0x0c000000,
	  .commands = 1, .recv = "" },
	{ "§4.3, §4.6: SKP in the second piece applies to that piece only",
	  .ccw = { C(0x02, CD, 4, BUF), C(0x00, CD | SKP, 4, BUF2),
		   C(0x00, 0, 4, BUF3) },
	  .dev = { RD(0x02, "ABCDEFGHIJKL") },
	  .mem = { { BUF, "ABCD" }, { BUF3, "IJKL" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 24, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.3, §4.9: IDA in the data-chained CCW applies to it",
	  .ccw = { C(0x02, CD, 4, BUF), C(0x00, IDA, 4, LIST) },
	  .idal = { { LIST, 1, { BUF2 + 0x10 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BUF, "ABCD" }, { BUF2 + 0x10, "EFGH" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 16, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.3, §4.10: S in a data-chained CCW (ORB S=1): program check "
	  "at that CCW + 8; the first piece was stored",
	  .orb = ORB_S, .ccw = { C(0x02, CD, 4, BUF), C(0x00, SUS, 4, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BUF, "ABCD" } },
	  .w0 = 0x08804017, .w1 = FX_CCW + 16, .w2 = 0x00200000,
	  .resid_any = RESID_ANY, .commands = 1 },
	{ "§4.3, §4.10: S in a data-chained CCW (ORB S=0): program check "
	  "at that CCW + 8",
	  .ccw = { C(0x02, CD, 4, BUF), C(0x00, SUS, 4, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BUF, "ABCD" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 16, .w2 = 0x00200000,
	  .resid_any = RESID_ANY, .commands = 1 },
	{ "§4.1 step 5, §4.7, §11 A21: format-1 count 0 reached by data "
	  "chaining: program check at that CCW + 8",
	  .ccw = { C(0x02, CD, 4, BUF), C(0x00, 0, 0, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BUF, "ABCD" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 16, .w2 = 0x00200000,
	  .resid_any = RESID_ANY, .commands = 1 },
	{ "§4.3: CD and CC in one CCW: CD wins, one command, CC ignored",
	  .ccw = { C(0x02, CD | CC, 4, BUF), C(0x00, 0, 4, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BUF, "ABCD" }, { BUF2, "EFGH" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 16, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.3, §4.8: a TIC inside a data chain is transparent",
	  .ccw = { C(0x02, CD, 4, BUF), C(0x08, 0, 0, FX_CCW + 24),
		   C(0x00, 0, 4, BUF3), C(0x00, 0, 4, BUF2) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BUF, "ABCD" }, { BUF2, "EFGH" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 32, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.3: one write gathered from two data-chained areas",
	  .ccw = { C(0x01, CD, 4, BUF), C(0x00, 0, 6, BUF2) },
	  .dev = { WR(0x01, 10) },
	  .pre = { { BUF, "ABCD" }, { BUF2, "UVWXYZ" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 16, .w2 = 0x0c000000,
	  .commands = 1, .recv = "ABCDUVWXYZ" },
	{ "§4.3, §4.5: write ending in the first CD CCW: IL there, SLI "
	  "ignored",
	  .ccw = { C(0x01, CD | SLI, 4, BUF), C(0x00, SLI, 6, BUF2) },
	  .dev = { WR(0x01, 3) },
	  .pre = { { BUF, "ABCD" }, { BUF2, "UVWXYZ" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400001,
	  .commands = 1, .recv = "ABC" },
	{ "§4.2, §4.3: read backward over a data chain: each CCW's area "
	  "filled downward from its data address",
	  .ccw = { C(0x0c, CD, 4, BUF + 3), C(0x00, 0, 4, BUF2 + 3) },
	  .dev = { RD(0x0c, "ABCDEFGH") },
	  .mem = { { BUF, "DCBA" }, { BUF2, "HGFE" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 16, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.3, §4.4: CC of the data-chained CCW applies: the next "
	  "command follows",
	  .ccw = { C(0x02, CD, 4, BUF), C(0x00, CC, 4, BUF2),
		   C(0x03, SLI, 1, 0) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BUF, "ABCD" }, { BUF2, "EFGH" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 24, .w2 = 0x0c000001,
	  .commands = 2 },
	{ "§4.4: read -> write -> read chained: each command's data in "
	  "its own area, the write brings its area",
	  .ccw = { C(0x02, CC, 8, BUF), C(0x01, CC, 6, BUF2),
		   C(0x06, 0, 4, BUF3) },
	  .dev = { RD(0x02, "ABCDEFGH"), WR(0x01, 0), RD(0x06, "wxyz") },
	  .pre = { { BUF2, "UVWXYZ" } },
	  .mem = { { BUF, "ABCDEFGH" }, { BUF3, "wxyz" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 24, .w2 = 0x0c000000,
	  .commands = 3, .recv = "UVWXYZ" },
	{ "§4.4, §4.14: status modifier with CE+DE skips the next CCW; SM "
	  "not passed on; address of the last executed + 8",
	  .ccw = { C(0x02, CC, 4, BUF), C(0x06, CC, 4, BUF2),
		   C(0x01, 0, 4, BUF3) },
	  .dev = { RDE(0x02, "ABCD", CE_DE | SM), RD(0x06, "QRST"),
		   WR(0x01, 0) },
	  .pre = { { BUF3, "wxyz" } },
	  .mem = { { BUF, "ABCD" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 24, .w2 = 0x0c000000,
	  .commands = 2, .recv = "wxyz" },
	{ "§4.4, §4.5: IL on a chained write stops the chain",
	  .ccw = { C(0x01, CC, 10, BUF), C(0x02, 0, 4, BUF2) },
	  .dev = { WR(0x01, 6), RD(0x02, "QRST") },
	  .pre = { { BUF, "ABCDEFGHIJ" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400004,
	  .commands = 1, .recv = "ABCDEF" },
	{ "§4.4, §4.5: short block on the second command: IL at it",
	  .ccw = { C(0x02, CC, 4, BUF), C(0x06, 0, 8, BUF2) },
	  .dev = { RD(0x02, "ABCD"), RD(0x06, "QRS") },
	  .mem = { { BUF, "ABCD" }, { BUF2, "QRS" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 16, .w2 = 0x0c400005,
	  .commands = 2 },
};

/* ---------------------------------------------------------------- */
/* §4.6 skip                                                         */
/* ---------------------------------------------------------------- */

static const struct row skip_rows[] = {
	{ "§4.6: read with SKP: storage untouched, count used up",
	  .ccw = { C(0x02, SKP, 8, BUF) }, .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.6: read with SKP, short block, SLI: residual counts the "
	  "discarded bytes",
	  .ccw = { C(0x02, SKP | SLI, 10, BUF) }, .dev = { RD(0x02, "ABCDEF") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000004,
	  .commands = 1 },
	{ "§4.6, §4.5: read with SKP, short block, no SLI: IL as usual",
	  .ccw = { C(0x02, SKP, 10, BUF) }, .dev = { RD(0x02, "ABCDEF") },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400004,
	  .commands = 1 },
	{ "§4.6, §4.5: read with SKP, long block: IL, residual 0",
	  .ccw = { C(0x02, SKP, 4, BUF) }, .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400000,
	  .commands = 1 },
	{ "§4.1 step 9, §4.6: no addressing check while skipping (area "
	  "crosses the end of storage)",
	  .ccw = { C(0x02, SKP, 16, FX_MEM - 8) },
	  .dev = { RD(0x02, "ABCDEFGHIJKLMNOP") },
	  .win = { { FX_MEM - 0x10, 0x10 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.6 [S]: no protection check while skipping (key 5 "
	  "fetch-protected page, ORB key 3)",
	  .orb = ORB_KEY3, .ccw = { C(0x02, SKP, 8, FX_PROT) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .win = { { FX_PROT, 0x20 } },
	  .w0 = 0x30804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.6: SKP is ignored for a write: the data moves",
	  .ccw = { C(0x01, SKP, 8, BUF) }, .dev = { WR(0x01, 0) },
	  .pre = { { BUF, "ABCDEFGH" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1, .recv = "ABCDEFGH" },
	{ "§4.6: SKP works for read backward: storage untouched",
	  .ccw = { C(0x0c, SKP, 8, BUF + 7) }, .dev = { RD(0x0c, "ABCDEFGH") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.2: sense is an input command: its bytes are stored",
	  .ccw = { C(0x04, SLI, 8, BUF) },
	  .dev = { RD(0x04, "\x80\x40\x20\x10") },
	  .mem = { { BUF, "\x80\x40\x20\x10" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000004,
	  .commands = 1 },
	{ "§4.6: SKP works for sense: storage untouched",
	  .ccw = { C(0x04, SKP | SLI, 8, BUF) },
	  .dev = { RD(0x04, "\x80\x40\x20\x10") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000004,
	  .commands = 1 },
	{ "§4.6 [S], §11 A22 default: SKP with IDA still fetches the IDAW "
	  "list: list outside storage -> program check",
	  .ccw = { C(0x02, SKP | IDA, 8, FX_MEM + 0x100) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§11 A22, skip_ida = NO_FETCH (Hercules 3.13): no IDAW fetched, "
	  "list outside storage is fine",
	  .compat = C_SKIP_NOFETCH,
	  .ccw = { C(0x02, SKP | IDA, 8, FX_MEM + 0x100) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.6 [S], §4.9: SKP with IDA, list not word-aligned -> program "
	  "check",
	  .ccw = { C(0x02, SKP | IDA, 8, LIST + 2) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§11 A22, skip_ida = NO_FETCH: misaligned list not looked at",
	  .compat = C_SKIP_NOFETCH,
	  .ccw = { C(0x02, SKP | IDA, 8, LIST + 2) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.6 [S], §1.4: SKP with IDA, format-1 IDAW bit 0 set -> "
	  "program check (IDAW format still checked)",
	  .ccw = { C(0x02, SKP | IDA, 8, LIST) },
	  .idal = { { LIST, 1, { 0x80000000u | BUF } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§11 A22, skip_ida = NO_FETCH: invalid IDAW not looked at",
	  .compat = C_SKIP_NOFETCH, .ccw = { C(0x02, SKP | IDA, 8, LIST) },
	  .idal = { { LIST, 1, { 0x80000000u | BUF } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.6 [S], §4.9: SKP with IDA, IDAW pointing outside storage: "
	  "not used, so no check",
	  .ccw = { C(0x02, SKP | IDA, 8, LIST) },
	  .idal = { { LIST, 1, { FX_MEM } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.6: SKP with a valid IDAW list: the IDAW's block untouched",
	  .ccw = { C(0x02, SKP | IDA, 8, LIST) },
	  .idal = { { LIST, 1, { BUF + 0x10 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
};

/* ---------------------------------------------------------------- */
/* §4.2 read backward, §1.4 §4.9 IDAWs                               */
/* ---------------------------------------------------------------- */

static const struct row ida_rows[] = {
	{ "§4.2: read backward, direct: first byte at the data address "
	  "(the area's last byte), descending",
	  .ccw = { C(0x0c, 0, 8, BUF + 7) }, .dev = { RD(0x0c, "ABCDEFGH") },
	  .mem = { { BUF, "HGFEDCBA" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.2, §4.5: read backward short block: top 3 bytes stored, IL",
	  .ccw = { C(0x0c, 0, 8, BUF + 7) }, .dev = { RD(0x0c, "ABC") },
	  .mem = { { BUF + 5, "CBA" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400005,
	  .commands = 1 },
	{ "§4.2, §4.5: read backward short block with SLI: no IL",
	  .ccw = { C(0x0c, SLI, 8, BUF + 7) }, .dev = { RD(0x0c, "ABC") },
	  .mem = { { BUF + 5, "CBA" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000005,
	  .commands = 1 },
	{ "§4.2, §4.5: read backward long block: area filled, IL",
	  .ccw = { C(0x0c, 0, 4, BUF + 3) }, .dev = { RD(0x0c, "ABCDEF") },
	  .mem = { { BUF, "DCBA" } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x0c400000,
	  .commands = 1 },
	{ "§1.4, §4.2: read backward, format-1 IDAWs: first anywhere, the "
	  "next on the last byte of a 2K block",
	  .ccw = { C(0x0c, IDA, 12, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x803, BLK + 0x17ff } } },
	  .dev = { RD(0x0c, "ABCDEFGHIJKL") },
	  .mem = { { BLK + 0x800, "DCBA" }, { BLK + 0x17f8, "LKJIHGFE" } },
	  .win = { { BLK + 0x7f0, 0x20 }, { BLK + 0x17f0, 0x20 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§1.4, §4.2: read backward, format-2 IDAWs, 4K blocks: next on "
	  "the last byte of a 4K block",
	  .orb = ORB_H, .ccw = { C(0x0c, IDA, 12, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x1003, BLK + 0x3fff } } },
	  .dev = { RD(0x0c, "ABCDEFGHIJKL") },
	  .mem = { { BLK + 0x1000, "DCBA" }, { BLK + 0x3ff8, "LKJIHGFE" } },
	  .win = { { BLK + 0xff0, 0x20 }, { BLK + 0x3ff0, 0x20 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§1.4, §4.2: read backward, format-2 IDAWs, 2K blocks (T=1): a "
	  "2K block end is valid",
	  .orb = ORB_H | ORB_T, .ccw = { C(0x0c, IDA, 12, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x1003, BLK + 0x37ff } } },
	  .dev = { RD(0x0c, "ABCDEFGHIJKL") },
	  .mem = { { BLK + 0x1000, "DCBA" }, { BLK + 0x37f8, "LKJIHGFE" } },
	  .win = { { BLK + 0xff0, 0x20 }, { BLK + 0x37f0, 0x20 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§1.4, §4.9: read backward, format-2 4K blocks, second IDAW on a "
	  "2K (not 4K) block end: program check after the first block",
	  .orb = ORB_H, .ccw = { C(0x0c, IDA, 12, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x1003, BLK + 0x37ff } } },
	  .dev = { RD(0x0c, "ABCDEFGHIJKL") },
	  .mem = { { BLK + 0x1000, "DCBA" } },
	  .win = { { BLK + 0xff0, 0x20 }, { BLK + 0x37f0, 0x20 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§1.4, §4.9: read backward with a forward-aligned second IDAW: "
	  "program check after the first block",
	  .ccw = { C(0x0c, IDA, 12, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x803, BLK + 0x1000 } } },
	  .dev = { RD(0x0c, "ABCDEFGHIJKL") },
	  .mem = { { BLK + 0x800, "DCBA" } },
	  .win = { { BLK + 0x7f0, 0x20 }, { BLK + 0xff0, 0x20 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§1.4: format-1 IDAW pointing into the middle of a block",
	  .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 1, { BLK + 0x10 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0x10, "ABCDEFGH" } },
	  .win = { { BLK, 0x30 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§1.4: format-1 IDAWs: data to the end of the first 2K block, "
	  "then from the start of the next IDAW's block",
	  .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x7fc, BLK + 0x1800 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0x7fc, "ABCD" }, { BLK + 0x1800, "EFGH" } },
	  .win = { { BLK + 0x7f0, 0x20 }, { BLK + 0x17f0, 0x20 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.9: a format-1 IDAW list need only be word-aligned",
	  .ccw = { C(0x02, IDA, 8, LIST + 4) },
	  .idal = { { LIST + 4, 1, { BLK + 0x10 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0x10, "ABCDEFGH" } },
	  .win = { { BLK, 0x30 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.9, §4.10: format-1 IDAW list not word-aligned: program check, "
	  "nothing moved",
	  .ccw = { C(0x02, IDA, 8, LIST + 2) },
	  .idal = { { LIST, 1, { BLK + 0x10 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .win = { { BLK, 0x30 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§4.9, §4.10: format-2 IDAW list not doubleword-aligned: program "
	  "check, nothing moved",
	  .orb = ORB_H, .ccw = { C(0x02, IDA, 8, LIST + 4) },
	  .idal = { { LIST + 4, 1, { BLK + 0x10 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .win = { { BLK, 0x30 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§1.4: format-2 IDAWs, 4K blocks: data to the end of the first "
	  "4K block, then the next",
	  .orb = ORB_H, .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 2, { BLK + 0xffc, BLK + 0x2000 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0xffc, "ABCD" }, { BLK + 0x2000, "EFGH" } },
	  .win = { { BLK + 0xff0, 0x20 }, { BLK + 0x1ff0, 0x20 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§1.4, §4.10: format-1 IDAW with bit 0 set: program check, "
	  "nothing moved",
	  .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 1, { 0x80000000u | (BLK + 0x10) } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .win = { { BLK, 0x30 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§1.4, §4.9: format-1 second IDAW not on a 2K boundary: program "
	  "check after the first block's 4 bytes",
	  .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x7fc, BLK + 0x1804 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0x7fc, "ABCD" } },
	  .win = { { BLK + 0x7f0, 0x20 }, { BLK + 0x17f0, 0x20 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200004,
	  .commands = 1 },
	{ "§1.4, §4.9: format-2 4K blocks, second IDAW on a 2K (not 4K) "
	  "boundary: program check after 4 bytes",
	  .orb = ORB_H, .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 2, { BLK + 0xffc, BLK + 0x1800 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0xffc, "ABCD" } },
	  .win = { { BLK + 0xff0, 0x20 }, { BLK + 0x17f0, 0x20 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200004,
	  .commands = 1 },
	{ "§1.4: format-2 2K blocks (T=1): the same list is valid",
	  .orb = ORB_H | ORB_T, .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 2, { BLK + 0xffc, BLK + 0x1800 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0xffc, "ABCD" }, { BLK + 0x1800, "EFGH" } },
	  .win = { { BLK + 0xff0, 0x20 }, { BLK + 0x17f0, 0x20 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.9, §4.10: IDAW pointing outside storage: program check when "
	  "used, after the bytes before it",
	  .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x7fc, FX_MEM } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0x7fc, "ABCD" } },
	  .win = { { BLK + 0x7f0, 0x20 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200004,
	  .commands = 1 },
	{ "§4.9: a format-2 IDAW holds any 64-bit address; outside storage "
	  "it is a program check when used",
	  .orb = ORB_H, .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 1, { 0x100000000ull } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§4.10: IDAW list running past the end of storage: program check "
	  "(invalid IDAW address) after the first block",
	  .ccw = { C(0x02, IDA, 8, FX_MEM - 4) },
	  .idal = { { FX_MEM - 4, 1, { BLK + 0x7fc } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0x7fc, "ABCD" } },
	  .win = { { BLK + 0x7f0, 0x20 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200004,
	  .commands = 1 },
	{ "§4.1 step 10, §4.10: IDAW list in a fetch-protected block (key "
	  "5), ORB key 3: protection check, nothing fetched",
	  .orb = ORB_KEY3, .ccw = { C(0x01, IDA, 8, FX_PROT) },
	  .idal = { { FX_PROT, 1, { BUF } } },
	  .dev = { WR(0x01, 0) },
	  .pre = { { BUF, "ABCDEFGH" } },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100008,
	  .commands = 1, .recv = "" },
	{ "§4.1 step 10: the same IDAW list with ORB key 0: no check",
	  .ccw = { C(0x01, IDA, 8, FX_PROT) },
	  .idal = { { FX_PROT, 1, { BUF } } },
	  .dev = { WR(0x01, 0) },
	  .pre = { { BUF, "ABCDEFGH" } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1, .recv = "ABCDEFGH" },
	{ "§4.1 step 10: IDA store into a key-5 block with ORB key 3: "
	  "protection check after the key-3 block's bytes",
	  .orb = ORB_KEY3, .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 2, { KEY3 + 0xffc, KEY5 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { KEY3 + 0xffc, "ABCD" } },
	  .win = { { KEY3 + 0xff0, 0x20 } },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100004,
	  .commands = 1 },
	{ "§1.4: IDA write gathers from two blocks",
	  .ccw = { C(0x01, IDA, 8, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x7fc, BLK + 0x1800 } } },
	  .dev = { WR(0x01, 0) },
	  .pre = { { BLK + 0x7fc, "ABCD" }, { BLK + 0x1800, "EFGH" } },
	  .win = { { BLK + 0x7f0, 0x20 }, { BLK + 0x17f0, 0x20 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1, .recv = "ABCDEFGH" },
	{ "§1.4, §4.9: a format-0 CCW with format-1 IDAWs below 16 MiB",
	  .fmt0 = 1, .ccw = { C(0x02, IDA, 8, LIST) },
	  .idal = { { LIST, 2, { BLK + 0x7fc, BLK + 0x1800 } } },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { BLK + 0x7fc, "ABCD" }, { BLK + 0x1800, "EFGH" } },
	  .win = { { BLK + 0x7f0, 0x20 }, { BLK + 0x17f0, 0x20 } },
	  .w0 = 0x00004007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
};

/* ---------------------------------------------------------------- */
/* §4.1 steps 9-10: data addresses and keys                          */
/* ---------------------------------------------------------------- */

static const struct row addr_rows[] = {
	{ "§4.1 step 9, §4.10: read area crossing the end of storage: "
	  "program check after the bytes below it",
	  .ccw = { C(0x02, 0, 16, FX_MEM - 8) },
	  .dev = { RD(0x02, "ABCDEFGHIJKLMNOP") },
	  .mem = { { FX_MEM - 8, "ABCDEFGH" } },
	  .win = { { FX_MEM - 0x10, 0x10 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§4.1 step 9, §4.10: write area crossing the end of storage: "
	  "the device gets the bytes below it",
	  .ccw = { C(0x01, 0, 16, FX_MEM - 8) }, .dev = { WR(0x01, 0) },
	  .pre = { { FX_MEM - 8, "ABCDEFGH" } },
	  .win = { { FX_MEM - 0x10, 0x10 } },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1, .recv = "ABCDEFGH" },
	{ "§4.1 step 9, §4.10: data area outside storage: program check, "
	  "nothing moved",
	  .ccw = { C(0x02, 0, 8, FX_MEM + 0x100) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x00804017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§4.1 step 9: format-0 area running past 16 MiB (here also the "
	  "end of storage: both checks coincide): program check after "
	  "the bytes below",
	  .fmt0 = 1, .ccw = { C(0x02, 0, 16, 0xfffff8) },
	  .dev = { RD(0x02, "ABCDEFGHIJKLMNOP") },
	  .mem = { { FX_MEM - 8, "ABCDEFGH" } },
	  .win = { { FX_MEM - 0x10, 0x10 } },
	  .w0 = 0x00004017, .w1 = FX_CCW + 8, .w2 = 0x00200008,
	  .commands = 1 },
	{ "§4.1 step 10, §11 A8 default: store crossing from a key-3 page "
	  "into a key-5 page, ORB key 3: protection check after the key-3 "
	  "bytes",
	  .orb = ORB_KEY3, .ccw = { C(0x02, 0, 16, KEY3 + 0xff8) },
	  .dev = { RD(0x02, "ABCDEFGHIJKLMNOP") },
	  .mem = { { KEY3 + 0xff8, "ABCDEFGH" } },
	  .win = { { KEY3 + 0xff0, 0x20 } },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100008,
	  .commands = 1 },
	{ "§11 A8, prot = CHECK_FIRST (Hercules 3.13): the whole area is "
	  "checked first, nothing stored; residual = count - 0",
	  .compat = C_PROT_FIRST, .orb = ORB_KEY3,
	  .ccw = { C(0x02, 0, 16, KEY3 + 0xff8) },
	  .dev = { RD(0x02, "ABCDEFGHIJKLMNOP") },
	  .win = { { KEY3 + 0xff0, 0x20 } },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100010,
	  .commands = 1 },
	{ "§11 A8, prot = CHECK_FIRST: an area in one allowed page moves "
	  "normally",
	  .compat = C_PROT_FIRST, .orb = ORB_KEY3,
	  .ccw = { C(0x02, 0, 8, KEY3 + 0x10) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { KEY3 + 0x10, "ABCDEFGH" } },
	  .win = { { KEY3, 0x20 } },
	  .w0 = 0x30804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.1 step 10: store with ORB key 3 into a key-3 page: fine",
	  .orb = ORB_KEY3, .ccw = { C(0x02, 0, 8, KEY3 + 0x10) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { KEY3 + 0x10, "ABCDEFGH" } },
	  .win = { { KEY3, 0x20 } },
	  .w0 = 0x30804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.1 step 10: stores always check the key: ORB key 3 into a "
	  "key-0 page -> protection check, nothing stored",
	  .orb = ORB_KEY3, .ccw = { C(0x02, 0, 8, BUF) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100008,
	  .commands = 1 },
	{ "§4.1 step 10: ORB key 3 into the key-5 fetch-protected page: "
	  "protection check, nothing stored",
	  .orb = ORB_KEY3, .ccw = { C(0x02, 0, 8, FX_PROT) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .win = { { FX_PROT, 0x20 } },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100008,
	  .commands = 1 },
	{ "§0, §4.1 step 10: ORB key 0 stores into the key-5 "
	  "fetch-protected page",
	  .ccw = { C(0x02, 0, 8, FX_PROT) }, .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { FX_PROT, "ABCDEFGH" } },
	  .win = { { FX_PROT, 0x20 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§0, §4.1 step 10: ORB key 0 stores into a key-5 page",
	  .ccw = { C(0x02, 0, 8, KEY5 + 0x10) },
	  .dev = { RD(0x02, "ABCDEFGH") },
	  .mem = { { KEY5 + 0x10, "ABCDEFGH" } },
	  .win = { { KEY5, 0x20 } },
	  .w0 = 0x00804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
	{ "§4.1 step 10: fetch from a fetch-protected page, ORB key 3: "
	  "protection check, nothing fetched",
	  .orb = ORB_KEY3, .ccw = { C(0x01, 0, 8, FX_PROT) },
	  .dev = { WR(0x01, 0) },
	  .pre = { { FX_PROT, "ABCDEFGH" } },
	  .win = { { FX_PROT, 0x20 } },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100008,
	  .commands = 1, .recv = "" },
	{ "§4.1 step 10: fetch running into a fetch-protected page: the "
	  "device gets the bytes before it",
	  .orb = ORB_KEY3, .ccw = { C(0x01, 0, 16, FX_PROT - 8) },
	  .dev = { WR(0x01, 0) },
	  .pre = { { FX_PROT - 8, "ABCDEFGH" }, { FX_PROT, "IJKLMNOP" } },
	  .win = { { FX_PROT - 0x10, 0x20 } },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100008,
	  .commands = 1, .recv = "ABCDEFGH" },
	{ "§11 A8, prot = CHECK_FIRST: the same fetch gives the device "
	  "nothing",
	  .compat = C_PROT_FIRST, .orb = ORB_KEY3,
	  .ccw = { C(0x01, 0, 16, FX_PROT - 8) }, .dev = { WR(0x01, 0) },
	  .pre = { { FX_PROT - 8, "ABCDEFGH" }, { FX_PROT, "IJKLMNOP" } },
	  .win = { { FX_PROT - 0x10, 0x20 } },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100010,
	  .commands = 1, .recv = "" },
	{ "§4.1 step 10: fetch from a store-protected, not fetch-protected "
	  "page (key 5), ORB key 3: fine",
	  .orb = ORB_KEY3, .ccw = { C(0x01, 0, 8, KEY5 + 0x10) },
	  .dev = { WR(0x01, 0) },
	  .pre = { { KEY5 + 0x10, "ABCDEFGH" } },
	  .win = { { KEY5, 0x20 } },
	  .w0 = 0x30804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1, .recv = "ABCDEFGH" },
	{ "§4.1 step 10: fetch from the fetch-protected page with the "
	  "matching ORB key 5: fine",
	  .orb = ORB_KEY5, .ccw = { C(0x01, 0, 8, FX_PROT) },
	  .dev = { WR(0x01, 0) },
	  .pre = { { FX_PROT, "ABCDEFGH" } },
	  .win = { { FX_PROT, 0x20 } },
	  .w0 = 0x50804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1, .recv = "ABCDEFGH" },
	{ "§4.1 step 10, §4.2: read backward from a key-3 page down into "
	  "a key-5 page: protection check after the key-3 bytes",
	  .orb = ORB_KEY3, .ccw = { C(0x0c, 0, 16, KEY3B + 7) },
	  .dev = { RD(0x0c, "ABCDEFGHIJKLMNOP") },
	  .mem = { { KEY3B, "HGFEDCBA" } },
	  .win = { { KEY3B - 0x10, 0x20 } },
	  .w0 = 0x30804017, .w1 = FX_CCW + 8, .w2 = 0x00100008,
	  .commands = 1 },
	{ "§4.1 step 10, §4.2: read backward into a key-3 page with ORB "
	  "key 3: fine",
	  .orb = ORB_KEY3, .ccw = { C(0x0c, 0, 8, KEY3B + 7) },
	  .dev = { RD(0x0c, "ABCDEFGH") },
	  .mem = { { KEY3B, "HGFEDCBA" } },
	  .win = { { KEY3B - 0x10, 0x20 } },
	  .w0 = 0x30804007, .w1 = FX_CCW + 8, .w2 = 0x0c000000,
	  .commands = 1 },
};

/* ---------------------------------------------------------------- */
/* The row runner                                                    */
/* ---------------------------------------------------------------- */

static void expect_io(struct sim_io r, uint8_t cc, const char *what)
{
	ck_assert_msg(r.err == 0 && r.pic == 0 && r.cc == cc,
		      "%s: err %d pic 0x%x cc %d, want cc %d", what, r.err,
		      r.pic, r.cc, cc);
}

static uint32_t irb_word(const struct ccwa_irb *irb, unsigned w)
{
	return ccwa_get_be32((const uint8_t *)irb + 4 * w);
}

static void compat_of(uint8_t which, struct sim_css_compat *c)
{
	memset(c, 0, sizeof(*c));
	switch (which) {
	case C_IMM_NEVER:
		c->imm_il = SIM_IMM_IL_NEVER;
		break;
	case C_PROT_FIRST:
		c->prot = SIM_PROT_CHECK_FIRST;
		break;
	case C_SKIP_NOFETCH:
		c->skip_ida = SIM_SKIP_IDA_NO_FETCH;
		break;
	default:
		break;
	}
}

/* Storage keys beside the fixture's key-5 fetch-protected FX_PROT. */
static void set_keys(struct fx *f)
{
	ck_assert_int_eq(sim_mem_set_key(f->mem, KEY3, SIM_SKEY_MAKE(3, 0)),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_set_key(f->mem, KEY5, SIM_SKEY_MAKE(5, 0)),
			 SIM_MEM_OK);
	ck_assert_int_eq(sim_mem_set_key(f->mem, KEY3B, SIM_SKEY_MAKE(3, 0)),
			 SIM_MEM_OK);
}

static void store(struct fx *f, uint64_t addr, const void *p, size_t n)
{
	ck_assert_int_eq(sim_mem_write(f->mem, addr, p, n, 0, NULL),
			 SIM_MEM_OK);
}

/* Format-0 CCW @i of the program at FX_CCW (§1.3). */
static void ccw0(struct fx *f, unsigned i, const struct ccwd *c)
{
	uint8_t b[8] = { c->cmd, (uint8_t)(c->cda >> 16),
			 (uint8_t)(c->cda >> 8), (uint8_t)c->cda, c->flags };

	ccwa_put_be16(b + 6, c->count);
	store(f, FX_CCW + 8 * i, b, 8);
}

/* The ORB at FX_ORB, format 0 when @fmt0 (fx_orb() always sets F). */
static void orb(struct fx *f, uint32_t extra, int fmt0)
{
	uint8_t b[12];

	fx_orb(f, extra, 0xff);
	if (!fmt0)
		return;
	sim_mem_read(f->mem, FX_ORB, b, 12, 0, NULL);
	ccwa_put_be32(b + 4, ccwa_get_be32(b + 4) & ~ORB_F);
	store(f, FX_ORB, b, 12);
}

static void set_dev(struct fx *f, const struct devd *d)
{
	struct sim_testdev_cmd c = {
		.answer = d->answer,
		.end = d->end,
		.delay = SIM_US(1),
		.data = (const uint8_t *)d->data,
		.len = d->data ? (uint32_t)strlen(d->data) : d->len,
	};

	ck_assert_int_eq(sim_testdev_set(f->dev, d->code, &c), 0);
}

static void put_idal(struct fx *f, const struct idal *l, int fmt2)
{
	uint8_t b[8];

	for (unsigned k = 0; k < l->n; k++) {
		if (fmt2) {
			ccwa_put_be64(b, l->v[k]);
			store(f, l->addr + 8 * k, b, 8);
		} else {
			ccwa_put_be32(b, (uint32_t)l->v[k]);
			store(f, l->addr + 4 * k, b, 4);
		}
	}
}

/* Put piece @p into the image of [@base, @base + @len); bytes covered. */
static size_t paint(uint8_t *img, uint32_t base, uint32_t len,
		    const struct memd *p)
{
	size_t n = strlen(p->bytes), done = 0;

	for (size_t k = 0; k < n; k++) {
		uint64_t a = (uint64_t)p->addr + k;

		if (a >= base && a < (uint64_t)base + len) {
			img[a - base] = (uint8_t)p->bytes[k];
			done++;
		}
	}
	return done;
}

/* Storage [@base, @base + @len) must equal @img byte for byte. */
static void expect_storage(struct fx *f, uint32_t base, uint32_t len,
			   const uint8_t *img, const char *what)
{
	uint8_t *got = malloc(len);

	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq(sim_mem_read(f->mem, base, got, len, 0, NULL),
			 SIM_MEM_OK);
	for (uint32_t k = 0; k < len; k++)
		ck_assert_msg(got[k] == img[k],
			      "%s: storage 0x%08x = 0x%02x, want 0x%02x",
			      what, base + k, got[k], img[k]);
	free(got);
}

static void expect_recv(struct fx *f, const uint8_t *want, uint32_t n,
			const char *what)
{
	uint32_t len;
	const uint8_t *got = sim_testdev_received(f->dev, &len);

	ck_assert_msg(len == n, "%s: device received %u bytes, want %u",
		      what, len, n);
	ck_assert_msg(n == 0 || memcmp(got, want, n) == 0,
		      "%s: device received other bytes", what);
}

static void run_row(const struct row *r)
{
	struct sim_css_compat cm;
	struct win w[3] = { DEFWIN, r->win[0], r->win[1] };
	struct sim_testdev_stats st;
	struct ccwa_irb irb;
	size_t covered = 0, want_cover = 0;
	struct fx f;

	compat_of(r->compat, &cm);
	fx_init(&f, &cm);
	set_keys(&f);
	fx_enable(&f);
	for (unsigned k = 0; k < 3; k++)
		if (w[k].len)
			ck_assert_int_eq(sim_mem_fill(f.mem, w[k].addr, SENT,
						      w[k].len, 0, NULL),
					 SIM_MEM_OK);
	for (unsigned k = 0; k < 3 && r->pre[k].bytes; k++)
		store(&f, r->pre[k].addr, r->pre[k].bytes,
		      strlen(r->pre[k].bytes));
	if (r->idal[0].n)
		put_idal(&f, &r->idal[0], !!(r->orb & ORB_H));
	for (unsigned k = 0; k < 5; k++) {
		const struct ccwd *c = &r->ccw[k];

		if (r->fmt0)
			ccw0(&f, k, c);
		else
			fx_ccw1(&f, k, c->cmd, c->flags, c->count, c->cda);
	}
	orb(&f, r->orb, r->fmt0);
	for (unsigned k = 0; k < 3 && r->dev[k].code; k++)
		set_dev(&f, &r->dev[k]);

	expect_io(fx_ssch(&f), 0, r->cite);
	fx_run(&f, SIM_MS(1));
	expect_io(fx_tsch(&f, &irb), 0, r->cite);
	ck_assert_msg(irb_word(&irb, 0) == r->w0,
		      "%s: SCSW word 0 %08x, want %08x", r->cite,
		      irb_word(&irb, 0), r->w0);
	ck_assert_msg(irb_word(&irb, 1) == r->w1,
		      "%s: CCW address %08x, want %08x", r->cite,
		      irb_word(&irb, 1), r->w1);
	ck_assert_msg((irb_word(&irb, 2) & (r->resid_any ? 0xffff0000u :
					   0xffffffffu)) == r->w2,
		      "%s: SCSW word 2 %08x, want %08x%s", r->cite,
		      irb_word(&irb, 2), r->w2,
		      r->resid_any ? " (count not compared)" : "");

	/* Every watched byte: the expected piece, the pre-stored bytes, or
	 * the sentinel. */
	for (unsigned k = 0; k < 3; k++) {
		uint8_t *img;

		if (!w[k].len)
			continue;
		img = malloc(w[k].len);
		ck_assert_ptr_nonnull(img);
		memset(img, SENT, w[k].len);
		for (unsigned p = 0; p < 3 && r->pre[p].bytes; p++)
			paint(img, w[k].addr, w[k].len, &r->pre[p]);
		for (unsigned p = 0; p < 3 && r->mem[p].bytes; p++)
			covered += paint(img, w[k].addr, w[k].len, &r->mem[p]);
		expect_storage(&f, w[k].addr, w[k].len, img, r->cite);
		free(img);
	}
	for (unsigned p = 0; p < 3 && r->mem[p].bytes; p++)
		want_cover += strlen(r->mem[p].bytes);
	ck_assert_msg(covered == want_cover,
		      "%s: (table) an expected piece lies outside the windows",
		      r->cite);

	if (r->recv)
		expect_recv(&f, (const uint8_t *)r->recv,
			    (uint32_t)strlen(r->recv), r->cite);
	sim_testdev_stats(f.dev, &st);
	ck_assert_msg(st.commands == r->commands,
		      "%s: device offered %llu commands, want %u", r->cite,
		      (unsigned long long)st.commands, r->commands);
	/* One start function, one ending status: nothing more comes. */
	fx_run(&f, SIM_MS(1));
	expect_io(fx_tsch(&f, NULL), 1, r->cite);
	fx_fini(&f);
}

#define NROWS(t) ((int)(sizeof(t) / sizeof((t)[0])))

/* §4.5, §4.2, §4.7 rows above. */
START_TEST(test_length_mismatch_il_exact_scsw)
{
	run_row(&length_rows[_i]);
}
END_TEST

/* §4.3, §4.4 rows above. */
START_TEST(test_chain_data_pieces_exact_scsw)
{
	run_row(&chain_rows[_i]);
}
END_TEST

/* §4.6 rows above. */
START_TEST(test_skip_read_storage_untouched)
{
	run_row(&skip_rows[_i]);
}
END_TEST

/* §4.2, §1.4, §4.9 rows above. */
START_TEST(test_idaw_blocks_exact_storage)
{
	run_row(&ida_rows[_i]);
}
END_TEST

/* §4.1 steps 9-10 rows above. */
START_TEST(test_dataaddr_check_after_moved_bytes)
{
	run_row(&addr_rows[_i]);
}
END_TEST

/* ---------------------------------------------------------------- */
/* §1.4, §4.9: a transfer over three IDAW blocks                     */
/* ---------------------------------------------------------------- */

static uint8_t pattern_byte(uint32_t k)
{
	return (uint8_t)((k * 7u) ^ (k >> 8));
}

struct blk_case {
	const char *cite;
	uint32_t orb;
	uint32_t idaw[3];
	uint16_t count;
	struct { uint32_t addr, len, off; } piece[3];	/* data[off..] */
};

/*
 * The first IDAW points into the middle of its block; its data runs to
 * the block's end; the later IDAWs name block starts (§1.4); the data
 * lands in three separate pieces, and nothing else in 0x40000-0x45fff
 * changes.
 */
static const struct blk_case blk_cases[] = {
	{ "§1.4 format-1 IDAWs (ORB H=0), 2K blocks", 0,
	  { BLK + 0x700, BLK + 0x1000, BLK + 0x2800 }, 0x910,
	  { { BLK + 0x700, 0x100, 0 }, { BLK + 0x1000, 0x800, 0x100 },
	    { BLK + 0x2800, 0x10, 0x900 } } },
	{ "§1.4 format-2 IDAWs (ORB H=1, T=0), 4K blocks", ORB_H,
	  { BLK + 0xf00, BLK + 0x2000, BLK + 0x4000 }, 0x1110,
	  { { BLK + 0xf00, 0x100, 0 }, { BLK + 0x2000, 0x1000, 0x100 },
	    { BLK + 0x4000, 0x10, 0x1100 } } },
	{ "§1.4 format-2 IDAWs (ORB H=1, T=1), 2K blocks", ORB_H | ORB_T,
	  { BLK + 0x700, BLK + 0x1800, BLK + 0x3000 }, 0x910,
	  { { BLK + 0x700, 0x100, 0 }, { BLK + 0x1800, 0x800, 0x100 },
	    { BLK + 0x3000, 0x10, 0x900 } } },
};

#define BLK_AREA 0x6000u

/* Loop index: case = _i / 2; even = read (0x02), odd = write (0x01). */
START_TEST(test_idaw_three_blocks_pieces_exact)
{
	const struct blk_case *c = &blk_cases[_i / 2];
	int write = _i % 2;
	uint8_t *data = malloc(c->count), *img = malloc(BLK_AREA);
	struct idal l = { LIST, 3, { c->idaw[0], c->idaw[1], c->idaw[2] } };
	struct sim_testdev_cmd dc = { .end = CE_DE, .delay = SIM_US(1) };
	struct ccwa_irb irb;
	struct fx f;

	ck_assert_ptr_nonnull(data);
	ck_assert_ptr_nonnull(img);
	for (uint32_t k = 0; k < c->count; k++)
		data[k] = pattern_byte(k);
	memset(img, SENT, BLK_AREA);
	for (unsigned p = 0; p < 3; p++)
		memcpy(img + (c->piece[p].addr - BLK),
		       data + c->piece[p].off, c->piece[p].len);

	fx_init(&f, NULL);
	fx_enable(&f);
	sim_mem_fill(f.mem, BLK, SENT, BLK_AREA, 0, NULL);
	if (write)
		store(&f, BLK, img, BLK_AREA);
	put_idal(&f, &l, !!(c->orb & ORB_H));
	fx_ccw1(&f, 0, write ? 0x01 : 0x02, IDA, c->count, LIST);
	fx_orb(&f, c->orb, 0xff);
	if (!write) {
		dc.data = data;
		dc.len = c->count;
	}
	ck_assert_int_eq(sim_testdev_set(f.dev, write ? 0x01 : 0x02, &dc), 0);
	expect_io(fx_ssch(&f), 0, c->cite);
	fx_run(&f, SIM_MS(1));
	expect_io(fx_tsch(&f, &irb), 0, c->cite);
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000000);
	expect_storage(&f, BLK, BLK_AREA, img, c->cite);
	if (write)
		expect_recv(&f, data, c->count, c->cite);
	fx_fini(&f);
	free(data);
	free(img);
}
END_TEST

/* ---------------------------------------------------------------- */
/* Chunks, per-byte time and jitter: virtual time only               */
/* ---------------------------------------------------------------- */

#define BIG 4096u

/* A machine like the fixture's, 0.0.0000 only, with run seed @seed. */
static void seeded_init(struct fx *f, uint64_t seed)
{
	struct sim_css_cfg cfg = {
		.seed = seed, .nsets = 1, .facilities = SIM_FAC_DEFAULT,
	};
	struct sim_sch_def d = {
		.devno = 0x1234, .pim = 0xc0, .chpid = { 0x40, 0x41 },
	};

	memset(f, 0, sizeof(*f));
	f->q = sim_evq_create();
	f->mem = sim_mem_create(FX_MEM);
	ck_assert_ptr_nonnull(f->q);
	ck_assert_ptr_nonnull(f->mem);
	cfg.evq = f->q;
	cfg.mem = f->mem;
	f->css = sim_css_create(&cfg);
	ck_assert_ptr_nonnull(f->css);
	ck_assert_int_eq(sim_css_chp_install(f->css, 0x40, 0x1a), 0);
	ck_assert_int_eq(sim_css_chp_install(f->css, 0x41, 0x1a), 0);
	f->dev = d.dev = sim_testdev_create(0x1234);
	ck_assert_ptr_nonnull(f->dev);
	ck_assert_int_eq(sim_css_sch_define(f->css, 0, 0, &d, 0), 0);
	f->cpu.cr6 = 0xff;
	f->sid = FX_SID;
}

/*
 * Read BIG bytes into BUF with the device timing @t; check the SCSW and
 * that storage holds exactly the data; return the virtual time at which
 * the primary status appeared.
 */
static sim_vtime timed_read(uint64_t seed, const struct sim_testdev_cmd *t)
{
	struct sim_testdev_cmd c = *t;
	uint8_t *data = malloc(BIG), *img = malloc(BIG + 32);
	struct ccwa_irb irb;
	struct fx f;
	sim_vtime when;
	unsigned guard = 0;

	ck_assert_ptr_nonnull(data);
	ck_assert_ptr_nonnull(img);
	for (uint32_t k = 0; k < BIG; k++)
		data[k] = pattern_byte(k);
	memset(img, SENT, BIG + 32);
	memcpy(img + 16, data, BIG);

	seeded_init(&f, seed);
	fx_enable(&f);
	sim_mem_fill(f.mem, BUF - 16, SENT, BIG + 32, 0, NULL);
	fx_ccw1(&f, 0, 0x02, 0, BIG, BUF);
	fx_orb(&f, 0, 0xff);
	c.data = data;
	c.len = BIG;
	c.end = CE_DE;
	ck_assert_int_eq(sim_testdev_set(f.dev, 0x02, &c), 0);
	expect_io(fx_ssch(&f), 0, "timed read");
	while (!(fx_scsw_w0(&f) & 0x00000004u) && sim_evq_step(f.q))
		ck_assert_uint_lt(++guard, 100000);
	when = sim_evq_now(f.q);
	expect_io(fx_tsch(&f, &irb), 0, "timed read");
	ck_assert_uint_eq(irb_word(&irb, 0), 0x00804007);
	ck_assert_uint_eq(irb_word(&irb, 1), FX_CCW + 8);
	ck_assert_uint_eq(irb_word(&irb, 2), 0x0c000000);
	expect_storage(&f, BUF - 16, BIG + 32, img, "timed read");
	fx_fini(&f);
	free(data);
	free(img);
	return when;
}

/*
 * testdev.h, determinism: the same 4096-byte read in 512-byte chunks at
 * 10 ns a byte ends later in virtual time than in one chunk, and stores
 * the same bytes (§4.2 input, count = data length, no IL).
 */
START_TEST(test_xfer_chunked_ends_later_same_data)
{
	const struct sim_testdev_cmd one = {
		.delay = SIM_US(1), .per_byte = SIM_NS(10), .chunk = 0,
	};
	const struct sim_testdev_cmd chunked = {
		.delay = SIM_US(1), .per_byte = SIM_NS(10), .chunk = 512,
	};
	sim_vtime t1 = timed_read(0, &one), t8 = timed_read(0, &chunked);

	ck_assert_msg(t8 > t1, "chunked read ended at %llu ns, single at %llu",
		      (unsigned long long)t8, (unsigned long long)t1);
}
END_TEST

/*
 * docs/determinism.md, testdev.h: jitter draws from the device's stream
 * of the run's seed: the same seed gives the same time, other seeds move
 * the end by at most the jitter, and the data never changes.
 */
START_TEST(test_xfer_jitter_moves_time_by_seed_not_data)
{
	const struct sim_testdev_cmd base = {
		.delay = SIM_US(1), .per_byte = SIM_NS(10), .chunk = 512,
	};
	const struct sim_testdev_cmd jit = {
		.delay = SIM_US(1), .per_byte = SIM_NS(10), .chunk = 512,
		.jitter = SIM_US(5),
	};
	sim_vtime t0 = timed_read(1, &base), t[3];

	for (unsigned s = 0; s < 3; s++) {
		t[s] = timed_read(1 + s, &jit);
		ck_assert_msg(t[s] >= t0 && t[s] <= t0 + SIM_US(5),
			      "seed %u: end %llu outside [%llu, %llu]", 1 + s,
			      (unsigned long long)t[s],
			      (unsigned long long)t0,
			      (unsigned long long)(t0 + SIM_US(5)));
	}
	ck_assert_uint_eq(timed_read(1, &jit), t[0]);
	ck_assert_msg(!(t[0] == t[1] && t[1] == t[2]),
		      "seeds 1-3 gave the same end %llu",
		      (unsigned long long)t[0]);
}
END_TEST

Suite *suite(void)
{
	Suite *s = suite_create("chan_data");
	TCase *len = tcase_create("length");
	TCase *chain = tcase_create("chaining");
	TCase *skip = tcase_create("skip");
	TCase *ida = tcase_create("idaw");
	TCase *addr = tcase_create("address");
	TCase *xfer = tcase_create("timing");

	tcase_add_loop_test(len, test_length_mismatch_il_exact_scsw, 0,
			    NROWS(length_rows));
	tcase_add_loop_test(chain, test_chain_data_pieces_exact_scsw,
			    0, NROWS(chain_rows));
	tcase_add_loop_test(skip, test_skip_read_storage_untouched, 0,
			    NROWS(skip_rows));
	tcase_add_loop_test(ida, test_idaw_blocks_exact_storage, 0,
			    NROWS(ida_rows));
	tcase_add_loop_test(ida, test_idaw_three_blocks_pieces_exact, 0,
			    2 * NROWS(blk_cases));
	tcase_add_loop_test(addr, test_dataaddr_check_after_moved_bytes,
			    0, NROWS(addr_rows));
	tcase_add_test(xfer, test_xfer_chunked_ends_later_same_data);
	tcase_add_test(xfer, test_xfer_jitter_moves_time_by_seed_not_data);
	suite_add_tcase(s, len);
	suite_add_tcase(s, chain);
	suite_add_tcase(s, skip);
	suite_add_tcase(s, ida);
	suite_add_tcase(s, addr);
	suite_add_tcase(s, xfer);
	return s;
}
