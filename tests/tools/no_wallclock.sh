#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Determinism guard: sim/ and kmod-model/ must not read the wall clock or
# draw unseeded random numbers.  Only the libev adapter (sim/core/loop_ev.c)
# may touch real time.  Comments are scanned too, as CI's own check does:
# write "at the same time, (..." rather than "time (" in prose.
#
# usage: no_wallclock.sh SOURCE_ROOT      exit 0 clean, 1 offenders, 2 usage
set -u
root=${1:?usage: no_wallclock.sh SOURCE_ROOT}
[ -d "$root" ] || { echo "no_wallclock: no directory $root" >&2; exit 2; }
pattern='(^|[^A-Za-z0-9_])(time|clock_gettime|gettimeofday|rand|random|srand|srandom|rand_r|drand48|getrandom|clock)[[:space:]]*\('
bad=0
for dir in sim kmod-model; do
	[ -d "$root/$dir" ] || continue
	for f in $(find "$root/$dir" -name '*.[ch]' | sort); do
		case "$f" in */sim/core/loop_ev.c | */sim/include/ccwsim/sim/loop_ev.h) continue ;; esac
		hits=$(grep -nE "$pattern" "$f")
		if [ -n "$hits" ]; then
			echo "$f: wall clock or unseeded randomness:" >&2
			echo "$hits" | sed 's/^/    /' >&2
			bad=1
		fi
	done
done
[ $bad -eq 0 ] && echo "no_wallclock: sim/ and kmod-model/ are clean"
exit $bad
