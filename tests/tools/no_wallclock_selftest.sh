#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The guard must catch a planted offender (in code or in a comment, as CI
# does), ignore it in the libev adapter, and pass a clean tree.
set -u
here=$(dirname "$0")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/sim/core" "$tmp/kmod-model"
printf '/* at the same time, x */\nint f(void) { return 0; }\n' > "$tmp/sim/core/a.c"
printf 'int g(void) { return time(0); }\n' > "$tmp/sim/core/loop_ev.c"
"$here/no_wallclock.sh" "$tmp" || { echo "selftest: clean tree rejected"; exit 1; }
for call in 'time(0)' 'clock_gettime(0, 0)' 'rand()' 'gettimeofday(0, 0)' 'random ()'; do
	printf 'long h(void) { return %s; }\n' "$call" > "$tmp/kmod-model/b.c"
	if "$here/no_wallclock.sh" "$tmp" 2>/dev/null; then
		echo "selftest: missed $call"; exit 1
	fi
done
printf '/* each time (x) */\n' > "$tmp/kmod-model/b.c"
if "$here/no_wallclock.sh" "$tmp" 2>/dev/null; then
	echo "selftest: missed time ( in a comment"; exit 1
fi
echo "no_wallclock selftest: ok"
