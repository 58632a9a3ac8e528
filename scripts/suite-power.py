#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""How strong is the conformance suite?  Plant known bugs in the simulator,
one at a time, rebuild, and run the suite: a planted bug the suite notices
is "killed".  Prints one line per bug and the kill ratio.

usage: python3 scripts/suite-power.py [BUILD_DIR]   (default build/power)

Each bug is one small, plausible mistake in sim/ (a check dropped, an order
reversed, a unit wrong), written as an exact snippet and its replacement;
the snippet must occur exactly once, so a refactoring that moves it makes
this script say so instead of measuring nothing.  The source is restored
after every bug, also on errors and ^C.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (what, file, snippet, replacement)
BUGS = [
    ("unusual ending status without alert", "sim/css/sch.c",
     "\tif (unusual(dstat, cstat))\n\t\tsc |= CCWA_STCTL_ALERT;\n\tccwa_scsw_set_cpa(s, (uint32_t)cpa);",
     "\tccwa_scsw_set_cpa(s, (uint32_t)cpa);"),
    ("TIC to TIC accepted", "sim/chan/chan.c",
     "if (c->tic) {\t/* TIC to TIC */", "if (0) {"),
    ("format-1 TIC flags and count not checked", "sim/chan/chan.c",
     "(c->cmd != CCWA_CMD_TIC || c->flags || c->count)", "(c->cmd != CCWA_CMD_TIC)"),
    ("SLI ignored", "sim/chan/chan.c",
     "if ((c->flags & CCWA_CCW_FLAG_SLI) && !(c->flags & CCWA_CCW_FLAG_CD))\n\t\til = 0;",
     "if (0)\n\t\til = 0;"),
    ("format-0 count 0 accepted", "sim/chan/chan.c",
     "else if (!fmt1(sch) && c->count == 0)", "else if (0)"),
    ("count 0 by data chaining accepted", "sim/chan/chan.c",
     "(dc || ((fl & CCWA_CCW_FLAG_CD) &&", "(((fl & CCWA_CCW_FLAG_CD) &&"),
    ("measurement unit 125 us instead of 128", "sim/css/cmf.c",
     "#define UNIT_NS 128000u", "#define UNIT_NS 125000u"),
    ("SSCH+RSCH count adds 2", "sim/css/cmf.c",
     "ccwa_cmb0_set_ssch_rsch_count(b, ccwa_cmb0_ssch_rsch_count(b) + 1);",
     "ccwa_cmb0_set_ssch_rsch_count(b, ccwa_cmb0_ssch_rsch_count(b) + 2);"),
    ("later IDAWs not checked for block alignment", "sim/chan/stream.c",
     "if (addr % blk != (back ? blk - 1 : 0)) {", "if (0) {"),
    ("skip flag ignored", "sim/chan/stream.c",
     "int skip = c->dir != DIR_OUT && (c->flags & CCWA_CCW_FLAG_SKIP);",
     "int skip = 0;"),
    ("ISC priority reversed", "sim/css/irq.c",
     "\tfor (unsigned i = 0; i < 8; i++) {\n\t\tconst struct io_req *head = &css->isc[i];",
     "\tfor (unsigned j = 0; j < 8; j++) {\n\t\tunsigned i = 7 - j;\n\t\tconst struct io_req *head = &css->isc[i];"),
    ("SSCH with status pending gives cc 0", "sim/css/insn.c",
     "\tif (sch_status_pending(sch))\n\t\treturn done(css, sch, \"ssch\", gr1, cc(CCWA_CC_STATUS));",
     ""),
    ("path CRW error-recovery codes swapped", "sim/css/chp.c",
     "online ? CCWA_CRW_ERC_IPARM : CCWA_CRW_ERC_PERRI",
     "online ? CCWA_CRW_ERC_PERRI : CCWA_CRW_ERC_IPARM"),
    ("PCI never presented", "sim/css/sch.c",
     "void sch_pci(struct sim_sch *sch, uint64_t ccw)\n{",
     "void sch_pci(struct sim_sch *sch, uint64_t ccw)\n{\n\tif (ccw)\n\t\treturn;"),
    ("fetch protection ignored", "sim/mem/mem.c",
     "\treturn !store && !(skey & SIM_SKEY_F);", "\treturn !store;"),
    ("highest path selected first", "sim/css/chp.c",
     "\tfor (unsigned n = 0; n < 8; n++) {\n\t\tuint8_t bit = (uint8_t)(0x80u >> n);\n\t\tconst struct chp *c;",
     "\tfor (unsigned n = 8; n-- > 0;) {\n\t\tuint8_t bit = (uint8_t)(0x80u >> n);\n\t\tconst struct chp *c;"),
    ("TSCH leaves the interruption request queued", "sim/css/sch.c",
     "\tirq_withdraw(sch);\n\tccwa_scsw_set_stctl(s, 0);\n\tif (interm_only) {",
     "\tccwa_scsw_set_stctl(s, 0);\n\tif (interm_only) {"),
    ("halt signal's answer dropped", "sim/css/sch.c",
     "\t\tdstat = chan_halt(sch);", "\t\tchan_halt(sch);"),
    ("concurrent sense without ERW S", "sim/css/sch.c",
     "ccwa_erw_set_cons(erw, 1);", "ccwa_erw_set_cons(erw, 0);"),
    ("FBA extent not checked by LOCATE", "sim/dev/fba.c",
     "!ct || nr < f->ext_beg || (uint64_t)nr + ct - 1 > f->ext_end)", "!ct)"),
    ("data chain fetched late", "sim/chan/stream.c",
     "\tif (c->phase == CHAN_WORKING && !c->left && (c->flags & CCWA_CCW_FLAG_CD))\n\t\tchan_data_chain(sch);",
     ""),
    ("CRW overflow never flagged", "sim/css/crw.c",
     "\t\t\tccwa_crw_set_oflw(c, 1);", ""),
    ("halt of an idle subchannel not sent to the device", "sim/css/sch.c",
     "\t\tdstat = sch->dev->ops->halt ? sch->dev->ops->halt(sch->dev) : 0;",
     "\t\tdstat = 0;"),
    ("MSCH accepts reserved PMCW bits", "sim/css/insn.c",
     "\tif (ccwa_pmcw_res32(p) || ccwa_pmcw_res38(p) || ccwa_pmcw_lm(p) == 3 ||\n\t    ccwa_pmcw_res192(p) || ccwa_pmcw_res203(p))\n\t\treturn 1;",
     ""),
]


def sh(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kw)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build/power"
    r = sh(["cmake", "-S", ".", "-B", build, "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
            "-DCCWSIM_BUILD_TESTS=OFF", "-DCCWSIM_BUILD_BENCH=OFF"])
    if r.returncode:
        sys.exit("configure failed:\n" + r.stderr)
    binary = os.path.join(build, "cli", "ccwsim")

    def suite():
        if sh(["cmake", "--build", build, "-j", str(os.cpu_count() or 2)]).returncode:
            return None
        out = sh([binary, "run", "scenarios/"]).stdout.strip().splitlines()
        return out[-1] if out else "?"

    base = suite()
    if base is None or " 0 failed" not in base:
        sys.exit("the unmodified suite must pass first: %s" % base)
    print("unmodified: %s" % base)
    killed = 0
    for what, path, old, new in BUGS:
        full = os.path.join(ROOT, path)
        src = open(full).read()
        if src.count(old) != 1:
            sys.exit("%s: the snippet for '%s' occurs %d times; update this script"
                     % (path, what, src.count(old)))
        try:
            open(full, "w").write(src.replace(old, new))
            res = suite()
        finally:
            open(full, "w").write(src)
        if res is None:
            sys.exit("'%s' does not build; fix its replacement" % what)
        dead = " 0 failed" not in res
        killed += dead
        print("%-8s %-48s %s" % ("killed" if dead else "SURVIVED", what, res))
    suite()		# leave the build as the source is
    print("%d of %d planted bugs killed (%.0f%%)" %
          (killed, len(BUGS), 100.0 * killed / len(BUGS)))


if __name__ == "__main__":
    main()
