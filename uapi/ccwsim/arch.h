/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Every architected block of the channel subsystem (facts §1, §5). */
#ifndef CCWSIM_ARCH_H
#define CCWSIM_ARCH_H

#include <ccwsim/arch/be.h>
#include <ccwsim/arch/field.h>
#include <ccwsim/arch/sid.h>
#include <ccwsim/arch/orb.h>
#include <ccwsim/arch/ccw.h>
#include <ccwsim/arch/idaw.h>
#include <ccwsim/arch/scsw.h>
#include <ccwsim/arch/esw.h>
#include <ccwsim/arch/irb.h>
#include <ccwsim/arch/pmcw.h>
#include <ccwsim/arch/schib.h>
#include <ccwsim/arch/crw.h>
#include <ccwsim/arch/intcode.h>
#include <ccwsim/arch/senseid.h>
#include <ccwsim/arch/cmb.h>
#include <ccwsim/arch/decode.h>

#endif /* CCWSIM_ARCH_H */
