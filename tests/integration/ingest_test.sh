#!/usr/bin/env bash
# tests/integration/ingest_test.sh — `ssmix ingest` with the real binary on real files: the
# NHO samples stored byte for byte, re-ingest as duplicates, negative samples rejected with a
# reason, MLLP-framed files, update and cancel, and `ssmix check` of the result.
set -uo pipefail
ssmix=$1 samples=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
make=("/usr/bin/python3" "$here/make_messages.py")
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

# 1. The valid samples: all stored, bytes unchanged.
"$ssmix" ingest --storage "$work/storage" --json "$samples/999" > "$work/first.json"
[ $? = 0 ] || fail "valid samples: exit status"
[ "$(json "$work/first.json" 'd["stored"]')" = 19 ] || fail "valid samples: $(json "$work/first.json" 'd["stored"]') stored, expected 19"
/usr/bin/python3 - "$work/first.json" "$work/storage" <<'PY' || fail "valid samples: stored bytes differ from the source"
import json, sys, filecmp, os
report = json.load(open(sys.argv[1]))
for m in report["messages"]:
    stored = os.path.join(sys.argv[2], m["path"])
    source = m["source"]
    if not filecmp.cmp(stored, source, shallow=False):
        sys.exit("differs: %s vs %s" % (stored, source))
PY
# The consistent samples land exactly where the sample tree has them.
for f in -/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1 \
         20110701/OMP-01/9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1 \
         20110701/OMP-02/9999013_20110701_OMP-02_123456789012345_20110701224603984_01_1 \
         20111120/ADT-22/9999013_20111120_ADT-22_999999999999999_20111220224447339_01_1 \
         20111220/OML-01/9999013_20111220_OML-01_000000011000354_20111220103059123_15_1; do
  [ -f "$work/storage/999/901/9999013/$f" ] || fail "sample not at its sample-tree path: $f"
done

# 2. Again: every message is a duplicate, nothing new on disk.
before=$(find "$work/storage" -type f | wc -l)
"$ssmix" ingest --storage "$work/storage" --json "$samples/999" > "$work/second.json"
[ $? = 0 ] || fail "re-ingest: exit status"
[ "$(json "$work/second.json" 'd["duplicates"]')" = 19 ] || fail "re-ingest: not all duplicates"
[ "$(find "$work/storage" -type f | wc -l)" = "$before" ] || fail "re-ingest: files were added"

# 3. The negative samples: rejected, kept with a reason, exit 1.
"$ssmix" ingest --storage "$work/storage" --rejected "$work/rejected" "$samples/000" > "$work/neg.out" 2>&1
[ $? = 1 ] || fail "negative samples: exit status"
[ "$(ls "$work/rejected"/*.hl7 | wc -l)" = 3 ] || fail "negative samples: not all 3 kept in the rejected folder"
grep -q "hl7.msh.missing" "$work/rejected"/*.reason.txt || fail "negative samples: reason for the 8-bit file"
grep -q "ssmix2.structure.unexpected_segment" "$work/rejected"/*.reason.txt || fail "negative samples: reason for the junk segments"
[ ! -e "$work/storage/000/000" ] || fail "negative samples: something was stored"

# 4. An MLLP-framed stream of three messages, then update and cancel of one order.
"${make[@]}" prescription "$work/v1.hl7" ORD0001 20120101090000 NW "ダーゼン錠"
"${make[@]}" prescription "$work/v2.hl7" ORD0001 20120101100000 XO "パンスポリン錠"
"${make[@]}" prescription "$work/v3.hl7" ORD0002 20120101110000 NW "アレピアチン散"
"${make[@]}" mllp "$work/stream.hl7" "$work/v1.hl7" "$work/v2.hl7" "$work/v3.hl7"
"$ssmix" ingest --storage "$work/s2" --json "$work/stream.hl7" > "$work/mllp.json"
[ "$(json "$work/mllp.json" 'd["stored"]')" = 3 ] || fail "MLLP stream: 3 messages expected"
folder="$work/s2/999/901/9999013/20110701/OMP-01"
[ -f "$folder/9999013_20110701_OMP-01_ORD0001_20120101090000000_01_2" ] || fail "update: first version not flag 2"
[ -f "$folder/9999013_20110701_OMP-01_ORD0001_20120101100000000_01_1" ] || fail "update: second version not flag 1"
"${make[@]}" prescription "$work/cancel.hl7" ORD0001 20120101120000 CA "パンスポリン錠"
"$ssmix" ingest --storage "$work/s2" "$work/cancel.hl7" > /dev/null
[ "$(ls "$folder" | grep -c '_ORD0001_.*_0$')" = 3 ] || fail "cancel: all 3 files of ORD0001 should be flag 0"
[ -f "$folder/9999013_20110701_OMP-01_ORD0002_20120101110000000_01_1" ] || fail "cancel: another order was touched"

# 5. `ssmix check` of what ingest wrote: only the sample's own empty PID-7 (OMG-13).
"$ssmix" check --json "$work/storage" > "$work/check.json"
findings=$(json "$work/check.json" '" ".join(sorted(set(f["code"] for f in d["findings"])))')
[ "$findings" = "ssmix2.field.required" ] || fail "check after ingest: unexpected findings: $findings"
"$ssmix" check "$work/s2" > /dev/null || fail "check of the update/cancel storage"

# 6. show and hl7 dump on what was stored.
"$ssmix" show --storage "$work/storage" --patient 9999013 --json > "$work/show.json" || fail "show: exit status"
[ "$(json "$work/show.json" 'd["patient"]["name"]')" = "患者 太郎" ] || fail "show: patient name"
[ "$(json "$work/show.json" 'd["prescriptions"][0]["rps"][0]["medications"][0]["drug"]["text"]')" = "ダーゼン錠（５mg)" ] || fail "show: first drug"
"$ssmix" show --storage "$work/storage" --patient 9999013 | grep "内服・経口・１日３回朝昼夕食後" >/dev/null || fail "show: text output"
"$ssmix" show --storage "$work/storage" --patient NOBODY > /dev/null 2>&1
[ $? = 1 ] || fail "show: unknown patient should exit 1"
"$ssmix" hl7 dump "$samples/999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1" | grep -P "^3\tPID-5\[1\]\.1 = 患者$" >/dev/null \
  || fail "hl7 dump: PID-5[1].1"

[ "$failures" = 0 ] && echo "ingest: all passed"
exit $((failures > 0))   # a count of 256 would wrap to success
