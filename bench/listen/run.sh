#!/usr/bin/env bash
# Listen benchmark (issue: ssmix listen): messages/s through `ssmix listen` with durable ACKs,
# for 1 and 8 concurrent senders, compared in the same run with `ssmix ingest` of the same
# messages from files, and with a plain loopback echo of the same frames (the transport's limit).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
count=${1:-4000}
work=$(mktemp -d)
cleanup() { kill "${server:-}" "${echo_server:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

cmake --build "$build" --target mllp_load ssmix >&2
/usr/bin/python3 "$repo/bench/ingest/make_messages.py" "$repo/tests/data/ssmix2/nhoHQ-SSMIX2DataTestingTool/sampleData" "$work/in" "$count"
mapfile -t files < <(find "$work/in" -type f | sort)

listen_run() {   # listen_run CONNECTIONS -> "messages seconds refused"
  rm -rf "$work/storage"
  "$build/bin/ssmix" listen --storage "$work/storage" --port 0 --log "$work/listen.log" > "$work/port" &
  server=$!
  while ! grep -q listening "$work/port" 2>/dev/null; do sleep 0.05; done
  local port; port=$(awk '{print $3}' "$work/port")
  "$build/bench/mllp_load" send "$port" "$1" "${files[@]}"
  kill -TERM "$server"; wait "$server" || true
}

one=$(listen_run 1)
eight=$(listen_run 8)
rm -rf "$work/storage"
start=$(date +%s.%N)
"$build/bin/ssmix" ingest --storage "$work/storage" --rejected "$work/rejected" "$work/in" > /dev/null 2>&1 || true
ingest="$count $(echo "$(date +%s.%N) - $start" | bc) 0"
"$build/bench/mllp_load" echo 29999 & echo_server=$!
sleep 0.3
echo1=$("$build/bench/mllp_load" send 29999 1 "${files[@]}")
echo8=$("$build/bench/mllp_load" send 29999 8 "${files[@]}")

/usr/bin/python3 - "$one" "$eight" "$ingest" "$echo1" "$echo8" <<'PY'
import sys
names = ["ssmix listen, 1 sender", "ssmix listen, 8 senders", "ssmix ingest from files", "loopback echo, 1 sender", "loopback echo, 8 senders"]
rows = [a.split() for a in sys.argv[1:]]
rate = [int(m) / float(s) for m, s, _ in rows]
print("Listen benchmark: %s messages, durable ACKs (fsync before AA)" % rows[0][0])
for name, r, row in zip(names, rate, rows):
    print("%-28s %10.0f messages/s%s" % (name, r, "  (%s not AA)" % row[2] if row[2] != "0" else ""))
print()
print("8 senders vs 1 sender (group commit)  : %5.1fx" % (rate[1] / rate[0]))
print("listen, 8 senders vs ingest from files : %5.2fx" % (rate[1] / rate[2]))
print("listen, 1 sender vs echo, 1 sender     : %5.3fx of the transport's limit" % (rate[0] / rate[3]))
print("listen, 8 senders vs echo, 8 senders   : %5.3fx of the transport's limit" % (rate[1] / rate[4]))
PY
