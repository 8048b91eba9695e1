#!/usr/bin/env bash
# tests/integration/ingest_concurrency_test.sh — two `ssmix ingest` processes writing the same
# patient's records at once lose nothing: every message stored, one current version per record.
set -uo pipefail
ssmix=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"; mkdir -p "$work"
/usr/bin/python3 "$here/make_messages.py" many "$work/a" 300 ORDA1
/usr/bin/python3 "$here/make_messages.py" many "$work/b" 300 ORDA2
# Both processes also ingest the third set, so they race on the same records and files.
/usr/bin/python3 "$here/make_messages.py" many "$work/c" 300 ORDA3
"$ssmix" ingest --storage "$work/storage" "$work/a" "$work/c" > "$work/1.out" 2>&1 &
first=$!
"$ssmix" ingest --storage "$work/storage" "$work/b" "$work/c" > "$work/2.out" 2>&1 &
second=$!
wait $first; s1=$?
wait $second; s2=$?
failures=0
[ "$s1" = 0 ] && [ "$s2" = 0 ] || { echo "FAIL: exit statuses $s1 $s2"; cat "$work"/*.out; failures=1; }
folder="$work/storage/999/901/9999013/20110701/OMP-01"
total=$(ls "$folder" | wc -l)
[ "$total" = 900 ] || { echo "FAIL: $total files stored, expected 900 (300 + 300 + 300, the shared 300 once)"; failures=1; }
for prefix in ORDA1 ORDA2 ORDA3; do
  for n in $(seq -w 0 49); do
    current=$(ls "$folder" | grep -c "_${prefix}000${n}_.*_1$")
    [ "$current" = 1 ] || { echo "FAIL: ${prefix}000${n} has $current current versions"; failures=1; break 2; }
  done
done
[ "$failures" = 0 ] && echo "ingest concurrency: all passed"
exit $((failures > 0))   # a count of 256 would wrap to success
