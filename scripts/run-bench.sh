#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Benchmarks: build optimized and run each one.  They print absolute
# figures and ratios against a baseline measured in the same run.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DCCWSIM_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j "$(nproc 2>/dev/null || echo 2)"
for b in build/bench/bench/bench_*; do
	[ -x "$b" ] || continue
	echo "== $(basename "$b")"
	"$b"
done
