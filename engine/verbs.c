// SPDX-License-Identifier: GPL-2.0-or-later
/* Every statement of the scenario language, with its phase and usage. */
#include <string.h>

#include "verbs.h"

static const struct verb verbs[] = {
	/* header */
	{ "scenario", PH_HEADER, v_scenario, "scenario \"what it shows\"" },
	{ "cite", PH_HEADER, v_cite, "cite \"facts §2.1\" \"...\"" },
	{ "tags", PH_HEADER, v_tags, "tags word..." },
	{ "seed", PH_HEADER, v_seed, "seed N" },
	{ "skip", PH_HEADER, v_skip, "skip \"reason\"" },
	/* the machine */
	{ "storage", PH_CONFIG, v_storage_size, "storage SIZE" },
	{ "sets", PH_CONFIG, v_sets, "sets N" },
	{ "crw_queue", PH_CONFIG, v_crw_queue, "crw_queue N" },
	{ "facilities", PH_CONFIG, v_facilities,
	  "facilities default|none [+name] [-name]" },
	{ "compat", PH_CONFIG, v_compat, "compat [pops|qemu72|hercules313] [switch=value]..." },
	{ "timing", PH_CONFIG, v_timing,
	  "timing [start=T] [halt=T] [clear=T] [rchp=T] [chain=T]" },
	{ "chpid", PH_CONFIG, v_chpid, "chpid XX [type=N] [offline]" },
	{ "subchannel", PH_CONFIG, v_subchannel,
	  "subchannel 0.s.nnnn [devno=N] [paths=40,41] [device=test|fba|printer|none] [file=NAME blocks=N blksize=N model=3370 nodc readonly]" },
	{ "answer", PH_ANY, v_answer,
	  "answer 0.s.nnnn CMD [status=DSTAT] [data=\"hex\"|expect=\"hex\"] [len=N] [end=DSTAT] [delay=T] [per_byte=T] [jitter=T] [de_delay=T] [chunk=N] [sense=\"hex\"] [echo]" },
	{ "senseid", PH_ANY, v_senseid, "senseid 0.s.nnnn \"hex\"" },
	{ "file", PH_CONFIG, v_file, "file NAME [size=N] [fill=B|pattern=SEED]" },
	/* storage */
	{ "at", PH_STORAGE, v_at, "at ADDRESS" },
	{ "align", PH_STORAGE, v_store, "align N" },
	{ "orb", PH_STORAGE, v_store,
	  "orb [intparm=N] [key=K] [fmt=0|1] [lpm=N] [cpa=ADDR] [s] [p] [i] [a] [u] [h] [t] [l] [d] [x] [b]" },
	{ "ccw0", PH_STORAGE, v_store, "ccw0 CMD [cd cc sli skip pci ida s] [count=N] [data=ADDR|to=ADDR]" },
	{ "ccw1", PH_STORAGE, v_store, "ccw1 CMD [cd cc sli skip pci ida s mida] [count=N] [data=ADDR|to=ADDR]" },
	{ "idaw1", PH_STORAGE, v_store, "idaw1 ADDR..." },
	{ "idaw2", PH_STORAGE, v_store, "idaw2 ADDR..." },
	{ "midaw", PH_STORAGE, v_store, "midaw [last] [skip] [dtic] count=N data=ADDR" },
	{ "bytes", PH_STORAGE, v_store, "bytes \"hex\"" },
	{ "fill", PH_STORAGE, v_store, "fill BYTE LEN" },
	{ "space", PH_STORAGE, v_store, "space LEN" },
	{ "ebcdic", PH_STORAGE, v_store, "ebcdic \"TEXT\"" },
	{ "pattern", PH_STORAGE, v_store, "pattern SEED LEN [from=OFFSET]" },
	{ "word", PH_STORAGE, v_store, "word N..." },
	{ "schib", PH_STORAGE, v_store, "schib [pmcw field=value...] [mba=N]" },
	{ "key", PH_ANY, v_key, "key ADDRESS value=K [fetch] [len=SIZE]" },
	/* steps */
	{ "ssch", PH_STEP, v_insn, "ssch SID ORB-ADDR [-> cc N|program NAME]" },
	{ "tsch", PH_STEP, v_insn, "tsch SID IRB-ADDR [-> cc N|program NAME]" },
	{ "hsch", PH_STEP, v_insn, "hsch SID [-> cc N|program NAME]" },
	{ "csch", PH_STEP, v_insn, "csch SID [-> cc N|program NAME]" },
	{ "rsch", PH_STEP, v_insn, "rsch SID [-> cc N|program NAME]" },
	{ "xsch", PH_STEP, v_insn, "xsch SID [-> cc N|program NAME]" },
	{ "msch", PH_STEP, v_insn, "msch SID SCHIB-ADDR [-> cc N|program NAME]" },
	{ "stsch", PH_STEP, v_insn, "stsch SID SCHIB-ADDR [-> cc N|program NAME]" },
	{ "tpi", PH_STEP, v_insn, "tpi ADDR [-> cc N|program NAME]" },
	{ "stcrw", PH_STEP, v_insn, "stcrw ADDR [-> cc N|program NAME]" },
	{ "schm", PH_STEP, v_insn, "schm [m] [d] [mbk=K] [mbo=ADDR] | schm gr1=N gr2=N" },
	{ "rchp", PH_STEP, v_insn, "rchp CHPID|gr1=N [-> cc N|program NAME]" },
	{ "sal", PH_STEP, v_insn, "sal LIMIT [-> program NAME]" },
	{ "chsc", PH_STEP, v_insn, "chsc ADDR [-> cc N|program NAME]" },
	{ "enable", PH_STEP, v_modify, "enable SID [pmcw-field=value]..." },
	{ "disable", PH_STEP, v_modify, "disable SID [pmcw-field=value]..." },
	{ "modify", PH_STEP, v_modify, "modify SID pmcw-field=value..." },
	{ "psw", PH_STEP, v_psw, "psw [key=K] [problem|supervisor] [prefix=ADDR]" },
	{ "mask", PH_STEP, v_mask, "mask [io=on|off] [cr6=MASK] [mc=on|off] [crw=on|off]" },
	{ "run", PH_STEP, v_run, "run | run for T | run until T | run until interrupt [within=T]" },
	{ "take", PH_STEP, v_take, "take io|mcck [-> sid=SID intparm=N isc=N | none]" },
	{ "attention", PH_STEP, v_attention, "attention SID [status=DSTAT] [-> ok|busy|nodev]" },
	{ "busy", PH_STEP, v_busy, "busy SID for=T" },
	{ "vary", PH_STEP, v_path, "vary CHPID on|off" },
	{ "fail", PH_STEP, v_path, "fail CHPID" },
	{ "repair", PH_STEP, v_path, "repair CHPID" },
	{ "install", PH_STEP, v_install, "install SID ...as subchannel..." },
	{ "remove", PH_STEP, v_remove, "remove SID" },
	{ "reset", PH_STEP, v_reset, "reset" },
	{ "expect", PH_STEP, v_expect, "expect WHAT ... (docs/scenario-language.md)" },
	/* the driver model */
	{ "driver", PH_CONFIG, v_driver,
	  "driver [kernel=X.Y|era=E1|E2|E3] [profile=architected|qemu-le-host] [bugs=a,b] [fixed=a,b] [wq_latency=T]" },
	{ "mdev", PH_CONFIG, v_mdev, "mdev SID [uuid=UUID] [register-fails]" },
	{ "invariant", PH_CONFIG, v_invariant, "invariant leak|violation|use-after-free \"why\"" },
	{ "concurrent", PH_STEP, v_concurrent, "concurrent, then indented vfio requests" },
	{ "client", PH_CONFIG, v_client, "client [old] [force-pfch] [-> errno NAME]" },
	{ "guest", PH_STEP, v_guest,
	  "guest ssch ORB|rsch|hsch|csch|tsch IRB|stsch A|msch A|stcrw A [-> cc N] | guest enable [isc=N intparm=N csense] | guest take io [-> intparm=N|none] | guest wait io [within=T]" },
	{ "vfio", PH_STEP, v_vfio, "vfio open|close|ssch|hsch|csch|read|write|ioctl|irq|wait|map|unmap|remove|vary ... [-> ok|N|errno NAME]" },
};

/*
 * Words the driver-model and race-exploration issues will give meaning:
 * reserved now, so no scenario uses them for something else.
 */
static int v_reserved(struct ctx *c, struct scn_stmt *s)
{
	cx_error(c, s->line, s->col,
		 "'%s' is reserved for a later version of the language (docs/scenario-language.md, \"Reserved\")",
		 s->args[0].val);
	return -1;
}

static const struct verb reserved[] = {
	{ "region", PH_STEP, v_reserved, "" },
	{ "fault", PH_STEP, v_reserved, "" },
};

const struct verb *verb_find(const char *name)
{
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(verbs[i].name, name))
			return &verbs[i];
	for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		if (!strcmp(reserved[i].name, name))
			return &reserved[i];
	return NULL;
}
