#!/usr/bin/env bash
# Letter scrolling benchmark (issue 18, item 5): a large letter (bench/cda/make_document.py,
# 8 MB or $1 MB: 500-row result tables) and a small one (0.05 MB) from the same generator, each
# packed alone on a disc, scrolled in headless Chromium (bench/viewer/letter.mjs). Reported as
# frames/s and as ratios to the browser's own frame rate in the same run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
megabytes=${1:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --build "$build" --target ssmix viewer_wasm >&2
for size in "$megabytes" 0.05; do
  /usr/bin/python3 "$repo/bench/cda/make_document.py" "$work/letter-$size.xml" "$size"
  "$build/bin/ssmix" pack --document "$work/letter-$size.xml" --media dvd --tree "$work/disc-$size" >/dev/null
done
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
node "$here/letter.mjs" "$work/disc-$megabytes" "$work/disc-0.05"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
