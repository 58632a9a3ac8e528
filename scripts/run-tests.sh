#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The test job: install what is missing, then build and run every test
# twice, in a normal build and in an AddressSanitizer + UndefinedBehavior-
# Sanitizer build, both with warnings as errors.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

run() {	# name, cmake options...
	name=$1
	shift
	echo "== $name build"
	cmake -S . -B "build/$name" -DCCWSIM_WERROR=ON "$@" >/dev/null
	cmake --build "build/$name" -j "$jobs"
	echo "== $name tests"
	ctest --test-dir "build/$name" --output-on-failure -j "$jobs"
}

run release -DCMAKE_BUILD_TYPE=RelWithDebInfo
run asan -DCMAKE_BUILD_TYPE=Debug -DCCWSIM_SANITIZE="address;undefined"
echo "== all tests passed in both builds"
