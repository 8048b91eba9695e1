#!/usr/bin/env bash
# tests/integration/pack_errors_test.sh — bad input to `ssmix pack` gives exit 1, a message
# naming the problem, and no tree (or the earlier tree untouched).
set -uo pipefail
ssmix=$1 dicom=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A path that does not exist.
"$ssmix" pack --dicom "$work/nowhere" --tree "$work/t1" >"$work/out" 2>&1
[ $? = 1 ] || fail "missing input: exit status"
grep -q "nowhere" "$work/out" || fail "missing input: the path is not named"
[ ! -e "$work/t1" ] || fail "missing input: a tree was written"

# A folder with no DICOM in it (a text file only).
mkdir -p "$work/text"; echo "MSH|^~\\&|" > "$work/text/a.hl7"
"$ssmix" pack --dicom "$work/text" --tree "$work/t2" >"$work/out" 2>&1
[ $? = 1 ] || fail "no DICOM: exit status"
grep -q "no DICOM images" "$work/out" || fail "no DICOM: message"
grep -q "a.hl7" "$work/out" || fail "no DICOM: the non-DICOM file is not named"
[ ! -e "$work/t2" ] || fail "no DICOM: a tree was written"

# Two patients: refused, one patient per disc.
mkdir -p "$work/two"
cp "$dicom/CT/IM1" "$work/two/a"; cp "$dicom/CT/IM2" "$work/two/b"
dcmodify -q -nb -m "(0010,0020)=OTHER01" "$work/two/b"
"$ssmix" pack --dicom "$work/two" --tree "$work/t3" >"$work/out" 2>&1
[ $? = 1 ] || fail "two patients: exit status"
grep -q "OTHER01" "$work/out" || fail "two patients: the other patient is not named"
[ ! -e "$work/t3" ] || fail "two patients: a tree was written"

# An existing folder that is not an ssmix tree is never replaced.
mkdir -p "$work/precious"; echo keep > "$work/precious/notes.txt"
"$ssmix" pack --dicom "$dicom/CT" --tree "$work/precious" >"$work/out" 2>&1
[ $? = 1 ] || fail "foreign folder: exit status"
grep -q "not a disc tree made by ssmix" "$work/out" || fail "foreign folder: message"
[ "$(cat "$work/precious/notes.txt")" = keep ] && [ ! -e "$work/precious/INDEX.HTM" ] || fail "foreign folder: it was touched"

# A corrupt file among good ones: reported by name, the rest packed, exit 1.
mkdir -p "$work/mixed"; cp "$dicom/CT/IM1" "$dicom/CT/IM2" "$work/mixed/"
head -c 300 "$dicom/CT/IM3" > "$work/mixed/IM3"
"$ssmix" pack --dicom "$work/mixed" --tree "$work/t4" --json >"$work/out" 2>&1
[ $? = 1 ] || fail "mixed: exit status"
grep -q '"instances": 2' "$work/out" || fail "mixed: good files were not packed"
grep -q 'IM3' "$work/out" || fail "mixed: the corrupt file is not named"

[ "$failures" = 0 ] && echo "pack errors: all passed"
exit "$failures"
