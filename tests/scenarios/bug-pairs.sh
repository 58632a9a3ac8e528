#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The bug-switch pairs of scenarios/vfio must each catch their bug: every
# bug-<switch>-...on.scn must fail with the switch turned off, and every
# bug-<switch>-...fixed.scn with it turned on (issue 6: "a scenario that
# fails with the switch on and passes with it off").  The suite itself
# checks that each passes as written.
#
# usage: bug-pairs.sh CCWSIM SOURCE_DIR TMPDIR
set -eu
ccwsim=$1
src=$2
tmp=$3
mkdir -p "$tmp"

# The switch names, from the model's own table (kmod-model/kmodel.c).
switches=$(sed -n 's/^[[:space:]]*\[KMODEL_[A-Z0-9_]*\] = { "\([a-z0-9_]*\)".*/\1/p' \
	"$src/kmod-model/kmodel.c")
[ -n "$switches" ] || { echo "no switch names found in kmodel.c"; exit 1; }

# flip FILE SWITCH on|off: the driver line with the switch forced.
flip() {
	awk -v sw="$2" -v want="$3" '
	function strip(list,   n, i, a, out) {
		n = split(list, a, ",")
		out = ""
		for (i = 1; i <= n; i++)
			if (a[i] != sw && a[i] != "")
				out = out (out == "" ? "" : ",") a[i]
		return out
	}
	/^driver[[:space:]]/ && !done {
		line = "driver"; bugs = ""; fixed = ""
		for (i = 2; i <= NF; i++) {
			if ($i ~ /^#/) break
			if ($i ~ /^bugs=/) bugs = strip(substr($i, 6))
			else if ($i ~ /^fixed=/) fixed = strip(substr($i, 7))
			else line = line " " $i
		}
		if (want == "on") bugs = bugs (bugs == "" ? "" : ",") sw
		else fixed = fixed (fixed == "" ? "" : ",") sw
		if (bugs != "") line = line " bugs=" bugs
		if (fixed != "") line = line " fixed=" fixed
		print line
		done = 1
		next
	}
	{ print }' "$1"
}

checked=0
bad=0
for f in "$src"/scenarios/vfio/bug-*.scn; do
	base=$(basename "$f" .scn)
	rest=${base#bug-}
	# the longest switch name the file name starts with
	sw=""
	for s in $switches; do
		d=$(echo "$s" | tr _ -)
		case "$rest" in
		"$d"-*) [ ${#s} -gt ${#sw} ] && sw=$s ;;
		esac
	done
	if [ -z "$sw" ]; then
		echo "FAIL $base: names no known switch"
		bad=$((bad + 1))
		continue
	fi
	case "$base" in
	*-on) want=off ;;
	*-fixed) want=on ;;
	*) echo "FAIL $base: neither -on nor -fixed"; bad=$((bad + 1)); continue ;;
	esac
	flip "$f" "$sw" "$want" > "$tmp/$base.scn"
	if "$ccwsim" run "$tmp/$base.scn" > "$tmp/$base.out" 2>&1; then
		echo "FAIL $base: still passes with $sw turned $want"
		bad=$((bad + 1))
	else
		checked=$((checked + 1))
	fi
done
echo "$checked scenarios fail with their switch flipped, $bad do not"
[ "$bad" -eq 0 ] && [ "$checked" -gt 0 ]
