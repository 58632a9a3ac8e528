#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Determinism guard: sim/ and kmod-model/ must not read the wall clock or
# draw unseeded random numbers.  Only the libev adapter (sim/core/loop_ev.c)
# may touch real time.  Comments are stripped first (gcc -fpreprocessed), so
# prose such as "at the same time (..." does not trip it.
#
# usage: no_wallclock.sh SOURCE_ROOT      exit 0 clean, 1 offenders, 2 usage
set -u
root=${1:?usage: no_wallclock.sh SOURCE_ROOT}
[ -d "$root" ] || { echo "no_wallclock: no directory $root" >&2; exit 2; }
cc=${CC:-cc}
pattern='(^|[^A-Za-z0-9_])(time|clock_gettime|gettimeofday|rand|random|srand|srandom|rand_r|drand48|getrandom|clock)[[:space:]]*\('
bad=0
for dir in sim kmod-model; do
	[ -d "$root/$dir" ] || continue
	for f in $(find "$root/$dir" -name '*.[ch]' | sort); do
		case "$f" in */sim/core/loop_ev.c) continue ;; esac
		hits=$("$cc" -fpreprocessed -dD -E -P -x c "$f" 2>/dev/null |
		       grep -nE "$pattern")
		if [ -n "$hits" ]; then
			echo "$f: wall clock or unseeded randomness:" >&2
			echo "$hits" | sed 's/^/    /' >&2
			bad=1
		fi
	done
done
[ $bad -eq 0 ] && echo "no_wallclock: sim/ and kmod-model/ are clean"
exit $bad
