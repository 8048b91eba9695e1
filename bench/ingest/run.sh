#!/usr/bin/env bash
# Ingest benchmark (issue: HL7 v2.5 and the SS-MIX2 storage): `ssmix ingest` of COUNT messages
# (default 100000) into an empty storage, compared in the same run with extracting the very
# same storage tree from a tar archive (tar -x: the same files and folders, without parsing,
# naming, locking or fsync). Our ingest fsyncs every file and folder; tar does not.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
count=${1:-100000}
work=${SSMIX_BENCH_DIR:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$here/make_messages.py" "$repo/tests/data/ssmix2/nhoHQ-SSMIX2DataTestingTool/sampleData" "$work/in" "$count"
sync

start=$(date +%s.%N)
"$build/bin/ssmix" ingest --storage "$work/storage" --rejected "$work/rejected" "$work/in" > "$work/ingest.out" 2>&1 || true
ingest=$(echo "$(date +%s.%N) - $start" | bc)
stored=$(find "$work/storage" -type f | wc -l)
rejected=0; [ -d "$work/rejected" ] && rejected=$(find "$work/rejected" -name '*.hl7' | wc -l)

tar -C "$work/storage" -cf "$work/storage.tar" .
sync
start=$(date +%s.%N)
mkdir "$work/untar" && tar -C "$work/untar" -xf "$work/storage.tar"
sync
untar=$(echo "$(date +%s.%N) - $start" | bc)

echo "Ingest benchmark: $count messages ($stored files stored, $rejected rejected)"
printf "%-40s %10.2f s %10.0f messages/s\n" "ssmix ingest (durable)" "$ingest" "$(echo "$count / $ingest" | bc -l)"
printf "%-40s %10.2f s %10.0f files/s\n" "tar -x of the same tree + sync (baseline)" "$untar" "$(echo "$stored / $untar" | bc -l)"
printf "ssmix ingest takes %.1fx the time of tar -x\n" "$(echo "$ingest / $untar" | bc -l)"
