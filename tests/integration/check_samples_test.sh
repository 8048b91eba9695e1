#!/usr/bin/env bash
# tests/integration/check_samples_test.sh — `ssmix check` on the NHO sample storage finds
# exactly the known problems: the deliberate negative fixtures under 000/000/0000001 and the
# inconsistencies of the guideline examples under 999/901/9999013 (expected/check_samples.txt,
# one "path<TAB>where<TAB>code" per finding, reviewed by hand).
set -uo pipefail
ssmix=$1 samples=$2 expected=$3
"$ssmix" check --json "$samples" > /tmp/ssmix-check.$$.json
status=$?
[ "$status" = 1 ] || { echo "FAIL: exit status $status, expected 1"; exit 1; }
/usr/bin/python3 - /tmp/ssmix-check.$$.json "$samples" "$expected" <<'PY'
import json, sys
report, root, expected_path = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
found = sorted("%s\t%s\t%s" % (f["file"][len(root) + 1:], f["where"], f["code"]) for f in report["findings"])
expected = sorted(l.rstrip("\n") for l in open(expected_path, encoding="utf-8") if l.strip() and not l.startswith("#"))
missing = [e for e in expected if e not in found]
extra = [f for f in found if f not in expected]
for e in missing: print("FAIL: expected finding not reported:", e)
for f in extra: print("FAIL: unexpected finding:", f)
if missing or extra: sys.exit(1)
print("check samples: %d findings, as expected" % len(found))
PY
status=$?
rm -f /tmp/ssmix-check.$$.json
exit $status
