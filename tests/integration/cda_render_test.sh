#!/usr/bin/env bash
# tests/integration/cda_render_test.sh — `ssmix cda render` on real and hostile documents:
# every sample renders (HTML and text); a broken file is named with its line; the hostile
# corpus renders with its drops listed on stderr and no script in the page.
set -uo pipefail
ssmix=$1 data=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for doc in "$data"/samples/*.xml "$data"/jp-referral.xml; do
  name=$(basename "$doc" .xml)
  "$ssmix" cda render "$doc" -o "$work/$name.html" 2>"$work/$name.err" || fail "$name: html exit status"
  grep -q '<article class="cda"' "$work/$name.html" || fail "$name: no article in the HTML"
  "$ssmix" cda render "$doc" --format text >"$work/$name.txt" 2>/dev/null || fail "$name: text exit status"
  [ -s "$work/$name.txt" ] || fail "$name: empty text"
done
grep -q "診療情報提供書" "$work/jp-referral.txt" || fail "jp-referral: title missing from the text"

"$ssmix" cda render "$data/hostile/not-well-formed.xml" >"$work/out" 2>&1
[ $? = 1 ] || fail "not well-formed: exit status"
grep -q "not-well-formed.xml:5: error: not well-formed XML" "$work/out" || fail "not well-formed: message: $(cat "$work/out")"

"$ssmix" cda render "$data/hostile/script-links.xml" -o "$work/hostile.html" 2>"$work/hostile.err" || fail "hostile: exit status"
grep -q "cda.narrative.dropped" "$work/hostile.err" || fail "hostile: drops not listed"
! grep -qi "<script" "$work/hostile.html" || fail "hostile: a script reached the page"

"$ssmix" cda render "$work/no-such.xml" >"$work/out" 2>&1
[ $? = 1 ] || fail "missing file: exit status"
grep -q "no-such.xml" "$work/out" || fail "missing file: not named"

[ "$failures" = 0 ] && echo "cda render: all passed"
exit $((failures > 0))   # a count of 256 would wrap to success
