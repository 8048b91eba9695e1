#!/usr/bin/env bash
# Viewer benchmark (issue: the viewer). A disc with a generated thin-slice CT (512 x 512,
# $1 slices, default 200) opened from file:// in headless Chromium: time to the viewer ready
# and to the first image (and the same for the sample patient's disc, with its letters and
# record), slices per second while paging through the whole series (decode +
# draw), JS heap and wasm memory after it, and the size of VIEWER.JS. Baseline in the same
# run: native DCMTK (dcmj2pnm) rendering the same slices one process each, and the decoded
# pixels of one slice, for the memory ratio; and DWV (npm dwv, bundled by esbuild into one
# classic script, since file:// pages cannot load ES modules) decoding the same slices in the
# same browser. Then the same CT encoded JPEG 2000 lossless by GDCM (gdcmconv --j2k) on a DVD,
# which keeps it: paging speed and decode time against DWV's JPEG 2000 decoder (its worker,
# pdf.js's JpxImage, started from a blob: a file:// page may not start a worker from a file).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
slices=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo/tests/browser" && npm ci --no-audit --no-fund --loglevel=error >&2)
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
mkdir -p "$work/dwv"
cp "$here/dwv.html" "$here/node_modules/dwv/dist/assets/workers/jpeg2000.worker.min.js" "$work/dwv/"
"$here/node_modules/.bin/esbuild" "$here/dwv_entry.js" --bundle --format=iife --global-name=dwv --log-level=warning \
  --define:import.meta.url='"file:///dwv/"' --outfile="$work/dwv/dwv.bundle.js"

"$build/bin/ssmix-sample-dicom" --thin-ct "$slices" "$work/dicom" 2>/dev/null
# A real-looking patient's disc too (letter, data-provision document, SS-MIX2 record, 3 studies).
"$repo/scripts/journey.sh" "$build" "$work/journey" >/dev/null 2>&1
"$build/bin/ssmix" pack --dicom "$work/dicom" --media dvd --tree "$work/disc" >/dev/null
mkdir -p "$work/j2k"
n=0; for f in $(find "$work/disc/DICOM" -type f | sort); do n=$((n + 1)); gdcmconv --j2k "$f" "$work/j2k/IM$n"; done
"$build/bin/ssmix" pack --dicom "$work/j2k" --media dvd --tree "$work/j2kdisc" >/dev/null

# Native baseline: dcmj2pnm on every 10th slice, one process each, as a viewer would render them.
files=$(find "$work/disc/DICOM" -type f | sort | awk 'NR % 10 == 1')
count=$(echo "$files" | wc -l)
start=$(date +%s.%N)
for f in $files; do dcmj2pnm -q "$f" "$work/native.pgm"; done
native_seconds=$(echo "$(date +%s.%N) - $start" | bc)

node "$here/measure.mjs" "$work/disc" "$slices" "$native_seconds" "$count" "$(stat -c %s "$work/disc/VIEWER/VIEWER.JS")" \
  "$work/dwv/dwv.html" "$(node -p "require('$here/node_modules/dwv/package.json').version")" "$work/journey/disc" "$work/j2kdisc"
