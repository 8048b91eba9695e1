#!/usr/bin/env bash
# The main job on the bundled sample data: builds everything, then runs the journey
# (scripts/journey.sh): the sample patient's HL7 messages into an SS-MIX2 storage, the
# referral letter, the CD-R image and disc tree with INDEX.HTM and the viewer, verified.
# Output in ./out (or $SSMIX_DEMO_OUT).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${SSMIX_BUILD_DIR:-$repo/build}
out=${SSMIX_DEMO_OUT:-$repo/out}

"$repo/scripts/build.sh"
"$repo/scripts/journey.sh" "$build_dir" "$out"
