#!/usr/bin/env bash
# Viewer start-up by image count (issue 18 item 4): discs of 100, 1,500 (three series of 500)
# and 10,000 images (four series of 2,500), small CT slices (SIZE x SIZE, default 64) so that
# making the discs takes seconds; ready and first-image times as ratios to the 100-image disc,
# and paging on a 2,500-slice series against a 100-slice one. Not a test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
size=${1:-64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo/tests/browser" && npm ci --no-audit --no-fund --loglevel=error >&2)
for spec in 100:100 1500:500 10000:2500; do
  count=${spec%%:*} per_series=${spec##*:}
  "$build/bin/ssmix-sample-dicom" --thin-ct "$count" "$work/dicom$count" "$size" "$per_series" 2>/dev/null
  "$build/bin/ssmix" pack --dicom "$work/dicom$count" --media dvd --tree "$work/disc$count" >/dev/null
  rm -rf "$work/dicom$count"
done
node "$here/scaling.mjs" "$work/disc100" "$work/disc1500" "$work/disc10000" "$size"
