#!/usr/bin/env bash
# bench/viewer/paging.sh [SLICES [SIZE]] — paging like for like: one disc with a 100-slice series
# and one with a SLICES-slice series (default 2,500) of the same SIZE x SIZE slices (default
# 512, a real CT's), each in headless Chromium from file://; 100 consecutive slices paged with
# setFrame in each (the big series' middle 100), ms per slice as a ratio to the 100-slice series
# (the baseline), and the wasm memory after paging every slice of the big series against before
# (bounded or not). Medians of 3 runs (SSMIX_BENCH_RUNS). Not a test. bench/viewer/scaling.sh
# pages 100 frames spread over the series instead (a jump each), with 64 x 64 slices.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
slices=${1:-2500}
size=${2:-512}
small=$(( slices < 100 ? slices : 100 ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average at start: $(cat /proc/loadavg) (nproc $(nproc))"
# npm ci only when puppeteer-core is missing: it would empty node_modules under browser tests
# that may be running at the same moment.
[ -d "$repo/tests/browser/node_modules/puppeteer-core" ] || (cd "$repo/tests/browser" && npm ci --no-audit --no-fund --loglevel=error >&2)
start=$(date +%s.%N)
for count in "$small" "$slices"; do
  "$build/bin/ssmix-sample-dicom" --thin-ct "$count" "$work/dicom$count" "$size" "$count" 2>/dev/null
  "$build/bin/ssmix" pack --dicom "$work/dicom$count" --media dvd --tree "$work/disc$count" >/dev/null
  rm -rf "$work/dicom$count"
done
echo "discs made (generate + pack) in $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s"
node "$here/paging.mjs" "$work/disc$small" "$work/disc$slices" "$size"
echo "load average at end: $(cat /proc/loadavg)"
