#!/usr/bin/env bash
# bench/viewer/mpr.sh [SLICES [SIZE]] — MPR (issue 18 item 3) on a CT of SLICES slices of
# SIZE x SIZE (default 500 x 512 x 512: a real thin-slice chest CT; 512 is the generator's
# default and packs in about 15 s on this machine, so there is no reason to take less), one
# series on a DVD tree, in headless Chromium from file://: time from mpr() to the coronal and
# sagittal planes drawn, crosshair steps/s and animation frames/s while it moves, and the wasm
# memory's growth. Baselines in the same run: opening the same series and paging once through
# every axial slice (time), the idle frame rate (frames/s) and volume.bytes (memory). Medians of
# 3 runs (SSMIX_BENCH_RUNS). Not a test: it prints ratios, it judges nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
slices=${1:-500}
size=${2:-512}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average at start: $(cat /proc/loadavg) (nproc $(nproc))"
# npm ci only when puppeteer-core is missing: it would empty node_modules under browser tests
# that may be running at the same moment.
[ -d "$repo/tests/browser/node_modules/puppeteer-core" ] || (cd "$repo/tests/browser" && npm ci --no-audit --no-fund --loglevel=error >&2)
start=$(date +%s.%N)
"$build/bin/ssmix-sample-dicom" --thin-ct "$slices" "$work/dicom" "$size" "$slices" 2>/dev/null
"$build/bin/ssmix" pack --dicom "$work/dicom" --media dvd --tree "$work/disc" >/dev/null
rm -rf "$work/dicom"
echo "disc made (generate + pack) in $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s"
node "$here/mpr.mjs" "$work/disc" "$slices" "$size"
echo "load average at end: $(cat /proc/loadavg)"
