#!/usr/bin/env bash
# The main job on the bundled sample data: builds everything, then packs the sample patient's
# images into a disc tree with INDEX.HTM and the viewer, and prints where it is.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${SSMIX_BUILD_DIR:-$repo/build}
out=${SSMIX_DEMO_OUT:-$repo/out}

"$repo/scripts/build.sh"

echo "==> Packing the sample patient (ssmix pack)" >&2
"$build_dir/bin/ssmix" pack --dicom "$build_dir/sample-data/dicom" --tree "$out/disc"
