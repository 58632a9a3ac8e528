#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Install the build into a scratch prefix and build a consumer against it
# through pkg-config, shared and static; run both and the installed binary.
# usage: install_test.sh BUILD_DIR SOURCE_DIR [EXTRA_CFLAGS]
set -eu
build=$1
src=$2
extra=${3:-}
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
pc=$(find "$tmp/prefix" -name ccwsim.pc)
[ -n "$pc" ] || { echo "install_test: no ccwsim.pc installed"; exit 1; }
for h in ccwsim/arch/scsw.h ccwsim/arch/field.h ccwsim/sim/evq.h ccwsim/sim/trace.h \
	ccwsim/kmodel/kmodel.h ccwsim/vmm/client.h ccwsim/vfio.h ccwsim/vfio_ccw.h; do
	[ -f "$tmp/prefix/include/$h" ] || { echo "install_test: $h not installed"; exit 1; }
done
"$tmp/prefix/bin/ccwsim" --version
export PKG_CONFIG_PATH="$(dirname "$pc")"
cflags=$(pkg-config --cflags ccwsim)
libs=$(pkg-config --libs ccwsim)
libdir=$(pkg-config --variable=libdir ccwsim)
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Werror $extra $cflags "$src/tests/tools/install_consumer.c" $libs -o "$tmp/shared"
LD_LIBRARY_PATH="$libdir" "$tmp/shared"
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Werror $extra $cflags "$src/tests/tools/install_consumer.c" \
	"$libdir/libccwsim.a" $(pkg-config --libs --static ccwsim | sed 's/-lccwsim//') -o "$tmp/static"
"$tmp/static"
echo "install_test: ok"
