#!/usr/bin/env bash
# tests/integration/fhir_render_test.sh — `ssmix fhir render` on our own referral bundle, the IG's
# example bundles and hostile ones: every page checked by an independent oracle (Python's json
# and html.parser, fhir_render_oracle.py): no script, no event attribute, no link out of the
# page, every section title of the JSON shown; drops and errors named by file and JSON path.
set -uo pipefail
ssmix=$1 storage=$2 letter=$3 data=$4 work=$5
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
py=/usr/bin/python3
oracle="$(dirname "$0")/fhir_render_oracle.py"

"$ssmix" referral --storage "$storage" --patient 9999013 --letter "$letter" --format fhir -o "$work/letter.json" >"$work/out" 2>&1 \
  || fail "referral --format fhir: $(cat "$work/out")"

render() {   # render NAME BUNDLE: html and text, both exit 0, both checked by the oracle
  local name=$1 bundle=$2
  "$ssmix" fhir render "$bundle" -o "$work/$name.html" 2>"$work/$name.err" || fail "$name: html exit status: $(cat "$work/$name.err")"
  "$ssmix" fhir render "$bundle" --format text >"$work/$name.txt" 2>/dev/null || fail "$name: text exit status"
  [ -s "$work/$name.txt" ] || fail "$name: empty text"
  "$py" "$oracle" "$bundle" "$work/$name.html" "$work/$name.txt" >"$work/$name.oracle" || fail "$name: $(cat "$work/$name.oracle")"
}
render letter "$work/letter.json"
for bundle in "$data"/examples/Bundle-*.json "$data"/ereferral/*.json; do render "$(basename "$bundle" .json)" "$bundle"; done
grep -q "投薬指示" "$work/letter.txt" || fail "letter: 投薬指示 missing from the text"

# Hostile narrative: rendered with its drops listed (file and JSON path), nothing active in the page.
"$py" - "$work/hostile.json" <<'PY'
import json, sys
div = ('<div xmlns="http://www.w3.org/1999/xhtml"><p onclick="alert(1)">本文<script>alert(2)</script></p>'
       '<a href="javascript:alert(3)">外</a><a href="https://example.com/">外2</a><img src="https://example.com/x.png"/>'
       '<style>p{}</style><iframe src="https://example.com/"></iframe><span onmouseover="x()">内</span></div>')
composition = {"resourceType": "Composition", "title": "敵対的", "section": [{"title": "所見", "text": {"status": "additional", "div": div}}]}
json.dump({"resourceType": "Bundle", "type": "document", "entry": [{"fullUrl": "urn:uuid:1", "resource": composition}]},
          open(sys.argv[1], "w"), ensure_ascii=False)
PY
render hostile "$work/hostile.json"
grep -qF "hostile.json: Bundle.entry[0].resource.section[0].text.div/p[1]/script[1]: warning:" "$work/hostile.err" \
  || fail "hostile: the script's drop is not named by file and path: $(cat "$work/hostile.err")"
grep -q "fhir.link.dropped" "$work/hostile.err" || fail "hostile: the outside link's drop is not listed"
! grep -qi "alert\|example.com" "$work/hostile.html" || fail "hostile: active content reached the page"
grep -q "本文" "$work/hostile.html" || fail "hostile: the text was lost"

# Wrong types: an error naming the file and the JSON path, exit 1, the rest still drawn.
printf '{"resourceType":"Bundle","type":"document","entry":[{"resource":{"resourceType":"Composition","title":"t","section":[{"title":["x"]}]}}]}' >"$work/types.json"
"$ssmix" fhir render "$work/types.json" >"$work/types.html" 2>"$work/types.err"
[ $? = 1 ] || fail "wrong types: exit status"
grep -qF "types.json: Bundle.entry[0].resource.section[0].title: error:" "$work/types.err" || fail "wrong types: $(cat "$work/types.err")"

# Not JSON, too deep, missing: exit 1 and the file named.
echo '<ClinicalDocument/>' >"$work/not-json.json"
"$ssmix" fhir render "$work/not-json.json" >"$work/out" 2>&1
[ $? = 1 ] || fail "not JSON: exit status"
grep -q "not-json.json: byte 1: error: not JSON" "$work/out" || fail "not JSON: message: $(cat "$work/out")"
"$py" -c "print('[' * 10000)" >"$work/deep.json"
"$ssmix" fhir render "$work/deep.json" >"$work/out" 2>&1
[ $? = 1 ] || fail "deep: exit status"
grep -q "deep.json: byte 128: error: .*fhir.too_deep" "$work/out" || fail "deep: message: $(cat "$work/out")"
"$ssmix" fhir render "$work/no-such.json" >"$work/out" 2>&1
[ $? = 1 ] || fail "missing file: exit status"
grep -q "no-such.json" "$work/out" || fail "missing file: not named"

[ "$failures" = 0 ] && echo "fhir render: all passed"
exit $((failures > 0))   # a count of 256 would wrap to success
