#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The main job: install what is missing, build, decode sample blocks, show
# that a seeded randomized run is reproducible, then run the conformance
# suite (its summary is the last line; JUnit XML in build/release).
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/release -j "$(nproc 2>/dev/null || echo 2)"
ccwsim=build/release/cli/ccwsim

echo "== ccwsim decode: a SCSW after a normal ending, brief"
$ccwsim decode --brief scsw 00c04007 00012348 0c000000
echo
echo "== ccwsim decode: the same SCSW, every field"
$ccwsim decode scsw 00c04007 00012348 0c000000
for sample in scripts/samples/*.hex; do
	[ -e "$sample" ] || continue
	kind=$(basename "$sample" .hex | sed 's/-.*//')
	echo
	echo "== ccwsim decode $kind < $sample"
	$ccwsim decode "$kind" - < "$sample"
done

echo
echo "== determinism: the same seed twice, then another seed"
a=$($ccwsim demo --seed 7)
b=$($ccwsim demo --seed 7)
c=$($ccwsim demo --seed 8)
printf '%s\n%s\n%s\n' "$a" "$b" "$c"
if [ "$a" != "$b" ]; then
	echo "FAIL: seed 7 gave two different traces" >&2
	exit 1
fi
if [ "${a##*digest }" = "${c##*digest }" ]; then
	echo "FAIL: seeds 7 and 8 gave the same trace" >&2
	exit 1
fi
echo "ok: same seed, same trace; other seed, other trace"

echo
echo "== a vfio-ccw race replayed: io_todo signals before it sets IDLE (§6.16)"
race=scenarios/vfio/bug-signal-before-idle-on.scn
for seed in 1 7; do
	$ccwsim run --seed $seed --trace build/release/race-$seed.txt $race >/dev/null || true
	echo "-- seed $seed: the next SSCH and the worker"
	grep -E "eventfd_signal: io|IDLE \(io_todo\)|CP_PENDING IO_REQ|syscall_return: (124|-16) \[pwrite#6" \
		build/release/race-$seed.txt | sed -n '1,4p'
done

echo
echo "== the conformance suite: ccwsim run scenarios/"
$ccwsim run --junit build/release/scenarios.xml scenarios/
